// Team mode (issue 17): what a statement costs through the synchronous PostgreSQL bridge
// (electron/core/db/pg-sync.ts) against the same statement through better-sqlite3's seam, on the same
// 10,000-task WBS (10 × 9 × 10 × 10) in both, written and read by the same code through `Sql`. The server
// is a throw-away local cluster with fsync and synchronous commit on (as a real server has them); the
// SQLite file is the app's own (WAL, synchronous=FULL). Samples alternate between the engines so both see
// the same machine load. The edit-shaped transaction is the statements wbs.update once ran for a leaf
// (read it, write it, re-read and write its three ancestors' roll-ups, a batch row and an audit row), each
// one round trip: what the bridge costs per statement. The real edit is wbs.update on a workspace opened
// on each engine (handlers.invoke, as the workspace thread runs it), the same patches as the wbs section's
// edit round trip, with its round trips to the server counted (pg-sync.ts roundTrips). Each figure comes
// with CPU time, this process's and the server processes' (/proc), which the load does not move.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../electron/core/db/open.js';
import { openPgSql, type PgSql } from '../../electron/core/db/pg-sync.js';
import type { Sql } from '../../electron/core/db/sql.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { stats, type Stats } from './stats.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { buildWbs } from './fixture.js';
import { patch, picker } from './edit.js';
import type { BenchLine } from './excel-import.js';
import { setReaderWorkerFile } from '../../electron/core/excel/capped-worker.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';

const FANOUT = [10, 9, 10, 10];
const READS = 2000;
const WRITES = 1000;
const EDITS = 400;
const WARMUP = 50;
/** The issue's figure: 5 administrators (processes) editing at once, 200 edits each. */
const CLIENTS = 5;
const EDITS_EACH = 200;
/** Imports of the 10,000-row workbook per engine (after one of each unmeasured), alternating. */
const IMPORTS = 4;

interface Tree {
  projectId: number;
  leaves: number[];
  parentOf: Map<number, number>;
}

