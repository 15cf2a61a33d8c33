// An xlsx / xlsm workbook → the sheet model. Reads only what an import needs: the workbook (sheet
// names, order, visibility, 1904 dates), the shared strings, the cell formats (number format for
// dates and percentages, indent) and each worksheet's cells and merges. Never runs or keeps macros,
// formulas, links or embedded objects: a formula cell yields its cached result.
import { isoToSerial } from '../../common/excel/client-dates.js';
import { cellRef, parseRange, sheetPrefix, type Cell, type CellType, type ListValidation, type Merge, type Row, type SheetModel, type TableObject, type WorkbookModel } from '../../common/excel/model.js';
import { refuse } from './errors.js';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, MAX_CELLS, MAX_IMPORT_ROWS, MAX_MERGES, MAX_SHEET_ROWS, MAX_SHEETS } from './limits.js';
import { BUILTIN_FORMATS, classifyFormat, type FormatClass } from './number-formats.js';
import { CellPacker, RowObjects, type CellSink } from './model-pack.js';
import { elements, scanXml, textOf, xmlSource, type XmlSource } from './xml.js';
import { readZipDirectory, ZipReader } from './zip.js';

/** List validations kept per sheet, and defined names per workbook (a template has a handful). */
const MAX_LISTS = 500;
/** Table objects kept per sheet (a list sheet of a template may hold a dozen). */
const MAX_TABLES = 100;
/** Hidden column ranges read per sheet (a template may hide hundreds one by one). */
const MAX_HIDDEN_COLUMN_RANGES = 500;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

interface Style {
  fmt?: string;
  cls: FormatClass;
  indent?: number;
  /** The index of its fill when that is a solid pattern fill (a cell painted a colour). */
  fill?: number;
}

/** Painted cells kept per sheet (SheetModel.fills); a sheet with more keeps none. */
const MAX_FILLS = 200_000;

/** The budget of cells shared by all sheets. */
class Budget {
  cells = 0;
  merges = 0;
  constructor(readonly fileName: string) {}
  cell(): void {
    if (++this.cells > MAX_CELLS) refuse(this.fileName, 'TOO_LARGE', `has more than ${MAX_CELLS.toLocaleString('en-US')} cells with values; PMO Desk reads workbooks of up to that`);
  }
  merge(): boolean {
    return ++this.merges <= MAX_MERGES;
  }
}

