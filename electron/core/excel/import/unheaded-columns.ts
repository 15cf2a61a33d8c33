// Columns of a table that hold the records' values under no header word (issue 11: nothing dropped
// silently). A head typed over the first of two columns (担当者 over G, the department in G and the
// person in H; 作業 over B, the work area in B and the task in C) leaves the second column headless: a
// person reads it as the table's, though only they can say which field it is. Such a column is kept as
// the client's own (an extra column, named by its letter) instead of being left out, and the dialog asks
// about it (doubts.ts: 'unheaded'), so the user can give it its field in the mapping table.
import type { Cell } from '../../../common/excel/model.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import { columnLabel, headerColumns } from './header-rows.js';
import type { SheetIndex } from './sheet-index.js';
import { BLANK_ROWS_END } from './table-ends.js';

/** Rows under the header looked at. */
const LOOK_ROWS = 200;
/** Records that must hold a value in the column, at least, and the share of them. */
const LEAST_VALUES = 3;
const VALUE_SHARE = 0.5;

const filled = (cell: Cell | undefined) => cell !== undefined && cell.t !== 'e' && cell.v !== null && !(cell.t === 's' && (cell.v as string).trim() === '');

/**
 * The layout's columns with each column between its first and last that no header row names a word over
 * and that holds a typed value (not a formula's) on half of the records or more, added as an extra
 * column. The records are the rows under the header, up to the first blank rows that end a table, that
 * hold a value in a column mapped to a field. Columns another rule left out (a day grid under its dates,
 * a numbering) have header words, and stay out.
 */
export function withUnheadedColumns(ix: SheetIndex, columns: ColumnMapping[], top: number, bottom: number): ColumnMapping[] {
  if (columns.length < 2) return columns;
  const first = Math.min(...columns.map((m) => m.c));
  const last = Math.max(...columns.map((m) => m.c + m.span - 1));
  const named = headerColumns(ix, top, bottom);
  const covered = (c: number) => columns.some((m) => m.c <= c && c < m.c + m.span) || named.some((h) => h.c <= c && c < h.c + h.span);
  const open: number[] = [];
  for (let c = first + 1; c < last; c++) if (!covered(c)) open.push(c);
  if (open.length === 0) return columns;
  const mapped = columns.filter((m) => m.field !== null);
  const records: number[] = [];
  let prev = bottom;
  for (const row of ix.rowsBelow(bottom, LOOK_ROWS)) {
    if (row.r - prev - 1 >= BLANK_ROWS_END) break;
    if (row.cells.some((cell) => filled(cell) && mapped.some((m) => m.c <= cell.c && cell.c < m.c + m.span))) {
      records.push(row.r);
      prev = row.r;
    } else if (row.cells.some(filled)) prev = row.r;
  }
  const added: ColumnMapping[] = [];
  for (const c of open) {
    const values = records.filter((r) => {
      const cell = ix.cell(r, c);
      return filled(cell) && !cell!.f && !ix.mergeAt(r, c);
    }).length;
    if (values >= LEAST_VALUES && values >= VALUE_SHARE * records.length) added.push({ c, span: 1, column: columnLabel(c, 1), label: '', field: null, confidence: 0, extraKey: columnLabel(c, 1) });
  }
  if (added.length === 0) return columns;
  // (An extra column's key is its header text; with none, its letter, which no header text of the sheet takes here.)
  const keys = new Set(columns.map((m) => m.extraKey));
  return [...columns, ...added.filter((m) => !keys.has(m.extraKey))].sort((a, b) => a.c - b.c);
}

/** The columns of a layout kept for holding values under no header word (withUnheadedColumns), no field given them yet. */
export function unheadedColumns(columns: readonly ColumnMapping[]): ColumnMapping[] {
  return headlessValueColumns(columns).filter((m) => m.field === null && m.extraKey === m.column);
}

/**
 * The columns of a layout with no header word that hold the records' own values: kept so (withUnheadedColumns),
 * whatever field the user gave them since. Not a group column left headless (its texts head groups of
 * rows: group-columns.ts), a two-row record's label column, a numbering.
 */
export function headlessValueColumns(columns: readonly ColumnMapping[]): ColumnMapping[] {
  if (!columns.some((m) => m.label !== '')) return [];
  return columns.filter((m) => m.label === '' && !(m.field !== null && /^level\d$/.test(m.field)) && !m.blockLabels && !m.numbering && !m.period);
}
