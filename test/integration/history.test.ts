// Undo / redo in the domain: every kind of WBS change reverts exactly (every stored column, roll-ups
// included) and comes back on redo; stacks are per project, survive a restart, and a new edit clears redo.
import { describe, expect, it } from 'vitest';
import { inBatch } from '../../electron/core/batch.js';
import { riskStore } from '../../electron/core/entities.js';
import { createTasks, wbsStore } from '../../electron/core/services/wbs.js';
import type { Call } from '../helpers/workspace.js';
import { expectRollUpsRight, outline, seed, tableState, wbsWorkspace, type Spec } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const TREE: Spec[] = [
  {
    name: 'A',
    children: [
      { name: 'A1', values: { plannedStart: '2025-04-01', plannedFinish: '2025-04-10', plannedEffort: 3, progress: 50 } },
      { name: 'A2', values: { plannedStart: '2025-04-11', plannedFinish: '2025-04-20', plannedEffort: 1 }, children: [{ name: 'A2a', values: { plannedEffort: 1, progress: 10 } }] },
    ],
  },
  { name: 'B', values: { plannedStart: '2025-05-01', plannedFinish: '2025-05-31', plannedEffort: 5, progress: 20, assignee: '山田' } },
  { name: 'C' },
];

async function setup(dir?: string) {
  const ws = wbsWorkspace(dir);
  const p = await ws.call('project.create', { name: 'P' });
  const ids = await seed(ws.call, p.id, TREE);
  return { ...ws, projectId: p.id, id: (n: string) => ids.get(n)! };
}

type Setup = Awaited<ReturnType<typeof setup>>;

interface BatchRow {
  id: string;
  label: string;
  kind: string;
  reverts: string | null;
  undone: number;
}
const lastBatch = (w: Setup) => w.db.sqlite.prepare('SELECT * FROM batches ORDER BY rowid DESC LIMIT 1').get() as BatchRow;

const CHANGES: [string, (w: Setup) => Promise<unknown>][] = [
  ['an edit of a leaf (roll-ups move)', (w) => w.call('wbs.update', { id: w.id('A1'), patch: { plannedFinish: '2025-06-30', progress: 100, name: 'A1!' } })],
  [
    'a paste with new rows',
    (w) =>
      w.call('wbs.applyCells', {
        projectId: w.projectId,
        updates: [
          { id: w.id('A1'), patch: { assignee: '佐藤', plannedEffort: 8 } },
          { id: w.id('B'), patch: { notes: 'memo' } },
        ],
        creates: [{ values: { name: 'A3', plannedEffort: 2 } }, { values: { name: 'A4' } }],
        createAfterId: w.id('A2'),
      }),
  ],
  ['an insert above a row', (w) => w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('A2a'), values: { name: 'new', plannedEffort: 4 } })],
  ['an insert under a leaf (it becomes a summary)', (w) => w.call('wbs.create', { projectId: w.projectId, parentId: w.id('B'), values: { name: 'B1' } })],
  ['a delete of a subtree', (w) => w.call('wbs.delete', { id: w.id('A2') })],
  ['a delete of the whole tree', (w) => w.call('wbs.delete', { ids: [w.id('A'), w.id('B'), w.id('C')] })],
  ['a move', (w) => w.call('wbs.move', { ids: [w.id('C')], direction: 'up' })],
  ['an indent under a leaf (its typed values give way to roll-ups)', (w) => w.call('wbs.indent', { ids: [w.id('C')] })],
  ['an indent of a block', (w) => w.call('wbs.indent', { ids: [w.id('B'), w.id('C')] })],
  ['an outdent', (w) => w.call('wbs.outdent', { ids: [w.id('A2')] })],
];

