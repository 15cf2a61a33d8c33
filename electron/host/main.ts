// Entry of the web host bundle (dist/host/main.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHostCli } from './cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

runHostCli({ root, version, argv: process.argv.slice(2) }).catch((err: Error) => {
  console.error(`PMO Desk could not start: ${err.message}`);
  process.exit(1);
});
