// What the export dialog and the profile manager decide without React: where the last export choice of a
// register is remembered, which choice the dialog opens on, how profiles are ordered and dated.
import type { ExportRegister } from '../../../../electron/common/api/excel.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';

/**
 * The screen (views.<view>) that shows a profile's register, for naming it as the tabs do, in the tabs'
 * order. 議事録 is there for the meeting forms the core may keep as profiles too.
 */
export const REGISTER_VIEWS: Readonly<Record<string, string>> = {
  wbs: 'wbs',
  risk: 'risks',
  issue: 'issues',
  change: 'changes',
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

/** What is remembered: a profile's id, or null for PMO Desk's own layout. */
export type ExportChoice = { profileId: number | null };

/**
 * The choice the dialog opens on: the remembered profile while it still exists for this register,
 * else PMO Desk's own layout (also for anything unreadable that was stored).
 */
export function initialChoice(saved: unknown, profiles: readonly Pick<ProfileSummary, 'id'>[]): number | null {
  const id = saved && typeof saved === 'object' ? (saved as { profileId?: unknown }).profileId : undefined;
  return typeof id === 'number' && profiles.some((p) => p.id === id) ? id : null;
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
