// Excel出力 in Chromium against the web host: a client's 課題管理表 (a cover sheet, a title block, a
// two-row merged header, an extra column) imported through the dialog and saved as profile 「A社」, one
// cell edited in the grid, then exported — in PMO Desk's standard layout (its header row, the UI's
// language) and through the profile: the downloaded workbook, read back with exceljs, is the client's
// own (file name, sheets, title, header) with the edited cell changed. The choice is remembered per
// register; a template that cannot be read is answered in the dialog. In 取込/出力の設定 the profile is
// renamed inline (Enter, Esc) and deleted after a confirmation, and the export dialog follows.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { ExportDialogScreen, ImportDialogScreen, ProfilesScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const db = () => s.ws.db.sqlite;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY = /^\d{4}\/\d{2}\/\d{2}$/;

/** A client's 課題管理表: a cover sheet, a title block, a two-row merged header, an extra column 備考2. */
async function clientWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').getCell('B3').value = '課題管理表';
  const ws = wb.addWorksheet('課題一覧');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '課題管理表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A2').value = 'プロジェクト: 基幹システム刷新';
  ws.getRow(4).values = ['No.', '件名', '優先度', '状況', '対応', null, '詳細', '備考2'];
  ws.getRow(5).values = [null, null, null, null, '担当者', '期限', null, null];
  for (const c of ['A', 'B', 'C', 'D', 'G', 'H']) ws.mergeCells(`${c}4:${c}5`);
  ws.mergeCells('E4:F4');
  const lines = [
    ['I-001', 'ログイン画面でエラーが出る', '高', '対応中', '佐藤', d('2025-04-10'), '特定のブラウザで発生', '再現手順あり'],
    ['I-002', '帳票レイアウトの確認', '中', '未着手', '鈴木', d('2025-05-01'), '', ''],
    ['I-003', '性能試験の実施', '低', '完了', '田中', d('2025-03-01'), '', '済'],
  ];
  lines.forEach((line, i) => {
    ws.getRow(6 + i).values = line;
    ws.getCell(`F${6 + i}`).numFmt = 'yyyy/mm/dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readDownload(download: Download): Promise<ExcelJS.Workbook> {
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

const text = (v: ExcelJS.CellValue): string => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? ''));
const row = (ws: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, i) => text(ws.getCell(r, i + 1).value));

