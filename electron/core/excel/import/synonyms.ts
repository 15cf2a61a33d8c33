// Header words per import target and field, in Japanese and English, collected from real client
// workbooks (../shared/corpus: WBS, task, issue, risk and schedule sheets) and common templates
// (PMBOK / PRINCE2 registers, MS Project exports). A weight below 1 marks a word that often means
// something else. Labels and synonyms are compared folded (see labelKey).
import type { Syn } from '../../../common/registers/descriptor.js';
import { REGISTER_LIST } from '../../../common/registers/index.js';
import { fieldSpec, IMPORT_TARGETS, KEY_FIELD, type ImportTarget } from '../../../common/excel/fields.js';
import { stageOf } from './stage-twins.js';

const WBS: Record<string, Syn[]> = {
  name: [
    'タスク', 'タスク名', 'タスク名称', 'タスク内容', '作業', '作業名', '作業名称', '作業内容', '作業項目', '件名', '項目', '項目名',
    'wbs要素名', 'wbs名', '要素名', ['題名', 0.9], ['チケット名', 0.9], ['課題名', 0.8], 'アクティビティ', 'アクティビティ名', '活動', '工程名', ['工程', 0.8], ['名称', 0.9], ['内容', 0.7], ['概要', 0.6],
    'task', 'tasks', 'task name', 'task title', ['task description', 0.9], 'activity', 'activity name', 'work item', 'work package', ['name', 0.9], ['title', 0.9],
    ['subject', 0.8], ['item', 0.7], ['summary', 0.6], ['description', 0.6],
  ],
  assignee: [
    '担当', '担当者', '担当者名', '責任者', '作業者', '実施者', '対応者', '主担当', ['担当チーム', 0.8], ['担当部署', 0.7], ['リソース', 0.8], ['要員', 0.8],
    'メンバ', 'メンバー', '作業担当', '作業担当者', ['要員名', 0.9],
    // MS Project's 資源名 (Resource Names): the people a task is given to.
    '資源名', 'リソース名', '割当資源', '割り当て資源', ['資源', 0.8],
    'owner', 'assignee', 'assigned to', 'responsible', 'person in charge', 'pic', ['member', 0.9], ['team member', 0.9], ['resource', 0.8], ['resources', 0.8], ['resource names', 0.9], ['who', 0.8],
  ],
  plannedStart: [
    '予定開始日', '開始予定日', '開始予定', '予定開始', '計画開始日', '計画開始', '開始日予定', '予定開始日時', '着手予定日', '始予定', '予定着手日',
    ['開始日', 0.9], ['開始', 0.8], ['開始日付', 0.9], ['着手日', 0.7], ['from', 0.5],
    // The day an event of the plan is held (a training plan's 実施日, a meeting plan's 開催日): its start
    // where no column names one (blind set 9, C2); a plain start word comes first.
    ['実施日', 0.7], ['実施予定日', 0.85], ['開催日', 0.75], ['開催予定日', 0.85], ['予定日', 0.6, 'whole'], ['実施日程', 0.6], ['開催日程', 0.6],
    ['event date', 0.7], ['session date', 0.7], ['scheduled date', 0.75], ['date held', 0.7], ['held on', 0.7],
    'planned start', 'planned start date', 'start date', 'baseline start', 'plan start', ['start', 0.9], ['begin', 0.8], ['scheduled start', 1],
  ],
  plannedFinish: [
    '予定終了日', '終了予定日', '終了予定', '予定終了', '予定完了日', '完了予定日', '完了予定', '計画終了日', '計画終了', '計画完了', '予定完了', '終了日予定', '予定完了日時', '予定終了日時', '終予定',
    ['終了日', 0.9], ['終了', 0.8], ['期限', 0.8], ['期日', 0.8], ['納期', 0.8], ['締切', 0.8], ['締切日', 0.8], ['締め切り', 0.8], ['完了日', 0.6], ['to', 0.4],
    'planned finish', 'planned finish date', 'planned end', 'finish date', 'end date', 'due date', 'baseline finish', 'plan finish', 'scheduled finish',
    ['finish', 0.9], ['end', 0.8], ['due', 0.8], ['deadline', 0.8],
  ],
  actualStart: [
    '実績開始日', '開始実績', '実績開始', '実開始日', '実績開始日時', '着工日', '実際の開始日', '開始日実績', '実働開始日', '実働開始', ['着手日', 0.8], ['着手', 0.6],
    'actual start', 'actual start date', 'started', 'started on', 'start actual',
  ],
  actualFinish: [
    '実績終了日', '終了実績', '実績終了', '実績完了日', '実績完了', '完了実績', '実終了日', '実績完了日時', '実績終了日時', '終了日実績', '完了日実績', '実働終了日', '実働終了', ['完了日', 0.8], ['最終日', 0.5],
    'actual finish', 'actual finish date', 'actual end', 'actual end date', 'completed on', 'completion date', 'finished on', ['finished', 0.7],
  ],
  plannedEffort: [
    '予定工数', '工数予定', '計画工数', '見積工数', '見積', '見積もり', '見積り', '予定時間', '見積時間', '予測時間', '予測工数', '予定人日', ['工数', 0.9],
    // MS Project's 作業時間 (Work) is the work planned for the task; what was done is 実績作業時間 (Actual Work).
    '作業時間', '基準作業時間', ['人日', 0.6], ['作業量', 0.6],
    'effort', 'planned effort', 'estimated effort', 'estimate', 'estimated hours', 'planned hours', 'planned work', 'baseline work', 'baseline effort', ['work', 0.8], ['hours', 0.6],
  ],
  actualEffort: [
    '実績工数', '工数実績', '実工数', '実績時間', '実稼働', '実作業時間', '実績人日', '実績作業時間', '実働作業時間', ['実績', 0.6],
    'actual effort', 'actual hours', 'actual work', 'time spent', 'spent', 'hours spent',
  ],
  progress: [
    '進捗', '進捗率', '進捗度', '達成率', '完了率', '進度', '消化率', '進捗%', '進捗(%)', '出来高', ['実績進捗', 1],
    'progress', '%complete', '% complete', 'percent complete', '% of task complete', '% done', 'percent done', ['complete', 0.8], ['completion', 0.8],
  ],
  status: [
    '状態', '状況', 'ステータス', '進捗状況', '進捗状態', '対応状況', '対応状態', '作業状況', 'status', 'state', ['task status', 1],
  ],
  milestone: ['マイルストーン', 'マイルストン', 'ms', 'milestone', ['節目', 0.8], ['milestones', 1]],
  deliverable: ['成果物', '予定成果物', '納品物', '成果物名', 'アウトプット', '提出物', 'deliverable', 'deliverables', 'output', 'outputs', 'artifact', 'artifacts'],
  predecessors: [
    '先行タスク', '先行', '先行作業', '前提タスク', '依存関係', '依存', '先行タスクid', '先行タスク番号', '前工程',
    'predecessor', 'predecessors', 'dependencies', 'dependency', 'depends on', 'dependencies (wbs #)',
  ],
  // Only words that say working days and a scheduling mode: a DURATION or 作業日数 column in a client's
  // gantt is often calendar days derived from the dates, or the days worked so far.
  // A duration word with a day unit in brackets says days as plainly (Duration (d), 工期(営業日), Dur. [days]).
  duration: ['期間(日)', '所要日数', '所要日数(日)', '工期(日)', '稼働日数', 'duration (days)', 'duration (working days)', 'working days', ...daysInBrackets()],
  scheduling: ['スケジュール', 'スケジュールモード', 'タスクモード', 'スケジュール方法', 'scheduling', 'task mode', 'scheduling mode'],
  // A task's detail written out beside its name (詳細, Detail) is a note on it: the plan keeps no other text.
  notes: ['備考', '補足', 'メモ', '注記', 'コメント', '特記事項', '摘要', '備考欄', 'notes', 'note', 'remarks', 'remark', 'comment', 'comments', 'memo', ['詳細', 0.8], ['detail', 0.8], ['details', 0.8]],
  wbsCode: [
    'wbs', 'wbs番号', 'wbsno', 'wbs no.', 'wbsコード', 'wbsid', 'wbs#', 'wbs number', 'wbs code', 'wbs id', '階層番号', 'アウトライン番号',
    'outline number', 'wbs_id', ['項番', 0.6], ['番号', 0.5], ['no', 0.4], ['no.', 0.4], ['id', 0.3], ['task no', 0.5], ['タスク番号', 0.5], ['タスクid', 0.4],
  ],
  // The parent's ID on each row (Redmine 親チケット / Parent task, Backlog 親課題キー, Jira Parent / Parent id,
  // Azure DevOps Parent): the tree by following parents (hierarchy.ts byParent).
  parent: [
    '親チケット', '親チケット番号', '親チケットid', '親タスク', '親タスクid', '親タスク番号', '親課題', '親課題キー', '親課題番号', '親課題id', '親id', '親番号', '親キー', '親no',
    '親項目', '親作業', '上位タスク', '上位チケット', '上位課題', '上位id', '上位番号', ['親', 0.9], ['上位', 0.8],
    'parent', 'parent task', 'parent issue', 'parent id', 'parent key', 'parent ticket', 'parent item', 'parent task id', 'parent issue key', 'parent issue id',
    'parent #', 'parent no', 'parent no.', 'parent work item', 'parent link', 'parent summary', 'parent task name', 'parent name', 'parent activity',
    // Jira's Epic Link (the epic's key on each story; the custom field's name in a CSV export): a parent one
    // level up from Parent where both are columns (a sub-task's Parent is its story), so ranked just under it.
    ['epic link', 0.9], ['epic', 0.85], ['epic key', 0.9], ['parent epic', 0.9], ['epic issue key', 0.9], ['custom field (epic link)', 0.9],
    ['エピック', 0.85], ['エピックリンク', 0.9], ['親エピック', 0.9],
  ],
  level: ['レベル', '階層', '階層レベル', 'wbsレベル', '深さ', 'level', 'lvl', 'outline level', 'outline', 'indent level', ['インデント', 0.9]],
  level1: ['大分類', '大項目', '大区分', '大工程', ['フェーズ', 0.8], ['phase', 0.8], ['工程', 0.6], 'level 1', 'category 1', ['カテゴリ1', 1]],
  level2: ['中分類', '中項目', '中区分', '中工程', ['機能', 0.5], 'level 2', 'category 2', ['カテゴリ2', 1]],
  level3: ['小分類', '小項目', '小区分', '小工程', 'level 3', 'category 3', ['カテゴリ3', 1]],
  level4: ['細分類', '細項目', '細目', 'level 4', 'category 4'],
};

