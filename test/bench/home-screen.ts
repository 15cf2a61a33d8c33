// The home screen with the portfolio's 50 projects (issue 15; printed, never asserted): navigation →
// the 50 project rows of the portfolio table shown, in Debian's Chromium through the web host.
//   - nothing changed since the last summary (the figures kept per project are read back), as when
//     the app is opened again;
//   - every project changed since (one task's note edited in each, untimed): every figure measured anew;
//   - the peer, in the same run: the same navigation into the home of a workspace of one empty project
//     (the page's own start: script, React, the first calls), the floor under both.
//   - with PMO_BENCH_HOME_AGAINST=<a built renderer folder> (another commit's dist/renderer), the same
//     home served from that build in the same run, alternated with this one's: an A/B of the page's code
//     on the same data and the same load.
//   npm run bench -- --only home
import os from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { buildPortfolio } from './portfolio.js';
import { ensureRenderer } from './renderer.js';
import { call } from './call.js';
import { stats } from './stats.js';
import type { BenchLine } from './excel-import.js';

const LOADS = Number(process.env.PMO_BENCH_HOME_LOADS) || 7;
const ROWS = '[data-testid=portfolio-table] [data-testid=project-row]';

/**
 * Navigation → `rows` project rows in the portfolio table, in a fresh browser context each time: the
 * wall time, and the CPU time of the page's main thread until then (Chromium's TaskDuration: parsing,
 * script, style, layout), which the machine's load stretches far less than the wall time.
 */
async function homeShown(browser: Browser, host: RunningHost, rows: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 820 }, locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const t0 = performance.now();
    await page.goto(host.url, { waitUntil: 'commit' });
    await page.locator(ROWS).nth(rows - 1).waitFor();
    const wall = performance.now() - t0;
    const { metrics } = await cdp.send('Performance.getMetrics');
    lastTaskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
    return wall;
  } finally {
    await context.close();
  }
}
/** The main thread's CPU time of the last homeShown (kept beside its wall time, which it returns). */
let lastTaskMs = NaN;

export async function benchHome(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const ws = tempWorkspace();
  const empty = tempWorkspace();
  const rendererDir = ensureRenderer();
  const host = await startHost(0, { handlers: ws.handlers, rendererDir });
  const emptyHost = await startHost(0, { handlers: empty.handlers, rendererDir });
  const againstDir = process.env.PMO_BENCH_HOME_AGAINST;
  const againstHost = againstDir ? await startHost(0, { handlers: ws.handlers, rendererDir: againstDir }) : null;
  const browser = await chromium.launch({
    executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await call(empty.handlers, 'project.create', { name: '案件' });
    const { projects, taskOf } = await buildPortfolio(ws, log);
    log(`home: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores`);
    let edits = 0;
    const touchAll = async () => {
      for (const p of projects) await call(ws.handlers, 'wbs.update', { id: taskOf.get(p), patch: { notes: `メモ ${++edits}` } });
    };
    // Warm-up: the first summary keeps every project's figures; the browser's first start.
    await homeShown(browser, host, projects.length);
    await homeShown(browser, emptyHost, 1);
    if (againstHost) await homeShown(browser, againstHost, projects.length);
    const kept: number[] = [];
    const keptCpu: number[] = [];
    const against: number[] = [];
    const againstCpu: number[] = [];
    const changed: number[] = [];
    const floor: number[] = [];
    // Interleaved, so a burst of load on the shared machine falls on all alike.
    for (let i = 0; i < LOADS; i++) {
      kept.push(await homeShown(browser, host, projects.length));
      keptCpu.push(lastTaskMs);
      if (againstHost) {
        against.push(await homeShown(browser, againstHost, projects.length));
        againstCpu.push(lastTaskMs);
      }
      await touchAll();
      changed.push(await homeShown(browser, host, projects.length));
      floor.push(await homeShown(browser, emptyHost, 1));
    }
    const row = (what: string, values: number[], target: string): BenchLine => {
      const s = stats(values);
      return { what, n: s.n, p50: s.p50, p95: s.p95, target };
    };
    return [
      row(`home, ${projects.length} projects shown after navigation: nothing changed since the last summary`, kept, 'median ≤ 1.0 s'),
      row('  the page\'s main-thread CPU until then (TaskDuration), nothing changed', keptCpu, 'CPU'),
      row('  same, every project changed since (every figure measured anew)', changed, ''),
      row('  peer: the home of one empty project, same navigation', floor, 'same run'),
      ...(againstHost
        ? [
            row(`  A/B: nothing changed, the renderer of ${againstDir}, alternated with the first line`, against, 'same run'),
            row('  A/B: its main-thread CPU (TaskDuration)', againstCpu, 'CPU'),
          ]
        : []),
    ];
  } finally {
    await browser.close();
    await host.close();
    await emptyHost.close();
    await againstHost?.close();
    ws.close();
    empty.close();
  }
}
