// Links, calendar and rescheduling through the API on a real SQLite workspace.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import { seed, tableState, wbsWorkspace } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const ws = wbsWorkspace();
  close = () => ws.close();
  const p = await ws.call('project.create', { name: 'S' });
  const ids = await seed(ws.call, p.id, [
    {
      name: '設計',
      children: [
        { name: '基本設計', values: { plannedStart: '2025-04-01', plannedFinish: '2025-04-03' } },
        { name: '詳細設計', values: { scheduling: 'auto', duration: 2 } },
      ],
    },
    { name: '製造', values: { scheduling: 'auto', duration: 3, plannedStart: '2025-04-01' } },
  ]);
  const id = (name: string) => ids.get(name)!;
  const task = async (name: string) => (await ws.call('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((t) => t.id === id(name))!;
  return { ws, call: ws.call, projectId: p.id, id, task };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('schedule through the API', () => {
  it('a typed predecessor links the tasks and moves the automatic successor in the same undo step', async () => {
    const { call, projectId, id, task } = await setup();
    const before = await call('wbs.update', { id: id('詳細設計'), patch: { predecessors: '1.1FS+2' } });
    // 基本設計 ends Thu 4/3; two working days later is Tue 4/8; two days: 4/8–4/9.
    expect([before.task.plannedStart, before.task.plannedFinish]).toEqual(['2025-04-08', '2025-04-09']);
    expect(before.task.predecessors).toBe('1.1FS+2');
    expect(before.related.find((t) => t.id === id('設計'))?.plannedFinish).toBe('2025-04-09');
    expect(await call('dependency.list', { projectId })).toMatchObject([{ predecessorId: id('基本設計'), successorId: id('詳細設計'), type: 'FS', lagDays: 2 }]);

    // Moving the predecessor reschedules the successor and the summary.
    await call('wbs.update', { id: id('基本設計'), patch: { plannedFinish: '2025-04-04' } });
    expect((await task('詳細設計')).plannedStart).toBe('2025-04-09');
    await call('history.undo', { projectId });
    expect((await task('詳細設計')).plannedStart).toBe('2025-04-08');
    await call('history.undo', { projectId });
    const undone = await task('詳細設計');
    expect([undone.plannedStart, undone.predecessors]).toEqual(['2025-04-01', '']); // at the project's start, as created
    expect(await call('dependency.list', { projectId })).toEqual([]);
  });

  it('names the cell problem: unknown code, bad text, a cycle; nothing is written', async () => {
    const { ws, call, projectId, id } = await setup();
    const state = tableState(ws.db.sqlite, projectId);
    expect((await refusal(call('wbs.update', { id: id('製造'), patch: { predecessors: '9.9' } }))).message).toBe('predecessors: no task has WBS code 9.9');
    expect((await refusal(call('wbs.update', { id: id('製造'), patch: { predecessors: 'x' } }))).code).toBe('VALIDATION');
    await call('wbs.update', { id: id('製造'), patch: { predecessors: '1.2' } });
    const cycle = await refusal(call('dependency.create', { projectId, predecessorId: id('製造'), successorId: id('詳細設計') }));
    expect(cycle.code).toBe('VALIDATION');
    expect(cycle.message).toMatch(/cycle: (1\.2 → 2 → 1\.2|2 → 1\.2 → 2)/);
    // A link into its own phase is a cycle too.
    expect((await refusal(call('dependency.create', { projectId, predecessorId: id('基本設計'), successorId: id('設計') }))).message).toMatch(/cycle/);
    // Through applyCells the cycle is a problem of the cell that closed it.
    const cells = await refusal(call('wbs.applyCells', { projectId, updates: [{ id: id('詳細設計'), patch: { predecessors: '2' } }] }));
    expect(cells.details).toMatchObject([{ row: 0, id: id('詳細設計'), field: 'predecessors' }]);
    expect((await call('dependency.list', { projectId })).length).toBe(1);
    expect(tableState(ws.db.sqlite, projectId).length).toBe(state.length);
  });

  it('refuses an FF or SF link that ends at a summary task (as MS Project does), by the API, typed or pasted; FS and SS into a phase hold back its tasks', async () => {
    const { ws, call, projectId, id, task } = await setup();
    const state = tableState(ws.db.sqlite, projectId);
    for (const type of ['FF', 'SF'] as const) {
      const e = await refusal(call('dependency.create', { projectId, predecessorId: id('製造'), successorId: id('設計'), type }));
      expect([e.code, e.text]).toEqual(['VALIDATION', { key: 'wbs.linkToSummary', params: { code: '1', type } }]);
      const typed = await refusal(call('wbs.update', { id: id('設計'), patch: { predecessors: `2${type}` } }));
      expect([typed.code, typed.text]).toEqual(['VALIDATION', { key: 'wbs.linkIntoSummary', params: { code: '2', type } }]);
    }
    const pasted = await refusal(call('wbs.applyCells', { projectId, updates: [{ id: id('設計'), patch: { predecessors: '2FF+1' } }] }));
    expect(pasted.details).toMatchObject([{ row: 0, id: id('設計'), field: 'predecessors', message: expect.stringMatching(/cannot end at a summary task/) }]);
    expect(tableState(ws.db.sqlite, projectId)).toEqual(state);
    // SS into the phase: its automatic task, at the project's start before, waits for 製造's start + 1.
    expect((await task('詳細設計')).plannedStart).toBe('2025-04-01');
    await call('wbs.update', { id: id('設計'), patch: { predecessors: '2SS+1' } });
    expect((await task('詳細設計')).plannedStart).toBe('2025-04-02');
    // FF into a task that is no summary is a link as before.
    await call('dependency.create', { projectId, predecessorId: id('製造'), successorId: id('詳細設計'), type: 'FF' });
    expect((await call('dependency.list', { projectId })).map((l) => l.type).sort()).toEqual(['FF', 'SS']);
  });

  it('dependency.create/delete with types and lags; deleting a task deletes its links in the same batch, undo brings both back', async () => {
    const { call, projectId, id, task } = await setup();
    const link = await call('dependency.create', { projectId, predecessorId: id('基本設計'), successorId: id('製造'), type: 'SS', lagDays: 1 });
    expect((await task('製造')).plannedStart).toBe('2025-04-02');
    expect((await task('製造')).predecessors).toBe('1.1SS+1');
    const schedule = await call('schedule.compute', { projectId });
    expect(schedule.tasks.find((t) => t.id === id('製造'))).toMatchObject({ earlyStart: '2025-04-02', earlyFinish: '2025-04-04', totalFloat: 0, critical: true });
    expect(schedule.criticalPath).toContain(id('製造'));
    await call('wbs.delete', { id: id('基本設計') });
    expect(await call('dependency.list', { projectId })).toEqual([]);
    await call('history.undo', { projectId });
    expect(await call('dependency.list', { projectId })).toMatchObject([{ id: link.id, type: 'SS', lagDays: 1 }]);
    await call('dependency.delete', { id: link.id });
    expect(await call('dependency.list', { projectId })).toEqual([]);
    // Without a link, the automatic task stays where it is (its start is now its own).
    expect((await task('製造')).plannedStart).toBe('2025-04-02');
  });

  it("a link's undo, redo and its predecessor's deletion answer the successor, whose 先行タスク text changed though its row did not", async () => {
    // The WBS page patches only the rows an answer holds (WbsChanges): a manual successor is not
    // rescheduled, so no wbs_tasks row of it is written and only the answer can tell the page.
    const { call, projectId, id } = await setup();
    const manual = await call('wbs.create', { projectId, values: { name: '手動', plannedStart: '2025-04-10', plannedFinish: '2025-04-10' } });
    await call('dependency.create', { projectId, predecessorId: id('基本設計'), successorId: manual.id });
    const answered = (r: { wbs?: { tasks: { id: number; predecessors: string }[] } }) => r.wbs?.tasks.find((t) => t.id === manual.id)?.predecessors;
    expect(answered(await call('history.undo', { projectId }))).toBe('');
    expect(answered(await call('history.redo', { projectId }))).toBe('1.1');
    // A link changed in place (an update row holding only type and lag) answers its successor too.
    await call('wbs.update', { id: manual.id, patch: { predecessors: '1.1SS' } });
    expect(answered(await call('history.undo', { projectId }))).toBe('1.1');
    // Deleting the predecessor deletes the link: the successor is answered with its text gone.
    const deleted = await call('wbs.delete', { ids: [id('基本設計')] });
    expect(deleted.tasks.find((t) => t.id === manual.id)?.predecessors).toBe('');
    expect(answered(await call('history.undo', { projectId }))).toBe('1.1');
  });

  it("a move, an insert or a delete that renumbers a task answers its successors, whose 先行タスク text shows the new code", async () => {
    // The page patches only answered rows: a successor not answered kept the old code, now another task's.
    const { call, projectId, id } = await setup();
    const manual = await call('wbs.create', { projectId, values: { name: '手動', plannedStart: '2025-04-20', plannedFinish: '2025-04-20' } });
    await call('wbs.update', { id: manual.id, patch: { predecessors: '1.2' } }); // 詳細設計
    const text = (tasks: { id: number; predecessors: string }[]) => tasks.find((t) => t.id === manual.id)?.predecessors;
    expect(text((await call('wbs.move', { ids: [id('詳細設計')], direction: 'up' })).tasks)).toBe('1.1');
    expect(text((await call('history.undo', { projectId })).wbs!.tasks)).toBe('1.2');
    expect(text((await call('wbs.create', { projectId, beforeId: id('詳細設計') })).related)).toBe('1.3');
    expect(text((await call('wbs.delete', { ids: [id('基本設計')] })).tasks)).toBe('1.2');
    expect(text((await call('wbs.outdent', { ids: [id('詳細設計')] })).tasks)).toBe('2');
  });

  it('the calendar: defaults with 年末年始, an update reschedules, undo puts it back', async () => {
    const { call, projectId, id, task } = await setup();
    const cal = await call('calendar.get', { projectId, fromYear: 2025, toYear: 2025 });
    expect(cal).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], nationalHolidays: true, daysOff: [{ from: '12-29', to: '01-03', name: '年末年始' }] });
    expect(cal.holidays).toContainEqual({ date: '2025-04-29', name: '昭和の日' });
    expect((await task('製造')).plannedFinish).toBe('2025-04-03');
    await call('calendar.update', { projectId, daysOff: [{ from: '2025-04-02', to: '2025-04-02', name: '創立記念日' }] });
    expect((await task('製造')).plannedFinish).toBe('2025-04-04');
    const bad = await refusal(call('calendar.update', { projectId, daysOff: [{ from: '04-31', to: '05-01', name: 'x' }] }));
    expect(bad.code).toBe('VALIDATION');
    await call('history.undo', { projectId });
    expect((await task('製造')).plannedFinish).toBe('2025-04-03');
    expect((await call('calendar.get', { projectId })).daysOff).toEqual([{ from: '12-29', to: '01-03', name: '年末年始' }]);
    expect(id('製造')).toBeGreaterThan(0);
  });

  it('a manual successor that starts before its link allows is marked', async () => {
    const { call, projectId, id } = await setup();
    const t = await call('wbs.create', { projectId, values: { name: '手動', plannedStart: '2025-04-02', plannedFinish: '2025-04-02' } });
    await call('wbs.update', { id: t.id, patch: { predecessors: '1.1' } });
    const r = await call('schedule.compute', { projectId });
    expect(r.tasks.find((x) => x.id === t.id)).toMatchObject({ linkViolated: true, earlyStart: '2025-04-02' });
    expect(r.tasks.find((x) => x.id === id('基本設計'))?.linkViolated).toBe(false);
  });
});
