// Rows of a hand-painted gantt that the band's rule does not hold on: the client drew them its own way
// (gaps by hand, a bar on its first and last day only, ◆ for a one-day task, a summary over its first
// days). When such a task's dates change, what a person reading the sheet must see — and what reading the
// band again must give — is a bar on the task's new days, drawn as this client draws that row.
import type { SheetIndex } from '../../excel/import/sheet-index.js';
import type { CellOut, OutValue } from '../../excel/template/index.js';
import { barCells, inRange, isPointMark, onBar, outValue, rowBarMark, rowBarStyle, type BandRecord, type GanttBand } from './gantt-marks.js';

/** The ways of drawing a bar other than the band's rule that the template's rows show. */
export interface OwnRules {
  /** Rows (0-based) that draw a bar of three or more columns on its first and last column only (FF .. FF). */
  endsOnly: Set<number>;
  /** How the template draws a one-day task where that differs from a bar's cell (◆ where bars are ■). */
  milestone: { value: OutValue; style?: number } | null;
}

type StyleAt = (row: number, c: number) => number;
/**
 * What a format paints a cell with (its fill: Styles.fillKey), by format; by default the format itself.
 * A row whose empty cells have a format of their own (another border, font or number format than the
 * column's usual empty cell) is not painted there: read by format alone, such a row was painted over the
 * whole band, so a task moved on it kept its old bar (corpus round trip seed 24, schedule-jp-fintansprint).
 */
export type FillOf = (style: number) => string;
const byFormat: FillOf = (style) => String(style);

/** Band indexes whose cells a bar over these dates covers (the days the band never paints left out). */
function reach(band: GanttBand, start: number | null, finish: number | null): number[] {
  return band.columns.flatMap((col, i) => (onBar(band, col, start, finish) ? [i] : []));
}

/** Band indexes a template row paints: a mark in the cell or, in a band of fills, a format other than the column's empty one. */
export function painted(band: GanttBand, row: number, ix: SheetIndex, styleAt: StyleAt, fillOf: FillOf = byFormat): number[] {
  return band.columns.flatMap((col, i) => {
    const x = ix.cell(row, col.c);
    const marked = x !== undefined && x.v !== null && x.v !== undefined && String(x.v).trim() !== '';
    return marked || (band.onStyle !== null && fillOf(styleAt(row, col.c)) !== fillOf(band.offStyle.get(col.c) ?? 0)) ? [i] : [];
  });
}

const key = (v: OutValue, style: number | undefined) => `${JSON.stringify(v)}|${style ?? ''}`;

/** The rules of OwnRules, read from every dated template row. */
export function learnOwnRules(band: GanttBand, records: BandRecord[], ix: SheetIndex, styleAt: StyleAt, fillOf: FillOf = byFormat): OwnRules {
  const endsOnly = new Set<number>();
  const looks = new Map<string, { value: OutValue; style?: number; n: number }>();
  for (const rec of records) {
    const want = reach(band, rec.start, rec.finish);
    const got = painted(band, rec.row, ix, styleAt, fillOf);
    if (want.length >= 3 && got.length === 2 && got[0] === want[0] && got[1] === want.at(-1)) endsOnly.add(rec.row);
    if (rec.start !== null && rec.start === rec.finish && want.length === 1 && got.length === 1 && got[0] === want[0]) {
      const c = band.columns[want[0]!]!.c;
      const cell = ix.cell(rec.row, c);
      const value = cell === undefined || cell.v === null || cell.v === undefined || String(cell.v).trim() === '' ? null : outValue(cell);
      const style = band.onStyle === null ? undefined : styleAt(rec.row, c);
      const k = key(value, style);
      const seen = looks.get(k) ?? looks.set(k, { value, style, n: 0 }).get(k)!;
      seen.n++;
    }
  }
  const look = [...looks.values()].sort((a, b) => b.n - a.n)[0];
  // Only a look of its own: a one-day bar drawn as any bar's cell needs no rule.
  const milestone = look && key(look.value, look.style) !== key(band.mark, band.onStyle ?? undefined) ? { value: look.value, ...(look.style !== undefined ? { style: look.style } : {}) } : null;
  return { endsOnly, milestone };
}

/**
 * A row the client painted its own way whose task moved by whole columns with its length kept: the
 * drawing moves with it, gaps and all, so its bar sits on the new days drawn as the client drew it (left
 * where it was, it showed the task on days it no longer has). Null where the move is no whole shift
 * (another length, a date outside the band): the row is then drawn again (ownBarCells) or kept (keepsDrawing).
 */
