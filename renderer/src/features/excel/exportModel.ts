// What the export dialog and the profile manager decide without React: where the last export choice of a
// register is remembered, which choice the dialog opens on, which row a card takes, how profiles are
// ordered and dated.
import type { ExportRegister } from '../../../../electron/common/api/excel.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { REGISTER_LIST } from '../../../../electron/common/registers/index.js';

/**
 * The screen (views.<view>) that shows a profile's register, for naming it as the tabs do, in the tabs'
 * order. 議事録 is there for the meeting forms the core may keep as profiles too.
 */
export const REGISTER_VIEWS: Readonly<Record<string, string>> = {
  wbs: 'wbs',
  ...Object.fromEntries(REGISTER_LIST.map((d) => [d.name, d.view])),
  minutes: 'minutes',
};

/** The views key of a register (an unknown one as it is). */
export function registerView(register: string): string {
  return REGISTER_VIEWS[register] ?? register;
}

/** The settings key of a register's last export choice in a project (per register and project, as grid state is). */
export function exportChoiceKey(projectId: number, register: ExportRegister): string {
  return `excel.export.${register}.${projectId}`;
}

/**
 * What the dialog exports: PMO Desk's own layout (null), the same as CSV ('csv'), or through a profile
 * (its id: a client's table or 議事録 form, or a card that takes the selected row).
 */
export type Choice = number | null | 'csv';

/** What is remembered: a profile's id, or null for PMO Desk's own layout (as CSV with format 'csv'). */
export type ExportChoice = { profileId: number | null; format?: 'csv' };

/** The remembered form of a choice. */
export function rememberedChoice(choice: Choice): ExportChoice {
  return choice === 'csv' ? { profileId: null, format: 'csv' } : { profileId: choice };
}

/**
 * The choice the dialog opens on: the remembered profile while it still exists for this register (a
 * card only while a row is there to write), CSV where it is offered, else PMO Desk's own layout (also
 * for anything unreadable that was stored).
 */
export function initialChoice(
  saved: unknown,
  profiles: readonly (Pick<ProfileSummary, 'id'> & Partial<Pick<ProfileSummary, 'kind'>>)[],
  offered: { csv?: boolean; card?: boolean } = {},
): Choice {
  const s = saved && typeof saved === 'object' ? (saved as { profileId?: unknown; format?: unknown }) : {};
  if (s.format === 'csv' && s.profileId === null) return offered.csv ? 'csv' : null;
  const p = typeof s.profileId === 'number' ? profiles.find((x) => x.id === s.profileId) : undefined;
  if (!p || (p.kind === 'card' && !offered.card)) return null;
  return p.id;
}

/** The row a card export writes: the one selected (its id, and ID and title to name it), or why there is none. */
export type CardRow = { id: number; label: string } | 'none' | 'many';

/**
 * The row under the grid's selection: the one row its range covers, else the focused cell's row. Rows
 * are looked up in `rows` as they are now (a row deleted since is no row; a title edited since is named
 * as it is now).
 */
export function cardRowOf<T extends { id: number; ref: string; title: string }>(selected: readonly { id: number }[], focused: { id: number } | undefined, rows: readonly T[]): CardRow {
  const ids = [...new Set(selected.map((r) => r.id))];
  if (ids.length > 1) return 'many';
  const id = ids[0] ?? focused?.id;
  const row = id === undefined ? undefined : rows.find((r) => r.id === id);
  return row ? { id: row.id, label: [row.ref, row.title].filter(Boolean).join(' ') } : 'none';
}

/** Profiles as the manager lists them: by register (in the tabs' order), then by name. */
export function sortProfiles<T extends { register: string; name: string; id: number }>(profiles: readonly T[]): T[] {
  const known = Object.keys(REGISTER_VIEWS);
  const order = (r: string) => (known.includes(r) ? known.indexOf(r) : known.length);
  return [...profiles].sort(
    (a, b) => order(a.register) - order(b.register) || a.name.localeCompare(b.name, 'ja') || a.id - b.id,
  );
}

/** A stored timestamp (ISO, UTC) as the viewer's calendar day, yyyy/mm/dd. */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10).replaceAll('-', '/');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())}`;
}

/** A typed profile name: trimmed; null when nothing is left or nothing changed. */
export function renamedTo(typed: string, current: string): string | null {
  const name = typed.trim().slice(0, 200);
  return name === '' || name === current ? null : name;
}
