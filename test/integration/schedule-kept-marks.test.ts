// The solved schedule an export keeps (schedule.ts criticalMarks, under Sql.scheduleStamp): after each
// kind of write a schedule is computed from — a task's dates, its place in the tree, a task made or
// removed, a link, the calendar's weekdays, holidays and working days, undo and redo, a write outside
// any batch, another connection's commit — the next export's network equals a fresh solve on a
// connection of its own, and differs from what was kept (so a kept answer would have been stale). After
// writes of anything else (a name, a register row, the search index) the kept answer is served.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/paths.js';
import { sqliteSql } from '../../electron/core/db/sql.js';
import { catchUpIndex } from '../../electron/core/services/search-index.js';
import { criticalMarks, criticalMarksCounts, type CriticalMarks } from '../../electron/core/services/schedule.js';
import { seed, TODAY, wbsWorkspace, type Spec } from './wbs-support.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Two phases of five automatic tasks, chained FS across them, starting 2025-04-01, and a side task. */
async function chain() {
  const ws = wbsWorkspace();
  close = () => ws.close();
  const p = await ws.call('project.create', { name: 'marks' });
  const specs: Spec[] = ['設計', '製造'].map((phase, k) => ({
    name: phase,
    children: Array.from({ length: 5 }, (_, i) => ({ name: `${phase}${i + 1}`, values: { scheduling: 'auto' as const, duration: 2, ...(k === 0 && i === 0 && { plannedStart: '2025-04-01' }) } })),
  }));
  const ids = await seed(ws.call, p.id, specs);
  const leaves = specs.flatMap((s) => s.children!.map((c) => ids.get(c.name)!));
  for (let i = 1; i < leaves.length; i++) await ws.call('dependency.create', { projectId: p.id, predecessorId: leaves[i - 1]!, successorId: leaves[i]! });
  // Off the chain, after its first task: a day long, so not critical until it is made long.
  const side = (await ws.call('wbs.create', { projectId: p.id, parentId: ids.get('設計')!, values: { name: '予備', scheduling: 'auto', duration: 1 } })).id as number;
  await ws.call('dependency.create', { projectId: p.id, predecessorId: leaves[0]!, successorId: side });
  return { ws, call: ws.call, projectId: p.id, ids, leaves, side };
}

/** Days 2025-04-01 … 2025-09-30 as day numbers. */
const DAYS = Array.from({ length: 183 }, (_, i) => Date.UTC(2025, 3, 1 + i) / 86_400_000);

/**
 * What an export takes from the solved network: the tree order, each task's days, whether it is
 * critical, and the calendar the gantt band shades its days off by.
 */
function plain({ net, critical }: CriticalMarks) {
  const t = net.tasks;
  return { id: [...t.id], parent: [...t.parent], start: [...t.startDay], finish: [...t.finishDay], critical: [...critical], off: DAYS.filter((d) => !net.cal.isWorking(d)) };
}

/** The same solved on a connection of its own, which has kept nothing. */
function fresh(dir: string, projectId: number) {
  const sqlite = new Database(databaseFile(dir));
  try {
    return plain(criticalMarks({ sql: sqliteSql(sqlite) }, projectId, TODAY));
  } finally {
    sqlite.close();
  }
}

type Setup = Awaited<ReturnType<typeof chain>>;

type Write = (s: Setup) => Promise<unknown> | unknown;

