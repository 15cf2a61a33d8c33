// The grids as a Japanese Excel user types into them: an IME word typed into a selected cell (CDP
// composition events, as MS-IME and Google 日本語入力 send them), Tab moving in the WBS, Ctrl+] / Ctrl+[
// indenting, Ctrl+Shift+= and Ctrl+- inserting and deleting rows, Alt+Enter a new line in a cell, the
// shortcut sheet on F1, the last row in full view, and compact rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { openSession, screenshotPath, type Session } from './browser.js';
import { RegisterScreen, WbsScreen, copyText, openTab, pasteText } from './pages.js';
import { parseDateInput } from '../../electron/common/dates.js';
import { inProcessCaller } from '../helpers/workspace.js';

let s: Session;
let cdp: CDPSession;
let wbs: WbsScreen;
let projectId: number;

const db = () => s.ws.db.sqlite;
const task = (name: string) => db().prepare('SELECT * FROM wbs_tasks WHERE name = ?').get(name) as Record<string, unknown> | undefined;

/** An IME word as MS-IME sends it: a key the IME takes (Process), the composition growing, then committed. */
async function imeType(steps: string[], committed: string) {
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyT', windowsVirtualKeyCode: 229 });
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: committed });
}

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = inProcessCaller(s.ws);
  const p = await call('project.create', { name: 'キー操作' });
  projectId = p.id;
  for (const name of ['要件定義', '基本設計', '詳細設計']) await call('wbs.create', { projectId, values: { name } });
  await s.page.goto(`${s.host.url}&project=${projectId}`);
  wbs = new WbsScreen(s.page);
  await wbs.grid.locator('.ag-row').first().waitFor();
  cdp = await s.page.context().newCDPSession(s.page);
});
afterAll(async () => {
  await s?.close();
});

describe('typing Japanese into a selected cell', () => {
  it('keeps every character of an IME word typed into a selected WBS cell, without F2 or Enter first', async () => {
    await wbs.cell(0, 'assignee').click();
    await imeType(['t', 'た', 'たな', 'たなか', '田中'], '田中');
    await expect.poll(() => wbs.editor().inputValue()).toBe('田中');
    await s.page.screenshot({ path: screenshotPath('ime-wbs-editing.png') });
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('要件定義')?.assignee).toBe('田中');
    // The row history shows the change.
    const changes = db().prepare("SELECT count(*) FROM audit_log WHERE entity = 'wbs_task' AND action = 'update'").pluck().get() as number;
    expect(changes).toBeGreaterThan(0);
    // Enter moved down, as after any edit.
    expect(await s.page.evaluate(() => document.activeElement?.closest('[row-index]')?.getAttribute('row-index'))).toBe('1');
  });

  it('opens the editor with text inserted without composition, and with a half-width first key', async () => {
    await wbs.cell(1, 'assignee').click();
    await cdp.send('Input.insertText', { text: '佐藤' });
    await expect.poll(() => wbs.editor().inputValue()).toBe('佐藤');
    await s.page.keyboard.type('さん');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('基本設計')?.assignee).toBe('佐藤さん');
    await wbs.cell(2, 'assignee').click();
    await s.page.keyboard.type('abc');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('詳細設計')?.assignee).toBe('abc');
  });
});

