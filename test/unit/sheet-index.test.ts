// SheetIndex.rowsBelow: the rows detection samples under a header, found by halving instead of
// filtering every row of the sheet; the same rows filtering finds.
import { describe, expect, it } from 'vitest';
import type { Row, SheetModel } from '../../electron/common/excel/model.js';
import { SheetIndex } from '../../electron/core/excel/import/sheet-index.js';

describe('SheetIndex.rowsBelow', () => {
  it('answers the first rows with values below a row, as filtering the sheet does', () => {
    // Rows with gaps between them, as a sheet lists only rows that hold values.
    const rows: Row[] = [0, 1, 3, 4, 9, 10, 11, 50, 51, 52].map((r) => ({ r, cells: [{ c: 0, t: 's', v: `row ${r}` }] }));
    const ix = new SheetIndex({ name: 'S', state: 'visible', rows, merges: [] } as SheetModel);
    for (const below of [-1, 0, 2, 3, 8, 9, 49, 52, 100])
      for (const count of [0, 1, 3, 30]) expect(ix.rowsBelow(below, count)).toEqual(rows.filter((x) => x.r > below).slice(0, count));
    expect(new SheetIndex({ name: 'E', state: 'visible', rows: [], merges: [] }).rowsBelow(0, 5)).toEqual([]);
  });
});
