// Tables side by side on one header row: a RAID sheet's risks at A:G and issues at I:O, a people list
// beside a register, three logs across one sheet. Each is a table of its own, offered on its own: joined,
// their records mix (the issue beside a risk read as that risk's columns, a risk with no issue beside it
// imported as an issue with no title), whatever the tables' lengths.
import type { Cell, Row } from '../../../common/excel/model.js';
import type { HeaderColumn } from './header-rows.js';
import type { SheetIndex } from './sheet-index.js';
import { isColumnWord, namesListField } from './synonyms.js';
import { PLAIN_HEADING } from './table-ends.js';

/** Rows under a header whose cells decide where its tables part. */
const SAMPLE_ROWS = 30;

/**
 * A header row's columns split into tables, where either
 * - one or more columns with no header word and nothing under it part two groups of columns whose rows
 *   differ (a people list at N3:Q10 beside a register), or that could each be a table, however alike
 *   their lengths: each has two columns or more and one of them names its records (distinct texts, as
 *   a title, a name or a ref column holds). A group of dates, numbers and marks past an empty spacer
 *   column (実績 開始 | 終了 | 進捗), filled on the same rows, is no table of its own: it stays with the
 *   columns it continues; or
 * - with no column between them, the header's words start over: a field word's column again (Ref …
 *   Owner, Status, then Ref, … Owner, Status), at the column where both sides are headers with no word
 *   twice (and two field words at least are said again: a day grid's 月 火 水 … repeated is not that).
 */
export function splitTables(ix: SheetIndex, header: HeaderColumn[], bottom: number): HeaderColumn[][] {
  if (header.length < 2) return [header];
  const below = ix.rowsBelow(bottom, SAMPLE_ROWS);
  const used = new Set<number>();
  for (const row of below) for (const cell of row.cells) if (cell.t !== 's' || (cell.v as string).trim() !== '') used.add(cell.c);
  // (A cell merged across columns under the header — a 方眼紙 column's value over its cells — fills them all.)
  const last = below[below.length - 1]?.r ?? bottom;
  for (const m of ix.sheet.merges) if (m.r1 > bottom && m.r1 <= last && m.c2 > m.c1 && ix.cell(m.r1, m.c1) !== undefined) for (let c = m.c1; c <= m.c2; c++) used.add(c);
  const groups: HeaderColumn[][] = [];
  let current: HeaderColumn[] = [header[0]!];
  for (let i = 1; i < header.length; i++) {
    const prev = header[i - 1]!;
    const col = header[i]!;
    // A column with nothing in it, header or data, between them (one with data but no header word beside
    // it — a group's unlabelled column — does not part them, nor a header merged over it).
    let gap = false;
    for (let c = prev.c + prev.span; c < col.c; c++) if (!used.has(c) && !ix.mergeAt(bottom, c)) gap = true;
    if (gap) {
      let j = i;
      while (j + 1 < header.length && header[j + 1]!.c === header[j]!.c + header[j]!.span) j++;
      const right = header.slice(i, j + 1);
      if (rowsDiffer(below, current, right) || (couldBeTable(below, current) && couldBeTable(below, right))) {
        groups.push(current);
        current = [col];
        continue;
      }
    }
    current.push(col);
  }
  groups.push(current);
  return groups.flatMap((g) => repeatedHeader(below, g));
}

/** Fewer than 70 % of the rows filled on either side are filled on both (a people list beside a register). */
function rowsDiffer(below: Row[], left: HeaderColumn[], right: HeaderColumn[]): boolean {
  const rowsWith = (cols: HeaderColumn[]) => {
    const from = cols[0]!.c;
    const to = cols[cols.length - 1]!.c + cols[cols.length - 1]!.span - 1;
    return new Set(below.filter((row) => row.cells.some((c) => c.c >= from && c.c <= to)).map((row) => row.r));
  };
  const l = rowsWith(left);
  const r = rowsWith(right);
  const both = [...l].filter((x) => r.has(x)).length;
  const union = new Set([...l, ...r]).size;
  return union > 0 && both / union < 0.7;
}

/** Two columns or more, one of which names records: distinct texts (not dates, numbers or marks) on several rows. */
function couldBeTable(below: Row[], columns: HeaderColumn[]): boolean {
  if (columns.length < 2) return false;
  return columns.some((h) => {
    // A status, rating or list column's few rows may all differ (対応中 / 完了 / 未着手): no names (review U16).
    if (namesListField(h.parts[h.parts.length - 1] ?? '')) return false;
    const texts: string[] = [];
    for (const row of below) {
      const cell = cellIn(row, h);
      if (cell && cell.t === 's' && isName(cell.v as string)) texts.push((cell.v as string).trim());
    }
    return texts.length >= 2 && new Set(texts).size >= 0.8 * texts.length;
  });
}

const cellIn = (row: Row, h: HeaderColumn): Cell | undefined => row.cells.find((c) => c.c >= h.c && c.c < h.c + h.span && (c.t !== 's' || (c.v as string).trim() !== ''));

/** A text that names something: two characters or more, not a date, a number or a mark written as text. */
const isName = (text: string) => {
  const t = text.normalize('NFKC').trim();
  return t.length >= 2 && !/^[\d\s/\-.:,%()~〜～年月日時分+*#¥$€£]+$/.test(t);
};

const norm = (label: string) => label.normalize('NFKC').toLowerCase().replace(/[\s.:：()（）[\]【】]/g, '');

/**
 * Columns with no gap between them split where the header starts over: the first column `k` such that the
 * columns before it have no word twice, the run from it up to its own first word said twice shares two
 * field words or more with them, and the column at `k` is the left side's first word again or holds a
 * distinct value on every row (the right table's key). Applied again to the right side (three tables).
 */
function repeatedHeader(below: Row[], columns: HeaderColumn[]): HeaderColumn[][] {
  if (columns.length < 4) return [columns];
  const words = columns.map((h) => norm(h.label));
  // The run of columns from `from` with no word twice (blank words aside): a header of one table.
  const runFrom = (from: number) => {
    const seen = new Set<string>();
    let to = from;
    while (to < words.length && (words[to] === '' || !seen.has(words[to]!))) seen.add(words[to++]!);
    return to;
  };
  const leftEnd = runFrom(0);
  const startsOver = (k: number) => {
    const left = new Set(words.slice(0, k));
    const right = columns.slice(k, runFrom(k));
    return right.filter((h, x) => words[k + x] !== '' && left.has(words[k + x]!) && isColumnWord(h.label, PLAIN_HEADING)).length >= 2;
  };
  const last = Math.min(leftEnd, columns.length - 2);
  // The left table's first word again (Ref … Ref, No. … No.) first; else a column of distinct values.
  let at = -1;
  for (let k = 2; k <= last && at < 0; k++) if (words[k] === words[0] && startsOver(k)) at = k;
  for (let k = 2; k <= last && at < 0; k++) if (startsOver(k) && distinctOnEveryRow(below, columns[k]!)) at = k;
  return at < 0 ? [columns] : [columns.slice(0, at), ...repeatedHeader(below, columns.slice(at))];
}

function distinctOnEveryRow(below: Row[], h: HeaderColumn): boolean {
  const values: string[] = [];
  for (const row of below) {
    const cell = cellIn(row, h);
    if (cell) values.push(String(cell.v).trim());
  }
  return values.length >= 2 && new Set(values).size === values.length;
}
