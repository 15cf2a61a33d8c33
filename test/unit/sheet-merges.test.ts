// SheetMerges gives a sheet the merges ExcelJS's own mergeCells gives it and refuses an overlap as
// ExcelJS does (it exists for speed: ExcelJS checks each new range against every merge of the sheet).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetMerges } from '../../electron/core/excel/sheet-merges.js';

const RANGES: [number, number, number, number][] = [
  [1, 1, 1, 8],
  [2, 2, 2, 5],
  [3, 1, 5, 1],
  [3, 2, 3, 3],
  [6, 4, 7, 8],
];

describe('SheetMerges', () => {
  it('leaves the sheet merged exactly as ExcelJS mergeCells does, in the written file too', async () => {
    const ours = new ExcelJS.Workbook();
    const theirs = new ExcelJS.Workbook();
    const a = ours.addWorksheet('S');
    const b = theirs.addWorksheet('S');
    const m = new SheetMerges(a);
    for (const [r1, c1, r2, c2] of RANGES) {
      m.merge(r1, c1, r2, c2);
      b.mergeCells(r1, c1, r2, c2);
      a.getCell(r1, c1).value = b.getCell(r1, c1).value = `${r1}:${c1}`;
    }
    expect(a.model.merges).toEqual(b.model.merges);
    expect(a.getCell(2, 4).isMerged && a.getCell(2, 4).master.address).toBe('B2');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await ours.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet('S')!.model.merges.sort()).toEqual([...b.model.merges].sort());
  });

  it('refuses a range over a cell already merged, as ExcelJS does, and keeps the sheet as it was', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    const m = new SheetMerges(ws);
    m.merge(1, 1, 2, 3);
    expect(() => m.merge(1, 3, 1, 4)).toThrow('Cannot merge already merged cells');
    expect(ws.model.merges).toEqual(['A1:C2']);
    // The refused range's other cells stay free.
    m.merge(1, 4, 1, 5);
    expect(ws.model.merges).toEqual(['A1:C2', 'D1:E1']);
  });
});
