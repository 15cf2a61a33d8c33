// A client's gantt with one column per week headed by the week's number only (W1 … W8, 第1週 … 第8週,
// Week 1, 1週目) and no date over it (issue 13): the weeks' days are the ones the template's own dated
// rows are painted by, and a moved task's weeks are painted again; a week is painted where the task has
// a working day in it, as the template's rows show.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { bandOf, cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const day = (d: number) => new Date(Date.UTC(2025, 3, d)); // April 2025 (day 33 is 5/3); 5/3–5/6 Golden Week holidays
const iso = (d: number) => day(d).toISOString().slice(0, 10);

/** Weeks from Monday 4/7, headed `label(k)`, bars ■ or a fill on each week a task has a working day in. */
async function weeksGantt(label: (k: number) => string, paint: 'mark' | 'fill', workingWeeks = false, companyDaysOff: number[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = 'Plan';
  ['No', 'Task', 'Owner', 'Start', 'Finish'].forEach((x, i) => (ws.getCell(2, i + 1).value = x));
  for (let k = 0; k < 8; k++) ws.getCell(2, 6 + k).value = label(k + 1);
  const tasks: [string, number, number][] = [
    ['Scope', 7, 11],
    ['Design', 14, 25],
    ['Build', 21, workingWeeks ? 35 : 32], // to Friday 5/2, or to 5/5 (こどもの日: no working day in week 5)
    ['Test', 37, 44], // from Wednesday 5/7, after the holidays
    ['Launch', 45, 52],
  ];
  tasks.forEach(([name, s, f], i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = 'Kim';
    ws.getCell(r, 4).value = day(s);
    ws.getCell(r, 5).value = day(f);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
    for (let k = 0; k < 8; k++) {
      const [a, b] = [7 + 7 * k, 7 + 7 * k + 6];
      const worked = (d: number) => d >= Math.max(a, s) && d <= Math.min(b, f) && ![0, 6].includes(day(d).getUTCDay()) && ![33, 34, 35, 36, ...companyDaysOff].includes(d);
      if (a > f || b < s || (workingWeeks && !Array.from({ length: 7 }, (_, i) => a + i).some(worked))) continue;
      const cell = ws.getCell(r, 6 + k);
      if (paint === 'mark') cell.value = '■';
      else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF4F81BD' } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function exportAfter(bytes: Buffer, name: string, edits: Record<string, [number, number]>, calendar: Record<string, unknown> = {}) {
  const { projectId, profileId } = await importWithProfile(call, bytes, name);
  if (Object.keys(calendar).length > 0) await call('calendar.update', { projectId, ...calendar });
  const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
  for (const [task, [s, f]] of Object.entries(edits)) await call('wbs.update', { id: tasks.find((t) => t.name === task)!.id, patch: { plannedStart: iso(s), plannedFinish: iso(f) } });
  const out = await call('excel.export', { projectId, register: 'wbs', profileId });
  return cellsOf(Buffer.from(out.dataBase64, 'base64'), 'WBS');
}

describe('a gantt of weeks headed by their numbers only', () => {
  for (const [label, paint] of [
    [(k: number) => `W${k}`, 'mark'],
    [(k: number) => `第${k}週`, 'fill'],
    [(k: number) => `Week ${k}`, 'mark'],
    [(k: number) => `${k}週目`, 'fill'],
  ] as const)
    it(`paints a moved task's weeks again (${label(1)} …, ${paint})`, async () => {
      const bytes = await weeksGantt(label, paint);
      const before = await cellsOf(bytes, 'WBS');
      // Design two weeks later; Scope into the week of 4/28 only.
      const after = await exportAfter(bytes, `weeks ${label(1)}`, { Design: [28, 39], Scope: [28, 30] });
      const bar = (row: number) => bandOf(after, row, 8, paint, 6, (f) => f === 'FF4F81BD');
      expect(bar(3)).toBe('...#....');
      expect(bar(4)).toBe('...##...');
      expect(changedOutside(before, after, [3, 4]).filter((d) => !/^[DE][34]:/.test(d))).toEqual([]);
    }, 120_000);

  it('paints a week only where the task has a working day in it, as the template paints Build (to 5/5, a holiday)', async () => {
    const bytes = await weeksGantt((k) => `W${k}`, 'mark', true);
    expect(bandOf(await cellsOf(bytes, 'WBS'), 5, 8, 'mark', 6, () => false)).toBe('..##....');
    // Test from 4/30 to 5/6: its week of 5/5 holds only holidays.
    const after = await exportAfter(bytes, 'working weeks', { Test: [30, 36] });
    expect(bandOf(after, 6, 8, 'mark', 6, () => false)).toBe('...#....');
  }, 120_000);

  it("counts working days by the project's calendar: a week of company days off holds none", async () => {
    // The client's company is closed 4/21–4/25 (創立記念週): Design (4/14–4/25) is painted on 4/14's week only.
    const shutdown = [21, 22, 23, 24, 25];
    const bytes = await weeksGantt((k) => `W${k}`, 'mark', true, shutdown);
    expect(bandOf(await cellsOf(bytes, 'WBS'), 4, 8, 'mark', 6, () => false)).toBe('.#......');
    // Test moved to 4/18–4/25: of the week of 4/21 the project works no day, so only 4/14's week is painted.
    const after = await exportAfter(bytes, 'company days off', { Test: [18, 25] }, { daysOff: [{ from: '12-29', to: '01-03', name: '年末年始' }, { from: '2025-04-21', to: '2025-04-25', name: '創立記念週' }] });
    expect(bandOf(after, 6, 8, 'mark', 6, () => false)).toBe('.#......');
  }, 120_000);

  it('reads the week heads as the chart, not as data: no task keeps a value of them', async () => {
    for (const label of [(k: number) => `W${k}`, (k: number) => `第${k}週`]) {
      const { preview } = await importWithProfile(call, await weeksGantt(label, 'mark'), `heads ${label(1)}`);
      expect(preview.columns.filter((c) => c.field !== null).map((c) => c.field)).toEqual(['name', 'assignee', 'plannedStart', 'plannedFinish']);
      expect(preview.rows.flatMap((r) => Object.keys(r.values ?? {}).filter((k) => k.startsWith('extra:')))).toEqual([]);
    }
  }, 120_000);
});