/** Resolves a relationship target against the folder of the part that names it (the template writer uses it too). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsOf(zip: ZipReader, part: string, fileName: string): Map<string, { type: string; target: string }> {
  const relsPath = part.replace(/([^/]*)$/, '_rels/$1.rels');
  const bytes = zip.bytes(relsPath);
  const out = new Map<string, { type: string; target: string }>();
  if (!bytes) return out;
  for (const a of elements(xmlSource(bytes, relsPath, fileName), 'Relationship')) {
    if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') continue;
    const type = (a.Type ?? '').replace(REL, '').replace(STRICT_REL, '');
    out.set(a.Id, { type, target: resolvePart(part, a.Target) });
  }
  return out;
}

/** The workbook part and whether it is macro-enabled, from [Content_Types].xml (or the root rels). */
export function findWorkbookPart(zip: ZipReader, fileName: string): { part: string; macro: boolean } {
  const ct = zip.bytes('[Content_Types].xml')!;
  for (const o of elements(xmlSource(ct, '[Content_Types].xml', fileName), 'Override')) {
    const type = o.ContentType ?? '';
    const part = (o.PartName ?? '').replace(/^\//, '');
    if (/sheet\.binary\.macroEnabled\.main|\.xlsb/i.test(type)) refuse(fileName, 'UNSUPPORTED', 'is a binary workbook (.xlsb); save it as .xlsx in Excel');
    if (/spreadsheetml\.(sheet|template)\.main\+xml$/.test(type)) return { part, macro: false };
    if (/ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/.test(type)) return { part, macro: true };
  }
  const root = relsOf(zip, '', fileName);
  for (const rel of root.values()) if (rel.type === 'officeDocument' && zip.has(rel.target)) return { part: rel.target, macro: false };
  if (zip.has('xl/workbook.xml')) return { part: 'xl/workbook.xml', macro: false };
  if (zip.has('xl/workbook.bin')) refuse(fileName, 'UNSUPPORTED', 'is a binary workbook (.xlsb); save it as .xlsx in Excel');
  if (zip.has('word/document.xml')) refuse(fileName, 'NOT_A_WORKBOOK', 'is a Word document, not an Excel workbook');
  if (zip.has('ppt/presentation.xml')) refuse(fileName, 'NOT_A_WORKBOOK', 'is a PowerPoint presentation, not an Excel workbook');
  return refuse(fileName, 'NOT_A_WORKBOOK', 'is a zip archive but not an Excel workbook (it has no workbook part)');
}

/** ECMA-376 escapes control characters in strings as _xHHHH_. */
function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** A plain entry's text opens right after its <si> with one of these, and ends with PLAIN_END. */
const PLAIN_T = '<t>';
const PRESERVED_T = '<t xml:space="preserve">';
const PLAIN_END = '</t></si>';

function readSharedStrings(x: XmlSource): string[] {
  const out: string[] = [];
  let parts: string[] | null = null;
  let inT = false;
  let skip = 0; // inside <rPh> (furigana) or <phoneticPr>
  let entry = false; // an <si> just opened outside any <t> or <rPh>
  const add = (s: string) => {
    if (out.length >= MAX_CELLS) refuse(x.fileName, 'TOO_LARGE', `has more than ${MAX_CELLS.toLocaleString('en-US')} shared strings`);
    out.push(unescapeX(s));
  };
  scanXml(x, {
    open(name) {
      entry = false;
      if (name === 'si') {
        entry = skip === 0 && !inT;
        parts = [];
      } else if (name === 'rPh') skip++;
      else if (name === 't' && parts && skip === 0) inT = true;
    },
    // The common entry, <si><t>text</t></si> with no markup in the text, read at once: the text the
    // events make of it, without their round of open, text, close and close and a parts array per entry
    // (223,000 entries in the 100,000-row bench file). Anything else (rich text runs, furigana, CDATA,
    // another attribute, a space between tags) is left to the events.
    resume(after) {
      if (!entry) return after;
      entry = false;
      const src = x.src;
      const from = src.startsWith(PLAIN_T, after) ? after + PLAIN_T.length : src.startsWith(PRESERVED_T, after) ? after + PRESERVED_T.length : -1;
      const end = from < 0 ? -1 : src.indexOf('<', from);
      if (end < 0 || !src.startsWith(PLAIN_END, end)) return after;
      add(textOf(x, from, end));
      parts = null;
      return end + PLAIN_END.length;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') skip = Math.max(0, skip - 1);
      else if (name === 'si' && parts) {
        add(parts.join(''));
        parts = null;
      }
    },
    text(start, end, cdata) {
      if (inT && parts) parts.push(textOf(x, start, end, cdata));
    },
  });
  return out;
}

function readStyles(x: XmlSource): Style[] {
  const formats = new Map<number, string>();
  const xfs: { numFmtId: number; indent?: number; fillId: number }[] = [];
  let inCellXfs = false;
  let current: { numFmtId: number; indent?: number; fillId: number } | null = null;
  // The fills in order (their index is an xf's fillId), and which of them paint a solid colour.
  let fillCount = -1;
  const solid = new Set<number>();
  scanXml(x, {
    open(name, attrs) {
      if (name === 'fill') fillCount++;
      else if (name === 'patternFill' && fillCount >= 0 && attrs.get('patternType') === 'solid') solid.add(fillCount);
      else if (name === 'numFmt') {
        const a = attrs.all();
        if (a.numFmtId !== undefined && a.formatCode !== undefined) formats.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        current = { numFmtId: Number(attrs.get('numFmtId') ?? 0) || 0, fillId: Number(attrs.get('fillId') ?? 0) || 0 };
        xfs.push(current);
      } else if (name === 'alignment' && current && attrs.get('indent') !== undefined) {
        const indent = Number(attrs.get('indent'));
        if (Number.isInteger(indent) && indent > 0 && indent < 256) current.indent = indent;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf') current = null;
    },
  });
  return xfs.map((xf) => {
    const code = formats.get(xf.numFmtId);
    const cls = classifyFormat(xf.numFmtId, code);
    const fmt = cls === 'general' ? undefined : (code ?? BUILTIN_FORMATS[xf.numFmtId]);
    return { cls, ...(fmt !== undefined ? { fmt } : {}), ...(xf.indent ? { indent: xf.indent } : {}), ...(solid.has(xf.fillId) ? { fill: xf.fillId } : {}) };
  });
}

/** 'AB12' → [row, col] 0-based; null when malformed. */
function parseRef(ref: string): [number, number] | null {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else break;
  }
  if (i === 0 || i === ref.length || i > 3) return null;
  let r = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    r = r * 10 + (ch - 48);
  }
  return r >= 1 ? [r - 1, c - 1] : null;
}

class SheetTooLong extends Error {}

/**
 * The 0-based number of the sheet's last row when that row holds a value, read from the end of the
 * part; null when it cannot be told cheaply (then the reading finds out). A sheet whose last row is
 * past the limit is left out at once, not after building the 101,000 rows above it (the same answer:
 * the reading stops at the first value past the limit).
 */
