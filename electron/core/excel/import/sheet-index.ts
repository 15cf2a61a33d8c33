// Fast look-ups over one sheet of the model: a cell by (row, column) and the merged range covering a
// cell. Built from the cells present only; a merge is indexed by the columns asked for, so a huge
// merged range costs one entry per column of interest, not one per cell it covers.
import type { Cell, Merge, Row, SheetModel } from '../../../common/excel/model.js';

/**
 * The row map and merge lists of a sheet, kept while the sheet lives: a preview indexes the same sheet
 * in detection, readTable, the predecessors' readings and the header signature, and each index of a
 * 100,000-row sheet built its own 100,000-entry map. Checked against the rows and merges arrays (the
 * same arrays, as long): a sheet whose rows were replaced or added to is indexed afresh.
 */
interface Lookups {
  rows: readonly Row[];
  rowCount: number;
  merges: readonly Merge[];
  mergeCount: number;
  /** Row r's place in `rows` plus one (0: no row r): a typed array, where a 100,000-entry Map's look-ups were ~0.1 s of each pass over a big sheet. */
  rowAt: Int32Array;
  mergesByColumn: Map<number, Merge[]>;
}
const LOOKUPS = new WeakMap<SheetModel, Lookups>();

function lookupsOf(sheet: SheetModel): Lookups {
  const kept = LOOKUPS.get(sheet);
  if (kept && kept.rows === sheet.rows && kept.rowCount === sheet.rows.length) {
    if (kept.merges !== sheet.merges || kept.mergeCount !== sheet.merges.length) {
      kept.merges = sheet.merges;
      kept.mergeCount = sheet.merges.length;
      kept.mergesByColumn = new Map();
    }
    return kept;
  }
  let last = -1;
  for (const row of sheet.rows) if (row.r > last) last = row.r;
  const rowAt = new Int32Array(last + 1);
  // (A row listed twice is found as its last listing, as a Map filled in order would.)
  sheet.rows.forEach((row, i) => (rowAt[row.r] = i + 1));
  const made: Lookups = { rows: sheet.rows, rowCount: sheet.rows.length, merges: sheet.merges, mergeCount: sheet.merges.length, rowAt, mergesByColumn: new Map() };
  LOOKUPS.set(sheet, made);
  return made;
}

export class SheetIndex {
  readonly rowAt: Int32Array;
  private readonly rows: readonly Row[];
  private readonly mergesByColumn: Map<number, Merge[]>;

  constructor(readonly sheet: SheetModel) {
    ({ rowAt: this.rowAt, rows: this.rows, mergesByColumn: this.mergesByColumn } = lookupsOf(sheet));
  }

  row(r: number): Row | undefined {
    const i = r >= 0 && r < this.rowAt.length ? this.rowAt[r]! : 0;
    const row = i > 0 ? this.rows[i - 1] : undefined;
    return row?.r === r ? row : undefined;
  }

  /**
   * The first `count` rows with values below row `r` (0-based), found by halving the sheet's rows (they
   * are ordered by row): detection samples rows under each header it tries, and filtering all 100,000
   * rows of a big sheet for each try was most of its time.
   */
  rowsBelow(r: number, count: number): Row[] {
    const rows = this.sheet.rows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.r > r) hi = mid;
      else lo = mid + 1;
    }
    return rows.slice(lo, lo + count);
  }

  /**
   * The cell at (r, c), found by halving the row's cells (ordered by column, model.ts): a Map per row
   * asked was ~0.5 s and most of the collector's work of a 100,000-row preview.
   */
  cell(r: number, c: number): Cell | undefined {
    const cells = this.row(r)?.cells;
    if (!cells) return undefined;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = cells[mid]!.c;
      if (at === c) return cells[mid];
      if (at < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The merged range covering (r, c), if any. */
  mergeAt(r: number, c: number): Merge | undefined {
    let list = this.mergesByColumn.get(c);
    if (!list) {
      list = this.sheet.merges.filter((m) => m.c1 <= c && c <= m.c2).sort((a, b) => a.r1 - b.r1);
      this.mergesByColumn.set(c, list);
    }
    // Merges never overlap, so at most one covers (r, c): the last starting at or above r.
    let lo = 0;
    let hi = list.length - 1;
    let found: Merge | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.r1 <= r) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.r2 >= r ? found : undefined;
  }

  /** The cell at (r, c), or the value of the merged range covering it (its top-left cell). */
  valueAt(r: number, c: number): Cell | undefined {
    const own = this.cell(r, c);
    if (own) return own;
    const m = this.mergeAt(r, c);
    return m && (m.r1 !== r || m.c1 !== c) ? this.cell(m.r1, m.c1) : undefined;
  }
}
