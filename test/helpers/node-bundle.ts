// A module of the project bundled for plain node as the app's build bundles its workers (esbuild, ESM,
// node20, packages left in node_modules): written to test-output/<dir>/<name>-<pid>.mjs (the pid keeps
// parallel test files apart) and removed when this process exits.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function bundleForNode(entry: string, dir: string, name: string): Promise<string> {
  fs.mkdirSync(path.join(ROOT, 'test-output', dir), { recursive: true });
  const out = path.join(ROOT, 'test-output', dir, `${name}-${process.pid}.mjs`);
  await build({ entryPoints: [path.join(ROOT, entry)], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  process.once('exit', () => fs.rmSync(out, { force: true }));
  return out;
}
