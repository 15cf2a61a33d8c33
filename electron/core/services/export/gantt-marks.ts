// A client's gantt drawn by hand beside its table (ガントチャート: one column per day or per week
// under a row of dates, the bar as filled cells or as ■/○ marks): when a task's dates change, its bar
// is painted again the way this client paints it. The band's rule is learned from the template's own
// rows (which cells are filled for which dates) and used only when the template follows it; a band
// the sheet draws itself (formulas, conditional formats) varies nothing per row and is never found.
import { isoToSerial, serialToIso, ymd } from '../../../common/excel/client-dates.js';
import type { Cell } from '../../../common/excel/model.js';
import type { SheetIndex } from '../../excel/import/sheet-index.js';
import { daysOfMonth, MIN_RUN, monthDay, serialBand, textMonthDay, type BandColumn } from '../../excel/import/date-grid.js';
import type { CellOut, OutValue } from '../../excel/template/index.js';

export type { BandColumn };

/** How the client paints a bar: a format of its own on the bar's cells, a mark in them, or both. */
export interface GanttBand {
  columns: BandColumn[];
  /** The format of a bar cell (the most common one), and of an empty cell per column (weekends shaded). */
  onStyle: number | null;
  offStyle: Map<number, number>;
  /** The mark written in a bar cell (■, ○, 1), or null when bars are fills alone. */
  mark: OutValue;
  /** The template rows (0-based) painted by the rule: only these, and new rows, are painted again. */
  followers: Set<number>;
}

/** A template record with its dates as serials (null when a date is missing). */
export interface BandRecord {
  /** 0-based sheet row. */
  row: number;
  start: number | null;
  finish: number | null;
  /**
   * The dates the import stored for the row where they are not the ones its band shows: a summary of a
   * plan held only as paint (excel/import/band-dates.ts) stores its subtasks' span, whatever span the
   * client painted it over. Its bar is painted again only when that span moves.
   */
  stored?: { start: number | null; finish: number | null };
}

/** Share of a row's bar cells, and of its other cells, that must follow the learned rule. */
const AGREEMENT = 0.9;
/** Dated rows, and the share of them, that must follow it. */
const MIN_ROWS = 3;
const FOLLOWING = 0.6;


/**
 * The band's possible columns: the longest run of columns, in the rows at or above the header's last
 * row and outside the table's own columns, that holds rising dates (each a day, or the first day of a
 * week or month), dates written as text without a year (4/7, 4/14 … or 4月7日: a year may end inside
 * the run), or the days of the month (1, 2 … 31, 1, 2 …) under a month the row does not give. Where
 * the heads do not say the year or the month, each one the records' dates fall in (or just after) is a
 * candidate start; the template's bars tell which one it is (learnBand).
 */
export function bandCandidates(ix: SheetIndex, lastHeaderRow: number, tableColumns: Set<number>, recordDates: number[], date1904 = false): BandColumn[][] {
  let bestDays: { c: number; days: number[] } | null = null;
  let bestText: { c: number; heads: [number, number][] } | null = null;
  for (let r = 0; r <= lastHeaderRow; r++) {
    const row = ix.row(r);
    if (!row) continue;
    const runs = columnRuns(row.cells.filter((cell) => !tableColumns.has(cell.c)));
    for (const run of runs) {
      const heads = run.cells.map(textMonthDay);
      if (heads.every((x) => x !== null) && (!bestText || run.cells.length >= bestText.heads.length)) bestText = { c: run.c, heads: heads as [number, number][] };
      const days = run.cells.map(monthDay);
      if (days.every((x) => x !== null) && daysOfMonth(days as number[]) && (!bestDays || run.cells.length >= bestDays.days.length)) bestDays = { c: run.c, days: days as number[] };
    }
  }
  const out: BandColumn[][] = [];
  const dated = serialBand(ix, lastHeaderRow, tableColumns);
  if (dated) out.push(dated);
  if (bestText && bestText.heads.length >= MIN_RUN) {
    const { c, heads } = bestText;
    // The first head's year: each year a record's date falls in, or the one before (a band from December).
    const years = new Set<number>();
    for (const d of recordDates) {
      const y = Number(serialToIso(d, date1904)?.slice(0, 4) ?? NaN);
      if (Number.isInteger(y)) years.add(y).add(y - 1);
    }
    for (const year of [...years].sort((a, b) => a - b)) {
      const serials = textSerials(heads, year, date1904);
      if (!serials || !rising(serials, 1, 31)) continue;
      const lastStep = serials.length > 1 ? serials.at(-1)! - serials.at(-2)! : 1;
      out.push(serials.map((from, k) => ({ c: c + k, from, to: (serials[k + 1] ?? from + lastStep) - 1 })));
    }
  }
  if (bestDays && bestDays.days.length >= MIN_RUN) {
    const { c, days } = bestDays;
    // Months as y * 12 + (m - 1): the month of each date and the one before it.
    const months = new Set<number>();
    for (const d of recordDates) {
      const iso = serialToIso(d, date1904);
      if (!iso) continue;
      const month = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
      months.add(month).add(month - 1);
    }
    for (const month of [...months].sort((a, b) => a - b)) {
      const [y, m] = [Math.floor(month / 12), (month % 12) + 1];
      const first = ymd(y, m, days[0]!);
      const serial = first === null ? null : isoToSerial(first, date1904);
      if (serial === null) continue;
      // The days must follow this month's calendar: 31 then 1 only after a month of 31 days.
      if (days.every((d, k) => dayOfSerial(serial + k, date1904) === d)) out.push(days.map((_, k) => ({ c: c + k, from: serial + k, to: serial + k })));
    }
  }
  return out;
}

