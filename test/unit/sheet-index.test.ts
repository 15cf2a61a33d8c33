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

describe('SheetIndex.row', () => {
  it('answers each row as a map of the listed rows would: out of order, repeated (the last listing), none, beyond the last', () => {
    const rows: Row[] = [5, 0, 9, 5, 2].map((r, i) => ({ r, cells: [{ c: 0, t: 'n', v: i }] }));
    const ix = new SheetIndex({ name: 'S', state: 'visible', rows, merges: [] } as SheetModel);
    const byR = new Map(rows.map((row) => [row.r, row]));
    for (const r of [-1, 0, 1, 2, 3, 5, 8, 9, 10, 1e6, 2.5]) expect(ix.row(r)).toBe(byR.get(r));
    expect(ix.cell(5, 0)?.v).toBe(3);
  });
});

describe('SheetIndex shared per sheet', () => {
  const sheetOf = (rs: number[]): SheetModel => ({ name: 'S', state: 'visible', rows: rs.map((r) => ({ r, cells: [{ c: 0, t: 's', v: `row ${r}` }] })), merges: [] }) as SheetModel;

  it('a second index of the same sheet reuses the first one’s row index (a preview indexes one sheet several times)', () => {
    const sheet = sheetOf([0, 2, 5]);
    const a = new SheetIndex(sheet);
    const b = new SheetIndex(sheet);
    expect(b.rowAt).toBe(a.rowAt);
    expect(new SheetIndex(sheetOf([0, 2, 5])).rowAt).not.toBe(a.rowAt);
  });

  it('a sheet whose rows or merges changed since is indexed afresh, never answered from the old map', () => {
    const sheet = sheetOf([0, 2]);
    expect(new SheetIndex(sheet).cell(7, 0)).toBeUndefined();
    sheet.rows.push({ r: 7, cells: [{ c: 0, t: 's', v: 'added' }] });
    expect(new SheetIndex(sheet).cell(7, 0)?.v).toBe('added');
    sheet.rows = [{ r: 9, cells: [{ c: 1, t: 'n', v: 3 }] }];
    const fresh = new SheetIndex(sheet);
    expect(fresh.cell(0, 0)).toBeUndefined();
    expect(fresh.cell(9, 1)?.v).toBe(3);
    // A merge over (9..11, 1): asked before it is there, then after.
    expect(fresh.valueAt(10, 1)).toBeUndefined();
    sheet.merges.push({ r1: 9, c1: 1, r2: 11, c2: 1 });
    expect(new SheetIndex(sheet).valueAt(10, 1)?.v).toBe(3);
  });
});
