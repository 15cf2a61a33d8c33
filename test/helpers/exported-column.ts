// One column of an exported workbook's first sheet, below its header row, as text (null for an empty cell).
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

export function exportedColumn(dataBase64: string, c: number): (string | null)[] {
  return readWorkbookBytes(Buffer.from(dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => {
    const v = r.cells.find((x) => x.c === c)?.v;
    return v === undefined || v === null ? null : String(v);
  });
}
