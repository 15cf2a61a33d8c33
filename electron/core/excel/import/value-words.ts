// Words and marks → our codes: WBS status, the registers' value lists, 1–5 ratings, yes/no. Pure.
//
// Marks, as Japanese sheets use them: in a status column ◎/○ = done, △ = in progress, × = not started
// (the ○△× of a progress check); in a rating or priority column ◎ = high, ○ = medium, △ = low
// (× = lowest); in a yes/no column (milestone) ○ ◎ ● ◆ ✓ = yes, × - = no.
import { WBS_STATUSES, type WbsStatus } from '../../../common/dto.js';
import { normalizeLabel, parseRating, vocabCode, type VocabItem, type VocabListName } from '../../../common/registers.js';
import { parseNumberText, type Parsed } from './numbers.js';
import { failure } from '../../../common/excel/problems.js';

/** Folded for lookup: NFKC, lower case, inner spaces and separators collapsed. */
export function wordKey(s: string): string {
  return normalizeLabel(s).replace(/[\s\u3000_]+/g, ' ').replace(/[。.]$/, '');
}

function table(entries: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [code, words] of Object.entries(entries)) for (const w of words) m.set(wordKey(w), code);
  return m;
}

// Status words shared by the WBS, issue.status and change.implStatus (their codes are the same).
const STATUS_WORDS = {
  not_started: ['未着手', '未回答', '回答待ち', '未', '未開始', '未対応', '着手前', '開始前', '未実施', '未作業', '新規', 'not started', 'not yet started', 'todo', 'to do', 'to-do', 'new', 'backlog', 'planned', '×', '✕', '✖', 'x',
    // Nothing done yet, in the words of a log that has no other word for it (blind set 15, F3: Not yet became a new item).
    'not yet', 'not yet begun', 'yet to start', 'yet to begin', 'to be started', 'not commenced', 'not begun', '未着工', '未処置', '着手待ち'],
  in_progress: ['対応中', '進行中', '作業中', '実施中', '中', '途中', '着手', '着手中', '着手済', '仕掛', '仕掛中', '仕掛り中', '対策中', '検討中', '確認中', '継続', '継続中', 'in progress', 'in-progress', 'wip', 'doing', 'started', 'ongoing', 'open', 'opened', 'オープン', 'active', 'working', '△', '▲',
    // Awaiting an answer or a decision (Pending, 審議中) is under way, not stopped (blind sets 10 and 11, C5: read as on hold).
    'pending', '審議中', '審査中',
    // Under way in the spellings of logs written abroad (On-going, In Work: blind set 16, I3).
    'on going', 'on-going', 'in work', 'in-work', 'under work', 'work in progress', 'underway', 'under way'],
  done: ['完了', '済', '済み', '回答済', '回答済み', '終了', '完', '対応済', '対応済み', '対応完了', '実施済', '実施済み', '解決', '解決済', '解決済み', 'クローズ', 'クローズ済', 'close', 'closed', 'done', 'complete', 'completed', 'finished', 'resolved', 'fixed', '○', '◯', '〇', '◎', '●',
    // A decision log's record is done when the decision is made (Agreed, 決定済).
    'agreed', 'decided', 'decision made', '決定', '決定済', '決定済み', '合意', '合意済', '合意済み',
    // A release plan's task is done once it is out (Released, Deployed, リリース済).
    'released', 'deployed', 'shipped', 'launched', 'live', 'went live', 'リリース済', 'リリース済み', '本番反映済', '本番稼働済', '稼働済'],
  // (保 beside 未 / 中 / 済: 保留 in one character, as the others are.)
  on_hold: ['保留', '保', '中断', '待ち', '待機', '待機中', '一時停止', '停止', '延期', 'on hold', 'on-hold', 'hold', 'waiting', 'blocked', 'deferred', 'suspended', 'paused',
    // Set aside until taken up again (a studio's Parked, Shelved: blind set 16, I4 — Parked was read as under way).
    'parked', 'shelved', 'on ice', 'frozen', 'put on hold', '凍結', '棚上げ'],
  cancelled: ['中止', '取消', '取り消し', '取消し', 'キャンセル', '廃止', '不要', '対象外', '取り下げ', 'cancelled', 'canceled', 'cancel', 'dropped', 'abandoned', 'withdrawn', "won't do", 'wont do',
    // Called off in the words of change logs and trackers (取止め, Void, Drop: blind set 16, I3 — kept as new items).
    '取止め', '取り止め', '取りやめ', '取止', '取下げ', '取下', '取下げ済', '撤回', '見送り', 'drop', 'void', 'voided', 'terminated', 'scrapped', 'called off', 'not proceeding', 'killed',
    // Replaced by a later record (a decision superseded, a document replaced).
    'superseded', 'replaced', 'overtaken', '差替', '差し替え', '差替え', '置換'],
};
const STATUS = table(STATUS_WORDS);
// A register's status reads its marks only through a legend or the user's choice: ◎○△× mean what each
// sheet says (○ is done on one progress check, in progress beside ◎ on another: blind set 6, L5), so
// without a legend they are suggested (MARK_STATUS below), never read unasked. A WBS's progress marks
// keep their reading (parseWbsStatus): its status has no dialog to ask in.
const MARKS = new Set(['×', '✕', '✖', '△', '▲', '○', '◯', '〇', '◎', '●'].map(wordKey));
const REGISTER_STATUS = new Map([...STATUS].filter(([w]) => !MARKS.has(w)));

