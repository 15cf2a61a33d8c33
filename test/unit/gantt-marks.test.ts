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

describe('a band painted on working days only', () => {
  // 40 day columns from Tuesday 2025-04-01 (D0) in columns E… : 4/29 (Tue) 昭和の日, 5/3–5/6 憲法記念日 … 振替休日.
  const DAYS = 40;
  const dow = (serial: number) => new Date(Date.UTC(1899, 11, 30 + serial)).getUTCDay();
  const holidays = new Set([D0 + 28, D0 + 32, D0 + 33, D0 + 34, D0 + 35]);
  /** Rows 2… with bars over [from, to] (days after D0), marked ■ where `paints` says, weekend cells filled 9 when `shade`. */
  function workingSheet(bars: [number, number][], paints: (serial: number) => boolean, shade: boolean) {
    const header: Cell[] = Array.from({ length: DAYS }, (_, k) => ({ c: 4 + k, t: 'd', v: D0 + k }));
    const rows: SheetModel['rows'] = [{ r: 1, cells: [{ c: 0, t: 's', v: 'No' }, ...header] }];
    const fills: number[] = [];
    bars.forEach(([a, b], i) => {
      const r = 2 + i;
      const cells: Cell[] = [{ c: 0, t: 'n', v: i + 1 }];
      for (let k = 0; k < DAYS; k++) {
        const s = D0 + k;
        if (k >= a && k <= b && paints(s)) cells.push({ c: 4 + k, t: 's', v: '■' });
        else if (shade && (dow(s) === 0 || dow(s) === 6)) fills.push(r, 4 + k, 9);
      }
      rows.push({ r, cells });
    });
    const ix = new SheetIndex({ name: 'S', state: 'visible', rows, merges: [], fills });
    const records: BandRecord[] = bars.map(([a, b], i) => ({ row: 2 + i, start: D0 + a, finish: D0 + b }));
    const band = learnBand(ix, bandCandidates(ix, 1, new Set([0]), [])[0]!, records, () => 0);
    const painted = (a: number, b: number) => barCells(band!, D0 + a, D0 + b).map((x, k) => (x.value ? k : -1)).filter((k) => k >= 0);
    return { band, painted };
  }
  const weekday = (s: number) => dow(s) !== 0 && dow(s) !== 6;
  const working = (s: number) => weekday(s) && !holidays.has(s);
  const range = (a: number, b: number, keep: (s: number) => boolean) => Array.from({ length: b - a + 1 }, (_, i) => a + i).filter((k) => keep(D0 + k));

  it('leaves the weekends blank inside a bar where the template does, shaded or not', () => {
    for (const shade of [true, false]) {
      // Bars over weekends (4/4–4/8, 4/10–4/15, 4/17–4/22), painted on weekdays only.
      const { band, painted } = workingSheet([[3, 7], [9, 14], [16, 21], [0, 2]], weekday, shade);
      expect(band, `shade ${shade}`).not.toBeNull();
      // A bar moved over the next weekend (4/24–4/29) is painted on its weekdays only, ending on 4/29 (a
      // holiday the template never shows: its rule is the weekends).
      expect(painted(23, 28)).toEqual(range(23, 28, weekday));
      // A bar from a Saturday starts on the Monday; a bar over a weekend only is no bar.
      expect(painted(4, 8)).toEqual([6, 7, 8]);
      expect(painted(4, 5)).toEqual([]);
    }
  });

  it("leaves the national holidays blank too where the template's bars skip one", () => {
    // The last bar crosses 4/29 (昭和の日) and leaves it blank: 5/5 and 5/6 are holidays for it too.
    const { painted } = workingSheet([[3, 7], [9, 14], [16, 21], [25, 30]], working, false);
    expect(painted(31, 37)).toEqual(range(31, 37, working));
    expect(painted(31, 37)).not.toContain(34); // 5/5 こどもの日 (a Monday)
  });

  it('paints a holiday the template paints (weekends off, 海の日 worked)', () => {
    const { painted } = workingSheet([[3, 7], [9, 14], [16, 21], [25, 30]], weekday, false);
    expect(painted(31, 37)).toEqual(range(31, 37, weekday));
  });

  it('keeps bars whole where no template bar crosses a day off (nothing says the client skips them)', () => {
    const { painted } = workingSheet([[0, 2], [7, 10], [14, 17], [21, 24]], weekday, false);
    expect(painted(3, 8)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
