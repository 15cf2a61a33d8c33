// WBS tree operations on real SQLite: insert above/below, move, indent/outdent, delete, roll-ups and
// late marks as wbs.rows and wbs.update answer them.
import { describe, expect, it } from 'vitest';
import { wbsStore } from '../../electron/core/services/wbs.js';
import { expectRollUpsRight, outline, seed, tableState, TODAY, wbsWorkspace, type Spec } from './wbs-support.js';
import { failure } from '../helpers/failure.js';
import { applyWbsChanges } from '../../electron/common/wbs-tree.js';
import type { WbsChanges } from '../../electron/common/dto.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';


const TREE: Spec[] = [
  { name: 'A', children: [{ name: 'A1' }, { name: 'A2', children: [{ name: 'A2a' }] }, { name: 'A3' }] },
  { name: 'B' },
  { name: 'C', children: [{ name: 'C1' }] },
];

async function setup(specs = TREE) {
  const ws = wbsWorkspace();
  const p = await ws.call('project.create', { name: 'P' });
  const ids = await seed(ws.call, p.id, specs);
  const id = (name: string) => ids.get(name)!;
  return { ...ws, projectId: p.id, id };
}

describe('inserting rows', () => {
  it('inserts above (beforeId) and below (afterId) a task, as its sibling', async () => {
    const w = await setup();
    const above = await w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('A2'), values: { name: 'above A2' } });
    const below = await w.call('wbs.create', { projectId: w.projectId, afterId: w.id('A2'), values: { name: 'below A2' } });
    const first = await w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('A'), values: { name: 'first' } });
    expect([above.code, below.code, first.code]).toEqual(['1.2', '1.4', '1']);
    expect(await outline(w.call, w.projectId)).toEqual([
      '1 first',
      '2 A',
      '2.1 A1',
      '2.2 above A2',
      '2.3 A2',
      '2.3.1 A2a',
      '2.4 below A2',
      '2.5 A3',
      '3 B',
      '4 C',
      '4.1 C1',
    ]);
  });

  it('refuses a parent that contradicts the neighbour, and both neighbours at once', async () => {
    const w = await setup();
    const before = tableState(w.db.sqlite, w.projectId);
    expect(await failure(w.call('wbs.create', { projectId: w.projectId, parentId: w.id('B'), beforeId: w.id('A2') }))).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'beforeId' },
    });
    expect((await failure(w.call('wbs.create', { projectId: w.projectId, afterId: w.id('A1'), beforeId: w.id('A2') }))).code).toBe('VALIDATION');
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
  });

  it('keeps inserting between the same two rows after doubles run out', async () => {
    const w = await setup([{ name: 'X' }, { name: 'Y' }]);
    // Each insert halves the gap above Y; past ~50 halvings the siblings are spaced out again.
    for (let i = 0; i < 80; i++) await w.call('wbs.create', { projectId: w.projectId, beforeId: w.id('Y'), values: { name: `n${i}` } });
    const names = (await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable)).map((t) => t.name);
    expect(names).toEqual(['X', ...Array.from({ length: 80 }, (_, i) => `n${i}`), 'Y']);
    const positions = wbsStore.where(w.db, 'project_id = ? ORDER BY position', w.projectId).map((r) => r.position);
    expect(new Set(positions).size).toBe(82);
  });
});

describe('moving rows', () => {
  it('moves a task with its subtree among its siblings, renumbering codes', async () => {
    const w = await setup();
    const moved = await w.call('wbs.move', { ids: [w.id('A2')], direction: 'up' });
    // The answer is the two rows that swapped places, with their new codes.
    expect(moved.tasks.map((t) => `${t.code} ${t.name}`)).toEqual(['1.1 A2', '1.2 A1']);
    expect(moved.deletedIds).toEqual([]);
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '1.1 A2', '1.1.1 A2a', '1.2 A1', '1.3 A3', '2 B', '3 C', '3.1 C1']);
    await w.call('wbs.move', { ids: [w.id('A')], direction: 'down' });
    expect(await outline(w.call, w.projectId)).toEqual(['1 B', '2 A', '2.1 A2', '2.1.1 A2a', '2.2 A1', '2.3 A3', '3 C', '3.1 C1']);
  });

  it('moves a block of adjacent siblings together; a descendant in the selection goes with its ancestor', async () => {
    const w = await setup();
    await w.call('wbs.move', { ids: [w.id('A2'), w.id('A3'), w.id('A2a')], direction: 'up' });
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '1.1 A2', '1.1.1 A2a', '1.2 A3', '1.3 A1', '2 B', '3 C', '3.1 C1']);
    await w.call('wbs.move', { ids: [w.id('A'), w.id('B')], direction: 'down' });
    expect((await outline(w.call, w.projectId)).filter((l) => !l.includes('.'))).toEqual(['1 C', '2 A', '3 B']);
  });

  it('refuses to move the first row up or the last down, changing nothing', async () => {
    const w = await setup();
    const before = tableState(w.db.sqlite, w.projectId);
    const up = await failure(w.call('wbs.move', { ids: [w.id('A2'), w.id('A1')], direction: 'up' }));
    expect(up).toMatchObject({ code: 'CONFLICT', details: { id: w.id('A1') } });
    expect(up.message).toContain('1.1');
    expect((await failure(w.call('wbs.move', { ids: [w.id('C')], direction: 'down' }))).code).toBe('CONFLICT');
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
  });

  it('refuses tasks of two projects in one call', async () => {
    const w = await setup();
    const q = await w.call('project.create', { name: 'Q' });
    const other = await w.call('wbs.create', { projectId: q.id, values: { name: 'other' } });
    expect((await failure(w.call('wbs.move', { ids: [w.id('B'), other.id], direction: 'up' }))).code).toBe('CONFLICT');
  });
});

