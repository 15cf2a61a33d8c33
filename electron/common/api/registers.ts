// The risk, issue and change registers. Each has the same verbs; the fields live in ../registers.ts.
//
// applyCells is the bulk write (paste, fill, clear, import): one batch, validated whole. Its patches are
// loose records here because every cell is checked by the core against the field schemas and the
// project's vocabularies, which reports every bad cell at once as CellProblem {part, row, id, field,
// message}: VALIDATION when any value is bad, else CONFLICT (only duplicate IDs). Nothing is stored then.
// `delete` takes one `id` or several `ids` (one batch, so one undo step).
import { z } from 'zod';
import {
  changeFields,
  issueFields,
  riskFields,
  riskThresholds,
  type CellsResult,
  type Change,
  type Issue,
  type Risk,
  type RiskThresholds,
  type ScorePoint,
} from '../registers.js';
import { id } from './schemas.js';

const MAX_ROWS = 100_000;

const listInput = z.strictObject({ projectId: id });
const createInput = <S extends z.ZodObject>(fields: S) => z.strictObject({ projectId: id, values: fields.partial().optional() });
const updateInput = <S extends z.ZodObject>(fields: S) => z.strictObject({ id, patch: fields.partial() });

const deleteInput = z
  .strictObject({ id: id.optional(), ids: z.array(id).min(1).max(MAX_ROWS).optional() })
  .refine((i) => (i.id === undefined) !== (i.ids === undefined), { message: 'give either id or ids', path: ['id'] });

const cells = z.record(z.string(), z.unknown());
const applyCellsInput = z.strictObject({
  projectId: id,
  updates: z.array(z.strictObject({ id, patch: cells })).max(MAX_ROWS),
  creates: z.array(z.strictObject({ values: cells })).max(MAX_ROWS).optional(),
});

export const registersApi = {
  'risk.list': { input: listInput, output: [] as Risk[] },
  'risk.create': { input: createInput(riskFields), output: {} as Risk },
  'risk.update': { input: updateInput(riskFields), output: {} as Risk },
  'risk.delete': { input: deleteInput, output: {} as { deleted: number } },
  'risk.applyCells': { input: applyCellsInput, output: {} as CellsResult<Risk> },
  /** Oldest first, starting with the values at creation. */
  'risk.scoreHistory': { input: z.strictObject({ id }), output: [] as ScorePoint[] },
  'risk.thresholds.get': { input: listInput, output: {} as RiskThresholds },
  'risk.thresholds.set': {
    input: z.strictObject({ projectId: id, thresholds: riskThresholds }),
    output: {} as RiskThresholds,
  },

  'issue.list': { input: listInput, output: [] as Issue[] },
  'issue.create': { input: createInput(issueFields), output: {} as Issue },
  'issue.update': { input: updateInput(issueFields), output: {} as Issue },
  'issue.delete': { input: deleteInput, output: {} as { deleted: number } },
  'issue.applyCells': { input: applyCellsInput, output: {} as CellsResult<Issue> },

  'change.list': { input: listInput, output: [] as Change[] },
  'change.create': { input: createInput(changeFields), output: {} as Change },
  'change.update': { input: updateInput(changeFields), output: {} as Change },
  'change.delete': { input: deleteInput, output: {} as { deleted: number } },
  'change.applyCells': { input: applyCellsInput, output: {} as CellsResult<Change> },
} as const;
