// A task's start and finish written in one cell (期間 / 日程 / Period: 4/1～4/15, 2025/04/01-2025/04/15,
// 4月1日〜4月15日, Apr 1 - Apr 15, 4/1〜 with the finish still open, ～4/15): the planned start and finish,
// read by the import (a column of such cells is ColumnMapping.period) and written back by the export in
// the column's own form. Blind set 7, J5.
import { dateTextStyle, parseDateText, settledSlashOrder, slashOrder, type SlashOrder } from '../../../common/excel/client-dates.js';

/** The separators between the two dates: 〜 ～ ~ 、から, a dash with or without spaces, "to". */
const SEPARATOR = /\s*(?:[~〜～]|から|–|—|\s-\s|\s+to\s+)\s*|(?<=\d)\s*-\s*(?=\d{1,4}\s*[/年.]|[a-z])/iu;

export interface DateRange {
  start: string | null;
  finish: string | null;
}

/** The two halves of a range cell as written (the finish or start may be ''), with the separator; null when the text has none. */
export function rangeParts(text: string): { start: string; finish: string; separator: string } | null {
  const s = text.trim();
  const m = SEPARATOR.exec(s);
  if (!m) return null;
  return { start: s.slice(0, m.index).trim(), finish: s.slice(m.index + m[0].length).replace(/まで$/, '').trim(), separator: m[0] };
}

/**
 * Whether a column's ranges write 01/04/2025 day first (dmy) or month first: proved by any half of any of
 * its cells (14/04/2025), else `known` (the profile's, from the file that proved it), else month first.
 * One order for the whole column: a cell whose own days are all 12 or less cannot tell (review U14).
 */
export function rangeOrder(texts: Iterable<string>, known?: SlashOrder): SlashOrder {
  const halves = [...texts].flatMap((t) => {
    const p = rangeParts(t);
    return p ? [p.start, p.finish].filter((s) => s !== '') : [];
  });
  return settledSlashOrder(halves) ?? known ?? 'mdy';
}

/**
 * A range cell's dates (yyyy-mm-dd; null for an open half): the year of a half written without one from
 * the other half, else from `reference`; a finish before its start is the next year's (12/20～1/10). Null
 * when the text is no range of dates. `columnOrder`: the column's (rangeOrder); without it, the cell's own.
 */
export function parseDateRange(text: string, reference: string, columnOrder?: SlashOrder): DateRange | null {
  const p = rangeParts(text);
  if (!p || (p.start === '' && p.finish === '')) return null;
  const order = columnOrder ?? slashOrder([p.start, p.finish]);
  const read = (s: string, ref: string) => (s === '' ? null : parseDateText(s, ref, order));
  const start = read(p.start, reference);
  if (start && !start.ok) return null;
  const finish = read(p.finish, start?.ok && !start.yearInferred ? start.iso : start?.ok ? start.iso : reference);
  if (finish && !finish.ok) return null;
  let s = start?.ok ? start.iso : null;
  let f = finish?.ok ? finish.iso : null;
  // A start without a year takes the finish's where only the finish has one (4/1～2025/4/15).
  if (start?.ok && start.yearInferred && finish?.ok && !finish.yearInferred) {
    const again = parseDateText(p.start, f!, order);
    if (again.ok) s = again.iso;
  }
  if (s !== null && f !== null && f < s && finish?.ok && finish.yearInferred) f = `${Number(f.slice(0, 4)) + 1}${f.slice(4)}`;
  return { start: s, finish: f };
}

/** The key a range compares by (the same dates, whatever their form): `start～finish` in ISO, '' for an open half. */
export const rangeKey = (r: DateRange) => `${r.start ?? ''}～${r.finish ?? ''}`;

/**
 * How a column of range cells writes a range: its separator and its dates' form, learned from its cells
 * (4/1～4/15 → 5/7～5/20; 2025/04/01-2025/04/15 → 2025/05/07-2025/05/20); yyyy/mm/dd～yyyy/mm/dd where none tells.
 */
export function rangeWriter(texts: readonly string[], reference: string, order: SlashOrder): (r: DateRange) => string {
  const parts = texts.map(rangeParts).filter((p): p is NonNullable<typeof p> => p !== null);
  const separator = parts[0]?.separator ?? '～';
  const halves = parts.flatMap((p) => [p.start, p.finish]).filter((s) => s !== '');
  const style = dateTextStyle(halves, order, undefined, reference);
  const date = (iso: string | null) => (iso === null ? '' : style ? style(iso) : iso.replaceAll('-', '/'));
  return (r) => `${date(r.start)}${separator}${date(r.finish)}`;
}
