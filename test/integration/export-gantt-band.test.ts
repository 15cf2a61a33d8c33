// A client's gantt painted by hand beside its WBS (a column per day or week under a row of dates, the
// bar as filled cells or ■ marks): after a task's dates change, its bar is where its dates are, in the
// client's own formats, and every other cell of the sheet is as it was.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { bandOf as bandText, cellsOf as sheetCells, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FF4F81BD';
const CRITICAL = 'FFC0504D';
const WEEKEND = 'FFD9D9D9';
const day = (d: number) => new Date(Date.UTC(2025, 3, d)); // April 2025: the 5th and 6th are a weekend

interface Options {
  /** Days per band column (1: a day, 7: a week). */
  step: number;
  /** How a bar is drawn. */
  paint: 'fill' | 'mark' | 'formula';
}

const TASKS: [string, number, number][] = [
  ['要件定義', 1, 4],
  ['基本設計', 7, 11],
  ['詳細設計', 12, 18], // over a weekend
  ['製造', 21, 25],
  ['結合テスト', 28, 30],
];

/** A WBS with a gantt band right of it; 製造's bar is the client's red (a critical task). */
async function ganttWorkbook({ step, paint }: Options): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '開発工程表';
  const header = ['No', 'タスク名', '開始日', '終了日'];
  header.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const columns = step === 1 ? 30 : 5;
  for (let k = 0; k < columns; k++) {
    const c = ws.getCell(2, 5 + k);
    c.value = day(1 + k * step);
    c.numFmt = 'd';
  }
  TASKS.forEach(([name, s, f], i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = day(s);
    ws.getCell(r, 4).value = day(f);
    ws.getCell(r, 3).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    for (let k = 0; k < columns; k++) {
      const cell = ws.getCell(r, 5 + k);
      const from = 1 + k * step;
      const to = from + step - 1;
      const on = from <= f && to >= s;
      const weekend = step === 1 && [5, 6, 12, 13, 19, 20, 26, 27].includes(from);
      if (paint === 'formula') {
        cell.value = { formula: `IF(AND(${ws.getColumn(5 + k).letter}$2>=$C${r},${ws.getColumn(5 + k).letter}$2<=$D${r}),"■","")`, result: on ? '■' : '' } as ExcelJS.CellFormulaValue;
        continue;
      }
      if (on && paint === 'mark') cell.value = '■';
      const argb = on && paint === 'fill' ? (name === '製造' ? CRITICAL : BAR) : weekend ? WEEKEND : null;
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      cell.border = { left: { style: 'hair' } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every cell of the sheet, by address (test/helpers/gantt-cells.ts). */
const cellsOf = (bytes: Buffer, sheet = '工程表') => sheetCells(bytes, sheet);

/** The band of one row as text: # a bar cell (by fill or mark), . an empty one. */
const bandOf = (cells: Map<string, string>, row: number, columns: number, paint: Options['paint'], first = 5, isBar: (fill: string) => boolean = (fill) => fill === BAR || fill === CRITICAL) =>
  bandText(cells, row, columns, paint, first, isBar);

async function imported(file: Buffer, names: string[] | null = TASKS.map((t) => t[0])) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: '工程表.xlsx', dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: '工程表' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  if (names) expect(tasks.map((t) => t.name)).toEqual(names);
  const exportNow = async () => Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
  return { ws, call, projectId, tasks, exportNow };
}

describe('a hand-painted gantt band beside a client WBS', () => {
  it('moves a bar drawn as fills by day with the task, keeps a red bar red, and changes no other cell', async () => {
    const file = await ganttWorkbook({ step: 1, paint: 'fill' });
    const { ws, call, projectId, tasks, exportNow } = await imported(file);
    const before = await cellsOf(file);
    // No edit: the file as it was.
    expect(changedOutside(before, await cellsOf(await exportNow()), [])).toEqual([]);

    const byName = (n: string) => tasks.find((t) => t.name === n)!;
    await call('wbs.update', { id: byName('基本設計').id, patch: { plannedStart: '2025-04-09', plannedFinish: '2025-04-15' } });
    await call('wbs.update', { id: byName('詳細設計').id, patch: { plannedStart: '2025-04-16' } });
    await call('wbs.update', { id: byName('製造').id, patch: { plannedStart: '2025-04-22', plannedFinish: '2025-04-23' } });
    const after = await cellsOf(await exportNow());
    expect(bandOf(after, 4, 30, 'fill')).toBe('.'.repeat(8) + '#'.repeat(7) + '.'.repeat(15));
    expect(bandOf(after, 5, 30, 'fill')).toBe('.'.repeat(15) + '#'.repeat(3) + '.'.repeat(12));
    expect(bandOf(after, 6, 30, 'fill')).toBe('.'.repeat(21) + '#'.repeat(2) + '.'.repeat(7));
    // Where a bar left, the cell is as the client leaves it: blank on a weekday (K4: the 7th), grey on a
    // weekend (P5: the 12th); 製造 stays the client's red.
    expect(after.get('K4')).toBe('||hair');
    expect(after.get('P5')).toBe(`|${WEEKEND}|hair`);
    expect(after.get('Z6')).toBe(`|${CRITICAL}|hair`);
    expect(after.get('Y6')).toBe('||hair');
    expect(changedOutside(before, after, [4, 5, 6])).toEqual([]);
    // A new task's row is a copy of a template row's formats: its bar is its own, not the copied one.
    await call('wbs.create', { projectId, values: { name: '総合テスト', plannedStart: '2025-04-29', plannedFinish: '2025-04-30' } });
    const added = await cellsOf(await exportNow());
    expect(added.get('B8')).toMatch(/^総合テスト\|/);
    expect(bandOf(added, 8, 30, 'fill')).toBe('.'.repeat(28) + '#'.repeat(2));
    ws.close();
  });

  it('paints a new task and a moved task in a band of weeks drawn as ■ marks', async () => {
    const file = await ganttWorkbook({ step: 7, paint: 'mark' });
    const { ws, call, projectId, tasks, exportNow } = await imported(file);
    const before = await cellsOf(file);
    await call('wbs.update', { id: tasks[0]!.id, patch: { plannedFinish: '2025-04-16' } });
    await call('wbs.create', { projectId, values: { name: '総合テスト', plannedStart: '2025-04-29', plannedFinish: '2025-05-02' } });
    const after = await cellsOf(await exportNow());
    expect(bandOf(after, 3, 5, 'mark')).toBe('###..');
    expect(bandOf(after, 8, 5, 'mark')).toBe('....#');
    expect(after.get('B8')).toMatch(/^総合テスト\|/);
    expect(changedOutside(before, after, [3, 8])).toEqual([]);
    ws.close();
  });

  it('leaves a band the sheet draws with formulas to the sheet', async () => {
    const file = await ganttWorkbook({ step: 1, paint: 'formula' });
    const { ws, call, tasks, exportNow } = await imported(file);
    const before = await cellsOf(file);
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-04-09', plannedFinish: '2025-04-15' } });
    const after = await cellsOf(await exportNow());
    // Only the dates change: the formulas draw the bar when Excel opens the file.
    expect(changedOutside(before, after, []).map((d) => d.split(':')[0])).toEqual(['C4', 'D4']);
    ws.close();
  });

  const takuito = join(__dirname, '../../../shared/corpus/status-jp-takuito.xlsx');
  it.skipIf(!existsSync(takuito))('status-jp-takuito: a day band under the days of the month, two rows per task, summaries painted the client’s own way', async () => {
    // Row 29 numbers the days 1–31, 1–28, 1–7 (January to March 2014: no year or month in the row); each
    // task has its plan bar on its row and its actual bar on the row under it.
    const file = readFileSync(takuito);
    const { ws, call, projectId, tasks, exportNow } = await imported(file, null);
    const sheet = '3月3日';
    const before = await cellsOf(file, sheet);
    const filled = (fill: string) => fill !== '';
    await call('wbs.update', { id: tasks.find((t) => t.name === '編集処理')!.id, patch: { plannedStart: '2014-01-14', plannedFinish: '2014-01-24' } });
    // 認証処理's bar covers 4 of its 35 days: painted by the client's own rule, so never repainted.
    await call('wbs.update', { id: tasks.find((t) => t.name === '認証処理')!.id, patch: { plannedFinish: '2014-02-27' } });
    const after = await cellsOf(await exportNow(), sheet);
    expect(bandOf(after, 32, 66, 'fill', 11, filled)).toBe('.'.repeat(13) + '#'.repeat(11) + '.'.repeat(42));
    expect(bandOf(after, 33, 66, 'fill', 11, filled)).toBe(bandOf(before, 33, 66, 'fill', 11, filled)); // its actual bar
    expect(bandOf(after, 34, 66, 'fill', 11, filled)).toBe(bandOf(before, 34, 66, 'fill', 11, filled));
    expect(changedOutside(before, after, [32, 34]).filter((d) => !/^[A-Z]+(32|34):/.test(d))).toEqual([]);
    // A new task's two rows: its plan bar on the first, nothing copied onto the second.
    await call('wbs.create', { projectId, values: { name: '結果報告', plannedStart: '2014-02-03', plannedFinish: '2014-02-05' } });
    const added = await cellsOf(await exportNow(), sheet);
    const row = Number([...added].find(([k, v]) => /^[A-Z]+\d+$/.test(k) && v.startsWith('結果報告|'))![0].replace(/^[A-Z]+/, ''));
    expect(bandOf(added, row, 66, 'fill', 11, filled)).toBe('.'.repeat(33) + '###' + '.'.repeat(30));
    expect(bandOf(added, row + 1, 66, 'fill', 11, filled)).toBe('.'.repeat(66));
    ws.close();
  });
});
