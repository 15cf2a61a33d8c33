// What the Gantt draws (renderer/src/features/gantt/draw.ts), read from the calls it makes on a recording
// 2D context: issue 13's marks each where the axis puts their day — non-working days shaded (weekends and
// a national holiday, not a working Saturday), the today line dashed, the status-date line after its
// day, critical bars in their own colour, float as a line from the finish to the latest finish, a
// milestone as a ◆, the selected row shaded, summary bars with their end marks, link arrows by link type,
// and a bar whose link is broken outlined.
import { describe, expect, it } from 'vitest';
import { COLORS, draw, type GanttRow, type Scene, type View } from '../../renderer/src/features/gantt/draw.js';
import { axisFor, headerRows, xOf } from '../../renderer/src/features/gantt/timeline.js';
import { dayOf, workCalendar } from '../../electron/common/schedule/calendar.js';

interface Call {
  op: string;
  args: number[];
  fill: string;
  stroke: string;
  dash: number[];
}

/** A 2D context that records each drawing call with the styles in effect; the path calls by their points. */
function recorder(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'alphabetic', dash: [] as number[] };
  const ctx = new Proxy(state, {
    get(target, key: string) {
      if (key in target && key !== 'dash') return target[key as keyof typeof target];
      if (key === 'canvas') return null;
      if (key === 'setLineDash') return (d: number[]) => (target.dash = d);
      if (key === 'measureText') return (t: string) => ({ width: t.length * 7 });
      return (...args: unknown[]) => calls.push({ op: key, args: args.filter((a): a is number => typeof a === 'number'), fill: target.fillStyle, stroke: target.strokeStyle, dash: target.dash });
    },
    set(target, key: string, value) {
      (target as Record<string, unknown>)[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

const row = (id: number, start: string, finish: string, more: Partial<GanttRow> = {}): GanttRow => ({
  id,
  summary: false,
  milestone: false,
  start: dayOf(start),
  finish: dayOf(finish),
  progress: 0,
  critical: false,
  violated: false,
  lateFinish: null,
  ...more,
});

function scene(rows: GanttRow[], more: Partial<Scene> = {}): Scene {
  const axis = axisFor('day', dayOf('2025-04-25'), dayOf('2025-05-20'));
  // Golden Week 2025: 4/29 昭和の日, 5/3–5/6; Saturday 5/10 worked.
  const cal = workCalendar(
    { workingWeekdays: [1, 2, 3, 4, 5], nationalHolidays: true, daysOff: [], workingDays: [{ date: '2025-05-10', name: '休日出勤' }], statusDate: null },
    { '2025-04-29': '昭和の日', '2025-05-03': '憲法記念日', '2025-05-04': 'みどりの日', '2025-05-05': 'こどもの日', '2025-05-06': '振替休日' },
  );
  return {
    rows,
    rowH: 28,
    headerH: 32,
    index: new Map(rows.map((r, i) => [r.id, i])),
    links: [],
    axis,
    cal,
    today: dayOf('2025-05-08'),
    statusDate: dayOf('2025-05-01'),
    selected: null,
    header: headerRows(axis),
    font: '12px sans-serif',
    ...more,
  };
}

const VIEW: View = { width: 2000, height: 400, left: 0, top: 0 };

describe('the Gantt drawing', () => {
  it('shades the non-working days by the project calendar, and only those', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-09')]);
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const shaded = calls.filter((c) => c.op === 'fillRect' && c.fill === COLORS.off && c.args[1] === s.headerH).map((c) => c.args[0]);
    const off = ['2025-04-26', '2025-04-27', '2025-04-29', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06', '2025-05-11', '2025-05-17', '2025-05-18'];
    for (const d of off) expect(shaded, d).toContain(xOf(s.axis, dayOf(d)));
    for (const d of ['2025-04-28', '2025-05-02', '2025-05-07', '2025-05-10', '2025-05-12']) expect(shaded, d).not.toContain(xOf(s.axis, dayOf(d)));
  });

  it('draws the today line dashed at today, and the status-date line after its day', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-09')]);
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const line = (color: string) => calls.find((c) => c.op === 'moveTo' && c.stroke === color && c.args[1] === s.headerH);
    const today = line(COLORS.today)!;
    expect(today.args[0]).toBe(Math.round(xOf(s.axis, dayOf('2025-05-08'))) + 0.5);
    expect(today.dash.length).toBeGreaterThan(0);
    const status = line(COLORS.status)!;
    expect(status.args[0]).toBe(Math.round(xOf(s.axis, dayOf('2025-05-02'))) + 0.5);
    expect(status.dash).toEqual([]);
  });

  it('fills a critical bar in the critical colour, another in the bar colour, with the float as a line to the latest finish', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-09', { critical: true }), row(2, '2025-05-12', '2025-05-13', { lateFinish: dayOf('2025-05-16') })]);
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const barAt = (day: string) => calls.find((c) => c.op === 'fillRect' && c.args[0] === xOf(s.axis, dayOf(day)) && (c.fill === COLORS.bar || c.fill === COLORS.critical));
    expect(barAt('2025-05-07')!.fill).toBe(COLORS.critical);
    expect(barAt('2025-05-07')!.args[2]).toBe(3 * s.axis.px);
    expect(barAt('2025-05-12')!.fill).toBe(COLORS.bar);
    const float = calls.find((c) => c.op === 'fillRect' && c.fill === COLORS.float)!;
    expect(float.args[0]).toBe(xOf(s.axis, dayOf('2025-05-14')));
    expect(float.args[0]! + float.args[2]!).toBe(xOf(s.axis, dayOf('2025-05-17')));
  });

  it('draws a milestone as a ◆ on its day, and shades the selected row', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-09'), row(2, '2025-05-16', '2025-05-16', { milestone: true })], { selected: 2 });
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const centre = xOf(s.axis, dayOf('2025-05-17')) - s.axis.px / 2;
    const diamond = calls.findIndex((c) => c.op === 'moveTo' && c.args[0] === centre);
    expect(diamond).toBeGreaterThan(-1);
    expect(calls.slice(diamond, diamond + 4).map((c) => c.op)).toEqual(['moveTo', 'lineTo', 'lineTo', 'lineTo']);
    const selected = calls.filter((c) => c.op === 'fillRect' && c.fill === COLORS.selected);
    expect(selected.map((c) => c.args[1])).toEqual([s.headerH + s.rowH]);
  });

  it('draws a summary as a thin bar with a mark under each end, not as a task bar', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-13', { summary: true })]);
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const [x0, x1] = [xOf(s.axis, dayOf('2025-05-07')), xOf(s.axis, dayOf('2025-05-14'))];
    const bar = calls.filter((c) => c.op === 'fillRect' && c.fill === COLORS.summary);
    expect(bar.map((c) => [c.args[0], c.args[2]])).toEqual([[x0, x1 - x0]]);
    expect(bar[0]!.args[3]).toBeLessThan(s.rowH / 2);
    expect(calls.some((c) => c.op === 'fillRect' && (c.fill === COLORS.bar || c.fill === COLORS.critical))).toBe(false);
    // The end marks: a triangle pointing down under each end.
    const marks = calls.filter((c) => c.op === 'moveTo' && c.fill === COLORS.summary).map((c) => c.args[0]! + 4);
    expect(marks).toEqual([x0, x1]);
  });

  it('draws each link type from the predecessor\'s finish (FS, FF) or start (SS, SF) to the successor\'s start (FS, SS) or finish (FF, SF), an arrowhead at the successor', () => {
    const rows = [row(1, '2025-05-07', '2025-05-08'), row(2, '2025-05-12', '2025-05-14')];
    const { axis } = scene(rows);
    const ends = { start: (r: GanttRow) => xOf(axis, r.start!), finish: (r: GanttRow) => xOf(axis, r.finish! + 1) };
    const cases = [
      ['FS', 'finish', 'start'],
      ['SS', 'start', 'start'],
      ['FF', 'finish', 'finish'],
      ['SF', 'start', 'finish'],
    ] as const;
    for (const [type, from, to] of cases) {
      const s = scene(rows, { links: [{ from: 1, to: 2, type }] });
      const { ctx, calls } = recorder();
      draw(ctx, s, VIEW);
      const drawn = calls.filter((c) => (c.op === 'moveTo' || c.op === 'lineTo') && c.stroke === COLORS.link && c.fill === COLORS.link);
      const mid = (r: number) => s.headerH + r * s.rowH + s.rowH / 2;
      // The line leaves the predecessor's end on its row and reaches the successor's on its row…
      expect(drawn[0]!.args, type).toEqual([ends[from](rows[0]!), mid(0)]);
      const arrowAt = drawn.findLastIndex((c) => c.op === 'moveTo');
      expect(drawn[arrowAt - 1]!.args, type).toEqual([ends[to](rows[1]!), mid(1)]);
      // …where the arrowhead points into it: rightwards at a start, leftwards at a finish.
      expect(drawn[arrowAt]!.args, type).toEqual([ends[to](rows[1]!), mid(1)]);
      const back = drawn[arrowAt + 1]!.args[0]! - ends[to](rows[1]!);
      expect(back, type).toBe(to === 'start' ? -5 : 5);
    }
  });

  it('outlines in the critical colour a manual task that a link into it would start later (linkViolated)', () => {
    const s = scene([row(1, '2025-05-07', '2025-05-08', { violated: true }), row(2, '2025-05-12', '2025-05-13')]);
    const { ctx, calls } = recorder();
    draw(ctx, s, VIEW);
    const outlined = calls.filter((c) => c.op === 'strokeRect' && c.stroke === COLORS.critical);
    expect(outlined.map((c) => c.args[0])).toEqual([xOf(s.axis, dayOf('2025-05-07')) - 1]);
  });
});
