// Builds everything `npm start`, the tests and packaging need into dist/:
//   dist/renderer/          the React app (Vite)
//   dist/host/main.mjs      the loopback web host (esbuild; node_modules stay external)
//   dist/electron/*.cjs     Electron main (esbuild, its packages bundled) and preload
//   dist/excel/read-worker.mjs  the capped worker that parses workbooks (esbuild)
//   dist/core/workspace-worker.mjs  the thread that owns the workspace (database and handlers)
//   dist/core/file-worker.mjs  the weekly integrity_check and daily backup of a big workspace file, beside it
//   dist/core/resvg.wasm     the chart rasterizer's WebAssembly, read by the workspace worker beside it
//   dist/core/pg-worker.mjs  team mode: the thread holding the PostgreSQL connection (db/pg-sync.ts)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const r = (p) => path.join(root, p);
const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// The workers are unpacked beside app.asar (worker_threads loads a real file), and a bare import from
// app.asar.unpacked/dist/core is looked up in app.asar.unpacked/node_modules only, never inside the asar:
// so they carry their packages. Only better-sqlite3 stays outside (its .node cannot be bundled; it and
// the `bindings` that loads it are unpacked, electron-builder.yml), and pg-native, which node-postgres
// asks for only when told to. The bundled CommonJS packages (exceljs, pg) require Node's modules:
// esbuild's ESM output sends those to a `require` of the module's own.
const WORKER_EXTERNAL = ['better-sqlite3', 'pg-native'];
const requireShim = "import { createRequire as __pmoCreateRequire } from 'node:module'; const require = __pmoCreateRequire(import.meta.url);";

export async function buildAll({ quiet = true } = {}) {
  await viteBuild({ configFile: r('vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
  // The worker first: the bundles that start it carry its SHA-256 and refuse a changed file. It is
  // unpacked beside the asar (worker_threads loads a real file), outside the asar's own integrity
  // check; the pinned hash, inside the checked asar, covers it.
  await esbuild({ ...common, entryPoints: [r('electron/core/excel/capped-worker-entry.ts')], outfile: r('dist/excel/read-worker.mjs'), format: 'esm' });
  const workerSha256 = sha256(r('dist/excel/read-worker.mjs'));
  const { packages: _, ...bundled } = common;
  const selfContained = { ...bundled, external: WORKER_EXTERNAL, format: 'esm', banner: { js: requireShim } };
  // The PostgreSQL thread is started by the workspace worker, which pins it the same way.
  await esbuild({ ...selfContained, entryPoints: [r('electron/core/db/pg-worker.ts')], outfile: r('dist/core/pg-worker.mjs') });
  const pgSha256 = sha256(r('dist/core/pg-worker.mjs'));
  // The thread of the weekly integrity check and daily backup of a big file, started by the workspace worker and pinned the same way.
  await esbuild({ ...selfContained, entryPoints: [r('electron/core/db/file-worker.ts')], outfile: r('dist/core/file-worker.mjs') });
  // resvg's WebAssembly beside the worker, read by path (charts/render.ts) and pinned like the workers.
  fs.copyFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'), r('dist/core/resvg.wasm'));
  const define = {
    __PMO_READER_WORKER_SHA256__: JSON.stringify(workerSha256),
    __PMO_PG_WORKER_SHA256__: JSON.stringify(pgSha256),
    __PMO_FILE_WORKER_SHA256__: JSON.stringify(sha256(r('dist/core/file-worker.mjs'))),
  };
  // The workspace worker starts the reader, so it is built (and pinned) after it, before the hosts.
  await esbuild({
    ...selfContained,
    define: { ...define, __PMO_RESVG_WASM__: JSON.stringify('resvg.wasm'), __PMO_RESVG_WASM_SHA256__: JSON.stringify(sha256(r('dist/core/resvg.wasm'))) },
    entryPoints: [r('electron/core/workspace-worker.ts')],
    outfile: r('dist/core/workspace-worker.mjs'),
  });
  const workspaceSha256 = sha256(r('dist/core/workspace-worker.mjs'));
  const pinned = { ...common, define: { ...define, __PMO_WORKSPACE_WORKER_SHA256__: JSON.stringify(workspaceSha256) } };
  await Promise.all([
    esbuild({ ...pinned, entryPoints: [r('electron/host/main.ts')], outfile: r('dist/host/main.mjs'), format: 'esm' }),
    // Electron main carries its packages too: app.asar then needs no node_modules but better-sqlite3's
    // (electron-builder.yml), and main loads one file instead of hundreds from the archive.
    esbuild({ ...pinned, packages: undefined, external: ['electron', ...WORKER_EXTERNAL], entryPoints: [r('electron/main/main.ts')], outfile: r('dist/electron/main.cjs'), format: 'cjs' }),
    esbuild({ ...common, entryPoints: [r('electron/preload/preload.ts')], outfile: r('dist/electron/preload.cjs'), format: 'cjs' }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildAll();
  console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
