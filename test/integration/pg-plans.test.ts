// The plans PostgreSQL makes for the statements of an edit (team mode, issue 17), on a 10,000-task WBS: none
// may read a whole table. On SQLite wbs-query-plans.test.ts asks the same. PostgreSQL plans from its
// estimates, and three of them read every task of an edit before this test: a list of ids passed as JSON
// (json_each, guessed at 1,000 rows: drizzle/pg/migrations 0008), NOT IN over a table (hashed whole), and
// a roll-up's children under a recursive CTE (guessed at a hundred rows: Dialect.anyOf). Each statement the
// edits run (all, get, values, run, send and later, with their parameters) is EXPLAINed as the bridge sends it,
// and again as the generic plan the server may keep for it once the bridge has prepared it (pg-prepared.ts).
// The tasks and their search rows are the big tables here (audit_log and batches hold a few rows and
// are not judged).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import type { PgSql } from '../../electron/core/db/pg-sync.js';
import { toPgParams } from '../../electron/core/db/pg-params.js';
import { ApiError } from '../../electron/common/errors.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { sharedPgCluster, tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterAll(() => opened.forEach((w) => w.close()));

/** 10 × 10 × 10 × 10 tasks of project 1 (ids by level: 1–10, 11–110, 111–1,110, 1,111–11,110), written by SQL. */
async function bigWbs(client: pg.Client): Promise<void> {
  await client.query("INSERT INTO projects (id, name) VALUES (1, '計画')");
  let first = 1;
  let parentFirst: number | null = null;
  for (let level = 0, n = 10; level < 4; level++, n *= 10) {
    await client.query(
      `INSERT INTO wbs_tasks (id, project_id, parent_id, position, name, planned_effort, progress)
       SELECT i, 1, ${parentFirst === null ? 'NULL' : `${parentFirst} + (i - ${first}) / 10`}, 1 + (i - ${first}) % 10, 'タスク ' || i, 1 + i % 3, i % 100
       FROM generate_series(${first}, ${first + n - 1}) i`,
    );
    parentFirst = first;
    first += n;
  }
  await client.query("SELECT setval(pg_get_serial_sequence('wbs_tasks', 'id'), 20000)");
  await client.query('ANALYZE');
}

/** Every statement `ws` runs from now on (all, get, values, run, send and later), once each, with its first parameters. */
function watchStatements(ws: Workspace): Map<string, unknown[]> {
  const sql = ws.db.sql as PgSql & Record<string, unknown>;
  const seen = new Map<string, unknown[]>();
  for (const method of ['all', 'get', 'values', 'run', 'send', 'later'] as const) {
    const through = sql[method] as (text: string, params?: unknown[]) => unknown;
    sql[method] = ((text: string, params: unknown[] = []) => {
      if (!seen.has(text)) seen.set(text, params);
      return through.call(sql, text, params);
    }) as never;
  }
  return seen;
}

