// Columns mapped by what they hold where no header word names them (issue 11, blind set 10 C1: a release
// calendar headed Release | Code Freeze | Go-Live | Release Manager — words for its domain, none the
// product knows). A column of dates is a date field of the target, taken in the target's order (a plan's
// start, then its finish); a column of people's names is the target's person field (the WBS's assignee,
// a register's owner). Used only for a table its words do not make (detect.ts: one found by its shape),
// and at a confidence below ASK_BELOW, so the dialog asks the user to check each such column.
import type { Cell } from '../../../common/excel/model.js';
import { TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import { columnDateReading, readValue, type ValueContext } from './cell-values.js';
import { parseVocab } from './value-words.js';
import type { VocabListName } from '../../../common/registers.js';
import { dottedSamples, extraKeys, MIN_CONFIDENCE, type Assignment, type SampleContext, type Samples } from './mapping.js';
import { matchLabel } from './synonyms.js';
import type { HeaderColumn } from './header-rows.js';
import { isSerialIn, serialRange, type SerialRange } from './serial-dates.js';
import { dottedChoices } from '../../../common/excel/client-dates.js';

/** The confidence of a field read from a column's contents alone: taken, never silently (below ASK_BELOW). */
export const CONTENT_FIELD = 0.5;
/** Filled cells a column needs before its contents say what it is. */
const MIN_CELLS = 2;
/** Share of a column's filled cells that must read as the kind. */
const SHARE = 0.8;

const filledCells = (cells: Cell[]) => cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));

/** A number format that shows a date (yyyy/m/d, d-mmm-yy, ddd dd/mm/yyyy), not a count or an amount. */
const DATE_FORMAT = /(?:^|[^"\\])[ymd]/i;

/**
 * Whether the column's filled cells are dates: date cells, date-formatted serials or date texts (a dash or
 * TBD for none), and bare serials within `serials` (serial-dates.ts: under a date header, or among the dates beside).
 */
export function holdsDates(cells: Cell[], ctx: SampleContext, serials?: SerialRange | null, header?: { target: ImportTarget; label: string }): boolean {
  const filled = filledCells(cells);
  // (Dotted texts — 27.9.6, 9.6 — as the header or the sheet's note says they read: mapping.ts dottedSamples.)
  const texts = filled.flatMap((c) => (c.t === 's' ? [c.v as string] : []));
  const dotted = dottedSamples(header?.target ?? 'issue', header?.label ?? '', texts, ctx);
  const vctx: ValueContext = { ...ctx, progressScale: 'percent', effortUnit: 'day', ...columnDateReading(filled, dotted !== undefined && dotted !== 'open' ? { shortYear: dotted } : undefined) };
  const dated = filled.filter((c) => {
    if (dotted === 'open' && c.t === 's' && dottedChoices(c.v as string).length > 0) return true;
    if (c.t === 'n' && !(c.fmt && DATE_FORMAT.test(c.fmt.replace(/\[[^\]]*\]/g, '')))) return isSerialIn(c, serials);
    const v = readValue({ kind: 'date' }, c, vctx);
    return v.ok && v.value !== null;
  });
  return dated.length >= MIN_CELLS && dated.length >= SHARE * filled.length;
}

// A person as registers write one: Priya Shah, T. Hughes, Mary-Jane O'Neil (two or three capitalised words);
// 山田 太郎, 山田　花子, デジタル推進課 森, QA 片山 (a name or a section, a space, a name), 田中（PMO）, 鈴木さん.
const LATIN_PERSON = /^[A-Z][\p{L}'’-]*\.?(?: [A-Z][\p{L}'’-]*\.?){1,2}(?: \([^()]{1,20}\))?$/u;
const KANA_KANJI = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々]';
const JAPANESE_PERSON = new RegExp(`^(?:${KANA_KANJI}{1,12}|[A-Z]{2,5})[ \\u3000]${KANA_KANJI}{1,5}$|^${KANA_KANJI}{1,5}(?:さん|様|氏|[(（][^()（）]{1,12}[)）])$`, 'u');

