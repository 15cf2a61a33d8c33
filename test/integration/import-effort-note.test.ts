// An effort unit stated outside the header (blind set 6, L10: "単位：人月" at the end of the title row, 予定工数
// 0.5 read as 0.5 person-days) and a tracker's own units (L8: Jira's Original Estimate 28800 — seconds —
// stored as 28800 person-days; Time Spent "1d 4h" not read). A note above the table or beside its header
// applies to every effort column whose header states no unit; Jira's estimate columns of whole minutes
// (mostly hours and more) are seconds; effort spelled in parts (1d 4h, 3w 2d, 4h 30m, 1日4時間) is read in
// Jira's days (8 hours) and weeks (5 days). The preview says which unit and why; the export writes it back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { durationText } from '../../electron/core/excel/import/numbers.js';
import { noteUnit } from '../../electron/core/excel/import/effort-unit.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Book = { notes?: [string, ExcelJS.CellValue][]; headerRow: number; header: string[]; rows: ExcelJS.CellValue[][] };

async function book(b: Book): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  for (const [at, v] of b.notes ?? []) ws.getCell(at).value = v;
  b.header.forEach((h, k) => (ws.getCell(b.headerRow, k + 1).value = h));
  b.rows.forEach((row, r) => row.forEach((v, k) => (ws.getCell(b.headerRow + 1 + r, k + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, preview: await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 }) };
}

const HEADER = ['作業項目', '担当', '開始予定日', '終了予定日', '予定工数', '進捗率', '備考'];
const rows = (efforts: number[]) => efforts.map((e, k) => [`作業${k + 1}`, '佐藤', d('2025-06-02'), d('2025-06-27'), e, 0, null]);
const plan = (p: Awaited<ReturnType<typeof preview>>['preview']) => p.rows.map((r) => r.values?.plannedEffort);
const column = (p: Awaited<ReturnType<typeof preview>>['preview']) => p.columns.find((c) => c.field === 'plannedEffort')!;

