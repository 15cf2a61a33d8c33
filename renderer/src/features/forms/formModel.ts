// What the form editor decides without React, for a 議事録 form, a card (one register row in a
// client's form, cells only) and a weekly report form (cells, blocks, and charts as pictures at a cell):
// the layout as the user picks cells and rows (a field takes one cell, a cell holds one field; a block's
// column holds one field; a chart is anchored at one cell), what each cell of the preview shows as
// mapped, how much of the sheet to draw, column widths, and where the cell cursor goes on the arrow
// keys (merged cells are one stop).
import { MINUTES_FORM_FIELDS, MINUTES_FORM_LISTS, type FormLayout, type MinutesFormList } from '../../../../electron/common/excel/form.js';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { columnName, parseCellRef } from '../../../../electron/common/excel/model.js';

export type PreviewSheet = SheetPreview['sheets'][number];
export type DefinedName = SheetPreview['names'][number];

/** The lists in the order the editor offers them. */
export const FORM_LISTS = ['decisions', 'actions', 'agenda', 'attendees'] as const satisfies readonly MinutesFormList[];

/** A table of repeating rows on the sheet: a list's rows and the column of each of its fields. */
export interface PickBlock {
  list: string;
  firstRow: number;
  lastRow: number;
  columns: { field: string; column: string }[];
}

/** A chart placed as a picture with its top-left at a cell (a report form's S-curve); size in px. */
export interface PickImage {
  chart: string;
  ref: string;
  width?: number;
  height?: number;
}

/**
 * A layout being picked: a 議事録 form's cells and blocks, a card's cells (its blocks stay empty), or a
 * report form's cells, blocks and pictures. A form's and a report's layout is one; a card's is saved as
 * { register, sheet, cells }.
 */
export interface PickLayout {
  sheet: string;
  cells: { field: string; ref: string }[];
  blocks: PickBlock[];
  images?: PickImage[];
}

/** What a click (or Enter) on the sheet does. */
export type Tool =
  | { kind: 'cell'; field: string }
  | { kind: 'rows'; list: string }
  | { kind: 'column'; list: string; field: string }
  | { kind: 'image'; chart: string };

/** A 1-based row and 0-based column, as the preview gives them. */
export interface Pos {
  r: number;
  c: number;
}

export function emptyLayout(sheet: string): FormLayout {
  return { sheet, cells: [], blocks: [] };
}

/** 'B3' for row 3, column 1. */
export function a1(r: number, c: number): string {
  return `${columnName(c)}${r}`;
}

/** 'B3', '$B$3' → { r: 3, c: 1 }; null for a defined name. */
export function posOf(ref: string): Pos | null {
  const p = parseCellRef(ref);
  return p ? { r: p.r + 1, c: p.c } : null;
}

/** Column letter → 0-based column. */
export function columnIndex(letter: string): number {
  return parseCellRef(`${letter}1`)?.c ?? -1;
}

const sameRef = (a: string, b: string) => a.replaceAll('$', '').toUpperCase() === b.replaceAll('$', '').toUpperCase();

/** Where a cell mapping points on the form's sheet (an address, or a defined name's target there), else null. */
export function targetOf(ref: string, sheet: string, names: readonly DefinedName[]): Pos | null {
  const p = posOf(ref);
  if (p) return p;
  const n = names.find((x) => x.name === ref);
  return n && n.sheet === sheet ? posOf(n.ref.split(':')[0]!) : null;
}

/**
 * The field goes to this cell (or defined name): it leaves any other cell, and the cell's other field
 * goes. Cells are kept in the order of `fields` (a 議事録 form's by default).
 */
export function assignCell<L extends PickLayout>(
  layout: L,
  field: L['cells'][number]['field'],
  ref: string,
  names: readonly DefinedName[] = [],
  fields: readonly string[] = MINUTES_FORM_FIELDS,
): L {
  const at = targetOf(ref, layout.sheet, names);
  const cells = layout.cells.filter((c) => {
    if (c.field === field) return false;
    if (sameRef(c.ref, ref)) return false;
    const other = targetOf(c.ref, layout.sheet, names);
    return !(at && other && other.r === at.r && other.c === at.c);
  });
  const next = { field, ref };
  // Kept in the order of the field list, so the saved layout reads like the form.
  const order = (f: string) => fields.indexOf(f);
  return { ...layout, cells: [...cells, next].sort((a, b) => order(a.field) - order(b.field)) };
}

