// What the progress view shows, as pure functions (unit-tested without a browser): figures formatted,
// the difference from the previous weekly close (先週差分), and the rows of a WBS drill-down.
import type { CloseFigures, EvmFigures, EvmRow, WeeklyClose } from '../../../../electron/common/api/progress.js';

export const FIGURE_KEYS = ['bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac', 'etc', 'vac', 'tcpi'] as const satisfies readonly (keyof EvmFigures)[];
export type FigureKey = (typeof FIGURE_KEYS)[number];
const RATIOS = new Set<string>(['spi', 'cpi', 'tcpi']);

export const isRatio = (key: string) => RATIOS.has(key) || key === 'adherence';

/** A figure as shown: ratios to 2 decimals, person-days to 1, yen whole with separators; '—' for null. */
export function formatFigure(key: string, v: number | null | undefined, unit: 'days' | 'yen' = 'days'): string {
  if (v === null || v === undefined) return '—';
  if (key === 'adherence') return `${(v * 100).toFixed(1)}%`;
  if (key === 'progress') return `${v.toFixed(1)}%`;
  if (RATIOS.has(key)) return v.toFixed(2);
  if (unit === 'yen') return Math.round(v).toLocaleString('ja-JP');
  return (Math.round(v * 10) / 10).toLocaleString('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Signed difference as shown beside a figure: +0.12 / −3.5; '' when either side is missing. */
export function formatDelta(key: string, now: number | null | undefined, before: number | null | undefined): string {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const d = now - before;
  const text = key === 'adherence' ? `${(Math.abs(d) * 100).toFixed(1)}pt` : RATIOS.has(key) ? Math.abs(d).toFixed(2) : (Math.round(Math.abs(d) * 10) / 10).toFixed(1);
  return `${d < 0 ? '−' : '+'}${text}`;
}

/** The close before the status date (the one 先週差分 compares with); the closes come newest first. */
export function previousClose(closes: readonly WeeklyClose[], statusDate: string): WeeklyClose | null {
  return closes.find((c) => c.statusDate < statusDate) ?? null;
}

/** A figure of a close, EVM or adherence. */
export function closeFigure(f: CloseFigures, key: string): number | null {
  return (f as unknown as Record<string, number | null>)[key] ?? null;
}

/**
 * Rows of the WBS table under `nodeId` (null: the top level): the node itself first, then its direct
 * children. Rows come in tree order with parentId.
 */
export function drillRows(rows: readonly EvmRow[], nodeId: number | null): EvmRow[] {
  const node = nodeId === null ? null : rows.find((r) => r.id === nodeId) ?? null;
  const children = rows.filter((r) => (r.parentId ?? null) === nodeId);
  return node ? [node, ...children] : children;
}

/** The path from the top to `nodeId`, for the breadcrumb. */
export function drillPath(rows: readonly EvmRow[], nodeId: number | null): EvmRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: EvmRow[] = [];
  for (let id = nodeId; id !== null && id !== undefined; ) {
    const r = byId.get(id);
    if (!r) break;
    path.unshift(r);
    id = r.parentId ?? null;
  }
  return path;
}
