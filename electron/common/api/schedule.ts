// The schedule over the WBS: task links (FS/SS/FF/SF with a lag in working days), the project's
// working calendar, and the critical path. Links and calendar changes are audited and undoable, and
// reschedule the project's automatic tasks in the same batch.
import { z } from 'zod';
import { LINK_TYPES, type LinkType } from '../schedule/links-text.js';
import type { CalendarSettings } from '../schedule/calendar.js';
import { id, isoDate, text } from './schemas.js';

export interface Dependency {
  id: number;
  projectId: number;
  predecessorId: number;
  successorId: number;
  type: LinkType;
  lagDays: number;
}

export interface ScheduledTask {
  id: number;
  earlyStart: string | null;
  earlyFinish: string | null;
  lateStart: string | null;
  lateFinish: string | null;
  /** Working days the task can slip without moving the project's finish; negative when already late. */
  totalFloat: number | null;
  critical: boolean;
  /** A manual task that starts or finishes earlier than a link into it allows (a broken link). */
  linkViolated: boolean;
}

export interface ScheduleResult {
  tasks: ScheduledTask[];
  /** Ids of the critical leaf tasks, by early start. */
  criticalPath: number[];
  projectStart: string | null;
  projectFinish: string | null;
}

/** A project's calendar and the national holidays of the years asked for (for the Gantt's shading). */
export interface CalendarInfo extends CalendarSettings {
  holidays: { date: string; name: string }[];
}

/** 'MM-DD' (every year) or 'YYYY-MM-DD'. */
const monthDay = z
  .string()
  .regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'must be MM-DD (every year) or YYYY-MM-DD')
  .refine((s) => {
    const iso = s.length === 5 ? `2000-${s}` : s;
    const d = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
  }, 'is not a calendar date');

const calendarFields = z.strictObject({
  workingWeekdays: z.array(z.number().int().min(0).max(6)).min(1, 'at least one weekday must be worked').max(7),
  nationalHolidays: z.boolean(),
  daysOff: z
    .array(z.strictObject({ from: monthDay, to: monthDay, name: text(100) }))
    .max(1000)
    .superRefine((list, ctx) =>
      list.forEach((r, i) => {
        if ((r.from.length === 10) !== (r.to.length === 10))
          ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'from and to must both be MM-DD or both YYYY-MM-DD' });
        else if (r.from.length === 10 && r.to < r.from) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'is before from' });
      }),
    ),
  workingDays: z.array(z.strictObject({ date: isoDate, name: text(100) })).max(1000),
  statusDate: isoDate.nullable(),
});

export const scheduleApi = {
  'dependency.list': { input: z.strictObject({ projectId: id }), output: [] as Dependency[] },
  'dependency.create': {
    input: z.strictObject({
      projectId: id,
      predecessorId: id,
      successorId: id,
      type: z.enum(LINK_TYPES).optional(),
      lagDays: z.number().int('must be whole working days').min(-10_000).max(10_000).optional(),
    }),
    output: {} as Dependency,
  },
  'dependency.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
  /** The calendar; `holidays` lists the national holidays from `fromYear` to `toYear` (default: this year ± 2). */
  'calendar.get': {
    input: z.strictObject({
      projectId: id,
      fromYear: z.number().int().min(1970).max(2099).optional(),
      toYear: z.number().int().min(1970).max(2099).optional(),
    }),
    output: {} as CalendarInfo,
  },
  /** Changes some settings of the calendar (absent ones are kept) and reschedules; one undo step. */
  'calendar.update': { input: calendarFields.partial().extend({ projectId: id }), output: {} as CalendarInfo },
  'schedule.compute': { input: z.strictObject({ projectId: id }), output: {} as ScheduleResult },
} as const;
