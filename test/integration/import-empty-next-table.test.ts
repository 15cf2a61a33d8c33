// A status report's milestone list with, one blank row under it, the header of a second table that has no
// rows yet (Risk | Mitigation Plan | Approval Status | Next Steps, "Next Steps" under the list's Due Date):
// that row is no record, and a record added to the list is written above it and reads back
// (status-en-doordash: since a date cell of words keeps its record, the header row was imported as one
// and added records went under it, out of the table).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function report(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Sheet1');
  s.getCell('A1').value = 'Project Status Report';
  s.getRow(3).values = ['Milestone', 'Detail', 'Status', 'Owner', 'Due Date'];
  const rows: [string, string, string, string, Date][] = [
    ['Phase 1', 'Basic algorithm', 'Done', 'Ann', new Date('2024-02-06T00:00:00Z')],
    ['Phase 2', 'UI and feedback', 'Done', 'Bob', new Date('2024-03-05T00:00:00Z')],
    ['Phase 3', 'Integration', 'In Progress', 'Cho', new Date('2024-04-09T00:00:00Z')],
    ['QA 1', 'Manual and automated tests', 'Open', 'Dan', new Date('2024-04-23T00:00:00Z')],
  ];
  rows.forEach((r, i) => (s.getRow(4 + i).values = r));
  // One blank row, then the next table's header alone.
  s.getRow(9).values = ['Risk', 'Mitigation Plan', 'Approval Status', null, 'Next Steps'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the header of an empty table under the records', () => {
  it('is no record, and records added go above it', async () => {
    const { id: projectId } = await call('project.create', { name: 'status' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'status.xlsx', dataBase64: (await report()).toString('base64') });
    expect(p.data.last).toBe(7);
    expect(p.rows).toHaveLength(4);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'status' } });
    expect(await call('issue.list', { projectId })).toHaveLength(4);
    await call('issue.create', { projectId, values: { title: 'Phase 4', owner: 'Eve' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'status.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.missing).toEqual([]);
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => r.name)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    // The empty table's header is still under the records, one blank row below them.
    expect(wb.getWorksheet('Sheet1')!.getRow(10).getCell(1).value).toBe('Risk');
  });
});
