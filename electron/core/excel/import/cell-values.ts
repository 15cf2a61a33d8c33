// One cell → the value of one field, by the field's kind. Pure; every refusal has a reason in words.
import { failure } from '../../../common/excel/problems.js';
import type { VocabListName, Vocabularies } from '../../../common/registers.js';
import { formatRef } from '../../../common/registers.js';
import { bareReiwa, dottedFormByContext, dottedFormNamed, dottedForms, formatSlashOrder, isDotted, parseDateNumber, parseDateText, serialToIso, settledSlashOrder, shortYearForm, type ShortYearForm, type SlashOrder } from '../../../common/excel/client-dates.js';
import type { DateReading } from '../../../common/excel/preview.js';
import type { FieldSpec } from '../../../common/excel/fields.js';
import type { Cell, WorkbookModel } from '../../../common/excel/model.js';
import { parseEffort, parseNumberText, parseProgress, type Parsed, type ProgressScale } from './numbers.js';
import { parseRatingValue, parseVocab, parseWbsStatus, parseYesNo } from './value-words.js';
import type { EffortUnit } from '../../../common/excel/preview.js';

export interface ValueContext {
  date1904: boolean;
  vocab: Vocabularies;
  /** yyyy-mm-dd: the year of a date written without one is the one nearest to this. */
  reference: string;
  progressScale: ProgressScale;
  effortUnit: EffortUnit;
  /** The register's ID prefix (R-): a plain number n in an ID column becomes R-00n. */
  refPrefix: string;
  /** Whether this column's 4/7/2025 is 7 April (mdy, the default) or 4 July (dmy): its cells' slashOrder. */
  slashOrder?: SlashOrder;
  /** How this column's bare two-digit-year dates read (4/7/25 or 25/4/7), where its cells settle it: shortYearForm. */
  shortYear?: ShortYearForm;
}

/**
 * How a date column writes its text dates, from its text cells: the order of dates written year last
 * (client-dates.ts slashOrder) and the form of two-digit years (shortYearForm). The import and the
 * export read a column's cells through this one reading. Where the cells prove nothing, the reading the
 * profile kept from the import that made it (`known`, ColumnMapping.dateReading) holds: a UK column whose
 * one date with a day over 12 was edited away still reads day first.
 */
export function columnDateReading(cells: Iterable<Cell | null | undefined>, known?: DateReading, table?: SlashOrder): Pick<ValueContext, 'slashOrder' | 'shortYear'> & { orderAssumed?: true } {
  const texts: string[] = [];
  for (const cell of cells) if (cell?.t === 's') texts.push(cell.v as string);
  // (A column read as 令和 years by its sheet's word — read-table.ts — stays so while its texts fit.)
  // (A dotted reading kept from a file written otherwise — 9.6 read as a month and day, now 27.9.6 — is
  // no reading of these cells: they are read afresh, read-table.ts dottedReading.)
  const keeps = known?.shortYear === undefined || known.shortYear === 'yearLast' || !texts.some(isDotted) || dottedForms(texts).includes(known.shortYear);
  const shortYear = known?.shortYear === 'reiwa' && bareReiwa(texts, true) ? 'reiwa' : (shortYearForm(texts) ?? (keeps ? known?.shortYear : undefined));
  const order = settledSlashOrder(texts, shortYear) ?? known?.slashOrder ?? table;
  return { slashOrder: order ?? 'mdy', ...(shortYear && { shortYear }), ...(order === undefined && { orderAssumed: true as const }) };
}

/**
 * The order a table's date columns settle together (blind set 8, B8: 02/04/2026 under Date Closed, where
 * Target Date holds 15/05/2026): the one their text dates prove where no column proves the other, else the
 * one their real dates are displayed in (dd/mm/yyyy); undefined where neither says.
 */
export function tableSlashOrder(columns: readonly (readonly (Cell | null | undefined)[])[]): SlashOrder | undefined {
  const proved = new Set<SlashOrder>();
  const shown = new Set<SlashOrder>();
  // Each format read once: a column of dates writes the same one down every row (400,000 date cells
  // at 100,000 rows, each format parsed by regular expressions, were a tenth of reading the table).
  const formats = new Set<string | undefined>();
  for (const cells of columns) {
    const texts: string[] = [];
    for (const c of cells) {
      if (!c) continue;
      if (c.t === 's') texts.push(c.v as string);
      else if (c.t === 'd' || c.t === 'n') formats.add(c.fmt);
    }
    const order = settledSlashOrder(texts, shortYearForm(texts));
    if (order) proved.add(order);
  }
  for (const fmt of formats) {
    const o = formatSlashOrder(fmt);
    if (o) shown.add(o);
  }
  if (proved.size === 1) return [...proved][0];
  return proved.size === 0 && shown.size === 1 ? [...shown][0] : undefined;
}

