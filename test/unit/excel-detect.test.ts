// Detection, mapping and normalization on small workbooks generated in the test (exceljs writes
// them as Excel would), read in-process; the worker and hostile files are integration tests.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import { detectLayout, rankTargets } from '../../electron/core/excel/import/detect.js';
import { formatProblem } from '../../electron/common/excel/problems.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { workbook, type SheetSpec } from '../fixtures/excel/xlsx.js';

const TODAY = '2025-06-15';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function table(sheets: SheetSpec[], target: ImportTarget = 'wbs'): Promise<ImportTable> {
  const model = readWorkbookBytes(await workbook(sheets), 'test.xlsx');
  const a = analyzeWorkbook(model, target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const fields = (t: ImportTable) => Object.fromEntries(t.columns.filter((c) => c.field).map((c) => [c.column, c.field]));
const names = (t: ImportTable) => t.records.map((r) => `${'  '.repeat(r.level ?? 0)}${String(r.values.name)}`);

describe('finding the header', () => {
  it('keeps the upper row of a header whose cells are merged down from it (対応 over 担当者 / 期限)', async () => {
    const t = await table(
      [
        {
          name: '課題一覧',
          rows: [
            ['課題管理表'],
            [],
            ['No', '課題名', '対応', null, '状況'],
            [null, null, '担当者', '期限', null],
            [1, 'ログイン仕様', '山田', new Date(Date.UTC(2025, 3, 10)), '未着手'],
            [2, '帳票確定', '佐藤', new Date(Date.UTC(2025, 3, 20)), '対応中'],
          ],
          merges: ['A3:A4', 'B3:B4', 'C3:D3', 'E3:E4'],
        },
      ],
      'issue',
    );
    expect(t.header).toEqual({ top: 3, bottom: 4 });
    expect(t.columns.map((c) => [c.column, c.label, c.field])).toEqual([
      ['A', 'No', 'ref'],
      ['B', '課題名', 'title'],
      ['C', '対応 / 担当者', 'owner'],
      ['D', '対応 / 期限', 'due'],
      ['E', '状況', 'status'],
    ]);
  });

  it('finds a header far from A1 under a title block, and the data under it', async () => {
    const t2 = await table([
      {
        name: 'WBS',
        at: { row: 8, col: 6 },
        rows: [
          ['作業名', '担当', '開始予定', '終了予定', '進捗', '備考'],
          ['要件定義', '山田', d('2025-04-01'), d('2025-04-10'), 1, ''],
          ['基本設計', '佐藤', d('2025-04-11'), d('2025-04-30'), 0.5, '顧客レビュー待ち'],
          [],
          ['詳細設計', '鈴木', d('2025-05-01'), d('2025-05-20'), 0, null],
          [],
          [],
          ['この行は表の外', 'x'],
        ],
      },
    ]);
    expect(t2.header).toEqual({ top: 8, bottom: 8 });
    expect(fields(t2)).toEqual({ F: 'name', G: 'assignee', H: 'plannedStart', I: 'plannedFinish', J: 'progress', K: 'notes' });
    expect(t2.data).toMatchObject({ first: 9, last: 12, end: 'blank rows' });
    expect(t2.records.map((r) => r.values.name)).toEqual(['要件定義', '基本設計', '詳細設計']);
    expect(t2.records[1]!.values).toMatchObject({ plannedStart: '2025-04-11', plannedFinish: '2025-04-30', progress: 50 });
  });

  it('combines a header of two rows with merged group labels (予定 / 実績 over 開始 / 終了)', async () => {
    const t = await table([
      {
        name: 'WBS',
        rows: [
          ['工程表'],
          [],
          ['No', 'タスク', '予定', null, '実績', null, '担当'],
          [null, null, '開始', '終了', '開始', '終了', null],
          [1, '画面設計', d('2025-04-01'), d('2025-04-05'), d('2025-04-02'), null, '高橋'],
        ],
        merges: ['A3:A4', 'B3:B4', 'C3:D3', 'E3:F3', 'G3:G4'],
      },
    ]);
    expect(t.header).toEqual({ top: 3, bottom: 4 });
    expect(fields(t)).toMatchObject({ B: 'name', C: 'plannedStart', D: 'plannedFinish', E: 'actualStart', F: 'actualFinish', G: 'assignee' });
    expect(t.records[0]!.values).toMatchObject({ name: '画面設計', actualStart: '2025-04-02', actualFinish: null });
  });

  it('matches English headers and synonyms', async () => {
    const t = await table([
      {
        name: 'Plan',
        rows: [
          ['Activity', 'Owner', 'Start', 'Finish', '% Complete', 'Status', 'Deliverables', 'Comments'],
          ['Kick-off', 'Kim', d('2025-04-01'), d('2025-04-01'), 1, 'Completed', 'Charter', ''],
        ],
      },
    ]);
    expect(Object.values(fields(t))).toEqual(['name', 'assignee', 'plannedStart', 'plannedFinish', 'progress', 'status', 'deliverable', 'notes']);
    expect(t.records[0]!.values).toMatchObject({ status: 'done', progress: 100 });
  });

  it('picks the sheet with the table, over a cover sheet and a hidden copy', async () => {
    const model = readWorkbookBytes(
      await workbook([
        { name: '表紙', rows: [['プロジェクト計画書'], ['版数', '1.0']] },
        { name: '旧WBS', state: 'hidden', rows: [['タスク名', '担当者', '開始日'], ['旧', 'a', d('2024-01-01')]] },
        { name: 'WBS', rows: [['タスク名', '担当者', '開始日', '終了日'], ['新', 'b', d('2025-01-01'), d('2025-01-02')]] },
      ]),
      't.xlsx',
    );
    const found = detectLayout(model, 'wbs', { reference: TODAY });
    expect(found.ok && found.layout.sheet).toBe('WBS');
    expect(rankTargets(model)[0]!.target).toBe('wbs');
  });

  it('ends the data at a totals row or a note', async () => {
    const totals = await table([
      {
        name: 'WBS',
        rows: [
          ['タスク名', '予定工数'],
          ['設計', 3],
          ['製造', 5],
          ['合計', { value: 8, formula: 'SUM(B2:B3)' }],
          ['付録', 1],
        ],
      },
    ]);
    expect(totals.data).toMatchObject({ first: 2, last: 3, end: 'total row', endRow: 4 });
    const notes = await table([
      { name: 'WBS', rows: [['タスク名', '担当'], ['設計', '山田'], ['※ 工数は人日で記入してください'], ['製造', '鈴木']] },
    ]);
    expect(notes.data).toMatchObject({ last: 2, end: 'notes', endRow: 3 });
    // Blank rows: the end is the first blank row after the data (it was off by the blank rows seen).
    const blanks = await table([{ name: 'WBS', rows: [['タスク名', '担当'], ['設計', '山田'], ['製造', '鈴木'], [], [], [], [], ['別表', 'x']] }]);
    expect(blanks.data).toMatchObject({ first: 2, last: 3, end: 'blank rows', endRow: 4 });
  });

  it('leaves a group subtotal out and reads the groups after it; a total ends the data', async () => {
    const sum = (f: string, v: number) => ({ value: v, formula: f });
    // 工程 on every row, 小計 under each group's tasks (a formula sums them), 合計 at the end.
    const jp = await table([
      {
        name: 'WBS',
        rows: [
          ['No', '工程', '作業', '担当', '工数(人日)'],
          [1, '要件定義', 'ヒアリング', '山田', 2],
          [2, '要件定義', '要件定義書作成', '山田', 3],
          [null, null, '小計', null, sum('SUM(E2:E3)', 5)],
          [3, '設計', '基本設計', '佐藤', 4],
          [4, '設計', '詳細設計', '佐藤', 6],
          [null, null, '小計', null, sum('SUM(E5:E6)', 10)],
          [5, 'テスト', '結合テスト', '鈴木', 5],
          [null, null, '小計', null, sum('SUM(E8:E8)', 5)],
          [null, null, '合計', null, sum('E4+E7+E9', 20)],
          ['承認', '部長'],
        ],
      },
    ]);
    expect(names(jp)).toEqual(['要件定義', '  ヒアリング', '  要件定義書作成', '設計', '  基本設計', '  詳細設計', 'テスト', '  結合テスト']);
    expect(jp.data).toMatchObject({ first: 2, last: 8, end: 'total row', endRow: 9 });
    expect(jp.leftOut.filter((x) => x.reason === 'subtotal').map((x) => x.row)).toEqual([4, 7]);
    // The subtotal named after its group (Design Subtotal, 設計　小計) and in English, with a blank row under it.
    const en = await table([
      {
        name: 'Plan',
        rows: [
          ['Task', 'Owner', 'Effort (days)'],
          ['Interviews', 'Ann', 2],
          ['Requirements', 'Ann', 3],
          ['Analysis Subtotal', null, sum('SUM(C2:C3)', 5)],
          [],
          ['Design', 'Bob', 4],
          ['Design Subtotal', null, sum('SUM(C6:C6)', 4)],
          ['Grand Total', null, sum('C4+C7', 9)],
        ],
      },
    ]);
    expect(en.records.map((r) => r.values.name)).toEqual(['Interviews', 'Requirements', 'Design']);
    // (Only the grand total follows the last subtotal: the data ends at the subtotal.)
    expect(en.data).toMatchObject({ end: 'total row', endRow: 7 });
    // A task whose name merely ends in 合計 beside a formula is a task; a subtotal with nothing under it ends the data.
    const last = await table([
      {
        name: 'WBS',
        rows: [
          ['作業', '開始', '終了', '日数'],
          ['月次合計', d('2025-06-02'), d('2025-06-04'), sum('C2-B2+1', 3)],
          ['報告', d('2025-06-05'), d('2025-06-06'), sum('C3-B3+1', 2)],
          ['小計', null, null, sum('SUM(D2:D3)', 5)],
          [],
          [],
          [],
          ['別表', 'x'],
        ],
      },
    ]);
    expect(last.records.map((r) => r.values.name)).toEqual(['月次合計', '報告']);
    expect(last.data).toMatchObject({ end: 'total row', endRow: 4 });
  });

  // Review U2: a group's total named by its group and Total / 計 (Phase 1 Total, Design Total, 要件定義 計)
  // is a subtotal as 小計 is; only a bare or grand total (Total, 合計, Grand Total, 総合計) is the table's own.
  it.each([
    ['Phase 1 Total', 'Phase 2 Total', 'Grand Total'],
    ['Analysis Total', 'Design Total', 'Project Total'],
    ['Analysis subtotal', 'Design subtotal', 'Total'],
    ['要件定義 計', '設計 計', '合計'],
    ['要件定義　合計', '設計　合計', '総合計'],
    ['【小計】', '【小計】', '【合計】'],
    ['小計（要件定義）', '小計（設計）', '総合計'],
  ])('reads every group under subtotals named %s / %s, and ends at %s', async (first, second, grand) => {
    const sum = (f: string, v: number) => ({ value: v, formula: f });
    const t = await table([
      {
        name: 'Plan',
        rows: [
          ['Task', 'Owner', 'Effort (days)'],
          ['Interviews', 'Ann', 2],
          ['Requirements', 'Ann', 3],
          [first, null, sum('SUM(C2:C3)', 5)],
          ['Design', 'Bob', 4],
          ['Build', 'Bob', 6],
          [second, null, sum('SUM(C5:C6)', 10)],
          [grand, null, sum('C4+C7', 15)],
          ['Appendix', 'x', 1],
        ],
      },
    ]);
    expect(t.records.map((r) => r.values.name), JSON.stringify(t.data)).toEqual(['Interviews', 'Requirements', 'Design', 'Build']);
    expect(t.data).toMatchObject({ end: 'total row', endRow: 7 });
  });

  it('counts template rows with only formulas or numbering as blank', async () => {
    const t = await table([
      {
        name: '課題一覧',
        rows: [
          ['No', '課題名', '起票日'],
          [1, 'ログイン画面の仕様確認', d('2025-04-01')],
          [{ value: 2, formula: 'A2+1' }, null, null],
          [{ value: 3, formula: 'A3+1' }, null, null],
          [{ value: 4, formula: 'A4+1' }, null, null],
        ],
      },
    ], 'issue');
    expect(t.records).toHaveLength(1);
    expect(t.records[0]!.values).toMatchObject({ ref: 'I-001', title: 'ログイン画面の仕様確認', raisedOn: '2025-04-01' });
  });
});

describe('columns without a field', () => {
  it('keeps them as extra columns under their header, never under a prototype key', async () => {
    const t = await table([
      { name: 'WBS', rows: [['タスク名', '顧客確認', '__proto__', '顧客確認', 'constructor'], ['設計', '済', '{"polluted":1}', 'x', 'y']] },
    ]);
    expect(t.columns.filter((c) => !c.field).map((c) => c.extraKey)).toEqual(['顧客確認', 'C: __proto__', '顧客確認 (2)', 'E: constructor']);
    expect(t.records[0]!.extra).toEqual({ 顧客確認: '済', 'C: __proto__': '{"polluted":1}', '顧客確認 (2)': 'x', 'E: constructor': 'y' });
    expect(Object.getPrototypeOf(t.records[0]!.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the WBS tree', () => {
  it('from WBS codes', async () => {
    const t = await table([
      {
        name: 'WBS',
        rows: [['WBS', 'タスク名'], ['1', '要件定義'], ['1.1', '現行調査'], ['1.1.1', 'ヒアリング'], ['1.2', '要件定義書'], ['2', '設計'], ['2.1', '基本設計']],
      },
    ]);
    expect(t.hierarchy).toBe('code');
    expect(names(t)).toEqual(['要件定義', '  現行調査', '    ヒアリング', '  要件定義書', '設計', '  基本設計']);
    expect(t.records.map((r) => r.parent)).toEqual([null, 0, 1, 0, null, 4]);
  });

  it('reports a code whose parent is missing, and still places the row', async () => {
    const t = await table([{ name: 'WBS', rows: [['WBS番号', 'タスク名'], ['1', 'A'], ['1.1', 'B'], ['2.3.1', 'C']] }]);
    expect(t.problems.map(formatProblem)).toEqual(['WBS!A4: WBS code 2.3.1 has no row 2.3 above it']);
    expect(t.records[2]).toMatchObject({ level: 0, parent: null });
  });

  it('keeps a code column that holds no WBS codes as an extra column, without problems', async () => {
    const t = await table([{ name: 'WBS', rows: [['WBS番号', 'タスク名'], ['Task-001', 'A'], ['Task-002', 'B'], ['1', 'C']] }]);
    expect(t.hierarchy).toBe('none');
    expect(t.problems).toEqual([]);
    expect(t.records.map((r) => r.extra)).toEqual([{ WBS番号: 'Task-001' }, { WBS番号: 'Task-002' }, { WBS番号: '1' }]);
  });

  it('from leading spaces, full-width spaces or the cell indent', async () => {
    const spaces = await table([{ name: 'WBS', rows: [['タスク名', '担当'], ['設計', 'a'], ['  基本設計', 'b'], ['    画面', 'c'], ['  詳細設計', 'd'], ['製造', 'e']] }]);
    expect(spaces.hierarchy).toBe('indent');
    expect(names(spaces)).toEqual(['設計', '  基本設計', '    画面', '  詳細設計', '製造']);
    const fullWidth = await table([{ name: 'WBS', rows: [['作業項目', '担当'], ['設計', 'a'], ['\u3000基本設計', 'b'], ['\u3000\u3000画面', 'c']] }]);
    expect(names(fullWidth)).toEqual(['設計', '  基本設計', '    画面']);
    const indent = await table([
      { name: 'WBS', rows: [['タスク名', '担当'], ['設計', 'a'], [{ value: '基本設計', indent: 1 }, 'b'], [{ value: '画面', indent: 2 }, 'c'], ['製造', 'd']] },
    ]);
    expect(indent.hierarchy).toBe('indent');
    expect(names(indent)).toEqual(['設計', '  基本設計', '    画面', '製造']);
  });

  it('from a level column, reporting a skipped level', async () => {
    const t = await table([{ name: 'WBS', rows: [['レベル', 'タスク名'], [1, 'A'], [2, 'B'], [3, 'C'], [2, 'D'], [4, 'E'], [1, 'F']] }]);
    expect(t.hierarchy).toBe('level');
    expect(names(t)).toEqual(['A', '  B', '    C', '  D', '    E', 'F']);
    expect(t.problems.map(formatProblem)).toEqual(['WBS!A6: level 4 skips a level after 2']);
  });

  it('from 大分類 / 中分類 columns: repeated, written once, or merged down', async () => {
    const expected = ['設計', '  基本設計', '    画面設計', '    帳票設計', '  詳細設計', '    DB設計', '製造', '  画面', '    ログイン'];
    const repeated = await table([
      {
        name: 'WBS',
        rows: [
          ['大分類', '中分類', 'タスク名', '担当'],
          ['設計', '基本設計', '画面設計', 'a'],
          ['設計', '基本設計', '帳票設計', 'b'],
          ['設計', '詳細設計', 'DB設計', 'c'],
          ['製造', '画面', 'ログイン', 'd'],
        ],
      },
    ]);
    expect(repeated.hierarchy).toBe('columns');
    expect(names(repeated)).toEqual(expected);
    expect(repeated.records.filter((r) => r.group).map((r) => r.values.name)).toEqual(['設計', '基本設計', '詳細設計', '製造', '画面']);

    const once = await table([
      {
        name: 'WBS',
        rows: [['大分類', '中分類', 'タスク名'], ['設計', '基本設計', '画面設計'], [null, null, '帳票設計'], [null, '詳細設計', 'DB設計'], ['製造', '画面', 'ログイン']],
      },
    ]);
    expect(names(once)).toEqual(expected);

    const merged = await table([
      {
        name: 'WBS',
        rows: [['大項目', '中項目', '作業名'], ['設計', '基本設計', '画面設計'], [null, null, '帳票設計'], [null, '詳細設計', 'DB設計'], ['製造', '画面', 'ログイン']],
        merges: ['A2:A4', 'B2:B3'],
      },
    ]);
    expect(names(merged)).toEqual(expected);

    // Rows that are the groups themselves: the 大/中 value on a row of its own, with its dates.
    const groupRows = await table([
      {
        name: 'WBS',
        rows: [['大分類', '中分類', '小分類', '開始日'], ['設計', null, null, d('2025-04-01')], [null, '基本設計', null, null], [null, null, '画面設計', d('2025-04-02')]],
      },
    ]);
    expect(names(groupRows)).toEqual(['設計', '  基本設計', '    画面設計']);
    expect(groupRows.records.some((r) => r.group)).toBe(false);
    expect(groupRows.records[0]!.values.plannedStart).toBe('2025-04-01');
  });

  it('from a task name written one column further right per level under one merged header', async () => {
    const t = await table([
      {
        name: 'ガント',
        rows: [['作業内容', null, null, '始予定', '工数'], ['作業A', null, null, d('2025-04-01'), 3], [null, '作業A-1', null, d('2025-04-01'), 2], [null, null, '作業A-1-a', d('2025-04-02'), 1], ['作業B', null, null, d('2025-04-05'), 2]],
        merges: ['A1:C1'],
      },
    ]);
    expect(t.columns[0]).toMatchObject({ column: 'A:C', field: 'name' });
    expect(names(t)).toEqual(['作業A', '  作業A-1', '    作業A-1-a', '作業B']);
  });

  it('from Excel row grouping', async () => {
    const t = await table([{ name: 'WBS', rows: [['タスク名', '担当'], ['A', 'x'], ['B', 'y'], ['C', 'z']], outline: { 3: 1, 4: 1 } }]);
    expect(t.hierarchy).toBe('outline');
    expect(names(t)).toEqual(['A', '  B', '  C']);
  });
});

describe('values and problems', () => {
  it('lists every bad cell with sheet, cell and reason, and keeps the rest of the row', async () => {
    const rows: SheetSpec['rows'] = [['タスク名', '担当', '状態', '開始日', '終了日', '進捗率']];
    for (let i = 2; i <= 11; i++) rows.push([`作業${i}`, '山田', '未着手', d('2025-04-01'), d('2025-04-02'), 0]);
    rows.push(['作業12', '佐藤', '検討中', '2025/4/1', '2025/13/40', '120%']);
    const t = await table([{ name: 'WBS', rows }]);
    // (An unread progress keeps its row, the value left empty: the kept-unread rule.)
    expect(t.problems.map(formatProblem)).toEqual(['WBS!E12: 2025/13/40 is not a date', 'WBS!F12: 120 % is not a progress 0–100 %: kept with the row, the value left empty']);
    expect(t.problems[0]).toMatchObject({ sheet: 'WBS', cell: 'E12', kind: 'date', field: 'plannedFinish', reason: '2025/13/40 is not a date' });
    expect(t.records[10]!.values).toMatchObject({ name: '作業12', status: 'in_progress', plannedStart: '2025-04-01' });
    expect(t.records[10]!.values).not.toHaveProperty('progress');
  });

  it('quotes sheet names that need it', async () => {
    const t = await table([{ name: '課題 一覧', rows: [['課題名', '期限'], ['A', '2025/13/40']] }], 'issue');
    expect(t.problems.map(formatProblem)).toEqual(["'課題 一覧'!B2: 2025/13/40 is not a date"]);
  });

  it('reads text dates, 和暦 and dates without a year in a column', async () => {
    const t = await table([{ name: 'WBS', rows: [['タスク名', '開始日'], ['A', 'R7.12.20'], ['B', '12/28'], ['C', '1/10'], ['D', '令和8年2月1日'], ['E', '２０２６／３／１']] }]);
    expect(t.records.map((r) => r.values.plannedStart)).toEqual(['2025-12-20', '2025-12-28', '2026-01-10', '2026-02-01', '2026-03-01']);
  });

  it('decides progress 0–1 or 0–100 per column', async () => {
    const fraction = await table([{ name: 'WBS', rows: [['タスク名', '進捗'], ['A', 0], ['B', 0.5], ['C', 1]] }]);
    expect(fraction.progressScale).toBe('fraction');
    expect(fraction.records.map((r) => r.values.progress)).toEqual([0, 50, 100]);
    const percent = await table([{ name: 'WBS', rows: [['タスク名', '進捗'], ['A', 0], ['B', 50], ['C', 1]] }]);
    expect(percent.progressScale).toBe('percent');
    expect(percent.records.map((r) => r.values.progress)).toEqual([0, 50, 1]);
    const formatted = await table([{ name: 'WBS', rows: [['タスク名', '進捗'], ['A', { value: 0.3, numFmt: '0%' }], ['B', '７０％']] }]);
    expect(formatted.records.map((r) => r.values.progress)).toEqual([30, 70]);
  });

  it('maps a risk register: 高/中/低 ratings, lists and IDs', async () => {
    const t = await table(
      [
        {
          name: 'リスク管理表',
          rows: [
            ['リスク管理表'],
            [],
            ['リスクID', 'リスク名', '分類', '発生確率', '影響度', '対応方針', '対応策', '担当者', '状態', '期限'],
            ['R-001', '要員の離脱', '要員', '高', '中', '軽減', '引継ぎ資料を整備', '山田', '対応中', '2025/5/31'],
            [2, 'ベンダー納期遅延', '外部', '中', '大', '転嫁', '契約で担保', '佐藤', 'オープン', '2025-06-30'],
          ],
        },
      ],
      'risk',
    );
    expect(t.problems).toEqual([]);
    expect(t.records.map((r) => r.values)).toEqual([
      { ref: 'R-001', title: '要員の離脱', category: 'resource', probability: 5, impact: 3, strategy: 'mitigate', responsePlan: '引継ぎ資料を整備', owner: '山田', status: 'in_progress', due: '2025-05-31' },
      { ref: 'R-002', title: 'ベンダー納期遅延', category: 'external', probability: 3, impact: 5, strategy: 'transfer', responsePlan: '契約で担保', owner: '佐藤', status: 'open', due: '2025-06-30' },
    ]);
  });

  it('leaves an empty ID or list value to the register, and takes merged-down cells for each row', async () => {
    const t = await table(
      [{ name: '課題', rows: [['No', '件名', '担当者', '状態'], [null, 'A', '山田', null], [null, 'B', null, '完了'], [3, 'C', '佐藤', '']], merges: ['C2:C3'] }],
      'issue',
    );
    expect(t.records.map((r) => r.values)).toEqual([
      { title: 'A', owner: '山田' },
      { title: 'B', owner: '山田', status: 'done' },
      { ref: 'I-003', title: 'C', owner: '佐藤' },
    ]);
  });

  it('maps an issue log and a change log', async () => {
    const issues = await table(
      [{ name: '課題管理表', rows: [['No.', '重要度', '課題内容', '起票日', '起票者', '回答期限', '回答', 'ステータス'], [1, '高', '帳票の出力形式', d('2025-04-01'), '近藤', d('2025-04-10'), 'PDFで確定', '完了']] }],
      'issue',
    );
    expect(issues.records[0]!.values).toEqual({ ref: 'I-001', priority: 'high', title: '帳票の出力形式', raisedOn: '2025-04-01', raisedBy: '近藤', due: '2025-04-10', resolution: 'PDFで確定', status: 'done' });
    const changes = await table(
      [{ name: '変更管理', rows: [['変更番号', '件名', '依頼者', '依頼日', '変更理由', '判定', '承認日'], ['C-7', '帳票追加', '顧客', d('2025-05-01'), '法改正', '承認', d('2025-05-08')]] }],
      'change',
    );
    expect(changes.records[0]!.values).toEqual({ ref: 'C-7', title: '帳票追加', requestedBy: '顧客', requestedOn: '2025-05-01', reason: '法改正', decision: 'approved', decidedOn: '2025-05-08' });
  });

  it('refuses a workbook without a table, with a reason', async () => {
    const model = readWorkbookBytes(await workbook([{ name: 'メモ', rows: [['打合せメモ'], ['次回までに確認']] }]), 'memo.xlsx');
    const a = analyzeWorkbook(model, 'wbs');
    expect(a).toEqual({ ok: false, reason: 'No table with a task name column (タスク名/作業名/件名/Task/Activity) was found (sheets looked at: メモ)' });
  });
});
