// A rectangular cell range by displayed row index and displayed column position.

export interface CellRef {
  row: number;
  col: number;
}

export interface Range {
  anchor: CellRef;
  focus: CellRef;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function bounds(r: Range): Bounds {
  return {
    top: Math.min(r.anchor.row, r.focus.row),
    bottom: Math.max(r.anchor.row, r.focus.row),
    left: Math.min(r.anchor.col, r.focus.col),
    right: Math.max(r.anchor.col, r.focus.col),
  };
}

export function contains(b: Bounds, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function isSingleCell(b: Bounds): boolean {
  return b.top === b.bottom && b.left === b.right;
}

/** The range kept inside a grid of `rows` × `cols` (rows may have gone since it was made: undo, reload). */
export function clampRange(r: Range, rows: number, cols: number): Range | null {
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (c: CellRef): CellRef => ({ row: Math.min(Math.max(c.row, 0), rows - 1), col: Math.min(Math.max(c.col, 0), cols - 1) });
  return { anchor: clamp(r.anchor), focus: clamp(r.focus) };
}
