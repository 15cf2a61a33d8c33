// Review U11 / U2 (36a2129, a group's subtotal leaves the table going on): groups headed by a row of their
// own (■ 設計, 【設計】, Phase 2: Design) between one group's 小計 and the next group's tasks, and a group's
// total named after it ('Phase 1 Total', 'Design Total' beside a formula), ended the table at the first
// group: every later group's tasks were dropped without a word (blind set 6's L1 in two more layouts).
// A total of the whole table (合計, Total, Grand Total) still ends it.
import { describe, expect, it } from 'vitest';
import { readRows, treeNames } from '../helpers/read-sheet.js';

const sum = (f: string, v: number) => ({ value: v, formula: f });
const read = (rows: unknown[][]) => readRows(rows);
const names = treeNames;

describe('group subtotals under groups headed by a row of their own', () => {
  it.each([
    ['■ 要件定義', '■ 設計', '小計', '合計'],
    ['【要件定義】', '【設計】', '小計', '合計'],
    ['Phase 1: Analysis', 'Phase 2: Design', 'Subtotal', 'Total'],
  ])('%s … %s, %s', async (g1, g2, sub, total) => {
    const t = await read([
      ['No', '作業', '担当', '工数(人日)'],
      [g1],
      [1, 'ヒアリング', '山田', 2],
      [2, '要件定義書作成', '山田', 3],
      [null, sub, null, sum('SUM(D3:D4)', 5)],
      [g2],
      [3, '基本設計', '佐藤', 4],
      [4, '詳細設計', '佐藤', 6],
      [null, sub, null, sum('SUM(D7:D8)', 10)],
      [null, total, null, sum('D5+D9', 15)],
      ['承認', '部長'],
    ]);
    expect(names(t)).toEqual([g1, '  ヒアリング', '  要件定義書作成', g2, '  基本設計', '  詳細設計']);
    expect(t.data).toMatchObject({ end: 'total row', endRow: 9 });
  });
});

describe('a group total named after its group', () => {
  it.each([
    ['Phase 1 Total', 'Phase 2 Total', 'Grand Total'],
    ['Analysis Total', 'Design Total', 'Total'],
    ['要件定義 合計', '設計 合計', '総合計'],
  ])('%s / %s / %s', async (a, b, grand) => {
    const t = await read([
      ['Task', 'Owner', 'Effort (days)'],
      ['Interviews', 'Ann', 2],
      ['Requirements', 'Ann', 3],
      [a, null, sum('SUM(C2:C3)', 5)],
      ['Design', 'Bob', 4],
      ['Build', 'Bob', 6],
      [b, null, sum('SUM(C5:C6)', 10)],
      [grand, null, sum('C4+C7', 15)],
    ]);
    expect(names(t)).toEqual(['Interviews', 'Requirements', 'Design', 'Build']);
    expect(t.leftOut.filter((x) => x.reason === 'subtotal').map((x) => x.row)).toEqual([4]);
  });

  it('a table total with records under it still ends the table (another block follows)', async () => {
    const t = await read([
      ['Task', 'Owner', 'Effort (days)'],
      ['Interviews', 'Ann', 2],
      ['Requirements', 'Ann', 3],
      ['Total', null, sum('SUM(C2:C3)', 5)],
      ['Design', 'Bob', 4],
    ]);
    expect(names(t)).toEqual(['Interviews', 'Requirements']);
    expect(t.data).toMatchObject({ end: 'total row', endRow: 4 });
  });
});
