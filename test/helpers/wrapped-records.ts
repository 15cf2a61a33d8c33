// Records whose text a client wrapped by hand over several rows (one line per row in the text column),
// their other cells on the first row — written the same way for every test that exports into such a log.
import type ExcelJS from 'exceljs';

export interface WrappedRecord {
  /** Values by 0-based column, on the record's first row (dates shown yyyy/m/d). */
  cells: Record<number, string | number | Date>;
  /** The text's lines, one row each, in column `text`. */
  lines: string[];
}

/** Writes `records` from sheet row `first` down; `each` adds what a test puts on a record's first row. Answers the next free row. */
export function writeWrappedRecords<R extends WrappedRecord>(ws: ExcelJS.Worksheet, records: readonly R[], text: number, first = 2, each?: (rec: R, row: number) => void): number {
  let r = first;
  for (const rec of records) {
    for (const [c, v] of Object.entries(rec.cells)) {
      const cell = ws.getCell(r, Number(c) + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy/m/d';
    }
    each?.(rec, r);
    for (const line of rec.lines) ws.getCell(r++, text + 1).value = line;
  }
  return r;
}