describe('Excel keys', () => {
  it('moves right with Tab in the WBS and indents with Ctrl+] / outdents with Ctrl+[', async () => {
    await wbs.cell(1, 'name').click();
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id'))).toBe('assignee');
    expect(await wbs.column('code')).toEqual(['1', '2', '3']);
    await s.page.keyboard.press('Shift+Tab');
    expect(await s.page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id'))).toBe('name');
    await s.page.keyboard.press('Control+]');
    await expect.poll(() => wbs.column('code')).toEqual(['1', '1.1', '2']);
    await s.page.keyboard.press('Control+[');
    await expect.poll(() => wbs.column('code')).toEqual(['1', '2', '3']);
  });

  it('inserts as many rows above the selection as are selected with Ctrl+Shift+=, as one undo step, and deletes them with Ctrl+-', async () => {
    const batches = () => db().prepare('SELECT count(*) FROM batches').pluck().get() as number;
    const before = batches();
    await wbs.selectRange([1, 'name'], [2, 'name']);
    await s.page.keyboard.press('Control+Shift+=');
    await expect.poll(() => wbs.rowCount()).toBe(5);
    expect(batches()).toBe(before + 1);
    // The new rows sit above the selection; the first opens for typing.
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('追加A');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => wbs.column('name')).toEqual(['要件定義', '追加A', '', '基本設計', '詳細設計']);
    // Ctrl+- on the two new rows: one holds data, so it asks first.
    await wbs.selectRange([1, 'name'], [2, 'name']);
    await s.page.keyboard.press('Control+-');
    await s.page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect.poll(() => wbs.column('name')).toEqual(['要件定義', '基本設計', '詳細設計']);
  });

  it('starts a new line inside the cell with Alt+Enter; Enter commits', async () => {
    await wbs.cell(2, 'name').click();
    await s.page.keyboard.press('End'); // 備考, the last column
    await s.page.keyboard.press('F2');
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('1行目');
    await s.page.keyboard.press('Alt+Enter');
    await s.page.keyboard.insertText('2行目');
    await s.page.screenshot({ path: screenshotPath('alt-enter-editor.png') });
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('詳細設計')?.notes).toBe('1行目\n2行目');
  });

  it('keeps the line break when text is typed before the page has drawn it (a busy renderer)', async () => {
    await wbs.cell(1, 'name').click();
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('F2');
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('上');
    // Alt+Enter and the next text in one task: React has not rendered the break when the text arrives.
    await wbs.editor().evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', altKey: true, bubbles: true, cancelable: true }));
      document.execCommand('insertText', false, '下');
    });
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('基本設計')?.notes).toBe('上\n下');
  });

  it('saves no line break that was taken back with Backspace', async () => {
    await wbs.cell(0, 'name').click();
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('F2');
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('ab');
    await s.page.keyboard.press('Alt+Enter');
    await s.page.keyboard.press('Backspace');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => task('要件定義')?.notes).toBe('ab');
  });

  it('lists every key on F1', async () => {
    await wbs.cell(0, 'name').click();
    await s.page.keyboard.press('F1');
    const sheet = s.page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const k of ['Alt+Enter', 'Ctrl+Shift+=', 'Ctrl+-', 'Ctrl+]', 'Ctrl+[', 'Tab', 'F2', 'Ctrl+D', 'Ctrl+Z']) expect(text).toContain(k);
    expect(text).toContain('セル内で改行');
    await s.page.screenshot({ path: screenshotPath('shortcut-sheet-ja.png') });
    await sheet.getByRole('button', { name: '閉じる' }).click();
    await sheet.waitFor({ state: 'detached' });
  });
});

describe('the grid fits its window', () => {
  it('shows the last row in full after Ctrl+End, above the horizontal scroll bar', async () => {
    const call = inProcessCaller(s.ws);
    await call('wbs.applyCells', { projectId, updates: [], creates: Array.from({ length: 60 }, (_, i) => ({ values: { name: `作業${i + 1}` } })) });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    await wbs.cell(0, 'name').click();
    await s.page.keyboard.press('Control+End');
    const last = (await wbs.rowCount()) - 1;
    const row = wbs.grid.locator(`.ag-row[row-index="${last}"]`).first();
    await row.waitFor();
    await expect
      .poll(async () => {
        const r = (await row.boundingBox())!;
        const view = (await wbs.grid.locator('.ag-grid-viewport').boundingBox())!;
        const scrollbar = await wbs.grid.locator('.ag-body-horizontal-scroll').boundingBox();
        const bottom = Math.min(view.y + view.height, scrollbar && scrollbar.height > 0 ? scrollbar.y : Infinity);
        return r.y + r.height <= bottom + 0.5;
      })
      .toBe(true);
    const page = await s.page.evaluate(() => ({ doc: document.documentElement.scrollHeight, win: window.innerHeight }));
    expect(page.doc).toBeLessThanOrEqual(page.win);
    await s.page.screenshot({ path: screenshotPath('wbs-last-row.png') });
  });

  it('shows about 35 rows on a 900 px screen in compact density, and remembers the choice', async () => {
    await s.page.setViewportSize({ width: 1400, height: 900 });
    await s.page.getByRole('combobox', { name: '表示密度' }).selectOption('compact');
    await expect
      .poll(async () => {
        const view = (await wbs.grid.locator('.ag-grid-viewport').boundingBox())!;
        const h = await wbs.grid.locator('.ag-row').first().evaluate((r) => r.getBoundingClientRect().height);
        return Math.floor(view.height / h);
      })
      .toBeGreaterThanOrEqual(33);
    await s.page.screenshot({ path: screenshotPath('wbs-compact-900.png') });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    expect(await s.page.getByRole('combobox', { name: '表示密度' }).inputValue()).toBe('compact');
  });
});

