// Start～finish cells in the forms clients write beyond the plain 4/1～4/15 (review U14–U16): a day-first
// column whose own cells do not each tell the order (01/04/2025 - 11/04/2025), a finish given as the day
// alone (4月1日～11日, 4/1～11, Apr 1 - 11), a note after the dates (（予定）, (tentative)), a milestone
// written as one date (a date cell or text) among the ranges. Each is read as the client meant it, and the
// oracle that cannot be tuned to: move one task, export into the workbook, re-import with the profile —
// nothing changed, the other cells as they were.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const TASKS = ['要件定義', 'ヒアリング', '要件書作成', '基本設計', '詳細設計'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (m: number, d: number) => `2025-${pad(m)}-${pad(d)}`;

interface Case {
  name: string;
  label: string;
  cell: (i: number) => CellSpec;
  /** Each task's planned start and finish as the client meant them. */
  want: [string, string][];
  /** A moved task: its index and new dates; the written cell must match `written` (with its year where a
   *  yearless date would read in another year today). */
  move: [number, string, string];
  written: RegExp;
}

const CASES: Case[] = [
  {
    name: 'day first, every cell ambiguous but one (U14)',
    label: 'Period',
    cell: (i) => [`01/04/2025 - 11/04/2025`, `02/04/2025 - 12/04/2025`, `14/04/2025 - 25/04/2025`, `05/05/2025 - 09/05/2025`, `12/05/2025 - 30/05/2025`][i]!,
    want: [[iso(4, 1), iso(4, 11)], [iso(4, 2), iso(4, 12)], [iso(4, 14), iso(4, 25)], [iso(5, 5), iso(5, 9)], [iso(5, 12), iso(5, 30)]],
    move: [0, '2025-06-02', '2025-06-10'],
    written: /^02\/06\/2025 - 10\/06\/2025$/,
  },
  {
    name: 'day first with dots, the deciding day in another row (U14)',
    label: '日程',
    cell: (i) => [`1.4.2025～3.4.2025`, `7.4.2025～11.4.2025`, `14.4.2025～18.4.2025`, `5.5.2025～9.5.2025`, `12.5.2025～16.5.2025`][i]!,
    want: [[iso(4, 1), iso(4, 3)], [iso(4, 7), iso(4, 11)], [iso(4, 14), iso(4, 18)], [iso(5, 5), iso(5, 9)], [iso(5, 12), iso(5, 16)]],
    move: [1, '2025-06-03', '2025-06-05'],
    written: /^0?3\.0?6\.2025～0?5\.0?6\.2025$/,
  },
  {
    name: 'finish as the day alone, kanji (U15)',
    label: '期間',
    cell: (i) => `4月${i + 1}日～${i + 11}日`,
    want: TASKS.map((_, i) => [iso(4, i + 1), iso(4, i + 11)]),
    move: [2, '2025-05-07', '2025-05-20'],
    written: /^(2025年)?5月7日～((2025年)?5月)?20日$/,
  },
  {
    name: 'finish as the day alone, slashes, crossing into the next month (U15)',
    label: '日程',
    cell: (i) => [`4/1～11`, `4/21～5`, `5/7～16`, `5/19～30`, `5/26～6`][i]!,
    want: [[iso(4, 1), iso(4, 11)], [iso(4, 21), iso(5, 5)], [iso(5, 7), iso(5, 16)], [iso(5, 19), iso(5, 30)], [iso(5, 26), iso(6, 6)]],
    move: [0, '2025-06-09', '2025-06-13'],
    written: /^(2025\/)?6\/9～((2025\/)?6\/)?13$/,
  },
  {
    name: 'English, finish as the day alone (U15)',
    label: 'Schedule',
    cell: (i) => `Apr ${i + 1} - ${i + 11}`,
    want: TASKS.map((_, i) => [iso(4, i + 1), iso(4, i + 11)]),
    move: [4, '2025-05-12', '2025-05-16'],
    written: /^May 12(, 2025)? - (May )?16(, 2025)?$/,
  },
  {
    name: 'a note after the dates, kept on the moved task (U15)',
    label: '期間',
    cell: (i) => `4/${i + 1}～4/${i + 11}${i % 2 === 0 ? '（予定）' : ' (tentative)'}`,
    want: TASKS.map((_, i) => [iso(4, i + 1), iso(4, i + 11)]),
    move: [2, '2025-05-07', '2025-05-20'],
    written: /^(2025\/)?5\/7～(2025\/)?5\/20（予定）$/,
  },
  {
    name: 'a milestone as a date cell (U16)',
    label: '期間',
    cell: (i) => (i === 4 ? new Date(Date.UTC(2025, 3, 30)) : `4/${i + 1}～4/${i + 11}`),
    want: [...TASKS.slice(0, 4).map((_, i): [string, string] => [iso(4, i + 1), iso(4, i + 11)]), [iso(4, 30), iso(4, 30)]],
    move: [1, '2025-05-07', '2025-05-20'],
    written: /^(2025\/)?5\/7～(2025\/)?5\/20$/,
  },
  {
    name: 'a milestone as text, moved to another day (U16)',
    label: 'Period',
    cell: (i) => (i === 3 ? '2025/4/30' : `2025/4/${i + 1}～2025/4/${i + 11}`),
    want: TASKS.map((_, i): [string, string] => (i === 3 ? [iso(4, 30), iso(4, 30)] : [iso(4, i + 1), iso(4, i + 11)])),
    move: [3, '2025-05-09', '2025-05-09'],
    written: /^2025\/5\/9$/,
  },
];

