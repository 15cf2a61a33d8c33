// A client's gantt that holds its plan only as painted cells under a row of dates, with no start or finish
// column (Fintan's スプリント全体計画, issue 13): the import reads each task's dates from its row's paint
// (excel/import/band-dates.ts), the preview says so, a moved task's paint moves on export and nothing
// else changes, and the export reads back as it was stored.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { bandOf, cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FFFF968C';
const PHASE = 'FFCCFFCC';
const WEEKEND = 'FFD9D9D9';
const SHEET = '中日程';
const isBar = (fill: string) => fill === BAR;

/**
 * A plan painted per day (step 1: 2025-04-01 … 04-30, weekends grey on every row) or per week (step 7:
 * five weeks from Tuesday 2025-04-01), its tasks' bars as fills under the date heads of row 2, and a phase
 * row painted across the whole band. A No and a name column: no date column anywhere.
 */
async function paintedPlan(step: 1 | 7, tasks: [string, number, number][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'スプリント計画';
  ws.getCell('A2').value = 'No';
  ws.getCell('B2').value = 'タスク名';
  const columns = step === 1 ? 30 : 5;
  for (let k = 0; k < columns; k++) {
    const c = ws.getCell(2, 3 + k);
    c.value = new Date(Date.UTC(2025, 3, 1 + k * step));
    c.numFmt = 'm/d';
  }
  const paint = (r: number, k: number, argb: string) => (ws.getCell(r, 3 + k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } });
  ws.getCell(3, 1).value = 1;
  ws.getCell(3, 2).value = '開発';
  for (let k = 0; k < columns; k++) paint(3, k, PHASE);
  tasks.forEach(([name, s, f], i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = 2 + i;
    ws.getCell(r, 2).value = `　${name}`;
    for (let k = 0; k < columns; k++) {
      const from = 1 + k * step;
      const weekend = step === 1 && [5, 6, 12, 13, 19, 20, 26, 27].includes(from);
      if (from <= f && from + step - 1 >= s && !weekend) paint(r, k, BAR);
      else if (weekend) paint(r, k, WEEKEND);
      ws.getCell(r, 3 + k).border = { left: { style: 'hair' } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function imported(file: Buffer, fileName = '中日程.xlsx') {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName, dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: '中日程' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const exportNow = async () => Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
  const reimport = async (bytes: Buffer) => {
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName, dataBase64: bytes.toString('base64'), profileId: profileId! });
    return again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? r.values ?? {})}`);
  };
  return { ws, call, projectId, preview, tasks, exportNow, reimport };
}

const datesOf = (tasks: { name: string; plannedStart: string | null; plannedFinish: string | null }[]) => tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish]);

describe('a plan painted as fills under date heads, no date columns', () => {
  it('per day: the dates are the painted days (weekend shading is no bar), a moved task is painted again, nothing else changes', async () => {
    const file = await paintedPlan(1, [
      ['要件', 1, 2],
      ['設計', 3, 4],
      ['製造', 7, 18], // over two weekends: painted on weekdays only
      ['試験', 21, 24],
      ['受入', 25, 25],
    ]);
    const { ws, call, preview, tasks, exportNow, reimport } = await imported(file);
    expect(preview.paintedDates).toEqual({ from: 'C', to: 'AF', days: 1 });
    expect(preview.columns.filter((c) => c.field !== null).map((c) => c.field)).toEqual(['name']);
    expect(datesOf(tasks)).toEqual([
      ['開発', '2025-04-01', '2025-04-25'],
      ['要件', '2025-04-01', '2025-04-02'],
      ['設計', '2025-04-03', '2025-04-04'],
      ['製造', '2025-04-07', '2025-04-18'],
      ['試験', '2025-04-21', '2025-04-24'],
      ['受入', '2025-04-25', '2025-04-25'],
    ]);
    const before = await cellsOf(file, SHEET);
    // No edit: the file as it was, and it reads back unchanged.
    const untouched = await exportNow();
    expect(changedOutside(before, await cellsOf(untouched, SHEET), [])).toEqual([]);
    expect(await reimport(untouched)).toEqual([]);

    // 試験 (row 7) two days later: the bar is painted over the days it now has, the days it left are
    // blank again. The weekend inside it stays blank and grey, as this client paints (製造's bar skips its
    // weekends).
    await call('wbs.update', { id: tasks.find((t) => t.name === '試験')!.id, patch: { plannedStart: '2025-04-23', plannedFinish: '2025-04-28' } });
    const moved = await exportNow();
    const after = await cellsOf(moved, SHEET);
    expect(bandOf(after, 7, 30, 'fill', 3, isBar)).toBe('.'.repeat(22) + '###..#..');
    expect([after.get('AB7'), after.get('AC7')]).toEqual([`|${WEEKEND}|hair`, `|${WEEKEND}|hair`]);
    expect(after.get('W7')).toBe('||hair');
    expect(changedOutside(before, after, [7])).toEqual([]);
    // Read back, the grey of the other rows' weekends is still shading: every date as stored.
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });

  it('per week: a task reads as the weeks it paints, a stored day inside them is no change, a move to other weeks repaints them', async () => {
    const file = await paintedPlan(7, [
      ['設計', 1, 7],
      ['製造', 8, 21],
      ['試験', 22, 28],
      ['受入', 22, 28],
    ]);
    const { ws, call, preview, tasks, exportNow, reimport } = await imported(file);
    expect(preview.paintedDates).toEqual({ from: 'C', to: 'G', days: 7 });
    expect(datesOf(tasks).slice(1)).toEqual([
      ['設計', '2025-04-01', '2025-04-07'],
      ['製造', '2025-04-08', '2025-04-21'],
      ['試験', '2025-04-22', '2025-04-28'],
      ['受入', '2025-04-22', '2025-04-28'],
    ]);
    const before = await cellsOf(file, SHEET);
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    // Inside the same weeks: nothing to paint, and the file reads as the stored days.
    await call('wbs.update', { id: id('製造'), patch: { plannedStart: '2025-04-09', plannedFinish: '2025-04-18' } });
    const same = await exportNow();
    expect(changedOutside(before, await cellsOf(same, SHEET), [])).toEqual([]);
    expect(await reimport(same)).toEqual([]);
    // 試験 a week later: its paint moves to the fifth week.
    await call('wbs.update', { id: id('試験'), patch: { plannedStart: '2025-04-29', plannedFinish: '2025-05-02' } });
    const moved = await exportNow();
    const after = await cellsOf(moved, SHEET);
    expect(bandOf(after, 6, 5, 'fill', 3, isBar)).toBe('....#');
    expect(changedOutside(before, after, [6])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });

  const fintan = join(__dirname, '../../../shared/corpus/schedule-jp-fintansprint.xlsx');
  it.skipIf(!existsSync(fintan))('schedule-jp-fintansprint: the weeks painted red are the tasks’ dates, and a moved task’s red moves', async () => {
    const file = readFileSync(fintan);
    const { ws, call, preview, tasks, exportNow, reimport } = await imported(file, 'schedule-jp-fintansprint.xlsx');
    const sheet = 'XXXプロジェクト_中日程';
    // Weeks from Thursday 2016-10-27 (E4, then =E4+7 …) to S.
    expect(preview.paintedDates).toEqual({ from: 'E', to: 'S', days: 7 });
    const task = (name: string) => tasks.find((t) => t.name === name)!;
    expect([task('ローカル開発環境構築').plannedStart, task('ローカル開発環境構築').plannedFinish]).toEqual(['2016-10-27', '2016-11-02']);
    expect([task('認証機能導入').plannedStart, task('認証機能導入').plannedFinish]).toEqual(['2016-11-10', '2016-11-23']);
    // The feature above them (grey) spans its tasks.
    expect([task('環境構築/基本機能導入').plannedStart, task('環境構築/基本機能導入').plannedFinish]).toEqual(['2016-10-27', '2016-11-23']);
    const before = await cellsOf(file, sheet);
    // No edit: the file as it was (a feature's grey wider than its tasks stays as painted), and it reads back unchanged.
    const untouched = await exportNow();
    expect(changedOutside(before, await cellsOf(untouched, sheet), [])).toEqual([]);
    expect(await reimport(untouched)).toEqual([]);
    // 認証機能導入 (row 8, G–H) two weeks later: I–J.
    await call('wbs.update', { id: task('認証機能導入').id, patch: { plannedStart: '2016-11-24', plannedFinish: '2016-12-07' } });
    const moved = await exportNow();
    const after = await cellsOf(moved, sheet);
    const red = (fill: string) => fill === 'FFFF968C';
    expect(bandOf(after, 8, 15, 'fill', 5, red)).toBe('....##.........');
    expect(bandOf(after, 9, 15, 'fill', 5, red)).toBe(bandOf(before, 9, 15, 'fill', 5, red));
    // The feature's grey follows its tasks (row 6: E–J now); nothing else changes.
    expect(changedOutside(before, after, [6, 8])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });
});
