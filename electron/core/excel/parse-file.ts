// Bytes of a chosen file → the sheet model, in whatever thread calls it (the reader worker in the app,
// see capped-worker.ts). The content decides how it is read, not the extension: a zip is read as a workbook,
// text as CSV (a CSV renamed .xlsx is read as CSV and says so), and everything else — an old .xls,
// a password-protected workbook, Excel 2003 XML, HTML saved as .xls, a PDF, random bytes — is refused
// with one message that names the file.
import type { WorkbookModel } from '../../common/excel/model.js';
import { readCsv } from './parse-csv.js';
import { ExcelReadError, refuse } from './errors.js';
import { MAX_FILE_BYTES } from './limits.js';
import { readXlsx, readXlsxPacked } from './parse-xlsx.js';
import { packWorkbook, type CellPacker, type PackedWorkbook } from './model-pack.js';

export type Sniffed = 'zip' | 'cfb' | 'xml-spreadsheet' | 'html' | 'pdf' | 'image' | 'text-or-other';

export function sniff(b: Uint8Array): Sniffed {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'cfb';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  const head = Buffer.from(b.subarray(0, 2048)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml-spreadsheet';
  if (/^<(!doctype html|html|table|\?xml[^>]*>\s*<html)/.test(head) || head.includes('<html')) return 'html';
  return 'text-or-other';
}

const EXT = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb)$/i;

/** Reads a workbook or CSV; throws ExcelReadError with one clear message when it cannot. */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): WorkbookModel {
  const read = readBytes(bytes, fileName, false);
  return read.model;
}

/**
 * The same read, packed for another thread or process (model-pack.ts): a workbook's cells go into the
 * packed arrays as they are read, a CSV's are packed after.
 */
export function readWorkbookPacked(bytes: Uint8Array, fileName: string): { packed: PackedWorkbook; transfer: ArrayBuffer[] } {
  const read = readBytes(bytes, fileName, true);
  return read.packer ? read.packer.finish(read.model) : packWorkbook(read.model);
}

function readBytes(bytes: Uint8Array, fileName: string, packed: boolean): { model: WorkbookModel; packer?: CellPacker } {
  if (bytes.length === 0) refuse(fileName, 'NOT_A_WORKBOOK', 'is empty');
  if (bytes.length > MAX_FILE_BYTES)
    refuse(fileName, 'TOO_LARGE', `is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; PMO Desk reads files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let read: { model: WorkbookModel; packer?: CellPacker };
  switch (sniff(buf)) {
    case 'zip':
      read = packed ? readXlsxPacked(buf, fileName) : { model: readXlsx(buf, fileName) };
      break;
    case 'cfb':
      return refuse(fileName, 'UNSUPPORTED', 'is an Excel 97–2003 workbook (.xls) or a password-protected workbook; open it in Excel and save it as .xlsx without a password');
    case 'xml-spreadsheet':
      return refuse(fileName, 'UNSUPPORTED', 'is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx');
    case 'html':
      return refuse(fileName, 'UNSUPPORTED', 'is a web page saved with a spreadsheet name; open it in Excel and save it as .xlsx');
    case 'pdf':
      return refuse(fileName, 'NOT_A_WORKBOOK', 'is a PDF document, not an Excel workbook or CSV file');
    case 'image':
      return refuse(fileName, 'NOT_A_WORKBOOK', 'is an image, not an Excel workbook or CSV file');
    case 'text-or-other': {
      const renamed = EXT.test(fileName);
      read = { model: readCsv(buf, fileName, renamed ? 'the file is named like a workbook but holds CSV text; it was read as CSV' : undefined) };
      break;
    }
  }
  const readable = read.model.sheets.filter((s) => !s.skipped);
  if (readable.length === 0) {
    const why = read.model.sheets.map((s) => `${s.name} ${s.skipped}`).join('; ');
    refuse(fileName, /beyond row/.test(why) ? 'TOO_LARGE' : 'NOT_A_WORKBOOK', `has no sheet PMO Desk can read (${why})`);
  }
  return read;
}

/** Any error of a read as the one message a user sees (ExcelReadError as is; anything else named). */
export function asReadError(err: unknown, fileName: string): ExcelReadError {
  if (err instanceof ExcelReadError) return err;
  const e = err as { message?: string; code?: string };
  if (e?.code === 'ERR_STRING_TOO_LONG' || /Invalid string length|Array buffer allocation failed/.test(e?.message ?? ''))
    return new ExcelReadError('TOO_LARGE', `${fileName}: is too large to read`, { file: fileName });
  return new ExcelReadError('DAMAGED', `${fileName}: the file is damaged and could not be read (${e?.message ?? String(err)})`, { file: fileName });
}
