// PMO Desk's own layout for a register (WBS, risks, issues, changes) when the client has no format of
// its own: a NEW workbook, Japanese or English, that prints and filters well and comes back
// in through the import with no mapping to fix.
//   - a title block (project, register, export date), the header in row 4, frozen, with filters;
//   - dates as real dates shown yyyy/mm/dd, progress as %, list values as their labels with a
//     drop-down (the lists sit on a hidden sheet), ratings 1–5 as whole-number validations;
//   - the WBS tree as WBS codes and indented names, summaries in bold;
//   - the client's extra columns after ours;
//   - A4 landscape, fit to one page wide, the header repeated on every page.
// Every user text is a string cell, never a formula, whatever it starts with.
import { pace } from '../call-scope.js';
import { heapBudget } from '../release-memory.js';
import type { ImportTarget } from '../../common/excel/fields.js';
import { EXPORT_HEADERS } from '../../common/excel/column-labels.js';
import { REGISTER_LIST } from '../../common/registers/index.js';
import { columnName, sheetPrefix } from '../../common/excel/model.js';
import { escapeXml } from './template/xml-text.js';
import { ZipBuilder, type PartWriter } from './zip-build.js';
import { borderXml, colName, DATE_FMT, fontXml, NS, NS_R, ref, serial, SharedStrings, solidFill, Styles, XML_DECL, addPackageParts } from './xlsx-parts.js';
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

export type LayoutValue = string | number | boolean | null;

export interface LayoutRow {
  /** Values in the columns' order: text, numbers, yyyy-mm-dd for dates, labels for lists, null for empty. */
  values: readonly LayoutValue[];
  /** WBS: depth (indents the name) and whether the row is a summary (bold). */
  level?: number;
  summary?: boolean;
}

/** How a cell right of the table looks (the WBS's gantt band): colours as ARGB. */
export interface BandStyle {
  font?: { name: string; size: number; bold?: boolean; color?: string };
  fill?: string;
  /** A thin bottom border of this colour; `left`: a medium left one. */
  bottom?: string;
  left?: string;
  h?: 'center';
}

export interface BandCell {
  value?: string | number;
  style: BandStyle;
}

/**
 * Columns written right of the table: their widths, labels in the two rows above the header, a cell per row.
 * Most of a row's cells are its columns' empty ones (a bar covers a few of a gantt's columns): `marked` names
 * the columns of a row that may differ from `empty`, so a 100,000-row band is written in the time its bars
 * take, not its ~9 million cells.
 */
/**
 * The rows, in order (an array is such a list): a caller may make each row only when it is written, so
 * a 100,000-row register is never held whole as cells' values. A row answered is read before the next
 * is asked for: a caller may answer the same object, its values replaced, every time.
 */
export interface LayoutRows {
  readonly length: number;
  at(index: number): LayoutRow | undefined;
}

export interface ExtraBand {
  /** 0-based first column. */
  firstCol: number;
  widths: number[];
  /** Cells of the rows HEADER_ROW - 2 and HEADER_ROW - 1, by column offset. */
  labels: [Map<number, BandCell>, Map<number, BandCell>];
  /** Each column's cell in a row where nothing is drawn in it (no value). */
  empty: BandCell[];
  /** The first and last column of a row (0-based offsets) whose cells `cell` answers; null: every cell is empty. */
  marked(row: number): [number, number] | null;
  cell(row: number, k: number): BandCell;
}

export interface RegisterLayoutInput {
  target: ImportTarget;
  language: Language;
  projectName: string;
  /** yyyy-mm-dd. */
  today: string;
  columns: LayoutColumn[];
  rows: LayoutRows;
  band?: ExtraBand | null;
}

export const REGISTER_TITLES = Object.fromEntries([
  ['wbs', { ja: 'WBS', en: 'WBS' }],
  ...REGISTER_LIST.map((d) => [d.name, d.exportTitle]),
]) as Record<ImportTarget, Record<Language, string>>;

const WIDTHS: Record<ColumnKind, number> = { text: 16, longText: 40, date: 12, number: 10, percent: 9, rating: 9, list: 12, mark: 8, code: 10 };

