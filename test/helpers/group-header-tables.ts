// Generated tables with two-row group headers (a group label over N columns, N words of any kind in the
// row below): the import tests and the round trip build their variants here, never from a client's file.
// A column is one or more cells wide (方眼紙: each logical column merged over its cells, header and data
// alike); a group label is merged over its columns, or typed over each of them without a merge.
import { columnName } from '../../electron/common/excel/model.js';

export type GroupCell = string | number | Date | null;

export interface GroupColumn {
  /** One word (merged down over both header rows), or [group, own word]. */
  head: string | [string, string];
  /** Cells the column takes (方眼紙: two or more). */
  width?: number;
  /** The column's cell on record i. */
  cell: (i: number) => GroupCell;
  /** The field a person reads (only for the tests' expectations). */
  field?: string;
}

export interface GroupTable {
  rows: GroupCell[][];
  merges: string[];
  /** Each column's letters as the preview names it (D, or AP:AR over three cells). */
  letters: string[];
  /** The header's first row (0-based) and the first record's row. */
  headerTop: number;
  firstRecord: number;
}

/**
 * A table of `records` records under a two-row header at row `top` (0-based, a title in A1 when top > 0),
 * starting at column `left`. Group labels are merged over their columns unless `unmerged` (then typed over
 * each column of the group, as some clients repeat them).
 */
export function groupTable(columns: GroupColumn[], records: number, opts: { top?: number; left?: number; unmerged?: boolean; title?: string } = {}): GroupTable {
  const top = opts.top ?? 0;
  const left = opts.left ?? 0;
  const rows: GroupCell[][] = [];
  const merges: string[] = [];
  const put = (r: number, c: number, v: GroupCell) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  const range = (r1: number, c1: number, r2: number, c2: number) => `${columnName(c1)}${r1 + 1}:${columnName(c2)}${r2 + 1}`;
  if (top > 0) put(0, left, opts.title ?? 'Schedule');
  const starts: number[] = [];
  let c = left;
  for (const col of columns) {
    starts.push(c);
    c += col.width ?? 1;
  }
  const letters = columns.map((col, k) => {
    const w = col.width ?? 1;
    return w > 1 ? `${columnName(starts[k]!)}:${columnName(starts[k]! + w - 1)}` : columnName(starts[k]!);
  });
  columns.forEach((col, k) => {
    const c1 = starts[k]!;
    const c2 = c1 + (col.width ?? 1) - 1;
    if (typeof col.head === 'string') {
      put(top, c1, col.head);
      merges.push(range(top, c1, top + 1, c2));
      return;
    }
    put(top + 1, c1, col.head[1]);
    if (c2 > c1) merges.push(range(top + 1, c1, top + 1, c2));
    if (opts.unmerged) put(top, c1, col.head[0]);
  });
  // The group labels: one merge over each run of columns sharing the label.
  if (!opts.unmerged)
    for (let k = 0; k < columns.length; ) {
      const head = columns[k]!.head;
      let j = k;
      while (typeof head !== 'string' && j + 1 < columns.length && typeof columns[j + 1]!.head !== 'string' && (columns[j + 1]!.head as [string, string])[0] === head[0]) j++;
      if (typeof head !== 'string') {
        put(top, starts[k]!, head[0]);
        const c2 = starts[j]! + (columns[j]!.width ?? 1) - 1;
        if (c2 > starts[k]!) merges.push(range(top, starts[k]!, top, c2));
      }
      k = j + 1;
    }
  const firstRecord = top + 2;
  for (let i = 0; i < records; i++)
    columns.forEach((col, k) => {
      const w = col.width ?? 1;
      put(firstRecord + i, starts[k]!, col.cell(i));
      if (w > 1) merges.push(range(firstRecord + i, starts[k]!, firstRecord + i, starts[k]! + w - 1));
    });
  return { rows, merges, letters, headerTop: top, firstRecord };
}

/** A day counted from 2026-04-01 (UTC midnight, as the import reads a date cell). */
export const day = (n: number): Date => new Date(Date.UTC(2026, 3, 1 + n));
/** The ISO date the import stores for day(n). */
export const isoDay = (n: number): string => day(n).toISOString().slice(0, 10);
