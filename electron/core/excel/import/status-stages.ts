// Where a status word stands in a record's life, so a word no list has (回答中, Ready for Retest,
// Assigned, 修正済) is read as the project's item at the same stage (issue 11, blind set 8 B6). Pure.
//
// A record's life runs raised → assigned → worked on → checked → done (→ published), with side states (held, dropped,
// watched) and a way back (reopened, sent back). Every status list of ours names some of these stages
// (an issue's 未着手/対応中/完了, a defect's Open/In progress/Fixed/Closed, a deliverable's 作成中/レビュー中/
// 差戻し/承認済), so a client's word is read at its stage, or at the nearest stage the list has on the word's
// own way (Assigned → the list's raised item where it has no assigned one; Ready for Retest → under way
// where the list has no check stage; 修正済 → done where it has no fixed one).
//
// A word's stage comes from how it is made before any list is looked at: Japanese stage affixes on a
// verb noun (未回答 not begun, 回答中 under way, 回答済 done, 確認待ち awaiting a check, 着手前 not begun),
// English phrases (In Review, Ready for Retest, Awaiting approval, Reopened), and the common workflow
// words of defect and service-desk lifecycles (New, Assigned, Fixed, Verified, Won't Fix).
import type { VocabItem } from '../../../common/registers.js';
import { wordKey } from './value-words.js';

export type Stage = 'raised' | 'assigned' | 'working' | 'checking' | 'done' | 'effective' | 'published' | 'reopened' | 'held' | 'dropped' | 'watching';

// Each word with the stages it is read at, nearest first where the list lacks its own stage.
const RAISED: Stage[] = ['raised', 'assigned'];
const ASSIGNED: Stage[] = ['assigned', 'raised', 'working'];
const WORKING: Stage[] = ['working'];
const CHECKING: Stage[] = ['checking', 'working'];
// Fixed, 修正済: the fix is done and waits for its check; a list with no check stage has it done.
const FIXED: Stage[] = ['checking', 'done'];
const DONE: Stage[] = ['done'];
const REOPENED: Stage[] = ['reopened', 'working'];
// Published, 展開済: done and passed on to others (a lesson shared, a document issued); done where the list stops there.
const PUBLISHED: Stage[] = ['published', 'done'];
// Effective, 有効性確認済: done and its effect checked afterwards (an audit finding's effectiveness review,
// VDA / IATF 8D's last step): after done in a record's life, done where the list stops there (blind set 16, I3).
const EFFECTIVE: Stage[] = ['effective', 'done'];

