// Draws the visible part of the Gantt on one canvas: only the rows and days in view, so 10,000 tasks
// cost what 30 do. Everything is in CSS pixels; the caller scales the context for the device.
import { isoOf, type WorkCalendar } from '../../../../electron/common/schedule/calendar.js';
import type { LinkType } from '../../../../electron/common/schedule/links-text.js';
import { xOf, type Axis, type Segment } from './timeline.js';


export interface GanttRow {
  id: number;
  summary: boolean;
  milestone: boolean;
  /** Day numbers; null when the task has no dates. */
  start: number | null;
  finish: number | null;
  progress: number;
  critical: boolean;
  /** A manual task that starts before its link allows. */
  violated: boolean;
  /** Last day it may finish without moving the project (start + float); null when not computed. */
  lateFinish: number | null;
}

export interface GanttLink {
  from: number;
  to: number;
  type: LinkType;
}

export interface Scene {
  rows: GanttRow[];
  /**
   * Heights of a row and of the date header, in CSS pixels: those of the grid beside it (its density),
   * so each bar stays level with its task's row; on paper, the normal density's.
   */
  rowH: number;
  headerH: number;
  /**
   * Where each row starts below the header, as the grid lays its rows out (a row whose wrapped text
   * makes it taller pushes the rows below it down), and after the last one the total height; absent:
   * every row rowH tall (on paper). A bar keeps rowH's band, in the middle of its row.
   */
  tops?: readonly number[];
  index: Map<number, number>;
  links: GanttLink[];
  axis: Axis;
  cal: WorkCalendar | null;
  today: number;
  statusDate: number | null;
  selected: number | null;
  /** The date header's two rows (timeline.ts headerRows), made once per axis rather than per frame. */
  header: { upper: Segment[]; lower: Segment[] };
  /** Holiday and weekend colouring of the day header. */
  font: string;
  /** Drawn over the bars and links: progress's baseline bars and progress line (progress/ganttOverlay.ts). */
  overlay?: ((ctx: CanvasRenderingContext2D, s: Scene, v: View, firstRow: number, lastRow: number) => void) | null;
}

export interface View {
  width: number;
  height: number;
  left: number;
  top: number;
  /** A bar being dragged: its row and the shifted start/finish, drawn as a ghost. */
  ghost?: { row: number; start: number; finish: number } | null;
  /** A link being drawn: from a bar's end to the pointer. */
  rubber?: { x0: number; y0: number; x1: number; y1: number } | null;
}

export const COLORS = {
  bar: '#4a86c8',
  done: '#24568f',
  critical: '#d0453b',
  criticalDone: '#8f2a23',
  summary: '#2f3a45',
  float: '#9aa5b1',
  off: '#eef1f4',
  grid: '#edf0f3',
  today: '#e8590c',
  status: '#1c7ed6',
  link: '#5c6b7a',
  selected: 'rgba(31, 111, 67, 0.10)',
  header: '#f7f8fa',
  line: '#d9dee4',
  text: '#1f2933',
  sunday: '#c92a2a',
  saturday: '#1c6dd0',
};

/** Left and right x of a task's bar (finish day included), in view coordinates. */
export function barX(s: Scene, v: View, r: GanttRow): [number, number] | null {
  if (r.start === null || r.finish === null) return null;
  return [xOf(s.axis, r.start) - v.left, xOf(s.axis, r.finish + 1) - v.left];
}

/** A row's top below the header, before scrolling. */
export const rowTop = (s: Scene, row: number) => s.tops?.[row] ?? row * s.rowH;

export const rowHeight = (s: Scene, row: number) => (s.tops && row + 1 < s.tops.length ? s.tops[row + 1]! - s.tops[row]! : s.rowH);

/** The row at `y` below the header (before scrolling); rows.length past the last one. */
export function rowAt(s: Scene, y: number): number {
  if (!s.tops) return Math.floor(y / s.rowH);
  let lo = 0;
  let hi = s.rows.length;
  // The last row whose top is at or above y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return y < 0 ? -1 : lo;
}

/** A row's top on screen. */
export const rowY = (s: Scene, v: View, row: number) => s.headerH + rowTop(s, row) - v.top;

/** The top of a task's rowH band on screen, where its bar is drawn: the middle of its row. */
export const barY = (s: Scene, v: View, row: number) => rowY(s, v, row) + Math.round((rowHeight(s, row) - s.rowH) / 2);

/** A bar's inset from its row's top and bottom: 7 px in a 28 px row, 5 in a compact 20 px one. */
export const barInset = (s: Scene) => Math.round(s.rowH / 4);

