// The sheet model a workbook (xlsx, xlsm or csv) is read into, in the reader worker. Plain JSON-safe
// data: no class instances, no library objects, nothing a later step could pass into exceljs. Rows
// and cells are listed only where the file holds a value, so every loop over a sheet is bounded by
// the cells actually present, never by a row count the file claims.

/**
 * A cell value's type. 's' text, 'n' number, 'd' a number formatted as a date or time (`v` is the
 * Excel serial as stored; see `WorkbookModel.date1904`), 'b' boolean, 'e' an error such as #N/A.
 */
export type CellType = 's' | 'n' | 'd' | 'b' | 'e';

export interface Cell {
  /** 0-based column (A = 0). */
  c: number;
  t: CellType;
  v: string | number | boolean;
  /** The value is a formula's cached result. */
  f?: true;
  /** Number format code of 'n' and 'd' cells when it is not General ('0%', 'yyyy/m/d', …). */
  fmt?: string;
  /** Cell indent level (Format Cells → Alignment → Indent). */
  indent?: number;
}

export interface Row {
  /** 0-based row (row 1 = 0). */
  r: number;
  /** Cells with a value, ordered by column. */
  cells: Cell[];
  /** Excel row grouping level (Data → Group), 1–7. */
  outline?: number;
  hidden?: true;
}

/** A merged range, 0-based and inclusive; the value sits in the top-left cell (r1, c1). */
export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ListValidation {
  sqref: string;
  formula: string;
}

/** An Excel table object (Insert → Table, xl/tables/tableN.xml): its range as written, header and totals rows. */
export interface TableObject {
  name: string;
  /** The whole range, header and totals rows included. */
  ref: Merge;
  /** 0 when the table shows no header row. */
  headerRows: number;
  totalsRows: number;
}

export interface SheetModel {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Rows with at least one value, ordered by row. */
  rows: Row[];
  merges: Merge[];
  /** List validations as written: the cells they cover (sqref, A1 ranges) and the list's formula ("a,b", $X$1:$X$5, Lists!$A:$A, a name). */
  lists?: ListValidation[];
  /** Excel table objects on the sheet: they say exactly where a table's header and data are. */
  tables?: TableObject[];
  /** Frozen panes (View → Freeze Panes): the rows and columns kept in view above and left of the scroll. */
  frozen?: { rows: number; cols: number };
  /** The sheet's AutoFilter range (Data → Filter), 0-based: its first row holds the filter buttons. */
  autoFilter?: Merge;
  /**
   * Cells painted a solid colour, with or without a value, as flat (0-based row, column, fill) triples in
   * the order read; cells painted alike share the fill number. A client's gantt drawn only as fills under
   * a row of dates holds its plan here (import/band-dates.ts). Absent when none, or too many to keep.
   */
  fills?: number[];
  /** Hidden columns, 0-based ranges (c1–c2 inclusive): usually a template's helper columns. */
  hiddenColumns?: { c1: number; c2: number }[];
  /** Why the sheet's cells were not read (a chart sheet, values beyond the row limit…). */
  skipped?: string;
}

export interface WorkbookModel {
  fileName: string;
  /** What the content is (sniffed from the bytes, not taken from the extension). */
  format: 'xlsx' | 'xlsm' | 'csv';
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of Excel's 1900 system. */
  date1904: boolean;
  sheets: SheetModel[];
  /** CSV only: the text encoding the bytes were decoded from. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';
  /** Things the reader noticed without refusing the file (e.g. a .xlsx name on CSV content). */
  notes: string[];
  /** Workbook-level defined names → their formula (Statuses → Lists!$A$2:$A$6). */
  names?: Record<string, string>;
}

// ---------------------------------------------------------------- A1 references

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** (0-based row, column) → 'E12'. */
export function cellRef(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

/** 'E12' → { r: 11, c: 4 }; null when it is not a cell reference. Accepts $ signs. */
export function parseCellRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]);
  if (r < 1) return null;
  return { r: r - 1, c: c - 1 };
}

/** 'A1:C3' (or a single cell) → a Merge; null when malformed. */
export function parseRange(ref: string): Merge | null {
  const [a, b = a] = ref.split(':');
  const p = parseCellRef(a ?? '');
  const q = parseCellRef(b ?? '');
  if (!p || !q) return null;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

/** Excel's way of naming a sheet in a reference: quoted when it is not a plain word. */
export function sheetPrefix(sheet: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** A cell's text as people read it: numbers and booleans as typed, errors as #N/A. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
  return String(cell.v);
}
