// Turns a paste, a fill-down or a clear into one set of row updates and new rows, checking every
// value first. The grid sends the plan in one call (one batch, one undo step) or, if any value is
// bad, sends nothing and lists every bad cell.
import { parseCell, type CellKind } from './cellValues.js';
import { bounds, isSingleCell, type Range } from './range.js';

export interface PlanColumn {
  field: string;
  kind: CellKind;
  /** Read-only columns (codes, computed values) are skipped: what lands on them is ignored. */
  editable: boolean;
  header: string;
}

export interface BadCell {
  /** 0-based displayed row index; rows past the end are new rows. */
  row: number;
  field: string;
  header: string;
  value: string;
  /** Why, as a code of our parser (notDate…), translated when shown… */
  reason: string;
  /** …or as the server's message when the server refused the cell. */
  message?: string;
}

export interface CellPlan {
  updates: { id: number; patch: Record<string, unknown> }[];
  creates: { values: Record<string, unknown> }[];
  bad: BadCell[];
}

/**
 * Plans a paste of `block` at the range: from its top-left cell, adding rows below the last one when
 * the block is taller. A single value pasted over a larger range fills the range, as in Excel.
 */
export function planPaste(block: string[][], range: Range, rowIds: number[], columns: PlanColumn[]): CellPlan {
  const b = bounds(range);
  const single = block.length === 1 && block[0]!.length === 1;
  const height = single && !isSingleCell(b) ? b.bottom - b.top + 1 : block.length;
  const width = single && !isSingleCell(b) ? b.right - b.left + 1 : Math.max(...block.map((r) => r.length));
  const cells: { row: number; col: number; text: string }[] = [];
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const text = single ? block[0]![0]! : block[r]?.[c];
      if (text !== undefined && b.left + c < columns.length) cells.push({ row: b.top + r, col: b.left + c, text });
    }
  return plan(cells, rowIds, columns);
}

/** Ctrl+D: the top row of the range copied into the rows below it (a one-row range: the row above into it). */
export function planFillDown(range: Range, rowIds: number[], columns: PlanColumn[], valueAt: (row: number, field: string) => unknown): CellPlan {
  const b = bounds(range);
  // As in Excel: a range of one row takes the row above it; a taller range takes its own top row.
  const source = b.top === b.bottom ? b.top - 1 : b.top;
  const updates = new Map<number, Record<string, unknown>>();
  if (source < 0) return { updates: [], creates: [], bad: [] };
  for (let col = b.left; col <= b.right; col++) {
    const column = columns[col];
    if (!column?.editable) continue;
    const value = valueAt(source, column.field);
    for (let row = source + 1; row <= b.bottom; row++) {
      const id = rowIds[row]!;
      updates.set(id, { ...updates.get(id), [column.field]: value });
    }
  }
  return { updates: [...updates].map(([id, patch]) => ({ id, patch })), creates: [], bad: [] };
}

/** Delete: every editable cell in the range emptied (text blank, dates and numbers none). */
export function planClear(range: Range, rowIds: number[], columns: PlanColumn[], emptyValue: (c: PlanColumn) => unknown): CellPlan {
  const b = bounds(range);
  const updates: CellPlan['updates'] = [];
  for (let row = b.top; row <= b.bottom; row++) {
    const patch: Record<string, unknown> = {};
    for (let col = b.left; col <= b.right; col++) {
      const column = columns[col];
      if (column?.editable) patch[column.field] = emptyValue(column);
    }
    if (Object.keys(patch).length) updates.push({ id: rowIds[row]!, patch });
  }
  return { updates, creates: [], bad: [] };
}

function plan(cells: { row: number; col: number; text: string }[], rowIds: number[], columns: PlanColumn[]): CellPlan {
  const updates = new Map<number, Record<string, unknown>>();
  const creates = new Map<number, Record<string, unknown>>();
  const bad: BadCell[] = [];
  for (const { row, col, text } of cells) {
    const column = columns[col]!;
    if (!column.editable) continue;
    const parsed = parseCell(column.kind, text);
    if (!parsed.ok) {
      bad.push({ row, field: column.field, header: column.header, value: text, reason: parsed.reason });
      continue;
    }
    const id = rowIds[row];
    const target = id === undefined ? creates : updates;
    const key = id ?? row;
    target.set(key, { ...target.get(key), [column.field]: parsed.value });
  }
  return {
    updates: [...updates].map(([id, patch]) => ({ id, patch })),
    creates: [...creates].sort((a, b) => a[0] - b[0]).map(([, values]) => ({ values })),
    bad,
  };
}
