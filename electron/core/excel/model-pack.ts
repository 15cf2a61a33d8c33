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

/**
 * Where a sheet's cells go as they are read, row by row: the model's Row and Cell objects, or the packed
 * arrays (CellPacker). The reader of a workbook (parse-xlsx.ts) writes through this, so the reader's
 * process (capped-worker-entry.ts) packs cells as it reads them, without a Cell object per cell.
 */
export interface CellSink {
  /** Starts row `r` (0-based) of the current sheet; the row before it is kept when it has cells. */
  startRow(r: number, outline: number, hidden: boolean): void;
  /** The 0-based row cells go into now; -1 before the first. */
  currentRow(): number;
  /**
   * A cell of the current row. `fmt`: the number format, or undefined; `indent` 0 for none; `shared`:
   * the index of `v` among the workbook's shared strings (sharedStrings), -1 when it is not one.
   */
  cell(c: number, t: CellType, v: string | number | boolean, f: boolean, fmt: string | undefined, indent: number, shared: number): void;
  /** The workbook's shared strings, before any cell names one. */
  sharedStrings(sst: string[]): void;
  /** Drops what was read of the current sheet (a reading that starts again, or a sheet left out). */
  resetSheet(): void;
}

/** A sheet's cells as the model's Row and Cell objects (readXlsx). */
export class RowObjects implements CellSink {
  rows: Row[] = [];
  private row: Row | null = null;
  private sorted = true;
  startRow(r: number, outline: number, hidden: boolean): void {
    if (this.row && this.row.cells.length > 0) this.rows.push(this.row);
    if (this.row && r < this.row.r) this.sorted = false;
    const row: Row = { r, cells: [] };
    if (outline > 0) row.outline = outline;
    if (hidden) row.hidden = true;
    this.row = row;
  }
  currentRow(): number {
    return this.row ? this.row.r : -1;
  }
  resetSheet(): void {
    this.rows = [];
    this.row = null;
    this.sorted = true;
  }
  sharedStrings(): void {}
  cell(c: number, t: CellType, v: string | number | boolean, f: boolean, fmt: string | undefined, indent: number): void {
    const cell: Cell = { c, t, v };
    if (f) cell.f = true;
    if (fmt !== undefined) cell.fmt = fmt;
    if (indent > 0) cell.indent = indent;
    this.row!.cells.push(cell);
  }
  /** The rows read, in row order, each row's cells in column order (both stable: a repeated row or column keeps its place). */
  finish(): Row[] {
    if (this.row && this.row.cells.length > 0) this.rows.push(this.row);
    this.row = null;
    if (!this.sorted) this.rows.sort((p, q) => p.r - q.r);
    for (const r of this.rows) {
      for (let k = 1; k < r.cells.length; k++)
        if (r.cells[k]!.c <= r.cells[k - 1]!.c) {
          r.cells.sort((p, q) => p.c - q.c);
          break;
        }
    }
    return this.rows;
  }
}

/** Growable typed arrays. */
class Ints {
  a: Int32Array;
  n = 0;
  constructor(size: number) {
    this.a = new Int32Array(size);
  }
  grow(by: number): void {
    if (this.n + by <= this.a.length) return;
    const next = new Int32Array(Math.max(this.a.length * 2, this.n + by));
    next.set(this.a.subarray(0, this.n));
    this.a = next;
  }
}

/**
 * The cells of a workbook's sheets straight into PackedWorkbook's arrays, as they are read: one sheet
 * after another (beginSheet … endSheet), rows in any order (sorted at endSheet, as RowObjects sorts).
 * For a 100,000-row sheet the reader's process made 1.2 million Cell objects and then packed them.
 */
export class CellPacker implements CellSink {
  private rows = new Ints(4096 * ROW_INTS);
  private cells = new Ints(16384 * CELL_INTS);
  private values = new Float64Array(16384);
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Where the workbook's shared strings start in `texts` (-1: none given): a shared string's cell names its text by its index. */
  private sharedAt = -1;
  /** The last number format written and its index (a column of dates writes the same one row after row). */
  private lastFmt: string | undefined = undefined;
  private lastFmtIndex = 0;
  private readonly sheetRows: number[] = [];
  /** The first row and cell of the sheet being read; the current row's place (-1: none yet). */
  private sheetRow = 0;
  private sheetCell = 0;
  private row = -1;
  private sorted = true;

