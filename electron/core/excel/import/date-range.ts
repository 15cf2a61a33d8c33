// A task's start and finish written in one cell (期間 / 日程 / Period: 4/1～4/15, 2025/04/01-2025/04/15,
// 4月1日〜4月15日, Apr 1 - Apr 15, 4/1〜 with the finish still open, ～4/15): the planned start and finish,
// read by the import (a column of such cells is ColumnMapping.period) and written back by the export in
// the column's own form. Blind set 7, J5.
import { dateTextStyle, parseDateNumber, parseDateText, settledSlashOrder, slashOrder, ymd, type SlashOrder } from '../../../common/excel/client-dates.js';
import type { Cell } from '../../../common/excel/model.js';

/** The separators between the two dates: 〜 ～ ~ 、から, a dash with or without spaces, "to". */
const SEPARATOR = /\s*(?:[~〜～]|から|–|—|\s-\s|\s+to\s+)\s*|(?<=\d)\s*-\s*(?=\d{1,4}\s*[/年.]|[a-z])/iu;

export interface DateRange {
  start: string | null;
  finish: string | null;
  /** A half was written without a year (4/1～4/15): its year came from `reference` or the other half. */
  yearInferred?: true;
}

/**
 * A note in brackets after the dates (（予定）, (tentative), 【仮】): no part of the dates, so read without it
 * and kept when the cell is written again. A weekday in brackets (4/11(金)) is the date's own, not a note.
 */
const NOTE = /\s*[（(【［[](?!\s*(?:[日月火水木金土](?:曜日?)?|sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s*[)）])[^（()）【】［］[\]]*[）)】］\]]\s*$/iu;

/** A cell's text split into its dates and a trailing note ('' where none). */
export function periodNote(text: string): { dates: string; note: string } {
  const m = NOTE.exec(text.trim());
  return m ? { dates: text.trim().slice(0, m.index).trim(), note: m[0] } : { dates: text.trim(), note: '' };
}

/** A finish written as the day alone (4月1日～11日, 4/1～11, Apr 1 - 11): the day of the start's month. */
const DAY_ONLY = /^(\d{1,2})\s*日?$/u;

/** The two halves of a range cell as written (the finish or start may be ''), with the separator; null when the text has none. */
export function rangeParts(text: string): { start: string; finish: string; separator: string } | null {
  const s = periodNote(text).dates;
  const m = SEPARATOR.exec(s);
  if (!m) return null;
  return { start: s.slice(0, m.index).trim(), finish: s.slice(m.index + m[0].length).replace(/まで$/, '').trim(), separator: m[0] };
}

/**
 * Whether a column's ranges write 01/04/2025 day first (dmy) or month first, decided once for the whole
 * column as columnDateReading decides a date column's: proved by any half of any of its cells (14/04/2025),
 * or by a single date among them, else `known` (the profile's, from the file that proved it), else month
 * first. A cell whose own days are all 12 or less cannot tell (review U14).
 */
export function rangeOrder(texts: Iterable<string>, known?: SlashOrder): SlashOrder {
  const halves: string[] = [];
  for (const t of texts) {
    const p = rangeParts(t);
    if (p) halves.push(p.start, p.finish);
    else halves.push(periodNote(t).dates);
  }
  return settledSlashOrder(halves.filter((h) => h !== '')) ?? known ?? 'mdy';
}

/**
 * A range cell's dates (yyyy-mm-dd; null for an open half): the year of a half written without one from
 * the other half, else from `reference`; a finish before its start is the next year's (12/20～1/10); a
 * finish written as the day alone is in the start's month (the next month where it is smaller: 4/25～5).
 * `order` is the column's (rangeOrder); without it, the cell's own halves decide. Null when the text is
 * no range of dates.
 */
