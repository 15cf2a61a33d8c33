import { z } from 'zod';
import { WBS_SCHEDULING, WBS_STATUSES, type WbsCellsResult, type WbsChanges, type WbsCreateResult, type WbsFields, type WbsUpdateResult } from '../dto.js';
import type { WbsTable } from '../wbs-rows.js';
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
  duration: z.number().int('must be a whole number of working days').min(0).max(100_000).nullable(),
  scheduling: z.enum(WBS_SCHEDULING),
});

/**
 * Field values of one row of a bulk write. Only the shape is checked here: wbs.applyCells checks each
 * value itself, so a bad block is answered with every bad cell (row, id, field) rather than zod paths.
 */
const cellValues = z.custom<Partial<WbsFields>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'must be an object of field values',
);

const ids = z.array(id).min(1, 'must name at least one task').max(100_000);

export const wbsApi = {
  /**
   * A project's tasks in tree order, as a table (wbs-rows.ts; tasksOfTable decodes it): a third of the
   * JSON of the same tasks as objects, which the API answered as well until issue 18 (wbs.list, 3.2× the
   * SELECT over HTTP against this 1.8×; no screen read it). With `first`, only the first rows in tree
   * order: the WBS screen shows them while the whole plan comes.
   */
  'wbs.rows': { input: z.strictObject({ projectId: id, first: z.number().int().min(1).max(10_000).optional() }), output: {} as WbsTable },
  'wbs.create': {
    input: z
      .strictObject({
        projectId: id,
        /** Parent task; null or absent for a top-level task (taken from afterId / beforeId when given). */
        parentId: id.nullable().optional(),
        /** Insert below this task, as its next sibling. */
        afterId: id.nullable().optional(),
        /** Insert above this task, as its previous sibling. */
        beforeId: id.nullable().optional(),
        values: wbsFields.partial().optional(),
      })
      .refine((i) => i.afterId == null || i.beforeId == null, { message: 'give afterId or beforeId, not both', path: ['beforeId'] }),
    output: {} as WbsCreateResult,
  },
  'wbs.update': {
    // expected: the values the patch's cells held when the edit began; a cell a colleague has changed
    // since is refused with CONFLICT carrying both values (common/stale-edit.ts).
    input: z.strictObject({ id, patch: wbsFields.partial(), expected: z.record(z.string(), z.unknown()).optional() }),
    output: {} as WbsUpdateResult,
  },
  /** Deletes tasks (`id`, or several `ids`) with their subtasks, as one undo step; answers what changed. */
  'wbs.delete': {
    input: z
      .strictObject({ id: id.optional(), ids: ids.optional() })
      .refine((i) => i.id !== undefined || i.ids !== undefined, { message: 'give id or ids', path: ['id'] }),
    output: {} as { deleted: number } & WbsChanges,
  },
  /**
   * Paste, fill down, clear range: updates of existing rows and new rows, one batch. Any bad value
   * refuses the whole call with VALIDATION, details: CellProblem[] (every bad cell).
   */
  'wbs.applyCells': {
    input: z.strictObject({
      projectId: id,
      // expected: as wbs.update's, per row (a paste carries what its cells showed when it began).
      updates: z.array(z.strictObject({ id, patch: cellValues, expected: z.record(z.string(), z.unknown()).optional() })).max(100_000),
      creates: z.array(z.strictObject({ values: cellValues })).max(100_000).optional(),
      /** New rows go after this task as its siblings; absent or null: at the end of the top level. */
      createAfterId: id.nullable().optional(),
      /** …or before this one, as its siblings (Ctrl+Shift+= inserts rows above the selection). */
      createBeforeId: id.optional(),
    }).refine((i) => i.createAfterId == null || i.createBeforeId === undefined, { message: 'give createAfterId or createBeforeId, not both', path: ['createBeforeId'] }),
    output: {} as WbsCellsResult,
  },
  /** Moves tasks (with their subtrees) one place among their siblings; answers the rows it moved. */
  'wbs.move': {
    input: z.strictObject({ ids, direction: z.enum(['up', 'down']) }),
    output: {} as WbsChanges,
  },
  /** Each task becomes the last child of its previous sibling; answers the rows moved and rolled up. */
  'wbs.indent': { input: z.strictObject({ ids }), output: {} as WbsChanges },
  /** Each task becomes the next sibling of its parent; answers the rows moved and rolled up. */
  'wbs.outdent': { input: z.strictObject({ ids }), output: {} as WbsChanges },
} as const;
