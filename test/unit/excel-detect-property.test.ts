// What is imported from a table does not depend on where it stands or what stands around it: shuffling
// its columns, a title block above it, a blank row inside it, or a second table beside it never change
// the records read. Checked with fast-check on generated sheets (sheet models built directly).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const COLUMNS = [
  { head: 'No', cell: (i: number) => i + 1 },
  { head: 'タスク名', cell: (_: number, r: Rec) => r.name },
  { head: '担当者', cell: (_: number, r: Rec) => r.owner },
  { head: '開始日', cell: (_: number, r: Rec) => new Date(Date.UTC(2025, 3, r.start)) },
  { head: '終了日', cell: (_: number, r: Rec) => new Date(Date.UTC(2025, 3, r.start + r.days)) },
  { head: '状況', cell: (_: number, r: Rec) => r.status },
] as const;

interface Rec {
  name: string;
  owner: string;
  start: number;
  days: number;
  status: string;
}

const record = fc.record({
  name: fc.constantFrom('要件定義', '基本設計', '詳細設計', '製造', '単体テスト', '結合テスト', '移行', '研修'),
  owner: fc.constantFrom('山田', '佐藤', '鈴木', '高橋'),
  start: fc.integer({ min: 1, max: 20 }),
  days: fc.integer({ min: 0, max: 9 }),
  status: fc.constantFrom('未着手', '対応中', '完了'),
});

const layout = fc.record({
  records: fc.array(record, { minLength: 2, maxLength: 8 }),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
  title: fc.constantFrom<ModelCell[][]>([], [['WBS']], [['プロジェクト計画 WBS'], ['Project Name:', 'PMO Desk'], []], [['作業一覧'], []]),
  blankAt: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
  side: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});

type Layout = { records: Rec[]; order: number[]; title: ModelCell[][]; blankAt: number | undefined; side: number | undefined };

function rows(l: Layout, plain: boolean): ModelCell[][] {
  const order = plain ? [0, 1, 2, 3, 4, 5] : l.order;
  const header: ModelCell[] = order.map((j) => COLUMNS[j]!.head);
  const data: ModelCell[][] = l.records.map((r, i) => order.map((j) => COLUMNS[j]!.cell(i, r)));
  if (plain) return [header, ...data];
  if (l.blankAt !== undefined && l.blankAt < data.length) data.splice(l.blankAt, 0, []);
  const body = [header, ...data];
  if (l.side !== undefined) {
    // A people list beside the table, one empty column away, shorter than it.
    const n = Math.min(l.side, Math.floor(l.records.length / 2));
    body[0] = [...body[0]!, null, '氏名', '所属', '内線'];
    for (let i = 1; i <= n; i++) body[i] = [...(body[i] ?? []), ...Array(6 - (body[i]?.length ?? 0)).fill(null), null, `メンバー${i}`, '開発部', `10${i}`];
  }
  return [...l.title, ...body];
}

function imported(cells: ModelCell[][]) {
  const a = analyzeWorkbook(model(sheet('WBS', cells)), 'wbs', { today: '2025-06-01' });
  if (!a.ok) return a.reason;
  return a.table.records.map((r) => ({ values: r.values, extra: r.extra }));
}

describe('what is imported from a table', () => {
  it('does not change with column order, a title block, a blank row or a table beside it', () => {
    fc.assert(
      fc.property(layout, (l) => {
        expect(imported(rows(l, false))).toEqual(imported(rows(l, true)));
      }),
      { numRuns: 150, seed: 20251204 },
    );
  });
});