// Words that say a record was raised and is not closed, and no more (Open, オープン): read as in
// progress (STATUS above) where the column has no other word for that, as in an Open/Closed log; but
// where the column's own words also name in progress (Open | In Progress | Resolved), Open is the state
// before it: raised, not yet worked (blind set 5, K7: Open and In Progress collapsed into one).
const OPEN_WORDS = new Set(['open', 'opened', 'オープン', 'raised'].map(wordKey));

/** A word of OPEN_WORDS (Open, オープン). */
export function isOpenWord(text: string): boolean {
  return OPEN_WORDS.has(wordKey(text));
}

/**
 * How a status column's Open reads, decided by the column's own words: not started where another of
 * its words reads as in progress (In Progress, 対応中, In Review), else null (the words' own reading).
 */
export function openWordReading(words: Iterable<string>): 'not_started' | null {
  for (const w of words) {
    const key = wordKey(w);
    if (!OPEN_WORDS.has(key) && (STATUS.get(key) === 'in_progress' || TRACKER_STATUS.get(key) === 'in_progress')) return 'not_started';
  }
  return null;
}

/** A WBS status as written → our code; '' → null (not set). */
export function parseWbsStatus(text: string): Parsed<WbsStatus | null> {
  const key = wordKey(text);
  if (key === '' || key === '-' || key === 'ー') return { ok: true, value: null };
  const hit = (WBS_STATUSES as readonly string[]).includes(key) ? key : STATUS.get(key);
  return hit ? { ok: true, value: hit as WbsStatus } : failure('notInList', { value: text.trim() }, `${text.trim()} is not a status (未着手/対応中/完了/保留/中止)`);
}

/** Half-filled circles: a task under way, between the empty ○ (not begun) and the full ● (done). */
const HALF_CIRCLES = new Set(['◐', '◑', '◒', '◓', '◔', '◕', '◗', '◖']);
const EMPTY_CIRCLES = new Set(['○', '◯', '〇']);

/** A word that is a code of such a set (a circle mark, a digit 0–3), as a profile keeps it. */
export function isStatusCode(word: string): boolean {
  const k = wordKey(word);
  return k === '●' || HALF_CIRCLES.has(k) || EMPTY_CIRCLES.has(k) || /^[0-3]$/.test(k);
}

/** A WBS status column's codes read as a set, both ways: the code a cell's word or number means, and the client's own word or number for a code. */
export interface StatusCodes {
  read(word: string): WbsStatus | undefined;
  write(status: string): string | number | undefined;
}

/**
 * A WBS status column written in codes or marks whose meaning is the set's, not each one's (blind set 7,
 * K6): ● ◐ ○ are done, under way and not begun (a full, half and empty circle: ○ alone is done, beside ●
 * it is the empty one); 0 / 1 / 2 (or 1 / 2 / 3, with 3 among them) count up from not started to done.
 * Null where the column's words are no such set — they read one by one (parseWbsStatus: 済/中/未,
 * Done/WIP/-, ○△× are words of their own). An export writes a code back in the column's own set.
 */
export function statusCodes(words: Iterable<string>): StatusCodes | null {
  const keys = [...new Set([...words].map(wordKey).filter((k) => k !== '' && k !== '-' && k !== 'ー'))];
  if (keys.length === 0) return null;
  const circles = keys.filter((k) => k === '●' || HALF_CIRCLES.has(k) || EMPTY_CIRCLES.has(k));
  if (keys.includes('●') && circles.some((k) => k !== '●')) {
    const half = circles.find((k) => HALF_CIRCLES.has(k)) ?? '◐';
    const empty = circles.find((k) => EMPTY_CIRCLES.has(k)) ?? '○';
    const codes: Record<string, WbsStatus> = { '●': 'done', [half]: 'in_progress', [empty]: 'not_started' };
    return {
      read: (w) => codes[wordKey(w)] ?? (HALF_CIRCLES.has(wordKey(w)) ? 'in_progress' : EMPTY_CIRCLES.has(wordKey(w)) ? 'not_started' : undefined),
      write: (st) => Object.entries(codes).find(([, c]) => c === st)?.[0],
    };
  }
  if (keys.every((k) => /^[0-3]$/.test(k)) && keys.length >= 2) {
    const n = keys.map(Number);
    const base = Math.min(...n) === 0 && Math.max(...n) <= 2 ? 0 : Math.min(...n) >= 1 && Math.max(...n) === 3 ? 1 : null;
    if (base === null) return null;
    const order: WbsStatus[] = ['not_started', 'in_progress', 'done'];
    return {
      read: (w) => (/^[0-3]$/.test(wordKey(w)) ? order[Number(wordKey(w)) - base] : undefined),
      write: (st) => (order.includes(st as WbsStatus) ? order.indexOf(st as WbsStatus) + base : undefined),
    };
  }
  return null;
}

