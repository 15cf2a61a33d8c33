// The calendar dialog's lists as text, one day or span a line, as a PMO writes them in a memo:
// "12/29〜01/03 年末年始" (every year), "2025/08/13〜2025/08/15 夏季休暇", "2025/07/21 海の日".
// Read back into the calendar's settings (common/schedule/calendar.ts: 'MM-DD' recurs, 'YYYY-MM-DD' is
// one date); a line that is not a date is named by its number, and nothing is saved.
import type { DayOff, ExtraWorkingDay } from '../../../../electron/common/schedule/calendar.js';

/** 'MM-DD' or 'YYYY-MM-DD' as shown: 12/29, 2025/08/13. */
const shown = (d: string) => d.replaceAll('-', '/');

export function daysOffText(list: readonly DayOff[]): string {
  return list.map((d) => `${shown(d.from)}${d.to !== d.from ? `〜${shown(d.to)}` : ''}${d.name ? ` ${d.name}` : ''}`).join('\n');
}

export function workingDaysText(list: readonly ExtraWorkingDay[]): string {
  return list.map((d) => `${shown(d.date)}${d.name ? ` ${d.name}` : ''}`).join('\n');
}

/** A line that could not be read: its 1-based number and the text. */
export interface BadLine {
  line: number;
  text: string;
}

export type Parsed<T> = { ok: true; value: T[] } | { ok: false; bad: BadLine[] };

const DAY = String.raw`(?:(\d{4})[/-])?(\d{1,2})[/-](\d{1,2})`;
const LINE = new RegExp(String.raw`^${DAY}(?:\s*[〜～~\-–]\s*${DAY})?(?:\s+(.*))?$`);

/** A day as the settings hold it ('MM-DD' or 'YYYY-MM-DD'), or null when it is no calendar day. */
function dayOf(y: string | undefined, m: string, d: string): string | null {
  const mm = m.padStart(2, '0');
  const dd = d.padStart(2, '0');
  const iso = `${y ?? '2000'}-${mm}-${dd}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) return null;
  return y ? iso : `${mm}-${dd}`;
}

function lines<T>(text: string, read: (m: RegExpExecArray) => T | null): Parsed<T> {
  const value: T[] = [];
  const bad: BadLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const s = raw.replace(/\u3000/g, ' ').trim();
    if (s === '') return;
    const m = LINE.exec(s.normalize('NFKC'));
    const v = m && read(m);
    if (v) value.push(v);
    else bad.push({ line: i + 1, text: s });
  });
  return bad.length > 0 ? { ok: false, bad } : { ok: true, value };
}

/** Company days off: a day or a span a line, both ends every year (12/29〜01/03) or both dated. */
export function parseDaysOff(text: string): Parsed<DayOff> {
  return lines(text, (m) => {
    const from = dayOf(m[1], m[2]!, m[3]!);
    const to = m[5] === undefined ? from : dayOf(m[4], m[5], m[6]!);
    if (!from || !to || from.length !== to.length || (from.length === 10 && to < from)) return null;
    return { from, to, name: (m[7] ?? '').trim() };
  });
}

/** Extra working days: one dated day a line. */
export function parseWorkingDays(text: string): Parsed<ExtraWorkingDay> {
  return lines(text, (m) => {
    const date = m[5] === undefined && m[1] ? dayOf(m[1], m[2]!, m[3]!) : null;
    return date ? { date, name: (m[7] ?? '').trim() } : null;
  });
}
