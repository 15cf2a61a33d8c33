// Finds the A1 references in a formula's text (as stored in the file: no leading '=', English
// function names) and rewrites only the row digits of the ones a callback changes; every other
// character stays as written. It knows what is not a reference: string literals, quoted and
// unquoted sheet prefixes, external workbook refs ([1]Sheet!A1, left alone), structured references
// (Table1[[#This Row],[Amount]]), function names that look like cells (LOG10(, ATAN2(), error
// literals (#REF!), numbers (1E5), and defined names.

import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../limits.js';
import { colIndex, colName, outsideBand, RowOverflow, resizeSpan, sameSheet, shiftRow, type Resize } from './refs.js';

export interface RowPart {
  row: number;
  abs: boolean;
  /** Offsets of the digits in the formula. */
  start: number;
  end: number;
}

export interface ColPart {
  /** 0-based column. */
  col: number;
  abs: boolean;
  /** Offsets of the letters in the formula. */
  start: number;
  end: number;
}

export interface FormulaRef {
  /** The sheet named before '!', unquoted; null when the reference names none. */
  sheet: string | null;
  /** The reference points into another workbook ([1]Sheet1!A1). */
  external: boolean;
  /** A '3D' reference over several sheets (Sheet1:Sheet3!A1). */
  multiSheet: boolean;
  kind: 'cell' | 'range' | 'rows' | 'cols';
  /** One row part for a cell, two for a range or row range, none for whole columns. */
  rows: RowPart[];
  /** One column part for a cell, two for a range or column range, none for whole rows. */
  cols: ColPart[];
}

