// A column of two-digit-year text dates its own cells leave open (25/03/04: 2025-03-04 as yy/mm/dd, or
// 25 March 2004 as dd/mm/yy) is read in the form that puts its dates near the table's other dates, the
// project's period or today (blind set 14, I3: a drawing-approval log's 受領日 and 回答期限 were all stored
// empty, flagged dateAmbiguous). Generated sheets of each family; where both forms or neither fit, the
// cells are still asked about.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import { dateTextStyle, shortYearByContext } from '../../electron/common/excel/client-dates.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');
const yymmdd = (iso: string) => `${iso.slice(2, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;

function read(rows: ModelCell[][], today: string, period?: { start: string; end: string }): ImportTable {
  const a = analyzeWorkbook(model(sheet('Sheet1', rows)), 'issue', { today, ...(period && { period }) });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const ambiguous = (t: ImportTable) => t.problems.filter((p) => p.code === 'dateAmbiguous').length;

/** An issue log of `n` rows whose 起票日 and 期限 are the given days, written by `write` (or as real dates). */
function log(days: [string, string][], write: (iso: string) => ModelCell): ModelCell[][] {
  return [['No', '件名', '起票日', '期限', '担当者', '状態'], ...days.map(([a, b], i) => [i + 1, `課題その${i + 1}`, write(a), write(b), '山田', '対応中'])];
}
/** Days of one year, spread over months and days (so a day read as a year varies). */
function days(year: number, n: number, seed: number): [string, string][] {
  return Array.from({ length: n }, (_, i) => {
    const m = ((i * 5 + seed) % 10) + 1;
    const day = ((i * 7 + seed * 3) % 27) + 1;
    return [`${year}-${pad(m)}-${pad(day)}`, `${year}-${pad(m + 1)}-${pad(((day + 13) % 27) + 1)}`];
  });
}

describe('two-digit-year text dates decided by context', () => {
  it('yy/mm/dd read as this decade’s dates, near today, whatever the days (varied generated logs)', () => {
    for (const [year, seed] of [[2025, 0], [2024, 3], [2026, 7], [2023, 11]] as const) {
      const ds = days(year, 6, seed);
      const t = read(log(ds, yymmdd), `${year}-09-01`);
      expect(ambiguous(t), `${year}/${seed}`).toBe(0);
      expect(t.records.map((r) => [r.values.raisedOn, r.values.due])).toEqual(ds);
    }
  });

  it('dd/mm/yy read day first where that is the reading near the project’s period', () => {
    const ds = days(2025, 5, 2);
    const t = read(log(ds, ddmmyy), '2030-01-10', { start: '2025-01-01', end: '2025-12-31' });
    expect(ambiguous(t)).toBe(0);
    expect(t.records.map((r) => [r.values.raisedOn, r.values.due])).toEqual(ds);
  });

  it('the table’s real dates centre the reading: a yy/mm/dd column beside a column of 2019 dates reads 2019', () => {
    const ds = days(2019, 5, 4);
    const rows = log(ds, yymmdd).map((row, i) => (i === 0 ? row : [row[0], row[1], row[2], d(ds[i - 1]![1]), row[4], row[5]]));
    const t = read(rows, '2026-06-01');
    expect(ambiguous(t)).toBe(0);
    expect(t.records.map((r) => r.values.raisedOn)).toEqual(ds.map((x) => x[0]));
  });

  it('the column’s own real dates centre it too: a few yy/mm/dd texts among 2019 date cells read 2019', () => {
    const ds = days(2019, 6, 5);
    const rows = log(ds, (iso) => d(iso)).map((row, i) => (i === 0 || i % 2 === 1 ? row : [row[0], row[1], yymmdd(ds[i - 1]![0]), row[3], row[4], row[5]]));
    const t = read(rows.map((row) => [row[0], row[1], row[2], row[4], row[5]]), '2026-06-01');
    expect(ambiguous(t)).toBe(0);
    expect(t.records.map((r) => r.values.raisedOn)).toEqual(ds.map((x) => x[0]));
  });

  it('asks where the context cannot decide: both forms near (yy and dd both 24–26), or neither', () => {
    // 25/04/24 … : 2025-04-24 or 2024-04-25, both near 2025.
    const both = read(log([['2025-04-24', '2025-05-26'], ['2025-06-25', '2025-06-24']], yymmdd), '2025-06-01');
    expect(ambiguous(both)).toBe(4);
    expect(both.records.map((r) => r.values.raisedOn)).toEqual([null, null]);
    // 12/03/10 read in 2026: 2012 or 2010, neither near.
    const neither = read(log([['2012-03-10', '2012-03-16'], ['2012-03-19', '2012-03-25']], yymmdd), '2026-06-01');
    expect(ambiguous(neither)).toBe(4);
  });
});

describe('shortYearByContext', () => {
  it('is the form whose readings all fall within a few years of the centre, else undefined', () => {
    expect(shortYearByContext(['25/03/04', '25/04/22'], '2026-01-01')).toBe('ymd');
    expect(shortYearByContext(['04/03/25', '22/04/25'], '2026-01-01')).toBe('yearLast');
    // Year last in a column settled month first: 04/22/25 reads 2025, 22/04/25 would not.
    expect(shortYearByContext(['04/22/25', '03/04/25'], '2025-06-01', 'mdy')).toBe('yearLast');
    expect(shortYearByContext(['25/04/24'], '2025-06-01')).toBeUndefined();
    expect(shortYearByContext(['2025/04/24', 'words'], '2025-06-01')).toBeUndefined();
  });
});

describe('a yy/mm/dd column’s own form', () => {
  it('writes a date with two digits first where they read back as its year, else all four', () => {
    const write = dateTextStyle(['25/03/04', '25/04/22'], 'mdy', 'ymd')!;
    expect([write('2025-05-20'), write('2026-11-03'), write('2031-01-02')]).toEqual(['25/05/20', '26/11/03', '2031/01/02']);
    expect(dateTextStyle(['25/3/4(火)'], 'mdy', 'ymd')!('2025-05-20')).toBe('25/5/20(火)');
    // Not read yy/mm/dd (the form unsettled): no form of its own, the caller writes yyyy/mm/dd.
    expect(dateTextStyle(['25/03/04', '25/04/22'], 'mdy')).toBeNull();
  });
});
