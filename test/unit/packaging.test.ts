// What the package may hold and run (issue 20's packaging findings), checked on the electron-builder
// configuration and on the built dist/ (npm test builds it first). The package itself is not built here
// (no Electron binary on this machine); test/integration/packaged-workers.test.ts runs the workers from
// the set the config unpacks.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkerFile } from '../../electron/core/excel/capped-worker.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { checkWorkspaceWorker } from '../../electron/core/workspace-thread.js';
import { builderList as list, builderMap as map, packedByConfig } from '../helpers/builder-config.js';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the package', () => {
  it('holds no node_modules but the SQLite binding: Electron main and preload carry their packages, and require nothing else', () => {
    // The production node_modules electron-builder adds by default were 9,000 files (91 MB of the asar)
    // that nothing loaded once the bundles carried their packages.
    const packages = new Set<string>();
    for (const dir of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      const names = dir.startsWith('@') ? fs.readdirSync(path.join(ROOT, 'node_modules', dir)).map((n) => `${dir}/${n}`) : [dir];
      for (const name of names) if (packedByConfig(`node_modules/${name}/package.json`)) packages.add(name);
    }
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(packedByConfig('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(packedByConfig('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
    expect(packedByConfig('node_modules/exceljs/package.json')).toBe(false);
    // What main and preload still require at run time: Node's own modules, Electron, and pg-native
    // (node-postgres asks for it only when told to use it, which PMO Desk never does).
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.length, file).toBeGreaterThan(0);
      expect(required.filter((r) => !builtins.has(r) && r !== 'electron' && r !== 'pg-native' && !packages.has(r)), file).toEqual([]);
    }
  });

  it("leaves out better-sqlite3's test extension, sources and build tree, and takes the reader worker", () => {
    const files = list('files');
    expect(files).toContain('!node_modules/better-sqlite3/build/Release/test_extension.node');
    expect(files).toContain('!node_modules/better-sqlite3/src/**');
    expect(files).toContain('!node_modules/better-sqlite3/deps/**');
    expect(files).toContain('dist/excel/**');
    expect(files).toContain('dist/core/**');
  });

  it('unpacks only the SQLite binding (with the `bindings` that loads it), the reader worker and the workspace worker from the asar', () => {
    expect(list('asarUnpack').sort()).toEqual(['dist/core/**', 'dist/excel/**', 'node_modules/better-sqlite3/**', 'node_modules/bindings/**', 'node_modules/file-uri-to-path/**']);
  });

  it('pins the unpacked workspace worker: the bundles carry its SHA-256 and a changed worker file is refused', () => {
    const worker = path.join(ROOT, 'dist/core/workspace-worker.mjs');
    const sha = createHash('sha256').update(fs.readFileSync(worker)).digest('hex');
    for (const bundle of ['dist/host/main.mjs', 'dist/electron/main.cjs']) expect(fs.readFileSync(path.join(ROOT, bundle), 'utf8'), bundle).toContain(`"${sha}"`);
    expect(() => checkWorkspaceWorker(worker, sha)).not.toThrow();
    const changed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-worker-')), 'workspace-worker.mjs');
    fs.writeFileSync(changed, Buffer.concat([fs.readFileSync(worker), Buffer.from('\n// changed\n')]));
    expect(() => checkWorkspaceWorker(changed, sha)).toThrow(/workspace worker \(core\/workspace-worker\.mjs\) is not the file installed with PMO Desk; reinstall PMO Desk/);
    fs.rmSync(path.dirname(changed), { recursive: true, force: true });
  });

  it('pins what the workspace worker starts or reads beside it: the PostgreSQL worker and the chart rasterizer', () => {
    const worker = fs.readFileSync(path.join(ROOT, 'dist/core/workspace-worker.mjs'), 'utf8');
    for (const file of ['dist/core/pg-worker.mjs', 'dist/core/resvg.wasm'])
      expect(worker, file).toContain(`"${createHash('sha256').update(fs.readFileSync(path.join(ROOT, file))).digest('hex')}"`);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or --inspect; asar integrity checked, the app only from its asar', () => {
    expect(map('electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('pins the unpacked reader worker: the bundles carry its SHA-256 and a changed worker file is refused', () => {
    const worker = path.join(ROOT, 'dist/excel/read-worker.mjs');
    // `npm test` builds dist/ first; run `npm run build` before this file alone.
    const sha = createHash('sha256').update(fs.readFileSync(worker)).digest('hex');
    for (const bundle of ['dist/host/main.mjs', 'dist/electron/main.cjs']) expect(fs.readFileSync(path.join(ROOT, bundle), 'utf8'), bundle).toContain(`"${sha}"`);
    expect(() => checkWorkerFile(worker, sha)).not.toThrow();
    const changed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-worker-')), 'read-worker.mjs');
    fs.writeFileSync(changed, Buffer.concat([fs.readFileSync(worker), Buffer.from('\n// changed\n')]));
    let err: unknown;
    try {
      checkWorkerFile(changed, sha);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExcelReadError);
    expect((err as Error).message).toMatch(/is not the file installed with PMO Desk; reinstall PMO Desk/);
    fs.rmSync(path.dirname(changed), { recursive: true, force: true });
  });
});
