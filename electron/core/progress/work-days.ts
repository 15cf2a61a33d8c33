// Working days of a project for earned value, slips and the default status date: the schedule's
// calendar (its working weekdays, national holidays, company days off and extra working days).
import type { SqlDb as Db } from '../db/sql.js';
import { calendarSettings, workCalendarOf } from '../services/schedule.js';
import { dayOf, isoOf, type WorkCalendar } from '../../common/schedule/calendar.js';

export { dayOf, isoOf };

/** The part of the schedule's WorkCalendar that progress uses (day numbers, 1970-01-01 = 0). */
export type WorkDays = Pick<WorkCalendar, 'isWorking' | 'workingDaysBetween'>;

export function projectWorkDays(db: Db, projectId: number): WorkDays {
  return workCalendarOf(calendarSettings(db, projectId));
}

/** The last working day strictly before `today`: the default status date. */
export function lastWorkingDayBefore(cal: WorkDays, today: string): string {
  let d = dayOf(today) - 1;
  for (let i = 0; i < 366 && !cal.isWorking(d); i++) d--;
  return isoOf(d);
}

/** Signed working days from finish `a` to finish `b`: later = positive, 0 when the same day. */
export function slipDays(cal: WorkDays, a: number, b: number): number {
  if (b > a) return cal.workingDaysBetween(a + 1, b);
  if (b < a) return -cal.workingDaysBetween(b + 1, a);
  return 0;
}
