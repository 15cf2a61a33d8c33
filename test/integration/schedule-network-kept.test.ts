// The schedule's network rows kept in memory between edits (services/schedule-network.ts): after every
// kind of write — an edit, a move, a link, the calendar, a task made or removed, a refused edit, undo and
// redo, another connection's commit, a colleague on the team database — what the schedule works from is
// what the database holds, the stored dates are the ones a reschedule from scratch gives, and an export
// writes them. The kept copy must actually serve the plain edits (else this proves nothing).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import { databaseFile } from '../../electron/core/paths.js';
import { networkReads, networkRows, readNetworkRows } from '../../electron/core/services/schedule-network.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';
import { seed, tableState, wbsWorkspace, type Spec } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Two phases of six automatic tasks, chained FS across them (12 tasks, 11 links). */
async function chain() {
  const ws = wbsWorkspace();
  close = () => ws.close();
  const p = await ws.call('project.create', { name: 'kept' });
  const specs: Spec[] = ['設計', '製造'].map((phase, k) => ({
    name: phase,
    children: Array.from({ length: 6 }, (_, i) => ({ name: `${phase}${i + 1}`, values: { scheduling: 'auto' as const, duration: 1 + (i % 3), ...(k === 0 && i === 0 && { plannedStart: '2025-04-01' }) } })),
  }));
  const ids = await seed(ws.call, p.id, specs);
  const leaves = specs.flatMap((s) => s.children!.map((c) => ids.get(c.name)!));
  for (let i = 1; i < leaves.length; i++) await ws.call('dependency.create', { projectId: p.id, predecessorId: leaves[i - 1]!, successorId: leaves[i]! });
  return { ws, call: ws.call, projectId: p.id, ids, leaves };
}

/** Plain arrays of the network rows, to compare a kept copy with a fresh read. */
function plain(rows: ReturnType<typeof readNetworkRows>) {
  const t = rows.tasks;
  return { n: t.n, id: [...t.id], parent: [...t.parent], start: [...t.startDay], finish: [...t.finishDay], auto: [...t.auto], rows: t.rows, index: [...t.index], links: [...rows.links].sort() };
}

/** Dates by task id, as stored. */
const datesOf = (ws: { db: { sqlite: Database.Database } }, projectId: number) =>
  ws.db.sqlite.prepare('SELECT id, planned_start AS s, planned_finish AS f FROM wbs_tasks WHERE project_id = ? ORDER BY id').all(projectId);