// A priority's or a severity's levels (high, medium, low): the same words grade both.
const LEVEL_WORDS = table({
  high: ['高', '大', '高い', '重要', '緊急', '最優先', '至急', '致命的', '致命', '重大', 'a', '◎', 'h', 'high', 'very high', 'critical', 'urgent', 'highest', 'major', 'severe', 'fatal', 'blocker'],
  medium: ['中', '普通', '通常', '中程度', 'b', '○', '◯', '〇', 'm', 'medium', 'normal', 'mid', 'moderate'],
  low: ['低', '小', '低い', '軽微', 'c', '△', '×', 'l', 'low', 'very low', 'minor', 'lowest', 'trivial', 'cosmetic'],
});

// A check's outcome: the criteria met (合格, 基準充足, Pass), not met (不合格, 未充足, Fail), or not
// applicable (対象外, N/A) — the words of test, review and go-live checklists alike.
const CHECK_RESULT_WORDS = {
  ok: ['ok', 'ＯＫ', '合格', '良', '良好', '可', '適合', '充足', '基準充足', '要件充足', '満足', '達成', '問題なし', '異常なし', '確認済', '確認済み', 'pass', 'passed', 'met', 'criteria met', 'satisfied', 'compliant', 'conforming', 'good', 'yes'],
  ng: ['ng', 'ＮＧ', '不合格', '否', '不可', '不適合', '未充足', '基準未充足', '不充足', '未達', '未達成', '問題あり', '異常あり', '要是正', '要修正', 'fail', 'failed', 'not met', 'criteria not met', 'unsatisfied', 'non-compliant', 'noncompliant', 'nonconforming', 'no'],
  na: ['対象外', '該当なし', '該当無し', '非該当', '適用外', '対象なし', 'n/a', 'na', 'not applicable', 'not relevant'],
};

// Words for the default codes of each list, used when the label itself does not match. A project
// that renamed a list keeps these only for codes it still has.
const LIST_WORDS: Partial<Record<VocabListName, Map<string, string>>> = {
  'issue.status': REGISTER_STATUS,
  'change.implStatus': REGISTER_STATUS,
  'risk.status': table({
    open: ['オープン', '未対応', '新規', '識別', '識別済', '特定', 'open', 'new', 'active', 'identified', 'raised', 'live', 'current', '有効', '継続中'],
    in_progress: ['対応中', '対策中', '対策実施中', '実施中', 'in progress', 'mitigating', 'actioned'],
    monitoring: ['監視中', '監視', '観察中', '経過観察', 'monitor', 'monitoring', 'watch', 'watching', 'tracking'],
    occurred: ['顕在化', '顕在化済', '発生', '発生済', '発生済み', 'occurred', 'realized', 'realised', 'materialized', 'issue'],
    closed: ['クローズ', 'クローズ済', '完了', '終了', '終結', '終結済', '解消', '解消済', '消滅', 'closed', 'close', 'done', 'resolved', 'retired', 'expired'],
  }),
  'risk.strategy': table({
    // (JIS Q 31000 / ISO 31000 name the options so: リスク源の除去 and 回避 avoid, 起こりやすさ・結果の変更 reduce,
    // 共有 share, 保有 retain; the UK 4 T's: terminate, treat, transfer, tolerate — blind set 16, I3.)
    avoid: ['回避', 'リスク回避', '除去', 'リスク源の除去', '排除', 'avoid', 'avoidance', 'eliminate', 'elimination', 'remove', 'removal', 'terminate'],
    mitigate: ['軽減', '低減', '緩和', 'リスク低減', 'リスク軽減', '最適化', 'mitigate', 'mitigation', 'reduce', 'reduction', 'control', 'treat', 'modify', 'optimise', 'optimize'],
    transfer: ['転嫁', '移転', '転送', '共有', 'リスク共有', 'リスク移転', 'リスク転嫁', '分担', 'transfer', 'share', 'sharing', 'insure'],
    accept: ['受容', '保有', '受け入れ', 'リスク保有', 'リスク受容', '許容', 'accept', 'acceptance', 'retain', 'retention', 'tolerate'],
  }),
  'risk.category': table({
    // (Design and engineering risks are technical; a programme, 工程, is the schedule; commercial risks
    // are the money's: the categories of AS/NZS and construction registers, blind set 15, F3.)
    technical: ['技術', '技術的', 'テクノロジー', '設計', '技術・設計', 'システム', 'システム面', 'it', 'ict', 'technical', 'system', 'systems', 'technology', 'tech', 'design', 'engineering', 'design/technical', 'technical/design'],
    schedule: ['スケジュール', '納期', '日程', '工期', '進捗', '工程', '日程計画', 'schedule', 'time', 'timeline', 'programme', 'program', 'time/programme'],
    cost: ['コスト', '費用', '予算', '原価', '商務', '契約・商務', 'cost', 'budget', 'financial', 'finance', 'commercial', 'contractual', 'commercial/cost'],
    quality: ['品質', 'quality'],
    scope: ['要件', 'スコープ', '仕様', '要件定義', 'scope', 'requirements', 'requirement'],
    resource: ['要員', '人員', 'リソース', '体制', '人材', 'resource', 'resources', 'staffing', 'people'],
    organization: ['組織', '体制・組織', 'organization', 'organisation', 'organizational', 'management'],
    external: ['外部', '外部要因', '環境', '環境要因', '法規制', '規制', '天候', '自然災害', 'external', 'vendor', 'supplier', 'environment', 'environmental', 'regulatory', 'legal', 'political', 'weather', 'third party', 'third-party'],
  }),
  'issue.kind': table({
    issue: ['課題', '問題', '懸案', '懸案事項', 'issue', 'problem', 'problem/concern', 'concern'],
    action: ['アクション', '対応事項', 'todo', 'to do', 'action', 'action item'],
    question: ['質問', '問合せ', '問い合わせ', '確認', '確認事項', 'q&a', 'qa', 'question', 'query'],
    request: ['要望', '依頼', '変更要求', '変更依頼', 'request', 'request for change', 'change request', 'rfc', 'cr'],
    defect: ['不具合', 'バグ', '障害', '欠陥', 'defect', 'bug', 'incident', 'off-specification', 'off specification'],
    // A decision logged among the issues (区分 課題 / QA / 決定事項: blind set 13, I4).
    decision: ['決定事項', '決定', '決議事項', '判断事項', '要判断', '要決定', 'decision', 'decisions', 'decision needed', 'decision required'],
  }),
  'issue.priority': LEVEL_WORDS,
  'defect.severity': LEVEL_WORDS,
  // A check's outcome as checklists write it: met or not against its criteria, or not applicable.
  'checklist.result': table(CHECK_RESULT_WORDS),
  // An audit finding's grade in the standards' own words (ISO 19011 major / minor nonconformity,
  // observation, opportunity for improvement).
  'finding.severity': table({
    major: ['重大', '重大な不適合', '重大不適合', '重大指摘', 'major', 'major nc', 'major nonconformity', 'major non-conformity', 'major finding'],
    minor: ['軽微', '軽微な不適合', '軽微不適合', '軽微指摘', 'minor', 'minor nc', 'minor nonconformity', 'minor non-conformity', 'minor finding'],
    observation: ['改善提案', '改善の機会', '観察事項', '観察', 'observation', 'opportunity for improvement', 'ofi', 'improvement opportunity', 'recommendation'],
  }),
  'change.decision': table({
    approved: ['承認', '承認済', '承認済み', '可', '採用', '許可', 'approved', 'approve', 'accepted', 'accept', 'yes'],
    rejected: ['却下', '否認', '不可', '不採用', '非承認', 'rejected', 'reject', 'declined', 'denied', 'no'],
    on_hold: ['保留', '検討中', '継続審議', '審議中', 'on hold', 'pending', 'deferred', 'hold'],
  }),
};

