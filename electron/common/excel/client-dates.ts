// Dates as client workbooks hold them → ISO yyyy-mm-dd. Pure functions.
//
// Accepted: Excel serials (1900 system with its phantom 29 Feb 1900, or 1904 system), text dates
// 2025/4/1, 2025-04-01, 2025.4.1, 2025年4月1日, 20250401, 2025-04-01T09:00:00, US 4/1/2025 (m/d/yyyy,
// as Excel in en-US writes it) and MS Project's Mon 4/7/25, UK 14/05/2025 (d/m/yyyy, where the
// column says so: see slashOrder), 和暦 R7.4.1 / R7/4/1 / 令和7年4月1日 / 令和元年5月1日 (also H, S, T and
// 平成, 昭和, 大正, and the ligatures ㍻ ㋿ …), full-width digits, a weekday (2025/4/1(火), Mon 4/7/25) or time,
// a month by name as trackers write it (02/Jun/25 09:15 AM, Jun 2, 2025, 2nd June 2025).
// Refused: a two-digit year (25/4/1 and 4/1/25 — is it 2025/4/1, 1 April '25 or 4 January '25? Japanese
// systems write yy/m/d), unless an English weekday leads the date as MS Project writes it (Mon 4/7/25:
// no yy/m/d has one) or the column's other cells settle the form (see shortYearForm), then Excel's
// reading: 00–29 are 2000–2029, 30–99 are 1930–1999; days that do not exist (2025/2/29).
//
// The year rule for dates written without one (4/1, 4月1日): the year that puts the date nearest to a
// reference date — the date above it in the same column, or for the first one, the import's reference
// day (today). So 12/20 followed by 1/10 crosses into the next year, as a schedule read top to bottom
// does, and a lone 4/1 in March means this April. Candidates are the reference year and the years
// either side; a 2/29 takes the nearest of those that has one.

import { ERAS, eraOf } from '../wareki.js';

const DAY_MS = 86_400_000;
/** Excel's largest date serial: 9999-12-31 in the 1900 system. */
export const MAX_SERIAL_1900 = 2_958_465;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 61 = 1900-03-01 counts from here
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * `yearInferred`: the text has no year (4/1); `weekdayFits`: it names a weekday (7/15(火), Tue 7/15)
 * and the year is the one nearest the reference in which the date falls on that weekday.
 */
export type DateParse = { ok: true; iso: string; yearInferred?: true; weekdayFits?: true } | { ok: false };

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Milliseconds at 00:00 UTC → yyyy-mm-dd (days → civil date, H. Hinnant's algorithm; no Date object). */
function iso(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** A real calendar day → ISO; null when it does not exist (2025/2/29, 4/31). */
export function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return iso(t);
}

/**
 * An Excel date serial → ISO day (a time of day is dropped). 1900 system: 1 = 1900-01-01, 60 is
 * Lotus's 29 Feb 1900 that never existed (null), 61 = 1900-03-01. 1904 system: 0 = 1904-01-01.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial + 1e-9);
  if (date1904) return day < 0 || day > MAX_SERIAL_1900 - 1462 ? null : dayIso(day + DAYS_1904);
  if (day < 1 || day === 60 || day > MAX_SERIAL_1900) return null;
  return dayIso(day < 60 ? day + 1 : day);
}

/** 1904's day 0 as a day counted from EPOCH_1900 (1462). */
const DAYS_1904 = (EPOCH_1904 - EPOCH_1900) / DAY_MS;
/**
 * Days since EPOCH_1900 → yyyy-mm-dd, each day's text made once: a table's date columns name the same few
 * hundred days row after row (400,000 date cells at 100,000 rows). Bounded: a file of every day there is
 * starts the memo again rather than growing it.
 */
const isoOfDay = new Map<number, string>();
function dayIso(day: number): string {
  let s = isoOfDay.get(day);
  if (s === undefined) {
    if (isoOfDay.size >= 20_000) isoOfDay.clear();
    s = iso(EPOCH_1900 + day * DAY_MS);
    isoOfDay.set(day, s);
  }
  return s;
}

/** ISO day → Excel serial (inverse of serialToIso). */
export function isoToSerial(isoDay: string, date1904 = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(t)) return null;
  if (date1904) return Math.round((t - EPOCH_1904) / DAY_MS);
  const n = Math.round((t - EPOCH_1900) / DAY_MS);
  return n < 61 ? n - 1 : n;
}

/** The Gregorian year of year `n` of an era named by its kanji or letter (令和 7, R 7 → 2025; 元 is 1), or null. */
export function eraYear(era: string, n: number): number | null {
  const e = ERAS.find((x) => x.name === era || x.letter === era.toUpperCase());
  return e === undefined ? null : e.year + n - 1;
}

