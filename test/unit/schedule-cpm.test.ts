// The scheduler against networks computed by hand on the Japanese calendar (Mon–Fri, national
// holidays, 年末年始 12/29–1/3), and the working calendar itself.
import { describe, expect, it } from 'vitest';
import { computeCpm, CycleError, NO_DATE, FS, SS, FF, SF } from '../../electron/core/schedule/cpm.js';
import { DEFAULT_CALENDAR, dayOf, isoOf, workCalendar, type CalendarSettings } from '../../electron/common/schedule/calendar.js';
import { nationalHolidays } from '../../electron/core/schedule/holidays.js';

const cal = workCalendar(DEFAULT_CALENDAR, nationalHolidays());
const TYPES = { FS, SS, FF, SF } as const;

interface T {
  name: string;
  d: number;
  parent?: string;
  /** Manual dates (yyyy-mm-dd), else automatic. */
  manual?: [string, string];
}
type L = [string, string, keyof typeof TYPES, number?];

/** Runs the network; answers name → [early start, early finish, late start, late finish, float, violated]. */
function schedule(tasks: T[], links: L[], start: string) {
  const n = tasks.length;
  const idx = new Map(tasks.map((t, i) => [t.name, i]));
  const manual = new Uint8Array(n);
  const s = new Int32Array(n).fill(NO_DATE);
  const f = new Int32Array(n);
  tasks.forEach((t, i) => {
    if (t.manual) {
      manual[i] = 1;
      s[i] = cal.onOrAfter(dayOf(t.manual[0]));
      f[i] = cal.onOrBefore(dayOf(t.manual[1])) + 1;
    }
  });
  const r = computeCpm({
    n,
    parent: Int32Array.from(tasks.map((t) => (t.parent ? idx.get(t.parent)! : -1))),
    manual,
    duration: Int32Array.from(tasks.map((t) => t.d)),
    start: s,
    finish: f,
    projectStart: cal.onOrAfter(dayOf(start)),
    m: links.length,
    pred: Int32Array.from(links.map((l) => idx.get(l[0])!)),
    succ: Int32Array.from(links.map((l) => idx.get(l[1])!)),
    type: Uint8Array.from(links.map((l) => TYPES[l[2]])),
    lag: Int32Array.from(links.map((l) => l[3] ?? 0)),
  });
  const date = (i: number) => isoOf(cal.dayAt(i));
  return Object.fromEntries(
    tasks.map((t, i) => [
      t.name,
      {
        start: date(r.es[i]!),
        finish: date(r.ef[i]! - 1),
        lateStart: date(r.ls[i]!),
        lateFinish: date(r.lf[i]! - 1),
        float: r.lf[i]! - r.ef[i]!,
        violated: r.violated[i] === 1,
      },
    ]),
  );
}

describe('working calendar', () => {
  it('knows weekends, national holidays (振替休日 too), 年末年始 and extra working days', () => {
    expect(cal.isWorking(dayOf('2025-04-01'))).toBe(true); // Tuesday
    expect(cal.isWorking(dayOf('2025-04-05'))).toBe(false); // Saturday
    expect(cal.isWorking(dayOf('2025-04-29'))).toBe(false); // 昭和の日
    expect(cal.offName(dayOf('2025-05-06'))).toBe('こどもの日 振替休日'); // substitute holiday for 5/4
    expect(cal.isWorking(dayOf('2025-12-29'))).toBe(false); // Monday, 年末年始
    expect(cal.offName(dayOf('2025-12-30'))).toBe('年末年始');
    expect(cal.isWorking(dayOf('2026-01-05'))).toBe(true);
    const custom: CalendarSettings = {
      ...DEFAULT_CALENDAR,
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      daysOff: [...DEFAULT_CALENDAR.daysOff, { from: '2025-08-13', to: '2025-08-15', name: '夏季休暇' }, { from: '06-01', to: '06-01', name: '創立記念日' }],
      workingDays: [{ date: '2025-04-29', name: '出勤日' }],
    };
    const c = workCalendar(custom, nationalHolidays());
    expect(c.isWorking(dayOf('2025-04-05'))).toBe(true); // Saturdays worked
    expect(c.isWorking(dayOf('2025-04-29'))).toBe(true); // holiday made a working day
    expect(c.isWorking(dayOf('2025-08-14'))).toBe(false);
    expect(c.offName(dayOf('2026-06-01'))).toBe('創立記念日'); // recurs every year
    expect(c.workingDaysBetween(dayOf('2025-08-11'), dayOf('2025-08-16'))).toBe(2); // 8/12 and Saturday 8/16 (8/11 山の日, 13–15 off)
  });
});

