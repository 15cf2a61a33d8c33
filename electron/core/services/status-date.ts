// A project's status date (基準日): kept in its calendar row (project_calendars.status_date, which the
// Gantt draws), or by default the last working day before today. Setting it writes the calendar row
// (created with the schedule's default calendar when the project has none) and its audit row in the caller's batch.
import type { SqlDb as Db } from '../db/sql.js';
import type { Batch } from '../batch.js';
import { calendarStore } from '../entities.js';
import { DEFAULT_CALENDAR } from '../../common/schedule/calendar.js';
import { CALENDAR_ENTITY } from './schedule.js';
import { lastWorkingDayBefore, projectWorkDays } from '../progress/work-days.js';
import { calendarRowOf, storedStatusDate } from '../db/queries/schedule.js';

// Read by projects and the portfolio as this module's, beside statusDateOf.
export { storedStatusDate, storedStatusDates } from '../db/queries/schedule.js';

/** The effective status date and whether the user set it. */
export function statusDateOf(db: Db, projectId: number, today: string, stored = storedStatusDate(db, projectId)): { date: string; set: boolean } {
  return stored !== null ? { date: stored, set: true } : { date: lastWorkingDayBefore(projectWorkDays(db, projectId), today), set: false };
}

export function setStatusDate(db: Db, batch: Batch, projectId: number, date: string | null): void {
  const raw = calendarRowOf(db, projectId);
  const row = raw && calendarStore.fromRaw(raw);
  if (row) {
    if (row.statusDate === date) return;
    calendarStore.update(db, row.id, { statusDate: date });
    batch.record(CALENDAR_ENTITY, row.id, 'update', { statusDate: row.statusDate }, { statusDate: date });
    return;
  }
  const created = calendarStore.insert(db, { projectId, ...structuredClone(DEFAULT_CALENDAR), statusDate: date });
  const { updatedAt: _u, ...snapshot } = created;
  batch.record(CALENDAR_ENTITY, created.id, 'create', null, snapshot);
}
