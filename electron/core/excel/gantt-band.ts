// The gantt band of PMO Desk's own WBS export, drawn as Japanese ガントチャート workbooks are: one column
// per day (per week when the plan is longer than half a year) right of the table, a task's days as
// filled cells (critical ones red, summaries dark), a milestone as ◆, non-working days shaded, today
// as a red left border. Its labels (年月 over 日 or 週) sit in the two rows above the header row, so
// the header row itself names only the table's columns and the file imports back as it did.
import { dayOf, isoOf, type WorkCalendar } from '../../common/schedule/calendar.js';
import type { BandCell, BandStyle, ExtraBand } from './register-layout.js';

/**
 * The band's rows, read by index: dates as day numbers (calendar.ts dayOf), null when not set. An
 * accessor, not an object per row: the export answers them from the schedule's arrays (100,000 rows).
 */
export interface BandRows {
  readonly length: number;
  start(i: number): number | null;
  finish(i: number): number | null;
  milestone(i: number): boolean;
  summary(i: number): boolean;
  critical(i: number): boolean;
}

export interface BandInput {
  /** 0-based first column of the band. */
  firstCol: number;
  rows: BandRows;
  cal: WorkCalendar;
  today: string;
  language: 'ja' | 'en';
}

const BAR = 'FF4A86C8';
const CRITICAL = 'FFD0453B';
const SUMMARY = 'FF2F3A45';
const OFF = 'FFEEF1F4';
const FONT = 'Meiryo';
const LINE = 'FFD9DEE4';
const TODAY = 'FFE8590C';
/** A row with no dates (its span's start and finish). */
const NONE = -2147483648;
/** A row's flags. */
const MILESTONE = 1;
const SUMMARY_ROW = 2;
const CRITICAL_ROW = 4;

/**
 * The band as columns and cells right of the table (the register writer writes them with its rows);
 * null when no task has dates.
 */
export function ganttBand(input: BandInput): (ExtraBand & { unit: 'day' | 'week' }) | null {
  const { rows } = input;
  // Each row's span, start to finish (either alone when the other is not set); NONE when neither is.
  const spanS = new Int32Array(rows.length);
  const spanF = new Int32Array(rows.length);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const s0 = rows.start(i);
    const f0 = rows.finish(i);
    spanS[i] = s0 ?? f0 ?? NONE;
    spanF[i] = f0 ?? s0 ?? NONE;
    if (s0 !== null) {
      if (s0 < first) first = s0;
      if (s0 > last) last = s0;
    }
    if (f0 !== null) {
      if (f0 < first) first = f0;
      if (f0 > last) last = f0;
    }
  }
  if (first === Infinity) return null;
  const unit = last - first <= 183 ? 'day' : 'week';
  const step = unit === 'day' ? 1 : 7;
  const from = unit === 'day' ? first : first - ((((first + 4) % 7) + 6) % 7); // weeks start on Monday
  const columns = Math.floor((last - from) / step) + 1;
  const today = dayOf(input.today);
  const days = Array.from({ length: columns }, (_, k) => from + k * step);
  const off = days.map((d0) => unit === 'day' && !input.cal.isWorking(d0));
  const isToday = days.map((d0) => today >= d0 && today < d0 + step);
  const upper = new Map<number, BandCell>();
  const lower = new Map<number, BandCell>();
  let month = '';
  days.forEach((d0, k) => {
    const iso = isoOf(d0);
    const ym = iso.slice(0, 7);
    if (ym !== month) {
      month = ym;
      const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
      upper.set(k, { value: input.language === 'ja' ? `${y}年${m}月` : `${m}/${y}`, style: { font: { name: FONT, size: 9, bold: true } } });
    }
    lower.set(k, {
      value: unit === 'day' ? Number(iso.slice(8, 10)) : `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`,
      style: { font: { name: FONT, size: 8, color: off[k] ? 'FFC92A2A' : 'FF1F2933' }, h: 'center', bottom: LINE },
    });
  });
  // Each column's few styles are made once: the writer keeps its cell formats by these objects.
  const styles = days.map((_, k): ColumnStyles => {
    const base: BandStyle = { bottom: LINE, ...(isToday[k] ? { left: TODAY } : {}), ...(off[k] ? { fill: OFF } : {}) };
    const bar = (fill: string): BandCell => ({ style: { ...base, fill } });
    const ms = (color: string): BandStyle => ({ ...base, font: { name: FONT, size: 9, color }, h: 'center' });
    return { empty: { style: base } as BandCell, bar: bar(BAR), critical: bar(CRITICAL), summary: bar(SUMMARY), ms: ms(SUMMARY), msCritical: ms(CRITICAL) };
  });
  const flags = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) flags[i] = (rows.milestone(i) ? MILESTONE : 0) | (rows.summary(i) ? SUMMARY_ROW : 0) | (rows.critical(i) ? CRITICAL_ROW : 0);
  return new GanttBandCells(input.firstCol, unit, from, step, days, off, styles, spanS, spanF, flags, upper, lower);
}

