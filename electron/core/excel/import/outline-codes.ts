// A column of outline codes written whole (1, 1.1, 1.2, 2, 2.1 — or 1-1, 1.2.3), under whatever numbering
// word heads it (No., #, 番号, 項番) or none: the WBS code that gives the tree, not row numbers or an extra
// column (blind set 7, M6). Excel keeps a code typed into a number cell as a number, so 1.10 is stored as
// 1.1 and 1.20 as 1.2: such a number is read as the code that follows the row above in the outline.
import { parseDateText } from '../../../common/excel/client-dates.js';
import type { Cell } from '../../../common/excel/model.js';
import { codeLetters, isLetterTop, letterTopNumbers, parseWbsCode } from './cell-values.js';
import { spreadDigitCells } from './digit-codes.js';
import { follows } from './level-numbers.js';

/** Filled rows a column must hold to tell, and the share of them that must follow in outline order. */
const LEAST_ROWS = 3;
const IN_ORDER = 0.8;
/** Share of a column's filled cells that may follow its codes as notes under the table. */
const TRAILING_NOTES = 0.25;

const blank = (cell: Cell | undefined) => cell === undefined || cell.v === null || (cell.t === 's' && String(cell.v).trim() === '');

/**
 * The code of a cell after the code `above` (the previous row's): as written, or — for a number whose
 * trailing zero Excel dropped (1.1 for 1.10) — with the zero back when only that reading follows `above`
 * (1.9 → 1.10, not a second 1.1). Null when the cell holds no code.
 */
export function outlineCode(cell: Cell, above: readonly number[] | null): string | null {
  const code = parseWbsCode(cell);
  if (code === null || cell.t !== 'n' || !code.includes('.')) return code;
  const parts = (s: string) => s.split('.').map(Number);
  if (follows(above, parts(code))) return code;
  const padded = `${code}0`;
  return follows(above, parts(padded)) ? padded : code;
}

/**
 * Whether a column's cells (sample rows in order) are outline codes: every filled cell a code, three or
 * more of them, some deeper than the top level (1.1 — or a number with a fraction), and four in five
 * following the row above in outline order (1 → 1.1 → 1.2 → 2), the deep ones included: most deep codes are
 * reached in order (a first child 3.1 under 3, or the next sibling). A plain running number (1, 2, 3), a
 * version column (1.0, 1.0, 2.1), or a flat list with a row inserted between two numbers (3, 3.5, 4: the
 * deep code is no first child, review U10 — reading it as a tree made 3 a summary and lost its own dates) is none.
 */
export function holdsOutlineCodes(cells: readonly (Cell | undefined)[]): boolean {
  const all = cells.filter((c): c is Cell => !blank(c));
  // Notes under the table (※ 日付は…, ◆ = milestone) end the codes: a few texts after the last code are no
  // codes of the column (blind set 16, I1: two note lines under 1-1-2 and 1.2.1 left the plan unread).
  let end = all.length;
  while (end > 0 && parseWbsCode(all[end - 1]!) === null) end--;
  const kept = all.length - end <= Math.floor(all.length * TRAILING_NOTES) ? all.slice(0, end) : all;
  // (Codes whose digits are the levels, BL-110, are judged as the dotted codes they stand for, BL-1.1.0.)
  const filled = spreadDigitCells(kept) ?? kept;
  if (filled.length < LEAST_ROWS) return false;
  let above: number[] | null = null;
  let inOrder = 0;
  let deep = 0;
  let deepInOrder = 0;
  // Codes after one letter prefix (S1, S1.2, S3.1.1; A-1-2) number the outline as bare ones do; two
  // prefixes in one column (A1, B1) are two numberings, not one outline read in order.
  let prefix: string | null = null;
  for (const cell of filled) {
    const code = outlineCode(cell, above);
    if (code === null) return false;
    // (Letter-topped codes, A and A.1, are one family of their own: never mixed with 1.1 in one outline.)
    const [letters, numbers] = isLetterTop(code) ? ['A.', letterTopNumbers(code)] : codeLetters(code);
    if (prefix !== null && letters !== prefix) return false;
    prefix = letters;
    // A phase written x.0 (1.0, 1.1, 1.2, 2.0) is its parent's own code: 2.0 follows 1.2 as 2 does.
    const parts = numbers.split('.').map(Number);
    while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
    const inPlace = follows(above, parts);
    // follows() lets a child start at any number (3 → 3.5); an outline's first child is 3.1.
    const firstChildOrSibling = above === null || parts.length <= above.length || parts[parts.length - 1] === 1;
    if (parts.length > 1) deep++;
    if (parts.length > 1 && inPlace && firstChildOrSibling) deepInOrder++;
    if (inPlace) inOrder++;
    above = parts;
  }
  // R7.4.1, H31.4.30: 和暦 dates (an era's letter, then a year, month and day), not codes under an R.
  // (Read by the dates' own reader, which knows the eras: the year needs no reference day.)
  if (prefix !== null && /^[MTSHR]$/i.test(prefix) && filled.every((c) => parseDateText(String(c.v), '2000-01-01').ok)) return false;
  return deep > 0 && deepInOrder * 2 > deep && inOrder >= IN_ORDER * filled.length;
}