describe.skipIf(PG_SKIP)("an edit's statements on PostgreSQL", () => {
  it('read no table whole: every one seeks an index', async () => {
    const database = await tempPgDatabase();
    const admin = new pg.Client({ ...(await sharedPgCluster()).config, database: database.database });
    await admin.connect();
    try {
      await bigWbs(admin);
      // Opened after: its first open indexes the tasks for search (search_text: 10,000 rows).
      const ws = openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } });
      opened.push(ws);
      const seen = watchStatements(ws);
      const call = async (method: string, args: unknown) => {
        const env = await ws.handlers.invoke(method, args, { user: 'yamada', client: 'page' });
        if (!env.ok) throw ApiError.from(env.error);
        return env.result;
      };
      await admin.query('ANALYZE');
      // A leaf's roll-up edit, a text edit (the search index), and the undo of both.
      await call('wbs.update', { id: 5000, patch: { progress: 55 } });
      await call('wbs.update', { id: 5001, patch: { name: '基本設計書' } });
      await call('history.undo', { projectId: 1 });
      await call('history.undo', { projectId: 1 });
      expect(seen.size).toBeGreaterThan(8);
      const whole: { sql: string; plan: string }[] = [];
      for (const [text, params] of seen) {
        if (!/^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i.test(text)) continue;
        const plan = (await admin.query(`EXPLAIN ${toPgParams(text).text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
        if (/Seq Scan on (wbs_tasks|search_text)\b/.test(plan)) whole.push({ sql: text.replace(/\s+/g, ' ').slice(0, 200), plan });
      }
      expect(whole).toEqual([]);
      // The bridge runs a statement used again as a named prepared statement (pg-prepared.ts), which the
      // server may run with its generic plan, made without the parameters' values: that plan must seek too.
      await admin.query('SET plan_cache_mode = force_generic_plan');
      const generic: { sql: string; plan: string }[] = [];
      const checked: string[] = [];
      for (const [text, params] of seen) {
        if (!/^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i.test(text) || params.length === 0) continue;
        await admin.query(`PREPARE pmo_check AS ${toPgParams(text).text}`);
        const literals = params.map((v) => (v === null ? 'NULL' : admin.escapeLiteral(String(v))));
        const plan = (await admin.query(`EXPLAIN EXECUTE pmo_check(${literals.join(', ')})`)).rows.map((r) => r['QUERY PLAN']).join('\n');
        await admin.query('DEALLOCATE pmo_check');
        checked.push(plan);
        if (/Seq Scan on (wbs_tasks|search_text)\b/.test(plan)) generic.push({ sql: text.replace(/\s+/g, ' ').slice(0, 200), plan });
      }
      expect(generic).toEqual([]);
      // They were generic plans: made for $1, not for the values given.
      expect(checked.some((plan) => /= \$1\b/.test(plan))).toBe(true);
    } finally {
      await admin.end();
    }
  }, 180_000);

  // A reschedule writes many tasks' dates in one go (queries/schedule.ts setPlannedDates). As VALUES
  // lists of 128 rows, PostgreSQL planned each as a hash join over every task of this 10,000-task WBS
  // (a seq scan estimated at ~450 against 128 index seeks at ~1,060: ~1.7 ms a statement, 79 of them for
  // 10,000 tasks). Now one statement over arrays: a few tasks are sought by the primary key, as the
  // statement is sent and as the generic plan the server may keep; hundreds are one statement, so the
  // table is read at most once.
  it("writes a reschedule's dates in one statement, seeking a few tasks by their id", async () => {
    const database = await tempPgDatabase();
    const admin = new pg.Client({ ...(await sharedPgCluster()).config, database: database.database });
    await admin.connect();
    try {
      await bigWbs(admin);
      // The last 300 leaves automatic, chained finish to start: the first edit settles all 300 (more
      // than two VALUES lists of 128), the second moves the ten after task 11100, the undo moves them back.
      await admin.query("UPDATE wbs_tasks SET scheduling = 'auto', duration = 2, planned_start = '2025-01-06', planned_finish = '2025-01-07' WHERE id BETWEEN 10811 AND 11110");
      await admin.query("INSERT INTO wbs_dependencies (project_id, predecessor_id, successor_id, type, lag_days) SELECT 1, i - 1, i, 'FS', 0 FROM generate_series(10812, 11110) i");
      await admin.query('ANALYZE');
      const ws = openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } });
      opened.push(ws);
      // Every dates UPDATE sent, with its parameters.
      const sql = ws.db.sql as PgSql & Record<string, unknown>;
      const sent: [string, unknown[]][] = [];
      const send = sql.send;
      sql.send = ((text: string, params: unknown[] = []) => {
        if (/^\s*UPDATE wbs_tasks SET planned_start\b/.test(text)) sent.push([text, params]);
        return send.call(sql, text, params);
      }) as never;
      const call = async (method: string, args: unknown) => {
        const env = await ws.handlers.invoke(method, args, { user: 'yamada', client: 'page' });
        if (!env.ok) throw ApiError.from(env.error);
        return env.result;
      };
      const moved = (r: unknown) => (r as { moved?: { ids: number[] } }).moved?.ids.length ?? 0;
      expect(moved(await call('wbs.update', { id: 10811, patch: { duration: 3 } }))).toBeGreaterThan(256);
      expect(sent).toHaveLength(1);
      const settled = sent.length;
      expect(moved(await call('wbs.update', { id: 11100, patch: { duration: 4 } }))).toBeGreaterThan(5);
      await call('history.undo', { projectId: 1 });
      const few = sent.slice(settled);
      expect(few).toHaveLength(2);
      await admin.query('ANALYZE');
      for (const [text, params] of few) {
        const plans: string[] = [];
        await admin.query('BEGIN');
        plans.push((await admin.query(`EXPLAIN ${toPgParams(text).text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n'));
        await admin.query('SET LOCAL plan_cache_mode = force_generic_plan');
        await admin.query(`PREPARE pmo_check AS ${toPgParams(text).text}`);
        const literals = params.map((v) => (v === null ? 'NULL' : admin.escapeLiteral(String(v))));
        plans.push((await admin.query(`EXPLAIN EXECUTE pmo_check(${literals.join(', ')})`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
        await admin.query('ROLLBACK');
        await admin.query('DEALLOCATE ALL');
        for (const plan of plans) {
          expect(plan).not.toMatch(/Seq Scan on wbs_tasks\b/);
          expect(plan).toMatch(/Index Scan using wbs_tasks_pkey/);
        }
      }
    } finally {
      await admin.end();
    }
  }, 180_000);
});
