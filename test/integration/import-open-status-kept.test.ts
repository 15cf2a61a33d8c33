// Review T7 (2949bc2): a WBS whose Status says Open / In Progress / Done. The In Progress task is set to
// done; the export is re-imported with its profile: nothing should read as changed (the Open task is
// still not started).
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
it('re-import of the export after the last In Progress task is done', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.addRow(['Task', 'Owner', 'Start', 'Finish', 'Status']);
  ws.addRow(['Design', 'Ann', new Date(Date.UTC(2025, 5, 2)), new Date(Date.UTC(2025, 5, 6)), 'Done']);
  ws.addRow(['Build', 'Bob', new Date(Date.UTC(2025, 5, 9)), new Date(Date.UTC(2025, 5, 13)), 'In Progress']);
  ws.addRow(['Test', 'Cy', new Date(Date.UTC(2025, 5, 16)), new Date(Date.UTC(2025, 5, 20)), 'Open']);
  ws.addRow(['Deploy', 'Cy', new Date(Date.UTC(2025, 5, 23)), new Date(Date.UTC(2025, 5, 24)), 'Open']);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'T7' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  expect(tasks.map((t) => `${t.name}:${t.status}`)).toEqual(['Design:done', 'Build:in_progress', 'Test:not_started', 'Deploy:not_started']);
  await call('wbs.update', { id: tasks.find((t) => t.name === 'Build')!.id, patch: { status: 'done', progress: 100 } });
  const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
  const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out, profileId: profileId! });
  expect(back.counts).toMatchObject({ changed: 0 });
});
