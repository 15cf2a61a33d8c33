// A client's gantt drawn by hand beside its table (ガントチャート: one column per day or per week
// under a row of dates, the bar as filled cells or as ■/○ marks): when a task's dates change, its bar
// is painted again the way this client paints it. The band's rule is learned from the template's own
// rows (which cells are filled for which dates) and used only when the template follows it; a band
// the sheet draws itself (formulas, conditional formats) varies nothing per row and is never found.
import { isoToSerial, serialToIso, ymd } from '../../../common/excel/client-dates.js';
import type { Cell } from '../../../common/excel/model.js';
import type { SheetIndex } from '../../excel/import/sheet-index.js';
import { daysOfMonth, MIN_RUN, monthDay, serialBand, textMonthDay, weeksOfMonth, type BandColumn } from '../../excel/import/date-grid.js';
import type { CellOut, OutValue } from '../../excel/template/index.js';
import { nationalHolidays } from '../../schedule/holidays.js';
import { weekLabelBands } from './gantt-week-labels.js';
import { DEFAULT_CALENDAR, workCalendar, type WorkCalendar } from '../../../common/schedule/calendar.js';

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
  /** Day columns a bar leaves blank (土日, holidays: a client that paints working days only), by sheet column. */
  skip: Set<number>;
  /**
   * A bar's days from its task's dates: the dates themselves, or (a client whose bars leave out a week
   * or day the task only has days off in) its first to last working day. Null: no day to paint.
   */
  span: Span;
}

/** Serial dates of a task → the serial days its bar covers, or null when none. */
export type Span = (start: number, finish: number) => [number, number] | null;
const wholeSpan: Span = (start, finish) => [start, finish];

/**
 * The span of a task's working days by the project's calendar (its working weekdays, holidays, company
 * days off and extra working days; the client's rows decide whether its bars follow it).
 */
function workingSpan(calendar: WorkCalendar, date1904: boolean): Span {
  const offset = isoToSerial('1970-01-01', date1904)!;
  return (start, finish) => {
    const [a, b] = [calendar.dayAt(calendar.onOrAfter(start - offset)), calendar.dayAt(calendar.onOrBefore(finish - offset))];
    return a <= b ? [a + offset, b + offset] : null;
  };
}

/** Whether a band column is on a bar over these dates. */
export function onBar(band: Pick<GanttBand, 'skip' | 'span'>, col: BandColumn, start: number | null, finish: number | null): boolean {
  if (start === null || finish === null || start > finish || band.skip.has(col.c)) return false;
  const days = band.span(start, finish);
  return days !== null && inRange(col, days[0], days[1]);
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
 * the run), or the days of the month (1, 2 … 31, 1, 2 …, or each week's first: 7, 14, 21, 28, 5 …) under
 * a month the row does not give. Where
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
      if (days.every((x) => x !== null) && (daysOfMonth(days as number[]) || weeksOfMonth(days as number[])) && (!bestDays || run.cells.length >= bestDays.days.length)) bestDays = { c: run.c, days: days as number[] };
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
    const step = daysOfMonth(days) ? 1 : 7; // a column per day, or per week (its first day's number)
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
      if (days.every((d, k) => dayOfSerial(serial + step * k, date1904) === d)) out.push(days.map((_, k) => ({ c: c + k, from: serial + step * k, to: serial + step * k + step - 1 })));
    }
  }
  return out;
}

/**
 * Every band the heads right of the table may be — dates, text dates, days of a month (bandCandidates),
 * week numbers (weekLabelBands) — for the template's dated records, best first. The export paints the
 * first one the records follow (learnBand).
 */