// Words a person reads as a default code, though not surely enough to read them unasked: an issue
// tracker's own priorities, types and workflow states (Jira, Backlog, Redmine), and the words of another
// list for the same state (未着手 of a task's status in a risk's). They are only suggested: the preview
// lists the word with this code, and the user confirms it (blind set 4, J9/J11/J12: asked with no suggestion).
const TRACKER_STATES = {
  not_started: ['ready', 'selected for development', 'to be done', 'queued', '未処理', '受付', '受付済'],
  // (Late, 遅れ: under way and behind — a legend's △:遅れ, blind set 11, C5.)
  in_progress: ['遅れ', '遅延', '遅延中', '遅れあり', 'delayed', 'late', 'behind', 'behind schedule', 'in review', 'review', 'in code review', 'code review', 'under review', 'ready for review', 'in qa', 'qa', 'in test', 'in testing', 'testing', 'ready for qa', 'ready for test', 'in development', 'in dev', 'development', 'reopened', 're-opened', 'レビュー中', 'レビュー待ち', 'レビュー', 'テスト中', '検証中', '確認待ち', '試験中', '再オープン', '差戻し', '差し戻し', '処理中'],
  done: ['verified', 'validated', 'released', 'deployed', 'accepted', '検証済', '検証済み', '検証完了', 'リリース済', 'リリース済み', '確認済', '確認済み', '承認済', '承認済み'],
  on_hold: ['blocked', 'impeded', 'on ice', 'icebox', 'ブロック', '保留中', '待機'],
  cancelled: ['rejected', 'invalid', 'duplicate', "won't fix", 'wont fix', 'not a bug', 'obsolete', '却下', '重複', '対応不要', '対象外'],
};
const TRACKER_STATUS = table(TRACKER_STATES);
/**
 * What a register status's marks most likely mean, from the column's own marks: with ◎ among them ◎ is
 * done and ○ in progress (◎○△ grade done, under way, not begun); else ○ is done, △ under way, × not begun.
 */