function lastRowWithValue(buf: Buffer): number | null {
  let at = buf.length;
  for (let tries = 0; tries < 64; tries++) {
    const i = buf.lastIndexOf('row', at - 1);
    if (i < 1) return null;
    at = i;
    const before = buf[i - 1];
    const after = buf[i + 3];
    if ((before !== 60 && before !== 58) || !(after === 32 || after === 9 || after === 10 || after === 13)) continue;
    const tag = /^[^<>]*/.exec(buf.toString('latin1', i, i + 300))![0];
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
    if (!r || tag.trimEnd().endsWith('/')) return null;
    const end = buf.indexOf('row>', i + tag.length);
    const body = buf.toString('latin1', i + tag.length, end < 0 ? undefined : end);
    return /<(?:[\w.-]+:)?(?:v|t)(?:\s[^<>]*)?>[^<]/.test(body) ? Number(r[1]) - 1 : null;
  }
  return null;
}

function readWorksheet(
  x: XmlSource,
  name: string,
  sst: string[],
  styles: Style[],
  date1904: boolean,
  budget: Budget,
  notes: Set<string>,
  sink: CellSink,
): { merges: Merge[]; lists: ListValidation[]; view: SheetView; fills?: number[]; skipped?: string } {
  // Painted cells, with or without a value, as (row, column, fill) triples (SheetModel.fills); null once past MAX_FILLS.
  let fills: number[] | null = [];
  const merges: Merge[] = [];
  // What the author set around the cells (frozen panes, the filter, hidden helper columns): evidence of
  // where a table's header is, read as written (a custom view's own pane and filter are not the sheet's).
  const view: SheetView = {};
  let inCustomView = 0;
  // List validations (classic, and Excel 2010's x14 ones in extLst that point at other sheets): the
  // client's own vocabulary for a column.
  const lists: ListValidation[] = [];
  let list: { sqref: string; formula: string } | null = null;
  let listText: 'formula' | 'sqref' | null = null;
  const broken = (what: string): never => refuse(x.fileName, 'DAMAGED', `the file is damaged (sheet ${name}: ${what})`, sheetPrefix(name));
  let inData = false;
  let nextRow = 0;
  let nextCol = 0;
  // The cell being read.
  let cr = 0;
  let cc = 0;
  let ct = '';
  let cs = 0;
  let hasF = false;
  let v: string | null = null;
  // A shared string's index read as a number by the plain reading (then v is ''); -1 otherwise.
  let vNum = -1;
  let inV = false;
  let inIs = 0;
  let inT = false;
  let rph = 0;
  let isText: string[] = [];
  // The cell read (cr, cc) with its value, into the sink.
  const push = (t: CellType, value: string | number | boolean, fmt: string | undefined, indent: number, shared = -1) => {
    if (cr >= MAX_SHEET_ROWS) throw new SheetTooLong();
    if (typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS)
      refuse(x.fileName, 'TOO_LARGE', `sheet ${name} cell ${cellRef(cr, cc)} holds ${value.length.toLocaleString('en-US')} characters; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString('en-US')}`, `${sheetPrefix(name)}!${cellRef(cr, cc)}`);
    budget.cell();
    // A cell whose r= names another row than its <row>: start that row.
    if (sink.currentRow() !== cr) sink.startRow(cr, 0, false);
    sink.cell(cc, t, value, hasF, fmt, indent, shared);
  };
  const finishCell = () => {
    let type: CellType;
    let value: string | number | boolean;
    // A shared string's index (the packed reading writes each once, by its index): -1 for any other value.
    let shared = -1;
    const style = styles[cs];
    if (style?.fill !== undefined && fills) {
      if (fills.length >= MAX_FILLS * 3) fills = null;
      else fills.push(cr, cc, style.fill);
    }
    // A formula whose result was never stored (a row another tool moved, or a file no spreadsheet has
    // calculated yet) is still a filled cell of the template: kept as an empty formula result, so a
    // row of such numbering reads as a prepared row and does not end the table as a gap would.
    if (hasF && v === null) return push('s', '', undefined, 0);
    switch (ct) {
      case 's': {
        if (v === null) return;
        const at = vNum >= 0 ? vNum : Number(v);
        const s = sst[at];
        if (s === undefined) {
          notes.add(`sheet ${name}: some cells refer to shared strings that do not exist and were left out`);
          return;
        }
        if (s === '') return;
        shared = at;
        type = 's';
        value = s;
        break;
      }
      case 'str':
      case 'inlineStr': {
        const s = ct === 'inlineStr' && isText.length > 0 ? isText.join('') : v;
        if (s === null || s === '') return;
        type = 's';
        value = unescapeX(s);
        break;
      }
      case 'b':
        if (v === null) return;
        type = 'b';
        value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
        break;
      case 'e':
        if (v === null) return;
        type = 'e';
        value = v.trim();
        break;
      case 'd': {
        if (v === null) return;
        const serial = isoToSerial(v.trim(), date1904);
        if (serial === null) return;
        type = 'd';
        value = serial;
        break;
      }
      default: {
        if (v === null || v.trim() === '') return;
        const n = Number(v);
        if (!Number.isFinite(n)) {
          notes.add(`sheet ${name}: some number cells hold no number and were left out`);
          return;
        }
        type = style?.cls === 'date' ? 'd' : 'n';
        value = n === 0 ? 0 : n; // no -0
      }
    }
    push(type, value, type === 'n' || type === 'd' ? style?.fmt : undefined, style?.indent ?? 0, shared);
  };
  // A <row> and a <c> opened, from their attributes (both readings of the data share these).
  const openRow = (ra: string | undefined, outlineLevel: string | undefined, hidden: string | undefined) => {
    const r = ra !== undefined ? Number(ra) - 1 : nextRow;
    if (!Number.isInteger(r) || r < 0 || r >= EXCEL_MAX_ROWS) broken(`row number ${ra} is outside the sheet`);
    const outline = Number(outlineLevel ?? 0);
    sink.startRow(r, outline >= 1 && outline <= 7 ? outline : 0, hidden === '1' || hidden === 'true');
    nextRow = r + 1;
    nextCol = 0;
  };
  const openCell = (ra: string | undefined, t: string | undefined, s: string | undefined) => {
    const ref = ra !== undefined ? parseRef(ra) : null;
    if (ra !== undefined && !ref) broken(`cell reference ${ra} is malformed`);
    const current = sink.currentRow();
    cr = ref ? ref[0] : current >= 0 ? current : nextRow;
    cc = ref ? ref[1] : nextCol;
    if (cr >= EXCEL_MAX_ROWS || cc >= EXCEL_MAX_COLUMNS) broken(`cell ${ra} is outside the sheet`);
    nextCol = cc + 1;
    ct = t ?? 'n';
    cs = Number(s ?? 0) || 0;
    hasF = false;
    v = null;
    vNum = -1;
    isText = [];
  };

  /**
   * The rows of <sheetData> (its content, [from, to) of the text) read straight from the text for the
   * shape spreadsheets write: <row>, <c>, <f> and <v> without prefixes. The general scan's callbacks,
   * attribute readers and per-value decoding were most of reading a 100,000-row sheet (issue 18). Anything
   * else (an inline string, a comment, CDATA, a prefixed or unknown element, a value that is not one
   * plain text) answers false where it stands: the caller then reads the data again the general way.
   * Each row and cell goes through openRow / openCell / finishCell as the general scan's would.
   */
  const readDataFast = (from: number, to: number): boolean => {
    const src = x.src;
    const code = (k: number) => src.charCodeAt(k);
    const space = (ch: number) => ch === 32 || ch === 10 || ch === 13 || ch === 9;
    // An attribute's value as textOf reads it: plain ASCII as it stands, else decoded.
    const value = (a: number, b: number) => {
      for (let k = a; k < b; k++) {
        const ch = code(k);
        if (ch === 38 || ch > 0x7f || ch === 13) return textOf(x, a, b);
      }
      return src.slice(a, b);
    };
    // A <c> opened from its attributes' text as it stands ([start, end) of r, t and s; -1 absent), without
    // making strings of them: what openCell does for a plain reference in the sheet and a plain style
    // number. Anything else answers false and goes through openCell (the same reading, or its refusal).
    const openCellAt = (rA: number, rB: number, tA: number, tB: number, sA: number, sB: number): boolean => {
      if (rA < 0) return false;
      let c = 0;
      let k = rA;
      for (; k < rB; k++) {
        const ch = code(k);
        if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
        else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
        else break;
      }
      if (k === rA || k === rB || k - rA > 3) return false;
      let r = 0;
      for (; k < rB; k++) {
        const ch = code(k);
        if (ch < 48 || ch > 57) return false;
        r = r * 10 + (ch - 48);
      }
      if (r < 1 || r > EXCEL_MAX_ROWS || c > EXCEL_MAX_COLUMNS) return false;
      let style = 0;
      if (sA >= 0) {
        if (sB === sA || sB - sA > 6) return false;
        for (k = sA; k < sB; k++) {
          const ch = code(k);
          if (ch < 48 || ch > 57) return false;
          style = style * 10 + (ch - 48);
        }
      }
      let t = 'n';
      if (tA >= 0) {
        const len = tB - tA;
        const t0 = code(tA);
        if (len === 1 && t0 === 115) t = 's';
        else if (len === 1 && t0 === 110) t = 'n';
        else if (len === 3 && src.startsWith('str', tA)) t = 'str';
        else t = value(tA, tB);
      }
      cr = r - 1;
      cc = c - 1;
      nextCol = c;
      ct = t;
      cs = style;
      hasF = false;
      v = null;
      vNum = -1;
      if (isText.length > 0) isText = [];
      return true;
    };
    let i = from;
    while (i < to) {
      const lt = src.indexOf('<', i);
      if (lt < 0 || lt >= to) return true; // the rest is white space between tags
      if (code(lt + 1) === 47) {
        // </c>, </row>, </f> (a </v> is read with its <v>)
        const gt = src.indexOf('>', lt);
        if (gt < 0 || gt >= to) return false;
        let e = gt;
        while (e > lt + 2 && space(code(e - 1))) e--;
        const len = e - lt - 2;
        const n0 = code(lt + 2);
        if (len === 1 && n0 === 99) finishCell();
        else if (!((len === 3 && src.startsWith('row', lt + 2)) || (len === 1 && n0 === 102))) return false;
        i = gt + 1;
        continue;
      }
      let e = lt + 1;
      while (e < to) {
        const ch = code(e);
        if (space(ch) || ch === 62 || ch === 47) break;
        if (ch === 58) return false; // a prefix
        e++;
      }
      const len = e - lt - 1;
      const n0 = code(lt + 1);
      // 1 row, 2 c, 3 f, 4 v
      const kind = len === 3 && src.startsWith('row', lt + 1) ? 1 : len !== 1 ? 0 : n0 === 99 ? 2 : n0 === 102 ? 3 : n0 === 118 ? 4 : 0;
      if (kind === 0) return false;
      let ra: string | undefined;
      let ta: string | undefined;
      let sa: string | undefined;
      let outline: string | undefined;
      let hidden: string | undefined;
      // A cell's r, t and s as [start, end) of their text (-1: absent).
      let rA = -1;
      let rB = -1;
      let tA = -1;
      let tB = -1;
      let sA = -1;
      let sB = -1;
      let k = e;
      let selfClosing = false;
      for (;;) {
        while (k < to && space(code(k))) k++;
        if (k >= to) return false;
        const ch = code(k);
        if (ch === 62) {
          k++;
          break;
        }
        if (ch === 47) {
          if (code(k + 1) !== 62) return false;
          selfClosing = true;
          k += 2;
          break;
        }
        const eq = src.indexOf('=', k);
        if (eq < 0 || eq >= to) return false;
        let ne = eq;
        while (ne > k && space(code(ne - 1))) ne--;
        let ns = ne;
        while (ns > k && code(ns - 1) !== 58) ns--; // the local name, as the general scan reads it
        if (ns === ne) ns = k;
        let q = eq + 1;
        while (q < to && space(code(q))) q++;
        const quote = code(q);
        if (quote !== 34 && quote !== 39) return false;
        const end = src.indexOf(quote === 34 ? '"' : "'", q + 1);
        if (end < 0 || end >= to) return false;
        const nl = ne - ns;
        if (nl === 1 && kind === 2) {
          const a0 = code(ns);
          if (a0 === 114 && rA < 0) (rA = q + 1), (rB = end);
          else if (a0 === 116 && tA < 0) (tA = q + 1), (tB = end);
          else if (a0 === 115 && sA < 0) (sA = q + 1), (sB = end);
        } else if (nl === 1) {
          const a0 = code(ns);
          if (a0 === 114) ra ??= value(q + 1, end);
          else if (a0 === 116) ta ??= value(q + 1, end);
          else if (a0 === 115) sa ??= value(q + 1, end);
        } else if (kind === 1 && nl === 12 && src.startsWith('outlineLevel', ns)) outline ??= value(q + 1, end);
        else if (kind === 1 && nl === 6 && src.startsWith('hidden', ns)) hidden ??= value(q + 1, end);
        k = end + 1;
      }
      i = k;
      if (kind === 1) openRow(ra, outline, hidden);
      else if (kind === 2) {
        if (!openCellAt(rA, rB, tA, tB, sA, sB)) openCell(rA < 0 ? undefined : value(rA, rB), tA < 0 ? undefined : value(tA, tB), sA < 0 ? undefined : value(sA, sB));
        if (selfClosing) finishCell();
      } else if (kind === 3) hasF = true;
      else if (selfClosing) {
        v = '';
        vNum = -1;
      } else {
        // <v>text</v>: one plain text, then its end tag.
        const lt2 = src.indexOf('<', k);
        if (lt2 < 0 || lt2 >= to || !src.startsWith('</v>', lt2)) return false;
        // A shared string's index as a number (no string made for it), when it is plain digits.
        let n = 0;
        let at = k;
        if (ct === 's' && lt2 > k && lt2 - k <= 9)
          for (; at < lt2; at++) {
            const ch = code(at);
            if (ch < 48 || ch > 57) break;
            n = n * 10 + (ch - 48);
          }
        if (ct === 's' && at === lt2 && lt2 > k) {
          vNum = n;
          v = '';
        } else {
          v = value(k, lt2);
          vNum = -1;
        }
        i = lt2 + 4;
      }
    }
    return true;
  };

  const handler: Parameters<typeof scanXml>[1] = {
      open(el, attrs) {
        if (!inData) {
          // (Names come without their prefix: x14:dataValidation, xm:f and xm:sqref read as below.)
          if (el === 'dataValidation') list = attrs.get('type') === 'list' && lists.length < MAX_LISTS ? { sqref: attrs.get('sqref') ?? '', formula: '' } : null;
          else if (list && (el === 'formula1' || el === 'f') && list.formula === '') listText = 'formula';
          else if (list && el === 'sqref') listText = 'sqref';
          if (el === 'customSheetView') inCustomView++;
          else if (inCustomView === 0) readView(view, el, attrs);
          const ref = el === 'mergeCell' ? attrs.get('ref') : undefined;
          if (el === 'sheetData') inData = true;
          else if (ref !== undefined) {
            const m = parseRange(ref);
            if (m && m.r2 < EXCEL_MAX_ROWS && m.c2 < EXCEL_MAX_COLUMNS && (m.r2 > m.r1 || m.c2 > m.c1) && budget.merge()) merges.push(m);
          }
          return;
        }
        switch (el) {
          case 'row':
            openRow(attrs.get('r'), attrs.get('outlineLevel'), attrs.get('hidden'));
            break;
          case 'c':
            openCell(attrs.get('r'), attrs.get('t'), attrs.get('s'));
            break;
          case 'f':
            hasF = true;
            break;
          case 'v':
            inV = true;
            v = '';
            break;
          case 'is':
            inIs++;
            break;
          case 'rPh':
            rph++;
            break;
          case 't':
            if (inIs > 0 && rph === 0) inT = true;
            break;
        }
      },
      close(el) {
        if (!inData) {
          if (el === 'customSheetView') inCustomView = Math.max(0, inCustomView - 1);
          if (el === 'dataValidation' && list) {
            if (list.formula !== '' && list.sqref !== '') lists.push({ sqref: list.sqref.slice(0, 2000), formula: list.formula.slice(0, 2000) });
            list = null;
          } else listText = null;
          return;
        }
        switch (el) {
          case 'sheetData':
            inData = false;
            break;
          case 'c':
            finishCell();
            break;
          case 'v':
            inV = false;
            break;
          case 'is':
            inIs = Math.max(0, inIs - 1);
            break;
          case 'rPh':
            rph = Math.max(0, rph - 1);
            break;
          case 't':
            inT = false;
            break;
        }
      },
      text(start, end, cdata) {
        if (listText && list && end - start <= 4000) list[listText === 'formula' ? 'formula' : 'sqref'] += textOf(x, start, end, cdata);
        if (inV) v += textOf(x, start, end, cdata);
        else if (inT) isText.push(textOf(x, start, end, cdata));
      },
  };
  try {
    // On the bytes: a sheet refused here never has its text made (xml.ts).
    const last = lastRowWithValue(x.bytes);
    if (last !== null && last >= MAX_SHEET_ROWS) {
      cr = last;
      throw new SheetTooLong();
    }
    const data = sheetDataSpan(x.src);
    if (!data) scanXml(x, handler);
    else {
      scanXml(x, handler, 0, data.open);
      inData = true;
      const cells = budget.cells;
      const noted = [...notes];
      if (!readDataFast(data.from, data.to)) {
        // Back to where the data began, and read it the general way.
        sink.resetSheet();
        if (fills) fills.length = 0;
        nextRow = 0;
        nextCol = 0;
        budget.cells = cells;
        notes.clear();
        for (const n of noted) notes.add(n);
        scanXml(x, handler, data.from, data.to);
      }
      inData = false;
      scanXml(x, handler, data.end);
    }
  } catch (err) {
    if (!(err instanceof SheetTooLong)) throw err;
    sink.resetSheet();
    return {
      merges: [],
      lists: [],
      view: {},
      skipped: `has values beyond row ${MAX_SHEET_ROWS.toLocaleString('en-US')} (down to row ${(cr + 1).toLocaleString('en-US')} or more); PMO Desk reads sheets of up to ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows and imports up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows at a time: split the file`,
    };
  }
  return { merges, lists, view, ...(fills && fills.length > 0 ? { fills } : {}) };
}

