// Header columns → fields of the import target, each with a confidence, the rest kept as extra
// columns. A field takes at most one column: the candidates are assigned best first. When sample
// cells from under the header are given, typed fields (dates, ratings, lists…) count less the fewer of
// those cells read as that type, and not at all when none does — so a text column headed 影響 stays an
// extra column in a register whose 影響度 column holds the 1–5 ratings.
import { REGISTERS, type Vocabularies, type VocabListName } from '../../../common/registers.js';
import { likelyCode, negationPairCode, notYetWord, parseVocab, statusCodes, wordKey } from './value-words.js';
import { suggestCode } from './value-map.js';
import { decisionCode, stageCode, wbsStatusOfStage } from './status-stages.js';
import { statusByPosition } from './status-positions.js';
import { columnDateReading, DAYS_WITH_UNIT, dottedReading, readValue, type ValueContext } from './cell-values.js';
import { bareReiwa, dottedChoices, shortYearChoices, type ShortYearForm } from '../../../common/excel/client-dates.js';
import { KEY_FIELD, TARGET_FIELDS, fieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTER_LIST } from '../../../common/registers/index.js';
import { columnLabel, type HeaderColumn } from './header-rows.js';
import type { Cell } from '../../../common/excel/model.js';
import { effortUnitOf, progressScale } from './numbers.js';
import { fractionScale, ratingNumber } from './rating-scales.js';
import { isDateLabel, isReferenceLabel, labelKey, matchLabel, namesOtherRecord, numberedThing, ownNumberWord, statesRecord, withoutBrackets } from './synonyms.js';
import { levelNumberRun } from './level-numbers.js';
import { cellTexts, namesEach, repeatsFewWords } from './key-texts.js';
import { holdsOutlineCodes } from './outline-codes.js';
import { periodOfCell, rangeOrder } from './date-range.js';
import { NUMBER_LABEL } from './detect.js';
import { listSystemColumns } from './list-exports.js';
import { columnKey, type ColumnMapping, type DateReading } from '../../../common/excel/preview.js';
import { checkTarget, readsAsChecks } from './check-columns.js';
import { holdsDates, holdsPeople, personFields } from './content-fields.js';
import { groupFields, IMPACT_FIELDS } from './group-fields.js';
import { idShape, idsAmongTexts, oneIdScheme } from './shaped-ids.js';
import { afterStageTwins } from './stage-twins.js';

/** The column's texts are record IDs of one scheme, nearly all of them (shaped-ids.ts idsAmongTexts). */
const idsOfOneScheme = (cells: Cell[]): boolean => idsAmongTexts(cellTexts(cells));

/** Below this a header word does not name a field. */
export const MIN_CONFIDENCE = 0.5;


/** What a header word naming a free-text field counts for over a column filled from a list. */
const LISTED_TEXT = 0.5;
/** Share of a list's words that must read as a list field's values for the list to name the field. */
const LIST_FIT = 0.6;
/** The confidence of a field named by the column's list alone (times the share of its words that fit). */
const LISTED_FIELD = 0.8;

/**
 * What a weak header word (Severity over an impact, 想定工数, Issue Category) counts for when every cell of
 * its column reads as that field's kind (1–5 figures, amounts, the list's words, dates): word and cells
 * agree, which is as sure as a list naming the field alone — not a guess for the dialog to ask about.
 */
const AGREED = LISTED_FIELD;
/** Share of a column's cells that must read as its field's kind for the word and the cells to agree. */
const AGREE_SHARE = 0.9;

/** The confidence of a WBS code read from level-number columns (大 | 中 | 小 holding 1 | 1 | 2): by their cells, not a word. */
const LEVEL_NUMBERS = 0.9;

/** What a hidden column's header word counts for against a visible one's. */
const HIDDEN_COLUMN = 0.7;

/** The confidence of a key column found by its contents, not its header word: below ASK_BELOW in detect, so the dialog asks. */
export const GUESSED_KEY = 0.55;
/** The confidence of a key taken from the column headed as the long text (Description as a risk's title). */
export const HEADED_KEY = 0.65;
/** Long-text fields that say what is done about a record, not what it is (a finding's action, a defect's resolution). */
const RESPONSE_TEXT = new Set(['action', 'resolution']);
/** A column read as the category by its cells (a handful of words repeated), its header naming the key: key-texts.ts. */
const SORTS_RECORDS = 0.6;

/** The field of each target that holds the longest text: its column is the name when nothing is headed as one. */
export const LONG_TEXT = Object.fromEntries([['wbs', 'notes'], ...REGISTER_LIST.map((d) => [d.name, d.longTextField])]) as Record<ImportTarget, string>;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key for an extra column: its header text, made unique; the column letter when it has none. */
export function extraKeys(columns: { label: string; column: string }[]): string[] {
  const used = new Set<string>();
  return columns.map(({ label, column }) => {
    let key = label.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (key === '') key = column;
    if (RESERVED_KEYS.has(key)) key = `${column}: ${key}`;
    for (let n = 2, base = key; used.has(key); n++) key = `${base} (${n})`;
    used.add(key);
    return key;
  });
}

// A header that names a thing by its name (研修名, 会議名, 品目名, 講座名, Course Name, Event Title), not a
// person's, an organisation's, a place's or a file's (担当者名, 会社名, 会場名, ファイル名, Customer Name).
const THING_NAME_JA = /^[\p{L}\p{N}・]{1,10}(?:名|名称)$/u;
const NOT_THING_JA = /者|氏|社|会社|部署|部門|課名|顧客|取引先|担当|会場|場所|施設|ファイル|シート|要員/u;
// The project's or system's name (案件名, System Name) may be the table's context or each row's own: neither way.
const CONTEXT_NAME = /システム|プロジェクト|案件|\bproject\b|\bsystem\b/u;
const THING_NAME_EN = /^[a-z][a-z ]{0,24} (?:name|title)$/;
const NOT_THING_EN = /\b(?:person|owner|customer|client|vendor|company|file|user|sheet|team|department|venue|author|contact)\b/;

/**
 * Whether a header names the name of a thing (研修名, Course Name: the record's name where no header names
 * one: 'thing'), of a person, organisation, place or file (担当者名, 会社名, Customer Name: never the record's
 * name: 'other'), or no name ('none').
 */
export function nameHeader(label: string): 'thing' | 'other' | 'none' {
  const ja = label.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  const en = label.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (CONTEXT_NAME.test(ja) || CONTEXT_NAME.test(en)) return 'none';
  if (THING_NAME_JA.test(ja)) return NOT_THING_JA.test(ja) ? 'other' : 'thing';
  if (THING_NAME_EN.test(en)) return NOT_THING_EN.test(en) ? 'other' : 'thing';
  return 'none';
}

/** The cells under a header column (its sample rows' filled cells), and `aligned`: one per sample row, in order, undefined where the row has none. */
export type Samples = ((col: HeaderColumn) => Cell[]) & { aligned?: (col: HeaderColumn) => (Cell | undefined)[] };

export interface SampleContext {
  vocab: Vocabularies;
  date1904: boolean;
  reference: string;
  refPrefix: string;
  /** Whether the workbook names 令和 (cell-values.ts namesReiwa): its dotted y.m.d dates are 令和 dates. */
  namesReiwa?: () => boolean;
  /** The dotted form a note of the workbook names for its dates (cell-values.ts dottedFormNote: 西暦下2桁.月.日, 月.日). */
  dottedNote?: () => ShortYearForm | undefined;
}

/**
 * How a column's dotted texts read as dates (cell-values.ts dottedReading), where its header says it holds
 * days (〜日, Date, or a date field's word: 予定開始) or the sheet's note names their form; undefined where
 * they are no dates. A sample knows no other dates: two readings both fitting (27.9.6) are 'open'.
 */
export function dottedSamples(target: ImportTarget, label: string, texts: readonly string[], ctx: SampleContext): ShortYearForm | 'open' | undefined {
  if (!texts.some((t) => /^\s*\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s*$/.test(t))) return undefined;
  const dateHeader = label.trim() !== '' && (isDateLabel(label) || matchLabel(target, [label]).some((x) => x.confidence >= MIN_CONFIDENCE && fieldSpec(target, x.field)?.kind === 'date'));
  return dottedReading(texts, { dateHeader, note: ctx.dottedNote?.() });
}

/** An outline code or a number written as text (3, 1.2, 2.1.4): a code, though it may read as a dotted date. */
const OUTLINE_TEXT = /^\d{1,3}(?:\.\d{1,3})*$/;