const WORDS: [Stage[], string[]][] = [
  // (Outstanding: a record raised and not yet dealt with, an audit's open finding; its -ing is no verb of work under way.)
  [RAISED, ['new', 'open', 'opened', 'outstanding', 'unresolved', 'not begun', 'not commenced', 'submitted', 'reported', 'logged', 'raised', 'untriaged', 'triage', 'unconfirmed', 'draft', '下書き', '下書', 'ドラフト', 'not started', 'not yet', 'not yet started', 'yet to start', 'to do', 'todo', 'backlog', 'planned', 'scheduled', 'オープン', '未', '新規', '起票', '起票済', '登録', '登録済', '受付', '未処理', '未対応', '未着手', '未回答']],
  [ASSIGNED, ['assigned', 'acknowledged', 'confirmed', 'triaged', 'accepted for fix', 'アサイン', 'アサイン済', '割当', '割当済', '割り当て', '割り当て済', '担当決定', '受付済']],
  [WORKING, ['in progress', 'fixing', 'working', 'wip', 'active', 'started', 'ongoing', 'doing', 'in development', 'development', 'under way', 'underway', 'on going', 'on-going', 'in work', 'in-work', 'under work', '対応中', '着手', '着手済', '作業中', '実施中', '進行中', '処理中', '調査中', '修正中', '作成中']],
  [FIXED, ['fixed', 'resolved', 'corrected', 'implemented', 'fix ready', '修正済', '修正済み', '修正完了', '対策済', '対策済み', '是正済', '是正済み', '対応済', '対応済み']],
  [CHECKING, ['retest', 'testing', 'in test', 'in testing', 'in qa', 'qa', 'review', 'in review', 'under review', 'in retest', 'verification', 'uat', 'pending', '審議中', '審査中']],
  [DONE, ['closed', 'verified', 'validated', 'validation complete', 'qualified', 'done', 'complete', 'completed', 'finished', 'approved', 'signed off', '完了', 'クローズ', 'クローズ済', '確認済', '確認済み', '検証済', '検証済み', '承認済', '承認済み', '承認', '終了', 'agreed', 'decided', '決定', '決定済', '合意', '合意済',
    // (A record brought to its end — a risk's 終結 — and a client's acceptance as public works and
    // procurement say it — 承諾 —, a text settled — a lesson's 確定, Finalised: issue 11, blind set 17 I6.)
    '終結', '終結済', '終結済み', '承諾', '承諾済', '承諾済み', '確定', '確定済', '確定済み', 'finalized', 'finalised', 'concluded', 'accepted by client',
    // A work's receipt by its client is its acceptance (受理 of a submitted drawing, 受領, 検収 of a delivery,
    // Accepted): the record's end, never its assignment (blind set 18, I5: 受理, the last word of a drawing
    // register's list, was read as not started, and the export wrote it for approved).
    '受理', '受理済', '受理済み', '受領', '受領済', '受領済み', '検収', '検収済', '検収済み', '検収完了', 'accepted', 'accepted by owner',
    // (A board's leave to go ahead: a change authorised, a request granted.)
    'authorized', 'authorised', 'granted', 'sanctioned', '許可', '許可済', '認可', '認可済']],
  // (Delivered, handed over: the work passed on to its client, as a document is issued.)
  [PUBLISHED, ['published', 'delivered', 'handed over', 'handover complete', 'shared', 'distributed', 'disseminated', 'communicated', 'rolled out', 'circulated', 'issued', '公開', '公開済', '公開済み', '展開', '展開済', '展開済み', '水平展開', '水平展開済', '周知', '周知済', '周知済み', '配布済', '配信済', '共有済', '共有済み', '発行済', '発行済み']],
  [EFFECTIVE, ['effective', 'effectiveness verified', 'effectiveness confirmed', 'effectiveness checked', 'effectiveness approved', 'verified effective', 'closed effective', 'proven effective', '有効性確認済', '有効性確認済み', '有効性確認完了', '効果確認済', '効果確認済み', '効果確認完了', '有効性評価済']],
  [REOPENED, ['reopened', 're-opened', 'reopen', 'reactivated', 'returned', 'sent back', 'rework', 'failed retest', 'retest failed', '再オープン', '再発', '差戻し', '差し戻し', '差戻', '再修正',
    // A document back from its review with comments to work in (a document register's Comments Received).
    'revise and resubmit', 'resubmit', 'changes requested', 'revision required', 'rework required', 'needs rework', 'not approved', 'rejected with comments',
    'コメント受領', 'コメントあり', 'コメント有', '指摘あり', '指摘有', '指摘受領', '修正依頼', '修正依頼中', '要修正', '再提出', '再提出待ち', '要再提出']],
  // (保: 保留 cut to one character, beside 未 / 中 / 済 — blind set 18, I5: it was read as done.)
  [['held'], ['on hold', 'hold', '保', 'deferred', 'postponed', 'blocked', 'waiting', 'suspended', '保留', '延期', '中断', '待機', 'ブロック', '一時停止', 'parked', 'shelved', 'on ice', 'frozen', 'paused', '凍結', '棚上げ']],
  [['dropped'], ['superseded', 'replaced', '差替', '差し替え', 'rejected', 'not a bug', 'not a defect', 'duplicate', "won't fix", 'wont fix', 'cannot reproduce', "can't reproduce", 'not reproducible', 'invalid', 'works as designed', 'as designed', 'by design', 'withdrawn', 'cancelled', 'canceled', 'obsolete', '対象外', '却下', '重複', '取下げ', '取り下げ', '中止', '仕様', '仕様通り', '再現せず', '再現不可', '不要',
    'dropped', 'drop', 'void', 'voided', 'terminated', 'scrapped', 'called off', 'abandoned', '取止め', '取り止め', '取りやめ', '取下', '撤回', 'キャンセル', '取消', '取り消し',
    // (A board's no: refused, denied, declined, 否決, 不承認.)
    'refused', 'denied', 'declined', 'disapproved', '否決', '不承認', '非承認', '不許可', '不認可']],
  [['watching'], ['monitoring', 'monitor', 'watch', 'watching', '監視', '経過観察', '様子見']],
];
const TABLE = new Map<string, Stage[]>(WORDS.flatMap(([stages, words]) => words.map((w) => [wordKey(w), stages] as [string, Stage[]])));

