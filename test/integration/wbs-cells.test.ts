// Bulk cell writes (paste, fill down, clear range): one batch, validated whole before anything is
// written, refused whole with every bad cell listed.
import { describe, expect, it } from 'vitest';
import type { CellProblem } from '../../electron/common/dto.js';
import { expectRollUpsRight, outline, seed, tableState, wbsWorkspace } from './wbs-support.js';
import { failure } from '../helpers/failure.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';


async function setup() {
  const ws = wbsWorkspace();
  const p = await ws.call('project.create', { name: 'P' });
  const ids = await seed(ws.call, p.id, [
    { name: 'Phase', children: [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }] },
    { name: 'Next' },
  ]);
  return { ...ws, projectId: p.id, id: (n: string) => ids.get(n)! };
}

const batches = (w: Awaited<ReturnType<typeof setup>>) => w.db.sqlite.prepare('SELECT count(*) FROM batches').pluck().get() as number;

describe('wbs.applyCells', () => {
  it('pastes a block taller than the rows below: updates, then new rows after the last one, in one batch', async () => {
    const w = await setup();
    const before = batches(w);
    const r = await w.call('wbs.applyCells', {
      projectId: w.projectId,
      updates: [
        { id: w.id('T2'), patch: { assignee: '山田', plannedStart: '2025-04-01', plannedEffort: 2 } },
        { id: w.id('T3'), patch: { assignee: '佐藤', plannedStart: '2025-04-05', plannedEffort: 1 } },
      ],
      creates: [{ values: { name: 'T4', assignee: '鈴木', plannedEffort: 3 } }, { values: { name: 'T5', assignee: '高橋' } }],
      createAfterId: w.id('T3'),
    });
    expect(batches(w)).toBe(before + 1);
    expect(r.createdIds).toHaveLength(2);
    // The answer: changed and new rows plus their ancestor, with codes, in tree order.
    expect(r.tasks.map((t) => `${t.code} ${t.name} ${t.assignee}`)).toEqual(['1 Phase ', '1.2 T2 山田', '1.3 T3 佐藤', '1.4 T4 鈴木', '1.5 T5 高橋']);
    expect(r.tasks[0]).toMatchObject({ summary: true, plannedEffort: 6, plannedStart: '2025-04-01' });
    expect(await outline(w.call, w.projectId)).toEqual(['1 Phase', '1.1 T1', '1.2 T2', '1.3 T3', '1.4 T4', '1.5 T5', '2 Next']);
    expectRollUpsRight(w.db, w.projectId);
  });

  it('appends new rows at the end of the top level without createAfterId', async () => {
    const w = await setup();
    await w.call('wbs.applyCells', { projectId: w.projectId, updates: [], creates: [{ values: { name: 'Z' } }] });
    expect((await outline(w.call, w.projectId)).at(-1)).toBe('3 Z');
  });

  it('fills down and clears a range', async () => {
    const w = await setup();
    const rows = [w.id('T1'), w.id('T2'), w.id('T3')];
    await w.call('wbs.applyCells', { projectId: w.projectId, updates: rows.map((id) => ({ id, patch: { plannedFinish: '2025-05-31', status: 'in_progress' as const } })) });
    let list = await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable);
    // The summary above them rolls their status up.
    expect(list.filter((t) => t.status === 'in_progress').map((t) => t.name)).toEqual(['Phase', 'T1', 'T2', 'T3']);
    expect(list[0]!.plannedFinish).toBe('2025-05-31');
    await w.call('wbs.applyCells', { projectId: w.projectId, updates: rows.map((id) => ({ id, patch: { plannedFinish: null, notes: '' } })) });
    list = await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable);
    expect(list.map((t) => t.plannedFinish)).toEqual([null, null, null, null, null]);
  });

  it('refuses a block with one bad date whole: nothing stored, the bad cell named', async () => {
    const w = await setup();
    const before = tableState(w.db.sqlite, w.projectId);
    const batchCount = batches(w);
    const err = await failure(
      w.call('wbs.applyCells', {
        projectId: w.projectId,
        updates: [
          { id: w.id('T1'), patch: { name: 'ok', plannedStart: '2025-04-01' } },
          { id: w.id('T2'), patch: { name: 'ok too', plannedStart: '2025-02-30' } },
        ],
        creates: [{ values: { name: 'new' } }],
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.details).toEqual([{ row: 1, id: w.id('T2'), field: 'plannedStart', message: 'is not a calendar date' }]);
    expect(err.message).toContain('row 2 plannedStart');
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
    expect(batches(w)).toBe(batchCount);
  });

  it('lists every bad cell, in updates and creates, including computed cells of summary rows', async () => {
    const w = await setup();
    const before = tableState(w.db.sqlite, w.projectId);
    const err = await failure(
      w.call('wbs.applyCells', {
        projectId: w.projectId,
        updates: [
          { id: w.id('Phase'), patch: { plannedFinish: '2025-04-30', name: 'fine' } },
          { id: w.id('T1'), patch: { progress: 120, status: 'finished' as never } },
        ],
        creates: [{ values: { name: 'x', plannedEffort: -1 } }, { values: { colour: 'red' } as never }],
      }),
    );
    expect(err.code).toBe('VALIDATION');
    const cells = (err.details as CellProblem[]).map((p) => [p.row, p.id, p.field]);
    expect(cells).toEqual([
      [0, w.id('Phase'), 'plannedFinish'],
      [1, w.id('T1'), 'progress'],
      [1, w.id('T1'), 'status'],
      [2, null, 'plannedEffort'],
      [3, null, 'colour'],
    ]);
    expect(err.message).toMatch(/^wbs\.applyCells: 5 invalid cells/);
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
  });

  it('refuses rows of another project and missing rows', async () => {
    const w = await setup();
    const q = await w.call('project.create', { name: 'Q' });
    const foreign = await w.call('wbs.create', { projectId: q.id, values: { name: 'F' } });
    const before = tableState(w.db.sqlite, w.projectId);
    expect((await failure(w.call('wbs.applyCells', { projectId: w.projectId, updates: [{ id: foreign.id, patch: { name: 'x' } }] }))).code).toBe('CONFLICT');
    expect((await failure(w.call('wbs.applyCells', { projectId: w.projectId, updates: [{ id: 999, patch: { name: 'x' } }] }))).code).toBe('NOT_FOUND');
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
  });

  it('writes nothing and no batch when every value is already there', async () => {
    const w = await setup();
    const count = batches(w);
    const r = await w.call('wbs.applyCells', { projectId: w.projectId, updates: [{ id: w.id('T1'), patch: { name: 'T1' } }] });
    expect(r).toEqual({ tasks: [], createdIds: [] });
    expect(batches(w)).toBe(count);
  });
});
