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
import { EXTRA_CELL_PREFIX, type StaleCell, type StaleDetails, type StaleRow } from '../../common/stale-edit.js';

type Values = Record<string, unknown>;

/** Values as a cell shows them: absent, null and '' are one empty cell; objects by content. */
function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b || String(a) === String(b);
}

/** A row an edit writes: the row as read in the write's own transaction, what the edit began from, what it writes. */
export interface EditedRow {
  id: number;
  stored: Values;
  /** Absent: the caller did not say what it began from, and nothing is compared. */
  expected?: Values | undefined;
  patch: Values;
}

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `extra` the edit began from and the one it writes, when it says both (else null: nothing per key). */
function extras(expected: Values | undefined, patch: Values): { was: Values; mine: Values } | null {
  return expected && isObject(expected.extra) && isObject(patch.extra) ? { was: expected.extra, mine: patch.extra } : null;
}

/** The keys of `extra` the edit changes: those whose value differs from what it began from. */
function changedKeys(e: { was: Values; mine: Values }): string[] {
  return [...new Set([...Object.keys(e.was), ...Object.keys(e.mine)])].filter((k) => !same(e.mine[k], e.was[k]));
}

/**
 * The patch to write: its `extra` (the row's whole client columns, as the grid sends it) applied key by
 * key onto the row as stored, so keys the caller did not change keep what a colleague wrote meanwhile.
 * Without an `expected.extra` the patch is written as it is.
 */
export function rebaseExtra(stored: Values, expected: Values | undefined, patch: Values): Values {
  const e = extras(expected, patch);
  if (!e) return patch;
  const extra: Values = { ...(isObject(stored.extra) ? stored.extra : {}) };
  for (const k of changedKeys(e)) {
    if (k in e.mine) extra[k] = e.mine[k];
    else delete extra[k];
  }
  return { ...patch, extra };
}

/** How many of a row's newest audit rows are searched for the colleague who changed a cell. */
const WHO_DEPTH = 50;

/**
 * Refuses the write when a field of an `expected` no longer holds that value in its `stored` row (read in
 * the write's own transaction): one CONFLICT naming every such cell of every row, so a paste is refused
 * cell by cell as a single edit is. Fields the caller did not say it began from are not checked.
 */
export function refuseStale(db: Db, entity: string, rows: EditedRow[]): void {
  const stale: StaleRow[] = [];
  for (const { id, stored, expected, patch } of rows) {
    if (!expected) continue;
    const e = extras(expected, patch);
    const cells: StaleCell[] = Object.entries(expected)
      .filter(([field, was]) => field in stored && !(e && field === 'extra') && !same(stored[field], was) && !same(stored[field], patch[field]))
      .map(([field, was]) => ({ field, was, theirs: stored[field] ?? null, yours: patch[field] ?? null }));
    if (e) {
      // Key by key: only a key this edit changes, that a colleague changed to something else meanwhile.
      const now = isObject(stored.extra) ? stored.extra : {};
      for (const k of changedKeys(e))
        if (!same(now[k], e.was[k]) && !same(now[k], e.mine[k])) cells.push({ field: `${EXTRA_CELL_PREFIX}${k}`, was: e.was[k] ?? null, theirs: now[k] ?? null, yours: e.mine[k] ?? null });
    }
    if (cells.length > 0) stale.push({ id, cells, ...lastChangeOf(db, entity, id, cells[0]!.field.startsWith(EXTRA_CELL_PREFIX) ? 'extra' : cells[0]!.field) });
  }
  if (stale.length === 0) return;
  const details: StaleDetails = { kind: 'stale', entity, rows: stale };
  const { id, who, cells } = stale[0]!;
  const first = cells[0]!;
  const count = stale.reduce((n, r) => n + r.cells.length, 0);
  throw textError(
    'CONFLICT',
    'edit.stale',
    { who, field: first.field, count },
    `${entity} ${id}: ${first.field} was changed by ${who} since this edit began (now ${JSON.stringify(first.theirs)})${count > 1 ? `, and ${count - 1} more cell(s)` : ''}; nothing was written`,
    details,
  );
}

/** Who wrote `field` of the row last, and when: the newest audit row that changed it (else the row's newest). */
function lastChangeOf(db: Db, entity: string, id: number, field: string): { who: string; at: string } {
  const trail = auditTrailOf(db, entity, id, WHO_DEPTH);
  const changed = trail.find((a) => {
    // A create wrote every field, whether or not its row holds the snapshot (a bulk create's holds none).
    if (a.action === 'create') return true;
    const after = typeof a.after === 'string' ? (JSON.parse(a.after) as Values | null) : (a.after as Values | null);
    return after !== null && typeof after === 'object' && field in after;
  });
  const last = changed ?? trail[0];
  return { who: last?.who ?? '', at: last?.at ?? '' };
}
