// Dates a client types as text in its own form (blind check G3, G6): a UK log's 14/05/2025 is day first,
// so its 03/06/2025 is 3 June; MS Project's "Mon 4/7/25" is a date. Before, a day-first date was "not a
// date" and its whole record was skipped, and MS Project's Start/Finish were kept as extra columns. A
// date changed in PMO Desk goes back in the column's own form (20/06/2025, not 2025/06/20), and the
// export read back with its profile is what is stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

async function book(sheetName: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet(sheetName);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function cellsOf(b64: string, sheetName: string, column: string, rows: number[]): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
  const s = wb.getWorksheet(sheetName)!;
  return rows.map((r) => s.getCell(`${column}${r}`).value);
}

describe('dates typed as text in the client’s own form', () => {
  it('a UK issue log: every record imported with its dates day first, an edited date written back day first', async () => {
    const dataBase64 = await book('Issue Log', [
      ['No.', 'Issue', 'Owner', 'Date Raised', 'Due Date', 'Status'],
      [1, 'Data migration slips', 'Ann', '03/06/2025', '14/06/2025', 'Open'],
      [2, 'Test rig not delivered', 'Bob', '14/05/2025', '23/06/2025', 'Open'],
      [3, 'Licence renewal', 'Cy', '02/05/2025', '09/05/2025', 'Closed'],
    ]);
    const { id: projectId } = await call('project.create', { name: 'UK' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'uk.xlsx', dataBase64 });
    expect(preview.problems.filter((p) => p.field === 'raisedOn' || p.field === 'due')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'UK log' } });
    const issues = await call('issue.list', { projectId });
    expect(issues.map((i) => [i.title, i.raisedOn, i.due])).toEqual([
      ['Data migration slips', '2025-06-03', '2025-06-14'],
      ['Test rig not delivered', '2025-05-14', '2025-06-23'],
      ['Licence renewal', '2025-05-02', '2025-05-09'],
    ]);

    // No edit: every date cell comes back as the client typed it.
    const same = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(await cellsOf(same.dataBase64, 'Issue Log', 'E', [2, 3, 4])).toEqual(['14/06/2025', '23/06/2025', '09/05/2025']);

    await call('issue.update', { id: issues[0]!.id, patch: { due: '2025-06-20' } });
    await call('issue.update', { id: issues[2]!.id, patch: { due: '2025-07-01' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(await cellsOf(out.dataBase64, 'Issue Log', 'E', [2, 3, 4])).toEqual(['20/06/2025', '23/06/2025', '01/07/2025']);
    expect(await cellsOf(out.dataBase64, 'Issue Log', 'D', [2, 3, 4])).toEqual(['03/06/2025', '14/05/2025', '02/05/2025']);
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('an MS Project paste: Mon 4/7/25 start and finish are the tasks’ dates, and a moved task is written in the same form', async () => {
    const dataBase64 = await book('Tasks', [
      ['ID', 'Task Name', 'Duration', 'Start', 'Finish', 'Resource Names'],
      [1, 'Requirements', '5 days', 'Mon 4/7/25', 'Fri 4/11/25', 'Ann'],
      [2, 'Design', '5 days', 'Mon 4/14/25', 'Fri 4/18/25', 'Bob'],
      [3, 'Build', '10 days', 'Mon 4/21/25', 'Fri 5/2/25', 'Cy'],
    ]);
    const { id: projectId } = await call('project.create', { name: 'MSP' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'msp.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish])).toEqual([
      ['Requirements', '2025-04-07', '2025-04-11'],
      ['Design', '2025-04-14', '2025-04-18'],
      ['Build', '2025-04-21', '2025-05-02'],
    ]);
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-04-15', plannedFinish: '2025-04-22' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(await cellsOf(out.dataBase64, 'Tasks', 'D', [2, 3, 4])).toEqual(['Mon 4/7/25', 'Tue 4/15/25', 'Mon 4/21/25']);
    expect(await cellsOf(out.dataBase64, 'Tasks', 'E', [2, 3, 4])).toEqual(['Fri 4/11/25', 'Tue 4/22/25', 'Fri 5/2/25']);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
