// Import of workbooks detection was not built on, in Chromium against the web host: a filled English
// risk register with Description (no Title column) and categories that are not on the project's list
// imports every row through value mapping — the unknown words listed with suggestions, one chosen by
// the user — and problems read in Japanese with the grid's column names; a blank client template whose
// logical columns are merged cell groups is registered as a profile (様式を登録) without importing.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ExportDialogScreen, ImportDialogScreen, ProfilesScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';

let s: Session;
const db = () => s.ws.db.sqlite;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

/** An English risk register as found on the web: no Title column, the risk is its Description. */
async function englishRegister(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.getCell('A1').value = 'Project Risk Register';
  ws.getRow(3).values = ['No.', 'Rank', 'Description', 'Category', 'Root Cause', 'Triggers', 'Potential Responses', 'Risk Owner', 'Probability', 'Impact', 'Status'];
  const rows = [
    [1, 1, 'Key developers leave mid-project', 'Market risk', 'Pay below market', 'Resignations', 'Retention bonus', 'HR lead', 'High', 'Medium at the beginning, gets higher with time', 'Open'],
    [2, 2, 'Vendor delivers the API late', 'Technical risk', 'Vendor capacity', 'Missed milestone', 'Weekly vendor check', 'PM', 'Medium', 'High', 'Open'],
    [3, 3, 'Exchange rate rises', 'Market risk', 'Imported hardware', 'Rate above 160', 'Hedge', 'CFO', 'Low', 'Medium', 'Open'],
    [4, 4, 'Test environment unstable', 'Technical risk', 'Shared servers', 'Outages', 'Own environment', 'Infra', 'Medium', 'Medium', 'Closed'],
    [5, 5, 'Scope grows after sign-off', 'Scope risk', 'Unclear requirements', 'New requests', 'Change control', 'PM', 'High', 'High', 'Open'],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A blank client template: a title, a "Project Name:" label row, the header on row 3 over merged column groups, a footer. */
async function blankTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risks');
  ws.mergeCells('A1:AF1');
  ws.getCell('A1').value = 'Risk Register';
  ws.getCell('A2').value = 'Project Name:';
  ws.getCell('T2').value = 'Date:';
  const groups: [string, string][] = [['A3:C3', 'No.'], ['D3:R3', 'Risk'], ['S3:X3', 'Owner'], ['Y3:AA3', 'Probability'], ['AB3:AD3', 'Impact'], ['AE3:AF3', 'Status']];
  for (const [range, label] of groups) {
    ws.mergeCells(range);
    ws.getCell(range.split(':')[0]!).value = label;
  }
  for (let r = 4; r <= 13; r++) for (const [range] of groups) ws.mergeCells(range.replace(/3/g, String(r)));
  ws.getCell('A15').value = '© 2018 Example Templates. All rights reserved.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import detection in Chromium', () => {
  it('imports every row of an English risk register through value mapping, the problems in Japanese', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('海外案件', 'GLOBAL');
    await projects.open('海外案件');
    await openTab(s.page, 'リスク管理表');
    const risks = new RegisterScreen(s.page, 'risk');
    await risks.grid.waitFor();

    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('Risk Register.xlsx', await englishRegister());
    const mapping = await dialog.mapping();
    // Description is the title (no Title column); Root Cause the description; Rank takes no field: its
    // 1…5 run by one down the rows, but its header names a rank, not a numbering (numberingHeader): it
    // stays the risks' own, kept as an extra column.
    expect(mapping.find((m) => m[0] === 'C')!.slice(0, 2)).toEqual(['C', 'Description']);
    expect(mapping.find((m) => m[0] === 'B')![2]).toBe('(追加列として保持)');
    expect(mapping.find((m) => m[0] === 'D')![2]).toBe('分類');
    for (const column of ['C', 'E', 'G']) expect(mapping.find((m) => m[0] === column)![2], column).not.toBe('(追加列として保持)');

    // The words not on the list, each once, with what they are read as.
    const values = dialog.dialog.getByTestId('import-values');
    await values.waitFor();
    const words = await values.getByTestId('value-row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]!.textContent!.trim()));
    expect(words).toEqual(['Market risk', 'Technical risk', 'Scope risk']);
    await s.page.screenshot({ path: screenshotPath('import-values-ja.png') });
    // The user reads "Market risk" as 外部.
    const market = values.getByTestId('value-row').filter({ hasText: 'Market risk' }).locator('select');
    await market.selectOption({ value: 'external' });
    await dialog.idle();
    await expect.poll(() => market.inputValue()).toBe('external');

    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 5 });
    // The free text of a rating column is flagged in Japanese with the grid's column name, never a key.
    await dialog.tab('problems').click();
    const problems = await dialog.dialog.getByTestId('import-preview').innerText();
    expect(problems).toContain('評価ではなく文章です');
    expect(problems).not.toMatch(/risk\.|impact\b|is not/);
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });

    const stored = db().prepare('SELECT title, category, probability, impact, extra FROM risks ORDER BY id').all() as Record<string, unknown>[];
    expect(stored.map((r) => [r.title, r.category])).toEqual([
      ['Key developers leave mid-project', 'external'],
      ['Vendor delivers the API late', 'technical'],
      ['Exchange rate rises', 'external'],
      ['Test environment unstable', 'technical'],
      ['Scope grows after sign-off', 'scope'],
    ]);
    expect(stored[0]!.impact).toBeNull();
    expect(JSON.parse(stored[0]!.extra as string)).toMatchObject({ Impact: 'Medium at the beginning, gets higher with time' });
    // The profile keeps the client's words both ways.
    const profile = db().prepare('SELECT mapping FROM excel_profiles ORDER BY id DESC').get() as { mapping: string } | undefined;
    const maps = JSON.parse(profile!.mapping).layout.valueMaps;
    expect(maps.category.words).toMatchObject({ 'Market risk': 'external', 'Technical risk': 'technical' });
    expect(maps.status.exportAs).toMatchObject({ open: 'Open', closed: 'Closed' });
  });

  it('asks the year of dates written without one when nothing in the file decides it, and imports them in the year chosen', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('button', { name: '← プロジェクト一覧' }).click();
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('年なし案件', 'NOYEAR');
    await projects.open('年なし案件');
    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRows([['課題', '起票日', '担当者'], ['ログインできない', '4/3', '山田'], ['帳票の桁ずれ', '4/18', '佐藤']]);
    await dialog.choose('課題一覧.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await dialog.mapping();
    const ask = dialog.dialog.getByTestId('import-year');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('年の書かれていない日付が 2 件');
    // Read in the year nearest today until the user says: they choose two years before it.
    const year = Number(await ask.locator('select').inputValue()) - 2;
    await ask.locator('select').selectOption({ value: String(year) });
    await dialog.idle();
    await expect.poll(() => ask.locator('select').inputValue()).toBe(String(year));
    await expect.poll(() => ask.innerText()).not.toContain('選ぶまで');
    await s.page.screenshot({ path: screenshotPath('import-year-ja.png') });
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 2 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const stored = db().prepare("SELECT title, raised_on FROM issues WHERE title IN ('ログインできない', '帳票の桁ずれ') ORDER BY id").all();
    expect(stored).toEqual([
      { title: 'ログインできない', raised_on: `${year}-04-03` },
      { title: '帳票の桁ずれ', raised_on: `${year}-04-18` },
    ]);
  });

  it('asks the years of dates without one that run over a new year as a span, and reads them forward', async () => {
    const projects = new ProjectsScreen(s.page);
    const back = s.page.getByRole('button', { name: '← プロジェクト一覧' });
    if (await back.count()) await back.click();
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('年越し案件', 'NEWYEAR');
    await projects.open('年越し案件');
    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('課題').addRows([['課題', '起票日'], ['請求書の誤り', '12/26'], ['年末の障害', '12/29'], ['年始の問い合わせ', '1/6']]);
    await dialog.choose('年越し.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await dialog.mapping();
    const ask = dialog.dialog.getByTestId('import-year');
    await ask.waitFor();
    const select = ask.locator('select');
    const year = Number(await select.inputValue());
    // Each choice names the two years the dates run over.
    expect(await select.locator('option:checked').innerText()).toBe(`${year}年〜${year + 1}年`);
    await select.selectOption({ value: String(year - 1) });
    await dialog.idle();
    await expect.poll(() => select.inputValue()).toBe(String(year - 1));
    await dialog.next();
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'NEWYEAR'").get() as { id: number };
    expect(db().prepare('SELECT raised_on FROM issues WHERE project_id = ? ORDER BY id').pluck().all(project.id)).toEqual([`${year - 1}-12-26`, `${year - 1}-12-29`, `${year}-01-06`]);
  });

  it('asks which table when two sheets hold one nearly as good, offers both, and imports the one chosen', async () => {
    const projects = new ProjectsScreen(s.page);
    const back = s.page.getByRole('button', { name: '← プロジェクト一覧' });
    if (await back.count()) await back.click();
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('二表案件', 'TWOTAB');
    await projects.open('二表案件');
    await openTab(s.page, 'リスク管理表');
    await new RegisterScreen(s.page, 'risk').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    // A raw tool export beside the register kept from it: either could be what the user means.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Export').addRows([
      ['Key', 'Summary', 'Assignee', 'Status', 'Created'],
      ['R-1', 'Supplier goes bankrupt', 'Tanaka', 'Open', new Date(Date.UTC(2025, 3, 1))],
      ['R-2', 'Key engineer leaves', 'Sato', 'Open', new Date(Date.UTC(2025, 3, 2))],
      ['R-3', 'Exchange rate rises', 'Suzuki', 'Open', new Date(Date.UTC(2025, 3, 3))],
    ]);
    wb.addWorksheet('Risk Log').addRows([
      ['Key', 'Summary', 'Owner', 'Status', 'Impact', 'Likelihood'],
      ['R-1', 'Supplier goes bankrupt', 'Tanaka', 'Open', 'High', 'Low'],
      ['R-2', 'Key engineer leaves', 'Sato', 'Open', 'Medium', 'Medium'],
    ]);
    await dialog.choose('risks.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await dialog.mapping();
    const ask = dialog.dialog.getByTestId('import-ask');
    expect(await ask.innerText()).toContain('どの表を取り込むか判断できません');
    const tables = dialog.dialog.getByTestId('import-tables');
    const choices = tables.getByRole('radio');
    expect((await tables.locator('label').allInnerTexts()).map((x) => x.trim())).toEqual(['シート「Risk Log」 1 行目が見出しの表 (A:F 列)', 'シート「Export」 1 行目が見出しの表 (A:E 列)']);
    expect(await choices.nth(0).isChecked()).toBe(true);
    await s.page.screenshot({ path: screenshotPath('import-tables-ja.png') });
    const sheet = dialog.facts().locator('#import-sheet');
    // The user looks at the other table: the dialog shows it, and still offers both.
    await choices.nth(1).check();
    await dialog.idle();
    await expect.poll(() => sheet.inputValue()).toBe('Export');
    expect((await dialog.mapping()).map((m) => m[1])).toEqual(['Key', 'Summary', 'Assignee', 'Status', 'Created']);
    expect(await choices.nth(1).isChecked()).toBe(true);
    // …and goes back to the register, which is imported.
    await choices.nth(0).check();
    await dialog.idle();
    await expect.poll(() => sheet.inputValue()).toBe('Risk Log');
    expect((await dialog.mapping()).map((m) => m[1])).toEqual(['Key', 'Summary', 'Owner', 'Status', 'Impact', 'Likelihood']);
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 2 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'TWOTAB'").get() as { id: number };
    expect(db().prepare('SELECT title, owner FROM risks WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: 'Supplier goes bankrupt', owner: 'Tanaka' },
      { title: 'Key engineer leaves', owner: 'Sato' },
    ]);
  });

  it('asks where it is unsure of a table under a title block: the user clicks the first data row on the sheet, and the preview follows', async () => {
    const projects = new ProjectsScreen(s.page);
    const back = s.page.getByRole('button', { name: '← プロジェクト一覧' });
    if (await back.count()) await back.click();
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('指定案件', 'POINT');
    await projects.open('指定案件');
    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    // A title block over the register; under its words a row of notes on how to fill each column, and no
    // column headed as the title (できごと, a word no field has; 事象 now names the title): detection
    // guesses the title from the cells, so it asks.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('課題').addRows([
      ['課題管理表'],
      ['プロジェクト名：', '基幹刷新', null, '更新日：', new Date(Date.UTC(2025, 6, 1))],
      [],
      ['No', '起票日', 'できごと', '担当', '状況'],
      [null, '(yyyy/mm/dd)', '(具体的に記入)', '(氏名)', '(選択)'],
      [1, new Date(Date.UTC(2025, 6, 2)), 'ログイン画面で認証エラーが出る', '山田', '対応中'],
      [2, new Date(Date.UTC(2025, 6, 3)), '月次帳票の合計が前月と一致しない', '佐藤', '未対応'],
      [3, new Date(Date.UTC(2025, 6, 5)), 'CSV出力で文字化けが発生する', '鈴木', '完了'],
    ]);
    await dialog.choose('課題管理表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await dialog.mapping();
    expect(await dialog.dialog.getByTestId('import-ask').innerText()).toContain('見出し行をクリック');
    const top = dialog.facts().getByLabel('見出しの最初の行');
    const bottom = dialog.facts().getByLabel('見出しの最後の行');
    expect([await top.inputValue(), await bottom.inputValue()]).toEqual(['4', '4']);
    // The sheet is shown as Excel draws it; the user says where the data starts: row 6.
    const picker = dialog.dialog.getByTestId('table-picker');
    await picker.waitFor();
    await picker.getByRole('radio', { name: '最初のデータ行' }).check();
    await picker.locator('td[data-cell="C6"]').click();
    await dialog.idle();
    await expect.poll(async () => [await top.inputValue(), await bottom.inputValue()]).toEqual(['4', '5']);
    expect(await dialog.dialog.getByTestId('import-data-range').innerText()).toMatch(/6.*8/);
    await s.page.screenshot({ path: screenshotPath('import-pick-ja.png') });
    const mapping = await dialog.mapping();
    expect(mapping.find((m) => m[0] === 'C')!.slice(0, 3)).toEqual(['C', 'できごと / (具体的に記入)', '件名']);
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 3 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'POINT'").get() as { id: number };
    expect(db().prepare('SELECT title, owner FROM issues WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: 'ログイン画面で認証エラーが出る', owner: '山田' },
      { title: '月次帳票の合計が前月と一致しない', owner: '佐藤' },
      { title: 'CSV出力で文字化けが発生する', owner: '鈴木' },
    ]);
  });

  it('registers a blank template with merged header columns as a profile (様式を登録), importing nothing', async () => {
    const before = (db().prepare('SELECT count(*) AS n FROM risks').get() as { n: number }).n;
    await openTab(s.page, '取込/出力の設定');
    await s.page.getByTestId('register-template').click();
    const dialog = s.page.getByTestId('register-template-dialog');
    await dialog.waitFor();
    await dialog.locator('#template-register').selectOption('risk');
    await dialog.getByTestId('register-template-file').setInputFiles({ name: 'Risk Template.xlsx', mimeType: 'application/octet-stream', buffer: await blankTemplate() });
    const columns = dialog.getByTestId('register-template-columns');
    await columns.waitFor();
    const letters = await columns.getByTestId('mapping-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!.trim()));
    expect(letters).toEqual(['A:C', 'D:R', 'S:X', 'Y:AA', 'AB:AD', 'AE:AF']);
    await expect.poll(() => dialog.getByTestId('register-template-status').innerText()).toContain('3〜3');
    await s.page.screenshot({ path: screenshotPath('register-template-ja.png') });
    await dialog.getByTestId('register-template-save').click();
    await dialog.waitFor({ state: 'detached' });
    const manager = new ProfilesScreen(s.page);
    await expect.poll(async () => (await manager.rows()).map((r) => r[0])).toContain('Risk Template');
    const saved = db().prepare("SELECT register, mapping FROM excel_profiles WHERE name = 'Risk Template'").get() as { register: string; mapping: string };
    expect(saved.register).toBe('risk');
    const layout = JSON.parse(saved.mapping).layout;
    expect([layout.sheet, layout.headerTop, layout.headerBottom]).toEqual(['Risks', 3, 3]);
    expect(Object.fromEntries(layout.columns.map((c: { column: string; field: string | null }) => [c.column, c.field]))).toEqual({
      'A:C': 'ref',
      'D:R': 'title',
      'S:X': 'owner',
      'Y:AA': 'probability',
      'AB:AD': 'impact',
      'AE:AF': 'status',
    });
    expect((db().prepare('SELECT count(*) AS n FROM risks').get() as { n: number }).n).toBe(before);
  });

  it("registers the blank template from Excel出力 (様式を登録) and exports into it: the records fill its prepared rows, the © footer stays", async () => {
    const api = inProcessCaller(s.ws);
    const { id: projectId } = await api('project.create', { name: '様式出力案件', code: 'FORM' });
    for (const title of ['Vendor delivers late', 'Key staff leave', 'Test data missing']) await api('risk.create', { projectId, values: { title, owner: 'PM', probability: 2, impact: 3 } });
    const projects = new ProjectsScreen(s.page);
    const back = s.page.getByRole('button', { name: '← プロジェクト一覧' });
    if (await back.count()) await back.click();
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.open('様式出力案件');
    await openTab(s.page, 'リスク管理表');
    await new RegisterScreen(s.page, 'risk').grid.waitFor();
    const exporter = new ExportDialogScreen(s.page);
    await exporter.open();
    await exporter.dialog.getByTestId('export-register-template').click();
    const dialog = s.page.getByTestId('register-template-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('register-template-file').setInputFiles({ name: 'Client Risks.xlsx', mimeType: 'application/octet-stream', buffer: await blankTemplate() });
    await dialog.getByTestId('register-template-columns').waitFor();
    await expect.poll(() => dialog.getByTestId('register-template-status').innerText()).toContain('3〜3');
    await dialog.getByTestId('register-template-save').click();
    await dialog.waitFor({ state: 'detached' });
    // The form saved is the one chosen for this export.
    await expect.poll(async () => (await exporter.choices()).find((c) => c[2])?.[0]).toBe('Client Risks');
    await s.page.screenshot({ path: screenshotPath('export-template-ja.png') });
    const download = await exporter.run();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Risks')!;
    expect([4, 5, 6].map((r) => ws.getCell(`D${r}`).value)).toEqual(['Vendor delivers late', 'Key staff leave', 'Test data missing']);
    expect(ws.getCell('S4').value).toBe('PM');
    // Prepared rows left blank, the header and the footer where the client put them.
    expect(ws.getCell('D7').value).toBeNull();
    expect(ws.getCell('D3').value).toBe('Risk');
    expect(ws.getCell('A15').value).toBe('© 2018 Example Templates. All rights reserved.');
    expect(ws.getCell('D4').isMerged && ws.getCell('R4').isMerged).toBe(true);
  });
});
