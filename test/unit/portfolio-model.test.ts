// The portfolio home's rules without a browser: figures and 先週差分 as shown and toned, sorting (worst
// first, nulls last, ties by name), filtering, and sparkline points.
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../electron/common/api/portfolio.js';
import { filterRows, nextSort, showDiff, showFigure, sortRows, sparkPoints } from '../../renderer/src/features/portfolio/portfolioModel.js';

const row = (projectId: number, name: string, light: PortfolioRow['light'], spi: number | null, code = ''): PortfolioRow =>
  ({ projectId, name, code, light, statusDate: '2025-06-13', nextMilestone: null, figures: { spi, lateTasks: projectId } }) as unknown as PortfolioRow;

describe('figures and 先週差分 as shown', () => {
  it('formats each kind of figure', () => {
    expect(showFigure('spi', 0.4666)).toBe('0.47');
    expect(showFigure('adherence', 0.5)).toBe('50.0%');
    expect(showFigure('progress', 20)).toBe('20.0%');
    expect(showFigure('lateTasks', 3)).toBe('3');
    expect(showFigure('leadTime', 2.5)).toBe('2.5');
    expect(showFigure('cpi', null)).toBe('—');
  });

  it('tones a change by whether it is better: ratios up, counts and lead time down', () => {
    expect(showDiff('spi', -0.12)).toEqual({ text: '−0.12', tone: 'worse' });
    expect(showDiff('adherence', 0.05)).toEqual({ text: '+5.0pt', tone: 'better' });
    expect(showDiff('progress', 7.2)).toEqual({ text: '+7.2pt', tone: 'better' });
    expect(showDiff('overdueIssues', 2)).toEqual({ text: '+2', tone: 'worse' });
    expect(showDiff('leadTime', -1.5)).toEqual({ text: '−1.5', tone: 'better' });
    expect(showDiff('lateTasks', 0)).toEqual({ text: '±0', tone: 'same' });
    // Too small to show at the figure's precision: no change.
    expect(showDiff('cpi', -0.001)).toEqual({ text: '±0', tone: 'same' });
    expect(showDiff('spi', null)).toBeNull();
  });
});

describe('sorting and filtering', () => {
  const rows = [row(1, 'Beta', 'green', 1.02, 'B'), row(2, 'Alpha', 'red', 0.7, 'A'), row(3, 'Gamma', 'yellow', null, 'G'), row(4, 'Delta', 'red', 0.9)];

  it('sorts worst light first, ties by name; a figure null sorts last either way', () => {
    expect(sortRows(rows, { key: 'light', desc: true }).map((r) => r.name)).toEqual(['Alpha', 'Delta', 'Gamma', 'Beta']);
    expect(sortRows(rows, { key: 'spi', desc: false }).map((r) => r.name)).toEqual(['Alpha', 'Delta', 'Beta', 'Gamma']);
    expect(sortRows(rows, { key: 'spi', desc: true }).map((r) => r.name)).toEqual(['Beta', 'Delta', 'Alpha', 'Gamma']);
    expect(nextSort({ key: 'light', desc: true }, 'light')).toEqual({ key: 'light', desc: false });
    expect(nextSort({ key: 'light', desc: true }, 'overdueIssues')).toEqual({ key: 'overdueIssues', desc: true });
    expect(nextSort({ key: 'light', desc: true }, 'spi')).toEqual({ key: 'spi', desc: false });
  });

  it('filters by lights and by part of the name or code, full-width folded', () => {
    expect(filterRows(rows, { text: '', lights: ['red'] }).map((r) => r.name)).toEqual(['Alpha', 'Delta']);
    expect(filterRows(rows, { text: 'ｇ', lights: [] }).map((r) => r.name)).toEqual(['Gamma']);
    expect(filterRows(rows, { text: 'a', lights: ['green'] }).map((r) => r.name)).toEqual(['Beta']);
  });
});

describe('sparkline', () => {
  it('spaces the closes evenly and scales to the figure’s range; skips closes that did not keep it', () => {
    const trend = [
      { statusDate: '2025-05-30', spi: 1 },
      { statusDate: '2025-06-06' },
      { statusDate: '2025-06-13', spi: 0.5 },
    ];
    expect(sparkPoints(trend, 'spi', 42, 12, 1)).toBe('1.0,1.0 41.0,11.0');
    expect(sparkPoints([{ statusDate: 'x', spi: 1 }, { statusDate: 'y', spi: 1 }], 'spi', 10, 10, 0)).toBe('0.0,5.0 10.0,5.0');
    expect(sparkPoints(trend.slice(0, 2), 'spi', 42, 12)).toBeNull();
  });
});