describe('undo and redo of every kind of change', () => {
  for (const [label, change] of CHANGES) {
    it(label, async () => {
      const w = await setup();
      const before = tableState(w.db.sqlite, w.projectId);
      await change(w);
      const after = tableState(w.db.sqlite, w.projectId);
      expect(after).not.toEqual(before);
      const changed = lastBatch(w);

      const u = await w.call('history.undo', { projectId: w.projectId });
      expect(u).toMatchObject({ applied: true, label: changed.label, entities: ['wbs_task'], state: { canUndo: true, canRedo: true } });
      expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
      expectRollUpsRight(w.db, w.projectId);
      // The trail shows the undo as a batch of its own that names what it reverted.
      const undoBatch = lastBatch(w);
      expect(undoBatch).toMatchObject({ kind: 'undo', reverts: changed.id, label: changed.label });
      expect(w.db.sqlite.prepare('SELECT undone FROM batches WHERE id = ?').pluck().get(changed.id)).toBe(1);

      const r = await w.call('history.redo', { projectId: w.projectId });
      expect(r).toMatchObject({ applied: true, state: { canRedo: false } });
      expect(tableState(w.db.sqlite, w.projectId)).toEqual(after);
      expectRollUpsRight(w.db, w.projectId);
      expect(lastBatch(w)).toMatchObject({ kind: 'redo', reverts: undoBatch.id });

      // And the redo is itself undoable.
      await w.call('history.undo', { projectId: w.projectId });
      expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
    });
  }
});

