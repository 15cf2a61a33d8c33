// PMO Desk's own weekly status report (週次状況報告): one A4 portrait sheet per project in a new workbook,
// and a summary sheet first when there are several, in Japanese or English. Printed one page wide,
// gridlines off, page numbers in the footer (as a4-sheet.ts sets up the minutes). Every user text is a
// string cell (never a formula); dates are real dates shown yyyy/mm/dd. Charts (the S-curve, SPI/CPI) are
// PNG images over rows kept for them. Written as XML row by row (xlsx-parts.ts), each sheet deflated as
// it goes: through ExcelJS, a 20-project report of ~1,800 list rows each held ~300,000 cell objects and
// their styles, and its writeBuffer took ~7 s and ~270 MB more on top of them.
import type { FigureKey, PortfolioRow } from '../../common/api/portfolio.js';
import { sheetPrefix } from '../../common/excel/model.js';
import { pace } from '../call-scope.js';
import { heapBudget } from '../release-memory.js';
import { excelDate } from './a4-sheet.js';
import { escapeXml } from './template/xml-text.js';
import { colName, DATE_FMT, fontXml, NS, NS_R, ref, SharedStrings, solidFill, borderXml, Styles, XML_DECL, addPackageParts, type Xf } from './xlsx-parts.js';
import { ZipBuilder, type PartWriter } from './zip-build.js';

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
  /** How many projects: a summary sheet comes first when there are several. */
  count: number;
  /**
   * The i-th project's report, asked for when its sheet is written and dropped after it. Its row is
   * also the summary's line for it: the summary is written last (placed first), so that both sheets
   * show the project as one read of it, whatever was written between projects.
   */
  project(i: number): Promise<ProjectReport>;
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
  /** The summary sheet's figures per project, in `summaryHeaders` order after name, status date and light (the PMO's 所見 last). */
  summaryFigures: FigureKey[];
  /** The SPI/CPI chart of the projects' rows, on the summary sheet under its table. */
  summaryChart?(rows: PortfolioRow[]): Promise<ReportChart>;
  show(key: FigureKey, v: number | null): string;
}

const FONT = 'Meiryo UI';
const COLS = 8;
const WIDTHS = [9, 30, 12, 12, 12, 12, 12, 14];
/** The summary's 所見 column, right of the figures. */
const NOTE_WIDTH = 40;
const HEAD_FILL = 'FFE8EEF3';
const SECTION_FILL = 'FFD6E4DA';
const LIGHT_FILL: Record<PortfolioRow['light'], string> = { green: 'FF2F9E5B', yellow: 'FFF0A30A', red: 'FFD92D20' };
const BOX = borderXml({ all: 'FFB8C2CC' });
const EMU_PER_PX = 9525;
/** Heap growth between collections while a report is written (release-memory.ts heapBudget): 32 MB measured a peak of 415–458 MB against 453–495 at 64 MB and 449–587 without, for ~0.2 s more CPU. */
const HEAP_BUDGET = 32 * 1024 * 1024;

/** Text as a cell holds it: controls that XML cannot carry are dropped; never a formula. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const cellText = (s: string) => ((CONTROLS.lastIndex = 0), CONTROLS.test(s) ? s.replace(CONTROLS, '') : s);

/** What a cell holds, for its format: text, a number, or a date (its number format). */
const TEXT = 0;
const NUMBER = 1;
const DATE = 2;
type Kind = typeof TEXT | typeof NUMBER | typeof DATE;

/** A day (a Date at UTC midnight, as the report's lists make them) as Excel's serial day, or null. */
function excelSerial(d: Date): number | null {
  const ms = d.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) + 25_569 : null;
}

interface CellOpts {
  bold?: boolean;
  /** ARGB of a solid fill. */
  fill?: string;
  span?: number;
  size?: number;
  color?: string;
  border?: boolean;
  align?: 'left' | 'right' | 'center';
}

const PLAIN: CellOpts = {};

/** What every sheet of the book shares: its styles, strings, pictures and the zip being written. */
class Book {
  readonly styles = new Styles([fontXml(FONT, 9)]);
  readonly strings = new SharedStrings();
  readonly zip = new ZipBuilder();
  /** The sheets in the workbook's order (sheetN.xml is the N-th), each set when it ends. */
  readonly sheets: { name: string; lastCol: number; lastRow: number; drawing: boolean }[] = [];
  images = 0;
  private places = 0;

  /** The next sheet's place in the workbook (1-based): taken early for a sheet written later. */
  place(): number {
    return ++this.places;
  }
  private readonly formats = new Map<string, number>();

  private readonly plain: number[] = [];
  private readonly empties: string[] = [];

  /** An empty cell of format `s` (most cells of a merge, and blank values), its XML made once. */
  empty(s: number): string {
    return (this.empties[s] ??= `<c s="${s}"/>`);
  }

