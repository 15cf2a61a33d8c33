import { z } from 'zod';
import { WBS_STATUSES, type WbsTask } from '../dto.js';
import { id, isoDate, text } from './schemas.js';

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

export const wbsApi = {
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