describe('the network rows kept between edits', () => {
  it('equal a fresh read after every kind of write, and serve the plain edits', async () => {
    const { ws, call, projectId, ids, leaves } = await chain();
    const check = (step: string) => expect(plain(networkRows(ws.db, projectId)), step).toEqual(plain(readNetworkRows(ws.db, projectId)));
    const first = networkReads(ws.db);
    // Plain edits of a task's own fields: the kept copy brought up to each edit, not the project read.
    for (const [k, patch] of [{ duration: 4 }, { duration: 2 }, { plannedStart: '2025-04-07' }, { name: '設計一' }, { duration: 3 }].entries()) {
      await call('wbs.update', { id: leaves[0]!, patch });
      check(`edit ${k}`);
    }
    const plainEdits = networkReads(ws.db);
    expect(plainEdits.read - first.read).toBeLessThanOrEqual(1);
    expect(plainEdits.kept - first.kept).toBeGreaterThanOrEqual(8);
    await call('wbs.update', { id: leaves[5]!, patch: { scheduling: 'manual', plannedStart: '2025-06-02', plannedFinish: '2025-06-06' } });
    check('made manual');
    await call('wbs.applyCells', { projectId, updates: leaves.slice(6, 9).map((id) => ({ id, patch: { duration: 5 } })) });
    check('cells');
    await call('wbs.move', { ids: [leaves[8]!], direction: 'up' });
    check('move');
    const link = await call('dependency.create', { projectId, predecessorId: leaves[2]!, successorId: leaves[7]!, type: 'SS', lagDays: 9 });
    check('link');
    await call('wbs.update', { id: leaves[1]!, patch: { duration: 2 } });
    check('edit after a link');
    await call('dependency.delete', { id: link.id });
    check('unlink');
    await call('calendar.update', { projectId, workingDays: [{ date: '2025-04-05', name: '土曜出勤' }] });
    check('calendar');
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 6 } });
    check('edit after the calendar');
    const made = await call('wbs.create', { projectId, parentId: ids.get('製造')!, values: { name: '追加', scheduling: 'auto', duration: 2 } });
    check('create');
    await call('wbs.indent', { ids: [made.id] });
    check('indent');
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 5 } });
    check('edit after indent');
    await call('wbs.outdent', { ids: [made.id] });
    check('outdent');
    // A refused edit (a cycle through the typed predecessors) rolls back whatever it had brought in.
    await expect(call('wbs.update', { id: leaves[0]!, patch: { duration: 1, predecessors: '2.6' } })).rejects.toThrow(/cycle/);
    check('refused edit');
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 1 } });
    check('edit after a refusal');
    await call('wbs.delete', { ids: [made.id, leaves[10]!] });
    check('delete');
    for (let i = 0; i < 4; i++) {
      await call('history.undo', { projectId });
      check(`undo ${i}`);
    }
    await call('history.redo', { projectId });
    check('redo');
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 2 } });
    check('edit after undo');
  });

  it('undo of edits served by the kept copy puts back every date; the same edit again gives the same dates', async () => {
    const { ws, call, projectId, leaves } = await chain();
    const before = tableState(ws.db.sqlite, projectId);
    const reads = networkReads(ws.db);
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 4 } });
    const once = datesOf(ws, projectId);
    await call('wbs.update', { id: leaves[3]!, patch: { duration: 3 } });
    const twice = datesOf(ws, projectId);
    expect(networkReads(ws.db).kept).toBeGreaterThan(reads.kept);
    await call('history.undo', { projectId });
    expect(datesOf(ws, projectId)).toEqual(once);
    await call('history.undo', { projectId });
    expect(tableState(ws.db.sqlite, projectId)).toEqual(before);
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 4 } });
    expect(datesOf(ws, projectId)).toEqual(once.map((d: any) => ({ ...d })));
    await call('wbs.update', { id: leaves[3]!, patch: { duration: 3 } });
    expect(datesOf(ws, projectId)).toEqual(twice);
  });

  it("another connection's commit is seen: the next edit reschedules from what it wrote", async () => {
    const { ws, call, projectId, leaves } = await chain();
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 2 } });
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 3 } });
    // Another connection (a tool, a second process) makes task 3 ten days long, no reschedule of its own.
    const other = new Database(databaseFile(ws.dir));
    other.prepare('UPDATE wbs_tasks SET duration = 10 WHERE id = ?').run(leaves[2]!);
    other.close();
    expect(plain(networkRows(ws.db, projectId))).toEqual(plain(readNetworkRows(ws.db, projectId)));
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 2 } });
    const list = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const t3 = list.find((t) => t.id === leaves[2])!;
    expect(t3.duration).toBe(10);
    // Ten working days (no holiday in April before the 29th), its start and finish included.
    let weekdays = 0;
    for (let d = Date.parse(t3.plannedStart!); d <= Date.parse(t3.plannedFinish!); d += 86_400_000) if (![0, 6].includes(new Date(d).getUTCDay())) weekdays++;
    expect(weekdays).toBe(10);
    expect(list.find((t) => t.id === leaves[3])!.plannedStart! > t3.plannedFinish!).toBe(true);
  });

  it('the export writes the dates of an edit served by the kept copy', async () => {
    const { ws, call, projectId, leaves } = await chain();
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 2 } });
    const reads = networkReads(ws.db);
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 7 } });
    expect(networkReads(ws.db).kept).toBeGreaterThan(reads.kept);
    const last = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === leaves.at(-1))!;
    const out = await call('excel.export', { projectId, register: 'wbs', format: 'csv' });
    const text = Buffer.from(out.dataBase64, 'base64').toString('utf8');
    expect(text).toContain(last.plannedFinish!.replaceAll('-', '/'));
    // Seven days for the first task moved the last one past its earlier finish.
    expect(datesOf(ws, projectId)).toContainEqual({ id: leaves.at(-1), s: last.plannedStart, f: last.plannedFinish });
  });
});

describe.each(['sqlite', ...(PG_SKIP ? [] : ['postgres'])] as const)("a colleague's write (%s)", (engine) => {
  it("the next edit reschedules from the colleague's change", async () => {
    let a: Workspace;
    let b: Workspace;
    if (engine === 'sqlite') {
      a = b = wbsWorkspace();
    } else {
      const database = await tempPgDatabase();
      [a, b] = ['yamada', 'suzuki'].map((user) => openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } })) as [Workspace, Workspace];
    }
    close = () => [...new Set([a, b])].forEach((w) => w.close());
    const as = (ws: Workspace, user: string) => async (method: string, args: unknown): Promise<any> => {
      const env = await ws.handlers.invoke(method, args, { user, client: user });
      if (!env.ok) throw ApiError.from(env.error);
      return env.result;
    };
    const yamada = as(a, 'yamada');
    const suzuki = as(b, 'suzuki');
    const p = await yamada('project.create', { name: '共有案件' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await yamada('wbs.create', { projectId: p.id, values: { name: `T${i}`, scheduling: 'auto', duration: 1, ...(i === 0 && { plannedStart: '2025-04-01' }) } })).id);
    for (let i = 1; i < ids.length; i++) await yamada('dependency.create', { projectId: p.id, predecessorId: ids[i - 1], successorId: ids[i] });
    await yamada('wbs.update', { id: ids[0], patch: { duration: 2 } });
    await yamada('wbs.update', { id: ids[0], patch: { duration: 1 } });
    // suzuki makes T2 five days long; yamada's next edit of T0 must schedule T3 after those five days.
    await suzuki('wbs.update', { id: ids[2], patch: { duration: 5 } });
    await yamada('wbs.update', { id: ids[0], patch: { duration: 2 } });
    const list = await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable);
    const dates = ids.map((id) => list.find((t) => t.id === id)!).map((t) => [t.plannedStart, t.plannedFinish]);
    // T0 4/1–4/2, T1 4/3, T2 4/4–4/10 (five working days), T3 4/11, T4 4/14.
    expect(dates).toEqual([
      ['2025-04-01', '2025-04-02'],
      ['2025-04-03', '2025-04-03'],
      ['2025-04-04', '2025-04-10'],
      ['2025-04-11', '2025-04-11'],
      ['2025-04-14', '2025-04-14'],
    ]);
  });
});