export function draw(ctx: CanvasRenderingContext2D, s: Scene, v: View): void {
  const { axis: a, rowH, headerH } = s;
  ctx.clearRect(0, 0, v.width, v.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, v.width, v.height);
  const firstDay = a.from + Math.max(0, Math.floor(v.left / a.px));
  const lastDay = Math.min(a.to, a.from + Math.ceil((v.left + v.width) / a.px));
  const firstRow = Math.max(0, rowAt(s, v.top));
  const lastRow = Math.min(s.rows.length - 1, rowAt(s, v.top + v.height - headerH));

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, headerH, v.width, v.height - headerH);
  ctx.clip();
  // Non-working days, when a day is wide enough to see.
  if (s.cal && a.px >= 3)
    for (let d = firstDay; d <= lastDay; d++)
      if (!s.cal.isWorking(d)) {
        ctx.fillStyle = COLORS.off;
        ctx.fillRect(xOf(a, d) - v.left, headerH, a.px, v.height);
      }
  // Rows: selection and separators.
  for (let r = firstRow; r <= lastRow; r++) {
    const y = rowY(s, v, r);
    const h = rowHeight(s, r);
    if (s.rows[r]!.id === s.selected) {
      ctx.fillStyle = COLORS.selected;
      ctx.fillRect(0, y, v.width, h);
    }
    ctx.fillStyle = COLORS.grid;
    ctx.fillRect(0, y + h - 1, v.width, 1);
  }
  vline(ctx, xOf(a, s.today) - v.left, headerH, v, COLORS.today, [4, 3]);
  if (s.statusDate !== null) vline(ctx, xOf(a, s.statusDate + 1) - v.left, headerH, v, COLORS.status, []);
  // Which status date was drawn, for tests to read (as the overlay's counts).
  const el = ctx.canvas as HTMLCanvasElement;
  if (el?.dataset) el.dataset.statusDate = s.statusDate === null ? '' : isoOf(s.statusDate);

  for (let r = firstRow; r <= lastRow; r++) drawTask(ctx, s, v, r);
  drawLinks(ctx, s, v, firstRow, lastRow);
  // The scene drawn, not the one the overlay was made with: on paper its rows, heights and axis differ.
  s.overlay?.(ctx, s, v, firstRow, lastRow);

  if (v.ghost) {
    const y = barY(s, v, v.ghost.row);
    ctx.strokeStyle = COLORS.text;
    ctx.setLineDash([3, 2]);
    const inset = barInset(s);
    ctx.strokeRect(xOf(a, v.ghost.start) - v.left + 0.5, y + inset - 0.5, (v.ghost.finish - v.ghost.start + 1) * a.px, rowH - 2 * inset + 1);
    ctx.setLineDash([]);
  }
  if (v.rubber) {
    ctx.strokeStyle = COLORS.link;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(v.rubber.x0, v.rubber.y0);
    ctx.lineTo(v.rubber.x1, v.rubber.y1);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.restore();
  drawHeader(ctx, s, v);
}