/** The same tree into either engine, with ids given, through the seam alone. */
function fill(sql: Sql): Tree {
  const projectId = 1;
  sql.run('INSERT INTO projects (id, name) VALUES (?, ?)', [projectId, 'ベンチマーク 10,000 タスク']);
  const parentOf = new Map<number, number>();
  let parents: (number | null)[] = [null];
  let next = 1;
  let leaves: number[] = [];
  sql.tx(() => {
    FANOUT.forEach((fan, level) => {
      const rows: unknown[][] = [];
      for (const parent of parents)
        for (let k = 0; k < fan; k++) {
          const id = next++;
          if (parent != null) parentOf.set(id, parent);
          rows.push([id, projectId, parent, k + 1, `${['フェーズ', 'WP', 'アクティビティ', 'タスク'][level]} ${id}`, (id * 13) % 100, 1 + (id % 8) * 0.5]);
        }
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        sql.run(
          `INSERT INTO wbs_tasks (id, project_id, parent_id, position, name, progress, planned_effort) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flat(),
        );
      }
      parents = rows.map((r) => r[0] as number);
      if (level === FANOUT.length - 1) leaves = parents as number[];
    });
  });
  return { projectId, leaves, parentOf };
}

function edit(sql: Sql, tree: Tree, leaf: number, i: number): void {
  const at = new Date().toISOString();
  sql.tx(() => {
    const before = sql.get<Record<string, unknown>>('SELECT * FROM wbs_tasks WHERE id = ?', [leaf]);
    sql.run('UPDATE wbs_tasks SET progress = ?, updated_at = ? WHERE id = ?', [(i * 7) % 101, at, leaf]);
    for (let a = tree.parentOf.get(leaf); a != null; a = tree.parentOf.get(a)) {
      const r = sql.get<{ e: number; p: number }>('SELECT sum(planned_effort) AS e, avg(progress) AS p FROM wbs_tasks WHERE parent_id = ?', [a])!;
      sql.run('UPDATE wbs_tasks SET planned_effort = ?, progress = ?, updated_at = ? WHERE id = ?', [r.e, Math.round(r.p), at, a]);
    }
    const batch = `bench-${i}-${Math.random().toString(36).slice(2)}`;
    sql.run('INSERT INTO batches (id, at, who, label, project_id) VALUES (?, ?, ?, ?, ?)', [batch, at, 'bench', 'wbs.update', tree.projectId]);
    sql.run('INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      batch,
      at,
      'bench',
      'wbs_task',
      leaf,
      'update',
      JSON.stringify(before),
      JSON.stringify({ progress: (i * 7) % 101 }),
    ]);
  });
}

/** Samples of `fn` on each engine, taking turns sample by sample. */
function alternate(n: number, a: (i: number) => void, b: (i: number) => void): [Stats, Stats] {
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < WARMUP + n; i++) {
    const order: [(i: number) => void, number[]][] = i % 2 ? [[a, sa], [b, sb]] : [[b, sb], [a, sa]];
    for (const [fn, into] of order) {
      const t0 = performance.now();
      fn(i);
      const ms = performance.now() - t0;
      if (i >= WARMUP) into.push(ms);
    }
  }
  return [stats(sa), stats(sb)];
}

/**
 * CPU time (ms) the cluster's server processes have used so far, from /proc (Linux; null elsewhere): with
 * this process's own (process.cpuUsage, its threads included), what an edit costs whatever the machine's
 * load, which moves the wall figures by seconds on a shared 2-core machine. 10 ms resolution (clock ticks).
 */
function serverCpu(cluster: PgCluster): () => number | null {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return () => null;
  }
  const tick = 1000 / 100;
  return () => {
    let ticks = 0;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime, stime and the ended children's (f[11..14]) of the postmaster and its backends.
        if (Number(pid) === postmaster || Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        // A process that ended meanwhile.
      }
    }
    return ticks * tick;
  };
}

const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A CPU figure: ms per operation (a mean: CPU is counted in total, not per sample), this process and the server. */
function cpuLine(what: string, n: number, own: number, server: number | null): BenchLine {
  return { what: `${what}: CPU ms per op, this process${server === null ? '' : ` + server (${(own / n).toFixed(1)} + ${(server / n).toFixed(1)})`}`, n, p50: (own + (server ?? 0)) / n, p95: null, target: 'CPU' };
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

export async function benchPg(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  if (PG_SKIP) {
    log(PG_SKIP);
    return [];
  }
  const cluster = await startPgCluster({ durable: true });
  const dir = tempDir('pmo-bench-pg-');
  const db = openDatabase(path.join(dir, 'w.sqlite'), { migrationsFolder: MIGRATIONS });
  const pgSql = openPgSql(cluster.config);
  const floor = new pg.Client(cluster.config);
  await floor.connect();
  try {
    pgSql.migrate(path.join(ROOT, 'drizzle/pg/migrations'));
    const lite = db.sql;
    const tree = fill(lite);
    fill(pgSql);
    pgSql.exec('ANALYZE');
    log(`10,000-task WBS in SQLite (${db.file}) and PostgreSQL ${(await floor.query('SHOW server_version')).rows[0].server_version} (port ${cluster.port}, fsync on); load average ${load()} on ${os.cpus().length} cores`);
    const server = serverCpu(cluster);
    const leaf = (i: number) => tree.leaves[(i * 7919 + 13) % tree.leaves.length]!;
    const byId = 'SELECT * FROM wbs_tasks WHERE id = ?';
    const update = 'UPDATE wbs_tasks SET name = ?, updated_at = ? WHERE id = ?';

    const [selPg, selLite] = alternate(READS, (i) => pgSql.get(byId, [leaf(i)]), (i) => lite.get(byId, [leaf(i)]));
    const [updPg, updLite] = alternate(
      WRITES,
      (i) => pgSql.run(update, [`タスク 編集 ${i}`, new Date().toISOString(), leaf(i)]),
      (i) => lite.run(update, [`タスク 編集 ${i}`, new Date().toISOString(), leaf(i)]),
    );
    const [editPg, editLite] = alternate(EDITS, (i) => edit(pgSql, tree, leaf(i), i), (i) => edit(lite, tree, leaf(i + 1), i));
    // What the bridge adds: the same select over node-postgres directly (async, no thread in between).
    const direct: number[] = [];
    for (let i = 0; i < WARMUP + READS; i++) {
      const t0 = performance.now();
      await floor.query('SELECT * FROM wbs_tasks WHERE id = $1', [leaf(i)]);
      if (i >= WARMUP) direct.push(performance.now() - t0);
    }
    // The edit without waiting for the commit's fsync: how much of it is the disk.
    pgSql.exec('SET synchronous_commit = off');
    const [editPgAsync] = alternate(EDITS, (i) => edit(pgSql, tree, leaf(i), i), () => {});
    pgSql.exec('SET synchronous_commit = on');
    const [wbsPg, wbsLite, build, editCpu] = await realEdits(cluster.config.port!, await cluster.createDatabase('pmo_edit'), log, server);
    log(`real edits on PostgreSQL: ${(editCpu.roundTrips / EDITS).toFixed(1)} round trips and ${(editCpu.statements / EDITS).toFixed(1)} statements per wbs.update`);
    log(`after the edits: load average ${load()}`);
    const [importPg, importLite, importCpu] = await imports(cluster.config.port!, await cluster.createDatabase('pmo_import'), log, server);
    log(`after the imports: load average ${load()}`);
    const [together, togetherCpu] = await concurrentClients(cluster.config.port!, await cluster.createDatabase('pmo_clients'), log, server);
    log(`after the ${CLIENTS} clients: load average ${load()}`);
    const line = (what: string, s: Stats, target = ''): BenchLine => ({ what, n: s.n, p50: s.p50, p95: s.p95, target });
    return [
      line('PostgreSQL bridge: single-row select by id', selPg),
      line('  peer: better-sqlite3, same select', selLite, 'peer'),
      line('  floor: node-postgres without the bridge (async)', stats(direct), 'floor'),
      line('PostgreSQL bridge: single-row update (autocommit)', updPg),
      line('  peer: better-sqlite3, same update', updLite, 'peer'),
      line('PostgreSQL bridge: edit-shaped transaction (11 statements)', editPg, 'p95 ≤ 15 ms'),
      line('  peer: better-sqlite3, same transaction', editLite, 'peer'),
      line('  the same on PostgreSQL, synchronous_commit off', editPgAsync),
      line('PostgreSQL workspace: edit round trip (wbs.update, 10,000 tasks)', wbsPg, 'p95 ≤ 15 ms'),
      line('  peer: SQLite workspace, same edits', wbsLite, 'peer'),
      cpuLine('  the PostgreSQL edits', EDITS, editCpu.pg.own, editCpu.pg.server),
      cpuLine('  the SQLite edits', EDITS, editCpu.lite.own, null),

      { what: 'PostgreSQL workspace: build 10,000 tasks (createTasks, one batch per level)', n: 1, p50: build.pg, p95: null, target: '≤ 2× SQLite' },
      { what: '  peer: SQLite workspace, same build', n: 1, p50: build.lite, p95: null, target: 'peer' },
      line('PostgreSQL workspace: import 10,000-row WBS workbook (preview + apply)', importPg, '≤ 2× SQLite'),
      line('  peer: SQLite workspace, same import', importLite, 'peer'),
      cpuLine('  the PostgreSQL imports', IMPORTS, importCpu.pg.own, importCpu.pg.server),
      cpuLine('  the SQLite imports', IMPORTS, importCpu.lite.own, null),
      line(`PostgreSQL: ${CLIENTS} clients × ${EDITS_EACH} edits at once (wbs.update, each its own process)`, together, 'p95 ≤ 50 ms'),
      cpuLine('  the same edits', CLIENTS * EDITS_EACH, togetherCpu.own, togetherCpu.server),
    ];
  } finally {
    pgSql.close();
    await floor.end();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await cluster.stop();
  }
}

/**
 * wbs.update on a 10,000-task WBS in a workspace on each engine, taking turns edit by edit (the same
 * leaf and patch on both), through handlers.invoke: the call, its transaction and its answer.
 */
interface EngineCpu {
  own: number;
  server: number | null;
}

async function realEdits(
  port: number,
  database: pg.ClientConfig,
  log: (line: string) => void,
  server: () => number | null,
): Promise<[Stats, Stats, { pg: number; lite: number }, { pg: EngineCpu; lite: EngineCpu; roundTrips: number; statements: number }]> {
  const context = { version: 'bench', osLocale: 'ja-JP', shell: 'web' as const, user: 'bench' };
  const dirs = [tempDir('pmo-bench-pgws-'), tempDir('pmo-bench-litews-')];
  const team = { host: '127.0.0.1', port, database: String(database.database), user: String(database.user) };
  const pgWs = openWorkspace(dirs[0]!, { migrationsFolder: MIGRATIONS, postgres: { database: team }, context });
  const liteWs = openWorkspace(dirs[1]!, { migrationsFolder: MIGRATIONS, context });
  try {
    const build = async (ws: Workspace) => {
      const p = await ws.handlers.invoke('project.create', { name: 'ベンチマーク 10,000 タスク' });
      if (!p.ok) throw new Error(p.error.message);
      const t0 = performance.now();
      const { leaves } = buildWbs(ws.db, (p.result as { id: number }).id);
      return { leaves, ms: performance.now() - t0 };
    };
    const [onPg, onLite] = [await build(pgWs), await build(liteWs)];
    pgWs.db.sql.run('ANALYZE');
    log(`real edits: 10,000 tasks built in ${(onPg.ms / 1000).toFixed(1)} s on PostgreSQL, ${(onLite.ms / 1000).toFixed(1)} s on SQLite`);
    const pickPg = picker(onPg.leaves);
    const pickLite = picker(onLite.leaves);
    const sa: number[] = [];
    const sb: number[] = [];
    const cpu = { pg: { own: 0, server: 0 as number | null }, lite: { own: 0, server: null as number | null }, roundTrips: 0, statements: 0 };
    const bridge = pgWs.db.sql as PgSql;
    const edit = async (ws: Workspace, id: number, i: number, into: number[]) => {
      const onPg = ws === pgWs;
      const [c0, s0, r0, n0] = [processCpu(), onPg ? server() : null, bridge.roundTrips, bridge.statements];
      const t0 = performance.now();
      const env = await ws.handlers.invoke('wbs.update', { id, patch: patch(i) });
      const ms = performance.now() - t0;
      if (!env.ok) throw new Error(env.error.message);
      if (i < WARMUP) return;
      into.push(ms);
      const mine = onPg ? cpu.pg : cpu.lite;
      mine.own += processCpu() - c0;
      if (onPg) {
        const s1 = server();
        cpu.pg.server = s0 === null || s1 === null || cpu.pg.server === null ? null : cpu.pg.server + s1 - s0;
        cpu.roundTrips += bridge.roundTrips - r0;
        cpu.statements += bridge.statements - n0;
      }
    };
    for (let i = 0; i < WARMUP + EDITS; i++) {
      if (i % 2) {
        await edit(pgWs, pickPg(i), i, sa);
        await edit(liteWs, pickLite(i), i, sb);
      } else {
        await edit(liteWs, pickLite(i), i, sb);
        await edit(pgWs, pickPg(i), i, sa);
      }
    }
    return [stats(sa), stats(sb), { pg: onPg.ms, lite: onLite.ms }, cpu];
  } finally {
    pgWs.close();
    liteWs.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

/**
 * The 10,000-row × 15-column WBS workbook (the import section's) imported into a new project of a
 * workspace on each engine through handlers.invoke, preview then apply, taking turns import by import
 * (wall time: the server's share runs in its own processes, out of this one's CPU time).
 */
async function imports(port: number, database: pg.ClientConfig, log: (line: string) => void, server: () => number | null): Promise<[Stats, Stats, { pg: EngineCpu; lite: EngineCpu }]> {
  setReaderWorkerFile(await buildReaderWorker());
  const dataBase64 = (await japaneseWbs(10_000)).toString('base64');
  const context = { version: 'bench', osLocale: 'ja-JP', shell: 'web' as const, user: 'bench' };
  const dirs = [tempDir('pmo-bench-pgimp-'), tempDir('pmo-bench-liteimp-')];
  const team = { host: '127.0.0.1', port, database: String(database.database), user: String(database.user) };
  const pgWs = openWorkspace(dirs[0]!, { migrationsFolder: MIGRATIONS, postgres: { database: team }, context });
  const liteWs = openWorkspace(dirs[1]!, { migrationsFolder: MIGRATIONS, context });
  const call = async <T>(ws: Workspace, method: string, args: unknown): Promise<T> => {
    const env = await ws.handlers.invoke(method, args);
    if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    return env.result as T;
  };
  const cpu = { pg: { own: 0, server: 0 as number | null }, lite: { own: 0, server: null as number | null } };
  const once = async (ws: Workspace, i: number) => {
    const { id: projectId } = await call<{ id: number }>(ws, 'project.create', { name: `取込 ${i}` });
    const onPg = ws === pgWs;
    const [c0, s0] = [processCpu(), onPg ? server() : null];
    const t0 = performance.now();
    const { previewId } = await call<{ previewId: string }>(ws, 'excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs-10000.xlsx', dataBase64 });
    const { created } = await call<{ created: number }>(ws, 'excel.applyImport', { previewId });
    if (created < 9_000) throw new Error(`the import created ${created} tasks`);
    const ms = performance.now() - t0;
    if (i > 0) {
      (onPg ? cpu.pg : cpu.lite).own += processCpu() - c0;
      const s1 = onPg ? server() : null;
      if (onPg) cpu.pg.server = s0 === null || s1 === null || cpu.pg.server === null ? null : cpu.pg.server + s1 - s0;
    }
    return ms;
  };
  try {
    const sa: number[] = [];
    const sb: number[] = [];
    for (let i = 0; i <= IMPORTS; i++) {
      const order: [Workspace, number[]][] = i % 2 ? [[pgWs, sa], [liteWs, sb]] : [[liteWs, sb], [pgWs, sa]];
      for (const [ws, into] of order) {
        const ms = await once(ws, i);
        if (i > 0) into.push(ms);
      }
    }
    log(`imports of 10,000 rows: PostgreSQL ${sa.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s, SQLite ${sb.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s`);
    return [stats(sa), stats(sb), cpu];
  } finally {
    pgWs.close();
    liteWs.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

/**
 * 5 administrators editing one team database at once: each a process with its own workspace (the
 * bridge blocks its thread per statement, as a real PMO Desk's workspace thread does), started together,
 * each making 200 wbs.update edits of its own tasks of a 10,000-task WBS. Afterwards every edit must be
 * in the database (the task's name and one audit row per edit): all applied, none lost. Wall-clock
 * latency of each call as its client saw it.
 */
export async function concurrentClients(port: number, database: pg.ClientConfig, log: (line: string) => void, server: () => number | null = () => null): Promise<[Stats, EngineCpu]> {
  const context = { version: 'bench', osLocale: 'ja-JP', shell: 'web' as const, user: 'bench' };
  const team = { host: '127.0.0.1', port, database: String(database.database), user: String(database.user) };
  const setup = openWorkspace(tempDir('pmo-bench-clients-'), { migrationsFolder: MIGRATIONS, postgres: { database: team }, context });
  let leaves: number[];
  try {
    const p = await setup.handlers.invoke('project.create', { name: '同時編集' });
    if (!p.ok) throw new Error(p.error.message);
    leaves = buildWbs(setup.db, (p.result as { id: number }).id).leaves;
    // Each client's tasks, named as it expects them (its edits carry the value they began from).
    const mine = leaves.slice(0, CLIENTS * EDITS_EACH);
    setup.db.sql.run(`UPDATE wbs_tasks SET name = 'leaf ' || id WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(mine)]);
    setup.db.sql.run('ANALYZE');
  } finally {
    setup.close();
  }
  const children = Array.from({ length: CLIENTS }, (_, k) => {
    const ids = leaves.filter((_, i) => i % CLIENTS === k).slice(0, EDITS_EACH);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'pg-client.ts'), String(port), team.database, team.user, String(k), ids.join(',')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buf = '';
    const waiters: (() => void)[] = [];
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        waiters.splice(0).forEach((w) => w());
      }
    });
    const line = async (n: number) => {
      while (lines.length < n) await new Promise<void>((r) => waiters.push(r));
      return lines[n - 1]!;
    };
    return { child, ids, line };
  });
  for (const c of children) if ((await c.line(1)) !== 'ready') throw new Error('a client did not start');
  const s0 = server();
  for (const c of children) c.child.stdin.write('go\n');
  const results = await Promise.all(children.map(async (c) => JSON.parse(await c.line(2)) as { ms: number[]; refused: string[]; cpu: number }));
  const s1 = server();
  const check = new pg.Client(database);
  await check.connect();
  try {
    const all = children.flatMap((c, k) => c.ids.map((id, i) => [id, `client ${k} edit ${i}`] as const));
    const names = new Map((await check.query('SELECT id, name FROM wbs_tasks WHERE id = ANY($1)', [all.map(([id]) => id)])).rows.map((r) => [r.id as number, r.name as string]));
    const lost = all.filter(([id, name]) => names.get(id) !== name).length;
    const audits = Number((await check.query("SELECT count(*) AS n FROM audit_log a JOIN batches b ON b.id = a.batch_id WHERE b.label = 'wbs.update' AND a.entity = 'wbs_task'")).rows[0].n);
    const refused = results.flatMap((r) => r.refused);
    log(`${CLIENTS} clients × ${EDITS_EACH} edits at once: ${all.length - lost} of ${all.length} applied, ${lost} lost, ${refused.length} refused${refused.length ? ` (${refused[0]})` : ''}; ${audits} audit rows of wbs.update`);
  } finally {
    await check.end();
  }
  return [stats(results.flatMap((r) => r.ms)), { own: results.reduce((sum, r) => sum + r.cpu, 0), server: s0 === null || s1 === null ? null : s1 - s0 }];
}
