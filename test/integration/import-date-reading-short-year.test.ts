// A column of two-digit-year US dates is settled as year last by one cell only (4/15/25: no month 15). Edit
// or delete that task, export with the profile, read the export back with the profile: the profile keeps
// the place of the year the import settled, so the other dates read as before (review R8; before, each
// became "ambiguous" and the plan emptied them).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const column = (b64: string, c: number) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((x) => x.c === c)?.v ?? null);

describe('two-digit-year dates settled by one cell', () => {
  it('read back the same after that cell is edited', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Task Name', 'Duration', 'Start', 'Finish']);
    ws.addRow(['Design', '5 days', '10/6/25', '10/10/25']);
    ws.addRow(['Build', '4 days', '10/14/25', '10/17/25']);
    ws.addRow(['Test', '5 days', '11/3/25', '11/7/25']);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'us' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const build = tasks.find((t) => t.name === 'Build')!;
    await call('wbs.delete', { id: build.id });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
