// A No. column holding outline codes (1, 1.1, 1.2, 2, 2.1 — typed as text, or as numbers Excel keeps as
// 1.1 floats, 1.10 kept as 1.1) is the WBS code that gives the tree, whatever numbering word heads it.
// Blind set 7, M6: it was read as row numbers or an extra column, and the plan came in flat.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel, treeNames } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PLAN: [number, string][] = [
  [1, '要件定義'], [1.1, 'ヒアリング'], [1.2, '要件書作成'], [2, '設計'], [2.1, '基本設計'], [2.2, '詳細設計'], [3, 'テスト'],
];
const TREE = ['要件定義', '  ヒアリング', '  要件書作成', '設計', '  基本設計', '  詳細設計', 'テスト'];

function sheet(label: string, code: (n: number) => ModelCell, words = ['タスク', '担当', '開始日', '終了日']): ModelCell[][] {
  return [['プロジェクト計画書'], [], [label, ...words], ...PLAN.map(([n, name], i): ModelCell[] => [code(n), name, '佐藤', d(`2025-04-0${i + 1}`), d(`2025-04-1${i + 1}`)])];
}

describe('outline codes in a numbering column', () => {
  it.each(['No.', 'No', '#', '番号', '項番', 'ID', 'WBS No.'])('under %j, typed as numbers: the tree', (label) => {
    const t = readModel(sheet(label, (n) => n), 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(t.hierarchy).toBe('code');
    expect(treeNames(t)).toEqual(TREE);
  });

  it.each([
    ['text 1.1', (n: number) => String(n)],
    ['text 1-1', (n: number) => String(n).replace('.', '-')],
    ['full-width text', (n: number) => String(n).replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x))).replace('.', '．')],
  ])('written as %s: the tree', (_, code) => {
    const t = readModel(sheet('No.', code), 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(treeNames(t)).toEqual(TREE);
  });

  it('in an English plan', () => {
    const t = readModel(sheet('No.', (n) => n, ['Task', 'Owner', 'Start', 'Finish']), 'wbs', [], 'Sheet1');
    expect(t.columns.map((c) => c.field)).toEqual(['wbsCode', 'name', 'assignee', 'plannedStart', 'plannedFinish']);
    expect(treeNames(t)).toEqual(TREE);
  });

  it('reads 1.10 kept by Excel as the number 1.1 after 1.9 as task 1.10, not a second 1.1', () => {
    const codes = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.1, 1.11, 2, 2.1];
    const rows: ModelCell[][] = [['No.', 'タスク', '開始日'], ...codes.map((c, i): ModelCell[] => [c, `T${i}`, d('2025-04-01')])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(treeNames(t)).toEqual(['T0', ...Array.from({ length: 11 }, (_, k) => `  T${k + 1}`), 'T12', '  T13']);
  });
});

