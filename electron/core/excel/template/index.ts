// Writes data into a client's own workbook and changes nothing else: the lossless template writer.
//
// ExcelJS and openpyxl load a workbook into a model and write the model back, which loses what
// their model lacks (charts, x14 validations, defined names, default fonts… see
// ../shared/corpus/BASELINE.md). Here the package is patched instead: every zip entry we do not
// change is copied byte for byte (compressed bytes and headers), and the parts that hold the data
// region — the worksheet, the shared strings, a few added cell formats, and, when rows are inserted,
// the places that refer to moved rows — are edited by splicing text, never parsed and re-serialized
// whole. Writing back what the template already holds gives back identical bytes.
//
//   const out = await writeIntoTemplate(templateBytes, [{ sheet: 'WBS', firstRow: 5, lastRow: 7,
//     columns: [0, 1, 4], rows: [[{ value: { t: 's', v: '1.1' } }, …]] }]);
import { isoToSerial } from '../../../common/excel/client-dates.js';
import { parseRange, sheetPrefix } from '../../../common/excel/model.js';
import { ExcelReadError } from '../errors.js';
import { fail, TemplateError } from './errors.js';
import { writeCells, writeTable, type FillContext } from './fill.js';
import { placeImages } from './images.js';
import { Package } from './package.js';
import { parseA1 } from './refs.js';
import { SharedStrings } from './shared-strings.js';
import { cellHasContent, findSheetData, parseCells, parseRows } from './sheet-rows.js';
import { DirtyCells, dropStaleResults } from './stale.js';
import { Styles } from './styles.js';
import type { CellOut, TableWrite, WriteOptions } from './types.js';
import { definedNames as namesOf, definedNameTarget, partOfType, setFullCalcOnLoad, storeSharedStrings, type NamedTarget } from './workbook.js';

export type { CellOut, CellWrite, ImageWrite, OutValue, TableWrite, WriteOptions, WriteReport } from './types.js';
export type { NamedTarget } from './workbook.js';
export { TemplateError, TEMPLATE_ERROR_CODES, type TemplateErrorCode } from './errors.js';

const DEFAULT_NAME = 'template.xlsx';

/** The template with `writes` (and `opts.cells`) written in; see the file comment. */
export async function writeIntoTemplate(template: Uint8Array, writes: TableWrite[], opts: WriteOptions = {}): Promise<Uint8Array> {
  return writeIntoTemplateSync(template, writes, opts);
}

/** The same, synchronously (for workers and benchmarks). */
export function writeIntoTemplateSync(template: Uint8Array, writes: TableWrite[], opts: WriteOptions = {}): Buffer {
  const fileName = opts.fileName ?? DEFAULT_NAME;
  return asTemplateError(fileName, () => write(template, writes, opts, fileName));
}

/**
 * Whatever stops the writer in a client's file is a fact about that file: an error that is not
 * already a TemplateError or ExcelReadError (a row out of order in a sheet the writer only scans,
 * edits that collide in a part written twice…) becomes a TemplateError naming the file, so the API
 * answers it as the template's fault (CONFLICT or VALIDATION), never as INTERNAL.
 */
function asTemplateError<T>(fileName: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof TemplateError || err instanceof ExcelReadError || !(err instanceof Error)) throw err;
    return fail(fileName, 'DAMAGED', `could not be filled: ${err.message}`);
  }
}

function write(template: Uint8Array, writes: TableWrite[], opts: WriteOptions, fileName: string): Buffer {
  const pkg = new Package(template, fileName);

  // Check every request before changing anything.
  const tables = writes.map((w) => ({ w: checkWrite(fileName, w), sheet: pkg.sheet(w.sheet) }));
  const cells = (opts.cells ?? []).map((c) => {
    const at = parseA1(c.ref);
    if (!at) fail(fileName, 'BAD_WRITE', `"${c.ref}" on sheet "${c.sheet}" is not a cell address`, `${sheetPrefix(c.sheet)}!${c.ref}`);
    return { sheet: pkg.sheet(c.sheet), row: at.row, col: at.col, value: c.value };
  });

  const sstPart = partOfType(pkg, 'sharedStrings', 'xl/sharedStrings.xml');
  const stylesPart = partOfType(pkg, 'styles', 'xl/styles.xml');
  const ctx: FillContext = {
    pkg,
    sst: new SharedStrings(sstPart ? pkg.read(sstPart) : null),
    styles: new Styles(stylesPart ? pkg.read(stylesPart) : null, opts.dateFormat),
    date1904: pkg.date1904,
    formulasChanged: false,
    inserted: [],
    dirty: new DirtyCells(),
  };

  // Single cells first, at template addresses (a table below may then move them down with their rows).
  const bySheet = new Map<string, [number, number, CellOut][]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet.name) ?? [];
    list.push([c.row, c.col, c.value]);
    bySheet.set(c.sheet.name, list);
  }
  for (const [name, list] of bySheet) writeCells(ctx, pkg.sheet(name), list);

  // Tables bottom-up per sheet: rows inserted for a lower table never move a higher one's rows.
  const ordered = [...tables].sort((a, b) => (a.sheet.index - b.sheet.index) || b.w.firstRow - a.w.firstRow);
  for (const { w, sheet } of ordered) writeTable(ctx, sheet, w);
  // Pictures last: their cells follow the rows the tables inserted.
  if (opts.images?.length) placeImages(pkg, fileName, opts.images, ctx.inserted);

  const sst = ctx.sst.serialize();
  if (sst !== null) storeSharedStrings(pkg, sstPart, sst);
  const styles = ctx.styles.serialize();
  if (styles !== null && stylesPart) pkg.write(stylesPart, styles);
  // Formula results that read a changed cell are dropped (computed on open); Excel is asked to
  // recalculate everything then. A write that changed nothing leaves workbook.xml as it was.
  const dropped = dropStaleResults(pkg, ctx.dirty, (i) => ctx.sst.text(i));
  const recalc = ctx.formulasChanged || dropped > 0;
  if (recalc) setFullCalcOnLoad(pkg);
  if (opts.report) {
    opts.report.inserted = ctx.inserted;
    opts.report.recalc = recalc;
  }
  return pkg.toBuffer();
}