  private textIndex(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.texts.length;
      this.index.set(s, i);
      this.texts.push(s);
    }
    return i;
  }
  /**
   * The shared strings go into the texts as they are, each cell naming its own by index: looking each
   * one up by its text to write it once cost more than the reading of the cells (a workbook's table may
   * list the same text many times; it crosses once per entry, as the file holds it).
   */
  sharedStrings(sst: string[]): void {
    this.sharedAt = this.texts.length;
    for (const s of sst) this.texts.push(s);
  }
  beginSheet(): void {
    this.sheetRow = this.rows.n / ROW_INTS;
    this.sheetCell = this.cells.n / CELL_INTS;
    this.row = -1;
    this.sorted = true;
  }
  resetSheet(): void {
    this.rows.n = this.sheetRow * ROW_INTS;
    this.cells.n = this.sheetCell * CELL_INTS;
    this.row = -1;
    this.sorted = true;
  }
  startRow(r: number, outline: number, hidden: boolean): void {
    const rows = this.rows;
    if (this.row >= 0) {
      const prev = rows.a[this.row]!;
      if (rows.a[this.row + 1] === 0) rows.n = this.row; // the row before holds no cell: not kept
      if (r < prev) this.sorted = false;
    }
    rows.grow(ROW_INTS);
    this.row = rows.n;
    rows.a[rows.n++] = r;
    rows.a[rows.n++] = 0;
    rows.a[rows.n++] = outline;
    rows.a[rows.n++] = hidden ? 1 : 0;
  }
  currentRow(): number {
    return this.row >= 0 ? this.rows.a[this.row]! : -1;
  }
  cell(c: number, t: CellType, v: string | number | boolean, f: boolean, fmt: string | undefined, indent: number, shared: number): void {
    const cells = this.cells;
    cells.grow(CELL_INTS);
    const ci = cells.n / CELL_INTS;
    if (ci >= this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    const a = cells.a;
    a[cells.n++] = c;
    a[cells.n++] = TYPE_INDEX[t] + (f ? FORMULA : 0);
    if (fmt !== undefined && fmt !== this.lastFmt) {
      this.lastFmt = fmt;
      this.lastFmtIndex = this.textIndex(fmt) + 1;
    }
    a[cells.n++] = fmt !== undefined ? this.lastFmtIndex : 0;
    a[cells.n++] = indent;
    if (typeof v === 'string') this.values[ci] = shared >= 0 && this.sharedAt >= 0 ? this.sharedAt + shared : this.textIndex(v);
    else this.values[ci] = typeof v === 'number' ? v : v ? 1 : 0;
    this.rows.a[this.row + 1]!++;
  }
  /** Ends the sheet: its rows sorted by row, each row's cells by column (stable), as RowObjects does. */
  endSheet(): void {
    if (this.row >= 0 && this.rows.a[this.row + 1] === 0) this.rows.n = this.row;
    this.row = -1;
    const first = this.sheetRow;
    const count = this.rows.n / ROW_INTS - first;
    this.sheetRows.push(count);
    const rows = this.rows.a;
    let cellsSorted = true;
    for (let i = first, at = this.sheetCell; i < first + count && cellsSorted; i++) {
      const n = rows[i * ROW_INTS + 1]!;
      for (let k = 1; k < n; k++)
        if (this.cells.a[(at + k) * CELL_INTS]! <= this.cells.a[(at + k - 1) * CELL_INTS]!) {
          cellsSorted = false;
          break;
        }
      at += n;
    }
    if (this.sorted && cellsSorted) return;
    // Rare (a file another tool wrote out of order): the sheet's rows and cells copied out in order.
    const starts: number[] = [];
    for (let i = first, at = this.sheetCell; i < first + count; i++) {
      starts.push(at);
      at += rows[i * ROW_INTS + 1]!;
    }
    const order = Array.from({ length: count }, (_, k) => k);
    if (!this.sorted) order.sort((p, q) => rows[(first + p) * ROW_INTS]! - rows[(first + q) * ROW_INTS]!);
    const oldRows = rows.slice(first * ROW_INTS, (first + count) * ROW_INTS);
    const oldCells = this.cells.a.slice(this.sheetCell * CELL_INTS, this.cells.n);
    const oldValues = this.values.slice(this.sheetCell, this.cells.n / CELL_INTS);
    let ci = 0;
    order.forEach((k, j) => {
      rows.set(oldRows.subarray(k * ROW_INTS, (k + 1) * ROW_INTS), (first + j) * ROW_INTS);
      const n = oldRows[k * ROW_INTS + 1]!;
      const from = starts[k]! - this.sheetCell;
      const byColumn = Array.from({ length: n }, (_, m) => from + m).sort((p, q) => oldCells[p * CELL_INTS]! - oldCells[q * CELL_INTS]!);
      for (const m of byColumn) {
        this.cells.a.set(oldCells.subarray(m * CELL_INTS, (m + 1) * CELL_INTS), (this.sheetCell + ci) * CELL_INTS);
        this.values[this.sheetCell + ci] = oldValues[m]!;
        ci++;
      }
    });
  }
  /** The packed workbook: `model` without its rows (its sheets in the order they were read), and the buffers to move. */
  finish(model: WorkbookModel): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
    if (this.sheetRows.length !== model.sheets.length) throw new Error(`packed ${this.sheetRows.length} sheets of ${model.sheets.length}`);
    const sheetRows = Int32Array.from(this.sheetRows);
    const rows = this.rows.a.slice(0, this.rows.n);
    const cells = this.cells.a.slice(0, this.cells.n);
    const values = this.values.slice(0, this.cells.n / CELL_INTS);
    const head = JSON.stringify({ ...model, sheets: model.sheets.map((s) => ({ ...s, rows: [] })) });
    const lengths = Int32Array.from(this.texts, (t) => t.length);
    const packed: PackedWorkbook = { head, sheetRows, rows, cells, values, text: this.texts.join(''), lengths };
    return { packed, transfer: [sheetRows.buffer, rows.buffer, cells.buffer, values.buffer, lengths.buffer] as ArrayBuffer[] };
  }
}

/** The model packed, and the buffers to move (not copy) to another thread. */
export function packWorkbook(model: WorkbookModel): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
  const packer = new CellPacker();
  for (const s of model.sheets) {
    packer.beginSheet();
    for (const row of s.rows) {
      packer.startRow(row.r, row.outline ?? 0, row.hidden === true);
      for (const cell of row.cells) packer.cell(cell.c, cell.t, cell.v, cell.f === true, cell.fmt, cell.indent ?? 0, -1);
    }
    packer.endSheet();
  }
  return packer.finish(model);
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
