// A CSV (or tab-separated) file → the sheet model, one sheet named after the file. Text encodings:
// UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Shift_JIS — Node's
// TextDecoder decodes 'shift_jis' offline (the WHATWG decoder, which covers CP932's NEC and IBM
// extensions such as ① and ㈱). Every cell is text; the normalizers read numbers and dates from it.
import type { Cell, Row, WorkbookModel } from '../../common/excel/model.js';
import { refuse } from './errors.js';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, MAX_CELLS, MAX_IMPORT_ROWS, MAX_SHEET_ROWS } from './limits.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/** Decodes text bytes; null when they are neither valid UTF-8/UTF-16 nor Shift_JIS. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  const tryDecode = (label: string, b: Uint8Array) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === null ? null : { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const sjis = tryDecode('shift_jis', bytes);
  return sjis === null ? null : { text: sjis, encoding: 'shift_jis' };
}

/** Looks like text people write: no NULs, few control characters. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === 0) return false;
    if ((ch < 32 && ch !== 9 && ch !== 10 && ch !== 13) || ch === 0xfffd || (ch >= 0x7f && ch < 0xa0)) control++;
  }
  return control <= sample.length * 0.01;
}

/** The separator: the one of , \t ; that splits the first lines most evenly (outside quotes). */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 20).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    if (counts.length === 0) continue;
    const min = Math.min(...counts);
    const score = min > 0 ? min * 10 + counts.filter((c) => c === counts[0]).length : counts.some((c) => c > 0) ? 1 : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** RFC 4180 with CRLF, LF or CR line ends; quotes may hold separators and line breaks. */
export function parseCsv(text: string, delimiter: string, fileName: string): Row[] {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let r = 0;
  let c = 0;
  let count = 0;
  const endField = () => {
    if (c >= EXCEL_MAX_COLUMNS) refuse(fileName, 'TOO_LARGE', `row ${r + 1} has more than ${EXCEL_MAX_COLUMNS} columns`);
    if (field !== '') {
      if (field.length > EXCEL_MAX_CELL_CHARS)
        refuse(fileName, 'TOO_LARGE', `row ${r + 1} column ${c + 1} holds ${field.length.toLocaleString('en-US')} characters; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString('en-US')}`);
      if (++count > MAX_CELLS) refuse(fileName, 'TOO_LARGE', `has more than ${MAX_CELLS.toLocaleString('en-US')} cells with values`);
      cells.push({ c, t: 's', v: field });
    }
    field = '';
    quoted = false;
    c++;
  };
  const endRow = () => {
    endField();
    if (cells.length > 0) {
      if (r >= MAX_SHEET_ROWS) refuse(fileName, 'TOO_LARGE', `has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows; PMO Desk imports up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows at a time: split the file`);
      rows.push({ r, cells });
    }
    cells = [];
    r++;
    c = 0;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length > 0 || quoted) endRow();
  return rows;
}

export function readCsv(bytes: Uint8Array, fileName: string, note?: string): WorkbookModel {
  const decoded = decodeText(bytes);
  if (!decoded || !looksLikeText(decoded.text))
    refuse(fileName, 'NOT_A_WORKBOOK', 'is not an Excel workbook or a CSV file (UTF-8 or Shift_JIS text)');
  const rows = parseCsv(decoded.text, guessDelimiter(decoded.text), fileName);
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
  return {
    fileName,
    format: 'csv',
    date1904: false,
    sheets: [{ name: name.slice(0, 31), state: 'visible', rows, merges: [] }],
    encoding: decoded.encoding,
    notes: note ? [note] : [],
  };
}
