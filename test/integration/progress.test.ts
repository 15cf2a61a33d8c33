// Status date, baselines, earned value and weekly closes through the API on a real SQLite workspace.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import { seed, wbsWorkspace, type Spec } from './wbs-support.js';
import { columnsOf, NO_DAY, readColumns, STATE } from '../../electron/core/progress/columns.js';
import { currentCodes, readCurrentPlan, readCurrentRows } from '../../electron/core/progress/plan.js';
import { dayOf } from '../../electron/core/progress/work-days.js';

// TODAY is Tuesday 2025-06-10: the default status date is Monday 2025-06-09.
const TREE: Spec[] = [
  {
    name: '設計',
    children: [
      { name: '基本設計', values: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualFinish: '2025-06-06', actualEffort: 6, assignee: '佐藤' } },
      { name: '詳細設計', values: { plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 10, progress: 20, actualEffort: 2, assignee: '鈴木' } },
    ],
  },
  { name: '製造', values: { plannedStart: '2025-06-16', plannedFinish: '2025-06-27', plannedEffort: 20, assignee: '鈴木' } },
  { name: 'リリース', values: { plannedStart: '2025-06-30', plannedFinish: '2025-06-30', milestone: true } },
];

async function setup() {
  const ws = wbsWorkspace();
  const p = await ws.call('project.create', { name: 'P' });
  const ids = await seed(ws.call, p.id, TREE);
  return { ...ws, projectId: p.id, id: (n: string) => ids.get(n)! };
}

describe('status date', () => {
  it('defaults to the last working day before today and is set by project.update', async () => {
    const w = await setup();
    const [p] = await w.call('project.list', {});
    expect(p).toMatchObject({ statusDate: '2025-06-09', statusDateSet: false, costRate: null });
    const set = await w.call('project.update', { id: w.projectId, patch: { statusDate: '2025-06-06', costRate: 50_000 } });
    expect(set).toMatchObject({ statusDate: '2025-06-06', statusDateSet: true, costRate: 50_000 });
    expect((await w.call('project.list', {}))[0]).toMatchObject({ statusDate: '2025-06-06' });
    const cleared = await w.call('project.update', { id: w.projectId, patch: { statusDate: null } });
    expect(cleared).toMatchObject({ statusDate: '2025-06-09', statusDateSet: false });
    await expect(w.call('project.update', { id: w.projectId, patch: { statusDate: '2025-02-30' } })).rejects.toThrow(/statusDate/);
  });

  it('a status date set alone is one audited step that undo and redo take back and forth', async () => {
    const w = await setup();
    await w.call('project.update', { id: w.projectId, patch: { statusDate: '2025-06-06' } });
    await w.call('project.update', { id: w.projectId, patch: { statusDate: '2025-06-13' } });
    expect(await w.call('history.state', { projectId: w.projectId })).toMatchObject({ canUndo: true, undoLabel: 'statusDate.set' });
    const audit = w.db.sqlite
      .prepare("SELECT a.entity, a.before, a.after FROM audit_log a JOIN batches b ON b.id = a.batch_id WHERE b.label = 'statusDate.set' ORDER BY a.id")
      .all();
    expect(audit).toEqual([
      { entity: 'project_calendar', before: null, after: expect.stringContaining('"statusDate":"2025-06-06"') },
      { entity: 'project_calendar', before: '{"statusDate":"2025-06-06"}', after: '{"statusDate":"2025-06-13"}' },
    ]);
    const statusDate = async () => (await w.call('project.list', {}))[0]!.statusDate;
    expect((await w.call('history.undo', { projectId: w.projectId })).applied).toBe(true);
    expect(await statusDate()).toBe('2025-06-06');
    await w.call('history.undo', { projectId: w.projectId });
    expect((await w.call('project.list', {}))[0]).toMatchObject({ statusDate: '2025-06-09', statusDateSet: false });
    await w.call('history.redo', { projectId: w.projectId });
    expect(await statusDate()).toBe('2025-06-06');
    // A rename in the same call stays a project edit, off the undo stack as before.
    await w.call('project.update', { id: w.projectId, patch: { name: 'P2', statusDate: '2025-06-20' } });
    expect(await w.call('history.state', { projectId: w.projectId })).toMatchObject({ undoLabel: 'statusDate.set' });
  });
});

