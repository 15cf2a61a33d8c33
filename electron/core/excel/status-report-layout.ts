// PMO Desk's own weekly status report (週次状況報告): one A4 portrait sheet per project in a new workbook,
// and a summary sheet first when there are several, in Japanese or English. Printed one page wide,
// gridlines off, page numbers in the footer. Every user text is a string cell (never a formula); dates
// are real dates shown yyyy/mm/dd. Charts (the S-curve, SPI/CPI) are PNG images over rows kept for them.
import ExcelJS from 'exceljs';
import type { FigureKey, PortfolioRow } from '../../common/api/portfolio.js';
import { addA4Sheet, excelDate } from './a4-sheet.js';
import { SheetMerges } from './sheet-merges.js';

export type Language = 'ja' | 'en';

/** One table of a section: its column headers and rows (strings, numbers, ISO dates as Date). */
export interface ReportTable {
  title: string;
  headers: string[];
  rows: (string | number | Date | null)[][];
  /** Shown when there are no rows. */
  empty: string;
}

/** A chart as the sheet holds it: a PNG placed at its size in pixels under a section title. */
export interface ReportChart {
  title: string;
  png: Buffer;
  width: number;
  height: number;
}

export interface ProjectReport {
  row: PortfolioRow;
  /** The S-curve, under the figures; none when the plan has no dates. */
  chart?: ReportChart;
  /** The figures table: label, value as shown, 先週差分 as shown. */
  figures: [string, string, string][];
  tables: ReportTable[];
}

export interface ReportInput {
  language: Language;
  statusDate: string | null;
  projects: ProjectReport[];
  labels: {
    title: string;
    summary: string;
    project: string;
    statusDate: string;
    light: string;
    lights: Record<PortfolioRow['light'], string>;
    /** The override's reason row. */
    manual: string;
    /** Beside a light the PMO set by hand. */
    manualMark: string;
    /** The PMO's one-line summary's row. */
    note: string;
    basis: string;
    figure: string;
    now: string;
    diff: string;
    summaryHeaders: string[];
  };
  /** The summary sheet's figures per project, in `summaryHeaders` order after name, status date and light. */
  summaryFigures: FigureKey[];
  /** The SPI/CPI chart of the projects, on the summary sheet under its table. */
  summaryChart?: ReportChart;
  show(key: FigureKey, v: number | null): string;
}

const FONT = 'Meiryo UI';
const COLS = 8;
const WIDTHS = [9, 30, 12, 12, 12, 12, 12, 14];
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF3' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD6E4DA' } };
const LIGHT_FILL: Record<PortfolioRow['light'], string> = { green: 'FF2F9E5B', yellow: 'FFF0A30A', red: 'FFD92D20' };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB8C2CC' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Text as a cell holds it: controls that XML cannot carry are dropped; never a formula. */
const cellText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

class Writer {
  row = 0;
  private readonly merges: SheetMerges;
  constructor(readonly ws: ExcelJS.Worksheet) {
    this.merges = new SheetMerges(ws);
  }

  cell(col: number, value: string | number | Date | null, opts: { bold?: boolean; fill?: ExcelJS.Fill; span?: number; size?: number; color?: string; border?: boolean; align?: 'left' | 'right' | 'center' } = {}) {
    const last = col + (opts.span ?? 1) - 1;
    if (last > col) this.merges.merge(this.row, col, this.row, last);
    const c = this.ws.getCell(this.row, col);
    c.value = typeof value === 'string' ? cellText(value) : value;
    if (value instanceof Date) c.numFmt = 'yyyy/mm/dd';
    c.font = { name: FONT, size: opts.size ?? 9, bold: opts.bold ?? false, charset: 128, ...(opts.color ? { color: { argb: opts.color } } : {}) };
    c.alignment = { vertical: 'top', wrapText: true, horizontal: opts.align ?? (typeof value === 'number' ? 'right' : 'left') };
    if (opts.fill) c.fill = opts.fill;
    if (opts.border !== false) for (let k = col; k <= last; k++) this.ws.getCell(this.row, k).border = BOX;
  }

  next(height?: number) {
    this.row++;
    if (height) this.ws.getRow(this.row).height = height;
  }

  /**
   * A chart under a section title: the image over rows of 15 pt (20 px) reserved for it, so what
   * follows starts below it and the print area holds it.
   */
  chart(c: ReportChart) {
    this.next(6);
    this.next(18);
    this.cell(1, c.title, { bold: true, fill: SECTION_FILL, span: COLS, size: 10 });
    const first = this.row; // 0-based row index of the row after the title
    const rows = Math.ceil(c.height / 20);
    for (let i = 0; i < rows; i++) this.next(15);
    const id = this.ws.workbook.addImage({ buffer: c.png as unknown as ExcelJS.Buffer, extension: 'png' });
    this.ws.addImage(id, { tl: { col: 0, row: first }, ext: { width: c.width, height: c.height }, editAs: 'oneCell' });
  }

