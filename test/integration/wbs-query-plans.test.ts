// Every statement a WBS write, its undo and redo, the history state and the list run is a seek, never
// a walk of a whole table or of every audit row of one entity: at 100,000 tasks one such walk cost
// each move, indent and delete ~0.4–1 s (issue 18). SQLite's planner has no statistics here
// (no ANALYZE), so its plans do not depend on how many rows the file holds: a small WBS shows the
// plans a large one gets.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createTasks } from '../../electron/core/services/wbs.js';
import { wbsWorkspace } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

/**
 * Index ranges as long as a table: every audit row of one entity, every task of the project (a write
 * touches a few siblings and ancestors; only the list reads the whole project).
 */
const WALKS = [/INDEX audit_entity \(entity=\?\)$/, /INDEX wbs_tasks_project_parent \(project_id=\?\)$/];

/** Plan lines that read a table (or one entity's whole audit trail) from end to end. */
function walks(sqlite: Database.Database, sql: string): string[] {
  const st = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  // The plan does not depend on the values bound: nulls, as many as the statement takes.
  const named = [...sql.matchAll(/[@$:]([A-Za-z_]\w*)/g)].map((m) => m[1]!);
  const plan = (named.length > 0 ? st.all(Object.fromEntries(named.map((n) => [n, null]))) : bindNulls(st)) as { detail: string }[];
  return plan
    .map((p) => p.detail)
    .filter((d) => /^SCAN (wbs_tasks|audit_log|batches|wbs_dependencies|projects|search_text)\b/.test(d) || WALKS.some((w) => w.test(d)));
}

function bindNulls(st: Database.Statement<unknown[]>): unknown[] {
  for (let n = 0; ; n++)
    try {
      return st.all(...Array.from({ length: n }, () => null));
    } catch (err) {
      if (!(err instanceof RangeError) || n > 200) throw err;
    }
}

describe('WBS statements at scale', () => {
  it('a move, indent, outdent, paste, create, delete, undo and redo read only by index', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    const other = await w.call('project.create', { name: 'Q' });
    const actor = { user: 'tester' };
    // Two levels under three phases, in this project and another one (history of its own).
    for (const projectId of [p.id, other.id]) {
      const phases = createTasks(w.db, actor, projectId, [1, 2, 3].map((k) => ({ values: { name: `フェーズ${k}` } })));
      const mids = createTasks(w.db, actor, projectId, phases.flatMap((parentId) => [1, 2, 3].map((k) => ({ parentId, values: { name: `WP${k}` } }))));
      createTasks(w.db, actor, projectId, mids.flatMap((parentId) => [1, 2, 3, 4].map((k) => ({ parentId, values: { name: `作業${k}`, plannedStart: '2025-04-01', plannedFinish: '2025-04-10', plannedEffort: k } }))));
    }
    const list = await w.call('wbs.rows', { projectId: p.id }).then(tasksOfTable);
    const leaves = list.filter((t) => !t.summary);
    const mid = list.find((t) => t.code === '2.2')!;

    // Every statement run, through the seam (db/sql.ts) or still through db.prepare.
    const seen = new Set<string>();
    const prepare = w.db.prepare.bind(w.db);
    w.db.prepare = (sql: string) => (seen.add(sql), prepare(sql));
    const through = w.db.sql;
    w.db.sql = {
      dialect: through.dialect,
      all: (sql, params) => (seen.add(sql), through.all(sql, params)),
      get: (sql, params) => (seen.add(sql), through.get(sql, params)),
      values: (sql, params) => (seen.add(sql), through.values(sql, params)),
      run: (sql, params) => (seen.add(sql), through.run(sql, params)),
      send: (sql, params) => (seen.add(sql), through.send(sql, params)),
      later: (sql, params) => (seen.add(sql), through.later(sql, params)),
      tx: (fn) => through.tx(fn),
      read: (fn) => through.read(fn),
      changeStamp: () => through.changeStamp(),
      scheduleStamp: () => through.scheduleStamp(),
    };
    await w.call('wbs.move', { ids: [leaves[1]!.id], direction: 'up' });
    await w.call('wbs.move', { ids: [mid.id], direction: 'down' });
    await w.call('wbs.indent', { ids: [leaves[2]!.id] });
    await w.call('wbs.outdent', { ids: [leaves[2]!.id] });
    await w.call('wbs.applyCells', { projectId: p.id, updates: leaves.slice(0, 5).map((t, i) => ({ id: t.id, patch: { assignee: `担当${i}`, plannedEffort: 2 } })) });
    await w.call('wbs.update', { id: leaves[6]!.id, patch: { progress: 50 } });
    await w.call('wbs.create', { projectId: p.id, afterId: leaves[7]!.id, values: { name: '追加' } });
    await w.call('wbs.delete', { ids: [mid.id] });
    for (let i = 0; i < 4; i++) await w.call('history.undo', { projectId: p.id });
    for (let i = 0; i < 2; i++) await w.call('history.redo', { projectId: p.id });
    await w.call('history.state', { projectId: p.id });
    w.db.prepare = prepare;
    w.db.sql = through;

    expect(seen.size).toBeGreaterThan(10);
    const found = [...seen].map((sql) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 160), walks: walks(w.db.sqlite, sql) })).filter((s) => s.walks.length > 0);
    expect(found).toEqual([]);
    w.close();
  });
});
