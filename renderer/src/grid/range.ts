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
