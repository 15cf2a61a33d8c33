// The risk, issue and change registers. Each has the same verbs; the fields live in ../registers.ts.
//
// applyCells is the bulk write (paste, fill, clear, import): one batch, validated whole. Its patches are
// loose records here because every cell is checked by the core against the field schemas and the
// project's vocabularies, which reports every bad cell at once as CellProblem {part, row, id, field,
// message}: VALIDATION when any value is bad, else CONFLICT (only duplicate IDs). Nothing is stored then.
// `delete` takes one `id` or several `ids` (one batch, so one undo step).
import { z } from 'zod';
import {
  riskThresholds,
  type CellsResult,
  type Change,
  type Issue,
  type Risk,
  type RiskThresholds,
  type RowKeys,
  type ScorePoint,
} from '../registers.js';
import { DESCRIPTORS, REGISTER_LIST, type RegisterName } from '../registers/index.js';
import { id } from './schemas.js';

const MAX_ROWS = 100_000;

const listInput = z.strictObject({ projectId: id });
const listAllInput = z.strictObject({});
const createInput = <S extends z.ZodObject>(fields: S) => z.strictObject({ projectId: id, values: fields.partial().optional() });
/** `expected`: the values the patch's cells held when the edit began (a colleague's change since is CONFLICT, common/stale-edit.ts). */
const expected = z.record(z.string(), z.unknown()).optional();
const updateInput = <S extends z.ZodObject>(fields: S) => z.strictObject({ id, patch: fields.partial(), expected });

const deleteInput = z
  .strictObject({ id: id.optional(), ids: z.array(id).min(1).max(MAX_ROWS).optional() })
  .refine((i) => (i.id === undefined) !== (i.ids === undefined), { message: 'give either id or ids', path: ['id'] });

const cells = z.record(z.string(), z.unknown());
const applyCellsInput = z.strictObject({
  projectId: id,
  updates: z.array(z.strictObject({ id, patch: cells, expected })).max(MAX_ROWS),
  creates: z.array(z.strictObject({ values: cells })).max(MAX_ROWS).optional(),
});

type FieldsOf<N extends RegisterName> = (typeof DESCRIPTORS)[N]['fields'];
/** A register's row as the API answers it: the three first ones add derived values; the others are their fields. */
export type RegisterRowOf<N extends RegisterName> = N extends 'risk' ? Risk : N extends 'issue' ? Issue : N extends 'change' ? Change : z.output<FieldsOf<N>> & RowKeys;

type Verb = 'list' | 'listAll' | 'create' | 'update' | 'delete' | 'applyCells';
/** A row of any project with its project's name (`<register>.listAll`: a workspace page, 教訓). */
export type WithProject<R> = R & { projectName: string };
interface VerbSpecs<N extends RegisterName> {
  list: { input: typeof listInput; output: RegisterRowOf<N>[] };
  listAll: { input: typeof listAllInput; output: WithProject<RegisterRowOf<N>>[] };
  create: { input: ReturnType<typeof createInput<FieldsOf<N>>>; output: RegisterRowOf<N> };
  update: { input: ReturnType<typeof updateInput<FieldsOf<N>>>; output: RegisterRowOf<N> };
  delete: { input: typeof deleteInput; output: { deleted: number } };
  applyCells: { input: typeof applyCellsInput; output: CellsResult<RegisterRowOf<N>> };
}
type RegisterVerbs = { [K in `${RegisterName}.${Verb}`]: K extends `${infer N extends RegisterName}.${infer V extends Verb}` ? VerbSpecs<N>[V] : never };

/** The same verbs for every register of the descriptors' list. */
const registerVerbs = Object.fromEntries(
  REGISTER_LIST.flatMap((d) => [
    [`${d.name}.list`, { input: listInput, output: [] }],
    [`${d.name}.listAll`, { input: listAllInput, output: [] }],
    [`${d.name}.create`, { input: createInput(d.fields), output: {} }],
    [`${d.name}.update`, { input: updateInput(d.fields), output: {} }],
    [`${d.name}.delete`, { input: deleteInput, output: {} }],
    [`${d.name}.applyCells`, { input: applyCellsInput, output: {} }],
  ]),
) as RegisterVerbs;

export const registersApi = {
  ...registerVerbs,
  /** Oldest first, starting with the values at creation. */
  'risk.scoreHistory': { input: z.strictObject({ id }), output: [] as ScorePoint[] },
  'risk.thresholds.get': { input: listInput, output: {} as RiskThresholds },
  'risk.thresholds.set': {
    input: z.strictObject({ projectId: id, thresholds: riskThresholds }),
    output: {} as RiskThresholds,
  },
} as const;
