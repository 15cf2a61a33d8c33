// A column of UK text dates (day first) is known to be day first only from a cell whose day is over 12
// (14/05/2025). Edit or delete that record: the export writes 02/06/2025 (day first, right), and then no
// cell of the column proves day first any more. The profile keeps the reading the import settled
// (ColumnMapping.dateReading), so the next import with it still reads the column day first (review R3;
// before, every date of the column came back month first, silently).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

/** A UK issue log imported with a profile (its dates right), then `edit`, export, and the export read back with the profile. */
async function roundTrip(name: string, edit: (first: number) => Promise<unknown>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Issues');
  ws.addRow(['No', 'Issue', 'Due Date', 'Owner']);
  ws.addRow([1, 'Login fails', '14/05/2025', 'Ann']);
  ws.addRow([2, 'Report layout', '03/06/2025', 'Bob']);
  ws.addRow([3, 'Slow search', '10/06/2025', 'Cy']);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  const list = await call('issue.list', { projectId });
  expect(list.map((x) => x.due)).toEqual(['2025-05-14', '2025-06-03', '2025-06-10']);
  await edit(list[0]!.id);
  const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
  return call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
}

describe('UK text dates', () => {
  it('an edited date keeps the column read day first on the next import', async () => {
    const again = await roundTrip('uk', (id) => call('issue.update', { id, patch: { due: '2025-06-02' } }));
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
  it('a deleted record keeps the column read day first on the next import', async () => {
    const again = await roundTrip('uk2', (id) => call('issue.delete', { id }));
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
