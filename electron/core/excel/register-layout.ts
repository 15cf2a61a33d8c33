// PMO Desk's own layout for a register (WBS, risks, issues, changes) when the client has no format of
// its own: a NEW workbook (exceljs), Japanese or English, that prints and filters well and comes back
// in through the import with no mapping to fix.
//   - a title block (project, register, export date), the header in row 4, frozen, with filters;
//   - dates as real dates shown yyyy/mm/dd, progress as %, list values as their labels with a
//     drop-down (the lists sit on a hidden sheet), ratings 1–5 as whole-number validations;
//   - the WBS tree as WBS codes and indented names, summaries in bold;
//   - the client's extra columns after ours;
//   - A4 landscape, fit to one page wide, the header repeated on every page.
// Every user text is a string cell, never a formula, whatever it starts with.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../common/excel/fields.js';
import { EXPORT_HEADERS } from '../../common/excel/headers.js';
import { columnName, sheetPrefix } from '../../common/excel/model.js';
import type { Language } from './minutes-layout.js';

const FONT = 'Meiryo UI';
export const HEADER_ROW = 4;

export type ColumnKind = 'text' | 'longText' | 'date' | 'number' | 'percent' | 'rating' | 'list' | 'mark' | 'code';

export interface LayoutColumn {
  /** A field, or `extra:<key>`. */
  key: string;
  header: string;
  kind: ColumnKind;
  /** For 'list': the labels offered. */
  options?: string[];
}

export interface LayoutRow {
  /** Values by column key: text, numbers, yyyy-mm-dd for dates, labels for lists, null for empty. */
  values: Record<string, string | number | boolean | null>;
  /** WBS: depth (indents the name) and whether the row is a summary (bold). */
  level?: number;
  summary?: boolean;
}

export interface RegisterLayoutInput {
  target: ImportTarget;
  language: Language;
  projectName: string;
  /** yyyy-mm-dd. */
  today: string;
  columns: LayoutColumn[];
  rows: LayoutRow[];
}

export const REGISTER_TITLES: Record<ImportTarget, Record<Language, string>> = {
  wbs: { ja: 'WBS', en: 'WBS' },
  risk: { ja: 'リスク管理表', en: 'Risk Register' },
  issue: { ja: '課題管理表', en: 'Issue Log' },
  change: { ja: '変更管理表', en: 'Change Log' },
};

const WIDTHS: Record<ColumnKind, number> = { text: 16, longText: 40, date: 12, number: 10, percent: 9, rating: 9, list: 12, mark: 8, code: 10 };

