// The home's first portfolio.summary. When the address opens the home (no project, no workspace page),
// it is asked for at start beside the app's own first calls, so the workspace measures the portfolio
// while the page's script loads and runs, rather than after the home has mounted: with 50 projects
// that waterfall (first calls → the app's code → the home → the summary) was most of the home's second.
import type { PortfolioSummary } from '../../../../electron/common/api/portfolio.js';
import { call } from '../../api/client.js';

let early: Promise<PortfolioSummary> | null = null;

/** Starts the home's first summary (at today's status date) before the page is there. */
export function prefetchHome(): void {
  early = call('portfolio.summary', {});
  // The home that takes it handles its failure; until then it is no unhandled rejection.
  early.catch(() => undefined);
  // Only the home's first mount takes it: a navigation before that drops it, so a later visit never
  // shows figures measured back then.
  window.addEventListener('hashchange', () => (early = null), { once: true });
}

/** The summary prefetched at start, once; undefined after that (the home reads its own). */
export function firstSummary(): Promise<PortfolioSummary> | undefined {
  const taken = early;
  early = null;
  return taken ?? undefined;
}