/**
 * Where a worksheet's <sheetData> is: its start tag at `open`, its content [from, to), and `end` just
 * after its end tag; null when it is not written plainly (a prefix, an empty <sheetData/>, a comment or
 * CDATA before it that might hold the word): then the general scan reads the whole part.
 */
function sheetDataSpan(src: string): { open: number; from: number; to: number; end: number } | null {
  const open = src.indexOf('<sheetData');
  if (open < 0 || src.lastIndexOf('<!', open) >= 0) return null;
  const after = src.charCodeAt(open + 10);
  if (!(after === 62 || after === 32 || after === 10 || after === 13 || after === 9)) return null;
  const gt = src.indexOf('>', open);
  if (gt < 0 || src.charCodeAt(gt - 1) === 47) return null;
  const close = src.lastIndexOf('</sheetData>');
  if (close < gt) return null;
  return { open, from: gt + 1, to: close, end: close + 12 };
}

type SheetView = Pick<SheetModel, 'frozen' | 'autoFilter' | 'hiddenColumns'>;

/**
 * One element outside the sheet's data, read into the view: the first sheet view's frozen pane (the
 * rows above ySplit and the columns left of xSplit stay in view), the sheet's AutoFilter range, and
 * hidden columns (<col min max hidden>, 1-based). A pane that only splits the window is no freeze.
 */