/** Share of sample cells that read as the field's kind; null when there are too few to tell. */
export function fit(target: ImportTarget, field: string, label: string, cells: Cell[], ctx: SampleContext, clientList: readonly string[] | null = null): number | null {
  const spec = fieldSpec(target, field);
  const values = cells.filter((c) => c.t !== 's' || (c.v as string).trim() !== '');
  // A 大/中/小 column holds words; a header such as PHASE 2 over an empty timeline is no such column.
  // An empty column (a blank template's) tells nothing either way.
  if (spec?.kind === 'category') return values.length === 0 || values.some((c) => c.t === 's') ? null : 0;
  if (!spec || spec.kind === 'text' || spec.kind === 'ref' || spec.kind === 'parent') return null;
  // (Dotted y.m.d texts on a sheet naming 令和 are its dates written without the era letter: 9.6.17,
  // unless a note names them western: 日付は 西暦下2桁.月.日. Other dotted dates as dottedSamples reads them.)
  const dateTexts = spec.kind === 'date' ? values.flatMap((c) => (c.t === 's' ? [c.v as string] : [])) : [];
  const reiwa = spec.kind === 'date' && !!ctx.namesReiwa && ctx.dottedNote?.() !== 'ymd' && bareReiwa(dateTexts, true) && ctx.namesReiwa();
  const dotted = spec.kind === 'date' && !reiwa ? dottedSamples(target, label, dateTexts, ctx) : undefined;
  const known: DateReading | undefined = reiwa ? { shortYear: 'reiwa' } : dotted !== undefined && dotted !== 'open' ? { shortYear: dotted } : undefined;
  const vctx: ValueContext = { ...ctx, progressScale: progressScale(values), effortUnit: effortUnitOf(label), ...(spec.kind === 'date' && columnDateReading(values, known)) };
  // One value tells little of a type, but a list value that is not on the list (分類 holding 画面 is
  // no issue kind) says the column is something else: kept as an extra column, not a row of problems.
  if (values.length < 2) return values.length === 1 && spec.kind === 'vocab' && !readValue(spec, values[0]!, vctx).ok ? 0 : null;
  // A two-digit-year date whose form the column leaves open (12/3/10) is a date all the same: its column
  // is the date field, the cell kept and flagged when read (read-table.ts).
  // (So is a dotted 27.9.6 whose year, 2027 or 令和27, nothing in a sample places.)
  const open = (cell: Cell) => spec.kind === 'date' && vctx.shortYear === undefined && cell.t === 's' && (shortYearChoices(cell.v as string, vctx.slashOrder ?? 'mdy').length > 0 || (dotted === 'open' && dottedChoices(cell.v as string).length > 0));
  // A WBS status of codes read as a set (● ◐ ○, 0 / 1 / 2: value-words.ts statusCodes).
  const codes = spec.kind === 'wbsStatus' ? statusCodes(values.map((c) => String(c.v))) : null;
  if (codes) return values.filter((cell) => codes.read(String(cell.v)) !== undefined || readValue(spec, cell, vctx).ok).length / values.length;
  // A plan's status word no list has, read at its stage (施工中, Mobilising: read-table.ts reads it so).
  // (And a word placed by its place in the client's list, the column's other words, or its 完: status-positions.ts.)
  if (spec.kind === 'wbsStatus') {
    const placed = statusByPosition(values.flatMap((c) => (c.t === 's' ? [c.v as string] : [])), clientList);
    return values.filter((cell) => readValue(spec, cell, vctx).ok || (cell.t === 's' && (wbsStatusOfStage(cell.v as string) !== null || placed.has(wordKey(cell.v as string))))).length / values.length;
  }
  // A probability written as percentages or fractions (10 % … 90 %, 0.35) is a rating on its 0–1 scale.
  if (spec.kind === 'rating' && fractionScale(values)) return values.filter((cell) => ratingNumber(cell) !== null || readValue(spec, cell, vctx).ok).length / values.length;
  // A word and its own negation on a pass / fail list (適 / 不適): read as the pass and the fail (negationPairCode).
  const texts = [...values.flatMap((c) => (c.t === 's' ? [c.v as string] : [])), ...(clientList ?? [])];
  const paired = (cell: Cell) => spec.kind === 'vocab' && cell.t === 's' && negationPairCode(ctx.vocab[spec.list as VocabListName].items, spec.list as VocabListName, cell.v as string, texts) !== null;
  return values.filter((cell) => readValue(spec, cell, vctx).ok || open(cell) || paired(cell)).length / values.length;
}

/**
 * Whether a list field reads a client's word: surely or as a likely word (差戻し, 取下げ) or a not-yet word
 * (未判定), and with `byStage` a word at a stage of a record's life the list has (Closed, Implemented:
 * status-stages.ts) — for a column its header names a status already. Without it, a status field reads a
 * word by its stage where no other list of the register holds the word (Delivered, Pending Effectiveness
 * Check — but 承認 / 却下 are a change's decision, not its status). Null: the field has no list.
 */
export function listWordReader(target: ImportTarget, field: string, vocab: Vocabularies, byStage = false): ((word: string) => boolean) | null {
  const spec = fieldSpec(target, field);
  if (spec?.kind !== 'vocab') return null;
  const list = spec.list as VocabListName;
  const items = vocab[list].items;
  const others = Object.entries(TARGET_FIELDS[target]).flatMap(([f, s]) => (f !== field && s.kind === 'vocab' ? [s.list as VocabListName] : []));
  const staged = (w: string) => (byStage || (/status$/i.test(field) && !others.some((l) => parseVocab(vocab[l].items, l, w).ok))) && stageCode(items, w) !== null;
  // (A decision's yes / no / wait by its word's stage — Authorized, Refused, Deferred: status-stages.ts decisionCode.)
  return (w) => parseVocab(items, list, w).ok || likelyCode(items, list, w) !== null || notYetWord(list, w) || staged(w) || decisionCode(items, w) !== null;
}

/** The share of a column's distinct words a list field reads (listWordReader); null when it has no list or the column fewer than two words. */
function listShare(target: ImportTarget, field: string, cells: Cell[], vocab: Vocabularies, byStage = false): number | null {
  const reads = listWordReader(target, field, vocab, byStage);
  if (!reads) return null;
  // Words only: marks (◎○△×) are read by several lists alike (a status, a priority) and say nothing of which.
  const words = [...new Set(cells.flatMap((c) => (c.t === 's' && /\p{L}/u.test(c.v as string) ? [(c.v as string).trim()] : [])))];
  if (words.length < 2) return null;
  return words.filter(reads).length / words.length;
}

/** The distinct texts of a column's cells, trimmed (blank ones left out). */
const distinctTexts = (cells: Cell[]): string[] => [...new Set(cells.flatMap((c) => (c.t === 's' && (c.v as string).trim() !== '' ? [(c.v as string).trim()] : [])))];

/** A header column's own (lowest) word as the synonyms compare it, brackets left out. */
const headKey = (col: HeaderColumn): string => withoutBrackets(labelKey(col.parts[col.parts.length - 1] ?? ''));

/**
 * Whether a column's words, two or more different ones, are each unlike every item of a list field: not
 * on the list, no known word of it, and no item's label inside, around or like them (value-map.ts suggestCode).
 */
function noneLikeItems(target: ImportTarget, field: string, cells: Cell[], vocab: Vocabularies): boolean {
  const spec = fieldSpec(target, field);
  if (spec?.kind !== 'vocab') return false;
  const list = spec.list as VocabListName;
  const items = vocab[list].items;
  const words = distinctTexts(cells);
  return words.length >= 2 && words.every((w) => !parseVocab(items, list, w).ok && likelyCode(items, list, w) === null && !notYetWord(list, w) && suggestCode(items, w).code === null);
}

/** Heads that say a column classifies the records, and no more. */
const CLASS_HEADS = new Set(['分類', '区分', '種別', '種類', 'タイプ', 'カテゴリ', 'カテゴリー', 'type', 'class', 'classification', 'category', 'kind'].map(labelKey));
/** The list fields that grade a record. */
const GRADE_FIELDS = ['severity', 'priority'];

/** The grade field (severity, priority) whose list reads every word of a column headed only as a class, two or more different words; else null. */
function gradeUnderClass(target: ImportTarget, col: HeaderColumn, cells: Cell[], vocab: Vocabularies): string | null {
  if (!CLASS_HEADS.has(headKey(col))) return null;
  const words = distinctTexts(cells);
  if (words.length < 2) return null;
  for (const field of GRADE_FIELDS) {
    const spec = fieldSpec(target, field);
    if (spec?.kind !== 'vocab') continue;
    const list = spec.list as VocabListName;
    if (words.every((w) => parseVocab(vocab[list].items, list, w).ok)) return field;
  }
  return null;
}

/** A share of a column's own words that names its field by its words rather than its header. */
const OWN_WORDS_SHARE = 0.6;
/** What a share of words read only at their stage (status-stages.ts) counts for, against words the list reads. */
const STAGED_SHARE = 0.6;

/**
 * A column headed as one list field whose own words are another list field's values (a change log's
 * ステータス holding 起票/審議中/承認/却下/取下げ, or Status of Approved/Rejected/Pending/Withdrawn: the
 * decision, not the work's status — blind set 6, L6): that field, decided by the column's set of words,
 * ahead of the one its header names, which reads few of them. A column whose header names the other
 * field as well (判定 beside it) takes it first, the candidates' order settles that.
 */
function listByOwnWords(target: ImportTarget, header: HeaderColumn[], col: HeaderColumn, i: number, samples: { cells: Samples; ctx: SampleContext }): { i: number; field: string; confidence: number }[] {
  const named = matchLabel(target, ownParts(header, col)).filter((m) => m.confidence >= 0.8 && fieldSpec(target, m.field)?.kind === 'vocab');
  if (named.length === 0) return [];
  const cells = samples.cells(col);
  const own = Math.max(...named.map((m) => fit(target, m.field, col.label, cells, samples.ctx) ?? 1));
  const out: { i: number; field: string; confidence: number }[] = [];
  for (const [field, spec] of Object.entries(TARGET_FIELDS[target])) {
    if (spec.kind !== 'vocab' || named.some((m) => m.field === field)) continue;
    const share = listShare(target, field, cells, samples.ctx.vocab);
    if (share !== null && share >= OWN_WORDS_SHARE && share > own + 0.3) out.push({ i, field, confidence: named[0]!.confidence * 0.95 * share });
  }
  return out;
}

/** What a column whose header names no field takes from its words being exactly one list's labels. */
const UNNAMED_LIST = 0.6;

/**
 * A column whose header names no field (区分, Type, 種別 over 重大 / 軽微 / 改善提案) but whose words, two or more
 * different ones, are each a label or a known word of one list field of the register, and of no other: that
 * field (blind set 9, C8 — a finding's 区分 holding the severity list's own labels stayed an extra column).
 */
function listOfUnnamed(target: ImportTarget, header: HeaderColumn[], col: HeaderColumn, i: number, samples: { cells: Samples; ctx: SampleContext }): { i: number; field: string; confidence: number }[] {
  if (matchLabel(target, ownParts(header, col)).some((m) => m.confidence >= 0.8)) return [];
  const cells = samples.cells(col);
  if (cells.length < 3) return [];
  const words = [...new Set(cells.map((c) => (c.t === 's' ? (c.v as string).trim() : '')))];
  if (words.some((w) => !/\p{L}/u.test(w))) return [];
  const lists = Object.entries(TARGET_FIELDS[target]).filter(([, spec]) => spec.kind === 'vocab');
  const fits = lists.filter(([field, spec]) => {
    const list = spec.list as VocabListName;
    return listShare(target, field, cells, samples.ctx.vocab) === 1 && words.every((w) => parseVocab(samples.ctx.vocab[list].items, list, w).ok);
  });
  return fits.length === 1 ? [{ i, field: fits[0]![0], confidence: UNNAMED_LIST }] : [];
}

/**
 * Below this a word naming the key (Risk Headline, 懸念事項, a qualified or partial word) is taken only
 * where the cells agree: a key names each record, so a column whose values repeat down it (a category,
 * a tier: Risk Domain, Risk Tier) is none, whatever its word.
 */
const WEAK_KEY = 0.8;

/**
 * A bare Duration / 期間 / 工期 names no field by its word alone (a client's gantt often means calendar
 * days, or the days worked so far: synonyms.ts), but MS Project's Excel export writes each duration with
 * its unit ("5 days", "1 day", "0 days", "3 日", "2d", "5 days?" when estimated): a column whose cells
 * mostly read so is the working days.
 */