describe('the registers', () => {
  it('takes an IME word into a selected title cell and type-ahead into a list cell', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => issues.rowCount()).toBe(0);
    // AG Grid's own words in the UI's language (its English "No Rows To Show" before).
    await expect.poll(() => issues.grid.innerText()).toContain('表示する行がありません');
    await issues.addRow('仮');
    // The new row's round trip (save, reload) is over before the next cell is selected.
    await expect.poll(() => db().prepare('SELECT title FROM issues').pluck().get()).toBe('仮');
    await issues.cell(0, 'title').click();
    await imeType(['か', 'かだい', '課題'], '課題');
    await expect.poll(() => issues.editor().inputValue()).toBe('課題');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => db().prepare('SELECT title FROM issues').pluck().get()).toBe('課題');
    await issues.cell(0, 'status').click();
    await imeType(['か', 'かんりょう', '完了'], '完了');
    await expect.poll(() => issues.editor().inputValue()).toBe('完了');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => db().prepare('SELECT status FROM issues').pluck().get()).toBe('done');
  });
});

describe('the registers’ keys', () => {
  it('moves with Tab, inserts as many rows as are selected with Ctrl+Shift+= (one undo step), deletes them with Ctrl+- after asking, and shows the last row in full', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    const focusedCol = () => s.page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id'));
    await issues.cell(0, 'title').click();
    await s.page.keyboard.press('Tab');
    expect(await focusedCol()).not.toBe('title');
    await s.page.keyboard.press('Shift+Tab');
    expect(await focusedCol()).toBe('title');
    const call = inProcessCaller(s.ws);
    await call('issue.applyCells', { projectId, updates: [], creates: [{ values: { title: '二件目' } }] });
    await s.page.reload();
    await expect.poll(() => issues.rowCount()).toBe(2);
    const batches = () => db().prepare('SELECT count(*) FROM batches').pluck().get() as number;
    const before = batches();
    await issues.cell(0, 'title').click();
    await issues.cell(1, 'title').click({ modifiers: ['Shift'] });
    await s.page.keyboard.press('Control+Shift+=');
    await expect.poll(() => issues.rowCount()).toBe(4);
    expect(batches()).toBe(before + 1);
    // The register keeps its order (by ID): the new rows come last, the first open for typing.
    await issues.editor().waitFor();
    await s.page.keyboard.insertText('キーで追加');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => issues.column('title')).toEqual(['課題', '二件目', 'キーで追加', '']);
    await issues.cell(2, 'title').click();
    await issues.cell(3, 'title').click({ modifiers: ['Shift'] });
    await s.page.keyboard.press('Control+-');
    await s.page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect.poll(() => issues.column('title')).toEqual(['課題', '二件目']);
    // The last of many rows comes fully into view with Ctrl+End (I-2000 was cut off by the scroll bar).
    await call('issue.applyCells', { projectId, updates: [], creates: Array.from({ length: 80 }, (_, i) => ({ values: { title: `課題${i + 3}` } })) });
    await s.page.reload();
    await expect.poll(() => issues.rowCount()).toBe(82);
    await issues.cell(0, 'title').click();
    await s.page.keyboard.press('Control+End');
    const row = issues.grid.locator('.ag-row[row-index="81"]').first();
    await row.waitFor();
    await expect
      .poll(async () => {
        const r = (await row.boundingBox())!;
        const view = (await issues.grid.locator('.ag-grid-viewport').boundingBox())!;
        const scrollbar = await issues.grid.locator('.ag-body-horizontal-scroll').boundingBox();
        const bottom = Math.min(view.y + view.height, scrollbar && scrollbar.height > 0 ? scrollbar.y : Infinity);
        return r.y + r.height <= bottom + 0.5;
      })
      .toBe(true);
    await s.page.screenshot({ path: screenshotPath('issues-last-row.png') });
  });

  it('opens the key sheet on ? as on F1; its keys are its own (Delete clears no cell, Esc closes it)', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    const last = issues.grid.locator('.ag-row[row-index="81"] [col-id="title"]').first();
    await last.click();
    await s.page.keyboard.press('?');
    const sheet = s.page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('Ctrl+Shift+=');
    // Keys pressed in the sheet went to the grid behind it: Delete cleared the selected cell, Esc
    // cleared the grid's selection and the sheet stayed open.
    await s.page.keyboard.press('Delete');
    await s.page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(db().prepare("SELECT count(*) FROM issues WHERE title = '課題82'").pluck().get()).toBe(1);
    // ? did not start typing into the cell.
    expect(await issues.editor().count()).toBe(0);
    expect(db().prepare("SELECT count(*) FROM issues WHERE title LIKE '%?%'").pluck().get()).toBe(0);
  });
});