export function removeCell<L extends PickLayout>(layout: L, field: string): L {
  return { ...layout, cells: layout.cells.filter((c) => c.field !== field) };
}

type BlockOf<L extends PickLayout> = L['blocks'][number];
type ListOf<L extends PickLayout> = BlockOf<L>['list'];

export function blockOf<L extends PickLayout>(layout: L, list: string): BlockOf<L> | undefined {
  return layout.blocks.find((b) => b.list === list);
}

/** The block that covers a sheet row. */
export function blockAtRow<L extends PickLayout>(layout: L, r: number): BlockOf<L> | undefined {
  return layout.blocks.find((b) => r >= b.firstRow && r <= b.lastRow);
}

export type RowsResult<L extends PickLayout = FormLayout> = { ok: true; layout: L } | { ok: false; other: ListOf<L> };

/**
 * The block of a list covers rows first..last (either order). Its columns stay. Refused when the rows
 * overlap another list's block (answers that list).
 */
export function assignRows<L extends PickLayout>(layout: L, list: ListOf<L>, first: number, last: number): RowsResult<L> {
  const firstRow = Math.min(first, last);
  const lastRow = Math.max(first, last);
  const clash = layout.blocks.find((b) => b.list !== list && b.firstRow <= lastRow && firstRow <= b.lastRow);
  if (clash) return { ok: false, other: clash.list };
  const old = blockOf(layout, list);
  const block = { list, firstRow, lastRow, columns: old?.columns ?? [] } as BlockOf<L>;
  const blocks = [...layout.blocks.filter((b) => b.list !== list), block].sort((a, b) => a.firstRow - b.firstRow);
  return { ok: true, layout: { ...layout, blocks } };
}

export function removeBlock<L extends PickLayout>(layout: L, list: string): L {
  return { ...layout, blocks: layout.blocks.filter((b) => b.list !== list) };
}

/**
 * A block's field goes to a column: it leaves any other column, and the column's other field goes.
 * `lists` gives each list's fields in their order (a 議事録 form's by default).
 */
export function assignColumn<L extends PickLayout>(
  layout: L,
  list: string,
  field: string,
  column: string,
  lists: Readonly<Record<string, readonly string[]>> = MINUTES_FORM_LISTS,
): L {
  const block = blockOf(layout, list);
  if (!block) return layout;
  const fields = lists[list] ?? [];
  const columns = [...block.columns.filter((c) => c.field !== field && c.column !== column), { field, column }].sort(
    (a, b) => columnIndex(a.column) - columnIndex(b.column) || fields.indexOf(a.field) - fields.indexOf(b.field),
  );
  return { ...layout, blocks: layout.blocks.map((b) => (b === block ? { ...b, columns } : b)) };
}

export function removeColumn<L extends PickLayout>(layout: L, list: string, field: string): L {
  return { ...layout, blocks: layout.blocks.map((b) => (b.list === list ? { ...b, columns: b.columns.filter((c) => c.field !== field) } : b)) };
}

/** A chart goes to a cell (its picture's top-left): it leaves any other cell; its size stays. */
export function assignImage<L extends PickLayout>(layout: L, chart: string, ref: string, charts: readonly string[]): L {
  const old = (layout.images ?? []).find((im) => im.chart === chart);
  const images = [...(layout.images ?? []).filter((im) => im.chart !== chart), { ...old, chart, ref }].sort((a, b) => charts.indexOf(a.chart) - charts.indexOf(b.chart));
  return { ...layout, images };
}

/** A picture's size in pixels as typed (40–2000, whole; the export's own limits): anything else changes nothing. */
export function resizeImage<L extends PickLayout>(layout: L, chart: string, size: { width?: number; height?: number }): L {
  const ok = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 40 && v <= 2000);
  if (!ok(size.width) || !ok(size.height)) return layout;
  return { ...layout, images: (layout.images ?? []).map((im) => (im.chart === chart ? { ...im, ...size } : im)) };
}

export function removeImage<L extends PickLayout>(layout: L, chart: string): L {
  return { ...layout, images: (layout.images ?? []).filter((im) => im.chart !== chart) };
}

