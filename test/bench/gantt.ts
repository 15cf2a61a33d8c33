// The Gantt beside the 10,000-task WBS in Debian's Chromium: navigation → bars drawn for the grid's
// rows, the frame time while wheel-scrolling the Gantt for 5 s (requestAnimationFrame deltas), and
// the page's DOM node count. The WBS grid alone (Gantt hidden) is the peer, measured the same way.
import { chromium, type Page } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server.js';
import { stats, type Stats } from './stats.js';
import type { Line } from './run.js';

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

/**
 * rAF deltas over 5 s of wheel scrolling over `target`, and the main thread's CPU time per frame meanwhile
 * (DevTools' ThreadTime): on a loaded machine frames are dropped while the page waits for a core, which
 * the CPU per frame does not count, so it tells the page's own cost from the load's.
 */
export async function scrollFrames(page: Page, target: string, seconds = 5): Promise<{ frames: number[]; cpuPerFrame: number }> {
  const box = (await page.locator(target).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const cpu0 = await threadTime();
  let i = 0;
  const frames = await frameDeltas(page, seconds, () => page.mouse.wheel(0, i++ % 200 < 100 ? 120 : -120));
  const cpuPerFrame = (await threadTime() - cpu0) / Math.max(1, frames.length);
  await cdp.detach();
  return { frames, cpuPerFrame };
}

/**
 * Notes in the page (its clock, from navigation start) the moment each selector first matches, and the
 * moment the frame after it has been made (the next animation frame, then a message posted from it: it
 * runs once that frame's rendering is done). The driver's own wait is no clock for this: Playwright polls
 * a selector at 0, 20, 50, 100, 100 ms and then every 500 ms, so a wait seen ending at 1.3 s may have been
 * met at 0.8 s (the rows and bars were measured up to half a second late).
 */
const WATCH = `(() => {
  const seen = window.__seen = {};
  const painted = window.__painted = {};
  const look = () => {
    for (const [name, sel] of [['rows', ${JSON.stringify(ROWS)}], ['drawn', ${JSON.stringify(DRAWN)}]])
      if (seen[name] === undefined && document.querySelector(sel)) {
        seen[name] = performance.now();
        requestAnimationFrame(() => {
          const c = new MessageChannel();
          c.port1.onmessage = () => (painted[name] = performance.now());
          c.port2.postMessage(0);
        });
      }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/** Wall-clock milliseconds (epoch, fractional): the same clock as a page's performance.timeOrigin. */
const wallNow = () => performance.timeOrigin + performance.now();

export interface GanttScreen {
  /** From the driver's navigation to the frame with both the grid's rows and the Gantt's bars (the page's clock, set on the wall clock). */
  shown: Stats;
  /** The same to the frame with the grid's first rows. */
  gridShown: Stats;
  /** From the driver's navigation to the page's navigation start (what the page's own clock leaves out). */
  navStart: Stats;
  frames: Stats;
  gridFrames: Stats;
  /** The page with the Gantt, nothing moving: what the machine's load alone does to the frames. */
  idleFrames: Stats;
  /** Mean main-thread CPU per frame while scrolling (ms), the Gantt's and the grid's alone. */
  cpuPerFrame: number;
  gridCpuPerFrame: number;
  nodes: number;
}

export async function ganttScreen(host: RunningHost, projectId: number, loads: number): Promise<GanttScreen> {
  const browser = await chromium.launch({
    executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const shown: number[] = [];
  const gridShown: number[] = [];
  const navStart: number[] = [];
  let frames: number[] = [];
  let gridFrames: number[] = [];
  let idleFrames: number[] = [];
  let cpuPerFrame = 0;
  let gridCpuPerFrame = 0;
  let nodes = 0;
  try {
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const t0 = wallNow();
      await page.goto(`${host.url}&project=${projectId}`, { waitUntil: 'commit' });
      // The Gantt is remembered per project: shown from the warm-up load on, as a user who uses it has it.
      if (i === 0) {
        await page.locator(ROWS).first().waitFor();
        await page.getByTestId('gantt-toggle').click();
      }
      // Polled in the page, every frame: the time itself is the page's (WATCH), not this wait's end.
      await page.waitForFunction(() => (window as { __painted?: { rows?: number; drawn?: number } }).__painted?.drawn !== undefined, undefined, { polling: 'raf' });
      await page.waitForFunction(() => (window as { __painted?: { rows?: number } }).__painted?.rows !== undefined, undefined, { polling: 'raf' });
      if (i > 0) {
        const at = await page.evaluate(() => ({ origin: performance.timeOrigin, painted: (window as unknown as { __painted: { rows: number; drawn: number } }).__painted }));
        const start = at.origin - t0;
        navStart.push(start);
        // The figure is rows and bars shown: the later of the two (the bars need the grid's rows, so nearly always they).
        shown.push(start + Math.max(at.painted.rows, at.painted.drawn));
        gridShown.push(start + at.painted.rows);
      }
      if (i === loads) {
        nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        idleFrames = await frameDeltas(page, 5);
        ({ frames, cpuPerFrame } = await scrollFrames(page, '[data-testid=gantt-canvas]'));
        // The peer: the grid alone, scrolled the same way.
        await page.getByTestId('gantt-toggle').click();
        ({ frames: gridFrames, cpuPerFrame: gridCpuPerFrame } = await scrollFrames(page, '[data-testid=wbs-grid]'));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    shown: stats(shown),
    gridShown: stats(gridShown),
    navStart: stats(navStart),
    frames: stats(frames),
    gridFrames: stats(gridFrames),
    idleFrames: stats(idleFrames),
    cpuPerFrame,
    gridCpuPerFrame,
    nodes,
  };
}

/** The Gantt screen's figures as the bench table's lines, each issue-13 figure with its target. */
export function ganttLines(g: GanttScreen): Line[] {
  const line = (what: string, s: Stats, target: string, p95 = true): Line => ({ what, n: s.n, p50: s.p50, p95: p95 ? s.p95 : null, target });
  return [
    line('WBS + Gantt, navigation → frame with rows and bars (Chromium)', g.shown, 'median ≤ 1.5 s', false),
    line('  peer: navigation → frame with the grid rows, same loads', g.gridShown, '', false),
    line('  of which: navigation → the page\'s navigation start', g.navStart, '', false),
    line('Gantt wheel scroll, frame time over 5 s', g.frames, 'p95 ≤ 20 ms'),
    line('  peer: the grid alone, same scrolling', g.gridFrames, ''),
    line('  floor: the same page, nothing moving', g.idleFrames, ''),
    { what: '  main-thread CPU per frame: Gantt scrolling (mean)', n: g.frames.n, p50: g.cpuPerFrame, p95: null, target: 'steady under load' },
    { what: '  main-thread CPU per frame: the grid alone (mean)', n: g.gridFrames.n, p50: g.gridCpuPerFrame, p95: null, target: '' },
    { what: 'DOM nodes with the Gantt shown', n: 1, p50: g.nodes, p95: null, target: '≤ 3,000', unit: 'nodes' },
  ];
}
