// Dates written as bare Excel serials: whole numbers in General format (46605), as a system extract (SAP,
// a ticketing export) leaves them (issue 11; blind set 15, F2: a change log's Date of 46xxx was kept as the
// client's own, no date field offered). A number alone says nothing — 46605 may be a cost in baht — so a
// column's numbers are dates only where something else says so: its header reads as a date (Date, 日付,
// 〜日, Logged On), or a column beside it holds dates and the numbers fall among them. Pure.
import type { Cell } from '../../../common/excel/model.js';
import { isDateLabel } from './synonyms.js';

/** Serials of 1982-02-18 … 2064-04-08: the days a register's records are dated, as a bare number. */
export const SERIAL_MIN = 30_000;
export const SERIAL_MAX = 60_000;
/** How far (days) a column's serials may lie from the dates of the column beside it: two years either way. */
const BESIDE_DAYS = 730;

/** The serials a column's bare whole numbers may be read as dates within; null: none. */
export interface SerialRange {
  lo: number;
  hi: number;
}

/** A cell holding a real date: a date cell, or a number with a date format. */
const DATE_FORMAT = /(?:^|[^"\\])[ymd]/i;
export const isDateCell = (c: Cell) => c.t === 'd' || (c.t === 'n' && !!c.fmt && DATE_FORMAT.test(c.fmt.replace(/\[[^\]]*\]/g, '')));

/** A bare whole number: a General-format number with no fraction. */
export const isBareWhole = (c: Cell) => c.t === 'n' && !(c.fmt && DATE_FORMAT.test(c.fmt.replace(/\[[^\]]*\]/g, ''))) && Number.isInteger(c.v as number);

/**
 * The serials a column's bare numbers read as dates within: the whole serial range under a header that
 * reads as a date, else the span of the real dates in the columns beside it (two years either way), else
 * null. `beside` is the cells of the columns left and right of it.
 */
export function serialRange(label: string, beside: readonly (readonly (Cell | undefined)[])[]): SerialRange | null {
  if (label.trim() !== '' && isDateLabel(label)) return { lo: SERIAL_MIN, hi: SERIAL_MAX };
  const days = beside.flatMap((cells) => cells.flatMap((c) => (c && isDateCell(c) ? [c.v as number] : [])));
  if (days.length < 2) return null;
  const lo = Math.max(SERIAL_MIN, Math.min(...days) - BESIDE_DAYS);
  const hi = Math.min(SERIAL_MAX, Math.max(...days) + BESIDE_DAYS);
  return lo <= hi ? { lo, hi } : null;
}

/**
 * Whether a cell is a bare serial inside `range`: a value typed or pasted in, not a formula's result (a
 * hidden helper column's =D5+14 in General format is the client's calculation, not a date it keeps).
 */
export function isSerialIn(c: Cell, range: SerialRange | null | undefined): boolean {
  return !!range && !c.f && isBareWhole(c) && (c.v as number) >= range.lo && (c.v as number) <= range.hi;
}
