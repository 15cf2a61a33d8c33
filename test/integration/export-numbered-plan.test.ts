// A plan whose 行番号 column numbers every row of the form, its tasks and the prepared rows under them alike
// (1–10 tasks, 11–20 blank), beside a 先行 column nobody filled (wbs-jp-bkoizumi's layout). With no link
// naming a task by its number, the column is the form's numbering, not the client's IDs: after a task is added in
// the middle and another deleted, the numbers still run 1, 2, 3 … down every row, the new task's
// included, and the prepared rows below keep theirs. (Kept as a column of the client's data, the new
// task's number was blank and the prepared rows' numbers no longer ran on.)
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// [level, name, start, finish, owner]
const PLAN: [number, string, string, string, string][] = [
  [0, '設計', '', '', ''],
  [1, '画面設計', '2025-06-02', '2025-06-06', '田中'],
  [1, '帳票設計', '2025-06-09', '2025-06-13', '佐藤'],
  [1, 'DB設計', '2025-06-09', '2025-06-20', '鈴木'],
  [0, '開発', '', '', ''],
  [1, '画面開発', '2025-06-23', '2025-07-04', '田中'],
  [1, '帳票開発', '2025-07-07', '2025-07-18', '佐藤'],
];
const PREPARED = 6;

async function numberedPlan(withLink: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('メイン');
  // (Another owner header with the link: the first test's saved profile would otherwise be matched.)
  s.getRow(1).values = ['行番号', 'タスク名', '開始', '終了', withLink ? '担当' : '担当者', '先行タスク'];
  PLAN.forEach(([level, name, start, finish, owner], i) => {
    const row = s.getRow(2 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = name;
    row.getCell(2).alignment = { indent: level };
    if (start) row.getCell(3).value = d(start);
    if (finish) row.getCell(4).value = d(finish);
    if (owner) row.getCell(5).value = owner;
  });
  if (withLink) s.getCell(2 + 2, 6).value = 2; // 帳票設計 after # 2 (画面設計)
  for (let k = 0; k < PREPARED; k++) s.getCell(2 + PLAN.length + k, 1).value = PLAN.length + k + 1;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const columnA = async (base64: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  const s = wb.getWorksheet('メイン')!;
  return Array.from({ length: PLAN.length + PREPARED }, (_, i) => ({ n: s.getCell(2 + i, 1).value, name: s.getCell(2 + i, 2).value ?? null }));
};

describe('a 行番号 column numbering the tasks and the prepared rows, no links', () => {
  it('keeps running 1, 2, 3 … down every row after an insert in the middle and a delete', async () => {
    const { id: projectId } = await call('project.create', { name: 'numbered' });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: (await numberedPlan(false)).toString('base64') });
    expect(p.columns.find((c) => c.column === 'A')).toMatchObject({ field: null, numbering: true });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'plan' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const byName = (n: string) => tasks.find((t) => t.name === n)!;
    await call('wbs.create', { projectId, parentId: byName('設計').id, values: { name: '外部IF設計' } });
    await call('wbs.delete', { ids: [byName('帳票開発').id] });

    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const rows = await columnA(out.dataBase64);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: PLAN.length + PREPARED }, (_, i) => i + 1));
    expect(rows.slice(0, PLAN.length).map((r) => r.name)).toEqual(['設計', '画面設計', '帳票設計', 'DB設計', '外部IF設計', '開発', '画面開発']);
    expect(rows.slice(PLAN.length).every((r) => r.name === null)).toBe(true);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => ({ name: r.name, status: r.status, changes: r.changes }))).toEqual([]);
    expect(again.missing).toEqual([]);
  });

  it('is no numbering where a link names a task by its number', async () => {
    const { id: projectId } = await call('project.create', { name: 'linked' });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: (await numberedPlan(true)).toString('base64') });
    expect(p.columns.find((c) => c.column === 'A')?.numbering).toBeUndefined();
  });
});
