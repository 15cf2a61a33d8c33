// The sheet model as the reader worker hands it to the host: the cells in typed arrays and every text
// once, instead of one JSON text of the whole model. For a 100,000-row WBS the JSON was 33 MB, made in
// the reader and then copied, concatenated, decoded and parsed on the thread that answers every other
// call (about 3 s of it at load); packed, the cells are four flat arrays that structured clone and
// v8.serialize copy as they are, and the host builds the model's rows from them in one pass.
//
// What is not cells (sheet names, merges, lists, tables, defined names, notes) still crosses as JSON:
// JSON.parse makes a "__proto__" key (a defined name may be called anything) an ordinary property.
import type { Cell, CellType, Row, SheetModel, WorkbookModel } from '../../common/excel/model.js';

export interface PackedWorkbook {
  /** The model with every sheet's rows left out, as JSON. */
  head: string;
  /** Per sheet, how many of the rows below are its. */
  sheetRows: Int32Array;
  /** Per row, ROW_INTS numbers: 0-based row, its number of cells, outline level (0 none), hidden (0/1). */
  rows: Int32Array;
  /** Per cell, CELL_INTS numbers: column, type (TYPES index, + FORMULA when a formula's result), number format (its index in `texts` + 1, 0 none), indent. */
  cells: Int32Array;
  /** Per cell: the number, the boolean as 0/1, or for text and errors its index in `texts`. */
  values: Float64Array;
  /** Every cell text and number format, once each, one after another; `lengths` cuts them apart. */
  text: string;
  lengths: Int32Array;
}

const ROW_INTS = 4;
const CELL_INTS = 4;
const TYPES: CellType[] = ['s', 'n', 'd', 'b', 'e'];
const TYPE_INDEX: Record<CellType, number> = { s: 0, n: 1, d: 2, b: 3, e: 4 };
const FORMULA = 8;

/** The model packed, and the buffers to move (not copy) to another thread. */
export function packWorkbook(model: WorkbookModel): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
  let rowCount = 0;
  let cellCount = 0;
  for (const s of model.sheets) {
    rowCount += s.rows.length;
    for (const r of s.rows) cellCount += r.cells.length;
  }
  const sheetRows = new Int32Array(model.sheets.length);
  const rows = new Int32Array(rowCount * ROW_INTS);
  const cells = new Int32Array(cellCount * CELL_INTS);
  const values = new Float64Array(cellCount);
  const index = new Map<string, number>();
  const texts: string[] = [];
  const textIndex = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = texts.length;
      index.set(s, i);
      texts.push(s);
    }
    return i;
  };
  let ri = 0;
  let ci = 0;
  model.sheets.forEach((s, k) => {
    sheetRows[k] = s.rows.length;
    for (const row of s.rows) {
      rows[ri * ROW_INTS] = row.r;
      rows[ri * ROW_INTS + 1] = row.cells.length;
      rows[ri * ROW_INTS + 2] = row.outline ?? 0;
      rows[ri * ROW_INTS + 3] = row.hidden ? 1 : 0;
      ri++;
      for (const cell of row.cells) {
        const at = ci * CELL_INTS;
        cells[at] = cell.c;
        cells[at + 1] = TYPE_INDEX[cell.t] + (cell.f ? FORMULA : 0);
        cells[at + 2] = cell.fmt !== undefined ? textIndex(cell.fmt) + 1 : 0;
        cells[at + 3] = cell.indent ?? 0;
        values[ci] = typeof cell.v === 'number' ? cell.v : typeof cell.v === 'boolean' ? (cell.v ? 1 : 0) : textIndex(cell.v);
        ci++;
      }
    }
  });
  const head = JSON.stringify({ ...model, sheets: model.sheets.map((s) => ({ ...s, rows: [] })) });
  const lengths = Int32Array.from(texts, (t) => t.length);
  const packed: PackedWorkbook = { head, sheetRows, rows, cells, values, text: texts.join(''), lengths };
  return { packed, transfer: [sheetRows.buffer, rows.buffer, cells.buffer, values.buffer, lengths.buffer] as ArrayBuffer[] };
}

/** The model back from its packed form; throws when the parts do not fit together (never a half model). */
export function unpackWorkbook(p: PackedWorkbook): WorkbookModel {
  const model = JSON.parse(p.head) as WorkbookModel;
  const bad = (what: string): never => {
    throw new Error(`the packed workbook is inconsistent (${what})`);
  };
  if (!(p.sheetRows instanceof Int32Array) || !(p.rows instanceof Int32Array) || !(p.cells instanceof Int32Array) || !(p.values instanceof Float64Array) || !(p.lengths instanceof Int32Array) || typeof p.text !== 'string')
    bad('parts of the wrong kind');
  if (p.sheetRows.length !== model.sheets.length) bad('sheet count');
  const texts: string[] = new Array(p.lengths.length);
  let at = 0;
  for (let i = 0; i < p.lengths.length; i++) {
    const end = at + p.lengths[i]!;
    texts[i] = p.text.slice(at, end);
    at = end;
  }
  if (at !== p.text.length) bad('text lengths');
  const text = (i: number) => texts[i] ?? bad(`text ${i}`);
  const rowTotal = p.rows.length / ROW_INTS;
  let ri = 0;
  let ci = 0;
  const cellTotal = p.values.length;
  if (p.cells.length !== cellTotal * CELL_INTS) bad('cell arrays');
  model.sheets.forEach((sheet: SheetModel, k) => {
    const n = p.sheetRows[k]!;
    if (ri + n > rowTotal) bad('row count');
    const rows: Row[] = new Array(n);
    for (let j = 0; j < n; j++, ri++) {
      const base = ri * ROW_INTS;
      const count = p.rows[base + 1]!;
      if (ci + count > cellTotal) bad('cell count');
      const cells: Cell[] = new Array(count);
      for (let m = 0; m < count; m++, ci++) {
        const c = ci * CELL_INTS;
        const kind = p.cells[c + 1]!;
        const t = TYPES[kind & 7] ?? bad(`cell type ${kind}`);
        const raw = p.values[ci]!;
        const cell: Cell = { c: p.cells[c]!, t, v: t === 's' || t === 'e' ? text(raw) : t === 'b' ? raw === 1 : raw };
        if (kind & FORMULA) cell.f = true;
        const fmt = p.cells[c + 2]!;
        if (fmt > 0) cell.fmt = text(fmt - 1);
        const indent = p.cells[c + 3]!;
        if (indent > 0) cell.indent = indent;
        cells[m] = cell;
      }
      const row: Row = { r: p.rows[base]!, cells };
      const outline = p.rows[base + 2]!;
      if (outline > 0) row.outline = outline;
      if (p.rows[base + 3] === 1) row.hidden = true;
      rows[j] = row;
    }
    sheet.rows = rows;
  });
  if (ri !== rowTotal || ci !== cellTotal) bad('rows or cells left over');
  return model;
}