/** What of a column's date reading a profile keeps: only what differs from the default (day first, a two-digit year's place). */
export function keptDateReading(reading: Pick<ValueContext, 'slashOrder' | 'shortYear'>): DateReading | undefined {
  const kept: DateReading = { ...(reading.slashOrder === 'dmy' && { slashOrder: 'dmy' as const }), ...(reading.shortYear && { shortYear: reading.shortYear }) };
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Whether the workbook names the 令和 era anywhere (a title's 令和9年度, a note's ※ 日付は令和): dotted
 * y.m.d dates of its columns are 令和 dates written without the era letter (client-dates.ts bareReiwa).
 * Asked only of a column whose texts fit so; the answer is kept per workbook.
 */
export function namesReiwa(model: WorkbookModel): boolean {
  let said = reiwaNamed.get(model);
  if (said === undefined) {
    said = model.sheets.some((sheet) => sheet.rows.some((row) => row.cells.some((c) => c.t === 's' && /令和|㋿/.test(c.v as string))));
    reiwaNamed.set(model, said);
  }
  return said;
}
const reiwaNamed = new WeakMap<WorkbookModel, boolean>();

/** How long a note naming the form of the sheet's dates may be (日付は 西暦下2桁.月.日): a line, not a paragraph. */
const NOTE_CHARS = 80;

/**
 * The dotted form a note of the workbook names for its dates (「日付は 西暦下2桁.月.日」 → 'ymd': client-dates.ts
 * dottedFormNamed); undefined where none does. Kept per workbook.
 */
export function dottedFormNote(model: WorkbookModel): ShortYearForm | undefined {
  if (!dottedNamed.has(model)) {
    let form: ShortYearForm | undefined;
    for (const sheet of model.sheets)
      for (const row of sheet.rows)
        for (const c of row.cells) if (form === undefined && c.t === 's' && (c.v as string).length <= NOTE_CHARS && /[.．]/.test(c.v as string)) form = dottedFormNamed(c.v as string);
    dottedNamed.set(model, form);
  }
  return dottedNamed.get(model);
}
const dottedNamed = new WeakMap<WorkbookModel, ShortYearForm | undefined>();

/**
 * How a date column's dotted texts read (27.09.06, 27.9.6, 9.9.6, 9.6: blind set 19, I1), where they read
 * as dates at all: the form the sheet's note names where the cells fit it (西暦下2桁.月.日); else, under a header that
 * says the column holds dates, the one reading they fit (9.6 is a month and day), or of 27.9.6's two
 * (2027 or 令和27) the one `center` places (the table's other dates, the sheet's, the project's).
 * 'open': both readings fit and nothing places them — each cell is asked about, never guessed.
 * Undefined: no dotted dates (a version 1.2, an amount 3.5, a code 1.1.2 under a header naming no date).
 */
export function dottedReading(texts: readonly string[], o: { dateHeader: boolean; note?: ShortYearForm; center?: string | null }): ShortYearForm | 'open' | undefined {
  const forms = dottedForms(texts);
  if (forms.length === 0) return undefined;
  if (o.note !== undefined && forms.includes(o.note)) return o.note;
  // (Pairs are read as a month and day only under a day's header: 版 1.2 stays a version.)
  if (!o.dateHeader) return undefined;
  const form = forms.length === 1 ? forms[0] : o.center ? dottedFormByContext(texts, forms, o.center) : undefined;
  // (d.m.yy is never read: European dotted dates are written with four digits. Where it is the one placed, nothing is read.)
  return form === 'yearLast' ? undefined : (form ?? 'open');
}

/** A number as Excel would show it in General format (no binary noise: 0.30000000000000004 → 0.3). */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** A cell as text: dates as yyyy-mm-dd, numbers as shown in General format. */
export function textOf(cell: Cell, date1904: boolean): string {
  switch (cell.t) {
    case 's':
      return (cell.v as string).replace(/\r\n?/g, '\n');
    case 'n':
      return numberText(cell.v as number);
    case 'd':
      return serialToIso(cell.v as number, date1904) ?? numberText(cell.v as number);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return String(cell.v);
  }
}

/** Only white space (\s and the ideographic space), or nothing. */
export function isBlankText(s: string): boolean {
  // Most cells start with a letter, a digit or a kana/kanji, none of which \s takes: no regex for them
  // (this is asked of every text cell of every row, 1.5 M at 100,000 rows).
  const c = s.charCodeAt(0);
  if ((c > 32 && c < 127) || (c > 0x3000 && c !== 0xfeff)) return false;
  return /^[\s\u3000]*$/.test(s);
}
const isBlank = isBlankText;

const WBS_CODE = /^\d{1,4}(?:[.-]\d{1,4}){0,9}$/;
/** A code after a letter prefix of one to three letters, with or without a hyphen: S1.2, WP3.1, A-1-2. */
const LETTERED_CODE = /^([A-Za-z]{1,3}-?)(\d{1,4}(?:[.-]\d{1,4}){0,9})$/;
/**
 * A WBS code as written (1.2.3, １．２, 1-2-3, 1.2.) → '1.2.3'; null when it is not one. A letter prefix
 * (S1.2, A-1-2: a stream's or a site's letter before the outline numbers) is kept in front of the numbers,
 * its hyphen with it (S1.2, A-1.2): the parent of S1.2 is S1, and A1.1 and B1.1 of two streams stay apart.
 */
export function parseWbsCode(cell: Cell): string | null {
  const raw = cell.t === 'n' ? numberText(cell.v as number) : String(cell.v);
  // Plain ASCII digits and separators are their own NFKC, with nothing to trim: read as they are (every
  // row of a plan asks this twice).
  if (WBS_CODE.test(raw)) return raw.includes('-') ? raw.replaceAll('-', '.') : raw;
  const s = raw.normalize('NFKC').trim().replace(/\.$/, '');
  if (WBS_CODE.test(s)) return s.replaceAll('-', '.');
  const lettered = LETTERED_CODE.exec(s);
  if (lettered) return `${lettered[1]!}${lettered[2]!.replaceAll('-', '.')}`;
  return LETTER_TOP.test(s) ? s : null;
}

/**
 * An outline whose top codes are letters (A, B; A.1, B.2.1 under them: blind set 18, I3): the letter is
 * the top number, so A.1's parent is A. (A letter joined to its numbers, S1.2 or A-1-2, is a prefix.)
 */
const LETTER_TOP = /^[A-Z](?:\.\d{1,4}){0,9}$/;
export const isLetterTop = (code: string): boolean => LETTER_TOP.test(code);
/** A letter-topped code's numbers, its letter as the top one: 'B.2.1' → '2.2.1'. */
export const letterTopNumbers = (code: string): string => `${code.charCodeAt(0) - 64}${code.slice(1)}`;
/** The letter-topped code of numbers whose top one is 1–26: '2.2.1' → 'B.2.1'; as given past Z. */
export function letterTopCode(numbers: string): string {
  const dot = numbers.indexOf('.');
  const top = Number(dot < 0 ? numbers : numbers.slice(0, dot));
  return top >= 1 && top <= 26 ? `${String.fromCharCode(64 + top)}${dot < 0 ? '' : numbers.slice(dot)}` : numbers;
}

/** A parsed code's letter prefix and its numbers: 'S1.2' → ['S', '1.2'], 'A-1.2' → ['A-', '1.2'], '1.2' → ['', '1.2']; a letter-topped code has none ('A.1' → ['', 'A.1']). */
export function codeLetters(code: string): [letters: string, numbers: string] {
  if (LETTER_TOP.test(code)) return ['', code];
  const at = code.search(/\d/);
  return at <= 0 ? ['', code] : [code.slice(0, at), code.slice(at)];
}

/**
 * A cell as the key a parent column names a row by (1203, '#1203', 'APP-40', ' APP-40 '): NFKC, trimmed,
 * a tracker's leading # dropped, a whole number without its .0; null when empty.
 */
export function rowKey(cell: Cell | undefined): string | null {
  if (!cell || cell.t === 'e' || cell.v === null) return null;
  const s = (cell.t === 'n' ? numberText(cell.v as number) : String(cell.v)).normalize('NFKC').trim().replace(/^#\s*/, '');
  return s === '' ? null : /^\d+(?:\.0+)?$/.test(s) ? String(Number(s)) : s;
}

/** A level / outline number: 1, 2, Lv.2, L2, レベル2, 第2階層. */
export function parseLevel(cell: Cell): number | null {
  const s = (cell.t === 'n' ? numberText(cell.v as number) : String(cell.v)).normalize('NFKC').trim().toLowerCase();
  const m = /^(?:lv\.?|level|l|レベル|第)?\s*(\d{1,2})\s*(?:階層|層)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

/**
 * The value of `cell` for a field of kind `spec.kind`; { ok: true, value: null } for an empty cell.
 * Text comes back trimmed; dates as yyyy-mm-dd; effort in person-days; progress as 0–100.
 */
export function readValue(spec: FieldSpec, cell: Cell, ctx: ValueContext): Parsed<unknown> {
  if (cell.t === 'e') return failure('excelError', { value: String(cell.v) }, `${String(cell.v)} is an Excel error value`);
  if (cell.t === 's' && isBlank(cell.v as string)) return { ok: true, value: null };
  if (spec.kind === 'date') return readDate(cell, ctx);
  if (spec.kind === 'effort') return parseEffort(cell, ctx.effortUnit);
  if (spec.kind === 'progress') return parseProgress(cell, ctx.progressScale);
  const text = cell.t === 's' ? (cell.v as string) : textOf(cell, ctx.date1904);
  switch (spec.kind) {
    case 'derived': {
      // Never read back as a value (read-table.ts); what it reads as says whether a column holds the
      // computed figure (経過日数: 12, 12日) or something else under a like word (経過: notes of progress).
      if (!spec.numeric) return { ok: true, value: text.trim() };
      if (cell.t === 'n') return { ok: true, value: cell.v };
      const n = parseNumberText(text);
      return n && !n.percent && /^(|日|days?|d)$/.test(n.unit) ? { ok: true, value: n.value } : failure('notNumber', { value: text.trim() }, `${text.trim()} is not a number`);
    }
    case 'text':
    case 'category':
      return { ok: true, value: text.trim() };
    case 'wbsStatus':
      return parseWbsStatus(text);
    case 'yesNo':
      return parseYesNo(cell.t === 's' ? text : (cell.v as number | boolean));
    case 'rating':
      return parseRatingValue(cell.t === 'n' ? (cell.v as number) : text);
    case 'vocab':
      return parseVocab(ctx.vocab[spec.list as VocabListName].items, spec.list as VocabListName, text);
    case 'ref':
      if (cell.t === 'n' && Number.isInteger(cell.v) && (cell.v as number) > 0) return { ok: true, value: formatRef(ctx.refPrefix, cell.v as number) };
      return { ok: true, value: text.trim() };
    case 'wbsCode': {
      const code = parseWbsCode(cell);
      return code === null ? failure('notWbsCode', { value: text.trim() }, `${text.trim()} is not a WBS code (1.2.3)`) : { ok: true, value: code };
    }
    case 'level': {
      const level = parseLevel(cell);
      return level === null ? failure('notLevel', { value: text.trim() }, `${text.trim()} is not a level (1, 2, 3…)`) : { ok: true, value: level };
    }
    case 'parent':
      return { ok: true, value: rowKey(cell) };
    case 'days': {
      const days = parseDays(cell);
      return days === null ? failure('notDays', { value: text.trim() }, `${text.trim()} is not a number of working days`) : { ok: true, value: days };
    }
    case 'scheduling': {
      const mode = parseScheduling(text);
      return mode === null ? failure('notScheduling', { value: text.trim() }, `${text.trim()} is not 手動 or 自動 (manual or auto)`) : { ok: true, value: mode };
    }
  }
}

/** The words a number of days is written with (5日, 5 days, 5d…): read here, and by the duration column's rule and writer. */
const DAY_UNIT = '日|日間|営業日|d|days?|working days?';
/** A whole number of days with its unit, as MS Project writes one (5 days, 1 day, 3 days? for an estimate, 3日): 1 the spacing, 2 the unit. */
export const DAYS_WITH_UNIT = new RegExp(`^\\d+(?:\\.0+)?(\\s*)(${DAY_UNIT})\\??$`);
const DAYS = new RegExp(`^(\\d{1,6})(?:\\.0+)?\\s*(?:${DAY_UNIT})?\\??$`);

/** Working days: 5, 5日, ５日間, 5 days, 5d, 5営業日, 5 days? (MS Project's estimate) → 5; null when not a whole number of days. */
export function parseDays(cell: Cell): number | null {
  const s = (cell.t === 'n' ? numberText(cell.v as number) : String(cell.v)).normalize('NFKC').trim().toLowerCase();
  const m = DAYS.exec(s);
  return m ? Number(m[1]) : null;
}

/** 手動 / 自動 as MS Project names them (手動スケジュール, Manually Scheduled…) → 'manual' | 'auto'. */
export function parseScheduling(text: string): 'manual' | 'auto' | null {
  const s = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(手動|手動スケジュール|manual|manually scheduled)$/.test(s)) return 'manual';
  if (/^(自動|自動スケジュール|auto|automatic|auto scheduled|automatically scheduled)$/.test(s)) return 'auto';
  return null;
}

function readDate(cell: Cell, ctx: ValueContext): Parsed<string | null> {
  const bad = () => {
    const value = textOf(cell, ctx.date1904).trim();
    return failure('notDate', { value }, `${value} is not a date`);
  };
  if (cell.t === 'd' || cell.t === 'n') {
    const r = parseDateNumber(cell.v as number, cell.t === 'd', ctx.date1904);
    return r.ok ? { ok: true, value: r.iso } : bad();
  }
  if (cell.t !== 's') return bad();
  const trimmed = (cell.v as string).trim();
  if (trimmed === '-' || trimmed === '－' || trimmed === 'ー' || trimmed === '未定' || trimmed.toLowerCase() === 'tbd') return { ok: true, value: null };
  const r = parseDateText(trimmed, ctx.reference, ctx.slashOrder, ctx.shortYear);
  return r.ok ? { ok: true, value: r.iso } : bad();
}
