// An effort column whose header names no unit (blind set 5, K4: Redmine's 予定工数 56 on a task of seven
// working days for one person was read as 56 person-days): hours where the sheet is a tracker's export of
// hours (Redmine, Jira), or where the numbers do not fit person-days against the rows' own dates and
// people; person-days otherwise, and always where the header names its unit. The preview says which unit
// and why; the export writes the same unit back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { hoursByDates, statedEffortUnit } from '../../electron/core/excel/import/effort-unit.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Tasks: name, start, finish (Mon 2025-06-09 …), assignee, effort as written. 5, 5, 3 and 2 working days. */
const TASKS: [string, string, string, string, number][] = [
  ['サーバ調達', '2025-06-09', '2025-06-13', '吉田', 40],
  ['OS導入', '2025-06-16', '2025-06-20', '松本・佐藤', 80],
  ['監視設定', '2025-06-23', '2025-06-25', '佐藤', 24],
  ['切替リハーサル', '2025-06-26', '2025-06-27', '鈴木、高橋', 32],
];

type Sheet = { header: string[]; row: (t: (typeof TASKS)[number], k: number) => ExcelJS.CellValue[] };

async function book(s: Sheet): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(s.header);
  TASKS.forEach((t, k) => ws.addRow(s.row(t, k)));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, preview: await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 }) };
}

const effort = (p: Awaited<ReturnType<typeof preview>>['preview']) => p.rows.map((r) => r.values?.plannedEffort);
const HOURS_AS_DAYS = [5, 10, 3, 4];

describe('an effort column with no unit in its header', () => {
  it.each<[string, Sheet, object]>([
    [
      'Redmine, Japanese (# | トラッカー | 題名 | 予定工数), whatever the numbers',
      { header: ['#', 'トラッカー', '題名', '担当者', '開始日', '期日', '予定工数'], row: ([n, s, f, who, e], k) => [1200 + k, '機能', n, who, d(s), d(f), e] },
      { from: 'tracker', tracker: 'redmine' },
    ],
    [
      'Redmine, English (# | Tracker | Subject | Estimated time)',
      { header: ['#', 'Project', 'Tracker', 'Subject', 'Assignee', 'Start date', 'Due date', 'Estimated time'], row: ([n, s, f, who, e], k) => [1200 + k, 'Portal', 'Feature', n, who, d(s), d(f), e] },
      { from: 'tracker', tracker: 'redmine' },
    ],
    [
      'Jira (Original Estimate beside Summary)',
      { header: ['Issue key', 'Summary', 'Assignee', 'Start date', 'Due date', 'Original Estimate'], row: ([n, s, f, who, e], k) => [`PRJ-${k + 1}`, n, who, d(s), d(f), e] },
      { from: 'tracker', tracker: 'jira' },
    ],
    [
      'no tracker: 見積工数 whose numbers are eight times the working days of its people',
      { header: ['タスク名', '担当者', '開始日', '終了日', '見積工数'], row: ([n, s, f, who, e]) => [n, who, d(s), d(f), e] },
      { from: 'dates', value: 40, days: 5, people: 1 },
    ],
    [
      'no tracker, English: Effort as text numbers, the dates as text',
      { header: ['Task', 'Owner', 'Start', 'Finish', 'Effort'], row: ([n, s, f, who, e]) => [n, who.replace('・', ' / ').replace('、', ', '), s.replaceAll('-', '/'), f.replaceAll('-', '/'), String(e)] },
      { from: 'dates', value: 40, days: 5, people: 1 },
    ],
  ])('%s: hours', async (_, sheet, why) => {
    const { preview: p } = await preview(await book(sheet));
    const col = p.columns.find((c) => c.field === 'plannedEffort')!;
    expect(col.unit).toBe('hour');
    expect(col.unitWhy).toEqual(why);
    expect(effort(p)).toEqual(HOURS_AS_DAYS);
  });

  it('person-days that fit the dates stay person-days, said as nothing saying otherwise', async () => {
    const { preview: p } = await preview(await book({ header: ['タスク名', '担当者', '開始日', '終了日', '見積工数'], row: ([n, s, f, who, e]) => [n, who, d(s), d(f), e / 8] }));
    expect(p.columns.find((c) => c.field === 'plannedEffort')).toMatchObject({ unit: 'day', unitWhy: { from: 'default' } });
    expect(effort(p)).toEqual(HOURS_AS_DAYS);
  });

  it('a unit the header names is never second-guessed (工数(人日) of 40 on five days stays 40 person-days)', async () => {
    const { preview: p } = await preview(await book({ header: ['#', 'トラッカー', '題名', '担当者', '開始日', '期日', '工数(人日)'], row: ([n, s, f, who, e], k) => [k + 1, '機能', n, who, d(s), d(f), e] }));
    expect(p.columns.find((c) => c.field === 'plannedEffort')).toMatchObject({ unit: 'day', unitWhy: { from: 'header' } });
    expect(effort(p)).toEqual([40, 80, 24, 32]);
  });

  it('the rules on their own', () => {
    expect(['予定工数', 'Estimated time', 'Effort', '見積'].map(statedEffortUnit)).toEqual([null, null, null, null]);
    expect(['工数(h)', '工数(人日)', 'Effort (days)', '作業時間', 'Work hours', '人月', 'Baseline_Effort_hrs'].map(statedEffortUnit)).toEqual(['hour', 'day', 'day', 'hour', 'hour', 'month', 'hour']);
    // One row says nothing; half the rows over is not most.
    expect(hoursByDates([{ effort: 56, start: '2025-06-09', finish: '2025-06-17', assignee: '吉田' }])).toBeNull();
    expect(
      hoursByDates([
        { effort: 40, start: '2025-06-09', finish: '2025-06-13', assignee: 'a' },
        { effort: 3, start: '2025-06-09', finish: '2025-06-13', assignee: 'a' },
        { effort: 2, start: '2025-06-09', finish: '2025-06-13', assignee: 'a' },
      ]),
    ).toBeNull();
  });
});

describe('the export writes effort in the column’s unit', () => {
  it('an edited task’s effort goes back as hours; the others stay as typed', async () => {
    const dataBase64 = await book({ header: ['#', 'トラッカー', '題名', '担当者', '開始日', '期日', '予定工数'], row: ([n, s, f, who, e], k) => [1200 + k, '機能', n, who, d(s), d(f), e] });
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `K4 ${Math.random()}` } });
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '監視設定')!;
    expect(task.plannedEffort).toBe(3);
    await call('wbs.update', { id: task.id, patch: { plannedEffort: 4.5 } });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    const rows = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 1);
    expect(rows.map((r) => r.cells.find((c) => c.c === 6)?.v)).toEqual([40, 80, 36, 32]);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