async function plan(c: Case): Promise<Buffer> {
  // (The date above the table dates the ranges written without a year, as it does any yearless date.)
  return workbook([{ name: 'WBS', rows: [['WBS 2025年度'], ['作成日', new Date('2025-03-20T00:00:00Z')], ['No.', 'タスク', '担当', c.label], ...TASKS.map((t, i) => [i + 1, t, '佐藤', c.cell(i)])] }]);
}

async function column(b64: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('WBS')!;
  return TASKS.map((_, i) => ws.getCell(4 + i, 4).value);
}

describe('start～finish cells in the forms clients write', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: read as meant, a moved task round-trips', async (_, c) => {
    const bytes = await plan(c);
    const { projectId, profileId, preview } = await importWithProfile(call, bytes, c.name);
    expect(preview.columns.find((x) => x.label === c.label)).toMatchObject({ field: null, period: true });
    expect(preview.problems ?? []).toEqual([]);
    const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
    expect(tasks.map((t) => [t.plannedStart, t.plannedFinish])).toEqual(c.want);
    const before = await column(bytes.toString('base64'));
    const [at, start, finish] = c.move;
    await call('wbs.update', { id: tasks.find((t) => t.name === TASKS[at])!.id, patch: { plannedStart: start, plannedFinish: finish } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const after = await column(out.dataBase64);
    expect(after[at]).toMatch(c.written);
    // Every other cell of the column as the client wrote it.
    expect(after.filter((_, i) => i !== at).map(String)).toEqual(before.filter((_, i) => i !== at).map(String));
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out.dataBase64, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('a column of single dates alone is no period column', async () => {
    const { id: projectId } = await call('project.create', { name: 'singles' });
    const bytes = await workbook([{ name: 'WBS', rows: [['No.', 'タスク', '担当', '期日'], ...TASKS.map((t, i) => [i + 1, t, '佐藤', `2025/4/${i + 1}`])] }]);
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.columns.find((x) => x.label === '期日')?.period).toBeFalsy();
  });

  // Review U19: with no date in the file, yearless ranges are asked about as any yearless date is, follow
  // the year chosen in the dialog, and the column is never also kept as an extra column after a remap.
  it.each([
    ['期間', (i: number) => `4/${i + 1}～4/${i + 11}`],
    ['Period', (i: number) => `Apr ${i + 1} - ${i + 11}`],
  ])('%s with no year anywhere: follows the year chosen, round-trips after a remap', async (label, cell) => {
    const bytes = await workbook([{ name: 'WBS', rows: [['WBS'], ['No.', 'タスク', '担当', label], ...TASKS.map((t, i) => [i + 1, t, '佐藤', cell(i)])] }]);
    const { id: projectId } = await call('project.create', { name: `year ${label}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.years).toMatchObject({ chosen: false });
    const mapping = { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom, columns: p.columns.map((c) => ({ column: c.column, field: c.field })), year: 2025 };
    const y = await call('excel.previewImport', { projectId, register: 'wbs', previewId: p.previewId, mapping });
    expect(y.rows.map((r) => [r.values?.plannedStart, r.values?.plannedFinish])).toEqual(TASKS.map((_, i) => [iso(4, i + 1), iso(4, i + 11)]));
    expect(y.years).toMatchObject({ year: 2025, chosen: true });
    expect(y.columns.find((c) => c.label === label)).toMatchObject({ field: null, period: true });
    expect(y.columns.find((c) => c.label === label)?.extraKey).toBeUndefined();
    const { profileId } = await call('excel.applyImport', { previewId: y.previewId, options: { saveProfileAs: `year ${label}` } });
    const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
    expect(tasks.every((t) => Object.keys(t.extra ?? {}).length === 0)).toBe(true);
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-05-07', plannedFinish: '2025-05-20' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