export function markStatus(word: string, columnWords: Iterable<string>): string | null {
  const key = wordKey(word);
  if (!MARKS.has(key)) return null;
  const graded = [...columnWords].some((w) => wordKey(w) === '◎');
  if (key === '◎') return 'done';
  if (['○', '◯', '〇', '●'].includes(key)) return graded ? 'in_progress' : 'done';
  if (['△', '▲'].includes(key)) return graded ? 'not_started' : 'in_progress';
  return 'not_started';
}
const LIKELY_WORDS: Partial<Record<VocabListName, Map<string, string>>> = {
  'issue.status': TRACKER_STATUS,
  'change.implStatus': TRACKER_STATUS,
  'issue.priority': table({
    // A lone P-code (the column's others unknown): P1 the top of the usual P1–P3, P2 its middle.
    high: ['p0', 'p1', 'blocker', 'showstopper', 'must', 'must have', '1 - critical', '2 - high', '特急', '急ぎ'],
    medium: ['p2', 'should', 'should have', '3 - medium', '3 - normal'],
    low: ['p3', 'p4', 'p5', 'could', 'could have', "won't have", '4 - low', '5 - lowest', 'nice to have', 'いつでも'],
  }),
  'issue.kind': table({
    action: ['task', 'sub-task', 'subtask', 'sub task', 'todo item', 'chore', 'タスク', 'サブタスク', '作業', 'アクションアイテム'],
    request: ['story', 'user story', 'epic', 'feature', 'new feature', 'improvement', 'enhancement', 'change', 'ストーリー', 'ユーザーストーリー', 'エピック', '機能追加', '改善', '機能改善', '要求', '変更'],
    question: ['spike', 'investigation', 'research', '調査', '問合せ事項'],
    defect: ['bug fix', 'hotfix', 'regression', 'error', 'fault', 'エラー', '故障'],
  }),
  'change.decision': table({
    approved: ['条件付承認', '条件付き承認', '承認(条件付)', 'conditionally approved', 'approved with conditions', 'go', '実施'],
    rejected: ['差戻し', '差し戻し', '差戻', '返却', '再提出', '否決', '見送り', '見送', 'returned', 'sent back', 'send back', 'rework', 'not approved', 'no go', 'withdrawn', '取下げ', '取り下げ', '取下', '取下げ済', '撤回', 'retracted', 'cancelled', 'canceled'],
    on_hold: ['審議待ち', '判定待ち', '承認待ち', '未承認', 'awaiting decision', 'awaiting approval', 'under review', 'in review', 'deferred to next cab'],
  }),
  // A checklist's marks: ○ the criteria met, × not met, a dash or a slash not applicable (△ is the
  // sheet's own: partly met, or met with a condition, so it is asked with no suggestion).
  'checklist.result': table({
    ok: ['○', '◯', '〇', '◎', '✓', '✔', 'レ', '✅', 'v'],
    ng: ['×', '✕', '✖', '✗', '❌', 'x'],
    na: ['－', '-', 'ー', '―', '‐', '/', '／', '対象外(-)'],
  }),
  // An audit's grades in the words of other schemes, at the rank they stand at: J-SOX's 開示すべき重要な不備
  // and 重要な不備 (material weakness, significant deficiency) major, 不備 (deficiency) minor, 要改善 and
  // 改善事項 an observation; IIA / SOX deficiency words likewise; a Critical / High / Medium / Low grading.
  'finding.severity': table({
    major: ['開示すべき重要な不備', '重要な不備', '重大な不備', '重要な欠陥', '重大指摘事項', '重要指摘', '致命的', 'material weakness', 'significant deficiency', 'critical', 'high', '高', '大', 'a'],
    minor: ['不備', '軽微な不備', '指摘', '指摘事項', '不適合', '欠陥', 'deficiency', 'control deficiency', 'nonconformity', 'non-conformity', 'medium', 'moderate', '中', 'b'],
    observation: ['要改善', '改善', '改善事項', '改善要望', '改善推奨', '推奨', '推奨事項', '提案', '要望', '所見', '留意事項', '助言', '参考', 'コメント', 'suggestion', 'advisory', 'note', 'comment', 'low', 'info', 'informational', 'for information', '低', '小', 'c'],
  }),
  // A deliverable's acceptance in the words of an acceptance log (blind set 11, C2: Acceptance Status).
  'deliverable.status': table({
    approved: ['accepted', 'signed off', 'sign-off', 'passed', '検収済', '検収済み', '受入済', '受入済み', '合格'],
    returned: ['rejected', 'not accepted', 'failed', '却下', '不合格', '受入不可'],
    in_review: ['pending', 'pending acceptance', 'pending approval', 'awaiting acceptance', 'awaiting approval', '検収中', '受入中', '承認待ち', '検収待ち'],
  }),
  'risk.status': table({
    open: ['未着手', '着手前', '未対策', '対策前', '未実施', '検討前', '新規登録', '未', 'not started', 'not yet', 'not yet started', 'to do', 'todo', 'planned', 'pending', 'proposed', 'analysing', 'analyzing', 'assessed'],
    in_progress: ['実施中', '着手', '着手済', '対策実施', '対応予定', 'in hand', 'underway', 'being mitigated', '審議中', '審査中', '遅れ', '遅延', 'delayed'],
    monitoring: ['様子見', '継続監視', 'watch list', 'watchlist', 'on watch'],
    closed: ['対応済', '対応済み', '対策済', '対策済み', '完了済', 'mitigated', 'completed', 'complete', 'no longer relevant', 'cancelled', 'canceled'],
  }),
};