  /** A table over the sheet's 8 columns: the second column (the name) takes what the others leave. */
  table(t: ReportTable) {
    this.next(6);
    this.next(18);
    this.cell(1, t.title, { bold: true, fill: SECTION_FILL, span: COLS, size: 10 });
    const spans = spread(t.headers.length);
    this.next();
    let col = 1;
    t.headers.forEach((h, i) => {
      this.cell(col, h, { bold: true, fill: HEAD_FILL, span: spans[i] });
      col += spans[i]!;
    });
    if (t.rows.length === 0) {
      this.next();
      this.cell(1, t.empty, { span: COLS, color: 'FF616E7C' });
      return;
    }
    for (const r of t.rows) {
      this.next();
      col = 1;
      r.forEach((v, i) => {
        this.cell(col, v, { span: spans[i] });
        col += spans[i]!;
      });
    }
  }
}

/** Columns of the sheet each of n table columns spans: the second (the name or title) takes the rest. */
function spread(n: number): number[] {
  const spans = Array<number>(n).fill(1);
  if (n >= 2) spans[1] = COLS - (n - 1);
  return spans;
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || 'Sheet';
  let s = base;
  for (let i = 2; used.has(s.toLowerCase()); i++) s = `${base.slice(0, 27 - String(i).length)}(${i})`;
  used.add(s.toLowerCase());
  return s;
}

function newSheet(wb: ExcelJS.Workbook, name: string): Writer {
  return new Writer(addA4Sheet(wb, name, WIDTHS));
}


export function statusReportWorkbook(input: ReportInput): ExcelJS.Workbook {
  const L = input.labels;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PMO Desk';
  wb.title = L.title;
  const used = new Set<string>();

  if (input.projects.length > 1) {
    const w = newSheet(wb, sheetName(L.summary, used));
    w.next(26);
    w.cell(1, L.title, { bold: true, size: 16, span: COLS, border: false });
    w.next();
    const heads = [L.project, L.statusDate, L.light, ...L.summaryHeaders];
    heads.forEach((h, i) => w.cell(i + 1, h, { bold: true, fill: HEAD_FILL }));
    for (const p of input.projects) {
      w.next();
      w.cell(1, p.row.name);
      w.cell(2, excelDate(p.row.statusDate));
      w.cell(3, L.lights[p.row.light], { bold: true, color: LIGHT_FILL[p.row.light] });
      input.summaryFigures.forEach((k, i) => w.cell(4 + i, input.show(k, p.row.figures[k]), { align: 'right' }));
    }
    if (input.summaryChart) w.chart(input.summaryChart);
    w.ws.pageSetup.printArea = `A1:H${w.row}`;
  }

  for (const p of input.projects) {
    const w = newSheet(wb, sheetName(p.row.name, used));
    w.next(26);
    w.cell(1, `${L.title}　${p.row.name}`, { bold: true, size: 14, span: COLS, border: false });
    w.next();
    w.cell(1, L.statusDate, { bold: true, fill: HEAD_FILL });
    w.cell(2, excelDate(p.row.statusDate), { align: 'left' });
    w.cell(3, L.light, { bold: true, fill: HEAD_FILL });
    const light = L.lights[p.row.light] + (p.row.override ? `（${L.manualMark}）` : '');
    w.cell(4, light, { bold: true, color: 'FFFFFFFF', fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILL[p.row.light] } }, align: 'center' });
    w.cell(5, L.basis, { bold: true, fill: HEAD_FILL });
    w.cell(6, p.row.baselineName ?? '—', { span: 3 });
    if (p.row.override) {
      w.next();
      w.cell(1, L.manual, { bold: true, fill: HEAD_FILL });
      w.cell(2, p.row.override.reason, { span: COLS - 1 });
    }
    if (p.row.note) {
      w.next();
      w.cell(1, L.note, { bold: true, fill: HEAD_FILL });
      w.cell(2, p.row.note, { span: COLS - 1 });
    }
    // Figures in two columns of three cells: label, this week, 先週差分.
    w.next(6);
    w.next();
    for (const [i, h] of [L.figure, L.now, L.diff, '', L.figure, L.now, L.diff].entries()) if (h) w.cell(i + 1, h, { bold: true, fill: HEAD_FILL });
    const half = Math.ceil(p.figures.length / 2);
    for (let i = 0; i < half; i++) {
      w.next();
      const left = p.figures[i]!;
      w.cell(1, left[0], { span: 1 });
      w.cell(2, left[1], { align: 'right' });
      w.cell(3, left[2], { align: 'right' });
      const right = p.figures[i + half];
      if (right) {
        w.cell(5, right[0]);
        w.cell(6, right[1], { align: 'right' });
        w.cell(7, right[2], { align: 'right' });
      }
    }
    if (p.chart) w.chart(p.chart);
    for (const t of p.tables) w.table(t);
    w.ws.pageSetup.printArea = `A1:H${w.row}`;
  }
  return wb;
}
