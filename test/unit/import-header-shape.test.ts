// A table is found when no word of its header names the register's key (issue 11; blind set 8, B3): a row
// of short distinct texts over a block of records is a header whatever its words, the key is the column
// a word names loosely or the longest free text, and the dialog asks the user to check the header.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { detectLayout, ASK_BELOW } from '../../electron/core/excel/import/detect.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Tables whose key column is headed by no word of the register's, each with the key's texts expected. */
const TABLES: { name: string; target: ImportTarget; rows: ModelCell[][]; keys: string[] }[] = [
  {
    name: 'an English decision log (Decision Required)',
    target: 'issue',
    rows: [
      ['Ref', 'Date Raised', 'Decision Required', 'Options Considered', 'Decided By'],
      ['D-1', d('2026-01-12'), 'Keep 6-digit account codes or move to 8-digit?', '6 / 8 / hybrid', 'Steering Group'],
      ['D-2', d('2026-01-19'), 'Consolidation tool: in the ERP or a bolt-on?', 'ERP / Vendor X', 'CFO'],
      ['D-3', d('2026-02-03'), 'Intercompany netting frequency', 'Monthly / quarterly', 'Treasurer'],
      ['D-4', d('2026-02-10'), 'Go-live date for the second wave', '1 Jul / 1 Oct', 'Programme Board'],
    ],
    keys: ['Keep 6-digit account codes or move to 8-digit?', 'Consolidation tool: in the ERP or a bolt-on?', 'Intercompany netting frequency', 'Go-live date for the second wave'],
  },
  {
    name: 'a Japanese 論点 log (no 課題 word)',
    target: 'issue',
    rows: [
      ['整理番号', '登録日', '論点', '選択肢', '決定者'],
      ['K-01', d('2026-04-01'), '帳票の出力形式をPDFに統一するか', 'PDF／Excel', '部長 井上'],
      ['K-02', d('2026-04-03'), '夜間バッチの開始時刻の見直し', '22時／24時', '課長 森'],
      ['K-03', d('2026-04-08'), '旧システムのデータ保管期間', '5年／10年', '部長 井上'],
    ],
    keys: ['帳票の出力形式をPDFに統一するか', '夜間バッチの開始時刻の見直し', '旧システムのデータ保管期間'],
  },
  {
    name: 'a 体制表 whose rows are 担当タスク with a 期間 (two-row header, months beside)',
    target: 'wbs',
    rows: [
      ['チーム', '氏名', '所属', '担当タスク', '期間', '月別稼働', null],
      [null, null, null, null, null, '4月', '5月'],
      ['PMO', '小松 直樹', '自社', 'プロジェクト管理・進捗報告', '2026/4/1～2026/9/30', 0.5, 0.5],
      ['業務', '田村 恵', '自社', '業務要件・受入テスト計画', '2026/04/01 ～ 2026/07/31', 1, 1],
      [null, '加藤 亮', '協力会社', '勘定科目・帳票の移行設計', '4/15～6/30', 0.5, 1],
    ],
    keys: ['プロジェクト管理・進捗報告', '業務要件・受入テスト計画', '勘定科目・帳票の移行設計'],
  },
  {
    name: 'an English staffing plan (Assignment, Period)',
    target: 'wbs',
    rows: [
      ['Team', 'Member', 'Company', 'Assignment', 'Period'],
      ['PMO', 'N. Komatsu', 'Own', 'Project management and reporting', '2026-04-01 to 2026-09-30'],
      ['Business', 'M. Tamura', 'Own', 'Business requirements and acceptance plan', '2026-04-01 to 2026-07-31'],
      ['Business', 'R. Kato', 'Partner', 'Migration design of the chart of accounts', '2026-04-15 to 2026-06-30'],
    ],
    keys: ['Project management and reporting', 'Business requirements and acceptance plan', 'Migration design of the chart of accounts'],
  },
];