function checkWrite(fileName: string, w: TableWrite): TableWrite {
  const bad = (what: string): never => fail(fileName, 'BAD_WRITE', `sheet "${w.sheet}": ${what}`, sheetPrefix(w.sheet));
  if (!Number.isInteger(w.firstRow) || w.firstRow < 1) bad(`firstRow ${w.firstRow} is not a row number`);
  if (w.lastRow !== null && (!Number.isInteger(w.lastRow) || w.lastRow < 1)) bad(`lastRow ${w.lastRow} is not a row number`);
  const seen = new Set<number>();
  for (const c of w.columns) {
    if (!Number.isInteger(c) || c < 0 || c >= 16_384) bad(`column ${c} is not a column index`);
    if (seen.has(c)) bad(`column ${c} is written twice`);
    seen.add(c);
  }
  for (const [i, row] of w.rows.entries()) {
    if (!Array.isArray(row)) bad(`data row ${i + 1} is not a list`);
    if (row.length > w.columns.length) bad(`data row ${i + 1} has ${row.length} values for ${w.columns.length} columns`);
    for (const cell of row) {
      const v = cell?.value;
      if (v && (v.t === 'n' || v.t === 'd') && !Number.isFinite(v.v)) bad(`data row ${i + 1} holds ${v.v}, which a cell cannot hold`);
    }
  }
  if (w.order) {
    if (w.lastRow === null || w.lastRow < w.firstRow) bad('a row order needs the table\'s template rows');
    const kept = new Set<number>();
    for (const o of w.order) {
      if (!Number.isInteger(o.row) || o.row < w.firstRow || o.row > w.lastRow!) bad(`row ${o.row} of the row order is not a row of the table (${w.firstRow}–${w.lastRow})`);
      if (!o.clone && kept.has(o.row)) bad(`row ${o.row} is kept twice in the row order`);
      if (!o.clone) kept.add(o.row);
    }
    if (w.rows.length > w.order.length) bad(`${w.rows.length} data rows for ${w.order.length} rows of the row order`);
    if (w.band && !(Number.isInteger(w.band[0]) && Number.isInteger(w.band[1]) && w.band[0] >= 0 && w.band[0] <= w.band[1] && w.band[1] < 16_384 && w.columns.every((c) => c >= w.band![0] && c <= w.band![1])))
      bad(`band ${String(w.band)} is not a column span holding every written column`);
  }
  for (const ref of w.unmerge ?? []) if (typeof ref !== 'string' || !/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(ref)) bad(`${String(ref)} is not a merged range to undo (A1:B2)`);
  for (const r of w.remerge ?? []) {
    const a = typeof r?.from === 'string' ? parseRange(r.from) : null;
    const b = typeof r?.to === 'string' ? parseRange(r.to) : null;
    if (!a || !b || a.r1 !== b.r1 || a.c1 !== b.c1 || b.r2 > a.r2 || b.c2 > a.c2) bad(`${String(r?.from)} → ${String(r?.to)} is not a merged range made smaller from its top-left cell`);
  }
  if (w.regroup) {
    const g = w.regroup;
    if (!Array.isArray(g.columns) || !g.columns.every((c) => Number.isInteger(c) && c >= 0 && c < 16_384) || !Number.isInteger(g.from) || !Number.isInteger(g.to) || g.from < 1 || g.to < g.from)
      bad('regroup needs columns and a span of rows');
    for (const ref of g.merges) {
      const m = typeof ref === 'string' ? parseRange(ref) : null;
      if (!m || m.c1 !== m.c2 || !g.columns.includes(m.c1) || m.r1 + 1 < g.from || m.r2 + 1 > g.to || m.r2 <= m.r1) bad(`${String(ref)} is not a range of rows in one regrouped column`);
    }
  }
  if (w.outline !== undefined && (!Array.isArray(w.outline) || w.outline.length > w.rows.length || !w.outline.every((n) => n === undefined || n === null || (Number.isInteger(n) && n >= 0 && n <= 7))))
    bad('outline needs a level 0–7 (or nothing) per data row');
  // lastRow above firstRow means an empty table.
  return w.lastRow !== null && w.lastRow < w.firstRow ? { ...w, lastRow: null } : w;
}

