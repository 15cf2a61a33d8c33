// Import words several registers share (ID, owner, raised/due/closed dates, status), collected from
// real client workbooks (../shared/corpus) and common templates. Compared folded (see excel/synonyms.ts).
import type { Syn } from './descriptor.js';

export const REF: Syn[] = ['no', 'no.', 'ｎｏ', 'id', '#', '番号', ['number', 1, 'whole'], '管理番号', '管理no', '項番', '通番', '連番', ['ref', 0.9], ['key', 0.6], ['item no', 0.9],
  // Serial numbers as English-speaking (Indian, Gulf) trade registers head them: S/N, Sl. No., Sr. No., S. No.
  's/n', 's.n.', 'sl no', 'sl. no', 'sl no.', 'sl. no.', 'sr no', 'sr. no', 'sr no.', 'sr. no.', 's. no', 's. no.', 's.no', 's.no.', 'serial no', 'serial no.', ['serial number', 0.9]];

export const OWNER: Syn[] = ['担当', '担当者', '責任者', '対応者', '主担当', 'オーナー', 'owner', 'assignee', 'assigned to', 'responsible', 'person responsible', 'responsible person', 'actionee', ['action owner', 1], 'action party', 'action by', 'responsible party', 'owner name', ['修正担当', 0.9], ['修正者', 0.9], ['レビューイ', 0.9], ['reviewee', 0.9]];
export const RAISED_ON: Syn[] = ['起票日', 'date logged', '登録日', '作成日', '記入日', '報告日', '受付日', '発見日', '識別日', '発生日', '起票日付', 'date raised', 'raised on', 'date identified', 'identified on', 'date opened', 'opened', 'opened on', 'created', 'created on', 'date created', 'created date', 'reported on', 'date reported', 'raised', '起票年月日', '登録年月日', ['date', 0.6]];
export const RAISED_BY: Syn[] = ['起票者', '登録者', '報告者', '作成者', '記入者', '発見者', '質問者', '識別者', '依頼者', 'raised by', 'reported by', 'identified by', 'created by', 'author', 'requester', '指摘者', 'reviewer', 'レビューア', 'レビュアー', 'レビュワー', 'reporter', 'submitter', 'submitted by', 'opened by', '問合せ者', '問い合わせ者', '申請者', '申告者', 'logged by', 'entered by', 'recorded by', 'filed by', 'originator', 'initiator', 'requestor', ['情報源', 0.5]];
export const DUE: Syn[] = ['期限', '対応期限', '期日', '回答期限', '完了予定日', '完了期限', '解決期限', '締切', '締切日', '締め切り', '対応予定日', 'due', 'due date', 'deadline', 'target date', 'target resolution date', ['終了予定日', 0.8]];
// (A service's 復旧日 / 収束日 / Restored on: the day an incident ended — blind set 9, C8.)
export const CLOSED_ON: Syn[] = ['完了日', '対応完了日', 'クローズ日', '解決日', '終了日', '解消日', '完了年月日', ['回答日', 0.7],
  '復旧日', '復旧完了日', '収束日', '終息日', '回復日', 'restored', 'restored on', 'restored at', 'date restored', 'time restored', 'recovered on', 'recovered at', 'resolved at', 'closed at', 'restoration date', 'closure date', 'closed', 'closed on', 'date closed', 'close date', 'closed date', 'resolved', 'resolved on', 'resolution date', 'completion date', 'date resolved', 'date completed'];
export const STATUS: Syn[] = ['状態', '状況', 'ステータス', '対応状況', '対応状態', '進捗状況', ['進捗', 0.6], 'status', 'state'];
// The record's subject in one line, in the words of logs that record events (a pharma deviation log's
// 逸脱内容, an incident's 事象, an English issue list's Topic): its name, beside a long Description or a
// CAPA column (blind set 11, C1: the title was taken from the response or the description).
// (Below 0.9: such a word alone over a form's label/value pairs — 発生事象 | its sentence — is no table.)
export const SUBJECT: Syn[] = (['topic', 'subject', 'headline', '事象', '発生事象', '逸脱', '逸脱内容', '逸脱事象', '不適合内容', 'deviation', 'deviation description', 'nonconformance', 'non-conformance', 'インシデント内容'] as const).map((w): Syn => [w, 0.85]);
// What is done about the record (its corrective / preventive action, countermeasure): the response,
// never its name (blind set 11, C1: CAPA内容 was taken as the title).
export const RESPONSE: Syn[] = ['capa', 'capa内容', 'capa計画', '是正処置', '是正措置', '是正予防処置', '是正・予防処置', '是正処置内容', '予防処置', '対策', '対策内容', '処置', '処置内容', '措置', '措置内容',
  'corrective action', 'corrective actions', 'corrective and preventive action', 'corrective and preventive actions', 'corrective/preventive action', 'countermeasure', 'countermeasures'];
