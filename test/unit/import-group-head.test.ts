// A label merged across several columns over their own sub-heads (指摘 over 件数 | 密度 | 基準値, 対応 over
// 担当 | 期限, Planned over Start | End) names a group of columns, never a field itself: the header goes on
// to the sub-heads' row (it is never taken as the first record), and each column is named by its own
// word, the label only qualifying it (issue 11; blind set 10, R2: 指摘 over three numeric columns was
// taken as an issue's title and the sub-heads' row as the first issue).
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function analyze(rows: ModelCell[][], target: ImportTarget, merges: string[]) {
  return analyzeWorkbook(model(sheet('Sheet1', rows, merges)), target, { today: '2025-06-15' });
}
function read(rows: ModelCell[][], target: ImportTarget, merges: string[]) {
  const a = analyze(rows, target, merges);
  if (!a.ok) throw new Error(a.reason);
  const fieldAt = (field: string) => a.table.columns.find((m) => m.field === field)?.column;
  return { table: a.table, fieldAt };
}

describe('a merged group head over sub-heads is a group label (blind set 10, R2)', () => {
  it('JA issue log: 対応 over 担当 | 期限 beside 課題 merged down — the header is two rows, 担当 the owner, 期限 the due date', () => {
    const rows: ModelCell[][] = [
      ['課題管理表'],
      [],
      ['No', '課題', '起票日', '対応', null, '状況'],
      [null, null, null, '担当', '期限', null],
      [1, '帳票レイアウトの承認が遅れている', d('2025-05-01'), '山田', d('2025-05-20'), '対応中'],
      [2, 'テスト環境のデータが不足', d('2025-05-08'), '佐藤', d('2025-05-30'), '未着手'],
      [3, '移行手順書のレビュー者が未定', d('2025-05-12'), '鈴木', d('2025-06-06'), '完了'],
    ];
    const merges = ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4'];
    const { table, fieldAt } = read(rows, 'issue', merges);
    expect(table.header).toEqual({ top: 3, bottom: 4 });
    expect(fieldAt('title')).toBe('B');
    expect(fieldAt('owner')).toBe('D');
    expect(fieldAt('due')).toBe('E');
    expect(table.columns.some((m) => m.field === 'resolution')).toBe(false);
    expect(table.records.map((r) => r.row)).toEqual([5, 6, 7]);
  });

  it('EN plan: Planned over Start | End and Actual over Start | End — four dates, the sub-heads no task', () => {
    const rows: ModelCell[][] = [
      ['ID', 'Task', 'Planned', null, 'Actual', null, 'Owner'],
      [null, null, 'Start', 'End', 'Start', 'End', null],
      ['1', 'Confirm scope with the client', d('2025-04-01'), d('2025-04-04'), d('2025-04-01'), d('2025-04-07'), 'Ann Lee'],
      ['2', 'Write the test plan', d('2025-04-07'), d('2025-04-18'), d('2025-04-08'), null, 'Raj Iyer'],
      ['3', 'Set up the test environment', d('2025-04-14'), d('2025-04-25'), null, null, 'Ann Lee'],
    ];
    const merges = ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:G2'];
    const { table, fieldAt } = read(rows, 'wbs', merges);
    expect(table.header).toEqual({ top: 1, bottom: 2 });
    expect([fieldAt('plannedStart'), fieldAt('plannedFinish'), fieldAt('actualStart'), fieldAt('actualFinish')]).toEqual(['C', 'D', 'E', 'F']);
    expect(table.records.map((r) => r.values.name)).toEqual(['Confirm scope with the client', 'Write the test plan', 'Set up the test environment']);
  });

  // A metrics sheet (品質管理表: counts under 指摘, Issues over Count | Density | Target) holds no register:
  // its group head is never an issue's title over a row of numbers.
  const metrics: [string, ModelCell[][], string[]][] = [
    [
      'JA 指摘 over 件数 | 密度 | 基準値',
      [
        ['品質管理表（工程別 品質指標）'],
        ['プロジェクト名：物流WMS再構築　　基準日：2025/6/30'],
        [],
        ['工程', '規模', 'レビュー', null, null, '指摘', null, null, '判定', '評価コメント'],
        [null, null, '工数(h)', '密度(h/頁)', '基準値', '件数', '密度(件/頁)', '基準値', null, null],
        ['要件定義', 120, 96, 0.8, '0.6～1.0', 84, 0.7, '0.5～0.9', '○', '基準内。業務要件の指摘が中心。'],
        ['基本設計', 340, 210, 0.62, '0.6～1.0', 402, 1.18, '0.5～0.9', '×', '指摘密度が上限超過。'],
        ['詳細設計', 520, 390, 0.75, '0.6～1.0', 310, 0.6, '0.5～0.9', '○', null],
        ['製造', 48, 160, 3.33, '3.0～5.0', 140, 2.92, '2.0～4.0', '○', '規模はKS'],
      ],
      ['A4:A5', 'B4:B5', 'C4:E4', 'F4:H4', 'I4:I5', 'J4:J5'],
    ],
    [
      'EN Issues over Count | Density | Target',
      [
        ['Quality metrics by phase'],
        [],
        ['Phase', 'Size', 'Issues', null, null, 'Verdict', 'Comment'],
        [null, null, 'Count', 'Density', 'Target', null, null],
        ['Requirements', 120, 84, 0.7, '0.5-0.9', 'OK', 'Within range, mostly business rules.'],
        ['Basic design', 340, 402, 1.18, '0.5-0.9', 'NG', 'Density above the upper limit.'],
        ['Detailed design', 520, 310, 0.6, '0.5-0.9', 'OK', null],
        ['Build', 48, 140, 2.92, '2.0-4.0', 'OK', 'Size in KLOC'],
      ],
      ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4'],
    ],
  ];
  for (const [name, rows, merges] of metrics)
    it(`${name}: the group head is no issue title, the sub-heads' row no issue`, () => {
      const a = analyze(rows, 'issue', merges);
      if (!a.ok) return expect(a.reason).toMatch(/No table/);
      const title = a.table.columns.find((m) => m.field === 'title')!;
      expect(title.span).toBe(1);
      expect(a.table.records.every((r) => typeof r.values.title !== 'string' || !/^\d+$/.test(r.values.title))).toBe(true);
      expect(a.table.header.bottom).toBe(a.table.header.top + 1);
    });

  it('a title merged across its columns over records merged alike (方眼紙) is still the title: one value under it is data, not sub-heads', () => {
    const rows: ModelCell[][] = [
      ['No', '件名', null, null, '担当', '期限'],
      [1, 'ログイン画面の文言を修正する', null, null, '山田', d('2025-05-20')],
      [2, '帳票の罫線がずれる', null, null, '佐藤', d('2025-05-30')],
      [3, 'CSV出力で文字化けする', null, null, '鈴木', d('2025-06-06')],
    ];
    const merges = ['B1:D1', 'B2:D2', 'B3:D3', 'B4:D4'];
    const { table, fieldAt } = read(rows, 'issue', merges);
    expect(fieldAt('title')).toBe('B:D');
    expect(table.header).toEqual({ top: 1, bottom: 1 });
    expect(table.records).toHaveLength(3);
  });
});