/** Width of a text in Excel column units: a full-width (CJK) character takes two. */
export function displayWidth(text: string): number {
  // By character code, not a pattern per character: every long name of a 10,000-task export is measured.
  let w = 0;
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    if (unit < 0x1100) {
      w += 1;
      continue;
    }
    const c = text.codePointAt(k)!;
    if (c > 0xffff) k++;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** Whether a character is full-width: Hangul Jamo, CJK and kana, Hangul, compatibility ideographs and forms, full-width forms, the supplementary ideographs. */
function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

/** Lines a wrapped cell of `width` column units takes: each line of the text, broken where it overflows. */
export function wrappedLines(text: string, width: number): number {
  // A little less than the column: the cell's padding, and words that break early.
  const room = Math.max(1, width - 1.5);
  // No character is wider than two units: a short line is one line, measured or not (most cells are).
  if (text.length * 2 <= room && !text.includes('\n')) return 1;
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** Heap growth between collections while the rows are written (release-memory.ts heapBudget). */
const HEAP_BUDGET = 32 * 1024 * 1024;

/** Rows written between two looks at the heap, the call's progress and its cancel. */
const ROWS_PER_STEP = 50;

/** Points per line of 10 pt Meiryo UI, and the row's padding. */
const LINE_HEIGHT = 13.5;
const ROW_PADDING = 4;

/** The headers of a target's fields in a language, in the layout's order. */
export function headerOf(target: ImportTarget, field: string, language: Language): string {
  return EXPORT_HEADERS[target][field]?.[language] ?? field;
}

// ---- the package ---------------------------------------------------------------------------------
// Written as XML directly (xlsx-parts.ts), as the template writer writes its sheets. ExcelJS built an
// object per cell and per style: 2.2 s and 750 MB for a 10,000-task WBS; this is a few times the cost
// of the XML and its deflate.

/** The register's fonts (0 regular, 1 the title, 2 the export date, 3 bold) and its header's fill (2). */
class RegisterStyles extends Styles {
  private readonly bands = new Map<BandStyle, number>();
  constructor() {
    super([fontXml(FONT, 10), fontXml(FONT, 14, true), fontXml(FONT, 9, false, 'FF595959'), fontXml(FONT, 10, true)], [solidFill('FFDDEBF7')], [borderXml({ all: 'FFBFBFBF' })]);
  }

  /** A band cell's format, kept by its style object (the band makes a few per column). */
  band(st: BandStyle): number {
    let i = this.bands.get(st);
    if (i === undefined) {
      i = this.get({
        font: st.font ? this.font(fontXml(st.font.name, st.font.size, st.font.bold, st.font.color)) : 0,
        fill: st.fill ? this.fill(solidFill(st.fill)) : 0,
        border: st.bottom || st.left ? this.border(borderXml({ bottom: st.bottom, left: st.left })) : 0,
        ...(st.h ? { h: st.h } : {}),
      });
      this.bands.set(st, i);
    }
    return i;
  }
}

// Each column's cell text around its value, made once per format: `<c` (with the column's reference for
// a row's first cell), then one of these. A cell is then three or four pieces of text, not a template
// made again for every one of 10,000 rows × 17 columns.
type CellText = { empty: string; num: string; str: string; bool: string };

/** A column's cell format, regular or bold (a summary's); `indent`: an indented name's. */
function cellXf(styles: Styles, kind: ColumnKind, bold: boolean, indent = 0): number {
  const font = bold ? 3 : 0;
  const border = 1;
  switch (kind) {
    case 'date':
      return styles.get({ font, border, numFmt: DATE_FMT, v: 'top', h: 'center' });
    case 'percent':
      return styles.get({ font, border, numFmt: 9, v: 'top' });
    case 'rating':
    case 'mark':
      return styles.get({ font, border, v: 'top', h: 'center' });
    default:
      return styles.get({ font, border, v: 'top', wrap: kind === 'text' || kind === 'longText', ...(indent ? { indent } : {}) });
  }
}

/**
 * A band cell; `next`: it follows the cell before it in the row (no r). In the data rows a cell names its
 * column only where it does not follow the one before (the row's first, the band's first after the spacer
 * column): a cell without r is the next column's (ECMA-376 18.3.1.4, as Excel, LibreOffice, openpyxl,
 * exceljs and our reader read it), and a 100,000-row band's references were half its XML.
 */
function bandCell(styles: RegisterStyles, strings: SharedStrings, band: ExtraBand, k: number, r: number, cell: BandCell, next = false): string {
  const a = next ? '' : ` r="${ref(band.firstCol + k, r)}"`;
  const st = styles.band(cell.style);
  if (cell.value === undefined) return `<c${a} s="${st}"/>`;
  return typeof cell.value === 'number' ? `<c${a} s="${st}"><v>${cell.value}</v></c>` : `<c${a} s="${st}" t="s"><v>${strings.get(cell.value)}</v></c>`;
}

// The data rows are written by the methods of a class of their own, not by a loop inside registerXlsx
// nor by closures it makes: the optimizing compiler then works on them alone, and its code stays valid
// for the next export. With the loop inside registerXlsx, it compiled all of registerXlsx (on-stack,
// mid-loop) and again after the next export's new closures deoptimized it; with closures (a row
// source's `at`, the band's `cell`, the row's end) called from the loop, the loop was deoptimized by the
// next export's closures ("wrong call target") and compiled again: 0.1–0.6 s of compiler-thread CPU
// over the first two exports of a 10,000-task WBS, more than the writing itself.
class RowWriter {
  private readonly kinds: ColumnKind[];
  private readonly wraps: boolean[];
  private readonly widths: number[];
  private readonly isName: boolean[];
  /** Column j's text, regular and bold (a summary's). */
  private readonly plainText: (readonly [CellText, CellText])[];
  /**
   * Column j's text by boldness and indent (texts.get((j * 2 + bold) * 16 + indent)), its format made at
   * first use (a string key per row was a share of the row's cost). A Map: arrays filled in by index
   * start with another element kind in each export, and the compiled row code checking their kind was
   * thrown away in the next.
   */
  private readonly texts = new Map<number, CellText>();
  /** A row's empty band cells come in runs: every run of empty cells after the band's first is made once
   * (columns 1..k-1, and k..the last), as UTF-8, and copied into the sheet as it is: a row costs what its
   * marked cells do, and the runs (half a gantt sheet's bytes) are neither joined to the row's text nor
   * encoded again (zip-build.ts PartWriter.bytes). */
  private readonly emptyBefore: Buffer[] = [];
  /** ...and the row's end with the last run. */
  private readonly emptyFrom: Buffer[] = [];
  /** Set by rowCells: the lines of the row's tallest wrapped text. */
  private lines = 1;

  constructor(
    columns: LayoutColumn[],
    widthOf: (col: LayoutColumn) => number,
    private readonly sheet: PartWriter,
    private readonly styles: RegisterStyles,
    private readonly strings: SharedStrings,
    private readonly band: ExtraBand | null,
  ) {
    this.kinds = columns.map((col) => col.kind);
    this.wraps = columns.map((col) => col.kind === 'text' || col.kind === 'longText');
    this.widths = columns.map(widthOf);
    this.isName = columns.map((col) => col.key === 'name');
    // Each column's format, regular and bold, made now (the first formats: they are numbered as they are
    // made), through the very method that makes an indented name's in the rows: its first-use branch has
    // run here, so the rows' compiled code has what it needs for a name's first indent (with no record of
    // that branch, the first name of the next export threw that code away).
    this.plainText = columns.map((_, j) => [this.cellText(j, 0, 0), this.cellText(j, 1, 0)] as const);
  }

  /** The band's runs of empty cells; their formats are made after the title's (called after row 1). */
  prepareBand(): void {
    const { band, styles, strings } = this;
    if (band) {
      const emptyXml = band.empty.map((cell, k) => bandCell(styles, strings, band, k, 0, cell, true));
      for (let k = 0; k < emptyXml.length; k++) this.emptyBefore.push(Buffer.from(emptyXml.slice(1, Math.max(1, k)).join(''), 'utf8'));
      for (let k = 0; k <= emptyXml.length; k++) this.emptyFrom.push(Buffer.from(`${emptyXml.slice(Math.max(1, k)).join('')}</row>`, 'utf8'));
    }
  }

  /** Column j's cell text, bold (a summary's) or not, with an indent (a name's: 2 a level, at most 15). */
  private cellText(j: number, bold: 0 | 1, indent: number): CellText {
    const key = (j * 2 + bold) * 16 + indent;
    let t = this.texts.get(key);
    if (t === undefined) {
      const s = cellXf(this.styles, this.kinds[j]!, bold === 1, indent);
      t = { empty: ` s="${s}"/>`, num: ` s="${s}"><v>`, str: ` s="${s}" t="s"><v>`, bool: ` s="${s}" t="b"><v>` };
      this.texts.set(key, t);
    }
    return t;
  }

  /** The rows, as they are read. */
  async write(rows: LayoutRows, heap: { check(): void }): Promise<void> {
    // The rows are most of the time a big export takes: progress, cancel, and room for other calls every
    // ROWS_PER_STEP rows. A step's rows are written by a method of its own that calls nothing of the
    // call's: the call's progress reporter (a closure per call, call-scope.ts) inlined into the row loop
    // deoptimized it in the next export.
    for (let from = 0; from < rows.length; from += ROWS_PER_STEP) {
      heap.check();
      await pace(from, rows.length);
      this.writeStep(rows, from, Math.min(rows.length, from + ROWS_PER_STEP));
    }
  }

  /** Rows from..to-1. */
  private writeStep(rows: LayoutRows, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const row = rows.at(i)!;
      const r = HEADER_ROW + 1 + i;
      const cells = this.rowCells(row.values, r, row.summary ? 1 : 0, row.level ?? 0);
      // Wrapped text sets the row's height: printed (or converted to PDF) rows do not grow by themselves,
      // and a row of the default height would let its text run over the next one.
      const head = this.lines > 1 ? `<row r="${r}" ht="${this.lines * LINE_HEIGHT + ROW_PADDING}" customHeight="1">${cells}` : `<row r="${r}">${cells}`;
      if (this.band) this.writeBand(i, r, head);
      else this.sheet.write(`${head}</row>`);
    }
  }

  /** A row's cells (sheet row r); sets this.lines. */
  private rowCells(values: readonly LayoutValue[], r: number, bold: 0 | 1, level: number): string {
    const { kinds, wraps, widths, isName, plainText, strings } = this;
    let lines = 1;
    let cells = '';
    for (let j = 0; j < kinds.length; j++) {
      const v = values[j] ?? null;
      const indent = level > 0 && isName[j] ? level : 0;
      const kind = kinds[j]!;
      if (typeof v === 'string' && wraps[j]) lines = Math.max(lines, wrappedLines(v, widths[j]! - (indent ? Math.min(indent * 2, 15) : 0)));
      const t = indent ? this.cellText(j, bold, Math.min(indent * 2, 15)) : plainText[j]![bold];
      cells += j === 0 ? `<c r="${ref(0, r)}"` : '<c';
      if (v === null || v === '') {
        cells += t.empty;
        continue;
      }
      switch (kind) {
        case 'date': {
          const d = typeof v === 'string' ? serial(v) : serial(String(v));
          cells += d === null ? t.str + strings.get(String(v)) + '</v></c>' : t.num + d + '</v></c>';
          break;
        }
        case 'percent':
        case 'number':
        case 'rating': {
          const n = kind === 'percent' ? Number(v) / 100 : Number(v);
          cells += Number.isFinite(n) ? t.num + n + '</v></c>' : t.str + strings.get(String(v)) + '</v></c>';
          break;
        }
        case 'mark':
          cells += v === true ? t.str + strings.get('◆') + '</v></c>' : t.empty;
          break;
        default:
          // Text is a string cell, always: "=SUM(…)" typed by a user stays text. (Numbers and booleans
          // of the client's extra columns stay what they were.)
          if (typeof v === 'number' && Number.isFinite(v)) cells += t.num + v + '</v></c>';
          else if (typeof v === 'boolean') cells += t.bool + (v ? 1 : 0) + '</v></c>';
          else cells += t.str + strings.get(String(v)) + '</v></c>';
      }
    }
    this.lines = lines;
    return cells;
  }

  /** Writes row i's band cells and the row's end (after the table's cells, which `head` holds, not yet written). */
  private writeBand(i: number, r: number, head: string): void {
    const { band, sheet, styles, strings } = this;
    const b = band!;
    const m = b.marked(i);
    if (!m) {
      sheet.write(head + bandCell(styles, strings, b, 0, r, b.empty[0]!));
      sheet.bytes(this.emptyFrom[1]!);
      return;
    }
    const [first, last] = m;
    if (first > 0) {
      sheet.write(head + bandCell(styles, strings, b, 0, r, b.empty[0]!));
      sheet.bytes(this.emptyBefore[first]!);
      head = '';
    }
    for (let k = first; k <= last; k++) head += bandCell(styles, strings, b, k, r, b.cell(i, k), k > 0);
    sheet.write(head);
    sheet.bytes(this.emptyFrom[last + 1]!);
  }
}

/** The workbook of a register in PMO Desk's layout, as .xlsx bytes. */
export async function registerXlsx(input: RegisterLayoutInput): Promise<Buffer> {
  const { columns, rows, language } = input;
  const title = REGISTER_TITLES[input.target][language];
  const styles = new RegisterStyles();
  const strings = new SharedStrings();
  const zip = new ZipBuilder();
  const widthOf = (col: LayoutColumn) => (col.key === 'name' || col.key === 'title' ? 36 : WIDTHS[col.kind]);
  const lastCol = columnName(columns.length - 1);
  const last = HEADER_ROW + Math.max(rows.length, 1);
  const band = input.band ?? null;
  // The print area takes in the band; filters and validations stay on the table.
  const printCol = band ? columnName(band.firstCol + band.widths.length - 1) : lastCol;
  const lists = columns.filter((c) => c.kind === 'list' && c.options && c.options.length > 0);
  const listSheet = language === 'ja' ? '選択肢' : 'Lists';

  const sheet = zip.part('xl/worksheets/sheet1.xml');
  // Each column's cell format, regular and bold (summaries), made first, by the row writer.
  const writer = new RowWriter(columns, widthOf, sheet, styles, strings, band);
  const wbs = input.target === 'wbs';
  const xSplit = wbs ? 2 : 1;
  sheet.write(`${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${printCol}${last}"/>`);
  sheet.write(`<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="${xSplit}" ySplit="${HEADER_ROW}" topLeftCell="${ref(xSplit, HEADER_ROW + 1)}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>`);
  sheet.write('<sheetFormatPr defaultRowHeight="18" customHeight="1"/><cols>');
  columns.forEach((col, j) => sheet.write(`<col min="${j + 1}" max="${j + 1}" width="${widthOf(col)}" customWidth="1"/>`));
  band?.widths.forEach((w, k) => sheet.write(`<col min="${band.firstCol + k + 1}" max="${band.firstCol + k + 1}" width="${w}" customWidth="1"/>`));
  sheet.write('</cols><sheetData>');
  const str = (c: number, r: number, s: number, text: string) => `<c r="${ref(c, r)}" s="${s}" t="s"><v>${strings.get(text)}</v></c>`;
  sheet.write(`<row r="1">${str(0, 1, styles.get({ font: 1 }), `${input.projectName} ${title}`)}</row>`);
  writer.prepareBand();
  const labels = (which: 0 | 1, r: number) => (band ? [...band.labels[which]].sort((a, b) => a[0] - b[0]).map(([k, cell]) => bandCell(styles, strings, band, k, r, cell)).join('') : '');
  sheet.write(`<row r="2">${str(0, 2, styles.get({ font: 2 }), `${language === 'ja' ? '出力日' : 'Exported'}: ${input.today.replaceAll('-', '/')}`)}${labels(0, 2)}</row>`);
  if (band) sheet.write(`<row r="${HEADER_ROW - 1}">${labels(1, HEADER_ROW - 1)}</row>`);
  const headXf = styles.get({ font: 3, fill: 2, border: 1, h: 'center', v: 'center', wrap: true });
  sheet.write(`<row r="${HEADER_ROW}" ht="30" customHeight="1">${columns.map((col, j) => str(j, HEADER_ROW, headXf, col.header)).join('')}</row>`);

  // The rows' cells and text are garbage once written: collected every HEAP_BUDGET (release-memory.ts
  // says why), not left to pile up over a 100,000-row sheet while the plan's rows are still held.
  await writer.write(rows, heapBudget(HEAP_BUDGET));
  sheet.write(`</sheetData><autoFilter ref="A${HEADER_ROW}:${lastCol}${HEADER_ROW}"/>`);

  // Drop-downs for lists (their labels on a hidden sheet: a literal list is capped at 255 characters)
  // and 1–5 for ratings, over the rows written and a few hundred more for rows the client adds.
  const validUntil = last + 500;
  const range = (c: number) => `${ref(c, HEADER_ROW + 1)}:${ref(c, validUntil)}`;
  const validations = [
    ...lists.map((col, k) => `<dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="${range(columns.indexOf(col))}"><formula1>${escapeXml(`${sheetPrefix(listSheet)}!$${columnName(k)}$2:$${columnName(k)}$${col.options!.length + 1}`)}</formula1></dataValidation>`),
    ...columns.flatMap((col, c) => (col.kind === 'rating' ? [`<dataValidation type="whole" operator="between" allowBlank="1" showErrorMessage="1" error="1–5" sqref="${range(c)}"><formula1>1</formula1><formula2>5</formula2></dataValidation>`] : [])),
  ];
  if (validations.length > 0) sheet.write(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
  sheet.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter></worksheet>');
  sheet.end();

  const sheets = [{ name: title, hidden: false }];
  if (lists.length > 0) {
    sheets.push({ name: listSheet, hidden: true });
    const ls = zip.part('xl/worksheets/sheet2.xml');
    const height = Math.max(...lists.map((l) => l.options!.length)) + 1;
    ls.write(`${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetData>`);
    for (let r = 1; r <= height; r++) {
      const cells = lists.map((col) => (r === 1 ? col.header : col.options![r - 2])).map((text, k) => (text === undefined ? '' : str(k, r, 0, text))).join('');
      ls.write(`<row r="${r}">${cells}</row>`);
    }
    ls.write('</sheetData></worksheet>');
    ls.end();
  }
  const strs = zip.part('xl/sharedStrings.xml');
  strings.write(strs);
  zip.add('xl/styles.xml', styles.xml());

  const q = sheetPrefix(title);
  zip.add(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>`
      + sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')
      + '</sheets><definedNames>'
      + `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(`${q}!$A$${HEADER_ROW}:$${lastCol}$${HEADER_ROW}`)}</definedName>`
      + `<definedName name="_xlnm.Print_Area" localSheetId="0">${escapeXml(`${q}!$A$1:$${printCol}$${last}`)}</definedName>`
      + `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${q}!$${HEADER_ROW}:$${HEADER_ROW}`)}</definedName>`
      + '</definedNames></workbook>',
  );
  addPackageParts(zip, sheets.length);
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.add(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
      + `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>`
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  return zip.finish();
}

/** A name (a project's) as part of a Windows file name: no reserved characters, at most 60 characters. */
export function fileNamePart(name: string): string {
  return [...name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim()].slice(0, 60).join('').replace(/[. ]+$/, '');
}

/** `課題管理表_<project>_<yyyymmdd>.xlsx`, safe as a Windows file name. */
export function registerFileName(target: ImportTarget, language: Language, projectName: string, today: string): string {
  const safe = fileNamePart(projectName);
  return `${[REGISTER_TITLES[target][language].replaceAll(' ', '_'), safe, today.replaceAll('-', '')].filter((s) => s !== '').join('_')}.xlsx`;
}
