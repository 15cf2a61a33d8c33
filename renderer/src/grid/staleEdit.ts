// A cell edit that began from a value a colleague has since changed comes back as CONFLICT with both
// values (common/stale-edit.ts). The grid then shows the colleague's value and asks which to keep:
// 自分の値で上書き sends the edit again from the value now shown; 相手の値を残す keeps what is stored. A
// paste is refused the same way for every cell a colleague changed (details.rows), and 相手の値を残す
// then sends the rest of the paste without those cells.
import type { TFunction } from 'i18next';
import { ApiError } from '../../../electron/common/errors.js';
import { EXTRA_CELL_PREFIX, isStale, type StaleDetails } from '../../../electron/common/stale-edit.js';
import { formatDateTime } from '../../../electron/common/dates.js';
import type { ConfirmRequest } from '../ui/ConfirmDialog.js';

/** The stale edit's details when `err` is one, else null. */
export function staleOf(err: unknown): StaleDetails | null {
  return err instanceof ApiError && err.code === 'CONFLICT' && isStale(err.details) ? err.details : null;
}

/** A cell's value as the message shows it: ISO dates as yyyy/mm/dd, empty as （空欄）. */
function shown(v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return t('conflict.empty');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.replaceAll('-', '/');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The colleague's values of the refused cells, by row id: shown in the grid while the user chooses. */
export function theirValues(stale: StaleDetails): Map<number, Record<string, unknown>> {
  return new Map(stale.rows.map((r) => [r.id, Object.fromEntries(r.cells.map((c) => [c.field, c.theirs]))]));
}

type Update = { id: number; patch: Record<string, unknown>; expected?: Record<string, unknown> };
type Values = Record<string, unknown>;

/** The refused client columns (`extra:<key>` cells) of `values` as key → value, apart from the other cells. */
function splitExtra(values: Values): { cells: Values; extra: Values | null } {
  const cells: Values = {};
  let extra: Values | null = null;
  for (const [f, v] of Object.entries(values))
    if (f.startsWith(EXTRA_CELL_PREFIX)) (extra ??= {})[f.slice(EXTRA_CELL_PREFIX.length)] = v;
    else cells[f] = v;
  return { cells, extra };
}

/** A row as the grid shows it with the colleague's values in place (client columns inside its `extra`). */
export function withTheirs<R extends object>(row: R, theirs: Values | undefined): R {
  if (!theirs) return row;
  const { cells, extra } = splitExtra(theirs);
  return { ...row, ...cells, ...(extra && { extra: { ...((row as { extra?: Values }).extra ?? {}), ...extra } }) };
}

/** 自分の値で上書き of a paste: the same updates, each refused cell now begun from the colleague's value. */
export function overwriting<U extends Update>(updates: U[], stale: StaleDetails): U[] {
  const theirs = theirValues(stale);
  return updates.map((u) => {
    const refused = theirs.get(u.id);
    if (!refused) return u;
    const { cells, extra } = splitExtra(refused);
    const began = u.expected?.extra as Values | undefined;
    return { ...u, expected: { ...u.expected, ...pick(cells, Object.keys(u.patch)), ...(extra && { extra: { ...began, ...extra } }) } };
  });
}

/** 相手の値を残す of a paste: the same updates without the refused cells (a row left with none is dropped). */
export function keepingTheirs<U extends Update>(updates: U[], stale: StaleDetails): U[] {
  const theirs = theirValues(stale);
  return updates.flatMap((u) => {
    const all = theirs.get(u.id);
    if (!all) return [u];
    const { cells: refused, extra } = splitExtra(all);
    const began = u.expected?.extra as Values | undefined;
    // A refused client column goes back to what the edit began from: unchanged by it, the stored value stays.
    if (extra && u.patch.extra && typeof u.patch.extra === 'object') {
      const mine: Values = { ...(u.patch.extra as Values) };
      for (const k of Object.keys(extra)) {
        if (began && k in began) mine[k] = began[k];
        else delete mine[k];
      }
      u = { ...u, patch: { ...u.patch, extra: mine } };
    }
    const patch = Object.fromEntries(Object.entries(u.patch).filter(([f]) => !(f in refused)));
    if (Object.keys(patch).length === 0) return [];
    const expected = u.expected && Object.fromEntries(Object.entries(u.expected).filter(([f]) => f in patch));
    return [{ ...u, patch, ...(expected && { expected }) }];
  });
}

function pick(values: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in values).map((f) => [f, values[f]]));
}

/**
 * The question put to the user: both values of the first changed cell, who changed it and when, and how
 * many other cells were changed too (a paste). `keepTheirs`: what 相手の値を残す does besides (a paste's rest).
 */
export function staleRequest(stale: StaleDetails, t: TFunction, header: (field: string) => string, overwrite: () => void, keepTheirs?: () => void): ConfirmRequest {
  const row = stale.rows[0]!;
  const cell = row.cells[0]!;
  const others = stale.rows.reduce((n, r) => n + r.cells.length, 0) - 1;
  const message = t('conflict.message', { who: row.who, when: formatDateTime(row.at), column: header(cell.field), theirs: shown(cell.theirs, t), yours: shown(cell.yours, t) });
  return {
    title: t('conflict.title'),
    message: others > 0 ? `${message}${t('conflict.more', { count: others })}` : message,
    confirmLabel: t('conflict.keepMine'),
    cancelLabel: t('conflict.keepTheirs'),
    onConfirm: overwrite,
    ...(keepTheirs && { onCancel: keepTheirs }),
  };
}