function vline(ctx: CanvasRenderingContext2D, x: number, top: number, v: View, color: string, dash: number[]) {
  if (x < 0 || x > v.width) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(Math.round(x) + 0.5, top);
  ctx.lineTo(Math.round(x) + 0.5, v.height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
}

function drawTask(ctx: CanvasRenderingContext2D, s: Scene, v: View, r: number) {
  const t = s.rows[r]!;
  const xs = barX(s, v, t);
  if (!xs) return;
  const [x0, x1] = xs;
  if (x1 < -20 && (t.lateFinish === null || xOf(s.axis, t.lateFinish + 1) - v.left < 0)) return;
  if (x0 > v.width + 20) return;
  const y = barY(s, v, r);
  const mid = y + s.rowH / 2;
  const inset = barInset(s);
  if (t.milestone && !t.summary) {
    const cx = x1 - s.axis.px / 2;
    ctx.fillStyle = t.critical ? COLORS.critical : COLORS.summary;
    ctx.beginPath();
    ctx.moveTo(cx, mid - 7);
    ctx.lineTo(cx + 7, mid);
    ctx.lineTo(cx, mid + 7);
    ctx.lineTo(cx - 7, mid);
    ctx.closePath();
    ctx.fill();
    return;
  }
  if (t.summary) {
    ctx.fillStyle = COLORS.summary;
    ctx.fillRect(x0, mid - 4, Math.max(1, x1 - x0), 6);
    for (const x of [x0, x1]) {
      ctx.beginPath();
      ctx.moveTo(x - 4, mid + 2);
      ctx.lineTo(x + 4, mid + 2);
      ctx.lineTo(x, mid + 7);
      ctx.closePath();
      ctx.fill();
    }
    return;
  }
  // Float: a thin line from the finish to the latest finish.
  if (t.lateFinish !== null && t.lateFinish > t.finish!) {
    ctx.fillStyle = COLORS.float;
    ctx.fillRect(x1, mid + 5, xOf(s.axis, t.lateFinish + 1) - v.left - x1, 2);
  }
  const w = Math.max(2, x1 - x0);
  ctx.fillStyle = t.critical ? COLORS.critical : COLORS.bar;
  ctx.fillRect(x0, y + inset, w, s.rowH - 2 * inset);
  if (t.progress > 0) {
    ctx.fillStyle = t.critical ? COLORS.criticalDone : COLORS.done;
    ctx.fillRect(x0, y + inset, (w * Math.min(100, t.progress)) / 100, s.rowH - 2 * inset);
  }
  if (t.violated) {
    ctx.strokeStyle = COLORS.critical;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 - 1, y + inset - 1, w + 2, s.rowH - 2 * inset + 2);
    ctx.lineWidth = 1;
  }
  // The selected task's link handle: drag it onto another bar to make that task its successor.
  if (t.id === s.selected) {
    ctx.strokeStyle = COLORS.link;
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(x0 + w + 6, mid, 3.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}

function drawLinks(ctx: CanvasRenderingContext2D, s: Scene, v: View, firstRow: number, lastRow: number) {
  const { rowH } = s;
  ctx.strokeStyle = COLORS.link;
  ctx.fillStyle = COLORS.link;
  ctx.lineWidth = 1;
  for (const l of s.links) {
    const ra = s.index.get(l.from);
    const rb = s.index.get(l.to);
    if (ra === undefined || rb === undefined) continue;
    if (Math.max(ra, rb) < firstRow || Math.min(ra, rb) > lastRow) continue;
    const a = barX(s, v, s.rows[ra]!);
    const b = barX(s, v, s.rows[rb]!);
    if (!a || !b) continue;
    const fromEnd = l.type === 'FS' || l.type === 'FF';
    const toStart = l.type === 'FS' || l.type === 'SS';
    const xa = fromEnd ? a[1] : a[0];
    const xb = toStart ? b[0] : b[1];
    if (Math.max(xa, xb) < -10 || Math.min(xa, xb) > v.width + 10) continue;
    const ya = barY(s, v, ra) + rowH / 2;
    const yb = barY(s, v, rb) + rowH / 2;
    const out = xa + (fromEnd ? 6 : -6);
    const inX = xb + (toStart ? -6 : 6);
    ctx.beginPath();
    ctx.moveTo(xa, ya);
    ctx.lineTo(out, ya);
    if ((toStart && inX >= out) || (!toStart && inX <= out)) {
      ctx.lineTo(out, yb);
      ctx.lineTo(xb, yb);
    } else {
      // Back along the line between the two rows.
      const ym = rb > ra ? rowY(s, v, rb) : rowY(s, v, ra) + rowHeight(s, ra);
      ctx.lineTo(out, ym);
      ctx.lineTo(inX, ym);
      ctx.lineTo(inX, yb);
      ctx.lineTo(xb, yb);
    }
    ctx.stroke();
    const yh = yb;
    const dir = toStart ? 1 : -1;
    ctx.beginPath();
    ctx.moveTo(xb, yh);
    ctx.lineTo(xb - dir * 5, yh - 3.5);
    ctx.lineTo(xb - dir * 5, yh + 3.5);
    ctx.closePath();
    ctx.fill();
  }
}

function drawHeader(ctx: CanvasRenderingContext2D, s: Scene, v: View) {
  const { upper, lower } = s.header;
  const { headerH } = s;
  const half = headerH / 2;
  ctx.fillStyle = COLORS.header;
  ctx.fillRect(0, 0, v.width, headerH);
  ctx.font = s.font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const segments = (list: typeof upper, y: number, centre: boolean) => {
    for (const seg of list) {
      const x = seg.x - v.left;
      if (x > v.width || x + seg.w < 0) continue;
      ctx.fillStyle = COLORS.line;
      ctx.fillRect(Math.round(x), y, 1, half);
      let color = COLORS.text;
      if (s.axis.zoom === 'day' && centre) {
        const wd = (((seg.day + 4) % 7) + 7) % 7;
        if (wd === 0 || (s.cal && !s.cal.isWorking(seg.day) && wd !== 6)) color = COLORS.sunday;
        else if (wd === 6) color = COLORS.saturday;
      }
      ctx.fillStyle = color;
      if (centre) {
        ctx.textAlign = 'center';
        if (seg.w >= 14) ctx.fillText(seg.label, x + seg.w / 2, y + half / 2 + 1);
        ctx.textAlign = 'left';
      } else {
        // Kept at the left edge while its month is in view, but pushed out by the next month rather than
        // drawn over its label (2025年5月2025年6月 when only the last days of May show).
        const tx = Math.min(Math.max(x, 0) + 4, x + seg.w - ctx.measureText(seg.label).width - 4);
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, y, seg.w, half);
        ctx.clip();
        ctx.fillText(seg.label, tx, y + half / 2 + 1);
        ctx.restore();
      }
    }
  };
  segments(upper, 0, false);
  segments(lower, half, true);
  ctx.fillStyle = COLORS.line;
  ctx.fillRect(0, half, v.width, 1);
  ctx.fillRect(0, headerH - 1, v.width, 1);
}