describe('an effort unit stated in a note', () => {
  it.each<[string, [string, string][], string[], number[], string, number[]]>([
    ['単位：人月 at the end of the title row', [['A1', '○○システム開発 WBS'], ['F1', '単位：人月']], HEADER, [0.5, 0.225, 1], 'month', [10, 4.5, 20]],
    ['(単位：人日) over the table', [['A1', 'WBS'], ['A2', '（単位：人日）']], HEADER, [3, 4.5, 10], 'day', [3, 4.5, 10]],
    ['単位:h beside the header, past the last column', [['I3', '単位:h']], HEADER, [16, 36, 8], 'hour', [2, 4.5, 1]],
    ['工数単位：人日、金額単位：千円 (the effort unit among others)', [['A1', '工数単位：人日、金額単位：千円']], HEADER, [2, 3, 5], 'day', [2, 3, 5]],
    ['English: "Unit: hours" above', [['A1', 'Project plan'], ['D2', 'Unit: hours']], ['Task', 'Owner', 'Start', 'Finish', 'Effort', 'Progress', 'Notes'], [16, 36, 8], 'hour', [2, 4.5, 1]],
    ['English: "All effort in MD"', [['A2', 'All effort in MD']], ['Task', 'Owner', 'Start', 'Finish', 'Effort', 'Progress', 'Notes'], [2, 4.5, 1], 'day', [2, 4.5, 1]],
  ])('%s', async (_, notes, header, efforts, unit, days) => {
    const { preview: p } = await preview(await book({ notes, headerRow: 3, header, rows: rows(efforts) }));
    const note = notes.find(([, t]) => noteUnit(t))!;
    expect(column(p)).toMatchObject({ unit, unitWhy: { from: 'note', cell: note[0], text: note[1] } });
    expect(plan(p)).toEqual(days);
  });

  it('a unit the header states wins over the note; a note of money only says nothing of effort', async () => {
    const stated = await preview(await book({ notes: [['F1', '単位：人月']], headerRow: 3, header: HEADER.map((h) => (h === '予定工数' ? '予定工数(人日)' : h)), rows: rows([2, 3, 4]) }));
    expect(column(stated.preview)).toMatchObject({ unit: 'day', unitWhy: { from: 'header' } });
    expect(plan(stated.preview)).toEqual([2, 3, 4]);
    const money = await preview(await book({ notes: [['F1', '単位：千円']], headerRow: 3, header: HEADER, rows: rows([2, 3, 4]) }));
    expect(column(money.preview)).toMatchObject({ unit: 'day', unitWhy: { from: 'default' } });
  });

  it('the export writes an edited effort in the note\'s unit; a re-import finds nothing changed', async () => {
    const dataBase64 = await book({ notes: [['A1', 'WBS'], ['F1', '単位：人月']], headerRow: 3, header: HEADER, rows: rows([0.5, 0.25, 1]) });
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L10 ${Math.random()}` } });
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '作業2')!;
    expect(task.plannedEffort).toBe(5);
    await call('wbs.update', { id: task.id, patch: { plannedEffort: 15 } });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    const sheet = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!;
    expect(sheet.rows.filter((r) => r.r >= 3).map((r) => r.cells.find((c) => c.c === 4)?.v)).toEqual([0.5, 0.75, 1]);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});

describe("a Jira export's estimates", () => {
  const JIRA = ['Issue Type', 'Issue key', 'Summary', 'Assignee', 'Status', 'Original Estimate', 'Remaining Estimate', 'Time Spent'];
  it('in seconds: 28800 is one person-day; Time Spent written 1d 4h, 3w 2d, 4h 30m read in 8-hour days', async () => {
    const { preview: p } = await preview(
      await book({
        headerRow: 1,
        header: JIRA,
        rows: [
          ['Story', 'ONB-1', 'Refund flow', 'Kim', 'Done', 28800, 0, '1d 4h'],
          ['Story', 'ONB-2', 'Receipts', 'Lee', 'In Progress', 129600, 57600, '3w 2d'],
          ['Task', 'ONB-3', 'Fix typo', 'Kim', 'To Do', 5400, 5400, '4h 30m'],
          ['Task', 'ONB-4', 'Set up CI', 'Lee', 'To Do', 14400, 14400, null],
        ],
      }),
    );
    expect(column(p)).toMatchObject({ unit: 'second', unitWhy: { from: 'seconds', value: 28800 } });
    expect(plan(p)).toEqual([1, 4.5, 0.1875, 0.5]);
    expect(p.rows.map((r) => r.values?.actualEffort ?? null)).toEqual([1.5, 17, 0.5625, null]);
    expect(p.problems.filter((x) => x.field === 'actualEffort' || x.field === 'plannedEffort')).toEqual([]);
  });

  it('in hours (8, 36) as before: hours', async () => {
    const { preview: p } = await preview(await book({ headerRow: 1, header: JIRA.slice(0, 6), rows: [['Story', 'ONB-1', 'Refund flow', 'Kim', 'Done', 8], ['Story', 'ONB-2', 'Receipts', 'Lee', 'To Do', 36]] }));
    expect(column(p)).toMatchObject({ unit: 'hour', unitWhy: { from: 'tracker', tracker: 'jira' } });
    expect(plan(p)).toEqual([1, 4.5]);
  });

  it('an edited estimate is written back in seconds', async () => {
    const dataBase64 = await book({ headerRow: 1, header: JIRA.slice(0, 6), rows: [['Story', 'ONB-1', 'Refund flow', 'Kim', 'Done', 28800], ['Story', 'ONB-2', 'Receipts', 'Lee', 'To Do', 57600]] });
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L8 ${Math.random()}` } });
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === 'Receipts')!;
    await call('wbs.update', { id: task.id, patch: { plannedEffort: 3 } });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    const sheet = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!;
    expect(sheet.rows.filter((r) => r.r >= 1).map((r) => r.cells.find((c) => c.c === 5)?.v)).toEqual([28800, 86400]);
  });
});

describe('the rules on their own', () => {
  it('effort spelled in parts', () => {
    expect(['1d 4h', '3w 2d', '4h 30m', '1日4時間', '2週', '1w', '2d 0h'].map(durationText)).toEqual([1.5, 17, 0.5625, 1.5, 10, 5, 2]);
    // One part of days or hours is a number with its unit (parseNumberText's); words are not durations.
    expect(['4h', '1.5d', '30m', 'ASAP', '', '1d 4x'].map(durationText)).toEqual([null, null, null, null, null, null]);
  });
  it('notes', () => {
    expect(['単位：人月', '(単位:人日)', '単位 : h', 'Unit: hours', 'Units are man-days', 'All effort in MD', '工数単位：人日、金額単位：千円', '（単位：時間）'].map(noteUnit)).toEqual([
      'month', 'day', 'hour', 'hour', 'day', 'day', 'day', 'hour',
    ]);
    expect(['単位：千円', '単位：件', 'in progress', 'Login in MD5', '作成日：2025/6/1'].map(noteUnit)).toEqual([null, null, null, null, null]);
  });
});
