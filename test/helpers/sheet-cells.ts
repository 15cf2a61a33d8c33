// A sheet's cells as a person compares them: every non-empty cell as 'A12=value' (formulas as =…, dates
// as yyyy-mm-dd), row by row — for tests that check an export left every other cell as it was.
import ExcelJS from 'exceljs';

export async function sheetCells(bytes: Buffer, sheet: string): Promise<Map<number, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out = new Map<number, string[]>();
  wb.getWorksheet(sheet)!.eachRow({ includeEmpty: false }, (row, r) => {
    const shown: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      if (v === null || v === undefined) return;
      const f = (v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula;
      shown.push(`${cell.address}=${f ? `=${cell.formula}` : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)}`);
    });
    if (shown.length) out.set(r, shown);
  });
  return out;
}
