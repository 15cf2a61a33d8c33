// Outline codes whose digits are the levels (100 a phase, 110 its task, 111 a step; BL-1000 … BL-1110),
// written without separators in a flat list (blind set 19, I5): each digit is one level and the zeros after
// the last significant digit mark a higher row, so the level is the number of significant digits — the
// fixed-width 1-0-0 form without its hyphens. Such a column is read as the dotted form (BL-110 → BL-1.1.0)
// the outline and the tree already know, and the export writes the digits back (digitCode).
import type { Cell } from '../../../common/excel/model.js';
import { codeLetters, parseWbsCode } from './cell-values.js';

/** Widths a digit outline has: 3 or more digits (2-digit codes 10, 11 are too like a running number), 6 at most. */
const LEAST_WIDTH = 3;
const MOST_WIDTH = 6;
/** Significant digits, none of them 0, then only zeros: 110, 1110, 2000 — never 101 (a level skipped). */
const DIGIT_LEVELS = /^[1-9]+0*$/;

/**
 * The width of a column's codes (parsed, in row order) where they number an outline by their digits —
 * the levels the client's scheme has room for — else null. They do with one prefix (or none),
 * one width of 3–6 digits, every code significant digits then zeros, the first a top (one significant
 * digit: a list starts at its top, which a run of IDs 111, 112 … does not), some deeper, and four in five
 * right after the code above. A run of IDs from 100 (101 skips a level) or costs (1250; 500, 510, 720) is none.
 */
export function digitOutlineWidth(codes: readonly string[]): number | null {
  if (codes.length === 0) return null;
  const [prefix, first] = codeLetters(codes[0]!);
  const width = first.length;
  if (width < LEAST_WIDTH || width > MOST_WIDTH || significant(first) !== 1) return null;
  let deep = false;
  let above: number[] | null = null;
  let next = 0;
  for (const code of codes) {
    const [letters, numbers] = codeLetters(code);
    if (letters !== prefix || numbers.length !== width || !DIGIT_LEVELS.test(numbers)) return null;
    const parts = numbers.replace(/0+$/, '').split('').map(Number);
    if (parts.length > 1) deep = true;
    if (above !== null && comesNext(above, parts)) next++;
    above = parts;
  }
  // Digits leave no room for gaps: a client's codes go on one by one (111, 112, 120, 200), as round figures
  // (500, 510, 720, 990) do not.
  return deep && next >= IN_STEP * (codes.length - 1) ? width : null;
}

/** Share of codes that must come right after the row above's: its first child, its next sibling, or an ancestor's next. */
const IN_STEP = 0.8;
const significant = (numbers: string) => numbers.replace(/0+$/, '').length;
/** Whether `parts` is the code right after `above` in an outline: 11 → 111, 111 → 112, 112 → 12 or 2. */
function comesNext(above: readonly number[], parts: readonly number[]): boolean {
  const n = parts.length;
  if (n === above.length + 1) return parts[n - 1] === 1 && above.every((x, k) => parts[k] === x);
  if (n > above.length) return false;
  return parts[n - 1] === above[n - 1]! + 1 && parts.slice(0, n - 1).every((x, k) => above[k] === x);
}

/** A digit code spread into one number a level, its prefix kept: 'BL-110' → 'BL-1.1.0', '1100' → '1.1.0.0'. */
export function spreadDigits(code: string): string {
  const [letters, numbers] = codeLetters(code);
  return `${letters}${numbers.split('').join('.')}`;
}

/** A dotted code written back as digits (1.1.3 → 113), or null where a part is no single digit (1.10: no room). */
export function digitCode(dotted: string): string | null {
  const parts = dotted.split('.');
  return parts.every((p) => /^\d$/.test(p)) ? parts.join('') : null;
}

/** The cells of a digit-outline column as their spread codes (blank and other cells as they were), or null when the column is none. */
export function spreadDigitCells<C extends Cell | null | undefined>(cells: readonly C[]): (C | Cell)[] | null {
  const codes = cells.map((c) => (c === undefined || c === null || c.v === null ? null : parseWbsCode(c)));
  const written = codes.filter((c): c is string => c !== null);
  if (digitOutlineWidth(written) === null) return null;
  // (Read as text: a number's format says nothing of the spread code.)
  return cells.map((c, i) => {
    if (codes[i] === null) return c;
    const { fmt: _fmt, ...rest } = c!;
    return { ...rest, t: 's', v: spreadDigits(codes[i]!) };
  });
}
