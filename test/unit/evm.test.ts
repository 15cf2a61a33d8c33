// Earned value and adherence against a hand-computed example on a calendar with Golden Week holidays
// (2025-04-29 昭和の日, 5/3–5/6) and the status date Wednesday 2025-04-30.
import { describe, expect, it } from 'vitest';
import type { BaselineTask } from '../../electron/common/api/progress.js';
import { computeAdherence, computeEvm, figures, plannedShare } from '../../electron/core/progress/evm.js';
import { placeTasks, type Plan, type UnplacedTask } from '../../electron/core/progress/plan.js';
import { dayOf } from '../../electron/core/progress/work-days.js';
import { NO_DAY } from '../../electron/core/progress/columns.js';
import { DEFAULT_CALENDAR, workCalendar } from '../../electron/common/schedule/calendar.js';
import { nationalHolidays } from '../../electron/core/schedule/holidays.js';

// The project's default calendar: Mon–Fri with the national holidays (昭和の日, 憲法記念日 … 振替休日).
const cal = workCalendar(DEFAULT_CALENDAR, nationalHolidays());
const STATUS = '2025-04-30';

function task(id: number, parentId: number | null, v: Partial<UnplacedTask>): UnplacedTask {
  return {
    id,
    parentId,
    position: id,
    name: `T${id}`,
    assignee: '',
    plannedStart: null,
    plannedFinish: null,
    actualStart: null,
    actualFinish: null,
    duration: null,
    plannedEffort: null,
    actualEffort: null,
    progress: 0,
    status: 'not_started',
    milestone: false,
    ...v,
  };
}

const plan = (tasks: UnplacedTask[], costRate: number | null = null): Plan => ({ tasks: placeTasks(tasks.map((t) => ({ ...t }))), placed: true, links: [], costRate });

// 1 Phase
//   1.1 A  4/28–5/2, 8 人日, 50 %, AC 5: 4 working days (4/29 is a holiday), 2 of them by 4/30 → PV 4
//   1.2 B  4/21–4/25, 5 人日, not started: PV 5, EV 0, AC 0
// 2 C      4/14–5/9, 10 人日, finished early on 4/25, AC 6: 17 working days, 12 by 4/30 → PV 10·12/17
// 3 D      4/30–5/1, 4 人日, 25 %, zero AC: PV 2, EV 1
// 4 E      4/21–4/24, 3 人日, finished on 4/24, AC 3
// 5 M      milestone 4/25, not reached
const TASKS = [
  task(1, null, { name: 'Phase', assignee: '' }),
  task(2, 1, { name: 'A', assignee: '佐藤', plannedStart: '2025-04-28', plannedFinish: '2025-05-02', plannedEffort: 8, progress: 50, actualStart: '2025-04-28', actualEffort: 5, status: 'in_progress' }),
  task(3, 1, { name: 'B', assignee: '鈴木', plannedStart: '2025-04-21', plannedFinish: '2025-04-25', plannedEffort: 5 }),
  task(4, null, { name: 'C', assignee: '佐藤', plannedStart: '2025-04-14', plannedFinish: '2025-05-09', plannedEffort: 10, progress: 100, actualStart: '2025-04-14', actualFinish: '2025-04-25', actualEffort: 6, status: 'done' }),
  task(5, null, { name: 'D', assignee: '鈴木', plannedStart: '2025-04-30', plannedFinish: '2025-05-01', plannedEffort: 4, progress: 25, actualStart: '2025-04-30', actualEffort: 0, status: 'in_progress' }),
  task(6, null, { name: 'E', assignee: '佐藤', plannedStart: '2025-04-21', plannedFinish: '2025-04-24', plannedEffort: 3, progress: 100, actualStart: '2025-04-21', actualFinish: '2025-04-24', actualEffort: 3, status: 'done' }),
  task(7, null, { name: 'M', plannedStart: '2025-04-25', plannedFinish: '2025-04-25', milestone: true }),
];

