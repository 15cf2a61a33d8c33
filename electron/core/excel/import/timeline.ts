// A gantt with no header words at all: a row of rising dates across (one column per day or week, often
// =E4+7) over an outline of names in the columns left of it (機能群 > 機能 > タスク, one column further
// right per level), the plan painted as cell fills in the date columns. Header-word detection finds
// nothing there; this reads the names as one name column over the outline's columns (the tree from
// their offsets) and leaves the date columns out as the gantt's grid. Used only where no table with
// header words is found, and with a low header confidence, so the dialog asks the user to check it.
import { columnLabel } from './header-rows.js';
import type { Cell } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';

/** Dates in a row, each a day to a month after the one left of it: a timeline. */
const MIN_DATES = 4;
/** Rows with a name under the timeline that make an outline worth reading. */
const MIN_NAMES = 3;
/** Rows under the timeline looked at. */
const LOOK_ROWS = 200;

const serialOf = (cell: Cell): number | null =>
  (cell.t === 'd' || cell.t === 'n') && typeof cell.v === 'number' && cell.v >= 20_000 && cell.v <= 2_958_465 ? Math.floor(cell.v) : null;

/** The first run of MIN_DATES or more adjacent cells holding rising dates in a row: its first column and length. */
function dateRun(cells: readonly Cell[]): { c: number; n: number } | null {
  let start = -1;
  let n = 0;
  let prev: { c: number; s: number } | null = null;
  for (const cell of cells) {
    const s = serialOf(cell);
    const step = prev && s !== null ? s - prev.s : 0;
    if (s !== null && prev && cell.c === prev.c + 1 && step >= 1 && step <= 31) n++;
    else {
      if (n >= MIN_DATES) return { c: start, n };
      start = s === null ? -1 : cell.c;
      n = s === null ? 0 : 1;
    }
    prev = s === null ? null : { c: cell.c, s };
  }
  return n >= MIN_DATES ? { c: start, n } : null;
}

const isText = (cell: Cell) => cell.t === 's' && (cell.v as string).trim() !== '';
/** A mark or a short code in a gantt cell (■, ○, 1, ◆), not a status written out. */
const isMark = (cell: Cell) => !isText(cell) || (cell.v as string).trim().length <= 2;

/**
 * The timeline table whose date row is `row` (0-based), or the first such table on the sheet when
 * `row` is absent: the name column over the outline's columns, left of the dates. Null when the row
 * has header words left of its dates, or fewer than MIN_NAMES rows under it name something, or the
 * names are no outline (one column), or the date columns under it hold written text (a diary of
 * statuses per day) or a value on most days (a rota): no gantt.
 */
export function timelineTable(ix: SheetIndex, scanRows: number, row?: number): { top: number; name: ColumnMapping } | null {
  const rows = row === undefined ? ix.sheet.rows.slice(0, scanRows) : [ix.row(row)].filter((x) => x !== undefined);
  for (const r of rows) {
    const run = dateRun(r.cells);
    if (!run || r.cells.some((c) => c.c < run.c && isText(c))) continue;
    const below = ix.rowsBelow(r.r, LOOK_ROWS);
    let minC = Infinity;
    let names = 0;
    let written = 0;
    let filled = 0;
    const levels = new Set<number>();
    for (const x of below) {
      const left = x.cells.filter((c) => c.c < run.c && isText(c));
      if (left.length === 0) continue;
      names++;
      minC = Math.min(minC, ...left.map((c) => c.c));
      levels.add(left[0]!.c);
      const grid = x.cells.filter((c) => c.c >= run.c && c.c < run.c + run.n && !(c.t === 's' && (c.v as string).trim() === ''));
      filled += grid.length;
      if (grid.some((c) => !isMark(c))) written++;
    }
    // An outline (names at two levels or more), a grid mostly empty (bars are fills or a few marks):
    // a rota or an allocation table (names down, a value on most days) is none.
    if (names < MIN_NAMES || levels.size < 2 || written * 3 > names || filled > 0.5 * names * run.n) continue;
    const span = run.c - minC;
    return { top: r.r, name: { c: minC, span, column: columnLabel(minC, span), label: '', field: 'name', confidence: 0.5 } };
  }
  return null;
}