/**
 * Heads written as [month, day] as serials, the first in `year` and each next one in the year after
 * where it is not later than the one before (12/29, 1/5); null where one is no day of its year (2/29).
 */
function textSerials(heads: [number, number][], year: number, date1904: boolean): number[] | null {
  const out: number[] = [];
  let y = year;
  for (const [m, d] of heads) {
    let serial = serialAt(y, m, d, date1904);
    if (serial !== null && out.length > 0 && serial <= out.at(-1)!) serial = serialAt(++y, m, d, date1904);
    if (serial === null) return null;
    out.push(serial);
  }
  return out;
}

const serialAt = (y: number, m: number, d: number, date1904: boolean) => {
  const iso = ymd(y, m, d);
  return iso === null ? null : isoToSerial(iso, date1904);
};

/** Runs of cells in consecutive columns. */
function columnRuns(cells: Cell[]): { c: number; cells: Cell[] }[] {
  const runs: { c: number; cells: Cell[] }[] = [];
  for (const cell of cells) {
    const last = runs.at(-1);
    if (last && last.c + last.cells.length === cell.c) last.cells.push(cell);
    else runs.push({ c: cell.c, cells: [cell] });
  }
  return runs;
}

const rising = (xs: number[], min: number, max: number) => xs.every((x, k) => k === 0 || (x - xs[k - 1]! >= min && x - xs[k - 1]! <= max));


const dayOfSerial = (serial: number, date1904: boolean) => Number(serialToIso(serial, date1904)?.slice(8, 10) ?? NaN);

const inRange = (col: BandColumn, start: number, finish: number) => col.from <= finish && col.to >= start;

const countUp = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const mostCommon = <K>(m: Map<K, number>): K | undefined => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

/**
 * The band's rule, learned from the template's dated records: which format and/or mark the cells of a
 * bar have. Null when the band is not painted per row, or not by the records' dates (a band of
 * formulas, a band the client paints by other rules, too few dated rows to tell).
 */
