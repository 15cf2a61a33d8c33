// The WBS screen with 10,000 tasks in Debian's Chromium: from navigation to the first grid rows shown.
// Each load gets a fresh browser context (no cache, no storage), as when the app is first opened.
import { chromium } from 'playwright-core';
import type { RunningHost } from '../../electron/host/server.js';
import { stats, type Stats } from './stats.js';

const ROWS = '[data-testid=wbs-grid] .ag-row[row-index]';

export async function screenLoads(host: RunningHost, projectId: number, loads: number): Promise<Stats & { inPage: Stats }> {
  const browser = await chromium.launch({
    executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const wall: number[] = [];
  const inPage: number[] = [];
  try {
    // One load to warm the OS file cache and Chromium's own start-up; not counted.
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 820 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const t0 = performance.now();
      await page.goto(`${host.url}&project=${projectId}`, { waitUntil: 'commit' });
      await page.locator(ROWS).first().waitFor();
      const ms = performance.now() - t0;
      // The page's own clock, from its navigation start: without the driver's round trips.
      const pageMs = await page.evaluate(() => performance.now());
      if (i > 0) {
        wall.push(ms);
        inPage.push(pageMs);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { ...stats(wall), inPage: stats(inPage) };
}