// What the work waits to be supplied with (部品待ち, 入荷待ち, Awaiting parts): the record is under way, its fix
// begun and waiting on the parts, not held by a decision (blind set 13, I4: 部品待ち became a new list word).
const SUPPLY = /^(?:部品|部材|資材|材料|機材|交換部品|代替品|入荷|納品|入庫|到着|調達|手配|parts?|spares?|spare parts|materials?|delivery|supplies|stock)$/iu;

// What a check is made of: a word after 待ち/中/済 or In/Ready for/Awaiting that names one makes the stage a check.
const CHECK = /^(?:確認|検証|テスト|試験|再テスト|再試験|レビュー|承認|検収|受入|受け入れ|判定|審査|査読|査閲|照査|検図|検査|リリース|re-?test(?:ing)?|test(?:ing)?|qa|uat|review|verification|validation|approval|sign-?off|acceptance|release|deployment|comments?|checking|information|acceptance|check|inspection|audit)$/u;
/** X or its last word a check (Pending Effectiveness Check, In Final Review, Awaiting Client Approval). */
const checks = (x: string) => CHECK.test(x) || CHECK.test(x.split(/\s+/).pop()!);
// (照査, 検図: a design's check by another engineer, as drawing and civil-works registers name it.)
/**
 * A Japanese stem whose last word names a check (効果確認, 最終確認, 動作検証, 顧客承認): 効果確認待ち waits
 * for the check of a fix made, 効果確認中 is in it (blind set 17, I6: 効果確認待ち became a new item).
 */
const checksJa = (x: string) => CHECK.test(x) || /(?:確認|検証|テスト|試験|レビュー|承認|検収|判定|審査|査閲|照査|検図|検査)$/u.test(x);
/**
 * What a record waits for before its work starts: its plan or response (計画待ち, 是正計画待ち, 対策立案待ち,
 * 方針待ち): raised, nothing done yet (blind set 17, I6: 計画待ち became a new item).
 */
const PLAN_JA = /(?:計画|立案|方針|対策案|処置案|回答案|指示|割当|割り当て|アサイン)$/u;
// What a fix is made of: its 済 is fixed, not done, where the list has a check stage.
const FIX = /^(?:修正|是正|対策|改修|回避)$/u;

/** The stages a status word is read at, nearest first; null when the word says nothing of a stage. */
export function wordStages(word: string): Stage[] | null {
  const key = wordKey(word);
  if (key === '') return null;
  const known = TABLE.get(key);
  if (known) return known;
  return japaneseStages(key.replace(/\s+/g, '')) ?? englishStages(key);
}

/** Whether the word is one the stage tables know as a whole (its own meaning), not read by its affixes. */
export function knownStageWord(word: string): boolean {
  return TABLE.has(wordKey(word));
}

