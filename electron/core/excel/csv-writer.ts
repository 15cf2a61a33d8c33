// A register as CSV, for tools that take no workbook. Excel opens it correctly in Japanese: UTF-8 with
// a byte-order mark, CRLF line ends.
//
// CSV injection (OWASP, "CSV Injection"): a text cell that starts with = + - @, a tab or a carriage
// return would be run as a formula by a spreadsheet, so it is prefixed with a single quote; every text
// cell is wrapped in double quotes (inner quotes doubled), so a separator inside it cannot start a new
// cell either. Numbers are written as numbers.
//
// Beyond OWASP's first-character rule (decided for issue 20, checked with LibreOffice 7.4 headless):
// - Spaces before the = + - @ (" =1+1", also the ideographic space and no-break space) are escaped
//   too. LibreOffice's CSV import with "Trim spaces" on turns an unquoted " =1+1" into a formula;
//   ours is quoted and stayed text there, but a tool that trims quoted fields would not keep it so.
//   Such values are rare in a register, so the quote costs nothing real.
// - Full-width ＝ ＋ － ＠ are NOT escaped: Excel and LibreOffice (with "Evaluate formulas" and "Trim
//   spaces" on) both read "＝1+1" as text, and Japanese registers use － and ＋ as ordinary text
//   ("－" for none, "＋α"), which a quote would spoil.
import type { ColumnKind } from './register-layout.js';

export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[ \u00a0\u3000]*[=+\-@\t\r]/;

export function csvCell(v: CsvValue): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The value a cell of a column kind shows as text (dates yyyy/mm/dd, progress with %). */
export function csvValue(kind: ColumnKind, v: string | number | boolean | null): CsvValue {
  if (v === null || v === '') return null;
  switch (kind) {
    case 'date':
      return String(v).replaceAll('-', '/');
    case 'percent':
      return `${Number(v)}%`;
    case 'mark':
      return v === true ? '◆' : null;
    default:
      return v;
  }
}

export function csvText(rows: CsvValue[][]): Buffer {
  const text = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
