// The Gantt's paper layout (features/gantt/print.ts): a long task name wrapped in its column, rows of
// their own heights cut into page bands, and the overlay drawn with the paper's scene.
import { describe, expect, it } from 'vitest';
import { printBands, wrapText } from '../../renderer/src/features/gantt/print.js';
import { draw, type GanttRow, type Scene } from '../../renderer/src/features/gantt/draw.js';
import { axisFor, headerRows } from '../../renderer/src/features/gantt/timeline.js';

/** Every character 10 px wide. */
const measure = (s: string) => [...s].length * 10;

describe('wrapText', () => {
  it('breaks Japanese anywhere, as many characters to a line as fit', () => {
    expect(wrapText('基本設計の方式を決め承認を得る', 50, measure)).toEqual(['基本設計の', '方式を決め', '承認を得る']);
  });

  it('keeps English words whole, breaking after a space, and a word longer than the line anywhere', () => {
    expect(wrapText('Review the requirements', 100, measure)).toEqual(['Review the', 'requiremen', 'ts']);
    expect(wrapText('Review the spec', 100, measure)).toEqual(['Review the', 'spec']);
  });

  it('gives a short or empty name one line, and folds its runs of spaces', () => {
    expect(wrapText('設計', 100, measure)).toEqual(['設計']);
    expect(wrapText('', 100, measure)).toEqual(['']);
    expect(wrapText(' 設計\n  レビュー ', 100, measure)).toEqual(['設計 レビュー']);
  });
});

describe('printBands', () => {
  it('lays rows out one under another and starts a page where the next row no longer fits', () => {
    expect(printBands([28, 28, 60, 28], 100)).toEqual({ tops: [0, 28, 56, 116, 144], bands: [[0, 2], [2, 4]] });
  });

  it('gives a row taller than a page a page of its own', () => {
    expect(printBands([28, 500, 28], 100).bands).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('makes one empty band of no rows', () => {
    expect(printBands([], 100)).toEqual({ tops: [0], bands: [[0, 0]] });
  });
});

describe('draw', () => {
  it('hands its overlay (baseline bars, progress line) the scene it draws, so on paper they follow the paper’s rows and axis', () => {
    const row = (id: number): GanttRow => ({ id, summary: false, milestone: false, start: 100, finish: 104, progress: 0, critical: false, violated: false, lateFinish: null });
    const axis = axisFor('day', 100, 120);
    const seen: Scene[] = [];
    const screen: Scene = {
      rows: [row(1), row(2)],
      rowH: 20,
      headerH: 24,
      index: new Map([[1, 0], [2, 1]]),
      links: [],
      axis,
      cal: null,
      today: 110,
      statusDate: null,
      selected: null,
      header: headerRows(axis),
      font: '12px sans-serif',
      overlay: (_ctx, s) => void seen.push(s),
    };
    // A canvas context that draws nothing: draw() is plain arithmetic around its calls.
    const ctx = new Proxy({ canvas: {} } as Record<string | symbol, unknown>, {
      get: (t, k) => (k in t ? t[k] : k === 'measureText' ? () => ({ width: 10 }) : () => undefined),
      set: () => true,
    }) as unknown as CanvasRenderingContext2D;
    const paper: Scene = { ...screen, rowH: 28, headerH: 32, tops: [0, 28, 84] };
    draw(ctx, paper, { width: 400, height: 200, left: 0, top: 0 });
    expect(seen).toEqual([paper]);
  });
});