describe('indent and outdent', () => {
  it('indents a task under its previous sibling, as the last child', async () => {
    const w = await setup();
    await w.call('wbs.indent', { ids: [w.id('A3')] });
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '1.1 A1', '1.2 A2', '1.2.1 A2a', '1.2.2 A3', '2 B', '3 C', '3.1 C1']);
  });

  it('indents a block of siblings under one parent, keeping their order', async () => {
    const w = await setup();
    await w.call('wbs.indent', { ids: [w.id('C'), w.id('B')] });
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '1.1 A1', '1.2 A2', '1.2.1 A2a', '1.3 A3', '1.4 B', '1.5 C', '1.5.1 C1']);
  });

  it('outdents a task to right after its parent, with its subtree', async () => {
    const w = await setup();
    await w.call('wbs.outdent', { ids: [w.id('A2')] });
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '1.1 A1', '1.2 A3', '2 A2', '2.1 A2a', '3 B', '4 C', '4.1 C1']);
    await w.call('wbs.outdent', { ids: [w.id('A1'), w.id('A3')] });
    expect(await outline(w.call, w.projectId)).toEqual(['1 A', '2 A1', '3 A3', '4 A2', '4.1 A2a', '5 B', '6 C', '6.1 C1']);
  });

  it('refuses to indent a first child or outdent a top-level task, naming it', async () => {
    const w = await setup();
    const before = tableState(w.db.sqlite, w.projectId);
    const first = await failure(w.call('wbs.indent', { ids: [w.id('B'), w.id('A1')] }));
    expect(first).toMatchObject({ code: 'CONFLICT', details: { id: w.id('A1') } });
    expect(first.message).toMatch(/1\.1.*first/);
    const top = await failure(w.call('wbs.outdent', { ids: [w.id('B')] }));
    expect(top.code).toBe('CONFLICT');
    expect(top.message).toMatch(/2 .*top level/);
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
  });
});

