// 課題管理表: issues, action items (a meeting's アクション), questions, requests, defects.
import { z } from 'zod';
import { id, text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, rating, ref } from './descriptor.js';
import { CLOSED_ON, DUE, OWNER, RAISED_BY, RAISED_ON, REF, RESPONSE, STATUS, SUBJECT } from './words.js';

export const issueFields = z.strictObject({
  ref,
  kind: code,
  title: text(500),
  detail: text(10000),
  priority: code,
  owner: text(200),
  raisedOn: date,
  raisedBy: text(200),
  due: date,
  status: code,
  resolution: text(10000),
  closedOn: date,
  /** The meeting whose action item this is; must be a meeting of the same project. */
  meetingId: id.nullable(),
  extra,
});

export const issue = defineRegister({
  name: 'issue',
  table: 'issues',
  view: 'issues',
  screen: h('課題管理表', 'Issues & actions'),
  exportTitle: h('課題管理表', 'Issue Log'),
  refPrefix: 'I-',
  fields: issueFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'detail',
  lists: {
    'issue.kind': [
      item('issue', '課題', 'Issue'),
      item('action', 'アクション', 'Action'),
      item('question', '質問', 'Question'),
      item('request', '要望', 'Request'),
      item('defect', '不具合', 'Defect'),
      // An item the client or management has to decide: the weekly report lists the open ones (判断事項).
      item('decision', '要判断', 'Decision needed'),
    ],
    'issue.priority': [item('high', '高', 'High'), item('medium', '中', 'Medium'), item('low', '低', 'Low')],
    'issue.status': [
      item('not_started', '未着手', 'Not started'),
      item('in_progress', '対応中', 'In progress'),
      item('done', '完了', 'Done', true),
      item('on_hold', '保留', 'On hold'),
      item('cancelled', '中止', 'Cancelled', true),
    ],
  },
  vocab: {
    kind: { list: 'issue.kind', required: true },
    priority: { list: 'issue.priority', required: false },
    status: { list: 'issue.status', required: true },
  },
  closing: { status: 'status', closedOn: 'closedOn' },
  tracking: { status: 'status', due: 'due', owner: 'owner' },
  columns: {
    ref: h('ID', 'ID'),
    kind: h('種別', 'Kind'),
    title: h('件名', 'Title'),
    priority: h('優先度', 'Priority'),
    status: h('ステータス', 'Status'),
    owner: h('担当者', 'Owner'),
    due: h('期限', 'Due'),
    ageDays: h('経過日数', 'Age (days)'),
    detail: { ...h('詳細', 'Detail'), long: true },
    resolution: { ...h('対応結果', 'Resolution'), long: true },
    raisedOn: h('起票日', 'Raised on'),
    raisedBy: h('起票者', 'Raised by'),
    closedOn: h('完了日', 'Closed on'),
  },
  derived: { ageDays: 'number' },
  synonyms: {
  ref: [...REF, '課題番号', '課題no', '課題id', 'issue id', 'issue no', 'issue #', 'issue number'],
  kind: ['種別', '種類', 'タイプ', '課題種別', '課題区分', '指摘分類', ['区分', 0.8], ['分類', 0.7], 'type', 'kind', 'issue type', ['category', 0.6]],
  title: ['課題', '課題名', '件名', 'タイトル', '表題', '課題タイトル', '懸案事項', '懸案', '課題事項', '質問事項', '指摘内容', '指摘事項', '指摘', '指摘項目', '問題点', '問題', ['指摘項目問題点', 1], ['課題内容', 0.9], ['質問', 0.8], ['項目', 0.7], 'issue', 'title', 'subject', 'issue title', 'finding', 'findings', ['query', 0.9], ['question', 0.9], ['summary', 0.8], ['name', 0.8],
    // The issue stated in one line.
    '課題タイトル名', '問題事項', 'issue name', 'issue summary', 'issue headline', 'issue statement', 'problem statement', 'problem', 'problem summary',
    // An action list's item (a meeting's action items, ToDo, 宿題): the title where no issue column
    // stands beside it; beside one, アクション / Action is the response (resolution, below). Only as the
    // whole label: Next Action, Corrective Action, 次のアクション are an issue's response (review U3).
    'アクションアイテム', 'アクション項目', 'アクション内容', ['アクション', 0.9, 'whole'], 'action item', 'action items', 'action item description', ['action', 0.85, 'whole'],
    'todo', 'to do', 'to-do', 'todo内容', 'todo事項', 'todo項目', '宿題', '宿題事項', '宿題内容', ['依頼事項', 0.9], ...SUBJECT],
  detail: ['課題内容', '内容', '詳細', '課題詳細', '説明', '概要', '詳細内容', '質問内容', 'description', 'detail', 'details', 'issue description'],
  // How severe the matter is grades it as a priority does where the log has no severity of its own (a
  // vulnerability list's 深刻度 緊急/重要/警告/注意, an incident's Severity: blind set 10, C3).
  priority: ['優先度', '優先順位', '重要度', '緊急度', '重要性', ['順位', 0.8], ['ランク', 0.8], 'priority', 'importance', ['rank', 0.8], ['urgency', 0.8],
    '深刻度', '重大度', '重篤度', '危険度', '対応優先度', '優先区分', ['severity', 0.85], ['severity level', 0.85], ['criticality', 0.85], ['impact level', 0.6]],
  // (A decision log's Decided By: whose the decision is.)
  owner: [...OWNER, '回答者', ['decided by', 0.8], ['decision owner', 0.9], ['decision maker', 0.85], ['決定者', 0.8], ['判断者', 0.8]],
  raisedOn: RAISED_ON,
  raisedBy: RAISED_BY,
  due: DUE,
  status: STATUS,
  ageDays: ['経過日数', '経過', 'age', 'age (days)', 'days open'],
  resolution: [...RESPONSE, '対応', '対応内容', '対応策', '対策', '回答', '回答内容', '解決策', '対応詳細', '対応結果', '対処', '対処内容', '結論', '処置', '処置対策', ['決定事項', 0.8], ['対策方針', 0.8], ['アクション', 0.7], 'resolution', 'response', 'answer', 'action taken', 'actions taken', ['actions', 0.8], ['action', 0.7], 'solution', ['decision', 0.7], ['next steps', 0.65], ['next step', 0.65], ['next action', 0.65], ['next actions', 0.65], ['今後の対応', 0.9], ['次のアクション', 0.9]],
  closedOn: CLOSED_ON,
  },
  qualifiers: ['課題', 'issue'],
  titleWords: ['課題', '懸案', '問題管理', 'issue', 'issues', 'action', 'actions', 'アクション', 'q&a', '質問', '質疑', '問合せ', '問い合わせ', '宿題', '持ち帰り', 'todo', 'to do', 'to-do', 'action item', 'action items'],
  keyWords: 'an issue title column (課題/課題名/件名/Issue/Title)',
  search: { kind: 3, text: ['detail', 'owner', 'raisedBy', 'resolution'] },
  cards: true,
});
