// Dates without a year written with their weekday (blind set 4, J2: a minutes sheet's ToDo 期日 7/15(火),
// 8/1(金) … were all read in today's year, on the wrong weekday, and asked as "nothing in the file decides
// it"). The weekday decides the year — in any form a tracker writes it, Japanese or English —, and the
// date the sheet states above the table places the others.
import { describe, expect, it } from 'vitest';
import { parseDateText, weekdayYear, writtenWeekday } from '../../electron/common/excel/client-dates.js';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

function table(rows: ModelCell[][], today: string, target: 'issue' | 'wbs' = 'issue'): ImportTable {
  const a = analyzeWorkbook(model(sheet('議事録', rows)), target, { today });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const todo = (due: string[], above: ModelCell[][] = []): ModelCell[][] => [
  ...above,
  ['No.', 'ToDo内容', '担当', '期日', '状態'],
  ...due.map((d, k) => [k + 1, `作業${k + 1}`, '田中', d, '未着手']),
];

describe('the weekday written with a date', () => {
  it('is read in every common form, Japanese and English', () => {
    for (const [text, day] of [
      ['7/15(火)', 2], ['7/15（火）', 2], ['７/１５（火）', 2], ['7月15日(火)', 2], ['7月15日（火曜日）', 2], ['7/15 火曜日', 2],
      ['7/15(火) 10:00', 2], ['7/15 (Tue)', 2], ['Tue 7/15', 2], ['Tuesday 7/15', 2], ['7/15(Fri.)', 5], ['7/15', undefined], ['7/15(祝)', undefined],
    ] as const)
      expect(writtenWeekday(text), text).toBe(day);
  });

  it('decides the year: the nearest one the weekday fits', () => {
    // 2026-07-15 is a Wednesday, 2025-07-15 a Tuesday.
    expect(weekdayYear(7, 15, 2, '2026-12-06')).toBe('2025-07-15');
    expect(weekdayYear(7, 15, 3, '2026-12-06')).toBe('2026-07-15');
    // 2/29 only in a leap year whose 29th is that weekday (2028-02-29 is a Tuesday).
    expect(weekdayYear(2, 29, 2, '2026-12-06')).toBe('2028-02-29');
    for (const [text, today, iso] of [
      ['7/15(火)', '2026-12-06', '2025-07-15'],
      ['8/1(金)', '2026-12-06', '2025-08-01'],
      ['1/12(火)', '2026-12-06', '2027-01-12'],
      ['Tue 7/15', '2026-12-06', '2025-07-15'],
      ['3月4日（月）', '2026-12-06', '2024-03-04'],
      ['7/15(火) 10:00', '2026-12-06', '2025-07-15'],
    ] as const)
      expect(parseDateText(text, today), text).toMatchObject({ ok: true, iso, weekdayFits: true });
    // A weekday the date never falls on nearby (a slip) leaves the year to the nearest rule.
    expect(parseDateText('2/30(火)', '2026-12-06')).toEqual({ ok: false });
  });
});

describe('a table of dates without a year', () => {
  const due = ['7/15(火)', '7/11(金)', '7/18(金)', '7/22(火)', '8/1(金)', '7/9(水)'];
  const expected = ['2025-07-15', '2025-07-11', '2025-07-18', '2025-07-22', '2025-08-01', '2025-07-09'];

  it('reads each date in the year its weekday falls in, flagged so, and asks nothing', () => {
    const t = table(todo(due), '2026-12-06');
    expect(t.records.map((r) => r.values.due)).toEqual(expected);
    expect(t.undecidedYears).toBeUndefined();
    expect(t.problems.map((p) => [p.cell, p.code, p.params.from])).toEqual(due.map((_, k) => [`D${k + 2}`, 'yearAssumed', 'weekday']));
  });

  it("agrees with the minutes' date above the table, and that date places dates written without a weekday", () => {
    const above: ModelCell[][] = [['議事録'], [], ['会議名', '定例会'], ['日時', '2025年7月8日(火) 10:00～11:00'], ['場所', '会議室A'], [], ['■ToDo']];
    const t = table(todo(due, above), '2026-12-06');
    expect(t.records.map((r) => r.values.due)).toEqual(expected);
    // Without weekdays the minutes' date decides (today's year would be 2026).
    const plain = table(todo(['7/15', '8/1', '12/20'], above), '2026-12-06');
    expect(plain.records.map((r) => r.values.due)).toEqual(['2025-07-15', '2025-08-01', '2025-12-20']);
    expect(plain.undecidedYears).toBeUndefined();
    expect(plain.problems.map((p) => p.params.from)).toEqual(['sheet', 'sheet', 'sheet']);
    // An Excel date as the minutes' date, in another year.
    const dated = table(todo(['3/4', '3/18'], [['作成日', new Date('2023-02-27T00:00:00Z')], []]), '2026-12-06');
    expect(dated.records.map((r) => r.values.due)).toEqual(['2023-03-04', '2023-03-18']);
  });

  it('places the dates without a weekday of the same table by the ones with one', () => {
    const t = table(todo(['7/15(火)', '7/30', '12/26(金)', '1/6']), '2026-12-06');
    expect(t.records.map((r) => r.values.due)).toEqual(['2025-07-15', '2025-07-30', '2025-12-26', '2026-01-06']);
    expect(t.undecidedYears).toBeUndefined();
    expect(t.problems.map((p) => p.params.from)).toEqual(['weekday', 'column', 'weekday', 'column']);
  });

  it('reads a plan of English weekday dates (MS Project without years) the same way', () => {
    const rows: ModelCell[][] = [
      ['Task Name', 'Start', 'Finish'],
      ['Design', 'Mon 3/3', 'Fri 3/14'],
      ['Build', 'Mon 3/17', 'Fri 4/11'],
    ];
    const t = table(rows, '2026-12-06', 'wbs');
    expect(t.records.map((r) => [r.values.plannedStart, r.values.plannedFinish])).toEqual([
      ['2025-03-03', '2025-03-14'],
      ['2025-03-17', '2025-04-11'],
    ]);
  });
});
