// Where things are in a worksheet part: the <sheetData> span, each <row> (its number, span and open
// tag) and, for the rows we touch, each <c> (column, style, type, formula, value). Only offsets and
// small strings are kept, so a 10,000-row sheet is indexed without building a tree; rows are parsed
// into cells only when asked. Prefixed parts (<x:row>) and self-closing rows and cells are handled;
// rows and cells without an r attribute get their implicit position.
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../limits.js';
import { colIndex } from './refs.js';
import { attr, closeEnd, fromBytes, tagEnd, unescapeX, unescapeXml, xmlText } from './xml-text.js';

export interface RowTok {
  /** 1-based row number (explicit r, or the one after the previous row). */
  num: number;
  hasR: boolean;
  start: number;
  /** Just past the open tag. */
  openEnd: number;
  /** Just past </row> (or the self-closing tag). */
  end: number;
  selfClosing: boolean;
  /** Where the row's content ends (the offset of </row>), = openEnd for a self-closing row. */
  innerEnd: number;
}

export interface FormulaTok {
  start: number;
  end: number;
  openTag: string;
  /** The formula text, XML-decoded ('' for a shared-formula child <f t="shared" si="0"/>). */
  text: string;
  /** Raw (escaped) inner text span. */
  innerStart: number;
  innerEnd: number;
  type: string | undefined;
}

export interface CellTok {
  col: number;
  hasR: boolean;
  start: number;
  openEnd: number;
  end: number;
  openTag: string;
  s: number;
  t: string | undefined;
  f: FormulaTok | null;
  /** Raw (escaped) text of <v>, or null. */
  v: string | null;
  /** The <v> element's span (when there is one). */
  vStart: number;
  vEnd: number;
  /** Decoded text of an inline string (<is>), or null. */
  inline: string | null;
}

export interface SheetDataSpan {
  /** The <sheetData …> open tag span. */
  start: number;
  openEnd: number;
  /** Offset of </sheetData> (= openEnd when self-closing). */
  innerEnd: number;
  end: number;
  selfClosing: boolean;
  prefix: string;
}

