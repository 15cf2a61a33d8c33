// Which column is a register's own ID when the ref column found is a No. column: an ID column named
// for the register itself (リスクID, Issue No.) that reads as IDs (on nearly every record, never twice).
// A column naming another record (変更番号, Change ID, Ticket #, 課題番号 in a risk log) is a
// cross-reference: mostly empty, repeating, never the record's ID (review 10, defect 1).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

async function read(target: ImportTarget, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  const a = analyzeWorkbook(readWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer()), 'client.xlsx'), target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return { fields: Object.fromEntries(a.table.columns.map((c) => [c.label, c.field])), refs: a.table.records.map((r) => r.values.ref ?? null), leftOut: a.table.leftOut ?? [] };
}

describe('a cross-reference column beside No.', () => {
  const cases: [ImportTarget, string[], unknown[][]][] = [
    ['issue', ['No.', '課題', '状態', '担当者', '変更番号'], [[1, 'ログイン不可', 'Open', '山田', ''], [2, '帳票ずれ', 'Open', '佐藤', 'CR-7'], [3, '性能劣化', 'Closed', '鈴木', 'CR-7']]],
    ['issue', ['No.', 'Issue', 'Status', 'Owner', 'Change ID'], [[1, 'Login fails', 'Open', 'Ann', ''], [2, 'Report off', 'Open', 'Bob', 'CR-7'], [3, 'Slow', 'Closed', 'Cy', '']]],
    ['risk', ['No.', 'Risk', 'Owner', 'Probability', 'Impact', 'Ticket #'], [[1, 'Vendor late', 'PM', 'High', 'Low', ''], [2, 'Staff leave', 'PM', 'Low', 'High', 'JIRA-12'], [3, 'Budget cut', 'PM', 'Low', 'Low', '']]],
    // Filled on every record but naming the issue each risk became: another register's noun.
    ['risk', ['No.', 'リスク', '担当者', '発生確率', '影響度', '課題番号'], [[1, 'ベンダー遅延', 'PM', '高', '低', 'I-001'], [2, '要員不足', 'PM', '低', '高', 'I-002'], [3, '予算超過', 'PM', '低', '低', 'I-003']]],
  ];
  for (const [target, header, rows] of cases) {
    it(`${target}: ${header.at(-1)} stays unmapped and No. stays the ref (${header.join(' | ')})`, async () => {
      const t = await read(target, [header, ...rows]);
      expect(t.fields[header.at(-1)!]).toBeNull();
      expect(t.fields['No.']).toBe('ref');
      expect(t.refs.every((r) => r !== null)).toBe(true);
      expect(new Set(t.refs).size).toBe(3);
    });
  }
});

describe('the register’s own ID column beside No.', () => {
  it('is the ref when filled on every record and unique (No. | 課題番号 | 課題 in an issue log)', async () => {
    const t = await read('issue', [['No.', '課題番号', '課題', '状態', '担当者'], [1, 'K-10', 'ログイン不可', 'Open', '山田'], [2, 'K-11', '帳票ずれ', 'Open', '佐藤'], [3, 'K-12', '性能劣化', 'Closed', '鈴木']]);
    expect(t.fields['課題番号']).toBe('ref');
    expect(t.refs).toEqual(['K-10', 'K-11', 'K-12']);
  });

  it('is not the ref when it repeats a value (Risk ID twice): No. stays the ref', async () => {
    const t = await read('risk', [['No.', 'Risk ID', 'Risk', 'Owner', 'Probability', 'Impact'], [1, 'R-9', 'Vendor late', 'PM', 'High', 'Low'], [2, 'R-9', 'Staff leave', 'PM', 'Low', 'High'], [3, 'R-10', 'Budget cut', 'PM', 'Low', 'Low']]);
    expect(t.fields['Risk ID']).toBeNull();
    expect(t.fields['No.']).toBe('ref');
  });
});