describe('Excel export in Chromium', () => {
  it('imports a client issue log, saving its profile 「A社」, and edits one cell', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.waitFor();

    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('課題管理表_A社.xlsx', await clientWorkbook());
    await dialog.next();
    expect(await dialog.option('プロファイルとして保存').isChecked()).toBe(true);
    await dialog.dialog.getByRole('textbox', { name: 'プロファイル名' }).fill('A社');
    await dialog.apply();
    await expect.poll(() => issues.column('ref')).toEqual(['I-001', 'I-002', 'I-003']);

    await issues.type(1, 'title', '帳票レイアウトの最終確認');
    await expect.poll(() => issues.column('title')).toEqual(['ログイン画面でエラーが出る', '帳票レイアウトの最終確認', '性能試験の実施']);
  });

  it('exports in the standard layout by default: its header row, in the UI’s language', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    await dialog.dialog.getByRole('heading', { name: 'Excel出力 — 課題管理表' }).waitFor();
    const choices = await dialog.choices();
    expect(choices.map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', true],
      ['CSV (UTF-8)', false],
      ['A社', false],
    ]);
    expect(choices[0]![1]).toContain('日本語');
    expect(choices[2]![1]).toMatch(/^テンプレート 課題管理表_A社\.xlsx・シート「課題一覧」・更新 \d{4}\/\d{2}\/\d{2}$/);
    // The keyboard starts on the chosen layout.
    expect(await dialog.choice('PMO Desk標準レイアウト').evaluate((e) => e === document.activeElement)).toBe(true);
    await s.page.screenshot({ path: screenshotPath('export-dialog-ja.png') });

    const download = await dialog.run();
    expect(download.suggestedFilename()).toMatch(/^課題管理表_基幹システム刷新_\d{8}\.xlsx$/);
    await s.page.getByRole('status').getByText(`${download.suggestedFilename()} を出力しました。`).waitFor();
    const wb = await readDownload(download);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden')!;
    expect(row(ws, 4, 3)).toEqual(['ID', '種別', '件名']);
    const header = row(ws, 4, ws.columnCount);
    expect(header).toContain('期限');
    const titles = [5, 6, 7].map((r) => text(ws.getCell(r, header.indexOf('件名') + 1).value));
    expect(titles).toEqual(['ログイン画面でエラーが出る', '帳票レイアウトの最終確認', '性能試験の実施']);
  });

  it('exports through the profile into the client’s own workbook, with the edited cell changed', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    // Arrows choose (past CSV), Enter exports.
    await s.page.keyboard.press('ArrowDown');
    expect(await dialog.choice('CSV (UTF-8)').isChecked()).toBe(true);
    await s.page.keyboard.press('ArrowDown');
    expect(await dialog.choice('A社').isChecked()).toBe(true);
    await dialog.dialog.getByText('取り込んだ元のブックに現在の行を書き込みます', { exact: false }).waitFor();
    await s.page.screenshot({ path: screenshotPath('export-dialog-profile-ja.png') });
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.keyboard.press('Enter')]);
    await dialog.dialog.waitFor({ state: 'detached' });
    expect(download.suggestedFilename()).toBe('課題管理表_A社.xlsx');

    const wb = await readDownload(download);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表紙', '課題一覧']);
    const ws = wb.getWorksheet('課題一覧')!;
    expect(text(ws.getCell('A1').value)).toBe('課題管理表');
    expect(text(ws.getCell('A2').value)).toBe('プロジェクト: 基幹システム刷新');
    expect(row(ws, 4, 8)).toEqual(['No.', '件名', '優先度', '状況', '対応', '対応', '詳細', '備考2']);
    expect(text(ws.getCell('F5').value)).toBe('期限');
    expect(row(ws, 6, 4)).toEqual(['I-001', 'ログイン画面でエラーが出る', '高', '対応中']);
    expect(row(ws, 7, 4)).toEqual(['I-002', '帳票レイアウトの最終確認', '中', '未着手']);
    expect(row(ws, 8, 4)).toEqual(['I-003', '性能試験の実施', '低', '完了']);
    expect(text(ws.getCell('H6').value)).toBe('再現手順あり');
    expect(ws.getCell('F6').value).toEqual(d('2025-04-10'));
  });

  it('names the cells left unwritten for want of a client word as a notice in the dialog, not as an error', async () => {
    // The client's status words are its own (未対応 for 未着手), so 保留 has none: I-002 is put on hold.
    const profile = db().prepare('SELECT id, mapping FROM excel_profiles').get() as { id: number; mapping: string };
    const mapping = JSON.parse(profile.mapping) as { layout: { valueMaps?: Record<string, unknown> } };
    mapping.layout.valueMaps = {
      ...mapping.layout.valueMaps,
      status: { words: { 未対応: 'not_started', 対応中: 'in_progress', 完了: 'done' }, exportAs: { not_started: '未対応', in_progress: '対応中', done: '完了' } },
    };
    db().prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(JSON.stringify(mapping), profile.id);
    db().prepare("UPDATE issues SET status = 'on_hold' WHERE ref = 'I-002'").run();
    try {
      const dialog = new ExportDialogScreen(s.page);
      await dialog.open();
      expect(await dialog.choice('A社').isChecked()).toBe(true);
      const [download] = await Promise.all([s.page.waitForEvent('download'), dialog.dialog.getByRole('button', { name: '出力' }).click()]);
      expect(download.suggestedFilename()).toBe('課題管理表_A社.xlsx');
      // The file was made: the dialog stays open and says which cell it left, in its body, as a notice.
      const notice = dialog.dialog.getByTestId('export-notice');
      await expect.poll(() => notice.innerText()).toMatch(/^課題管理表_A社\.xlsx を出力しましたが.*課題一覧!D7 \(状況: 保留\)$/);
      expect(await notice.getAttribute('role')).toBe('status');
      expect(await dialog.error().count()).toBe(0);
      await s.page.screenshot({ path: screenshotPath('export-dialog-notice-ja.png') });
      await dialog.cancel();
    } finally {
      db().prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(profile.mapping, profile.id);
      db().prepare("UPDATE issues SET status = 'not_started' WHERE ref = 'I-002'").run();
    }
  });

  it('names the records written without their key when the layout has no cell for it (blind set 10 R2), as a notice', async () => {
    // The profile maps no column to the title: each record is written without one, and said so.
    const profile = db().prepare('SELECT id, mapping FROM excel_profiles').get() as { id: number; mapping: string };
    const mapping = JSON.parse(profile.mapping) as { layout: { columns: { field: string | null }[] } };
    for (const m of mapping.layout.columns) if (m.field === 'title') m.field = null;
    db().prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(JSON.stringify(mapping), profile.id);
    try {
      const dialog = new ExportDialogScreen(s.page);
      await dialog.open();
      const [download] = await Promise.all([s.page.waitForEvent('download'), dialog.dialog.getByRole('button', { name: '出力' }).click()]);
      expect(download.suggestedFilename()).toBe('課題管理表_A社.xlsx');
      const notice = dialog.dialog.getByTestId('export-notice');
      await expect.poll(() => notice.innerText()).toMatch(/^課題管理表_A社\.xlsx を出力しましたが、様式に「[^」]+」を書くセルがないため.*課題一覧!A6 ログイン画面でエラーが出る, 課題一覧!A7 /);
      expect(await dialog.error().count()).toBe(0);
      await s.page.screenshot({ path: screenshotPath('export-dialog-no-key-cell-ja.png') });
      await dialog.cancel();
    } finally {
      db().prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(profile.mapping, profile.id);
    }
  });

  it('remembers the choice per register, and answers a template it cannot read in the dialog', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', false],
      ['CSV (UTF-8)', false],
      ['A社', true],
    ]);

    const saved = db().prepare('SELECT template FROM excel_profiles').pluck().get() as Buffer;
    db().prepare('UPDATE excel_profiles SET template = ?').run(Buffer.from('PK\u0003\u0004 not a workbook'));
    try {
      await dialog.dialog.getByRole('button', { name: '出力' }).click();
      await expect.poll(() => dialog.error().innerText()).toMatch(/^プロファイル『A社』のテンプレートに出力できません: .*課題管理表_A社\.xlsx/);
      await s.page.screenshot({ path: screenshotPath('export-dialog-error-ja.png') });
      expect(await dialog.dialog.isVisible()).toBe(true);
      // The keyboard is back on the choice, to try again or choose another.
      await expect.poll(() => dialog.choice('A社').evaluate((e) => e === document.activeElement)).toBe(true);
    } finally {
      db().prepare('UPDATE excel_profiles SET template = ?').run(saved);
    }
    await dialog.cancel();

    // Another register has its own choice (and no profiles).
    await openTab(s.page, 'リスク管理表');
    await new RegisterScreen(s.page, 'risk').grid.waitFor();
    await dialog.open();
    await dialog.dialog.getByRole('heading', { name: 'Excel出力 — リスク管理表' }).waitFor();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', true],
      ['CSV (UTF-8)', false],
    ]);
    await dialog.dialog.getByText('この台帳のプロファイルはまだありません', { exact: false }).waitFor();
    await dialog.cancel();

    await openTab(s.page, 'WBS');
    await s.page.getByTestId('wbs-grid').waitFor();
    await dialog.open();
    await dialog.dialog.getByRole('heading', { name: 'Excel出力 — WBS' }).waitFor();
    await s.page.screenshot({ path: screenshotPath('export-dialog-wbs-ja.png') });
    await s.page.keyboard.press('Escape');
    await dialog.dialog.waitFor({ state: 'detached' });
  });

  it('renames the profile inline and deletes it in 取込/出力の設定; the export dialog follows', async () => {
    await openTab(s.page, '取込/出力の設定');
    const manager = new ProfilesScreen(s.page);
    await manager.table.waitFor();
    const rows = await manager.rows();
    expect(rows).toEqual([['A社', '課題管理表', '課題一覧', '課題管理表_A社.xlsx', expect.stringMatching(DAY)]]);
    await s.page.screenshot({ path: screenshotPath('profiles-ja.png') });

    // Esc leaves the name as it was; Enter saves, and the keyboard is back on the row's button.
    await manager.row('A社').getByRole('button', { name: '名前の変更 A社' }).click();
    await manager.renameBox().fill('どこにも保存されない名前');
    await s.page.keyboard.press('Escape');
    await expect.poll(async () => (await manager.rows())[0]![0]).toBe('A社');
    expect(await manager.row('A社').getByRole('button', { name: '名前の変更 A社' }).evaluate((e) => e === document.activeElement)).toBe(true);

    await s.page.keyboard.press('F2');
    await manager.renameBox().waitFor();
    await s.page.keyboard.insertText('A社 (2025年度)');
    await s.page.screenshot({ path: screenshotPath('profiles-rename-ja.png') });
    await s.page.keyboard.press('Enter');
    await expect.poll(async () => (await manager.rows())[0]![0]).toBe('A社 (2025年度)');
    await s.page.getByRole('status').getByText('名前を『A社 (2025年度)』に変更しました。').waitFor();
    expect(db().prepare('SELECT name FROM excel_profiles').pluck().all()).toEqual(['A社 (2025年度)']);

    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', false],
      ['CSV (UTF-8)', false],
      ['A社 (2025年度)', true],
    ]);
    // The dialog's link goes to the manager.
    await dialog.dialog.getByRole('link', { name: 'プロファイルの管理…' }).click();
    await manager.table.waitFor();
    expect(await dialog.dialog.count()).toBe(0);

    await manager.row('A社 (2025年度)').getByRole('button', { name: /^名前の変更/ }).focus();
    await s.page.keyboard.press('Delete');
    const confirm = s.page.getByRole('dialog', { name: 'プロファイルの削除' });
    await confirm.getByText('プロファイル『A社 (2025年度)』(課題管理表) を削除しますか？', { exact: false }).waitFor();
    await s.page.screenshot({ path: screenshotPath('profiles-delete-ja.png') });
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await manager.rows()).toHaveLength(1);

    await manager.row('A社 (2025年度)').getByRole('button', { name: /^削除/ }).click();
    await confirm.getByRole('button', { name: '削除' }).click();
    await s.page.getByText('保存済みのプロファイルはありません', { exact: false }).waitFor();
    expect(await manager.rows()).toEqual([]);
    expect(db().prepare('SELECT count(*) FROM excel_profiles').pluck().get()).toBe(0);
    // No row is left to go to: the keyboard stays on the list, not lost to the page.
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.className)).toBe('profiles-panel');
    await s.page.screenshot({ path: screenshotPath('profiles-empty-ja.png') });

    await openTab(s.page, '課題管理表');
    await new RegisterScreen(s.page, 'issue').grid.waitFor();
    await dialog.open();
    // The remembered profile is gone: the standard layout again.
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', true],
      ['CSV (UTF-8)', false],
    ]);
    await dialog.cancel();
  });

  it('exports the standard layout in English when the UI is English', async () => {
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    await dialog.dialog.getByRole('heading', { name: 'Export to Excel — Issues & actions' }).waitFor();
    expect((await dialog.choices())[0]![1]).toContain('English');
    await s.page.screenshot({ path: screenshotPath('export-dialog-en.png') });
    const download = await dialog.run();
    const ws = (await readDownload(download)).worksheets.find((w) => w.state !== 'hidden')!;
    expect(row(ws, 4, 3)).toEqual(['ID', 'Kind', 'Title']);
    await openTab(s.page, 'Import/export settings');
    await s.page.getByText('No profiles yet.', { exact: false }).waitFor();
    await s.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  });

  it('never reaches beyond 127.0.0.1, and the page raised no errors', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
