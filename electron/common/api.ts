// The API contract: every call is `domain.verb`, with a zod schema for its input and a type for its
// result. The core implements it; the Electron IPC and web host adapters validate with these same schemas.
import { z } from 'zod';
import { WBS_STATUSES, type AppInfo, type Project, type WbsTask } from './dto.js';

const id = z.number().int().positive();

/** yyyy-mm-dd that names a real calendar day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a calendar date');

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const projectFields = z.strictObject({
  name: text(200).trim().min(1, 'must not be empty'),
  code: text(50),
  description: text(5000),
});

export const wbsFields = z.strictObject({
  name: text(500),
  assignee: text(200),
  plannedStart: isoDate.nullable(),
  plannedFinish: isoDate.nullable(),
  actualStart: isoDate.nullable(),
  actualFinish: isoDate.nullable(),
  plannedEffort: z.number().min(0).max(1e6).nullable(),
  actualEffort: z.number().min(0).max(1e6).nullable(),
  progress: z.number().int('must be a whole number').min(0, 'must be 0–100').max(100, 'must be 0–100'),
  status: z.enum(WBS_STATUSES),
  milestone: z.boolean(),
  deliverable: text(500),
  predecessors: text(500),
  notes: text(10000),
});

export const api = {
  'app.info': { input: z.strictObject({}), output: {} as AppInfo },
  'settings.get': { input: z.strictObject({ key: text(200).min(1) }), output: {} as unknown },
  'settings.set': {
    input: z.strictObject({ key: text(200).min(1), value: z.json() }),
    output: {} as { ok: true },
  },

  'project.list': { input: z.strictObject({}), output: [] as Project[] },
  'project.create': {
    input: projectFields.partial({ code: true, description: true }),
    output: {} as Project,
  },
  'project.update': {
    input: z.strictObject({ id, patch: projectFields.partial() }),
    output: {} as Project,
  },
  'project.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },

  'wbs.list': { input: z.strictObject({ projectId: id }), output: [] as WbsTask[] },
  'wbs.create': {
    input: z.strictObject({
      projectId: id,
      /** Parent task; null or absent for a top-level task. */
      parentId: id.nullable().optional(),
      /** Insert after this sibling; absent = at the end. */
      afterId: id.nullable().optional(),
      values: wbsFields.partial().optional(),
    }),
    output: {} as WbsTask,
  },
  'wbs.update': {
    input: z.strictObject({ id, patch: wbsFields.partial() }),
    output: {} as WbsTask,
  },
  'wbs.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Api[M]['output'];

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
