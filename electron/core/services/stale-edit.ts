// Many writers (team mode, a shared workspace): an edit carries the values its cells held when the user
// began it (`expected`), and the write compares them with the row as stored, inside its transaction. A
// cell a colleague changed meanwhile is not overwritten: the call answers CONFLICT with both values (the
// colleague's, and the caller's), who changed it and when, and the grid lets the user choose.
//
// The version compared is the cell's own value, not a counter per row: two administrators editing two
// different cells of one row (the owner, the due date) are not in conflict and both edits stay, which a
// row counter would refuse; a cell changed and changed back is what the user saw, so nothing is lost.
import { textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { auditTrailOf } from '../db/queries/history.js';
import type { StaleCell, StaleDetails } from '../../common/stale-edit.js';

type Values = Record<string, unknown>;

/** Values as a cell shows them: absent, null and '' are one empty cell; objects by content. */
function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b || String(a) === String(b);
}

/**
 * Refuses the write when a field of `expected` no longer holds that value in `stored` (the row read in
 * the write's own transaction). Fields the caller did not say it began from are not checked.
 */
export function refuseStale(db: Db, entity: string, id: number, stored: Values, expected: Values | undefined, patch: Values): void {
  if (!expected) return;
  const cells: StaleCell[] = Object.entries(expected)
    .filter(([field, was]) => field in stored && !same(stored[field], was) && !same(stored[field], patch[field]))
    .map(([field, was]) => ({ field, was, theirs: stored[field] ?? null, yours: patch[field] ?? null }));
  if (cells.length === 0) return;
  const last = auditTrailOf(db, entity, id, 1)[0];
  const details: StaleDetails = { kind: 'stale', entity, id, cells, who: last?.who ?? '', at: last?.at ?? '' };
  const first = cells[0]!;
  throw textError(
    'CONFLICT',
    'edit.stale',
    { who: details.who, field: first.field },
    `${entity} ${id}: ${first.field} was changed by ${details.who} since this edit began (now ${JSON.stringify(first.theirs)}); nothing was written`,
    details,
  );
}