/** Duration words with each way a day unit is written after them in brackets: duration (d), 期間(日数), dur. [wd]. */
function daysInBrackets(): string[] {
  const words = ['duration', 'dur', 'dur.', '期間', '工期', '所要期間', '日数', '作業期間'];
  const units = ['d', 'day', 'days', 'wd', 'business days', 'working days', '日', '日数', '営業日', '稼働日'];
  return words.flatMap((w) => units.flatMap((u) => [`${w} (${u})`, `${w} [${u}]`]));
}

// The registers' words are in their descriptors (../registers/<name>.ts).
const DICTIONARY = Object.fromEntries([['wbs', WBS], ...REGISTER_LIST.map((d) => [d.name, d.synonyms])]) as Record<ImportTarget, Record<string, Syn[]>>;
/** The register's own noun before a column's word (タスク名 aside): see RegisterDescriptor.qualifiers. */
const QUALIFIERS = Object.fromEntries([['wbs', ['タスク', 'task']], ...REGISTER_LIST.map((d) => [d.name, d.qualifiers ?? []])]) as Record<ImportTarget, readonly string[]>;

/**
 * A header text folded for comparison: NFKC (full-width → ASCII), lower case, no spaces, line
 * breaks or decoration (・ : ※ * 「」 quotes).
 */
export function labelKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(REQUIRED_MARK, '')
    .replace(LV, '$1level')
    .replace(/[\s\u3000_・:;*※?!"'`「」『』【】〔〕▼▽▲△]+/g, '');
}

/** Lv, Lv., Lv1 as a word of its own: the short form of level (リスクLv, Risk Lv.); never inside lvl or a longer word. */
const LV = /(^|[^a-z])lv\.?(?![a-z])/g;

/** A template's mark that a column must be filled or is picked from a list: 【必須】, (required), [選択]. */
const REQUIRED_MARK = /[【(\[<〔]\s*(?:入力)?(?:必須|任意|選択|required|optional|mandatory|select)\s*[】)\]>〕]/g;

/** The key without bracketed notes: 工数(人日) → 工数, Impact(monetary) → impact. */
export function withoutBrackets(key: string): string {
  return key.replace(/\([^()]*\)|\[[^[\]]*\]|<[^<>]*>|\{[^{}]*\}/g, '');
}

interface Entry {
  field: string;
  key: string;
  weight: number;
  /** ASCII words are matched inside longer labels only at word boundaries (see partial). */
  ascii: boolean;
  /** Names the field only as the whole label, never inside a longer one (Syn's 'whole'). */
  whole?: true;
}

const ENTRIES: Record<ImportTarget, Entry[]> = {} as Record<ImportTarget, Entry[]>;
const EXACT: Record<ImportTarget, Map<string, Entry[]>> = {} as Record<ImportTarget, Map<string, Entry[]>>;
for (const target of Object.keys(DICTIONARY) as ImportTarget[]) {
  const entries: Entry[] = [];
  const exact = new Map<string, Entry[]>();
  for (const [field, syns] of Object.entries(DICTIONARY[target])) {
    for (const syn of syns) {
      const [word, weight, whole] = typeof syn === 'string' ? [syn, 1, undefined] : syn;
      const key = labelKey(word);
      const e: Entry = { field, key, weight, ascii: /^[\x20-\x7e]+$/.test(word), ...(whole ? { whole: true } : {}) };
      entries.push(e);
      exact.set(key, [...(exact.get(key) ?? []), e]);
    }
  }
  ENTRIES[target] = entries;
  EXACT[target] = exact;
}

export interface FieldMatch {
  field: string;
  /** 0–1: 1 = the label is a synonym of the field. */
  confidence: number;
}

/** Text in Latin letters only (after NFKC: full-width ＡＢＣ too): an English word or line, not Japanese. */
export const isLatin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s.normalize('NFKC')) && /[a-z]/i.test(s);

/**
 * How well header texts name each field. `parts` are the texts of one column in the header rows, top
 * to bottom (a group label such as 予定 over 開始日 / 終了日, then the column's own). The whole
 * (予定開始日) and the column's own text (開始日) are compared, each with and without brackets; a
 * synonym inside a longer text counts less the more text there is around it.
 */
