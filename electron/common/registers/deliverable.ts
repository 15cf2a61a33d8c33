// 成果物一覧: the project's deliverables (documents, code, reports), who makes them, when they are due,
// and how far they are through review and approval.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { DUE, OWNER, REF, STATUS } from './words.js';

export const deliverableFields = z.strictObject({
  ref,
  title: text(500),
  phase: text(200),
  owner: text(200),
  due: date,
  status: code,
  reviewedOn: date,
  approvedBy: text(200),
  notes: text(10000),
  extra,
});

export const deliverable = defineRegister({
  name: 'deliverable',
  table: 'deliverables',
  view: 'deliverables',
  screen: h('成果物一覧', 'Deliverables'),
  exportTitle: h('成果物一覧', 'Deliverables List'),
  refPrefix: 'D-',
  fields: deliverableFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'notes',
  lists: {
    'deliverable.status': [
      item('not_started', '未着手', 'Not started'),
      item('in_progress', '作成中', 'In progress'),
      item('in_review', 'レビュー中', 'In review'),
      item('returned', '差戻し', 'Returned'),
      item('approved', '承認済', 'Approved', true),
    ],
  },
  vocab: { status: { list: 'deliverable.status', required: true } },
  tracking: { status: 'status', due: 'due', owner: 'owner' },
  columns: {
    ref: { ...h('ID', 'ID'), width: 82, pinned: true },
    title: { ...h('成果物名', 'Deliverable'), width: 240, pinned: true },
    phase: { ...h('工程', 'Phase'), width: 120 },
    owner: { ...h('担当者', 'Owner'), width: 110 },
    due: h('期限', 'Due'),
    status: { ...h('ステータス', 'Status'), width: 100 },
    reviewedOn: h('レビュー日', 'Reviewed on'),
    approvedBy: { ...h('承認者', 'Approved by'), width: 110 },
    notes: { ...h('備考', 'Notes'), width: 240, long: true },
  },
  synonyms: {
    ref: [...REF, '成果物番号', '成果物id', '成果物no', '文書番号', 'ドキュメント番号', 'deliverable id', 'deliverable no', 'document no', 'doc no'],
    title: [
      '成果物', '成果物名', '成果物名称', '納品物', '納品物名', '提出物', 'ドキュメント', 'ドキュメント名', '文書名', '資料名', '成果物一覧', ['名称', 0.9], ['件名', 0.8],
      'deliverable', 'deliverables', 'deliverable name', 'document', 'document name', 'artifact', 'artefact', 'work product', ['name', 0.8], ['title', 0.9],
    ],
    phase: ['工程', 'フェーズ', '作成工程', '対象工程', '段階', ['局面', 0.9], 'phase', 'stage', ['project phase', 1]],
    // Who writes the document: its author, originator (a UK document register's Originator), preparer.
    owner: [...OWNER, '作成者', '作成担当', '作成担当者', '起案者', '執筆者', 'author', 'originator', 'prepared by', 'preparer', 'authored by', 'written by', 'drafted by', 'produced by', 'document owner', 'doc owner'],
    // When the document is to be handed over (issued, submitted, delivered) as planned.
    due: [...DUE, '提出期限', '提出予定日', '納期', '納品予定日', '作成期限', '発行予定日', '発行予定', '提出予定', '納品予定', 'due on', 'submission date', 'planned issue', 'planned issue date', 'issue due', 'target issue date', 'planned submission', 'planned delivery', 'planned date', ['planned', 0.8]],
    status: STATUS,
    reviewedOn: ['レビュー日', 'レビュー実施日', 'レビュー完了日', '査読日', '確認日', 'reviewed on', 'review date', 'date reviewed'],
    approvedBy: ['承認者', '承認', '決裁者', 'approved by', 'approver', 'sign-off', 'signed off by', '検収者', '承諾者', '受入承認者', '確認者', 'accepted by', 'acceptor', 'verified by', 'authorised by', 'authorized by'],
    notes: ['備考', '補足', 'メモ', 'コメント', '特記事項', 'notes', 'note', 'remarks', 'comment', 'comments'],
  },
  titleWords: ['成果物', '納品物', 'deliverable', 'deliverables'],
  keyWords: 'a deliverable name column (成果物/成果物名/ドキュメント名/Deliverable)',
  search: { kind: 6 },
  cards: true,
});
