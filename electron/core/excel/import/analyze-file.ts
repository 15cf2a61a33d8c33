// A chosen file → what an import preview starts from: read in the capped worker, then the table found,
// mapped and normalized. The later import API (excel.previewImport) calls this with the project's
// vocabularies; a profile replaces detection with its stored layout (readTable).
import type { ImportTarget } from '../../../common/excel/fields.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import { analyzeWorkbook, type Analysis, type ReadOptions as TableOptions } from './read-table.js';
import { readWorkbook, type ReadOptions as WorkerOptions } from '../capped-worker.js';

export type FileAnalysis = (Analysis & { model: WorkbookModel }) | { ok: false; reason: string; code: string; model?: undefined };

export async function analyzeFile(
  bytes: Uint8Array,
  fileName: string,
  target: ImportTarget,
  opts: TableOptions & WorkerOptions & { sheet?: string } = {},
): Promise<FileAnalysis> {
  let model: WorkbookModel;
  try {
    model = await readWorkbook(bytes, fileName, opts);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'READER_FAILED', reason: e.message ?? String(err) };
  }
  const analysis = analyzeWorkbook(model, target, opts);
  return analysis.ok ? { ...analysis, model } : { ok: false, code: 'NO_TABLE', reason: analysis.reason.startsWith(fileName) ? analysis.reason : `${fileName}: ${analysis.reason}` };
}