export function matchLabel(target: ImportTarget, parts: readonly string[]): readonly FieldMatch[] {
  const key = `${target}\u0001${parts.join('\u0001')}`;
  let m = matchCache.get(key);
  if (!m) {
    if (matchCache.size > MATCH_CACHE_SIZE) matchCache.clear();
    m = matchWords(target, parts);
    matchCache.set(key, m);
  }
  return m;
}

// Detection asks about the same header texts many times (each header height, and each register when the
// import looks for a better-fitting one, excel.suggestRegister): an answer depends on the target and the
// texts alone, so it is kept. Bounded, as a hostile workbook may hold a million distinct texts.
const MATCH_CACHE_SIZE = 20_000;
const matchCache = new Map<string, readonly FieldMatch[]>();

function matchWords(target: ImportTarget, parts: readonly string[]): FieldMatch[] {
  const own = parts[parts.length - 1] ?? '';
  const candidates: { key: string; factor: number }[] = [];
  const add = (s: string, factor: number) => {
    const key = labelKey(s);
    if (key === '') return;
    candidates.push({ key, factor });
    // A day written with its time (発生日時, 復旧日時, 完了日時, 受付日付) is that day's column: read as 〜日.
    const day = /^(.+?日)(?:時|付|時刻)$/u.exec(key) ?? /^(.+?)(?:日時|時刻)$/u.exec(key);
    if (day) candidates.push({ key: day[1]!.endsWith('日') ? day[1]! : `${day[1]}日`, factor: factor * 0.97 });
    const bare = withoutBrackets(key);
    if (bare !== key && bare !== '') candidates.push({ key: bare, factor: factor * 0.97 });
    // The note in brackets may be the plainer name: タスクLv1（大工程） is a 大工程 column.
    for (const m of key.matchAll(/\(([^()]+)\)/g)) if (m[1] !== bare) candidates.push({ key: m[1]!, factor: factor * 0.9 });
    // の between two nouns is a particle a compound word drops: 対応の方針 is 対応方針.
    const plain = bare.replace(NO_PARTICLE, '');
    if (plain !== bare && plain !== '') candidates.push({ key: plain, factor: factor * 0.97 });
  };
  add(parts.join(''), 1);
  // English puts the head first with "of" (Type of Risk, Date of Closure), compounds put it last (Risk
  // Type, Closure Date): the phrase is read as the compound too.
  const ofPhrase = /^([a-z][a-z ]*?) of (?:the )?([a-z][a-z ]*)$/.exec(englishWords(own).join(' '));
  if (ofPhrase) add(`${ofPhrase[2]} ${ofPhrase[1]}`, 0.97);
  // A bilingual cell (件名 over Title on the next line) names its column in each language: each line is
  // matched on its own. A Japanese phrase wrapped over two lines (作業開始 / 予定日) is one phrase.
  // So does one written on one line with a slash or bar between the languages (タスク名 / Task Name).
  // A slash between choices or a date's format in brackets (優先度(H/M/L), 期限(YYYY/MM/DD)) divides no
  // languages. Lines of both scripts are matched each on its own (期限 over a line YYYY/MM/DD), but they
  // are two languages, which must agree (below), only when each is a word: not single letters, not a format.
  const mixed = (ls: string[]) => ls.length > 1 && ls.some(isLatin) && ls.some((l) => !isLatin(l));
  const bilingual = (ls: string[]) => mixed(ls) && ls.every(isWord);
  const byLine = own.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const bySlash = splitOutsideBrackets(own).map((l) => l.trim()).filter((l) => l !== '');
  const lines = mixed(byLine) ? byLine : mixed(bySlash) ? bySlash : [];
  for (const line of lines) add(line, 0.95);
  // Two or three words of one language joined by a slash (Task/Milestone, 担当/協力者, Owner / Assignee)
  // head a column that holds either: each word names the column as much as the other, and the cells
  // decide between the fields they name (mapping.ts fit) — the whole read as one phrase named only the
  // word inside it that a partial match found first (milestone, for a column of task names).
  const slashed = splitOutsideBrackets(own.replace(/\r?\n/g, ' ')).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0 && slashed.length >= 2 && slashed.length <= 3 && slashed.every(isWord)) for (const side of slashed) add(side, 0.9);
  const rows = parts.slice(-2).map((p) => p.trim());
  const languages = bilingual(lines) ? lines : parts.length > 1 && bilingual(rows) ? rows : [];
  // A header row in one language over the same words in another (課題名 over Issue, two rows): each
  // row's word names the column by itself, not the two read as one phrase.
  if (parts.length > 1 && mixed(rows)) for (const p of parts.slice(-2)) add(p, 0.95);
  // A group label of days (予定日 / 実績日 over 開始 / 終了) names the dates' kind: 実績日 + 開始 = 実績開始.
  if (parts.length > 1 && parts.slice(0, -1).some((p) => /日$/.test(p.trim()))) add(parts.map((p, i) => (i < parts.length - 1 ? p.trim().replace(/日$/, '') : p)).join(''), 0.98);
  if (parts.length > 1) {
    add(own, 0.93);
    if (parts.length > 2) add(parts.slice(-2).join(''), 0.96);
  }
  // A group label over its children names what each is of (影響 over スケジュール / コスト): the
  // compound puts the head last, the child before the group (スケジュール影響, Schedule Impact). Read
  // so only where it makes a word of the field as a whole: the reversed order is a guess, and words
  // found inside it name other columns.
  const reversed = parts.length > 1 ? withoutBrackets(labelKey(`${own} ${parts.slice(0, -1).reverse().join(' ')}`)) : '';
  // The party a request comes from (依頼元, 要求元, 申請元) is who made it, as its 〜者 word says (依頼者).
  const ownBare = withoutBrackets(labelKey(own));
  if (/元$/.test(ownBare) && ownBare.length > 1) add(`${ownBare.slice(0, -1)}者`, 0.95);
  const best = new Map<string, number>();
  const keep = (field: string, c: number) => {
    if (c > (best.get(field) ?? 0)) best.set(field, c);
  };
  for (const e of EXACT[target].get(reversed) ?? []) keep(e.field, e.weight * 0.95);
  for (const { key, factor } of candidates) {
    for (const e of EXACT[target].get(key) ?? []) keep(e.field, e.weight * factor);
    for (const e of ENTRIES[target]) {
      const c = partial(key, e);
      if (c > 0) keep(e.field, c * e.weight * factor);
    }
  }
  // X内容 / X詳細 / X Details where X alone names a field other than the key (処置内容 is the treatment,
  // like 処置; Resolution Details the resolution): the generic head only says it is written out.
  // タスク詳細 and Issue Description stay the record's details, not its name.
  // Likewise X + a word of degree (影響レベル, Impact Level, 影響の度合, Priority Rank) is X's rating, not a
  // level column of its own; リスクレベル (X the record itself) stays the level.
  const ownKey = withoutBrackets(labelKey(own));
  const compound = /^(.+?)(?:内容|詳細|details?|description)$/.exec(ownKey) ?? /^(.+?)(?:レベル|level|rating|ランク|rank|grade|度合い?)$/.exec(ownKey.replace(NO_PARTICLE, ''));
  if (compound)
    for (const e of EXACT[target].get(compound[1]!) ?? [])
      if (e.weight >= 0.9 && e.field !== KEY_FIELD[target]) keep(e.field, 0.9 * (parts.length > 1 ? 0.93 : 1));
  // A response word with a plan word after it (CAPA Plan, Countermeasure Plan, 是正処置計画, 対策案) is the
  // response planned: its field, as the word alone is (held-out check of blind set 11, C1: CAPA Plan unread).
  const planned = /^(.+?)(?:plans?|計画|案)$/.exec(ownKey);
  if (planned)
    for (const e of EXACT[target].get(planned[1]!) ?? [])
      if (e.weight >= 0.9 && RESPONSE_FIELDS.includes(e.field)) keep(e.field, 0.9 * (parts.length > 1 ? 0.93 : 1));
  // The register's own noun before a word that names a field alone (リスク種類, Risk Area, リスクLv) is
  // that field, not the record's name the noun would suggest — unless the whole label is a word of its own.
  if (!EXACT[target].has(ownKey))
    for (const q of QUALIFIERS[target].map(labelKey))
      if (ownKey.length > q.length && ownKey.startsWith(q)) {
        const fields = (EXACT[target].get(ownKey.slice(q.length)) ?? []).filter((e) => e.field !== KEY_FIELD[target]);
        for (const e of fields) keep(e.field, e.weight * 0.95 * (parts.length > 1 ? 0.93 : 1));
        if (fields.length > 0) best.delete(KEY_FIELD[target]);
      }
  // An English label of several words ends in its head (Record Type, Issue Kind): a short word there names
  // what the column is as a longer word would, though it is never matched inside a word (ProgramName).
  const words = ofPhrase ? englishWords(`${ofPhrase[2]} ${ofPhrase[1]}`) : englishWords(own);
  if (words.length >= 2)
    for (const e of EXACT[target].get(words[words.length - 1]!) ?? [])
      if (e.ascii && e.key.length <= 4) keep(e.field, e.weight * (0.65 + 0.35 / words.length) * (parts.length > 1 ? 0.93 : 1));
  // The register's own noun before a word that names the record (リスク件名, Issue Name) or before a word
  // that names no column at all (Risk Headline): the record's name, as the noun alone would be. (Whether
  // such a column holds a name for every record is the cells' to say: see mapping.ts, weakKey.)
  const key = KEY_FIELD[target];
  if (!EXACT[target].has(ownKey))
    for (const q of QUALIFIERS[target].map(labelKey))
      if (ownKey.length > q.length && ownKey.startsWith(q)) {
        const rest = ownKey.slice(q.length);
        // One more word, not a sentence or a value (Risk 12: vendor late): two English words, or a short Japanese noun.
        const oneWord = words.length > 0 ? words.length === 2 && labelKey(words[0]!) === q : /^[\p{Script=Han}\p{Script=Katakana}ー]{1,6}$/u.test(rest);
        if (!oneWord) continue;
        const named = EXACT[target].get(rest) ?? [];
        const namesKey = named.some((e) => e.field === key);
        if ((namesKey || (named.length === 0 && ![...best.keys()].some((f) => f !== key && (best.get(f) ?? 0) >= MIN_NAMING))) && (best.get(key) ?? 0) < QUALIFIED_KEY)
          best.set(key, QUALIFIED_KEY * (parts.length > 1 ? 0.93 : 1));
      }
  // 〜事項 (懸念事項, 検討事項: the matters of concern, to consider) names the records themselves, as 懸案事項 does.
  if (!EXACT[target].has(ownKey) && /^[\p{Script=Han}\p{Script=Katakana}ー]{1,6}事項$/u.test(ownKey) && ![...best.values()].some((c) => c >= MIN_NAMING) && (best.get(key) ?? 0) < QUALIFIED_KEY) best.set(key, QUALIFIED_KEY * (parts.length > 1 ? 0.93 : 1));
  // A date column named by what happens on that day (受付年月日, Date Entered, Resolve By, 完了目標日). A
  // register whose records are requested (a change) is raised on the day it was requested.
  const named = dateRole(own);
  const role = named === 'raisedOn' && !fieldSpec(target, 'raisedOn') && fieldSpec(target, 'requestedOn') ? 'requestedOn' : named;
  if (role && fieldSpec(target, role)) {
    keep(role, DATE_ROLE * (parts.length > 1 ? 0.93 : 1));
    // Another date of the record matched only inside the label (close date in Target Close Date) yields to
    // it, and so does a text field (resolution in Target Resolution, 回答 in 回答予定).
    for (const other of best.keys()) if (other !== role && (best.get(other) ?? 0) < 0.95 && ([...DATE_ROLES, 'requestedOn'].includes(other) || fieldSpec(target, other)?.kind === 'text')) best.set(other, Math.min(best.get(other)!, DATE_ROLE * 0.8));
  }
  // A person named by the act that raised the record (問合せ者, 申告者, Logged By, Filed By): who raised it —
  // a defect's finder, a change's requester (blind set 8, B7: 問合せ者 and Logged By were left unread).
  const raiser = raisedByLabel(own) ? RAISED_BY_FIELDS.find((f) => fieldSpec(target, f)) : undefined;
  if (raiser) keep(raiser, PERSON_ROLE * (parts.length > 1 ? 0.93 : 1));
  // Controls already in place (Existing Controls, Current Controls, 既存の管理策, 現状の対策) say what is done
  // today, not what is planned about the record: never its response (blind set 11, C4 — an ISO 31000
  // register's Existing Controls took the response, its Treatment Plan was left unread).
  if (IN_PLACE.test(ownKey.replace(NO_PARTICLE, '')) || IN_PLACE_EN.test(words.join(' ')))
    for (const f of RESPONSE_FIELDS) best.delete(f);
  // A label that names a day (質問日, 回答日, Date Asked) or a person (質問者, Asked By) heads a column of
  // dates or people, never the record's name (質問 inside 質問日 named the question: the titles were dates).
  if (isDateLabel(own) || isPersonLabel(own) || isReferenceLabel(own)) best.delete(KEY_FIELD[target]);
  // An ID naming another record (Parent ID, 関連課題番号; 課題番号 or Issue ID in a risk log, Change ID in an
  // issue log) is a cross-reference, never the record's own ID (blind set 5, K8: such a column took the ref
  // where the table had no ID column of its own).
  if (target !== 'wbs' && crossReferenceId(target, own)) best.delete('ref');
  // Found only inside the label (資料番号 holds 番号), a number of another thing than the record is no ref.
  if (target !== 'wbs' && best.has('ref') && !(EXACT[target].get(ownKey) ?? []).some((e) => e.field === 'ref')) {
    const thing = numberedThing(own);
    if (thing !== null && !ownNumberWord(target, thing)) best.delete('ref');
  }
  // A number named for the register's own records (Document Number, 作業依頼番号, Drawing No.) is the
  // record's ID, never its name, whatever word for the record it holds (blind set 10, C3).
  // (Whether it is the ID is the cells' to say: detect.ts namedIdColumn, where they read as IDs.)
  if (target !== 'wbs') {
    const thing = numberedThing(own);
    if (thing !== null && thing !== '' && !OTHER_RECORD.test(thing) && ownNumberWord(target, thing)) best.delete(key);
  }
  // An English label whose head word is item (Action Item, Open Item) names the records themselves.
  if (words.length >= 2 && /^items?$/.test(words[words.length - 1]!) && !EXACT[target].has(ownKey) && ![...best].some(([f, c]) => f !== key && c >= 0.9) && (best.get(key) ?? 0) < QUALIFIED_KEY)
    best.set(key, QUALIFIED_KEY * (parts.length > 1 ? 0.93 : 1));
  // The two languages of a bilingual label say the same thing: where one names no field at all (機能分類 /
  // Module), a field the other names only partly (分類 inside 機能分類) is doubtful, not taken by itself.
  if (languages.length > 1) {
    const own = languages.map((l) => matchLabel(target, [l]));
    if (own.some((m) => !m.some((x) => x.confidence >= NAMES_ANY)))
      for (const [field, c] of best) if (!own.some((m) => m.some((x) => x.field === field && x.confidence >= PLAIN_NAMING))) best.set(field, c * 0.6);
  }
  if (target === 'risk' && parts.length > 1) assessedRatings(target, parts, best);
  if (parts.length > 1) underPlanOrActual(target, parts, best);
  // A label led by its own actual word over a date word the synonyms know without it (Actual Begin, Act.
  // Commence) is read as that word's group over the date: the actual start, not the planned one the bare
  // word names (blind set 19, I2: Actual Begin took the planned start beside Planned Begin).
  const lead = /^([a-z]+) (.+)$/.exec(englishWords(own).join(' '));
  if (lead && (ACTUAL_GROUP.test(lead[1]!) || lead[1] === 'act'))
    for (const rest of matchLabel(target, [lead[2]!])) {
      const twin = PLAN_ACTUAL_PAIRS.find(([planned]) => planned === rest.field)?.[1];
      if (!twin || !fieldSpec(target, twin)) continue;
      best.set(twin, Math.max(best.get(twin) ?? 0, rest.confidence * 0.97));
      best.delete(rest.field);
    }
  if (parts.length > 1) underImpact(target, parts, best);
  if (parts.length > 1) underRaising(target, parts, best);
  // One word of the raising before a person's or a day's word (検出担当, 起票担当者, 発見日: a compound the
  // synonyms read by its last word, the owner) reads as that heading over it (blind set 19, I2: 検出担当, the
  // finder beside 検出年月日, took the owner and left the fixer 対応SE to ask).
  const raising = /^(.+?)(担当者?|者|日|年月日)$/u.exec(ownKey);
  if (parts.length === 1 && raising && RAISED_GROUP.test(raising[1]!)) underRaising(target, [raising[1]!, raising[2]!], best);
  // The previous period's copy of a column (進捗率 前回 beside 今回, last week's status) is history, and a
  // variance (Effort_Var_h, 工数差異) is computed from two columns: neither is the value itself.
  const previous = PREVIOUS.test(labelKey(parts.join(''))) || VARIANCE.test(parts.join(' '));
  return [...best]
    .map(([field, confidence]) => ({ field, confidence: Math.round(confidence * (previous ? 0.6 : 1) * 1000) / 1000 }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** The planned field and the actual field of each kind. */
const PLAN_ACTUAL_PAIRS: [string, string][] = [['plannedStart', 'actualStart'], ['plannedFinish', 'actualFinish'], ['plannedEffort', 'actualEffort']];
/** A group heading that is only a plan word, or only an actual word (予定, 計画日, Planned; 実績, Actuals). */
const PLAN_GROUP = /^(?:予定|計画|当初予定|当初計画|基準|plan|plans|planned|baseline|scheduled|schedule)$/;
const ACTUAL_GROUP = /^(?:実績|実施|実働|actual|actuals|result|results)$/;
const SAYS_PLAN_OR_ACTUAL = /予定|計画|実績|実施|実働|plan|baseline|scheduled|actual|result/;

/**
 * A group heading of plan or actual qualifies every column under it (予定 over 着手 | 完了, Plan over
 * Started | Finished, 実績 over 開始 | 終了): a word under it that alone would read as the other kind (着手,
 * Started: an actual start when nothing says plan) is that field of the group's kind. The nearest such
 * heading decides; a column whose own word says plan or actual keeps its own. (Blind set 12, R1: 予定 over
 * 着手 | 完了 read 着手 as the actual start beside 完了, the planned finish: 17 tasks looked started.)
 */
function underPlanOrActual(target: ImportTarget, parts: readonly string[], best: Map<string, number>): void {
  if (SAYS_PLAN_OR_ACTUAL.test(labelKey(parts[parts.length - 1]!))) return;
  const groups = parts.slice(0, -1).map((p) => withoutBrackets(labelKey(p)).replace(/日$/u, '')).reverse();
  const group = groups.find((g) => PLAN_GROUP.test(g) || ACTUAL_GROUP.test(g));
  if (group === undefined) return;
  const plan = PLAN_GROUP.test(group);
  for (const [planned, actual] of PLAN_ACTUAL_PAIRS) {
    const [to, from] = plan ? [planned, actual] : [actual, planned];
    const c = best.get(from);
    if (c === undefined || !fieldSpec(target, to)) continue;
    best.set(to, Math.max(best.get(to) ?? 0, c));
    best.delete(from);
  }
}

/** A group heading of the record's raising (起票 over 日付 | 担当者, Raised over Date | By). */
const RAISED_GROUP = /^(?:起票|登録|報告|受付|発見|検出|指摘|発生|識別|raised|reported|logged|identified|opened|submitted|origin|originator)$/;

/**
 * A person or a date under a heading of the record's raising is who raised it and when (起票 › 担当者 is
 * the one who filed it, not its owner; Raised › Date): unseen sets 12–14, where 起票 › 担当者 took the owner
 * and the owner under 対応 › 担当者 was left to the response text. A column whose own word names the
 * raising already reads so.
 */
function underRaising(target: ImportTarget, parts: readonly string[], best: Map<string, number>): void {
  const groups = parts.slice(0, -1).map((p) => withoutBrackets(labelKey(p)));
  if (!groups.some((g) => RAISED_GROUP.test(g))) return;
  // (The register's own name for who raised it and when: a defect's finder, a change's requester.)
  for (const [from, tos] of [['owner', ['raisedBy', 'foundBy', 'requestedBy']], ['due', ['raisedOn', 'foundOn', 'requestedOn']]] as const) {
    const c = best.get(from);
    const to = tos.find((f) => fieldSpec(target, f));
    if (c === undefined || !to) continue;
    best.set(to, Math.max(best.get(to) ?? 0, c));
    best.delete(from);
  }
}

/** A group heading of the impact (影響評価, QCD影響, 影響, Impact Assessment, Impact). */
const IMPACT_GROUP = /影響|impact/;
/** The side of the impact a column's own word names under such a heading (工程, 費用(千円), Scope). */
const IMPACT_SIDES: [RegExp, string][] = [
  [/^(?:工程|工期|日程|納期|期間|スケジュール|日数|schedule|time|timeline|timing|duration|delay)$/, 'impactSchedule'],
  [/^(?:費用|コスト|金額|予算|原価|cost|costs|budget|price)$/, 'impactCost'],
  [/^(?:範囲|スコープ|対象|機能|scope|area|areas|systems?)$/, 'impactScope'],
];
/** Confidence of an impact's side read through the heading over it. */
const IMPACT_SIDE = 0.9;

/**
 * A column under an impact heading named by a generic word of its side (影響評価 › QCD影響 › 工程, Impact
 * Assessment › Scope): that side's impact, as スケジュール影響 or Scope Impact would be (blind set 12, R3:
 * 工程 under 影響評価 › QCD影響 stayed the client's; 工程 alone names no field).
 */
function underImpact(target: ImportTarget, parts: readonly string[], best: Map<string, number>): void {
  const groups = parts.slice(0, -1);
  if (!groups.some((p) => IMPACT_GROUP.test(labelKey(p)))) return;
  // A heading that names one side itself (影響範囲 over コスト | 納期 | 品質 marked ○) lists that side's
  // parts, not the sides.
  if (groups.some((p) => matchLabel(target, [p]).some((m) => IMPACT_SIDES.some(([, f]) => f === m.field) && m.confidence >= IMPACT_SIDE))) return;
  const own = withoutBrackets(labelKey(parts[parts.length - 1]!));
  const side = IMPACT_SIDES.find(([re]) => re.test(own))?.[1];
  if (side && fieldSpec(target, side) && (best.get(side) ?? 0) < IMPACT_SIDE) best.set(side, IMPACT_SIDE);
}

/**
 * The side of the impact a column's own word names (工程, 日数, Cost, Scope) when the group over it is known
 * to be the impact by something else than its word: a neighbour under it read as one side (group-fields.ts).
 */
export function impactSideOf(target: ImportTarget, word: string): string | undefined {
  const side = IMPACT_SIDES.find(([re]) => re.test(withoutBrackets(labelKey(word))))?.[1];
  return side && fieldSpec(target, side) ? side : undefined;
}

/** What is done about a record, in each register: its response, resolution or corrective action. */
const RESPONSE_FIELDS = ['responsePlan', 'contingency', 'resolution', 'action'];
/** A label opening with what is in place now (既存の管理策, 現状の対策 → 現状対策, 現行統制). */
const IN_PLACE = /^(?:既存|現状|現行|現在|現有)/u;
const IN_PLACE_EN = /^(?:existing|current|present|in place)\b|\bin place$/;

/**
 * A risk's rating columns under the assessment they belong to (Inherent Risk | Residual Risk over L | I |
 * Score; 対策前 | 対策後 over 発生確率 | 影響度; Gross / Net; Pre- / Post-mitigation): the letters a narrow
 * column is headed with under such a group are the rating they stand for (L, P likelihood or probability;
 * I, S, C impact, severity or consequence) (blind set 10, C3: neither group was read). The assessment
 * before the response (inherent, gross, 対策前, or a stage word of neither kind) is the risk's own rating:
 * the columns of the one after it (residual, net, 処置後) or of the one aimed at (target, 目標) come after
 * its columns, and where both stages repeat the same words the later stage is the client's own
 * (stage-twins.ts; blind set 19, I6, reversing set 10's reading of the residual one as the rating).
 */
function assessedRatings(target: ImportTarget, parts: readonly string[], best: Map<string, number>): void {
  const group = labelKey(parts.slice(0, -1).join(' '));
  if (!ASSESSMENT.test(group) && !parts.slice(0, -1).some((p) => stageOf(p) !== null)) return;
  const letter = RATING_LETTERS[withoutBrackets(labelKey(parts[parts.length - 1]!)).replace(/\.$/, '')];
  if (letter && fieldSpec(target, letter) && !best.has(letter)) best.set(letter, LETTER_UNDER_ASSESSMENT);
  const stage = AIMED_AT.test(group) ? AIMED_FACTOR : stageOf(parts[parts.length - 2]!) === 'after' ? AFTER_FACTOR : 1;
  if (stage < 1) for (const [field, c] of best) best.set(field, c * stage);
}
/** A group over a risk's ratings that names an assessment, or a stage of it. */
const ASSESSMENT = /inherent|residual|current|target|gross|net|initial|pre|post|before|after|treated|mitigat|controlled|raw|assess|rating|evaluation|risk|score|固有|残存|残余|対策前|対策後|現状|目標|評価|初期|当初|現在|リスク/;
const AIMED_AT = /target|expected|planned|目標|計画/;
const AFTER_FACTOR = 0.96;
const AIMED_FACTOR = 0.93;
const LETTER_UNDER_ASSESSMENT = 0.85;
const RATING_LETTERS: Record<string, string> = { l: 'probability', p: 'probability', i: 'impact', s: 'impact', c: 'impact' };

/** A label's parts between slashes, bars and line breaks outside brackets: 優先度(H/M/L) is one part. */
function splitOutsideBrackets(label: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of label) {
    if ('(（[【［'.includes(ch)) depth++;
    else if (')）]】］'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[\r\n/／|｜]/.test(ch)) {
      parts.push(part);
      part = '';
    } else part += ch;
  }
  parts.push(part);
  return parts;
}

/** A date's format written in a label (YYYY/MM/DD, yyyy-mm-dd, MM/DD): letters that stand for digits, no word. */
const DATE_FORMAT = /^[\s(（[【]*(?:y{2,4}|m{1,2}|d{1,2})(?:[\s/／.\-年月日]*(?:y{2,4}|m{1,2}|d{1,2}))*[\s)）\]】]*$/i;

/** One side of a bilingual label: a word of two or more letters (not A, not MM, not YYYY/MM/DD). */
function isWord(side: string): boolean {
  const t = side.normalize('NFKC');
  if (DATE_FORMAT.test(t)) return false;
  return (t.match(/[\p{L}]/gu) ?? []).length >= 2;
}

/** A word that names a field by itself (not a part of a longer word): one language of a bilingual label is enough. */
const PLAIN_NAMING = 0.9;
/** Below this a text names no field (mapping.ts MIN_CONFIDENCE). */
const NAMES_ANY = 0.5;
/** The confidence of a key named by the register's own noun and a word of no column (Risk Headline). */
const QUALIFIED_KEY = 0.75;
/** Another field named this surely (a word, not a part of one: Risk Identified is no risk id) keeps a label from being read as the record's name. */
const MIN_NAMING = 0.7;
/** The confidence of a date field read from the event its label names (dateRole). */
const DATE_ROLE = 0.85;
const DATE_ROLES = ['due', 'raisedOn', 'closedOn'] as const;

/** The words of an English label, NFKC and lower case (Risk  Type → risk, type); none for Japanese. */
function englishWords(label: string): string[] {
  // (A template's marks around the words — Resolve By ▼, *Date Entered, 【必須】 — are no words.)
  const t = label.normalize('NFKC').toLowerCase().replace(REQUIRED_MARK, '').replace(/[\u3000・※「」『』【】〔〕▼▽▲△]+/g, ' ');
  const bare = withoutBrackets(t).trim();
  if (!/^[\x20-\x7e]+$/.test(bare)) return [];
  return bare.split(/[^a-z0-9#%]+/).filter((w) => w !== '');
}

/** A label that says its column holds days: 〜日 / 日付 / 日時 / 年月日 / 期限, or Date / Day / "… On" in English. */
export function isDateLabel(label: string): boolean {
  if (dateRole(label) !== null) return true;
  const words = englishWords(label);
  if (words.length > 0) return words.length <= 4 && (words.includes('date') || words.includes('day') || (words.length >= 2 && words[words.length - 1] === 'on'));
  const key = withoutBrackets(labelKey(label));
  return key.length >= 2 && key.length <= 10 && /(?:日|日付|日時|期限|期日)$/.test(key) && !/(?:曜日|日数)$/.test(key);
}

/** A label that says its column holds people: 〜者 / 〜者名 (質問者, 担当者), or "… By" in English. */
function isPersonLabel(label: string): boolean {
  const words = englishWords(label);
  if (words.length > 0) return words.length >= 2 && words.length <= 4 && words[words.length - 1] === 'by' && dateRole(label) === null;
  return /^[\p{Script=Han}\p{Script=Katakana}ー]{1,8}者(?:名)?$/u.test(withoutBrackets(labelKey(label)));
}

/**
 * A label that says its column names another record (Parent task, 親タスク, 上位チケット, Related issue,
 * Blocked by): a tracker's reference by number, never the record's own name (blind set 5, K2: Redmine's
 * Parent task took the name, and every task was named 1203).
 */
export function isReferenceLabel(label: string): boolean {
  const words = englishWords(label);
  if (words.length > 0) return words.length >= 2 && /^(?:parent|related|linked|blocking|blocked|duplicates?|duplicated)$/.test(words[0]!);
  const key = withoutBrackets(labelKey(label));
  return key.length >= 2 && /^(?:親|上位|関連|先行|後続)/.test(key);
}

// The nouns of the registers one log's records point at in another's: an issue raised from a risk, a change
// requested by an issue.
const RECORD_NOUNS: Partial<Record<ImportTarget, readonly string[]>> = { issue: ['課題', 'issue'], risk: ['リスク', 'risk'], change: ['変更', 'change', 'cr', 'rfc'] };

/**
 * What the X of `<X> Number` / `<X> ID` / `<X>番号` may be when the column numbers the row's own record:
 * a numbering word (管理番号, 受付番号, Item No., Ticket ID, Record ID) or a word for the record itself in
 * this register (課題番号, Incident ID, CR Number, 問合せ番号 — a service desk's incidents, requests and
 * questions are an issue log's records). Any other X numbers another thing — the document an issue is
 * about (資料番号, Document No.), a test case, a quote, a contract, a phone — and is no record ID: taken
 * as one, a new record got an invented number in the client's column (review U4).
 */
const NUMBERING_X = new Set(['no', 'id', '管理', '受付', '申請', '登録', '整理', '通し', '通', '連', '項', '識別', '起票', '案件', 'チケット', 'item', 'record', 'entry', 'ref', 'reference', 'ticket', 'request', 'case', 'tracking', 'log', 'list', 'row', 'line', 'sequence', 'seq']);
/** Number words alone (番号 over #, No. over ID in a bilingual cell). */
const NUMBER_WORDS = /^(?:id|番号|no\.?|#|number|nbr|num|ナンバー)+$/;
const OWN_NUMBER_X: Partial<Record<ImportTarget, readonly string[]>> = {
  issue: [
    '問題', '指摘', '質問', '問合せ', '問合', '問い合わせ', 'お問い合わせ', 'お問合せ', 'インシデント', '障害', 'サービス要求', 'アクション',
    'incident', 'inc', 'query', 'question', 'inquiry', 'enquiry', 'action', 'todo', 'problem', 'servicerequest', 'sr', 'req', 'support', 'helpdesk', 'servicedesk',
    // A maintenance desk's requests are its log's records (作業依頼台帳: 依頼No, 保守依頼番号).
    '依頼', '作業依頼', '保守依頼', '対応依頼', '要望', '申込', '申し込み',
  ],
  change: ['要求', '依頼', '変更要求', '変更依頼', 'request', 'changerequest', 'cr', 'rfc'],
  // A document register's records are documents and drawings (Doc No., 文書番号, 図書番号, Drawing No.).
  deliverable: ['成果物', 'ドキュメント', '文書', '資料', '図書', '図面', '帳票', '納品物', 'doc', 'document', 'deliverable', 'drawing', 'dwg', 'artifact', 'artefact', 'report'],
};
export function ownNumberWord(target: ImportTarget, x: string): boolean {
  const key = withoutBrackets(labelKey(x));
  return key === '' || NUMBER_WORDS.test(key) || NUMBERING_X.has(key) || QUALIFIERS[target].some((q) => labelKey(q) === key) || (RECORD_NOUNS[target] ?? []).includes(key) || (OWN_NUMBER_X[target] ?? []).includes(key);
}

/** `<X> Number`, `<X> ID`, `<X> No.`, `<X> #`, `<X>番号`, `<X> Key`, `<X>-ID`: a column named as some record's number. */
const NUMBERED = /^(.*?)-?(?:(?:id|番号|no\.?|#|number|nbr|num|ナンバー)+|key|キー)$/;
/**
 * The X of a label naming some record's number (folded: 課題, issue, request; '' for the number word
 * alone), or null when the label is no such label. The one reading of such labels for the synonyms (a
 * ref found only inside 資料番号), cross-references (Parent ID) and detection (a register's own
 * `CR Number` where no ID column was named).
 */
export function numberedThing(label: string): string | null {
  return NUMBERED.exec(withoutBrackets(labelKey(label)))?.[1] ?? null;
}

/** X naming another record than the row's own: a parent, a related record (the cross-references of review 10). */
const OTHER_RECORD = /^(?:parent|related|linked|blocking|blocked|duplicates?|master|親|上位|関連|先行|後続|元)/;

/** Whether X (numberedThing's) names another record than the row's own: a parent, a related one, another register's. */
export function namesOtherRecord(target: ImportTarget, x: string): boolean {
  if (OTHER_RECORD.test(x)) return true;
  if (ownNumberWord(target, x)) return false;
  return IMPORT_TARGETS.filter((t) => t !== target)
    .flatMap((t) => [...QUALIFIERS[t], ...(RECORD_NOUNS[t] ?? [])].map(labelKey))
    // (A short English noun only as the whole X: CR, not the start of criteria.)
    .some((noun) => x === noun || ((noun.length >= 4 || !/^[a-z]+$/.test(noun)) && x.startsWith(noun)));
}

/** A label naming the ID of another record than the row's own: a parent or related one, or another register's. */
function crossReferenceId(target: ImportTarget, label: string): boolean {
  const x = numberedThing(label);
  return !!x && namesOtherRecord(target, x);
}

/** Words that make a date a target to meet: 完了目標日, 回答希望日, Target Close Date, Needed By. */
const INTENT_JA = /予定|目標|希望|期限|期日|締切|締め切り|納期|見込/;
const INTENT_EN = new Set(['target', 'planned', 'plan', 'expected', 'scheduled', 'due', 'deadline', 'needed', 'required', 'requested', 'promised', 'forecast', 'projected']);
/** Events that close a record (完了, 解決; closed, resolved) and that open one (起票, 受付; raised, entered). */
const CLOSING_JA = /完了|解決|解消|クローズ|終了|完結/;
// (A decision log's record ends when it is decided: Date Decided.)
const CLOSING_EN = /^(?:close[ds]?|closure|complete[ds]?|completion|resolve[ds]?|resolution|finish(?:ed)?|done|fixed|decided)$/;
/**
 * A fix or an answer that ends a record (Target Fix, Expected Response), or the handing over of a
 * document (Planned Issue, Forecast Submission, Target Handover): what a target of its end names.
 */
const FIXING_EN = /^(?:fix|fixes|release|delivery|answer|response|reply|issue|submission|publication|handover|hand-over|sign-?off)$/;
const OPENING_JA = /起票|登録|受付|識別|報告|発生|記入|作成|発見|受領|申請|提出|指摘|検出|質問|問合せ|問い合わせ|依頼|要求/;
/** An act asked for by a day (回答要求日, 対応要求日, 提出要求日): a deadline, where 要求日 alone is the day it was asked. */
const REQUESTED_BY_JA = /.要求(?:日|期日|日付)$/;
// (Login: the record's logging written as one word, Date of login — corpus issues-en-jiraproject: the issue log's only date.)
const OPENING_EN = /^(?:raised?|logged|log|login|reported|report|entered|entry|submitted|submission|opened|open|created|identified|received|recorded|filed)$/;

/**
 * A label stating the record itself in the register's own noun: Issue Description, 課題内容, Risk
 * Statement, リスク詳細 — the record's title where no column names the title plainly (an Action column
 * names it only as the whole label, and beside the record's statement it is the response: blind set 8, B7).
 */
export function statesRecord(target: ImportTarget, label: string): boolean {
  const key = withoutBrackets(labelKey(label));
  return QUALIFIERS[target].map(labelKey).some((q) => key.startsWith(q) && /^(?:description|details?|statement|内容|詳細|概要)$/.test(key.slice(q.length)));
}

/** The field of the person who raised a record, in each register: its raiser, a defect's finder, a change's requester. */
const RAISED_BY_FIELDS = ['raisedBy', 'foundBy', 'requestedBy'] as const;
const PERSON_ROLE = 0.85;
// Acts by which a person raises a record: asked, reported, found, requested.
// (Not 受付 / 受領: the one who took the record in is the desk, not who raised it.)
const RAISING_JA = /^(?:起票|登録|識別|報告|記入|作成|発見|申請|提出|指摘|検出|質問|問合せ|問い合わせ|問合わせ|依頼|要求|照会|申告|連絡|提起|起案|要望|相談)$/u;
const RAISING_EN = /^(?:raised|logged|reported|entered|submitted|opened|created|identified|recorded|filed|found|detected|discovered|requested|asked|issued|initiated|originated)$/;

/** A person label (isPersonLabel) whose act is one that raises a record: 問合せ者, 起票者名, Logged By. */
function raisedByLabel(label: string): boolean {
  if (!isPersonLabel(label)) return false;
  const words = englishWords(label);
  if (words.length > 0) return RAISING_EN.test(words[words.length - 2]!);
  return RAISING_JA.test(withoutBrackets(labelKey(label)).replace(/者(?:名)?$/u, ''));
}

/**
 * Which date of a record a label names, read from its parts rather than as a whole word: the label says
 * it is a day (日, 日付, 年月日, 期限; Date, Day, or an English "… By" / "… On"), and the event it names
 * says which — a target to meet (予定, 目標, 希望; Target, Needed, "Resolve By") is the due date, a
 * record's closing (完了, 解決; Closed, Resolved) its closing day, its opening (起票, 受付, 識別; Entered,
 * Submitted) the day it was raised. "Reported By" and "Closed By" are people, never dates.
 */
export function dateRole(label: string): 'due' | 'raisedOn' | 'closedOn' | null {
  const words = englishWords(label);
  // A label, not a sentence in a cell (Target date slipped again last week).
  if (words.length > 4) return null;
  if (words.length > 0) {
    const last = words[words.length - 1]!;
    const by = last === 'by' && words.length >= 2;
    // A participle before By is the person who did it (Reported By); a verb or a need is the deadline (Complete By, Needed By).
    if (by && /ed$/.test(words[words.length - 2]!) && !INTENT_EN.has(words[words.length - 2]!)) return null;
    // A target of the record's end with no day word (Target Fix, Planned Resolution, Expected Close): its due date.
    if (words.length <= 3 && INTENT_EN.has(words[0]!) && words.length >= 2 && words.slice(1).every((w) => CLOSING_EN.test(w) || FIXING_EN.test(w))) return 'due';
    if (!(by || (last === 'on' && words.length >= 2) || words.includes('date') || words.includes('day'))) return null;
    const rest = words.filter((w) => !['date', 'day', 'by', 'on', 'of', 'the'].includes(w));
    if (by || rest.some((w) => INTENT_EN.has(w))) return 'due';
    if (rest.some((w) => CLOSING_EN.test(w))) return 'closedOn';
    if (rest.some((w) => OPENING_EN.test(w))) return 'raisedOn';
    return null;
  }
  const key = withoutBrackets(labelKey(label));
  // The record's end as planned, with no day word (修正予定, 回答目標, 完了見込): its due date.
  // (A document's handing over as planned: 発行予定, 提出予定, 納品目標.)
  if (key.length <= 6 && new RegExp(`^(?:${CLOSING_JA.source}|回答|修正|対策|是正|発行|提出|納品|納入|公開|出図)(?:予定|目標|見込み?)$`, 'u').test(key)) return 'due';
  if (key.length > 10 || !/(?:日|日付|日時|期限|期日)$/.test(key)) return null;
  if (INTENT_JA.test(key) || REQUESTED_BY_JA.test(key)) return 'due';
  if (CLOSING_JA.test(key)) return 'closedOn';
  if (OPENING_JA.test(key)) return 'raisedOn';
  return null;
}

/** の between kanji or katakana (対応の方針, 影響の度合): dropped in the compound word. */
const NO_PARTICLE = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])の(?=[\p{Script=Han}\p{Script=Katakana}])/gu;

/** The text heads a column of some register (影響度, Probability rating, 改訂日) at least this surely. */
/**
 * A header that names a field of a list's values (a status, a rating, a yes/no, a list code): its cells
 * are words from a short list, however distinct a few rows' happen to be — never the records' names.
 */
export function namesListField(text: string): boolean {
  return IMPORT_TARGETS.some((t) => {
    const best = matchLabel(t, [text])[0];
    const kind = best && best.confidence >= 0.8 ? fieldSpec(t, best.field)?.kind : undefined;
    return kind === 'vocab' || kind === 'rating' || kind === 'wbsStatus' || kind === 'yesNo' || kind === 'scheduling';
  });
}

export function isColumnWord(text: string, least: number): boolean {
  return IMPORT_TARGETS.some((t) => matchLabel(t, [text]).some((m) => m.confidence >= least));
}

/** Labels of a previous period's column. */
// 'prior' alone, never inside 'priority' (a Priority column read as history lost its field).
const PREVIOUS = /前回|前週|前月|previous|lastweek|prior(?!it)/;

/** Labels of a variance between two columns: a word of its own (Var, Variance, Diff), or 差異/差分/予実差. */
const VARIANCE = /(^|[^a-z])(var|variance|diff|difference|delta)([^a-z]|$)|差異|差分|予実差|乖離/i;

/** Labels of identifier columns: タスクID, Task No, 課題番号 — never a partial match for a text field. */
const ID_SUFFIX = /(id|no\.?|#|番号|コード|code|ｎｏ)$/;

/** A synonym inside a longer label: at its start or end counts more than in the middle. */
function partial(key: string, e: Entry): number {
  if (key === e.key || e.key.length < 2 || key.length <= e.key.length || e.whole) return 0;
  if (ID_SUFFIX.test(key) && !ID_SUFFIX.test(e.key)) return 0;
  // Short English words (name, task, risk) inside longer labels name other things: ProgramName, Risk score.
  if (e.ascii && e.key.length <= 4) return 0;
  const at = key.indexOf(e.key);
  if (at < 0) return 0;
  if (e.ascii) {
    // Only whole words: 'end' must not match 'vendor'.
    const before = key[at - 1];
    const after = key[at + e.key.length];
    const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
    if (isWord(before) && isWord(after)) return 0;
  }
  const ratio = e.key.length / key.length;
  // Compound labels are head-last in Japanese and English alike (作業担当 is an owner, Start Date a
  // date): a synonym ending the label counts more than one starting it.
  if (at + e.key.length === key.length) return 0.65 + 0.35 * ratio;
  if (at === 0) return 0.5 + 0.35 * ratio;
  return 0.45 + 0.3 * ratio;
}