// A person as a register often writes one, by the surname alone (山田, 佐々木, 長谷川: blind set 16, DEV-UNSEEN —
// 責任部署 / 主管 of surnames kept silently as the client's own): two to four characters, each one of those
// Japanese surnames are made of. (A label of kanji — 技術, 画面, 帳票, 開発部 — has characters no surname uses.)
const SURNAME_CHARS = new Set(
  [...'佐藤鈴木高橋田中伊渡辺山本小林加吉松井斎斉清水森池阿部石川前後岡長谷村近坂遠青西福太三浦原野竹内金子和島丸今大工宮崎上増杉千久保永酒横菅桜岩尾武柴浅菊地安東北秋関河荒飯土市望月服馬場矢口片熊黒白沢澤城堀宇新須根岸神星桑梅堤奥柳樋栗間塚江嶋浜濱細畑守広廣葉羽富早茂寺辻牧真目米倉桐角波多越海老名々五十嵐袋八戸代古瀬寛沼宗菱若津畠垣渕'],
);
const SURNAME = /^[\p{Script=Han}々]{2,4}$/u;
// Initials (JS, K.T.) and teams (Team A, チームB, A班): who does the work, named short.
const INITIALS = /^(?:[A-Z]\.?){2,3}$/;
const TEAM = /^(?:(?:team|チーム)\s?[A-Z0-9]{1,2}|[A-Z0-9]{1,2}\s?(?:team|チーム|班))$/iu;

/** A team named by a letter or number (Team A, チームB, 2班): teams of one word each, all alike but the letter. */
export const namesTeam = (text: string): boolean => TEAM.test(text);

/** A person (or a team) as one cell names them: a full name, a surname alone, initials, a team. */
export function namesPerson(text: string): boolean {
  return LATIN_PERSON.test(text) || JAPANESE_PERSON.test(text) || (SURNAME.test(text) && [...text].every((ch) => SURNAME_CHARS.has(ch))) || INITIALS.test(text) || TEAM.test(text);
}

