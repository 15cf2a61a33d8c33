// The week-number heads of a gantt band (date-grid.ts weekHeadRun): a column the table itself uses is never
// one of the band's weeks, even when its head reads like a week the client named (GW, 盆) between numbers.
import { describe, expect, it } from 'vitest';
import { weekHeadRun } from '../../electron/core/excel/import/date-grid.js';
import { SheetIndex } from '../../electron/core/excel/import/sheet-index.js';
import type { Cell } from '../../electron/common/excel/model.js';

/** One header row: column k holds heads[k] (a string), nothing where it is null. */
function headRow(heads: (string | null)[]): SheetIndex {
  const cells: Cell[] = heads.flatMap((v, c) => (v === null ? [] : [{ c, t: 's' as const, v }]));
  return new SheetIndex({ name: 'S', state: 'visible', rows: [{ r: 0, cells }], merges: [] });
}

describe('week heads of a band', () => {
  const heads = ['タスク', 'W1', 'W2', 'W3', 'W4', 'W5', 'GW', 'W7', 'W8', 'W9', 'W10', 'W11', 'W12'];

  it('a named week between numbers that go on across it is one of the run', () => {
    expect(weekHeadRun(headRow(heads), 0, new Set([0]))).toEqual({ c: 1, n: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
  });

  it("the table's own column ends the run, whatever its head says", () => {
    // Column 6 is a field of the table (say a short 備考 head): the weeks on either side are two runs.
    expect(weekHeadRun(headRow(heads), 0, new Set([0, 6]))).toEqual({ c: 7, n: [7, 8, 9, 10, 11, 12] });
    const numbered = heads.map((h, c) => (c === 6 ? 'W6' : h));
    expect(weekHeadRun(headRow(numbered), 0, new Set([0, 6]))).toEqual({ c: 7, n: [7, 8, 9, 10, 11, 12] });
    // Its head on another header row (none on this one): still no week.
    const blank = heads.map((h, c) => (c === 6 ? null : h));
    expect(weekHeadRun(headRow(blank), 0, new Set([0]))!.n).toHaveLength(12);
    expect(weekHeadRun(headRow(blank), 0, new Set([0, 6]))).toEqual({ c: 7, n: [7, 8, 9, 10, 11, 12] });
  });
});
