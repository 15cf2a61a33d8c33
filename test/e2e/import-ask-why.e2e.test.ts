// Where detection is unsure, the import dialog says why and the user answers on the sheet (issue 11).
// A sheet whose first table is a per-person count of issues (担当者 | 課題 | うち期限超過) above the issue log
// itself, headed in words detection barely knows (# | トピック | だれが | 進み具合 | いつまで): the counts are
// taken for the register, their 課題 column of figures as the title. The dialog asks, naming that column;
// the user clicks the log's header row on the sheet drawn as Excel draws it, takes the offered 期限 for the
// いつまで column of dates, and the four issues are imported with their due dates. A workbook of figures
// alone (a quality metrics table) is said to hold no register, naming the file and sheet, and imports nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';
import { STACKED_CLIENT_WORDS, stackedRegister } from '../roundtrip/layouts.js';

let s: Session;
const db = () => s.ws.db.sqlite;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

async function countsAboveLog(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('課題管理').addRows([
    ['課題管理表 (第3週)'],
    [],
    ['担当者', '課題', 'うち期限超過'],
    ['山田', 3, 1],
    ['佐藤', 5, 2],
    ['鈴木', 2, 0],
    [],
    [],
    ['#', 'トピック', 'だれが', '進み具合', 'いつまで'],
    [1, '帳票レイアウトの確定', '山田', '対応中', new Date(Date.UTC(2025, 4, 1))],
    [2, '移行データの範囲の合意', '佐藤', '未着手', new Date(Date.UTC(2025, 4, 8))],
    [3, '性能要件の確認', '鈴木', '完了', new Date(Date.UTC(2025, 3, 20))],
    [4, '外部IFの仕様確定', '田中', '対応中', new Date(Date.UTC(2025, 4, 15))],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openImport(name: string, code: string): Promise<ImportDialogScreen> {
  const projects = new ProjectsScreen(s.page);
  const back = s.page.getByRole('button', { name: '← プロジェクト一覧' });
  if (await back.count()) await back.click();
  await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
  await projects.create(name, code);
  await projects.open(name);
  await openTab(s.page, '課題管理表');
  await new RegisterScreen(s.page, 'issue').grid.waitFor();
  const dialog = new ImportDialogScreen(s.page);
  await dialog.open();
  return dialog;
}

describe('the import dialog asks why it is unsure, in Chromium', () => {
  it('says the title column holds figures, the user clicks the header row of the log, takes the offered due date, and the log is imported', async () => {
    const dialog = await openImport('確認案件', 'ASKWHY');
    await dialog.choose('課題管理表.xlsx', await countsAboveLog());
    await dialog.mapping();
    const ask = dialog.dialog.getByTestId('import-ask');
    expect(await ask.innerText()).toContain('見出し行をクリック');
    expect(await dialog.dialog.getByTestId('import-ask-why').innerText()).toContain('B 列「課題」は数値や日付ばかり');
    // The column taken as the title shows the doubt as well.
    expect((await dialog.mapping()).find((m) => m[0] === 'B')).toEqual(['B', '課題', '件名', '要確認']);
    const top = dialog.facts().getByLabel('見出しの最初の行');
    const bottom = dialog.facts().getByLabel('見出しの最後の行');
    expect([await top.inputValue(), await bottom.inputValue()]).toEqual(['3', '3']);
    const picker = dialog.dialog.getByTestId('table-picker');
    await picker.locator('td[data-cell="B9"]').waitFor();
    await s.page.screenshot({ path: screenshotPath('import-ask-why-ja.png') });
    // The sheet as Excel draws it: the user clicks the log's header row.
    await picker.getByRole('radio', { name: '見出し行' }).check();
    await picker.locator('td[data-cell="B9"]').click();
    await dialog.idle();
    await expect.poll(async () => [await top.inputValue(), await bottom.inputValue()]).toEqual(['9', '9']);
    expect(await dialog.dialog.getByTestId('import-data-range').innerText()).toMatch(/10.*13/);
    // いつまで, a column of dates no field fills, is offered the register's dates: the user takes 期限.
    // (だれが, a column of surnames, is offered the owner beside it.)
    const offers = dialog.dialog.getByTestId('column-maybe');
    expect(await offers.count()).toBe(2);
    const offer = offers.filter({ hasText: '期限' });
    expect(await offer.innerText()).toContain('期限');
    await offer.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: screenshotPath('import-ask-why-offer-ja.png') });
    await offer.getByRole('button', { name: '期限' }).click();
    await dialog.idle();
    await expect.poll(async () => (await dialog.mapping()).find((m) => m[0] === 'E')?.[2]).toBe('期限');
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 4 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'ASKWHY'").get() as { id: number };
    expect(db().prepare('SELECT title, due FROM issues WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: '帳票レイアウトの確定', due: '2025-05-01' },
      { title: '移行データの範囲の合意', due: '2025-05-08' },
      { title: '性能要件の確認', due: '2025-04-20' },
      { title: '外部IFの仕様確定', due: '2025-05-15' },
    ]);
  });

  it('takes answers for both rows of a two-row record: 申出日 on the first row, 対応部署 on the second (blind set 18, I7)', async () => {
    const dialog = await openImport('二段記録', 'TWOROW');
    // (The first three records of the register the import's API tests answer.)
    const bytes = await stackedRegister({ ...STACKED_CLIENT_WORDS, records: STACKED_CLIENT_WORDS.records.slice(0, 3) });
    await dialog.choose('検討事項一覧.xlsx', bytes);
    await dialog.mapping();
    const select = (label: string) => dialog.dialog.locator(`select[aria-label="${label}"]`);
    // The second row's columns are chosen like the first's (they were shown, not chosen, and an answer for them had nowhere to go).
    expect(await select('D 対応部署').isEnabled()).toBe(true);
    await select('C 申出日').selectOption('raisedOn');
    await dialog.idle();
    await select('D 対応部署').selectOption('owner');
    await dialog.idle();
    await expect.poll(async () => [await select('C 申出日').inputValue(), await select('D 対応部署').inputValue(), await select('D 申出部署').inputValue()]).toEqual(['raisedOn', 'owner', '']);
    await s.page.screenshot({ path: screenshotPath('import-two-row-answers-ja.png') });
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 3 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'TWOROW'").get() as { id: number };
    expect(db().prepare('SELECT title, raised_on, due, owner FROM issues WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: '外来予約の締切時刻', raised_on: '2027-04-05', due: '2027-04-30', owner: '情報システム室' },
      { title: '検査結果の返却経路', raised_on: '2027-04-08', due: '2027-05-14', owner: 'ベンダー' },
      { title: '病棟端末の台数', raised_on: '2027-04-12', due: '2027-05-21', owner: '施設課' },
    ]);
  });
});
