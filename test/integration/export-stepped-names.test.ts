// A WBS whose task name is written one column further right per level under one merged header
// (作業項目 over 大項目/中項目/小項目, B:D; blind finding F6): a summary indented into the deepest column
// has its child pushed deeper than the file has columns (named in tooDeep): in the file it reads as a
// task with no subtasks, so its dates, rolled up in PMO Desk, are written on its row and survive.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// [level, name, owner, start, finish]: summaries carry no dates of their own, as clients draw them.
const PLAN: [number, string, string, string, string][] = [
  [0, '設計', '', '', ''],
  [1, '基本設計', '', '', ''],
  [2, '画面設計', '田中', '2025-06-02', '2025-06-13'],
  [2, '帳票設計', '佐藤', '2025-06-09', '2025-06-20'],
  [0, 'テスト', '', '', ''],
  [1, '結合テスト', '', '', ''],
  [2, '結合テスト実施', '鈴木', '2025-07-01', '2025-07-31'],
  [1, 'システムテスト', '', '', ''],
  [2, 'システムテスト実施', '鈴木', '2025-08-12', '2025-08-26'],
];

async function steppedPlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('WBS');
  s.getRow(1).values = ['No', '作業項目', null, null, '担当', '開始', '終了'];
  s.mergeCells('B1:D1');
  PLAN.forEach(([level, name, owner, start, finish], i) => {
    const row = s.getRow(2 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2 + level).value = name;
    if (owner) row.getCell(5).value = owner;
    if (start) row.getCell(6).value = d(start);
    if (finish) row.getCell(7).value = d(finish);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a WBS named one column further right per level (F6)', () => {
  it('a summary indented into the deepest column keeps its dates through the round trip', async () => {
    const { id: projectId } = await call('project.create', { name: 'stepped' });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'stepped.xlsx', dataBase64: (await steppedPlan()).toString('base64') });
    expect(p.hierarchy).toBe('columns');
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'stepped' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const system = tasks.find((t) => t.name === 'システムテスト')!;
    expect([system.level, system.summary, system.plannedStart, system.plannedFinish]).toEqual([1, true, '2025-08-12', '2025-08-26']);
    await call('wbs.indent', { ids: [system.id] });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(out.tooDeep?.map((t) => t.name)).toEqual(['システムテスト実施']);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'stepped.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    // Only the parent of the task named too deep may differ.
    const changed = again.rows
      .filter((r) => r.status !== 'unchanged')
      .map((r) => ({ name: r.name, status: r.status, changes: (r.changes ?? []).filter((c) => !(c.field === 'parent' && r.name === 'システムテスト実施')) }))
      .filter((r) => r.status !== 'changed' || r.changes.length > 0);
    expect(changed).toEqual([]);
    expect(again.missing).toEqual([]);
  });
});
