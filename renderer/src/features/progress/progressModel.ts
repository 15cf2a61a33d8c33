// What the progress view shows, as pure functions (unit-tested without a browser): figures formatted,
// the difference from the previous weekly close (先週差分), and the rows of a WBS drill-down.
import type { BaselineComparison, CloseFigures, EvmFigures, EvmRow, FieldDiff, WeeklyClose } from '../../../../electron/common/api/progress.js';
import { formatDate } from '../../../../electron/common/dates.js';

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

export type CompareKind = 'added' | 'removed' | 'moved' | 'changed';

/** One task of a baseline comparison as the compare view lists it: what happened to it, in one line. */
export interface CompareLine {
  id: number;
  code: string;
  name: string;
  /** Moved and changed at once is one line with both. */
  kinds: CompareKind[];
  changes: FieldDiff[];
  finishSlip: number | null;
}

/**
 * The comparison as one list: the tasks that slipped first, most working days first (what a PMO asks
 * about), then the others in WBS order (numerically: 1.10 after 1.9).
 */
export function compareLines(c: Pick<BaselineComparison, 'added' | 'removed' | 'moved' | 'changed'>): CompareLine[] {
  const byId = new Map<number, CompareLine>();
  for (const kind of ['added', 'removed', 'moved', 'changed'] as const)
    for (const t of c[kind]) {
      const line = byId.get(t.id) ?? { id: t.id, code: t.code, name: t.name, kinds: [], changes: [], finishSlip: t.finishSlip };
      line.kinds.push(kind);
      if (kind === 'changed') line.changes = t.changes;
      byId.set(t.id, line);
    }
  const slip = (l: CompareLine) => (l.finishSlip !== null && l.finishSlip > 0 ? l.finishSlip : 0);
  const code = (l: CompareLine) => l.code.split('.').map(Number);
  return [...byId.values()].sort((a, b) => {
    if (slip(a) !== slip(b)) return slip(b) - slip(a);
    const [x, y] = [code(a), code(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });
}

const DATE_FIELDS = new Set(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);

/**
 * A compared field's value as the compare view shows it: dates yyyy/mm/dd, progress with %, a milestone
 * as ◆, a status by `statusLabel`, nothing as —.
 */
export function compareValue(field: string, v: unknown, statusLabel: (code: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (DATE_FIELDS.has(field)) return formatDate(String(v));
  if (field === 'progress') return `${String(v)}%`;
  if (field === 'milestone') return v ? '◆' : '—';
  if (field === 'status') return statusLabel(String(v));
  return String(v);
}

/** Working days of a finish slip as the grid and the compare view show it: +5 later, -2 earlier, 0; '' without a finish on a side. */
export function formatSlip(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  return days > 0 ? `+${days}` : String(days);
}
