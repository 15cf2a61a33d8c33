// Registers that are only their descriptor, in Chromium against the web host. 成果物一覧: its tab and grid
// (headers, list labels, IDs) come from the descriptor; rows are added, typed, picked from the status
// list and undone with the toolbar and Ctrl+Z; Excel出力 downloads its standard layout, which the import
// reads back as unchanged rows. 品質チェックリスト: a result picked, the open filter, and undo.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { ExportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const rows = () => s.ws.db.sqlite.prepare('SELECT ref, title, phase, owner, due, status FROM deliverables ORDER BY id').all();

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

describe('registers from descriptors in Chromium', () => {
  it('adds, edits and picks a status in the grid, and undoes and redoes an edit', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    await openTab(s.page, '成果物一覧');
    const grid = new RegisterScreen(s.page, 'deliverable');
    await grid.grid.waitFor();
    expect(await grid.grid.locator('.ag-header-cell-text').allInnerTexts()).toEqual(expect.arrayContaining(['ID', '成果物名', '工程', '担当者', '期限', 'ステータス', 'レビュー日', '承認者']));

    await grid.addRow('基本設計書');
    await grid.addRow('テスト計画書');
    await grid.type(0, 'phase', '基本設計');
    await grid.type(0, 'owner', '山田');
    await grid.type(0, 'due', '2025/5/30');
    await grid.pick(0, 'status', 'レビュー中');
    await grid.type(1, 'status', '作成中'); // a label typed is understood too
    await expect.poll(() => grid.column('status')).toEqual(['レビュー中', '作成中']);
    expect(await grid.column('ref')).toEqual(['D-001', 'D-002']);
    expect(await grid.column('due')).toEqual(['2025/05/30', '']);
    expect(rows()).toEqual([
      { ref: 'D-001', title: '基本設計書', phase: '基本設計', owner: '山田', due: '2025-05-30', status: 'in_review' },
      { ref: 'D-002', title: 'テスト計画書', phase: '', owner: '', due: null, status: 'in_progress' },
    ]);

    await grid.type(0, 'owner', '佐藤');
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => grid.column('owner')).toEqual(['山田', '']);
    await grid.cell(1, 'title').click();
    await s.page.keyboard.press('ControlOrMeta+z'); // the status typed into row 2
    await expect.poll(() => grid.column('status')).toEqual(['レビュー中', '未着手']);
    await s.page.keyboard.press('ControlOrMeta+y');
    await expect.poll(() => grid.column('status')).toEqual(['レビュー中', '作成中']);
    expect(rows()).toMatchObject([{ owner: '山田', status: 'in_review' }, { status: 'in_progress' }]);
    await s.page.screenshot({ path: screenshotPath('deliverables-ja.png') });
  });

  it('exports its standard layout, which the import reads back unchanged', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    const download = await dialog.run();
    expect(download.suggestedFilename()).toMatch(/^成果物一覧_基幹システム刷新_\d{8}\.xlsx$/);
    const data = fs.readFileSync((await download.path())!).toString('base64');
    const projectId = (s.ws.db.sqlite.prepare('SELECT id FROM projects').get() as { id: number }).id;
    const again = await inProcessCaller(s.ws)('excel.previewImport', { projectId, register: 'deliverable', fileName: download.suggestedFilename(), dataBase64: data });
    expect(again.problems).toEqual([]);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 2 });
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  it('品質チェックリスト: picks a result, filters open items, and undoes the pick', async () => {
    await openTab(s.page, '品質チェックリスト');
    const grid = new RegisterScreen(s.page, 'checklist');
    await grid.grid.waitFor();
    await grid.addRow('ファイルの文字コード');
    await grid.addRow('マジックナンバー');
    expect(await grid.column('ref')).toEqual(['Q-001', 'Q-002']);
    await grid.pick(0, 'result', 'OK');
    await grid.type(1, 'result', 'NG');
    await expect.poll(() => grid.column('result')).toEqual(['OK', 'NG']);
    // OK counts as done: 未完了 leaves the NG item only.
    await s.page.getByRole('button', { name: /^未完了/ }).click();
    await expect.poll(() => grid.rowCount()).toBe(1);
    await s.page.getByRole('button', { name: /^未完了/ }).click();
    await expect.poll(() => grid.rowCount()).toBe(2);
    await grid.cell(0, 'title').click();
    await s.page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => grid.column('result')).toEqual(['OK', '']);
    expect(s.ws.db.sqlite.prepare('SELECT ref, result FROM checklist_items ORDER BY id').all()).toEqual([
      { ref: 'Q-001', result: 'ok' },
      { ref: 'Q-002', result: '' },
    ]);
    expect(s.pageErrors).toEqual([]);
  });
});