describe('undo stack', () => {
  it('undoes a 500-row paste with new rows in one step', async () => {
    const w = await setup();
    const ids = createTasks(w.db, { user: 'tester' }, w.projectId, Array.from({ length: 450 }, (_, i) => ({ parentId: w.id('C'), values: { name: `r${i}` } })));
    const before = tableState(w.db.sqlite, w.projectId);
    const r = await w.call('wbs.applyCells', {
      projectId: w.projectId,
      updates: ids.map((id, i) => ({ id, patch: { plannedEffort: 1 + (i % 3), progress: i % 101, assignee: `担当${i}` } })),
      creates: Array.from({ length: 50 }, (_, i) => ({ values: { name: `new${i}`, plannedEffort: 1 } })),
      createAfterId: ids[449],
    });
    expect(r.createdIds).toHaveLength(50);
    expect((await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable)).find((t) => t.name === 'C')).toMatchObject({ plannedEffort: 950 });
    expect(await w.call('history.state', { projectId: w.projectId })).toMatchObject({ canUndo: true, undoLabel: 'wbs.applyCells' });

    const u = await w.call('history.undo', { projectId: w.projectId });
    expect(u.applied).toBe(true);
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
    expectRollUpsRight(w.db, w.projectId);
    expect((await w.call('history.state', { projectId: w.projectId })).undoLabel).toBe('wbs.createMany');
  });

  it('undoes in LIFO order and redoes in the reverse order', async () => {
    const w = await setup();
    const s0 = tableState(w.db.sqlite, w.projectId);
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'C1' } });
    const s1 = tableState(w.db.sqlite, w.projectId);
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'C2' } });
    const s2 = tableState(w.db.sqlite, w.projectId);
    await w.call('wbs.move', { ids: [w.id('C')], direction: 'up' });
    const s3 = tableState(w.db.sqlite, w.projectId);
    const undo = () => w.call('history.undo', { projectId: w.projectId });
    const redo = () => w.call('history.redo', { projectId: w.projectId });
    await undo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s2);
    await undo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s1);
    await redo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s2);
    await redo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s3);
    expect((await redo()).applied).toBe(false);
    // The redone steps are on the undo stack again, above the first edit.
    await undo();
    await undo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s1);
    await undo();
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(s0);
    // Below that: the creates of the seeded tree, newest first.
    expect(await undo()).toMatchObject({ applied: true, label: 'wbs.create' });
    expect((await outline(w.call, w.projectId)).at(-1)).toBe('2 B');
  });

  it('clears redo when a new change is made after an undo', async () => {
    const w = await setup();
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'first' } });
    await w.call('history.undo', { projectId: w.projectId });
    expect(await w.call('history.state', { projectId: w.projectId })).toMatchObject({ canRedo: true, redoLabel: 'wbs.update' });
    await w.call('wbs.update', { id: w.id('B'), patch: { notes: 'other' } });
    expect((await w.call('history.state', { projectId: w.projectId })).canRedo).toBe(false);
    const r = await w.call('history.redo', { projectId: w.projectId });
    expect(r).toMatchObject({ applied: false, entities: [] });
    expect((await outline(w.call, w.projectId)).at(-1)).toBe('3 C');
    // Undo now reverts the new change, then the one before the undone edit — never the undone edit.
    await w.call('history.undo', { projectId: w.projectId });
    expect((await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable)).find((t) => t.name === 'B')!.notes).toBe('');
  });

  it('an edit that changes nothing does not clear redo', async () => {
    const w = await setup();
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'first' } });
    await w.call('history.undo', { projectId: w.projectId });
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'C' } });
    expect((await w.call('history.state', { projectId: w.projectId })).canRedo).toBe(true);
  });

  it('survives closing and reopening the database', async () => {
    const w = await setup();
    const s0 = tableState(w.db.sqlite, w.projectId);
    await w.call('wbs.indent', { ids: [w.id('B')] });
    const s1 = tableState(w.db.sqlite, w.projectId);
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'renamed' } });
    await w.call('history.undo', { projectId: w.projectId });
    w.close();

    const again = wbsWorkspace(w.dir);
    try {
      expect(await again.call('history.state', { projectId: w.projectId })).toEqual({
        canUndo: true,
        canRedo: true,
        undoLabel: 'wbs.indent',
        redoLabel: 'wbs.update',
      });
      await again.call('history.undo', { projectId: w.projectId });
      expect(tableState(again.db.sqlite, w.projectId)).toEqual(s0);
      await again.call('history.redo', { projectId: w.projectId });
      expect(tableState(again.db.sqlite, w.projectId)).toEqual(s1);
    } finally {
      again.close();
    }
  });

  it('keeps one stack per project and never undoes across projects', async () => {
    const w = await setup();
    const q = await w.call('project.create', { name: 'Q' });
    const qTask = await w.call('wbs.create', { projectId: q.id, values: { name: 'q' } });
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'P edit' } });
    await w.call('wbs.update', { id: qTask.id, patch: { name: 'Q edit' } });
    await w.call('history.undo', { projectId: w.projectId });
    expect((await w.call('wbs.rows', { projectId: q.id }).then(tasksOfTable))[0]!.name).toBe('Q edit');
    expect((await outline(w.call, w.projectId)).at(-1)).toBe('3 C');
    await w.call('history.undo', { projectId: q.id });
    await w.call('history.undo', { projectId: q.id });
    expect(await w.call('wbs.rows', { projectId: q.id }).then(tasksOfTable)).toEqual([]);
    expect(await w.call('history.state', { projectId: q.id })).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('leaves the project itself (create, rename) off the stack', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    await w.call('project.update', { id: p.id, patch: { name: 'P2' } });
    expect(await w.call('history.state', { projectId: p.id })).toEqual({ canUndo: false, canRedo: false });
    const count = w.db.sqlite.prepare('SELECT count(*) FROM batches').pluck().get();
    expect(await w.call('history.undo', { projectId: p.id })).toEqual({ applied: false, entities: [], state: { canUndo: false, canRedo: false } });
    expect(w.db.sqlite.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(count);
    expect((await w.call('project.list', {}))[0]!.name).toBe('P2');
  });

  it('leaves a change it cannot revert off the stack instead of blocking it', async () => {
    const w = await setup();
    await w.call('wbs.update', { id: w.id('C'), patch: { name: 'edited' } });
    inBatch(w.db, { user: 'tester' }, 'settings.update', w.projectId, (b) => b.record('setting', 1, 'update', { value: 'a' }, { value: 'b' }));
    expect(await w.call('history.undo', { projectId: w.projectId })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect((await outline(w.call, w.projectId)).at(-1)).toBe('3 C');
  });

  it('leaves roll-ups right after undo and redo even when a writer forgot to roll them up', async () => {
    const w = await setup();
    // A leaf's effort written the way a careless importer might: audited, ancestors not recomputed.
    inBatch(w.db, { user: 'tester' }, 'import', w.projectId, (b) => {
      wbsStore.update(w.db, w.id('A1'), { plannedEffort: 30 });
      b.record('wbs_task', w.id('A1'), 'update', { plannedEffort: 3 }, { plannedEffort: 30 });
    });
    await w.call('history.undo', { projectId: w.projectId });
    expectRollUpsRight(w.db, w.projectId);
    await w.call('history.redo', { projectId: w.projectId });
    expectRollUpsRight(w.db, w.projectId);
    expect((await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable))[0]).toMatchObject({ name: 'A', plannedEffort: 31 });
  });

  it('undoes changes to any register through the entity stores', async () => {
    const w = await setup();
    // No risk service yet: write a risk the way a service would, in a batch with its audit row.
    const risk = inBatch(w.db, { user: 'tester' }, 'risk.create', w.projectId, (b) => {
      const row = riskStore.insert(w.db, { projectId: w.projectId, title: '要員不足', probability: 3 });
      b.record('risk', row.id, 'create', null, row);
      return row;
    });
    const u = await w.call('history.undo', { projectId: w.projectId });
    expect(u).toMatchObject({ applied: true, label: 'risk.create', entities: ['risk'] });
    expect(riskStore.get(w.db, risk.id)).toBeUndefined();
    await w.call('history.redo', { projectId: w.projectId });
    expect(riskStore.get(w.db, risk.id)).toMatchObject({ title: '要員不足', probability: 3, createdAt: risk.createdAt });
  });
});

