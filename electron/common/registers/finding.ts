// 監査指摘: the findings of a project audit (PMO, quality or process audit): what was found, how severe,
// in which area, when it was raised and is due, who corrects it and how, and when the correction was
// verified (the audit closes a finding only once it has checked the corrective action).
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { DUE, OWNER, RAISED_ON, REF, RESPONSE, STATUS } from './words.js';

export const findingFields = z.strictObject({
  ref,
  title: text(2000),
  severity: code,
  area: text(200),
  raisedOn: date,
  due: date,
  owner: text(200),
  action: text(10000),
  status: code,
  verifiedOn: date,
  extra,
});

export const finding = defineRegister({
  name: 'finding',
  table: 'audit_findings',
  view: 'findings',
  screen: h('監査指摘', 'Audit findings'),
  exportTitle: h('監査指摘一覧', 'Audit Findings'),
  refPrefix: 'AF-',
  fields: findingFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'action',
  lists: {
    'finding.severity': [
      item('major', '重大', 'Major'),
      item('minor', '軽微', 'Minor'),
      item('observation', '改善提案', 'Observation'),
    ],
    'finding.status': [
      item('open', '未対応', 'Open'),
      item('in_progress', '是正中', 'In progress'),
      item('corrected', '是正済', 'Corrected'),
      item('verified', '確認済', 'Verified', true),
    ],
  },
  vocab: {
    severity: { list: 'finding.severity', required: false },
    status: { list: 'finding.status', required: true },
  },
  // A finding is closed when the audit has verified its correction: that date is its close.
  closing: { status: 'status', closedOn: 'verifiedOn' },
  tracking: { status: 'status', due: 'due', owner: 'owner' },
  columns: {
    ref: { ...h('ID', 'ID'), width: 82, pinned: true },
    title: { ...h('指摘事項', 'Finding'), width: 260, pinned: true },
    severity: { ...h('重大度', 'Severity'), width: 90 },
    area: { ...h('対象領域', 'Area'), width: 120 },
    raisedOn: h('指摘日', 'Raised on'),
    due: h('是正期限', 'Due'),
    owner: { ...h('是正担当者', 'Owner'), width: 110 },
    action: { ...h('是正処置', 'Corrective action'), width: 240, long: true },
    status: { ...h('ステータス', 'Status'), width: 100 },
    verifiedOn: h('確認日', 'Verified on'),
  },
  synonyms: {
    ref: [...REF, '指摘番号', '指摘no', '監査指摘番号', 'finding id', 'finding no', 'finding #'],
    title: [
      '指摘事項', '指摘内容', '監査指摘', '指摘', '監査所見', '所見', '不適合内容', '不適合事項', '観察事項', ['内容', 0.8], ['件名', 0.8],
      'finding', 'findings', 'audit finding', 'observation', 'nonconformity', 'non-conformity', ['description', 0.8], ['title', 0.9],
    ],
    severity: ['重大度', '重要度', '指摘区分', '指摘ランク', '不適合区分', 'ランク', '評価', 'severity', 'rating', 'grade', 'finding type', ['priority', 0.7], ['category', 0.6]],
    // The control or process a finding is about (J-SOX 統制区分 アクセス管理 / 変更管理, ITGC domains).
    area: ['対象領域', '対象', '対象プロセス', '対象範囲', '領域', '監査項目', '監査対象', 'プロセス', ['機能', 0.9], ['機能名', 0.9], ['業務', 0.8], ['分類', 0.8], 'area', 'process', 'audit area', 'scope', ['subject', 0.8],
      '統制区分', '統制領域', '統制分類', '統制項目', '統制', '業務プロセス', '業務区分', 'プロセス区分', '分野', 'カテゴリ', 'カテゴリー', ['観点', 0.8], ['区分', 0.55],
      'control area', 'control domain', 'control category', 'domain', 'process area', ['category', 0.8], ['control', 0.8], ['topic', 0.8],
      // The department audited (被監査部門, Auditee): where an internal audit's finding belongs (blind set 15, F1).
      '被監査部門', '被監査部署', '被監査組織', '監査対象部門', '監査対象部署', '対象部門', '対象部署', '受審部門', '受審部署', ['部門', 0.8], ['部署', 0.8], ['部門名', 0.8],
      'auditee', 'auditee department', 'audited department', 'audited area', 'audited function', ['department', 0.8], ['dept', 0.8], ['function', 0.8]],
    raisedOn: ['指摘日', '監査日', '監査実施日', ...RAISED_ON, 'audit date', 'date of audit'],
    due: ['是正期限', '是正予定日', '改善期限', ...DUE],
    owner: ['是正担当者', '是正責任者', '改善担当', ...OWNER],
    action: [
      '是正処置', '是正措置', '是正内容', '是正策', '改善策', '改善内容', '対応内容', '対策', '処置', '対応策',
      'corrective action', 'corrective actions', 'action plan', 'remediation', 'management response', ['action', 0.8], ['response', 0.8], ...RESPONSE,
    ],
    status: STATUS,
    // (A bare Verified or 確認済 heads the day the correction was verified, when its cells are dates: blind set 15, F1.)
    verifiedOn: ['確認日', '是正確認日', '有効性確認日', '検証日', 'フォローアップ日', 'verified on', 'verification date', 'date verified', 'follow-up date', ['closed on', 0.8], ['verified', 0.85], ['verification', 0.8], ['有効性確認', 0.8], ['確認済', 0.8]],
  },
  qualifiers: ['監査', 'audit'],
  titleWords: ['監査', '指摘事項一覧', 'audit', 'findings'],
  keyWords: 'a finding column (指摘事項/指摘内容/Finding)',
  search: { kind: 9 },
  cards: true,
});
