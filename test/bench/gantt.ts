// The Gantt beside the 10,000-task WBS in Debian's Chromium: navigation → bars drawn for the grid's
// rows, the frame time while wheel-scrolling the Gantt for 5 s (requestAnimationFrame deltas), and
// the page's DOM node count. The WBS grid alone (Gantt hidden) is the peer, measured the same way.
import { chromium, type Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server.js';
import { stats, type Stats } from './stats.js';

const DRAWN = '[data-testid=gantt-canvas][data-rows]:not([data-rows="0"])';
const ROWS = '[data-testid=wbs-grid] .ag-row[row-index]';

/** rAF deltas over `seconds`, while `act` runs (a wheel) or not. */
export async function frameDeltas(page: Page, seconds: number, act?: () => Promise<void>): Promise<number[]> {
  // A script string, not a function: tsx would wrap named closures in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) await (act ? act() : new Promise((r) => setTimeout(r, 100)));
  return page.evaluate('(window.__stop = true, window.__frames.slice(1))') as Promise<number[]>;
}

async function scrollFrames(page: Page, target: string, seconds = 5): Promise<number[]> {
  const box = (await page.locator(target).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let i = 0;
  return frameDeltas(page, seconds, () => page.mouse.wheel(0, i++ % 200 < 100 ? 120 : -120));
}

/**
 * Notes in the page the moment (its clock, from navigation) each selector first matches: what the driver's
 * wait sees later by its round trips and by however long this process was busy when the page answered.
 */
const WATCH = `(() => {
  const seen = window.__seen = {};
  const look = () => {
    for (const [name, sel] of [['rows', ${JSON.stringify(ROWS)}], ['drawn', ${JSON.stringify(DRAWN)}]])
      if (seen[name] === undefined && document.querySelector(sel)) seen[name] = performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

export async function ganttScreen(
  host: RunningHost,
  projectId: number,
  loads: number,
): Promise<{ shown: Stats; frames: Stats; nodes: number; gridShown: Stats; gridFrames: Stats; shownInPage: Stats; gridShownInPage: Stats }> {
  const browser = await chromium.launch({
    executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const shown: number[] = [];
  const gridShown: number[] = [];
  const shownInPage: number[] = [];
  const gridShownInPage: number[] = [];
  let frames: number[] = [];
  let gridFrames: number[] = [];
  let nodes = 0;
  try {
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const t0 = performance.now();
      await page.goto(`${host.url}&project=${projectId}`, { waitUntil: 'commit' });
      await page.locator(ROWS).first().waitFor();
      const grid = performance.now() - t0;
      // The Gantt is remembered per project: shown from the warm-up load on, as a user who uses it has it.
      if (i === 0) await page.getByTestId('gantt-toggle').click();
      await page.locator(DRAWN).waitFor();
      const ms = performance.now() - t0;
      if (i > 0) {
        shown.push(ms);
        gridShown.push(grid);
        const seen = (await page.evaluate('window.__seen')) as { rows: number; drawn: number };
        shownInPage.push(seen.drawn);
        gridShownInPage.push(seen.rows);
      }
      if (i === loads) {
        nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        frames = await scrollFrames(page, '[data-testid=gantt-canvas]');
        // The peer: the grid alone, scrolled the same way.
        await page.getByTestId('gantt-toggle').click();
        gridFrames = await scrollFrames(page, '[data-testid=wbs-grid]');
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { shown: stats(shown), frames: stats(frames), nodes, gridShown: stats(gridShown), gridFrames: stats(gridFrames), shownInPage: stats(shownInPage), gridShownInPage: stats(gridShownInPage) };
}
