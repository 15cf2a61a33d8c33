// A two-row header whose group labels are typed over the first of their columns without a merge
// (予定 | (blank) over 開始日 | 終了日): a person reads each label over every column to its right up to the
// next label of its row. Before, the second column of each group was read by its own word alone, so the
// actual finish (実績 / 終了日) was taken for a second planned finish and dropped as an extra.
import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TASKS = ['要件定義', '基本設計', '詳細設計', '製造', '結合テスト'];

const read = (rows: ModelCell[][], merges: string[] = []): ImportTable => readModel(rows, 'wbs', merges);
const fieldAt = (t: ImportTable, column: string) => t.columns.find((c) => c.column === column)?.field ?? null;
const dates = (i: number): ModelCell[] => [d(`2025-0${i + 4}-01`), d(`2025-0${i + 4}-20`), d(`2025-0${i + 4}-02`), d(`2025-0${i + 4}-22`)];

describe('a group label typed over the first of its columns, no merge', () => {
  it.each([
    ['予定', '実績', '開始日', '終了日'],
    ['予定日', '実績日', '開始', '終了'],
    ['計画', '実績', '開始', '完了'],
    ['Plan', 'Actual', 'Start', 'Finish'],
  ])('%s / %s over %s | %s pairs: the second pair is the actual dates', (plan, actual, start, finish) => {
    const rows: ModelCell[][] = [
      ['No', 'タスク名', '担当', plan, null, actual, null],
      [null, null, null, start, finish, start, finish],
      ...TASKS.map((t, i): ModelCell[] => [i + 1, t, '山田', ...dates(i)]),
    ];
    const t = read(rows);
    expect([fieldAt(t, 'D'), fieldAt(t, 'E'), fieldAt(t, 'F'), fieldAt(t, 'G')]).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
    expect(t.records[0]!.values.actualFinish).toBe('2025-04-22');
  });

  it('reaches over three columns (予定 over 開始 / 終了 / 工数) and stops at the next label', () => {
    const rows: ModelCell[][] = [
      ['タスク名', '予定', null, null, '実績', null, null],
      [null, '開始', '終了', '工数', '開始', '終了', '工数'],
      ...TASKS.map((t, i): ModelCell[] => [t, d(`2025-0${i + 4}-01`), d(`2025-0${i + 4}-20`), 5, d(`2025-0${i + 4}-02`), d(`2025-0${i + 4}-22`), 6]),
    ];
    const t = read(rows);
    expect(['B', 'C', 'D', 'E', 'F', 'G'].map((c) => fieldAt(t, c))).toEqual(['plannedStart', 'plannedFinish', 'plannedEffort', 'actualStart', 'actualFinish', 'actualEffort']);
  });

  it('lends nothing from a column\'s own name with nothing under it (件名 over a blank, 詳細 beside it below)', () => {
    const rows: ModelCell[][] = [
      ['No', 'タスク名', null, '担当'],
      [null, null, '備考', null],
      ...TASKS.map((t, i): ModelCell[] => [i + 1, t, `メモ${i}`, '佐藤']),
    ];
    const t = read(rows);
    expect(t.columns.find((c) => c.column === 'C')?.label).toBe('備考');
    expect(fieldAt(t, 'B')).toBe('name');
    expect(fieldAt(t, 'C')).toBe('notes');
  });

  it('never takes the first record for sub-headers (a name and a note under タスク名 | (blank))', () => {
    const rows: ModelCell[][] = [
      ['No', 'タスク名', null, '担当', '開始日', '終了日'],
      ...TASKS.map((t, i): ModelCell[] => [i + 1, t, `${t}の補足`, '山田', d(`2025-0${i + 4}-01`), d(`2025-0${i + 4}-20`)]),
    ];
    const t = read(rows);
    expect(t.header).toEqual({ top: 1, bottom: 1 });
    expect(t.records.map((r) => r.values.name)).toEqual(TASKS);
  });

  it('leaves merged groups as they were', () => {
    const rows: ModelCell[][] = [
      ['タスク名', '予定', null, '実績', null],
      [null, '開始', '終了', '開始', '終了'],
      ...TASKS.map((t, i): ModelCell[] => [t, ...dates(i)]),
    ];
    const t = read(rows, ['B1:C1', 'D1:E1', 'A1:A2']);
    expect(['B', 'C', 'D', 'E'].map((c) => fieldAt(t, c))).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });
});