const WEEKDAY = /\s*[(（]\s*(?:[日月火水木金土](?:曜日?)?|sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s*[)）]\s*$/i;
const TRAILING_WEEKDAY_WORD = /\s*[日月火水木金土]曜日?\s*$/;
const TRAILING_TIME = /(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}))?|\s+\d{1,2}時(?:\d{1,2}分)?)$/i;
/** An English weekday before the date, as MS Project writes one (Mon 4/7/25, Tue, 14/05/2025). */
const LEADING_WEEKDAY = /^(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** An English date text with the month by name and a year that reads as one (EN_NAMED_TEXT). */
function englishNamed(t: string): boolean {
  const m = EN_NAMED_TEXT.exec(t);
  return !!m && monthOf((m[3] ?? m[7])!.toLowerCase()) >= 0;
}

/** An English date text without a year that reads as one (EN_YEARLESS_TEXT; its month's name a month's). */
function englishYearless(t: string): boolean {
  const m = EN_YEARLESS_TEXT.exec(t);
  return !!m && (m[3] !== undefined || monthOf((m[5] ?? m[10])!.toLowerCase()) >= 0);
}

/** A month's English name or its start (Jun, June, Sept) → 0–11; −1 for other words (Junk). */
function monthOf(word: string): number {
  const k = MONTHS.indexOf(word.slice(0, 3));
  return k >= 0 && MONTH_NAMES[k]!.startsWith(word) ? k : word === 'sept' ? 8 : -1;
}
const YEAR_LAST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;

/**
 * A date written with its year last → its first two numbers and the year: 4/7/2025, 14/05/2025,
 * 14.05.2025, and a two-digit year only after an English weekday, with slashes (Mon 4/7/25): bare, 25/3/10
 * is a Japanese yy/m/d as often, and 1.2.3 a version or a WBS code.
 */
function yearLast(input: string, shortYear?: ShortYearForm): [number, number, number] | null {
  const m = YEAR_LAST.exec(bareDate(input));
  if (!m) return null;
  if (m[4]!.length === 2 && (m[2] !== '/' || (shortYear !== 'yearLast' && !LEADING_WEEKDAY.test(input.normalize('NFKC').trim().toLowerCase())))) return null;
  return [+m[1]!, +m[3]!, fullYear(m[4]!)];
}

/**
 * How a column writes a date with a two-digit year and no weekday, which alone is ambiguous (4/7/25:
 * 7 April 2025 as an en-US Excel writes it, or 2004/7/25 as a Japanese system writes yy/m/d):
 * 'yearLast' (in the column's slashOrder) or 'ymd'. Learned from the column's cells (shortYearForm).
 */
/**
 * How a column's bare short years read: year last (4/7/25), year first (25/4/7, 27.09.06), or 'reiwa': a 令和 year
 * first without its era letter (9.6.3 = 令和9年6月3日, as 自治体 staff write dates: blind set 17, I5); or
 * 'monthDay': a dotted pair is a month and day with no year (9.6 = 6 September: blind set 19, I1).
 */
export type ShortYearForm = 'yearLast' | 'ymd' | 'reiwa' | 'monthDay';

/** A date written as two or three numbers between dots, none of four digits: 27.09.06, 27.9.6, 9.9.6, 9.6. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?$/;
const DOTTED_TRIPLE = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;

/** Whether a text is a date written as dotted short numbers (27.9.6, 9.6), in some reading. */
export function isDotted(text: string): boolean {
  return DOTTED.test(bareDate(text));
}

/** The dotted readings of a triple: yy.m.d, 令和 y.m.d, and d.m.yy as Europe writes it (9.6.25 = 9 June 2025). */
type DottedTriple = 'ymd' | 'reiwa' | 'yearLast';
const TRIPLES: readonly DottedTriple[] = ['ymd', 'reiwa', 'yearLast'];

/** The day a dotted text is in one reading (27.9.6 as 'ymd' → 2027-09-06, as 'reiwa' → 2045-09-06, as 'yearLast' → 2006-09-27); null where it is none. */
function dottedDay(text: string, form: DottedTriple): string | null {
  const m = DOTTED.exec(bareDate(text));
  if (!m || m[3] === undefined) return null;
  if (form === 'ymd') return m[1]!.length === 2 ? ymd(fullYear(m[1]!), +m[2]!, +m[3]!) : null;
  if (form === 'yearLast') return m[3].length === 2 ? ymd(fullYear(m[3]), +m[2]!, +m[1]!) : null;
  return +m[1]! >= 1 && +m[1]! <= REIWA_YEARS ? ymd(eraYear('令和', +m[1]!)!, +m[2]!, +m[3]!) : null;
}
/** The 令和 years a year written without its era may be (the era is young: 令和30 is 2048). */
const REIWA_YEARS = 30;

/**
 * The readings in which every dotted text of a column is a day: 'ymd' (a two-digit western year first:
 * 27.09.06), 'reiwa' (9.9.6, 27.9.6 as 令和27), 'yearLast' (d.m.yy: 27.09.06 is also 27 September 2006; the
 * import never reads this one, it only makes the others doubtful) and 'monthDay' (9.6, no year). Empty where some dotted text
 * is a day in none, the column mixes pairs and triples, or no text is dotted; texts of other forms (a real
 * date, 2027.9.6) are read as ever and left out. A version (1.2) or an amount (3.5) is a day too (2 January,
 * 5 March): the caller asks what the column's header or sheet says before taking one.
 */
export function dottedForms(texts: Iterable<string>): ShortYearForm[] {
  let pairs = 0;
  let triples = 0;
  const fits = { ymd: true, reiwa: true, yearLast: true, monthDay: true };
  for (const text of texts) {
    const m = DOTTED.exec(bareDate(text));
    if (!m) continue;
    if (m[3] === undefined) {
      pairs++;
      fits.monthDay &&= ymd(2000, +m[1]!, +m[2]!) !== null;
    } else {
      triples++;
      for (const f of TRIPLES) fits[f] &&= dottedDay(text, f) !== null;
    }
  }
  if (pairs > 0 && triples > 0) return [];
  if (pairs > 0) return fits.monthDay ? ['monthDay'] : [];
  return triples > 0 ? TRIPLES.filter((f) => fits[f]) : [];
}

/**
 * Of a column's dotted readings (dottedForms), the one whose days all fall within CONTEXT_YEARS of
 * `center` (the table's other dates, the sheet's, the project's), where the others' do not: 27.9.6 beside
 * dates of 2027 is 2027, not 令和27 (2045) nor 27 September 2006. Undefined where none or several do.
 */
export function dottedFormByContext(texts: readonly string[], forms: readonly ShortYearForm[], center: string): ShortYearForm | undefined {
  const c = Date.parse(`${center.slice(0, 10)}T00:00:00Z`);
  const near = (form: DottedTriple) =>
    forms.includes(form) &&
    texts.every((t) => {
      if (!DOTTED.test(bareDate(t))) return true;
      const d = dottedDay(t, form);
      return d !== null && Math.abs(Date.parse(`${d}T00:00:00Z`) - c) <= CONTEXT_YEARS * 365.25 * DAY_MS;
    });
  const placed = TRIPLES.filter(near);
  return placed.length === 1 ? placed[0] : undefined;
}

/** The days a dotted triple could be where its column's reading is open (27.9.6 → 2027-09-06, 2045-09-06, 2006-09-27). */
export function dottedChoices(text: string): string[] {
  return [...new Set(TRIPLES.map((f) => dottedDay(text, f)).filter((x): x is string => x !== null))];
}

/**
 * The dotted form a note on the sheet names for its dates: 「日付は 西暦下2桁.月.日」, YY.MM.DD → 'ymd';
 * undefined where it names none. (A 令和 sheet is read by its era's name: cell-values.ts namesReiwa. A note
 * of 月.日 says nothing a column of pairs under a day's header does not: they are read as a month and day.)
 */
export function dottedFormNamed(note: string): ShortYearForm | undefined {
  const s = note.normalize('NFKC');
  return /西暦\s*(?:の\s*)?(?:下\s*)?(?:2|二)\s*桁|(?<![a-z])yy\s*\.\s*m{1,2}\s*\.\s*d{1,2}(?![a-z])/i.test(s) ? 'ymd' : undefined;
}

/** A date of three numbers between dots, the first one or two digits: 9.6.3, 09.06.03, 10.12.25 (y.m.d of an era). */
const BARE_ERA = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;

/** The day a bare-era text is in 令和 (9.6.3 → 2027-06-03); null when it is no such text or no day. */
function reiwaDay(text: string): string | null {
  const m = BARE_ERA.exec(bareDate(text));
  return m && +m[1]! >= 1 ? ymd(eraYear('令和', +m[1]!)!, +m[2]!, +m[3]!) : null;
}

/**
 * Whether a column's dotted y.m.d texts are 令和 dates written without the era: every such text a day in
 * 令和 (its year 1–30), and — unless `saidReiwa` (the sheet names 令和 in its title or notes) — the texts
 * no western date: some first number of one digit (no western year is) and some last of one digit (no
 * d.m.yy's year is: 9.6.25 may be 9 June 2025). False when the column has no such text.
 */
export function bareReiwa(texts: Iterable<string>, saidReiwa = false): boolean {
  let any = false;
  let shortFirst = false;
  let shortLast = false;
  for (const text of texts) {
    const m = BARE_ERA.exec(bareDate(text));
    if (!m) continue;
    if (+m[1]! > 30 || reiwaDay(text) === null) return false;
    any = true;
    shortFirst ||= m[1]!.length === 1;
    shortLast ||= m[3]!.length === 1;
  }
  return any && (saidReiwa || (shortFirst && shortLast));
}

/** A bare date of three one- or two-digit numbers between slashes (4/7/25, 25/4/7): a two-digit year somewhere. */
const SHORT_YEAR = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{1,2})$/;

/** The days a bare two-digit-year date can be, by form; null when the text is not one (it has a weekday, four digits…). */
function shortYearReadings(input: string): { yearLast: { mdy: string | null; dmy: string | null }; ymd: string | null } | null {
  const s = input.normalize('NFKC').trim().toLowerCase();
  if (LEADING_WEEKDAY.test(s)) return null;
  const m = SHORT_YEAR.exec(bareDate(input));
  if (!m || (m[1]!.length !== 2 && m[3]!.length !== 2)) return null;
  const [a, b, c] = [+m[1]!, +m[2]!, +m[3]!];
  const last = m[3]!.length === 2;
  return {
    yearLast: { mdy: last ? ymd(fullYear(m[3]!), a, b) : null, dmy: last ? ymd(fullYear(m[3]!), b, a) : null },
    ymd: m[1]!.length === 2 ? ymd(fullYear(m[1]!), b, c) : null,
  };
}

/**
 * The days a bare two-digit-year date could be where its column leaves the form open: year last in the
 * column's order, and yy/m/d (12/3/10 → 2010-12-03, 2012-03-10); empty when it is no such date or none
 * of its readings is a day.
 */
