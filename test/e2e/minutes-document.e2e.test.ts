// フォームから取込 with no form profile (review U20): a 議事録 written as a document (a title, 日時 / 場所 /
// 出席者 lines, 議題, 決定事項, a ToDo table) is read through "書式なし（文書として読む）" — the dry run
// shown first, then one meeting with its actions. The same choice in English.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { MinutesScreen, ProjectsScreen, openTab } from './pages.js';

let s: Session;
let m: MinutesScreen;
const TITLE = '第3回 基幹刷新 定例会議 議事録';

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
  m = new MinutesScreen(s.page);
});
afterAll(async () => {
  await s?.close();
});

async function documentMinutes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('議事録');
  ws.columns = [{ width: 8 }, { width: 40 }, { width: 12 }, { width: 14 }];
  const rows: unknown[][] = [
    [TITLE],
    ['日時：令和7年4月3日（木）10:00～11:00'],
    ['場所：本社 5F 第1会議室'],
    ['出席者：佐藤、山田、鈴木'],
    [],
    ['【議題】'],
    ['議題1：進捗確認'],
    ['設計工程は予定どおり。'],
    [],
    ['【決定事項】'],
    ['・本番切替日は5/6とする'],
    [],
    ['【ToDo】'],
    ['No', '内容', '担当', '期限'],
    [1, '仕様書を更新する', '佐藤', new Date(Date.UTC(2025, 3, 10))],
    [2, '性能要件を確認する', '鈴木', '4/17'],
  ];
  rows.forEach((row, i) => row.forEach((v, k) => (ws.getCell(i + 1, k + 1).value = v as never)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a 議事録 written as a document, imported from the UI with no form', () => {
  it('reads it as a document: the dry run first, then the meeting and its actions', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    await openTab(s.page, '議事録');
    await m.button('フォームから取込').click();
    const dialog = s.page.getByTestId('form-import-dialog');
    await dialog.waitFor();
    // No form yet: the document reading is chosen, and the file can be chosen at once.
    await expect.poll(() => dialog.getByRole('radio', { name: /^書式なし（文書として読む）/ }).isChecked()).toBe(true);
    await s.page.screenshot({ path: screenshotPath('minutes-document-import-file-ja.png') });
    await dialog.getByTestId('form-import-file-input').setInputFiles({ name: '議事録_第3回.xlsx', mimeType: 'application/octet-stream', buffer: await documentMinutes() });
    await dialog.getByTestId('form-import-preview').waitFor();
    const header = await dialog.getByTestId('form-import-header').locator('table tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()]),
    );
    expect(header).toEqual(expect.arrayContaining([['会議名', TITLE], ['開催日', '2025/04/03'], ['場所', '本社 5F 第1会議室']]));
    expect(await dialog.getByTestId('form-import-decisions').locator('li').allInnerTexts()).toEqual(['本番切替日は5/6とする']);
    const actions = await dialog
      .getByTestId('form-import-actions')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent!.trim())));
    expect(actions).toEqual([
      ['仕様書を更新する', '佐藤', '2025/04/10'],
      ['性能要件を確認する', '鈴木', '2025/04/17'],
    ]);
    await s.page.screenshot({ path: screenshotPath('minutes-document-import-ja.png') });
    // The dry run wrote nothing.
    expect(await inProcessCaller(s.ws)('meeting.list', { projectId: 1 })).toEqual([]);

    await dialog.getByTestId('form-import-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => m.heading().innerText()).toBe(TITLE);
    await expect.poll(() => m.actions.column('title')).toEqual(['仕様書を更新する', '性能要件を確認する', '(新しい行)']);
    expect(await m.field('開催日').inputValue()).toBe('2025/04/03');
  });

  it('offers the same choice in English', async () => {
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await m.button('Import a form').click();
    const dialog = s.page.getByTestId('form-import-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('radio', { name: /^No form \(read as a document\)/ }).isChecked()).toBe(true);
    await s.page.screenshot({ path: screenshotPath('minutes-document-import-file-en.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  });

  it('never reaches beyond 127.0.0.1, and the page raised no errors', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
