// The packaged app's workers, run from what electron-builder unpacks beside app.asar (issue 16).
// worker_threads loads a real file, so build/electron-builder.yml unpacks the workers; a bare import from
// app.asar.unpacked/dist/core is looked up in app.asar.unpacked/node_modules and above it, never inside
// app.asar. This rebuilds that folder from the config's own `files` and `asarUnpack` patterns — those
// files of the project and nothing else — in a temp folder with no node_modules above it, and starts each
// unpacked worker there with plain Node (no Electron binary on this machine). electron-builder --dir with
// a stand-in Electron folder (`electronDist`) unpacked the same files. Before the workers carried their
// packages, the workspace worker stopped at its first import (drizzle-orm) and the PostgreSQL one at `pg`.
// Needs dist/ (npm test builds it first; alone: npm run build).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import type { Input, Method, Output } from '../../electron/common/api.js';
import { setReaderWorkerFile } from '../../electron/core/excel/capped-worker.js';
import { openPgSql, setPgWorkerFile } from '../../electron/core/db/pg-sync.js';
import type { PgAnswer, PgRequest, PgWorkerStart } from '../../electron/core/db/pg-worker.js';
import { setWorkspaceWorkerFile, startWorkspaceThread, type WorkspaceThread } from '../../electron/core/workspace-thread.js';
import { builderList, packedByConfig } from '../helpers/builder-config.js';
import { PG_SKIP, startPgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const GLOB = { dot: true };

/** The files electron-builder puts in app.asar.unpacked: packed (`files`, and the production node_modules it adds itself) and matched by `asarUnpack`. */
function unpackedFiles(): string[] {
  const out = new Set<string>();
  for (const pattern of builderList('asarUnpack')) {
    // The folder the pattern names before its first wildcard: only files under it can match.
    const parts = pattern.split('/');
    const base = parts.slice(0, parts.findIndex((s) => /[*?{[]/.test(s))).join('/');
    const dir = path.join(ROOT, base);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (minimatch(rel, pattern, GLOB) && packedByConfig(rel)) out.add(rel);
    }
  }
  return [...out].sort();
}

const resources = tempDir('pmo-packaged-');
const unpacked = path.join(resources, 'app.asar.unpacked');
const files = unpackedFiles();
for (const rel of files) {
  fs.mkdirSync(path.dirname(path.join(unpacked, rel)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, rel), path.join(unpacked, rel));
}
const at = (rel: string) => path.join(unpacked, rel);

afterAll(() => {
  setWorkspaceWorkerFile(undefined);
  setReaderWorkerFile(undefined);
  setPgWorkerFile(undefined);
  fs.rmSync(resources, { recursive: true, force: true });
});

describe('the packaged app’s workers, from app.asar.unpacked alone', () => {
  it('unpacks the three workers, the chart rasterizer and the SQLite binding, and nothing above them holds a package', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/core/workspace-worker.mjs', 'dist/core/pg-worker.mjs', 'dist/core/file-worker.mjs', 'dist/core/resvg.wasm', 'dist/excel/read-worker.mjs']));
    expect(files.some((f) => f.startsWith('node_modules/better-sqlite3/build/Release/') && f.endsWith('.node'))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    // What the workers import must be in them or beside them: nothing from the project's node_modules.
    expect(() => createRequire(at('dist/core/x.js')).resolve('exceljs')).toThrow(/Cannot find module/);
  });

  it('the workspace worker opens a workspace, writes, and exports a report whose chart resvg drew', async () => {
    setWorkspaceWorkerFile(at('dist/core/workspace-worker.mjs'));
    setReaderWorkerFile(at('dist/excel/read-worker.mjs'));
    // The migrations stay inside app.asar, which Electron's worker threads read (electron#33216).
    const thread: WorkspaceThread = await startWorkspaceThread(tempDir(), {
      migrationsFolder: MIGRATIONS,
      context: { version: 'test', osLocale: 'ja-JP', shell: 'electron', user: 'tester' },
    });
    try {
      const call = async <M extends Method>(method: M, args: Input<M>): Promise<Output<M>> => {
        const env = await thread.handlers.invoke(method, args);
        if (!env.ok) throw ApiError.from(env.error);
        return env.result as Output<M>;
      };
      const a = await call('project.create', { name: '基幹システム更改' });
      const b = await call('project.create', { name: '人事システム' });
      const task = await call('wbs.create', { projectId: a.id, values: { name: '要件定義', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' } });
      expect((await call('wbs.rows', { projectId: a.id }).then(tasksOfTable)).map((t) => t.id)).toContain(task.id);
      // Two projects: the summary sheet's SPI/CPI chart, drawn by ECharts and rasterized by resvg, written by ExcelJS.
      const report = await call('report.export', { projectIds: [a.id, b.id], format: 'xlsx' });
      const xlsx = Buffer.from(report.dataBase64, 'base64');
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
      expect(xlsx.includes(Buffer.from('xl/media/')), 'a picture in the workbook').toBe(true);
    } finally {
      await thread.close();
    }
  });

  it('the PostgreSQL worker loads node-postgres and answers a connection refused', async () => {
    const free = net.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as net.AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const channel = new MessageChannel();
    const start: PgWorkerStart = { port: channel.port2, signal: new SharedArrayBuffer(4) };
    const worker = new Worker(at('dist/core/pg-worker.mjs'), { workerData: start, transferList: [channel.port2] });
    try {
      const answer = await new Promise<PgAnswer>((resolve, reject) => {
        worker.once('error', reject);
        channel.port1.once('message', resolve);
        channel.port1.postMessage({ op: 'connect', config: { host: '127.0.0.1', port, user: 'nobody', database: 'none', connectionTimeoutMillis: 5000 } } satisfies PgRequest);
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'ECONNREFUSED' } });
    } finally {
      channel.port1.close();
      await worker.terminate();
    }
  });

  it.skipIf(PG_SKIP)('the PostgreSQL worker migrates a team database and answers a query', async () => {
    const cluster = await startPgCluster();
    setPgWorkerFile(at('dist/core/pg-worker.mjs'));
    const sql = openPgSql(cluster.config);
    try {
      sql.migrate(path.join(ROOT, 'drizzle/pg/migrations'));
      expect(sql.all('SELECT count(*) AS n FROM projects')).toEqual([{ n: 0 }]);
    } finally {
      sql.close();
      await cluster.stop();
    }
  });
});