// Words that say a list's value is not given yet: a change's 判定 of 未判定 or 起票 (raised, nothing
// decided: blind set 6, L6/L13 — 未判定 was suggested as on hold). Read as an empty value, as a blank
// cell is; the export sees the client's word as unchanged while the value stays empty.
const NOT_YET: Partial<Record<VocabListName, Set<string>>> = {
  'change.decision': new Set(['未判定', '未決', '未定', '判定前', '審議前', '未審議', '起票', '起票済', '起票済み', '申請', '申請中', '申請済', '提出', '提出済', '受付', '受付済', '新規', '未処理', 'draft', 'submitted', 'new', 'raised', 'open', 'proposed', 'requested', 'logged', 'tbd', 'not decided', 'no decision', 'undecided'].map(wordKey)),
};

// Ordered levels a client grades with, highest first: a column holding three to five of one sequence is
// a scale, and a level beyond the ones our words read (S above A, D below C, 特 above 高) is the nearest
// end of our list (blind set 6, L13: 優先度 S/A/B/C, S = 即時対応, was asked with no suggestion).
const LEVELS: readonly (readonly string[])[] = [
  ['s', 'a', 'b', 'c', 'd', 'e'],
  ['特', '高', '中', '低'],
  ['特', '大', '中', '小'],
  ['緊急', '高', '中', '低'],
  ['最優先', '高', '中', '低'],
  ['至急', '高', '中', '低'],
  ['critical', 'high', 'medium', 'low'],
  ['urgent', 'high', 'medium', 'low'],
  ['top', 'high', 'medium', 'low'],
  // (Levels by their initials, as a column of H / M / L writes them.)
  ['vh', 'h', 'm', 'l', 'vl'],
  ['critical', 'high', 'medium', 'low', 'informational'],
  ['critical', 'high', 'medium', 'low', 'info'],
  // The severities of vulnerability notes (IPA / JVN: 緊急 重要 警告 注意), of bug trackers (Bugzilla, Jira),
  // of defects and of audit findings (J-SOX's deficiencies; ISO's nonconformities and observations).
  ['緊急', '重要', '警告', '注意'],
  ['blocker', 'critical', 'major', 'minor', 'trivial'],
  ['致命的', '重大', '中', '軽微'],
  ['致命', '重大', '中', '軽微'],
  ['開示すべき重要な不備', '重要な不備', '不備', '要改善'],
  ['major', 'minor', 'observation', 'ofi'],
  ['重大な不適合', '軽微な不適合', '観察事項', '改善の機会'],
].map((seq) => seq.map(wordKey));

/** Whether two or more words are levels of one scale (H / L, 高 / 中 / 低, Critical / Major / Minor). */
export function levelScaleWords(words: readonly string[]): boolean {
  const keys = [...new Set(words.map(wordKey))];
  return keys.length >= 2 && LEVELS.some((l) => keys.every((k) => l.includes(k)));
}

/** Lists whose codes are levels, highest first (a priority's or severity's; an audit finding's grade). */
const GRADED: readonly (readonly string[])[] = [['high', 'medium', 'low'], ['major', 'minor', 'observation']];

/** The codes of a list whose items are levels, highest first; null for any other list. */
export function gradedCodes(items: readonly VocabItem[]): string[] | null {
  const codes = items.map((i) => i.code);
  return GRADED.some((o) => o.length === codes.length && o.every((c, k) => codes[k] === c)) ? codes : null;
}

/**
 * A level of an ordered scale the column's own words make (value-words LEVELS, or the numbers 1…n where
 * 1 is the first: P1, 優先度 1) → the code of `codes` (ours, highest first) it most likely is: the code the
 * same word reads as where one does (`read`), else the nearest end beyond the read ones, else its rank.
 */
