// What CONFLICT carries when an edit began from values a colleague has since changed (core/services/
// stale-edit.ts refuses it; the grids show both values and let the user choose).

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

/** What CONFLICT carries when cells changed under an edit (details.kind === 'stale'). */
export interface StaleDetails {
  kind: 'stale';
  entity: string;
  id: number;
  cells: StaleCell[];
  /** Who changed the row last, and when (ISO). */
  who: string;
  at: string;
}

/** Whether an API error's details are a stale edit's (for the UI). */
export function isStale(details: unknown): details is StaleDetails {
  return typeof details === 'object' && details !== null && (details as { kind?: unknown }).kind === 'stale';
}
