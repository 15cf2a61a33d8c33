// The built renderer the benches' web hosts serve, built first when it is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/workspace.js';

export function ensureRenderer(): string {
  const dir = path.join(ROOT, 'dist/renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.log('dist/renderer is missing: building it…');
    execFileSync(process.execPath, [path.join(ROOT, 'build/scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  return dir;
}
