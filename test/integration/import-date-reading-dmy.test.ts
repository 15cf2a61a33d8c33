// A column of UK text dates (day first) is known to be day first only from a cell whose day is over 12
// (14/05/2025). Edit or delete that record: the export writes 02/06/2025 (day first, right), and then no
// cell of the column proves day first any more. The profile keeps the reading the import settled
// (ColumnMapping.dateReading), so the next import with it still reads the column day first (review R3;
// before, every date of the column came back month first, silently).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const columnC = (b64: string) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((c) => c.c === 2)?.v ?? null);

describe('UK text dates', () => {
  it('an edited date keeps the column read day first on the next import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Issues');
    ws.addRow(['No', 'Issue', 'Due Date', 'Owner']);
    ws.addRow([1, 'Login fails', '14/05/2025', 'Ann']);
    ws.addRow([2, 'Report layout', '03/06/2025', 'Bob']);
    ws.addRow([3, 'Slow search', '10/06/2025', 'Cy']);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'uk' } });
    const list = await call('issue.list', { projectId });
    expect(list.map((x) => x.due)).toEqual(['2025-05-14', '2025-06-03', '2025-06-10']);
    await call('issue.update', { id: list[0]!.id, patch: { due: '2025-06-02' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
  it('a deleted record keeps the column read day first on the next import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Issues');
    ws.addRow(['No', 'Issue', 'Due Date', 'Owner']);
    ws.addRow([1, 'Login fails', '14/05/2025', 'Ann']);
    ws.addRow([2, 'Report layout', '03/06/2025', 'Bob']);
    ws.addRow([3, 'Slow search', '10/06/2025', 'Cy']);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P2' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'uk2' } });
    const list = await call('issue.list', { projectId });
    expect(list.map((x) => x.due)).toEqual(['2025-05-14', '2025-06-03', '2025-06-10']);
    await call('issue.delete', { id: list[0]!.id });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
