// A client's gantt drawn by hand beside its table (ガントチャート: one column per day or per week
// under a row of dates, the bar as filled cells or as ■/○ marks): when a task's dates change, its bar
// is painted again the way this client paints it. The band's rule is learned from the template's own
// rows (which cells are filled for which dates) and used only when the template follows it; a band
// the sheet draws itself (formulas, conditional formats) varies nothing per row and is never found.
import type { Cell } from '../../../common/excel/model.js';
import type { SheetIndex } from '../../../common/excel/sheet-index.js';
import type { CellOut, OutValue } from '../../excel/template/index.js';

/** One column of the band and the days it stands for: Excel serials, inclusive. */
export interface BandColumn {
  c: number;
  from: number;
  to: number;
}

/** How the client paints a bar: a format of its own on the bar's cells, a mark in them, or both. */
export interface GanttBand {
  columns: BandColumn[];
  /** The format of a bar cell (the most common one), and of an empty cell per column (weekends shaded). */
  onStyle: number | null;
  offStyle: Map<number, number>;
  /** The mark written in a bar cell (■, ○, 1), or null when bars are fills alone. */
  mark: OutValue;
}

/** A template record with its dates as serials (null when a date is missing). */
export interface BandRecord {
  /** 0-based sheet row. */
  row: number;
  start: number | null;
  finish: number | null;
}

const MIN_RUN = 5;
/** Share of the bar cells, and of the other cells, of dated rows that must follow the learned rule. */
const AGREEMENT = 0.9;

const serialOf = (cell: Cell | undefined): number | null =>
  cell && (cell.t === 'd' || cell.t === 'n') && typeof cell.v === 'number' && cell.v >= 20_000 && cell.v <= 2_958_465 ? Math.floor(cell.v) : null;

/**
 * The longest run of columns holding rising dates (each a day or the first day of a week or month)
 * in the rows at or above the header's last row, outside the table's own columns.
 */
export function findBandColumns(ix: SheetIndex, lastHeaderRow: number, tableColumns: Set<number>): BandColumn[] | null {
  let best: { c: number; serials: number[] } | null = null;
  for (let r = 0; r <= lastHeaderRow; r++) {
    const row = ix.row(r);
    if (!row) continue;
    let run: { c: number; serials: number[] } | null = null;
    const close = () => {
      if (run && run.serials.length >= MIN_RUN && (!best || run.serials.length >= best.serials.length)) best = run;
      run = null;
    };
    let prevCol = -2;
    for (const cell of row.cells) {
      const s = tableColumns.has(cell.c) ? null : serialOf(cell);
      const last = run?.serials.at(-1);
      const step = last === undefined ? 0 : s! - last;
      if (s === null || cell.c !== prevCol + 1 || (run && (step < 1 || step > 31))) close();
      if (s !== null) {
        if (!run) run = { c: cell.c, serials: [] };
        run.serials.push(s);
      }
      prevCol = cell.c;
    }
    close();
  }
  const found = best as { c: number; serials: number[] } | null;
  if (!found) return null;
  const { c, serials } = found;
  const lastStep = serials.length > 1 ? serials.at(-1)! - serials.at(-2)! : 1;
  return serials.map((from, k) => ({ c: c + k, from, to: (serials[k + 1] ?? from + lastStep) - 1 }));
}

const inRange = (col: BandColumn, start: number, finish: number) => col.from <= finish && col.to >= start;

const countUp = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const mostCommon = <K>(m: Map<K, number>): K | undefined => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

/**
 * The band's rule, learned from the template's dated records: which format and/or mark the cells of a
 * bar have. Null when the band is not painted per row, or not by the records' dates (a band of
 * formulas, a band the client paints by other rules, too few dated rows to tell).
 */
export function learnBand(ix: SheetIndex, columns: BandColumn[], records: BandRecord[], styleAt: (row: number, c: number) => number): GanttBand | null {
  const dated = records.filter((r) => r.start !== null && r.finish !== null && r.start <= r.finish);
  if (dated.length < 3) return null;
  const cells: { on: boolean; style: number; value: Cell | undefined; c: number }[] = [];
  for (const r of dated)
    for (const col of columns) {
      const value = ix.cell(r.row, col.c);
      if (value?.f) return null; // the sheet draws its bars itself
      cells.push({ on: inRange(col, r.start!, r.finish!), style: styleAt(r.row, col.c), value, c: col.c });
    }
  const onCount = cells.filter((x) => x.on).length;
  if (onCount < 3 || onCount === cells.length) return null;
  // The rule must hold on both sides: most bar cells look like a bar, and most others do not.
  const agreement = (isOn: (x: (typeof cells)[number]) => boolean) => {
    const on = cells.filter((x) => x.on);
    const off = cells.filter((x) => !x.on);
    return Math.min(on.filter(isOn).length / on.length, off.filter((x) => !isOn(x)).length / off.length);
  };

  // Formats seen more on bar cells than off them are the bar's.
  const styleBalance = new Map<number, number>();
  for (const x of cells) styleBalance.set(x.style, (styleBalance.get(x.style) ?? 0) + (x.on ? 1 : -1));
  const barStyles = new Set([...styleBalance].filter(([, n]) => n > 0).map(([s]) => s));
  const byFill = barStyles.size > 0 && agreement((x) => barStyles.has(x.style)) >= AGREEMENT;
  const hasMark = (x: (typeof cells)[number]) => x.value !== undefined && String(x.value.v).trim() !== '';
  const byMark = agreement(hasMark) >= AGREEMENT;
  // Text on a fill band (a label over the bar) would be lost by repainting: leave such a band alone.
  if (!byFill && !byMark) return null;
  if (!byMark && cells.some(hasMark)) return null;

  const onStyles = new Map<number, number>();
  const offStyles = new Map<number, Map<number, number>>();
  const marks = new Map<string, number>();
  const markCell = new Map<string, Cell>();
  for (const x of cells) {
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
  return { columns, onStyle: byFill ? (mostCommon(onStyles) ?? null) : null, offStyle, mark };
}

function outValue(cell: Cell): OutValue {
  if (cell.t === 's') return { t: 's', v: String(cell.v) };
  if (cell.t === 'b') return { t: 'b', v: Boolean(cell.v) };
  return typeof cell.v === 'number' ? { t: 'n', v: cell.v } : { t: 's', v: String(cell.v) };
}

/**
 * The band's cells for a task's dates. `ownStyle` is the bar format the row already has (a client
 * colours critical or late tasks its own way): kept when the bar moves.
 */
export function barCells(band: GanttBand, start: number | null, finish: number | null, ownStyle?: number): CellOut[] {
  const dated = start !== null && finish !== null && start <= finish;
  return band.columns.map((col) => {
    const on = dated && inRange(col, start, finish);
    const out: CellOut = { value: on ? band.mark : null };
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