describe('critical path method', () => {
  it('schedules the four link types with lags (hand-computed, April 2025)', () => {
    const r = schedule(
      [
        { name: 'A', d: 3 },
        { name: 'B', d: 2 },
        { name: 'C', d: 1 },
        { name: 'D', d: 3 },
        { name: 'E', d: 2 },
      ],
      [
        ['A', 'B', 'FS', 2], // A ends Thu 4/3; two working days later: Tue 4/8
        ['B', 'C', 'SS', -1], // one working day before B starts: Mon 4/7
        ['A', 'D', 'FF', 1], // finishes a working day after A: Fri 4/4, so starts Wed 4/2
        ['B', 'E', 'SF', 0], // finishes by B's start: ends Mon 4/7, starts Fri 4/4
      ],
      '2025-04-01',
    );
    expect([r.A!.start, r.A!.finish]).toEqual(['2025-04-01', '2025-04-03']);
    expect([r.B!.start, r.B!.finish]).toEqual(['2025-04-08', '2025-04-09']);
    expect([r.C!.start, r.C!.finish]).toEqual(['2025-04-07', '2025-04-07']);
    expect([r.D!.start, r.D!.finish]).toEqual(['2025-04-02', '2025-04-04']);
    expect([r.E!.start, r.E!.finish]).toEqual(['2025-04-04', '2025-04-07']);
  });

  it('skips Golden Week and 年末年始 across the year boundary', () => {
    const gw = schedule(
      [
        { name: 'A', d: 3 },
        { name: 'B', d: 2 },
      ],
      [['A', 'B', 'FS']],
      '2025-04-28',
    );
    expect([gw.A!.start, gw.A!.finish]).toEqual(['2025-04-28', '2025-05-01']); // 4/29 off
    expect([gw.B!.start, gw.B!.finish]).toEqual(['2025-05-02', '2025-05-07']); // 5/3–5/6 off
    const ny = schedule(
      [
        { name: 'A', d: 3 },
        { name: 'B', d: 1 },
        { name: 'C', d: 4 },
      ],
      [
        ['A', 'B', 'FS', 1],
        ['B', 'C', 'FS'],
      ],
      '2025-12-25',
    );
    expect([ny.A!.start, ny.A!.finish]).toEqual(['2025-12-25', '2026-01-05']); // 12/25, 12/26, 1/5
    expect(ny.B!.start).toBe('2026-01-07'); // lag 1: 1/6 skipped
    expect([ny.C!.start, ny.C!.finish]).toEqual(['2026-01-08', '2026-01-14']); // 1/12 成人の日
  });

  it('finds the critical path and float of a textbook network', () => {
    // A3 → B4, A → C2 → D4, B and D → E3: A–C–D–E is 12 days, B has 2 days of float.
    const r = schedule(
      [
        { name: 'A', d: 3 },
        { name: 'B', d: 4 },
        { name: 'C', d: 2 },
        { name: 'D', d: 4 },
        { name: 'E', d: 3 },
      ],
      [
        ['A', 'B', 'FS'],
        ['A', 'C', 'FS'],
        ['C', 'D', 'FS'],
        ['B', 'E', 'FS'],
        ['D', 'E', 'FS'],
      ],
      '2025-06-02',
    );
    expect(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.float]))).toEqual({ A: 0, B: 2, C: 0, D: 0, E: 0 });
    expect([r.E!.start, r.E!.finish]).toEqual(['2025-06-13', '2025-06-17']); // day 10–12 of the project
    expect([r.B!.lateStart, r.B!.lateFinish]).toEqual(['2025-06-09', '2025-06-12']);
  });

  it('holds a phase back by links into it, waits for all of it, and marks a manual task that breaks a link', () => {
    const r = schedule(
      [
        { name: 'Req', d: 2 },
        { name: 'Phase', d: 0 },
        { name: 'X', d: 2, parent: 'Phase' },
        { name: 'Y', d: 3, parent: 'Phase' },
        { name: 'Next', d: 1 },
        { name: 'Manual', d: 0, manual: ['2025-04-02', '2025-04-02'] },
      ],
      [
        ['Req', 'Phase', 'FS'],
        ['X', 'Y', 'FS'],
        ['Phase', 'Next', 'FS'],
        ['Req', 'Manual', 'FS'],
      ],
      '2025-04-01',
    );
    expect(r.X!.start).toBe('2025-04-03'); // after Req (4/1–4/2) through the phase
    expect([r.Phase!.start, r.Phase!.finish]).toEqual(['2025-04-03', '2025-04-09']);
    expect(r.Next!.start).toBe('2025-04-10');
    expect(r.Manual!.violated).toBe(true);
    expect(r.Next!.violated).toBe(false);
  });

  it('refuses cycles, also through a summary, naming the tasks', () => {
    const cycle = (tasks: T[], links: L[]) => {
      try {
        schedule(tasks, links, '2025-04-01');
      } catch (e) {
        expect(e).toBeInstanceOf(CycleError);
        return (e as CycleError).tasks.map((i) => tasks[i]!.name).sort();
      }
      return null;
    };
    const abc = [
      { name: 'A', d: 1 },
      { name: 'B', d: 1 },
      { name: 'C', d: 1 },
    ];
    expect(
      cycle(abc, [
        ['A', 'B', 'FS'],
        ['B', 'C', 'SS'],
        ['C', 'A', 'FF'],
      ]),
    ).toEqual(['A', 'B', 'C']);
    expect(cycle(abc, [['A', 'B', 'FS']])).toBeNull();
    // A task linked to its own phase: the phase waits for the task, the task for the phase.
    expect(
      cycle(
        [
          { name: 'P', d: 0 },
          { name: 'K', d: 1, parent: 'P' },
        ],
        [['K', 'P', 'FS']],
      ),
    ).toEqual(['K', 'P']);
  });
});
