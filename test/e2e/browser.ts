// Debian's Chromium driven by playwright-core (never a downloaded browser), against the web host
// started in-process on a temp workspace. Every request the page makes is recorded.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { ROOT, tempWorkspace } from '../helpers/workspace.js';

export const CHROMIUM = process.env.PMO_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = path.join(ROOT, 'test-output');

export interface Session {
  page: Page;
  host: RunningHost;
  ws: ReturnType<typeof tempWorkspace>;
  requests: string[];
  /** Uncaught errors in the page: a test that sees one has found a bug. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * `dir`: a data folder prepared by the test (e.g. a damaged workspace); default a new temp folder.
 * `osLocale`: the serving machine's locale, and the browser's unless `browserLocale` says otherwise.
 */
export async function openSession(opts: { osLocale?: string; browserLocale?: string; dir?: string } = {}): Promise<Session> {
  const rendererDir = path.join(ROOT, 'dist/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` (npm test does)');
  const ws = tempWorkspace(opts.dir, { osLocale: opts.osLocale });
  const host = await startHost(0, { handlers: ws.handlers, rendererDir });
  const opened = await openPage(host, opts.browserLocale ?? opts.osLocale ?? 'en-US');
  return {
    ...opened,
    host,
    ws,
    close: async () => {
      await opened.close();
      await host.close();
      ws.close();
    },
  };
}

// One Chromium per test process, a fresh context (its own cookies, storage, cache, locale) per page: a
// start of Chromium costs ~3 s of CPU, a context ~0.3 s, and the E2E files open some 40 pages. Chromium
// is started again if it went away (a crash in one file does not fail the next). Playwright ends it when
// the process exits.
let shared: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  const launch = () =>
    chromium.launch({
      executablePath: CHROMIUM,
      // Flags that keep Chromium from reaching out on its own (see the machine notes).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  // Chained, so pages asked for at once share one start.
  shared = shared ? shared.then((b) => (b.isConnected() ? b : launch()), launch) : launch();
  return shared;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  /** Uncaught errors in the page: a test that sees one has found a bug. */
  pageErrors: string[];
  /** Closes the page's context (the process's Chromium stays for the next page). */
  close(): Promise<void>;
}

/** Chromium on a running host's page, in a context of its own. */
export async function openPage(host: RunningHost, locale: string): Promise<OpenedPage> {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1400, height: 820 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    console.error('page error:', e.message);
  });
  await page.goto(host.url);
  return { context, page, requests, pageErrors, close: () => context.close() };
}

/** Requests that went anywhere but this machine's loopback web host. */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((u) => {
    if (u.startsWith('data:')) return false;
    const { hostname } = new URL(u);
    return hostname !== '127.0.0.1';
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(path.join(OUTPUT, 'e2e'), { recursive: true });
  return path.join(OUTPUT, 'e2e', name);
}
