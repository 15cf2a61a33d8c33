// The import dialog asks about a column its header names no field of, where its cells fit one no column
// fills (issue 11; blind set 13, I1: 処置者 of people kept as the client's own, nothing said). An issue log
// whose 欄P column holds the people each issue is with: the dialog says the column looks like 担当者 or
// 起票者, the user clicks 担当者 in the question, and the issues are imported with their owners.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const db = () => s.ws.db.sqlite;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

async function issueLog(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('課題一覧').addRows([
    ['課題管理表'],
    [],
    ['管理番号', '課題', '起票日', '欄P', '状態', '期限'],
    ['K-1', '帳票レイアウトの確定', new Date(Date.UTC(2025, 3, 1)), '情シス 山田', '対応中', new Date(Date.UTC(2025, 4, 1))],
    ['K-2', '移行データの範囲の合意', new Date(Date.UTC(2025, 3, 3)), '業務 佐藤', '未着手', new Date(Date.UTC(2025, 4, 8))],
    ['K-3', '性能要件の確認', new Date(Date.UTC(2025, 3, 7)), '基盤 鈴木', '完了', new Date(Date.UTC(2025, 3, 20))],
    ['K-4', '外部IFの仕様確定', new Date(Date.UTC(2025, 3, 9)), '情シス 山田', '対応中', new Date(Date.UTC(2025, 4, 15))],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the import dialog asks about a column of people, in Chromium', () => {
  it('names the column and the fields it looks like; a click on 担当者 takes it, and the owners are imported', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('列の確認', 'ASKCOL');
    await projects.open('列の確認');
    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('課題管理表.xlsx', await issueLog());
    expect((await dialog.mapping()).find((m) => m[0] === 'D')?.slice(1, 3)).toEqual(['欄P', '(追加列として保持)']);
    const ask = dialog.dialog.getByTestId('import-ask');
    expect(await ask.innerText()).toContain('列ごとに項目を選ぶか');
    const question = dialog.dialog.getByTestId('import-ask-column');
    expect(await question.innerText()).toContain('D 列「欄P」の中身は「担当者」または「起票者」に当たりそうです');
    // The sheet is not opened for a question about columns.
    expect(await dialog.dialog.getByTestId('table-picker').count()).toBe(0);
    await s.page.screenshot({ path: screenshotPath('import-ask-column-ja.png') });
    await question.getByRole('button', { name: '担当者' }).click();
    await dialog.idle();
    await expect.poll(async () => (await dialog.mapping()).find((m) => m[0] === 'D')?.[2]).toBe('担当者');
    expect(await dialog.dialog.getByTestId('import-ask').count()).toBe(0);
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 4 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'ASKCOL'").get() as { id: number };
    expect(db().prepare('SELECT title, owner FROM issues WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: '帳票レイアウトの確定', owner: '情シス 山田' },
      { title: '移行データの範囲の合意', owner: '業務 佐藤' },
      { title: '性能要件の確認', owner: '基盤 鈴木' },
      { title: '外部IFの仕様確定', owner: '情シス 山田' },
    ]);
  });
});
