// wbs.rows with `first`: the WBS screen shows a plan's first rows ahead of the whole (issue 18: a 50,000-task
// WBS shows rows ≤ 1.5 s). Those rows are walked down from the top, not cut from the whole tree, so they
// must be exactly the whole answer's first rows: the same order, codes, levels, summary marks (the last
// row's too) and predecessor texts naming tasks beyond them.
import { describe, expect, it } from 'vitest';
import { seed, wbsWorkspace, type Spec } from './wbs-support.js';

const TREE: Spec[] = [
  { name: 'A', children: [{ name: 'A1' }, { name: 'A2', children: [{ name: 'A2a' }, { name: 'A2b' }] }, { name: 'A3' }] },
  { name: 'B' },
  { name: 'C', children: [{ name: 'C1', children: [{ name: 'C1a' }] }, { name: 'C2' }] },
  { name: 'D', children: [{ name: 'D1' }, { name: 'D2' }, { name: 'D3' }] },
];

describe('wbs.rows first', () => {
  it('answers exactly the first rows of the whole table, whatever their number', async () => {
    const w = wbsWorkspace();
    const other = await w.call('project.create', { name: 'other' });
    await seed(w.call, other.id, [{ name: 'X', children: [{ name: 'X1' }] }]);
    const p = await w.call('project.create', { name: 'P' });
    const ids = await seed(w.call, p.id, TREE);
    // Gaps and reorders in positions: a task deleted, one moved up, one inserted above another.
    await w.call('wbs.delete', { id: ids.get('A1')! });
    await w.call('wbs.move', { ids: [ids.get('D3')!], direction: 'up' });
    await w.call('wbs.create', { projectId: p.id, beforeId: ids.get('C1')!, values: { name: 'C0' } });
    // Links from early rows to tasks far below them, and one the other way.
    await w.call('wbs.update', { id: ids.get('A2a')!, patch: { predecessors: '4.3' } });
    await w.call('wbs.update', { id: ids.get('D1')!, patch: { predecessors: '1.1.1' } });

    const whole = await w.call('wbs.rows', { projectId: p.id });
    expect(whole.rows.map((r) => r[4])).toEqual(['A', 'A2', 'A2a', 'A2b', 'A3', 'B', 'C', 'C0', 'C1', 'C1a', 'C2', 'D', 'D1', 'D3', 'D2']);
    expect(whole.rows.find((r) => r[4] === 'A2a')![16]).toBe('4.3');
    expect(whole.rows.find((r) => r[4] === 'D1')![16]).toBe('1.1.1');
    for (let first = 1; first <= whole.rows.length + 1; first++) {
      const head = await w.call('wbs.rows', { projectId: p.id, first });
      expect(head.columns).toEqual(whole.columns);
      // Every value of every row, the derived code, level, summary and late marks included.
      expect(head.rows, `first ${first}`).toEqual(whole.rows.slice(0, first));
    }
    w.close();
  });

  it('refuses a first outside 1–10,000', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    await expect(w.call('wbs.rows', { projectId: p.id, first: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(w.call('wbs.rows', { projectId: p.id, first: 10_001 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await w.call('wbs.rows', { projectId: p.id, first: 5 })).rows).toEqual([]);
    w.close();
  });
});
