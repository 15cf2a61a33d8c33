// A1 references and the one row transform the writer applies when a table grows: rows from `at` on
// move down `by` rows (inserted rows), and ranges that cover the table's data region grow to its new
// last row. Both are plain functions on row numbers so formulas, sqrefs, anchors and names all move
// by the same rule.
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../limits.js';

/** 'E' → 4 (0-based); -1 when not letters. */
export function colIndex(letters: string): number {
  let c = 0;
  for (let i = 0; i < letters.length; i++) {
    const ch = letters.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) return -1;
    c = c * 26 + (ch - 96);
  }
  return c - 1;
}

const COL_NAMES: string[] = [];
/** 4 → 'E'. */
export function colName(c: number): string {
  const cached = COL_NAMES[c];
  if (cached) return cached;
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (c < 1024) COL_NAMES[c] = s;
  return s;
}

/** 'B3' / '$B$3' → { row: 3 (1-based), col: 1 (0-based) }; null when malformed or off the grid. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const col = colIndex(m[1]!);
  const row = Number(m[2]);
  if (row < 1 || row > EXCEL_MAX_ROWS || col < 0 || col >= EXCEL_MAX_COLUMNS) return null;
  return { row, col };
}

/** How the rows of one sheet move: see the file comment. */
export interface Resize {
  /** The sheet whose rows move, as the workbook names it. */
  sheet: string;
  /** First row (1-based) that moves down; rows above stay. */
  at: number;
  /** Rows inserted at `at` (0: nothing moves, ranges may still grow). */
  by: number;
  /** A range starting at or above this row… */
  growFirst: number;
  /** …and ending on this row (the template's last data row) covers the data region… */
  growEnd: number;
  /** …and is made to end here (the new last data row). */
  growTo: number;
}

/** Content (a row with cells) would be pushed past the last row of the sheet. */
export class RowOverflow extends Error {}

/** A row after the resize; may exceed the grid (callers clamp a range's end or write #REF!). */
export function shiftRow(r: number, z: Resize): number {
  return z.by <= 0 || r < z.at ? r : r + z.by;
}

/**
 * A row span [r1, r2] after the resize; `grow` allows the data-region growth. A range reaching the
 * last row of the sheet (A2:A1048576) keeps ending there, as in Excel.
 */
export function resizeSpan(r1: number, r2: number, z: Resize, grow: boolean): [number, number] {
  const a = shiftRow(r1, z);
  let b = Math.min(shiftRow(r2, z), EXCEL_MAX_ROWS);
  if (grow && r1 <= z.growFirst && r2 === z.growEnd && z.growTo > b) b = z.growTo;
  return [a, b];
}

/**
 * One range or cell of an sqref-like list ("A1", "A1:C3", "A:A", "1:3"), resized. Returns the text
 * unchanged (same string) when nothing moves.
 */
export function resizeRangeText(text: string, z: Resize, grow: boolean): string {
  const m = /^(\$?[A-Za-z]{1,3})?(\$?)(\d{1,7})?(?::(\$?[A-Za-z]{1,3})?(\$?)(\d{1,7})?)?$/.exec(text);
  if (!m) return text;
  const [, c1 = '', d1, r1s, c2, d2, r2s] = m;
  if (r1s === undefined) return text; // whole columns: rows never change
  const r1 = Number(r1s);
  const r2 = r2s === undefined ? r1 : Number(r2s);
  const [a0, b] = resizeSpan(r1, r2, z, grow);
  const a = Math.min(a0, EXCEL_MAX_ROWS);
  if (a === r1 && b === r2) return text;
  if (r2s === undefined) return a === b ? `${c1}${d1}${a}` : `${c1}${d1}${a}:${c1}${d1}${b}`;
  return `${c1}${d1}${a}:${c2 ?? ''}${d2}${b}`;
}

/** A space-separated list of ranges (sqref), resized; the same string when nothing moved. */
export function resizeSqref(sqref: string, z: Resize, grow: boolean): string {
  let changed = false;
  const parts = sqref.split(/(\s+)/).map((p) => {
    if (p.trim() === '') return p;
    const q = resizeRangeText(p, z, grow);
    if (q !== p) changed = true;
    return q;
  });
  return changed ? parts.join('') : sqref;
}

/** Sheet names compare as Excel compares them: case-insensitively. */
export function sameSheet(a: string, b: string): boolean {
  return a === b || a.toLocaleUpperCase('en-US') === b.toLocaleUpperCase('en-US');
}
