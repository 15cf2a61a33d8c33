// Import of layouts nobody here had seen (issue 11), in Chromium against the web host: a Japanese header
// row over the same words in English and a ※ instructions row merged across the table under them. The
// dialog reads the two rows as one header, lists the instructions row as left out with its reason, and
// imports only the records.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

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
});
