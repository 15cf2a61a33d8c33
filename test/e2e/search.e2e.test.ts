// Ctrl+K in Chromium as a user works it: the search over every project opens from anywhere, finds a
// Japanese word inside text without spaces, ↑↓ and Enter open the hit's project and screen with its row
// selected and scrolled into view (a row far down the grid, one under a collapsed WBS summary, one hidden
// by a quick filter), a meeting opens in the minutes, Esc closes, and the key sheet lists Ctrl+K.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Route } from 'playwright-core';
import { openSession, screenshotPath, type Session } from './browser.js';
import { MinutesScreen, RegisterScreen, WbsScreen } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';

let s: Session;
let a: number;
let b: number;
let far: number;
let done: number;
let child: number;
let meeting: number;

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = inProcessCaller(s.ws);
  a = (await call('project.create', { name: '基幹刷新' })).id;
  b = (await call('project.create', { name: '物流改善' })).id;
  const creates = Array.from({ length: 300 }, (_, i) => ({ values: { title: `定例確認 ${i + 1}`, owner: '佐藤' } }));
  creates[249] = { values: { title: '未解決課題の棚卸し', owner: '山田' } };
  creates[10] = { values: { title: '完了済みの検収', owner: '佐藤', status: 'done' } } as never;
  const made = await call('issue.applyCells', { projectId: a, updates: [], creates });
  far = made.created.find((r) => r.title === '未解決課題の棚卸し')!.id;
  done = made.created.find((r) => r.title === '完了済みの検収')!.id;
  const phase = await call('wbs.create', { projectId: b, values: { name: '移行フェーズ' } });
  child = (await call('wbs.create', { projectId: b, parentId: phase.id, values: { name: 'リハーサル手順書の作成' } })).id;
  await call('settings.set', { key: `wbs.collapsed.${b}`, value: [phase.id] });
  meeting = (await call('meeting.create', { projectId: b, values: { title: '第2回 移行定例', agenda: [{ title: '切替判定', notes: '判定基準は顧客と合意済み' }] } })).id;
  // The 未完了 quick filter of A's issues is on: it hides the finished row until a hit needs it.
  await call('settings.set', { key: `quick.issues.${a}`, value: ['open'] });
  await s.page.goto(`${s.host.url}&project=${b}&view=wbs`);
  await new WbsScreen(s.page).grid.locator('.ag-row').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

function dialog(page: Page): Locator {
  return page.getByTestId('search-dialog');
}

async function search(page: Page, text: string): Promise<Locator> {
  await page.keyboard.press('Control+k');
  await dialog(page).waitFor();
  const input = dialog(page).getByTestId('search-input');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.insertText(text);
  const hits = dialog(page).getByTestId('search-hit');
  await hits.first().waitFor();
  return hits;
}

/** The row's cells are in the spreadsheet range and one of them has the focus, in view of the grid. */
async function selectedInView(grid: Locator, id: number): Promise<{ focused: boolean; inRange: boolean; visible: boolean }> {
  return grid.evaluate((host, rowId) => {
    const row = host.querySelector<HTMLElement>(`.ag-row[row-id="${rowId}"]`);
    if (!row) return { focused: false, inRange: false, visible: false };
    const viewport = host.querySelector<HTMLElement>('.ag-grid-viewport')!.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return {
      focused: !!host.querySelector(`.ag-row[row-id="${rowId}"] .ag-cell-focus`),
      inRange: row.querySelectorAll('.pmo-in-range').length > 1,
      visible: r.top >= viewport.top && r.bottom <= viewport.bottom,
    };
  }, id);
}

