// A seeded generator of client tables with known answers: a check of import detection that nobody
// tunes rules on (issue 11). Each case is one workbook (sheet models built directly) holding one
// register table the way clients lay them out — title rows, "Project Name:/Date:" label rows, the
// header on row 1–8, logical columns that are merged cell groups, two-row headers (予定 over 開始/終了),
// tall headers merged down, a group label with a column of no word under it, Japanese or English
// header words (or both, column by column) and their synonyms and units (工数 / (人日)), the risk
// columns clients add (スコア, レベル/Lv, 対応方針, トリガー, 発生時の対応, 残存リスク), an issue's 種別 and the
// client's own 分類, a WBS's Lv and 工数, blank spacer rows, a wrapped title, notes, a © footer and a
// rating legend under the data, a second table below or beside it, a legend (凡例) or a short register of
// another kind beside it, cover and list sheets, Excel table objects — with what a person reads in it: the sheet, header rows, first and last record row, each
// column's field and the records. Seeds split into `dev` (failures may be looked at) and `check`
// (only its figures are read): a rule changed to pass a dev case must not be seen to pass check cases.
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { columnName, parseRange, type Merge, type SheetModel, type WorkbookModel } from '../../electron/common/excel/model.js';
import { sheet, type ModelCell } from '../fixtures/excel/model.js';
import { HELD_HELPERS, HELD_WORDS } from './synthetic-held-words.js';
import { UNSEEN_WORDS } from './synthetic-unseen-words.js';

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seeds detection may be looked at on, and those only measured. */
export const DEV_SEEDS = Array.from({ length: 400 }, (_, i) => 1 + i);
export const CHECK_SEEDS = Array.from({ length: 150 }, (_, i) => 100_001 + i);
/** Seeds whose words (synthetic-held-words.ts) nobody tuned on: only their figures are read. */
export const HELD_SEEDS = Array.from({ length: 150 }, (_, i) => 300_001 + i);
/**
 * Dev seeds whose less common words (synthetic-unseen-words.ts) the synonyms never hold, drawn as HELD's
 * are: the cases the dialog's asking is tuned on where words are unseen (their cases may be read).
 */
export const UNSEEN_SEEDS = Array.from({ length: 300 }, (_, i) => 200_001 + i);

type Lang = 'ja' | 'en';
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const day = (r: Rand) => new Date(Date.UTC(2025, int(r, 0, 10), int(r, 1, 28)));

/** A column a client may have: its field (null: the client's own, kept as an extra column), header words, and a cell per record. */
interface ColumnKind {
  field: string | null;
  words: Record<Lang, readonly string[]>;
  /**
   * Less common words a person still reads as the field at once (Date Logged, 対応予定日): those at
   * even places of each language's list for dev seeds, those at odd places for check seeds, so a word
   * added to the synonyms for a dev case tells nothing of the check figures.
   */
  variants?: Record<Lang, readonly string[]>;
  /** A two-row header's group word over this column, and the word under it (予定 / 開始). */
  grouped?: Record<Lang, readonly [string, string][]>;
  value: (r: Rand, i: number, lang: Lang) => ModelCell;
  /** The record's name: always filled, the column a wrapped text continues in. */
  key?: true;
  /** How often a table has this column (0.55 when absent). */
  p?: number;
}