/** An ISO day (yyyy-mm-dd) as an Excel serial in the template's date system. */
export function dateSerial(iso: string, date1904 = false): number {
  const n = isoToSerial(iso, date1904);
  if (n === null) throw new RangeError(`${iso} is not a date`);
  return n;
}

/** What one template row holds in some columns: for telling prepared blank rows (formatted, empty) apart. */
export interface RowShape {
  /** 1-based row. */
  row: number;
  /** Cells with a format other than the default. */
  styled: number;
  /** Cells with a constant value. */
  values: number;
  formulas: number;
  /**
   * The asked columns holding a formula (0-based). Read from the file itself: a formula whose cached result
   * is "" (=IF(L15="","",L15-F15) on a row still to fill) leaves no cell in the workbook model.
   */
  formulaColumns: number[];
  /** Each asked column's format (s), 0 where the row has no cell. */
  styles: number[];
  /** Each asked column's fill as its format paints it (Styles.fillKey: '' for none). */
  fills: string[];
}

/**
 * What the host asks of a template before writing into it or showing it; answered by inspectTemplate
 * in the reader's capped worker (capped-worker.ts inspectTemplateInWorker), never on the app's thread: a
 * template is a client's file like any other, and one built to be slow or big must not hold the app.
 */
export interface TemplateQuery {
  /** Defined names to resolve, each as seen from a sheet (a name scoped to it wins). */
  names?: { name: string; sheet?: string }[];
  /** List every defined name that points at one cell or range (sheetPreview). */
  listNames?: boolean;
  /** The shapes of rows from..to (1-based, at most 2,000) of a sheet, in the given columns. */
  rows?: { sheet: string; from: number; to: number; columns: number[] };
}

export interface TemplateFacts {
  date1904: boolean;
  sheets: { name: string; kind: string }[];
  /** query.names resolved, in their order: null where a name is missing or not one plain reference. */
  named: (NamedTarget | null)[];
  /** With listNames: the names that point at one cell or range (not Excel's own _xlnm names such as the print area). */
  definedNames: (NamedTarget & { name: string })[];
  /** With rows: each row the sheet has in the range (rows it lacks are left out). */
  rows: RowShape[];
}

export function inspectTemplate(template: Uint8Array, query: TemplateQuery = {}, fileName = DEFAULT_NAME): TemplateFacts {
  return asTemplateError(fileName, () => {
    const pkg = new Package(template, fileName);
    const definedNames: TemplateFacts['definedNames'] = [];
    if (query.listNames)
      for (const { name } of namesOf(pkg).values()) {
        if (name === '' || name.startsWith('_xlnm.')) continue;
        const target = definedNameTarget(pkg, name);
        if (target) definedNames.push({ name, ...target });
      }
    return {
      date1904: pkg.date1904,
      sheets: pkg.sheets.map((s) => ({ name: s.name, kind: s.kind })),
      named: (query.names ?? []).map((n) => definedNameTarget(pkg, n.name, n.sheet)),
      definedNames,
      rows: query.rows ? rowShapes(pkg, query.rows) : [],
    };
  });
}

function rowShapes(pkg: Package, { sheet: sheetName, from, to, columns }: NonNullable<TemplateQuery['rows']>): RowShape[] {
  const sheet = pkg.sheet(sheetName);
  const xml = sheet.part ? pkg.read(sheet.part) : null;
  const sd = xml ? findSheetData(xml) : null;
  if (!xml || !sd) return [];
  const cols = new Set(columns);
  const stylesPart = partOfType(pkg, 'styles', 'xl/styles.xml');
  const styles = new Styles(stylesPart ? pkg.read(stylesPart) : null);
  const out: RowShape[] = [];
  const end = Math.min(to, from + 2_000);
  for (const row of parseRows(xml, sd)) {
    if (row.num < from) continue;
    if (row.num > end) break;
    const shape: RowShape = { row: row.num, styled: 0, values: 0, formulas: 0, formulaColumns: [], styles: columns.map(() => 0), fills: columns.map(() => styles.fillKey(0)) };
    for (const c of parseCells(xml, row, sd.prefix)) {
      if (!cols.has(c.col)) continue;
      shape.styles[columns.indexOf(c.col)] = c.s;
      shape.fills[columns.indexOf(c.col)] = styles.fillKey(c.s);
      if (c.s) shape.styled++;
      if (c.f) {
        shape.formulas++;
        shape.formulaColumns.push(c.col);
      }
      else if (cellHasContent(c)) shape.values++;
    }
    out.push(shape);
  }
  return out;
}