/** 未X / X前 not begun, X中 under way, X済 / X完了 done, X待ち waiting: the stem's own stage first (保留中 is held). */
function japaneseStages(key: string): Stage[] | null {
  const own = (stem: string) => TABLE.get(wordKey(stem))?.[0];
  let m = /^未(.+)$/u.exec(key);
  if (m) return RAISED;
  m = /^(.+?)前$/u.exec(key);
  if (m) return checksJa(m[1]!) ? WORKING : RAISED;
  // Asked for or handed over for a check (レビュー依頼中, 承認申請中, 提出済): the check is under way.
  m = /^(.+?)(?:依頼|申請)(?:中|済み?)?$/u.exec(key);
  if (m && checksJa(m[1]!)) return CHECKING;
  if (/^(?:提出|送付|回付)(?:済み?)?$/u.test(key)) return CHECKING;
  m = /^(.+?)(?:中|途中)$/u.exec(key);
  if (m) {
    const stem = own(m[1]!);
    if (stem === 'held' || stem === 'dropped' || stem === 'watching') return [stem];
    return checksJa(m[1]!) ? CHECKING : WORKING;
  }
  m = /^(.+?)(?:済み?|完了|了)$/u.exec(key);
  if (m) return FIX.test(m[1]!) ? FIXED : DONE;
  m = /^(.+?)待ち?$/u.exec(key);
  if (m) return checksJa(m[1]!) ? CHECKING : /^(?:回答|返答|返信|連絡|着手|対応)$/u.test(m[1]!) || PLAN_JA.test(m[1]!) ? RAISED : SUPPLY.test(m[1]!) ? WORKING : ['held'];
  return null;
}

/** A record's plan of work handed in or agreed: a corrective action plan (CAP), an action plan, a response. */
const PLAN_IN = /^(?:cap|corrective action plan|action plan|plan|response|management response|remediation plan|rca)\s+(?:submitted|received|provided|agreed|accepted|approved|in place)$/u;

/**
 * In X / Under X, Ready for X, Awaiting / Pending / Waiting for X, Re-X; a document's stages: Issued /
 * Submitted / Sent for X and For X (handed over for its review: Issued for Review, For Approval), Comments
 * Received / Returned (back from the review to be reworked), Approved with Comments (approved).
 */
