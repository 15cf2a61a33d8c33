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
  /**
   * The data region rearranged block by block (records moved, removed, cloned): rows first..last move
   * to newOf[r - first] (0: the row is removed); rows below the region move by `by`.
   */
  remap?: Remap;
  /**
   * The table's own columns (0-based, inclusive): only cells and ranges within them move. Content
   * wholly in other columns (a master list or a people table beside the register) stays where it is.
   * Absent: whole rows move.
   */
  band?: [number, number];
}

/** Whether columns c1..c2 lie wholly outside the moving band (so a range over them stays where it is). */
export function outsideBand(z: Resize, c1: number, c2: number): boolean {
  if (!z.band || c1 < 0) return false;
  const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
  return hi < z.band[0] || lo > z.band[1];
}

/** Where each row of a rearranged region goes (see Resize.remap). */
export interface Remap {
  first: number;
  last: number;
  /** New row of each template row of the region; 0 when removed. */
  newOf: Int32Array;
  /** The region's new last row (first - 1 when it is empty now). */
  newLast: number;
  /** Copies of template rows src1..src2 placed from row `at` on: their per-block ranges are copied too. */
  clones: { src1: number; src2: number; at: number }[];
}

/** A new region layout: `order[i]` is the template row that becomes row first + i (clone: a copy of it). */
export function remapOf(first: number, last: number, order: { row: number; clone?: boolean }[]): Remap {
  const newOf = new Int32Array(Math.max(0, last - first + 1));
  const clones: Remap['clones'] = [];
  order.forEach((o, i) => {
    const at = first + i;
    if (o.clone) {
      const prev = clones[clones.length - 1];
      // Consecutive copies of consecutive rows are one copied block.
      if (prev && prev.src2 + 1 === o.row && prev.at + (prev.src2 - prev.src1) + 1 === at) prev.src2 = o.row;
      else clones.push({ src1: o.row, src2: o.row, at });
    } else if (o.row >= first && o.row <= last) newOf[o.row - first] = at;
  });
  return { first, last, newOf, newLast: first + order.length - 1, clones };
}

/** Whether a remap leaves every row where it is. */
export function isIdentity(m: Remap): boolean {
  if (m.clones.length > 0 || m.newLast !== m.last) return false;
  for (let i = 0; i < m.newOf.length; i++) if (m.newOf[i] !== m.first + i) return false;
  return true;
}

/** Content (a row with cells) would be pushed past the last row of the sheet. */
export class RowOverflow extends Error {}

/** A row after the resize; may exceed the grid (callers clamp a range's end or write #REF!). */
export function shiftRow(r: number, z: Resize): number {
  const m = z.remap;
  if (m) {
    if (r < m.first) return r;
    if (r > m.last) return r + z.by;
    return m.newOf[r - m.first] || -1;
  }
  return z.by <= 0 || r < z.at ? r : r + z.by;
}

/**
 * A row after the resize for things that cannot vanish (drawing anchors, page breaks): a removed
 * row of a rearranged region goes where the next kept row goes.
 */
export function shiftRowNear(r: number, z: Resize): number {
  const m = z.remap;
  if (!m || r < m.first || r > m.last) return shiftRow(r, z);
  for (let k = r; k <= m.last; k++) if (m.newOf[k - m.first]) return m.newOf[k - m.first]!;
  return m.newLast + 1;
}

/**
 * A span through a rearranged region: the rows it held, wherever they went (null: all removed). `whole`:
 * a span over the whole region covers what it holds now (not a record's running range, which only reaches
 * the region's last row from that row: =COUNTA($C$6:C9) on row 9).
 */