const NAMES: Record<Lang, readonly string[]> = { ja: ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤'], en: ['Ann Lee', 'Bob Smith', 'C. Jones', 'D. Patel', 'E. Kim'] };
const LMH: Record<Lang, readonly string[]> = { ja: ['高', '中', '低'], en: ['High', 'Medium', 'Low'] };
const rating = (r: Rand, _: number, lang: Lang): ModelCell => (chance(r, 0.5) ? int(r, 1, 5) : pick(r, LMH[lang]));
const person = (r: Rand, _: number, lang: Lang): ModelCell => pick(r, NAMES[lang]);
const date = (r: Rand): ModelCell => day(r);
const sentence = (subjects: Record<Lang, readonly string[]>, objects: Record<Lang, readonly string[]>) => (r: Rand, i: number, lang: Lang) =>
  lang === 'ja' ? `${pick(r, subjects.ja)}の${pick(r, objects.ja)}（${i + 1}）` : `${pick(r, subjects.en)} ${pick(r, objects.en)} (${i + 1})`;

const RISK_TITLE = sentence(
  { ja: ['ベンダー', '要員', '性能', '移行データ', '外部API', '承認'], en: ['Vendor', 'Key staff', 'Performance', 'Data migration', 'External API', 'Sign-off'] },
  { ja: ['遅延', '不足', '品質低下', '仕様変更', '障害'], en: ['may be late', 'shortage', 'below target', 'scope change', 'outage'] },
);
const LONG = sentence(
  { ja: ['調達の遅れにより', '他案件との兼務により', '本番相当の負荷で', '旧システムの仕様不明により'], en: ['Because procurement is slow,', 'As staff are shared with another project,', 'Under production load,', 'With the legacy rules undocumented,'] },
  { ja: ['後続工程に影響する可能性がある', '品質確保が難しくなる', '再見積が必要になる'], en: ['later phases could slip', 'quality could suffer', 'a re-estimate may be needed'] },
);
const ACTION = sentence(
  { ja: ['代替ベンダー', '週次レビュー', '早期の負荷試験', '有識者ヒアリング'], en: ['Second vendor', 'Weekly review', 'Early load test', 'Expert interviews'] },
  { ja: ['を準備する', 'で監視する', 'を実施する'], en: ['to be prepared', 'to monitor it', 'to be run'] },
);

const REF_WORDS: Record<Lang, readonly string[]> = { ja: ['No', 'No.', '番号', '管理番号'], en: ['No.', 'ID', '#'] };
/** Whether this case numbers its rows 1, 2, 3 (else R-001): one style per table. */
let plainNumbers = true;
const refColumn = (prefix: string): ColumnKind => ({ field: 'ref', words: REF_WORDS, value: (_, i) => (plainNumbers ? i + 1 : `${prefix}-${String(i + 1).padStart(3, '0')}`) });

const TEXT_FIELDS = new Set(['description', 'detail', 'responsePlan', 'resolution', 'deliverable']);
const LIST_FIELDS = new Set(['status', 'priority', 'category']);
const RATING_FIELDS = new Set(['probability', 'impact']);
const DATE_FIELDS = new Set(['raisedOn', 'due', 'closedOn', 'plannedStart', 'plannedFinish', 'actualStart']);
/** A header word as templates dress it: a mark for required or a list, a note of the format under it. */
function dressed(r: Rand, w: string, field: string | null, lang: Lang): string {
  const marks = lang === 'ja' ? [`${w}※`, `【必須】${w}`, `${w}▼`] : [`${w} *`, `${w} ▼`, `*${w}`];
  if (field && LIST_FIELDS.has(field)) marks.push(lang === 'ja' ? `${w}\n(選択)` : `${w}\n(select)`);
  if (field && RATING_FIELDS.has(field)) marks.push(lang === 'ja' ? `${w}\n(1〜5)` : `${w} (1-5)`);
  if (field && DATE_FIELDS.has(field)) marks.push(`${w}\n(yyyy/mm/dd)`);
  return pick(r, marks);
}

/** The unit a template writes under a number column's word (工数 / (人日), Score / (P×I)). */
const UNITS: Record<string, Record<Lang, readonly string[]>> = {
  plannedEffort: { ja: ['(人日)', '（h）', '[人時]'], en: ['(days)', '(hrs)', '[person-days]'] },
  probability: { ja: ['(1〜5)', '（5段階）', '[高/中/低]'], en: ['(1-5)', '(H/M/L)', '[1..5]'] },
  impact: { ja: ['(1〜5)', '（5段階）', '[高/中/低]'], en: ['(1-5)', '(H/M/L)', '[1..5]'] },
  score: { ja: ['(確率×影響)', '（P×I）'], en: ['(P×I)', '(P x I)'] },
  progress: { ja: ['(%)', '（％）'], en: ['(%)', '[%]'] },
};

const EXTRA: ColumnKind = { field: null, words: { ja: ['関連資料', '所属', '連絡先'], en: ['Department', 'Link', 'Ticket'] }, value: (r, i, lang) => (lang === 'ja' ? pick(r, ['開発部', '営業部', '基盤G']) : `T-${100 + i}`) };

/** A risk's score as clients write it: P × I as a number or the formula's cached result. */
const score = (r: Rand): ModelCell => (chance(r, 0.5) ? { f: int(r, 1, 25) } : int(r, 1, 25));
const RISK: ColumnKind[] = [
  refColumn('R'),
  { field: 'title', key: true, words: { ja: ['リスク', 'リスク名', '件名', 'リスク項目'], en: ['Risk', 'Risk Title', 'Title', 'Risk Name'] }, variants: { ja: ['リスク事象', 'リスク件名'], en: ['Risk Event', 'Risk Item'] }, value: RISK_TITLE },
  { field: 'description', words: { ja: ['詳細', 'リスク詳細', '説明'], en: ['Description', 'Details', 'Risk Description'] }, value: LONG },
  {
    field: 'category',
    words: { ja: ['分類', 'カテゴリ', 'リスク分類', '区分'], en: ['Category', 'Risk Category', 'Risk Type'] },
    variants: { ja: ['リスク種類', 'リスク区分名', 'カテゴリー区分', '分野'], en: ['Risk Area', 'Type of Risk', 'Risk Class', 'Risk Group'] },
    value: (r, _, lang) => pick(r, lang === 'ja' ? ['技術', 'スケジュール', '要員', '品質'] : ['Technical', 'Schedule', 'Resource', 'Market risk']),
  },
  {
    field: 'probability',
    words: { ja: ['発生確率', '発生可能性'], en: ['Probability', 'Likelihood'] },
    variants: { ja: ['生起確率', '発生確度', '発生の可能性', '発生見込み'], en: ['Probability (P)', 'Likelihood of Occurrence', 'Chance', 'Probability Level'] },
    grouped: { ja: [['評価', '発生確率']], en: [['Assessment', 'Probability'], ['Rating', 'Likelihood']] },
    value: rating,
  },
  {
    field: 'impact',
    words: { ja: ['影響度'], en: ['Impact'] },
    variants: { ja: ['影響の度合', '影響程度', '影響レベル', '影響範囲度'], en: ['Impact (I)', 'Severity of Impact', 'Impact Level', 'Consequence Rating'] },
    grouped: { ja: [['評価', '影響度']], en: [['Assessment', 'Impact'], ['Rating', 'Impact']] },
    value: rating,
  },
  {
    field: 'score',
    p: 0.35,
    words: { ja: ['スコア', 'リスクスコア', '評価点'], en: ['Score', 'Risk Score'] },
    variants: { ja: ['リスク評価値', 'リスク点数', '重大性スコア', 'リスク値'], en: ['Risk Rating', 'Risk Exposure', 'P x I', 'Exposure Score'] },
    grouped: { ja: [['評価', 'スコア']], en: [['Assessment', 'Score'], ['Rating', 'Score']] },
    value: score,
  },
  {
    field: 'level',
    p: 0.25,
    words: { ja: ['レベル', 'リスクレベル', 'Lv'], en: ['Level', 'Risk Level', 'Lv'] },
    variants: { ja: ['リスク度', 'リスク水準', 'リスクLv', '危険度レベル'], en: ['Risk Grade', 'Overall Rating', 'Risk Lv', 'Rating Level'] },
    value: (r, _, lang) => (chance(r, 0.3) ? `Lv${int(r, 1, 3)}` : pick(r, LMH[lang])),
  },
  { field: 'owner', words: { ja: ['担当者', '責任者', 'リスクオーナー'], en: ['Owner', 'Risk Owner', 'Responsible'] }, variants: { ja: ['対応責任者', '担当者名'], en: ['Owner Name', 'Action Owner'] }, value: person },
  {
    field: 'strategy',
    p: 0.3,
    words: { ja: ['対応方針', '対応戦略'], en: ['Strategy', 'Response Strategy'] },
    variants: { ja: ['対処方針', 'リスク戦略', '対応の方針', '処置方針'], en: ['Treatment Strategy', 'Risk Response Strategy', 'Response Approach', 'Treatment Option'] },
    value: (r, _, lang) => pick(r, lang === 'ja' ? ['回避', '軽減', '転嫁', '受容'] : ['Avoid', 'Mitigate', 'Transfer', 'Accept']),
  },
  {
    field: 'trigger',
    p: 0.3,
    words: { ja: ['トリガー', '兆候', '発生条件'], en: ['Trigger', 'Triggers', 'Warning Signs'] },
    variants: { ja: ['発生トリガー', 'リスク兆候', 'トリガ条件', '顕在化の兆候'], en: ['Trigger Event', 'Early Warning Signs', 'Trigger Condition', 'Risk Triggers'] },
    value: (r, i, lang) => (lang === 'ja' ? `${pick(r, ['納期', '要員', '試験'])}の遅れが${i + 2}日を超えた場合` : `${pick(r, ['Delivery', 'Staffing', 'Testing'])} slips more than ${i + 2} days`),
  },
  {
    field: 'responsePlan',
    words: { ja: ['対応策', '対策', '軽減策'], en: ['Mitigation', 'Response Plan', 'Mitigation Plan'] },
    variants: { ja: ['リスク対策', '低減策', '予防処置', '事前対策'], en: ['Mitigation Strategy', 'Mitigation Actions', 'Preventive Actions', 'Risk Response'] },
    value: ACTION,
  },
  {
    field: 'contingency',
    p: 0.25,
    words: { ja: ['発生時の対応', 'コンティンジェンシー'], en: ['Contingency', 'Contingency Plan'] },
    variants: { ja: ['顕在化時の対応', '発生時対策', '顕在化時対策', '事後対応策'], en: ['Fallback Actions', 'Contingency Actions', 'Fallback', 'Contingency Response'] },
    value: (r, i, lang) => (lang === 'ja' ? `${pick(r, ['代替要員', '暫定運用', '手作業'])}で対応する（${i + 1}）` : `Fall back to ${pick(r, ['a stand-in', 'manual work', 'the old system'])} (${i + 1})`),
  },
  { field: 'status', words: { ja: ['状況', 'ステータス', '状態'], en: ['Status'] }, value: (r, _, lang) => pick(r, lang === 'ja' ? ['未対応', '対応中', '完了'] : ['Open', 'Closed', 'In progress']) },
  { field: 'raisedOn', words: { ja: ['起票日', '登録日', '識別日'], en: ['Date Raised', 'Date Identified'] }, variants: { ja: ['記入日', '発生日'], en: ['Date Logged', 'Logged On'] }, value: date },
  { field: 'due', words: { ja: ['期限', '対応期限'], en: ['Due Date', 'Target Date'] }, variants: { ja: ['対応予定日', '完了期限'], en: ['Target Resolution Date', 'Due By'] }, value: date },
  // The risk left after the response, rated like the risk: the client's own column, no field of ours.
  { field: null, p: 0.25, words: { ja: ['残存リスク', '残留リスク'], en: ['Residual Risk', 'Residual Rating'] }, value: rating },
  EXTRA,
];

const ISSUE: ColumnKind[] = [
  refColumn('I'),
  {
    field: 'kind',
    p: 0.3,
    words: { ja: ['種別', '区分', '課題種別'], en: ['Type', 'Issue Type', 'Kind'] },
    variants: { ja: ['種類', '起票区分', '課題の種類', '案件種別'], en: ['Issue Category', 'Ticket Type', 'Record Type', 'Item Type'] },
    value: (r, _, lang) => pick(r, lang === 'ja' ? ['課題', '質問', '要望', '不具合'] : ['Issue', 'Question', 'Request', 'Defect']),
  },
  // What the issue is about (画面, 帳票): the client's own grouping, not one of our kinds.
  { field: null, p: 0.25, words: { ja: ['分類', '機能分類', '対象機能'], en: ['Area', 'Module', 'Component'] }, value: (r, _, lang) => pick(r, lang === 'ja' ? ['画面', '帳票', 'バッチ', 'IF'] : ['UI', 'Reports', 'Batch', 'Interface']) },
  { field: 'title', key: true, words: { ja: ['課題', '課題名', '件名', '問題点'], en: ['Issue', 'Title', 'Issue Title', 'Subject'] }, variants: { ja: ['課題件名', '懸案事項'], en: ['Issue Summary', 'Issue Name'] }, value: RISK_TITLE },
  { field: 'detail', words: { ja: ['詳細', '説明'], en: ['Description', 'Details'] }, variants: { ja: ['課題詳細', '詳細内容'], en: ['Issue Description', 'Issue Details'] }, value: LONG },
  { field: 'priority', words: { ja: ['優先度', '重要度'], en: ['Priority'] }, value: (r, _, lang) => pick(r, LMH[lang]) },
  { field: 'owner', words: { ja: ['担当者', '対応者'], en: ['Owner', 'Assigned To', 'Assignee'] }, variants: { ja: ['対応担当者', '担当者名'], en: ['Action Owner', 'Owner Name'] }, grouped: { ja: [['対応', '担当者']], en: [['Action', 'Owner']] }, value: person },
  { field: 'raisedOn', words: { ja: ['起票日', '登録日'], en: ['Date Raised', 'Reported On'] }, variants: { ja: ['発生日', '記入日'], en: ['Date Logged', 'Date Opened'] }, value: date },
  { field: 'due', words: { ja: ['期限', '回答期限'], en: ['Due Date', 'Deadline'] }, grouped: { ja: [['対応', '期限']], en: [['Action', 'Due Date']] }, value: date },
  { field: 'status', words: { ja: ['状況', 'ステータス'], en: ['Status'] }, value: (r, _, lang) => pick(r, lang === 'ja' ? ['未対応', '対応中', '完了'] : ['Open', 'Closed', 'In progress']) },
  { field: 'resolution', words: { ja: ['対応内容', '回答', '対応策'], en: ['Resolution', 'Action Taken'] }, variants: { ja: ['処置内容', '解決策'], en: ['Resolution Details', 'Actions Taken'] }, value: ACTION },
  { field: 'closedOn', words: { ja: ['完了日', 'クローズ日'], en: ['Closed On', 'Date Closed'] }, value: date },
  EXTRA,
];

const TASKS: Record<Lang, readonly string[]> = {
  ja: ['要件定義', '基本設計', '詳細設計', '製造', '単体テスト', '結合テスト', '総合テスト', '移行', '研修', '本番稼働'],
  en: ['Requirements', 'Basic design', 'Detailed design', 'Build', 'Unit test', 'Integration test', 'System test', 'Migration', 'Training', 'Go-live'],
};
/** An outline level per task: the first at the top, each next one at most one deeper. */
let lastLevel = 0;
const WBS: ColumnKind[] = [
  {
    field: 'level',
    p: 0.2,
    words: { ja: ['レベル', '階層', 'Lv'], en: ['Level', 'Lv', 'Outline Level'] },
    variants: { ja: ['階層レベル', '階層No', 'WBSレベル', 'Lv.'], en: ['Indent Level', 'Outline Lvl', 'Task Level', 'Lv.'] },
    value: (r, i) => (lastLevel = i === 0 ? 1 : int(r, 1, Math.min(3, lastLevel + 1))),
  },
  { field: 'name', key: true, words: { ja: ['タスク名', '作業項目', '作業名'], en: ['Task Name', 'Task', 'Activity'] }, variants: { ja: ['作業内容', 'タスク'], en: ['Task Description', 'Work Item'] }, value: (r, i, lang) => `${pick(r, TASKS[lang])} ${i + 1}` },
  { field: 'assignee', words: { ja: ['担当者', '担当'], en: ['Assignee', 'Resource', 'Owner'] }, value: person },
  {
    field: 'plannedStart',
    words: { ja: ['開始予定日', '予定開始日', '開始日'], en: ['Start Date', 'Planned Start', 'Start'] },
    variants: { ja: ['着手予定日', '計画開始日'], en: ['Plan Start Date', 'Scheduled Start'] },
    grouped: { ja: [['予定', '開始'], ['計画', '開始日']], en: [['Plan', 'Start'], ['Planned', 'Start']] },
    value: date,
  },
  {
    field: 'plannedFinish',
    words: { ja: ['終了予定日', '予定終了日', '終了日'], en: ['Finish Date', 'End Date', 'Planned Finish'] },
    variants: { ja: ['完了予定日', '計画終了日'], en: ['Plan End Date', 'Scheduled Finish'] },
    grouped: { ja: [['予定', '終了'], ['計画', '終了日']], en: [['Plan', 'Finish'], ['Planned', 'Finish']] },
    value: date,
  },
  {
    field: 'actualStart',
    words: { ja: ['実績開始日', '開始実績'], en: ['Actual Start'] },
    grouped: { ja: [['実績', '開始'], ['実績', '開始日']], en: [['Actual', 'Start'], ['Actual', 'Start']] },
    value: date,
  },
  {
    field: 'plannedEffort',
    p: 0.3,
    words: { ja: ['予定工数', '工数', '見積工数'], en: ['Effort', 'Planned Effort', 'Estimate'] },
    variants: { ja: ['計画工数', '作業工数', '想定工数', '予定作業量'], en: ['Planned Work', 'Budgeted Effort', 'Estimated Work', 'Work Estimate'] },
    value: (r) => pick(r, [0.5, 1, 2, 3, 5, 8, 13]),
  },
  { field: 'progress', words: { ja: ['進捗率', '進捗'], en: ['% Complete', 'Progress'] }, value: (r) => pick(r, [0, 0.25, 0.5, 1]) },
  { field: 'status', words: { ja: ['状況', 'ステータス'], en: ['Status'] }, value: (r, _, lang) => pick(r, lang === 'ja' ? ['未着手', '作業中', '完了'] : ['Not Started', 'In Progress', 'Done']) },
  { field: 'deliverable', words: { ja: ['成果物'], en: ['Deliverable', 'Output'] }, value: (r, i, lang) => (lang === 'ja' ? `${pick(r, ['設計書', '仕様書', '試験報告書'])}${i + 1}` : `${pick(r, ['Design doc', 'Spec', 'Test report'])} ${i + 1}`) },
  { field: 'notes', words: { ja: ['備考', 'コメント'], en: ['Remarks', 'Notes', 'Comments'] }, value: (r, _, lang) => (chance(r, 0.5) ? null : lang === 'ja' ? '要確認' : 'check with client') },
  EXTRA,
];

/**
 * More less-common words for DEV seeds only (`target.field` → words), written for the kinds of column CHECK
 * left unrecognised (counted by field, never read word by word): a rule that reads them must be general
 * enough to read CHECK's and HELD's words too, or those figures say it is not.
 */
const DEV_MORE: Record<string, Record<Lang, readonly string[]>> = {
  'risk.due': { ja: ['実施期限', '完了目標日'], en: ['Complete By', 'Needed By', 'Target Close Date'] },
  'issue.due': { ja: ['回答希望日', '解決目標日'], en: ['Resolve By', 'Due Date (Target)'] },
  'risk.category': { ja: ['リスク種別区分', '分類名'], en: ['Risk Categories', 'Category Type', 'Risk Domain'] },
  'risk.title': { ja: ['リスク事項名', '懸念事項'], en: ['Risk Summary', 'Risk Identified', 'Risk Headline'] },
  'issue.title': { ja: ['課題タイトル名', '検討事項'], en: ['Issue Headline', 'Problem Statement'] },
  'risk.raisedOn': { ja: ['登録日付', '識別年月日'], en: ['Date Entered', 'Raised Date', 'Logged Date'] },
  'issue.raisedOn': { ja: ['受付年月日', '報告日付'], en: ['Reported Date', 'Date Submitted'] },
  'issue.kind': { ja: ['課題タイプ', '分類種別'], en: ['Issue Kind', 'Type of Item'] },
  'risk.probability': { ja: ['発生する確率', '確率(P)'], en: ['Likelihood (L)', 'Probability Score'] },
  'risk.responsePlan': { ja: ['リスク対応策', '低減対策'], en: ['Mitigating Actions', 'Response Actions'] },
  'risk.strategy': { ja: ['対応方針区分', '処理方針'], en: ['Response Option', 'Strategy (Avoid/Mitigate)'] },
  'risk.contingency': { ja: ['発生時対処', '緊急対応策'], en: ['Contingency Actions Plan', 'Fallback Option'] },
  'risk.level': { ja: ['リスク水準区分', '危険度'], en: ['Severity Level', 'Risk Tier'] },
  'risk.trigger': { ja: ['トリガー事象', '発生兆候'], en: ['Trigger Events', 'Warning Indicators'] },
};

/** Fields a client validates with a list: its vocabulary columns. */
const VALIDATED = new Set(['status', 'priority', 'category', 'kind', 'level', 'strategy']);

type HelperKind = 'code' | 'key' | 'copy' | 'date' | 'flag';
/** Hidden helper columns' words (some look like a field's) and what their formulas give. */
const HELPERS: Record<Lang, readonly [string, HelperKind][]> = {
  ja: [['状況コード', 'code'], ['ソートキー', 'key'], ['件名(転記)', 'copy'], ['集計用区分', 'code'], ['担当者コード', 'code'], ['期限(計算)', 'date'], ['検索キー', 'key'], ['完了フラグ', 'flag']],
  en: [['Status Code', 'code'], ['Sort Key', 'key'], ['Title (copy)', 'copy'], ['Category (calc)', 'code'], ['Owner ID', 'code'], ['Due (calc)', 'date'], ['Lookup Key', 'key'], ['Closed Flag', 'flag']],
};
function helperCell(x: Rand, kind: HelperKind, i: number, name: string): ModelCell {
  if (kind === 'code') return { f: int(x, 1, 3) };
  if (kind === 'key') return { f: `${String(i + 1).padStart(3, '0')}-${int(x, 10, 99)}` };
  if (kind === 'copy') return { f: name };
  if (kind === 'date') return { f: 45_700 + int(x, 0, 300) };
  return { f: chance(x, 0.5) ? 1 : 0 };
}

/** A second register's title over it. */
const SECOND_TITLES: Record<Lang, readonly string[]> = { ja: ['完了分', 'クローズ済み一覧', '第2期', '保留中の項目'], en: ['Closed items', 'Phase 2', 'On hold', 'Archived'] };

/** Targets generated tables are made for; the others (change and the registers added since) have none yet. */
const KINDS: Partial<Record<ImportTarget, ColumnKind[]>> = { risk: RISK, issue: ISSUE, wbs: WBS };
const TITLES: Partial<Record<ImportTarget, Record<Lang, readonly string[]>>> = {
  risk: { ja: ['リスク管理表', 'リスク一覧'], en: ['Risk Register', 'Project Risk Log'] },
  issue: { ja: ['課題管理表', '課題一覧'], en: ['Issue Log', 'Issues Register'] },
  wbs: { ja: ['WBS', '作業計画書', 'プロジェクト計画'], en: ['Work Breakdown Structure', 'Project Plan'] },
};

/** What a person reads in a generated table: 1-based rows, columns as 'D' or 'A:C'. */
export interface Answer {
  sheet: string;
  headerRows: [number, number];
  /** Null in a blank template: nothing is imported. */
  firstDataRow: number | null;
  lastDataRow: number | null;
  /** Column → field; null: the client's own column (kept as extra, or left out as row numbers). */
  columns: Record<string, string | null>;
  /** The records' names (title / task name), in order, a wrapped one joined. */
  names: string[];
  /** Text a record continues on its second row: its field's value holds it. */
  lines: { record: number; field: string; text: string }[];
  /** Other registers of the same kind on the sheet: the import must offer them (1-based header rows, 'H:M'). */
  others?: { headerRows: [number, number]; columns: string }[];
}

export interface SyntheticCase {
  seed: number;
  target: ImportTarget;
  model: WorkbookModel;
  answer: Answer;
  /** What the case holds (for figures by feature). */
  features: string[];
}

/** One generated workbook, the same for the same seed. */
export function generateCase(seed: number): SyntheticCase {
  const r = rng(seed);
  const target = pick(r, ['risk', 'issue', 'wbs'] as const);
  const lang: Lang = chance(r, 0.5) ? 'ja' : 'en';
  const features: string[] = [target, lang];
  const feature = (f: string) => features.push(f);
  plainNumbers = chance(r, 0.6);
  const bilingual = chance(r, 0.15);
  const textDates = chance(r, 0.2);
  if (bilingual) feature('bilingual header');
  if (textDates) feature('text dates');

  // Columns: the key and 3–7 others in the order the kind lists them (a few swapped).
  const kinds = KINDS[target] ?? [];
  const key = kinds.find((k) => k.key)!;
  const others = kinds.filter((k) => !k.key && chance(r, k.p ?? 0.55));
  const chosen = [key, ...others];
  if (chance(r, 0.3)) chosen.sort(() => r() - 0.5);
  else chosen.sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b));
  // The ref column first when there is one, as clients number rows at the left.
  const refAt = chosen.findIndex((k) => k.field === 'ref');
  if (refAt > 0) chosen.unshift(...chosen.splice(refAt, 1));

  // A client's blank template (nothing filled in: a title, a "Project Name: / Date:" row, the header on
  // row 3 over wide merged column groups, prepared rows, a © footer), and an Excel table object left
  // stale (ending above the last records, or over a lookup block beside the register): drawn from a
  // stream of their own, so every other table stays the one it was.
  const t = rng(seed * 17 + 3);
  const blank = chance(t, 0.1);
  const staleObject = !blank && chance(t, 0.12) ? pick(t, ['short', 'beside'] as const) : null;
  if (blank) feature('blank template');
  const twoRow = chosen.some((k) => k.grouped) && chance(r, 0.35);
  // A one-row header whose cells are merged down over two rows (a tall header band).
  const tall = !twoRow && chance(r, 0.15);
  const mergedGroups = chance(r, 0.3) || blank;
  // Header words of some columns in English, of others in Japanese (a translated template).
  const mixed = !bilingual && chance(r, 0.12);
  if (twoRow) feature('two-row header');
  if (tall) feature('tall header');
  if (mergedGroups) feature('merged column groups');
  if (mixed) feature('mixed languages');
  const isUnseen = seed >= UNSEEN_SEEDS[0]! && seed < HELD_SEEDS[0]!;
  const isCheck = seed >= CHECK_SEEDS[0]! && seed < UNSEEN_SEEDS[0]!;
  const isHeld = seed >= HELD_SEEDS[0]!;

  // Each column's width in cells (a merged group A:C) and its header words.
  const startCol = chance(r, 0.3) ? int(r, 1, 2) : 0;
  const usedGroup = new Map<string, [string, string]>();
  const cols = chosen.map((k) => {
    const span = mergedGroups ? (k.key || k.field === 'description' || k.field === 'detail' ? int(r, 3, 8) : int(r, 1, 3)) : 1;
    let group: [string, string] | undefined;
    if (twoRow && k.grouped) {
      // Columns of one group word share its pairs' group (予定 over 開始 and 終了, never 予定 over one and 計画 over the other).
      const options = k.grouped[lang];
      const g = options.find(([top]) => [...usedGroup.values()].some(([t]) => t === top)) ?? pick(r, options);
      group = g;
      usedGroup.set(k.field!, g);
    }
    const wl: Lang = mixed && chance(r, 0.5) ? (lang === 'ja' ? 'en' : 'ja') : lang;
    // Less common words: CHECK's at odd places of each list, DEV's at even places and DEV_MORE, HELD's
    // its own (the same draws for CHECK as before HELD and DEV_MORE were added).
    const own = isHeld || isUnseen;
    const more = isHeld ? HELD_WORDS[`${target}.${k.field}`]?.[wl] : isUnseen ? UNSEEN_WORDS[`${target}.${k.field}`]?.[wl] : isCheck ? undefined : DEV_MORE[`${target}.${k.field}`]?.[wl];
    const pool = own ? (more ?? []) : [...(k.variants?.[wl].filter((_, i) => i % 2 === (isCheck ? 1 : 0)) ?? []), ...(more ?? [])];
    const variant = (own ? pool.length > 0 : !!k.variants || pool.length > 0) && chance(r, 0.3) && pool.length > 0;
    if (variant) feature('variant words');
    let word = variant ? pick(r, pool) : pick(r, k.words[wl]);
    if (bilingual) word = `${pick(r, k.words.ja)}${chance(r, 0.5) ? '\n' : '（'}${pick(r, k.words.en)}${chance(r, 0.5) ? '' : ''}`.replace(/（(.*)$/, '（$1）');
    if (chance(r, 0.2)) {
      feature('dressed words');
      word = dressed(r, word, k.field, wl);
    } else if (k.field && UNITS[k.field] && chance(r, 0.3)) {
      feature('units in header');
      word = `${word}${chance(r, 0.6) ? '\n' : ''}${pick(r, UNITS[k.field]![wl])}`;
    }
    return { kind: k, span, word, group, c: 0, helper: undefined as HelperKind | undefined };
  });
  // A column under a group label with no word of its own (評価 over 発生確率 / 影響度 / —): the client's.
  if (twoRow && chance(r, 0.3)) {
    const at = cols.findLastIndex((x, i) => x.group && cols.some((y, j) => j !== i && y.group?.[0] === x.group![0]));
    if (at >= 0) {
      feature('blank under group');
      cols.splice(at + 1, 0, { kind: { field: null, words: { ja: [''], en: [''] }, value: (rr) => int(rr, 1, 25) }, span: 1, word: '', group: [cols[at]!.group![0], ''], c: 0, helper: undefined });
    }
  }
  // What the author set around the cells (hidden columns, frozen panes, a filter, list validations, a
  // second register) is drawn from a stream of its own, so every table above stays the one it was.
  const x = rng(seed * 31 + 7);
  /** The options of a misleading or helper kind a split may see: even places for dev, odd for check. */
  const half = <T>(xs: readonly T[]): T[] => (isHeld ? [...xs] : xs.filter((_, i) => i % 2 === (isCheck ? 1 : 0)));
  // A hidden helper column inside the table (a code, a sort key, a copy of the name for a lookup):
  // formulas under a word that may look like a field's, no column of the client's data.
  const helper = chance(x, 0.25) ? pick(x, isHeld ? HELD_HELPERS[lang] : half(HELPERS[lang])) : undefined;
  if (helper) {
    feature('hidden helper column');
    const keyAt = cols.findIndex((y) => y.kind.key);
    // Right of the key or at the end, never between two columns of one group label.
    const places = [keyAt + 1, cols.length].filter((i) => !(cols[i - 1]?.group && cols[i]?.group && cols[i - 1]!.group![0] === cols[i]!.group![0]));
    cols.splice(pick(x, places), 0, { kind: { field: null, words: { ja: [helper[0]], en: [helper[0]] }, value: () => null }, span: 1, word: helper[0], group: undefined, c: 0, helper: helper[1] });
  }
  // A blank template's groups are wide (the name over D:R), drawn for a page rather than for data.
  if (blank) for (const col of cols) col.span = col.kind.key ? int(t, 6, 15) : int(t, 2, 6);
  let c = startCol;
  for (const col of cols) {
    col.c = c;
    c += col.span;
  }
  const lastCol = c - 1;
  const width = lastCol - startCol + 1;

  const rows: ModelCell[][] = [];
  const merges: string[] = [];
  const at = (row: number, col: number, v: ModelCell) => {
    (rows[row] ??= [])[col] = v;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number) => {
    if (r1 !== r2 || c1 !== c2) merges.push(`${columnName(c1)}${r1 + 1}:${columnName(c2)}${r2 + 1}`);
  };

  // The block above the header: a title, label rows, spacers.
  let row = 0;
  if (blank) {
    // The title merged over the page, then one row of labels to fill in, each with its blank beside it.
    at(row, startCol, pick(t, TITLES[target]?.[lang] ?? []));
    merge(row, startCol, row, lastCol);
    row++;
    const [name, when] = lang === 'ja' ? ['プロジェクト名：', '作成日：'] : ['Project Name:', 'Date:'];
    const mid = startCol + Math.max(2, Math.floor(width * 0.6));
    at(row, startCol, name);
    if (chance(t, 0.5)) merge(row, startCol, row, startCol + 1);
    at(row, mid, when);
    row++;
    if (chance(t, 0.3)) row++;
  } else if (chance(r, 0.7)) {
    feature('title row');
    at(row, startCol, pick(r, TITLES[target]?.[lang] ?? []));
    if (chance(r, 0.5)) merge(row, startCol, row, lastCol);
    row++;
    if (chance(r, 0.3)) row++;
  }
  if (!blank && chance(r, 0.5)) {
    feature('label rows');
    const labels = lang === 'ja' ? [['プロジェクト名：', '基幹刷新'], ['作成日：', day(r)], ['作成者：', '山田']] : [['Project Name:', 'Apollo'], ['Date:', day(r)], ['Prepared by:', 'J. Smith']];
    const n = int(r, 1, 3);
    for (let i = 0; i < n; i++) {
      at(row, startCol, labels[i]![0] as string);
      at(row, startCol + Math.max(1, Math.min(3, width - 1)), labels[i]![1] as ModelCell);
      row++;
    }
  }
  if (!blank && row > 0 && chance(r, 0.6)) row += int(r, 1, 2);
  if (!blank && chance(r, 0.15)) {
    // A count by status above the register (集計), a small table of its own.
    feature('summary above');
    at(row++, startCol, lang === 'ja' ? '集計' : 'Summary');
    at(row, startCol, lang === 'ja' ? '状況' : 'Status');
    at(row++, startCol + 1, lang === 'ja' ? '件数' : 'Count');
    for (const [w, k] of lang === 'ja' ? [['未対応', 3], ['完了', 2]] : [['Open', 3], ['Closed', 2]]) {
      at(row, startCol, w as string);
      at(row++, startCol + 1, k as number);
    }
    row++;
  }

  // The header.
  const top = row;
  const bottom = twoRow || tall ? row + 1 : row;
  for (const col of cols) {
    if (col.group) {
      at(top, col.c, col.group[0]);
      at(bottom, col.c, col.group[1]);
      if (col.span > 1) merge(bottom, col.c, bottom, col.c + col.span - 1);
    } else {
      at(top, col.c, col.word);
      merge(top, col.c, bottom, col.c + col.span - 1);
    }
  }
  // A group word merged over its columns (予定 over 開始 and 終了).
  if (twoRow)
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (cols[i]!.group && j + 1 < cols.length && cols[j + 1]!.group?.[0] === cols[i]!.group![0]) j++;
      if (cols[i]!.group) {
        for (let k = i + 1; k <= j; k++) delete rows[top]![cols[k]!.c];
        merge(top, cols[i]!.c, top, cols[j]!.c + cols[j]!.span - 1);
      }
      i = j + 1;
    }
  row = bottom + 1;

  // The records, with a blank spacer row or a wrapped name among them.
  const n = blank ? 0 : int(r, 3, 12);
  const names: string[] = [];
  const lines: Answer['lines'] = [];
  const blankAt = !blank && chance(r, 0.2) ? int(r, 1, n - 1) : -1;
  const keyCol = cols.find((x) => x.kind.key)!;
  let first = row;
  if (!blank && chance(r, 0.15)) {
    // A filled example row marked 例 above the records: no record.
    feature('example row');
    for (const col of cols) at(row, col.c, col.kind.key ? `${lang === 'ja' ? '例）' : 'e.g. '}${String(col.kind.value(r, 0, lang))}` : col.kind.value(r, 0, lang));
    if (cols[0]!.kind.field === 'ref') at(row, cols[0]!.c, '例');
    row++;
    first = row;
  }
  const wrapAt = !blank && lang === 'en' && chance(r, 0.25) ? int(r, 0, n - 1) : -1;
  if (blankAt >= 0) feature('blank row inside');
  if (wrapAt >= 0) feature('wrapped name');
  // A record of two rows: its name (and number) merged down over both, a second line of text in the row under it.
  const textCol = cols.find((x) => x.kind.field !== null && TEXT_FIELDS.has(x.kind.field));
  const twoLineAt = !blank && textCol && chance(r, 0.2) ? int(r, 0, n - 1) : -1;
  if (twoLineAt >= 0 && twoLineAt !== wrapAt) feature('two-row record');
  const starts: number[] = [];
  const mergeData = blank || (mergedGroups && chance(r, 0.5));
  for (let i = 0; i < n; i++) {
    if (i === blankAt) row++;
    starts.push(row);
    let name = '';
    for (const col of cols) {
      if (col.helper) continue;
      let v = col.kind.value(r, i, lang);
      if (textDates && v instanceof Date) v = `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`;
      if (col.kind.key) name = String(v);
      else if (chance(r, 0.1)) continue;
      at(row, col.c, v);
      if (mergeData) merge(row, col.c, row, col.c + col.span - 1);
    }
    if (i === wrapAt) {
      // The name runs on in the next row, as an author wraps a long text by hand.
      const rest = 'and the cutover plan needs a rework';
      rows[row]![keyCol.c] = `${name} as`;
      at(row + 1, keyCol.c, rest);
      if (mergeData) merge(row + 1, keyCol.c, row + 1, keyCol.c + keyCol.span - 1);
      name = `${name} as ${rest}`;
      row++;
    } else if (i === twoLineAt) {
      const line = lang === 'ja' ? '二次対応として運営委員会に報告する' : 'then report it to the steering committee';
      for (const col of cols) if (col.kind.key || col.kind.field === 'ref') merge(row, col.c, row + 1, col.c + col.span - 1);
      at(row + 1, textCol!.c, line);
      if (mergeData) merge(row + 1, textCol!.c, row + 1, textCol!.c + textCol!.span - 1);
      lines.push({ record: i, field: textCol!.kind.field!, text: line });
      row++;
    }
    names.push(name);
    const hc = cols.find((y) => y.helper);
    if (hc) at(starts[i]!, hc.c, helperCell(x, hc.helper!, i, name));
    row++;
  }
  if (blank) {
    // The template's prepared rows: each column group merged, perhaps numbered by a formula (=ROW()-3),
    // perhaps a score's formula with nothing to compute yet.
    const numbered = cols[0]!.kind.field === 'ref' && chance(t, 0.5);
    for (let k = 0, m = int(t, 5, 20); k < m; k++) {
      for (const col of cols) merge(row, col.c, row, col.c + col.span - 1);
      if (numbered) at(row, cols[0]!.c, { f: k + 1 });
      const scoreCol = cols.find((y) => y.kind.field === 'score');
      if (scoreCol) at(row, scoreCol.c, { f: '' });
      row++;
    }
  }
  const last = blank ? -1 : starts[n - 1]!;
  /** The 1-based last row of the records (a record's second row included). */
  const dataEnd = row;
  if (!blank && cols[0]!.kind.field === 'ref' && plainNumbers && chance(r, 0.3)) {
    // A template's numbered blank rows after the records (No 6, 7, 8 … and nothing else).
    feature('numbered blank rows');
    for (let k = 0, m = int(r, 3, 10); k < m; k++) at(row++, cols[0]!.c, n + 1 + k);
  }

  // Under the data: notes, a footer, a second table.
  const below = blank ? 'footer' : pick(r, ['none', 'note', 'footer', 'second table', 'side table', 'legend below'] as const);
  if (below !== 'none') feature(below);
  if (below === 'note') {
    row += int(r, 0, 1);
    at(row++, startCol, lang === 'ja' ? '※ 発生確率・影響度は 高/中/低 で記入すること' : 'Note: rate probability and impact as High / Medium / Low');
  } else if (below === 'footer') {
    row += int(r, 1, 3);
    at(row, startCol, lang === 'ja' ? '© 2018 Example Corp. 無断転載禁止' : '© 2018 Example Templates. All rights reserved.');
    merge(row, startCol, row, lastCol);
    row++;
  } else if (below === 'second table') {
    row += int(r, 2, 4);
    at(row++, startCol, lang === 'ja' ? '改訂履歴' : 'Revision History');
    const head = lang === 'ja' ? ['版', '改訂日', '改訂者', '改訂内容'] : ['Version', 'Date', 'Author', 'Change'];
    head.forEach((h, k) => at(row, startCol + k, h));
    row++;
    for (let k = 0; k < 2; k++) [`1.${k}`, day(r), pick(r, NAMES[lang]), lang === 'ja' ? '初版' : 'First issue'].forEach((v, j) => at(row, startCol + j, v));
    row++;
  } else if (below === 'side table') {
    // A legend beside the table, one empty column away, shorter than it.
    const c0 = lastCol + 2;
    at(top, c0, lang === 'ja' ? '評価' : 'Rating');
    at(top, c0 + 1, lang === 'ja' ? '意味' : 'Meaning');
    LMH[lang].forEach((w, k) => {
      at(top + 1 + k, c0, w);
      at(top + 1 + k, c0 + 1, lang === 'ja' ? `${w}：要注意` : `${w}: watch`);
    });
  } else if (below === 'legend below') {
    // The rating scales explained under the register, each headed by the field's own word (影響度 / 5: 甚大).
    row += int(r, 1, 2);
    const scales = lang === 'ja' ? ['発生確率', '影響度'] : ['Probability rating', 'Impact rating'];
    const steps = lang === 'ja' ? ['5：非常に高い', '4：高い', '3：中程度', '2：低い', '1：非常に低い'] : ['5: High', '4: High to moderate', '3: Moderate', '2: Moderate to low', '1: Low'];
    scales.forEach((w, k) => {
      const c0 = startCol + 1 + 2 * k;
      at(row, c0, w);
      steps.forEach((t, j) => at(row + 1 + j, c0, t));
    });
    row += steps.length + 1;
  }
  // Beside the register, one or two empty columns away: a legend (凡例) of its ratings, or a short
  // register of another kind (an action list headed 課題 / 担当者 / 期限), each shorter than it.
  const beside = below === 'side table' || blank ? 'none' : pick(r, ['none', 'none', 'none', 'legend beside', 'register beside'] as const);
  if (beside !== 'none') {
    feature(beside);
    const c0 = lastCol + int(r, 2, 3);
    const h0 = chance(r, 0.5) ? bottom : top;
    if (beside === 'legend beside') {
      if (h0 > 0 && !rows[h0 - 1]?.some((x) => x !== undefined && x !== null)) at(h0 - 1, c0, lang === 'ja' ? '凡例' : 'Legend');
      const head = pick(r, lang === 'ja' ? [['レベル', '基準'], ['評価', '内容'], ['発生確率', '目安'], ['影響度', '説明']] : [['Level', 'Criteria'], ['Rating', 'Meaning'], ['Probability', 'Guide'], ['Impact', 'Description']]);
      head.forEach((w, k) => at(h0, c0 + k, w));
      const steps = n > 5 && chance(r, 0.5) ? ['5', '4', '3', '2', '1'] : LMH[lang];
      steps.forEach((w, k) => {
        at(h0 + 1 + k, c0, w);
        at(h0 + 1 + k, c0 + 1, lang === 'ja' ? `${w}：${pick(r, ['要注意', '経過観察', '即時対応'])}` : `${w}: ${pick(r, ['watch', 'act now', 'monitor'])}`);
      });
    } else {
      const head = lang === 'ja' ? [target === 'issue' ? 'アクション' : '課題', '担当者', '期限'] : [target === 'issue' ? 'Action' : 'Issue', 'Owner', 'Due Date'];
      head.forEach((w, k) => at(h0, c0 + k, w));
      for (let k = 0, m = Math.min(n - 1, int(r, 2, 3)); k < m; k++) {
        at(h0 + 1 + k, c0, lang === 'ja' ? `${pick(r, ['確認', '調整', '連絡'])}事項${k + 1}` : `Follow-up ${k + 1}`);
        at(h0 + 1 + k, c0 + 1, pick(r, NAMES[lang]));
        at(h0 + 1 + k, c0 + 2, day(r));
      }
    }
  }

  // A second register of the same kind on the sheet (closed items kept apart, a second phase): below,
  // after blank rows and a title of its own, or beside, one or two empty columns away. Both are tables;
  // the import lists both and asks which (the answer is the first; the other must be offered).
  const registers: NonNullable<Answer['others']> = [];
  const secondAt = !blank && chance(x, 0.12) ? (below === 'side table' || beside !== 'none' || chance(x, 0.6) ? 'below' : 'beside') : null;
  if (secondAt) {
    feature(`second register ${secondAt}`);
    const keep = cols.filter((y) => !y.helper && !y.group && y.word !== '');
    const m = int(x, 2, Math.max(2, Math.min(4, n - 1)));
    const heading = pick(x, SECOND_TITLES[lang]);
    let c0 = startCol;
    let h0: number;
    if (secondAt === 'below') {
      row += int(x, 2, 3);
      at(row++, startCol, heading);
      h0 = row;
    } else {
      c0 = lastCol + int(x, 2, 3);
      h0 = bottom;
      if (h0 > 0 && !rows[h0 - 1]?.slice(c0).some((v) => v !== undefined && v !== null)) at(h0 - 1, c0, heading);
    }
    let cc = c0;
    const placed = keep.map((y) => {
      const at0 = cc;
      cc += y.span;
      return { y, c: at0 };
    });
    for (const p of placed) {
      at(h0, p.c, p.y.word);
      if (p.y.span > 1) merge(h0, p.c, h0, p.c + p.y.span - 1);
    }
    for (let k = 0; k < m; k++)
      for (const p of placed) {
        const v = p.y.kind.key ? `${lang === 'ja' ? '（完了）' : '(closed) '}${String(p.y.kind.value(x, n + k, lang))}` : p.y.kind.value(x, n + k, lang);
        at(h0 + 1 + k, p.c, v);
        if (mergeData && p.y.span > 1) merge(h0 + 1 + k, p.c, h0 + 1 + k, p.c + p.y.span - 1);
      }
    if (secondAt === 'below') row = h0 + 1 + m;
    registers.push({ headerRows: [h0 + 1, h0 + 1], columns: `${columnName(c0)}:${columnName(cc - 1)}` });
  }

  const name = pick(r, lang === 'ja' ? ['一覧', 'Sheet1', target === 'wbs' ? 'WBS' : '管理表'] : ['Sheet1', 'Register', target === 'wbs' ? 'Plan' : 'Log']);
  const main = sheet(name, rows.map((x) => x ?? []), merges);
  // An Excel table object over the header's last row and the records (Insert → Table).
  if (!twoRow && !tall && !mergedGroups && chance(r, 0.25)) {
    feature('table object');
    main.tables = [{ name: 'TBL_Register', ref: parseRange(`${columnName(startCol)}${bottom + 1}:${columnName(lastCol)}${Math.max(dataEnd, bottom + 2)}`) as Merge, headerRows: 1, totalsRows: 0 }];
  }
  if (staleObject && !main.tables) {
    if (staleObject === 'short' && n >= 4) {
      // Made a table once, over the first records: those typed or pasted later fell outside it.
      feature('table object short');
      main.tables = [{ name: 'Table1', ref: parseRange(`${columnName(startCol)}${bottom + 1}:${columnName(lastCol)}${starts[int(t, 1, n - 3)]! + 1}`) as Merge, headerRows: 1, totalsRows: 0 }];
    } else if (staleObject === 'beside' && below !== 'side table' && beside === 'none' && secondAt !== 'beside') {
      // A lookup table of codes beside the register, three empty columns away (its own Excel table).
      feature('lookup table object beside');
      const c0 = lastCol + 4;
      const head = lang === 'ja' ? ['コード', '状況'] : ['Code', 'Status'];
      head.forEach((w, k) => at(top, c0 + k, w));
      const states = lang === 'ja' ? ['未対応', '対応中', '完了'] : ['Open', 'In progress', 'Closed'];
      states.forEach((w, k) => {
        at(top + 1 + k, c0, k + 1);
        at(top + 1 + k, c0 + 1, w);
      });
      main.rows = sheet(name, rows.map((y) => y ?? []), merges).rows;
      main.tables = [{ name: 'tblStatus', ref: parseRange(`${columnName(c0)}${top + 1}:${columnName(c0 + 1)}${top + 1 + states.length}`) as Merge, headerRows: 1, totalsRows: 0 }];
    }
  }
  // Around the cells: hidden columns, a frozen pane, an AutoFilter, list validations. Each is mostly
  // where an author puts it, sometimes stale or odd (a pane frozen at the title, a filter left on old
  // rows): evidence for detection, never the answer.
  const hidden: { c1: number; c2: number }[] = [];
  const hc = cols.find((y) => y.helper);
  if (hc) hidden.push({ c1: hc.c, c2: hc.c });
  if (chance(x, 0.08)) {
    // A real column hidden for printing: still the client's data.
    const real = cols.filter((y) => !y.helper && !y.kind.key && y.kind.field !== null && y.kind.field !== 'ref' && !y.group);
    if (real.length) {
      feature('hidden field column');
      const y = pick(x, real);
      hidden.push({ c1: y.c, c2: y.c + y.span - 1 });
    }
  }
  if (below !== 'side table' && beside === 'none' && secondAt !== 'beside' && chance(x, 0.15)) {
    feature('unused columns hidden');
    hidden.push({ c1: lastCol + 1, c2: 16383 });
  }
  if (hidden.length) main.hiddenColumns = hidden.sort((p, q) => p.c1 - q.c1);
  if (chance(x, 0.4)) {
    const stale = chance(x, 0.3);
    feature(stale ? 'frozen pane elsewhere' : 'frozen pane');
    const rowsFrozen = stale ? pick(x, half([() => 1, () => bottom + 3, () => Math.max(1, top), () => 5]))() : bottom + 1;
    main.frozen = { rows: rowsFrozen, cols: chance(x, 0.4) ? keyCol.c + keyCol.span : 0 };
  }
  if (!main.tables && chance(x, 0.3)) {
    const stale = chance(x, 0.3);
    feature(stale ? 'filter elsewhere' : 'filter');
    const whole = { c1: startCol, c2: lastCol };
    main.autoFilter = stale
      ? pick(x, half([{ r1: 0, r2: 0, c1: 0, c2: 3 }, { r1: first, r2: dataEnd - 1, ...whole }, { r1: dataEnd + 2, r2: dataEnd + 6, c1: startCol, c2: startCol + 2 }, { r1: bottom, r2: dataEnd - 1, c1: lastCol + 3, c2: lastCol + 6 }]))
      : { r1: bottom, r2: chance(x, 0.8) ? dataEnd - 1 : bottom, ...whole };
  }
  if (chance(x, 0.35)) {
    // The client's lists on its vocabulary columns (status, priority…), from the first record row down.
    const lists: { sqref: string; formula: string }[] = [];
    for (const y of cols) {
      const field = y.kind.field;
      const vocab = field !== null && VALIDATED.has(field);
      const misleading = !vocab && !y.kind.key && !y.helper && (field === null || field === 'owner' || field === 'assignee') && chance(x, 0.25);
      if (!(vocab && chance(x, 0.8)) && !misleading) continue;
      const values = [...new Set(Array.from({ length: 12 }, (_, k) => y.kind.value(rng(seed + k), k, lang)).filter((v) => typeof v === 'string' || typeof v === 'number').map(String))];
      if (values.length === 0) continue;
      lists.push({ sqref: `${columnName(y.c)}${first + 1}:${columnName(y.c + y.span - 1)}${first + 200}`, formula: `"${values.join(',')}"` });
    }
    if (lists.length) {
      feature('list validations');
      main.lists = lists;
    }
  }
  const sheets: SheetModel[] = [main];
  if (chance(r, 0.2)) {
    // How to fill the register: a list of its columns with what goes in each (記入要領), no register.
    feature('instructions sheet');
    const how: ModelCell[][] = [[lang === 'ja' ? '記入要領' : 'How to fill in'], [], lang === 'ja' ? ['項目', '説明'] : ['Field', 'Description']];
    for (const col of cols.filter((y) => !y.helper)) how.push([col.word, lang === 'ja' ? `${col.word}を記入する` : `Enter the ${col.word.toLowerCase()}`]);
    sheets.unshift(sheet(lang === 'ja' ? '記入要領' : 'Instructions', how));
  }
  if (chance(r, 0.3)) {
    feature('cover sheet');
    sheets.unshift(sheet(lang === 'ja' ? '表紙' : 'Cover', [[pick(r, TITLES[target]?.[lang] ?? [])], [], [lang === 'ja' ? 'プロジェクト名：' : 'Project Name:', 'Apollo'], [lang === 'ja' ? '版数：' : 'Version:', '1.2']]));
  }
  if (chance(r, 0.3)) {
    feature('list sheet');
    const lists: ModelCell[][] = [lang === 'ja' ? ['状況', '優先度', '分類'] : ['Status', 'Priority', 'Category']];
    for (let k = 0; k < 3; k++) lists.push([pick(r, ['Open', '対応中', '完了']), LMH[lang][k]!, pick(r, ['技術', 'Schedule'])]);
    sheets.push(sheet(lang === 'ja' ? 'リスト' : 'Lists', lists));
  }
  const columns: Record<string, string | null> = {};
  for (const col of cols) columns[col.span > 1 ? `${columnName(col.c)}:${columnName(col.c + col.span - 1)}` : columnName(col.c)] = col.kind.field;
  return {
    seed,
    target,
    model: { fileName: `synthetic-${seed}.xlsx`, format: 'xlsx', date1904: false, sheets, notes: [] },
    answer: { sheet: name, headerRows: [top + 1, bottom + 1], firstDataRow: blank ? null : first + 1, lastDataRow: blank ? null : last + 1, columns, names, lines, ...(registers.length ? { others: registers } : {}) },
    features,
  };
}

