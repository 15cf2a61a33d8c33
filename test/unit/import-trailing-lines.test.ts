// Note, legend and count lines under a table are no records (issue 11; blind set 8, B2), told by their
// shape — a mark or a colon label, a text overflowing its column, a label beside a formula, and no record
// after them — not by their words: the data ends above them and they are listed as left out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const TABLES: { name: string; target: ImportTarget; rows: ModelCell[][] }[] = [
  {
    name: 'a Japanese WBS with phase rows',
    target: 'wbs',
    rows: [
      ['工程', '作業項目', '担当', '開始日', '終了日'],
      ['要件定義'], [null, '業務要件整理', '業務G', d('2026-04-01'), d('2026-04-20')], [null, '非機能要件定義', '基盤G', d('2026-04-06'), d('2026-04-30')],
      ['基本設計'], [null, '画面・帳票設計', '開発G', d('2026-05-07'), d('2026-06-05')], [null, '外部IF設計', '開発G', d('2026-05-11'), d('2026-06-12')],
    ],
  },
  {
    name: 'a Japanese deliverables list',
    target: 'deliverable',
    rows: [
      ['No.', '成果物名', '作成担当', '提出予定日', '承認者', '状態'],
      [{ f: 1 }, '業務要件定義書', '青木', d('2026-04-24'), '課長 井上', '承認済'], [{ f: 2 }, '非機能要件一覧', '森田', d('2026-04-30'), '課長 井上', '承認済'], [{ f: 3 }, '画面遷移図', '村田', d('2026-06-05'), '', '作成中'],
    ],
  },
  {
    name: 'an English risk register',
    target: 'risk',
    rows: [
      ['ID', 'Risk', 'Owner', 'Probability', 'Impact', 'Status'],
      ['R1', 'Supplier delivers the interface late', 'Sato', 3, 4, 'Open'], ['R2', 'Key tester leaves mid-project', 'Kato', 2, 5, 'Open'], ['R3', 'Data quality of the legacy extracts', 'Mori', 4, 3, 'Closed'],
    ],
  },
  {
    name: 'an English issue log',
    target: 'issue',
    rows: [
      ['No', 'Issue', 'Raised', 'Owner', 'Due', 'Status'],
      [1, 'Login fails for SSO users', d('2026-04-01'), 'Sato', d('2026-04-10'), 'Open'], [2, 'Invoice layout shifts on print', d('2026-04-02'), 'Kato', d('2026-04-12'), 'Closed'], [3, 'Batch runs past the window', d('2026-04-03'), 'Mori', d('2026-04-20'), 'Open'],
    ],
  },
];

/** Lines a client writes under a table `width` columns wide. */
const LINES: { name: string; line: (width: number) => ModelCell[] }[] = [
  { name: 'a milestone note led by a mark, overflowing its column', line: () => ['◆マイルストーン', '要件凍結 5/15、設計承認 6/30、移行リハーサル 9/12・9/19、本番稼働 10/1（予備日 10/8）、稼働後レビュー 11/5'] },
  { name: 'milestones after a colon label', line: () => ['Milestones:', 'design sign-off 15 May'] },
  { name: 'a legend with a colon label', line: () => ['凡例：■（濃）工程全体　■（淡）作業期間'] },
  { name: 'an English legend', line: () => ['Legend: H = high, M = medium, L = low'] },
  { name: 'a count beside its label', line: (width) => [...Array<ModelCell>(width - 2).fill(null), 'Approved', { f: 3 }] },
  { name: 'a Japanese count beside its label', line: (width) => [...Array<ModelCell>(width - 2).fill(null), '承認済件数', { f: 2 }] },
  { name: 'a remark led by ※', line: () => ['※協力会社要員の稼働は契約上の上限。変更時はPMOへ連絡のこと。'] },
];

const keyField = (target: ImportTarget) => (target === 'wbs' ? 'name' : 'title');
const keys = (rows: ModelCell[][], target: ImportTarget) => readModel(rows, target, [], 'Sheet1').records.map((r) => r.values[keyField(target)]);

describe('note, legend and count lines under a table', () => {
  for (const table of TABLES)
    it.each(LINES)(`${table.name}: $name is no record`, ({ line }) => {
      const width = table.rows[0]!.length;
      const plain = keys(table.rows, table.target);
      for (const gap of [0, 1]) {
        const rows = [...table.rows, ...Array.from({ length: gap }, () => [] as ModelCell[]), line(width)];
        const t = readModel(rows, table.target, [], 'Sheet1');
        expect(t.records.map((r) => r.values[keyField(table.target)])).toEqual(plain);
        expect(t.leftOut.map((x) => x.row)).toContain(rows.length);
        expect(['notes', 'total row']).toContain(t.data.end);
      }
    });

  it('a legend two rows under a milestone note: both listed', () => {
    const { rows, target } = TABLES[0]!;
    const t = readModel([...rows, ['◆マイルストーン', '要件凍結 5/15、設計承認 6/30、本番稼働 10/1'], [], ['凡例：■ 工程全体　□ 作業期間']], target, [], 'Sheet1');
    expect(t.leftOut.slice(-2)).toEqual([{ row: rows.length + 1, reason: 'note' }, { row: rows.length + 3, reason: 'note' }]);
  });

  it.each<[string, ModelCell[]]>([
    ['a last task with only its name', [null, '運用設計', null, null, null]],
    ['a last task named with a colon that has dates', [null, 'Phase 3: 移行', '移行G', d('2026-07-01'), d('2026-07-31')]],
    ['a milestone task led by ◆ with its date', [null, '◆本番稼働', 'PMO', d('2026-10-01'), d('2026-10-01')]],
    ['a milestone led by ◆ with its owner only', [null, '◆リリース判定', 'PMO']],
  ])('%s stays a record', (_, line) => {
    const { rows, target } = TABLES[0]!;
    expect(keys([...rows, line], target)).toEqual([...keys(rows, target), line[1]]);
  });

  it('a section led by a mark with records under it does not end the table', () => {
    const { rows, target } = TABLES[0]!;
    const more: ModelCell[][] = [['■テスト'], [null, '結合テスト', 'ベンダーA', d('2026-07-01'), d('2026-08-14')]];
    expect(keys([...rows, ...more], target)).toContain('結合テスト');
  });

  it('a record whose score is a formula stays a record', () => {
    const { rows, target } = TABLES[2]!;
    const withScore = rows.map((row, i) => [...row, i === 0 ? 'Score' : { f: 12 }]);
    expect(keys(withScore, target)).toHaveLength(3);
  });

  it('property: a note, legend or count line (after a blank row or not) never changes what is imported', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLES), fc.constantFrom(...LINES), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 2 }), (table, { line }, gap, count) => {
        const width = table.rows[0]!.length;
        const under = Array.from({ length: count }, () => [...Array.from({ length: gap }, () => [] as ModelCell[]), line(width)]).flat();
        expect(keys([...table.rows, ...under], table.target)).toEqual(keys(table.rows, table.target));
      }),
      { numRuns: 40 },
    );
  });
});
