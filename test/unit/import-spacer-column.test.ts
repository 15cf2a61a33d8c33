// Review U16 (7ac5d98, side-by-side tables): ONE table with an empty, unheaded spacer column between its
// groups of columns (the dates and the status past a narrow gap, the same rows filled on both sides) stays
// one table: a status or rating column whose few rows all differ names no records.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { workbook } from '../fixtures/excel/xlsx.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
describe('a spacer column inside one table', () => {
  it.each([
    [['No', 'タスク名', '担当', null, '開始日', '終了日', '進捗率'], 'wbs'],
    [['No', '課題', '担当者', null, '起票日', '期限', '状況'], 'issue'],
    [['ID', 'Risk', 'Owner', null, 'Probability', 'Impact', 'Status'], 'risk'],
  ] as const)('%j', async (header, target) => {
    const rows = target === 'wbs'
      ? [[1, '要件定義', '山田', null, d('2025-06-02'), d('2025-06-06'), 1], [2, '基本設計', '佐藤', null, d('2025-06-09'), d('2025-06-20'), 0.5], [3, '詳細設計', '鈴木', null, d('2025-06-23'), d('2025-07-04'), 0]]
      : target === 'issue'
        ? [[1, 'ログイン不可', '山田', null, d('2025-06-02'), d('2025-06-06'), '対応中'], [2, '帳票ずれ', '佐藤', null, d('2025-06-09'), d('2025-06-20'), '完了'], [3, '性能劣化', '鈴木', null, d('2025-06-23'), d('2025-07-04'), '未着手']]
        : [['R1', 'Vendor delay', 'Ann', null, 'High', 'Low', 'Open'], ['R2', 'Key staff leave', 'Bob', null, 'Low', 'High', 'Open'], ['R3', 'Scope creep', 'Cy', null, 'Medium', 'Medium', 'Closed']];
    const model = readWorkbookBytes(await workbook([{ name: 'S', rows: [header as never, ...(rows as never[])] }]), 'x.xlsx');
    const a = analyzeWorkbook(model, target, { today: '2025-06-15' });
    if (!a.ok) throw new Error(a.reason);
    const fields = a.table.columns.filter((c) => c.field).map((c) => `${c.column}:${c.field}`);
    expect(a.table.columns.some((c) => c.column === 'E' && c.field !== null)).toBe(true);
    expect(a.table.columns.some((c) => c.column === 'B' && c.field !== null)).toBe(true);
  });
});
