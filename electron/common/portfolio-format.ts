// The portfolio's figures and their 先週差分 as shown, on the home screen and in the status report alike.
import type { FigureKey } from './api/portfolio.js';

/** Figures where a rise is good; for the others (counts, lead time) a rise is bad. */
const RISE_IS_GOOD = new Set<FigureKey>(['spi', 'cpi', 'adherence', 'progress']);
export const COUNTS = new Set<FigureKey>(['lateTasks', 'milestonesMissed', 'openIssues', 'overdueIssues', 'risksHigh', 'risksMedium', 'risksLow', 'auditFindings']);

/** A figure as shown: ratios to 2 decimals, percentages to 1, counts whole, the lead time in days to 1; '—' for none. */
export function showFigure(key: FigureKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (COUNTS.has(key)) return String(v);
  if (key === 'leadTime') return (Math.round(v * 10) / 10).toString();
  if (key === 'adherence' || key === 'recurrenceRate') return `${(v * 100).toFixed(1)}%`;
  if (key === 'progress') return `${v.toFixed(1)}%`;
  return v.toFixed(2);
}

/** 先週差分 as shown (+0.12, −5.0pt, +2) and whether it is better or worse; none when there is no close. */
export function showDiff(key: FigureKey, d: number | null | undefined): { text: string; tone: 'better' | 'worse' | 'same' } | null {
  if (d === null || d === undefined) return null;
  const sign = d < 0 ? '−' : '+';
  const a = Math.abs(d);
  // Percentages change in points.
  const text = COUNTS.has(key)
    ? `${sign}${a}`
    : key === 'leadTime'
      ? `${sign}${Math.round(a * 10) / 10}`
      : key === 'adherence' || key === 'recurrenceRate'
        ? `${sign}${(a * 100).toFixed(1)}pt`
        : key === 'progress'
          ? `${sign}${a.toFixed(1)}pt`
          : `${sign}${a.toFixed(2)}`;
  // A change too small to show at the figure's precision (−0.00) is no change.
  if (/^[+−]0(\.0+)?(pt)?$/.test(text)) return { text: '±0', tone: 'same' };
  const good = RISE_IS_GOOD.has(key) ? d > 0 : d < 0;
  return { text, tone: good ? 'better' : 'worse' };
}
