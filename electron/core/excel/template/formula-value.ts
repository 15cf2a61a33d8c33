// What a formula shows once its row moved, where that is known without a spreadsheet engine.
//
// Excel keeps a formula's last result (<v>) in the file and recalculates on open (we set
// fullCalcOnLoad whenever formulas moved). LibreOffice by default does not recalculate Excel files,
// and readers that take cached results (openpyxl data_only, pandas, our own import) show whatever
// <v> holds, or nothing. So when rows move, each formula's result is decided here:
// - a formula of the row's own position alone (=ROW()-4, ="task"&ROW(), ="R-"&TEXT(ROW()-2,"000"),
//   =COLUMN(), =ROW()-ROW($A$6)), or one that also tests a cell of its own row for blank where the
//   caller knows that cell (=IF(B7="","",ROW()-6): a numbering that leaves prepared rows empty), is
//   computed at its new place: `positionalValue`;
// - a formula whose references all follow the cells they read (=B7*C7 after its row moved, a
//   lookup into another sheet, a sum across its own row) shows what it showed: its result stays
//   (`keepsResult`); the dirty-cell pass (stale.ts) still drops it when a cell it reads was written;
// - anything else (a range the moved rows entered or left, a defined name, OFFSET/INDIRECT, a whole
//   column) loses its result and is recomputed on open, as before.
import { rewriteRefs } from './formula.js';
import { colIndex, outsideBand, sameSheet, shiftRow, type Resize } from './refs.js';
import type { CellTok } from './sheet-rows.js';
import { xmlText } from './xml-text.js';

export type Shown = { t: 'n'; v: number } | { t: 's'; v: string };
/**
 * A cell of the formula's own row, by 0-based column: its value, null where it is blank, undefined
 * where the caller does not know it (a formula, a value still to be written).
 */
export type RowCell = (col: number) => Shown | null | undefined;

/** Functions whose result depends on where the cell is, or on nothing in the formula (volatile). */
const POSITIONAL = new Set(['ROW', 'ROWS', 'COLUMN', 'COLUMNS', 'OFFSET', 'INDIRECT', 'ADDRESS', 'CELL', 'INFO', 'NOW', 'TODAY', 'RAND', 'RANDBETWEEN', '_XLFN.RANDARRAY', '_XLFN.SEQUENCE']);

/** Whether the formula calls a function that reads its own position (ROW(), COLUMN(), OFFSET, INDIRECT, …). */
export function readsPosition(f: string): boolean {
  let found = false;
  rewriteRefs(
    f,
    () => null,
    (word, next) => {
      if (next === '(' && POSITIONAL.has(word.toUpperCase())) found = true;
    },
  );
  return found;
}

/**
 * Whether the rows moving as `z` says leave the formula's result as it was: it reads no position,
 * no defined name and no table, and every cell it reads on the moving sheet moved with it as a
 * whole (a single cell that was not removed, or a range of one row); ranges elsewhere, or wholly
 * above or below what moved, read the same cells.
 */
export function keepsResult(f: string, home: string, z: Resize): boolean {
  let keeps = true;
  rewriteRefs(
    f,
    (ref) => {
      if (!keeps || ref.external) return null;
      if (ref.multiSheet) {
        keeps = false;
        return null;
      }
      const sheet = ref.sheet ?? home;
      if (!sameSheet(sheet, z.sheet)) return null;
      if (ref.kind === 'cols') {
        if (!(ref.cols.length > 0 && outsideBand(z, ref.cols[0]!.col, ref.cols[ref.cols.length - 1]!.col))) keeps = false;
        return null;
      }
      if (ref.cols.length > 0 && outsideBand(z, ref.cols[0]!.col, ref.cols[ref.cols.length - 1]!.col)) return null;
      const rows = ref.rows.map((p) => p.row);
      const a = Math.min(...rows);
      const b = Math.max(...rows);
      // Every row it reads still exists (a removed one is #REF!).
      for (const r of new Set([a, b])) if (shiftRow(r, z) < 1) keeps = false;
      if (a === b) {
        // One row moves whole, unless only part of it is in the moving band.
        if (z.band && ref.cols.length > 0 && (Math.min(...ref.cols.map((c) => c.col)) < z.band[0] || Math.max(...ref.cols.map((c) => c.col)) > z.band[1])) keeps = false;
        return null;
      }
      // A range over several rows reads the same cells only if no moved row entered or left it.
      const m = z.remap;
      const lo = m ? m.first : z.at;
      const hi = m ? m.last : z.at;
      if (m ? a <= hi && b >= lo : a < z.at && b >= z.at && z.by > 0) keeps = false;
      if (a <= z.growFirst && b === z.growEnd && z.growTo !== z.growEnd) keeps = false;
      return null;
    },
    (word, next) => {
      if (next === '[') keeps = false;
      else if (next === '(') {
        if (POSITIONAL.has(word.toUpperCase())) keeps = false;
      } else if (!/^(TRUE|FALSE)$/i.test(word)) keeps = false; // a defined name: it may cover what moved
    },
  );
  return keeps;
}