export function shortYearChoices(input: string, order: SlashOrder): string[] {
  const r = shortYearReadings(input);
  return r ? [...new Set([r.yearLast[order], r.ymd].filter((x): x is string => x !== null))] : [];
}

/**
 * The form of a column's two-digit-year dates, where its cells settle it: year last where some cell has
 * its four-digit year last (4/7/2025) or an English weekday (Mon 4/7/25), or is a day only year last
 * (4/15/25: no month 15); year first where some cell has its four-digit year first (2025/4/7) or is a day
 * only year first (25/4/31 read year last has no month 25 and no 31st of April… as m/d or d/m). Undefined
 * where nothing settles it, or the cells disagree: such a cell is kept as text, flagged, not guessed.
 */
export function shortYearForm(texts: Iterable<string>): ShortYearForm | undefined {
  const all = [...texts];
  if (bareReiwa(all)) return 'reiwa';
  texts = all;
  let last = false;
  let first = false;
  // Days written with four digits first (2027/09/22), apart: beside dotted triples they only place them.
  const fourFirst: string[] = [];
  let shortFirst = false;
  for (const text of texts) {
    const s = bareDate(text);
    if (/^\d{4}\s*[/\-.年]/.test(s)) {
      first = true;
      const p = parseDateText(text, '2000-01-01');
      if (p.ok) fourFirst.push(p.iso);
    } else if (yearLast(text)) last = true;
    const r = shortYearReadings(text);
    if (!r) continue;
    const asLast = r.yearLast.mdy !== null || r.yearLast.dmy !== null;
    if (asLast && r.ymd === null) last = true;
    if (!asLast && r.ymd !== null) first = shortFirst = true;
  }
  // A cell written in another form never decides how a column's dotted triples read (blind set 20, E1/I2: one
  // 2027/09/22 among 19.9.27, 10.10.27 settled them year first, 10.10.27 stored as 2010-10-27, silently): the
  // four-digit days settle year first only where they place the dotted cells so (2027.9.6 beside 27.9.10),
  // else the dotted cells are read as their own (dottedReading: placed, or asked).
  if (first && !last && !shortFirst && fourFirst.length > 0 && all.some((t) => DOTTED_TRIPLE.test(bareDate(t)))) {
    const center = fourFirst.sort()[Math.floor(fourFirst.length / 2)]!;
    if (dottedFormByContext(all, dottedForms(all), center) !== 'ymd') return undefined;
  }
  return last === first ? undefined : last ? 'yearLast' : 'ymd';
}

/** How many years from the table's other dates a reading of a column's two-digit years may fall (shortYearByContext). */
const CONTEXT_YEARS = 5;

/**
 * The form of a column's two-digit-year dates where its own cells leave it open (shortYearForm undefined),
 * decided by the day the table's other dates centre on (else the project's period, else today): the form
 * whose readings of every such cell all fall within CONTEXT_YEARS of it, where the other form's do not.
 * A yy/mm/dd column of 2025 (25/03/04 … 25/04/22) read dd/mm/yy would put its dates in 2004…2022, the year
 * being each cell's day: 2025 wins. Year last is read in `order` where the column settles it, else in
 * either order. Undefined where both forms fit, or neither: the cells stay asked about (dateAmbiguous).
 */
export function shortYearByContext(texts: Iterable<string>, center: string | (() => string), order?: SlashOrder): ShortYearForm | undefined {
  // (The centre is asked for only when the column has such a date: most date columns have none.)
  let c: number | undefined;
  const near = (d: string | null) => {
    c ??= Date.parse(`${(typeof center === 'string' ? center : center()).slice(0, 10)}T00:00:00Z`);
    return d !== null && Math.abs(Date.parse(`${d}T00:00:00Z`) - c) <= CONTEXT_YEARS * 365.25 * DAY_MS;
  };
  const fits = { ymd: true, mdy: true, dmy: true };
  let any = false;
  for (const text of texts) {
    const r = shortYearReadings(text);
    if (!r) continue;
    any = true;
    fits.ymd &&= near(r.ymd);
    fits.mdy &&= order !== 'dmy' && near(r.yearLast.mdy);
    fits.dmy &&= order !== 'mdy' && near(r.yearLast.dmy);
  }
  const last = fits.mdy || fits.dmy;
  return !any || last === fits.ymd ? undefined : last ? 'yearLast' : 'ymd';
}

/**
 * Which of the first two numbers of a date written year last is the month: 'mdy' (4/7/2025 is 7 April,
 * as Excel in en-US and MS Project write it) or 'dmy' (14/05/2025, as in the UK). A cell alone cannot
 * say; its column can (see slashOrder).
 */
export type SlashOrder = 'mdy' | 'dmy';

/** A date's text as dateParts reads it: full-width folded, lower case, weekday and time of day taken off. */
function bareDate(input: string): string {
  // NFKC folds full-width digits and separators and the era ligatures (㍻ → 平成, ㋿ → 令和).
  const s = input.normalize('NFKC').trim().toLowerCase();
  // A weekday before a time (7/15(火) 10:00) comes off once the time has.
  return s.replace(WEEKDAY, '').replace(TRAILING_WEEKDAY_WORD, '').replace(TRAILING_TIME, '').replace(WEEKDAY, '').replace(TRAILING_WEEKDAY_WORD, '').replace(LEADING_WEEKDAY, '').trim();
}

const JA_WEEKDAY_CHARS = '日月火水木金土';
const EN_WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The weekday a date's text names, 0 Sunday … 6 Saturday: 7/15(火), 7月15日（火曜日）, 7/15 火曜, 7/15 (Tue),
 * Tue 7/15, Tuesday, July 15; undefined where it names none.
 */
export function writtenWeekday(input: string): number | undefined {
  const s = input.normalize('NFKC').trim().toLowerCase().replace(TRAILING_TIME, '').trim();
  const ja = /[(]\s*([日月火水木金土])(?:曜日?)?\s*[)]$/.exec(s) ?? /\d\s*日?\s*([日月火水木金土])曜日?$/.exec(s);
  if (ja) return JA_WEEKDAY_CHARS.indexOf(ja[1]!);
  const en = /[(]\s*(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s*[)]$/.exec(s) ?? /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+/.exec(s);
  return en ? EN_WEEKDAY_KEYS.indexOf(en[1]!) : undefined;
}

/** How many years either side of the reference a weekday may place a date without a year. */
const WEEKDAY_YEARS = 6;

/**
 * The day a month and day written with a weekday and no year is: the year nearest `reference` in which
 * it falls on that weekday (7/15(火) is 2025-07-15: 2026-07-15 is a Wednesday). A date's weekday moves by
 * a day or two a year, so within a few years of the reference one year fits; null when none of the
 * years within WEEKDAY_YEARS does (the weekday is mistyped, or the day does not exist).
 */
export function weekdayYear(month: number, day: number, weekday: number, reference: string): string | null {
  const ref = Date.parse(`${reference.slice(0, 10)}T00:00:00Z`);
  const y0 = Number(reference.slice(0, 4));
  let best: string | null = null;
  let bestGap = Infinity;
  for (let y = y0 - WEEKDAY_YEARS; y <= y0 + WEEKDAY_YEARS; y++) {
    const d = ymd(y, month, day);
    if (d === null) continue;
    const t = Date.parse(`${d}T00:00:00Z`);
    if (new Date(t).getUTCDay() !== weekday) continue;
    const gap = Math.abs(t - ref);
    if (gap < bestGap) [best, bestGap] = [d, gap];
  }
  return best;
}

/** Excel's reading of a two-digit year: 00–29 → 2000–2029, 30–99 → 1930–1999. */
const fullYear = (digits: string) => (digits.length === 4 ? +digits : +digits < 30 ? 2000 + +digits : 1900 + +digits);

/**
 * The order of a column's dates written year last: day first where some date can only be read so
 * (14/05/2025) and none only month first (05/14/2025); otherwise month first, as before.
 */
export function slashOrder(texts: Iterable<string>, shortYear?: ShortYearForm): SlashOrder {
  return settledSlashOrder(texts, shortYear) ?? 'mdy';
}

/** The order a column's cells prove (a day over 12 in one place), or undefined where none does. */
export function settledSlashOrder(texts: Iterable<string>, shortYear?: ShortYearForm): SlashOrder | undefined {
  let dayFirst = false;
  for (const text of texts) {
    const parts = yearLast(text, shortYear);
    if (!parts) continue;
    const [a, b] = parts;
    if (b > 12 && a <= 12) return 'mdy';
    if (a > 12 && b <= 12) dayFirst = true;
  }
  return dayFirst ? 'dmy' : undefined;
}

/** The order a date cell's display format writes its day and month in (dd/mm/yyyy → dmy, m/d/yy → mdy); undefined for any other. */
export function formatSlashOrder(fmt: string | undefined): SlashOrder | undefined {
  const f = (fmt ?? '').toLowerCase().replace(/\[[^\]]*\]|"[^"]*"|\\./g, '');
  if (/d{1,2}\s*[/.-]\s*m{1,2}\s*[/.-]\s*y/.test(f)) return 'dmy';
  if (/m{1,2}\s*[/.-]\s*d{1,2}\s*[/.-]\s*y/.test(f)) return 'mdy';
  return undefined;
}