export function findSheetData(xml: string): SheetDataSpan | null {
  const m = /<([A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/.exec(xml);
  if (!m) return null;
  const prefix = m[1] ?? '';
  const openEnd = tagEnd(xml, m.index);
  if (xml.charCodeAt(openEnd - 2) === 47) return { start: m.index, openEnd, innerEnd: openEnd, end: openEnd, selfClosing: true, prefix };
  const end = closeEnd(xml, 'sheetData', prefix, openEnd);
  if (end < 0) return null;
  return { start: m.index, openEnd, innerEnd: xml.lastIndexOf('</', end - 1), end, selfClosing: false, prefix };
}

const isNameEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

export class RowOrderError extends Error {}

/** The rows of sheetData in document order; throws RowOrderError when they are not ascending. */
export function parseRows(xml: string, sd: SheetDataSpan, unordered = false): RowTok[] {
  const rows: RowTok[] = [];
  if (sd.selfClosing) return rows;
  const open = `<${sd.prefix}row`;
  const close = `</${sd.prefix}row>`;
  let at = xml.indexOf(open, sd.openEnd);
  let next = 1;
  while (at >= 0 && at < sd.innerEnd) {
    if (!isNameEnd(xml.charCodeAt(at + open.length))) {
      at = xml.indexOf(open, at + 1);
      continue;
    }
    const openEnd = tagEnd(xml, at);
    const tag = xml.slice(at, openEnd);
    const r = attr(tag, 'r');
    const num = r !== undefined ? Number(r) : next;
    if (!Number.isInteger(num) || num < 1 || num > EXCEL_MAX_ROWS) throw new RowOrderError(`row number ${r} is outside the sheet`);
    if (!unordered && rows.length > 0 && num <= rows[rows.length - 1]!.num) throw new RowOrderError(`rows are not in ascending order (row ${num} after row ${rows[rows.length - 1]!.num})`);
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
    let end = openEnd;
    let innerEnd = openEnd;
    if (!selfClosing) {
      const c = xml.indexOf(close, openEnd);
      if (c >= 0 && c < sd.innerEnd) {
        innerEnd = c;
        end = c + close.length;
      } else {
        const e = closeEnd(xml, 'row', sd.prefix, openEnd);
        if (e < 0 || e > sd.innerEnd) throw new RowOrderError(`row ${num} is not closed`);
        end = e;
        innerEnd = xml.lastIndexOf('</', e - 1);
      }
    }
    rows.push({ num, hasR: r !== undefined, start: at, openEnd, end, selfClosing, innerEnd });
    next = num + 1;
    at = xml.indexOf(open, end);
  }
  return rows;
}

/** The cells of one row, in document order, with their implicit columns resolved. */
export function parseCells(xml: string, row: RowTok, prefix: string): CellTok[] {
  const cells: CellTok[] = [];
  if (row.selfClosing) return cells;
  const open = `<${prefix}c`;
  // Searched within the row only: a row without cells must not send the search across the sheet.
  const body = xml.slice(0, row.innerEnd);
  let at = body.indexOf(open, row.openEnd);
  let next = 0;
  while (at >= 0) {
    if (!isNameEnd(xml.charCodeAt(at + open.length))) {
      at = body.indexOf(open, at + 1);
      continue;
    }
    const openEnd = tagEnd(xml, at);
    const openTag = xml.slice(at, openEnd);
    const r = attr(openTag, 'r');
    let col = next;
    if (r !== undefined) {
      const m = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(r);
      col = m ? colIndex(m[1]!) : -1;
      if (col < 0 || col >= EXCEL_MAX_COLUMNS) throw new RowOrderError(`cell reference ${r} is malformed`);
    }
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
    let end = openEnd;
    if (!selfClosing) {
      end = closeEnd(xml, 'c', prefix, openEnd);
      if (end < 0 || end > row.innerEnd) throw new RowOrderError(`cell ${r ?? ''} in row ${row.num} is not closed`);
    }
    const s = Number(attr(openTag, 's') ?? 0) || 0;
    const cell: CellTok = { col, hasR: r !== undefined, start: at, openEnd, end, openTag, s, t: attr(openTag, 't'), f: null, v: null, vStart: -1, vEnd: -1, inline: null };
    if (!selfClosing) readCellBody(xml, cell, prefix);
    cells.push(cell);
    next = col + 1;
    at = body.indexOf(open, end);
  }
  return cells;
}

function readCellBody(xml: string, cell: CellTok, p: string): void {
  const body = xml.slice(cell.openEnd, cell.end);
  const fo = body.indexOf(`<${p}f`);
  if (fo >= 0 && isNameEnd(body.charCodeAt(fo + p.length + 2))) {
    const start = cell.openEnd + fo;
    const openEnd = tagEnd(xml, start);
    const openTag = xml.slice(start, openEnd);
    if (xml.charCodeAt(openEnd - 2) === 47) cell.f = { start, end: openEnd, openTag, text: '', innerStart: openEnd, innerEnd: openEnd, type: attr(openTag, 't') };
    else {
      const end = closeEnd(xml, 'f', p, openEnd);
      const innerEnd = xml.lastIndexOf('</', end - 1);
      cell.f = { start, end, openTag, text: xmlText(xml.slice(openEnd, innerEnd)), innerStart: openEnd, innerEnd, type: attr(openTag, 't') };
    }
  }
  const vo = body.indexOf(`<${p}v`);
  if (vo >= 0 && isNameEnd(body.charCodeAt(vo + p.length + 2))) {
    const start = cell.openEnd + vo;
    const openEnd = tagEnd(xml, start);
    cell.vStart = start;
    if (xml.charCodeAt(openEnd - 2) === 47) {
      cell.v = '';
      cell.vEnd = openEnd;
    } else {
      const end = xml.indexOf('</', openEnd);
      cell.v = xml.slice(openEnd, end);
      cell.vEnd = xml.indexOf('>', end) + 1;
    }
  }
  const io = body.indexOf(`<${p}is`);
  if (io >= 0 && isNameEnd(body.charCodeAt(io + p.length + 3))) {
    // Inline string: its <t> texts outside <rPh>.
    let inner = body.slice(io);
    inner = inner.replace(new RegExp(`<${p}rPh[\\s>](?:(?!<${p}rPh[\\s>])[\\s\\S])*?</${p}rPh>`, 'g'), '');
    let text = '';
    for (const m of inner.matchAll(new RegExp(`<${p}t(?:\\s[^<>]*)?(?:/>|>([^<]*)</${p}t>)`, 'g'))) text += m[1] ?? '';
    let raw = fromBytes(text);
    if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
    cell.inline = unescapeX(unescapeXml(raw));
  }
}

/** Whether a cell holds a value or formula (a styled empty cell does not). */
export function cellHasContent(c: CellTok): boolean {
  return c.f !== null || (c.v !== null && c.v !== '') || (c.inline !== null && c.inline !== '');
}

/** Column styles from <cols>: the s a new cell in a column gets when the row has none. */
export function columnStyles(xml: string, sheetDataStart: number): (col: number) => number {
  const head = xml.slice(0, sheetDataStart);
  const spans: { min: number; max: number; style: number }[] = [];
  for (const m of head.matchAll(/<(?:[A-Za-z_][\w.-]*:)?col(?=[\s/>])[^<>]*>/g)) {
    const style = Number(attr(m[0], 'style') ?? 0) || 0;
    if (style === 0) continue;
    spans.push({ min: Number(attr(m[0], 'min') ?? 0), max: Number(attr(m[0], 'max') ?? 0), style });
  }
  return (col) => {
    for (const s of spans) if (col + 1 >= s.min && col + 1 <= s.max) return s.style;
    return 0;
  };
}

/**
 * For each row (in document order), whether its content contains `needle` (e.g. '<f'): one forward
 * scan of the part, not one search per row (which would be quadratic on a big sheet).
 */
export function rowsContaining(xml: string, rows: RowTok[], needle: string): boolean[] {
  const out = new Array<boolean>(rows.length).fill(false);
  if (rows.length === 0) return out;
  let at = xml.indexOf(needle, rows[0]!.openEnd);
  for (let i = 0; i < rows.length && at >= 0; i++) {
    const row = rows[i]!;
    if (at < row.openEnd) at = xml.indexOf(needle, row.openEnd);
    if (at < 0) break;
    out[i] = at < row.innerEnd;
  }
  return out;
}
