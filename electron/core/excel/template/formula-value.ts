// What a formula shows once its row moved, where that is known without a spreadsheet engine.
//
// Excel keeps a formula's last result (<v>) in the file and recalculates on open (we set
// fullCalcOnLoad whenever formulas moved). LibreOffice by default does not recalculate Excel files,
// and readers that take cached results (openpyxl data_only, pandas, our own import) show whatever
// <v> holds, or nothing. So when rows move, each formula's result is decided here:
// - a formula of the row's own position alone (=ROW()-4, ="task"&ROW(), ="R-"&TEXT(ROW()-2,"000"),
//   =COLUMN()) is computed at its new place: `positionalValue`;
// - a formula whose references all follow the cells they read (=B7*C7 after its row moved, a
//   lookup into another sheet, a sum across its own row) shows what it showed: its result stays
//   (`keepsResult`); the dirty-cell pass (stale.ts) still drops it when a cell it reads was written;
// - anything else (a range the moved rows entered or left, a defined name, OFFSET/INDIRECT, a whole
//   column) loses its result and is recomputed on open, as before.
import { rewriteRefs } from './formula.js';
import { outsideBand, sameSheet, shiftRow, type Resize } from './refs.js';

export type Shown = { t: 'n'; v: number } | { t: 's'; v: string };

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
 * The value of a formula made of its own position alone, at 1-based `row`, 0-based `col`: numbers,
 * "text", ROW(), COLUMN(), + - * /, &, parentheses and TEXT(x, "000"). Null for anything else (a
 * reference, another function, a number format TEXT cannot be sure of).
 */
export function positionalValue(f: string, row: number, col: number): Shown | null {
  if (!/\b(ROW|COLUMN)\s*\(/i.test(f)) return null;
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
  const num = (v: Shown | null): number | null => (v === null ? null : v.t === 'n' ? v.v : null);
  // Excel's General format for the whole numbers this handles.
  const text = (v: Shown | null): string | null => (v === null ? null : v.t === 's' ? v.v : Number.isInteger(v.v) && Math.abs(v.v) < 1e15 ? String(v.v) : null);
  const concat = (): Shown | null => {
    let a = add();
    while (a !== null && eat('&')) {
      const b = add();
      const l = text(a);
      const r = text(b);
      a = l === null || r === null ? null : { t: 's', v: l + r };
    }
    return a;
  };
  const add = (): Shown | null => {
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
  const mul = (): Shown | null => {
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
  const unary = (): Shown | null => {
    if (eat('-')) {
      const x = num(unary());
      return x === null ? null : { t: 'n', v: -x };
    }
    if (eat('+')) return unary();
    return primary();
  };
  const primary = (): Shown | null => {
    ws();
    if (src[i] === '(') {
      i++;
      const v = concat();
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
    if (eat('ROW(')) return eat(')') ? { t: 'n', v: row } : null;
    if (eat('COLUMN(')) return eat(')') ? { t: 'n', v: col + 1 } : null;
    if (eat('TEXT(')) {
      const x = num(concat());
      if (!eat(',')) return null;
      const fmt = primary();
      if (!eat(')') || x === null || fmt === null || fmt.t !== 's' || !/^0+$/.test(fmt.v) || !Number.isInteger(x) || x < 0) return null;
      return { t: 's', v: String(x).padStart(fmt.v.length, '0') };
    }
    return null;
  };
  const v = concat();
  ws();
  return i === src.length ? v : null;
}
