// Cards and CSV in Chromium against the web host. A client's blank 不具合管理票 (labels in column A, the
// values to their right, the project's cell by a defined name, a merged box for the details, a sheet of
// examples) is set up as a card of the 課題管理表 in 取込/出力の設定 → カードを追加: the register chosen,
// the file read, the fields (labelled as the grid heads its columns) picked on the sheet by clicks, the
// keyboard and the defined name — and reopened from the list to add a field. An issue typed into the
// grid is selected and exported through Excel出力 → 選択行をカードに出力; the download, read back with
// exceljs, has the picked cells filled and the labels and the other sheet untouched. With no row or
// several rows selected the card is offered disabled, saying why. The register is exported as CSV
// (UTF-8): header line, rows, and text that looks like a formula (=1+1) written as '=1+1 inside quotes.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { ExportDialogScreen, FormEditorScreen, ProfilesScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const PROJECT = '基幹システム刷新';
const CARD = '不具合票 A社';
const api = () => inProcessCaller(s.ws);

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

/** The client's blank 不具合管理票: a title, labels in A with the values in B, the project by a defined name. */
async function blankCard(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('不具合管理票');
  ws.columns = [{ width: 14 }, { width: 36 }, { width: 14 }, { width: 24 }];
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '不具合管理票';
  ws.getCell('A1').font = { size: 16, bold: true };
  for (const [ref, label] of [
    ['A3', '管理番号'],
    ['A4', '件名'],
    ['A5', '優先度'],
    ['A6', '担当者'],
    ['A7', '期限'],
    ['A8', '詳細'],
    ['C3', 'プロジェクト'],
    ['A12', '承認'],
  ] as const)
    ws.getCell(ref).value = label;
  ws.getCell('B7').numFmt = 'yyyy/mm/dd';
  ws.mergeCells('B8:D10');
  wb.definedNames.add("'不具合管理票'!$D$3", 'プロジェクト名');
  wb.addWorksheet('記入例').getCell('A1').value = '例: ログイン時にエラーが出る';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? ''));

async function readWorkbook(download: Download): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  return wb;
}

/** One CSV line as its cells, exactly as written (quotes kept), for checking what a spreadsheet reads. */
function rawCells(line: string): string[] {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    const m = /^("(?:[^"]|"")*"|[^,]*)/.exec(line.slice(at))!;
    cells.push(m[1]!);
    at += m[1]!.length;
    if (line[at] !== ',') return cells;
    at++;
  }
}

