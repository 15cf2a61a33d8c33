// The home's first portfolio.summary. When the address opens the home (no project, no workspace page),
// it is asked for at start beside the app's own first calls (api/earlyLoad.ts), so the workspace
// measures the portfolio while the page's script loads and runs, rather than after the home has
// mounted: with 50 projects that waterfall (first calls → the app's code → the home → the summary) was
// most of the home's second.
import type { PortfolioSummary } from '../../../../electron/common/api/portfolio.js';
import { call } from '../../api/client.js';
import { earlyLoad } from '../../api/earlyLoad.js';

const early = earlyLoad<'home', Promise<PortfolioSummary>>();

/** Starts the home's first summary (at today's status date) before the page is there. */
export function prefetchHome(): void {
  const summary = call('portfolio.summary', {});
  early.keep('home', summary, [summary]);
}

/** The summary prefetched at start, to the home's renders until it mounted with it (summaryTaken); undefined after that (the home reads its own). */
export function firstSummary(): Promise<PortfolioSummary> | undefined {
  return early.peek('home');
}

export function summaryTaken(summary: Promise<PortfolioSummary> | undefined): void {
  if (summary) early.taken(summary);
}
