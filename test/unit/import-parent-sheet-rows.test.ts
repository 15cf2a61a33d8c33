// Review T6 (35f95b8): a parent column holding the parent's SHEET ROW (a macro-kept WBS: 親タスク 6 = the
// task on row 6, as wbs-jp-bkoizumi writes it) beside a # column numbering the tasks 1…n: both readings
// explain the parent cells, so neither is taken on its own — the Lv column, where there is one, gives
// the tree (98e7f64), and without one no tree is made (it was read by # instead: タスクA..D went under
// # 7, another phase, and the rows were re-ordered, silently).
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet } from '../fixtures/excel/model.js';

// Sheet rows from 1: title, header, then tasks from row 3 (# 1…). 親タスク is the parent's sheet row.
const TASKS: [number, string, number | null][] = [
  [1, '設計', null], // row 3
  [2, '機能１', 3], // row 4
  [3, 'タスクA', 4],
  [3, 'タスクB', 4],
  [3, 'タスクC', 4],
  [2, '機能２', 3], // row 8
  [3, 'タスクD', 8],
  [3, 'タスクE', 8],
  [1, 'テスト', null], // row 11
  [2, '結合テスト', 11],
];
const WANT = ['0:設計', '1:機能１', '2:タスクA', '2:タスクB', '2:タスクC', '1:機能２', '2:タスクD', '2:タスクE', '0:テスト', '1:結合テスト'];

function read(withLevel: boolean) {
  const header = ['#', ...(withLevel ? ['Lv'] : []), 'タスク名', '開始日', '終了日', '親タスク'];
  const rows = TASKS.map(([lv, name, parent], k) => [k + 1, ...(withLevel ? [lv] : []), name, '2025/07/01', '2025/07/10', parent]);
  const a = analyzeWorkbook(model(sheet('メイン', [['開発WBS'], header, ...rows])), 'wbs', { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const depth = (i: number): number => (a.table.records[i]!.parent == null ? 0 : 1 + depth(a.table.records[i]!.parent!));
  return { hierarchy: a.table.hierarchy, shape: a.table.records.map((r, i) => `${depth(i)}:${r.values.name}`), table: a.table };
}

describe('a parent column of sheet rows beside a # column', () => {
  it('with a level column: the levels give the tree, in the file order', () => {
    expect(read(true)).toMatchObject({ hierarchy: 'level', shape: WANT });
  });
  it('the parent column the tree is not read from is shown as what the import does with it: kept as the client’s own', () => {
    // (wbs-jp-bkoizumi: 親タスク was shown mapped to the parent while its cells went to an extra column.)
    for (const withLevel of [true, false]) {
      const { table } = read(withLevel);
      const parent = table.columns.find((c) => c.label === '親タスク')!;
      expect(parent).toMatchObject({ field: null, confidence: 0, extraKey: '親タスク' });
      expect(table.records[1]!.extra['親タスク']).toBe(3);
    }
  });
  it('without one: no tree is made from a reading the cells do not settle', () => {
    const { hierarchy, shape } = read(false);
    expect(hierarchy).not.toBe('parent');
    expect(shape.map((s) => s.slice(2))).toEqual(TASKS.map((t) => t[1]));
  });
});