describe('roll-ups', () => {
  const PLAN: Spec[] = [
    {
      name: 'Phase',
      children: [
        { name: 'T1', values: { plannedStart: '2025-04-01', plannedFinish: '2025-04-10', plannedEffort: 3, progress: 100, status: 'done' } },
        { name: 'T2', values: { plannedStart: '2025-04-11', plannedFinish: '2025-04-30', plannedEffort: 1, progress: 0 } },
      ],
    },
    { name: 'Solo', values: { plannedStart: '2025-07-01', plannedFinish: '2025-07-02', plannedEffort: 2 } },
  ];

  it('lists summary rows with rolled-up dates, effort and weighted progress', async () => {
    const w = await setup(PLAN);
    const phase = (await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable))[0]!;
    expect(phase).toMatchObject({ summary: true, plannedStart: '2025-04-01', plannedFinish: '2025-04-30', plannedEffort: 4, progress: 75 });
    expectRollUpsRight(w.db, w.projectId);
  });

  it('answers an edit with the task and its ancestors, both up to date', async () => {
    const w = await setup([{ name: 'Top', children: PLAN }]);
    const r = await w.call('wbs.update', { id: w.id('T2'), patch: { plannedFinish: '2025-05-15', progress: 100 } });
    expect(r.task).toMatchObject({ name: 'T2', code: '1.1.2', summary: false, plannedFinish: '2025-05-15' });
    expect(r.related.map((t) => [t.code, t.name, t.summary, t.plannedFinish, t.progress])).toEqual([
      ['1', 'Top', true, '2025-07-02', 67], // (4 pd × 100 % + 2 pd × 0 %) / 6 pd
      ['1.1', 'Phase', true, '2025-05-15', 100],
    ]);
    expectRollUpsRight(w.db, w.projectId);
  });

  it('refuses typing into a computed field of a summary row, naming the field', async () => {
    const w = await setup(PLAN);
    const before = tableState(w.db.sqlite, w.projectId);
    const err = await failure(w.call('wbs.update', { id: w.id('Phase'), patch: { name: 'Phase 1', plannedEffort: 10 } }));
    expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'plannedEffort' } });
    expect(err.message).toContain('plannedEffort');
    expect(tableState(w.db.sqlite, w.projectId)).toEqual(before);
    // Typed fields of a summary stay editable.
    expect((await w.call('wbs.update', { id: w.id('Phase'), patch: { name: 'Phase 1', status: 'in_progress' } })).task.name).toBe('Phase 1');
  });

  it('rolls up after every structural change: insert under a leaf, indent, outdent, move, delete', async () => {
    const w = await setup(PLAN);
    const p = w.projectId;
    const s1 = await w.call('wbs.create', { projectId: p, parentId: w.id('Solo'), values: { name: 'S1', plannedEffort: 5, progress: 20 } });
    let solo = (await w.call('wbs.rows', { projectId: p }).then(tasksOfTable)).find((t) => t.name === 'Solo')!;
    // Solo became a summary: its typed effort and dates gave way to its child's.
    expect(solo).toMatchObject({ summary: true, plannedEffort: 5, progress: 20, plannedStart: null });
    expectRollUpsRight(w.db, p);
    await w.call('wbs.indent', { ids: [w.id('Solo')] });
    expect((await w.call('wbs.rows', { projectId: p }).then(tasksOfTable))[0]).toMatchObject({ name: 'Phase', plannedEffort: 9 });
    expectRollUpsRight(w.db, p);
    await w.call('wbs.outdent', { ids: [w.id('T1')] });
    expectRollUpsRight(w.db, p);
    await w.call('wbs.move', { ids: [w.id('T2')], direction: 'down' });
    expectRollUpsRight(w.db, p);
    await w.call('wbs.delete', { ids: [s1.id, w.id('T2')] });
    expectRollUpsRight(w.db, p);
    solo = (await w.call('wbs.rows', { projectId: p }).then(tasksOfTable)).find((t) => t.name === 'Solo')!;
    expect(solo.summary).toBe(false);
  });

  it('marks late finishes and late starts against the injected today', async () => {
    const w = await setup([
      { name: 'late', values: { plannedFinish: '2025-06-09', status: 'in_progress', actualStart: '2025-06-01' } },
      { name: 'due today', values: { plannedFinish: TODAY, status: 'in_progress' } },
      { name: 'done', values: { plannedFinish: '2025-06-01', status: 'done' } },
      { name: 'start missed', values: { plannedStart: '2025-06-01', plannedFinish: '2025-07-01' } },
    ]);
    const marks = (await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable)).map((t) => [t.name, t.late, t.lateStart]);
    expect(marks).toEqual([
      ['late', true, false],
      ['due today', false, false],
      ['done', false, false],
      ['start missed', false, true],
    ]);
  });
});

describe('wbs.rows', () => {
  it('returns every stored column (but created_at) of a task', async () => {
    const w = await setup([{ name: 'X', values: { milestone: true } }]);
    const [task] = await w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable);
    const stored = wbsStore.fields.filter((f) => f !== 'createdAt');
    expect(Object.keys(task!).sort()).toEqual([...stored, 'code', 'level', 'summary', 'late', 'lateStart'].sort());
    const { createdAt: _c, ...row } = wbsStore.get(w.db, w.id('X'))!;
    expect(task).toMatchObject({ ...row, milestone: true, extra: {} });
  });
});

