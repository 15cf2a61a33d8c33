// A meeting ↔ the values of a 議事録 form's cells and block rows, both ways: what form-export writes
// and what form-import reads back. Words that are the same in both directions (出席/欠席, 自社/顧客,
// 10:00〜11:00) are defined once here.
import type { MinutesFormField, MinutesFormList } from '../../../common/excel/form.js';
import type { Attendee, Meeting } from '../../../common/meetings.js';

export const SIDE_WORDS: Record<Attendee['side'], { ja: string; en: string }> = {
  ours: { ja: '自社', en: 'Our team' },
  client: { ja: '顧客', en: 'Client' },
  other: { ja: 'その他', en: 'Other' },
};
export const PRESENCE_WORDS = { present: { ja: '出席', en: 'Present' }, absent: { ja: '欠席', en: 'Absent' } };

/** A single cell's value: text, a date (yyyy-mm-dd) or a number. */
export type FormValue = { text: string } | { date: string } | { number: number } | null;

const who = (a: Attendee) => [a.org, a.name].filter((s) => s.trim() !== '').join(' ');
const joined = (list: Attendee[]) => list.map(who).filter((s) => s !== '').join('、');

export interface FormContext {
  language: 'ja' | 'en';
  projectName: string;
  kindLabel: string;
  statusLabel(code: string): string;
}

export function cellValue(m: Meeting, field: MinutesFormField, ctx: FormContext): FormValue {
  const text = (s: string): FormValue => (s.trim() === '' ? null : { text: s });
  switch (field) {
    case 'projectName':
      return text(ctx.projectName);
    case 'kind':
      return text(ctx.kindLabel);
    case 'heldOn':
      return m.heldOn ? { date: m.heldOn } : null;
    case 'time':
      return text(m.startsAt || m.endsAt ? `${m.startsAt}〜${m.endsAt}` : '');
    case 'attendees':
      return text(joined(m.attendees.filter((a) => a.present)));
    case 'attendeesOurs':
      return text(joined(m.attendees.filter((a) => a.present && a.side === 'ours')));
    case 'attendeesClient':
      return text(joined(m.attendees.filter((a) => a.present && a.side === 'client')));
    case 'absentees':
      return text(joined(m.attendees.filter((a) => !a.present)));
    default:
      return text(String(m[field] ?? ''));
  }
}

/** The rows of a block: one per item, each a value per column field. */
export function blockRows(m: Meeting, list: MinutesFormList, ctx: FormContext): Record<string, FormValue>[] {
  const text = (s: string): FormValue => (s.trim() === '' ? null : { text: s });
  switch (list) {
    case 'agenda':
      return m.agenda.map((a, i) => ({ no: { number: i + 1 }, title: text(a.title), notes: text(a.notes) }));
    case 'decisions':
      return m.decisions.map((d, i) => ({ no: { number: i + 1 }, text: text(d.text), agenda: d.agendaIndex === null ? null : { number: d.agendaIndex + 1 } }));
    case 'actions':
      return m.actions.map((a, i) => ({
        no: { number: i + 1 },
        title: text(a.title),
        owner: text(a.owner),
        due: a.due ? { date: a.due } : null,
        status: text(ctx.statusLabel(a.status)),
      }));
    case 'attendees':
      return m.attendees.map((a) => ({
        org: text(a.org),
        name: text(a.name),
        role: text(a.role),
        presence: { text: PRESENCE_WORDS[a.present ? 'present' : 'absent'][ctx.language] },
        side: { text: SIDE_WORDS[a.side][ctx.language] },
      }));
  }
}

/** 所属 氏名、所属 氏名 (or one per line) → attendees of a side. */
export function parseAttendees(s: string, side: Attendee['side'], present: boolean): Attendee[] {
  return s
    .split(/[、,，\n;；/／]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map((x) => {
      const parts = x.split(/[\s\u3000]+/);
      const name = parts.pop()!;
      return { name, org: parts.join(' '), role: '', side, present };
    });
}

export function parseSide(s: string): Attendee['side'] | null {
  const k = s.normalize('NFKC').trim().toLowerCase();
  for (const [side, w] of Object.entries(SIDE_WORDS)) if (k === w.ja.toLowerCase() || k === w.en.toLowerCase()) return side as Attendee['side'];
  if (['当社', '弊社', 'ours', 'our side', 'vendor side'].includes(k)) return 'ours';
  if (['お客様', '客先', 'customer', 'client side'].includes(k)) return 'client';
  return null;
}

export function parsePresence(s: string): boolean | null {
  const k = s.normalize('NFKC').trim().toLowerCase();
  if (['出席', '出', '○', '◯', '〇', 'present', 'yes', 'y', '✓'].includes(k)) return true;
  if (['欠席', '欠', '×', 'x', 'absent', 'no', 'n', '-'].includes(k)) return false;
  return null;
}
