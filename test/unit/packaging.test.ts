// What the package may hold and run (issue 20's packaging findings), checked on the electron-builder
// configuration and on the built dist/ (npm test builds it first). electron-builder itself cannot run
// here (no Electron binary on this machine), so the package is not built; these are the inputs it reads.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkerFile } from '../../electron/core/excel/capped-worker.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { checkWorkspaceWorker } from '../../electron/core/workspace-thread.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = fs.readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8');

/** The items of a top-level list (`key:` then `  - item` lines, comments skipped), unquoted. */
function list(key: string): string[] {
  const lines = config.split('\n');
  const at = lines.indexOf(`${key}:`);
  expect(at, `${key} in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^\s+-\s+(.+)$/.exec(line);
    if (!m) break;
    items.push(m[1]!.replace(/^"(.*)"$/, '$1'));
  }
  return items;
}

/** The `key: value` pairs of a top-level map. */
function map(key: string): Record<string, string> {
  const lines = config.split('\n');
  const at = lines.indexOf(`${key}:`);
  expect(at, `${key} in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const line of lines.slice(at + 1)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^\s+([A-Za-z]+):\s*(.+)$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('the package', () => {
  it("leaves out better-sqlite3's test extension, sources and build tree, and takes the reader worker", () => {
    const files = list('files');
    expect(files).toContain('!node_modules/better-sqlite3/build/Release/test_extension.node');
    expect(files).toContain('!node_modules/better-sqlite3/src/**');
    expect(files).toContain('!node_modules/better-sqlite3/deps/**');
    expect(files).toContain('dist/excel/**');
    expect(files).toContain('dist/core/**');
  });

  it('unpacks only the SQLite binding, the reader worker and the workspace worker from the asar', () => {
    expect(list('asarUnpack').sort()).toEqual(['dist/core/**', 'dist/excel/**', 'node_modules/better-sqlite3/**']);
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
