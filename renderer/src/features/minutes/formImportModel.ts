// What フォームから取込 decides without React: where the last form chosen is remembered, which form
// the dialog opens on, the header lines of a dry run, and whether it read anything at all.
import type { MeetingFields } from '../../../../electron/common/meetings.js';

/** The settings key of the form last used to import minutes in a project. */
export function formImportKey(projectId: number): string {
  return `minutes.formImport.${projectId}`;
}

/**
 * The dialog's choice for a 議事録 with no form: read as a document (meeting.importForm without a
 * profileId: its lines, labels and headings). No profile has this id.
 */
export const DOCUMENT = 0;

/** The form the dialog opens on: the remembered one while it still exists (or the document reading), else the first (newest listed), else the document reading. */
export function initialForm(saved: unknown, forms: readonly { id: number }[]): number {
  const id = saved && typeof saved === 'object' ? (saved as { profileId?: unknown }).profileId : undefined;
  if (typeof id === 'number' && (id === DOCUMENT || forms.some((f) => f.id === id))) return id;
  return forms[0]?.id ?? DOCUMENT;
}

const TEXT_FIELDS = ['series', 'place', 'facilitator', 'recorder', 'purpose', 'materials', 'distribution', 'nextMeeting'] as const;

/**
 * The header of the meeting a dry run read, as [i18n key of the label, shown value]: the title and
 * date always (empty when not read), the rest when the form gave them.
 */
export function headerLines(
  v: Partial<MeetingFields>,
  fmt: { kind(code: string): string; date(iso: string | null): string; time(from: string, to: string): string },
): [string, string][] {
  const out: [string, string][] = [
    ['minutes.field.title', v.title ?? ''],
    ['minutes.field.heldOn', v.heldOn ? fmt.date(v.heldOn) : ''],
  ];
  if (v.startsAt || v.endsAt) out.push(['minutesForm.field.time', fmt.time(v.startsAt ?? '', v.endsAt ?? '')]);
  if (v.kind) out.push(['minutes.field.kind', fmt.kind(v.kind)]);
  for (const f of TEXT_FIELDS) if (v[f]) out.push([`minutes.field.${f}`, v[f]!]);
  return out;
}

/** Nothing was read: no header value, no list, no action item. */
export function isEmptyRead(r: { values: Partial<MeetingFields>; actions: readonly unknown[] }): boolean {
  const v = r.values;
  const filled = Object.entries(v).some(([, x]) => (Array.isArray(x) ? x.length > 0 : x !== null && x !== undefined && x !== '' && x !== false));
  return !filled && r.actions.length === 0;
}
