// English dates a client writes without a year (Tue 7/15, Jul 15, 15-Jul, Tuesday, July 15, 7/15 (Tue),
// 15/07 in a day-first column): read as dates (the month's name too), and an edited date is written back
// in the column's own form — its weekday, the month's name and their case as the column writes them —
// never as yyyy/mm/dd (c02cb81 did this for the Japanese forms). Where the form would not read back as
// the date (another year, no weekday to say it) the year goes where that form puts it (Jul 15, 2026).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { roundTrip, type Op } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const EDITS: Op[] = ['fields', 'dates', 'dates', 'rename', 'addEnd', 'deleteMiddle'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date in a form: M/MM month, D/DD day, Mon/Month the month's name, Ddd/Dddd the weekday. */
const text = (iso: string, form: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const wd = DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return form
    .replace('Month', MONTH_NAMES[m - 1]!)
    .replace('Mon', MONTH_NAMES[m - 1]!.slice(0, 3))
    .replace('Dddd', wd)
    .replace('Ddd', wd.slice(0, 3))
    .replace('MM', String(m).padStart(2, '0'))
    .replace('M', String(m))
    .replace('DD', String(d).padStart(2, '0'))
    .replace(/\bD\b/, String(d));
};
const DAYS = ['2025-07-08', '2025-07-11', '2025-07-15', '2025-07-18', '2025-07-22', '2025-08-01', '2025-08-05'];

async function book(target: ImportTarget, form: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(target === 'wbs' ? 'Plan' : 'Actions');
  if (target === 'wbs') {
    ws.addRow(['WBS', 'Task', 'Owner', 'Start', 'Finish']);
    DAYS.forEach((day, i) => ws.addRow([`${i + 1}`, `Task ${i + 1}`, 'Kim', text(day, form), text(DAYS[Math.min(i + 1, DAYS.length - 1)]!, form)]));
  } else {
    ws.addRow(['#', 'Action', 'Owner', 'Due', 'Status']);
    DAYS.forEach((day, i) => ws.addRow([i + 1, `Action ${i + 1}`, ['Kim', 'Lee'][i % 2], text(day, form), 'Open']));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const { call } = fileWorkspace();

const FORMS: [string, ImportTarget, string][] = [
  ['Tue 7/15', 'issue', 'Ddd M/D'],
  ['Jul 15', 'issue', 'Mon D'],
  ['15-Jul', 'wbs', 'D-Mon'],
  ['Tuesday, July 15', 'wbs', 'Dddd, Month D'],
  ['7/15 (Tue)', 'issue', 'M/D (Ddd)'],
];

describe('English yearless date columns after random date edits', () => {
  for (const [name, target, form] of FORMS)
    it(`${name} (${target}): the export reads back as stored`, async () => {
      const o = await roundTrip(call, `${target}-${name}.xlsx`, await book(target, form), target, { scripts: 20, seed: 15, steps: 8, ops: EDITS });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 600_000);
});

describe('an edited date in an English yearless column', () => {
  async function edited(form: string, due: string) {
    const { id: projectId } = await call('project.create', { name: `en yearless ${form} ${due}` });
    const dataBase64 = (await book('issue', form)).toString('base64');
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'actions.xlsx', dataBase64 });
    // Read as dates (a year from the weekday where there is one, else the nearest to today's).
    expect(preview.rows.map((r) => String(r.values?.due).slice(5))).toEqual(DAYS.map((d) => d.slice(5)));
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `en yearless ${form} ${due}` } });
    const issues = (await call('issue.list', { projectId })) as unknown as { id: number; title: string }[];
    await call('issue.update', { id: issues.find((x) => x.title === 'Action 1')!.id, patch: { due } as never });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const cells = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.slice(1).map((r) => String(r.cells.find((c) => c.c === 3)?.v));
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'actions.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    return { cells, back };
  }

  it('is written with its own weekday in the weekday-first form', async () => {
    const { cells, back } = await edited('Ddd M/D', '2025-08-12');
    expect(cells).toEqual(['Tue 8/12', 'Fri 7/11', 'Tue 7/15', 'Fri 7/18', 'Tue 7/22', 'Fri 8/1', 'Tue 8/5']);
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('is written with the month by name, in the column’s order of day and month', async () => {
    // (Without a weekday the column reads in the year nearest today: a date of that year is written bare.)
    const now = Date.now();
    const y0 = new Date(now).getUTCFullYear();
    const year = [y0 - 1, y0, y0 + 1].sort((a, b) => Math.abs(Date.UTC(a, 8, 2) - now) - Math.abs(Date.UTC(b, 8, 2) - now))[0]!;
    expect((await edited('Mon D', `${year}-09-02`)).cells[0]).toBe('Sep 2');
    expect((await edited('D-Mon', `${year}-09-02`)).cells[0]).toBe('2-Sep');
    expect((await edited('M/D (Ddd)', '2025-09-02')).cells[0]).toBe('9/2 (Tue)');
  });

  it('in a year the form cannot say, has its year written where the form puts it', async () => {
    const { cells, back } = await edited('Mon D', '2023-03-09');
    expect(cells[0]).toBe('Mar 9, 2023');
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
