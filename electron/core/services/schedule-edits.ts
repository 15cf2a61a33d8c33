// The schedule's writes through the API: links and the calendar. Each is one batch that reschedules
// the project's automatic tasks with it, so one undo puts the link (or calendar) and the dates back.
import type { CalendarInfo, Dependency } from '../../common/api/schedule.js';
import { ApiError, textError } from '../../common/errors.js';
import type { CalendarSettings } from '../../common/schedule/calendar.js';
import type { LinkType } from '../../common/schedule/links-text.js';
import { localToday } from '../../common/dates.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor } from '../batch.js';
import { dependencyStore } from '../entities.js';
import { nationalHolidays } from '../schedule/holidays.js';
import { getProjectRow } from './projects.js';
import { calendarSettings, checkLink, codeIndex, DEPENDENCY_ENTITY, insertLink, writeCalendarIn, type DependencyRow, type LinkSpec } from './schedule.js';
import { rescheduleIn } from './wbs.js';
import * as q from '../db/queries/schedule.js';

export function getCalendar(db: Db, projectId: number, fromYear?: number, toYear?: number): CalendarInfo {
  getProjectRow(db, projectId);
  const year = Number(localToday().slice(0, 4));
  const from = `${fromYear ?? year - 2}-01-01`;
  const to = `${toYear ?? year + 2}-12-31`;
  const holidays = Object.entries(nationalHolidays())
    .filter(([d]) => d >= from && d <= to)
    .map(([date, name]) => ({ date, name }));
  return { ...calendarSettings(db, projectId), holidays };
}

export function updateCalendar(db: Db, actor: Actor, projectId: number, patch: Partial<CalendarSettings>, today = localToday()): CalendarInfo {
  getProjectRow(db, projectId);
  inBatch(db, actor, 'calendar.update', projectId, (batch) => {
    if (!writeCalendarIn(db, batch, projectId, patch)) return;
    rescheduleIn(db, batch, projectId, today);
  });
  return getCalendar(db, projectId);
}

function toDependency(r: DependencyRow): Dependency {
  const { createdAt: _c, ...d } = r;
  return d;
}

export function listDependencies(db: Db, projectId: number): Dependency[] {
  getProjectRow(db, projectId);
  return q.linkRowsOfProject(db, projectId).map((raw) => toDependency(dependencyStore.fromRaw(raw) as unknown as DependencyRow));
}

export function createDependency(
  db: Db,
  actor: Actor,
  input: { projectId: number; predecessorId: number; successorId: number; type?: LinkType; lagDays?: number },
  today = localToday(),
): Dependency {
  const { projectId } = input;
  getProjectRow(db, projectId);
  const spec: LinkSpec = { predecessorId: input.predecessorId, successorId: input.successorId, type: input.type ?? 'FS', lagDays: input.lagDays ?? 0 };
  return inBatch(db, actor, 'dependency.create', projectId, (batch) => {
    const existing = q.linkBetween(db, spec.predecessorId, spec.successorId);
    if (existing !== undefined) {
      const codes = codeIndex(db, projectId).byId;
      const [from, to] = [codes.get(spec.predecessorId) ?? String(spec.predecessorId), codes.get(spec.successorId) ?? String(spec.successorId)];
      throw textError('CONFLICT', 'wbs.linkExists', { from, to }, `task ${from} is already a predecessor of task ${to}`, { field: 'predecessorId', id: existing });
    }
    checkLink(db, projectId, spec, today);
    const row = insertLink(db, batch, projectId, spec);
    rescheduleIn(db, batch, projectId, today);
    return toDependency(row);
  });
}

export function deleteDependency(db: Db, actor: Actor, id: number, today = localToday()): { deleted: number } {
  const row = dependencyStore.require(db, id, `link ${id}`) as unknown as DependencyRow;
  return inBatch(db, actor, 'dependency.delete', row.projectId, (batch) => {
    dependencyStore.remove(db, id);
    batch.record(DEPENDENCY_ENTITY, id, 'delete', row, null);
    rescheduleIn(db, batch, row.projectId, today);
    return { deleted: 1 };
  });
}

