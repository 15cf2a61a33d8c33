// The header of a table: one to four rows whose text cells name the columns. Several rows combine
// top to bottom (予定 over 開始日 → 予定 / 開始日), merged cells lend their text to every column they
// cover, and a single text merged across several columns with nothing below it names one column group
// (作業内容 over A:C, the levels of a tree written one column further right per level).
import { columnName, type Merge } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';

/** Header rows combined at most. */
export const MAX_HEADER_ROWS = 4;
/** Columns of one header looked at (timeline sheets have hundreds of day columns). */
export const MAX_HEADER_COLUMNS = 512;

export interface HeaderColumn {
  /** First (0-based) column. */
  c: number;
  /** Columns the header covers (> 1 for a text merged across columns with no sub-headers). */
  span: number;
  /** Header texts top to bottom, repeated texts of vertical merges once. */
  parts: string[];
  /** parts joined with ' / '. */
  label: string;
  /**
   * Named only by a group label merged across it and its neighbours above the header's last row, with no
   * word of its own under it (評価 over 発生確率 / 影響度 / —): the label names the group, not this column.
   */
  groupOnly?: true;
  /** Every column it covers is hidden (a template's helper column, more often than the client's data). */
  hidden?: true;
}

/** 'C' or 'A:C'. */
/** A column's own header word: the last part of a multi-row header's label (予定 / 開始 → 開始), NFKC, trimmed. */
export function ownWord(label: string): string {
  return (label.split(' / ').pop() ?? '').normalize('NFKC').trim();
}

export function columnLabel(c: number, span: number): string {
  return span > 1 ? `${columnName(c)}:${columnName(c + span - 1)}` : columnName(c);
}

function headerText(ix: SheetIndex, r: number, c: number): { text: string; merge?: Merge } {
  const own = ix.cell(r, c);
  if (own) return { text: own.t === 's' ? (own.v as string).trim() : '' };
  const m = ix.mergeAt(r, c);
  if (!m) return { text: '' };
  const master = ix.cell(m.r1, m.c1);
  return { text: master?.t === 's' ? (master.v as string).trim() : '', merge: m };
}

/** The columns named by rows top…bottom (0-based, inclusive). */
export function headerColumns(ix: SheetIndex, top: number, bottom: number): HeaderColumn[] {
  const cols = new Set<number>();
  for (let r = top; r <= bottom; r++) {
    for (const cell of ix.row(r)?.cells ?? []) if (cell.t === 's' && cell.c < MAX_HEADER_COLUMNS) cols.add(cell.c);
  }
  for (const m of ix.sheet.merges) {
    if (m.r2 < top || m.r1 > bottom || m.c1 >= MAX_HEADER_COLUMNS) continue;
    if (ix.cell(m.r1, m.c1)?.t !== 's') continue;
    for (let c = m.c1; c <= Math.min(m.c2, MAX_HEADER_COLUMNS - 1); c++) cols.add(c);
  }
  // Keyed by row * MAX_HEADER_COLUMNS + column: the label an unmerged group lends to its other columns.
  const lent = new Map<number, string>();
  for (const g of unmergedGroups(ix, top, bottom)) for (let c = g.c1 + 1; c <= g.c2; c++) lent.set(g.r * MAX_HEADER_COLUMNS + c, g.text);
  const out: HeaderColumn[] = [];
  let group: { merge: Merge; col: HeaderColumn } | null = null;
  for (const c of [...cols].sort((a, b) => a - b)) {
    const parts: string[] = [];
    let lastMerge: Merge | undefined;
    let own = false;
    for (let r = top; r <= bottom; r++) {
      const found = headerText(ix, r, c);
      const { text, merge } = found.text === '' && lent.has(r * MAX_HEADER_COLUMNS + c) ? { text: lent.get(r * MAX_HEADER_COLUMNS + c)! } : found;
      if (text === '') continue;
      if (text !== parts[parts.length - 1]) parts.push(text);
      lastMerge = merge ?? (ix.mergeAt(r, c) as Merge | undefined);
      if (!lastMerge || lastMerge.c2 === lastMerge.c1 || lastMerge.r2 >= bottom) own = true;
    }
    if (parts.length === 0) continue;
    // One text merged across columns down to the header's last row: one column group.
    const spanning = lastMerge && lastMerge.c2 > lastMerge.c1 && lastMerge.r2 >= bottom ? lastMerge : undefined;
    if (spanning && group && group.merge === spanning) {
      group.col.span = c - group.col.c + 1;
      continue;
    }
    const col: HeaderColumn = { c, span: 1, parts, label: parts.join(' / '), ...(own ? {} : { groupOnly: true as const }) };
    out.push(col);
    group = spanning ? { merge: spanning, col } : null;
  }
  const hidden = ix.sheet.hiddenColumns;
  if (hidden?.length)
    for (const col of out) if (hidden.some((h) => h.c1 <= col.c && col.c + col.span - 1 <= h.c2)) col.hidden = true;
  return out;
}

/** A group label typed over the first of its columns without a merge, and the columns it heads (see unmergedGroups). */
export interface UnmergedGroup {
  r: number;
  c1: number;
  c2: number;
  text: string;
}

/**
 * Group labels typed over the first of their columns without a merge (予定 | (blank) over 開始日 | 終了日,
 * 実績日 over 開始 / 終了), in rows top…bottom-1: a person reads each over every column to its right up
 * to the next label of its row, as long as each of them has a word of its own below — and only where
 * the label's own column has one too, so that it is a group's label and not a column's name over an
 * empty cell.
 */
export function unmergedGroups(ix: SheetIndex, top: number, bottom: number): UnmergedGroup[] {
  const groups: UnmergedGroup[] = [];
  const below = (r: number, c: number) => {
    for (let r2 = r + 1; r2 <= bottom; r2++) if (headerText(ix, r2, c).text !== '') return true;
    return false;
  };
  for (let r = top; r < bottom; r++) {
    const row: UnmergedGroup[] = [];
    for (const cell of ix.row(r)?.cells ?? []) {
      if (cell.t !== 's' || cell.c >= MAX_HEADER_COLUMNS || ix.mergeAt(r, cell.c)) continue;
      const text = (cell.v as string).trim();
      if (text === '' || !below(r, cell.c)) continue;
      let c2 = cell.c;
      while (c2 + 1 < MAX_HEADER_COLUMNS && headerText(ix, r, c2 + 1).text === '' && !ix.mergeAt(r, c2 + 1) && below(r, c2 + 1)) c2++;
      if (c2 > cell.c) row.push({ r, c1: cell.c, c2, text });
    }
    // The last group of a row has no next label to stop it: it is as wide as the row's other groups (予定 and
    // 実績 over 開始 | 終了 each), not over the columns after it whose words stand on the lower row alone
    // (工数, 進捗率: review U12 — 実績 / 工数 took the planned effort as the actual one).
    if (row.length >= 2) {
      const last = row[row.length - 1]!;
      const width = Math.max(...row.slice(0, -1).map((g) => g.c2 - g.c1 + 1));
      last.c2 = Math.min(last.c2, last.c1 + width - 1);
    }
    groups.push(...row);
  }
  return groups;
}
