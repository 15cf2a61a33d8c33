// A workbook's sheets as text, for picking the cells of a form layout in a preview of the template.
import type { SheetPreview } from '../../../common/api/excel.js';
import { formatDate } from '../../../common/dates.js';
import type { Cell } from '../../../common/excel/model.js';
import { textOf } from '../../excel/import/cell-values.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import type { TemplateFacts } from '../../excel/template/index.js';

export const PREVIEW_ROWS = 200;
export const PREVIEW_COLUMNS = 60;

/** `names`: the workbook's defined names that point at a cell or range (inspectTemplateInWorker's listNames; none for a CSV). */
/** A cell as the preview draws it: a date as the app writes dates (yyyy/mm/dd), as Excel shows a date cell rather than its ISO text. */
function shownText(cell: Cell, date1904: boolean): string {
  const text = textOf(cell, date1904);
  return cell.t === 'd' ? formatDate(text) || text : text;
}

export function sheetPreview(model: WorkbookModel, names: TemplateFacts['definedNames']): SheetPreview {
  return {
    fileName: model.fileName,
    sheets: model.sheets
      .filter((s) => !s.skipped && s.state !== 'veryHidden')
      .map((s) => ({
        name: s.name,
        rows: s.rows
          .filter((r) => r.r < PREVIEW_ROWS)
          .map((r) => ({ r: r.r + 1, cells: r.cells.filter((c) => c.c < PREVIEW_COLUMNS).map((c) => ({ c: c.c, text: shownText(c, model.date1904) })) })),
        merges: s.merges.filter((m) => m.r1 < PREVIEW_ROWS && m.c1 < PREVIEW_COLUMNS).map((m) => ({ r1: m.r1 + 1, c1: m.c1, r2: m.r2 + 1, c2: m.c2 })),
      })),
    names,
  };
}
