// 品質チェックリスト: the quality checks of a project (test and review checklists, self-checks of a
// deliverable): each item, its phase and category, what to check, the result (OK/NG/対象外), who checked
// it when, the evidence, and the issue an NG led to.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { REF } from './words.js';

export const checklistFields = z.strictObject({
  ref,
  title: text(500),
  phase: text(200),
  category: text(200),
  detail: text(10000),
  result: code,
  checkedBy: text(200),
  checkedOn: date,
  evidence: text(10000),
  /** The ID of the issue an NG result was raised as (I-012), as people write it. */
  issueRef: text(50),
  extra,
});

export const checklist = defineRegister({
  name: 'checklist',
  table: 'checklist_items',
  view: 'checklist',
  screen: h('品質チェックリスト', 'Quality checklist'),
  exportTitle: h('品質チェックリスト', 'Quality Checklist'),
  refPrefix: 'Q-',
  fields: checklistFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'detail',
  lists: {
    'checklist.result': [item('ok', 'OK', 'OK', true), item('ng', 'NG', 'NG'), item('na', '対象外', 'N/A', true)],
  },
  vocab: { result: { list: 'checklist.result', required: false } },
  // Open = not checked yet or NG; nothing is due by a date of its own.
  tracking: { status: 'result', due: null, owner: 'checkedBy' },
  columns: {
    ref: { ...h('ID', 'ID'), width: 82, pinned: true },
    title: { ...h('チェック項目', 'Check item'), width: 240, pinned: true },
    phase: { ...h('工程', 'Phase'), width: 110 },
    category: { ...h('分類', 'Category'), width: 110 },
    detail: { ...h('チェック内容', 'What to check'), width: 260, long: true },
    result: { ...h('結果', 'Result'), width: 84 },
    checkedBy: { ...h('確認者', 'Checked by'), width: 110 },
    checkedOn: h('確認日', 'Checked on'),
    evidence: { ...h('エビデンス', 'Evidence'), width: 200, long: true },
    issueRef: { ...h('関連課題', 'Linked issue'), width: 96 },
  },
  synonyms: {
    ref: [...REF, 'チェックno', 'チェック番号', '確認番号', 'check no', 'check id', 'item id'],
    title: [
      'チェック項目', '確認項目', '点検項目', 'チェックポイント', '確認事項', 'チェック対象', 'テスト項目', ['項目', 0.8], ['内容', 0.8], ['項目名', 0.8],
      'check item', 'checkpoint', 'check point', 'checklist item', 'check', ['item', 0.8], ['test item', 0.9],
    ],
    phase: ['工程', 'フェーズ', '対象工程', 'テスト工程', '段階', 'phase', 'stage'],
    category: ['分類', '大分類', 'カテゴリ', 'カテゴリー', '区分', '観点', 'チェック観点', '種別', 'category', 'area', ['type', 0.8]],
    detail: [
      'チェック内容', '確認内容', '確認方法', '点検内容', '期待結果', '期待値', '期待される結果', '判定基準', '効果', ['詳細', 0.8], ['説明', 0.8],
      'what to check', 'check detail', 'check content', 'expected result', 'expected', 'criteria', 'acceptance criteria', ['description', 0.8],
    ],
    result: ['結果', '判定', '成否', '合否', 'チェック結果', '確認結果', '判定結果', '可否', 'result', 'ok/ng', 'pass/fail', 'outcome', ['status', 0.7]],
    checkedBy: ['確認者', 'チェック者', '実施者', '点検者', '検査者', '判定者', ['担当者', 0.8], 'checked by', 'checker', 'reviewer', 'tester', 'performed by'],
    checkedOn: ['確認日', 'チェック日', '実施日', '点検日', '検査日', '判定日', 'checked on', 'date checked', 'check date', 'performed on', ['date', 0.6]],
    evidence: ['エビデンス', '証跡', '根拠', '確認結果詳細', ['コメント', 0.8], ['備考', 0.8], ['補足', 0.7], 'evidence', 'proof', ['comment', 0.8], ['comments', 0.8], ['remarks', 0.8], ['notes', 0.7]],
    issueRef: ['関連課題', '課題番号', '関連課題番号', '課題no', '不具合番号', '起票番号', 'linked issue', 'issue id', 'issue no', 'related issue'],
  },
  titleWords: ['チェックリスト', 'チェック表', '確認表', 'checklist', 'check list'],
  keyWords: 'a check item column (チェック項目/確認項目/Check item)',
  search: { kind: 7 },
  cards: true,
});
