// Review U7 (12027e3 made 詳細 / Detail(s) a WBS note): a WBS whose last level column is headed 詳細 /
// Details (大項目 | 中項目 | 詳細, Phase | Task | Details), each row filling one of the level columns, names
// its leaf tasks there — they were imported with EMPTY names, the names stored as notes, silently. A 詳細
// / Details column filled on the task's own row is still the task's note.
import { describe, expect, it } from 'vitest';
import { readRows, treeNames } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const read = (rows: unknown[][]) => readRows(rows);
const names = treeNames;

/** A three-level plan by columns, the third headed `leaf`. */
const threeLevels = (top: string, mid: string, leaf: string) => [
  [top, mid, leaf, '担当', '開始日', '終了日'],
  ['要件定義', null, null, null, d('2025-06-02'), d('2025-06-13')],
  [null, '業務要件', null, null, d('2025-06-02'), d('2025-06-06')],
  [null, null, '現行業務ヒアリング', '山田', d('2025-06-02'), d('2025-06-04')],
  [null, null, '業務フロー作成', '山田', d('2025-06-05'), d('2025-06-06')],
  [null, '非機能要件', null, null, d('2025-06-09'), d('2025-06-13')],
  [null, null, '性能要件整理', '佐藤', d('2025-06-09'), d('2025-06-13')],
  ['設計', null, null, null, d('2025-06-16'), d('2025-06-27')],
  [null, '基本設計', null, null, d('2025-06-16'), d('2025-06-27')],
  [null, null, '画面設計', '鈴木', d('2025-06-16'), d('2025-06-20')],
];
const TREE = ['要件定義', '  業務要件', '    現行業務ヒアリング', '    業務フロー作成', '  非機能要件', '    性能要件整理', '設計', '  基本設計', '    画面設計'];

describe('詳細 / Details as the leaf level of a WBS by columns', () => {
  it.each([
    ['大項目', '中項目', '詳細'],
    ['大分類', '中分類', '詳細'],
    ['Phase', 'Activity', 'Details'],
    ['Phase', 'Task', 'Detail'],
  ])('%s | %s | %s', async (top, mid, leaf) => {
    const t = await read(threeLevels(top, mid, leaf));
    expect(names(t)).toEqual(TREE);
    expect(t.records.every((r) => r.values.notes === undefined || r.values.notes === null)).toBe(true);
  });

  it('two levels: 作業 | 詳細', async () => {
    const t = await read([
      ['作業', '詳細', '担当', '開始日', '終了日'],
      ['要件定義', null, null, d('2025-06-02'), d('2025-06-06')],
      [null, '現行業務ヒアリング', '山田', d('2025-06-02'), d('2025-06-04')],
      [null, '業務フロー作成', '山田', d('2025-06-05'), d('2025-06-06')],
      ['設計', null, null, d('2025-06-09'), d('2025-06-13')],
      [null, '画面設計', '鈴木', d('2025-06-09'), d('2025-06-13')],
    ]);
    expect(names(t)).toEqual(['要件定義', '  現行業務ヒアリング', '  業務フロー作成', '設計', '  画面設計']);
  });

  it('a 詳細 / Details column written on the task’s own row stays its note', async () => {
    for (const [name, detail] of [['タスク名', '詳細'], ['Task', 'Details']]) {
      const t = await read([
        [name, detail, '担当', '開始日', '終了日'],
        ['現行業務ヒアリング', '部門ごとに2回', '山田', d('2025-06-02'), d('2025-06-04')],
        ['業務フロー作成', 'As-Is / To-Be', '山田', d('2025-06-05'), d('2025-06-06')],
        ['画面設計', null, '鈴木', d('2025-06-09'), d('2025-06-13')],
      ]);
      expect(t.records.map((r) => [r.values.name, r.values.notes || null])).toEqual([
        ['現行業務ヒアリング', '部門ごとに2回'],
        ['業務フロー作成', 'As-Is / To-Be'],
        ['画面設計', null],
      ]);
    }
  });
});