/**
 * The constants of a row's cells as a RowCell: a number, a text (a shared one through `stringAt`), blank
 * where the row has no value. A formula's result (it may be stale), a date, a boolean or an error is not known.
 */
export function knownCells(cells: readonly CellTok[], stringAt: (i: number) => string | undefined): RowCell {
  const byCol = new Map(cells.map((c) => [c.col, c]));
  return (col) => {
    const c = byCol.get(col);
    if (!c) return null;
    if (c.f) return undefined;
    if (c.t === 'inlineStr') return c.inline === null ? null : { t: 's', v: c.inline };
    if (c.v === null) return null;
    const raw = xmlText(c.v);
    if (c.t === 's') {
      const text = stringAt(Number(raw));
      return text === undefined ? undefined : { t: 's', v: text };
    }
    if (c.t === 'str') return { t: 's', v: raw };
    if (c.t !== undefined && c.t !== 'n') return undefined;
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? { t: 'n', v: n } : undefined;
  };
}

/** A value while evaluating: a comparison's TRUE/FALSE and a blank cell besides what a cell shows. */
type Val = Shown | { t: 'b'; v: boolean } | { t: 'blank' };

/** Excel's = between two values (text without case; a blank cell equals "" and 0); null where a side is unknown. */
function equal(a: Val, b: Val): boolean | null {
  const blank = (x: Val) => x.t === 'blank' || (x.t === 's' && x.v === '') || (x.t === 'n' && x.v === 0) || (x.t === 'b' && !x.v);
  if (a.t === 'blank' || b.t === 'blank') return a.t === b.t || blank(a.t === 'blank' ? b : a);
  if (a.t !== b.t) return false;
  return a.t === 's' ? a.v.toLocaleUpperCase('en-US') === (b.v as string).toLocaleUpperCase('en-US') : a.v === b.v;
}

/**
 * The value of a formula made of its own position, at 1-based `row`, 0-based `col`: numbers, "text",
 * ROW(), ROW(A6) (a reference's row), COLUMN(), + - * /, &, = and <>, parentheses, TEXT(x, "000") and
 * IF(test, a, b); and, where `cellAt` is given, the cells of its own row it knows (B7 at row 7: the blank
 * test of =IF(B7="","",ROW()-6)) and SUM over them (=SUM(C13:I13)). Null for anything else (another row's cell, another function, a number
 * format TEXT cannot be sure of, a cell the caller does not know).
 */
