import type { HandlerMap } from '../../common/api.js';
import type { scheduleApi } from '../../common/api/schedule.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { localToday } from '../../common/dates.js';
import { computeSchedule } from '../services/schedule.js';
import { createDependency, deleteDependency, getCalendar, listDependencies, updateCalendar } from '../services/schedule-edits.js';

export function scheduleHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof scheduleApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'dependency.list': ({ projectId }) => listDependencies(db, projectId),
    'dependency.create': (input) => createDependency(db, ctx, input, today()),
    'dependency.delete': ({ id }) => deleteDependency(db, ctx, id, today()),
    'calendar.get': ({ projectId, fromYear, toYear }) => getCalendar(db, projectId, fromYear, toYear),
    'calendar.update': ({ projectId, ...patch }) => updateCalendar(db, ctx, projectId, patch, today()),
    'schedule.compute': ({ projectId }) => computeSchedule(db, projectId, today()),
  };
}
