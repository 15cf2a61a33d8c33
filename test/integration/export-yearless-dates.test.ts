// Dates a client writes without a year (7/18(金), 7/18, 7月18日(金)): an edited date is written in the
// column's own form, and a re-import of the export reads every row as stored (blind set 4, J3: the
// edited cell was written 2025/04/03 among 7/18(金) cells, and the re-import took that written year for
// every untouched yearless cell, so rows nobody edited read as moved by a year). A round-trip property
// over random date edits (test/roundtrip/harness.ts), with and without weekdays, plus the cells written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { roundTrip, type Op } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const EDITS: Op[] = ['fields', 'dates', 'dates', 'rename', 'addEnd', 'deleteMiddle'];
const WD = '日月火水木金土';
const md = (iso: string, form: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const wd = WD[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return form.replace('M', String(m)).replace('MM', String(m).padStart(2, '0')).replace('DD', String(d).padStart(2, '0')).replace('D', String(d)).replace('W', wd);
};
const DAYS = ['2025-07-08', '2025-07-11', '2025-07-15', '2025-07-18', '2025-07-22', '2025-08-01', '2025-08-05'];

/** A register whose date column(s) are text without a year, in `form` (M, D, W: month, day, weekday). */
async function book(target: ImportTarget, form: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(target === 'wbs' ? 'WBS' : '課題');
  if (target === 'wbs') {
    ws.addRow(['WBS', '作業名', '担当', '開始日', '終了日']);
    DAYS.forEach((day, i) => ws.addRow([`${i + 1}`, `作業${i + 1}`, '山田', md(day, form), md(DAYS[Math.min(i + 1, DAYS.length - 1)]!, form)]));
  } else {
    ws.addRow(['No.', '課題', '担当', '期日', '状態']);
    DAYS.forEach((day, i) => ws.addRow([i + 1, `課題${i + 1}`, ['山田', '佐藤'][i % 2], md(day, form), '未着手']));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const { call } = fileWorkspace();

const CASES: [string, ImportTarget, string][] = [
  ['m/d(曜) issue due dates', 'issue', 'M/D(W)'],
  ['m/d issue due dates', 'issue', 'M/D'],
  ['mm/dd（曜） plan dates', 'wbs', 'MM/DD（W）'],
  ['m月d日 plan dates', 'wbs', 'M月D日'],
];

describe('yearless date columns after random date edits', () => {
  for (const [name, target, form] of CASES)
    it(`${name}: the export reads back as stored`, async () => {
      const o = await roundTrip(call, `${target}-${name}.xlsx`, await book(target, form), target, { scripts: 30, seed: 14, steps: 8, ops: EDITS });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 600_000);
});

describe('an edited date in a yearless column', () => {
  async function edited(form: string, due: string) {
    const { id: projectId } = await call('project.create', { name: `yearless ${form} ${due}` });
    const dataBase64 = (await book('issue', form)).toString('base64');
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `yearless ${form} ${due}` } });
    const issues = (await call('issue.list', { projectId })) as unknown as { id: number; title: string; due: string | null }[];
    const first = issues.find((x) => x.title === '課題1')!;
    await call('issue.update', { id: first.id, patch: { due } as never });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const cells = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.slice(1).map((r) => String(r.cells.find((c) => c.c === 3)?.v));
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    return { cells, back, issues };
  }

  it("is written in the column's form with its own weekday, the others as they were", async () => {
    const { cells, back } = await edited('M/D(W)', '2026-07-04');
    expect(cells).toEqual(['7/4(土)', '7/11(金)', '7/15(火)', '7/18(金)', '7/22(火)', '8/1(金)', '8/5(火)']);
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  // The weekday gives the year (J2): a 2025 date among cells the import read as 2025 stays yearless.
  it('in the year its weekday fits is written without the year', async () => {
    const { cells, back } = await edited('M/D(W)', '2025-04-03');
    expect(cells[0]).toBe('4/3(木)');
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('in another year than the column reads, keeps the untouched rows as stored', async () => {
    const { back, issues } = await edited('M/D', '2024-04-03');
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    expect(issues.length).toBe(7);
  });
});
