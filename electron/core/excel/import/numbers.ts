// Numbers as client workbooks write them → plain numbers. Pure functions.
import type { Cell } from '../../../common/excel/model.js';
import { failure, type Failure } from '../../../common/excel/problems.js';
import type { EffortUnit } from '../../../common/excel/preview.js';

/**
 * Text that spells a number: full-width digits (１２３), thousands separators (1,250), a sign, a
 * decimal point, an optional % / ％ (then `percent` is true) and an optional unit word after it.
 */
export function parseNumberText(input: string): { value: number; percent: boolean; unit: string } | null {
  const s = input.normalize('NFKC').trim().replace(/[\s\u3000]+/g, ' ');
  const m = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*(%?)\s*([^\d\s%.,].{0,11})?$/u.exec(s);
  if (!m || (m[2] === '' && m[3] === undefined)) return null;
  const value = Number(`${m[1] === '' ? '' : '-'}${(m[2] ?? '').replaceAll(',', '') || '0'}${m[3] ?? ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, percent: m[4] === '%', unit: (m[5] ?? '').trim().toLowerCase() };
}

/** A number format shows the value as a percentage ('0%', '0.0%'), outside quoted text. */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // (The last format asked, answered again: a column of figures shows one format down every row.)
  if (fmt !== lastFormat) {
    lastFormat = fmt;
    lastPercent = fmt.replace(/"[^"]*"|\\./g, '').includes('%');
  }
  return lastPercent;
}
let lastFormat = '';
let lastPercent = false;

// ---------------------------------------------------------------- progress

/**
 * How a progress column writes its numbers: 'fraction' (0–1, as a cell formatted 0% holds 50 %) or
 * 'percent' (0–100). Decided once per column: any plain number above 1 makes it 'percent'; otherwise
 * 'fraction' — a column of only 0 and 1 then reads as 0 % and 100 %, the likelier meaning. Cells
 * formatted as % and text with a % sign say what they are and do not vote.
 */
export type ProgressScale = 'fraction' | 'percent';

export function progressScale(cells: Iterable<Cell>): ProgressScale {
  for (const cell of cells) {
    if (cell.t === 'n' && !isPercentFormat(cell.fmt) && (cell.v as number) > 1) return 'percent';
    if (cell.t === 's') {
      const n = parseNumberText(cell.v as string);
      if (n && !n.percent && n.unit === '' && n.value > 1) return 'percent';
    }
  }
  return 'fraction';
}

export type Parsed<T> = { ok: true; value: T } | Failure;

const PROGRESS_WORDS: Record<string, number> = { 完了: 100, 済: 100, 済み: 100, done: 100, complete: 100, completed: 100, 未着手: 0 };

/** A progress cell → a whole percentage 0–100 (null when empty). */
export function parseProgress(cell: Cell, scale: ProgressScale): Parsed<number | null> {
  let pct: number;
  if (cell.t === 'n') pct = isPercentFormat(cell.fmt) || scale === 'fraction' ? (cell.v as number) * 100 : (cell.v as number);
  else if (cell.t === 's') {
    const text = (cell.v as string).trim();
    if (text === '' || text === '-' || text === '－' || text === 'ー') return { ok: true, value: null };
    const word = PROGRESS_WORDS[text.normalize('NFKC').toLowerCase()];
    if (word !== undefined) return { ok: true, value: word };
    const n = parseNumberText(text);
    if (!n || n.unit !== '') return failure('notProgress', { value: text }, `${text} is not a progress 0–100 %`);
    pct = n.percent || scale === 'percent' ? n.value : n.value * 100;
  } else return failure('notProgress', { value: String(cell.v) }, `${String(cell.v)} is not a progress 0–100 %`);
  const rounded = Math.round(pct * 1e6) / 1e6;
  if (!(rounded >= 0 && rounded <= 100)) return failure('notProgress', { value: `${trim(pct)} %` }, `${trim(pct)} % is not a progress 0–100 %`);
  return { ok: true, value: Math.round(rounded) };
}

// ---------------------------------------------------------------- effort

export const HOURS_PER_DAY = 8;
export const DAYS_PER_MONTH = 20;

/**
 * Whether a header names a unit of work — people's time: 人日, 人時, 人月, man-days, person-hours, Hours, 時間,
 * (h) — as an effort column's does (見込み時間, Man-days), not a count of days a task lasts (日数, Days).
 */
export function namesWorkUnit(header: string): boolean {
  return /人日|人時|人月|時間|man[\s-]?(?:days?|hours?|months?)|person[\s-]?(?:days?|hours?|months?)|\bhours?\b|\bhrs?\b|\(h\)|\[h\]|（h）/.test(header.normalize('NFKC').toLowerCase());
}

/** The unit a column header names: 工数(h), 予定時間, Hours → hour; 人月 → month; else day. */
export function effortUnitOf(header: string): EffortUnit {
  const s = header.normalize('NFKC').toLowerCase();
  if (/人月|man[\s-]?months?|person[\s-]?months?|\(mm\)/.test(s)) return 'month';
  if (/人時|時間|\(h\)|\bhours?\b|\bhrs?\b|\[h\]/.test(s)) return 'hour';
  return 'day';
}

function unitOfWord(word: string): EffortUnit | null {
  if (word === '') return null;
  if (/^(人日|日|d|days?|md|pd|man[\s-]?days?|person[\s-]?days?)$/.test(word)) return 'day';
  if (/^(h|hr|hrs|hours?|時間|人時|mh)$/.test(word)) return 'hour';
  if (/^(人月|mm|man[\s-]?months?|person[\s-]?months?)$/.test(word)) return 'month';
  return null;
}

/** Seconds in a person-day (Jira's estimates in a CSV export are seconds: 28800 = 8 hours = 1 day). */
export const SECONDS_PER_DAY = HOURS_PER_DAY * 3600;

/** A person-day effort in `unit` (the export writes it in the column's unit). */
export function daysIn(days: number, unit: EffortUnit): number {
  return unit === 'hour' ? days * HOURS_PER_DAY : unit === 'month' ? days / DAYS_PER_MONTH : unit === 'second' ? days * SECONDS_PER_DAY : days;
}

function toDays(v: number, unit: EffortUnit): number {
  const d = unit === 'hour' ? v / HOURS_PER_DAY : unit === 'month' ? v * DAYS_PER_MONTH : unit === 'second' ? v / SECONDS_PER_DAY : v;
  return Math.round(d * 10_000) / 10_000;
}

/** An effort cell → person-days ≥ 0 (null when empty). A unit in the text (8h, 1.5人日) wins over the column's. */
export function parseEffort(cell: Cell, columnUnit: EffortUnit): Parsed<number | null> {
  let value: number;
  let unit = columnUnit;
  if (cell.t === 'n') value = cell.v as number;
  else if (cell.t === 's') {
    const text = (cell.v as string).trim();
    if (text === '' || text === '-' || text === '－') return { ok: true, value: null };
    const spelled = durationText(text);
    if (spelled !== null) return { ok: true, value: Math.round(spelled * 10_000) / 10_000 };
    const n = parseNumberText(text);
    const u = n ? unitOfWord(n.unit) : null;
    if (!n || n.percent || (n.unit !== '' && u === null)) return failure('notEffort', { value: text }, `${text} is not an effort (a number of person-days)`);
    value = n.value;
    unit = u ?? columnUnit;
  } else return failure('notEffort', { value: String(cell.v) }, `${String(cell.v)} is not an effort (a number of person-days)`);
  if (!(value >= 0) || value > 1e6) return failure('notEffort', { value: trim(value) }, `${trim(value)} is not an effort (a number of person-days)`);
  return { ok: true, value: toDays(value, unit) };
}

/**
 * Effort spelled in parts as Jira and time trackers write it — 1d 4h, 3w 2d, 4h 30m, 1日4時間, 2週 — in
 * person-days (a week of 5 days, a day of 8 hours, as Jira counts them); null for any other text. Two
 * parts at least, or one in weeks (a single 4h or 1.5d is a number with its unit, read as such).
 */
export function durationText(text: string): number | null {
  const s = text.normalize('NFKC').trim().toLowerCase();
  const m = /^(?:(\d+(?:\.\d+)?)\s*(?:w|wk|wks|weeks?|週間?)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:d|days?|日)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?|時間)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:m|mins?|minutes?|分)\s*)?$/.exec(s);
  if (!m || s === '') return null;
  const parts = [m[1], m[2], m[3], m[4]].filter((x) => x !== undefined).length;
  if (parts === 0 || (parts === 1 && m[1] === undefined)) return null;
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x));
  return n(m[1]) * 5 + n(m[2]) + n(m[3]) / HOURS_PER_DAY + n(m[4]) / (HOURS_PER_DAY * 60);
}

function trim(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
