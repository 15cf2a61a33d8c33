// Review U12 (the family of 1f07a3f): a two-row header whose top row holds ONLY the group labels, typed over
// the first of their columns without a merge (予定 | (blank) | 実績 | (blank)), every other word on the row
// below (No | タスク名 | 担当 | 開始 | 終了 | 開始 | 終了 | 工数 …): the header is both rows and the second pair
// is the actual dates. Before, the header was the lower row alone: the actual dates were two unnamed
// extra columns (開始, 終了 again), silently. Columns after the last group keep their own words.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const read = (rows: unknown[][]) => readRows(rows);
const DATA = [
  [1, '要件定義', '山田', d('2025-06-02'), d('2025-06-06'), d('2025-06-02'), d('2025-06-09'), 5, 1, '済'],
  [2, '基本設計', '佐藤', d('2025-06-09'), d('2025-06-20'), d('2025-06-10'), null, 10, 0.5, null],
  [3, '詳細設計', '鈴木', d('2025-06-23'), d('2025-07-04'), null, null, 8, 0, null],
];

describe('group labels alone on the header’s top row, not merged', () => {
  it.each([
    ['予定', '実績', ['No', 'タスク名', '担当', '開始', '終了', '開始', '終了', '工数', '進捗率', '備考']],
    ['計画', '実績', ['No', '作業名', '担当者', '開始日', '終了日', '開始日', '終了日', '工数', '進捗', '備考']],
    ['Plan', 'Actual', ['#', 'Task', 'Owner', 'Start', 'Finish', 'Start', 'Finish', 'Effort', '% Complete', 'Notes']],
  ])('%s / %s', async (plan, actual, bottom) => {
    const t = await read([['', '', '', plan, '', actual, '', '', '', ''], bottom, ...DATA]);
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => t.columns.find((m) => m.column === c)?.field ?? null)).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'plannedEffort', 'progress', 'notes']);
    expect(t.records.map((r) => [r.values.name, r.values.actualStart ?? null, r.values.actualFinish ?? null])).toEqual([
      [DATA[0]![1], '2025-06-02', '2025-06-09'],
      [DATA[1]![1], '2025-06-10', null],
      [DATA[2]![1], null, null],
    ]);
  });

  it('a title above a one-row header is no group label (the words under it do not repeat)', async () => {
    const t = await read([['', 'プロジェクトA 作業計画', '', '', ''], ['No', 'タスク名', '担当', '開始', '終了'], [1, '要件定義', '山田', d('2025-06-02'), d('2025-06-06')], [2, '基本設計', '佐藤', d('2025-06-09'), d('2025-06-20')]]);
    expect(t.records.map((r) => r.values.name)).toEqual(['要件定義', '基本設計']);
    expect(t.columns.find((m) => m.column === 'B')?.field).toBe('name');
  });
});

describe('columns after the last unmerged group keep their own words', () => {
  it('工数 and 進捗率 typed on the lower row after 実績 (No | タスク名 | 担当 on the top row) are the planned effort and the progress', async () => {
    const t = await read([
      ['No', 'タスク名', '担当', '予定', null, '実績', null, null, null],
      [null, null, null, '開始', '終了', '開始', '終了', '工数', '進捗率'],
      [1, '要件定義', '山田', d('2025-06-02'), d('2025-06-06'), d('2025-06-02'), d('2025-06-09'), 5, 1],
      [2, '基本設計', '佐藤', d('2025-06-09'), d('2025-06-20'), d('2025-06-10'), null, 10, 0.5],
    ]);
    expect(['F', 'G', 'H', 'I'].map((c) => t.columns.find((m) => m.column === c)?.field ?? null)).toEqual(['actualStart', 'actualFinish', 'plannedEffort', 'progress']);
    expect(t.records.map((r) => [r.values.plannedEffort ?? null, r.values.actualEffort ?? null])).toEqual([[5, null], [10, null]]);
  });
});