/** Width of a text in Excel column units: a full-width (CJK) character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Lines a wrapped cell of `width` column units takes: each line of the text, broken where it overflows. */
export function wrappedLines(text: string, width: number): number {
  // A little less than the column: the cell's padding, and words that break early.
  const room = Math.max(1, width - 1.5);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** Points per line of 10 pt Meiryo UI, and the row's padding. */
const LINE_HEIGHT = 13.5;
const ROW_PADDING = 4;

/** yyyy-mm-dd → a Date exceljs writes as that calendar day's serial. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The headers of a target's fields in a language, in the layout's order. */
export function headerOf(target: ImportTarget, field: string, language: Language): string {
  return EXPORT_HEADERS[target][field]?.[language] ?? field;
}

export function registerWorkbook(input: RegisterLayoutInput): ExcelJS.Workbook {
  const { columns, rows, language } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PMO Desk';
  const title = REGISTER_TITLES[input.target][language];
  const ws = wb.addWorksheet(title, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: input.target === 'wbs' ? 2 : 1, showGridLines: true }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: { oddFooter: '&P / &N' },
  });
  ws.properties.defaultRowHeight = 18;
  ws.getCell('A1').value = `${input.projectName} ${title}`;
  ws.getCell('A1').font = { name: FONT, size: 14, bold: true };
  ws.getCell('A2').value = `${language === 'ja' ? '出力日' : 'Exported'}: ${input.today.replaceAll('-', '/')}`;
  ws.getCell('A2').font = { name: FONT, size: 9, color: { argb: 'FF595959' } };

  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const widthOf = (col: LayoutColumn) => (col.key === 'name' || col.key === 'title' ? 36 : WIDTHS[col.kind]);
  columns.forEach((col, j) => {
    const c = j + 1;
    ws.getColumn(c).width = widthOf(col);
    const cell = ws.getCell(HEADER_ROW, c);
    cell.value = col.header;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = border;
  });
  ws.getRow(HEADER_ROW).height = 30;

  rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    // Wrapped text sets the row's height: printed (or converted to PDF) rows do not grow by themselves,
    // and a row of the default height would let its text run over the next one.
    let lines = 1;
    for (const col of columns) {
      const v = row.values[col.key];
      if (typeof v === 'string' && (col.kind === 'text' || col.kind === 'longText'))
        lines = Math.max(lines, wrappedLines(v, widthOf(col) - (col.key === 'name' && row.level ? Math.min(row.level * 2, 15) : 0)));
    }
    if (lines > 1) ws.getRow(r).height = lines * LINE_HEIGHT + ROW_PADDING;
    columns.forEach((col, j) => {
      const cell = ws.getCell(r, j + 1);
      const v = row.values[col.key] ?? null;
      cell.font = { name: FONT, size: 10, bold: !!row.summary };
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: col.kind === 'longText' || col.kind === 'text' };
      if (v === null || v === '') return;
      switch (col.kind) {
        case 'date':
          cell.value = excelDate(String(v));
          cell.numFmt = 'yyyy/mm/dd';
          cell.alignment = { vertical: 'top', horizontal: 'center' };
          break;
        case 'percent':
          cell.value = Number(v) / 100;
          cell.numFmt = '0%';
          break;
        case 'number':
        case 'rating':
          cell.value = Number(v);
          if (col.kind === 'rating') cell.alignment = { vertical: 'top', horizontal: 'center' };
          break;
        case 'mark':
          cell.value = v === true ? '◆' : '';
          cell.alignment = { vertical: 'top', horizontal: 'center' };
          break;
        default:
          // Text is a string cell, always: "=SUM(…)" typed by a user stays text. (Numbers and booleans
          // of the client's extra columns stay what they were.)
          cell.value = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
          if (col.key === 'name' && row.level) cell.alignment = { vertical: 'top', wrapText: true, indent: Math.min(row.level * 2, 15) };
      }
    });
  });

  const last = HEADER_ROW + Math.max(rows.length, 1);
  const lastCol = columnName(columns.length - 1);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  ws.pageSetup.printArea = `A1:${lastCol}${last}`;

  // Drop-downs for lists (their labels on a hidden sheet: a literal list is capped at 255 characters)
  // and 1–5 for ratings, over the rows written and a few hundred more for rows the client adds.
  const lists = columns.filter((c) => c.kind === 'list' && c.options && c.options.length > 0);
  const validUntil = last + 500;
  // One range per column (exceljs' typings lack worksheet.dataValidations; per-cell validations would
  // make 10,000 cell objects per column only to be merged back into a range when written).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const validate = (c: number, v: ExcelJS.DataValidation) => validations.add(`${columnName(c)}${HEADER_ROW + 1}:${columnName(c)}${validUntil}`, v);
  if (lists.length > 0) {
    const ls = wb.addWorksheet(language === 'ja' ? '選択肢' : 'Lists', { state: 'hidden' });
    lists.forEach((col, k) => {
      ls.getCell(1, k + 1).value = col.header;
      col.options!.forEach((o, i) => (ls.getCell(i + 2, k + 1).value = o));
      const ref = `${sheetPrefix(ls.name)}!$${columnName(k)}$2:$${columnName(k)}$${col.options!.length + 1}`;
      validate(columns.indexOf(col), { type: 'list', allowBlank: true, formulae: [ref], showErrorMessage: false });
    });
  }
  columns.forEach((col, c) => {
    if (col.kind === 'rating') validate(c, { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 5], showErrorMessage: true, error: '1–5' });
  });
  return wb;
}

/** `課題管理表_<project>_<yyyymmdd>.xlsx`, safe as a Windows file name. */
export function registerFileName(target: ImportTarget, language: Language, projectName: string, today: string): string {
  const safe = [...projectName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim()].slice(0, 60).join('').replace(/[. ]+$/, '');
  return `${[REGISTER_TITLES[target][language].replaceAll(' ', '_'), safe, today.replaceAll('-', '')].filter((s) => s !== '').join('_')}.xlsx`;
}