/** Delete at the cursor: the cell's field, else a picture anchored there, else the block column under it. Null when nothing is mapped there. */
export function removeAt<L extends PickLayout>(layout: L, at: Pos, names: readonly DefinedName[]): L | null {
  const cell = layout.cells.find((c) => {
    const p = targetOf(c.ref, layout.sheet, names);
    return p !== null && p.r === at.r && p.c === at.c;
  });
  if (cell) return removeCell(layout, cell.field);
  const image = (layout.images ?? []).find((im) => {
    const p = posOf(im.ref);
    return p !== null && p.r === at.r && p.c === at.c;
  });
  if (image) return removeImage(layout, image.chart);
  const block = blockAtRow(layout, at.r);
  const col = block?.columns.find((c) => columnIndex(c.column) === at.c);
  if (block && col) return removeColumn(layout, block.list, col.field);
  return null;
}

/** What is wrong with a layout before it is saved: nothing mapped, or a block without columns. */
export function layoutProblem(layout: PickLayout): { kind: 'empty' } | { kind: 'noColumns'; list: string } | null {
  if (layout.cells.length === 0 && layout.blocks.length === 0 && (layout.images ?? []).length === 0) return { kind: 'empty' };
  const bare = layout.blocks.find((b) => b.columns.length === 0);
  return bare ? { kind: 'noColumns', list: bare.list } : null;
}

/** The layout as it is saved: addresses in capitals without $; lists in the layout's order. */
export function normalized<L extends PickLayout>(layout: L): L {
  return {
    ...layout,
    cells: layout.cells.map((c) => (posOf(c.ref) ? { ...c, ref: c.ref.replaceAll('$', '').toUpperCase() } : c)),
    blocks: layout.blocks.map((b) => ({ ...b, columns: b.columns.map((c) => ({ ...c, column: c.column.toUpperCase() })) })),
    ...(layout.images && { images: layout.images.map((im) => ({ ...im, ref: im.ref.replaceAll('$', '').toUpperCase() })) }),
  };
}

export function sameLayout(a: PickLayout, b: PickLayout): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

// ---------------------------------------------------------------- the sheet as drawn

/** A mark on a cell of the preview: a header field, a block's column, or a chart's top-left. */
export interface Mark {
  kind: 'cell' | 'column' | 'image';
  /** The field (cell), list (column) or chart (image). */
  key: string;
  /** The block column's field. */
  field?: string;
  /** Through a defined name. */
  name?: string;
  /** The block's first row: the column's label is shown there. */
  head?: boolean;
}

/** Every mark by 'r:c', and the block of each row (for tinting whole rows). */
export function marksOf(layout: PickLayout, names: readonly DefinedName[]): { cells: Map<string, Mark[]>; rows: Map<number, { list: string; first: boolean; last: boolean }> } {
  const cells = new Map<string, Mark[]>();
  const add = (r: number, c: number, m: Mark) => {
    const k = `${r}:${c}`;
    const list = cells.get(k);
    if (list) list.push(m);
    else cells.set(k, [m]);
  };
  for (const cell of layout.cells) {
    const p = targetOf(cell.ref, layout.sheet, names);
    if (p) add(p.r, p.c, { kind: 'cell', key: cell.field, ...(posOf(cell.ref) ? {} : { name: cell.ref }) });
  }
  for (const im of layout.images ?? []) {
    const p = posOf(im.ref);
    if (p) add(p.r, p.c, { kind: 'image', key: im.chart });
  }
  const rows = new Map<number, { list: string; first: boolean; last: boolean }>();
  for (const b of layout.blocks) {
    // A huge block (rows typed by hand) is drawn within the preview only.
    for (let r = b.firstRow; r <= Math.min(b.lastRow, b.firstRow + 1000); r++) {
      rows.set(r, { list: b.list, first: r === b.firstRow, last: r === b.lastRow });
      for (const col of b.columns) add(r, columnIndex(col.column), { kind: 'column', key: b.list, field: col.field, head: r === b.firstRow });
    }
  }
  return { cells, rows };
}

/** How much of the sheet to draw: what it uses, what is mapped, and a margin to pick blank cells in. */
export function sheetExtent(sheet: PreviewSheet, layout: PickLayout, names: readonly DefinedName[], max = { rows: 200, columns: 60 }): { rows: number; columns: number } {
  let rows = 0;
  let cols = 0;
  for (const r of sheet.rows) {
    if (r.cells.length === 0) continue;
    rows = Math.max(rows, r.r);
    for (const c of r.cells) cols = Math.max(cols, c.c + 1);
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.r2);
    cols = Math.max(cols, m.c2 + 1);
  }
  for (const c of layout.cells) {
    const p = targetOf(c.ref, layout.sheet, names);
    if (p) {
      rows = Math.max(rows, p.r);
      cols = Math.max(cols, p.c + 1);
    }
  }
  for (const b of layout.blocks) {
    rows = Math.max(rows, b.lastRow);
    for (const c of b.columns) cols = Math.max(cols, columnIndex(c.column) + 1);
  }
  for (const im of layout.images ?? []) {
    const p = posOf(im.ref);
    if (p) {
      rows = Math.max(rows, p.r);
      cols = Math.max(cols, p.c + 1);
    }
  }
  return { rows: Math.min(max.rows, Math.max(30, rows + 10)), columns: Math.min(max.columns, Math.max(10, cols + 3)) };
}