/**
 * The other reading of a date written year last whose day and month could each be either (02/04/2026:
 * 2 April or 4 February), as yyyy-mm-dd; null where the text is no such date or both readings are one day.
 */
export function otherOrderReading(text: string, order: SlashOrder, shortYear?: ShortYearForm): string | null {
  const parts = yearLast(text, shortYear);
  if (!parts) return null;
  const [a, b, y] = parts;
  if (a > 12 || b > 12 || a === b) return null;
  return order === 'dmy' ? ymd(y, a, b) : ymd(y, b, a);
}

/** Text → the parts of a date it spells; `y` undefined when it has no year. */
function dateParts(input: string, order: SlashOrder = 'mdy', shortYear?: ShortYearForm): { y?: number; m: number; d: number } | null {
  const s = bareDate(input);
  let m: RegExpExecArray | null;
  if (shortYear === 'ymd' && (m = /^(\d{2})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/.exec(s))) return { y: fullYear(m[1]!), m: +m[3]!, d: +m[4]! };
  if (shortYear === 'monthDay' && (m = DOTTED.exec(s)) && m[3] === undefined) return { m: +m[1]!, d: +m[2]! };
  if (shortYear === 'reiwa' && (m = BARE_ERA.exec(s)) && +m[1]! >= 1) return { y: eraYear('令和', +m[1]!)!, m: +m[2]!, d: +m[3]! };
  if ((m = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/.exec(s))) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(s))) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if ((m = /^(明治|大正|昭和|平成|令和|[mtshr])\s*(元|\d{1,2})\s*(?:年|[/\-.])\s*(\d{1,2})\s*(?:月|[/\-.])\s*(\d{1,2})\s*日?$/.exec(s))) {
    const n = m[2] === '元' ? 1 : +m[2]!;
    if (n < 1) return null;
    return { y: eraYear(m[1]!, n)!, m: +m[3]!, d: +m[4]! };
  }
  const last = yearLast(input, shortYear);
  if (last) {
    const [a, b, y] = last;
    return order === 'dmy' ? { y, m: b, d: a } : { y, m: a, d: b };
  }
  // A month by name: 2 Jun 2025, 2-Jun-2025, 02/Jun/25 (Jira's export, a two-digit year: with the month
  // named it cannot be a day or a month), 2nd June 2025, Jun 2, 2025, June 2nd 2025.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([a-z]{3,9})\.?[\s/,.-]+(\d{4}|\d{2})$/.exec(s))) {
    const mo = monthOf(m[2]!);
    return mo < 0 ? null : { y: fullYear(m[3]!), m: mo + 1, d: +m[1]! };
  }
  if ((m = /^([a-z]{3,9})\.?[\s/-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s/-]+(\d{4})$/.exec(s))) {
    const mo = monthOf(m[1]!);
    return mo < 0 ? null : { y: +m[3]!, m: mo + 1, d: +m[2]! };
  }
  // Without a year, the month by name: Jul 15, July 15th, 15 Jul, 15-Jul (Excel's d-mmm). (Not Jul-15:
  // Excel's mmm-yy writes July 2015 so.)
  if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(s))) {
    const mo = monthOf(m[1]!);
    return mo < 0 ? null : { m: mo + 1, d: +m[2]! };
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+|\s*-\s*)([a-z]{3,9})\.?$/.exec(s))) {
    const mo = monthOf(m[2]!);
    return mo < 0 ? null : { m: mo + 1, d: +m[1]! };
  }
  if ((m = /^(\d{1,2})\s*\/\s*(\d{1,2})$/.exec(s))) return { m: +m[1]!, d: +m[2]! };
  if ((m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(s))) return { m: +m[1]!, d: +m[2]! };
  return periodParts(s);
}

/** Days in a month (February 28: a period's end written without a year is read in any year). */
function monthDays(y: number | undefined, m: number): number {
  if (m === 2) return y !== undefined && isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// Words around a period a person adds (7月末まで, 8月上旬頃, by end of Aug, 9月末予定): they change nothing.
const PERIOD_TAIL = /\s*(?:まで|迄|頃|ごろ|予定|目途|目処|めど|中に|をめど|を目途|には)+$/u;
const PERIOD_HEAD = /^(?:by|before|due|until|til|till)\s+/;
// The part of a month a period names → the day it ends on (上旬 the 10th, 中旬 the 20th, 下旬 and 末 the last).
const JA_PART: Record<string, number | 'end'> = { 上旬: 10, 初旬: 10, 前半: 15, 中旬: 20, 後半: 'end', 下旬: 'end', 末: 'end', 末日: 'end', 中: 'end', e: 'end' };
const EN_PART: Record<string, number | 'end'> = { early: 10, beginning: 10, start: 10, mid: 20, middle: 20, late: 'end', end: 'end' };

/**
 * A period a person reads as a due date, as its last day: 7月末 / 7月末日 / 8月上旬・中旬・下旬 / 7月中 /
 * 2025年7月末 / 9/E / 9月E (the 10th, 20th, last day), end of Aug / end-August / Aug end / mid Aug / early Aug,
 * w/c 14 Jul (week commencing: its Friday), w/e 18 Jul (week ending: that day), Q3 / Q3 2025 / 3Q2025 (a
 * calendar quarter's last day). 月末 alone, ASAP, 来週中, TBC, EOW name no day and stay words. `period` marks the reading.
 */
function periodParts(s0: string): { y?: number; m: number; d: number; period: true } | null {
  const s = s0.replace(PERIOD_TAIL, '').replace(PERIOD_HEAD, '').trim();
  let m: RegExpExecArray | null;
  const at = (y: number | undefined, mo: number, part: number | 'end') => (mo < 1 || mo > 12 ? null : { ...(y !== undefined && { y }), m: mo, d: part === 'end' ? monthDays(y, mo) : part, period: true as const });
  // 7月末, 2025年7月下旬, 9/E, 9月E, 7月中
  if ((m = /^(?:(\d{4})\s*[年/.-]\s*)?(\d{1,2})\s*(?:月\s*|\/\s*)(上旬|初旬|前半|中旬|後半|下旬|末日|末|中|e)$/.exec(s))) return at(m[1] ? +m[1] : undefined, +m[2]!, JA_PART[m[3]!]!);
  // end of Aug, end-August, end Aug 2025, mid Aug, early September, Aug end
  if ((m = /^(early|beginning|start|mid|middle|late|end)(?:\s+of)?[\s-]+([a-z]{3,9})\.?(?:[\s,]+(\d{4}))?$/.exec(s))) {
    const mo = monthOf(m[2]!);
    return mo < 0 ? null : at(m[3] ? +m[3] : undefined, mo + 1, EN_PART[m[1]!]!);
  }
  if ((m = /^([a-z]{3,9})\.?[\s-]+(end|mid|early|late)(?:[\s,]+(\d{4}))?$/.exec(s))) {
    const mo = monthOf(m[1]!);
    return mo < 0 ? null : at(m[3] ? +m[3] : undefined, mo + 1, EN_PART[m[2]!]!);
  }
  // w/c 14 Jul, w/c 14/7, wc 14 July, week commencing 14 Jul, w/b 14 Jul: that week's Friday; w/e 18 Jul: that day.
  if ((m = /^(w\/?c|w\/?b|w\/?e|week\s+(?:commencing|beginning|starting|ending)|wk\s+(?:commencing|beginning|ending))\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+|\s*[/-]\s*)([a-z]{3,9}|\d{1,2})\.?(?:[\s,/-]+(\d{4}))?$/.exec(s))) {
    const mo = /^\d+$/.test(m[3]!) ? +m[3]! - 1 : monthOf(m[3]!);
    if (mo < 0 || mo > 11) return null;
    const ending = /e(nding)?$/.test(m[1]!) || m[1] === 'we' || m[1] === 'w/e';
    const y = m[4] ? +m[4] : undefined;
    // Four days on (Monday → Friday), counted in the year given, else in a common year.
    const day = new Date(Date.UTC(y ?? 2001, mo, +m[2]! + (ending ? 0 : 4)));
    if (+m[2]! > monthDays(y, mo + 1)) return null;
    return { ...(y !== undefined && { y }), m: day.getUTCMonth() + 1, d: day.getUTCDate(), period: true };
  }
  // Q3, Q3 2025, 2025 Q3, Q3/2025: a calendar quarter (Q3 FY2025 is left alone: a fiscal year starts where the client says).
  // (Not 3Q / 第3四半期: in a Japanese sheet the quarter is often the fiscal year's, which starts in April.)
  if ((m = /^(?:(\d{4})\s*)?q([1-4])(?:[\s/-]*(\d{4}))?$/.exec(s))) {
    const y = m[1] ? +m[1] : m[3] ? +m[3] : undefined;
    return at(y, +m[2]! * 3, 'end');
  }
  return null;
}

