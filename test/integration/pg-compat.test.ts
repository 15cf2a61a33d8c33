// SQLite's functions that the seam's statements use answer the same on PostgreSQL once its migrations
// (drizzle/pg/migrations/0001_sqlite_compat.sql) have run, and the statements written for both engines
// work on both: the real query modules are run on a migrated SQLite file and on a migrated PostgreSQL
// database holding the same rows, and must give the same answers.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { openPgSql, type PgSql } from '../../electron/core/db/pg-sync.js';
import type { Sql } from '../../electron/core/db/sql.js';
import { linksInOrder, networkTasks } from '../../electron/core/db/queries/schedule.js';
import {
  childAt,
  firstPositionAfter,
  lastPosition,
  parentsOf,
  previousSibling,
  lineageWithOrdinals,
  rollUpFamily,
  schedulingOf,
  siblingIdsThrough,
  siblingPositions,
  siblingsBefore,
  taskCountUpTo,
  taskRowForEdit,
  tasksIn,
  withSubtasks,
} from '../../electron/core/db/queries/wbs.js';
import { wbsStore } from '../../electron/core/services/wbs.js';
import { auditedActions, batchesAfter, batchMarkByProject } from '../../electron/core/db/queries/progress.js';
import { patchColumns, readColumns } from '../../electron/core/progress/columns.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

// The same rows in either engine, through the seam only: a root, two children (one automatic, one a
// milestone), a grandchild without dates, links between them, and audit rows holding JSON text.
function seed(sql: Sql): void {
  sql.run('INSERT INTO projects (id, name) VALUES (?, ?)', [1, '互換']);
  const task = 'INSERT INTO wbs_tasks (id, project_id, parent_id, position, name, planned_start, planned_finish, duration, scheduling, milestone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  sql.run(task, [1, 1, null, 1, '全体', '2025-12-29', '2026-04-01', null, 'manual', 0]);
  sql.run(task, [2, 1, 1, 1, '設計', '2026-01-05', '2026-02-27', 40, 'auto', 0]);
  sql.run(task, [3, 1, 1, 2, '完了判定', '2026-04-01', '2026-04-01', 0, 'manual', 1]);
  sql.run(task, [4, 1, 2, 1, '未定', null, null, null, 'auto', 0]);
  const link = 'INSERT INTO wbs_dependencies (id, project_id, predecessor_id, successor_id, type, lag_days) VALUES (?, ?, ?, ?, ?, ?)';
  sql.run(link, [1, 1, 2, 3, 'FS', 2]);
  sql.run(link, [2, 1, 4, 3, 'SS', -1]);
  sql.run(link, [3, 1, 2, 4, 'FF', 0]);
  sql.run('INSERT INTO batches (id, at, who, label, project_id) VALUES (?, ?, ?, ?, ?)', ['b1', '2026-01-05T09:00:00.000Z', 'tester', 'wbs.move', 1]);
  const audit = 'INSERT INTO audit_log (id, batch_id, at, who, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  sql.run(audit, [1, 'b1', '2026-01-05T09:00:00.000Z', 'tester', 'wbs_task', 4, 'update', '{"parentId":1,"name":"未定"}', '{"parentId":2,"name":"未定"}']);
  sql.run(audit, [2, 'b1', '2026-01-05T09:00:00.000Z', 'tester', 'wbs_task', 3, 'create', null, '{"parentId":null,"name":"完了判定"}']);
}

