// Progress end to end in Chromium: set the status date (typed yyyy/mm/dd, undone and redone), close a
// week, save a baseline, slip a task and see the slip in the WBS grid's baseline columns and in the
// baseline comparison, and see SPI change (with 先週差分) in the progress view, whatever order the
// answers come back in.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { openTab, ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
let projectId: number;
beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  // A small plan through the API: 基本設計 done, 詳細設計 at 20 %, 製造 not started.
  const p = await call('project.create', { name: 'EVM案件' });
  projectId = p.id;
  for (const values of [
    { name: '基本設計', plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualEffort: 6 },
    { name: '詳細設計', plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 10, progress: 20, actualEffort: 2 },
    { name: '製造', plannedStart: '2025-06-16', plannedFinish: '2025-06-27', plannedEffort: 20 },
  ])
    await call('wbs.create', { projectId: p.id, values });
  await s.page.reload();
});
afterAll(async () => {
  await s?.close();
});

/** A call straight to the workspace (setting up what the test then works through the UI). */
async function call(method: string, args: unknown) {
  const env = await s.ws.handlers.invoke(method, args);
  if (!env.ok) throw new Error(env.error.message);
  return env.result as { id: number };
}

const fig = (key: string) => s.page.getByTestId(`fig-${key}`).locator('.kpi-value');
const delta = (key: string) => s.page.getByTestId(`fig-${key}`).locator('.kpi-delta');

const dateBox = () => s.page.getByTestId('status-date');

/** Types the status date as the app writes dates (yyyy/mm/dd) and sets it. */
async function setStatusDate(date: string) {
  await dateBox().fill(date);
  await s.page.getByTestId('set-status-date').click();
}

/** The progress view's plan to measure against: a baseline by its name (shown with its date), or 現在の計画. */
async function measureAgainst(name: string) {
  const select = s.page.getByTestId('progress-baseline');
  await select.selectOption((await select.locator('option', { hasText: name }).getAttribute('value'))!);
}

