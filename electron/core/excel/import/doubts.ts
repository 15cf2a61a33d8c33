// How sure an import can be of the table it read, judged from what it read (issue 11): detection weighs
// header words, and a table whose words fit can still be no register (a metrics table's 指摘 over three
// columns of counts read as an issue's title: blind set 10, C5), and a column kept as the client's own
// can still hold a field nothing else fills (依頼No as the ID, L | I as the ratings, Planned Issue as the
// due date: blind set 10, C3). These signals are general — the kind of the cells under a column, which
// fields the header named — never a file's words: the product lowers its confidence and asks; it does
// not map on them (detection and the registers' words decide what is mapped).
import { fieldSpec, KEY_FIELD, TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import { columnKey, type AskWhy, type ColumnMapping, type ImportAsk, type LayoutConfidence, type TableCandidate } from '../../../common/excel/preview.js';
import type { Cell, WorkbookModel } from '../../../common/excel/model.js';
import type { Vocabularies, VocabListName } from '../../../common/registers.js';
import { REGISTERS } from '../../../common/registers.js';
import { holdsDates, holdsPeople, namesParty, namesPerson, namesTeam, personFields } from './content-fields.js';
import { labelKey, withoutBrackets } from './synonyms.js';
import { gradedCodes, levelCode, levelScaleWords, parseVocab } from './value-words.js';
import { ASK_BELOW } from './detect.js';
import { datedWords, fit as fitShare, HEADED_KEY, LONG_TEXT, namesDated, type SampleContext } from './mapping.js';
import { SheetIndex } from './sheet-index.js';
import type { ImportTable } from './read-table.js';
import { unheadedColumns } from './unheaded-columns.js';
import { ownWord } from './header-rows.js';
import { isDateCell, serialRange } from './serial-dates.js';
import { dottedFormNote } from './cell-values.js';
import { namesWorkUnit } from './numbers.js';
import { withListFits } from './list-fits.js';
import { ID_BLANK_SHARE, ID_POSITIONS, namesIdHeader, oneIdScheme } from './shaped-ids.js';
import { afterStageTwins } from './stage-twins.js';

/** Share of a key column's values that are figures (counts, rates, dates) from which it names no record. */
const FIGURES_SHARE = 0.5;
/** A header word names a field plainly at this confidence (not a partial or content-only match). */
const NAMED = 0.8;
/** Fields that name nothing of a register by themselves: any list has a number, a note, a description. */
const GENERIC = new Set(['ref', 'notes', 'description', 'detail']);
/** Least filled cells under a column before its kind is read from them. */
const LEAST_CELLS = 3;
/** Least cells typed as dates before a column of them is offered a date field. */
const SPARSE_DATES = 2;
/** Share of a column's filled cells that must read as a field's kind for the field to be offered. */
const KIND_SHARE = 0.8;

/** A value written as a figure: a count, a rate, an amount, a date (NFKC: full-width digits too). */
const FIGURE = /^[\s\d.,%+\-−/:()（）年月日]+$/u;

/** The key field's values of the records that are figures, out of those that have one; null when too few say. */
function keyFigures(target: ImportTarget, table: ImportTable): number | null {
  const key = KEY_FIELD[target];
  const values = table.records.filter((r) => !r.group).map((r) => r.values[key]).filter((v) => v !== null && v !== undefined && String(v).trim() !== '');
  if (values.length < LEAST_CELLS) return null;
  return values.filter((v) => typeof v === 'number' || FIGURE.test(String(v).normalize('NFKC'))).length / values.length;
}

/** A field other than the key that the header names plainly and that only a register has (a status, a date raised, an owner). */
function namesRegisterField(target: ImportTarget, columns: readonly ColumnMapping[]): boolean {
  return columns.some((m) => m.field !== null && m.field !== KEY_FIELD[target] && !GENERIC.has(m.field) && m.confidence >= NAMED);
}

/**
 * The confidence under which a key guessed rather than named is asked about: above ASK_BELOW, so a key
 * taken from the column headed as the long text (HEADED_KEY: Description as a risk's title, 事象・経緯 as a
 * lesson's) is asked too — which text names each record is the user's to say, and a wrong title is every
 * record's name wrong (blind sets 16 and 17, I2: 0.65, not asked) — where another column kept as the client's own holds
 * texts the records may be named by (keptTexts). (A key named by a loose word at 0.6–0.7
 * — タスク, Activity — stays unasked: asking it too asked 8 more right readings on the asks bench — corpus 2, DEV-UNSEEN 6.)
 */
const KEY_ASK_BELOW = 0.7;

/** A client's ID or code: one word with a digit (LL-27-01, A12). */
const CODE_TEXT = /^(?=.*\d)[\p{L}\p{N}._/#-]{1,24}$/u;

/**
 * Whether a column kept as the client's own holds texts of words, each record its own (a theme, a
 * subject): another column the records may be named by, beside the long text taken as the key. Where
 * none is (No | 内容 | 担当 | 期限 | 状況), the long text is the only name the records have: nothing to ask.
 */
function keptTexts(table: ImportTable): boolean {
  const records = table.records.filter((r) => !r.group);
  return table.columns.some((m) => {
    if (m.field !== null || m.extraKey === undefined || m.numbering || m.period) return false;
    const texts = records.map((r) => r.extra[m.extraKey!]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.normalize('NFKC').trim());
    return texts.length >= LEAST_CELLS && new Set(texts).size >= OWN_SHARE * texts.length && texts.every((t) => /\p{L}{2}/u.test(t) && !CODE_TEXT.test(t));
  });
}

/** The header's confidence where columns hold values under no header word: below ASK_BELOW, asked. */
const UNHEADED = 0.5;

/** Two weakly named columns this close in confidence are a toss-up for the key (risk-en-rk: Event 0.6 and Cause 0.58). */
const KEY_CLOSE = 0.1;

/**
 * The column of the register's long text (description, detail, notes) nearly as likely the key as the
 * key's own, both named weakly: which of two texts names the record is a guess (Event | Cause, in words
 * neither plainly says). A plainly named key, or a plainly named long text, is no toss-up. (A column
 * kept as the client's own whose texts name each record as well was tried as a rival too: it asked on
 * right readings of generated tables and caught none that were wrong.)
 */
function keyRival(target: ImportTarget, columns: readonly ColumnMapping[]): { key: ColumnMapping; rival: ColumnMapping } | null {
  const key = columns.find((m) => m.field === KEY_FIELD[target]);
  if (!key || key.confidence >= NAMED) return null;
  const rival = columns.find((m) => m !== key && m.field === LONG_TEXT[target] && m.confidence < NAMED && m.confidence >= key.confidence - KEY_CLOSE);
  return rival ? { key, rival } : null;
}

/**
 * A figure per item as a report states one — a count or a rate with its unit (60%, 1回, 40名, ¥1,200) —
 * or a mark grading it (◎ ○ △ ×).
 */
const FIGURE_OR_MARK = /^(?:[¥$€£]?[\d.,%+\-−/:()（）]+\s*\p{L}{0,2}|[◎○◯△×✕●▲■□✓✔－-])$/u;

/**
 * A WBS read with no task in it: names, and beside them nothing a task has — no column of a task's own
 * (a code, dates, people) and no date, person, progress or status on any row, only figures and marks per item (項目 | 計画 | 実績 | 評価 with 60% | 55% | ○: a
 * report's KPI table, blind set 16 I6). No WBS: a list of figures, nothing to schedule.
 */
export function noTasks(target: ImportTarget, table: ImportTable): boolean {
  // (A column of a task's own — a WBS code, a level — says tasks even where no row holds a date: a budget per work package.)
  if (target !== 'wbs' || table.columns.some((m) => m.period || (m.field !== null && m.field !== KEY_FIELD[target] && !GENERIC.has(m.field)))) return false;
  const records = table.records.filter((r) => !r.group);
  const empty = (v: unknown) => v === null || v === undefined || v === '' || v === false;
  if (records.length < 2 || records.some((r) => Object.entries(r.values).some(([field, v]) => field !== KEY_FIELD[target] && !GENERIC.has(field) && !empty(v)))) return false;
  const kept = records.flatMap((r) => Object.values(r.extra)).map((v) => String(v).normalize('NFKC').trim());
  return kept.length >= records.length && kept.filter((v) => FIGURE_OR_MARK.test(v)).length >= KIND_SHARE * kept.length;
}

export interface Doubts {
  /** The confidence with what was read weighed in (the key's lowered where its cells are figures). */
  confidence: LayoutConfidence;
  /** Why each decision below ASK_BELOW is unsure, for the dialog to say. */
  why: AskWhy[];
  /** No register table at all: the key's cells are figures and the header names nothing else of the register. */
  noRegister: boolean;
}

/**
 * The doubts of a detected table, from its confidence and its records. `tables`: whether the choice of
 * the table is unsure, and how many other tables the user could mean (detect's candidates not chosen
 * and not read into this one).
 */
export function tableDoubts(target: ImportTarget, table: ImportTable, confidence: LayoutConfidence, tables: { unsure: boolean; others: number }): Doubts {
  const why: AskWhy[] = [];
  const key = table.columns.find((m) => m.field === KEY_FIELD[target]);
  const keyAt = key ? { column: key.column, label: key.label } : { column: '', label: '' };
  // A header read two rows a record (件名 over 対応メモ: block-rows.ts) names the key by its top word alone,
  // as surely as that word does: detection weighed the column's two words together, and asked about 件名.
  if (key && !key.rowOffset && table.layoutColumns?.some((m) => m.rowOffset && m.c === key.c)) confidence = { ...confidence, key: Math.max(confidence.key, key.confidence) };
  const out = { ...confidence };
  if (tables.unsure) why.push(tables.others > 0 ? { code: 'tables', count: tables.others + 1 } : { code: 'tableAlike' });
  const figures = keyFigures(target, table);
  const close = keyRival(target, table.columns);
  const keyIsFigures = key !== undefined && figures !== null && figures >= FIGURES_SHARE;
  const taskless = !keyIsFigures && noTasks(target, table);
  if (taskless) {
    // Names with figures beside them and nothing of a task: a guess that this is a WBS at all.
    out.table = Math.min(out.table, ASK_BELOW / 2);
    out.key = Math.min(out.key, ASK_BELOW / 2);
    why.push({ code: 'noTasks', field: KEY_FIELD[target], ...keyAt });
  } else if (keyIsFigures) {
    // A title of counts and rates names no record: the key (and the header it came with) is a guess.
    out.key = Math.min(out.key, 1 - figures);
    out.header = Math.min(out.header, 1 - figures);
    why.push({ code: 'keyFigures', field: KEY_FIELD[target], ...keyAt });
  } else if (confidence.byShape) why.push({ code: 'byShape' });
  else if (confidence.key < ASK_BELOW || (key?.confidence === HEADED_KEY && confidence.key < KEY_ASK_BELOW && keptTexts(table))) why.push({ code: 'keyGuessed', field: KEY_FIELD[target], ...keyAt });
  else if (close) {
    // As sure as the margin between the two: under ASK_BELOW however close they are.
    out.key = Math.min(out.key, Math.round((ASK_BELOW * (0.5 + (0.5 * Math.max(0, close.key.confidence - close.rival.confidence)) / KEY_CLOSE) - 0.001) * 1000) / 1000);
    why.push({ code: 'keyClose', field: KEY_FIELD[target], ...keyAt, other: close.rival.column, otherLabel: close.rival.label, otherField: close.rival.field! });
  } else if (confidence.header < ASK_BELOW) why.push({ code: 'fewWords' });
  // Values under no header word (unheaded-columns.ts) are kept as the client's own, but whether a column
  // of them is a field (the person beside 担当者's department, the task beside 作業's area) only the user
  // can say: the header's reading is no surer than a guess.
  const unheaded = unheadedColumns(table.columns);
  if (unheaded.length > 0) {
    out.header = Math.min(out.header, UNHEADED);
    why.push({ code: 'unheaded', columns: unheaded.map((m) => m.column).join(', ') });
  }
  return { confidence: out, why, noRegister: taskless || (keyIsFigures && !namesRegisterField(target, table.columns)) };
}

/**
 * What the dialog asks of a detected table, and why: which table, where another is nearly as good or
 * none is a register (point at the table); else the header, where the key column or the header's
 * words are unsure (point at the header row); null when nothing is unsure. `chosen`: the detected
 * layout's sheet and 0-based header top; `candidates`: detection's tables (0-based rows).
 */
export function detectionDoubts(
  target: ImportTarget,
  table: ImportTable,
  chosen: { sheet: string; headerTop: number; confidence: LayoutConfidence },
  candidates: readonly TableCandidate[],
  fits: readonly ColumnFit[] = [],
): Doubts & { ask: ImportAsk | null } {
  // A table the read went on into — the same header again over a ■ section, read as one table:
  // data-range.ts — is this table, not another to choose: only the other tables make a question.
  const continued = (c: TableCandidate) => c.sheet === table.sheet && table.data.last !== null && c.headerTop + 1 > table.header.bottom && c.headerTop + 1 <= table.data.last;
  const others = candidates.filter((c) => !(c.sheet === chosen.sheet && c.headerTop === chosen.headerTop) && !continued(c));
  const unsure = chosen.confidence.table < ASK_BELOW && (others.length > 0 || !candidates.some(continued));
  const doubts = tableDoubts(target, table, chosen.confidence, { unsure, others: others.length });
  const ask: ImportAsk | null = doubts.noRegister || doubts.why.some((w) => w.code === 'tables' || w.code === 'tableAlike') ? 'table' : doubts.why.length > 0 ? 'header' : null;
  const columns = doubts.noRegister ? [] : columnDoubts(fits);
  return { ...doubts, why: [...doubts.why, ...columns], ask: ask ?? (columns.length > 0 ? 'columns' : null) };
}

/** What a column's cells show by themselves, the kinds of field they can fill. */
// ('list': a closed set of a list field's words, list-fits.ts; 'value': a field's values by their shape, valueFields.)
export type ContentKind = 'ref' | 'date' | 'rating' | 'person' | 'label' | 'long' | 'list' | 'value';

/**
 * Text fields that name what a record is about or where it belongs, a short word repeated over the
 * records (機能 入荷 / 出荷, Discipline Engineering, Screen / Function Login): every register's names for them.
 */
const LABEL_FIELDS = new Set(['category', 'area', 'target', 'phase', 'causePhase', 'tags']);

/** The kind of cells a field of the target takes, for the fields a column's cells alone can suggest. */
function contentKind(target: ImportTarget, field: string): ContentKind | null {
  const spec = fieldSpec(target, field);
  if (!spec || field === KEY_FIELD[target]) return null;
  if (spec.kind === 'ref' || spec.kind === 'date' || spec.kind === 'rating') return spec.kind;
  if (spec.kind !== 'text') return null;
  if (personFields(target).includes(field)) return 'person';
  if (LABEL_FIELDS.has(field)) return 'label';
  // (A plan's notes are its long text: 留意点, Remarks of sentences.)
  if (target === 'wbs') return field === 'notes' ? 'long' : null;
  return REGISTERS[target].columns[field]?.long ? 'long' : null;
}

/** Fields of the register no column fills, each with the kind of cells it takes (in the register's order). */
function unfilledFields(target: ImportTarget, columns: readonly ColumnMapping[]): { field: string; kind: ContentKind }[] {
  const filled = new Set(columns.flatMap((m) => (m.field !== null ? [m.field] : m.period ? ['plannedStart', 'plannedFinish'] : [])));
  return Object.keys(TARGET_FIELDS[target]).flatMap((field) => {
    const kind = filled.has(field) ? null : contentKind(target, field);
    return kind ? [{ field, kind }] : [];
  });
}

/** A client's ID: short, one word, with a digit (2025-001, NGH-ICT-DOC-001, A-12, 7). */
const ID_LIKE = /^(?=.*\d)[\p{L}\p{N}._/#-]{1,24}$/u;
/**
 * A label: a few words, no sentence, no digit (入荷, Point history, Engineering). A code with digits
 * (JA835A, RCV010, 32-41, 1.4.2) names a thing of the client's — a machine, a screen, a version — not a
 * field's word, and is left to its header.
 */
const LABEL_LIKE = /^(?=.*\p{L})[^。．.!?！？\n\p{N}]{1,30}$/u;
const LABEL_WORDS = 4;
/** A long text: on average this wide (textWidth), most records their own (a solution, a cause, a note). */
const LONG_CHARS = 15;
/** East Asian wide characters (kana, kanji, full-width forms, Hangul): each says as much as two Latin letters. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]/u;
/** A text's width as a screen shows it: 納期の遅れが3日を超えた場合 (14 characters) is as long as a 27-letter sentence. */
function textWidth(t: string): number {
  let n = 0;
  for (const ch of t) n += WIDE.test(ch) ? 2 : 1;
  return n;
}
const OWN_SHARE = 0.8;
/** Sentences, some shared by several records: this wide on average, no label's word (a label is a word or two). */
const SENTENCE_CHARS = 20;
/** Words of a sentence: two Latin words apart, or six wide characters (kana, kanji); never an address (https://…, a@b). */
const sentenceLike = (t: string) => !/:\/\/|@|\\/.test(t) && (/\p{L}{2,}\s+\p{L}{2,}/u.test(t) || [...t].filter((ch) => WIDE.test(ch)).length >= 6);
/**
 * A phrase of what to do or what happens, short as it is: Japanese words joined by a case particle (重油専焼で
 * 仮運転, 補修班を待機, 予備品に切替), or four Latin words or more (Keep the crew on standby). A label is a
 * noun or two (品質保証部, 東和建設, Civil Crew 2): no particle joins its words.
 */
const phraseLike = (t: string) =>
  !/:\/\/|@|\\/.test(t) && ((/[\p{Script=Han}\p{Script=Katakana}ー][をでにへが][\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{N}]/u.test(t) && [...t].filter((ch) => WIDE.test(ch)).length >= 6) || (t.match(/\p{L}+/gu)?.length ?? 0) >= 4);
/** Phrases shared by records: this wide on average (a phrase of six wide characters). */
const PHRASE_CHARS = 12;
const meanWidth = (texts: readonly string[]) => texts.reduce((n, t) => n + textWidth(t), 0) / Math.max(1, texts.length);

/** A column kept as the client's own whose cells fit fields no column fills. */
export interface ColumnFit {
  column: string;
  /** The row of a two-row record the column stands on (ColumnMapping.rowOffset). */
  rowOffset?: number;
  label: string;
  kind: ContentKind;
  fields: string[];
  /** The dialog asks about it (columnDoubts), not only offers the fields beside it. */
  ask: boolean;
}

/**
 * A date column about the row itself, kept up by whoever last touched it (Last Update, 更新日, Modified,
 * Next Review): the client's bookkeeping, never a date of the record's own, so nothing to offer. (Other
 * dates beside the ones the header names are offered and asked: 処置日 beside 発見日 was the resolved date.)
 */
// (A review's own date — Review Date, レビュー日 — is an event of the record, a review held: offered and
// asked like any other; only the review's schedule — Next Review, Last Reviewed, 見直し — is the bookkeeping.)
const BOOKKEEPING_DATE = /update|modified|changed|revised|(?:next|last|latest|previous)\s*review|reviewed|review\s*due|更新|変更日|改訂|見直し/i;
/**
 * A review date ahead (Next Review, Review Due, 次回見直し, 見直し予定): when the record is looked at next,
 * its due as a register without one keeps it — offered the register's due where no column fills it, and
 * asked (blind set 19, I3: Next Review kept silently while every risk's due lay empty). Other bookkeeping
 * dates stay the client's own.
 */
const NEXT_REVIEW = /(?:next|upcoming|planned)\s*review|review\s*(?:due|by|date\s*next)|次回.*(?:見直し|レビュー|確認)|(?:見直し|レビュー)(?:予定|期限)/i;
/**
 * A header naming only the kind of party its cells are (an affiliation, a department, a company, a contact) or
 * another kind of thing (a document, a link): where a record's people belong, not who is in charge of it.
 */
const BARE_PARTY = /^(?:所属|所属先|所属部署|所属部門|所属会社|部署|部署名|部門|部門名|会社|会社名|社名|組織|組織名|連絡先|関連資料|資料|参考資料|添付|リンク|department|departments|dept|division|company|organi[sz]ation|affiliation|contact|contacts|link|links|url|attachment|attachments|document|documents|ticket|tickets)$/u;

/** BARE_PARTY for each word of the header (所属 / Ticket, a bilingual header's two lines). */
const bareParty = (label: string) =>
  ownWord(label)
    .split(/\n|\s+\/\s+/)
    .map((w) => withoutBrackets(labelKey(w)))
    .filter((w) => w !== '')
    .every((w) => BARE_PARTY.test(w));

/** A header that says a date and nothing more (日付, Date): a day of the row's own, a log's, as often as a field. */
const BARE_DATE = /^(?:date|dates|日付|年月日|日)$/i;

/**
 * People as a register names them, more than one, and not one phrase's variants (User Login | User
 * Registration, Retail Shopping throughout: a feature's or a project's name reads as a Latin name too).
 * (A Japanese section before the name is shared as often as not: 整備士 村上, 整備士 菅.)
 */
function variedPeople(texts: readonly string[]): boolean {
  const distinct = [...new Set(texts)];
  if (distinct.length < 2) return false;
  // (Team A | Team B differ by their letter, as people do by their names.)
  // (A Latin section before a Japanese name — QA 片山, QA 早川 — is shared as a Japanese one is.)
  const latin = distinct.filter((t) => /^[A-Za-z][A-Za-z .'’-]*$/.test(t) && !namesTeam(t));
  return latin.length < 2 || new Set(latin.map((t) => t.split(' ')[0])).size > 1;
}

/**
 * The fields a column kept as the client's own may be, by its cells: the register's ID (the table's
 * first column, a distinct ID-like value on every record), a date field (dates), a rating (whole
 * numbers 1–5), a person's field (people's names: 処置者 整備士 村上), a label's (a short word repeated
 * over the records: 機能 入荷 / 出荷 — or a party, Originator Northfield / Owner, so a person's too) or a
 * long text's (sentences, most records their own: Solution). Only fields no column fills are offered,
 * and only to columns whose header named no field: the dialog lists them beside the column as a choice
 * (and asks about them: columnDoubts), the import maps nothing by them.
 */
export function columnFits(target: ImportTarget, model: WorkbookModel, table: ImportTable, ctx: { vocab: Vocabularies; today: string }): ColumnFit[] {
  const out: ColumnFit[] = [];
  const open = unfilledFields(target, table.columns);
  const sheet = model.sheets.find((s) => s.name === table.sheet);
  if (!sheet) return out;
  const ix = new SheetIndex(sheet);
  const rows = [...new Set(table.records.filter((r) => !r.group).map((r) => r.row - 1))];
  const first = Math.min(...table.columns.map((m) => m.c));
  // (The first columns of the sheet: a two-row record's lower row shares its columns with the upper.)
  const nearLeft = [...new Set(table.columns.map((m) => m.c))].sort((a, b) => a - b).slice(0, ID_POSITIONS);
  const sctx = { date1904: model.date1904, vocab: ctx.vocab, reference: ctx.today, refPrefix: '', dottedNote: () => dottedFormNote(model) };
  const of = (kind: ContentKind) => open.filter((o) => o.kind === kind).map((o) => o.field);
  const readsRating = table.columns.some((m) => m.field !== null && fieldSpec(target, m.field)?.kind === 'rating');
  // A column that repeats the key's text (a title copied for a filter or a lookup) is no other text.
  const key = table.columns.find((m) => m.field === KEY_FIELD[target]);
  const text = (r: number, c: number) => {
    const cell = ix.cell(r, c);
    return cell && cell.t === 's' ? (cell.v as string).trim() : '';
  };
  // A column with no word of its own under a group word merged over it and its neighbours (評価 over
  // 確率 | 影響 | —): nothing names it to ask about. (A word merged down over the header rows is its own.)
  const top = table.header.top - 1;
  const bottom = table.header.bottom - 1;
  const underGroupOnly = (m: ColumnMapping) =>
    bottom > top && text(bottom, m.c) === '' && sheet.merges.some((g) => g.r1 >= top && g.r2 < bottom && g.c1 <= m.c && m.c <= g.c2 && (g.c1 < m.c || g.c2 > m.c + m.span - 1));
  // A date column named as the date of what a mapped column holds (Decision Date beside Decision, 回答日
  // beside 回答): the date of that column's thing (mapping.ts reads it as that field's date where the
  // register has one free), else the client's own — offered, not asked (issues-en-nc: Decision Date was
  // asked about as the due date).
  const datesMapped = (m: ColumnMapping) => {
    const dated = datedWords(ownWord(m.label));
    return dated !== undefined && table.columns.some((o) => o !== m && o.field !== null && namesDated(dated, ownWord(o.label)));
  };
  const copiesKey = (c: number) => !!key && rows.filter((r) => text(r, c) !== '' && text(r, c) === text(r, key.c)).length * 2 > rows.length;
  // The ratings of the stage after the response, twins of the stage before it (stage-twins.ts): the client's
  // own as a rule, offered and never asked (blind set 19, I6).
  const afterStage = afterStageTwins(table.columns.map((m) => ({ parts: m.label.split(' / '), span: m.span })));
  for (const m of table.columns) {
    if (m.field !== null || m.numbering || m.period || m.blockLabels || m.check || m.extraKey === undefined) continue;
    const off = m.rowOffset ?? 0;
    const cells = rows.map((r) => ix.cell(r + off, m.c)).filter((c): c is Cell => c !== undefined && c.t !== 'e' && !(c.t === 's' && (c.v as string).trim() === ''));
    // (Dates typed as dates say their kind in fewer cells: a later step's date — 検査日, Inspected — is
    // filled only on the records that reached it: blind set 17, two of eight, and never offered.)
    if (cells.length < LEAST_CELLS && !(cells.length >= SPARSE_DATES && cells.every(isDateCell))) continue;
    const texts = cells.map((c) => (c.t === 's' ? (c.v as string).normalize('NFKC').trim().replace(/\s+/g, ' ') : String(c.v)));
    const distinct = new Set(texts).size;
    const strings = cells.every((c) => c.t === 's');
    // A column the author hid whose cells are all formulas is the workbook's own working (a sort key, a
    // flag, a code for a lookup): nothing a person reads, offered at most, never asked about.
    const helper = (sheet.hiddenColumns ?? []).some((h) => h.c1 <= m.c && m.c <= h.c2) && cells.every((c) => c.f);
    const fit = (kind: ContentKind, fields: string[], ask: boolean) => fields.length > 0 && out.push({ column: m.column, ...(off ? { rowOffset: off } : {}), label: m.label, kind, fields, ask: ask && !helper && !afterStage.has(table.columns.indexOf(m)) });
    // (Asked where a main long text is free, or the notes: a register's one text for what else is said — 記事
    // under a plan was offered its notes and not asked: blind set 19, I3.)
    const fitLong = () => fit('long', of('long'), ownWord(m.label) === m.label.normalize('NFKC').trim() && of('long').some((f) => !ASIDE.has(f) || f === 'notes'));
    // IDs of one scheme near the left (RSV-0031 …, F-01 …: shaped-ids.ts) under a header naming a number of
    // a noun the register does not know (票番号, Obs. No., Risk Reference) are asked about: the records' own
    // IDs as a rule, replaced by PMO Desk's when kept silently (blind set 18, I1b). Other ID-like values in
    // the first column are offered.
    // (Also under a header of no noun the product knows, where the column is the table's first and every
    // record holds one: 整理記号 over BR-01 … was offered the ID and not asked, and the records were numbered
    // R-001 …: blind set 19, I3.)
    const scheme = off === 0 && nearLeft.includes(m.c) && (namesIdHeader(target, m.label) || (m.c === first && cells.length === rows.length)) && rows.length - cells.length <= Math.floor(rows.length * ID_BLANK_SHARE) && oneIdScheme(texts) && !cells.some((c) => c.f);
    if (scheme || (m.c === first && cells.length === rows.length && distinct === texts.length && texts.every((t) => ID_LIKE.test(t)) && cells.every((c) => c.t === 's' || c.t === 'n'))) fit('ref', of('ref'), scheme);
    else if (holdsDates(cells, sctx, serialRange(ownWord(m.label), [m.c - 1, m.c + 1].map((c) => rows.map((r) => ix.cell(r, c)))), { target, label: ownWord(m.label) })) {
      const due = target === 'wbs' ? undefined : REGISTERS[target].tracking.due;
      if (NEXT_REVIEW.test(m.label)) fit('date', of('date').filter((f) => f === due), true);
      else fit('date', BOOKKEEPING_DATE.test(m.label) ? [] : of('date'), !BARE_DATE.test(ownWord(m.label)) && !datesMapped(m));
    }
    // (A rating only to a table that reads none: beside a probability, another column of 1–5 is a code.)
    else if (cells.every((c) => c.t === 'n' || c.t === 's') && texts.every((t) => /^[1-5]$/.test(t))) fit('rating', readsRating ? [] : of('rating'), false);
    // Short phrases some records share — what to do if it happens, written once and reused (重油専焼で仮運転 on
    // three risks) — are long texts too, never labels: their words are joined as a phrase's (blind set 19, I3:
    // 発生時の措置 kept silently while every risk's contingency lay empty).
    // (Before people: 補修溶接班を待機 names a crew, and is still no party's name but what it does.)
    else if (strings && distinct >= 2 && distinct < texts.length && meanWidth(texts) >= PHRASE_CHARS && texts.every(phraseLike) && !copiesKey(m.c) && !listWords(target, texts, ctx.vocab)) fitLong();
    // (Departments and companies alone under a header naming only what they are — 所属, Department, 連絡先 — or
    // another thing — 関連資料, Link —: where the record's people belong, no one's role in it; offered, not asked.
    // Under a header naming a role — 責任部署, 作成会社, Crew — or none the product knows, asked: blind set 18, I1.)
    else if (strings && holdsPeople(target, cells, sctx)) fit('person', of('person'), variedPeople(texts) && (texts.some((t) => namesPerson(t) && !namesParty(t)) || !bareParty(m.label)));
    // Levels (H / M / L, 高 / 中 / 低, A / B / C) are a grade: the register's free graded lists (a priority, a
    // severity, a finding's grade), asked, never a label's field (blind set 18, I1: Significance H / M / L was
    // offered the area only, and every finding's severity stayed empty).
    else if (strings && distinct >= 2 && gradeFields(target, table.columns, texts, ctx.vocab).length > 0) fit('value', gradeFields(target, table.columns, texts, ctx.vocab), true);
    // Sentences some records share — the same response written on two risks — are long texts all the same,
    // where they are wide enough to be no label's word (blind set 18, I1: 具体策 and 留意点 kept silently).
    else if (strings && distinct >= 2 && distinct < texts.length && distinct < texts.length * OWN_SHARE + 1 && meanWidth(texts) >= SENTENCE_CHARS && texts.every(sentenceLike) && !copiesKey(m.c)) fitLong();
    else if (strings && distinct >= 2 && distinct < texts.length * OWN_SHARE + 1 && texts.every((t) => LABEL_LIKE.test(t) && t.split(' ').length <= LABEL_WORDS) && !listWords(target, texts, ctx.vocab))
      fit('label', of('label'), true);
    // Long texts, each record its own, are offered the register's free long-text fields and asked about
    // (blind set 16, I1: Measure, Action Result, なぜ起きたか / 次にどうするか kept silently while the action,
    // the result, the cause lay empty) — offered only where the free ones are all texts kept aside (ASIDE),
    // or the column stands under a group word (発生原因 / コメント, Cost of Control / Short Description: a
    // text about the group's thing, not the record).
    else if (strings && distinct >= texts.length * OWN_SHARE && meanWidth(texts) >= LONG_CHARS && !copiesKey(m.c)) fitLong();
    // A column under a group whose neighbour under it took a field of a family (金額 → impactCost under a
    // group word no list holds): the family's free fields its cells can hold (short names, figures: the
    // scope's, the schedule's), offered and asked (blind set 19, I3: 波及 › システム and 日数 were kept silently).
    if (out.at(-1) === undefined || columnKey(out.at(-1)!) !== columnKey(m)) fit('value', familyFields(target, table.columns, m, cells, sctx), true);
    // Cells the kinds above offer nothing for (a word of no register field's list, figures) may still have
    // a field's value shape (a WBS status's 未着手 / 完了, a share done, a score).
    if ((out.at(-1) === undefined || columnKey(out.at(-1)!) !== columnKey(m)) && distinct >= 2 && !underGroupOnly(m)) {
      // (Ratings are offered, not asked, as above: a residual or target rating is as often the client's own.)
      const { fields, ask } = valueFields(target, table.columns, m.label, cells, sctx);
      fit('value', fields, ask);
    }
  }
  return withListFits(target, model, table, ctx.vocab, out);
}

/** A field's family: its first word, shared by the register's fields of one thing (impactScope | impactCost, decidedBy | decidedOn). */
const familyOf = (field: string) => /^[a-z]+(?=[A-Z])/.exec(field)?.[0];

/**
 * The free fields of the families its neighbours under one group took (the group's sense) that a column of
 * that group can hold by its cells: dates a date field, people a person's, other texts and figures a text field.
 */
function familyFields(target: ImportTarget, columns: readonly ColumnMapping[], m: ColumnMapping, cells: Cell[], ctx: SampleContext): string[] {
  const path = m.label.split(' / ');
  if (path.length < 2) return [];
  const group = path.slice(0, -1).join(' / ');
  const families = new Set(columns.flatMap((o) => (o !== m && o.field !== null && o.label.split(' / ').slice(0, -1).join(' / ') === group ? [familyOf(o.field)] : [])).filter((f): f is string => f !== undefined));
  if (families.size === 0) return [];
  const filled = new Set(columns.flatMap((o) => (o.field !== null ? [o.field] : [])));
  const dated = holdsDates(cells, ctx);
  const people = !dated && holdsPeople(target, cells, ctx);
  return Object.entries(TARGET_FIELDS[target]).flatMap(([field, spec]) => {
    if (filled.has(field) || field === KEY_FIELD[target] || !families.has(familyOf(field) ?? '')) return [];
    const person = personFields(target).includes(field);
    const fits = spec.kind === 'date' ? dated : person ? people : spec.kind === 'text' && !dated && !people;
    return fits ? [field] : [];
  });
}

/** A rating's header that says it is the one after the response (residual, target, post-mitigation). */
const AFTER_RESPONSE = /residual|remaining|target|post[-\s]?(?:mitigation|treatment|response)|after|残存|残留|対策後|対応後|処置後|軽減後|目標/i;
/** Field kinds whose values have a shape of their own (a list's words, a rating, an effort, a percentage, a level). */
const SHAPED = new Set(['vocab', 'rating', 'effort', 'progress', 'wbsStatus', 'level', 'days']);
/** Long texts a register keeps beside its main ones (a risk's trigger and contingency plan, a check's evidence, a deliverable's notes): a client's other long column (Cause, Effect) is as often its own. */
const ASIDE = new Set(['trigger', 'contingency', 'evidence', 'notes']);
/** Kinds whose shape says the field by itself (a list's words, a share done): asked; the others (any figure fits an effort, a duration, a level) only offered. */
const TELLING = new Set(['vocab', 'wbsStatus', 'progress']);
/** A score as registers rate one: whole numbers up to 5 × 5, some above a rating's 5 (a cost, a count or a rate is no score). */
const SCORE_LIKE = (xs: readonly number[]) => xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 25) && xs.some((x) => x > 5);

/**
 * The fields no column fills whose values the column's cells read as, nearly all of them (a list's words,
 * ratings, efforts, percentages, levels, a score): the field's value shape, whatever the header says;
 * `ask` where the shape tells the field (see TELLING).
 */
function valueFields(target: ImportTarget, columns: readonly ColumnMapping[], label: string, cells: Cell[], ctx: SampleContext): { fields: string[]; ask: boolean } {
  const filled = new Set(columns.flatMap((m) => (m.field !== null ? [m.field] : [])));
  const fits = (field: string) => (fitShare(target, field, label, cells, ctx) ?? 0) >= KIND_SHARE;
  const numbers = cells.every((c) => c.t === 'n') ? cells.map((c) => c.v as number) : null;
  // A share done: fractions of one (0.25, 0.5) or cells formatted as percentages.
  // Or whole percents as plans write them (0, 30, 75, 100: steps of five, an end of the scale among them;
  // 進ちょく率 was offered the progress and not asked, and every task stayed at 0: blind set 19, I3). A count
  // or an amount keeps to no such steps.
  const percents = numbers !== null && numbers.every((x) => Number.isInteger(x) && x >= 0 && x <= 100 && x % 5 === 0) && numbers.some((x) => x >= 10) && numbers.some((x) => x === 0 || x === 100);
  const shareDone = numbers !== null && (percents || cells.every((c) => c.fmt?.includes('%')) || (numbers.every((x) => x >= 0 && x <= 1) && numbers.some((x) => x > 0 && x < 1)));
  let ask = false;
  // A rating of the register's pair read (the probability) and the other free (the impact): ratings beside
  // it are its other half as often as a code — C beside L, 損害規模 beside 発生頻度 (blind set 17, I1: offered,
  // never asked, and every impact empty).
  // (Not a rating the header says is the one left after the response — Residual Risk, 残存リスク, 対策後: the
  // client's own as often as not, and the register's pair is the rating before it.)
  const ratingRead = !AFTER_RESPONSE.test(label.normalize('NFKC')) && Object.entries(TARGET_FIELDS[target]).some(([field, spec]) => spec.kind === 'rating' && filled.has(field));
  const fields = Object.entries(TARGET_FIELDS[target]).flatMap(([field, spec]) => {
    if (filled.has(field)) return [];
    const score = spec.kind === 'derived' && spec.numeric && numbers !== null && SCORE_LIKE(numbers);
    if (!score && !(SHAPED.has(spec.kind) && fits(field))) return [];
    // (Figures under a header naming a unit of people's time — Man-days, 見込み時間 — are the effort: the unit says it.)
    if (score || (TELLING.has(spec.kind) && (spec.kind !== 'progress' || shareDone)) || (spec.kind === 'effort' && namesWorkUnit(label)) || (spec.kind === 'rating' && ratingRead)) ask = true;
    return [field];
  });
  // (A share done offers the progress first: the one its shape tells.)
  return { fields: shareDone ? [...fields.filter((f) => TARGET_FIELDS[target][f]?.kind === 'progress'), ...fields.filter((f) => TARGET_FIELDS[target][f]?.kind !== 'progress')] : fields, ask };
}

/**
 * The register's graded list fields no column fills (value-words.ts gradedCodes) onto which every word of the
 * column reads: by the list's own words, else as a level of the column's own scale (levelCode: H / M / L), or
 * whose words are levels of one scale at all (H / L: which of the list's levels each is, the reading asks).
 */
function gradeFields(target: ImportTarget, columns: readonly ColumnMapping[], texts: readonly string[], vocab: Vocabularies): string[] {
  const filled = new Set(columns.flatMap((m) => (m.field !== null ? [m.field] : [])));
  const words = [...new Set(texts)];
  return Object.entries(TARGET_FIELDS[target]).flatMap(([field, spec]) => {
    if (filled.has(field) || spec.kind !== 'vocab') return [];
    const list = spec.list as VocabListName;
    const items = vocab[list].items;
    const codes = gradedCodes(items);
    if (codes === null) return [];
    const read = (w: string) => {
      const r = parseVocab(items, list, w);
      return r.ok ? r.value : null;
    };
    return words.every((w) => read(w) !== null || levelCode(w, words, codes, read) !== null) || levelScaleWords(words) ? [field] : [];
  });
}

/** Whether a word of the column is one of the target's list words (Open, 対応中, High): a list column, no label. */
function listWords(target: ImportTarget, texts: readonly string[], vocab: Vocabularies): boolean {
  const lists = Object.values(TARGET_FIELDS[target]).flatMap((spec) => (spec.kind === 'vocab' ? [spec.list as VocabListName] : []));
  return texts.some((t) => lists.some((list) => parseVocab(vocab[list].items, list, t).ok));
}

/**
 * The columns the dialog asks about: each kept as the client's own whose cells fit a field no column
 * fills. (An offer the user may pass over is no answer: a date or a person left unmapped is lost to the
 * register's views, and a wrong reading that says nothing is the failure to drive down.)
 */
export function columnDoubts(fits: readonly ColumnFit[]): AskWhy[] {
  // (A column under no header word is asked about already, 'unheaded': its fits are offered beside it.)
  return fits.filter((f) => f.ask && f.label !== '').map((f) => ({ code: 'columnFits', column: f.column, ...(f.rowOffset ? { rowOffset: f.rowOffset } : {}), label: f.label, fields: f.fields }));
}

/** The fields offered beside each column kept as the client's own (ImportPreview.columnChoices), by columnKey. */
export function columnChoices(fits: readonly ColumnFit[]): Map<string, string[]> {
  return new Map(fits.map((f) => [columnKey(f), f.fields]));
}
