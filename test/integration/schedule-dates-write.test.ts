// A reschedule's dates are written many tasks per UPDATE (db/queries/schedule.ts setPlannedDates): every
// task given gets its dates and the stamp, in whatever parts the rows are cut into, on SQLite and on
// PostgreSQL alike, and no other task is written.
import { afterEach, describe, expect, it } from 'vitest';
import { setPlannedDates } from '../../electron/core/db/queries/schedule.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgWorkspace } from '../helpers/pg-workspace.js';
import { tempWorkspace } from '../helpers/workspace.js';

let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
});

describe.each(['sqlite', ...(PG_SKIP ? [] : ['postgres'])] as const)('setPlannedDates (%s)', (engine) => {
  it('writes the dates of every task given (267 = 128 + 128 + 8 + 2 + 1 rows) and of no other', async () => {
    ws = engine === 'sqlite' ? tempWorkspace() : await tempPgWorkspace();
    const created = await ws.handlers.invoke('project.create', { name: '日付' });
    if (!created.ok) throw new Error(created.error.message);
    const projectId = (created.result as { id: number }).id;
    const { sql } = ws.db;
    const ids: number[] = [];
    sql.tx(() => {
      for (let i = 0; i < 300; i++) ids.push(sql.run("INSERT INTO wbs_tasks (project_id, position, name, planned_start, planned_finish, updated_at) VALUES (?, ?, ?, '2025-01-06', '2025-01-07', 'then')", [projectId, i, `T${i}`]).lastId);
    });
    const day = (k: number) => `2025-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
    // Every task but the first 33, out of order, some dates cleared.
    const rows = ids.slice(33).reverse().map((id, k) => [k % 10 === 0 ? null : day(k), k % 7 === 0 ? null : day(k + 3), id] as const);
    expect(rows).toHaveLength(267);
    const dates = { ids: rows.map((r) => r[2]), plannedStart: rows.map((r) => r[0]), plannedFinish: rows.map((r) => r[1]) };
    sql.tx(() => setPlannedDates(ws!.db, dates, 'now'));
    const stored = new Map(sql.values<[number, string | null, string | null, string]>('SELECT id, planned_start, planned_finish, updated_at FROM wbs_tasks WHERE project_id = ?', [projectId]).map((r) => [Number(r[0]), r.slice(1)]));
    for (const [start, finish, id] of rows) expect(stored.get(id)).toEqual([start, finish, 'now']);
    for (const id of ids.slice(0, 33)) expect(stored.get(id)).toEqual(['2025-01-06', '2025-01-07', 'then']);
    // Nothing given, nothing written.
    sql.tx(() => setPlannedDates(ws!.db, { ids: [], plannedStart: [], plannedFinish: [] }, 'later'));
    expect(sql.values('SELECT id FROM wbs_tasks WHERE updated_at = ?', ['later'])).toEqual([]);
  });
});

describe.skipIf(PG_SKIP)('a list as one PostgreSQL array parameter (Dialect.arrayText)', () => {
  it('reads back every text as given: commas, braces, quotes, backslashes, spaces, the word NULL, null itself', async () => {
    ws = await tempPgWorkspace();
    const { sql } = ws.db;
    const texts = ['2025-01-06', 'a,b', '{x}', 'say "hi"', 'back\\slash', ' spaced ', 'NULL', null, '', '日本語'];
    const back = sql.values<[string | null]>('SELECT v FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS u(v, k) ORDER BY k', [sql.dialect.arrayText!(texts)]);
    expect(back.map((r) => r[0])).toEqual(texts);
    const ids = sql.values<[number]>('SELECT v FROM unnest(CAST(? AS integer[])) AS u(v)', [sql.dialect.arrayText!([3, 1, 2])]);
    expect(ids.map((r) => Number(r[0]))).toEqual([3, 1, 2]);
  });
});
