// A legend line under a table — the gantt's colours or marks named as a label and its items — is no
// record, however many cells its items take (issue 11; blind set 9, C9: 凡例： | 予定 | 実績 under 予定/実績
// row pairs became a seventh task, being three cells where the note rule read one or two).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Table { name: string; target: ImportTarget; rows: ModelCell[][]; merges: string[] }

/** Tasks of two rows each (予定 over 実績), No. and name merged over each pair. */
function pairs(words: [string, string, string, string, string, string, string], plan: string, actual: string): Table {
  const tasks = ['部品図面出図', '試作部品手配', '金型製作', '試作組立'];
  const rows: ModelCell[][] = [['新型ポンプ 試作日程計画表'], [], words];
  const merges: string[] = [];
  tasks.forEach((t, i) => {
    const r = rows.length + 1;
    rows.push([i + 1, t, '設計課', '小林', plan, d(`2025-0${8 + (i % 2)}-0${i + 1}`), d(`2025-0${8 + (i % 2)}-2${i}`)]);
    rows.push([null, null, null, null, actual, i < 2 ? d(`2025-0${8 + (i % 2)}-0${i + 2}`) : null, null]);
    for (const c of ['A', 'B', 'C', 'D']) merges.push(`${c}${r}:${c}${r + 1}`);
  });
  return { name: `tasks of two rows (${plan} / ${actual})`, target: 'wbs', rows, merges };
}

const TABLES: Table[] = [
  pairs(['No.', '工程／作業', '担当部署', '担当者', '区分', '開始', '終了'], '予定', '実績'),
  pairs(['#', 'Task', 'Team', 'Owner', 'Row', 'Start', 'Finish'], 'Plan', 'Actual'),
  {
    name: 'a flat Japanese WBS',
    target: 'wbs',
    rows: [
      ['No.', '作業名', '担当', '開始日', '終了日', '進捗'],
      [1, '要件定義', '高橋', d('2026-04-01'), d('2026-04-30'), 1], [2, '基本設計', '佐藤', d('2026-05-07'), d('2026-06-05'), 0.5], [3, '詳細設計', '伊藤', d('2026-06-08'), d('2026-07-10'), 0],
    ],
    merges: [],
  },
  {
    name: 'an English issue log',
    target: 'issue',
    rows: [
      ['No', 'Issue', 'Raised', 'Owner', 'Due', 'Status'],
      [1, 'Login fails for SSO users', d('2026-04-01'), 'Sato', d('2026-04-10'), 'Open'], [2, 'Invoice layout shifts on print', d('2026-04-02'), 'Kato', d('2026-04-12'), 'Closed'], [3, 'Batch runs past the window', d('2026-04-03'), 'Mori', d('2026-04-20'), 'Open'],
    ],
    merges: [],
  },
];

/** Legends as clients write them: a label and its items over several cells, or in one. */
const LEGENDS: { name: string; line: ModelCell[] }[] = [
  { name: '凡例： | 予定 | 実績 spread over the columns', line: [null, '凡例：', null, '予定', null, '実績'] },
  { name: 'Legend: | Plan | Actual', line: ['Legend:', 'Plan', 'Actual'] },
  { name: '凡例 | ■予定 | ■実績 | ■遅延 (marked items, no colon)', line: ['凡例', '■予定', '■実績', '■遅延'] },
  { name: '■ Planned | ■ Actual (marked items alone)', line: [null, '■ Planned', '■ Actual'] },
  { name: '凡例：■予定　■実績 in one short cell', line: ['凡例：■予定　■実績'] },
  { name: '● Plan ● Actual in one cell', line: [null, '● Plan ● Actual'] },
  { name: 'a label and five items', line: ['凡例：', '予定', '実績', '完了', '遅延', '中止'] },
  { name: 'Key: | Done | Late', line: [null, 'Key:', 'Done', 'Late'] },
];

const keyField = (target: ImportTarget) => (target === 'wbs' ? 'name' : 'title');
const keys = (t: Table, under: ModelCell[][] = []) => readModel([...t.rows, ...under], t.target, t.merges, 'Sheet1').records.map((r) => r.values[keyField(t.target)]);

describe('a legend line under the records', () => {
  for (const table of TABLES)
    it.each(LEGENDS)(`${table.name}: $name is no record, listed as a note`, ({ line }) => {
      const plain = keys(table);
      for (const gap of [0, 1]) {
        const under = [...Array.from({ length: gap }, () => [] as ModelCell[]), line];
        const t = readModel([...table.rows, ...under], table.target, table.merges, 'Sheet1');
        expect(t.records.map((r) => r.values[keyField(table.target)])).toEqual(plain);
        expect(t.leftOut).toContainEqual({ row: table.rows.length + under.length, reason: 'note' });
      }
    });

  it.each<[string, ModelCell[]]>([
    ['a last task of texts only (name, owner, status)', [4, '運用設計', '高橋', null, null, null]],
    ['a last task with a marked name and an owner', [4, '◆リリース判定', 'PMO']],
    ['a last task with its name and its status as a mark (○)', [null, '追加14', null, null, null, '○']],
    ['a last task with its name, owner and status mark (●)', [null, '追加2', '高橋', null, null, '●']],
    ['a last task whose name holds a mark, with its dates', [4, '■移行リハーサル', '佐藤', d('2026-07-13'), d('2026-07-17')]],
  ])('%s stays a record', (_, line) => {
    const table = TABLES[2]!;
    expect(keys(table, [line])).toEqual([...keys(table), line[1]]);
  });

  it('property: legends (after a blank row or not, under a note or not) never change what is imported', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLES), fc.constantFrom(...LEGENDS), fc.integer({ min: 0, max: 2 }), fc.boolean(), (table, { line }, gap, note) => {
        const under = [...(note ? [['※ 日程は部品の納期により変更となる場合がある。']] : []), ...Array.from({ length: gap }, () => [] as ModelCell[]), line];
        expect(keys(table, under)).toEqual(keys(table));
      }),
      { numRuns: 60 },
    );
  });
});