export function parseDateRange(text: string, reference: string, order?: SlashOrder): DateRange | null {
  const p = rangeParts(text);
  if (!p || (p.start === '' && p.finish === '')) return null;
  const o = order ?? slashOrder([p.start, p.finish]);
  const read = (s: string, ref: string) => (s === '' ? null : parseDateText(s, ref, o));
  const start = read(p.start, reference);
  if (start && !start.ok) return null;
  const day = DAY_ONLY.exec(p.finish.normalize('NFKC'));
  if (day && start?.ok) {
    const [y, m, d] = start.iso.split('-').map(Number) as [number, number, number];
    const next = +day[1]! < d;
    const f = ymd(next && m === 12 ? y + 1 : y, next ? (m % 12) + 1 : m, +day[1]!);
    return f === null ? null : { start: start.iso, finish: f, ...(start.yearInferred ? { yearInferred: true as const } : {}) };
  }
  const finish = read(p.finish, start?.ok ? start.iso : reference);
  if (finish && !finish.ok) return null;
  let s = start?.ok ? start.iso : null;
  let f = finish?.ok ? finish.iso : null;
  // A start without a year takes the finish's where only the finish has one (4/1～2025/4/15).
  if (start?.ok && start.yearInferred && finish?.ok && !finish.yearInferred) {
    const again = parseDateText(p.start, f!, o);
    if (again.ok) s = again.iso;
  }
  if (s !== null && f !== null && f < s && finish?.ok && finish.yearInferred) f = `${Number(f.slice(0, 4)) + 1}${f.slice(4)}`;
  return { start: s, finish: f, ...((start?.ok && start.yearInferred) || (finish?.ok && finish.yearInferred) ? { yearInferred: true as const } : {}) };
}

/**
 * A period column's cell: its range, or a single date (a date cell, or a date written as text) as a task
 * of one day — a milestone among the ranges (review U16). `single` tells the two apart (a column of single
 * dates alone is no period column). Null for a cell that is neither.
 */
export function periodOfCell(cell: Cell, reference: string, order: SlashOrder, date1904 = false): (DateRange & { single: boolean }) | null {
  if (cell.t === 'd' || (cell.t === 'n' && cell.fmt !== undefined)) {
    const r = parseDateNumber(cell.v as number, true, date1904);
    return r.ok ? { start: r.iso, finish: r.iso, single: true } : null;
  }
  if (cell.t !== 's') return null;
  const range = parseDateRange(cell.v as string, reference, order);
  if (range) return { ...range, single: false };
  const one = parseDateText(periodNote(cell.v as string).dates, reference, order);
  return one.ok ? { start: one.iso, finish: one.iso, single: true, ...(one.yearInferred ? { yearInferred: true as const } : {}) } : null;
}

/** The key a range compares by (the same dates, whatever their form): `start～finish` in ISO, '' for an open half. */
export const rangeKey = (r: DateRange) => `${r.start ?? ''}～${r.finish ?? ''}`;

/**
 * How a column of range cells writes a range: its separator and its dates' form, learned from its cells
 * (4/1～4/15 → 5/7～5/20; 2025/04/01-2025/04/15 → 2025/05/07-2025/05/20) in the column's order
 * (rangeOrder); yyyy/mm/dd～yyyy/mm/dd where none tells. A one-day task is written as its one date, as
 * the column writes a milestone; a cell's note (（予定）) stays after the dates written over it.
 */
export function rangeWriter(texts: readonly string[], reference: string, order: SlashOrder): (r: DateRange, old?: string) => string {
  const parts = texts.map(rangeParts).filter((p): p is NonNullable<typeof p> => p !== null);
  const separator = parts[0]?.separator ?? '～';
  const halves = parts.flatMap((p) => [p.start, p.finish]).filter((s) => s !== '' && !DAY_ONLY.test(s.normalize('NFKC')));
  const style = dateTextStyle(halves, order, undefined, reference);
  const date = (iso: string | null) => (iso === null ? '' : style ? style(iso) : iso.replaceAll('-', '/'));
  return (r, old) => {
    const note = old === undefined ? '' : periodNote(old).note;
    return (r.start !== null && r.start === r.finish ? date(r.start) : `${date(r.start)}${separator}${date(r.finish)}`) + note;
  };
}
