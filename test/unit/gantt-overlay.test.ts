// The progress line (イナズマ線) as the Gantt's overlay draws it: on a plan shorter than the chart, it
// stops at the bottom of the last task's row instead of running on to the chart's bottom edge.
import { describe, expect, it } from 'vitest';
import { drawOverlay } from '../../renderer/src/features/progress/ganttOverlay.js';
import type { GanttRow, Scene, View } from '../../renderer/src/features/gantt/draw.js';
import { axisFor } from '../../renderer/src/features/gantt/timeline.js';

/** A 2D context that records the path's points (all drawOverlay calls on a progress line). */
function recorder() {
  const points: [number, number][] = [];
  const noop = () => {};
  const ctx = {
    canvas: {},
    save: noop,
    restore: noop,
    setLineDash: noop,
    beginPath: () => points.splice(0),
    moveTo: (x: number, y: number) => points.push([x, y]),
    lineTo: (x: number, y: number) => points.push([x, y]),
    stroke: noop,
    fillRect: noop,
    strokeRect: noop,
  } as unknown as CanvasRenderingContext2D;
  return { ctx, points };
}

const row = (id: number, start: number, finish: number, progress: number): GanttRow => ({
  id,
  summary: false,
  milestone: false,
  start,
  finish,
  progress,
  critical: false,
  violated: false,
  lateFinish: null,
});

function scene(rows: GanttRow[], tops?: number[]): Scene {
  return {
    rows,
    rowH: 28,
    headerH: 32,
    tops,
    index: new Map(rows.map((r, i) => [r.id, i])),
    links: [],
    axis: axisFor('day', 20_000, 20_030),
    cal: null,
    today: 20_010,
    statusDate: 20_010,
    selected: null,
    header: { upper: [], lower: [] },
    font: '12px sans-serif',
  };
}

describe('Gantt overlay: progress line', () => {
  // Three tasks in a chart 600 px tall: the rows end at 32 + 3 × 28 = 116 px.
  const rows = [row(1, 20_000, 20_005, 100), row(2, 20_005, 20_015, 20), row(3, 20_012, 20_020, 0)];
  const view: View = { width: 800, height: 600, left: 0, top: 0 };

  it('stops at the bottom of the last row on a short plan, not at the chart\'s bottom edge', () => {
    const { ctx, points } = recorder();
    drawOverlay(ctx, scene(rows), view, { baseline: null, line: { statusDay: 20_010, progress: null, past: false } }, 0, 2);
    expect(points.length).toBe(5);
    // Starts under the header, one point per row at its middle, ends at the last row's bottom.
    expect(points[0]![1]).toBe(32);
    expect(points.slice(1, 4).map((p) => p[1])).toEqual([46, 74, 102]);
    expect(points[4]![1]).toBe(116);
    expect(Math.max(...points.map((p) => p[1]))).toBe(116);
    // The task behind its schedule bends the line left of the status date; the line ends at it.
    expect(points[2]![0]).toBeLessThan(points[4]![0]);
  });

  it('ends at the last row\'s bottom where rows are laid out taller than rowH (wrapped text)', () => {
    const { ctx, points } = recorder();
    drawOverlay(ctx, scene(rows, [0, 28, 70, 98]), view, { baseline: null, line: { statusDay: 20_010, progress: null, past: false } }, 0, 2);
    expect(points.at(-1)![1]).toBe(32 + 98);
  });

  it('runs on past the view where more rows follow below it', () => {
    const many = Array.from({ length: 40 }, (_, i) => row(i + 1, 20_000, 20_020, 50));
    const { ctx, points } = recorder();
    // Rows 0–19 in view: the line is drawn through row 20 (one below) and ends at its bottom.
    drawOverlay(ctx, scene(many), view, { baseline: null, line: { statusDay: 20_010, progress: null, past: false } }, 0, 19);
    expect(points.at(-1)![1]).toBe(32 + 21 * 28);
  });
});
