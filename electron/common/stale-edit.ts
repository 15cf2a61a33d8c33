// What CONFLICT carries when an edit began from values a colleague has since changed (core/services/
// stale-edit.ts refuses it; the grids show both values and let the user choose).

/**
 * A client column (a key of the row's `extra`) is compared and reported on its own, as the cell
 * `extra:<key>` (the grid's own name for that column): an edit of one extra column leaves a colleague's
 * change to another of the same row as it is.
 */
export const EXTRA_CELL_PREFIX = 'extra:';

/** One cell the caller began from an older value of. */
export interface StaleCell {
  field: string;
  /** What the cell held when the caller began the edit. */
  was: unknown;
  /** What it holds now (the colleague's value). */
  theirs: unknown;
  /** What the caller wrote. */
  yours: unknown;
}

/** A row with cells changed under the edit: who changed the first of them last, and when (ISO). */
export interface StaleRow {
  id: number;
  cells: StaleCell[];
  who: string;
  at: string;
}

/**
 * What CONFLICT carries when cells changed under an edit (details.kind === 'stale'): every such row of
 * the call — one for a cell edit, as many as the colleague touched for a paste (applyCells).
 */
export interface StaleDetails {
  kind: 'stale';
  entity: string;
  rows: StaleRow[];
}

/** Whether an API error's details are a stale edit's (for the UI). */
export function isStale(details: unknown): details is StaleDetails {
  return typeof details === 'object' && details !== null && (details as { kind?: unknown }).kind === 'stale';
}
