// Host start with a 1 GB workspace (issue 18; printed, never asserted): the built web host
// (dist/host/main.mjs, plain node, as `npm run host` runs it) started on the data folder until
// project.list answers, beside the same start on a workspace of a few hundred KB in the same run. The
// big file is a real workspace: a 100-task project and ~1 GB of history (audit rows of ~1 KB).
//   npm run bench -- --only start
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFile } from '../../electron/core/paths.js';
import { ROOT, tempWorkspace } from '../helpers/workspace.js';
import { ensureRenderer } from './renderer.js';
import { bulkWbs } from './scale.js';
import { call } from './call.js';
import { stats } from './stats.js';
import type { BenchLine } from './excel-import.js';

const GB_ROWS = 1_000_000;

/** A workspace in a new folder: a 100-task project, and `history` audit rows of ~1 KB each. */
async function workspaceWith(history: number): Promise<string> {
  const ws = tempWorkspace();
  try {
    const { id } = await call<{ id: number }>(ws.handlers, 'project.create', { name: '起動' });
    bulkWbs(ws.db, id, [10, 10]);
    if (history > 0) {
      const batch = ws.db.prepare('SELECT id FROM batches ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
      ws.db.sqlite.transaction(() =>
        ws.db.sqlite
          .prepare(
            `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
             INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after)
             SELECT ?, '2025-01-01T00:00:00.000Z', 'bench', 'wbs_task', i, 'update', printf('{"notes":"%.1000c"}', 'x'), '{"notes":""}' FROM n`,
          )
          .run(history, batch),
      )();
    }
    return ws.dir;
  } finally {
    ws.close();
  }
}

/** Starts the host on `dir`; answers the ms until project.list answered, then stops it (cleanly). */
async function startOnce(dir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/host/main.mjs'), '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PMO Desk: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${err}`)));
  });
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token')!;
  const res = await fetch(`${origin}/api/project.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PMO-Token': token }, body: '{}' });
  if (!res.ok) throw new Error(`project.list: ${await res.text()}`);
  await res.json();
  const ms = performance.now() - t0;
  await new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
  return ms;
}

export async function benchStart(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  log(`start: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores`);
  ensureRenderer();
  const small = await workspaceWith(0);
  const big = await workspaceWith(GB_ROWS);
  try {
    const mb = (dir: string) => (fs.statSync(databaseFile(dir)).size / 1024 / 1024).toFixed(1);
    log(`start: workspaces of ${mb(small)} MB and ${mb(big)} MB`);
    // One start of each first, apart: the first start of the day backs the file up (workspace.ts
    // dailyBackup: VACUUM INTO, 8–11 s for 1.4 GB; over 16 MiB written beside the started workspace,
    // db/file-work.ts), the starts after it do not; the weekly integrity_check is not due here (the
    // file was checked when it was created), and its thread is the same one when it is.
    const s: number[] = [];
    const b: number[] = [];
    let first = { small: 0, big: 0 };
    for (let i = 0; i <= 3; i++) {
      const x = await startOnce(small);
      const y = await startOnce(big);
      if (i > 0) s.push(x), b.push(y);
      else first = { small: x, big: y };
    }
    const bs = stats(b);
    const ss = stats(s);
    return [
      { what: `start: web host until project.list answers, ${mb(big)} MB workspace`, n: bs.n, p50: bs.p50, p95: null, target: `≤ 1 s; ${(bs.p50 / ss.p50).toFixed(1)}× the small one's` },
      { what: `  floor: the same start, ${mb(small)} MB workspace`, n: ss.n, p50: ss.p50, p95: null, target: '' },
      { what: `  the first start of the ${mb(big)} MB file that day (its daily backup due: beside the start)`, n: 1, p50: first.big, p95: null, target: `${mb(small)} MB: ${first.small.toFixed(0)} ms` },
    ];
  } finally {
    for (const dir of [small, big]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
