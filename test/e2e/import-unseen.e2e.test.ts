// Import of layouts nobody here had seen (issue 11), in Chromium against the web host: a Japanese header
// row over the same words in English and a ※ instructions row merged across the table under them. The
// dialog reads the two rows as one header, lists the instructions row as left out with its reason, and
// imports only the records; an English WBS whose levels stand in Phase | Activity | Task name columns,
// with MS Project's ID and Predecessors by ID, imports as an outline whose links name the tasks.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, WbsScreen, openTab } from './pages.js';

let s: Session;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

async function bilingualWithInstructions(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題');
  ws.addRow(['番号', '課題名', '担当者', '状況']);
  ws.addRow(['No.', 'Issue', 'Owner', 'Status']);
  ws.addRow(['※記入例：状況は一覧から選んでください (Pick the status from the list)']);
  ws.mergeCells('A3:D3');
  ws.addRow([1, 'ログインできない', '山田', '対応中']);
  ws.addRow([2, '帳票の桁ずれ', '佐藤', '完了']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('layouts not seen before, in Chromium', () => {
  it('reads a two-language header as one, lists the instructions row as left out, and imports only the records', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('二か国語', 'BILINGUAL');
    await projects.open('二か国語');
    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('課題一覧.xlsx', await bilingualWithInstructions());
    const mapping = await dialog.mapping();
    expect(mapping.map((m) => m[1])).toEqual(['番号 / No.', '課題名 / Issue', '担当者 / Owner', '状況 / Status']);
    const leftOut = dialog.dialog.getByTestId('import-left-out');
    await leftOut.locator('summary').click();
    expect(await leftOut.innerText()).toContain('3 行目: 記入方法の説明');
    await s.page.screenshot({ path: screenshotPath('import-instructions-ja.png') });
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 2 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const stored = s.ws.db.sqlite.prepare("SELECT title, owner FROM issues ORDER BY id").all();
    expect(stored).toEqual([
      { title: 'ログインできない', owner: '山田' },
      { title: '帳票の桁ずれ', owner: '佐藤' },
    ]);
  });

  it('imports Phase | Activity | Task name as one outline, and predecessors given by the ID column as links', async () => {
    await s.page.getByRole('button', { name: '← プロジェクト一覧' }).click();
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('MSP案件', 'MSP');
    await projects.open('MSP案件');
    await openTab(s.page, 'WBS');
    const wbs = new WbsScreen(s.page);
    await wbs.grid.waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    ws.addRows([
      ['ID', 'Phase', 'Activity', 'Task name', 'Start', 'Finish', 'Predecessors'],
      [1, 'Planning', null, null, d('2025-04-01'), d('2025-04-10'), null],
      [2, null, 'Charter', null, d('2025-04-01'), d('2025-04-10'), null],
      [3, null, null, 'Draft charter', d('2025-04-01'), d('2025-04-04'), null],
      [4, null, null, 'Sign charter', d('2025-04-07'), d('2025-04-10'), '3'],
      [5, 'Execution', null, null, d('2025-04-14'), d('2025-04-30'), null],
      [6, null, null, 'Build', d('2025-04-14'), d('2025-04-30'), '4FS+1'],
    ]);
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const mapping = await dialog.mapping();
    expect(mapping.find((m) => m[0] === 'B:D')?.[2]).toBe('タスク名');
    // The dialog says how it reads the Predecessors column: by the IDs in column A.
    await expect.poll(() => s.page.getByTestId('import-predecessors').textContent()).toContain('A 列の ID');
    await dialog.next();
    expect((await dialog.names()).map(([name]) => name)).toEqual(['Planning', 'Charter', 'Draft charter', 'Sign charter', 'Execution', 'Build']);
    expect(await dialog.counts()).toMatchObject({ new: 6 });
    await dialog.apply();
    await expect.poll(() => wbs.column('code')).toEqual(['1', '1.1', '1.1.1', '1.1.2', '2', '2.1']);
    // (The 先行タスク column lies off screen to the right: the links are read where they are stored.)
    const links = s.ws.db.sqlite
      .prepare('SELECT p.name AS pred, t.name AS succ, d.type, d.lag_days AS lag FROM wbs_dependencies d JOIN wbs_tasks p ON p.id = d.predecessor_id JOIN wbs_tasks t ON t.id = d.successor_id ORDER BY d.id')
      .all();
    expect(links).toEqual([
      { pred: 'Draft charter', succ: 'Sign charter', type: 'FS', lag: 0 },
      { pred: 'Sign charter', succ: 'Build', type: 'FS', lag: 1 },
    ]);
    await s.page.screenshot({ path: screenshotPath('import-phase-activity-ja.png') });
  });
});
