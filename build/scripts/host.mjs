// `npm run host -- --data <dir> --port <n>`: build, then serve the app on the loopback web host.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runHost(args) {
  await buildAll();
  const child = spawn(process.execPath, [path.join(root, 'dist/host/main.mjs'), ...args], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runHost(process.argv.slice(2));