function readView(view: SheetView, el: string, attrs: { get(name: string): string | undefined }): void {
  const count = (v: string | undefined) => (v !== undefined && /^\d{1,7}(?:\.0+)?$/.test(v) ? Math.floor(Number(v)) : 0);
  if (el === 'pane' && view.frozen === undefined) {
    const state = attrs.get('state');
    if (state === 'frozen' || state === 'frozenSplit') {
      const rows = Math.min(count(attrs.get('ySplit')), EXCEL_MAX_ROWS);
      const cols = Math.min(count(attrs.get('xSplit')), EXCEL_MAX_COLUMNS);
      if (rows > 0 || cols > 0) view.frozen = { rows, cols };
    }
  } else if (el === 'autoFilter' && view.autoFilter === undefined) {
    const ref = parseRange(attrs.get('ref') ?? '');
    if (ref && ref.r2 < EXCEL_MAX_ROWS && ref.c2 < EXCEL_MAX_COLUMNS) view.autoFilter = ref;
  } else if (el === 'col') {
    const hidden = attrs.get('hidden');
    const min = count(attrs.get('min'));
    const max = count(attrs.get('max'));
    if ((hidden === '1' || hidden === 'true') && min >= 1 && max >= min && max <= EXCEL_MAX_COLUMNS && (view.hiddenColumns?.length ?? 0) < MAX_HIDDEN_COLUMN_RANGES)
      (view.hiddenColumns ??= []).push({ c1: min - 1, c2: max - 1 });
  }
}