function remapSpan(r1: number, r2: number, z: Resize, m: Remap, grow: boolean, whole: boolean, at?: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  if (r1 < m.first) {
    lo = r1;
    hi = Math.min(r2, m.first - 1);
  }
  if (r2 > m.last) {
    lo = Math.min(lo, Math.max(r1, m.last + 1) + z.by);
    hi = r2 >= EXCEL_MAX_ROWS ? EXCEL_MAX_ROWS : Math.min(r2 + z.by, EXCEL_MAX_ROWS);
  }
  const a = Math.max(r1, m.first);
  const b = Math.min(r2, m.last);
  for (let r = a; r <= b; r++) {
    const n = m.newOf[r - m.first]!;
    if (n > 0) {
      if (n < lo) lo = n;
      if (n > hi) hi = n;
    }
  }
  // A range over the whole region covers whatever the region holds now, copies included.
  if (whole && r1 <= m.first && r2 >= m.last && m.newLast >= m.first) {
    lo = Math.min(lo, m.first);
    hi = Math.max(hi, m.newLast);
  }
  if (grow && r1 <= z.growFirst && r2 === z.growEnd && z.growTo > hi) hi = z.growTo;
  // A formula over rows it is not on (a section's Subtotal =SUM(G7:G8) under them), written at `at`:
  if (at !== undefined && (at < r1 || at > r2) && r1 >= m.first && r2 <= m.last) {
    // records copied from its rows right after them are its rows too (a record added at the section's
    // end, as a person extends the sum by hand);
    if (lo !== Infinity)
      for (let c = m.clones.find((x) => x.at === hi + 1 && x.src1 >= r1 && x.src2 <= r2); c; c = m.clones.find((x) => x.at === hi + 1 && x.src1 >= r1 && x.src2 <= r2))
        hi = c.at + c.src2 - c.src1;
    // with every one of its rows gone it sums the row above them (the section's heading), not #REF!.
    else if (r1 - 1 >= m.first && r1 - 1 !== at && m.newOf[r1 - 1 - m.first]! > 0) return [m.newOf[r1 - 1 - m.first]!, m.newOf[r1 - 1 - m.first]!];
  }
  return lo === Infinity ? null : [lo, hi];
}

/** The copies a rearranged region adds of a span that lies within one copied block. */
export function cloneSpans(r1: number, r2: number, z: Resize): [number, number][] {
  const m = z.remap;
  if (!m) return [];
  const out: [number, number][] = [];
  for (const c of m.clones) if (r1 >= c.src1 && r2 <= c.src2) out.push([c.at + r1 - c.src1, c.at + r2 - c.src1]);
  return out;
}

/**
 * A row span [r1, r2] after the resize; `grow` allows the data-region growth. A range reaching the
 * last row of the sheet (A2:A1048576) keeps ending there, as in Excel.
 */
export function resizeSpan(r1: number, r2: number, z: Resize, grow: boolean, whole = true, at?: number): [number, number] {
  if (z.remap) return remapSpan(r1, r2, z, z.remap, grow, whole, at) ?? [-1, -1];
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
  if (c1 !== '' && outsideBand(z, colIndex(c1.replace('$', '')), colIndex((c2 ?? c1).replace('$', '')))) return text;
  const r1 = Number(r1s);
  const r2 = r2s === undefined ? r1 : Number(r2s);
  const [a0, b] = resizeSpan(r1, r2, z, grow);
  if (a0 < 1) return ''; // every row of it was removed
  const a = Math.min(a0, EXCEL_MAX_ROWS);
  if (a === r1 && b === r2) return text;
  if (r2s === undefined) return a === b ? `${c1}${d1}${a}` : `${c1}${d1}${a}:${c1}${d1}${b}`;
  return `${c1}${d1}${a}:${c2 ?? ''}${d2}${b}`;
}

/** A space-separated list of ranges (sqref), resized; the same string when nothing moved. */
export function resizeSqref(sqref: string, z: Resize, grow: boolean, copies = false): string {
  let changed = false;
  const parts = sqref.split(/(\s+)/).map((p) => {
    if (p.trim() === '') return p;
    let q = resizeRangeText(p, z, grow);
    if (copies) for (const c of cloneRanges(p, z)) q = q === '' ? c : `${q} ${c}`;
    if (q !== p) changed = true;
    return q;
  });
  if (!changed) return sqref;
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The copies of one range text ("B7:D8") that copied blocks get (see cloneSpans). */
export function cloneRanges(text: string, z: Resize): string[] {
  if (!z.remap || z.remap.clones.length === 0) return [];
  const m = /^(\$?[A-Za-z]{1,3})?(\$?)(\d{1,7})(?::(\$?[A-Za-z]{1,3})?(\$?)(\d{1,7}))?$/.exec(text);
  if (!m) return [];
  const [, c1 = '', d1, r1s, c2, d2, r2s] = m;
  if (c1 !== '' && outsideBand(z, colIndex(c1.replace('$', '')), colIndex((c2 ?? c1).replace('$', '')))) return [];
  const r1 = Number(r1s);
  const r2 = r2s === undefined ? r1 : Number(r2s);
  return cloneSpans(r1, r2, z).map(([a, b]) => (r2s === undefined ? `${c1}${d1}${a}` : `${c1}${d1}${a}:${c2 ?? ''}${d2}${b}`));
}

/** Sheet names compare as Excel compares them: case-insensitively. */
export function sameSheet(a: string, b: string): boolean {
  return a === b || a.toLocaleUpperCase('en-US') === b.toLocaleUpperCase('en-US');
}