describe('baselines', () => {
  it('keeps the plan as taken, compares it with the current plan, and is undoable', async () => {
    const w = await setup();
    const b = await w.call('baseline.create', { projectId: w.projectId, name: '初回計画' });
    expect(b).toMatchObject({ name: '初回計画' });
    expect(await w.call('baseline.list', { projectId: w.projectId })).toEqual([
      { id: b.id, projectId: w.projectId, name: '初回計画', takenAt: b.takenAt, taskCount: 5 },
    ]);
    const taken = await w.call('baseline.get', { id: b.id });

    // Slip 製造 by one week, delete リリース, add 受入, move 詳細設計 to the top level.
    await w.call('wbs.update', { id: w.id('製造'), patch: { plannedStart: '2025-06-23', plannedFinish: '2025-07-04' } });
    await w.call('wbs.delete', { id: w.id('リリース') });
    const added = await w.call('wbs.create', { projectId: w.projectId, values: { name: '受入' } });
    await w.call('wbs.outdent', { ids: [w.id('詳細設計')] });
    await w.call('wbs.update', { id: w.id('基本設計'), patch: { assignee: '高橋' } });

    // The baseline did not change.
    expect(await w.call('baseline.get', { id: b.id })).toEqual(taken);
    const c = await w.call('baseline.compare', { projectId: w.projectId, baselineId: b.id });
    expect(c.added.map((t) => t.id)).toEqual([added.id]);
    expect(c.removed.map((t) => t.name)).toEqual(['リリース']);
    expect(c.moved.map((t) => [t.name, t.parentBefore, t.parentAfter])).toEqual([['詳細設計', w.id('設計'), null]]);
    // In WBS order, with the current codes: 設計 rolled up without 詳細設計, 基本設計 reassigned, 製造 slipped.
    expect(c.changed.map((t) => `${t.code} ${t.name}`)).toEqual(['1 設計', '1.1 基本設計', '3 製造']);
    const slip = c.changed.find((t) => t.name === '製造')!;
    expect(slip.finishSlip).toBe(5);
    expect(slip.changes).toEqual([
      { field: 'plannedStart', before: '2025-06-16', after: '2025-06-23' },
      { field: 'plannedFinish', before: '2025-06-27', after: '2025-07-04' },
    ]);

    // A second baseline compared against the first gives the same answer.
    const b2 = await w.call('baseline.create', { projectId: w.projectId, name: '再計画' });
    const c2 = await w.call('baseline.compare', { projectId: w.projectId, baselineId: b.id, againstId: b2.id });
    expect({ ...c2, against: null }).toEqual({ ...c, against: null });

    // Undo takes the second baseline away, redo brings it back; deleting is undoable too.
    await w.call('history.undo', { projectId: w.projectId });
    expect((await w.call('baseline.list', { projectId: w.projectId })).map((x) => x.name)).toEqual(['初回計画']);
    await w.call('history.redo', { projectId: w.projectId });
    await w.call('baseline.delete', { id: b.id });
    expect((await w.call('baseline.list', { projectId: w.projectId })).map((x) => x.name)).toEqual(['再計画']);
    await w.call('history.undo', { projectId: w.projectId });
    expect(await w.call('baseline.get', { id: b.id })).toEqual(taken);
  });

  it('refuses a baseline of another project and an unknown one', async () => {
    const w = await setup();
    const other = await w.call('project.create', { name: 'Q' });
    const b = await w.call('baseline.create', { projectId: other.id, name: 'x' });
    await expect(w.call('baseline.compare', { projectId: w.projectId, baselineId: b.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(w.call('evm.compute', { projectId: w.projectId, statusDate: '2025-06-10', baselineId: 999 })).rejects.toBeInstanceOf(ApiError);
    await expect(w.call('baseline.create', { projectId: w.projectId, name: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('earned value through the API', () => {
  it('SPI falls when the plan slips against the baseline, not against itself', async () => {
    const w = await setup();
    const statusDate = '2025-06-20';
    const b = await w.call('baseline.create', { projectId: w.projectId, name: 'B' });
    // 基本設計 5 (done), 詳細設計 10 × 20 %, 製造 20: 5 of 10 working days by 6/20.
    const before = await w.call('evm.compute', { projectId: w.projectId, statusDate, baselineId: b.id });
    expect(before).toMatchObject({ bac: 35, pv: 25, ev: 7, ac: 8, spi: 0.28 });
    await w.call('wbs.update', { id: w.id('製造'), patch: { plannedStart: '2025-06-23', plannedFinish: '2025-07-04' } });
    await w.call('wbs.update', { id: w.id('詳細設計'), patch: { progress: 100, actualEffort: 9 } });
    const vsBaseline = await w.call('evm.compute', { projectId: w.projectId, statusDate, baselineId: b.id });
    const vsCurrent = await w.call('evm.compute', { projectId: w.projectId, statusDate });
    expect(vsBaseline).toMatchObject({ pv: 25, ev: 15, ac: 15, spi: 0.6 });
    expect(vsCurrent).toMatchObject({ pv: 15, ev: 15, spi: 1, cpi: 1 });
    const byTask = await w.call('evm.compute', { projectId: w.projectId, statusDate, baselineId: b.id, by: 'task' });
    expect(byTask.rows!.find((r) => r.name === '設計')).toMatchObject({ code: '1', bac: 15, pv: 15, ev: 15 });
    const byWho = await w.call('evm.compute', { projectId: w.projectId, statusDate, by: 'assignee' });
    expect(byWho.rows!.map((r) => [r.name, r.bac])).toEqual([
      ['佐藤', 5],
      ['鈴木', 30],
      ['', 0],
    ]);
    const adh = await w.call('evm.adherence', { projectId: w.projectId, statusDate: '2025-06-30', baselineId: b.id });
    // Due: 基本設計 and 詳細設計 (on time: finished, at 100 %), 製造, リリース.
    expect(adh.due).toBe(4);
    expect(adh.milestonesMissed.map((t) => t.name)).toEqual(['リリース']);
  });
});

describe('the plan as figures read it', () => {
  it('reads the same numbers from the database as the whole plan gives (dates as days, statuses, null as 0)', async () => {
    const w = await setup();
    await w.call('wbs.update', { id: w.id('製造'), patch: { status: 'on_hold', actualStart: '2025-06-17' } });
    await w.call('wbs.update', { id: w.id('リリース'), patch: { status: 'cancelled' } });
    await w.call('project.update', { id: w.projectId, patch: { costRate: 45_000 } });
    expect(readColumns(w.db, w.projectId).assignee).toBeNull();
    const read = readColumns(w.db, w.projectId, true);
    const whole = columnsOf(readCurrentPlan(w.db, w.projectId, false));
    const keys = ['id', 'parent', 'assignee', 'plannedEffort', 'plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'milestone', 'progress', 'actualEffort', 'state'] as const;
    // The columns come in id order, the whole plan in the tree's storage order: compared task by task.
    expect(Array.from(read.id)).toEqual(Array.from(whole.id).sort((a, b) => a - b));
    const inWholeOrder = (xs: ArrayLike<unknown>) => Array.from(whole.id, (id) => xs[read.index.get(id)!]);
    for (const k of keys) expect([k, inWholeOrder(read[k] as ArrayLike<unknown>)]).toEqual([k, Array.from(whole[k] as ArrayLike<unknown>)]);
    expect(inWholeOrder(read.leaf)).toEqual(Array.from(whole.leaf));
    expect(read.costRate).toBe(45_000);
    const i = read.index.get(w.id('製造'))!;
    expect([read.plannedStart[i], read.actualStart[i], read.actualFinish[i]]).toEqual([dayOf('2025-06-16'), dayOf('2025-06-17'), NO_DAY]);
    expect(read.state[i]).toBe(STATE.on_hold);
    expect(read.state[read.index.get(w.id('リリース'))!]).toBe(STATE.cancelled);
  });

  it('numbers the current rows as the WBS does, after inserts between siblings, indents and outdents', async () => {
    const w = await setup();
    // 詳細設計 gets a sibling before it, 製造 goes under 設計, a new task goes first at the top.
    await w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('詳細設計'), values: { name: '要件定義' } });
    await w.call('wbs.indent', { ids: [w.id('製造')] });
    await w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('設計'), values: { name: '準備' } });
    await w.call('wbs.outdent', { ids: [w.id('基本設計')] });
    const placed = readCurrentPlan(w.db, w.projectId);
    const { rows } = readCurrentRows(w.db, w.projectId);
    const code = currentCodes(rows);
    const byId = new Map(rows.map((r, k) => [r[0], code(k)]));
    expect(placed.tasks.map((t) => [t.name, byId.get(t.id)])).toEqual(placed.tasks.map((t) => [t.name, t.code]));
    // 基本設計 outdented lands after its old parent.
    expect(placed.tasks.map((t) => `${t.code} ${t.name}`)).toEqual(['1 準備', '2 設計', '2.1 要件定義', '2.2 詳細設計', '2.3 製造', '3 基本設計', '4 リリース']);
  });
});

describe('a baseline read back from the file', () => {
  it('gives the same figures, comparison and plan after the workspace is opened again (nothing kept in memory)', async () => {
    const w = await setup();
    const statusDate = '2025-06-20';
    const b = await w.call('baseline.create', { projectId: w.projectId, name: 'B' });
    await w.call('wbs.update', { id: w.id('製造'), patch: { plannedStart: '2025-06-23', plannedFinish: '2025-07-04', progress: 10, actualEffort: 1 } });
    // Work added since the baseline costs (AC) but earns nothing the baseline planned.
    await w.call('wbs.create', { projectId: w.projectId, parentId: w.id('設計'), values: { name: 'レビュー', assignee: '高橋', actualEffort: 0.5 } });
    const ask = (c: typeof w.call) =>
      Promise.all([
        c('evm.compute', { projectId: w.projectId, statusDate, baselineId: b.id }),
        c('evm.compute', { projectId: w.projectId, statusDate, baselineId: b.id, by: 'assignee' }),
        c('evm.adherence', { projectId: w.projectId, statusDate: '2025-06-30', baselineId: b.id }),
        c('evm.curve', { projectId: w.projectId, statusDate, baselineId: b.id }),
        c('baseline.compare', { projectId: w.projectId, baselineId: b.id }),
        c('baseline.get', { id: b.id }),
      ]);
    const before = await ask(w.call);
    expect(before[0]).toMatchObject({ bac: 35, pv: 25, ev: 9, ac: 9.5 });
    // The totals alone (the current plan's progress and actuals read without names) are the totals by assignee.
    const { rows, ...totals } = before[1];
    expect(totals).toEqual(before[0]);
    expect(rows!.find((r) => r.name === '高橋')).toMatchObject({ bac: 0, ac: 0.5 });
    w.close();
    const again = wbsWorkspace(w.dir);
    try {
      // The figures first: they decode the baseline's numbers alone.
      expect(await ask(again.call)).toEqual(before);
    } finally {
      again.close();
    }
  });
});

describe('weekly close', () => {
  it('sets the status date, keeps the figures as they were, and one undo puts both back', async () => {
    const w = await setup();
    await w.call('project.update', { id: w.projectId, patch: { costRate: 40_000 } });
    const close = await w.call('weekly.close', { projectId: w.projectId, statusDate: '2025-06-13' });
    expect(close.figures).toMatchObject({ bac: 35, pv: 15, ev: 7, ac: 8, costRate: 40_000, due: 2, onTime: 1, adherence: 0.5 });
    expect((await w.call('project.list', {}))[0]).toMatchObject({ statusDate: '2025-06-13', statusDateSet: true });
    // A later edit does not change what the close kept.
    await w.call('wbs.update', { id: w.id('詳細設計'), patch: { progress: 60 } });
    const [kept] = await w.call('weekly.list', { projectId: w.projectId, withProgress: true });
    expect(kept!.figures.ev).toBe(7);
    expect(kept!.progress![w.id('詳細設計')]).toBe(20);
    // The next week; the curve reads EV and AC of the earlier close.
    const next = await w.call('weekly.close', { projectId: w.projectId, statusDate: '2025-06-20' });
    expect(next.figures.ev).toBe(11);
    const curve = await w.call('evm.curve', { projectId: w.projectId, statusDate: '2025-06-20' });
    expect(curve.points.find((p) => p.date === '2025-06-13')).toMatchObject({ pv: 15, ev: 7, ac: 8 });
    expect(curve.points.find((p) => p.date === '2025-06-20')).toMatchObject({ pv: 25, ev: 11 });
    expect(curve.points.at(-1)!.pv).toBe(35);
    // Closing the same date again replaces it; undo puts the first close and the status date back.
    await w.call('wbs.update', { id: w.id('製造'), patch: { progress: 10 } });
    const again = await w.call('weekly.close', { projectId: w.projectId, statusDate: '2025-06-20' });
    expect(again.figures.ev).toBe(13);
    expect((await w.call('weekly.list', { projectId: w.projectId })).map((c) => c.statusDate)).toEqual(['2025-06-20', '2025-06-13']);
    await w.call('history.undo', { projectId: w.projectId });
    expect((await w.call('weekly.list', { projectId: w.projectId }))[0]!.figures.ev).toBe(11);
    await w.call('history.undo', { projectId: w.projectId }); // the 製造 edit
    await w.call('history.undo', { projectId: w.projectId }); // the 6/20 close
    expect((await w.call('weekly.list', { projectId: w.projectId })).map((c) => c.statusDate)).toEqual(['2025-06-13']);
    expect((await w.call('project.list', {}))[0]).toMatchObject({ statusDate: '2025-06-13' });
  });
});
