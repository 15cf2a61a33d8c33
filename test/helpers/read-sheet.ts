// One sheet of rows read as the import reads it (detection + read-table), for the detection rules' tests:
// from a workbook written by ExcelJS (readRows: cells as Excel saves them) or from the in-memory model
// (readModel: merges given by address). Throws the import's own reason when no table is found.
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const TODAY = '2025-06-15';

export async function readRows(rows: unknown[][], target: ImportTarget = 'wbs', sheetName = 'WBS'): Promise<ImportTable> {
  const a = analyzeWorkbook(readWorkbookBytes(await workbook([{ name: sheetName, rows: rows as never }]), 'x.xlsx'), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}

export function readModel(rows: ModelCell[][], target: ImportTarget = 'wbs', merges: string[] = [], sheetName = 'WBS'): ImportTable {
  const a = analyzeWorkbook(model(sheet(sheetName, rows, merges)), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}

/** The records' names indented by their depth (two spaces a level): the tree as one array. */
export const treeNames = (t: ImportTable) => t.records.map((r) => `${'  '.repeat(r.level ?? 0)}${String(r.values.name)}`);