export function positionalValue(f: string, row: number, col: number, cellAt?: RowCell): Shown | null {
  if (!/\b(ROW|COLUMN)\s*\(/i.test(f) && !(cellAt && /\bSUM\s*\(/i.test(f))) return null;
  const src = f.trim().replace(/^=/, '');
  let i = 0;
  const ws = () => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\n' || src[i] === '\r' || src[i] === '\t')) i++;
  };
  const eat = (s: string) => {
    ws();
    if (src.slice(i, i + s.length).toUpperCase() !== s) return false;
    i += s.length;
    return true;
  };
  /** A single cell's reference (B7, $A$6) at i, not a function's name. */
  const ref = (): { row: number; col: number } | null => {
    ws();
    const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)(?![\w(!:.])/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return { row: Number(m[2]), col: colIndex(m[1]!.toUpperCase()) };
  };
  const num = (v: Val | null): number | null => (v === null ? null : v.t === 'n' ? v.v : v.t === 'blank' ? 0 : null);
  // Excel's General format for the whole numbers this handles.
  const text = (v: Val | null): string | null => (v === null || v.t === 'b' ? null : v.t === 'blank' ? '' : v.t === 's' ? v.v : Number.isInteger(v.v) && Math.abs(v.v) < 1e15 ? String(v.v) : null);
  // = and <> below & (Excel's order): a blank test of a cell, B7="".
  const compare = (): Val | null => {
    const a = concat();
    ws();
    const op = src.startsWith('<>', i) ? '<>' : src[i] === '=' ? '=' : null;
    if (a === null || op === null) return a;
    i += op.length;
    const b = concat();
    const same = b === null ? null : equal(a, b);
    return same === null ? null : { t: 'b', v: op === '=' ? same : !same };
  };
  const concat = (): Val | null => {
    let a = add();
    while (a !== null && eat('&')) {
      const b = add();
      const l = text(a);
      const r = text(b);
      a = l === null || r === null ? null : { t: 's', v: l + r };
    }
    return a;
  };
  const add = (): Val | null => {
    let a = mul();
    for (;;) {
      ws();
      const op = src[i];
      if (a === null || (op !== '+' && op !== '-')) return a;
      i++;
      const x = num(a);
      const y = num(mul());
      a = x === null || y === null ? null : { t: 'n', v: op === '+' ? x + y : x - y };
    }
  };
  const mul = (): Val | null => {
    let a = unary();
    for (;;) {
      ws();
      const op = src[i];
      if (a === null || (op !== '*' && op !== '/')) return a;
      i++;
      const x = num(a);
      const y = num(unary());
      a = x === null || y === null || (op === '/' && y === 0) ? null : { t: 'n', v: op === '*' ? x * y : x / y };
    }
  };
  const unary = (): Val | null => {
    if (eat('-')) {
      const x = num(unary());
      return x === null ? null : { t: 'n', v: -x };
    }
    if (eat('+')) return unary();
    return primary();
  };
  const primary = (): Val | null => {
    ws();
    if (src[i] === '(') {
      i++;
      const v = compare();
      return eat(')') ? v : null;
    }
    if (src[i] === '"') {
      let s = '';
      for (i++; i < src.length; i++) {
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i++;
            continue;
          }
          i++;
          return { t: 's', v: s };
        }
        s += src[i];
      }
      return null;
    }
    const n = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (n) {
      i += n[0].length;
      return { t: 'n', v: Number(n[0]) };
    }
    if (eat('ROW(')) {
      if (eat(')')) return { t: 'n', v: row };
      const at = ref();
      return at !== null && eat(')') ? { t: 'n', v: at.row } : null;
    }
    if (eat('IF(')) {
      const test = compare();
      if (!eat(',')) return null;
      const yes = compare();
      if (!eat(',')) return null;
      const no = compare();
      if (!eat(')') || test === null || yes === null || no === null) return null;
      const truth = test.t === 'b' ? test.v : test.t === 'n' ? test.v !== 0 : test.t === 'blank' ? false : null;
      return truth === null ? null : truth ? yes : no;
    }
    if (eat('COLUMN(')) return eat(')') ? { t: 'n', v: col + 1 } : null;
    if (eat('SUM(')) return sum();
    // A cell of its own row that the caller knows; any other reference is beyond this.
    const at = ref();
    if (at !== null) {
      const v = at.row === row && cellAt ? cellAt(at.col) : undefined;
      return v === undefined ? null : v === null ? { t: 'blank' } : v;
    }
    if (eat('TEXT(')) {
      const x = num(concat());
      if (!eat(',')) return null;
      const fmt = primary();
      if (!eat(')') || x === null || fmt === null || fmt.t !== 's' || !/^0+$/.test(fmt.v) || !Number.isInteger(x) || x < 0) return null;
      return { t: 's', v: String(x).padStart(fmt.v.length, '0') };
    }
    return null;
  };
  /**
   * SUM's arguments after its '(': numbers, and cells or ranges of its own row the caller knows (a total
   * across the row, =SUM(C13:I13), kept right where a text was written into the row beside its figures:
   * corpus round trip seed 27, budget-en-rk). A range's texts and blanks count nothing, as in Excel.
   */
  const sum = (): Val | null => {
    let total = 0;
    do {
      ws();
      const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*):\$?([A-Za-z]{1,3})\$?([1-9]\d*)(?![\w(!:.])/.exec(src.slice(i));
      if (m) {
        i += m[0].length;
        const [c1, c2] = [colIndex(m[1]!.toUpperCase()), colIndex(m[3]!.toUpperCase())];
        if (Number(m[2]) !== row || Number(m[4]) !== row || !cellAt || c1 > c2) return null;
        for (let c = c1; c <= c2; c++) {
          const v = cellAt(c);
          if (v === undefined) return null;
          if (v !== null && v.t === 'n') total += v.v;
        }
        continue;
      }
      const x = num(compare());
      if (x === null) return null;
      total += x;
    } while (eat(','));
    return eat(')') ? { t: 'n', v: total } : null;
  };
  const v = compare();
  ws();
  return i === src.length && v !== null && (v.t === 'n' || v.t === 's') ? v : null;
}
