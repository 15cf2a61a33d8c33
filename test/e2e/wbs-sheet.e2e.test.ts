// The WBS as a spreadsheet: a 50×5 block pasted from Excel, undone in one step, redone, indented,
// kept across a reload; a block with one bad date refused whole; a range copied as Excel's TSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { WbsScreen, copyText, pasteText } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { wbsBlockRows, wbsBlockTsv } from '../fixtures/wbsBlock.js';

let s: Session;
let wbs: WbsScreen;

const db = () => s.ws.db.sqlite;
const taskCount = () => db().prepare('SELECT count(*) FROM wbs_tasks').pluck().get() as number;
const snapshot = () => JSON.stringify(db().prepare('SELECT * FROM wbs_tasks ORDER BY id').all());

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = inProcessCaller(s.ws);
  const p = await call('project.create', { name: '貼り付け検証' });
  await call('wbs.create', { projectId: p.id, values: { name: '既存タスク', assignee: '元の担当' } });
  await s.page.goto(`${s.host.url}&project=${p.id}`);
  wbs = new WbsScreen(s.page);
  await wbs.grid.locator('.ag-row').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

describe('WBS spreadsheet behaviour in Chromium', () => {
  it('pastes a 50×5 block copied from Excel, adding the rows it needs, as one batch', async () => {
    const batchesBefore = db().prepare('SELECT count(*) FROM batches').pluck().get() as number;
    await wbs.cell(0, 'name').click();
    await pasteText(s.page, wbsBlockTsv());
    await expect.poll(() => wbs.rowCount()).toBe(50);
    expect(taskCount()).toBe(50);
    const stored = db().prepare('SELECT name, assignee, planned_start, planned_finish, actual_start FROM wbs_tasks ORDER BY position').all() as Record<string, string | null>[];
    expect(stored[0]).toEqual({ name: '作業1', assignee: '山田', planned_start: '2025-05-01', planned_finish: '2025-06-01', actual_start: '2025-05-01' });
    expect(stored[3]!.planned_start).toBe('2025-05-04'); // typed as ２０２５／５／４
    expect(stored[10]!.name).toBe('画面設計\n(一覧・詳細)');
    expect(db().prepare('SELECT count(*) FROM batches').pluck().get()).toBe(batchesBefore + 1);
    expect(await s.page.getByTestId('task-count').innerText()).toBe('50 件');
  });

  it('undoes the whole paste with one Ctrl+Z and redoes it with Ctrl+Y', async () => {
    // A range selected bottom-up over rows the undo is about to remove.
    await wbs.selectRange([3, 'assignee'], [0, 'assignee']);
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => taskCount()).toBe(1);
    // The range outlived its rows: extending it must stay inside the one row left.
    await s.page.keyboard.press('Shift+ArrowRight');
    expect(s.pageErrors).toEqual([]);
    expect(db().prepare('SELECT name, assignee FROM wbs_tasks').get()).toEqual({ name: '既存タスク', assignee: '元の担当' });
    await expect.poll(() => wbs.column('name')).toEqual(['既存タスク']);
    await wbs.cell(0, 'assignee').click();
    await s.page.keyboard.press('Control+y');
    await expect.poll(() => taskCount()).toBe(50);
    await expect.poll(() => wbs.rowCount()).toBe(50);
  });

  it('shows who changed a row, when, before → after, including the undo and redo', async () => {
    await wbs.cell(0, 'name').click();
    await s.page.getByRole('button', { name: '履歴', exact: true }).click();
    const table = s.page.getByTestId('row-history');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('tester');
    expect(text).toMatch(/担当者\s+元の担当\s+→\s+山田/);
    expect(text).toContain('取り消し');
    expect(text).toContain('やり直し');
    await s.page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
  });

  it('indents a range of rows with Ctrl+] and keeps the tree across a reload', async () => {
    await wbs.selectRange([1, 'name'], [3, 'name']);
    await s.page.keyboard.press('Control+]');
    await expect.poll(async () => (await wbs.column('code')).slice(0, 5)).toEqual(['1', '1.1', '1.2', '1.3', '2']);
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    expect((await wbs.column('code')).slice(0, 5)).toEqual(['1', '1.1', '1.2', '1.3', '2']);
    // The summary row's dates are rolled up from its subtasks: 2025/5/2–4 start, 6/1–6/4 finish.
    expect((await wbs.column('plannedStart'))[0]).toBe('2025/05/02');
    expect((await wbs.column('plannedFinish'))[0]).toBe('2025/06/04');
    await s.page.screenshot({ path: screenshotPath('wbs-tree-ja.png') });
  });

  it('undoes and redoes a paste over existing cells in place, and shows what a reload shows', async () => {
    // Values only, the tree as it was: the screen patches its rows in place (no reload, no reordering).
    const before = await wbs.column('assignee');
    const pasted = ['甲', '乙', '丙', ...before.slice(3)];
    await wbs.cell(0, 'assignee').click();
    await pasteText(s.page, '甲\r\n乙\r\n丙');
    await expect.poll(() => wbs.column('assignee')).toEqual(pasted);
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => wbs.column('assignee')).toEqual(before);
    await s.page.keyboard.press('Control+y');
    await expect.poll(() => wbs.column('assignee')).toEqual(pasted);
    // Undone again: the tests after this one start from the cells as they were.
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => wbs.column('assignee')).toEqual(before);
    const shown = { code: await wbs.column('code'), name: await wbs.column('name'), assignee: await wbs.column('assignee') };
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    expect({ code: await wbs.column('code'), name: await wbs.column('name'), assignee: await wbs.column('assignee') }).toEqual(shown);
    expect(s.pageErrors).toEqual([]);
  });

  it('refuses a block with one bad date whole, lists the cell, and stores nothing', async () => {
    const before = snapshot();
    const rows = wbsBlockRows(50);
    rows[7]![2] = '2025/02/30';
    await wbs.cell(0, 'name').click();
    await pasteText(s.page, wbsBlockTsv(rows));
    const list = s.page.getByTestId('bad-cells');
    await list.waitFor();
    expect(await list.innerText()).toContain('8 行目 予定開始日: 2025/02/30 は日付ではありません');
    expect(snapshot()).toBe(before);
  });

  it('copies a range as tab-separated text that Excel pastes into the same cells', async () => {
    await wbs.selectRange([0, 'code'], [1, 'assignee']);
    const text = await copyText(s.page);
    const [first, second] = text.split('\r\n');
    expect(first!.split('\t')).toEqual(['1', '作業1', '山田']);
    expect(second!.split('\t')).toEqual(['1.1', '作業2', '佐藤']);
  });

  it('hides a column and remembers it for this project after a reload', async () => {
    const chooser = () => s.page.getByRole('group', { name: '表示する列' });
    const notesHidden = () => {
      const saved = db().prepare("SELECT value FROM settings WHERE key LIKE 'grid.wbs.%'").pluck().get() as string | undefined;
      const columns = saved ? (JSON.parse(saved) as { columns: { colId: string; hide?: boolean }[] }).columns : [];
      return columns.find((c) => c.colId === 'notes')?.hide;
    };
    await s.page.getByText('表示する列').click();
    await chooser().getByLabel('備考', { exact: true }).uncheck();
    await s.page.getByText('表示する列').click();
    // Saving is debounced (a column drag fires many events): wait for it to reach the workspace.
    await expect.poll(notesHidden).toBe(true);
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    await s.page.getByText('表示する列').click();
    expect(await chooser().getByLabel('備考', { exact: true }).isChecked()).toBe(false);
    expect(await chooser().getByLabel('担当者', { exact: true }).isChecked()).toBe(true);
    await s.page.getByText('表示する列').click();
  });

  it('moves with Home, End, Ctrl+Home and Ctrl+End as Excel does', async () => {
    // Polled: a row scrolled into view is drawn by React after the key, and the browser's focus lands
    // in its cell only then (Ctrl+End read at once still found 0:code on a busy machine).
    const at = () =>
      s.page.evaluate(() => {
        const cell = document.activeElement!;
        return `${cell.closest('[row-index]')?.getAttribute('row-index')}:${cell.getAttribute('col-id')}`;
      });
    await wbs.cell(2, 'assignee').click();
    await s.page.keyboard.press('Home');
    await expect.poll(at).toBe('2:code');
    await s.page.keyboard.press('End');
    await expect.poll(at).toBe('2:predecessors'); // the last shown column: 備考 was hidden above
    await s.page.keyboard.press('Control+Home');
    await expect.poll(at).toBe('0:code');
    await s.page.keyboard.press('Control+End');
    await expect.poll(at).toBe('49:predecessors'); // the last row, the last shown column
  });

  it('made no request that left 127.0.0.1', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
