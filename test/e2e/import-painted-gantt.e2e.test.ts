// A plan painted as fills under week heads, with no date column (issue 13, Fintan's スプリント全体計画), in
// Chromium: the import dialog says the planned dates are read from the painted columns, the preview
// shows them, and the grid holds them after the import (excel/import/band-dates.ts).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, type Session } from './browser.js';
import { tasksOfTable, type WbsTable } from '../../electron/common/wbs-rows.js';
import { ExportDialogScreen, ImportDialogScreen, ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
  const env = await s.ws.handlers.invoke('project.create', { name: '塗り案件' });
  if (!env.ok) throw new Error(env.error.message);
  await s.page.reload();
});
afterAll(async () => {
  await s?.close();
});

/** Four tasks painted red under five week heads from Thursday 2016-10-27 (as the Fintan sheet is drawn). */
async function paintedWeeks(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('中日程');
  ws.getCell('A2').value = 'No';
  ws.getCell('B2').value = 'タスク名';
  for (let k = 0; k < 5; k++) {
    const c = ws.getCell(2, 3 + k);
    c.value = new Date(Date.UTC(2016, 9, 27 + 7 * k));
    c.numFmt = 'm/d';
  }
  const weeks: [string, number, number][] = [
    ['環境構築', 0, 0],
    ['認証機能導入', 1, 2],
    ['画面部品', 2, 3],
    ['受入', 4, 4],
  ];
  weeks.forEach(([name, from, to], i) => {
    ws.getCell(3 + i, 1).value = i + 1;
    ws.getCell(3 + i, 2).value = name;
    for (let k = from; k <= to; k++) ws.getCell(3 + i, 3 + k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF968C' } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a plan painted per week, no date columns', () => {
  it('the dialog says where the dates come from, and the grid shows them after the import', async () => {
    await new ProjectsScreen(s.page).open('塗り案件');
    const imp = new ImportDialogScreen(s.page);
    await imp.open();
    await imp.choose('中日程.xlsx', await paintedWeeks());
    await expect.poll(() => imp.dialog.getByTestId('import-painted-dates').innerText()).toBe('C〜G 列のガントの塗りつぶし (1 列 = 7 日) から読みます。出力も塗りつぶしで描きます');
    await imp.next();
    await imp.apply();
    const wbs = new WbsScreen(s.page);
    await expect.poll(() => wbs.column('name')).toEqual(['環境構築', '認証機能導入', '画面部品', '受入']);
    expect(await wbs.column('plannedStart')).toEqual(['2016/10/27', '2016/11/03', '2016/11/10', '2016/11/24']);
    expect(await wbs.column('plannedFinish')).toEqual(['2016/11/02', '2016/11/16', '2016/11/23', '2016/11/30']);
  });

  it('exported after 受入 moved past the painted weeks: the dialog names the task whose bar it cleared', async () => {
    const rows = await s.ws.handlers.invoke('wbs.rows', { projectId: await projectIdOf('塗り案件') });
    if (!rows.ok) throw new Error(rows.error.message);
    const accept = (tasksOfTable(rows.result as WbsTable) as unknown as { id: number; name: string }[]).find((t) => t.name === '受入')!;
    const moved = await s.ws.handlers.invoke('wbs.update', { id: accept.id, patch: { plannedStart: '2017-01-10', plannedFinish: '2017-01-20' } });
    if (!moved.ok) throw new Error(moved.error.message);
    // Reloaded, the page is still the project's WBS, with the new dates.
    await s.page.reload();
    await s.page.getByTestId('wbs-grid').waitFor();
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    const [name] = (await dialog.choices()).find(([n]) => n.includes('中日程'))!;
    await dialog.choice(name).check();
    await Promise.all([s.page.waitForEvent('download'), dialog.dialog.getByRole('button', { name: '出力' }).click()]);
    await expect
      .poll(() => dialog.dialog.getByTestId('export-notice').innerText())
      .toBe('中日程.xlsx のガントは 2016-10-27〜2016-11-30 の日付しか表せないため、次のタスクはバーを消しました（日付が範囲外です）: 中日程!B6 受入 (2017-01-10〜2017-01-20)');
  });
});

async function projectIdOf(name: string): Promise<number> {
  const list = await s.ws.handlers.invoke('project.list', {});
  if (!list.ok) throw new Error(list.error.message);
  return (list.result as { id: number; name: string }[]).find((p) => p.name === name)!.id;
}