/** The merged range starting at a cell, and the cells a merge covers (drawn by its top-left cell). */
export function mergeIndex(sheet: PreviewSheet): { at: Map<string, PreviewSheet['merges'][number]>; covered: Map<string, PreviewSheet['merges'][number]> } {
  const at = new Map<string, PreviewSheet['merges'][number]>();
  const covered = new Map<string, PreviewSheet['merges'][number]>();
  for (const m of sheet.merges) {
    at.set(`${m.r1}:${m.c1}`, m);
    // Merges are small in forms; a whole-row merge is capped to the preview's 60 columns.
    for (let r = m.r1; r <= Math.min(m.r2, m.r1 + 200); r++)
      for (let c = m.c1; c <= Math.min(m.c2, 60); c++) if (r !== m.r1 || c !== m.c1) covered.set(`${r}:${c}`, m);
  }
  return { at, covered };
}

/** The cell a position stands for: the top-left of the merge covering it. */
export function anchorOf(p: Pos, covered: ReadonlyMap<string, PreviewSheet['merges'][number]>): Pos {
  const m = covered.get(`${p.r}:${p.c}`);
  return m ? { r: m.r1, c: m.c1 } : p;
}

/** The cursor after an arrow key: one cell on, a merged cell passed in one step; stays inside the drawn sheet. */
export function moveCursor(
  from: Pos,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
  merges: ReturnType<typeof mergeIndex>,
  extent: { rows: number; columns: number },
): Pos {
  const m = merges.at.get(`${from.r}:${from.c}`);
  const r2 = m ? m.r2 : from.r;
  const c2 = m ? m.c2 : from.c;
  let next: Pos;
  switch (key) {
    case 'ArrowUp':
      next = { r: Math.max(1, from.r - 1), c: from.c };
      break;
    case 'ArrowDown':
      next = { r: Math.min(extent.rows, r2 + 1), c: from.c };
      break;
    case 'ArrowLeft':
      next = { r: from.r, c: Math.max(0, from.c - 1) };
      break;
    case 'ArrowRight':
      next = { r: from.r, c: Math.min(extent.columns - 1, c2 + 1) };
      break;
  }
  const anchored = anchorOf(next, merges.covered);
  // At the edge inside a merge: stay where we were.
  return anchored.r > extent.rows || anchored.c > extent.columns - 1 ? from : anchored;
}

/** The cursor after Home/End (the row's first or last column; with Ctrl the sheet's first or last cell) or PageUp/PageDown. */
export function jumpCursor(
  from: Pos,
  key: 'Home' | 'End' | 'PageUp' | 'PageDown',
  ctrl: boolean,
  merges: ReturnType<typeof mergeIndex>,
  extent: { rows: number; columns: number },
  page = 20,
): Pos {
  let next: Pos;
  if (key === 'Home') next = ctrl ? { r: 1, c: 0 } : { r: from.r, c: 0 };
  else if (key === 'End') next = ctrl ? { r: extent.rows, c: extent.columns - 1 } : { r: from.r, c: extent.columns - 1 };
  else if (key === 'PageUp') next = { r: Math.max(1, from.r - page), c: from.c };
  else next = { r: Math.min(extent.rows, from.r + page), c: from.c };
  return anchorOf(next, merges.covered);
}

/** A text's width in px as the preview draws it (13px font): wide for CJK, narrow otherwise. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 13 : 7.5;
  return w;
}

/**
 * Column widths in px: from the longest text of an unmerged cell, within limits, and wide enough for
 * the labels drawn on mapped cells (`tags`: 'r:c' → the labels' text) beside the cell's own text.
 */
