// 変更管理表: change requests, their impact on scope, schedule and cost, the decision and its implementation.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { REF } from './words.js';

export const changeFields = z.strictObject({
  ref,
  title: text(500),
  requestedBy: text(200),
  requestedOn: date,
  description: text(10000),
  reason: text(10000),
  impactScope: text(2000),
  impactSchedule: text(2000),
  impactCost: text(2000),
  decision: code,
  decidedBy: text(200),
  decidedOn: date,
  implStatus: code,
  extra,
});

export const change = defineRegister({
  name: 'change',
  table: 'changes',
  view: 'changes',
  screen: h('変更管理表', 'Changes'),
  exportTitle: h('変更管理表', 'Change Log'),
  refPrefix: 'C-',
  fields: changeFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'description',
  lists: {
    'change.decision': [item('approved', '承認', 'Approved'), item('rejected', '却下', 'Rejected'), item('on_hold', '保留', 'On hold')],
    'change.implStatus': [
      item('not_started', '未着手', 'Not started'),
      item('in_progress', '実施中', 'In progress'),
      item('done', '完了', 'Done', true),
      item('cancelled', '中止', 'Cancelled', true),
    ],
  },
  vocab: {
    decision: { list: 'change.decision', required: false },
    implStatus: { list: 'change.implStatus', required: false },
  },
  tracking: { status: 'implStatus', due: null, owner: 'requestedBy' },
  columns: {
    ref: h('ID', 'ID'),
    title: h('件名', 'Change'),
    requestedBy: h('依頼者', 'Requested by'),
    requestedOn: h('依頼日', 'Requested on'),
    description: { ...h('変更内容', 'Description'), long: true },
    reason: { ...h('理由', 'Reason'), long: true },
    impactScope: h('スコープへの影響', 'Impact on scope'),
    impactSchedule: h('スケジュールへの影響', 'Impact on schedule'),
    impactCost: h('コストへの影響', 'Impact on cost'),
    decision: h('判定', 'Decision'),
    decidedBy: h('判定者', 'Decided by'),
    decidedOn: h('判定日', 'Decided on'),
    implStatus: h('実施状況', 'Implementation status'),
  },
  synonyms: {
  ref: [...REF, '変更番号', '変更no', '変更id', '変更管理番号', 'cr no', 'cr#', 'cr id', 'change id', 'change no', 'change #', 'rfc no'],
  title: ['件名', '変更件名', '変更名', 'タイトル', '表題', '変更要求', ['変更内容', 0.7], 'title', 'change', 'change title', 'subject', 'topic', ['summary', 0.8], ['name', 0.8]],
  requestedBy: ['依頼者', '要求者', '申請者', '起票者', '要求元', '要求部署', '依頼部署', '要求部門', '依頼部門', '依頼元', '申請部署', '起案者', '発議者', 'requested by', 'originator', 'initiator', 'requester', 'requestor', 'raised by', 'submitted by', '作成者', '登録者', 'created by', 'opened by', 'author'],
  requestedOn: ['依頼日', '要求日', '申請日', '起票日', '受付日', '起案日', '発議日', 'requested on', 'request date', 'date requested', 'date raised', 'submitted on', '作成日', '登録日', '記入日', '起票年月日', '登録年月日', 'raised on', 'created', 'created on', 'date created', 'created date', 'date logged', 'date opened', 'opened on',
    // A change log's bare Date is the day the change was raised, as a register's is (words.ts RAISED_ON; blind set 15, F2).
    ['date', 0.6]],
  description: ['変更内容', '内容', '詳細', '説明', '概要', 'description', 'detail', 'details', 'change description'],
  reason: ['理由', '変更理由', '背景', '目的', '要求理由', 'reason', 'justification', 'rationale', 'reason for change'],
  impactScope: ['影響範囲', 'スコープへの影響', 'スコープ影響', '範囲', 'impact on scope', 'scope impact', ['scope', 0.8]],
  impactSchedule: ['スケジュールへの影響', 'スケジュール影響', '納期影響', '工期への影響', '納期への影響', 'impact on schedule', 'schedule impact', ['schedule', 0.7]],
  impactCost: ['コストへの影響', 'コスト影響', '費用影響', '費用', '工数影響', '影響額', '影響金額', 'コスト影響額', '費用影響額', '追加費用', '追加コスト', ['金額', 0.8], 'impact on cost', 'cost impact', 'additional cost', ['cost', 0.7],
    // The effort a change adds, in person-days or hours, is what it costs (工数(人日) of an ERP change log: blind set 15, F1).
    '追加工数', '影響工数', '見積工数', '概算工数', '対応工数', ['工数', 0.8], 'effort impact', 'additional effort', 'estimated effort', ['effort', 0.7]],
  decision: ['判定', '決定', '承認', '承認結果', '判断', '可否', '判定結果', 'decision', 'approval', 'approval status'],
  // (Who accepted or signed off the change: blind set 11, C2 — Accepted By was left unread.)
  decidedBy: ['承認者', '判定者', '決定者', '決裁者', 'decided by', 'approved by', 'approver', '承諾者', '検収者', '受入承認者', '確認者', 'accepted by', 'signed off by', 'sign-off by', 'authorised by', 'authorized by'],
  decidedOn: ['承認日', '判定日', '決定日', '決裁日', '承認日付', '判定日付', '決定日付', 'decided on', 'date decided', 'decision date', 'approval date', 'approved on', 'date approved', 'approved date', 'ccb日', 'ccb開催日', 'ccb実施日', 'ccb date', 'cab日', 'cab date', 'ccb', 'cab', '審議日', '審査日', '判定年月日', '承認年月日', 'date of decision'],
  implStatus: ['対応状況', '実施状況', '状態', 'ステータス', '状況', '進捗状況', 'implementation status', 'implementation', 'status'],
  },
  titleWords: ['変更', 'change', 'changes', 'change request'],
  keyWords: 'a change title column (件名/変更件名/Title/Change)',
  search: { kind: 4, text: ['description', 'reason', 'impactScope', 'impactSchedule', 'impactCost', 'requestedBy', 'decidedBy'] },
  cards: true,
});