  /** The cell format of these options (and a date's number format), interned once per distinct set. */
  format(o: CellOpts, kind: Kind): number {
    // Most cells are plain (at most a span): their three formats are looked up without a key.
    if (o === PLAIN || (o.bold === undefined && o.fill === undefined && o.size === undefined && o.color === undefined && o.border === undefined && o.align === undefined))
      return (this.plain[kind] ??= this.keyed(PLAIN, kind));
    return this.keyed(o, kind);
  }

  private keyed(o: CellOpts, kind: Kind): number {
    const key = `${o.bold ? 1 : 0}|${o.fill ?? ''}|${o.size ?? 9}|${o.color ?? ''}|${o.border === false ? 0 : 1}|${o.align ?? ''}|${kind}`;
    let s = this.formats.get(key);
    if (s === undefined) {
      const x: Xf = {
        font: this.styles.font(fontXml(FONT, o.size ?? 9, o.bold ?? false, o.color ?? '')),
        v: 'top',
        wrap: true,
        h: o.align ?? (kind === NUMBER ? 'right' : 'left'),
      };
      if (o.fill) x.fill = this.styles.fill(solidFill(o.fill));
      if (o.border !== false) x.border = this.styles.border(BOX);
      if (kind === DATE) x.numFmt = DATE_FMT;
      this.formats.set(key, (s = this.styles.get(x)));
    }
    return s;
  }
}

/** One sheet, written row by row: cells go to the current row, which is written when the next begins. */
class Writer {
  row = 0;
  private cells: string[] = [];
  private height: number | undefined;
  private readonly merges: string[] = [];
  private readonly pictures: { png: Buffer; row: number; width: number; height: number }[] = [];
  private readonly part: PartWriter;
  private readonly index: number;