const keyField = (target: ImportTarget) => (target === 'wbs' ? 'name' : 'title');
const merges = (rows: ModelCell[][]) => (rows[1]?.[0] === null && rows[1]?.[5] === '4月' ? ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1'] : []);

describe('a header told by its shape', () => {
  it.each(TABLES)('$name: every record, keyed by the right column', ({ target, rows, keys }) => {
    const t = readModel(rows, target, merges(rows), 'Sheet1');
    expect(t.records.map((r) => r.values[keyField(target)])).toEqual(keys);
  });

  it.each(TABLES)('$name: the dialog asks the user to check the header', ({ target, rows }) => {
    const found = detectLayout(model(sheet('Sheet1', rows, merges(rows))), target, { reference: '2026-06-01' });
    expect(found.ok).toBe(true);
    if (found.ok) expect(found.layout.confidence!.header).toBeLessThan(ASK_BELOW);
  });

  it('under a title block, a label row and a blank row, the same records', () => {
    const { target, rows, keys } = TABLES[0]!;
    const t = readModel([['Decision Log'], ['Programme: Finance Wave 2', null, null, 'Maintained by: PMO'], [], ...rows], target, [], 'Sheet1');
    expect(t.header.top).toBe(4);
    expect(t.records.map((r) => r.values.title)).toEqual(keys);
  });

  it.each<[string, ImportTarget, ModelCell[][]]>([
    ['a report: label rows and paragraphs', 'issue', [['週次報告'], ['Project:', 'Wave 2', 'Week:', 'W14'], [], ['Summary', 'Next steps', 'Help needed'], ['Design signed off; build started on schedule.'], ['Two interfaces late, recovery plan agreed.'], ['Test data request still open with the vendor.']]],
    ['a glossary of two columns', 'issue', [['用語', '説明'], ['WBS', '作業分解構成図'], ['PMO', 'プロジェクト管理オフィス'], ['SLA', 'サービス水準合意'], ['RFP', '提案依頼書']]],
    ['a form: labels down the left, values beside', 'issue', [['件名', 'ログインできない'], ['起票者', '佐藤'], ['起票日', d('2026-04-01')], ['状態', '対応中']]],
    ['rows of numbers under one word each', 'risk', [['Q1', 'Q2', 'Q3', 'Q4'], [1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]],
    // A key and the shape alone make any list a table: another of the register's fields must be named plainly.
    ['a delivery note of items and amounts', 'change', [['品番', '商品名', '数量', '単価', '金額'], ['A-01', 'ノートPC（14インチ）', 2, 120000, 240000], ['A-02', 'モニター（27インチ）', 2, 30000, 60000], ['B-10', 'ワイヤレスキーボード', 5, 3000, 15000]]],
    ['a meeting’s attendees', 'issue', [['Attendee', 'Company', 'Role', 'Email'], ['Naoki Komatsu', 'Own', 'PMO lead', 'komatsu@example.com'], ['Megumi Tamura', 'Own', 'Business lead', 'tamura@example.com'], ['Ryo Kato', 'Partner', 'Architect', 'kato@example.com']]],
  ])('%s is no table', (_, target, rows) => {
    expect(() => readModel(rows, target, [], 'Sheet1')).toThrow();
  });

  it('a table its words make still wins over one found by its shape', () => {
    const words: ModelCell[][] = [['No', '課題', '担当', '期限', '状況'], [1, 'ログイン不可', '佐藤', d('2026-04-10'), '対応中'], [2, '帳票ずれ', '鈴木', d('2026-04-12'), '未着手']];
    const t = readModel([...TABLES[1]!.rows, [], [], ...words], 'issue', [], 'Sheet1');
    expect(t.records.map((r) => r.values.title)).toEqual(['ログイン不可', '帳票ずれ']);
  });

  it('property: shuffling the columns, a title block or blank rows above never change what is read', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLES), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (table, seed, blanks, title) => {
        if (merges(table.rows).length) return; // (the merged two-row header is checked above as it stands)
        const width = table.rows[0]!.length;
        const order = Array.from({ length: width }, (_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const shuffled = table.rows.map((row) => order.map((i) => row[i] ?? null));
        const above: ModelCell[][] = [...(title ? [['Register'] as ModelCell[]] : []), ...Array.from({ length: blanks }, () => [] as ModelCell[])];
        const t = readModel([...above, ...shuffled], table.target, [], 'Sheet1');
        expect(t.records.map((r) => r.values[keyField(table.target)])).toEqual(table.keys);
      }),
      { numRuns: 40 },
    );
  });
});
