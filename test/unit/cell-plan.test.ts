import { describe, expect, it } from 'vitest';
import { planClear, planFillDown, planPaste, type PlanColumn } from '../../renderer/src/grid/cellPlan.js';
import { clampRange } from '../../renderer/src/grid/range.js';
import { wbsCellProblems } from '../../renderer/src/grid/serverProblems.js';

const columns: PlanColumn[] = [
  { field: 'code', kind: 'text', editable: false, header: 'WBS' },
  { field: 'name', kind: 'text', editable: true, header: 'Task' },
  { field: 'plannedStart', kind: 'date', editable: true, header: 'Start' },
  { field: 'progress', kind: 'percent', editable: true, header: 'Progress' },
];
const at = (row: number, col: number) => ({ anchor: { row, col }, focus: { row, col } });

describe('planPaste', () => {
  it('maps a block from the focused cell, parsing each value', () => {
    const plan = planPaste([['A', '2025/4/1'], ['B', '２０２５／４／２']], at(0, 1), [10, 11], columns);
    expect(plan.bad).toEqual([]);
    expect(plan.updates).toEqual([
      { id: 10, patch: { name: 'A', plannedStart: '2025-04-01' } },
      { id: 11, patch: { name: 'B', plannedStart: '2025-04-02' } },
    ]);
    expect(plan.creates).toEqual([]);
  });

  it('adds rows when the block is taller than the rows left', () => {
    const plan = planPaste([['A'], ['B'], ['C']], at(1, 1), [10, 11], columns);
    expect(plan.updates).toEqual([{ id: 11, patch: { name: 'A' } }]);
    expect(plan.creates).toEqual([{ values: { name: 'B' } }, { values: { name: 'C' } }]);
  });

  it('ignores what lands on read-only columns and past the last column', () => {
    const plan = planPaste([['1.1', 'A', '2025/4/1', '10', 'extra']], at(0, 0), [10], columns);
    expect(plan.updates).toEqual([{ id: 10, patch: { name: 'A', plannedStart: '2025-04-01', progress: 10 } }]);
  });

  it('lists every bad cell', () => {
    const plan = planPaste([['A', '2025/13/40', '50'], ['B', '2025/4/1', '150']], at(0, 1), [10, 11], columns);
    expect(plan.bad).toEqual([
      { row: 0, field: 'plannedStart', header: 'Start', value: '2025/13/40', reason: 'notDate' },
      { row: 1, field: 'progress', header: 'Progress', value: '150', reason: 'notPercent' },
    ]);
  });

  it('fills a selected range with a single copied value, as Excel does', () => {
    const range = { anchor: { row: 0, col: 3 }, focus: { row: 2, col: 3 } };
    expect(planPaste([['30']], range, [10, 11, 12], columns).updates).toEqual([
      { id: 10, patch: { progress: 30 } },
      { id: 11, patch: { progress: 30 } },
      { id: 12, patch: { progress: 30 } },
    ]);
  });
});

describe('planFillDown and planClear', () => {
  it('copies the top row of the range down', () => {
    const range = { anchor: { row: 0, col: 1 }, focus: { row: 2, col: 2 } };
    const values: Record<string, unknown> = { name: 'A', plannedStart: '2025-04-01' };
    expect(planFillDown(range, [10, 11, 12], columns, (_r, f) => values[f]).updates).toEqual([
      { id: 11, patch: { name: 'A', plannedStart: '2025-04-01' } },
      { id: 12, patch: { name: 'A', plannedStart: '2025-04-01' } },
    ]);
  });

  it('fills a one-row range from the row above, as Excel does, and does nothing on the first row', () => {
    const values: Record<number, Record<string, unknown>> = { 0: { name: 'A' }, 1: { name: 'B' } };
    const row = (r: number) => ({ anchor: { row: r, col: 1 }, focus: { row: r, col: 1 } });
    expect(planFillDown(row(1), [10, 11, 12], columns, (r, f) => values[r]?.[f]).updates).toEqual([{ id: 11, patch: { name: 'A' } }]);
    expect(planFillDown(row(0), [10, 11, 12], columns, (r, f) => values[r]?.[f]).updates).toEqual([]);
  });

  it('empties editable cells only', () => {
    const range = { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 2 } };
    const plan = planClear(range, [10, 11], columns, (c) => (c.kind === 'text' ? '' : null));
    expect(plan.updates).toEqual([
      { id: 10, patch: { name: '', plannedStart: null } },
      { id: 11, patch: { name: '', plannedStart: null } },
    ]);
  });
});

describe('clampRange', () => {
  it('keeps a range made before rows went away inside the grid', () => {
    const r = { anchor: { row: 2, col: 1 }, focus: { row: 49, col: 9 } };
    expect(clampRange(r, 1, 5)).toEqual({ anchor: { row: 0, col: 1 }, focus: { row: 0, col: 4 } });
    expect(clampRange(r, 60, 10)).toEqual(r);
    expect(clampRange(r, 0, 10)).toBeNull();
  });
});

describe('wbsCellProblems', () => {
  it('names the part of the request a WBS problem is in, as register problems do', () => {
    const details = [
      { row: 1, id: 11, field: 'plannedStart', message: 'is not a calendar date' },
      { row: 3, id: null, field: 'progress', message: 'must be 0–100' },
    ];
    expect(wbsCellProblems(details, 2)).toEqual([
      { part: 'updates', row: 1, id: 11, field: 'plannedStart', message: 'is not a calendar date' },
      { part: 'creates', row: 1, id: null, field: 'progress', message: 'must be 0–100' },
    ]);
    expect(wbsCellProblems([{ field: 'patch.name', message: 'x' }], 2)).toBeNull();
  });
});