export function learnBand(ix: SheetIndex, columns: BandColumn[], records: BandRecord[], styleAt: (row: number, c: number) => number): GanttBand | null {
  type BandCell = { on: boolean; style: number; value: Cell | undefined; c: number };
  const rows = new Map<number, BandCell[]>();
  for (const r of records) {
    if (r.start === null || r.finish === null || r.start > r.finish) continue;
    const cells: BandCell[] = [];
    for (const col of columns) {
      const value = ix.cell(r.row, col.c);
      if (value?.f) return null; // the sheet draws its bars itself
      cells.push({ on: inRange(col, r.start, r.finish), style: styleAt(r.row, col.c), value, c: col.c });
    }
    // A task outside the band's days says nothing about how a bar looks.
    if (cells.some((x) => x.on)) rows.set(r.row, cells);
  }
  if (rows.size < MIN_ROWS) return null;
  const all = [...rows.values()].flat();
  if (all.every((x) => x.on)) return null;

  // Formats seen more on bar cells than off them are the bar's.
  const styleBalance = new Map<number, number>();
  for (const x of all) styleBalance.set(x.style, (styleBalance.get(x.style) ?? 0) + (x.on ? 1 : -1));
  const barStyles = new Set([...styleBalance].filter(([, n]) => n > 0).map(([s]) => s));
  const filled = (x: BandCell) => barStyles.has(x.style);
  const hasMark = (x: BandCell) => x.value !== undefined && String(x.value.v).trim() !== '';
  /**
   * The rows a rule holds on, both ways (most of a row's bar cells look like a bar, and most of its other
   * cells do not), or null when it holds on too few of them: a client paints some rows by hand its own way
   * (a summary's bar over its first days only), and those rows are never repainted.
   */
  const following = (isOn: (x: BandCell) => boolean): Set<number> | null => {
    const out = new Set<number>();
    for (const [row, cells] of rows) {
      const on = cells.filter((x) => x.on);
      const off = cells.filter((x) => !x.on);
      const agree = Math.min(on.filter(isOn).length / on.length, off.length === 0 ? 1 : off.filter((x) => !isOn(x)).length / off.length);
      if (agree >= AGREEMENT) out.add(row);
    }
    return out.size >= MIN_ROWS && out.size >= rows.size * FOLLOWING ? out : null;
  };
  const byFill = barStyles.size > 0 ? following(filled) : null;
  const byMark = following(hasMark);
  if (!byFill && !byMark) return null;
  // Text on a fill band (a label over the bar) would be lost by repainting: leave such a band alone.
  if (!byMark && all.some(hasMark)) return null;
  const followers = byFill && byMark ? new Set([...byFill].filter((r) => byMark.has(r))) : (byFill ?? byMark)!;

  const onStyles = new Map<number, number>();
  const offStyles = new Map<number, Map<number, number>>();
  const marks = new Map<string, number>();
  const markCell = new Map<string, Cell>();
  for (const row of followers)
    for (const x of rows.get(row)!) {
      if (x.on) {
        countUp(onStyles, x.style);
        if (x.value && hasMark(x)) {
          const k = `${x.value.t}:${String(x.value.v)}`;
          countUp(marks, k);
          markCell.set(k, x.value);
        }
      } else countUp(offStyles.get(x.c) ?? offStyles.set(x.c, new Map()).get(x.c)!, x.style);
    }
  const anyOff = new Map<number, number>();
  for (const m of offStyles.values()) for (const [s, n] of m) anyOff.set(s, (anyOff.get(s) ?? 0) + n);
  const offStyle = new Map(columns.map((col) => [col.c, mostCommon(offStyles.get(col.c) ?? new Map()) ?? mostCommon(anyOff) ?? 0]));
  const markKey = byMark ? mostCommon(marks) : undefined;
  const mark = markKey === undefined ? null : outValue(markCell.get(markKey)!);
  return { columns, onStyle: byFill ? (mostCommon(onStyles) ?? null) : null, offStyle, mark, followers };
}

function outValue(cell: Cell): OutValue {
  if (cell.t === 's') return { t: 's', v: String(cell.v) };
  if (cell.t === 'b') return { t: 'b', v: Boolean(cell.v) };
  return typeof cell.v === 'number' ? { t: 'n', v: cell.v } : { t: 's', v: String(cell.v) };
}

/**
 * The band's cells for a task's dates. `ownStyle` and `ownMark` are the bar format and mark the row
 * already has (a client colours critical or late tasks its own way, marks a done task's weeks ● and a
 * planned one's ■): kept when the bar moves.
 */
export function barCells(band: GanttBand, start: number | null, finish: number | null, ownStyle?: number, ownMark?: OutValue): CellOut[] {
  const dated = start !== null && finish !== null && start <= finish;
  return band.columns.map((col) => {
    const on = dated && inRange(col, start, finish);
    const out: CellOut = { value: on ? (ownMark ?? band.mark) : null };
    const style = on ? (band.onStyle === null ? undefined : (ownStyle ?? band.onStyle)) : band.onStyle === null ? undefined : band.offStyle.get(col.c);
    if (style !== undefined) out.style = style;
    return out;
  });
}

/** The bar format a template row already has (its most common format on its bar's cells), if any. */
export function rowBarStyle(band: GanttBand, rec: BandRecord, styleAt: (row: number, c: number) => number): number | undefined {
  if (band.onStyle === null || rec.start === null || rec.finish === null) return undefined;
  const seen = new Map<number, number>();
  for (const col of band.columns) {
    if (!inRange(col, rec.start, rec.finish)) continue;
    const s = styleAt(rec.row, col.c);
    if (s !== band.offStyle.get(col.c)) countUp(seen, s);
  }
  return mostCommon(seen);
}

/**
 * The mark a template row already draws its bar with (its most common mark in the band), if the band
 * draws marks: ■予定 ●実績 — a done task's ● stays ● when its bar moves, a planned task's ■ stays ■
 * (the band's most common mark is one of them only).
 */
export function rowBarMark(band: GanttBand, rec: BandRecord, ix: SheetIndex): OutValue | undefined {
  if (band.mark === null) return undefined;
  const seen = new Map<string, number>();
  const cells = new Map<string, Cell>();
  for (const col of band.columns) {
    const x = ix.cell(rec.row, col.c);
    if (x === undefined || x.v === null || x.v === undefined || String(x.v).trim() === '') continue;
    const k = `${x.t}:${String(x.v)}`;
    countUp(seen, k);
    cells.set(k, x);
  }
  const k = mostCommon(seen);
  return k === undefined ? undefined : outValue(cells.get(k)!);
}
