// Calendar dates: stored and sent as ISO yyyy-mm-dd, shown as yyyy/mm/dd.
import { parseDateText } from './excel/client-dates.js';

/** yyyy-mm-dd → yyyy/mm/dd; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.replaceAll('-', '/') : '';
}

// The full-width forms of ASCII (！ to ～), as Japanese IMEs type digits, separators and signs.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width characters (２０２５／４／１, １，２５０％) → ASCII, for parsing numbers and dates. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A date as a user types or pastes it → yyyy-mm-dd, or null when it is not a real calendar day. The
 * import's parser (excel/client-dates.ts), so a cell takes what a workbook may hold: 2025/4/1, 2025-04-01,
 * 2025年4月1日, 20250401, 和暦 (R7/4/1, 令和7年4月1日, 令和元年…), full-width digits, and a month and day
 * alone (4/1, 4月1日) in the year that puts it nearest to `reference` (today).
 */
export function parseDateInput(input: string, reference: string = localToday()): string | null {
  const r = parseDateText(input, reference);
  return r.ok ? r.iso : null;
}

/** This machine's calendar day (yyyy-mm-dd) — not UTC's, which is yesterday in Japan until 9:00. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An ISO timestamp in the viewer's local time as yyyy/mm/dd HH:MM. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