describe.skipIf(PG_SKIP)('SQLite functions on PostgreSQL (compatibility migration)', () => {
  let cluster: PgCluster;
  let pg: PgSql;
  let db: Db;
  /** The same question to SQLite and to PostgreSQL. */
  const both = <T>(ask: (sql: Sql) => T): [T, T] => [ask(db.sql), ask(pg)];

  beforeAll(async () => {
    cluster = await startPgCluster();
    pg = openPgSql(cluster.config);
    pg.migrate(path.join(ROOT, 'drizzle/pg/migrations'));
    db = openDatabase(path.join(tempDir(), 'w.sqlite'), { migrationsFolder: MIGRATIONS });
    seed(db.sql);
    seed(pg);
  });
  afterAll(async () => {
    pg?.close();
    db?.close();
    await cluster?.stop();
  });

  it('julianday: the schedule network reads the same day numbers', () => {
    // In the statement's own order: ORDER BY parent_id NULLS FIRST puts the root first on both engines
    // (PostgreSQL sorts NULLs last by default, SQLite first).
    const [lite, pgRows] = both((sql) => networkTasks({ sql }, 1));
    expect(pgRows).toEqual(lite);
    expect(lite).toEqual([
      [1, null, day('2025-12-29'), day('2026-04-01'), null, 0, 0],
      [2, 1, day('2026-01-05'), day('2026-02-27'), 40, 1, 0],
      [3, 1, day('2026-04-01'), day('2026-04-01'), 0, 0, 1],
      [4, 2, null, null, null, 1, 0],
    ]);
  });

  it('unixepoch: the day numbers progress reads (unixepoch(d) / 86400)', () => {
    const q = 'SELECT id, unixepoch(planned_start) / 86400, unixepoch(planned_finish) / 86400 FROM wbs_tasks ORDER BY id';
    const [lite, pgRows] = both((sql) => sql.values(q));
    expect(pgRows).toEqual(lite);
    expect(lite[1]).toEqual([2, day('2026-01-05'), day('2026-02-27')]);
  });

  it('json_each: a list of ids as one parameter; the roll-up reads by ids as parameters', () => {
    const pairs = (rows: { id: number; parentId: number | null }[]) => rows.map((r) => [r.id, r.parentId]).sort((a, b) => a[0]! - b[0]!);
    const [lite, pgRows] = both((sql) => {
      // Two starts sharing their ancestors (and one that is no task): each row and each child once.
      const family = rollUpFamily({ sql }, 1, [4, 2, 99]);
      return {
        links: linksInOrder({ sql }, 1, [3, 4]),
        children: pairs(family.children),
        rows: pairs(family.chain),
        none: linksInOrder({ sql }, 1, []),
      };
    });
    expect(pgRows).toEqual(lite);
    expect(lite).toEqual({
      links: [
        [2, 3, 'FS', 2],
        [4, 3, 'SS', -1],
        [2, 4, 'FF', 0],
      ],
      children: [
        [2, 1],
        [3, 1],
        [4, 2],
      ],
      rows: [
        [1, null],
        [2, 1],
        [4, 2],
      ],
      none: [],
    });
  });

  it("an edit's merged reads: the row with whether it has subtasks, the scheduling flags, the lineage with its flags", () => {
    const [lite, pgRows] = both((sql) => ({
      summary: ((r) => r && [r.has_subtasks, r.auto, r.links])(taskRowForEdit({ sql }, 2)),
      leaf: ((r) => r && [r.has_subtasks, r.auto, r.links])(taskRowForEdit({ sql }, 4)),
      missing: taskRowForEdit({ sql }, 99),
      scheduling: schedulingOf({ sql }, 1),
      none: schedulingOf({ sql }, 2),
      lineage: lineageWithOrdinals({ sql }, 4)().map((r) => [r.id, r.ordinal, r.has_subtasks, r.project_links]),
      summaryLineage: lineageWithOrdinals({ sql }, 2)().map((r) => [r.id, r.has_subtasks]),
    }));
    expect(pgRows).toEqual(lite);
    expect(lite).toEqual({
      summary: [1, 1, 1],
      leaf: [0, 1, 1],
      missing: undefined,
      scheduling: { auto: true, links: true },
      none: { auto: false, links: false },
      lineage: [
        [1, 1, 1, 1],
        [2, 1, 1, 1],
        [4, 1, 0, 1],
      ],
      summaryLineage: [
        [1, 1],
        [2, 1],
      ],
    });
  });

  it('updateMany writes rows setting the same fields in one statement, typed alike on both engines', () => {
    // Texts, a real, an integer, a JSON-less null, and a field set shared by two rows (one grouped UPDATE)
    // beside one of its own; then the same row twice (written in order).
    const read = (sql: Sql) => sql.values('SELECT id, name, planned_effort, progress, actual_finish, status FROM wbs_tasks ORDER BY id');
    const [lite, pgRows] = both((sql) => {
      const d = { sql };
      // Rolled back at the end: the later tests read the seeded rows.
      let seen: unknown[] = [];
      try {
        sql.tx(() => {
          wbsStore.updateMany(d, [
            { id: 1, patch: { plannedEffort: 10.25, progress: 33, actualFinish: null } },
            { id: 2, patch: { plannedEffort: 0.1, progress: 7, actualFinish: '2026-02-27' } },
            { id: 3, patch: { name: '完了判定 (改)', status: 'done' } },
          ]);
          const first = read(sql);
          wbsStore.updateMany(d, [
            { id: 4, patch: { progress: 1 } },
            { id: 4, patch: { progress: 2 } },
          ]);
          seen = [first, read(sql)];
          throw new Error('roll back');
        });
      } catch (e) {
        if ((e as Error).message !== 'roll back') throw e;
      }
      return seen as unknown[][][];
    });
    expect(pgRows).toEqual(lite);
    expect(lite[0]).toEqual([
      [1, '全体', 10.25, 33, null, 'not_started'],
      [2, '設計', 0.1, 7, '2026-02-27', 'not_started'],
      [3, '完了判定 (改)', null, 0, null, 'done'],
      [4, '未定', null, 0, null, 'not_started'],
    ]);
    expect(lite[1]![3]).toEqual([4, '未定', null, 2, null, 'not_started']);
  });

  it('->>: a field of JSON kept as text, by label or by $.path', () => {
    const q = `SELECT id, CAST(before ->> 'parentId' AS INTEGER), CAST(after ->> '$.parentId' AS INTEGER), after ->> 'name' FROM audit_log ORDER BY id`;
    const [lite, pgRows] = both((sql) => sql.values(q));
    expect(pgRows).toEqual(lite);
    expect(lite).toEqual([
      [1, 1, 2, '未定'],
      [2, null, null, '完了判定'],
    ]);
  });

  it('sibling statements work at the top level and under a parent (no `parent_id IS ?`, which PostgreSQL refuses)', () => {
    const [lite, pgAnswers] = both((sql) => {
      const d = { sql };
      const child3 = { id: 3, projectId: 1, parentId: 1, position: 2 };
      const root = { id: 1, projectId: 1, parentId: null, position: 1 };
      return {
        before: [siblingsBefore(d, child3), siblingsBefore(d, root)],
        previous: [previousSibling(d, child3), previousSibling(d, root)],
        childAt: [childAt(d, 1, 1, 1), childAt(d, 1, null, 0)],
        through: [siblingIdsThrough(d, 1, 1, 2), siblingIdsThrough(d, 1, null, 1)],
        positions: [siblingPositions(d, 1, 1), siblingPositions(d, 1, null)],
        last: [lastPosition(d, 1, 1), lastPosition(d, 1, null), lastPosition(d, 1, 4)],
        firstAfter: [firstPositionAfter(d, 1, 1), firstPositionAfter(d, 1, 1, 1), firstPositionAfter(d, 1, null, 1)],
      };
    });
    expect(pgAnswers).toEqual(lite);
    expect(lite).toEqual({
      before: [1, 0],
      previous: [2, undefined],
      childAt: [3, 1],
      through: [[2, 3], [1]],
      positions: [
        [
          { id: 2, position: 1 },
          { id: 3, position: 2 },
        ],
        [{ id: 1, position: 1 }],
      ],
      last: [2, 1, null],
      firstAfter: [1, 2, null],
    });
  });

  it('a list of ids joined to its rows (SQLite CROSS JOIN … ON, a JOIN on PostgreSQL), and a count capped in a subquery', () => {
    const [lite, pgAnswers] = both((sql) => {
      const d = { sql };
      return {
        inProject: tasksIn(d, [4, 99, 2], 1).sort(),
        parents: parentsOf(d, [2, 3, 4, 1]).sort(),
        withChildren: withSubtasks(d, [1, 2, 3, 4]).sort(),
        // A named subquery in FROM (PostgreSQL 15 refuses an unnamed one).
        countUpTo: [taskCountUpTo(d, 1, 2), taskCountUpTo(d, 1, 10)],
      };
    });
    expect(pgAnswers).toEqual(lite);
    expect(lite).toEqual({ inProject: [2, 4], parents: [1, 2, null], withChildren: [1, 2], countUpTo: [2, 4] });
  });

  it('the portfolio’s marks of each project’s history, and its read of the tasks written since (kept-columns.ts)', () => {
    const [lite, pgAnswers] = both((sql) => {
      const d = { sql };
      const columns = readColumns(d, 1);
      const before = Array.from(columns.progress);
      sql.run('UPDATE wbs_tasks SET progress = 40 WHERE id = 4');
      const patched = patchColumns(d, columns, 1, [4]);
      const refused = patchColumns(d, columns, 1, [99]);
      sql.run('UPDATE wbs_tasks SET progress = 0 WHERE id = 4');
      return {
        marks: [...batchMarkByProject(d)],
        after: [batchesAfter(d, 1, 0), batchesAfter(d, 1, 1)],
        audited: auditedActions(d, 'b1', 'wbs_task').sort(),
        ids: Array.from(columns.id),
        before,
        progress: Array.from(columns.progress),
        patched,
        refused,
      };
    });
    expect(pgAnswers).toEqual(lite);
    expect(lite).toEqual({
      marks: [[1, { rowid: 1, id: 'b1', count: 1 }]],
      after: [[[1, 'b1', 'wbs.move']], []],
      audited: [[3, 'create'], [4, 'update']],
      ids: [1, 2, 3, 4],
      before: [0, 0, 0, 0],
      progress: [0, 0, 0, 40],
      patched: true,
      refused: false,
    });
  });
});
