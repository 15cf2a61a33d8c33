// The fiscal year (年度) a plan states: 2025年度, 令和7年度, R7年度, FY2025 in its title or its sheet's name.
// A Japanese 年度 runs April to March, so a date written without a year (3月13日 under 「2025年度 教育・研修
// 計画表」) is April–December of that year or January–March of the next (blind set 9, C3: 3月13日 and 2月6日
// of the 第4四半期 were read in 2025). Pure.
//
// An English FY is not a 年度: a US federal FY2025 runs October 2024 – September 2025 (named for the year it
// ends in), a UK FY2025/26 April – March, a company's may run on any month. An English FY is read only where
// the sheet says which: the months it runs (Oct–Sep, April 2025 – March 2026, 10月～9月), the US federal
// government (Federal, Agency, U.S. Department), a UK year written over two (2025/26), or a Japanese table
// (FY2025 over 作業名 | 開始日 is the 年度). Else it is no stated year, and the dates' year is read from the
// other dates or asked, never guessed as April – March.
import type { SheetIndex } from './sheet-index.js';
import { eraYear } from '../../../common/excel/client-dates.js';

/** How far above the header a title block's fiscal year may sit (date-above.ts reads as far). */
const ROWS_ABOVE = 20;

const WESTERN = /(?<!\d)(\d{4})\s*年度/gu;
const ERA = /(令和|平成|(?<![A-Za-z])[RH])\s*(元|\d{1,2})\s*年度/gu;
/** FY2025, FY25, Fiscal Year 2025, FY 2025/26, FY25-26 (the second year of a UK year over two). */
const FY = /(?<![A-Za-z])(?:FY|fiscal\s+year)\s*['’:]?\s*(\d{4}|\d{2})(?:\s*[/\-–]\s*(\d{4}|\d{2}))?(?!\d)/giu;

/** A fiscal year: its first calendar year and the month (1–12) it starts in. */
export interface FiscalYear {
  year: number;
  start: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month written out: an English name or its start (Oct, October, Sept), or 10月. */
const MONTH = String.raw`(?:(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?|(\d{1,2})\s*月)`;
/** The months a fiscal year runs, first to last (Oct–Sep, 1 October 2024 – 30 September 2025, 10月～9月). */
const RUNS = new RegExp(String.raw`(?<![a-z])(?:\d{1,2}\s+)?${MONTH}(?:\s*\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s*(\d{4})\s*年?)?\s*(?:[-–—~～〜]|to|through|thru)\s*(?:\d{1,2}\s+)?${MONTH}`, 'iu');
/** The US federal government, whose fiscal year runs October – September and is named for the year it ends. */
const FEDERAL = /\bfederal\b|\bu\.?\s?s\.?\s+(?:government|department|dept)|\busg\b|\bagency\b|\bdepartment of\b/i;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const monthOf = (name: string | undefined, digits: string | undefined): number | null => {
  if (digits !== undefined) return Number(digits) >= 1 && Number(digits) <= 12 ? Number(digits) : null;
  const k = MONTHS.indexOf(name!.slice(0, 3).toLowerCase());
  return k >= 0 ? k + 1 : null;
};

/**
 * The month a text says its fiscal year starts in: the first of the months it runs (Oct–Sep), or October
 * for the US federal year; with the calendar year it starts in where the text writes it (October 2024 –).
 */
function startOf(text: string): { start: number; firstYear: number | null } | null {
  const runs = RUNS.exec(text);
  if (runs) {
    const [from, to] = [monthOf(runs[1], runs[2]), monthOf(runs[4], runs[5])];
    // A year runs twelve months: the last is the one before the first (Apr–Mar, Oct–Sep).
    if (from !== null && to !== null && (from + 10) % 12 === to - 1) return { start: from, firstYear: runs[3] ? Number(runs[3]) : null };
  }
  return FEDERAL.test(text) ? { start: 10, firstYear: null } : null;
}

/**
 * Every fiscal year a text names: a 年度 (2025年度 / 令和7年度) April – March; an FY where the text, or
 * `context` (the sheet's other title lines and its header), says which months it runs (see the top).
 */
export function fiscalYearsOf(text: string, context = ''): FiscalYear[] {
  const s = text.normalize('NFKC');
  const around = `${s} ${context.normalize('NFKC')}`;
  return [
    ...[...s.matchAll(WESTERN)].map((m) => ({ year: Number(m[1]), start: 4 })),
    ...[...s.matchAll(ERA)].map((m) => ({ year: eraYear(m[1]!, m[2] === '元' ? 1 : Number(m[2]))!, start: 4 })),
    ...[...s.matchAll(FY)].flatMap((m) => {
      const named = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
      const japanese = JAPANESE.test(around);
      const stated = startOf(around);
      // An English FY is named for the year it ends in (a US federal FY2025 started in October 2024), a
      // 年度 and a year over two (2025/26) for the year they start in; a year the text writes decides.
      if (stated) return [{ year: stated.firstYear ?? (m[2] === undefined && !japanese && stated.start > 1 ? named - 1 : named), start: stated.start }];
      if (m[2] !== undefined || japanese) return [{ year: named, start: 4 }];
      return [];
    }),
  ];
}

/**
 * The one fiscal year the sheet states in its name or in the rows above its header; null when it states
 * none, or more than one (2024年度実績 / 2025年度計画: which the dates are in is not said).
 */
export function fiscalYearAbove(ix: SheetIndex, headerTop: number, sheetName: string): FiscalYear | null {
  const texts = [sheetName];
  for (let r = Math.max(0, headerTop - ROWS_ABOVE); r <= headerTop; r++) for (const cell of ix.row(r)?.cells ?? []) if (cell.t === 's') texts.push(cell.v as string);
  // (The header row is context only: which language the table is written in, never a year of its own.)
  const header = (ix.row(headerTop)?.cells ?? []).filter((c) => c.t === 's').length;
  const context = texts.join(' ');
  const years = new Map<string, FiscalYear>();
  for (const t of texts.slice(0, texts.length - header)) for (const y of fiscalYearsOf(t, context)) years.set(`${y.year}-${y.start}`, y);
  return years.size === 1 ? [...years.values()][0]! : null;
}

/** The calendar year of month `month` in fiscal year `fy`: from its start month on, its first year; before it, the next. */
export function fiscalCalendarYear(fy: FiscalYear, month: number): number {
  return month >= fy.start ? fy.year : fy.year + 1;
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
export function fiscalYearOfRun(rows: readonly RowMonth[]): FiscalYear | null {
  if (rows.length < 3 || rows[0]!.month < 4 || !rows.some((r) => r.month <= 3)) return null;
  const place = (month: number) => (month + 8) % 12;
  for (let k = 1; k < rows.length; k++) if (place(rows[k]!.month) < place(rows[k - 1]!.month)) return null;
  const years = new Set(rows.flatMap((r) => (r.year === null ? [] : [r.month >= 4 ? r.year : r.year - 1])));
  return years.size === 1 ? { year: [...years][0]!, start: 4 } : null;
}
