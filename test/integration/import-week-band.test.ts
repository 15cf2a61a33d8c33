// A gantt band headed by week numbers (W1 … W10, 第1週 …, Week 1 …) whose days are only in a note (W1 = 4/7)
// or follow from the project's start label (開始日：2025/4/9 → week 1 from Monday 4/7): the heads are the
// band, left out of the table, and a bar painted under them gives the task's dates (blind set 7, M8).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { changedOutside, cellsOf } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FF5B9BD5';

/** Tasks painted over weeks [first, last] (1-based) under heads `head(n)`, with `note` on row 2. */
async function weekPlan(note: (string | Date)[], head: (n: number) => string, tasks: [string, number, number][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ガント');
  ws.getCell('A1').value = '開発計画';
  note.forEach((v, k) => (ws.getCell(2, 1 + k).value = v));
  ws.getCell('A4').value = 'No';
  ws.getCell('B4').value = 'タスク';
  ws.getCell('C4').value = '担当';
  for (let n = 1; n <= 10; n++) ws.getCell(4, 3 + n).value = head(n);
  tasks.forEach(([name, first, last], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '佐藤';
    for (let n = first; n <= last; n++) ws.getCell(r, 3 + n).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAR } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TASKS: [string, number, number][] = [['要件定義', 1, 2], ['設計', 3, 4], ['製造', 5, 8], ['試験', 9, 10]];
// Week n from Monday 2025-04-07.
const week = (n: number, end = false) => new Date(Date.UTC(2025, 3, 7 + 7 * (n - 1) + (end ? 6 : 0))).toISOString().slice(0, 10);
const WANT = TASKS.map(([name, a, b]) => [name, week(a), week(b, true)]);

async function imported(file: Buffer) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'gantt' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  return { ws, call, projectId, preview, tasks, profileId: profileId! };
}

describe('week-numbered band heads', () => {
  it.each<[string, (string | Date)[], (n: number) => string]>([
    ['W1 = 4/7 in a note, W heads', ['※ W1 = 2025/4/7（月）'], (n) => `W${n}`],
    ['第1週：4/7 in a note (the year from the title row), 第n週 heads', ['2025年度　第1週：4/7～'], (n) => `第${n}週`],
    ['Week 1 starts 7 Apr 2025, Week n heads', ['Week 1 starts 7 Apr 2025'], (n) => `Week ${n}`],
    ['a project start label and its date cell (a Wednesday: week 1 from its Monday)', ['開始日', new Date(Date.UTC(2025, 3, 9))], (n) => `W${n}`],
    ['Project start: 2025-04-09', ['Project start: 2025-04-09'], (n) => `Wk ${n}`],
  ])('%s', async (_, note, head) => {
    const file = await weekPlan(note, head, TASKS);
    const { ws, call, preview, tasks, projectId, profileId } = await imported(file);
    expect(preview.columns.map((c) => c.label)).toEqual(['No', 'タスク', '担当']);
    expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish])).toEqual(WANT);
    // No edit: every cell as it was.
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
    expect(changedOutside(await cellsOf(file, 'ガント'), await cellsOf(out, 'ガント'), [])).toEqual([]);
    ws.close();
  });

  it('without a day for week 1 the heads are still the band (no extra columns), and no dates are made up', async () => {
    const { ws, preview, tasks } = await imported(await weekPlan(['備考：週単位で記入'], (n) => `W${n}`, TASKS));
    expect(preview.columns.map((c) => c.label)).toEqual(['No', 'タスク', '担当']);
    expect(tasks.every((t) => t.plannedStart === null && t.plannedFinish === null)).toBe(true);
    ws.close();
  });
});