export function ganttBandCandidates(ix: SheetIndex, lastHeaderRow: number, tableColumns: Set<number>, records: BandRecord[], date1904 = false): BandColumn[][] {
  const dates = records.flatMap((r) => [r.start, r.finish].filter((d): d is number => d !== null));
  return [...bandCandidates(ix, lastHeaderRow, tableColumns, dates, date1904), ...weekLabelBands(ix, lastHeaderRow, tableColumns, records, date1904)];
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

export const inRange = (col: BandColumn, start: number, finish: number) => col.from <= finish && col.to >= start;

const countUp = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const mostCommon = <K>(m: Map<K, number>): K | undefined => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

/**
 * The band's rule, learned from the template's dated records: which format and/or mark the cells of a
 * bar have, and which day columns a bar leaves blank (a client that paints working days only skips
 * 土日 and holidays inside a bar). Null when the band is not painted per row, or not by the records'
 * dates (a band of formulas, a band the client paints by other rules, too few dated rows to tell).
 * Each rule of skipped days (none, the columns the client shades, weekends, weekends and national
 * holidays) is tried; the one the most rows follow, with the fewest cells against it, wins, and the
 * simplest on a tie: a template whose bars never cross a weekend says nothing, and its bars stay whole.
 */
export function learnBand(ix: SheetIndex, columns: BandColumn[], records: BandRecord[], styleAt: (row: number, c: number) => number, date1904 = false, calendar: WorkCalendar = defaultCalendar(), minRows = MIN_ROWS): GanttBand | null {
  for (const r of records) {
    if (r.start === null || r.finish === null || r.start > r.finish) continue;
    for (const col of columns) if (ix.cell(r.row, col.c)?.f) return null; // the sheet draws its bars itself
  }
  let best: { band: GanttBand; against: number } | null = null;
  for (const span of [wholeSpan, workingSpan(calendar, date1904)])
    for (const skip of skipCandidates(ix, columns, records, date1904)) {
      const found = learnWith(ix, columns, records, styleAt, { skip, span }, minRows);
      if (found && (!best || found.band.followers.size > best.band.followers.size || (found.band.followers.size === best.band.followers.size && found.against < best.against))) best = found;
    }
  return best?.band ?? null;
}

let defaults: WorkCalendar | undefined;
/** Mon–Fri, Japan's national holidays and 年末年始 off: a project's calendar until it is changed. */
const defaultCalendar = () => (defaults ??= workCalendar(DEFAULT_CALENDAR, nationalHolidays()));

/** Share of the record rows a column must be filled in, outside their bars, to be shaded (a day off). */
const SHADED = 0.6;

/**
 * The rules of skipped day columns to try, simplest first: none; the day columns the client shades
 * (filled, outside the bars, in most record rows, with other than the band's usual fill: 土日, 祝日, 年末年始
 * as this client marks them); Saturdays and Sundays; those and Japan's national holidays (only where a
 * template bar leaves a holiday blank: a client may work 海の日).
 * Week and month columns always hold working days, so they are never skipped.
 */
function skipCandidates(ix: SheetIndex, columns: BandColumn[], records: BandRecord[], date1904: boolean): Set<number>[] {
  const days = columns.filter((col) => col.from === col.to);
  const out: Set<number>[] = [new Set()];
  if (days.length === 0) return out;
  const iso = (serial: number) => serialToIso(serial, date1904) ?? '';
  const weekday = (serial: number) => new Date(`${iso(serial)}T00:00:00Z`).getUTCDay();
  const weekend = new Set(days.filter((col) => weekday(col.from) === 0 || weekday(col.from) === 6).map((col) => col.c));
  const holidays = nationalHolidays();
  const offDays = new Set([...weekend, ...days.filter((col) => holidays[iso(col.from)] !== undefined).map((col) => col.c)]);
  const shaded = shadedColumns(ix, days, records);
  const key = (s: Set<number>) => [...s].sort((a, b) => a - b).join(',');
  const seen = new Set([key(out[0]!)]);
  for (const s of [shaded, weekend, offDays])
    if (!seen.has(key(s))) {
      seen.add(key(s));
      out.push(s);
    }
  return out;
}

/** Day columns filled, outside the records' bars, in SHADED of the rows or more, with a fill other than the band's usual one. */
function shadedColumns(ix: SheetIndex, days: BandColumn[], records: BandRecord[]): Set<number> {
  const f = ix.sheet.fills;
  if (!f) return new Set();
  const fills = new Map<string, number>();
  for (let k = 0; k + 2 < f.length; k += 3) fills.set(`${f[k]}:${f[k + 1]}`, f[k + 2]!);
  const perColumn = new Map<number, Map<number, number>>();
  const rowsOff = new Map<number, number>();
  const usual = new Map<number, number>();
  for (const r of records)
    for (const col of days) {
      if (r.start !== null && r.finish !== null && inRange(col, r.start, r.finish)) continue;
      countUp(rowsOff, col.c);
      const fill = fills.get(`${r.row}:${col.c}`) ?? -1;
      countUp(usual, fill);
      countUp(perColumn.get(col.c) ?? perColumn.set(col.c, new Map()).get(col.c)!, fill);
    }
  const base = mostCommon(usual);
  const out = new Set<number>();
  for (const [c, m] of perColumn) {
    const fill = mostCommon(m)!;
    if (fill !== -1 && fill !== base && m.get(fill)! >= Math.max(MIN_ROWS, rowsOff.get(c)! * SHADED)) out.add(c);
  }
  return out;
}

/** The band's rule with `skip` (day columns a bar leaves blank) and `span`, and how many of its followers' cells are against it. */
function learnWith(ix: SheetIndex, columns: BandColumn[], records: BandRecord[], styleAt: (row: number, c: number) => number, rule: Pick<GanttBand, 'skip' | 'span'>, minRows: number): { band: GanttBand; against: number } | null {
  type BandCell = { on: boolean; style: number; value: Cell | undefined; c: number };
  const rows = new Map<number, BandCell[]>();
  for (const r of records) {
    if (r.start === null || r.finish === null || r.start > r.finish) continue;
    const cells: BandCell[] = [];
    for (const col of columns) cells.push({ on: onBar(rule, col, r.start, r.finish), style: styleAt(r.row, col.c), value: ix.cell(r.row, col.c), c: col.c });
    // A task outside the band's days (or on its skipped days only) says nothing about how a bar looks.
    if (cells.some((x) => x.on)) rows.set(r.row, cells);
  }
  if (rows.size < minRows) return null;
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
    return out.size >= minRows && out.size >= rows.size * FOLLOWING ? out : null;
  };
  const byFill = barStyles.size > 0 ? following(filled) : null;
  const byMark = following(hasMark);
  if (!byFill && !byMark) return null;
  // Text on a fill band (a label over the bar) would be lost by repainting: leave such a band alone.
  // A mark of one symbol (◆ on a milestone's week, ★ on a bar's last day) is no label: it is a point of
  // its row's timeline, and moves with the row's dates (gantt-own-rows.ts, pointMarks).
  if (!byMark && all.some((x) => hasMark(x) && !isPointMark(x.value))) return null;
  const followers = byFill && byMark ? new Set([...byFill].filter((r) => byMark.has(r))) : (byFill ?? byMark)!;
  const looksOn = (x: BandCell) => (byFill ? filled(x) : true) && (byMark ? hasMark(x) : true);
  let against = 0;
  for (const row of followers) for (const x of rows.get(row)!) if (looksOn(x) !== x.on) against++;

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
  return { band: { columns, onStyle: byFill ? (mostCommon(onStyles) ?? null) : null, offStyle, mark, followers, ...rule }, against };
}

/** A cell holding one symbol (◆ ● ▲ ★ ◎), not a letter or digit: a point drawn on a row's timeline. */
export function isPointMark(cell: Cell | undefined): boolean {
  if (cell === undefined || cell.t !== 's') return false;
  const chars = [...String(cell.v).trim()];
  return chars.length === 1 && !/[\p{L}\p{N}]/u.test(chars[0]!);
}

export function outValue(cell: Cell): OutValue {
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
  return band.columns.map((col) => {
    const on = onBar(band, col, start, finish);
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
    if (!onBar(band, col, rec.start, rec.finish)) continue;
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