export function shiftedCells(band: GanttBand, rec: BandRecord, start: number | null, finish: number | null, ix: SheetIndex, styleAt: StyleAt): CellOut[] | null {
  if (rec.start === null || rec.finish === null || start === null || finish === null || finish - start !== rec.finish - rec.start) return null;
  const at = (serial: number) => band.columns.findIndex((col) => inRange(col, serial, serial));
  const [a0, a1, b0, b1] = [at(rec.start), at(rec.finish), at(start), at(finish)];
  if (a0 < 0 || a1 < 0 || b0 < 0 || b1 < 0 || b1 - b0 !== a1 - a0) return null;
  const off = (c: number): CellOut => {
    const style = band.onStyle === null ? undefined : band.offStyle.get(c);
    return style === undefined ? { value: null } : { value: null, style };
  };
  return band.columns.map((col, i) => {
    const from = band.columns[i - (b0 - a0)];
    // Outside the moved bar, and on a day the band never paints (土日 of a working-days band): empty.
    if (!from || i < b0 || i > b1 || band.skip.has(col.c)) return off(col.c);
    const x = ix.cell(rec.row, from.c);
    const value = x !== undefined && x.v !== null && x.v !== undefined && String(x.v).trim() !== '' ? outValue(x) : null;
    const style = styleAt(rec.row, from.c);
    if (value === null && (band.onStyle === null || style === band.offStyle.get(from.c))) return off(col.c);
    return band.onStyle === null ? { value } : { value, style };
  });
}

/**
 * Whether a row painted its own way keeps its drawing though its dates moved to another length: where
 * the drawing never showed the row's dates (its ends are not on them: a phase row painted across the
 * whole band, a summary over its first days or a week past its last, a note in paint) and none of it
 * lies on a day the row had and no longer has; or where the client drew no bar on the row at all. A
 * drawing on the row's own dates (gaps by hand, first and last day only) is drawn again.
 */
export function keepsDrawing(band: GanttBand, rec: BandRecord, shown: { start: number | null; finish: number | null }, start: number | null, finish: number | null, ix: SheetIndex, styleAt: StyleAt, fillOf: FillOf = byFormat): boolean {
  const got = painted(band, rec.row, ix, styleAt, fillOf);
  // No bar on a dated row is the client's choice; an undated row's first dates are drawn by the band's rule.
  if (got.length === 0) return shown.start !== null && shown.finish !== null;
  const was = reach(band, shown.start, shown.finish);
  if (was.length > 0 && got[0] === was[0] && got.at(-1) === was.at(-1)) return false;
  const [had, has] = [new Set(was), new Set(reach(band, start, finish))];
  return got.every((i) => !had.has(i) || has.has(i));
}

/**
 * A bar over new dates drawn as the row draws it: its own format and mark (a client colours a late task
 * red, marks a done one ●), on its first and last column only where it was drawn so and another row of
 * the sheet is too, and as the sheet's one-day tasks look (◆) where it is one day. A one-day row that
 * becomes longer takes the band's bar, not its ◆.
 */
export function ownBarCells(band: GanttBand, rules: OwnRules, rec: BandRecord | undefined, start: number | null, finish: number | null, ix: SheetIndex, styleAt: StyleAt): CellOut[] {
  const oneDay = start !== null && start === finish;
  const wasOneDay = rec !== undefined && rec.start !== null && rec.start === rec.finish;
  if (oneDay && !wasOneDay && rules.milestone) return barCells(band, start, finish, rules.milestone.style, rules.milestone.value);
  const own = rec !== undefined && oneDay === wasOneDay;
  const cells = barCells(band, start, finish, own ? rowBarStyle(band, rec, styleAt) : undefined, own ? rowBarMark(band, rec, ix) : undefined);
  const drawn = !own || !rules.endsOnly.has(rec.row) || rules.endsOnly.size < 2 ? cells : endsOnly(band, cells, start, finish);
  return own ? withPointMarks(band, rec, drawn, start, finish, ix) : drawn;
}

function endsOnly(band: GanttBand, cells: CellOut[], start: number | null, finish: number | null): CellOut[] {
  const on = reach(band, start, finish);
  const empty = barCells(band, null, null);
  return cells.map((x, i) => (i === on[0] || i === on.at(-1) ? x : empty[i]!));
}

/**
 * A band of fills whose row carries a one-symbol mark (◆ on a milestone's week, ★ on a bar's last day,
 * isPointMark) keeps it on the row's new dates: a mark on or after the bar's last column stays as far from
 * the new last column, one before it as far from the new first column (inside the new bar where it was
 * inside the old one). Repainted by fills alone, the row lost its ◆ and the reader saw no milestone.
 */
function withPointMarks(band: GanttBand, rec: BandRecord, cells: CellOut[], start: number | null, finish: number | null, ix: SheetIndex): CellOut[] {
  if (band.mark !== null) return cells;
  const [was, now] = [reach(band, rec.start, rec.finish), reach(band, start, finish)];
  if (was.length === 0 || now.length === 0) return cells;
  const [a0, a1, b0, b1] = [was[0]!, was.at(-1)!, now[0]!, now.at(-1)!];
  const out = cells.slice();
  band.columns.forEach((col, k) => {
    const x = ix.cell(rec.row, col.c);
    if (!isPointMark(x)) return;
    const to = k >= a1 ? b1 + (k - a1) : Math.min(b0 + (k - a0), k >= a0 ? b1 : Infinity);
    if (to >= 0 && to < out.length) out[to] = { ...out[to]!, value: outValue(x!) };
  });
  return out;
}
