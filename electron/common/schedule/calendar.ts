// A project's working calendar as day arithmetic. Days are numbered from 1970-01-01 (day 0); working
// days are numbered too (their index), so "3 working days after" is an index addition and a duration is
// an index difference. Both tables cover 1970–2099 (the holiday data's range and beyond), built once
// per calendar in ~1 ms, so the scheduler does no date arithmetic in its loops.

export interface DayOff {
  /** 'MM-DD' recurs every year; 'YYYY-MM-DD' is one date. */
  from: string;
  /** Same form as `from`; a recurring range may cross New Year (12-29 → 01-03). */
  to: string;
  name: string;
}

export interface ExtraWorkingDay {
  date: string;
  name: string;
}

export interface CalendarSettings {
  /** 0 = Sunday … 6 = Saturday. */
  workingWeekdays: number[];
  /** Japanese national holidays (祝日, 振替休日, 国民の休日) are days off. */
  nationalHolidays: boolean;
  daysOff: DayOff[];
  /** Days worked although the rules above say off (a Saturday release, 休日出勤). */
  workingDays: ExtraWorkingDay[];
  /** The status date (基準日) the Gantt draws; null: none. */
  statusDate: string | null;
}

export const DEFAULT_CALENDAR: CalendarSettings = {
  workingWeekdays: [1, 2, 3, 4, 5],
  nationalHolidays: true,
  daysOff: [{ from: '12-29', to: '01-03', name: '年末年始' }],
  workingDays: [],
  statusDate: null,
};

export const FIRST_DAY = 0; // 1970-01-01
export const LAST_DAY = 47481; // 2099-12-31

const MS_PER_DAY = 86_400_000;

/** yyyy-mm-dd → day number. */
export function dayOf(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
}

/** Day number → yyyy-mm-dd. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day number → year, month (1–12) and day of month by arithmetic (H. Hinnant's civil_from_days), with no
 * Date and no string: the Gantt's header labels every day of the plan's span once per axis.
 */
export function ymdOf(day: number): { y: number; m: number; d: number } {
  const z = day + 719_468; // days since 0000-03-01, so a leap day ends its year
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Year, month (1–12), day of month → day number (days_from_civil, ymdOf's inverse). */
export function dayOfYmd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface WorkCalendar {
  /** Is this day worked? */
  isWorking(day: number): boolean;
  /** Why a day is off, for the Gantt's hover: the holiday's or the company day's name, or ''. */
  offName(day: number): string;
  /** Index of the first working day on or after `day`. */
  onOrAfter(day: number): number;
  /** Index of the last working day on or before `day`. */
  onOrBefore(day: number): number;
  /** The day of working-day index `i` (clamped to the table). */
  dayAt(i: number): number;
  /** Working days from a to b inclusive (0 when b < a). */
  workingDaysBetween(a: number, b: number): number;
}

/**
 * The calendar of `settings`, with `holidays` (yyyy-mm-dd → name: the national holidays, given by the
 * caller so that this module stays free of the data package and the renderer can use it too).
 */
export function workCalendar(settings: CalendarSettings, holidays: Readonly<Record<string, string>>): WorkCalendar {
  const n = LAST_DAY - FIRST_DAY + 1;
  const off = new Uint8Array(n); // 1 = off
  const names = new Map<number, string>();
  const weekdays = new Set(settings.workingWeekdays);
  for (let d = 0; d < n; d++) if (!weekdays.has(weekdayOf(d))) off[d] = 1;
  if (settings.nationalHolidays)
    for (const [date, name] of Object.entries(holidays)) {
      const d = dayOf(date);
      if (d >= FIRST_DAY && d <= LAST_DAY) {
        off[d] = 1;
        names.set(d, name);
      }
    }
  const markOff = (a: number, b: number, name: string) => {
    for (let d = Math.max(a, FIRST_DAY); d <= Math.min(b, LAST_DAY); d++) {
      off[d] = 1;
      if (!names.has(d)) names.set(d, name);
    }
  };
  for (const r of settings.daysOff) {
    if (r.from.length === 10) markOff(dayOf(r.from), dayOf(r.to.length === 10 ? r.to : r.from), r.name);
    else
      for (let y = 1969; y <= 2099; y++) {
        const a = dayOf(`${y}-${r.from}`);
        let b = dayOf(`${y}-${r.to}`);
        if (b < a) b = dayOf(`${y + 1}-${r.to}`);
        markOff(a, b, r.name);
      }
  }
  for (const w of settings.workingDays) {
    const d = dayOf(w.date);
    if (d >= FIRST_DAY && d <= LAST_DAY) {
      off[d] = 0;
      names.delete(d);
    }
  }
  // before[d] = working days before day d; days[i] = the day of working-day index i.
  const before = new Int32Array(n + 1);
  const days = new Int32Array(n);
  let count = 0;
  for (let d = 0; d < n; d++) {
    before[d] = count;
    if (!off[d]) days[count++] = d;
  }
  before[n] = count;
  const clampDay = (d: number) => (d < FIRST_DAY ? FIRST_DAY : d > LAST_DAY ? LAST_DAY : d);
  return {
    isWorking: (d) => d >= FIRST_DAY && d <= LAST_DAY && off[d] === 0,
    offName: (d) => names.get(d) ?? '',
    onOrAfter: (d) => before[clampDay(d)]!,
    onOrBefore: (d) => before[clampDay(d) + 1]! - 1,
    dayAt: (i) => days[i < 0 ? 0 : i >= count ? count - 1 : i]!,
    workingDaysBetween: (a, b) => (b < a ? 0 : before[clampDay(b) + 1]! - before[clampDay(a)]!),
  };
}
