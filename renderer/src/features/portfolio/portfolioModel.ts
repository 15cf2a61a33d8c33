// What the portfolio home shows, as pure functions (unit-tested without a browser): each figure and its
// 先週差分 formatted and toned (better / worse), the sort and the filter of the rows, and the points of a
// sparkline over the last weekly closes.
import type { FigureKey, Light, PortfolioRow, TrendPoint } from '../../../../electron/common/api/portfolio.js';
import { COUNTS } from '../../../../electron/common/portfolio-format.js';

export { showDiff, showFigure } from '../../../../electron/common/portfolio-format.js';

const SEVERITY: Record<Light, number> = { red: 2, yellow: 1, green: 0 };

export type SortKey = 'light' | 'name' | 'statusDate' | 'nextMilestone' | FigureKey;
export interface Sort {
  key: SortKey;
  desc: boolean;
}

/** The value a row sorts by; null (no figure) always sorts last. */
function sortValue(r: PortfolioRow, key: SortKey): number | string | null {
  if (key === 'light') return SEVERITY[r.light];
  if (key === 'name') return r.name;
  if (key === 'statusDate') return r.statusDate;
  if (key === 'nextMilestone') return r.nextMilestone?.date ?? null;
  return r.figures[key];
}

/** Rows in the order asked; ties by name, so the order is stable whatever the direction. */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const byName = (a: PortfolioRow, b: PortfolioRow) => a.name.localeCompare(b.name, 'ja') || a.projectId - b.projectId;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string, 'ja') : x - (y as number);
    return (sort.desc ? -c : c) || byName(a, b);
  });
}

/** The first click on a column sorts the worst first where that means something (light, counts), else ascending. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, desc: !current.desc };
  const worstFirstDesc = key === 'light' || key === 'leadTime' || COUNTS.has(key as FigureKey);
  return { key, desc: worstFirstDesc };
}

export interface Filter {
  /** Part of the name or code (full-width and case folded). */
  text: string;
  /** Only these lights; empty: all. */
  lights: readonly Light[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function filterRows(rows: readonly PortfolioRow[], f: Filter): PortfolioRow[] {
  const q = fold(f.text.trim());
  return rows.filter((r) => (f.lights.length === 0 || f.lights.includes(r.light)) && (q === '' || fold(`${r.name} ${r.code}`).includes(q)));
}

export function lightCounts(rows: readonly PortfolioRow[]): Record<Light, number> {
  const c: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) c[r.light]++;
  return c;
}

/**
 * A sparkline's polyline points in a width × height box: one point per close that kept the figure, evenly
 * spaced by position among the closes, scaled to the figure's own range (a flat line in the middle when
 * it never changed). Null when fewer than two closes kept it.
 */
export function sparkPoints(trend: readonly TrendPoint[], key: FigureKey, width: number, height: number, pad = 2): string | null {
  const pts = trend.map((p, i) => [i, p[key]] as const).filter((p): p is readonly [number, number] => typeof p[1] === 'number');
  if (pts.length < 2) return null;
  const vs = pts.map(([, v]) => v);
  const min = Math.min(...vs);
  const max = Math.max(...vs);
  const n = trend.length - 1;
  const x = (i: number) => pad + ((width - 2 * pad) * i) / n;
  const y = (v: number) => (max === min ? height / 2 : pad + (height - 2 * pad) * (1 - (v - min) / (max - min)));
  return pts.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}