describe('dates in a grid cell, as the import reads them', () => {
  it('takes 4/1, R7/4/2, 令和7年4月3日, 2025年4月4日 and 20250405 typed, pastes 和暦, fills down with Ctrl+D as one undo step, and copies what the screen says', async () => {
    const call = inProcessCaller(s.ws);
    const p = (await call('project.create', { name: '日付' })).id;
    const ids: number[] = [];
    for (const name of ['設計', '製造', '試験']) ids.push((await call('wbs.create', { projectId: p, values: { name } })).id);
    await s.page.goto(`${s.host.url}&project=${p}`);
    const grid = new WbsScreen(s.page);
    await grid.grid.locator('.ag-row').first().waitFor();
    const stored = (id: number, col: string) => db().prepare(`SELECT ${col} FROM wbs_tasks WHERE id = ?`).pluck().get(id);
    const shown = (row: number, col: string) => grid.cell(row, col).innerText();
    // Typed: ASCII keys open the editor; Japanese text arrives as the IME commits it.
    const typed: [string, 'keys' | 'ime', string][] = [
      ['4/1', 'keys', parseDateInput('4/1')!],
      ['R7/4/2', 'keys', '2025-04-02'],
      ['令和7年4月3日', 'ime', '2025-04-03'],
      ['2025年4月4日', 'ime', '2025-04-04'],
      ['20250405', 'keys', '2025-04-05'],
    ];
    for (const [text, how, iso] of typed) {
      await grid.cell(0, 'plannedStart').click();
      if (how === 'keys') await s.page.keyboard.type(text);
      else await cdp.send('Input.insertText', { text });
      await s.page.keyboard.press('Enter');
      await expect.poll(() => stored(ids[0]!, 'planned_start')).toBe(iso);
      await expect.poll(() => shown(0, 'plannedStart')).toBe(iso.replaceAll('-', '/'));
    }
    // Pasted from Excel: the same parser.
    await grid.cell(0, 'plannedFinish').click();
    await pasteText(s.page, 'R7/5/1\r\n令和7年5月2日\r\n２０２５年５月３日\r\n');
    await expect.poll(() => ids.map((id) => stored(id, 'planned_finish'))).toEqual(['2025-05-01', '2025-05-02', '2025-05-03']);
    // Ctrl+D fills the range down from its first row, one undo step.
    await grid.selectRange([0, 'plannedStart'], [2, 'plannedStart']);
    await s.page.keyboard.press('Control+d');
    await expect.poll(() => ids.map((id) => stored(id, 'planned_start'))).toEqual(['2025-04-05', '2025-04-05', '2025-04-05']);
    await expect.poll(() => shown(2, 'plannedStart')).toBe('2025/04/05');
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => ids.map((id) => stored(id, 'planned_start'))).toEqual(['2025-04-05', null, null]);
    // Copied as the screen says it (yyyy/mm/dd), tab-separated for Excel.
    await grid.selectRange([0, 'name'], [1, 'plannedFinish']);
    const lines = (await copyText(s.page)).split('\r\n');
    expect(lines[0]!.split('\t')).toEqual(['設計', await shown(0, 'assignee'), '2025/04/05', '2025/05/01']);
    expect(lines[1]!.split('\t')).toEqual(['製造', await shown(1, 'assignee'), '', '2025/05/02']);
    await s.page.screenshot({ path: screenshotPath('grid-dates.png') });
    expect(s.pageErrors).toEqual([]);
  });
});