describe('earned value', () => {
  it('counts working days with the holidays', () => {
    expect(cal.workingDaysBetween(dayOf('2025-04-28'), dayOf('2025-05-02'))).toBe(4);
    expect(cal.workingDaysBetween(dayOf('2025-04-14'), dayOf('2025-05-09'))).toBe(17);
    expect(plannedShare(cal, dayOf('2025-04-14'), dayOf('2025-05-09'), dayOf(STATUS))).toBeCloseTo(12 / 17, 12);
    expect(plannedShare(cal, dayOf('2025-04-21'), dayOf('2025-04-25'), dayOf(STATUS))).toBe(1);
    expect(plannedShare(cal, dayOf('2025-05-07'), dayOf('2025-05-09'), dayOf(STATUS))).toBe(0);
    // One date alone is a point in time: all once it has passed, nothing before; no date, nothing.
    expect(plannedShare(cal, NO_DAY, dayOf('2025-04-25'), dayOf(STATUS))).toBe(1);
    expect(plannedShare(cal, dayOf('2025-05-01'), NO_DAY, dayOf(STATUS))).toBe(0);
    expect(plannedShare(cal, NO_DAY, NO_DAY, dayOf(STATUS))).toBe(0);
    // A period of days off only (Golden Week 5/3–5/6) counts whole once passed.
    expect(plannedShare(cal, dayOf('2025-05-03'), dayOf('2025-05-06'), dayOf('2025-05-05'))).toBe(0);
    expect(plannedShare(cal, dayOf('2025-05-03'), dayOf('2025-05-06'), dayOf('2025-05-06'))).toBe(1);
  });

  it('gives every figure of the project as computed by hand', () => {
    const p = plan(TASKS);
    const r = computeEvm({ plan: p, current: p, statusDate: STATUS, cal });
    const pv = 4 + 5 + (10 * 12) / 17 + 2 + 3;
    expect(r.bac).toBe(30);
    expect(r.pv).toBeCloseTo(pv, 6);
    expect(r.ev).toBe(18); // 4 + 0 + 10 + 1 + 3
    expect(r.ac).toBe(14); // 5 + 0 + 6 + 0 + 3
    expect(r.sv).toBeCloseTo(18 - pv, 6);
    expect(r.cv).toBe(4);
    expect(r.spi).toBeCloseTo(18 / pv, 6);
    expect(r.cpi).toBeCloseTo(18 / 14, 12);
    expect(r.eac).toBeCloseTo(30 / (18 / 14), 6); // 23.333333
    expect(r.etc).toBeCloseTo(30 / (18 / 14) - 14, 6);
    expect(r.vac).toBeCloseTo(30 - 30 / (18 / 14), 6);
    expect(r.tcpi).toBe(12 / 16);
    expect(r.yen).toBeNull();
  });

  it('rolls the figures up the WBS and gives null ratios where the divisor is 0', () => {
    const p = plan(TASKS);
    const rows = computeEvm({ plan: p, current: p, statusDate: STATUS, cal, by: 'task' }).rows!;
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row('Phase')).toMatchObject({ code: '1', leaf: false, bac: 13, pv: 9, ev: 4, ac: 5 });
    expect(row('Phase').spi).toBeCloseTo(4 / 9, 12);
    expect(row('A')).toMatchObject({ code: '1.1', level: 1, bac: 8, pv: 4, ev: 4, ac: 5, spi: 1, cpi: 0.8 });
    // Not started: EV 0 and AC 0 → CPI, EAC, ETC, VAC null; TCPI = (5 − 0) ÷ (5 − 0).
    expect(row('B')).toMatchObject({ pv: 5, ev: 0, ac: 0, spi: 0, cpi: null, eac: null, etc: null, vac: null, tcpi: 1 });
    // Zero AC with progress: CPI null, not Infinity.
    expect(row('D')).toMatchObject({ pv: 2, ev: 1, ac: 0, spi: 0.5, cpi: null, eac: null });
    // Finished early: the whole effort earned, PV still the plan's share.
    expect(row('C').ev).toBe(10);
    expect(row('C').pv).toBeCloseTo(120 / 17, 6);
    // A milestone carries no effort: PV 0 → SPI null; BAC = AC = 0 → TCPI null.
    expect(row('M')).toMatchObject({ bac: 0, pv: 0, spi: null, tcpi: null });
  });

  it('groups by assignee and gives yen at the cost rate', () => {
    const p = plan(TASKS, 40_000);
    const r = computeEvm({ plan: p, current: p, statusDate: STATUS, cal, by: 'assignee' });
    expect(r.rows!.map((x) => x.name)).toEqual(['佐藤', '鈴木', '']);
    expect(r.rows![0]).toMatchObject({ bac: 21, ev: 17, ac: 14 });
    expect(r.rows![1]).toMatchObject({ bac: 9, pv: 7, ev: 1, ac: 0 });
    expect(r.yen).toMatchObject({ bac: 1_200_000, ev: 720_000, ac: 560_000, cv: 160_000 });
    expect(r.yen!.cpi).toBe(r.cpi);
  });

  it('null for every ratio with a zero divisor, never Infinity or NaN', () => {
    expect(figures(10, 0, 4, 0)).toEqual({ bac: 10, pv: 0, ev: 4, ac: 0, sv: 4, cv: 4, spi: null, cpi: null, eac: null, etc: null, vac: null, tcpi: 0.6 });
    // CPI 0 (nothing earned, effort spent): EAC = BAC ÷ 0 → null.
    expect(figures(10, 5, 0, 3)).toMatchObject({ cpi: 0, eac: null, etc: null, vac: null });
    expect(figures(0, 0, 0, 0)).toMatchObject({ spi: null, cpi: null, tcpi: null });
  });

  it('measures against a baseline: planned values from it, progress and actuals from the current plan', () => {
    const base = plan(TASKS);
    // Since the baseline: A slipped a week with 4 more 人日, B was split into two subtasks, F was added.
    const now = plan([
      ...TASKS.map((t) => (t.id === 2 ? { ...t, plannedStart: '2025-05-07', plannedFinish: '2025-05-13', plannedEffort: 12 } : t)),
      task(8, 3, { name: 'B-1', plannedEffort: 2, actualEffort: 1, progress: 50 }),
      task(9, 3, { name: 'B-2', plannedEffort: 3 }),
      task(10, null, { name: 'F', plannedEffort: 2, actualEffort: 1.5, progress: 10 }),
    ]);
    // B's roll-up as the WBS service keeps it on the summary.
    const b = now.tasks.find((t) => t.id === 3)! as BaselineTask;
    Object.assign(b, { plannedEffort: 5, actualEffort: 1, progress: 20 });
    const r = computeEvm({ plan: base, current: now, statusDate: STATUS, cal, by: 'task' });
    expect(r.bac).toBe(30);
    expect(r.pv).toBeCloseTo(4 + 5 + (10 * 12) / 17 + 2 + 3, 6);
    expect(r.ev).toBe(19); // B now 20 % of its baseline 5
    expect(r.ac).toBe(16.5); // + B's 1 (rolled up) + F's 1.5 (added since)
    expect(r.rows!.find((x) => x.name === 'B')).toMatchObject({ leaf: true, ev: 1, ac: 1 });
    expect(r.rows!.map((x) => x.name)).not.toContain('F');
  });
});