/**
 * The Excel table objects of a worksheet (Insert → Table: xl/tables/tableN.xml, linked from the sheet's
 * rels): where a table's header and data are, exactly. Only the range, the header and totals row counts
 * and the name are read; a table part that is missing or malformed is passed over.
 */
function readTables(zip: ZipReader, sheetPart: string, fileName: string): TableObject[] {
  const out: TableObject[] = [];
  for (const rel of relsOf(zip, sheetPart, fileName).values()) {
    if (rel.type !== 'table' || out.length >= MAX_TABLES) continue;
    const bytes = zip.bytes(rel.target);
    if (!bytes) continue;
    for (const a of elements(xmlSource(bytes, rel.target, fileName), 'table')) {
      const ref = parseRange(a.ref ?? '');
      const count = (v: string | undefined, fallback: number) => (v !== undefined && /^\d{1,3}$/.test(v) ? Number(v) : fallback);
      if (!ref || ref.r2 >= EXCEL_MAX_ROWS || ref.c2 >= EXCEL_MAX_COLUMNS) continue;
      out.push({ name: (a.displayName ?? a.name ?? '').slice(0, 255), ref, headerRows: count(a.headerRowCount, 1), totalsRows: count(a.totalsRowCount, 0) });
      break;
    }
  }
  return out;
}

