// What progress adds to the Gantt: the chosen baseline's bars, thin and grey under each plan bar, and a
// progress line (イナズマ線) at a status date, over the rows and days in view. Drawn by the Gantt's
// draw() through the scene's `overlay` hook, with the Gantt's own geometry.
import { barInset, barY, rowHeight, rowY, type Scene, type View } from '../gantt/draw.js';
import { xOf } from '../gantt/timeline.js';
import { progressLine } from './progressLine.js';

export interface GanttOverlay {
  /** Task id → baseline [start, finish] day numbers. */
  baseline: Map<number, [number, number]> | null;
  /** The progress line: its status date and, for a past weekly close, each task's progress then. */
  line: { statusDay: number; progress: Map<number, number> | null; past: boolean } | null;
}

export const BASELINE_COLOR = '#d3d9e1';
const BASELINE_EDGE = '#5f6b7a';
const LINE_NOW = '#e03131';
const LINE_PAST = '#7950f2';

export function drawOverlay(ctx: CanvasRenderingContext2D, s: Scene, v: View, o: GanttOverlay, firstRow: number, lastRow: number): void {
  const a = s.axis;
  let bars = 0;
  let bends = 0;
  if (o.baseline) {
    ctx.fillStyle = BASELINE_COLOR;
    ctx.strokeStyle = BASELINE_EDGE;
    ctx.lineWidth = 1;
    const h = Math.max(3, barInset(s) - 2);
    for (let r = firstRow; r <= lastRow; r++) {
      const b = o.baseline.get(s.rows[r]!.id);
      if (!b) continue;
      const x0 = xOf(a, b[0]) - v.left;
      const x1 = xOf(a, b[1] + 1) - v.left;
      if (x1 < 0 || x0 > v.width) continue;
      // Below the plan bar (which fills the row but a quarter of its height above and below), outlined:
      // the float's thin line runs at the same height after the bar and must not read as a baseline.
      const y = barY(s, v, r) + s.rowH - barInset(s) + 1;
      const w = Math.max(2, x1 - x0);
      ctx.fillRect(x0, y, w, h);
      ctx.strokeRect(Math.round(x0) + 0.5, Math.round(y) + 0.5, Math.max(1, Math.round(w) - 1), h - 1);
      bars++;
    }
  }
  if (o.line) {
    const { statusDay, progress, past } = o.line;
    // One row above and below the view, so the line enters and leaves it at the right angle.
    const from = Math.max(0, firstRow - 1);
    const to = Math.min(s.rows.length - 1, lastRow + 1);
    const tasks = [];
    for (let r = from; r <= to; r++) {
      const row = s.rows[r]!;
      tasks.push({ row: r, start: row.start, finish: row.finish, progress: progress ? (progress.get(row.id) ?? 0) : row.progress, summary: row.summary });
    }
    const at = new Map(progressLine(tasks, statusDay).map((p) => [p.row, p.at]));
    const statusAt = statusDay + 1;
    for (const [r, p] of at) if (r >= firstRow && r <= lastRow && p !== statusAt) bends++;
    const statusX = xOf(a, statusDay + 1) - v.left;
    ctx.save();
    ctx.strokeStyle = past ? LINE_PAST : LINE_NOW;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(past ? [5, 3] : []);
    ctx.beginPath();
    ctx.moveTo(statusX, from === 0 ? s.headerH : rowY(s, v, from));
    for (let r = from; r <= to; r++) {
      const p = at.get(r);
      ctx.lineTo(p === undefined ? statusX : xOf(a, p) - v.left, barY(s, v, r) + s.rowH / 2);
    }
    // It ends at the bottom of the last row drawn: below the plan's last task there is no task to measure,
    // so on a short plan it stops there rather than running on to the chart's bottom edge.
    ctx.lineTo(statusX, rowY(s, v, to) + rowHeight(s, to));
    ctx.stroke();
    ctx.restore();
  }
  // What was drawn, for tests and the bench to read (as the Gantt keeps its row count).
  const canvas = ctx.canvas as HTMLCanvasElement;
  if (canvas.dataset) {
    canvas.dataset.baselineBars = String(bars);
    canvas.dataset.progressLine = o.line ? `${bends}` : '';
  }
}
