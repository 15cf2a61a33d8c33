// A WBS numbered in one column per level (大 | 中 | 小, L1 | L2 | L3, Lv1 | Lv2 …: 1 | 1 | 2 for task 1.1.2,
// 1 | 1 | — for its group, 1 | — | — for its phase): the numbers of a row are its outline code, its depth
// the last column it fills. Some clients repeat the parents' numbers on every row, others write each
// number once (— | 1 | — under the phase's 1): a number left out is the row above's. One rule for every
// reader of it: detection (which adjacent columns are such a set, by their cells, whatever their words),
// the import (the code of each row), and the export (the numbers written back as the tree now is).
import type { Cell } from '../../../common/excel/model.js';

/** The whole number a cell shows (typed, a formula's result, or digits as text, １ in full width); null for anything else. */
export function levelNumber(cell: Cell | undefined): number | null {
  if (cell?.t === 'n' && typeof cell.v === 'number') return Number.isInteger(cell.v) && cell.v >= 0 && cell.v <= 999 ? cell.v : null;
  if (cell?.t !== 's') return null;
  const digits = String(cell.v).normalize('NFKC').trim();
  return /^\d{1,3}$/.test(digits) ? Number(digits) : null;
}

const blank = (cell: Cell | undefined) => cell === undefined || cell.v === null || (cell.t === 's' && String(cell.v).trim() === '');

/**
 * The code of a row from its cells in the level columns ('1.1.2'), the numbers it leaves out taken from
 * the row above's code (`above`, its parts); null when the row fills none of them, or fills one with
 * something other than a whole number, or leaves out a number nothing above gives.
 */
export function levelNumbersCode(cells: (Cell | undefined)[], above: readonly number[] | null): number[] | null {
  let last = -1;
  for (let k = cells.length - 1; k >= 0 && last < 0; k--) if (!blank(cells[k])) last = k;
  if (last < 0) return null;
  const parts: number[] = [];
  for (let k = 0; k <= last; k++) {
    const n = blank(cells[k]) ? (above?.[k] ?? null) : levelNumber(cells[k]);
    if (n === null) return null;
    parts.push(n);
  }
  return parts;
}

/**
 * Whether `code` comes after `before` in an outline numbered this way: its first child (one level deeper,
 * the same numbers before), or a later number at some level with the same numbers before it: the next
 * sibling there, or that branch's first row opened straight at a deeper level (2.1.1 after 1.2.3 with no
 * row 2: the numbers after the new one are 1s). A row number beside the set (No. 2 | 1 | 1 after
 * No. 1 | 1) follows by the first rule now and then, not row after row.
 */
export function follows(before: readonly number[] | null, code: readonly number[]): boolean {
  if (before === null) return true;
  for (let k = 0; k < code.length; k++) {
    if (k === before.length) return code.length === before.length + 1;
    if (code[k]! > before[k]!) return code.slice(k + 1).every((n) => n === 1);
    if (code[k]! < before[k]!) return false;
  }
  return false;
}

/** Rows of sample cells a set must fill (fewer tell nothing), and the share of them that must number in outline order. */
const LEAST_ROWS = 3;
const IN_ORDER = 0.8;

/**
 * Whether adjacent columns (their cells row by row, `columns[k][i]` the cell of column k on sample row i)
 * number the rows' outline: every filled cell a whole number, each column filled on some row, rows ending
 * at two or more different columns (a phase, its tasks), and four rows in five numbered in outline order.
 */
export function numbersOutline(columns: (Cell | undefined)[][]): boolean {
  // Each column numbers some row: an empty column beside the set is no level of it.
  if (columns.length < 2 || columns.some((col) => col.every(blank))) return false;
  const rows = columns[0]!.length;
  let above: number[] | null = null;
  let filled = 0;
  let inOrder = 0;
  const depths = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const cells = columns.map((col) => col[i]);
    if (cells.every(blank)) continue;
    if (cells.some((c) => !blank(c) && levelNumber(c) === null)) return false;
    filled++;
    const code = levelNumbersCode(cells, above);
    if (code === null) continue;
    depths.add(code.length);
    if (follows(above, code)) inOrder++;
    above = code;
  }
  return filled >= LEAST_ROWS && depths.size >= 2 && inOrder >= IN_ORDER * filled;
}

/**
 * The widest run of adjacent columns among `columns` (0-based sheet columns, in order, each one column
 * wide) that numbers the outline, as [first index, last index] into `columns`; null when none does. The
 * widest that does: a row number beside the set (No. 1, 2, 3 …) breaks the outline order and is left out.
 */
export function levelNumberRun(columns: { c: number; cells: (Cell | undefined)[] }[]): [number, number] | null {
  let best: [number, number] | null = null;
  for (let a = 0; a < columns.length; a++)
    for (let b = a + 1; b < columns.length && columns[b]!.c === columns[b - 1]!.c + 1; b++) {
      if (best && b - a <= best[1] - best[0]) continue;
      if (numbersOutline(columns.slice(a, b + 1).map((x) => x.cells))) best = [a, b];
    }
  return best;
}

/**
 * Each row's code from its cells in the level columns (rows in sheet order: a number a row leaves out is
 * the row above's), and whether the client repeats the parents' numbers on each row (1 | 1 | 2) rather
 * than writing each once (— | — | 2): null when some cell holds anything but a whole number (a WBS
 * header merged over a code written whole, 1.2, and a blank).
 */
export function levelNumberCodes(rows: (Cell | undefined)[][]): { codes: (number[] | null)[]; repeat: boolean } | null {
  if (rows.some((row) => row.some((cell) => !blank(cell) && levelNumber(cell) === null))) return null;
  let above: number[] | null = null;
  let deep = 0;
  let repeated = 0;
  const codes = rows.map((row) => {
    const code = levelNumbersCode(row, above);
    if (code === null) return null;
    if (code.length > 1) {
      deep++;
      if (row.slice(0, code.length - 1).every((cell) => !blank(cell))) repeated++;
    }
    above = code;
    return code;
  });
  return { codes, repeat: deep === 0 || repeated * 2 >= deep };
}
