// "Open" decided by the column's own words (blind set 5, K7): an issue log whose Status holds In Progress,
// Open and Resolved read Open as in progress, so Open and In Progress collapsed. Where the column also
// names in progress, Open is the state before it: raised, not yet worked (not started). An Open/Closed log
// keeps Open as in progress (nothing else says the work is under way), and a risk's Open stays open.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'risk' | 'change' | 'wbs';

async function preview(register: Register, head: string[], rows: ExcelJS.CellValue[][], sheet = 'Sheet1') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, p: await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 }) };
}
type Preview = Awaited<ReturnType<typeof preview>>['p'];
const column = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field]);

/** A RAID log's Issues sheet with these statuses. */
const raid = (statuses: string[]) =>
  preview(
    'issue',
    ['Issue ID', 'Date Raised', 'Issue', 'Priority', 'Owner', 'Target Date', 'Status', 'Resolution'],
    statuses.map((s, i) => [`I${i + 1}`, d('2025-04-01'), `Issue ${i + 1}`, 'High', 'Kim', d('2025-05-01'), s, '']),
    'Issues',
  );

describe('Open beside a word for in progress is not started', () => {
  it('K7: In Progress, Open, Resolved, Open', async () => {
    const { p } = await raid(['In Progress', 'Open', 'Resolved', 'Open']);
    expect(column(p, 'status')).toEqual(['in_progress', 'not_started', 'done', 'not_started']);
    expect(p.values.filter((v) => v.field === 'status')).toEqual([]);
  });

  it.each([
    [['オープン', '対応中', 'クローズ'], ['not_started', 'in_progress', 'done']],
    [['Open', 'WIP', 'Closed', 'On Hold'], ['not_started', 'in_progress', 'done', 'on_hold']],
    [['Open', 'Active', 'Done'], ['not_started', 'in_progress', 'done']],
    [['New', 'Open', 'In Review', 'Closed'], ['not_started', 'not_started', 'in_progress', 'done']],
  ])('%j', async (statuses, expected) => {
    const { p } = await raid(statuses);
    expect(column(p, 'status')).toEqual(expected);
  });

  it('a change’s implementation status, and a WBS status, read the same way', async () => {
    const change = await preview('change', ['Title', 'Decision', 'Implementation Status'], [
      ['A', 'Approved', 'Open'],
      ['B', 'Approved', 'In Progress'],
      ['C', 'Approved', 'Complete'],
    ]);
    expect(column(change.p, 'implStatus')).toEqual(['not_started', 'in_progress', 'done']);
    const wbs = await preview('wbs', ['Task', 'Start', 'Finish', 'Status'], [
      ['Design', d('2025-04-01'), d('2025-04-10'), 'Closed'],
      ['Build', d('2025-04-11'), d('2025-04-30'), 'In Progress'],
      ['Test', d('2025-05-01'), d('2025-05-20'), 'Open'],
    ]);
    expect(column(wbs.p, 'status')).toEqual(['done', 'in_progress', 'not_started']);
  });
});

describe('where the column has no other word for in progress, Open keeps its reading', () => {
  it('an Open/Closed log: Open is in progress (as before)', async () => {
    const { p } = await raid(['Open', 'Closed', 'Open']);
    expect(column(p, 'status')).toEqual(['in_progress', 'done', 'in_progress']);
  });

  it('New / Open / Closed: Open is the worked state after New', async () => {
    const { p } = await raid(['New', 'Open', 'Closed']);
    expect(column(p, 'status')).toEqual(['not_started', 'in_progress', 'done']);
  });

  it('a risk’s Open stays open beside In Progress (the risk list has an open state)', async () => {
    const { p } = await preview('risk', ['Risk', 'Probability', 'Impact', 'Status'], [
      ['Vendor late', 'High', 'High', 'Open'],
      ['Key person leaves', 'Low', 'High', 'In Progress'],
      ['Budget cut', 'Low', 'Low', 'Closed'],
    ]);
    expect(column(p, 'status')).toEqual(['open', 'in_progress', 'closed']);
  });
});

describe('the words are written back', () => {
  it('an issue export writes Open for not started and In Progress for in progress; a no-edit export reads back unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Issues');
    ws.addRow(['Issue ID', 'Issue', 'Owner', 'Status']);
    [['Login', 'In Progress'], ['Report', 'Open'], ['Fax', 'Resolved']].forEach((r, i) => ws.addRow([`I${i + 1}`, r[0], 'Kim', r[1]]));
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: `E${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `K7 ${Math.random()}` } });
    const same = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: same, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    const fax = (await call('issue.list', { projectId })).find((i) => i.title === 'Fax')!;
    await call('issue.update', { id: fax.id, patch: { status: 'not_started' } });
    const out = readWorkbookBytes(Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64'), 'x.xlsx');
    expect([1, 2, 3].map((r) => out.sheets[0]!.rows.find((x) => x.r === r)!.cells.find((c) => c.c === 3)?.v)).toEqual(['In Progress', 'Open', 'Open']);
  });

  it('a WBS export keeps Open on the not-started task; a no-edit export reads back unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Task', 'Start', 'Finish', 'Status']);
    ws.addRow(['Design', d('2025-04-01'), d('2025-04-10'), 'Closed']);
    ws.addRow(['Build', d('2025-04-11'), d('2025-04-30'), 'In Progress']);
    ws.addRow(['Test', d('2025-05-01'), d('2025-05-20'), 'Open']);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: `W${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'x.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `K7w ${Math.random()}` } });
    const same = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    const out = readWorkbookBytes(Buffer.from(same, 'base64'), 'x.xlsx');
    expect([1, 2, 3].map((r) => out.sheets[0]!.rows.find((x) => x.r === r)!.cells.find((c) => c.c === 3)?.v)).toEqual(['Closed', 'In Progress', 'Open']);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'x.xlsx', dataBase64: same, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