describe('answers that patch a held list', () => {
  it('every write answers the rows it changed; patched into the list held before, they give wbs.rows', async () => {
    const w = await setup([
      { name: 'A', children: [{ name: 'A1', values: { plannedEffort: 2, plannedStart: '2025-04-01' } }, { name: 'A2', values: { plannedEffort: 3 } }] },
      { name: 'B', values: { plannedEffort: 5, progress: 40 } },
      { name: 'C', children: [{ name: 'C1' }] },
    ]);
    const list = () => w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable);
    let held = await list();
    const check = async (changes: WbsChanges) => {
      held = applyWbsChanges(held, changes);
      expect(held).toEqual(await list());
    };
    const created = await w.call('wbs.create', { projectId: w.projectId, parentId: w.id('B'), values: { name: 'B1', plannedEffort: 1 } });
    // B was a leaf: its roll-ups now come from B1, and the answer carries B rolled up.
    expect(created.related.map((t) => t.name)).toEqual(['B']);
    const { related, ...task } = created;
    await check({ tasks: [task, ...related], deletedIds: [] });
    await check(await w.call('wbs.indent', { ids: [w.id('C')] }));
    await check(await w.call('wbs.outdent', { ids: [w.id('A2')] }));
    await check(await w.call('wbs.move', { ids: [w.id('A2')], direction: 'down' }));
    const pasted = await w.call('wbs.applyCells', {
      projectId: w.projectId,
      updates: [{ id: w.id('A1'), patch: { plannedEffort: 7 } }],
      creates: [{ values: { name: 'N1' } }, { values: { name: 'N2', plannedEffort: 4 } }],
      createAfterId: w.id('A1'),
    });
    await check({ tasks: pasted.tasks, deletedIds: [] });
    // Values only (the tree as it was): rows not in the answer keep their objects.
    const kept = held.find((t) => t.name === 'C1')!;
    const values = await w.call('wbs.applyCells', { projectId: w.projectId, updates: [{ id: w.id('A1'), patch: { plannedEffort: 6, assignee: '山田' } }] });
    await check({ tasks: values.tasks, deletedIds: [] });
    expect(held.find((t) => t.name === 'C1')).toBe(kept);
    await check(await w.call('wbs.delete', { ids: [w.id('B')] }));
    for (const step of ['history.undo', 'history.undo', 'history.undo', 'history.redo', 'history.undo', 'history.undo', 'history.undo'] as const) {
      const r = await w.call(step, { projectId: w.projectId });
      expect(r.applied).toBe(true);
      await check(r.wbs!);
    }
    expectRollUpsRight(w.db, w.projectId);
  });

  it('a paste over many branches answers each row it changed and every ancestor, placed as wbs.rows places them', async () => {
    // Three phases × four packages × six tasks: siblings are placed together, a lone row by itself.
    const tree: Spec[] = [1, 2, 3].map((p) => ({
      name: `P${p}`,
      children: [1, 2, 3, 4].map((k) => ({ name: `P${p}.W${k}`, children: [1, 2, 3, 4, 5, 6].map((t) => ({ name: `P${p}.W${k}.T${t}`, values: { plannedEffort: t } })) })),
    }));
    const w = await setup(tree);
    const list = () => w.call('wbs.rows', { projectId: w.projectId }).then(tasksOfTable);
    let held = await list();
    const updates = [
      ...['P1.W2.T2', 'P1.W2.T5', 'P1.W2.T6', 'P3.W4.T6', 'P2.W1.T3'].map((name, i) => ({ id: w.id(name), patch: { plannedEffort: 10 + i } })),
      // A summary's own text, and a leaf's text (no roll-up moves above it).
      { id: w.id('P2.W3'), patch: { assignee: '山田' } },
      { id: w.id('P3.W1.T4'), patch: { notes: 'メモ' } },
    ];
    const pasted = await w.call('wbs.applyCells', { projectId: w.projectId, updates });
    expect(pasted.tasks.map((t) => `${t.code} ${t.name}`)).toEqual([
      '1 P1',
      '1.2 P1.W2',
      '1.2.2 P1.W2.T2',
      '1.2.5 P1.W2.T5',
      '1.2.6 P1.W2.T6',
      '2 P2',
      '2.1 P2.W1',
      '2.1.3 P2.W1.T3',
      '2.3 P2.W3',
      '3 P3',
      '3.1 P3.W1',
      '3.1.4 P3.W1.T4',
      '3.4 P3.W4',
      '3.4.6 P3.W4.T6',
    ]);
    held = applyWbsChanges(held, { tasks: pasted.tasks, deletedIds: [] });
    expect(held).toEqual(await list());
    for (const step of [
      () => w.call('wbs.delete', { ids: [w.id('P1.W3')] }),
      async () => (await w.call('history.undo', { projectId: w.projectId })).wbs!,
      async () => (await w.call('history.undo', { projectId: w.projectId })).wbs!,
      async () => (await w.call('history.redo', { projectId: w.projectId })).wbs!,
    ]) {
      held = applyWbsChanges(held, await step());
      expect(held).toEqual(await list());
    }
    expectRollUpsRight(w.db, w.projectId);
  });
});
