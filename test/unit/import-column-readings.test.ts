// Columns read as a person reads them, each rule on a small generated sheet (issue 11: the corpus's
// wrong and silent readings of test/bench/import-asks.ts): what a date column's words say it is, and
// which columns of a sheet hold no record's data.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const TODAY = '2025-06-15';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function read(rows: ModelCell[][], target: ImportTarget, merges: string[] = []): ImportTable {
  const a = analyzeWorkbook(model(sheet('Sheet1', rows, merges)), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
/** Each column's reading: its field, 'extra' (kept as the client's own) or 'ignore' (not listed, numbering, structure). */
const readings = (t: ImportTable) => Object.fromEntries(t.columns.map((c) => [c.column, c.field ?? (c.extraKey !== undefined ? 'extra' : 'ignore')]));

describe('a date column', () => {
  it('named for the logging of the record written as one word (Date of login, Login Date) is the day it was raised', () => {
    for (const label of ['Date of login', 'Login Date']) {
      const rows: ModelCell[][] = [
        ['Project', 'Module', 'Issue Type', 'Query', label, 'Issue Status'],
        ['Shop', 'User', 'requirement', 'A forgotten password cannot be changed', d('2025-05-01'), 'open'],
        ['Shop', 'User', 'requirement', 'State names are missing in the dropdown', d('2025-05-02'), 'open'],
        ['Shop', 'Cart', 'bug', 'The telephone field takes 32 characters', d('2025-05-03'), 'closed'],
      ];
      expect(readings(read(rows, 'issue')).E, label).toBe('raisedOn');
    }
  });
});

describe('a column named for a thing another column numbers', () => {
  it('describes that thing, not the record: Control Short Description beside Control ID# is no risk description', () => {
    const rows: ModelCell[][] = [
      ['Risk ID#', 'List of Possible Risks', 'Likelihood', 'Impact', 'Control ID#', 'Control Short Description', 'Upfront Costs'],
      ['R-1', 'Identity theft', 'H', 'H', 1.1, 'Two factor authentication', 5000],
      ['R-2', 'Financial theft', 'M', 'H', 2.1, 'All traffic encrypted', 1000],
      ['R-3', 'Physical theft of hardware', 'L', 'H', 3.1, 'Guards at the datacenter', 2000],
    ];
    const r = readings(read(rows, 'risk'));
    expect(r).toMatchObject({ A: 'ref', B: 'title', F: 'extra' });
    // The record's own words for its description still name it.
    const own = readings(read(rows.map((row, i) => (i === 0 ? row.map((h) => (h === 'Control Short Description' ? 'Risk Description' : h)) : row)), 'risk'));
    expect(own.F).toBe('description');
  });
});

describe('a column of numbers a formula runs down the rows', () => {
  it('is the sheet’s row numbers whatever its word (Line beside #): left out, not the client’s data', () => {
    const rows: ModelCell[][] = [
      ['#', 'Line', 'タスク名', '開始', '終了', '担当者'],
      [1, { f: 1 }, '設計', d('2025-04-01'), d('2025-04-10'), '佐藤'],
      [2, { f: 2 }, '製造', d('2025-04-11'), d('2025-04-30'), '鈴木'],
      [3, { f: 3 }, 'テスト', d('2025-05-01'), d('2025-05-20'), '佐藤'],
      [4, { f: 4 }, '移行', d('2025-05-21'), d('2025-05-31'), '田中'],
    ];
    const t = read(rows, 'wbs');
    expect(readings(t).B).toBeUndefined();
    expect(t.records.every((r) => Object.keys(r.extra).length === 0)).toBe(true);
    // Typed numbers under a word of the client's own (a rank) stay its data.
    const typed = read(rows.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === 1 ? (v as { f: number }).f : v)))).map((row, i) => (i === 0 ? ['#', 'Rank', ...row.slice(2)] : row)), 'wbs');
    expect(readings(typed).B).toBe('extra');
  });
});