// Blind set 16, I1: 1.2.1 under Item # was kept as the client's own and offered as an effort, and 1-2-1
// under a word the product does not know was not read: the plan came in flat or numbered anew.
describe('outline codes under a word that names no field', () => {
  const DEEP: [string, string][] = [
    ['1', 'Planning'], ['1.1', 'Kick-off'], ['1.1.1', 'Agenda'], ['1.1.2', 'Minutes'], ['1.2', 'Charter'], ['2', 'Build'], ['2.1', 'Core loop'], ['2.1.1', 'Prototype'], ['2.2', 'Polish'], ['3', 'Launch'],
  ];
  const DEEP_TREE = ['Planning', '  Kick-off', '    Agenda', '    Minutes', '  Charter', 'Build', '  Core loop', '    Prototype', '  Polish', 'Launch'];
  const heads = { en: ['Item #', 'Ref Code', 'Code', 'Section', 'Pos.', 'No.'], ja: ['体系番号', '項目コード', '管理記号', '節', 'No.'] };
  const cases = (['en', 'ja'] as const).flatMap((lang) => heads[lang].flatMap((head) => (['.', '-'] as const).map((sep) => [lang, head, sep] as const)));

  it.each(cases)('%s %j, codes joined by %j (1.1.2): the WBS code and the tree; the effort beside keeps its word', (lang, head, sep) => {
    const words = lang === 'en' ? ['Activity', 'Lead', 'Begin', 'End', 'Effort'] : ['作業', '担当', '開始日', '終了日', '工数'];
    const rows: ModelCell[][] = [
      [lang === 'en' ? 'Milestone plan' : '作業計画'],
      [],
      [head, ...words],
      ...DEEP.map(([code, name], i): ModelCell[] => [code.replaceAll('.', sep), name, 'Kim', d(`2025-04-0${i % 9 + 1}`), d(`2025-04-1${i % 9 + 1}`), [0.5, 1, 2, 1.5][i % 4]!]),
    ];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(t.columns.at(-1)!.field).toBe('plannedEffort');
    expect(t.hierarchy).toBe('code');
    expect(treeNames(t)).toEqual(DEEP_TREE);
  });

  it.each<[string, string, string[]]>([
    ['Item #', '.', ['◆ = milestone (publisher review).', 'Parked items need a decision.']],
    ['No.', '-', ['※ 日付は2027年。進捗は毎週金曜日に更新', '※ 状態：未着手／作業中／完了']],
    ['管理記号', '-', ['※ 記入例は削除してください']],
  ])('%j with notes under the table (joined by %j): still the WBS code', (head, sep, notes) => {
    const rows: ModelCell[][] = [
      [head, 'Activity', 'Lead', 'Begin', 'End'],
      ...DEEP.map(([code, name], i): ModelCell[] => [code.replaceAll('.', sep), name, 'Kim', d(`2025-04-0${i % 9 + 1}`), d(`2025-04-1${i % 9 + 1}`)]),
      [],
      ...notes.map((n): ModelCell[] => [n]),
    ];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(treeNames(t)).toEqual(DEEP_TREE);
  });

  it('a column headed as the effort holding 1.1, 1.2, 2 stays the effort', () => {
    const rows: ModelCell[][] = [['工数', 'タスク', '開始日'], ...PLAN.map(([n, name]): ModelCell[] => [n, name, d('2025-04-01')])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('plannedEffort');
  });
});

describe('numbers that are no outline stay what they were', () => {
  it('a running number 1, 2, 3 is the rows\' numbering, not a code', () => {
    const t = readModel(sheet('No.', (n) => PLAN.findIndex(([m]) => m === n) + 1), 'wbs', [], 'Sheet1');
    expect(t.columns.find((c) => c.label === 'No.')?.field ?? null).toBeNull();
    expect(t.hierarchy).not.toBe('code');
  });

  // Review U10: read as a tree, 3.5 became 3's child and 3 a summary whose own dates and progress the
  // roll-up replaced, silently. A row inserted between two numbers is no first child (that would be 3.1).
  it.each([
    ['as numbers', [1, 2, 3, 3.5, 4, 5, 6] as ModelCell[]],
    ['as text', ['1', '2', '3', '3.5', '4', '5', '6'] as ModelCell[]],
    ['two rows inserted', [1, 2, 2.5, 3, 4, 4.5, 5] as ModelCell[]],
  ])('a flat list with a row inserted between two numbers (%s) stays flat', (_, numbers) => {
    const t = readModel(sheet('No.', (n) => numbers[PLAN.findIndex(([m]) => m === n)]!), 'wbs', [], 'Sheet1');
    expect(t.hierarchy).not.toBe('code');
    expect(treeNames(t)).toEqual(PLAN.map(([, name]) => name));
  });

  it('a version column (1.0, 2.1, 1.5) right of the names is no code', () => {
    const rows: ModelCell[][] = [['タスク', '版', '開始日'], ...PLAN.map(([, name], i): ModelCell[] => [name, ['1.0', '2.1', '1.5', '1.0', '3.2', '1.1', '2.0'][i]!, d(`2025-04-0${i + 1}`)])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns.find((c) => c.label === '版')?.field ?? null).toBeNull();
  });
});