/** Two frames painted: a state set when an answer came has been drawn. */
const painted = () => s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('progress in Chromium', () => {
  it('closes a week, saves a baseline and shows SPI at the status date', async () => {
    await new ProjectsScreen(s.page).open('EVM案件');
    await openTab(s.page, '進捗');
    await s.page.getByTestId('progress-page').waitFor();
    // The box shows the date as every date in the app: yyyy/mm/dd, not the browser's own date format.
    expect(await dateBox().inputValue()).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(await dateBox().getAttribute('type')).not.toBe('date');
    await setStatusDate('2025/6/32');
    await s.page.getByText('2025/6/32 は日付ではありません (yyyy/mm/dd)').waitFor();
    // Week 1: status date 6/13, PV 15 (基本設計 5 + 詳細設計 10), EV 7 → SPI 0.47; close it.
    await setStatusDate('2025/06/13');
    await expect.poll(() => fig('spi').innerText()).toBe('0.47');
    expect(await dateBox().inputValue()).toBe('2025/06/13');
    await s.page.getByTestId('close-week').click();
    await s.page.getByRole('status').filter({ hasText: '2025/06/13 で締めました' }).waitFor();
    // Week 2: 6/20 (typed as the grids take dates), PV 25 → SPI 0.28, 0.19 below last week's close.
    await setStatusDate('２０２５／６／２０');
    await expect.poll(() => dateBox().inputValue()).toBe('2025/06/20');
    await expect.poll(() => fig('spi').innerText()).toBe('0.28');
    expect(await delta('spi').innerText()).toBe('−0.19');
    // Named in the toolbar (Electron has no window.prompt): the box offers a name with today's date.
    await s.page.getByTestId('take-baseline').click();
    const name = s.page.getByRole('textbox', { name: '基準計画の名前' });
    expect(await name.inputValue()).toMatch(/^基準計画 \d{4}\/\d{2}\/\d{2}$/);
    await s.page.getByTestId('progress-page').locator('.toolbar').first().screenshot({ path: screenshotPath('progress-baseline-name.png') });
    await name.fill('初回計画');
    // A quick double Enter saves one baseline: the save's answer is held so both presses land before it.
    let creates = 0;
    await s.page.route('**/api/baseline.create', async (route) => {
      creates++;
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await name.press('Enter');
    await name.press('Enter');
    await name.waitFor({ state: 'detached' });
    await s.page.unroute('**/api/baseline.create');
    expect(creates).toBe(1);
    expect((await call('baseline.list', { projectId }) as unknown as { name: string }[]).map((b) => b.name)).toEqual(['初回計画']);
    await expect.poll(() => s.page.getByTestId('progress-baseline').locator('option:checked').innerText()).toContain('初回計画');
    await expect.poll(() => s.page.getByTestId('s-curve').locator('canvas').count()).toBeGreaterThan(0);
  });

  it('shows the baseline beside the plan in the WBS grid and the slip of a moved task', async () => {
    await openTab(s.page, 'WBS');
    const wbs = new WbsScreen(s.page);
    await s.page.getByTestId('wbs-status-date').filter({ hasText: '基準日 2025/06/20' }).waitFor();
    await s.page.getByTestId('wbs-baseline').selectOption({ label: '初回計画' });
    await expect.poll(() => wbs.column('baselineFinish')).toEqual(['2025/06/06', '2025/06/13', '2025/06/27']);
    expect(await wbs.column('finishSlip')).toEqual(['0', '0', '0']);
    // 製造 slips a week; 詳細設計 is finished (then the grid is scrolled back to the slip column).
    await wbs.type(2, 'plannedStart', '2025/6/23');
    await wbs.type(2, 'plannedFinish', '2025/7/4');
    await wbs.type(1, 'progress', '100');
    // Back to the slip column from the keyboard, as a user goes there: ← from 進捗率 past the actuals.
    await wbs.cell(1, 'progress').click();
    for (const _ of ['actualEffort', 'plannedEffort', 'actualFinish', 'actualStart', 'finishSlip']) await s.page.keyboard.press('ArrowLeft');
    await expect.poll(() => wbs.column('finishSlip')).toEqual(['0', '0', '+5']);
    expect(await wbs.cell(2, 'finishSlip').getAttribute('class')).toContain('wbs-slip-late');
    expect(await wbs.column('baselineStart')).toEqual(['2025/06/02', '2025/06/09', '2025/06/16']);
    await s.page.screenshot({ path: screenshotPath('wbs-baseline-columns.png') });
  });

  it('draws the baseline bars under the plan bars and the progress line at the status date in the Gantt', async () => {
    await s.page.getByTestId('gantt-toggle').click();
    const canvas = s.page.getByTestId('gantt-canvas');
    await canvas.waitFor();
    await s.page.getByTestId('gantt-zoom-day').click();
    // Three tasks with a baseline: three grey bars; at 6/20 製造 (not started, planned from 6/23) is on
    // time and the two finished tasks too, so the line stays straight.
    await expect.poll(() => canvas.getAttribute('data-baseline-bars')).toBe('3');
    expect(await canvas.getAttribute('data-progress-line')).toBe('0');
    // The 6/13 close: 詳細設計 was at 20 % then, due 6/13 → the line bends back to it.
    await s.page.getByTestId('progress-line').selectOption({ label: '2025/06/13' });
    await expect.poll(() => canvas.getAttribute('data-progress-line')).toBe('1');
    await s.page.screenshot({ path: screenshotPath('gantt-baseline-progress-line.png') });
    await s.page.getByTestId('gantt-toggle').click();
  });

  it('SPI follows: against the baseline the work done counts, against the current plan the slip does', async () => {
    await openTab(s.page, '進捗');
    // Against 初回計画: PV still 25, EV 15 → 0.60, 0.13 above the 6/13 close.
    await expect.poll(() => fig('spi').innerText()).toBe('0.60');
    expect(await delta('spi').innerText()).toBe('+0.13');
    await s.page.getByTestId('progress-baseline').selectOption({ label: '現在の計画' });
    // The current plan moved 製造 after 6/20: PV 15 → SPI 1.00.
    await expect.poll(() => fig('spi').innerText()).toBe('1.00');
    await expect.poll(() => s.page.getByTestId('late-finish').innerText()).toContain('（0）');
    await s.page.screenshot({ path: screenshotPath('progress-view.png'), fullPage: true });
  });

  it('compares the baseline with the current plan: the slipped task first, each change before → after', async () => {
    await measureAgainst('初回計画');
    const compare = s.page.getByTestId('baseline-compare');
    await expect.poll(() => compare.getByTestId('compare-counts').innerText()).toMatch(/^遅延 1 件・変更 2 件・追加 0 件・削除 0 件・移動 0 件・変更なし 1 件$/);
    const rows = () => compare.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText)));
    const [slipped, done] = await rows();
    expect(slipped!.slice(0, 4)).toEqual(['3', '製造', '変更', '+5']);
    expect(slipped![4]).toContain('予定開始日: 2025/06/16 → 2025/06/23');
    expect(slipped![4]).toContain('予定終了日: 2025/06/27 → 2025/07/04');
    expect(done!.slice(0, 4)).toEqual(['2', '詳細設計', '変更', '0']);
    expect(done![4]).toContain('進捗率(%): 20% → 100%');
    expect(await compare.locator('tbody tr.slipped').count()).toBe(1);
    // Undone in the progress view, the slip leaves the comparison; redone, it is back.
    await s.page.getByRole('button', { name: /元に戻す/ }).click(); // 詳細設計 at 100 %
    await s.page.getByRole('button', { name: /元に戻す/ }).click(); // 製造's finish
    await expect.poll(() => compare.getByTestId('compare-counts').innerText()).toMatch(/^遅延 0 件/);
    await s.page.getByRole('button', { name: /やり直し/ }).click();
    await s.page.getByRole('button', { name: /やり直し/ }).click();
    await expect.poll(() => compare.getByTestId('compare-counts').innerText()).toMatch(/^遅延 1 件・変更 2 件/);
    await compare.screenshot({ path: screenshotPath('progress-baseline-compare.png') });
  });

  it('sets the status date as one step that 元に戻す and やり直し take back and forth', async () => {
    await expect.poll(() => fig('spi').innerText()).toBe('0.60');
    // 6/27 against 初回計画: PV 35 (製造 planned to finish), EV 15 → 0.43.
    await setStatusDate('2025/06/27');
    await expect.poll(() => fig('spi').innerText()).toBe('0.43');
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => dateBox().inputValue()).toBe('2025/06/20');
    await expect.poll(() => fig('spi').innerText()).toBe('0.60');
    await s.page.getByRole('button', { name: /やり直し/ }).click();
    await expect.poll(() => dateBox().inputValue()).toBe('2025/06/27');
    await expect.poll(() => fig('spi').innerText()).toBe('0.43');
    // The WBS shows the status date the undo stack left.
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => dateBox().inputValue()).toBe('2025/06/20');
    await openTab(s.page, 'WBS');
    await s.page.getByTestId('wbs-status-date').filter({ hasText: '基準日 2025/06/20' }).waitFor();
    // Redone and undone from the WBS, the status date it shows follows (the step names the calendar).
    await s.page.getByRole('button', { name: /やり直し/ }).click();
    await s.page.getByTestId('wbs-status-date').filter({ hasText: '基準日 2025/06/27' }).waitFor();
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await s.page.getByTestId('wbs-status-date').filter({ hasText: '基準日 2025/06/20' }).waitFor();
    await openTab(s.page, '進捗');
  });

  it('shows the figures of the last choice when an earlier answer comes back after it', async () => {
    await expect.poll(() => fig('spi').innerText()).toBe('0.60'); // 初回計画
    // The answer for the current plan is held until the one for 初回計画, asked after it, is shown.
    const held: { route?: Route } = {};
    await s.page.route('**/api/evm.compute', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { baselineId?: number };
      if (!held.route && body.baselineId === undefined) held.route = route;
      else await route.continue();
    });
    await measureAgainst('現在の計画');
    await expect.poll(() => !!held.route).toBe(true);
    await measureAgainst('初回計画');
    await expect.poll(() => fig('spi').innerText()).toBe('0.60');
    const late = s.page.waitForResponse((r) => r.request() === held.route!.request());
    await held.route!.continue();
    await late;
    await painted();
    expect(await fig('spi').innerText()).toBe('0.60');
    expect(await s.page.getByTestId('progress-baseline').locator('option:checked').innerText()).toContain('初回計画');
    await s.page.unroute('**/api/evm.compute');
    expect(s.pageErrors).toEqual([]);
    expect(foreignRequests(s.requests)).toEqual([]);
  });
  it('drills down from a WBS node to its tasks, groups by assignee and shows yen at the cost rate', async () => {
    // A phase with two tasks and a task of its own: 設計 (基本設計 佐藤 5 人日 done, 詳細設計 鈴木 10 × 20 %), 製造 鈴木 20.
    const p = await call('project.create', { name: 'EVM階層' });
    const phase = await call('wbs.create', { projectId: p.id, values: { name: '設計' } });
    await call('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: '基本設計', assignee: '佐藤', plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualEffort: 6 } });
    await call('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: '詳細設計', assignee: '鈴木', plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 10, progress: 20, actualEffort: 2 } });
    await call('wbs.create', { projectId: p.id, values: { name: '製造', assignee: '鈴木', plannedStart: '2025-06-16', plannedFinish: '2025-06-27', plannedEffort: 20 } });
    await s.page.getByRole('button', { name: /プロジェクト一覧/ }).click();
    await new ProjectsScreen(s.page).open('EVM階層');
    await openTab(s.page, '進捗');
    await setStatusDate('2025/06/13');
    await expect.poll(() => fig('spi').innerText()).toBe('0.47');
    const table = s.page.getByTestId('evm-table');
    const rows = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => (td as HTMLElement).innerText)));
    // The top level: the phase (BAC 15, PV 15, EV 7) and 製造 (nothing planned by 6/13).
    await expect.poll(rows).toEqual([
      ['1', '設計', '15.0', '15.0'],
      ['2', '製造', '20.0', '0.0'],
    ]);
    // Down to the phase's tasks: the phase first, then its tasks; the breadcrumb leads back.
    await table.getByRole('button', { name: '設計', exact: true }).click();
    await expect.poll(rows).toEqual([
      ['1', '設計', '15.0', '15.0'],
      ['1.1', '基本設計', '5.0', '5.0'],
      ['1.2', '詳細設計', '10.0', '10.0'],
    ]);
    await s.page.getByRole('navigation', { name: 'WBS' }).getByRole('button', { name: 'すべて' }).click();
    await expect.poll(async () => (await rows()).length).toBe(2);
    // By assignee: 佐藤 5 人日 (all earned), 鈴木 30 (EV 2).
    await s.page.getByRole('button', { name: '担当者別' }).click();
    await expect.poll(() => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => (td as HTMLElement).innerText)))).toEqual([
      ['佐藤', '5.0', '5.0', '5.0'],
      ['鈴木', '30.0', '10.0', '2.0'],
    ]);
    // At 50,000 円 per person-day the figures read in yen: BAC 35 人日 = 1,750,000 円.
    const rate = s.page.getByRole('textbox', { name: /単価/ });
    await rate.fill('50000');
    await rate.blur();
    await s.page.getByRole('combobox', { name: 'unit' }).selectOption('yen');
    await expect.poll(() => fig('bac').innerText()).toBe('1,750,000');
    expect(await fig('ev').innerText()).toBe('350,000');
    expect(await fig('spi').innerText()).toBe('0.47');
    await s.page.screenshot({ path: screenshotPath('progress-view-yen.png'), fullPage: true });
  });

  it('keeps the toolbar on one line at 1,400 px in English, a baseline chosen and a new one being named', async () => {
    await openTab(s.page, '進捗');
    await s.page.getByTestId('progress-page').waitFor();
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    try {
      const toolbar = s.page.getByTestId('progress-page').locator('.toolbar').first();
      await s.page.getByRole('button', { name: 'Save baseline' }).waitFor();
      // One line is the height of its tallest control (about 30 px); a wrapped one is twice that.
      const oneLine = (await toolbar.boundingBox())!.height;
      expect(oneLine).toBeLessThan(40);
      // A baseline with a long name, measured against (the select is cut at 200 px, the whole name in its
      // list): 基準計画を削除 joins the line; then naming another one.
      const name = s.page.getByRole('textbox', { name: 'Baseline name' });
      await s.page.getByTestId('take-baseline').click();
      await name.fill('Rebaseline after the change request of the second phase');
      await name.press('Enter');
      await s.page.getByRole('button', { name: 'Delete baseline' }).waitFor();
      expect((await toolbar.boundingBox())!.height).toBe(oneLine);
      await s.page.getByTestId('take-baseline').click();
      await name.waitFor();
      expect((await toolbar.boundingBox())!.height).toBe(oneLine);
      await toolbar.screenshot({ path: screenshotPath('progress-toolbar-en.png') });
      await name.press('Escape');
    } finally {
      await s.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
    }
  });

  it('takes a typed status date only once the stored one is read (its late answer replaced what was typed)', async () => {
    await s.page.getByRole('button', { name: /プロジェクト一覧/ }).click();
    await new ProjectsScreen(s.page).open('EVM案件');
    // The page's read of the stored project is held: until it is answered, the box cannot be typed in.
    const held: { route?: Route } = {};
    await s.page.route('**/api/baseline.list', async (route) => {
      if (!held.route) held.route = route;
      else await route.continue();
    });
    await openTab(s.page, '進捗');
    await expect.poll(() => !!held.route).toBe(true);
    expect(await dateBox().isDisabled()).toBe(true);
    expect(await s.page.getByTestId('set-status-date').isDisabled()).toBe(true);
    await held.route!.continue();
    await expect.poll(() => dateBox().isDisabled()).toBe(false);
    await s.page.unroute('**/api/baseline.list');
    // Typed now, it stays as typed.
    await dateBox().fill('2025/6/31');
    await painted();
    expect(await dateBox().inputValue()).toBe('2025/6/31');
    // Set, it is refused on the page's error line, and the box keeps what was typed to correct it.
    await s.page.getByTestId('set-status-date').click();
    await expect.poll(() => s.page.getByRole('alert').innerText()).toContain('2025/6/31');
    expect(await dateBox().inputValue()).toBe('2025/6/31');
  });
});
