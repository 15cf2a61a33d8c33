// 品質不具合, 監査指摘 and 教訓 in Chromium against the web host: each opens as its project's tab (from its
// descriptor alone), takes a new row and a value, and gives the value back with undo (Ctrl+Z or the
// toolbar). 教訓 also has the workspace's page: every project's lessons with their project, a lesson added
// there to a chosen project and undone there, and a row opened in its project's tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import ExcelJS from 'exceljs';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const all = (sql: string) => s.ws.db.sqlite.prepare(sql).all();

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

describe('quality registers in Chromium', () => {
  it('品質不具合: a defect added, its severity and recurrence set, the recurrence undone', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    await openTab(s.page, '品質不具合');
    const grid = new RegisterScreen(s.page, 'defect');
    await grid.grid.waitFor();
    expect(await grid.grid.locator('.ag-header-cell-text').allInnerTexts()).toEqual(expect.arrayContaining(['ID', '不具合内容', '発見工程', '重要度', '原因', '再発', 'ステータス']));
    await grid.addRow('ログイン後にメニューが表示されない');
    await grid.pick(0, 'severity', '高');
    await grid.type(0, 'recurrence', 'あり');
    await expect.poll(() => grid.column('recurrence')).toEqual(['あり']);
    expect(all('SELECT ref, title, severity, recurrence, status FROM defects')).toEqual([
      { ref: 'DF-001', title: 'ログイン後にメニューが表示されない', severity: 'high', recurrence: 'yes', status: 'open' },
    ]);
    await grid.cell(0, 'title').click();
    await s.page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => grid.column('recurrence')).toEqual(['']);
    expect(all('SELECT severity, recurrence FROM defects')).toEqual([{ severity: 'high', recurrence: '' }]);
    await s.page.screenshot({ path: screenshotPath('defects-ja.png') });
  });

  it('監査指摘: a finding added and corrected, the status undone with the toolbar', async () => {
    await openTab(s.page, '監査指摘');
    const grid = new RegisterScreen(s.page, 'finding');
    await grid.grid.waitFor();
    await grid.addRow('変更管理の承認記録がない');
    expect(await grid.column('ref')).toEqual(['AF-001']);
    await grid.pick(0, 'status', '是正済');
    await expect.poll(() => grid.column('status')).toEqual(['是正済']);
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => grid.column('status')).toEqual(['未対応']);
    expect(all('SELECT ref, title, status FROM audit_findings')).toEqual([{ ref: 'AF-001', title: '変更管理の承認記録がない', status: 'open' }]);
  });

  it('Excel取込 on 課題管理表 proposes 品質不具合 for a review record sheet, and imports it there', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('レビュー指摘');
    for (const r of [
      ['No.', '指摘内容', '指摘分類', '原因工程', '原因分類', '再発', '指摘者', '修正担当', 'ステータス'],
      [11, '画面項目の桁数が設計書と違う', '記述誤り', '基本設計', '作業ミス', 'なし', '青井', '佐々木', '完了'],
      [12, 'エラーメッセージが未定義', '仕様漏れ', '要件定義', '検討不足', 'あり', '高橋', '菊地', '対応中'],
    ])
      sheet.addRow(r);
    await openTab(s.page, '課題管理表');
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('レビュー記録票.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const offer = dialog.dialog.getByTestId('import-suggestion');
    await expect.poll(() => offer.innerText()).toContain('品質不具合');
    await offer.getByRole('button', { name: '「品質不具合」に取り込む' }).click();
    await dialog.idle();
    await expect.poll(() => dialog.dialog.locator('#import-title').innerText()).toContain('品質不具合');
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 2, changed: 0 });
    await dialog.apply();
    const grid = new RegisterScreen(s.page, 'defect');
    await grid.grid.waitFor();
    await expect.poll(() => grid.column('title')).toEqual(['ログイン後にメニューが表示されない', '画面項目の桁数が設計書と違う', 'エラーメッセージが未定義']);
    expect(await grid.column('recurrence')).toEqual(['', 'なし', 'あり']);
    expect(await grid.column('ref')).toEqual(['DF-001', 'DF-011', 'DF-012']);
    expect(all('SELECT count(*) AS n FROM issues')).toEqual([{ n: 0 }]);
  });

  it('教訓: added in the project, listed on the workspace page with its project, added and undone there, opened in its tab', async () => {
    await openTab(s.page, '教訓');
    const grid = new RegisterScreen(s.page, 'lesson');
    await grid.grid.waitFor();
    await grid.addRow('要件凍結日をキックオフで合意する');
    await grid.type(0, 'tags', '要件定義、合意形成');

    await s.page.getByTestId('open-lessons').click();
    const list = s.page.getByTestId('lesson-workspace-list');
    await list.locator('tbody tr').first().waitFor();
    expect(await list.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['基幹システム刷新', 'LL-001', '要件凍結日をキックオフで合意する', '要件定義、合意形成', '起票']),
    );
    await s.page.getByTestId('workspace-new-title').fill('移行リハーサルは2回行う');
    await s.page.getByRole('button', { name: '追加', exact: true }).click();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    await s.page.getByTestId('workspace-filter').fill('リハーサル');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await s.page.getByTestId('workspace-filter').fill('');
    await s.page.getByRole('button', { name: '#合意形成' }).click();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await s.page.getByRole('button', { name: '#合意形成' }).click();
    await s.page.screenshot({ path: screenshotPath('lessons-workspace-ja.png') });
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    expect(all('SELECT ref, title FROM lessons')).toEqual([{ ref: 'LL-001', title: '要件凍結日をキックオフで合意する' }]);

    await list.getByRole('link', { name: 'LL-001' }).click();
    await grid.grid.waitFor();
    await expect.poll(() => grid.column('title')).toEqual(['要件凍結日をキックオフで合意する']);
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
