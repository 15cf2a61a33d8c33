// A plan whose only dates are start～finish in one cell (期間 4/1～4/15, 日程 2025/04/01-2025/04/15, Period
// Apr 1 - Apr 15, 4/1〜 with the finish open): the planned start and finish (blind set 7, J5). A no-edit
// export leaves every cell as it was; a moved task's cell is written in the column's own form and reads back
// as stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const TASKS = ['要件定義', 'ヒアリング', '要件書作成', '基本設計', '詳細設計'];

async function plan(label: string, range: (i: number) => string, words = ['No.', 'タスク', '担当']): Promise<Buffer> {
  // (The date above the table dates the ranges written without a year, as it does any yearless date.)
  return workbook([{ name: 'WBS', rows: [['WBS 2025年度'], ['作成日', new Date('2025-03-20T00:00:00Z')], [...words, label], ...TASKS.map((t, i) => [i + 1, t, '佐藤', range(i)])] }]);
}

const day = (n: number) => String(n).padStart(2, '0');

describe('start～finish in one cell', () => {
  it.each([
    ['期間', (i: number) => `4/${i + 1}～4/${i + 11}`],
    ['日程', (i: number) => `2025/04/${day(i + 1)}-2025/04/${day(i + 11)}`],
    ['予定期間', (i: number) => `4月${i + 1}日〜4月${i + 11}日`],
    ['Period', (i: number) => `Apr ${i + 1} - Apr ${i + 11}`],
    ['Schedule', (i: number) => `2025-04-${day(i + 1)} to 2025-04-${day(i + 11)}`],
  ])('%s: each task\'s planned start and finish', async (label, range) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: (await plan(label, range)).toString('base64') });
    expect(p.rows.map((r) => [r.values?.plannedStart, r.values?.plannedFinish])).toEqual(TASKS.map((_, i) => [`2025-04-${day(i + 1)}`, `2025-04-${day(i + 11)}`]));
    expect(p.columns.find((c) => c.label === label)).toMatchObject({ field: null, period: true });
  });

  it('a finish left open (4/1〜) gives the start alone; a finish before its start is the next year\'s', async () => {
    const { id: projectId } = await call('project.create', { name: 'open' });
    const ranges = ['2025/12/20～1/10', '4/1〜', '～4/15', '2025/4/1～2025/4/15', '2025/4/2～2025/4/16'];
    // (No date above the table here: the column's own years date 4/1〜 and ～4/15.)
    const bytes = await workbook([{ name: 'WBS', rows: [['No.', 'タスク', '担当', '期間'], ...TASKS.map((t, i) => [i + 1, t, '佐藤', ranges[i]!])] }]);
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.rows.map((r) => [r.values?.plannedStart ?? null, r.values?.plannedFinish ?? null])).toEqual([
      ['2025-12-20', '2026-01-10'],
      ['2025-04-01', null],
      [null, '2025-04-15'],
      ['2025-04-01', '2025-04-15'],
      ['2025-04-02', '2025-04-16'],
    ]);
  });

  it('is written back: unchanged as it was, a moved task in the column\'s form, and reads back as stored', async () => {
    const bytes = await plan('期間', (i) => `4/${i + 1}～4/${i + 11}`);
    const { projectId, profileId } = await importWithProfile(call, bytes, 'period');
    const cells = async (b64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('WBS')!;
      return TASKS.map((_, i) => ws.getCell(4 + i, 4).value);
    };
    const same = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(await cells(same.dataBase64)).toEqual(TASKS.map((_, i) => `4/${i + 1}～4/${i + 11}`));
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === 'ヒアリング')!;
    await call('wbs.update', { id: task.id, patch: { plannedStart: '2025-05-07', plannedFinish: '2025-05-20' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    // (Written with its year where a yearless 5/7 would read in another year today.)
    const now = await cells(out.dataBase64);
    expect(now.filter((_, i) => i !== 1)).toEqual(TASKS.flatMap((_, i) => (i === 1 ? [] : [`4/${i + 1}～4/${i + 11}`])));
    expect(now[1]).toMatch(/^(2025\/)?5\/7～(2025\/)?5\/20$/);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out.dataBase64, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('reads a day-first column day first in every cell, and a moved task reads back (review U14)', async () => {
    // Only the cells with a day over 12 prove the order; 01/04/2025 - 11/04/2025 is read in the column's.
    const ranges = ['01/04/2025 - 11/04/2025', '02/04/2025 - 12/04/2025', '14/04/2025 - 25/04/2025', '28/04/2025 - 09/05/2025', '12/05/2025 - 30/05/2025'];
    const bytes = await workbook([{ name: 'Plan', rows: [['No.', 'Task', 'Owner', 'Period'], ...TASKS.map((t, i) => [i + 1, t, 'Sato', ranges[i]!])] }]);
    const { projectId, profileId } = await importWithProfile(call, bytes, 'day first');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => [t.plannedStart, t.plannedFinish])).toEqual([
      ['2025-04-01', '2025-04-11'],
      ['2025-04-02', '2025-04-12'],
      ['2025-04-14', '2025-04-25'],
      ['2025-04-28', '2025-05-09'],
      ['2025-05-12', '2025-05-30'],
    ]);
    // Moved to days that no longer prove the order (both under 13): written and read back day first.
    await call('wbs.update', { id: tasks[4]!.id, patch: { plannedStart: '2025-06-02', plannedFinish: '2025-06-10' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Plan')!.getCell('D6').value).toBe('02/06/2025 - 10/06/2025');
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
