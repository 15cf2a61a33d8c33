// A long plan's first rows are shown ahead of the whole (issue 18: a 50,000-task WBS shows rows ≤ 1.5 s):
// the WBS screen asks wbs.rows for its first rows, shows them, then the whole plan replaces them. Here the
// whole plan's answer is held back, so the screen is seen in between: the first rows shown, the count
// saying it is still loading, and an edit typed then waiting for the whole plan, not lost when it comes.
// With the Gantt left shown (issue 13: rows and bars ≤ 1.5 s at 10,000 tasks), its bars of the first rows
// are drawn then too, and the project's links and schedule are read once, with the whole plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser.js';
import { WbsScreen } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';

const TASKS = 320;
let s: Session;
let projectId: number;

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = inProcessCaller(s.ws);
  projectId = (await call('project.create', { name: '長い計画' })).id;
  const phase = await call('wbs.create', { projectId, values: { name: 'フェーズ1' } });
  for (let i = 1; i < TASKS; i++) await call('wbs.create', { projectId, parentId: phase.id, values: { name: `作業${i}` } });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('the WBS screen of a long plan', () => {
  it('shows the first rows, then the whole plan, and an edit typed in between is kept', async () => {
    const page = s.page;
    // The whole plan's answer (a wbs.rows call without `first`) waits for the test.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    await page.route(/\/api\/wbs\.rows$/, async (route) => {
      const body = route.request().postData() ?? '';
      calls.push(body.includes('"first"') ? 'first' : 'whole');
      if (!body.includes('"first"')) await held;
      await route.continue();
    });
    await page.goto(`${s.host.url}&project=${projectId}`);
    const wbs = new WbsScreen(page);
    await wbs.cell(0, 'name').filter({ hasText: 'フェーズ1' }).waitFor();
    const count = page.getByTestId('task-count');
    await expect.poll(() => wbs.rowCount()).toBe(150);
    expect(await count.getAttribute('data-complete')).toBe('false');
    expect(await count.innerText()).toBe('読み込み中…');

    // Typed while only the first rows are there: sent once the whole plan is in.
    await wbs.type(2, 'name', '先に直した作業');
    await page.waitForTimeout(300);
    expect(s.ws.db.sqlite.prepare("SELECT count(*) FROM wbs_tasks WHERE name = '先に直した作業'").pluck().get()).toBe(0);

    release();
    await expect.poll(() => count.getAttribute('data-complete')).toBe('true');
    await expect.poll(() => count.innerText()).toBe(`${TASKS} 件`);
    await expect.poll(() => wbs.rowCount()).toBe(TASKS);
    await expect.poll(() => s.ws.db.sqlite.prepare("SELECT count(*) FROM wbs_tasks WHERE name = '先に直した作業'").pluck().get()).toBe(1);
    await wbs.cell(2, 'name').filter({ hasText: '先に直した作業' }).waitFor();
    expect(calls).toEqual(['first', 'whole']);
    await page.unroute(/\/api\/wbs\.rows$/);
  }, 60_000);

  it('draws the page in the app\'s first frame: no empty frame before it, which React 19 holds for 300 ms (pages.ts)', async () => {
    const page = s.page;
    // What the content area holds the moment it first appears (React adds the app's frame in one commit).
    await page.addInitScript(`new MutationObserver((_, observer) => {
      const main = document.querySelector('main.content');
      if (!main) return;
      window.__firstContent = main.childElementCount;
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true })`);
    await page.goto('about:blank');
    await page.goto(`${s.host.url}&project=${projectId}`);
    await new WbsScreen(page).cell(0, 'name').filter({ hasText: 'フェーズ1' }).waitFor();
    expect(await page.evaluate('window.__firstContent')).toBeGreaterThan(0);
  }, 60_000);

  it('draws the Gantt left shown beside the first rows, and reads the links and the schedule once, with the whole plan', async () => {
    const page = s.page;
    await s.ws.handlers.invoke('settings.set', { key: `wbs.gantt.${projectId}`, value: true });
    await s.ws.handlers.invoke('dependency.create', { projectId, predecessorId: firstTaskId(1), successorId: firstTaskId(2) });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    await page.route(/\/api\/(wbs\.rows|settings\.get|dependency\.list|schedule\.compute)$/, async (route) => {
      const method = route.request().url().replace(/^.*\/api\//, '');
      const body = route.request().postData() ?? '';
      if (method !== 'settings.get' || body.includes('wbs.gantt')) calls.push(method === 'wbs.rows' ? (body.includes('"first"') ? 'first rows' : 'whole plan') : method === 'settings.get' ? 'gantt shown?' : method);
      if (method === 'wbs.rows' && !body.includes('"first"')) await held;
      await route.continue();
    });
    // A load of the page, as the app opening where it was left (a hash alone would route in the page).
    await page.goto('about:blank');
    await page.goto(`${s.host.url}&project=${projectId}`);
    const canvas = page.getByTestId('gantt-canvas');
    // The bars of the rows shown, while the whole plan is still to come.
    await expect.poll(() => calls.includes('whole plan'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => canvas.getAttribute('data-rows'), { timeout: 10_000 }).toBe('150');
    expect(await page.getByTestId('task-count').getAttribute('data-complete')).toBe('false');
    // Whether the Gantt is shown is asked with the first rows, before the page is there (main.tsx).
    expect(calls).toEqual(['gantt shown?', 'first rows', 'whole plan']);

    release();
    await expect.poll(() => canvas.getAttribute('data-rows'), { timeout: 30_000 }).toBe(String(TASKS));
    await expect.poll(() => calls.filter((c) => c === 'schedule.compute').length, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(300);
    expect(calls.slice(3).sort()).toEqual(['dependency.list', 'schedule.compute']);
    await page.unroute(/\/api\/(wbs\.rows|settings\.get|dependency\.list|schedule\.compute)$/);
  }, 60_000);
});

/** The id of the `n`th task under the phase (1-based), by position. */
function firstTaskId(n: number): number {
  return s.ws.db.sqlite.prepare('SELECT id FROM wbs_tasks WHERE project_id = ? AND parent_id IS NOT NULL ORDER BY position LIMIT 1 OFFSET ?').pluck().get(projectId, n - 1) as number;
}
