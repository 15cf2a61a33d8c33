// A WBS column left of the task names that names each group on its first task and leaves the tasks
// below it blank (工種 仮設工事 | 解体工事 … in a construction schedule) is the tree's group level, as the
// same column merged down over its tasks is (issue 11; blind set 12, R2: the 7 groups were not created and
// 17 tasks came in flat). Variants: an English header word no synonym knows, the column after a No.,
// notes under the table; and columns that only look alike (a note on some tasks, a code on every task)
// stay the client's.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Header on row 3, then `rows` (a Date is given the sheet's date format), then `after` rows of notes. */
async function importPlan(head: string[], rows: unknown[][], after: string[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '校舎改修工事 施工工程表';
  ws.getRow(3).values = head;
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = r as ExcelJS.CellValue[];
    row.eachCell((c) => c.value instanceof Date && (c.numFmt = 'yyyy/m/d'));
  });
  after.forEach((t, i) => (ws.getCell(`A${6 + rows.length + i}`).value = t));
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
  await call('excel.applyImport', { previewId: p.previewId, options: {} });
  const tasks = tasksOfTable(await call('wbs.rows', { projectId })) as unknown as { name: string; level: number }[];
  return { columns: Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null])), tree: tasks.map((t) => `${'  '.repeat(t.level)}${t.name}`) };
}

const JP: [string | null, string, string][] = [
  ['仮設工事', '仮設足場組立', '2025-04-07'], [null, '仮囲い・養生', '2025-04-09'], [null, '現場事務所設置', '2025-04-14'],
  ['解体工事', '内装材撤去', '2025-04-17'], [null, 'アスベスト含有材除去', '2025-05-02'],
  ['内装工事', '間仕切り壁新設', '2025-06-27'], [null, '床仕上げ', '2025-07-04'], [null, '天井張替え', '2025-07-23'],
];
const JP_TREE = ['仮設工事', '  仮設足場組立', '  仮囲い・養生', '  現場事務所設置', '解体工事', '  内装材撤去', '  アスベスト含有材除去', '内装工事', '  間仕切り壁新設', '  床仕上げ', '  天井張替え'];

describe('a group column written on each group’s first task only', () => {
  it('R2: 工種 | 細目 | 数量 | 着手 with notes under the table (built on)', async () => {
    const { columns, tree } = await importPlan(['工種', '細目', '数量', '着手'], JP.map(([g, n, s], i) => [g, n, 10 * (i + 1), d(s)]), ['※ 天候により工程を変更する場合があります。', '凡例：■ 予定']);
    expect(columns.A).toBe('level1');
    expect(tree).toEqual(JP_TREE);
  });

  it('English, after a No. column, under a word no synonym knows (Trade)', async () => {
    const rows = [
      ['Site works', 'Hoarding', '2025-04-07'], [null, 'Site cabin', '2025-04-09'],
      ['Demolition', 'Strip-out', '2025-04-17'], [null, 'Asbestos removal', '2025-05-02'], [null, 'Skip hire', '2025-05-05'],
      ['Fit-out', 'Partitions', '2025-06-27'], [null, 'Flooring', '2025-07-04'],
    ];
    const { columns, tree } = await importPlan(['No.', 'Trade', 'Activity', 'Start'], rows.map(([g, n, s], i) => [i + 1, g, n, d(s!)]));
    expect(columns.B).toBe('level1');
    expect(tree).toEqual(['Site works', '  Hoarding', '  Site cabin', 'Demolition', '  Strip-out', '  Asbestos removal', '  Skip hire', 'Fit-out', '  Partitions', '  Flooring']);
  });

  it('a note on some tasks (the same word twice) or a code on every task is no group', async () => {
    const notes = await importPlan(['メモ', '作業', '開始'], JP.map(([, n, s], i) => [[0, 3, 5].includes(i) ? '要確認' : null, n, d(s)]));
    expect(notes.columns.A).not.toBe('level1');
    expect(notes.tree.every((t) => !t.startsWith(' '))).toBe(true);
    const codes = await importPlan(['記号', '作業', '開始'], JP.map(([, n, s], i) => [`K${String.fromCharCode(65 + i)}`, n, d(s)]));
    expect(codes.columns.A).not.toBe('level1');
    expect(codes.tree.every((t) => !t.startsWith(' '))).toBe(true);
  });
});
