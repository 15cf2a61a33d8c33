// A due date written as a period a person reads as a day (blind set 6, L14): 7月末, 8月上旬 / 中旬 / 下旬,
// 9/E, end of Aug, mid Aug, w/c 14 Jul (week commencing: due by its Friday), Q3 — read as the last day
// they name (the year from the row's and column's other dates, as a yearless 7/31 is), and said so in the
// problems list as a warning on the cell. Words that name no day (ASAP, 来週中, TBC, EOW, 月末 alone) stay
// words kept with the row. A no-edit export writes the client's text back; an edited date is written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../electron/common/excel/client-dates.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function actions(dues: (string | Date)[], head = ['No', '会議日', 'アクション', '担当', '期限', '状況']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('アクション');
  ws.getRow(1).values = head;
  dues.forEach((due, i) => {
    ws.getRow(2 + i).values = [i + 1, d('2025-07-08'), `アクション${i + 1}`, '山田', due, 'オープン'];
    ws.getCell(2 + i, 2).numFmt = 'yyyy/mm/dd';
    if (due instanceof Date) ws.getCell(2 + i, 5).numFmt = 'yyyy/mm/dd';
  });
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const projectId = (await call('project.create', { name: `P${Math.random()}` })).id;
  return { projectId, dataBase64, p: await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64 }) };
}

describe('a period where a due date goes', () => {
  it('L14: 7月末, 8月上旬, 8月中旬, 8月下旬, 9/E, 7月末まで — the last day named, each cell warned; ASAP and 来週中 stay words', async () => {
    const { p } = await actions([d('2025-07-11'), '7月末', '8月上旬', '8月中旬', '8月下旬', '9/E', '7月末まで', 'ASAP', '来週中']);
    expect(p.counts).toMatchObject({ new: 9, skipped: 0 });
    expect(p.rows.map((r) => r.values?.due ?? null)).toEqual(['2025-07-11', '2025-07-31', '2025-08-10', '2025-08-20', '2025-08-31', '2025-09-30', '2025-07-31', null, null]);
    const due = p.problems.filter((x) => x.field === 'due');
    expect(due.map((x) => [x.cell, x.code, x.warning])).toEqual([
      ['E3', 'datePeriod', true],
      ['E4', 'datePeriod', true],
      ['E5', 'datePeriod', true],
      ['E6', 'datePeriod', true],
      ['E7', 'datePeriod', true],
      ['E8', 'datePeriod', true],
      ['E9', 'dateText', true],
      ['E10', 'dateText', true],
    ]);
    expect(due[0]!.reason).toBe('7月末 names a period: read as its last day, 2025/07/31');
  });

  it('English: end of Aug, mid Aug, w/c 14 Jul, w/e 25 Jul, Q3, End of September 2025; TBC and EOW stay words', async () => {
    const { p } = await actions([d('2025-07-11'), 'end of Aug', 'mid Aug', 'w/c 14 Jul', 'w/e 25 Jul', 'Q3', 'End of September 2025', 'TBC', 'EOW'], ['Ref', 'Raised', 'Action Item', 'Owner', 'Due', 'Status']);
    expect(p.rows.map((r) => r.values?.due ?? null)).toEqual(['2025-07-11', '2025-08-31', '2025-08-20', '2025-07-18', '2025-07-25', '2025-09-30', '2025-09-30', null, null]);
    expect(p.problems.filter((x) => x.field === 'due').map((x) => x.code)).toEqual(['datePeriod', 'datePeriod', 'datePeriod', 'datePeriod', 'datePeriod', 'datePeriod', 'dateText', 'dateText']);
  });

  it('the forms read alone, with and without a year', () => {
    const read = (t: string) => {
      const r = parseDateText(t, '2025-07-02');
      return r.ok ? r.iso : null;
    };
    expect(['2025年7月末', '2026/2月末', '2月末', 'Aug end', 'early Sep', 'w/c 28 Jul', 'W/C 14/7', 'week commencing 14 July', 'Q4 2025', 'by end of Aug', '8月上旬頃'].map(read)).toEqual([
      '2025-07-31', '2026-02-28', '2025-02-28', '2025-08-31', '2025-09-10', '2025-08-01', '2025-07-18', '2025-07-18', '2025-12-31', '2025-08-31', '2025-08-10',
    ]);
    expect(['ASAP', '来週中', 'TBC', 'EOW', '月末', '3Q', '未定', '7月'].map(read)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('a no-edit export writes the client’s text back; the same file reads back unchanged; an edited date is written as a date', async () => {
    const { projectId, dataBase64, p } = await actions([d('2025-07-11'), '7月末', '8月上旬', 'ASAP']);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L14 ${Math.random()}` } });
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
    const cellE = (b64: string, r: number) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.find((x) => x.r === r)?.cells.find((c) => c.c === 4);
    const same = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    expect([2, 3, 4].map((r) => cellE(same, r)?.v)).toEqual(['7月末', '8月上旬', 'ASAP']);
    const issues = await call('issue.list', { projectId });
    const end = issues.find((i) => i.due === '2025-07-31')!;
    await call('issue.update', { id: end.id, patch: { due: '2025-08-05' } });
    const out = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const cell = cellE(out, 2)!;
    expect(cell.v).not.toBe('7月末');
    expect(cellE(out, 3)?.v).toBe('8月上旬');
  });
});
