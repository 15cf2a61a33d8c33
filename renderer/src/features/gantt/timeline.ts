// The Gantt's time axis: a zoom gives pixels per day, a day number (common/schedule/calendar.ts)
// maps to x, and the two header rows are cut into labelled segments (年/月 over 日, 月 over 週, 年 over
// 月, 年 over 四半期). Pure, so the drawing, the print pages and the tests share it.
import { dayOfYmd, weekdayOf, ymdOf } from '../../../../electron/common/schedule/calendar.js';
import { warekiYear } from '../../../../electron/common/wareki.js';

export const ZOOMS = ['day', 'week', 'month', 'quarter'] as const;
export type Zoom = (typeof ZOOMS)[number];

export const DAY_PX: Record<Zoom, number> = { day: 24, week: 8, month: 3, quarter: 1.2 };

export interface Axis {
  zoom: Zoom;
  /** First day drawn (day number). */
  from: number;
  /** Last day drawn. */
  to: number;
  px: number;
}

export interface Segment {
  /** Left edge, in px from the axis start. */
  x: number;
  w: number;
  readonly label: string;
  /** The first day of the segment. */
  day: number;
}

export function axisFor(zoom: Zoom, first: number, last: number): Axis {
  // A margin on each side, and whole weeks, so the header starts on a Monday in week zoom.
  let from = first - (zoom === 'day' ? 7 : zoom === 'week' ? 14 : 45);
  from -= (weekdayOf(from) + 6) % 7;
  const to = last + (zoom === 'day' ? 21 : zoom === 'week' ? 42 : 120);
  return { zoom, from, to, px: DAY_PX[zoom] };
}

export const xOf = (a: Axis, day: number) => (day - a.from) * a.px;
export const dayAtX = (a: Axis, x: number) => a.from + Math.floor(x / a.px);
export const widthOf = (a: Axis) => (a.to - a.from + 1) * a.px;

// By arithmetic, not through date strings: a long plan in day zoom labels tens of thousands of days.
const ymd = ymdOf;
const firstOfMonth = (y: number, m: number) => dayOfYmd(y, m, 1);

/**
 * A segment whose label is worded when first read: a long plan's header has tens of thousands of
 * segments (a day each, a month each through i18next), of which a frame draws the few in view.
 */
class LazySegment implements Segment {
  #label: string | undefined;
  constructor(
    readonly x: number,
    readonly w: number,
    readonly day: number,
    private readonly word: (day: number) => string,
  ) {}
  get label(): string {
    return (this.#label ??= this.word(this.day));
  }
}

/** Segments between consecutive boundaries (day numbers), within [from, to]. */
function cut(a: Axis, starts: number[], label: (day: number) => string): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = Math.max(starts[i]!, a.from);
    const e = Math.min((starts[i + 1] ?? a.to + 1) - 1, a.to);
    if (e < s) continue;
    out.push(new LazySegment(xOf(a, s), (e - s + 1) * a.px, starts[i]!, label));
  }
  return out;
}

function monthStarts(a: Axis, step: number): number[] {
  const f = ymd(a.from);
  let y = f.y;
  let m = f.m - ((f.m - 1) % step);
  const out: number[] = [];
  for (;;) {
    const d = firstOfMonth(y, m);
    if (d > a.to) break;
    out.push(d);
    m += step;
    if (m > 12) (m -= 12), y++;
  }
  return out;
}

function yearStarts(a: Axis): number[] {
  const out: number[] = [];
  for (let y = ymd(a.from).y; firstOfMonth(y, 1) <= a.to; y++) out.push(firstOfMonth(y, 1));
  return out;
}

export interface Labels {
  year(y: number): string;
  month(y: number, m: number): string;
  monthShort(m: number): string;
  quarter(q: number): string;
}

export const JA_LABELS: Labels = {
  year: (y) => `${y}年`,
  month: (y, m) => `${y}年${m}月`,
  monthShort: (m) => `${m}月`,
  quarter: (q) => `Q${q}`,
};

/** The date header's words; with 和暦 the years are eras' (令和7年4月; 2019 is 平成31年 until April). */
export function ganttLabels(t: (key: string, opts: Record<string, number>) => string, wareki: boolean): Labels {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year: (y) => (wareki ? (warekiYear(`${y}-01-01`)?.text ?? t('gantt.year', { y })) : t('gantt.year', { y })),
    month: (y, m) => (wareki ? `${warekiYear(`${y}-${pad(m)}-01`)?.text ?? t('gantt.year', { y })}${t('gantt.monthShort', { m })}` : t('gantt.month', { y, m })),
    monthShort: (m) => t('gantt.monthShort', { m }),
    quarter: (q) => t('gantt.quarter', { q }),
  };
}

/** The upper and lower header rows. */
export function headerRows(a: Axis, L: Labels = JA_LABELS): { upper: Segment[]; lower: Segment[] } {
  if (a.zoom === 'day' || a.zoom === 'week') {
    const upper = cut(a, monthStarts(a, 1), (d) => L.month(ymd(d).y, ymd(d).m));
    if (a.zoom === 'day') {
      const days: number[] = [];
      for (let d = a.from; d <= a.to; d++) days.push(d);
      return { upper, lower: cut(a, days, (d) => String(ymd(d).d)) };
    }
    const weeks: number[] = [];
    for (let d = a.from; d <= a.to; d += 7) weeks.push(d);
    return { upper, lower: cut(a, weeks, (d) => `${ymd(d).m}/${ymd(d).d}`) };
  }
  const upper = cut(a, yearStarts(a), (d) => L.year(ymd(d).y));
  if (a.zoom === 'month') return { upper, lower: cut(a, monthStarts(a, 1), (d) => L.monthShort(ymd(d).m)) };
  return { upper, lower: cut(a, monthStarts(a, 3), (d) => L.quarter(Math.floor((ymd(d).m - 1) / 3) + 1)) };
}
