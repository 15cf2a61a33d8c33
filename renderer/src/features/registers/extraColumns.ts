// A register row's `extra`: the client's columns PMO Desk has no field for (kept by an import so they
// go back out to Excel). The grid shows each key found over the rows as a text column after the
// regular ones, headed by the key; an edit writes the whole `extra` back with that key changed.
import type { ColumnContext, RegisterColDef } from './columns.js';
import { suppressEditorKeys } from './VocabEditor.js';

/** Column ids and plan fields of extra columns: `extra:<key>`. */
export const EXTRA_PREFIX = 'extra:';

export const isExtraField = (field: string) => field.startsWith(EXTRA_PREFIX);

/** The keys of `extra` over all rows, in the order they are first met (the file's column order). */
export function extraKeys(rows: readonly { extra?: Record<string, unknown> | null }[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.extra ?? {})) seen.add(key);
  return [...seen];
}

/** An extra value as text: strings as they are, anything else (numbers, booleans, JSON) printed. */
export function extraText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function extraCol<T extends { extra?: Record<string, unknown> }>(c: Pick<ColumnContext, 't'>, key: string): RegisterColDef<T> {
  const field = `${EXTRA_PREFIX}${key}`;
  const value = (row: T | undefined) => extraText(row?.extra?.[key]);
  return {
    // The field is a name for plans and kinds only: the value comes from the getter (a key may hold dots).
    field: field as never,
    colId: field,
    headerName: key,
    headerTooltip: c.t('register.extraColumn', { key }),
    initialWidth: 140,
    valueGetter: (p) => value(p.data),
    filterValueGetter: (p) => value(p.data),
    context: { kind: 'text', format: extraText },
    suppressKeyboardEvent: suppressEditorKeys,
  } as RegisterColDef<T>;
}

/**
 * A patch with `extra:<key>` entries (an edit, a paste, a fill) turned into one a register takes: the
 * row's whole `extra` with those keys set. Other fields pass through.
 */
export function foldExtras(patch: Record<string, unknown>, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let extra: Record<string, unknown> | null = null;
  for (const [field, value] of Object.entries(patch)) {
    if (!isExtraField(field)) {
      out[field] = value;
      continue;
    }
    extra ??= { ...(current ?? {}) };
    extra[field.slice(EXTRA_PREFIX.length)] = value === null || value === undefined ? '' : value;
  }
  if (extra) out.extra = extra;
  return out;
}
