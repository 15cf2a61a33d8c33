// A table that is plainly another register's, previewed into a register that only takes its key column
// loosely (issue 11: checklist-jp-fintan's self-check list previewed as a WBS imported its 35 check items as
// tasks): the preview imports nothing and says which register the table is (otherRegisterTable), until
// the user points at the table. Generated variants, Japanese and English checklists and a gantt
// previewed as risks; a WBS whose columns also fit a checklist still imports as a WBS.
import ExcelJS, { type CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(sheet: string, title: string | null, header: string[], rows: CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  if (title) ws.getCell('A1').value = title;
  ws.getRow(3).values = header;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string, register: ImportTarget, mapping?: { headerTop: number }) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64, ...(mapping ? { mapping } : {}) });
}

// Records by source row: a WBS read from 大分類 / 小分類 adds group tasks from the same rows.
const imported = (p: Awaited<ReturnType<typeof preview>>) => new Set(p.rows.filter((r) => !r.skipped).map((r) => r.row)).size;
const otherProblem = (p: Awaited<ReturnType<typeof preview>>) => p.problems.find((x) => x.code === 'otherRegisterTable');

const JA_CHECKS = [
  ['共通', '全般', 'ファイルの改行コード', '改行コードが統一されていること', '', ''],
  ['Java', '全般', 'マジックナンバー', '定数化して変数名を付与すること', '', ''],
  ['Java', 'Action', 'インスタンス変数', 'Actionにインスタンス変数を持たせないこと', '', ''],
  ['テスト', '全般', '例外のテスト', '例外種別毎にテストメソッドを分けること', '', ''],
];

describe('a table plainly another register’s', () => {
  it.each([
    ['a self-check list (大分類 / 小分類 / チェック項目 / チェック内容 / 確認者 / 確認日 / コメント)', ['No', '大分類', '小分類', 'チェック項目', 'チェック内容', '確認者', '確認日', 'コメント'], JA_CHECKS.map((r, i) => [i + 1, ...r, ''])],
    ['a check list headed 大分類 / 中分類 / 確認項目 / 確認内容 / 確認者 / 確認日 / 備考', ['ID', '大分類', '中分類', '確認項目', '確認内容', '確認者', '確認日', '備考'], JA_CHECKS.map((r, i) => [`C-${i + 1}`, ...r, ''])],
    ['an English checklist (Phase / Check Item / Check Details / Checked By / Checked On / Comment)', ['#', 'Phase', 'Check Item', 'Check Details', 'Checked By', 'Checked On', 'Comment'], [
      [1, 'Design', 'Naming rules', 'Names follow the project glossary', '', '', ''],
      [2, 'Build', 'Magic numbers', 'Constants are named', '', '', ''],
      [3, 'Build', 'Null checks', 'Use the framework helpers', '', '', ''],
      [4, 'Test', 'Exceptions', 'One test per exception type', '', '', ''],
    ]],
  ])('%s previewed as a WBS imports nothing and names the checklist; pointed at, it imports', async (_, header, rows) => {
    const data = await book('チェックリスト', 'セルフチェックリスト', header, rows);
    const p = await preview(data, 'wbs');
    expect(imported(p)).toBe(0);
    expect(p.counts.new).toBe(0);
    expect(otherProblem(p)?.params).toMatchObject({ register: 'wbs', other: 'checklist', sheet: 'チェックリスト', file: 'x.xlsx' });
    expect(await call('excel.suggestRegister', { previewId: p.previewId })).toEqual({ register: 'checklist' });
    // As a checklist, every item.
    const asChecklist = await preview(data, 'checklist');
    expect(otherProblem(asChecklist)).toBeUndefined();
    expect(imported(asChecklist)).toBe(rows.length);
    // The user who points at the header means it.
    const pointed = await preview(data, 'wbs', { headerTop: 3 });
    expect(otherProblem(pointed)).toBeUndefined();
    expect(imported(pointed)).toBe(rows.length);
  });

  it('a gantt (タスク / 担当 / 開始日 / 終了日 / 進捗) previewed as risks imports nothing and names the WBS', async () => {
    const data = await book('工程表', null, ['No', 'タスク', '担当', '開始日', '終了日', '進捗'], [
      [1, '要件定義', '佐藤', d('2025-04-01'), d('2025-04-20'), 1],
      [2, '基本設計', '鈴木', d('2025-04-21'), d('2025-05-20'), 0.5],
      [3, '詳細設計', '鈴木', d('2025-05-21'), d('2025-06-10'), 0],
    ]);
    const p = await preview(data, 'risk');
    expect(imported(p)).toBe(0);
    expect(otherProblem(p)?.params).toMatchObject({ register: 'risk', other: 'wbs' });
  });

  it('a WBS whose columns a checklist also knows (大分類 / 作業項目 / 確認者) still imports as a WBS', async () => {
    const data = await book('WBS', null, ['No', '大分類', '作業項目', '担当', '開始日', '終了日', '確認者'], [
      [1, '設計', '画面設計', '佐藤', d('2025-04-01'), d('2025-04-10'), '山田'],
      [2, '設計', 'DB設計', '鈴木', d('2025-04-11'), d('2025-04-20'), '山田'],
      [3, '製造', '画面実装', '田中', d('2025-04-21'), d('2025-05-10'), '山田'],
    ]);
    const p = await preview(data, 'wbs');
    expect(otherProblem(p)).toBeUndefined();
    expect(p.rows.filter((r) => !r.skipped).map((r) => r.values?.name)).toEqual(expect.arrayContaining(['画面設計', 'DB設計', '画面実装']));
  });
});