/** New row numbers / column indexes, one per part (undefined: unchanged). */
export interface RefChange {
  rows?: (number | undefined)[];
  cols?: (number | undefined)[];
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Characters of names, function names, unquoted sheet names and numbers. */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 92 || c === 36 || c > 0x7f;

// Sticky patterns tried where a word starts.
const CELL_OR_RANGE = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;

/**
 * Calls `visit` for every reference; where it returns new row numbers (one per row part), those
 * digits are replaced. Returns the same string when nothing changed.
 */
export function rewriteRefs(
  f: string,
  visit: (ref: FormulaRef) => RefChange | null,
  /**
   * Words that are not references: function names (next '('), table names (next '['), defined names; '' for an
   * unqualified '[…]'. `at`: where `next` is in f (a structured reference's brackets start there).
   */
  onWord?: (word: string, next: string, at?: number) => void,
): string {
  const n = f.length;
  const edits: { start: number; end: number; text: string }[] = [];
  let i = 0;
  let sheet: string | null = null;
  let external = false;
  let multiSheet = false;
  /** After a '[...]' that was not part of a name: the next sheet prefix is another workbook's. */
  let externalPending = false;
  /** Where the last name ended (a '[' right there qualifies it: Table1[Amount]). */
  let wordEnd = -1;

  const emit = (ref: FormulaRef) => {
    const change = visit(ref);
    if (!change) return;
    // A reference pushed off the grid becomes #REF! as a whole (after its sheet prefix), as Excel writes it.
    const offRow = ref.rows.some((_, k) => { const r = change.rows?.[k]; return r !== undefined && (r < 1 || r > EXCEL_MAX_ROWS); });
    const offCol = ref.cols.some((_, k) => { const c = change.cols?.[k]; return c !== undefined && (c < 0 || c >= EXCEL_MAX_COLUMNS); });
    if (offRow || offCol) {
      const spans = [...ref.rows, ...ref.cols];
      let start = Math.min(...spans.map((x) => x.start));
      if (f[start - 1] === '$') start--;
      edits.push({ start, end: Math.max(...spans.map((x) => x.end)), text: '#REF!' });
      return;
    }
    ref.rows.forEach((p, k) => {
      const r = change.rows?.[k];
      if (r !== undefined && r !== p.row) edits.push({ start: p.start, end: p.end, text: String(r) });
    });
    ref.cols.forEach((p, k) => {
      const c = change.cols?.[k];
      if (c !== undefined && c !== p.col) edits.push({ start: p.start, end: p.end, text: colName(c) });
    });
  };

  /** Tries to read a reference at i; returns where it ends, or -1. */
  const tryRef = (at: number): number => {
    const after = (e: number) => {
      const c = f.charCodeAt(e);
      return e >= n || !(isWordChar(c) || c === 40 || c === 33 || c === 91); // not ( ! [
    };
    CELL_OR_RANGE.lastIndex = at;
    let m = CELL_OR_RANGE.exec(f);
    if (m && after(m.index + m[0].length)) {
      const rows: RowPart[] = [];
      const cols: ColPart[] = [];
      const c1Start = at + m[1]!.length;
      cols.push({ col: colIndex(m[2]!), abs: m[1] === '$', start: c1Start, end: c1Start + m[2]!.length });
      const r1Start = c1Start + m[2]!.length + m[3]!.length;
      rows.push({ row: Number(m[4]), abs: m[3] === '$', start: r1Start, end: r1Start + m[4]!.length });
      if (m[8] !== undefined) {
        const end = at + m[0].length;
        const r2Start = end - m[8].length;
        const c2Start = r2Start - m[7]!.length - m[6]!.length;
        cols.push({ col: colIndex(m[6]!), abs: m[5] === '$', start: c2Start, end: c2Start + m[6]!.length });
        rows.push({ row: Number(m[8]), abs: m[7] === '$', start: r2Start, end });
      }
      emit({ sheet, external, multiSheet, kind: rows.length === 2 ? 'range' : 'cell', rows, cols });
      return at + m[0].length;
    }
    COLS.lastIndex = at;
    m = COLS.exec(f);
    if (m && after(m.index + m[0].length)) {
      const c1 = at + m[1]!.length;
      const end = at + m[0].length;
      emit({
        sheet,
        external,
        multiSheet,
        kind: 'cols',
        rows: [],
        cols: [
          { col: colIndex(m[2]!), abs: m[1] === '$', start: c1, end: c1 + m[2]!.length },
          { col: colIndex(m[4]!), abs: m[3] === '$', start: end - m[4]!.length, end },
        ],
      });
      return end;
    }
    ROWS.lastIndex = at;
    m = ROWS.exec(f);
    if (m && after(m.index + m[0].length)) {
      const s1 = at + m[1]!.length;
      const end = at + m[0].length;
      emit({
        sheet,
        external,
        multiSheet,
        kind: 'rows',
        rows: [
          { row: Number(m[2]), abs: m[1] === '$', start: s1, end: s1 + m[2]!.length },
          { row: Number(m[4]), abs: m[3] === '$', start: end - m[4]!.length, end },
        ],
        cols: [],
      });
      return end;
    }
    return -1;
  };

  const resetPrefix = () => {
    sheet = null;
    external = false;
    multiSheet = false;
  };

  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34) {
      // "string literal" with "" for a quote
      i++;
      while (i < n) {
        if (f.charCodeAt(i) === 34) {
          if (f.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      i++;
      externalPending = false;
      continue;
    }
    if (c === 39) {
      // 'quoted sheet name'!  ('' for a quote)
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (f.charCodeAt(j) === 39) {
          if (f.charCodeAt(j + 1) === 39) {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += f[j];
        j++;
      }
      j++; // closing quote
      if (f.charCodeAt(j) === 33) {
        const ext = externalPending || name.startsWith('[');
        sheet = name.replace(/^\[[^\]]*\]/, '');
        external = ext;
        multiSheet = sheet.includes(':');
        externalPending = false;
        i = j + 1;
        const end = tryRef(i);
        if (end >= 0) i = end;
        resetPrefix();
        continue;
      }
      i = j;
      continue;
    }
    if (c === 91) {
      // [ ... ] balanced: an external workbook index or a structured reference's brackets.
      if (i !== wordEnd) onWord?.('', '[', i);
      let depth = 0;
      let j = i;
      while (j < n) {
        const d = f.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93) {
          depth--;
          if (depth === 0) break;
        } else if (d === 39 && f.charCodeAt(j + 1) !== 93) j++; // ' escapes the next char inside [ ]
        j++;
      }
      externalPending = true;
      i = j + 1;
      continue;
    }
    if (c === 35) {
      // #REF!, #N/A, #DIV/0!, #This Row…: an error literal or a structured-ref keyword.
      i++;
      while (i < n && (isLetter(f.charCodeAt(i)) || isDigit(f.charCodeAt(i)) || f[i] === '/')) i++;
      if (f[i] === '!' || f[i] === '?') i++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(f.charCodeAt(j))) j++;
      // Sheet1!A1, or a 3D Sheet1:Sheet3!A1
      let k = j;
      if (f[k] === ':' && k + 1 < n) {
        let e = k + 1;
        while (e < n && isWordChar(f.charCodeAt(e))) e++;
        if (f[e] === '!') k = e;
      }
      if (f[k] === '!') {
        const name = f.slice(i, k);
        sheet = name;
        external = externalPending;
        multiSheet = name.includes(':');
        externalPending = false;
        i = k + 1;
        const end = tryRef(i);
        if (end >= 0) i = end;
        resetPrefix();
        continue;
      }
      externalPending = false;
      if (f[j] === '(' || f[j] === '[') {
        onWord?.(f.slice(i, j), f[j]!, j);
        wordEnd = j;
        i = j; // a function name or a table name
        continue;
      }
      const end = tryRef(i);
      if (end >= 0) {
        i = end;
        continue;
      }
      if (!isDigit(c)) onWord?.(f.slice(i, j), f[j] ?? '');
      // A number with an exponent (1E+5) goes on past the sign.
      if (isDigit(c) && /[eE]$/.test(f.slice(i, j)) && (f[j] === '+' || f[j] === '-')) {
        j++;
        while (j < n && isDigit(f.charCodeAt(j))) j++;
      }
      i = j;
      continue;
    }
    externalPending = false;
    i++;
  }
  if (edits.length === 0) return f;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += f.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + f.slice(at);
}

