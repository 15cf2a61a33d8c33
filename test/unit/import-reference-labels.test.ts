// A column that names another record by its number (Redmine's Parent task / 親タスク, Related issue,
// Blocked by) is never the record's own name (blind set 5, K2: Parent task took the name, Subject was
// left out, and every task was named 1203 or nothing).
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet } from '../fixtures/excel/model.js';

function nameColumn(header: string[], rows: (string | number | null)[][], target: 'wbs' | 'issue' = 'wbs'): string | undefined {
  const a = analyzeWorkbook(model(sheet('Issues', [header, ...rows])), target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return a.table.columns.find((c) => c.field === 'name' || c.field === 'title')?.label;
}

describe('a column naming another record', () => {
  const tickets = [
    [1201, 'Shop', 'Feature', null, 'New', 'Normal', 'Checkout redesign', 'Ann'],
    [1203, 'Shop', 'Task', 1201, 'In Progress', 'High', 'Payment form', 'Bob'],
    [1204, 'Shop', 'Task', 1201, 'New', 'Normal', 'Address form', 'Cy'],
    [1210, 'Shop', 'Feature', null, 'New', 'Low', 'Order history', 'Ann'],
    [1211, 'Shop', 'Task', 1210, 'Resolved', 'Normal', 'History list', 'Bob'],
  ];
  const チケット = [
    [1201, '通販', '機能', null, '新規', '通常', '購入画面の刷新', '山田', '2025/07/01', '2025/07/31'],
    [1203, '通販', 'タスク', 1201, '進行中', '高め', '支払フォーム', '佐藤', '2025/07/01', '2025/07/11'],
    [1204, '通販', 'タスク', 1201, '新規', '通常', '住所フォーム', '鈴木', '2025/07/14', '2025/07/25'],
    [1210, '通販', '機能', null, '新規', '低め', '注文履歴', '山田', '2025/08/01', '2025/08/29'],
    [1211, '通販', 'タスク', 1210, '解決', '通常', '履歴一覧', '佐藤', '2025/08/01', '2025/08/15'],
  ];
  for (const parent of ['Parent task', 'Parent issue', 'Related task', 'Blocked by'])
    it(`${parent} is not the name: the subject is`, () => {
      expect(nameColumn(['#', 'Project', 'Tracker', parent, 'Status', 'Priority', 'Subject', 'Assignee'], tickets)).toBe('Subject');
    });
  for (const parent of ['親タスク', '上位タスク', '関連タスク'])
    it(`${parent} is not the name: the 題名 is`, () => {
      expect(nameColumn(['#', 'プロジェクト', 'トラッカー', parent, 'ステータス', '優先度', '題名', '担当者', '開始日', '期日'], チケット)).toBe('題名');
    });
  it('beside the subject, a parent column of ticket numbers stays out of the name', () => {
    const rows = tickets.map(([id, project, tracker, parent, status, , subject, who]) => [id, project, tracker, parent, subject, status, who] as (string | number | null)[]);
    expect(nameColumn(['#', 'Project', 'Tracker', 'Parent task', 'Subject', 'Status', 'Assignee'], rows)).toBe('Subject');
    const 行 = チケット.map(([id, project, tracker, parent, status, , subject, who, start, due]) => [id, project, tracker, parent, subject, status, who, start, due] as (string | number | null)[]);
    expect(nameColumn(['#', 'プロジェクト', 'トラッカー', '親タスク', '題名', 'ステータス', '担当者', '開始日', '期日'], 行)).toBe('題名');
  });
  // Review T1: in a WBS by level columns the parent column holds the phases' names, each row filling
  // either it or the task's column: one name over both, as 大項目 | 中項目 (the phases kept their names).
  for (const [top, sub] of [['親タスク', '子タスク'], ['上位項目', '下位項目'], ['親項目', '子項目'], ['Parent Task', 'Sub Task'], ['Parent Activity', 'Activity']])
    it(`${top} | ${sub} as level columns: one name over both`, () => {
      const a = analyzeWorkbook(
        model(sheet('WBS', [[top, sub, '担当', '開始日', '終了日'], ['要件定義', null, '山田', '2025/07/01', '2025/07/10'], [null, '業務フロー作成', '佐藤', '2025/07/01', '2025/07/04'], [null, '要件定義書作成', '佐藤', '2025/07/07', '2025/07/10'], ['設計', null, '山田', '2025/07/11', '2025/07/18'], [null, '基本設計', '鈴木', '2025/07/11', '2025/07/18']])),
        'wbs',
        { today: '2025-06-15' },
      );
      if (!a.ok) throw new Error(a.reason);
      expect(a.table.columns.find((c) => c.field === 'name')).toMatchObject({ label: top, span: 2 });
      expect(a.table.records.map((r) => [r.values.name, r.parent ?? null])).toEqual([['要件定義', null], ['業務フロー作成', 0], ['要件定義書作成', 0], ['設計', null], ['基本設計', 3]]);
    });
  it('a plain name column still is, whatever stands beside it', () => {
    expect(nameColumn(['No', 'タスク名', '担当'], [[1, '要件定義', '山田'], [2, '基本設計', '佐藤']])).toBe('タスク名');
    expect(nameColumn(['ID', 'Task', 'Owner'], [[1, 'Charter', 'Ann'], [2, 'Kickoff', 'Bob']])).toBe('Task');
  });
});