// (Days, # of Days, Work Days, 作業日数, 営業日数: a count of days beside a start and a finish says no more and no less.)
const BARE_DURATION = /^(duration|dur\.?|days|no\.? of days|number of days|# ?(?:of )?days|work ?days|business days|期間|工期|所要期間|日数|作業日数|営業日数|稼働日|所要日)$/;
const DURATION_CONFIDENCE = 0.9;

/** Mon–Fri days from one ISO day to another, both counted (0 when the finish is before the start). */
function weekdaysBetween(start: string, finish: string): number {
  const a = Date.parse(`${start}T00:00:00Z`) / 86_400_000;
  const b = Date.parse(`${finish}T00:00:00Z`) / 86_400_000;
  let n = 0;
  // 1970-01-01 was a Thursday: day k's weekday is (k + 4) % 7, 0 Sunday.
  for (let k = a; k <= b && n <= 10_000; k++) if ((k + 4) % 7 !== 0 && (k + 4) % 7 !== 6) n++;
  return n;
}

/**
 * A bare 期間 / Duration column of plain numbers is the working days where its numbers are the weekdays
 * from each row's start to its finish (or up to two fewer: holidays), on four rows in five or more, and
 * on no row only the calendar days are (a gantt's 期間 counted in calendar days is another figure).
 */
function durationsMatchDates(target: ImportTarget, aligned: (col: HeaderColumn) => (Cell | undefined)[], col: HeaderColumn, start: HeaderColumn, finish: HeaderColumn, ctx: ValueContext): boolean {
  const spec = fieldSpec(target, 'plannedStart')!;
  const day = (cell: Cell | undefined) => {
    if (!cell) return null;
    const v = readValue(spec, cell, ctx);
    return v.ok && typeof v.value === 'string' ? v.value : null;
  };
  const [ns, ss, fs] = [aligned(col), aligned(start), aligned(finish)];
  let rows = 0;
  let working = 0;
  let calendarOnly = 0;
  ns.forEach((cell, i) => {
    const n = cell?.t === 'n' ? (cell.v as number) : null;
    const [s, f] = [day(ss[i]), day(fs[i])];
    if (n === null || !Number.isInteger(n) || s === null || f === null || f < s) return;
    rows++;
    const w = weekdaysBetween(s, f);
    const calendar = Math.round((Date.parse(`${f}T00:00:00Z`) - Date.parse(`${s}T00:00:00Z`)) / 86_400_000) + 1;
    if (n <= w && n >= w - 2) working++;
    else if (n === calendar) calendarOnly++;
  });
  return rows > 0 && working * 5 >= rows * 4 && calendarOnly === 0;
}

function durationsWithUnit(cells: Cell[]): boolean {
  const filled = cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
  const withUnit = filled.filter((c) => c.t === 's' && DAYS_WITH_UNIT.test((c.v as string).normalize('NFKC').trim().toLowerCase()));
  return withUnit.length >= 2 && withUnit.length * 5 >= filled.length * 4;
}

/** Four or more values, fewer than four in five of them different. */
function repeats(cells: Cell[]): boolean {
  const values = cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === '')).map((c) => `${c.t}:${String(c.v).trim()}`);
  return values.length >= 4 && new Set(values).size < 0.8 * values.length;
}

/** Columns whose own word ends in a number that other columns of the header share the word of (分類1, 分類2). */
function numberedSeries(header: HeaderColumn[]): Set<number> {
  const stems = header.map((col) => /^(\D+?)\s*[(（]?\d{1,2}[)）]?$/.exec((col.parts[col.parts.length - 1] ?? '').normalize('NFKC').trim())?.[1] ?? null);
  const out = new Set<number>();
  stems.forEach((stem, i) => {
    if (stem !== null && stems.some((other, j) => j !== i && other === stem)) out.add(i);
  });
  return out;
}

/** The column's own word is one of the field's words as written (カテゴリ1 for a level), not a match inside it. */
function exactWord(target: ImportTarget, parts: string[], field: string): boolean {
  return matchLabel(target, [parts[parts.length - 1] ?? '']).some((m) => m.field === field && m.confidence >= 1);
}

/**
 * The header texts that name a column. A group label whose word one of its columns repeats as its own
 * (指摘内容 over 指摘箇所 | 指摘区分 | … | 指摘内容) names that column: the others are its parts, each named
 * by its own word alone (指摘箇所, where a finding is, is no finding's detail).
 */
function ownParts(header: HeaderColumn[], col: HeaderColumn): string[] {
  if (col.parts.length < 2) return col.parts;
  const group = labelKey(col.parts[col.parts.length - 2]!);
  const repeated = header.some((o) => o !== col && o.parts.every((p) => labelKey(p) === group));
  return repeated ? [col.parts[col.parts.length - 1]!] : col.parts;
}

/**
 * The key named only by a group label over the column, not by the column's own word under it (指摘 over
 * 件数 | 密度 | 基準値: a count is no finding's title; Issues over Count | Density): the label names the
 * group, a column of it is the record's key only by its own word (blind set 10, R2). (Other fields keep
 * the label's word: 実績 over 工数 is the actual effort, 影響範囲 over コスト | 納期 the scope's marks.)
 */
function keyByGroupOnly(target: ImportTarget, parts: string[], field: string): boolean {
  if (field !== KEY_FIELD[target] || parts.length < 2) return false;
  const names = (texts: string[]) => matchLabel(target, texts).some((m) => m.field === field && m.confidence >= MIN_CONFIDENCE);
  return !names([parts[parts.length - 1]!]) && parts.slice(0, -1).some((p) => names([p]));
}

/**
 * The header's columns named for a thing another of its columns numbers, further right than the table's
 * first column (Risk ID# … Control ID# | Control Short Description | Upfront Costs: the controls listed on
 * each risk's rows, corpus risk-en-adelejennifer): such a column describes that thing, never the record,
 * so it takes neither the record's name nor its long text. A log's first column numbers its own records,
 * whatever their noun (逸脱No. | 逸脱内容). (A WBS's 工程No | 工程名 are its levels.)
 */
function describesOtherThing(target: ImportTarget, header: HeaderColumn[]): Set<number> {
  const out = new Set<number>();
  if (target === 'wbs') return out;
  const things = new Set(
    header.slice(1).flatMap((col) => {
      const x = numberedThing(col.parts[col.parts.length - 1] ?? '');
      return x !== null && x.length >= 2 && !ownNumberWord(target, x) && !namesOtherRecord(target, x) ? [x] : [];
    }),
  );
  if (things.size === 0) return out;
  header.forEach((col, i) => {
    const own = headKey(col);
    if (numberedThing(col.parts[col.parts.length - 1] ?? '') === null && [...things].some((x) => own.length > x.length && own.startsWith(x))) out.add(i);
  });
  return out;
}

/** A title's texts: a few words at most on average, each record its own (a theme, a subject), shorter than the narrative beside them. */
const TITLE_CHARS = 40;

/**
 * The nearest visible column before the long text's column `headed` that no field took, headed by no
 * other thing's name, whose cells are short texts of words, each record its own — no IDs, no people —
 * and shorter on average than the long text's: the records' titles (テーマ | 事象・経緯, Subject |
 * Background). -1 when none.
 */