type ColumnStyles = { empty: BandCell; bar: BandCell; critical: BandCell; summary: BandCell; ms: BandStyle; msCritical: BandStyle };

/**
 * The band's cells, answered from arrays by methods of a class, not closures made per export: the
 * writer's row loop calls them 10,000s of times, and a new closure per export deoptimized the compiled
 * loop of the export before (the second export of a process paid its compile again).
 */
class GanttBandCells implements ExtraBand {
  readonly widths: number[];
  readonly labels: [Map<number, BandCell>, Map<number, BandCell>];
  readonly empty: BandCell[];
  private readonly columns: number;

  constructor(
    readonly firstCol: number,
    readonly unit: 'day' | 'week',
    private readonly from: number,
    private readonly step: number,
    private readonly days: number[],
    private readonly off: boolean[],
    private readonly styles: ColumnStyles[],
    /** Each row's span, start to finish (either alone when the other is not set); NONE when neither is. */
    private readonly spanS: Int32Array,
    private readonly spanF: Int32Array,
    /** MILESTONE | SUMMARY_ROW | CRITICAL_ROW by row. */
    private readonly flags: Uint8Array,
    upper: Map<number, BandCell>,
    lower: Map<number, BandCell>,
  ) {
    this.columns = days.length;
    this.widths = days.map(() => (unit === 'day' ? 3.2 : 5.5));
    this.labels = [upper, lower];
    this.empty = styles.map((st) => st.empty);
  }

  /** The column of a day, within the band. */
  private col(day: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor((day - this.from) / this.step)));
  }

  // The columns a row's bar or ◆ may touch (cell() decides each): its start's to its finish's (the finish's
  // alone for a milestone), within the band.
  marked(i: number): [number, number] | null {
    const s0 = this.spanS[i]!;
    const f0 = this.spanF[i]!;
    if (s0 === NONE) return null;
    if ((this.flags[i]! & (MILESTONE | SUMMARY_ROW)) === MILESTONE) return [this.col(f0), this.col(f0)];
    return [this.col(Math.min(s0, f0)), this.col(Math.max(s0, f0))];
  }

  cell(i: number, k: number): BandCell {
    const d0 = this.days[k]!;
    const st = this.styles[k]!;
    const s0 = this.spanS[i]!;
    const f0 = this.spanF[i]!;
    if (s0 === NONE) return st.empty;
    const flags = this.flags[i]!;
    const summary = (flags & SUMMARY_ROW) !== 0;
    const critical = (flags & CRITICAL_ROW) !== 0;
    if ((flags & MILESTONE) !== 0 && !summary) {
      if (f0 >= d0 && f0 < d0 + this.step) return { value: '◆', style: critical ? st.msCritical : st.ms };
      return st.empty;
    }
    if (f0 < d0 || s0 >= d0 + this.step) return st.empty;
    if (this.unit === 'day' && this.off[k] && !summary) return st.empty;
    return summary ? st.summary : critical ? st.critical : st.bar;
  }
}
