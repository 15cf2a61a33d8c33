// What a caller asks the template writer to write. Plain data, JSON-safe.

/**
 * A value for one cell.
 * - text is always written as a shared string, so text such as "=1+1", "+81-3", "@home" or a
 *   leading tab stays text and never becomes a formula; '' clears the cell like null;
 * - a date is an Excel serial the caller computed for the template's date system (see dateSerial
 *   and inspectTemplate().date1904); a cell whose format shows no date gets a copy of its format with
 *   a date number format;
 * - null clears the value and keeps the cell's format.
 */
export type OutValue = { t: 's'; v: string } | { t: 'n'; v: number } | { t: 'b'; v: boolean } | { t: 'd'; v: number } | null;

export interface CellOut {
  value: OutValue;
  /** Alignment indent level (WBS hierarchy): the cell's format is copied with this indent when it differs. */
  indent?: number;
  /**
   * A format of the template's own (an index into its cellXfs) instead of the cell's: a gantt bar
   * painted or cleared the way the client paints it. The cell is written even when its value is null.
   */
  style?: number;
  /**
   * The value is typed over a formula the cell holds (the name a user gave a record whose cell held
   * the client's formula, ="task"&ROW() or a lookup), as a person types over it in Excel. Never over
   * a shared formula's master or an array formula, which other cells read: those stay.
   */
  overFormula?: boolean;
}

export interface TableWrite {
  /** Sheet name in the workbook. */
  sheet: string;
  /** 1-based first data row of the template's table. */
  firstRow: number;
  /**
   * 1-based last data row the template holds now; null when the table is empty (data then starts at
   * firstRow, and a pre-formatted blank row there gives the new rows their format).
   */
  lastRow: number | null;
  /** 0-based columns written; other columns keep what the template has. */
  columns: number[];
  /** rows[i][j] is the value for columns[j] on data row i; undefined leaves that cell as it is. */
  rows: (CellOut | undefined)[][];
  /**
   * The table's rows after the write, top to bottom, block by block: each a template row of
   * firstRow..lastRow kept (moved there with everything in it: values, formats, formulas, merges,
   * comments; references to it follow it), or a copy of one (`clone`: its row attributes, formats,
   * formulas copied as Excel copies them, merges, validations and conditional formats of its block;
   * no values). Template rows of the region left out are removed and everything below moves up.
   * rows[i] is then written into row firstRow + i. Without it the region stays as it is.
   */
  order?: { row: number; clone?: boolean }[];
  /**
   * With `order`: the table's own columns (0-based, first and last). Rows are moved, removed and
   * copied within them only; cells, merges, rules and references wholly in other columns (a list or
   * a second table beside the register) stay at their rows. Without it whole sheet rows move.
   */
  band?: [number, number];
  /**
   * Merged ranges of the template (A1 refs as the template has them, 'D5:D7') to undo before anything
   * moves: a group label merged down over several records whose values now differ. The cells under
   * it are then each its own, written like any other.
   */
  unmerge?: string[];
  /**
   * Merged ranges of the template made to cover less before anything moves (`from` as the template
   * has it, `to` inside it with the same top-left cell): a group label merged down over its records
   * that now labels only the first of them.
   */
  remerge?: { from: string; to: string }[];
  /**
   * Merged ranges laid anew once the rows have moved (output rows, 1-based): every merged range wholly
   * in one of `columns` within rows from..to goes, unless it is one of `merges`, and `merges` are
   * made. For 大/中 labels merged down over their group's rows: a group's rows are where the tree puts
   * them, not where the template's merge spanned. Nothing changes when the sheet already has exactly these.
   */
  regroup?: { columns: number[]; from: number; to: number; merges: string[] };
  /**
   * Excel's row grouping (outline level 0–7) of the written rows: outline[i] for data row i (where the
   * rows are after `order`); undefined keeps the row's own. A WBS whose tree is the rows' outline says
   * a task's new level so (indented, outdented). The sheet's stated deepest level follows.
   */
  outline?: (number | undefined)[];
}

/** One cell by address (form layouts; a defined name is resolved first with inspectTemplate). */
export interface CellWrite {
  sheet: string;
  /** A1 address, '$' allowed: 'B3'. */
  ref: string;
  value: CellOut;
}

/** A PNG placed with its top-left corner at a cell, at a size in pixels. */
export interface ImageWrite {
  sheet: string;
  ref: string;
  png: Uint8Array;
  width: number;
  height: number;
  /** The picture's name (and description) in the drawing. */
  name: string;
}

export interface WriteOptions {
  /** Named in error messages. */
  fileName?: string;
  /** Single cells to write (before the tables, at template addresses). */
  cells?: CellWrite[];
  /** Number format code for dates written into cells without a date format (default: built-in 14). */
  dateFormat?: string;
  /** Pictures to place, each at one cell (a template address, moved down with rows a table inserts above it). */
  images?: ImageWrite[];
  /** Filled in by the writer: what it did beyond writing values (for the UI to tell the user). */
  report?: WriteReport;
}

export interface WriteReport {
  /** Rows inserted to make room for a grown table (everything from `at` on moved down `count` rows). */
  inserted: { sheet: string; at: number; count: number }[];
  /** The file asks Excel to recalculate on open (a formula was added or changed, or a value it reads). */
  recalc: boolean;
}