describe('history of a row', () => {
  async function historyOf(call: Call, id: number) {
    return call('history.row', { entity: 'wbs_task', id });
  }

  it('lists who changed what and when, newest first, with before and after', async () => {
    const w = await setup();
    const other = wbsWorkspace(w.dir, 'suzuki');
    try {
      await other.call('wbs.update', { id: w.id('B'), patch: { assignee: '佐藤', progress: 60 } });
      // Undo takes the caller's own newest change (issue 16): suzuki undoes suzuki's edit.
      await other.call('history.undo', { projectId: w.projectId });
      const h = await historyOf(w.call, w.id('B'));
      expect(h.map((e) => [e.who, e.kind, e.action, e.batchLabel])).toEqual([
        ['suzuki', 'undo', 'update', 'wbs.update'],
        ['suzuki', 'edit', 'update', 'wbs.update'],
        ['tester', 'edit', 'create', 'wbs.create'],
      ]);
      expect(h[1]!.changes).toEqual([
        { field: 'assignee', before: '山田', after: '佐藤' },
        { field: 'progress', before: 20, after: 60 },
      ]);
      expect(h[0]!.changes).toEqual([
        { field: 'assignee', before: '佐藤', after: '山田' },
        { field: 'progress', before: 60, after: 20 },
      ]);
      expect(h[2]!.changes).toContainEqual({ field: 'name', before: null, after: 'B' });
      expect(h[2]!.changes.map((c) => c.field)).not.toContain('id');
      expect(Date.parse(h[1]!.at)).toBeGreaterThanOrEqual(Date.parse(h[2]!.at));
    } finally {
      other.close();
    }
  });

  it('shows roll-up changes on the summary row they happened to', async () => {
    const w = await setup();
    await w.call('wbs.update', { id: w.id('A1'), patch: { plannedEffort: 5 } });
    const [latest] = await historyOf(w.call, w.id('A'));
    // A = A1 (3 → 5 pd at 50 %) + A2 (1 pd at 10 %): effort 4 → 6, progress 40 → 43.
    expect(latest).toMatchObject({
      batchLabel: 'wbs.update',
      action: 'update',
      changes: [
        { field: 'plannedEffort', before: 4, after: 6 },
        { field: 'progress', before: 40, after: 43 },
      ],
    });
  });

  it('keeps the history of a deleted row', async () => {
    const w = await setup();
    await w.call('wbs.delete', { id: w.id('C') });
    const [del] = await historyOf(w.call, w.id('C'));
    expect(del).toMatchObject({ action: 'delete', batchLabel: 'wbs.delete' });
    expect(del!.changes).toContainEqual({ field: 'name', before: 'C', after: null });
  });
});
