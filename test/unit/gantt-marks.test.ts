// The rule of a hand-painted gantt band, learned from the template's rows: found only where the rows
// follow their dates on both sides (bar cells look like a bar, the others do not).
import { describe, expect, it } from 'vitest';
import { bandCandidates, barCells, learnBand, type BandColumn, type BandRecord } from '../../electron/core/services/export/gantt-marks.js';
import { SheetIndex } from '../../electron/core/excel/import/sheet-index.js';
import type { Cell, SheetModel } from '../../electron/common/excel/model.js';

const D0 = 45_748; // 2025-04-01
/** A sheet with a row of 10 dates from column E (4) on row 2 (1), and what the records' band cells hold. */
function sheet(step: number, marks: Map<string, string> = new Map()): SheetIndex {
  const header: Cell[] = Array.from({ length: 10 }, (_, k) => ({ c: 4 + k, t: 'd', v: D0 + k * step }));
  const rows: SheetModel['rows'] = [{ r: 1, cells: [{ c: 0, t: 's', v: 'No' }, ...header] }];
  for (let r = 2; r < 7; r++) {
    const cells: Cell[] = [{ c: 0, t: 'n', v: r - 1 }];
    for (let c = 4; c < 14; c++) if (marks.has(`${r}:${c}`)) cells.push({ c, t: 's', v: marks.get(`${r}:${c}`)! });
    rows.push({ r, cells });
  }
  return new SheetIndex({ name: 'S', state: 'visible', rows, merges: [] });
}
const findBandColumns = (ix: SheetIndex, lastHeaderRow: number, table: Set<number>): BandColumn[] | null => bandCandidates(ix, lastHeaderRow, table, [])[0] ?? null;
const records: BandRecord[] = [2, 3, 4, 5, 6].map((row, i) => ({ row, start: D0 + i * 2, finish: D0 + i * 2 + 2 }));
const on = (row: number, c: number) => {
  const r = records.find((x) => x.row === row)!;
  return D0 + (c - 4) >= r.start! && D0 + (c - 4) <= r.finish!;
};

describe('gantt band rule', () => {
  it('finds the row of dates right of the table and the days each column stands for', () => {
    expect(findBandColumns(sheet(1), 1, new Set([0]))!.slice(0, 2)).toEqual([
      { c: 4, from: D0, to: D0 },
      { c: 5, from: D0 + 1, to: D0 + 1 },
    ]);
    expect(findBandColumns(sheet(7), 1, new Set([0]))!.at(-1)).toEqual({ c: 13, from: D0 + 63, to: D0 + 69 });
    // Dates inside the table's own columns are its data, not a band.
    expect(findBandColumns(sheet(1), 1, new Set([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]))).toBeNull();
  });

  it('reads days of the month (30, 31, 1, 2 …) as the month the bars agree with', () => {
    // A month row above is not needed: each month the tasks' dates fall in is a candidate start.
    const days = [30, 31, 1, 2, 3, 4, 5, 6];
    const ix = new SheetIndex({ name: 'S', state: 'visible', merges: [], rows: [{ r: 0, cells: days.map((v, k) => ({ c: 3 + k, t: 'n', v })) }] });
    const jan30 = 45_687; // 2025-01-30
    const starts = bandCandidates(ix, 0, new Set(), [jan30 - 25, jan30 + 3]).map((cols) => cols[0]!.from);
    // Tasks on January 5th and February 2nd: December, January and February are candidates; 30, 31, 1 fits
    // December → January and January → February, not February (28 days).
    expect(starts).toEqual([jan30 - 31, jan30]);
    // 29, 30, 1 follows a month of 30 days: neither December nor January.
    const odd = new SheetIndex({ name: 'S', state: 'visible', merges: [], rows: [{ r: 0, cells: [29, 30, 1, 2, 3, 4].map((v, k) => ({ c: 3 + k, t: 'n', v })) }] });
    expect(bandCandidates(odd, 0, new Set(), [jan30])).toEqual([]);
  });

  it('learns a bar format from rows painted by their dates, and paints a bar with it', () => {
    const ix = sheet(1);
    const band = learnBand(ix, findBandColumns(ix, 1, new Set([0]))!, records, (r, c) => (on(r, c) ? 7 : c === 9 ? 3 : 1))!;
    expect(band).toMatchObject({ onStyle: 7, mark: null });
    const cells = barCells(band, D0 + 4, D0 + 5);
    // Column J (9) is shaded where no bar is (a weekend): a bar covers it, and its shade comes back once the bar leaves.
    expect(cells.map((x) => x.style)).toEqual([1, 1, 1, 1, 7, 7, 1, 1, 1, 1]);
    expect(barCells(band, null, null)[5]).toEqual({ value: null, style: 3 });
  });

  it('learns a mark', () => {
    const marks = new Map<string, string>();
    for (const r of records) for (let c = 4; c < 14; c++) if (on(r.row, c)) marks.set(`${r.row}:${c}`, '■');
    const ix = sheet(1, marks);
    const band = learnBand(ix, findBandColumns(ix, 1, new Set([0]))!, records, () => 0)!;
    expect(band).toMatchObject({ onStyle: null, mark: { t: 's', v: '■' } });
  });

  it('finds no rule in a band that does not vary with the dates (conditional formats, a blank band, shapes)', () => {
    const ix = sheet(1);
    const columns = findBandColumns(ix, 1, new Set([0]))!;
    expect(learnBand(ix, columns, records, () => 5)).toBeNull();
    // Fills that follow something else (every other column) are not bars.
    expect(learnBand(ix, columns, records, (_, c) => (c % 2 === 0 ? 7 : 1))).toBeNull();
  });
});
