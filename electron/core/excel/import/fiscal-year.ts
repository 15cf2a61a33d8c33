// The fiscal year (年度) a plan states: 2025年度, 令和7年度, R7年度, FY2025 in its title or its sheet's name.
// A Japanese 年度 runs April to March, so a date written without a year (3月13日 under 「2025年度 教育・研修
// 計画表」) is April–December of that year or January–March of the next (blind set 9, C3: 3月13日 and 2月6日
// of the 第4四半期 were read in 2025). Pure.
import type { SheetIndex } from './sheet-index.js';
import { eraYear } from '../../../common/excel/client-dates.js';

/** How far above the header a title block's fiscal year may sit (date-above.ts reads as far). */
const ROWS_ABOVE = 20;

const WESTERN = /(?<!\d)(\d{4})\s*年度/gu;
const ERA = /(令和|平成|(?<![A-Za-z])[RH])\s*(元|\d{1,2})\s*年度/gu;
const FY = /(?<![A-Za-z])FY\s*['’]?(\d{4}|\d{2})(?!\d)/giu;

/** Every fiscal year a text names (its first calendar year: 2025 for 2025年度 / 令和7年度 / FY2025 / FY25). */
export function fiscalYearsOf(text: string): number[] {
  const s = text.normalize('NFKC');
  return [
    ...[...s.matchAll(WESTERN)].map((m) => Number(m[1])),
    ...[...s.matchAll(ERA)].map((m) => eraYear(m[1]!, m[2] === '元' ? 1 : Number(m[2]))!),
    ...[...s.matchAll(FY)].map((m) => (m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]))),
  ];
}

/**
 * The one fiscal year the sheet states in its name or in the rows above its header; null when it states
 * none, or more than one (2024年度実績 / 2025年度計画: which the dates are in is not said).
 */
export function fiscalYearAbove(ix: SheetIndex, headerTop: number, sheetName: string): number | null {
  const years = new Set(fiscalYearsOf(sheetName));
  for (let r = Math.max(0, headerTop - ROWS_ABOVE); r < headerTop; r++)
    for (const cell of ix.row(r)?.cells ?? []) if (cell.t === 's') for (const y of fiscalYearsOf(cell.v as string)) years.add(y);
  return years.size === 1 ? [...years][0]! : null;
}

/** The calendar year of month `month` in fiscal year `fy` (April–March): April–December fy, January–March fy + 1. */
export function fiscalCalendarYear(fy: number, month: number): number {
  return month >= 4 ? fy : fy + 1;
}

/** A row's first date: its month, and its year where written (null for a date written without one). */
export interface RowMonth {
  month: number;
  year: number | null;
}

/**
 * The fiscal year a plan's rows run through where no title states one: their months, in sheet order, go
 * forward from April or later over the year end into January–March and never back (4, 5, 7, 10, 1, 2: a
 * 年度 plan by quarters; 10, 11, 12, 1 a plan over New Year), and the dates written with their year place
 * them in one such year. Null otherwise: rows that go back, stay in one calendar year, or have no year.
 */
export function fiscalYearOfRun(rows: readonly RowMonth[]): number | null {
  if (rows.length < 3 || rows[0]!.month < 4 || !rows.some((r) => r.month <= 3)) return null;
  const place = (month: number) => (month + 8) % 12;
  for (let k = 1; k < rows.length; k++) if (place(rows[k]!.month) < place(rows[k - 1]!.month)) return null;
  const years = new Set(rows.flatMap((r) => (r.year === null ? [] : [r.month >= 4 ? r.year : r.year - 1])));
  return years.size === 1 ? [...years][0]! : null;
}