/** Whether a date's text names a period read as its last day (7月末, 8月上旬, w/c 14 Jul, Q3). */
export function isPeriodDate(text: string): boolean {
  return periodParts(bareDate(text)) !== null;
}

/**
 * Whether a text is shaped like a date (numbers for a year, month and day, or a month and day: 2025年4月31日,
 * R7.4.31, 4月31日), even one that does not exist. Such a text that does not read is a mistyped date, to
 * be named; words where a date goes (6月末, 来週中, after UAT) are something else.
 */
export function looksLikeDate(text: string): boolean {
  const s = text.normalize('NFKC');
  return (
    /\d{1,4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}/.test(s) ||
    /\d{1,2}\s*月\s*\d{1,2}\s*日/.test(s) ||
    /^\s*(?:明治|大正|昭和|平成|令和|[mtshr])\s*(?:元|\d{1,2})\s*[年/.-]/i.test(s)
  );
}

/** The year for a month and day written without one: nearest to `reference` (see the header). */
export function nearestYear(month: number, day: number, reference: string): string | null {
  const ref = Date.parse(`${reference.slice(0, 10)}T00:00:00Z`);
  const y0 = Number(reference.slice(0, 4));
  let best: string | null = null;
  let bestGap = Infinity;
  for (const y of [y0 - 1, y0, y0 + 1]) {
    const d = ymd(y, month, day);
    if (d === null) continue;
    const gap = Math.abs(Date.parse(`${d}T00:00:00Z`) - ref);
    if (gap < bestGap) [best, bestGap] = [d, gap];
  }
  return best;
}

/** A month and day as a place on the year's circle: days since 1 January of a leap year (0–365). */
function circlePlace(month: number, day: number): number {
  return (Date.UTC(2000, month - 1, day) - Date.UTC(2000, 0, 1)) / DAY_MS;
}

/** Days between two dates a person writes in one stretch without a year (12/28 … 1/5): under two months. */
const STRETCH_GAP = 61;

/**
 * The years of a table's dates written without one where nothing in the file dates them (no dated
 * cell in their rows or columns): one stretch of time shorter than a year. The nearest-year rule cuts
 * the year's circle half a year from the reference; where that cut falls between dates less than two
 * months apart (12/28 and 1/5 read against a day in early July), it splits one stretch in two and reads
 * it backwards. Then the cut goes into the largest gap between the dates instead, and the stretch is
 * placed nearest the reference (a tie: the earlier place). Null where the nearest rule splits nothing
 * (it stands as it is). With `startYear` (the user's choice) the stretch, cut where it was shown, starts
 * in that year.
 */