// A party a record is with, named as an organisation: a department or section (品質保証部, 情報システム課,
// 経営企画室, 東京支店, 生産技術グループ), a company (東和建設(株), 株式会社ミナト電機, 北斗設計), a crew or
// unit (Civil Crew 2, Network Ops, Harbour Works Ltd, Procurement Team). Who does or owns the work, as a
// person's name does (blind set 18, I1: 責任部署, 起票部店, 作成会社, Crew kept silently or offered a category).
// (A unit's word after two characters or more: 外部 / 内部 / 全部 are words of their own, a category's.)
const JA_UNIT = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー々A-Za-z0-9・]{2,16}(?:部|課|科|室|局|係|班|本部|支店|支社|本社|事業部|営業所|部門|グループ|チーム|センター|委員会)$/u;
const JA_COMPANY = /^(?:(?:株式会社|有限会社|合同会社|[(（]株[)）]|㈱|[(（]有[)）]|㈲)\s?\S{2,16}|\S{2,16}\s?(?:株式会社|有限会社|[(（]株[)）]|㈱|[(（]有[)）]|㈲))$/u;
// A Japanese company by the trade its name ends with (北斗設計, 西海工業, 山田工務店, 東和建設, 中央コンサルタント).
const JA_TRADE = /^[\p{Script=Han}\p{Script=Katakana}ー々]{2,10}(?:建設|設計|工業|電機|電気|電工|工務店|組|商事|商会|製作所|技研|工営|興業|コンサルタント|ソリューションズ|システムズ|エンジニアリング|メーカ|メーカー|ベンダ|ベンダー)$/u;
const EN_UNIT = /^(?:[A-Z][\p{L}&'’.-]*\s+){0,4}(?:ltd|limited|inc|llc|corp|corporation|co|plc|gmbh|pty|llp|group|team|crew|dept|department|division|unit|office|services|engineering|consulting|consultants|contractors|partners|associates|council|authority|ops|operations|works|section|squad|desk|committee|agency|bureau|centre|center)\.?(?:\s+(?:\d{1,3}|[A-Z]))?$/iu;

// A person named by the post they hold (Procurement Lead, Site Safety Manager, Terminal Ops Mgr; 現場代理人, 技術係長,
// 品質管理責任者): who is in charge, as a name says (blind set 18, I1: Risk Lead, Action Owner of posts kept silently).
const EN_POST = /^(?:[A-Z][\p{L}&'’.-]*\s+){0,4}(?:manager|mgr|lead|leader|officer|engineer|director|coordinator|co-ordinator|supervisor|analyst|architect|head|chief|administrator|controller|specialist|consultant|partner|representative|liaison|foreman|superintendent|inspector|planner|owner|sponsor)\.?$/iu;
const JA_POST = /^[\p{Script=Han}\p{Script=Katakana}ー々]{1,10}(?:責任者|担当者|管理者|代理人|係長|課長|部長|室長|所長|主任|主査|主幹|リーダー|リーダ|マネージャー|マネージャ|マネジャー)$/u;

/** An organisation one cell names (a department, a section, a company, a crew), or a post someone holds. */
export function namesParty(text: string): boolean {
  return JA_UNIT.test(text) || JA_COMPANY.test(text) || JA_TRADE.test(text) || JA_POST.test(text) || (/^[A-Z]/.test(text) && (EN_UNIT.test(text) || EN_POST.test(text)));
}

/** Whether the column's filled cells are people's (or parties': namesParty) names, and none of them a word of one of the target's lists (Not Started, In Progress). */
export function holdsPeople(target: ImportTarget, cells: Cell[], ctx: SampleContext): boolean {
  const filled = filledCells(cells);
  if (filled.length < MIN_CELLS || filled.some((c) => c.t !== 's')) return false;
  const texts = filled.map((c) => (c.v as string).normalize('NFKC').trim().replace(/\s+/g, ' '));
  const lists = Object.values(TARGET_FIELDS[target]).flatMap((spec) => (spec.kind === 'vocab' ? [spec.list as VocabListName] : []));
  if (texts.some((t) => lists.some((list) => parseVocab(ctx.vocab[list].items, list, t).ok))) return false;
  const people = texts.filter((t) => namesPerson(t) || namesParty(t));
  return people.length >= SHARE * texts.length;
}

/** The target's date fields in the order a table lists them (a plan's start before its finish, raised before due). */
const dateFields = (target: ImportTarget) => Object.entries(TARGET_FIELDS[target]).flatMap(([field, spec]) => (spec.kind === 'date' ? [field] : []));

/** The target's fields that name a person (or a party): the assignee or owner first, then each …By. */
export function personFields(target: ImportTarget): string[] {
  const fields = Object.keys(TARGET_FIELDS[target]);
  return [...fields.filter((f) => f === 'assignee' || f === 'owner'), ...fields.filter((f) => /By$/.test(f))];
}

/** The target's field for the person a record belongs to: the assignee or owner, else the first …By. */
function personField(target: ImportTarget): string | undefined {
  return personFields(target)[0];
}

/**
 * The assignment with each column no field took and no header word names mapped by its contents where a
 * free field fits: columns of dates to the free date fields left to right, the first column of people to
 * the person field. The columns so mapped are returned too (the table they make is asked about).
 */
export function withContentFields(target: ImportTarget, header: HeaderColumn[], a: Assignment, samples: { cells: Samples; ctx: SampleContext }): { a: Assignment; byContent: ColumnMapping[] } {
  const columns = a.columns.map((m) => ({ ...m }));
  const taken = new Set(columns.flatMap((m) => (m.field === null ? [] : [m.field])));
  const order = dateFields(target);
  // A date column takes the first free date field that keeps the order of the dates the header names
  // around it (an unnamed column left of a named Finish is the start; right of it, not the start).
  const dateFor = (c: number) => {
    const rank = (m: ColumnMapping) => order.indexOf(m.field ?? '');
    const after = Math.max(-1, ...columns.filter((m) => m.c < c && rank(m) >= 0).map(rank));
    const before = Math.min(order.length, ...columns.filter((m) => m.c > c && rank(m) >= 0).map(rank));
    return order.find((f, i) => !taken.has(f) && i > after && i < before);
  };
  let person = personField(target);
  if (person && taken.has(person)) person = undefined;
  const byContent: ColumnMapping[] = [];
  for (const m of columns) {
    if (m.field !== null || m.period || m.numbering) continue;
    const col = header.find((h) => h.c === m.c);
    if (!col || matchLabel(target, col.parts).some((x) => x.confidence >= MIN_CONFIDENCE)) continue;
    const cells = samples.cells(col);
    const date = dateFor(m.c);
    const beside = header.filter((h) => Math.abs(h.c - m.c) === 1).map((h) => samples.cells(h));
    if (date && holdsDates(cells, samples.ctx, serialRange(col.parts[col.parts.length - 1] ?? '', beside), { target, label: col.parts[col.parts.length - 1] ?? '' })) m.field = date;
    else if (person && holdsPeople(target, cells, samples.ctx)) (m.field = person), (person = undefined);
    else continue;
    taken.add(m.field);
    m.confidence = CONTENT_FIELD;
    delete m.extraKey;
    byContent.push(m);
  }
  if (byContent.length === 0) return { a, byContent };
  const extras = columns.filter((m) => m.field === null && !m.period);
  extraKeys(extras).forEach((k, i) => (extras[i]!.extraKey = k));
  return { a: { ...a, columns, score: a.score + CONTENT_FIELD * byContent.length }, byContent };
}
