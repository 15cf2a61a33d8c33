// Progress end to end in Chromium: set the status date, close a week, save a baseline, slip a task and
// see the slip in the WBS grid's baseline columns, and see SPI change (with 先週差分) in the progress view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { openTab, ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  // A small plan through the API: 基本設計 done, 詳細設計 at 20 %, 製造 not started.
  const call = async (method: string, args: unknown) => {
    const env = await s.ws.handlers.invoke(method, args);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as { id: number };
  };
  const p = await call('project.create', { name: 'EVM案件' });
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

const fig = (key: string) => s.page.getByTestId(`fig-${key}`).locator('.kpi-value');
const delta = (key: string) => s.page.getByTestId(`fig-${key}`).locator('.kpi-delta');

async function setStatusDate(iso: string) {
  await s.page.getByTestId('status-date').fill(iso);
  await s.page.getByTestId('set-status-date').click();
}

describe('progress in Chromium', () => {
  it('closes a week, saves a baseline and shows SPI at the status date', async () => {
    await new ProjectsScreen(s.page).open('EVM案件');
    await openTab(s.page, '進捗');
    await s.page.getByTestId('progress-page').waitFor();
    // Week 1: status date 6/13, PV 15 (基本設計 5 + 詳細設計 10), EV 7 → SPI 0.47; close it.
    await setStatusDate('2025-06-13');
    await expect.poll(() => fig('spi').innerText()).toBe('0.47');
    await s.page.getByTestId('close-week').click();
    await s.page.getByRole('status').filter({ hasText: '2025/06/13 で締めました' }).waitFor();
    // Week 2: 6/20, PV 25 → SPI 0.28, 0.19 below last week's close.
    await setStatusDate('2025-06-20');
    await expect.poll(() => fig('spi').innerText()).toBe('0.28');
    expect(await delta('spi').innerText()).toBe('−0.19');
    s.page.once('dialog', (d) => void d.accept('初回計画'));
    await s.page.getByTestId('take-baseline').click();
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
    // 製造 slips a week; 詳細設計 is finished (then the grid is scrolled back to its first columns).
    await wbs.type(2, 'plannedStart', '2025/6/23');
    await wbs.type(2, 'plannedFinish', '2025/7/4');
    await wbs.type(1, 'progress', '100');
    await wbs.grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft = 0));
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
    expect(s.pageErrors).toEqual([]);
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
