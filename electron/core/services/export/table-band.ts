// The columns a client table's record blocks own, so that the export moves, removes and copies rows
// within them only (TableWrite.band): a master list, a people table or notes beside the register,
// across an empty column, stay on their own rows when records are added or deleted.
//
// The band starts as the table's columns (header and mapped) and grows over every column that
// touches it (a row number left of the header, a gantt's day columns right of it) and over merges of
// the table's rows that reach out of it. Past an empty column, a group of columns still belongs to
// the records when it holds something on most of the same rows (a timeline after a spacer column), or
// when it is the client's remarks on some of them (remarks, below); otherwise it, and everything further
// out, is content of its own.
import type { Merge, SheetModel } from '../../../common/excel/model.js';

export interface BandInput {
  sheet: SheetModel;
  /** The table's columns (0-based first column and width). */
  columns: { c: number; span: number }[];
  /** 0-based header top and the table's last row (0-based, inclusive). */
  top: number;
  last: number;
  /** 0-based first data row. */
  first: number;
}

/** Rows of a group of columns that hold something (a value or formula), within [from, to]. */
function rowsWith(sheet: SheetModel, c1: number, c2: number, from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (const row of sheet.rows) {
    if (row.r < from || row.r > to) continue;
    if (row.cells.some((c) => c.c >= c1 && c.c <= c2 && (c.f || (c.t === 's' ? (c.v as string).trim() !== '' : true)))) out.add(row.r);
  }
  return out;
}

/** A code and its meaning (◎:完了, G = on track, ■：予定): two of them make a line a legend. */
const PAIR = /(?:^|[\s\u3000,、，;；])[^\s\u3000:：=＝]{1,3}\s*[:：=＝]\s*[^\s\u3000:：=＝]/gu;

/** The header row's cells of a group write a legend (凡例 / Legend, or two code:meaning pairs) rather than a heading. */
function legendAt(sheet: SheetModel, c1: number, c2: number, r: number): boolean {
  const row = sheet.rows.find((x) => x.r === r);
  return (row?.cells ?? []).some((c) => c.c >= c1 && c.c <= c2 && c.t === 's' && (/^[\s\u3000]*(?:凡例|(?:legend|key)\b)/iu.test(c.v as string) || [...(c.v as string).matchAll(PAIR)].length >= 2));
}

/**
 * A column or two past a gap holding the client's remarks on some of the records (確認中, see minutes 4/3,
 * ← 要確認): cells only on the table's rows (and a heading on the header's), here and there, not one run of
 * rows (a list of names a dropdown reads, a small table, stays where it is). They are those records' and
 * travel with them: a record deleted or rewritten shorter moved the rows below it under the remarks of
 * others (the behaviour of a person deleting the rows in Excel).
 */
export function remarks(sheet: SheetModel, c1: number, c2: number, top: number, first: number, last: number): boolean {
  if (c2 - c1 > 1) return false;
  if (rowsWith(sheet, c1, c2, 0, top - 1).size > 0 || rowsWith(sheet, c1, c2, last + 1, Infinity).size > 0) return false;
  const rows = [...rowsWith(sheet, c1, c2, first, last)].sort((a, b) => a - b);
  // One cell beside one record is a remark only under a heading on the header's row (備考): alone it may
  // as well be a list's only entry, which stays where it is. Nor is a legend beside the header a heading:
  // its second line on the first record's row goes on with it, and stays with it (blind set 11 C8).
  if (rows.length === 1) return rowsWith(sheet, c1, c2, top, top).size > 0 && !legendAt(sheet, c1, c2, top);
  return rows.length > 1 && rows[rows.length - 1]! - rows[0]! + 1 > rows.length;
}

/** [first, last] 0-based columns of the table's record blocks; null when the table has no columns. */
export function tableBand(input: BandInput): [number, number] | null {
  const { sheet, columns, top, last, first } = input;
  if (columns.length === 0) return null;
  let lo = Math.min(...columns.map((m) => m.c));
  let hi = Math.max(...columns.map((m) => m.c + m.span - 1));
  const used = new Set<number>();
  for (const row of sheet.rows) {
    if (row.r < top || row.r > last) continue;
    for (const c of row.cells) if (c.f || (c.t === 's' ? (c.v as string).trim() !== '' : true)) used.add(c.c);
  }
  const maxCol = Math.max(hi, ...used);
  const merges: Merge[] = sheet.merges.filter((m) => m.r2 >= top && m.r1 <= last);
  const records = () => rowsWith(sheet, lo, hi, first, last);
  for (let grew = true; grew; ) {
    grew = false;
    while (lo > 0 && used.has(lo - 1)) (lo--, (grew = true));
    while (used.has(hi + 1)) (hi++, (grew = true));
    for (const m of merges)
      if (m.c2 >= lo && m.c1 <= hi && (m.c1 < lo || m.c2 > hi)) {
        lo = Math.min(lo, m.c1);
        hi = Math.max(hi, m.c2);
        grew = true;
      }
    if (grew) continue;
    // Past a gap on either side: a group filled on the records' rows belongs to them.
    for (const side of [1, -1] as const) {
      let c = side > 0 ? hi + 1 : lo - 1;
      while (c >= 0 && c <= maxCol && !used.has(c)) c += side;
      if (c < 0 || c > maxCol) continue;
      let end = c;
      while (used.has(end + side)) end += side;
      const [g1, g2] = side > 0 ? [c, end] : [end, c];
      const theirs = rowsWith(sheet, g1, g2, first, last);
      const ours = records();
      const both = [...theirs].filter((r) => ours.has(r)).length;
      const union = new Set([...theirs, ...ours]).size;
      if ((union > 0 && both / union >= 0.7) || remarks(sheet, g1, g2, top, first, last)) {
        if (side > 0) hi = g2;
        else lo = g1;
        grew = true;
        break;
      }
    }
  }
  return [lo, hi];
}