function shortTitleBefore(target: ImportTarget, header: HeaderColumn[], headed: number, byColumn: Map<number, { field: string }>, samples: { cells: Samples; ctx: SampleContext }): number {
  const mean = (texts: readonly string[]) => texts.reduce((n, t) => n + t.length, 0) / texts.length;
  // (Read from three records up, not key-texts' five: a short register — four issues — has its title too,
  // and the key this replaces was a guess, asked either way.)
  const typed = (cells: Cell[]) => {
    const filled = cells.filter((c) => c.t !== 'e' && !(c.t === 's' && (c.v as string).trim() === ''));
    const texts = filled.filter((c) => c.t === 's' && !c.f).map((c) => (c.v as string).normalize('NFKC').trim().replace(/\s+/g, ' '));
    return texts.length >= TITLE_RECORDS && texts.length === filled.length ? texts : null;
  };
  const own = (texts: readonly string[]) => new Set(texts).size >= OWN_TITLES * texts.length;
  const long = typed(samples.cells(header[headed]!));
  if (!long || !own(long) || mean(long) < LONG_TITLE_CHARS) return -1;
  for (let i = headed - 1; i >= 0; i--) {
    const col = header[i]!;
    if (byColumn.has(i) || col.hidden || nameHeader(col.parts[col.parts.length - 1] ?? '') === 'other') continue;
    const cells = samples.cells(col);
    const texts = typed(cells);
    if (!texts || !own(texts) || texts.some((t) => !/\p{L}{2}/u.test(t))) continue;
    // (IDs of one scheme among section rows' titles — CO-017 … under PHASE 1 — name no record either:
    // blind set 18, I4a, where the section rows became records titled by the whole row.)
    const ids = texts.filter((t) => idShape(t) !== null);
    if (texts.every((t) => ID_TEXT.test(t)) || (ids.length * 2 >= texts.length && oneIdScheme(ids)) || mean(texts) > TITLE_CHARS || mean(texts) >= mean(long) || holdsPeople(target, cells, samples.ctx)) continue;
    return i;
  }
  return -1;
}
/** A key's word at this confidence or above names it plainly; below, a header naming a long text too yields it to a title before it. */
const NAMED_KEY = 0.75;
/** Fewest records whose texts say a title column before a narrative. */
const TITLE_RECORDS = 3;
/** A narrative's texts: this many characters on average (key-texts' long text). */
const LONG_TITLE_CHARS = 15;
/** Share of a title column's texts that are each record's own. */
const OWN_TITLES = 0.8;
/** A client's ID or code: one word with a digit (LL-27-01, A12). */
const ID_TEXT = /^(?=.*\d)[\p{L}\p{N}._/#-]{1,24}$/u;

export interface Assignment {
  columns: ColumnMapping[];
  /** Sum of the confidences of the fields found, plus 1 when the key field (name/title) is among them. */
  score: number;
  hasKey: boolean;
  /** The key's column was found by its cells or as the long text (GUESSED_KEY, HEADED_KEY), not named by a header word. */
  keyGuessed: boolean;
}

/**
 * Assigns fields to header columns. `samples(col)` gives the cells under a column (for the type check);
 * without it only the header words count (used while scanning for the header).
 */
/** Cells that are words a list field reads, for a column with no list of its own: at least this many. */
const LIST_CELLS = 3;

/** A field of several lines of text (a response plan, a description): never filled from a list. */
export function longText(target: ImportTarget, field: string): boolean {
  return REGISTER_LIST.find((r) => r.name === target)?.columns[field]?.long === true;
}

/** The one list field whose values a column's cells all are, as short words (two or more of them); else none. */
function wordsOfOneList(target: ImportTarget, col: HeaderColumn, cells: Cell[], ctx: SampleContext): { field: string; share: number }[] {
  const filled = cells.filter((c) => c.t !== 's' || (c.v as string).trim() !== '');
  // Words, not marks or letters (A/B/C, ○/×): those read as too many lists to say which.
  if (filled.length < LIST_CELLS || !filled.every((c) => c.t === 's' && /^\S.{1,11}$/u.test((c.v as string).trim()) && /\p{L}{2}/u.test(c.v as string))) return [];
  if (new Set(filled.map((c) => (c.v as string).trim().toLowerCase())).size < 2) return [];
  const fits = Object.entries(TARGET_FIELDS[target])
    .filter(([, spec]) => spec.kind === 'vocab' || spec.kind === 'wbsStatus')
    .map(([field]) => ({ field, share: fit(target, field, col.label, filled, ctx) ?? 0 }))
    .filter((f) => f.share === 1);
  return fits.length === 1 ? fits : [];
}

/** A money unit in a header's brackets: 影響額(千円), (万円), Cost (k£), (USD), ($), 金額[円]. */
const MONEY_UNIT = /[(（\[［]\s*(?:[千万百億]?円|k?[£$€¥]k?|(?:usd|eur|gbp|jpy)(?:\s*k)?|k\s*(?:usd|eur|gbp|jpy))\s*[)）\]］]/i;
/** A figure a money column holds: 350, 1,200, £12,500, ¥30万. */
const MONEY_TEXT = /^[£$€¥￥]?\s*[+-]?[\d,]+(?:\.\d+)?\s*(?:[千万億]?円|[kmb]|千|万)?$/i;
/** The confidence of a cost field read from a column headed with a money unit, not a word of the field. */
const MONEY_COLUMN = 0.8;

/**
 * A column whose header states a money unit (影響額(千円), Cost (k£)) and whose cells are figures is the
 * register's cost field (a change's impact on cost) when no column is headed as one: blind set 4, J11,
 * where 影響額(千円) of 350, 1200 … stayed an extra column and every change's cost impact empty.
 */
function moneyColumns(target: ImportTarget, header: HeaderColumn[], byColumn: Map<number, { field: string }>, taken: Set<string>, samples: { cells: Samples }): [number, { field: string; confidence: number }][] {
  const field = Object.keys(TARGET_FIELDS[target]).find((f) => /Cost$/.test(f) && fieldSpec(target, f)?.kind === 'text');
  if (!field || taken.has(field)) return [];
  const i = header.findIndex((col, i) => {
    if (byColumn.has(i) || !MONEY_UNIT.test((col.parts[col.parts.length - 1] ?? '').normalize('NFKC'))) return false;
    const filled = samples.cells(col).filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
    return filled.length > 0 && filled.every((c) => c.t === 'n' || (c.t === 's' && MONEY_TEXT.test((c.v as string).normalize('NFKC').trim())));
  });
  return i < 0 ? [] : [[i, { field, confidence: MONEY_COLUMN }]];
}

/** The confidence of a status or decision read from a column of ticks under the state's name (check-columns.ts). */
const CHECK_COLUMN = 0.8;

/**
 * A column of ticks under a state's name (完了 ✓, Done? TRUE, 承認 ○/×, 反映済 レ) is the field the tick
 * sets (check-columns.ts): where no column holds that field, or where the header's word took the column
 * for a date its ticks are not (Closed, 完了 read as the day it closed).
 */
function checkColumns(target: ImportTarget, header: HeaderColumn[], byColumn: Map<number, { field: string }>, taken: Set<string>, samples: { cells: Samples; ctx: SampleContext }): [number, { field: string; confidence: number }][] {
  const out: [number, { field: string; confidence: number }][] = [];
  header.forEach((col, i) => {
    const own = byColumn.get(i);
    // (A column taken as a date or a text by a word inside its header — 対応 in 対応済 is the response —
    // holds no date or text when every cell is a tick: review U11.)
    if (own && (own.field === KEY_FIELD[target] || (fieldSpec(target, own.field)?.kind !== 'date' && fieldSpec(target, own.field)?.kind !== 'text'))) return;
    const named = checkTarget(target, col.parts[col.parts.length - 1] ?? '', samples.ctx.vocab);
    if (!named || taken.has(named.field) || out.some(([, a]) => a.field === named.field) || !readsAsChecks(samples.cells(col))) return;
    out.push([i, { field: named.field, confidence: CHECK_COLUMN }]);
  });
  return out;
}

/** A date word closing a header (CAB Date, 判定日, 承認日付) or opening it (Date of CAB), and the words before it. */
const DATE_WORD_END = /^(.*?\S)[\s_]*(?:date|day|日付|日)$/i;
const DATE_WORD_START = /^date(?:\s+of)?\s+(\S.*)$/i;

/** What a date column's own word dates, without its date word (CAB Date, Date of CAB → CAB; 判定日 → 判定); undefined when it has no date word. */
export function datedWords(own: string): string | undefined {
  const w = own.normalize('NFKC').trim();
  return DATE_WORD_END.exec(w)?.[1] ?? DATE_WORD_START.exec(w)?.[1];
}

/** Whether another column's own word names what `dated` dates (CAB Decision, Decision for Decision; 変更判定 for 判定). */
export function namesDated(dated: string, otherOwn: string): boolean {
  const body = labelKey(dated);
  const other = labelKey(otherOwn);
  return body !== '' && (other.startsWith(body) || other.endsWith(body));
}
/** The confidence of a date field read from a mapped column's words with a date word (CAB Decision → CAB Date). */
const DATE_OF_NAMED = 0.8;

/**
 * A date column named by another mapped column's words with a date word (CAB Decision | CAB Date,
 * 変更判定 | 変更判定日, Approved By | Approved Date): the date of what that column holds — the field the
 * other column's own word with a date word names (Decision Date → decidedOn), or its By field's On
 * (decidedBy → decidedOn). Blind set 4, J10: CAB Date stayed an extra column and five decision dates were lost.
 */
function dateOfNamedColumn(target: ImportTarget, header: HeaderColumn[], byColumn: Map<number, { field: string }>, taken: Set<string>, samples: { cells: Samples; ctx: SampleContext }): [number, { field: string; confidence: number }][] {
  const out: [number, { field: string; confidence: number }][] = [];
  const fields = TARGET_FIELDS[target];
  const free = (f: string) => fieldSpec(target, f)?.kind === 'date' && !taken.has(f) && !out.some(([, a]) => a.field === f);
  header.forEach((col, i) => {
    if (byColumn.has(i)) return;
    const body = datedWords(col.parts[col.parts.length - 1] ?? '');
    if (!body) return;
    const bodyKey = labelKey(body);
    for (const [j, a] of byColumn) {
      const otherOwn = header[j]!.parts[header[j]!.parts.length - 1] ?? '';
      if (!namesDated(body, otherOwn)) continue;
      const otherKey = labelKey(otherOwn);
      const head = otherKey.startsWith(bodyKey) ? otherKey.slice(bodyKey.length) : otherKey.slice(0, otherKey.length - bodyKey.length);
      // (Also the date the register names after the field the column was read as: Disposition read as the
      // decision dates its Disposition Date as Decision date, the decided-on date — blind set 16, I1.)
      const own = target === 'wbs' ? undefined : REGISTERS[target].columns[a.field];
      const words = [head, otherKey, ...(own ? [labelKey(own.en), labelKey(own.ja)] : [])].filter((k) => k !== '');
      const named = words.flatMap((k) => [...matchLabel(target, [`${k} date`]), ...matchLabel(target, [`${k}日`])]);
      const partner = a.field.replace(/By$/, 'On');
      const field = named.find((m) => m.confidence >= 0.9 && free(m.field))?.field ?? (partner !== a.field && partner in fields && free(partner) ? partner : undefined);
      if (!field || (fit(target, field, col.label, samples.cells(col), samples.ctx) ?? 0) < 0.8) continue;
      out.push([i, { field, confidence: DATE_OF_NAMED }]);
      return;
    }
  });
  return out;
}

/** The confidence of a WBS code read from a numbering column's cells (outline-codes.ts), not its word. */
const OUTLINE_CODES = 0.8;

/**
 * The column left of the task names that no field took, headed by a numbering word (No., #, 番号, 項番, a
 * loose word of the WBS code), by a word that names no field (Item #, 体系番号, Ref Code: blind set 16, I1 —
 * 1.2.1 under Item # was offered as an effort) or by nothing, whose cells are outline codes (1, 1.1, 1.2, 2;
 * 1-1-2): the WBS code, whatever its word (a No. column is the code at 0.4 by its word alone). A column
 * whose word names another field (工数, Effort) stays that field's. -1 when none.
 */
function outlineCodeColumn(header: HeaderColumn[], byColumn: Map<number, { field: string }>, aligned: (col: HeaderColumn) => (Cell | undefined)[]): number {
  const nameAt = [...byColumn.entries()].find(([, a]) => a.field === 'name')?.[0] ?? header.length;
  const numbering = (col: HeaderColumn) => {
    const own = (col.parts[col.parts.length - 1] ?? '').normalize('NFKC').trim();
    const named = matchLabel('wbs', [own]);
    return own === '' || NUMBER_LABEL.test(own) || named.some((m) => m.field === 'wbsCode') || !named.some((m) => m.confidence >= MIN_CONFIDENCE);
  };
  return header.findIndex((col, i) => i < nameAt && !byColumn.has(i) && col.span === 1 && numbering(col) && holdsOutlineCodes(aligned(col)));
}

/** Share of a column's filled cells that must read as date ranges (4/1～4/15) for it to be the tasks' period. */
const RANGE_SHARE = 0.8;

/**
 * Whether a column's cells are start～finish ranges: two or more filled, four in five reading as a range
 * or a single date (a milestone: a date cell or date text, review U16), and most of them true ranges.
 */
function holdsRanges(cells: Cell[], reference: string): boolean {
  const filled = cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
  if (filled.length < 2) return false;
  const order = rangeOrder(filled.flatMap((c) => (c.t === 's' ? [c.v as string] : [])));
  const read = filled.map((c) => periodOfCell(c, reference, order));
  const ranges = read.filter((r) => r !== null && !r.single).length;
  return read.filter((r) => r !== null).length >= RANGE_SHARE * filled.length && ranges * 2 > filled.length;
}

/** Each actual date field and the planned one a header without a plan/actual split means by the same word. */
const PLANNED_OF: Record<string, string> = { actualStart: 'plannedStart', actualFinish: 'plannedFinish' };
/** A header word that splits plan from actual. */
const PLAN_OR_ACTUAL = /予定|計画|実績|実働|見込|基準|plan|baseline|actual|scheduled|forecast|estimated/i;

/**
 * A schedule whose header never splits plan from actual (開始日 | 完了日, 着手日 | 完了日, Start | Finished)
 * has one pair of dates, and that pair is the plan: 完了日 (着手日, Finished) is an actual only beside a
 * planned date of its own kind (予定終了日 | 完了日, or 予定 / 実績 over the dates). So an actual date taken by
 * a word that only may mean the actual (a synonym weighted below 1: 完了日, 着手日, 着手, 最終日, finished)
 * becomes the planned date when no column takes that planned date and no date column's header says plan
 * or actual (予定, 計画, 実績, Planned, Actual, Baseline…: then the header does split, and the loose word
 * stays an actual) — decided per kind: a split of the starts says nothing of the finishes.
 * Blind set 7, M7: 開始日 | 完了日 read 完了日 as the actual finish, so every task was done on its last day.
 */
function planWithoutSplit(header: HeaderColumn[], byColumn: Map<number, { field: string; confidence: number }>, taken: Set<string>): void {
  const dated = [...byColumn.entries()].filter(([, a]) => fieldSpec('wbs', a.field)?.kind === 'date');
  // Split per kind (review U9): 開始日 | 完了日 | 実績開始日 splits the starts, not the finishes — 完了日
  // stays the plan's finish where no finish's header says plan or actual.
  const kind = (field: string) => (/Start$/.test(field) ? 'start' : /Finish$/.test(field) ? 'finish' : field);
  const split = new Set(dated.filter(([i]) => header[i]!.parts.some((p) => PLAN_OR_ACTUAL.test(p.normalize('NFKC')))).map(([, a]) => kind(a.field)));
  const loose = (i: number, field: string) => matchLabel('wbs', ownParts(header, header[i]!)).some((m) => m.field === field && m.confidence < 1);
  const actuals = dated.filter(([i, a]) => a.field in PLANNED_OF && !split.has(kind(a.field)) && loose(i, a.field));
  for (const [i, a] of actuals) {
    const planned = PLANNED_OF[a.field]!;
    if (taken.has(planned)) continue;
    taken.delete(a.field);
    taken.add(planned);
    byColumn.set(i, { field: planned, confidence: a.confidence });
  }
}

/** A heading's last word that says the column classifies (原因区分, 原因分類, Cause Category, Cause Type). */
const CLASS_HEAD = /(?:区分|分類|種別|種類|category|type|class|classification|kind)$/;
const meanLength = (cells: Cell[]) => {
  const texts = cells.filter((c) => c.t === 's' && (c.v as string).trim() !== '').map((c) => (c.v as string).trim().length);
  return texts.length === 0 ? 0 : texts.reduce((a, b) => a + b, 0) / texts.length;
};

/**
 * Two columns naming one text field, one of them its classification (原因区分 | 原因内容, Cause Category |
 * Root Cause): the classification is the record's category (short words: 設計誤り, 仕様誤り), the other
 * the text itself (the sentences), where the category is not taken. The classification won the text
 * field as the first column, and the text was left the client's (blind set 12, R4: 43 cells).
 */
function classBesideText(
  target: ImportTarget,
  header: HeaderColumn[],
  byColumn: Map<number, { field: string; confidence: number }>,
  taken: Set<string>,
  candidates: { i: number; field: string; confidence: number }[],
  cells?: Samples,
): void {
  const own = (i: number) => headKey(header[i]!);
  for (const [a, assigned] of [...byColumn]) {
    if (!longText(target, assigned.field) || !CLASS_HEAD.test(own(a))) continue;
    const text = candidates.find((c) => c.field === assigned.field && c.i !== a && !byColumn.has(c.i) && !CLASS_HEAD.test(own(c.i)));
    const category = candidates.find((c) => c.i === a && !taken.has(c.field) && !longText(target, c.field) && fieldSpec(target, c.field)?.kind !== 'date');
    if (!text || !category) continue;
    // The classification holds the shorter words (when the cells are there to say).
    if (cells && meanLength(cells(header[a]!)) >= meanLength(cells(header[text.i]!))) continue;
    byColumn.set(a, category);
    taken.add(category.field);
    byColumn.set(text.i, text);
  }
}

/** A heading that says impact and nothing more of which (影響, 影響評価, 影響内容, Impact Assessment). */
const GENERIC_IMPACT = /^(?:影響|影響評価|影響内容|影響分析|影響調査|impact|impacts|impactassessment|impactanalysis|impactdetails?)$/;
/** A grade of how much (High, 中, Major, B, 3): a rating's word, never what the impact touches. */
const GRADE_WORD = /^(?:very high|very low|high|medium|med|low|h|m|l|高|中|低|大|小|極大|極小|特大|critical|major|minor|moderate|significant|negligible|severe|none|なし|無|有|[a-e]|[0-9])$/i;

/**
 * A column headed only "impact" beside columns that take the schedule's and the cost's impact is the
 * impact left, the scope (Impact Assessment beside Schedule Impact | Cost Impact holds "Order and result
 * interfaces; LIS rules": what the change touches — blind set 12, R3). Its cells are free text, each its
 * own (a grade list, High / Low, is a rating, not the scope).
 */
function impactLeftOver(target: ImportTarget, header: HeaderColumn[], byColumn: Map<number, { field: string; confidence: number }>, taken: Set<string>, cells?: Samples): void {
  if (!IMPACT_FIELDS.every((f) => fieldSpec(target, f))) return;
  const left = IMPACT_FIELDS.filter((f) => !taken.has(f));
  if (left.length !== 1) return;
  const generic = header.flatMap((col, i) => (!byColumn.has(i) && GENERIC_IMPACT.test(headKey(col).replace(/\s+/g, '')) ? [i] : []));
  if (generic.length !== 1) return;
  const at = generic[0]!;
  if (cells) {
    const texts = cells(header[at]!).filter((c) => c.t === 's' && (c.v as string).trim() !== '').map((c) => (c.v as string).trim());
    if (texts.length < 2 || new Set(texts).size * 2 <= texts.length || texts.every((t) => GRADE_WORD.test(t.normalize('NFKC')))) return;
  }
  byColumn.set(at, { field: left[0]!, confidence: MIN_CONFIDENCE });
  taken.add(left[0]!);
}

export function assignFields(
  target: ImportTarget,
  header: HeaderColumn[],
  samples?: {
    cells: Samples;
    ctx: SampleContext;
    /** The words of the client's list validation on the column's cells (client-lists.ts), if any. */
    lists?: (col: HeaderColumn) => string[] | null;
  },
): Assignment {
  const candidates: { i: number; field: string; confidence: number }[] = [];
  const series = numberedSeries(header);
  const platform = listSystemColumns(header.map((col) => col.label));
  const otherThing = describesOtherThing(target, header);
  header.forEach((col, i) => {
    if (platform.has(i)) return;
    if (col.groupOnly && header.some((other) => other !== col && other.parts[0] === col.parts[0] && !other.groupOnly)) return;
    // The client's list on the column, when its words read as the values of list fields (回避, 軽減, 転嫁,
    // 受容: a response strategy): those fields it may be. A list of people or places names none.
    const words = samples?.lists?.(col);
    const cells: Cell[] = (words ?? []).map((w) => ({ c: col.c, t: 's', v: w }));
    const fits: { field: string; share: number }[] =
      words && words.length >= 2
        ? Object.entries(TARGET_FIELDS[target])
            .filter(([, spec]) => spec.kind === 'vocab' || spec.kind === 'wbsStatus')
            .map(([field]) => ({ field, share: fit(target, field, col.label, cells, samples!.ctx) ?? 0 }))
            .filter((f) => f.share >= LIST_FIT)
        : [];
    // Without a list, a column headed as a long text field whose cells are each a short word of one list
    // field's values (Reduce, Accept, Avoid under `Response`: a strategy, the plan in the next column)
    // is filled from that list all the same (blind set 3, H5).
    if (fits.length === 0 && !words && samples && matchLabel(target, ownParts(header, col)).some((m) => longText(target, m.field))) fits.push(...wordsOfOneList(target, col, samples.cells(col), samples.ctx));
    const listed = fits.length > 0;
    // A hidden column of formulas only is a helper (a code, a sort key, the name copied for a lookup):
    // it takes no field. A hidden column of typed values may be the client's data hidden for printing;
    // it keeps its words, but a visible column naming the same field comes first.
    if (col.hidden && samples) {
      const filled = samples.cells(col).filter((c) => c.t !== 's' || (c.v as string).trim() !== '');
      if (filled.length > 0 && filled.every((c) => c.f)) return;
    }
    // A generic head of a classification (分類, 区分, Type, Class) over a grade's words (重大 / 重要 / 軽微,
    // Critical / Major / Minor, 高 / 中 / 低) is that grade, ahead of the category its word names (blind set
    // 11, C3); where another column takes the grade, the head's own field stands.
    const graded = samples ? gradeUnderClass(target, col, samples.cells(col), samples.ctx.vocab) : null;
    if (graded) candidates.push({ i, field: graded, confidence: Math.max(...matchLabel(target, ownParts(header, col)).map((m) => m.confidence), MIN_CONFIDENCE) });
    // A plan's column of outline codes (A, A.1, B.2.1; 1-2-0; 1.1) is its WBS code whatever word heads it
    // (Item, Line Item, 項目, タスクコード: words of the task's name too), never a name or any text (a
    // predecessor's codes aside): the names are in a column beside it (blind set 18, I3 — the codes became the tasks' names). A word naming
    // another field its cells fit more surely (工数 over 1, 1.5, 2) still takes the column.
    const coded = target === 'wbs' && col.span === 1 && !!samples?.cells.aligned && holdsOutlineCodes(samples.cells.aligned(col));
    if (coded) candidates.push({ i, field: 'wbsCode', confidence: OUTLINE_CODES });
    for (const m of matchLabel(target, ownParts(header, col))) {
      if (coded && m.field !== 'predecessors' && fieldSpec(target, m.field)?.kind === 'text') continue;
      if (keyByGroupOnly(target, ownParts(header, col), m.field)) continue;
      if (otherThing.has(i) && (m.field === KEY_FIELD[target] || longText(target, m.field))) continue;
      // 分類1 | 分類2 | 分類3: the client's own levels of a classification, none of them one list value.
      if (series.has(i) && fieldSpec(target, m.field)?.kind === 'vocab' && !exactWord(target, col.parts, m.field)) continue;
      if (m.field === KEY_FIELD[target] && m.confidence < WEAK_KEY && samples && repeats(samples.cells(col))) continue;
      // Distinct IDs of one scheme (CHG0031542 …, RSV-0031 …: shaped-ids.ts) number the records, they name
      // none, whatever noun heads them (Change Ticket: blind set 19, I4 — the IDs became the titles and the
      // notes under the table records): the record's ID, where the register has one.
      if (m.field === KEY_FIELD[target] && target !== 'wbs' && samples && idsOfOneScheme(samples.cells(col))) {
        candidates.push({ i, field: 'ref', confidence: m.confidence });
        continue;
      }
      let confidence = m.confidence;
      // A person's field over dates is not what the cells hold (Action By of dates is the due date it also
      // names: DEV-UNSEEN): the word gives way, and the column is the field its cells fit, or the client's
      // own, offered and asked. A long text's word over people's names (対応する人, 対応方針 of surnames: who
      // responds, not the response) names the register's person the record is with, if no column is surer.
      if (samples && personFields(target).includes(m.field) && holdsDates(samples.cells(col), samples.ctx)) continue;
      // So is any text's field over dates: a header naming a plan's or an action's word with a date's (対策完了
      // 予定, 処置内容確定日, Response Agreed) is the date of that thing, which its cells show (blind set 18, I1:
      // 対策完了予定 of dates was read as the response plan, silently, and the plan's own column lost its field).
      // (Not outline codes that read as dotted dates — 1.2.3 under 先行, a predecessor's code — unless the
      // header's day word or the sheet's note says they are dates: 26.8.17 under 回答受領日.)
      if (samples && fieldSpec(target, m.field)?.kind === 'text' && m.field !== KEY_FIELD[target] && holdsDates(samples.cells(col), samples.ctx, undefined, { target, label: col.label }) && (dottedSamples(target, col.label, samples.cells(col).flatMap((c) => (c?.t === 's' ? [c.v as string] : [])), samples.ctx) !== undefined || !samples.cells(col).some((c) => c?.t === 's' && OUTLINE_TEXT.test((c.v as string).trim())))) continue;
      if (samples && longText(target, m.field) && holdsPeople(target, samples.cells(col), samples.ctx)) {
        const person = personFields(target)[0];
        if (person) candidates.push({ i, field: person, confidence: m.confidence });
        continue;
      }
      if (samples) {
        const read = fit(target, m.field, col.label, samples.cells(col), samples.ctx, samples.lists?.(col) ?? null);
        // A status column whose words are a tracker's states the list does not hold as labels (Acceptance
        // Status: Accepted / Rejected / Pending — blind set 11, C2): its words say status as surely, each
        // read through its likely code (suggested in the preview), not a reason to drop the column.
        const states = read !== null && read < 1 && /status$/i.test(m.field) ? listShare(target, m.field, samples.cells(col), samples.ctx.vocab) : null;
        // Words read only at their stage of a record's life (a finding's Open / Implemented / Closed: blind set
        // 15, F1) say status too, less surely: each is a suggestion the user confirms, and another list's own
        // words (a decision's 承認 / 却下) name the column ahead of them.
        const staged = states !== null ? listShare(target, m.field, samples.cells(col), samples.ctx.vocab, true) : null;
        const share = Math.max(read ?? 0, states !== null && states >= OWN_WORDS_SHARE ? states : 0, staged !== null && staged >= OWN_WORDS_SHARE ? STAGED_SHARE * staged : 0) || read;
        // A column headed plainly as a list or rating field (Category, Probability) keeps it with words
        // not on the project's list or scale: the client's words are mapped (value maps) and free text
        // is kept with its row, flagged — not a reason to drop the column. Numbers that are no rating
        // (Impact (monetary): $15,000) say the column is something else.
        const kind = fieldSpec(target, m.field)?.kind;
        const words = kind === 'rating' && samples.cells(col).filter((c) => c.t === 's' && (c.v as string).trim() !== '').length > samples.cells(col).filter((c) => c.t === 'n').length;
        // A column headed plainly as a plan's status keeps it whatever share of its words read alone: the
        // rest are read by their place in the client's list or asked (予定 / 進行 beside 完了 / 延期 under
        // 状態 with a validation list of the four: blind set 17, I4 — the column was dropped silently).
        if (kind === 'wbsStatus' && m.confidence >= 0.9 && share !== null && share > 0 && share < 1) confidence = Math.max(confidence * (0.4 + 0.6 * share), MIN_CONFIDENCE);
        else if (share === 0 && (kind === 'vocab' || (kind === 'rating' && words)) && m.confidence >= 0.9) {
          // (Not the record's kind: a column none of whose words is like a kind of record — PC / サーバ /
          // ソフトウェア under 種別, an asset's type — is the client's own column: blind set 11, O1.)
          if (m.field === 'kind' && noneLikeItems(target, m.field, samples.cells(col), samples.ctx.vocab)) continue;
          confidence *= 0.75;
        } else if (share === 0 && m.field === 'progress' && target === 'wbs') {
          // 進捗 holding ○ / △ / × (a legend above: ○ done, △ in progress, × not started) is the task's
          // status in marks, not a percentage (blind set 4, J13).
          const marks = fit(target, 'status', col.label, samples.cells(col), samples.ctx);
          if (marks !== null && marks >= 0.8 && samples.cells(col).every((c) => c.t === 's' && (c.v as string).trim().length <= 1)) candidates.push({ i, field: 'status', confidence: m.confidence * 0.9 * marks });
          continue;
        } else if (share === 0) continue;
        else if (share !== null) confidence *= 0.4 + 0.6 * share;
      }
      if (col.hidden) confidence *= HIDDEN_COLUMN;
      // A column the client fills from a vocabulary's list holds no free text.
      if (listed && fieldSpec(target, m.field)?.kind === 'text') confidence *= LISTED_TEXT;
      if (confidence >= MIN_CONFIDENCE) candidates.push({ i, field: m.field, confidence });
    }
    if (samples) candidates.push(...listByOwnWords(target, header, col, i, samples), ...listOfUnnamed(target, header, col, i, samples));
    if (target === 'wbs' && samples && BARE_DURATION.test((col.parts[col.parts.length - 1] ?? '').normalize('NFKC').trim().toLowerCase()) && durationsWithUnit(samples.cells(col)))
      candidates.push({ i, field: 'duration', confidence: DURATION_CONFIDENCE });
    // Read as one list field's values only, the list names the column that field, whatever its header
    // word says, unless a word names another field more surely.
    if (fits.length === 1) candidates.push({ i, field: fits[0]!.field, confidence: LISTED_FIELD * fits[0]!.share });
  });
  // A risk's ratings written once per stage of its treatment (Inherent | Residual over L | I | Score): the
  // stage after the response is the client's own, whatever its words name (stage-twins.ts).
  if (Object.values(TARGET_FIELDS[target]).some((spec) => spec.kind === 'rating')) {
    const after = afterStageTwins(header);
    for (let k = candidates.length - 1; k >= 0; k--) if (after.has(candidates[k]!.i)) candidates.splice(k, 1);
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.i - b.i);
  const byColumn = new Map<number, { field: string; confidence: number }>();
  const taken = new Set<string>();
  for (const cand of candidates) {
    if (byColumn.has(cand.i) || taken.has(cand.field)) continue;
    byColumn.set(cand.i, cand);
    taken.add(cand.field);
  }
  if (target === 'wbs') planWithoutSplit(header, byColumn, taken);
  classBesideText(target, header, byColumn, taken, candidates, samples?.cells);
  impactLeftOver(target, header, byColumn, taken, samples?.cells);
  if (target === 'wbs' && samples?.cells.aligned && !taken.has('wbsCode')) {
    const i = outlineCodeColumn(header, byColumn, samples.cells.aligned);
    if (i >= 0) {
      byColumn.set(i, { field: 'wbsCode', confidence: OUTLINE_CODES });
      taken.add('wbsCode');
    }
  }
  // A plan with no start or finish column of its own may write both in one cell (4/1～4/15): that column gives them.
  const periodAt = target === 'wbs' && samples && !taken.has('plannedStart') && !taken.has('plannedFinish') ? header.findIndex((col, i) => !byColumn.has(i) && holdsRanges(samples.cells(col), samples.ctx.reference)) : -1;
  // A bare 期間 of plain numbers beside the start and finish it counts the working days of (see durationsMatchDates).
  const columnOf = (field: string) => [...byColumn.entries()].find(([, a]) => a.field === field)?.[0];
  const [startAt, finishAt] = [columnOf('plannedStart'), columnOf('plannedFinish')];
  if (target === 'wbs' && samples?.cells.aligned && !taken.has('duration') && startAt !== undefined && finishAt !== undefined) {
    const dctx: ValueContext = { ...samples.ctx, progressScale: 'percent', effortUnit: 'day' };
    const i = header.findIndex(
      (col, k) =>
        !byColumn.has(k) &&
        BARE_DURATION.test((col.parts[col.parts.length - 1] ?? '').normalize('NFKC').trim().toLowerCase()) &&
        durationsMatchDates(target, samples.cells.aligned!, col, header[startAt]!, header[finishAt]!, dctx),
    );
    if (i >= 0) {
      byColumn.set(i, { field: 'duration', confidence: DURATION_CONFIDENCE });
      taken.add('duration');
    }
  }
  if (samples) {
    for (const [i, a] of moneyColumns(target, header, byColumn, taken, samples)) {
      byColumn.set(i, a);
      taken.add(a.field);
    }
    for (const [i, a] of dateOfNamedColumn(target, header, byColumn, taken, samples)) {
      byColumn.set(i, a);
      taken.add(a.field);
    }
    // (Columns under a group label whose own words name no field: their cells choose, group-fields.ts.)
    for (const [i, a] of groupFields(target, header, byColumn, taken, samples)) {
      byColumn.set(i, a);
      taken.add(a.field);
    }
    for (const [i, a] of checkColumns(target, header, byColumn, taken, samples)) {
      const displaced = byColumn.get(i);
      if (displaced) taken.delete(displaced.field);
      byColumn.set(i, a);
      taken.add(a.field);
    }
  }
  // A WBS without a task-name column names its tasks in the deepest 大/中/小 column.
  if (target === 'wbs' && !taken.has('name')) {
    const deepest = [...byColumn.entries()]
      .filter(([, a]) => /^level\d$/.test(a.field))
      .sort((a, b) => Number(b[1].field.slice(5)) - Number(a[1].field.slice(5)))[0];
    if (deepest) {
      taken.delete(deepest[1].field);
      byColumn.set(deepest[0], { field: 'name', confidence: deepest[1].confidence });
      taken.add('name');
    }
  }
  const key = KEY_FIELD[target];
  // The key field takes column i; the field it displaces takes its next best free column.
  const seatKey = (i: number, assignment: { field: string; confidence: number }) => {
    const displaced = byColumn.get(i);
    byColumn.set(i, assignment);
    taken.add(key);
    if (!displaced) return;
    taken.delete(displaced.field);
    const next = candidates.find((c) => c.field === displaced.field && !byColumn.has(c.i));
    if (next) {
      byColumn.set(next.i, next);
      taken.add(next.field);
    }
  };
  // No column won the key field (its column went to a field it matches better, as 課題内容 → detail):
  // the key takes its best column, and the field it displaces takes its next best free one.
  if (!taken.has(key)) {
    const best = candidates.filter((c) => c.field === key).sort((a, b) => b.confidence - a.confidence || a.i - b.i)[0];
    if (best) seatKey(best.i, best);
  }
  // The record stated in its own noun's words (Issue Description, 課題内容) is its title where the key
  // went to a column that also names the response (Action, アクション, Next steps: the title of an action
  // list, but beside the issue it acts on, the response): that column takes its next free field.
  const weakKey = [...byColumn.entries()].find(([i, a]) => a.field === key && candidates.some((c) => c.i === i && c.field !== LONG_TEXT[target] && longText(target, c.field)));
  const stated = weakKey ? header.findIndex((col, i) => i !== weakKey[0] && (!byColumn.has(i) || byColumn.get(i)!.field === LONG_TEXT[target]) && statesRecord(target, col.parts[col.parts.length - 1] ?? '')) : -1;
  if (weakKey && stated >= 0) {
    const [was, seat] = weakKey;
    byColumn.delete(was);
    taken.delete(key);
    seatKey(stated, seat);
    const next = candidates.filter((c) => c.i === was && c.field !== key && !taken.has(c.field)).sort((a, b) => b.confidence - a.confidence)[0];
    if (next) {
      byColumn.set(was, next);
      taken.add(next.field);
    }
  }
  let keyGuessed = false;
  // A visible column no field took (or the long-text field's, `long`), headed by no other thing's name,
  // whose cells are long texts each record its own.
  const namesRecordsFirst = (col: HeaderColumn, i: number, long = false): boolean =>
    !!samples && !col.hidden && (long || !byColumn.has(i)) && nameHeader(col.parts[col.parts.length - 1] ?? '') !== 'other' && namesEach(cellTexts(samples.cells(col)));
  // Still no key: the longest free text of the table is its name (Description, 内容, 概要 in a register
  // that has no Title column) — read from the cells, or for an empty template, the long-text field's column.
  if (!taken.has(key)) {
    const longField = LONG_TEXT[target];
    let best: { i: number; length: number; confidence: number } | null = null;
    // The column headed as the long text (Description, 内容, 概要) first; else a column headed as the name
    // of a thing (研修名, Course Name) over distinct texts; else the longest text typed in. A notes column
    // (備考, Remarks: the long text of a plan) only where nothing else fits — a plan's notes are blank on
    // most rows and never name them (blind set 9, C2: 備考 was the name beside 研修名).
    const headed = [...byColumn.entries()].find(([, a]) => a.field === longField)?.[0];
    const notesOnly = longField === 'notes';
    let short: { i: number; length: number; confidence: number } | null = null;
    let responseAt: number | undefined;
    let named = false;
    // (Where the long-text field is what is done about a record — a finding's corrective action, a
    // defect's resolution — a column of long texts of their own before it, headed by no field's word,
    // names the records: a finding's Deviation before its Corrective action — blind set 16, I2. Guessed:
    // asked. A description or a detail describes the record and names it as well as any column.)
    const before = headed !== undefined && samples && RESPONSE_TEXT.has(longField) ? header.findIndex((col, i) => i < headed && namesRecordsFirst(col, i)) : -1;
    // (Where it is a narrative — what happened, its background: 事象・経緯, Situation — a column of short
    // texts of their own before it that no field took names the records: テーマ before 事象・経緯, a
    // lesson's theme before its story — blind set 17, I2, where the story became every lesson's title.
    // Guessed: asked.)
    const titled = headed !== undefined && before < 0 && samples ? shortTitleBefore(target, header, headed, byColumn, samples) : -1;
    if (before >= 0) best = { i: before, length: Infinity, confidence: GUESSED_KEY };
    else if (titled >= 0) best = { i: titled, length: Infinity, confidence: GUESSED_KEY };
    else if (headed !== undefined && (!notesOnly || !samples)) best = { i: headed, length: Infinity, confidence: HEADED_KEY };
    else if (samples) {
      header.forEach((col, i) => {
        const a = byColumn.get(i);
        const says = nameHeader(col.parts[col.parts.length - 1] ?? '');
        // (A column headed plainly as the response — CAPA, 対策, Countermeasure — says what is done about
        // each record, never what the record is, however long its text: blind set 11, C1. Not a loose word
        // (Decision of a decision log) nor a stacked head that names the record too (Risk over Mitigation).)
        const response = a !== undefined && a.field !== longField && longText(target, a.field) && a.confidence >= 0.9 && !col.parts.some((p) => matchLabel(target, [p]).some((m) => m.field === key && m.confidence >= MIN_CONFIDENCE));
        if (i === headed || says === 'other' || (a && fieldSpec(target, a.field)?.kind !== 'text')) return;
        const texts = samples.cells(col).filter((c) => c.t !== 'e' && !c.f && !(c.t === 's' && (c.v as string).trim() === ''));
        const words = texts.filter((c) => c.t === 's' && !/^[\d\s.,:/\-%]+$/.test(c.v as string));
        if (words.length === 0 || words.length < 0.7 * texts.length) return;
        const length = words.reduce((n, c) => n + (c.v as string).trim().length, 0) / words.length;
        // (Kept for last: a table whose only other text is short words in a column no field took — 停止, 遅延
        // under 発生箇所 — is named by them; one with no other text at all, by its response, asked.)
        if (response) {
          responseAt ??= i;
          return;
        }
        if (a === undefined && length >= 2 && (!short || length > short.length)) short = { i, length, confidence: GUESSED_KEY };
        if (!named && says === 'thing' && length >= 2 && new Set(words.map((c) => (c.v as string).trim())).size >= 0.8 * words.length) {
          best = { i, length, confidence: GUESSED_KEY };
          named = true;
        } else if (!named && length >= 4 && (!best || length > best.length)) best = { i, length, confidence: GUESSED_KEY };
      });
      if (!best && headed !== undefined) best = { i: headed, length: Infinity, confidence: HEADED_KEY };
      best ??= short ?? (responseAt === undefined ? null : { i: responseAt, length: 0, confidence: GUESSED_KEY });
    }
    if (best) {
      const { i, confidence } = best as { i: number; confidence: number };
      seatKey(i, { field: key, confidence });
      keyGuessed = true;
    }
  }
  // A key taken by a loose word from a header that names the register's long text as well (課題詳細, 変更内容:
  // the record's words and its detail's) is that long text where a column of short texts of their own
  // stands before it that no field took: that column names the records (blind set 17, I2). Guessed: asked.
  const weakKeyAt = [...byColumn.entries()].find(([, a]) => a.field === key && a.confidence < NAMED_KEY);
  if (samples && weakKeyAt && !keyGuessed) {
    const [at] = weakKeyAt;
    const narrative = candidates.filter((c) => c.i === at && c.field !== key && longText(target, c.field) && !taken.has(c.field)).sort((a, b) => b.confidence - a.confidence)[0];
    const to = narrative ? shortTitleBefore(target, header, at, byColumn, samples) : -1;
    if (narrative && to >= 0) {
      byColumn.set(at, narrative);
      taken.add(narrative.field);
      byColumn.set(to, { field: key, confidence: GUESSED_KEY });
      keyGuessed = true;
    }
  }
  // A key column repeating a handful of short words (Technical / Supplier / Budget under Topic) sorts the
  // records, it names none: the records' long texts of their own (under the long-text field's header, or
  // none) are the key, found by their cells (asked), and the column is the category where the register
  // has one free (blind set 16, I2: every risk was named "Technical"). A key named exactly is kept, and a
  // WBS's task names repeat by design (設計 / 製造 / 試験 under each phase).
  const keyAt = [...byColumn.entries()].find(([, a]) => a.field === key);
  if (target !== 'wbs' && samples && keyAt && keyAt[1].confidence < 1 && repeatsFewWords(cellTexts(samples.cells(header[keyAt[0]]!)))) {
    const to = header.findIndex((col, i) => i !== keyAt[0] && (!byColumn.has(i) || byColumn.get(i)!.field === LONG_TEXT[target]) && namesRecordsFirst(col, i, true));
    if (to >= 0) {
      byColumn.delete(keyAt[0]);
      taken.delete(key);
      const was = byColumn.get(to);
      if (was) taken.delete(was.field);
      byColumn.set(to, { field: key, confidence: GUESSED_KEY });
      taken.add(key);
      keyGuessed = true;
      if (TARGET_FIELDS[target].category && !taken.has('category')) {
        byColumn.set(keyAt[0], { field: 'category', confidence: SORTS_RECORDS });
        taken.add('category');
      }
    }
  }
  // A WBS written with phase names in one column and task names in the next (WBS要素名 | タスク名),
  // each row using one of them: both columns are the name, read like a merged column group. So are
  // three or more such columns, one per level (Phase | Activity | Task name, 大項目 | 中項目 | 作業): a
  // column beside the name's that a level word (Phase, 大項目) or a name word heads joins it when no row
  // fills both — each row names itself in its level's column. (Where the rows fill both, the level
  // column is each task's group, kept as such.)
  const spans = header.map((col) => col.span);
  if (target === 'wbs' && samples) {
    // (A note word heads the last level too: 大項目 | 中項目 | 詳細, each row filling one of them, names the
    // leaf tasks under 詳細 — a note beside its task's name is filled on the same row, so never joins: review U7.)
    const joins = (i: number) => {
      const a = byColumn.get(i);
      return a ? /^level\d$/.test(a.field) || a.field === 'notes' : candidates.some((c) => c.i === i && (c.field === 'name' || /^level\d$/.test(c.field)));
    };
    // Rows filling either of two column spans, and rows filling each: exactly one of them per row. No
    // slack: a group written once on its first task's row (大分類 above ten tasks) fills both on that row,
    // and joining would put the group's name over the task's and lose the task.
    const exclusive = (x: { c: number; span: number }, y: { c: number; span: number }) => {
      const a = samples.cells({ ...header[0]!, c: x.c, span: x.span }).length;
      const b = samples.cells({ ...header[0]!, c: y.c, span: y.span }).length;
      const both = samples.cells({ ...header[0]!, c: Math.min(x.c, y.c), span: x.span + y.span }).length;
      return a > 0 && b > 0 && a + b === both;
    };
    const drop = (gone: number) => {
      header = header.filter((_, i) => i !== gone);
      spans.splice(gone, 1);
      const moved = new Map<number, { field: string; confidence: number }>();
      for (const [i, v] of byColumn) if (i !== gone) moved.set(i > gone ? i - 1 : i, v);
      byColumn.clear();
      for (const [i, v] of moved) byColumn.set(i, v);
    };
    let at = [...byColumn.entries()].find(([, a]) => a.field === 'name')?.[0];
    for (let grew = true; grew && at !== undefined; ) {
      grew = false;
      const here = { c: header[at]!.c, span: spans[at]! };
      const next = header.findIndex((col) => col.c === here.c + here.span);
      if (next >= 0 && joins(next) && exclusive(here, { c: header[next]!.c, span: spans[next]! })) {
        const level = byColumn.get(next)?.field;
        if (level) taken.delete(level);
        spans[at] = spans[at]! + spans[next]!;
        drop(next);
        grew = true;
        continue;
      }
      const prev = header.findIndex((col, i) => col.c + spans[i]! === here.c);
      // (Leftwards only level words: a name word before the name is the sheet's other name column. So is
      // a header naming the parent (親タスク | 子タスク, 上位項目 | 下位項目, Parent Task | Sub Task): never a
      // name by its word alone (a tracker's Parent task holds numbers), but where each row fills either it
      // or the name, it is the phases' names, one level up — review T1.)
      // (Such a header is the parent field by its word — a tree by parent IDs, hierarchy.ts — until its
      // rows show it holds the phases' names instead.)
      const prevField = byColumn.get(prev)?.field;
      const parentNames = prev >= 0 && (prevField === undefined || prevField === 'parent') && isReferenceLabel(header[prev]!.parts[header[prev]!.parts.length - 1]!);
      if (prev >= 0 && (/^level\d$/.test(prevField ?? '') || parentNames) && exclusive({ c: header[prev]!.c, span: spans[prev]! }, here)) {
        if (prevField !== undefined) taken.delete(prevField);
        const name = byColumn.get(at)!;
        spans[prev] = spans[prev]! + spans[at]!;
        byColumn.set(prev, name);
        drop(at);
        at = prev;
        grew = true;
      }
    }
    // Level-number columns left of the name (大 | 中 | 小 holding 1 | 1 | 2, whatever their words): one
    // logical column, the WBS code, unless a code or level column already says the tree (level-numbers.ts).
    const nameAt = [...byColumn.entries()].find(([, a]) => a.field === 'name')?.[0];
    const coded = [...byColumn.values()].some((a) => a.field === 'wbsCode' && a.confidence >= LEVEL_NUMBERS);
    if (nameAt !== undefined && !coded && samples.cells.aligned) {
      // (A level word may head one of them: Lv1 | Lv2 | Lv3 reads Lv1 as a level column.)
      const free = header.flatMap((col, i) => (i < nameAt && spans[i] === 1 && (!byColumn.has(i) || /^(wbsCode|level\d?)$/.test(byColumn.get(i)!.field)) ? [i] : []));
      const run = levelNumberRun(free.map((i) => ({ c: header[i]!.c, cells: samples.cells.aligned!(header[i]!) })));
      const levelAt = [...byColumn.entries()].find(([, a]) => a.field === 'level')?.[0];
      if (run && (levelAt === undefined || (levelAt >= free[run[0]]! && levelAt <= free[run[1]]!))) {
        const first = free[run[0]]!;
        let last = free[run[1]]!;
        // Levels no row uses yet (Lv4 beside Lv1–Lv3) are the set's when nothing else stands between it and the name.
        const empty = (i: number) => free.includes(i) && header[i]!.c === header[i - 1]!.c + 1 && samples.cells(header[i]!).every((c) => c.t === 's' && (c.v as string).trim() === '');
        if (last + 1 < nameAt && Array.from({ length: nameAt - last - 1 }, (_, k) => last + 1 + k).every(empty)) last = nameAt - 1;
        for (const [i, a] of [...byColumn.entries()]) if (a.field === 'wbsCode' || (i >= first && i <= last)) {
          byColumn.delete(i);
          taken.delete(a.field);
        }
        byColumn.set(first, { field: 'wbsCode', confidence: LEVEL_NUMBERS });
        taken.add('wbsCode');
        for (let i = last; i > first; i--) {
          spans[first] = spans[first]! + spans[i]!;
          drop(i);
        }
      }
    }
  }
  // The confidence reported for a field its weak word and its cells agree on is the agreement's (the
  // field itself, and the table's score, stay as the candidates decided them).
  const agreed = (col: HeaderColumn, a: { field: string; confidence: number }) =>
    !!samples &&
    !col.hidden &&
    a.confidence < AGREED &&
    matchLabel(target, ownParts(header, col)).some((m) => m.field === a.field && m.confidence >= MIN_CONFIDENCE) &&
    (fit(target, a.field, col.label, samples.cells(col), samples.ctx) ?? 0) >= AGREE_SHARE;
  const columns: ColumnMapping[] = header.map((col, i) => {
    const a = byColumn.get(i);
    const spec = a ? fieldSpec(target, a.field) : undefined;
    return {
      c: col.c,
      span: spans[i]!,
      column: columnLabel(col.c, spans[i]!),
      label: col.label,
      field: a?.field ?? null,
      confidence: a ? (agreed(col, a) ? AGREED : a.confidence) : 0,
      ...(spec?.kind === 'effort' ? { unit: effortUnitOf(col.label) } : {}),
    };
  });
  const period = periodAt >= 0 ? columns.find((m) => m.c === header[periodAt]?.c && m.field === null) : undefined;
  if (period) period.period = true;
  const extras = columns.filter((m) => m.field === null && !m.period);
  extraKeys(extras).forEach((k, i) => (extras[i]!.extraKey = k));
  // The key alone, matched loosely, is no table (a diagram's box text, a title): it needs company.
  const keyConfidence = [...byColumn.values()].find((a) => a.field === key)?.confidence ?? 0;
  const hasKey = taken.has(key) && (byColumn.size >= 2 || keyConfidence >= 0.9);
  const score = [...byColumn.values()].reduce((s, a) => s + a.confidence, 0) + (hasKey ? 1 : 0);
  return { columns, score, hasKey, keyGuessed };
}

/**
 * The user's choices over a mapping: each named column takes the field given (null: kept as an extra
 * column), a field taken from another column leaves it (that column becomes extra), and extra keys
 * are made anew. Unknown columns or fields are answered as problems, not guessed.
 */
export function overrideFields(
  target: ImportTarget,
  columns: ColumnMapping[],
  overrides: { column: string; field: string | null; rowOffset?: number }[],
): { columns: ColumnMapping[]; problems: string[] } {
  const out = columns.map((m) => ({ ...m }));
  const problems: string[] = [];
  const span = (label: string) => {
    const [a, b = a] = label.split(':').map((x) => [...x].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);
    return { c1: a!, c2: b! };
  };
  // The person's columns that land in one column of this layout, by that column (see below).
  const landed = new Map<ColumnMapping, { column: string; field: string | null }[]>();
  // One column named twice with two fields: which the user meant only they can say (the last one won, unsaid).
  const given = new Map<string, string | null>();
  for (const o of overrides) {
    const was = given.get(columnKey(o));
    if (was !== undefined && was !== o.field) problems.push(`column ${columnKey(o)} is given two fields: ${was ?? '(kept)'}, ${o.field ?? '(kept)'}`);
    given.set(columnKey(o), o.field);
  }
  if (problems.length > 0) return { columns: out, problems };
  for (const o of overrides) {
    // A column named as another layout of the same header split or joined it (E:H for E, or E for E:H):
    // the column of this layout that covers it is meant — on the record's row the answer names (a two-row
    // record's columns share their letters: an answer for its second row never lands on its first).
    const want = span(o.column);
    const row = o.rowOffset ?? 0;
    const onRow = out.filter((x) => (x.rowOffset ?? 0) === row);
    const m = onRow.find((x) => x.column === o.column) ?? onRow.find((x) => x.c <= want.c1 && want.c1 <= x.c + x.span - 1);
    if (!m) {
      problems.push(`column ${columnKey(o)} is not a column of the header`);
      continue;
    }
    landed.set(m, [...(landed.get(m) ?? []), { column: columnKey(o), field: o.field }]);
    if (o.field !== null && !fieldSpec(target, o.field)) {
      problems.push(`${o.field} is not a field of the ${target} register`);
      continue;
    }
    if (o.field !== null)
      for (const other of out) if (other !== m && other.field === o.field) Object.assign(other, { field: null, confidence: 0 });
    m.field = o.field;
    m.confidence = o.field === null ? 0 : 1;
    // A column mapped to a field is that field's, not the form's numbering (ColumnMapping.numbering).
    if (o.field !== null) delete m.numbering;
    if (o.field !== null) delete m.period;
    const spec = o.field === null ? undefined : fieldSpec(target, o.field);
    if (spec?.kind === 'effort') m.unit = m.unit ?? effortUnitOf(m.label);
    else delete m.unit;
  }
  // Columns of the sheet this layout reads as one (A:C, the groups' and the tasks' names in one tree) given
  // different fields each (A level 1, B level 2, C the name): one of them would win and the rest be dropped
  // without a word (blind set 13, I7). Refused, naming the columns, for the user to choose one field for them.
  for (const [m, given] of landed) {
    const named = [...new Set(given.map((o) => o.column))];
    if (named.length > 1 && new Set(given.map((o) => o.field)).size > 1) problems.push(`columns ${named.join(', ')} are one column ${m.column} of this reading: choose one field for ${m.column}`);
  }
  for (const m of out) delete m.extraKey;
  // A start～finish column gives the planned dates, never an extra column besides (review U19).
  const extras = out.filter((m) => m.field === null && !m.period);
  extraKeys(extras).forEach((k, i) => (extras[i]!.extraKey = k));
  return { columns: out, problems };
}
