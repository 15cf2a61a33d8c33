// A table's header told by its shape, whatever its words: a row of short, distinct texts over a block
// of records that fill the same columns (issue 11: a decision log headed "Decision Required", a 体制表
// whose rows are 担当タスク with a 期間 — no word of the register's key, yet plainly a table). Detection
// takes such a table only where no header words make one, and asks the user to check it.
import type { Cell } from '../../../common/excel/model.js';
import type { HeaderColumn } from './header-rows.js';
import type { SheetIndex } from './sheet-index.js';
import { BLANK_ROWS_END } from './table-ends.js';

/** Columns a header of its own shape must name (two words over two columns are a label and its value). */
const MIN_COLUMNS = 3;
/** Records under it: fewer is a few lines of a form or a report, not a block. */
const MIN_RECORDS = 3;
/** A column's word, not a sentence or a title: header texts are short. */
const MAX_WORD = 30;
/** Rows under the header read for its records. */
const SHAPE_ROWS = 30;

const text = (cell: Cell | undefined) => (cell?.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '');
const filled = (cell: Cell) => !(cell.t === 's' && (cell.v as string).trim() === '') && cell.v !== null;

/**
 * Whether header columns `header` (rows `top`…`bottom`) sit over a block of records as a header does:
 * three or more short texts, no two alike and no number or date among them, heading the block (the row
 * above holds at most one value in their columns — a title, or nothing — or labels: Project: …), and under them MIN_RECORDS or more
 * rows (down to BLANK_ROWS_END blank rows) each filling two or more of the header's columns and half of
 * them on average, two or more columns filled in most rows. A record read as a header fails: a record
 * stands right above it, or it holds a number or a date.
 */
export function headerShaped(ix: SheetIndex, top: number, bottom: number, header: HeaderColumn[]): boolean {
  if (header.length < MIN_COLUMNS) return false;
  const words = header.map((h) => (h.parts[h.parts.length - 1] ?? '').normalize('NFKC').trim());
  const named = words.filter((w) => w !== '');
  if (named.length < MIN_COLUMNS || named.some((w) => w.length > MAX_WORD || /^[\d\s.,:/\-%]+$/.test(w))) return false;
  // (Alike by the whole label: 予定 / 開始 and 実績 / 開始 are two columns, the same word under two groups.)
  const labels = header.filter((h) => (h.parts[h.parts.length - 1] ?? '').trim() !== '').map((h) => h.label.normalize('NFKC').trim().toLowerCase());
  if (new Set(labels).size < labels.length) return false;
  const c1 = header[0]!.c;
  const last = header[header.length - 1]!;
  const c2 = last.c + last.span - 1;
  const inSpan = (r: number) => (ix.row(r)?.cells ?? []).filter((c) => c.c >= c1 && c.c <= c2 && filled(c));
  for (let r = top; r <= bottom; r++) if (inSpan(r).some((c) => c.t !== 's')) return false;
  // (A label row above, Programme: … | Maintained by: …, is no record.)
  const above = top > 0 ? inSpan(top - 1) : [];
  if (above.length >= 2 && !above.every((c) => /[:：]/.test(text(c)))) return false;
  const columnOf = (c: number) => header.findIndex((h) => c >= h.c && c < h.c + h.span);
  const records: Set<number>[] = [];
  let prev = bottom;
  for (const row of ix.rowsBelow(bottom, SHAPE_ROWS)) {
    if (row.r - prev - 1 >= BLANK_ROWS_END) break;
    prev = row.r;
    const cells = row.cells.filter((c) => c.c >= c1 && c.c <= c2 && filled(c));
    // (The header again, repeated on a printed page, is no record.)
    if (cells.filter((c) => words.includes(text(c))).length >= 2) continue;
    const columns = new Set(cells.map((c) => columnOf(c.c)).filter((i) => i >= 0));
    if (columns.size >= 2) records.push(columns);
  }
  if (records.length < MIN_RECORDS) return false;
  const mean = records.reduce((n, cols) => n + cols.size, 0) / records.length;
  if (mean * 2 < header.length) return false;
  const steady = header.filter((_, i) => records.filter((cols) => cols.has(i)).length * 2 > records.length).length;
  return steady >= 2;
}
