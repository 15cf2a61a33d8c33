// 品質不具合: the defects a project finds in its reviews and tests, one row per defect or review 指摘:
// what was found in what, in which phase and by whom, its category, severity and cause (and the phase
// that made it), whether it is a recurrence of one already fixed (the base of 障害再発率), and how and
// when it was fixed. A review record sheet (レビュー記録票, レビュー指摘一覧) is this register: each of its
// 指摘 is a defect found in a review, the figures of a review (不具合検出密度) count them.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { CLOSED_ON, DUE, OWNER, RAISED_BY, RAISED_ON, REF, RESPONSE, STATUS, SUBJECT } from './words.js';

export const defectFields = z.strictObject({
  ref,
  title: text(2000),
  target: text(500),
  phase: text(200),
  category: text(200),
  severity: code,
  cause: text(2000),
  causePhase: text(200),
  recurrence: code,
  foundOn: date,
  foundBy: text(200),
  owner: text(200),
  due: date,
  resolution: text(10000),
  resolvedOn: date,
  status: code,
  extra,
});

export const defect = defineRegister({
  name: 'defect',
  table: 'defects',
  view: 'defects',
  screen: h('品質不具合', 'Defects'),
  exportTitle: h('不具合管理表', 'Defect Log'),
  refPrefix: 'DF-',
  fields: defectFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'resolution',
  lists: {
    'defect.severity': [item('high', '高', 'High'), item('medium', '中', 'Medium'), item('low', '低', 'Low')],
    'defect.recurrence': [item('no', 'なし', 'No'), item('yes', 'あり', 'Yes')],
    'defect.status': [
      item('open', '未対応', 'Open'),
      item('in_progress', '対応中', 'In progress'),
      item('fixed', '確認待ち', 'Fixed'),
      item('closed', '完了', 'Closed', true),
      item('rejected', '対象外', 'Not a defect', true),
    ],
  },
  vocab: {
    severity: { list: 'defect.severity', required: false },
    recurrence: { list: 'defect.recurrence', required: false },
    status: { list: 'defect.status', required: true },
  },
  closing: { status: 'status', closedOn: 'resolvedOn' },
  tracking: { status: 'status', due: 'due', owner: 'owner' },
  columns: {
    ref: { ...h('ID', 'ID'), width: 82, pinned: true },
    title: { ...h('不具合内容', 'Defect'), width: 260, pinned: true },
    status: { ...h('ステータス', 'Status'), width: 100 },
    severity: { ...h('重要度', 'Severity'), width: 80 },
    recurrence: { ...h('再発', 'Recurrence'), width: 70 },
    phase: { ...h('発見工程', 'Phase found'), width: 100 },
    target: { ...h('対象', 'Found in'), width: 140 },
    category: { ...h('不具合分類', 'Category'), width: 110 },
    cause: { ...h('原因', 'Cause'), width: 160, long: true },
    causePhase: { ...h('原因工程', 'Phase caused'), width: 100 },
    foundOn: h('発見日', 'Found on'),
    foundBy: { ...h('発見者', 'Found by'), width: 100 },
    owner: { ...h('対応者', 'Owner'), width: 100 },
    due: h('期限', 'Due'),
    resolution: { ...h('対応内容', 'Resolution'), width: 220, long: true },
    resolvedOn: h('対応日', 'Resolved on'),
  },
  synonyms: {
    ref: [...REF, '不具合番号', '不具合no', '不具合管理no', '指摘番号', '指摘no', 'defect id', 'defect no', 'bug id', 'bug no'],
    title: [
      '不具合内容', '不具合', '発生事象', '現象', '事象', '障害内容', '指摘内容', '指摘事項', '指摘', '指摘項目', '問題点', ['指摘項目問題点', 1], ['内容', 0.8], ['件名', 0.8],
      'defect', 'defect description', 'bug', 'symptom', 'problem', 'finding', 'review comment', 'comment', ['description', 0.8], ['title', 0.9], ['summary', 0.8], ...SUBJECT,
    ],
    target: [
      '対象', '対象機能', '対象画面', '対象成果物', 'レビュー対象', 'レビュー対象ファイル名', 'ドキュメント名', '対象ドキュメント', '機能', '機能名', '画面', '該当箇所', '指摘箇所', '箇所',
      'found in', 'component', 'module', 'document', 'location', 'target', ['feature', 0.9], ['screen', 0.9], ['function', 0.8], 'screen / function',
    ],
    phase: ['発見工程', '工程', 'フェーズ', '検出工程', 'テスト工程', 'レビュー工程', 'phase', 'phase found', 'found in phase', 'detected in', 'stage', ['test phase', 0.9],
      // The stage a test or trial was at (a pharma deviation log's 試験段階: blind set 11, C2).
      '段階', '試験段階', 'テスト段階', '発生段階', '検出段階', 'test stage', 'stage found', 'trial phase', 'study phase'],
    category: ['不具合分類', '指摘分類', '指摘区分', '分類', '区分', '種別', '不具合種別', 'カテゴリ', 'category', 'type', 'defect type', 'classification', ['kind', 0.9]],
    severity: ['重要度', '重大度', '影響度', '深刻度', 'ランク', ['優先度', 0.8], 'severity', 'impact', ['priority', 0.8]],
    cause: ['原因', '原因分類', '発生原因', '原因区分', '根本原因', '真因', '原因内容', '調査結果', 'cause', 'root cause', 'cause category', 'reason'],
    causePhase: ['原因工程', '作り込み工程', '混入工程', '発生工程', 'phase caused', 'phase introduced', 'injected in', 'origin phase'],
    recurrence: ['再発', '再発有無', '再発区分', '再発性', '再発不具合', '類似不具合', '水平展開要否', 'recurrence', 'recurring', 'recurred', 'repeat', 'regression'],
    foundOn: ['発見日', '検出日', '指摘日', ...RAISED_ON, 'found on', 'date found', 'detected on', 'reported date', 'found date', 'detected date'],
    foundBy: ['発見者', '検出者', '指摘者', '指摘者(レビューア)', ...RAISED_BY, 'found by', 'detected by'],
    owner: ['修正担当', '修正者', '調査・対応者', '対応担当', '処置者', '処置担当', ...OWNER, 'fixed by', 'fixer', 'resolved by'],
    due: ['修正期限', '修正予定日', ...DUE],
    resolution: [...RESPONSE, '対応内容', '修正内容', '処置', '処置・対策', '対策', '対応', '処置内容', '対応方針', 'resolution', 'fix', 'correction', 'action taken', 'solution', ['action', 0.8]],
    resolvedOn: ['対応日', '修正日', '対応完了日', '修正完了日', '処置日', '処置完了日', ...CLOSED_ON, 'fixed on', 'date fixed', 'fixed date', 'fix date', 'resolved date'],
    status: [...STATUS, '指摘対応'],
  },
  qualifiers: ['不具合', '障害', 'defect', 'bug'],
  titleWords: ['不具合', '障害', 'バグ', 'defect', 'defects', 'bug', 'bugs'],
  keyWords: 'a defect or review comment column (不具合内容/指摘内容/発生事象/Defect)',
  search: { kind: 8 },
  cards: true,
});