/**
 * The formula as Excel writes it when the cell is copied `rows` rows down and `cols` columns right:
 * relative references move, absolute ($5, $E) ones do not. A reference pushed off the grid becomes
 * #REF!.
 */
export function translate(f: string, rows: number, cols = 0): string {
  if (rows === 0 && cols === 0) return f;
  return rewriteRefs(f, (ref) => ({
    rows: ref.rows.map((p) => (p.abs ? p.row : p.row + rows)),
    cols: ref.cols.map((p) => (p.abs ? p.col : p.col + cols)),
  }));
}

/**
 * The formula after rows of `z.sheet` moved/grew. `home` is the sheet the formula lives on (its
 * unprefixed references point there; null for defined names and charts). `grow` says whether ranges
 * covering the data region may grow (not for formulas inside the data rows themselves: a running
 * total =SUM($E$5:E20) must stay a running total).
 */
export function resizeFormula(f: string, z: Resize, home: string | null, grow: boolean, at?: number): string {
  return rewriteRefs(f, (ref) => {
    if (ref.external || ref.multiSheet || ref.kind === 'cols') return null;
    const sheet = ref.sheet ?? home;
    if (sheet === null || !sameSheet(sheet, z.sheet)) return null;
    // A reference wholly beside the table's columns points at content that does not move.
    if (ref.cols.length > 0 && outsideBand(z, ref.cols[0]!.col, ref.cols[ref.cols.length - 1]!.col)) return null;
    if (ref.kind === 'cell') return { rows: [shiftRow(ref.rows[0]!.row, z)] };
    const [a, b] = [ref.rows[0]!.row, ref.rows[1]!.row];
    // Inside the data rows, a range ending on a relative row is the record's own (a running count
    // =COUNTA($C$6:C9), which reaches the region's end only from its last row): it moves with its rows.
    const whole = grow || (a <= b ? ref.rows[1]! : ref.rows[0]!).abs;
    // A range written bottom-up (A20:A5) is still the span [5, 20].
    // (`at`, the formula's row on the resized sheet, tells a sum under its rows from one of its rows.)
    const row = sheet === home || ref.sheet === null ? at : undefined;
    if (a <= b) return { rows: resizeSpan(a, b, z, grow, whole, row) };
    const [lo, hi] = resizeSpan(b, a, z, grow, whole, row);
    return { rows: [hi, lo] };
  });
}

export { RowOverflow };