export function levelCode(word: string, columnWords: Iterable<string>, codes: readonly string[], read: (w: string) => string | null): string | null {
  const key = wordKey(word);
  const words = [...new Set([...columnWords].map(wordKey).filter((w) => w !== ''))];
  if (words.length < 2 || words.length > 6 || codes.length < 2) return null;
  // Numbered levels (1 - Critical, 2 - High; 1：至急 2：高; (1) High): the numbers are the scale, read
  // through the words of the levels our words read (blind set 8, B6: 1 - Critical above 2 - High is high).
  const numbered = words.map(numberedLevel);
  if (numbered.every((x) => x !== null) && new Set(numbered.map((x) => x!.n)).size === words.length) {
    const own = numberedLevel(key);
    const restOf = new Map(numbered.map((x) => [String(x!.n), x!.rest]));
    return own === null ? null : levelCode(String(own.n), restOf.keys(), codes, (n) => read(restOf.get(n)!));
  }
  const seq = numberedSeries(words) ?? LEVELS.find((l) => words.every((w) => l.includes(w)));
  if (!seq || !seq.includes(key)) return null;
  const at = seq.indexOf(key);
  // Words of the scale our words read: a level above the highest read one is the top, below the lowest the bottom.
  const readAt = seq.flatMap((w, i) => (words.includes(w) && read(w) !== null ? [i] : []));
  if (readAt.length > 0) {
    // Beyond the read ones, the level's rank on the whole scale, where that is beyond their codes too
    // (警告 below 緊急 and 重要, both read high: medium by its rank in 緊急 / 重要 / 警告 / 注意).
    const byRank = codes[rankStep(at, seq.length, codes.length)]!;
    const rankOf = (w: string) => codes.indexOf(read(w) ?? '');
    if (at < readAt[0]!) return read(seq[readAt[0]!]!) === codes[0] ? codes[0]! : codes.indexOf(byRank) < rankOf(seq[readAt[0]!]!) ? byRank : null;
    if (at > readAt[readAt.length - 1]!) return read(seq[readAt[readAt.length - 1]!]!) === codes[codes.length - 1] ? codes[codes.length - 1]! : codes.indexOf(byRank) > rankOf(seq[readAt[readAt.length - 1]!]!) ? byRank : null;
    return read(key);
  }
  // None read: the column's levels spread over our codes by rank (1 of 1…4 high, 2 and 3 medium, 4 low).
  const used = seq.filter((w) => words.includes(w));
  if (used.length < 3) return null;
  return codes[rankStep(used.indexOf(key), used.length, codes.length)] ?? null;
}

/**
 * Level `rank` (0 the highest) of `n` spread over `k` steps (0 … k − 1) by its place: a place halfway
 * between two steps goes to the end it is nearer (P0 … P4 on high / medium / low: P0 and P1 high, P2
 * medium, P3 and P4 low), so the scale stays symmetric and no end takes more than the other.
 */
export function rankStep(rank: number, n: number, k: number): number {
  if (n <= 1) return 0;
  const at = (rank * (k - 1)) / (n - 1);
  return at < (k - 1) / 2 ? Math.floor(at + 0.5 - 1e-9) : Math.round(at);
}

/**
 * A column's words as one run of numbered codes, first (highest) first: the same letters before (or
 * after) a number that goes on without a gap from 0 or 1 — 1 / 2 / 3, P1 / P2 / P3, P0 … P4, Sev1 … Sev4,
 * S1, 優先度1, Priority 2, Level 3, 1級 (blind set 9, C5: P2 was read as high beside P1). Null otherwise.
 */
export function numberedSeries(words: readonly string[]): string[] | null {
  const parts = words.map((w) => /^(\D*?)\s*(\d{1,2})\s*(\D*)$/u.exec(w));
  if (parts.some((m) => m === null)) return null;
  const [head, tail] = [parts[0]![1], parts[0]![3]];
  if (parts.some((m) => m![1] !== head || m![3] !== tail) || /\d/.test(head! + tail!)) return null;
  const byNumber = words.map((w, i) => ({ w, n: Number(parts[i]![2]) })).sort((a, b) => a.n - b.n);
  const first = byNumber[0]!.n;
  if (first > 1 || byNumber.some((x, i) => x.n !== first + i)) return null;
  return byNumber.map((x) => x.w);
}

/** A level written with its rank before it: `1 - Critical`, `2：高`, `(3) Medium`, `4. Low` → 1 and the word. */
function numberedLevel(key: string): { n: number; rest: string } | null {
  const m = /^[(\[]?(\d{1,2})[)\]]?\s*(?:[-–—:：.、,=]\s*|\s+)(\S.*)$/u.exec(key);
  return m ? { n: Number(m[1]), rest: m[2]!.trim() } : null;
}

/** A word that says the list's value is not given yet (未判定, 起票 of a change's decision): read as empty. */
export function notYetWord(list: VocabListName, text: string): boolean {
  return NOT_YET[list]?.has(wordKey(text)) ?? false;
}

/**
 * The default code a person most likely reads an unknown word of a list as (a tracker's P1, Story, In
 * Review; 差戻し as a change's rejection; 未着手 as a risk's open): a suggestion to confirm, never read
 * unasked; null when none. Only a code the project's list has.
 */
export function likelyCode(items: readonly VocabItem[], list: VocabListName, text: string): string | null {
  const code = LIKELY_WORDS[list]?.get(wordKey(text));
  return code !== undefined && items.some((i) => i.code === code) ? code : null;
}

/** Whether a list reads its words as the WBS's statuses do (issue.status, change.implStatus: Open is not its own state there). */
export function readsAsStatus(list: VocabListName): boolean {
  return LIST_WORDS[list] === REGISTER_STATUS;
}

// A list of exactly two items coded yes and no (a defect's recurrence: あり / なし) reads the yes/no words
// every sheet writes for them: 有/無, ○/×, Y/N, Yes/No (blind set 15, F3: 有 and 無 became new items).
const YES_NO_WORDS = table({
  yes: ['有', 'あり', '有り', 'はい', '該当', '該当あり', '○', '◯', '〇', '◎', '●', '✓', '✔', 'レ', 'yes', 'y', 'true'],
  no: ['無', 'なし', '無し', 'いいえ', '非該当', '該当なし', '×', '✕', '✖', 'no', 'n', 'false'],
});