export function yearsOfStretch(
  days: readonly { m: number; d: number }[],
  reference: string,
  startYear?: number,
): { year(month: number, day: number): number; start: number; span: boolean } | null {
  const places = [...new Set(days.map((x) => circlePlace(x.m, x.d)))].sort((a, b) => a - b);
  const n = places.length;
  if (n === 0 || (n === 1 && startYear === undefined)) return null;
  const gap = (k: number) => (places[(k + 1) % n]! - places[k]! + 366) % 366 || 366;
  const refPlace = circlePlace(Number(reference.slice(5, 7)), Number(reference.slice(8, 10)));
  const cut = (refPlace + 183) % 366;
  // The gap the nearest rule cuts in (none when the cut falls on a date: that splits too).
  let cutIn = -1;
  for (let k = 0; k < n; k++) {
    const into = (cut - places[k]! + 366) % 366;
    if (into > 0 && into < gap(k)) cutIn = k;
  }
  const splits = cutIn < 0 || gap(cutIn) < STRETCH_GAP;
  if (!splits && startYear === undefined) return null;
  let widest = 0;
  for (let k = 1; k < n; k++) if (gap(k) > gap(widest)) widest = k;
  const before = splits ? widest : cutIn;
  const first = places[(before + 1) % n]!;
  const last = places[before]!;
  const offset = (place: number) => (place >= first ? 0 : 1);
  const at = (y: number, place: number) => Date.UTC(y, 0, 1) + place * DAY_MS - (place > 59 && !isLeap(y) ? DAY_MS : 0);
  let start = startYear ?? 0;
  if (startYear === undefined) {
    const ref = Date.parse(`${reference.slice(0, 10)}T00:00:00Z`);
    const y0 = Number(reference.slice(0, 4));
    let best = Infinity;
    for (const y of [y0 - 1, y0, y0 + 1]) {
      const from = at(y, first);
      const to = at(y + offset(last), last);
      const away = ref < from ? from - ref : ref > to ? ref - to : 0;
      if (away < best) [best, start] = [away, y];
    }
  }
  return { year: (month, day) => start + offset(circlePlace(month, day)), start, span: offset(last) === 1 };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// A calendar week as clients write one (blind set 11, C6: left empty): KW 17 (German Kalenderwoche), CW17,
// W17, Wk 17, Week 17, 第17週, each perhaps with its year (KW 17/2025, 2025年第17週), and ISO 8601's 2025-W17.
const WEEK_WITH_YEAR_FIRST = /^(\d{4})\s*-?\s*w(\d{1,2})$/;
const WEEK_WORD = /^(?:kw|cw|wk|w|week|woche)\.?\s*(\d{1,2})(?:\s*[/,.\-]?\s*(\d{4}))?$/;
const WEEK_JA = /^(?:(\d{4})\s*年\s*(?:度\s*)?)?第\s*(\d{1,2})\s*週(?:目)?$/;

/** A calendar week's number and the year it names (none when written without one), or null. */
export function weekOfText(input: string): { year?: number; week: number } | null {
  const s = bareDate(input).replace(PERIOD_TAIL, '').replace(PERIOD_HEAD, '').trim();
  let m: RegExpExecArray | null;
  if ((m = WEEK_WITH_YEAR_FIRST.exec(s))) return { year: +m[1]!, week: +m[2]! };
  if ((m = WEEK_WORD.exec(s))) return { ...(m[2] !== undefined && { year: +m[2] }), week: +m[1]! };
  if ((m = WEEK_JA.exec(s))) return { ...(m[1] !== undefined && { year: +m[1] }), week: +m[2]! };
  return null;
}

/** The Monday of an ISO week (the week holding the year's 4 January is its first), as ms; null past the year's last week. */
function isoWeekMonday(year: number, week: number): number | null {
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  // 28 December always lies in the year's last week: its week number is the count of weeks.
  const weeks = Math.floor((Date.UTC(year, 11, 28) - monday1) / DAY_MS / 7) + 1;
  return week < 1 || week > weeks ? null : monday1 + (week - 1) * 7 * DAY_MS;
}

/** A week's Friday (the day a due or finish date written as a week is read as), in the year named or nearest `reference`. */
function weekFriday(w: { year?: number; week: number }, reference: string): DateParse {
  const friday = (y: number) => {
    const monday = isoWeekMonday(y, w.week);
    return monday === null ? null : monday + 4 * DAY_MS;
  };
  if (w.year !== undefined) {
    const day = friday(w.year);
    return day === null ? { ok: false } : { ok: true, iso: iso(day) };
  }
  const ref = Date.parse(`${reference.slice(0, 10)}T00:00:00Z`);
  const y0 = Number(reference.slice(0, 4));
  let best: number | null = null;
  for (const y of [y0 - 1, y0, y0 + 1]) {
    const day = friday(y);
    if (day !== null && (best === null || Math.abs(day - ref) < Math.abs(best - ref))) best = day;
  }
  return best === null ? { ok: false } : { ok: true, iso: iso(best), yearInferred: true };
}

/** A start date written as a week (KW 17) is its Monday: the Friday it reads as, four days back; else the date as read. */
export function weekStartDay(input: string, read: string): string {
  return weekOfText(input) === null ? read : iso(Date.parse(`${read}T00:00:00Z`) - 4 * DAY_MS);
}

/**
 * A date written as text → ISO; `reference` (yyyy-mm-dd) settles the year of 4/1 and 4月1日, `order`
 * whether 4/7/2025 is 7 April (the default) or 4 July (the column's slashOrder), `shortYear` how a bare
 * two-digit year reads (the column's shortYearForm; without it 4/7/25 is refused).
 */
export function parseDateText(input: string, reference: string, order: SlashOrder = 'mdy', shortYear?: ShortYearForm): DateParse {
  const week = weekOfText(input);
  if (week) return weekFriday(week, reference);
  const p = dateParts(input, order, shortYear);
  if (!p) return { ok: false };
  if (p.y === undefined) {
    // A weekday written with the date decides its year (the year nearest the reference it fits).
    const weekday = writtenWeekday(input);
    const fits = weekday === undefined ? null : weekdayYear(p.m, p.d, weekday, reference);
    if (fits !== null) return { ok: true, iso: fits, yearInferred: true, weekdayFits: true };
    const d = nearestYear(p.m, p.d, reference);
    return d === null ? { ok: false } : { ok: true, iso: d, yearInferred: true };
  }
  const d = ymd(p.y, p.m, p.d);
  return d === null ? { ok: false } : { ok: true, iso: d };
}

/** Serials a number without a date format may be read as: 1950-01-01 … 2099-12-31. */
export const PLAIN_SERIAL_MIN = 18_264;
export const PLAIN_SERIAL_MAX = 73_050;

/**
 * A number in a date column. With a date format any serial counts; without one only serials of
 * 1950–2099 and yyyymmdd numbers (20250401) do, so a stray 5 or 100 is reported, not read as 1900.
 */
export function parseDateNumber(n: number, hasDateFormat: boolean, date1904 = false): DateParse {
  if (!hasDateFormat && Number.isInteger(n) && n >= 10_000_101 && n <= 99_991_231) {
    const d = ymd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    return d === null ? { ok: false } : { ok: true, iso: d };
  }
  if (!hasDateFormat && !date1904 && (n < PLAIN_SERIAL_MIN || n > PLAIN_SERIAL_MAX)) return { ok: false };
  const d = serialToIso(n, date1904);
  return d === null ? { ok: false } : { ok: true, iso: d };
}

const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const JA_WEEKDAYS = '日月火水木金土';
const YEAR_FIRST_TEXT = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(\s*[(（][日月火水木金土][)）])?$/;
// A two-digit year first (25/03/04), in a column read yy/mm/dd (shortYear 'ymd'): YEAR_FIRST_TEXT's groups.
const SHORT_FIRST_TEXT = /^(\d{2})([/.])(\d{1,2})\2(\d{1,2})(\s*[(（][日月火水木金土][)）])?$/;
const KANJI_TEXT = /^(\d{4})年(\d{1,2})月(\d{1,2})日(\s*[(（][日月火水木金土][)）])?$/;
// 和暦: 令和7年4月7日 (元年 for the first year), R7.4.7 / R07/04/07.
const ERA_TEXT = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日(\s*[(（][日月火水木金土][)）])?$/;
const ERA_LETTER_TEXT = /^([MTSHRmtshr])(\d{1,2})([/.-])(\d{1,2})\3(\d{1,2})$/;
const YEAR_LAST_TEXT = /^((sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+)?(\d{1,2})([/.-])(\d{1,2})\4(\d{4}|\d{2})$/i;
// Without a year: 7/18, 7/18(金), 07/18（金曜日）, 7月18日(金).
const MONTH_DAY_TEXT = /^(\d{1,2})(\/|月|\.)(\d{1,2})(日?)(\s*[(（][日月火水木金土](?:曜日?)?[)）])?$/;
/**
 * English, without a year: a weekday before it or in brackets after it (Tue 7/15, Tuesday, July 15,
 * 7/15 (Tue)), and the month by number (7/15: month first, as the import reads a yearless m/d) or by name (Jul 15,
 * July 15, 15 Jul, 15-Jul). Groups: 1 the weekday word and 2 what follows it; 3–4 the numbers;
 * 5 the month's name, 6 what follows it, 7 the day; 8 the day, 9 what follows it, 10 the month's name,
 * 11 its dot; 12 the bracketed weekday with its space, 13 its word.
 */
/**
 * English, the month by name with its year: 23-May-2025, 2 Jun 25, 02/Jun/25 (day first: groups 1 the
 * day, 2 its separator, 3 the month's name, 4 its dot, 5 the year's separator, 6 the year), or
 * Jun 2, 2025 / June 2 2025 (month first: 7 the name, 8 its dot, 9 the separator, 10 the day, 11 the
 * year's separator, 12 the year).
 */
const EN_NAMED_TEXT = /^(?:(\d{1,2})([\s/.-]+)([a-z]{3,9})(\.?)([\s/.-]+)(\d{4}|\d{2})|([a-z]{3,9})(\.?)([\s/-]+)(\d{1,2})(,?[\s/-]+)(\d{4}))$/i;
const EN_YEARLESS_TEXT =
  /^(?:((?:sun|mon|tue|wed|thu|fri|sat)[a-z]*)(\.?,?\s+))?(?:(\d{1,2})\/(\d{1,2})|([a-z]{3,9})(\.?\s+)(\d{1,2})|(\d{1,2})(\s+|\s*-\s*)([a-z]{3,9})(\.?))(\s*\(\s*((?:sun|mon|tue|wed|thu|fri|sat)[a-z]*)\.?\s*\))?$/i;

/**
 * How a column writes its dates as text, learned from the client's own cells, so that a date PMO Desk
 * changes reads like its neighbours: 14/05/2025 stays day first, Mon 4/7/25 keeps its weekday and short
 * year, 2025年4月1日 its kanji, 2025/04/01(火) its zeros and weekday, 令和7年4月1日 / R7.4.1 its era. Null
 * where no cell is in a form this writes (words), or where the form learned does not give its own cell back exactly: the
 * caller writes yyyy/mm/dd then, which every reader takes. `reference`: the day a yearless form's text is
 * read from (its year is written where the text would not read back); `fourDigitYear`: a two-digit year
 * column is written with all four digits (its short year unsettled: see the export's userShortYear).
 */
export function dateTextStyle(texts: readonly string[], order: SlashOrder, shortYear?: ShortYearForm, reference?: string, fourDigitYear = false): ((iso: string) => string) | null {
  const samples = texts.map((t) => t.trim()).filter((t) => t !== '');
  const shape = (t: string) =>
    YEAR_FIRST_TEXT.test(t) ? 'yearFirst' : shortYear === 'ymd' && SHORT_FIRST_TEXT.test(t) ? 'shortFirst' : shortYear === 'reiwa' && BARE_ERA.test(t) ? 'bareEra' : KANJI_TEXT.test(t) ? 'kanji' : YEAR_LAST_TEXT.test(t) ? 'yearLast' : ERA_TEXT.test(t) ? 'era' : ERA_LETTER_TEXT.test(t) ? 'eraLetter' : MONTH_DAY_TEXT.test(t) && (shortYear === 'monthDay' || !t.includes('.')) ? 'monthDay' : englishYearless(t) ? 'enYearless' : englishNamed(t) ? 'enNamed' : null;
  // The column's most common form (a cell written otherwise, with a year in a yearless column, is the exception).
  const counts = new Map<string, number>();
  for (const t of samples) if (shape(t) !== null) counts.set(shape(t)!, (counts.get(shape(t)!) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const first = samples.find((t) => shape(t) === common);
  if (first === undefined) return null;
  const kind = shape(first)!;
  const same = samples.filter((t) => shape(t) === kind);
  // A month or day slot is zero-padded where any cell of the form shows a leading zero in it.
  const slots = (t: string): [string, string] => {
    if (kind === 'yearLast') {
      const m = YEAR_LAST_TEXT.exec(t)!;
      return order === 'dmy' ? [m[5]!, m[3]!] : [m[3]!, m[5]!];
    }
    if (kind === 'era') return ERA_TEXT.exec(t)!.slice(3, 5) as [string, string];
    if (kind === 'eraLetter') return ERA_LETTER_TEXT.exec(t)!.slice(4, 6) as [string, string];
    if (kind === 'bareEra') return BARE_ERA.exec(t)!.slice(2, 4) as [string, string];
    if (kind === 'monthDay') {
      const m = MONTH_DAY_TEXT.exec(t)!;
      return [m[1]!, m[3]!];
    }
    if (kind === 'enNamed') {
      const m = EN_NAMED_TEXT.exec(t)!;
      return ['', m[1] ?? m[10]!];
    }
    if (kind === 'enYearless') {
      const m = EN_YEARLESS_TEXT.exec(t)!;
      return m[3] !== undefined ? [m[3]!, m[4]!] : ['', m[7] ?? m[8]!];
    }
    const m = (kind === 'kanji' ? KANJI_TEXT : kind === 'shortFirst' ? SHORT_FIRST_TEXT : YEAR_FIRST_TEXT).exec(t)!;
    return kind === 'kanji' ? [m[2]!, m[3]!] : [m[3]!, m[4]!];
  };
  const padMonth = same.some((t) => /^0\d$/.test(slots(t)[0]));
  const padDay = same.some((t) => /^0\d$/.test(slots(t)[1]));
  const two = (n: number, pad: boolean) => (pad && n < 10 ? `0${n}` : String(n));
  let write: (y: number, m: number, d: number, weekday: number) => string;
  if (kind === 'yearLast') {
    const m = YEAR_LAST_TEXT.exec(first)!;
    const word = m[2] ? /^[a-z]+/i.exec(m[1]!)![0] : '';
    const after = m[1] ? m[1].slice(word.length) : '';
    const caseOf = (w: string) => (word === word.toUpperCase() ? w.toUpperCase() : word[0] === word[0]!.toUpperCase() ? w : w.toLowerCase());
    const dayName = (n: number) => caseOf(word.length > 3 ? EN_WEEKDAYS[n]! : EN_WEEKDAYS[n]!.slice(0, 3));
    const sep = m[4]!;
    const shortYear = m[6]!.length === 2 && !fourDigitYear;
    write = (y, mo, d, wd) => {
      const [a, b] = order === 'dmy' ? [two(d, padDay), two(mo, padMonth)] : [two(mo, padMonth), two(d, padDay)];
      // Two digits only where they read back as this year (1930–2029, Excel's reading), else all four.
      const year = shortYear && fullYear(String(y % 100).padStart(2, '0')) === y ? String(y % 100).padStart(2, '0') : String(y);
      return `${word ? dayName(wd) + after : ''}${a}${sep}${b}${sep}${year}`;
    };
  } else if (kind === 'era' || kind === 'eraLetter') {
    // The era the date falls in, written as the column writes its era: by name or letter, the letter's
    // case, the year zero-padded (R07) where a cell shows it so.
    const m = kind === 'era' ? ERA_TEXT.exec(first)! : ERA_LETTER_TEXT.exec(first)!;
    const weekday = kind === 'era' ? m[5] : undefined;
    const lower = kind === 'eraLetter' && m[1] === m[1]!.toLowerCase();
    const sep = kind === 'eraLetter' ? m[3]! : '';
    const oneNotGannen = kind === 'era' && same.some((t) => ERA_TEXT.exec(t)![2] === '1');
    const padYear = kind === 'eraLetter' && same.some((t) => /^0\d$/.test(ERA_LETTER_TEXT.exec(t)![2]!));
    write = (y, mo, d, wd) => {
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const era = eraOf(iso) ?? ERAS[ERAS.length - 1]!;
      const n = y - era.year + 1;
      if (kind === 'eraLetter') return `${lower ? era.letter.toLowerCase() : era.letter}${two(n, padYear)}${sep}${two(mo, padMonth)}${sep}${two(d, padDay)}`;
      const day = weekday ? weekday.replace(/[日月火水木金土]/, JA_WEEKDAYS[wd]!) : '';
      return `${era.name}${n === 1 && !oneNotGannen ? '元' : n}年${two(mo, padMonth)}月${two(d, padDay)}日${day}`;
    };
  } else if (kind === 'bareEra') {
    // A 令和 year without its letter (9.6.3): a changed date so too, the year zero-padded where a cell shows
    // it so; a day before 令和 has no such form (written yyyy/mm/dd below, which every reader takes).
    const padYear = same.some((t) => /^0\d$/.test(BARE_ERA.exec(t)![1]!));
    const start = eraYear('令和', 1)!;
    write = (y, mo, d) => (y < start || (y === start && mo < 5) ? `${y}/${two(mo, true)}/${two(d, true)}` : `${two(y - start + 1, padYear)}.${two(mo, padMonth)}.${two(d, padDay)}`);
  } else if (kind === 'monthDay') {
    // A column written without a year (7/18(金), 7月18日): a changed date is written so too, its weekday
    // in the column's way, where the text reads back as the date from `reference` (the import's when
    // nothing else in the file dates the cell; a weekday fits one year near it). Otherwise the year is
    // written, in the column's form with the year in front (2025/7/18(金), 2025年7月18日): the client's
    // yearless form cannot say it. (A re-import compares a yearless cell by its month and day, so the
    // guessed years of the cells around a written year do not count as changes: import/plan.ts.)
    const m = MONTH_DAY_TEXT.exec(first)!;
    const kanji = m[2] === '月';
    // (9.6: a dotted month and day, in a column read so: shortYear 'monthDay'.)
    const sep = kanji ? '年' : m[2]!;
    const weekday = m[5];
    const bare = (mo: number, d: number, wd: number) => {
      const day = weekday ? weekday.replace(/[日月火水木金土]/, JA_WEEKDAYS[wd]!) : '';
      return kanji ? `${two(mo, padMonth)}月${two(d, padDay)}日${day}` : `${two(mo, padMonth)}${sep}${two(d, padDay)}${day}`;
    };
    // The form must give its own cell back (with its own weekday, whatever year it is read in).
    if (bare(Number(m[1]), Number(m[3]), weekday ? JA_WEEKDAYS.indexOf(/[日月火水木金土]/.exec(weekday)![0]) : 0) !== first) return null;
    write = (y, mo, d, wd) => {
      const text = bare(mo, d, wd);
      const read = reference === undefined ? null : parseDateText(text, reference, order, shortYear);
      const readsBack = reference === undefined || (read?.ok === true && read.iso === ymd(y, mo, d));
      return readsBack ? text : `${y}${sep}${text}`;
    };
    return (iso: string) => {
      const [y, mo, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
      return write(y, mo, d, new Date(Date.UTC(y, mo - 1, d)).getUTCDay());
    };
  } else if (kind === 'enNamed') {
    // The month by name with its year (23-May-2025, 2 Jun 25, Jun 2, 2025): a changed date in the same
    // words, the name's length and case and the year's digits as the column writes them.
    const m = EN_NAMED_TEXT.exec(first)!;
    const word = (m[3] ?? m[7])!;
    const named = (n: number) => {
      const full = MONTH_NAMES[n - 1]!;
      const name = word.toLowerCase() === 'sept' ? (n === 9 ? 'sept' : full.slice(0, 3)) : word.length > 3 ? full : full.slice(0, 3);
      return word.length > 1 && word === word.toUpperCase() ? name.toUpperCase() : word[0] === word[0]!.toUpperCase() ? name[0]!.toUpperCase() + name.slice(1) : name;
    };
    const digits = (m[6] ?? m[12])!;
    const year = (y: number) => (digits.length === 2 && !fourDigitYear && fullYear(String(y % 100).padStart(2, '0')) === y ? String(y % 100).padStart(2, '0') : String(y));
    write = (y, mo, d) =>
      m[1] !== undefined ? `${two(d, padDay)}${m[2]}${named(mo)}${m[4]}${m[5]}${year(y)}` : `${named(mo)}${m[8]}${m[9]}${two(d, padDay)}${m[11]}${year(y)}`;
  } else if (kind === 'enYearless') {
    // An English column written without a year (Tue 7/15, Jul 15, 15-Jul, 7/15 (Tue)): a changed date in
    // the same words, its weekday, the month's name and their case as the column writes them, where the
    // text reads back as the date from `reference`; otherwise with the year where that form puts it
    // (Tue 7/15/2025, Jul 15, 2025, 15-Jul-2025), as the monthDay form above does.
    const m = EN_YEARLESS_TEXT.exec(first)!;
    const caseLike = (word: string, w: string) => (word.length > 1 && word === word.toUpperCase() ? w.toUpperCase() : word[0] === word[0]!.toUpperCase() ? w : w.toLowerCase());
    const lead = m[1];
    const trail = m[13];
    const dayName = (word: string, n: number) => caseLike(word, word.length > 3 ? EN_WEEKDAYS[n]! : EN_WEEKDAYS[n]!.slice(0, 3));
    const monthWord = m[5] ?? m[10];
    const monthName = (n: number) => {
      const full = MONTH_NAMES[n - 1]!;
      // Sept is September's own short name (the others keep three letters).
      const name = monthWord!.toLowerCase() === 'sept' ? (n === 9 ? 'sept' : full.slice(0, 3)) : monthWord!.length > 3 ? full : full.slice(0, 3);
      return caseLike(monthWord!, name[0]!.toUpperCase() + name.slice(1));
    };
    const bare = (mo: number, d: number, wd: number, y?: number) => {
      const body =
        m[3] !== undefined ? (y === undefined ? `${two(mo, padMonth)}/${two(d, padDay)}` : order === 'dmy' ? `${two(d, padDay)}/${two(mo, padMonth)}/${y}` : `${two(mo, padMonth)}/${two(d, padDay)}/${y}`)
        : m[5] !== undefined ? `${monthName(mo)}${m[6]}${two(d, padDay)}${y === undefined ? '' : `, ${y}`}`
        : `${two(d, padDay)}${m[9]}${monthName(mo)}${m[11]}${y === undefined ? '' : `${m[9]!.trim() === '-' ? '-' : ' '}${y}`}`;
      return `${lead ? dayName(lead, wd) + m[2] : ''}${body}${trail ? m[12]!.replace(trail, dayName(trail, wd)) : ''}`;
    };
    const [mo0, d0] = (() => {
      const read = dateParts(first, order);
      return read ? [read.m, read.d] : [0, 0];
    })();
    const wd0 = writtenWeekday(first);
    // The form must give its own cell back (its weekday as written, whatever year it is read in).
    if (mo0 === 0 || bare(mo0, d0, wd0 ?? 0) !== first) return null;
    return (iso: string) => {
      const [y, mo, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
      const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
      const text = bare(mo, d, wd);
      const read = reference === undefined ? null : parseDateText(text, reference, order);
      return reference === undefined || (read?.ok === true && read.iso === iso.slice(0, 10)) ? text : bare(mo, d, wd, y);
    };
  } else {
    const m = (kind === 'kanji' ? KANJI_TEXT : kind === 'shortFirst' ? SHORT_FIRST_TEXT : YEAR_FIRST_TEXT).exec(first)!;
    const weekday = kind === 'kanji' ? m[4] : m[5];
    const sep = kind === 'kanji' ? '' : m[2]!;
    // yy/mm/dd: two digits where they read back as the year (2000–2029), else all four (yyyy/mm/dd is read year first too).
    const yearOf = (y: number) => (kind === 'shortFirst' && !fourDigitYear && fullYear(String(y % 100).padStart(2, '0')) === y ? String(y % 100).padStart(2, '0') : String(y));
    write = (y, mo, d, wd) => {
      const day = weekday ? weekday.replace(/[日月火水木金土]/, JA_WEEKDAYS[wd]!) : '';
      return kind === 'kanji' ? `${y}年${two(mo, padMonth)}月${two(d, padDay)}日${day}` : `${yearOf(y)}${sep}${two(mo, padMonth)}${sep}${two(d, padDay)}${day}`;
    };
  }
  const format = (iso: string) => {
    const [y, mo, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
    return write(y, mo, d, new Date(Date.UTC(y, mo - 1, d)).getUTCDay());
  };
  // The form must give its own cell back (a short year outside 1930–2029 or a weekday that is wrong
  // in the client's cell would not).
  // (A dotted d.m.yy — 19.9.27 — is read by no text reader: bare, 1.2.3 is a version as often. Where the
  // column is known to be written so, its own cell is read as that: day.month.yy.)
  const dotted = kind === 'yearLast' && shortYear === 'yearLast' && order === 'dmy' ? dottedDay(first, 'yearLast') : null;
  const own = dotted !== null ? { ok: true as const, iso: dotted } : parseDateText(first, '2000-01-01', order, shortYear);
  // (With all four digits asked for, the client's two-digit cell is its own form with the year widened.)
  return own.ok && (format(own.iso) === first || fourDigitYear) ? format : null;
}
