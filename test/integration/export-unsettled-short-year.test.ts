// A column of two-digit years that nothing in the file settles (12/3/10: 2012-03-10 year first, or
// 2010-12-03 year last?) is kept as text on import, each cell named (dateAmbiguous). When the user sets
// such a date, the export wrote it yyyy/mm/dd, and that written year-first date then settled the column
// year first for the next import: the other task's 12/3/19, which the user reads as 2019-12-03, came
// back as 2012-03-19 without a word (review R9). A changed date is now written with its four digits
// where the user's reading puts the year.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { exportedColumn } from '../helpers/exported-column.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

async function plan(sep: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sh = wb.addWorksheet('Plan');
  sh.addRow(['Task', 'Owner', 'Start', 'Finish']);
  sh.addRow(['Design', 'Ann', `12${sep}3${sep}10`, `12${sep}3${sep}16`]);
  sh.addRow(['Build', 'Bob', `12${sep}3${sep}19`, `12${sep}3${sep}25`]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function resolved(sep: string, start: string, finish: string) {
  const { id: projectId } = await call('project.create', { name: `R9 ${sep} ${start}` });
  const dataBase64 = await plan(sep);
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
  expect(preview.problems.filter((p) => p.code === 'dateAmbiguous').length).toBe(4);
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `R9 ${sep} ${start}` } });
  const design = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === 'Design')!;
  // The user settles Design's dates by one of the readings the preview named (12/3/16: 2016-12-03 or 2012-03-16).
  await call('wbs.update', { id: design.id, patch: { plannedStart: start, plannedFinish: finish } });
  const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
  const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
  const build = back.rows.find((r) => r.name === 'Build')!;
  return { start: exportedColumn(out.dataBase64, 2), build: build.changes?.map((c) => `${c.field} ${String(c.after)}`) ?? [] };
}

describe('an unsettled two-digit-year column', () => {
  it('read year last by the user: a set date is written m/d/yyyy, and the next import reads the other dates year last', async () => {
    const { start, build } = await resolved('/', '2010-12-03', '2016-12-03');
    expect(start).toEqual(['12/3/2010', '12/3/19']);
    expect(build).toEqual(['plannedStart 2019-12-03', 'plannedFinish 2025-12-03']);
  });

  it('read year first by the user: a set date is written yyyy/mm/dd, and the next import reads the other dates year first', async () => {
    const { start, build } = await resolved('/', '2012-03-10', '2012-03-16');
    expect(start[0]).toBe('2012/03/10');
    expect(build).toEqual(['plannedStart 2012-03-19', 'plannedFinish 2012-03-25']);
  });
});