function englishStages(key: string): Stage[] | null {
  // The plan for the work handed in or agreed (CAP submitted, Action plan approved, Response received): the
  // work is under way, its plan accepted, not the record done (blind set 15: CAP submitted became a new item).
  if (PLAN_IN.test(key)) return WORKING;
  let m = /^(?:in|under|being|currently in)\s+(.+)$/u.exec(key);
  if (m) return checks(m[1]!) ? CHECKING : WORKING;
  m = /^(?:(?:issued|submitted|sent|passed|released|circulated|forwarded|out)\s+)?(?:for|to)\s+(.+)$/u.exec(key);
  if (m && checks(m[1]!)) return CHECKING;
  if (/^(?:(?:review|client|reviewer'?s?)\s+)?(?:comments?|feedback|remarks?|mark-?ups?)\s+(?:received|returned|issued|back|provided|given|outstanding|to (?:address|incorporate))$/u.test(key)) return REOPENED;
  if (/^approved\s+(?:with|subject to)\s+/u.test(key)) return DONE;
  m = /^(?:ready for|ready to|pending|awaiting|waiting for|waiting on|to be)\s+(.+)$/u.exec(key);
  if (m) return checks(m[1]!) ? CHECKING : /^(?:dev|development|work|fix|start|assignment|triage|(?:an? )?(?:(?:corrective )?action )?plan|cap|response|owner)$/u.test(m[1]!) ? RAISED : SUPPLY.test(m[1]!) ? WORKING : ['held'];
  if (/^re-?(?:open|opened|activated)$/u.test(key)) return REOPENED;
  // One verb in -ing no list has (Mobilising, Fabricating, Installing; Reviewing): the work under way, or its check.
  m = /^([a-z]{3,})ing$/u.exec(key);
  if (m) return checks(m[1]!) || checks(key) ? CHECKING : WORKING;
  return null;
}

/** The stage an item of a list stands for: its code's, else its English or Japanese label's. */
export function itemStage(item: VocabItem): Stage | null {
  for (const w of [item.code, item.labelEn, item.labelJa]) {
    const s = w === '' ? null : wordStages(w);
    if (s) return s[0]!;
  }
  return null;
}

/**
 * The item of a status list a word stands at the stage of: at the word's own stage, else at the nearest
 * one on its way that the list has. Null where the list is no lifecycle (none of its items is raised or
 * under way: a decision's 承認/却下/保留), where the word has no stage, or where two items share the
 * stage and neither is the word's nearer (by its shared characters, else done's closed item): the user
 * then chooses.
 */
export function stageCode(items: readonly VocabItem[], word: string): string | null {
  const stages = wordStages(word);
  if (!stages) return null;
  const byItem = items.map((i) => ({ item: i, stage: itemStage(i) }));
  if (!byItem.some((x) => x.stage === 'raised' || x.stage === 'working')) return null;
  for (const stage of stages) {
    const at = byItem.filter((x) => x.stage === stage).map((x) => x.item);
    if (at.length === 1) return at[0]!.code;
    if (at.length > 1) return nearer(at, word) ?? (stage === 'done' ? (at.filter((i) => i.closed).length === 1 ? at.find((i) => i.closed)!.code : null) : null);
  }
  return null;
}

/**
 * The item of a decision's list (no item raised or under way: a change's 承認 / 却下 / 保留) a word stands for
 * by its own stage: a yes is the list's one done item, a no its one dropped item, a wait its one held item
 * (Authorized, Refused, Deferred under a board's outcome: blind set 19, I3 — the column kept silently while
 * every change's decision stayed empty). Null for a list that is a record's life (stageCode reads those),
 * a word of work under way or raised, or a stage two items or none share.
 */
export function decisionCode(items: readonly VocabItem[], word: string): string | null {
  const stage = wordStages(word)?.[0];
  if (stage !== 'done' && stage !== 'dropped' && stage !== 'held') return null;
  const byItem = items.map((i) => ({ item: i, stage: itemStage(i) }));
  if (byItem.some((x) => x.stage === 'raised' || x.stage === 'working')) return null;
  const at = byItem.filter((x) => x.stage === stage);
  return at.length === 1 ? at[0]!.item.code : null;
}

/** The one item whose labels share the most characters with the word; null on a tie. */
function nearer(items: readonly VocabItem[], word: string): string | null {
  const chars = new Set([...wordKey(word)]);
  const score = (i: VocabItem) => Math.max(...[i.labelJa, i.labelEn].map((l) => [...new Set([...wordKey(l)])].filter((ch) => chars.has(ch) && ch !== ' ').length));
  const ranked = items.map((i) => ({ code: i.code, s: score(i) })).sort((a, b) => b.s - a.s);
  return ranked[0]!.s > 0 && ranked[0]!.s > ranked[1]!.s ? ranked[0]!.code : null;
}

/** A WBS status for a stage (a plan's task has no check or hand-over of its own: under way, done). */
const WBS_OF_STAGE: Record<Stage, 'not_started' | 'in_progress' | 'done' | 'on_hold' | 'cancelled'> = {
  raised: 'not_started',
  assigned: 'not_started',
  working: 'in_progress',
  checking: 'in_progress',
  reopened: 'in_progress',
  watching: 'in_progress',
  done: 'done',
  published: 'done',
  effective: 'done',
  held: 'on_hold',
  dropped: 'cancelled',
};

/**
 * A WBS status word no status list has, read at its stage: 施工中 under way, 未施工 / 着工前 not begun,
 * 施工済 done, Delivered done (unseen sets 12–14: a construction schedule's statuses were refused and the
 * tasks lost them). Null where the word says nothing of a stage.
 */
export function wbsStatusOfStage(word: string): 'not_started' | 'in_progress' | 'done' | 'on_hold' | 'cancelled' | null {
  const stages = wordStages(word);
  return stages ? WBS_OF_STAGE[stages[0]!] : null;
}

/** The stages along a record's way, in their order (side states — held, dropped, watched, reopened — are off it). */
const WAY: readonly Stage[] = ['raised', 'assigned', 'working', 'checking', 'done', 'effective', 'published'];

/** Where a stage stands on a record's way (0 raised …), or null for a side state. */
export function wayRank(stage: Stage | null): number | null {
  const at = stage === null ? -1 : WAY.indexOf(stage);
  return at < 0 ? null : at;
}

/** Where a status word's own stage stands on a record's way, or null (no stage, or a side state). */
export function wordRank(word: string): number | null {
  return wayRank(wordStages(word)?.[0] ?? null);
}
