// Where the workspace thread finds the script of a worker thread it starts beside it (the PostgreSQL
// bridge, pg-sync.ts; the file worker, file-work.ts), one way for each:
//   - a file set by the caller (tools);
//   - in dist/, the built file beside the bundle (dist/core/<name>.mjs), unpacked beside the asar when
//     packaged, and refused unless its SHA-256 is the one the bundle was built with (build.mjs pins it:
//     outside the asar, the asar's own integrity check does not cover it);
//   - run from the sources (tests, npm run bench), bundled on the spot into .cache/ (esbuild, node_modules
//     left outside as in dist/) rather than loaded through tsx as workspace-thread.ts does: tsx's module
//     hooks answer through the thread that started the worker, and a thread blocked in Atomics.wait (the
//     PostgreSQL bridge) never lets the worker finish loading.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

// This file (electron/core/db/worker-file.ts), or the bundle it was built into.
function thisFile(): string | undefined {
  // In the workspace thread run from the sources (an eval worker, workspace-thread.ts), the global
  // __filename is "[worker eval]", not this module: only an absolute path is a file.
  if (typeof __filename === 'string' && path.isAbsolute(__filename)) return __filename;
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
}

export interface WorkerFile {
  /** What the user reads when it is missing or changed: "the PostgreSQL worker". */
  label: string;
  /** Under dist/: core/pg-worker.mjs. */
  distPath: string;
  /** The entry beside this file, run from the sources: pg-worker.ts. */
  source: string;
  /** The SHA-256 the bundle was built with (undefined from the sources). */
  sha256: string | undefined;
  configured?: string;
}

/** The script to start the worker `w` from. */
export function workerFile(w: WorkerFile): string {
  if (w.configured) return w.configured;
  const here = thisFile();
  if (!here) throw new Error('PMO Desk cannot find its own files');
  if (here.endsWith('.ts')) return builtFromSources(here, w.source);
  // dist/host/main.mjs, dist/core/workspace-worker.mjs → dist/core/<name>.mjs
  let file = path.resolve(path.dirname(here), '..', w.distPath);
  // Packaged, the bundle is read from app.asar and the worker is unpacked beside it (asarUnpack: dist/core).
  const unpacked = file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  if (unpacked !== file && fs.existsSync(unpacked)) file = unpacked;
  if (!fs.existsSync(file)) throw new Error(`${w.label} is not built (${w.distPath} is missing); run npm run build`);
  if (typeof w.sha256 === 'string' && createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== w.sha256)
    throw new Error(`${w.label} (${w.distPath}) is not the file installed with PMO Desk; reinstall PMO Desk`);
  return file;
}

function builtFromSources(here: string, source: string): string {
  const req = createRequire(here);
  const esbuild = req('esbuild') as typeof import('esbuild');
  const root = path.resolve(path.dirname(here), '../../..');
  const out = esbuild.buildSync({
    entryPoints: [path.resolve(path.dirname(here), source)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  }).outputFiles[0]!.text;
  // Named by its content: processes running at once write the same file, each whole (rename is atomic).
  const file = path.join(root, '.cache', `${path.basename(source, '.ts')}-${createHash('sha256').update(out).digest('hex').slice(0, 16)}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    fs.writeFileSync(tmp, out);
    fs.renameSync(tmp, file);
  }
  return file;
}