/** Each write changes what the export draws (dates, order or critical path) of the chain; some take a step first. */
const WRITES: { what: string; first?: Write; write: Write }[] = [
  // The edit's reschedule brings the kept rows' dates up to date in place; what else the export takes
  // (the critical path here) shows whether the solve was done again.
  { what: 'a duration (the side task becomes the critical path)', write: ({ call, side }) => call('wbs.update', { id: side, patch: { duration: 60 } }) },
  { what: 'made manual with dates of its own', write: ({ call, leaves }) => call('wbs.update', { id: leaves[9]!, patch: { scheduling: 'manual', plannedStart: '2025-07-01', plannedFinish: '2025-07-04' } }) },
  { what: 'a task made', write: ({ call, projectId, ids }) => call('wbs.create', { projectId, parentId: ids.get('製造')!, values: { name: '追加', scheduling: 'auto', duration: 30, plannedStart: '2025-04-01' } }) },
  { what: 'a task deleted', write: ({ call, leaves }) => call('wbs.delete', { ids: [leaves[4]!] }) },
  { what: 'a task moved among its siblings', write: ({ call, leaves }) => call('wbs.move', { ids: [leaves[7]!], direction: 'up' }) },
  { what: 'a task outdented', write: ({ call, leaves }) => call('wbs.outdent', { ids: [leaves[9]!] }) },
  { what: 'a link made', write: ({ call, projectId, leaves }) => call('dependency.create', { projectId, predecessorId: leaves[2]!, successorId: leaves[8]!, type: 'SS', lagDays: 20 }) },
  {
    what: 'a link deleted',
    write: async ({ call, projectId, leaves }) => {
      const links = (await call('dependency.list', { projectId })) as { id: number; predecessorId: number; successorId: number }[];
      await call('dependency.delete', { id: links.find((l) => l.predecessorId === leaves[4] && l.successorId === leaves[5])!.id });
    },
  },
  { what: 'a holiday (day off) added', write: ({ call, projectId }) => call('calendar.update', { projectId, daysOff: [{ from: '2025-04-02', to: '2025-04-04', name: '社内行事' }] }) },
  { what: 'a Saturday worked', write: ({ call, projectId }) => call('calendar.update', { projectId, workingDays: [{ date: '2025-04-05', name: '土曜出勤' }] }) },
  { what: 'the working weekdays', write: ({ call, projectId }) => call('calendar.update', { projectId, workingWeekdays: [1, 2, 3, 4, 5, 6] }) },
  {
    what: 'national holidays worked',
    // Long enough to run across Shōwa Day (4/29) and Golden Week.
    first: ({ call, leaves }) => call('wbs.update', { id: leaves[0]!, patch: { duration: 15 } }),
    write: ({ call, projectId }) => call('calendar.update', { projectId, nationalHolidays: false }),
  },
  {
    what: 'undo of a duration',
    first: ({ call, leaves }) => call('wbs.update', { id: leaves[0]!, patch: { duration: 6 } }),
    write: ({ call, projectId }) => call('history.undo', { projectId }),
  },
  {
    what: 'redo of a duration',
    first: async ({ call, projectId, leaves }) => {
      await call('wbs.update', { id: leaves[0]!, patch: { duration: 6 } });
      await call('history.undo', { projectId });
    },
    write: ({ call, projectId }) => call('history.redo', { projectId }),
  },
  {
    what: 'a date written outside any batch (a tool on this connection)',
    write: ({ ws, leaves }) => ws.db.sqlite.prepare("UPDATE wbs_tasks SET planned_start = '2025-05-01', planned_finish = '2025-05-20', scheduling = 'manual' WHERE id = ?").run(leaves[3]!),
  },
  {
    // No reschedule moves a date here: only the calendar's own write says the schedule changed.
    what: 'a day off written outside any batch (a tool on this connection)',
    first: ({ call, projectId }) => call('calendar.update', { projectId, statusDate: '2025-05-01' }),
    write: ({ ws, projectId }) => ws.db.sqlite.prepare(`UPDATE project_calendars SET days_off = '[{"from":"2025-08-01","to":"2025-08-08","name":"夏季休業"}]' WHERE project_id = ?`).run(projectId),
  },
  {
    what: "another connection's commit",
    write: ({ ws, leaves }) => {
      const other = new Database(databaseFile(ws.dir));
      other.prepare("UPDATE wbs_tasks SET planned_start = '2025-05-01', planned_finish = '2025-05-20', scheduling = 'manual' WHERE id = ?").run(leaves[3]!);
      other.close();
    },
  },
];

describe('the solved schedule kept between exports', () => {
  it.each(WRITES)('is solved again after $what', async ({ first, write }) => {
    const s = await chain();
    const { ws, projectId } = s;
    await first?.(s);
    const before = plain(criticalMarks(ws.db, projectId, TODAY));
    const counts = criticalMarksCounts(ws.db);
    expect(plain(criticalMarks(ws.db, projectId, TODAY)), 'kept while nothing was written').toEqual(before);
    expect(criticalMarksCounts(ws.db).kept).toBe(counts.kept + 1);
    await write(s);
    const after = plain(criticalMarks(ws.db, projectId, TODAY));
    expect(after).toEqual(fresh(ws.dir, projectId));
    expect(after, 'the write changes what the export draws').not.toEqual(before);
  });

  it('is served across writes that leave the schedule as it was', async () => {
    const { ws, call, projectId, leaves } = await chain();
    const before = plain(criticalMarks(ws.db, projectId, TODAY));
    const counts = criticalMarksCounts(ws.db);
    await call('wbs.update', { id: leaves[2]!, patch: { name: '設計三', assignee: '山田', progress: 40 } });
    await call('wbs.applyCells', { projectId, updates: leaves.slice(5).map((id, i) => ({ id, patch: { assignee: `担当${i}` } })) });
    await call('risk.create', { projectId, values: { title: '納期リスク' } });
    catchUpIndex(ws.db);
    await call('history.undo', { projectId });
    expect(plain(criticalMarks(ws.db, projectId, TODAY))).toEqual(before);
    expect(plain(criticalMarks(ws.db, projectId, TODAY))).toEqual(fresh(ws.dir, projectId));
    expect(criticalMarksCounts(ws.db)).toEqual({ kept: counts.kept + 2, solved: counts.solved });
  });

  it("another project's kept answer is not another's, and a deleted project is not found", async () => {
    const { ws, call, projectId } = await chain();
    const other = await call('project.create', { name: 'empty' });
    expect(plain(criticalMarks(ws.db, other.id, TODAY)).id).toEqual([]);
    expect(plain(criticalMarks(ws.db, projectId, TODAY)).id).toHaveLength(13);
    await call('project.delete', { id: other.id });
    expect(() => criticalMarks(ws.db, other.id, TODAY)).toThrow(/does not exist/);
  });
});