describe('schedule adherence (計画遵守率)', () => {
  it('counts tasks due by the status date and lists what is late', () => {
    const p = plan(TASKS);
    const a = computeAdherence(p, p, STATUS, cal);
    // Due by 4/30: B (4/25), E (4/24), M (4/25); only E finished by its planned finish.
    expect(a).toMatchObject({ due: 3, onTime: 1 });
    expect(a.rate).toBeCloseTo(1 / 3, 12);
    // B: planned to start 4/21, 7 working days to 4/30 (4/29 off).
    expect(a.lateToStart.map((t) => [t.name, t.daysLate])).toEqual([['B', 7]]);
    // B should have finished 4/25: 4/28 and 4/30 are the working days since.
    expect(a.lateToFinish.map((t) => [t.name, t.daysLate])).toEqual([['B', 2]]);
    expect(a.milestonesMissed.map((t) => [t.name, t.daysLate])).toEqual([['M', 2]]);
  });

  it('a task finished late counts as due but not on time; done or 100 % without a date is on time; a cancelled task is left out', () => {
    const p = plan([
      task(1, null, { name: 'late', plannedStart: '2025-04-21', plannedFinish: '2025-04-22', progress: 100, actualFinish: '2025-04-24', status: 'done' }),
      task(2, null, { name: 'cancelled', plannedFinish: '2025-04-22', status: 'cancelled' }),
      task(3, null, { name: 'done-no-date', plannedFinish: '2025-04-22', progress: 100, status: 'done' }),
      task(4, null, { name: 'future', plannedStart: '2025-05-07', plannedFinish: '2025-05-08' }),
      task(5, null, { name: 'at-100', plannedStart: '2025-04-21', plannedFinish: '2025-04-22', progress: 100, status: 'in_progress' }),
    ]);
    const a = computeAdherence(p, p, STATUS, cal);
    expect(a).toMatchObject({ due: 3, onTime: 2, lateToStart: [] });
    expect(a.rate).toBeCloseTo(2 / 3, 12);
    expect(a.lateToFinish.map((t) => [t.name, t.daysLate])).toEqual([['late', 2]]);
  });
});