describe('cards and CSV in Chromium', () => {
  it('sets up the client’s 不具合管理票 as a card of the issue register by picking cells', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create(PROJECT, 'KIKAN');
    await projects.open(PROJECT);
    await openTab(s.page, '取込/出力の設定');
    await s.page.getByRole('button', { name: 'カードを追加' }).click();
    const editor = new FormEditorScreen(s.page);
    await editor.dialog.waitFor();
    await editor.dialog.getByRole('heading', { name: 'カードの設定 — 課題管理表' }).waitFor();
    // The register first: a risk card would offer the risk register's fields.
    await editor.dialog.getByRole('radio', { name: /^リスク管理表/ }).check();
    await editor.dialog.getByRole('heading', { name: 'カードの設定 — リスク管理表' }).waitFor();
    await editor.dialog.getByRole('radio', { name: /^課題管理表/ }).check();
    await editor.dialog.getByRole('heading', { name: 'カードの設定 — 課題管理表' }).waitFor();
    await s.page.screenshot({ path: screenshotPath('card-editor-file-ja.png') });

    await editor.dialog.getByTestId('form-file-input').setInputFiles({ name: '不具合管理票.xlsx', mimeType: 'application/octet-stream', buffer: await blankCard() });
    await editor.sheet.waitFor();
    expect(await editor.dialog.getByRole('combobox', { name: 'シート' }).inputValue()).toBe('不具合管理票');
    expect(await editor.cell('A1').innerText()).toBe('不具合管理票');
    expect(await editor.cell('B8').getAttribute('rowspan')).toBe('3');
    expect(await editor.dialog.getByRole('textbox', { name: 'カード名' }).inputValue()).toBe('不具合管理票');
    // The register's fields as the grid heads them, and the project's name; no tables for a card.
    const items = await editor.items();
    expect(items.map(([label]) => label)).toEqual(['プロジェクト名', 'ID', '種別', '件名', '詳細', '優先度', '担当者', '起票日', '起票者', '期限', 'ステータス', '対応結果', '完了日', '経過日数']);
    expect(items.every(([, ref]) => ref === '—')).toBe(true);
    expect(await editor.dialog.locator('.fx-lists').count()).toBe(0);

    // Clicks: an item on the left, then its cell.
    await editor.pickField('ref');
    await editor.hint().getByText('「ID」を書くセルをクリックしてください', { exact: false }).waitFor();
    await editor.cell('B3').click();
    await expect.poll(() => editor.tags('B3')).toEqual(['ID']);
    await editor.pickField('title');
    await editor.cell('B4').click();
    await editor.pickField('priority');
    await editor.cell('B5').click();
    await editor.pickField('owner');
    await editor.cell('B6').click();
    // The keyboard: from B6 down to B7, Enter.
    await editor.pickField('due');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => editor.tags('B7')).toEqual(['期限']);
    // The merged box: a click anywhere in it is its top-left cell.
    await editor.pickField('detail');
    await editor.cell('B8').click({ position: { x: 40, y: 40 } });
    await expect.poll(() => editor.tags('B8')).toEqual(['詳細']);
    // A cell picked by mistake is let go with Delete.
    await editor.pickField('raisedBy');
    await editor.cell('B12').click();
    await expect.poll(() => editor.tags('B12')).toEqual(['起票者']);
    await s.page.keyboard.press('Delete');
    await expect.poll(() => editor.tags('B12')).toEqual([]);
    // The project's name through the workbook's defined name.
    await editor.pickField('projectName');
    await editor.dialog.getByRole('combobox', { name: '名前の定義から選ぶ…' }).selectOption('プロジェクト名');
    await expect.poll(() => editor.tags('D3')).toEqual(['プロジェクト名']);
    expect(await editor.dialog.getByTestId('form-status').innerText()).toContain('セル 7 件');

    await editor.dialog.getByRole('textbox', { name: 'カード名' }).fill(CARD);
    await editor.pickField('title');
    await s.page.screenshot({ path: screenshotPath('card-editor-ja.png') });
    await editor.dialog.getByTestId('form-save').click();
    await editor.dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('status').getByText(`カード『${CARD}』を保存しました。`).waitFor();

    const [summary] = await api()('profile.list', { register: 'issue' });
    expect(summary).toMatchObject({ name: CARD, kind: 'card', register: 'issue', sheet: '不具合管理票', fileName: '不具合管理票.xlsx' });
    const profile = await api()('profile.get', { id: summary!.id });
    expect(profile.kind === 'card' && profile.card).toEqual({
      register: 'issue',
      sheet: '不具合管理票',
      cells: [
        { field: 'projectName', ref: 'プロジェクト名' },
        { field: 'ref', ref: 'B3' },
        { field: 'title', ref: 'B4' },
        { field: 'detail', ref: 'B8' },
        { field: 'priority', ref: 'B5' },
        { field: 'owner', ref: 'B6' },
        { field: 'due', ref: 'B7' },
      ],
    });
    const manager = new ProfilesScreen(s.page);
    expect((await manager.rows())[0]!.slice(0, 4)).toEqual([CARD, '課題管理表カード', '不具合管理票', '不具合管理票.xlsx']);
    await s.page.screenshot({ path: screenshotPath('card-profiles-ja.png') });
  });

  it('reopens the card from 取込/出力の設定 with its cells drawn, and saves a change', async () => {
    const manager = new ProfilesScreen(s.page);
    await manager.row(CARD).getByRole('button', { name: `${CARD} を編集` }).click();
    const editor = new FormEditorScreen(s.page);
    await editor.sheet.waitFor();
    await editor.dialog.getByRole('heading', { name: `カードの設定 — 課題管理表 — ${CARD}` }).waitFor();
    await expect.poll(() => editor.tags('B3')).toEqual(['ID']);
    expect(await editor.tags('D3')).toEqual(['プロジェクト名']);
    expect(await editor.dialog.getByRole('combobox', { name: '台帳' }).isDisabled()).toBe(true);
    // One more field, saved into the same card.
    await editor.pickField('raisedOn');
    await editor.cell('D4').click();
    await expect.poll(() => editor.tags('D4')).toEqual(['起票日']);
    await editor.dialog.getByTestId('form-save').click();
    await editor.dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('status').getByText(`カード『${CARD}』を保存しました。`).waitFor();
    const [summary] = await api()('profile.list', { register: 'issue' });
    const profile = await api()('profile.get', { id: summary!.id });
    expect(profile.kind === 'card' && profile.card.cells.map((c) => `${c.field}=${c.ref}`)).toEqual([
      'projectName=プロジェクト名',
      'ref=B3',
      'title=B4',
      'detail=B8',
      'priority=B5',
      'owner=B6',
      'raisedOn=D4',
      'due=B7',
    ]);
  });

  it('types two issues into the grid', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.waitFor();
    await issues.addRow('ログイン時にエラーが出る');
    await issues.pick(0, 'priority', '高');
    await issues.type(0, 'owner', '山田');
    await issues.type(0, 'due', '2025/04/10');
    await issues.type(0, 'detail', '特定のブラウザで、パスワード入力後に "500" が出る');
    await issues.addRow('=1+1');
    await expect.poll(() => issues.column('ref')).toEqual(['I-001', 'I-002']);
    await expect.poll(() => issues.column('detail')).toEqual(['特定のブラウザで、パスワード入力後に "500" が出る', '']);
  });

  it('offers the card disabled while no row, or more than one, is selected', async () => {
    // Back on the page afresh: nothing is selected.
    await openTab(s.page, 'リスク管理表');
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => issues.column('ref')).toEqual(['I-001', 'I-002']);
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', true],
      ['CSV (UTF-8)', false],
      [CARD, false],
    ]);
    expect(await dialog.choice(CARD).isDisabled()).toBe(true);
    await dialog.dialog.getByTestId('export-card-hint').getByText('行を選択すると、その行をカード (不具合管理票など) に出力できます。').waitFor();
    await dialog.dialog.getByText('選択行をカードに出力', { exact: true }).waitFor();
    await s.page.screenshot({ path: screenshotPath('card-export-no-row-ja.png') });
    await dialog.cancel();

    await issues.cell(0, 'title').click();
    await issues.cell(1, 'title').click({ modifiers: ['Shift'] });
    await dialog.open();
    expect(await dialog.choice(CARD).isDisabled()).toBe(true);
    await dialog.dialog.getByTestId('export-card-hint').getByText('カードに出力できるのは1行です。1行だけ選択してください。').waitFor();
    await dialog.cancel();
  });

  it('exports the selected issue into the card: the picked cells filled, labels and the other sheet intact', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.cell(0, 'ref').click();
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    expect(await dialog.choice(CARD).isDisabled()).toBe(false);
    const card = (await dialog.choices()).find(([name]) => name === CARD)!;
    expect(card[1]).toBe('I-001 ログイン時にエラーが出る をテンプレート 不具合管理票.xlsx のシート「不具合管理票」に書き込みます');
    await dialog.choice(CARD).check();
    await dialog.dialog.getByText('選択行の値を書き込みます', { exact: false }).waitFor();
    await s.page.screenshot({ path: screenshotPath('card-export-ja.png') });
    const download = await dialog.run();
    expect(download.suggestedFilename()).toBe('不具合管理票_I-001.xlsx');
    await s.page.getByRole('status').getByText('不具合管理票_I-001.xlsx を出力しました。').waitFor();

    const wb = await readWorkbook(download);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['不具合管理票', '記入例']);
    const ws = wb.getWorksheet('不具合管理票')!;
    const at = (ref: string) => text(ws.getCell(ref).value);
    expect(at('B3')).toBe('I-001');
    expect(at('B4')).toBe('ログイン時にエラーが出る');
    expect(at('B5')).toBe('高');
    expect(at('B6')).toBe('山田');
    expect(ws.getCell('B7').value).toEqual(new Date('2025-04-10T00:00:00Z'));
    expect(at('B8')).toBe('特定のブラウザで、パスワード入力後に "500" が出る');
    expect(at('D3')).toBe(PROJECT);
    expect(ws.getCell('D4').value).toBeInstanceOf(Date); // 起票日: the day the row was added
    expect(at('B12')).toBe('');
    expect([at('A1'), at('A3'), at('A4'), at('A5'), at('A6'), at('A7'), at('A8'), at('C3'), at('A12')]).toEqual([
      '不具合管理票',
      '管理番号',
      '件名',
      '優先度',
      '担当者',
      '期限',
      '詳細',
      'プロジェクト',
      '承認',
    ]);
    expect(text(wb.getWorksheet('記入例')!.getCell('A1').value)).toBe('例: ログイン時にエラーが出る');

    // The choice is remembered, while a row is selected.
    await dialog.open();
    expect(await dialog.choice(CARD).isChecked()).toBe(true);
    await dialog.cancel();
  });

  it('exports the register as CSV (UTF-8): the header line, the rows, formula-looking text escaped', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    await dialog.choice('CSV (UTF-8)').check();
    expect((await dialog.choices()).find(([name]) => name === 'CSV (UTF-8)')![1]).toContain('日本語');
    await s.page.screenshot({ path: screenshotPath('csv-export-ja.png') });
    const download = await dialog.run();
    expect(download.suggestedFilename()).toMatch(new RegExp(`^課題管理表_${PROJECT}_\\d{8}\\.csv$`));
    await s.page.getByRole('status').getByText(`${download.suggestedFilename()} を出力しました。`).waitFor();

    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('"ID","種別","件名","優先度","ステータス","担当者","期限","経過日数","詳細","対応結果","起票日","起票者","完了日"');
    expect(lines).toHaveLength(4); // header, two rows, the last line's end
    expect(lines[3]).toBe('');
    const first = rawCells(lines[1]!);
    expect(first).toHaveLength(13);
    expect([first[0], first[2], first[8], first[3], first[5], first[6]]).toEqual([
      '"I-001"',
      '"ログイン時にエラーが出る"',
      '"特定のブラウザで、パスワード入力後に ""500"" が出る"',
      '"高"',
      '"山田"',
      '"2025/04/10"',
    ]);
    expect(first[10]).toMatch(/^"\d{4}\/\d{2}\/\d{2}"$/);
    const second = rawCells(lines[2]!);
    expect([second[0], second[2]]).toEqual(['"I-002"', `"'=1+1"`]);

    // Remembered as CSV for this register.
    await dialog.open();
    expect(await dialog.choice('CSV (UTF-8)').isChecked()).toBe(true);
    await dialog.cancel();
  });

  it('never reaches beyond 127.0.0.1, and the page raised no errors', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