describe('Ctrl+K search', () => {
  it('finds 課題 inside 未解決課題 and opens its row far down another project’s grid, selected and in view', async () => {
    const hits = await search(s.page, '課題');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().innerText()).toMatch(/課題[\s\S]*I-250[\s\S]*未解決課題の棚卸し[\s\S]*基幹刷新/);
    await expect.poll(() => hits.first().locator('mark').first().innerText()).toBe('課題');
    await s.page.screenshot({ path: screenshotPath('search-dialog-ja.png') });
    await s.page.keyboard.press('Enter');
    await dialog(s.page).waitFor({ state: 'detached' });
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => selectedInView(issues.grid, far)).toEqual({ focused: true, inRange: true, visible: true });
    expect(new URLSearchParams(new URL(s.page.url()).hash.slice(1)).get('project')).toBe(String(a));
    await s.page.screenshot({ path: screenshotPath('search-jump-issue.png') });
    // The keyboard is in the grid at that row: ↓ moves to the next one.
    const at = Number(await issues.grid.locator(`.ag-row[row-id="${far}"]`).getAttribute('row-index'));
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => issues.grid.locator('.ag-cell-focus').evaluate((c) => Number(c.closest('.ag-row')!.getAttribute('row-index')))).toBe(at + 1);
  });

  it('keeps the row selected when the grid’s columns are rebuilt after the jump (the meetings an action names came late)', async () => {
    await s.page.goto(`${s.host.url}&project=${b}&view=wbs`);
    await new WbsScreen(s.page).grid.locator('.ag-row').first().waitFor();
    // The issues page's read of the meetings (its 会議 column's names) is held until the row is selected.
    const held: { route?: Route } = {};
    await s.page.route('**/api/meeting.list', async (route) => {
      if (!held.route) held.route = route;
      else await route.continue();
    });
    const hits = await search(s.page, '未解決課題');
    await expect.poll(() => hits.count()).toBe(1);
    await s.page.keyboard.press('Enter');
    await dialog(s.page).waitFor({ state: 'detached' });
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => selectedInView(issues.grid, far)).toEqual({ focused: true, inRange: true, visible: true });
    await expect.poll(() => !!held.route).toBe(true);
    const answered = s.page.waitForResponse((r) => r.request() === held.route!.request());
    await held.route!.continue();
    await answered;
    await s.page.unroute('**/api/meeting.list');
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await selectedInView(issues.grid, far)).toEqual({ focused: true, inRange: true, visible: true });
  });

  it('moves through the hits with ↑↓ and opens a task under a collapsed summary', async () => {
    const hits = await search(s.page, '移行');
    await expect.poll(() => hits.count()).toBe(2); // the summary 移行フェーズ and the meeting
    await s.page.keyboard.press('ArrowDown');
    await expect.poll(() => hits.nth(1).getAttribute('aria-selected')).toBe('true');
    await s.page.keyboard.press('ArrowDown'); // wraps to the first
    await expect.poll(() => hits.first().getAttribute('aria-selected')).toBe('true');
    await s.page.keyboard.press('Control+a');
    await s.page.keyboard.insertText('リハーサル');
    await expect.poll(() => hits.allInnerTexts()).toEqual([expect.stringMatching(/WBS[\s\S]*リハーサル手順書の作成[\s\S]*物流改善/)]);
    await s.page.keyboard.press('Enter');
    const wbs = new WbsScreen(s.page);
    await expect.poll(() => selectedInView(wbs.grid, child)).toEqual({ focused: true, inRange: true, visible: true });
  });

  it('finds a WBS task by the code its grid shows (1.1) and opens it', async () => {
    const hits = await search(s.page, '1.1');
    await expect.poll(() => hits.allInnerTexts()).toEqual([expect.stringMatching(/WBS\s*1\.1\s*リハーサル手順書の作成[\s\S]*物流改善/)]);
    await s.page.screenshot({ path: screenshotPath('search-wbs-code.png') });
    await s.page.keyboard.press('Enter');
    const wbs = new WbsScreen(s.page);
    await expect.poll(() => selectedInView(wbs.grid, child)).toEqual({ focused: true, inRange: true, visible: true });
    await expect.poll(() => wbs.grid.locator(`.ag-row[row-id="${child}"] [col-id="code"]`).first().innerText()).toBe('1.1');
  });

  it('opens a meeting found by its agenda notes in the minutes', async () => {
    const hits = await search(s.page, '判定基準');
    await expect.poll(() => hits.allInnerTexts()).toEqual([expect.stringMatching(/議事録[\s\S]*第2回 移行定例/)]);
    await s.page.keyboard.press('Enter');
    const minutes = new MinutesScreen(s.page);
    await expect.poll(() => minutes.field('会議名').inputValue()).toBe('第2回 移行定例');
    expect(new URLSearchParams(new URL(s.page.url()).hash.slice(1)).get('meeting')).toBe(String(meeting));
  });

  it('shows a row a quick filter hides, turning the filter off', async () => {
    const hits = await search(s.page, '検収');
    await expect.poll(() => hits.count()).toBe(1);
    await s.page.keyboard.press('Enter');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => selectedInView(issues.grid, done)).toEqual({ focused: true, inRange: true, visible: true });
  });

  it('opens again on a Ctrl+K typed right after Enter opened a hit (before the closed dialog’s close event)', async () => {
    const hits = await search(s.page, '棚卸し');
    await expect.poll(() => hits.count()).toBe(1);
    // Both keys in one task: the dialog's close event, a task of its own, comes after the Ctrl+K. The CI
    // run of 6ef62d4 met this order (input runs ahead of other tasks in a busy Chromium) and opened nothing.
    await s.page.evaluate(async () => {
      const input = document.querySelector('[data-testid="search-input"]')!;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      for (let i = 0; i < 3; i++) await Promise.resolve(); // React commits; the close-event task waits
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await dialog(s.page).waitFor();
    expect(await dialog(s.page).getByTestId('search-input').inputValue()).toBe('');
    await s.page.keyboard.press('Escape');
    await dialog(s.page).waitFor({ state: 'detached' });
  });

  it('says when nothing is found, closes with Esc, and is on the key sheet', async () => {
    await s.page.getByTestId('open-search').click();
    await dialog(s.page).getByTestId('search-input').waitFor();
    await s.page.keyboard.insertText('存在しない語句');
    await expect.poll(() => dialog(s.page).innerText()).toContain('「存在しない語句」は見つかりませんでした。');
    await s.page.keyboard.press('Escape');
    await dialog(s.page).waitFor({ state: 'detached' });
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.cell(0, 'title').click();
    await s.page.keyboard.press('F1');
    const sheet = s.page.getByTestId('shortcut-sheet');
    await expect.poll(() => sheet.innerText()).toMatch(/Ctrl\+K\s*全プロジェクトを検索/);
    await sheet.getByRole('button', { name: '閉じる' }).click();
    expect(s.pageErrors).toEqual([]);
  });

  it('finds a row of a register added to the descriptors’ list (成果物一覧) and opens it there', async () => {
    const d = await (inProcessCaller(s.ws) as (m: string, a: unknown) => Promise<{ id: number }>)('deliverable.create', {
      projectId: b,
      values: { title: '移行リハーサル報告書', notes: '切替手順の検証結果' },
    });
    const hits = await search(s.page, '検証結果');
    await expect.poll(() => hits.allInnerTexts()).toEqual([expect.stringMatching(/成果物一覧[\s\S]*移行リハーサル報告書/)]);
    await s.page.keyboard.press('Enter');
    const deliverables = new RegisterScreen(s.page, 'deliverable');
    await expect.poll(() => selectedInView(deliverables.grid, d.id)).toEqual({ focused: true, inRange: true, visible: true });
    await s.page.screenshot({ path: screenshotPath('search-deliverable.png') });
  });
});
