// The form's own row numbering: No. 1, 2, 3 … typed down the rows of a table (項目番号 小 running on into
// the prepared blank rows, 順位 down the records), as opposed to data of the records. One rule for every
// reader of it: the import (such a column is no record's data, and a row holding nothing but its number is
// a prepared blank row), a blank form's numbered rows (a record filling one takes its number), and the
// export (which keeps the numbers running down the rows, whatever moved: profile-export.ts).
import type { Cell, Row } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';
import { NUMBER_LABEL } from './detect.js';

/**
 * The number a cell shows (typed, or a formula's result, or digits typed as text: a form printing its
 * numbers in full width, １, ２, ３, blind G15); null for any other cell.
 */
export function shownNumber(cell: Cell | undefined): number | null {
  if (cell?.t === 'n' && typeof cell.v === 'number') return cell.v;
  if (cell?.t !== 's') return null;
  const digits = String(cell.v).normalize('NFKC').trim();
  return /^\d{1,6}$/.test(digits) ? Number(digits) : null;
}

/** A number `n` written as the form prints its numbers in `like` (a number, or text in half or full width). */
export function numberLike(like: Cell | undefined, n: number): { t: 'n'; v: number } | { t: 's'; v: string } {
  if (like?.t !== 's') return { t: 'n', v: n };
  const text = String(like.v).trim();
  const full = /[\uff10-\uff19]/.test(text);
  // Zero-padded as the client's cell is (001, ０１): as wide as its digits.
  const digits = text.normalize('NFKC');
  const plain = /^0\d+$/.test(digits) ? String(n).padStart(digits.length, '0') : String(n);
  return { t: 's', v: full ? plain.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : plain };
}

/** A running number: at least `least` whole numbers, each one more than the one before (1, 2, 3 …; not 1.1, 2.1, 3.1). */
export function runsByOne(numbers: readonly number[], least: number): boolean {
  return numbers.length >= least && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1]! + 1));
}

const blankCell = (x: Cell | undefined) => x === undefined || x.v === null || x.v === undefined || (x.t === 's' && String(x.v).trim() === '');

/**
 * Whether column c numbers the rows `rows` (0-based, in order) the form's way: the cells that hold
 * anything there are typed numbers (a formula numbers its rows itself, =ROW()-4, and is copied as one),
 * at least `least` of them, running by one; with `every`, each of the rows holds one. (Digits typed as
 * text count: a form printing them in full width.)
 */
export function numbersRows(ix: SheetIndex, rows: readonly number[], c: number, least: number, every = false): boolean {
  const cells = rows.map((r) => ix.cell(r, c));
  const filled = cells.filter((x) => !blankCell(x));
  if ((every && filled.length < cells.length) || filled.some((x) => shownNumber(x) === null || !!x!.f)) return false;
  return runsByOne(filled.map((x) => shownNumber(x)!), least);
}

/**
 * How many rows from `first` (0-based) on hold nothing but a running number in column c (1, 2, 3 …,
 * typed or a formula's result): a blank form's prepared rows.
 */
export function numberedBlankRows(ix: SheetIndex, first: number, c: number): number {
  const numbers: number[] = [];
  for (let r = first; ; r++) {
    const cells = (ix.row(r)?.cells ?? []).filter((x) => !blankCell(x));
    const n = cells.length === 1 && cells[0]!.c === c ? shownNumber(cells[0]) : null;
    if (n === null || !runsByOne([...numbers, n], 1)) return numbers.length;
    numbers.push(n);
  }
}

/**
 * Whether a column no field takes counts the rows below the header (1, 2, 3 … under 項目番号 小, typed or
 * by formula, among whatever else the column holds): numbering, so a row holding only its number is a
 * template's numbered blank row, not a record.
 */
export function countsDown(ix: SheetIndex, headerBottom: number, c: number): boolean {
  const numbers: number[] = [];
  for (let r = headerBottom + 1; r <= headerBottom + 200; r++) {
    const n = shownNumber(ix.cell(r, c));
    if (n !== null) numbers.push(n);
  }
  return runsByOne(numbers, 3);
}

/**
 * Whether a column's header lets its running numbers be the form's numbering: no header at all, or a
 * numbering word in it (No., #, 番号, 項番, 項目番号 over 大/中/小). A header that names something else
 * (Rank, 順位, 優先 / 順位) says the numbers are data the client ranked its records by: they stay the
 * record's, however they happen to run down the rows today.
 */
export function numberingHeader(label: string): boolean {
  const parts = label.split(' / ').map((p) => p.normalize('NFKC').trim()).filter((p) => p !== '');
  return parts.length === 0 || parts.some((p) => NUMBER_LABEL.test(p) || /^(?:項目|整理|行)?番号$/.test(p));
}

/**
 * Numbers in column `c` of `rows` that start again in each section (1, 2, 3 under 第5回定例, 1, 2 under
 * 第6回定例 …; blind set 8, B5): two or more runs, each counting up by one from the same first number (0 or
 * 1), each new run right under a row holding one value alone — the section's title. They number the rows of
 * each section, so no number names a record: as IDs, every section's rows after the first were lost as
 * duplicates. (Numbers starting again under another table's header are that table's.)
 */
export function restartsPerSection(rows: readonly Row[], c: number): boolean {
  const runs: number[][] = [];
  let cells = 0;
  let prev: Row | undefined;
  for (const row of rows) {
    const cell = row.cells.find((x) => x.c === c);
    const n = shownNumber(cell);
    if (cell && !blankCell(cell)) cells++;
    if (n !== null) {
      const run = runs[runs.length - 1];
      if (run && n === run[run.length - 1]! + 1) run.push(n);
      else if (run && !(prev?.r === row.r - 1 && prev.cells.filter((x) => !blankCell(x)).length === 1)) return false;
      else runs.push([n]);
    }
    prev = row;
  }
  const numbers = runs.reduce((k, run) => k + run.length, 0);
  if (numbers < 4 || numbers * 2 < cells) return false;
  const start = runs[0]![0]!;
  return runs.length >= 2 && (start === 0 || start === 1) && runs.every((run) => run[0] === start) && runs.some((run) => run.length >= 2);
}