export function readXlsx(buf: Buffer, fileName: string): WorkbookModel {
  let cells = new RowObjects();
  const model = readXlsxInto(buf, fileName, {
    begin: () => (cells = new RowObjects()),
    sink: () => cells,
    end: () => cells.finish(),
  });
  return model;
}

/**
 * The workbook packed as it is read (model-pack.ts): what the reader's process answers, without a Row
 * and Cell object per cell first (for a 100,000-row WBS, 1.2 million objects made only to be packed).
 */
export function readXlsxPacked(buf: Buffer, fileName: string): { model: WorkbookModel; packer: CellPacker } {
  const packer = new CellPacker();
  const model = readXlsxInto(buf, fileName, {
    begin: () => packer.beginSheet(),
    sink: () => packer,
    end: () => {
      packer.endSheet();
      return [];
    },
  });
  return { model, packer };
}

/** Where each sheet's cells go: `begin` before a worksheet is read, `end` after (its rows, when kept as objects). */
interface SheetCells {
  begin(): void;
  sink(): CellSink;
  end(): Row[];
}

function readXlsxInto(buf: Buffer, fileName: string, into: SheetCells): WorkbookModel {
  const zip = new ZipReader(buf, readZipDirectory(buf, fileName), fileName);
  if (!zip.has('[Content_Types].xml')) {
    if (zip.has('word/document.xml')) refuse(fileName, 'NOT_A_WORKBOOK', 'is a Word document, not an Excel workbook');
    if (zip.has('ppt/presentation.xml')) refuse(fileName, 'NOT_A_WORKBOOK', 'is a PowerPoint presentation, not an Excel workbook');
    refuse(fileName, 'NOT_A_WORKBOOK', 'is a zip archive but not an Excel workbook');
  }
  const { part: wbPart, macro } = findWorkbookPart(zip, fileName);
  const wbBytes = zip.bytes(wbPart);
  if (!wbBytes) refuse(fileName, 'DAMAGED', `the file is damaged (the workbook part ${wbPart} is missing)`);
  const wb = xmlSource(wbBytes, wbPart, fileName);
  let date1904 = false;
  const sheetsXml: { name: string; id: string; state: SheetModel['state'] }[] = [];
  // Workbook-level defined names (a list validation may name its list: =Statuses).
  const names: Record<string, string> = {};
  let definedName: { name: string; text: string } | null = null;
  scanXml(wb, {
    open(name, attrs) {
      if (name === 'definedName') {
        const n = attrs.get('name');
        definedName = n !== undefined && attrs.get('localSheetId') === undefined && Object.keys(names).length < MAX_LISTS ? { name: n, text: '' } : null;
      } else if (name === 'workbookPr') {
        const v = attrs.get('date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const a = attrs.all();
        const state = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
        sheetsXml.push({ name: a.name ?? `Sheet${sheetsXml.length + 1}`, id: a.id ?? '', state });
      }
    },
    close(name) {
      if (name === 'definedName' && definedName) {
        if (definedName.text !== '') names[definedName.name] = definedName.text.slice(0, 2000);
        definedName = null;
      }
    },
    text(start, end, cdata) {
      if (definedName && end - start <= 4000) definedName.text += textOf(wb, start, end, cdata);
    },
  });
  if (sheetsXml.length === 0) refuse(fileName, 'DAMAGED', 'the file is damaged (the workbook lists no sheets)');
  if (sheetsXml.length > MAX_SHEETS) refuse(fileName, 'TOO_LARGE', `has ${sheetsXml.length} sheets; PMO Desk reads workbooks of up to ${MAX_SHEETS}`);

  const rels = relsOf(zip, wbPart, fileName);
  const relOfType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target;
  const sstPart = relOfType('sharedStrings') ?? (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  const stylesPart = relOfType('styles') ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
  const sstBytes = sstPart ? zip.bytes(sstPart) : null;
  const sst = sstBytes ? readSharedStrings(xmlSource(sstBytes, sstPart!, fileName)) : [];
  const stylesBytes = stylesPart ? zip.bytes(stylesPart) : null;
  const styles = stylesBytes ? readStyles(xmlSource(stylesBytes, stylesPart!, fileName)) : [];

  const budget = new Budget(fileName);
  const notes = new Set<string>();
  into.sink().sharedStrings(sst);
  const sheets: SheetModel[] = sheetsXml.map((s) => {
    // Every sheet begins and ends in `into`, read or not: a packed workbook counts rows per sheet.
    into.begin();
    const rel = rels.get(s.id);
    const base = (skipped: string): SheetModel => ({ name: s.name, state: s.state, rows: into.end(), merges: [], skipped });
    if (!rel) return base('its part is missing from the file');
    if (rel.type === 'chartsheet') return base('a chart sheet holds no cells');
    if (rel.type !== 'worksheet') return base(`a ${rel.type} is not read`);
    const bytes = zip.bytes(rel.target);
    if (!bytes) return base('its part is missing from the file');
    const sheet = readWorksheet(xmlSource(bytes, `sheet ${s.name}, ${rel.target}`, fileName, sheetPrefix(s.name)), s.name, sst, styles, date1904, budget, notes, into.sink());
    const rows = into.end();
    const tables = sheet.skipped ? [] : readTables(zip, rel.target, fileName);
    return {
      name: s.name,
      state: s.state,
      rows,
      merges: sheet.merges,
      ...(sheet.lists.length ? { lists: sheet.lists } : {}),
      ...(tables.length ? { tables } : {}),
      ...(sheet.fills ? { fills: sheet.fills } : {}),
      ...sheet.view,
      ...(sheet.skipped ? { skipped: sheet.skipped } : {}),
    };
  });
  if (budget.merges > MAX_MERGES) notes.add(`more than ${MAX_MERGES} merged ranges: the rest were ignored`);
  return { fileName, format: macro ? 'xlsm' : 'xlsx', date1904, sheets, notes: [...notes], ...(Object.keys(names).length ? { names } : {}) };
}
