// Which rows of a long table are records, checked on generated tables against where they were put:
// separators, subtotals, the header again (with a block title right above it) placed at random among
// many records, and under them a note, a totals row, a footer, a template's prepared rows or a sentence
// that overflows its column (told by what the records so far fill: the rules that look back over the
// records read them only when a row asks). Sheet models built directly, as excel-detect-property does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const HEADER: ModelCell[] = ['No', 'タスク名', '担当者', '開始日', '終了日', '状況', '備考'];
const NAMES = ['要件定義', '基本設計（画面・帳票）', '詳細設計', '製造', '単体テスト', '結合テスト', '移行リハーサル', '研修'];
const OWNERS = ['山田', '佐藤', '鈴木', '高橋'];
const STATUSES = ['未着手', '対応中', '完了'];

/** What stands between two records. */
type Between = 'separator' | 'subtotal' | 'header again' | 'titled header';
/** What stands under the last record. */
type Under = 'nothing' | 'note' | 'total' | 'footer' | 'prepared' | 'overflow' | 'blank then note';

interface Plan {
  records: { name: number; owner: number; start: number; days: number; status: number; remark: boolean }[];
  between: { at: number; what: Between }[];
  under: Under;
}

const plan = fc.record({
  records: fc.array(
    fc.record({ name: fc.nat(NAMES.length - 1), owner: fc.nat(OWNERS.length - 1), start: fc.integer({ min: 1, max: 25 }), days: fc.integer({ min: 0, max: 9 }), status: fc.nat(2), remark: fc.boolean() }),
    { minLength: 3, maxLength: 150 },
  ),
  between: fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom<Between>('separator', 'subtotal', 'header again', 'titled header') }), { maxLength: 6 }),
  under: fc.constantFrom<Under>('nothing', 'note', 'total', 'footer', 'prepared', 'overflow', 'blank then note'),
});

/** The sheet's rows, and the 1-based rows expected as records and as left out (with why), and the end. */
function build(p: Plan): { rows: ModelCell[][]; records: number[]; leftOut: { row: number; reason: string }[]; end: string } {
  const rows: ModelCell[][] = [HEADER];
  const records: number[] = [];
  const leftOut: { row: number; reason: string }[] = [];
  // Rows between records go after the second record at the earliest (before it, other rules read a table's head).
  const before = new Map<number, Between[]>();
  for (const b of p.between) {
    if (p.records.length < 4) break;
    const i = 2 + (b.at % (p.records.length - 2));
    before.set(i, [...(before.get(i) ?? []), b.what]);
  }
  let no = 0;
  p.records.forEach((r, i) => {
    for (const what of before.get(i) ?? []) {
      if (what === 'separator') rows.push([null, '▼ 次フェーズ']);
      else if (what === 'subtotal') rows.push([null, '小計', null, null, null, null, { f: 'SUBTOTAL(9,G2:G9)' }]);
      else if (what === 'titled header') {
        // A block's title alone right above the header again is no record either.
        rows.push([null, 'ログイン画面テスト計画']);
        leftOut.push({ row: rows.length, reason: 'section title' });
        rows.push(HEADER);
        leftOut.push({ row: rows.length, reason: 'header again' });
        continue;
      } else rows.push(HEADER);
      leftOut.push({ row: rows.length, reason: what });
    }
    no++;
    const start = new Date(Date.UTC(2025, 3, r.start));
    const finish = new Date(Date.UTC(2025, 3, r.start + r.days));
    rows.push([no, `${NAMES[r.name]} ${no}`, OWNERS[r.owner], start, finish, STATUSES[r.status], r.remark ? '顧客確認待ち' : null]);
    records.push(rows.length);
  });
  let end = 'end of sheet';
  const last = rows.length;
  switch (p.under) {
    case 'note':
      rows.push(['※ 工数は人日で記入すること']);
      leftOut.push({ row: rows.length, reason: 'note' });
      end = 'notes';
      break;
    case 'blank then note':
      rows.push([], ['※ 工数は人日で記入すること']);
      leftOut.push({ row: rows.length, reason: 'note' });
      end = 'notes';
      break;
    case 'total':
      rows.push([null, '合計', null, null, null, null, { f: 'COUNTA(B2:B9)' }]);
      end = 'total row';
      break;
    case 'footer':
      rows.push(['© 2025 PMO Desk 社外秘']);
      end = 'footer';
      break;
    case 'prepared':
      // A template's rows numbered by formula, nothing else filled: no records, and the data ends at the first.
      for (let k = 0; k < 3; k++) rows.push([{ f: no + k + 1 }]);
      end = 'blank rows';
      break;
    case 'overflow':
      // One sentence alone in the notes column, far longer than any the records hold there: a note.
      rows.push([null, null, null, null, null, null, 'この表は毎週月曜日に更新します。担当者が変わった場合は PMO まで連絡してください。']);
      leftOut.push({ row: rows.length, reason: 'note' });
      end = 'notes';
      break;
  }
  void last;
  return { rows, records, leftOut, end };
}

describe('the records of a long table among separators, subtotals, repeated headers and trailing lines', () => {
  it('are exactly the rows put there as records, the others left out with their reason', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const want = build(p);
        const a = analyzeWorkbook(model(sheet('WBS', want.rows)), 'wbs', { today: '2025-06-01' });
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        expect(a.table.records.map((r) => r.row)).toEqual(want.records);
        expect(a.table.leftOut).toEqual(want.leftOut);
        expect(a.table.data.end).toBe(want.end);
        // Every record's name read as written (nothing of a left-out row came into one).
        expect(a.table.records.map((r) => r.values.name)).toEqual(want.records.map((row) => want.rows[row - 1]![1]));
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});
