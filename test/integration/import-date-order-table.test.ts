// The day/month order of text dates, settled by the table (issue 11 "ambiguous ones ask"; blind set 8,
// B8): 02/04/2026 under Date Closed, where Target Date holds 15/05/2026, is 2 April — a column whose own
// cells prove nothing reads in the order the table's other date columns prove, else in the order its
// real dates are displayed in (dd/mm/yyyy). Where nothing in the table says, the date is read month
// first and the assumption named per cell (dateOrderAssumed). The export writes the column back in its order.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(head: string[], rows: ExcelJS.CellValue[][], fmt?: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Issues');
  ws.addRow(head);
  for (const r of rows) {
    const row = ws.addRow(r);
    if (fmt) row.eachCell((c) => c.value instanceof Date && (c.numFmt = fmt));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function preview(bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
}
const HEAD = ['ID', 'Issue', 'Date Raised', 'Target Date', 'Date Closed'];

describe('a column that proves nothing reads in its table’s order', () => {
  it.each<[string, ExcelJS.CellValue[][], string | undefined, (string | null)[]]>([
    ['another column’s 15/05/2026 (B8)', [['I1', 'Refresh failed', d('2026-03-02'), '15/05/2026', '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), '29/05/2026', '03/05/2026']], undefined, ['2026-04-02', '2026-05-03']],
    ['the real dates shown dd/mm/yyyy', [['I1', 'Refresh failed', d('2026-03-02'), d('2026-03-20'), '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), d('2026-04-01'), '03/05/2026']], 'dd/mm/yyyy', ['2026-04-02', '2026-05-03']],
    ['the real dates shown m/d/yyyy', [['I1', 'Refresh failed', d('2026-03-02'), d('2026-03-20'), '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), d('2026-04-01'), '03/05/2026']], 'm/d/yyyy', ['2026-02-04', '2026-03-05']],
    ['another column’s 05/15/2026 (month first)', [['I1', 'Refresh failed', d('2026-03-02'), '05/15/2026', '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), '05/29/2026', '03/05/2026']], 'dd/mm/yyyy', ['2026-02-04', '2026-03-05']],
  ])('%s', async (_, rows, fmt, closed) => {
    const p = await preview(await book(HEAD, rows, fmt));
    expect(p.rows.map((r) => r.values?.closedOn ?? null)).toEqual(closed);
    expect(p.problems.filter((x) => x.code === 'dateOrderAssumed')).toEqual([]);
  });

  it('nothing in the table says: read month first, each such date named with its other reading', async () => {
    const p = await preview(await book(HEAD, [['I1', 'Refresh failed', d('2026-03-02'), null, '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), null, '05/05/2026']]));
    expect(p.rows.map((r) => r.values?.closedOn ?? null)).toEqual(['2026-02-04', '2026-05-05']);
    const named = p.problems.filter((x) => x.code === 'dateOrderAssumed');
    expect(named.map((x) => [x.cell, x.params])).toEqual([['E2', { value: '02/04/2026', date: '2026/02/04', other: '2026/04/02' }]]);
    expect(named.every((x) => x.warning)).toBe(true);
  });

  it('the export writes the column day first, and edit scripts come back as stored', async () => {
    const bytes = await book(HEAD, [['I1', 'Refresh failed', d('2026-03-02'), '15/05/2026', '02/04/2026'], ['I2', 'Lookup', d('2026-03-16'), '29/05/2026', null], ['I3', 'DPIA', d('2026-03-20'), '30/05/2026', null]]);
    const { projectId, profileId } = await importWithProfile(call, bytes, 'uk-table', 'issue');
    const list = (await call('issue.list', { projectId })) as { id: number; closedOn: string | null }[];
    expect(list.map((x) => x.closedOn)).toEqual(['2026-04-02', null, null]);
    await call('issue.update', { id: list[1]!.id, patch: { closedOn: '2026-06-03' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId })).dataBase64, 'base64');
    const cell = readWorkbookBytes(out, 'x.xlsx').sheets[0]!.rows.find((r) => r.r === 2)!.cells.find((c) => c.c === 4);
    expect(cell?.v).toBe('03/06/2026');
    const outcome = await roundTrip(call, 'uk-table.xlsx', bytes, 'issue', { scripts: 5, seed: 18 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});

describe('a start～finish column reads in its table’s order', () => {
  // (Review U14 reads a period column in the order its own cells prove; where they prove none, the table's.)
  it.each<[string, ExcelJS.CellValue[], [string, string][]]>([
    ['another column’s 15/05/2026: day first', ['15/05/2026', '20/05/2026', '29/05/2026'], [['2026-04-02', '2026-04-06'], ['2026-04-07', '2026-04-09'], ['2026-05-04', '2026-05-08']]],
    ['another column’s 05/15/2026: month first', ['05/15/2026', '05/20/2026', '05/29/2026'], [['2026-02-04', '2026-06-04'], ['2026-07-04', '2026-09-04'], ['2026-04-05', '2026-08-05']]],
  ])('%s', async (_, updated, want) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['No.', 'タスク', '担当', '期間', '実績開始日']);
    const ranges = ['02/04/2026 - 06/04/2026', '07/04/2026 - 09/04/2026', '04/05/2026 - 08/05/2026'];
    ranges.forEach((r, k) => ws.addRow([k + 1, `タスク${k + 1}`, '佐藤', r, updated[k]]));
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'x.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.rows.map((r) => [r.values?.plannedStart ?? null, r.values?.plannedFinish ?? null])).toEqual(want);
  });
});