/** The word table a list's values are read through: its own, else the yes/no words where its codes are yes and no. */
function listWords(items: readonly VocabItem[], list: VocabListName): Map<string, string> | undefined {
  const own = LIST_WORDS[list];
  if (own) return own;
  return items.length === 2 && items.some((i) => i.code === 'yes') && items.some((i) => i.code === 'no') ? YES_NO_WORDS : undefined;
}

/**
 * A value of one of the registers' lists → a code of the project's list: the code, its Japanese or
 * English label (vocabCode), else a known word for a default code the project's list has.
 */
export function parseVocab(items: readonly VocabItem[], list: VocabListName, text: string): Parsed<string> {
  const direct = vocabCode(items, text);
  if (direct !== null) return { ok: true, value: direct };
  const word = listWords(items, list)?.get(wordKey(text));
  if (word !== undefined && items.some((i) => i.code === word)) return { ok: true, value: word };
  const labels = items.map((i) => i.labelJa).join('/');
  return failure('notInList', { value: text.trim() }, `${text.trim()} is not a value of ${list} (${labels})`);
}

const RATING_MARKS: Record<string, number> = { '◎': 5, '○': 3, '◯': 3, '〇': 3, '△': 1, '×': 1, '✕': 1 };

/** A 1–5 rating (probability, impact): numbers, 高/中/低, 大/中/小, High…, and the marks ◎○△×. */
export function parseRatingValue(input: string | number): Parsed<number | null> {
  if (typeof input === 'string') {
    const mark = RATING_MARKS[input.trim()];
    if (mark !== undefined) return { ok: true, value: mark };
    const n = parseNumberText(input);
    if (n && !n.percent && n.unit === '') input = n.value;
  }
  const r = parseRating(input);
  if (r.ok) return r;
  return failure('notRating', { value: String(input).trim() }, `${String(input).trim()} is not a rating 1–5 (or 高/中/低)`);
}

const YES = new Set(['○', '◯', '〇', '◎', '●', '◆', '◇', '★', '☆', '✓', '✔', '✔️', 'v', 'yes', 'y', 'true', '1', 'はい', '有', 'あり', '有り', '要', 'ms', 'milestone', 'マイルストーン', 'マイルストン'].map(wordKey));
const NO = new Set(['×', '✕', '✖', '-', '－', 'ー', 'no', 'n', 'false', '0', 'いいえ', '無', 'なし', '無し', '不要'].map(wordKey));

/** A yes/no cell (milestone). Empty → null (not set). */
export function parseYesNo(input: string | number | boolean): Parsed<boolean | null> {
  if (typeof input === 'boolean') return { ok: true, value: input };
  if (typeof input === 'number') return input === 1 || input === 0 ? { ok: true, value: input === 1 } : failure('notYesNo', { value: input }, `${input} is not yes/no`);
  const key = wordKey(input);
  if (key === '') return { ok: true, value: null };
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return failure('notYesNo', { value: input.trim() }, `${input.trim()} is not yes/no (○/×)`);
}

// What makes a word its own opposite: 不適 of 適, 非適合 of 適合, 未達 of 達, Unsafe of Safe, Non-conforming of
// Conforming, Not OK of OK, Incomplete of Complete.
const NEGATED_JA = /^(?:不|非|未|無|否)(.+)$/u;
const NEGATED_EN = /^(?:not|non|un|in|dis|no)[\s-]?(.+)$/u;

/**
 * A yes/no pair of a list whose items are a pass and a fail (a checklist's ok / ng, a yes / no list): a word
 * and its own negation among the column's words (`words`: its cells and its validation list) — 適 / 不適,
 * 合 / 不合, Safe / Unsafe — are the pass and the fail, as a person reads them without a table of either
 * (blind set 19, I7: 適 and 不適 became new items). Null where the word has no partner, or its partner is
 * read as something else (非該当 is not applicable, so 該当 is no pass by it); the list must have both items.
 */
export function negationPairCode(items: readonly VocabItem[], list: VocabListName, word: string, words: readonly string[]): string | null {
  const pass = items.find((i) => i.code === 'ok' || i.code === 'yes')?.code;
  const fail = items.find((i) => i.code === 'ng' || i.code === 'no')?.code;
  if (pass === undefined || fail === undefined) return null;
  const key = wordKey(word);
  if (key === '') return null;
  const unreadOr = (w: string, code: string) => {
    const r = parseVocab(items, list, w);
    return !r.ok || r.value === code;
  };
  const negation = (w: string) => NEGATED_JA.exec(w)?.[1] ?? NEGATED_EN.exec(w)?.[1] ?? null;
  for (const other of words) {
    const k = wordKey(other);
    if (k === '' || k === key) continue;
    if (negation(k) === key && unreadOr(other, fail)) return pass;
    if (negation(key) === k && unreadOr(other, pass)) return fail;
  }
  return null;
}