  constructor(
    private readonly book: Book,
    readonly name: string,
    private readonly widths: readonly number[],
    index = book.place(),
  ) {
    this.index = index;
    this.part = book.zip.part(`xl/worksheets/sheet${this.index}.xml`);
    this.part.write(`${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
    this.part.write(`<sheetViews><sheetView showGridLines="0"${this.index === 1 ? ' tabSelected="1"' : ''} workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>`);
    widths.forEach((w, j) => this.part.write(`<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`));
    this.part.write('</cols><sheetData>');
  }

  /**
   * A cell of the current row. Its XML carries no `r`: flush() gives one only to a row's first cell and
   * a cell after a gap, since a cell without one is the column after the cell before it (ECMA-376
   * 18.3.1.4; see register-layout.ts). A 20-project report writes
   * ~300,000 cells, and each one's reference and style key were most of the report's garbage.
   */
  cell(col: number, value: string | number | Date | null, opts: CellOpts = PLAIN) {
    const last = col + (opts.span ?? 1) - 1;
    if (last > col) this.merges.push(`${ref(col - 1, this.row)}:${ref(last - 1, this.row)}`);
    const kind = value instanceof Date ? DATE : typeof value === 'number' ? NUMBER : TEXT;
    const s = this.book.format(opts, kind);
    const days = value instanceof Date ? excelSerial(value) : null;
    if (value === null || value === '' || (typeof value === 'number' && !Number.isFinite(value)) || (value instanceof Date && days === null)) this.cells[col] = this.book.empty(s);
    else if (typeof value === 'string') this.cells[col] = `<c s="${s}" t="s"><v>${this.book.strings.get(cellText(value))}</v></c>`;
    else this.cells[col] = `<c s="${s}"><v>${typeof value === 'number' ? value : days}</v></c>`;
    // The cells a merge covers carry its border, so the box is drawn on every side.
    if (opts.border !== false) for (let k = col + 1; k <= last; k++) this.cells[k] = this.book.empty(s);
  }

  next(height?: number) {
    this.flush();
    this.row++;
    this.height = height;
  }

  private flush() {
    if (this.row === 0) return;
    const ht = this.height ? ` ht="${this.height}" customHeight="1"` : '';
    let xml = `<row r="${this.row}"${ht}>`;
    let after = -1; // the column of the cell written last (the row's first names its own, as ExcelJS needs)
    for (let col = 1; col < this.cells.length; col++) {
      const c = this.cells[col];
      if (c === undefined) continue;
      xml += col === after + 1 ? c : `<c r="${ref(col - 1, this.row)}" ${c.slice(3)}`;
      after = col;
    }
    this.part.write(`${xml}</row>`);
    this.cells = [];
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
    this.pictures.push({ png: c.png, row: first, width: c.width, height: c.height });
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

  /** Closes the sheet: merges, page setup, and its pictures' drawing. */
  end() {
    this.flush();
    const p = this.part;
    p.write('</sheetData>');
    if (this.merges.length > 0) p.write(`<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    p.write('<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
    p.write('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>');
    if (this.pictures.length > 0) p.write('<drawing r:id="rId1"/>');
    p.write('</worksheet>');
    p.end();
    this.book.sheets[this.index - 1] = { name: this.name, lastCol: this.widths.length - 1, lastRow: this.row, drawing: this.pictures.length > 0 };
    if (this.pictures.length === 0) return;
    const zip = this.book.zip;
    const n = this.index;
    zip.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`);
    const rels: string[] = [];
    const anchors = this.pictures.map((pic, k) => {
      // imageN.png as Excel names them (ExcelJS, for one, reads only such names).
      const media = `image${++this.book.images}.png`;
      zip.addStored(`xl/media/${media}`, pic.png);
      rels.push(`<Relationship Id="rId${k + 1}" Type="${NS_R}/image" Target="../media/${media}"/>`);
      const cx = Math.round(pic.width * EMU_PER_PX);
      const cy = Math.round(pic.height * EMU_PER_PX);
      return `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${pic.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>`
        + `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${k + 2}" name="Picture ${k + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>`
        + `<xdr:blipFill><a:blip r:embed="rId${k + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>`
        + `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;
    });
    zip.add(
      `xl/drawings/drawing${n}.xml`,
      `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`,
    );
    zip.add(`xl/drawings/_rels/drawing${n}.xml.rels`, `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
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

/** The report as .xlsx bytes. */
export async function statusReportXlsx(input: ReportInput): Promise<Buffer> {
  const L = input.labels;
  const book = new Book();
  const used = new Set<string>();
  // The summary's name and first place are its own before any project's (a project named サマリー gets (2)).
  const summary = input.count > 1 ? { name: sheetName(L.summary, used), place: book.place() } : null;
  const rows: PortfolioRow[] = [];

  // Each project's plan, lists and XML are garbage once its sheet is written: collected every ~32 MB
  // (release-memory.ts says why), not left to pile up across the report.
  const heap = heapBudget(HEAP_BUDGET);
  for (let k = 0; k < input.count; k++) {
    // A sheet per project is most of the time a big report takes: progress, cancel, room for other calls.
    await pace(k, input.count);
    heap.check();
    const p = await input.project(k);
    rows.push(p.row);
    const w = new Writer(book, sheetName(p.row.name, used), WIDTHS);
    w.next(26);
    w.cell(1, `${L.title}　${p.row.name}`, { bold: true, size: 14, span: COLS, border: false });
    w.next();
    w.cell(1, L.statusDate, { bold: true, fill: HEAD_FILL });
    w.cell(2, excelDate(p.row.statusDate), { align: 'left' });
    w.cell(3, L.light, { bold: true, fill: HEAD_FILL });
    const light = L.lights[p.row.light] + (p.row.override ? `（${L.manualMark}）` : '');
    w.cell(4, light, { bold: true, color: 'FFFFFFFF', fill: LIGHT_FILL[p.row.light], align: 'center' });
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
    w.end();
  }

  if (summary) {
    const w = new Writer(book, summary.name, [...WIDTHS, NOTE_WIDTH], summary.place);
    w.next(26);
    w.cell(1, L.title, { bold: true, size: 16, span: COLS + 1, border: false });
    w.next();
    const heads = [L.project, L.statusDate, L.light, ...L.summaryHeaders, L.note];
    heads.forEach((h, i) => w.cell(i + 1, h, { bold: true, fill: HEAD_FILL }));
    for (const row of rows) {
      w.next();
      w.cell(1, row.name);
      w.cell(2, excelDate(row.statusDate));
      w.cell(3, L.lights[row.light], { bold: true, color: LIGHT_FILL[row.light] });
      input.summaryFigures.forEach((k, i) => w.cell(4 + i, input.show(k, row.figures[k]), { align: 'right' }));
      w.cell(4 + input.summaryFigures.length, row.note);
    }
    if (input.summaryChart) w.chart(await input.summaryChart(rows));
    w.end();
  }
  return finish(book, input);
}

/** The workbook's own parts: strings, styles, sheets with their print areas, relationships, types. */
function finish(book: Book, input: ReportInput): Buffer {
  const { zip, sheets } = book;
  book.strings.write(zip.part('xl/sharedStrings.xml'));
  zip.add('xl/styles.xml', book.styles.xml());
  zip.add(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>`
      + sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets><definedNames>'
      + sheets.map((s, i) => `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${sheetPrefix(s.name)}!$A$1:$${colName(s.lastCol)}$${s.lastRow}`)}</definedName>`).join('')
      + '</definedNames></workbook>',
  );
  addPackageParts(zip, sheets.length, input.labels.title);
  const ct = 'application/vnd.openxmlformats-officedocument';
  zip.add(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>`
      + `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>`
      + sheets.map((s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>${s.drawing ? `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${ct}.drawing+xml"/>` : ''}`).join('')
      + `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>`
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  return zip.finish();
}