export function columnWidths(
  sheet: PreviewSheet,
  columns: number,
  covered: ReadonlyMap<string, unknown>,
  at: ReadonlyMap<string, unknown>,
  tags: ReadonlyMap<string, readonly string[]> = new Map(),
): number[] {
  const widths = Array.from({ length: columns }, () => 64);
  const texts = new Map<string, string>();
  for (const row of sheet.rows)
    for (const cell of row.cells) {
      texts.set(`${row.r}:${cell.c}`, cell.text);
      if (cell.c >= columns || at.has(`${row.r}:${cell.c}`) || covered.has(`${row.r}:${cell.c}`)) continue;
      const longest = Math.max(...cell.text.split('\n').map(textWidth));
      widths[cell.c] = Math.max(widths[cell.c]!, Math.min(260, Math.ceil(longest + 14)));
    }
  for (const [k, labels] of tags) {
    const c = Number(k.split(':')[1]);
    if (c >= columns || at.has(k) || covered.has(k) || labels.length === 0) continue;
    // Tags are drawn at 11px: about 0.85 of the sheet's text, plus their padding and gap.
    const tagged = labels.reduce((w, l) => w + textWidth(l) * 0.85 + 14, 0) + textWidth(texts.get(k) ?? '') + 10;
    widths[c] = Math.max(widths[c]!, Math.min(300, Math.ceil(tagged)));
  }
  return widths;
}

/** A sheet's text by 'r:c'. */
export function textIndex(sheet: PreviewSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of sheet.rows) for (const cell of row.cells) out.set(`${row.r}:${cell.c}`, cell.text);
  return out;
}

/** Sheet names a new form starts on: a 議事録 (minutes); a card (不具合管理票, レビュー指摘票, card). */
export const FORM_SHEET = /議事録|minutes/i;
export const CARD_SHEET = /票|カード|card/i;

/** The sheet a new form starts on: the first named as `named` says (a 議事録), else the first. */
export function defaultSheet(preview: SheetPreview, named: RegExp = FORM_SHEET): string {
  const match = preview.sheets.find((s) => named.test(s.name));
  return (match ?? preview.sheets[0])?.name ?? '';
}

// ---------------------------------------------------------------- drawing only the rows in view

export interface GridCell {
  c: number;
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** The cells each row draws (cells under a merge are left out; its top-left cell spans them). */
export function gridRows(
  extent: { rows: number; columns: number },
  texts: ReadonlyMap<string, string>,
  merges: { at: ReadonlyMap<string, PreviewSheet['merges'][number]>; covered: ReadonlyMap<string, unknown> },
): GridCell[][] {
  const out: GridCell[][] = [];
  for (let r = 1; r <= extent.rows; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const k = `${r}:${c}`;
      if (merges.covered.has(k)) continue;
      const m = merges.at.get(k);
      row.push({
        c,
        text: texts.get(k) ?? '',
        rowSpan: m ? Math.min(m.r2, extent.rows) - r + 1 : 1,
        colSpan: m ? Math.min(m.c2, extent.columns - 1) - c + 1 : 1,
      });
    }
    out.push(row);
  }
  return out;
}

/** Rows drawn above and below the ones in view. */
const OVERSCAN = 12;

/**
 * The rows to draw for a scroll position: those in view and a margin, widened so that a merged cell
 * crossing the edge is drawn whole from its first row.
 */
export function rowWindow(
  rows: readonly GridCell[][],
  view: { top: number; height: number },
  rowHeight: number,
  spans: { top: ReadonlyMap<number, number>; end: ReadonlyMap<number, number> },
): { first: number; last: number } {
  const count = rows.length;
  if (count === 0) return { first: 1, last: 0 };
  let first = Math.max(1, Math.floor(view.top / rowHeight) + 1 - OVERSCAN);
  let last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  first = Math.min(first, count);
  while ((spans.top.get(first) ?? first) < first) first = spans.top.get(first)!;
  for (let r = first; r <= last; r++) last = Math.max(last, Math.min(count, spans.end.get(r) ?? r));
  return { first, last };
}

/** For each row, the first row of a merged cell covering it; and the last row a merged cell starting in it reaches. */
export function rowSpans(rows: readonly GridCell[][]): { top: Map<number, number>; end: Map<number, number> } {
  const top = new Map<number, number>();
  const end = new Map<number, number>();
  rows.forEach((cells, i) => {
    const r = i + 1;
    for (const cell of cells) {
      if (cell.rowSpan <= 1) continue;
      const to = r + cell.rowSpan - 1;
      end.set(r, Math.max(end.get(r) ?? r, to));
      for (let k = r + 1; k <= to; k++) top.set(k, Math.min(top.get(k) ?? k, r));
    }
  });
  return { top, end };
}
