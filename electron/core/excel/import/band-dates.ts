// A client's gantt that holds its plan only as painted cells (ガントチャート drawn as fills under a row of
// dates, one column per day or per week, no start or finish column: Fintan's スプリント全体計画): a task's
// dates are read from its row's painted columns. Its start is the first painted column's first day, its
// finish the last painted column's last day (the day before the next head). The export paints the bars
// again by the same columns (services/export/gantt-marks.ts learns how from these dates).
import { serialToIso } from '../../../common/excel/client-dates.js';
import type { SheetModel } from '../../../common/excel/model.js';
import { serialBand, type BandColumn } from './date-grid.js';
import type { SheetIndex } from './sheet-index.js';

/** Share of the rows a fill must paint in each of its columns to be shading (weekends, holidays), not bars. */
const SHADING = 0.6;
/** Rows needed before a column painted in all of them is taken for shading. */
const SHADING_ROWS = 3;

/** A task's dates as its row paints them, and the stored dates that read as the same paint. */
export interface PaintedDates {
  start: string;
  finish: string;
  /**
   * The days a stored date may be on and still be painted in the same column (yyyy-mm-dd, inclusive; null:
   * open, the bar reaches the band's edge): a plan painted per week says in which week, not on which day.
   */
  startWithin: [string | null, string | null];
  finishWithin: [string | null, string | null];
}

const countUp = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * The band of date heads in the header rows and the painted dates of each of `rows` (0-based sheet rows)
 * under it, or null when the sheet has no such band or no painted cell. A row painted over every column of
 * the band is a band of colour (a phase row), not a bar; a row with no paint gives no dates (nothing is
 * said about a task outside the band's days).
 */
export function paintedDates(
  sheet: SheetModel,
  ix: SheetIndex,
  lastHeaderRow: number,
  tableColumns: Set<number>,
  rows: readonly number[],
  date1904: boolean,
  today?: string,
): { band: BandColumn[]; dates: Map<number, PaintedDates> } | null {
  if (!sheet.fills || rows.length === 0) return null;
  const band = serialBand(ix, lastHeaderRow, tableColumns, { date1904, ...(today ? { today } : {}) });
  if (!band) return null;
  const index = new Map(band.map((col, k) => [col.c, k]));
  const wanted = new Set(rows);
  // Per row, the band columns painted and with what.
  const painted = new Map<number, Map<number, number>>();
  const f = sheet.fills;
  for (let k = 0; k + 2 < f.length; k += 3) {
    const [r, c, fill] = [f[k]!, f[k + 1]!, f[k + 2]!];
    if (!wanted.has(r) || !index.has(c)) continue;
    (painted.get(r) ?? painted.set(r, new Map()).get(r)!).set(index.get(c)!, fill);
  }
  if (painted.size === 0) return null;
  // A fill that paints the same columns in most rows is shading (weekends, holidays), not bars: every
  // column it paints, it paints in SHADING of the rows or more. Rows painted across the whole band (a
  // phase's colour) are left out of the count.
  const background = (cols: Map<number, number>) => cols.size === band.length;
  const counted = [...painted.values()].filter((cols) => !background(cols));
  const shading = new Set<number>();
  if (counted.length >= SHADING_ROWS) {
    const perColumn = new Map<number, Map<number, number>>();
    for (const cols of counted) for (const [k, fill] of cols) countUp(perColumn.get(fill) ?? perColumn.set(fill, new Map()).get(fill)!, k);
    for (const [fill, columns] of perColumn) if ([...columns.values()].every((n) => n >= counted.length * SHADING)) shading.add(fill);
  }
  const iso = (serial: number) => serialToIso(serial, date1904);
  const out = new Map<number, PaintedDates>();
  for (const [r, cols] of painted) {
    if (background(cols)) continue;
    const bar = [...cols].filter(([, fill]) => !shading.has(fill)).map(([k]) => k).sort((a, b) => a - b);
    if (bar.length === 0) continue;
    const first: BandColumn = band[bar[0]!]!;
    const last: BandColumn = band[bar.at(-1)!]!;
    const [start, finish, firstTo, lastFrom] = [iso(first.from), iso(last.to), iso(first.to), iso(last.from)];
    if (!start || !finish || !firstTo || !lastFrom) continue;
    out.set(r, {
      start,
      finish,
      startWithin: [bar[0] === 0 ? null : start, firstTo],
      finishWithin: [lastFrom, bar.at(-1) === band.length - 1 ? null : finish],
    });
  }
  return out.size === 0 ? null : { band, dates: out };
}
