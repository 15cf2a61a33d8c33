// Checks a bulk write (paste, fill, clear, import) whole before anything is stored, and turns it into
// the exact values to write. Every bad cell is reported, not only the first, so the user can fix a
// pasted block in one go.
import type { z } from 'zod';
import { ApiError, textError } from '../../../common/errors.js';
import { closedCodes, refKey, type CellProblem, type RegisterDef, type Vocabularies } from '../../../common/registers.js';
import type { RegisterRow } from './stores.js';

type Values = Record<string, unknown>;

export interface CellsRequest {
  /** `expected`: the cells' values when the edit began (services/stale-edit.ts). */
  updates: { id: number; patch: Values; expected?: Values }[];
  creates?: { values: Values }[];
}

export interface CellEnv {
  def: RegisterDef;
  vocab: Vocabularies;
  today: string;
  /** The rows the updates name, by id (absent: not a row of this project). */
  rows: ReadonlyMap<number, RegisterRow>;
  /** The ID of every row of the project, by row id; may be empty when the write sets no ID and creates no row. */
  refs: ReadonlyMap<number, string>;
  /** Fields that name a row elsewhere (issue.meetingId): whether that row exists in the project. */
  links: Record<string, (id: number) => boolean>;
  /** A row created closed gets today as its closing date (see RunOptions.dateNewClosedRows). */
  dateNewClosedRows?: boolean;
}

/** A bad cell; `conflict` marks a valid value that clashes with stored data (a duplicate ID). */
export type Problem = CellProblem & { conflict?: true };

export interface CellPlan {
  /** The stored rows the updates start from. */
  rows: ReadonlyMap<number, RegisterRow>;
  updates: { id: number; patch: Values }[];
  /** Values of new rows; `ref` is absent where the core assigns one. */
  creates: Values[];
  /** Every ID the project will hold after the write, for handing out new ones above them. */
  refs: string[];
  problems: Problem[];
}

export function planCells(env: CellEnv, req: CellsRequest): CellPlan {
  const missing = req.updates.flatMap((u, row) =>
    env.rows.has(u.id) ? [] : [{ part: 'updates' as const, row, id: u.id, field: 'id', message: 'does not exist in this project' }],
  );
  if (missing.length > 0) throw textError('NOT_FOUND', 'rowsGone', { count: missing.length }, `${missing.length} row(s) do not exist in this project`, missing);

  const problems: Problem[] = [];
  // Rows as they will be after the updates, so later entries see earlier ones (two cells of one row).
  const working = new Map(env.rows);
  const refWriters = new Map<number, { part: 'updates'; row: number; id: number }>();

  const updates = req.updates.map((u, row) => {
    const before = working.get(u.id)!;
    const patch = checkValues(env, u.patch, (field, message) => problems.push({ part: 'updates', row, id: u.id, field, message }));
    applyClosing(env, before, patch);
    working.set(u.id, { ...before, ...patch });
    if ('ref' in patch) refWriters.set(u.id, { part: 'updates', row, id: u.id });
    return { id: u.id, patch };
  });

  const creates = (req.creates ?? []).map((c, row) => {
    const values = checkValues(env, c.values, (field, message) => problems.push({ part: 'creates', row, id: null, field, message }));
    for (const [field, v] of Object.entries(env.def.vocab))
      if (v.required && !(field in values)) values[field] = env.vocab[v.list].items[0]!.code;
    if (env.dateNewClosedRows !== false) applyClosing(env, null, values);
    return values;
  });

  const givenRefs = creates.flatMap((v, row) =>
    typeof v.ref === 'string' ? [{ ref: v.ref, cell: { part: 'creates' as const, row, id: null } }] : [],
  );
  const kept = [...env.refs].map(([id, stored]) => {
    const ref = (working.get(id)?.ref as string | undefined) ?? stored;
    return { ref, cell: refWriters.get(id) ?? null };
  });
  problems.push(...duplicateRefs([...kept, ...givenRefs]));
  return { rows: env.rows, updates, creates, refs: [...kept, ...givenRefs].map((e) => e.ref), problems };
}

/** The valid, normalized values of a patch; every bad one is reported through `bad`. */
function checkValues(env: CellEnv, input: Values, bad: (field: string, message: string) => void): Values {
  const out: Values = {};
  const shape = env.def.fields.shape as Record<string, z.ZodType>;
  for (const [field, raw] of Object.entries(input)) {
    const schema = Object.prototype.hasOwnProperty.call(shape, field) ? shape[field] : undefined;
    if (!schema) {
      bad(field, 'is not a field of this register');
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      bad(field, parsed.error.issues[0]?.message ?? 'is not valid');
      continue;
    }
    const message = vocabProblem(env, field, parsed.data) ?? linkProblem(env, field, parsed.data);
    if (message) bad(field, message);
    else out[field] = parsed.data;
  }
  return out;
}

function vocabProblem(env: CellEnv, field: string, value: unknown): string | null {
  const v = env.def.vocab[field];
  if (!v) return null;
  if (value === '') return v.required ? 'must not be empty' : null;
  return env.vocab[v.list].items.some((i) => i.code === value) ? null : `"${String(value)}" is not a code of ${v.list}`;
}

function linkProblem(env: CellEnv, field: string, value: unknown): string | null {
  const exists = env.links[field];
  return exists && value !== null && !exists(value as number) ? 'does not exist in this project' : null;
}

/** When the status becomes a closed code and no closed-on date is kept or given, the row closes today. */
function applyClosing(env: CellEnv, before: RegisterRow | null, values: Values): void {
  const c = env.def.closing;
  if (!c || !(c.status in values)) return;
  const closed = closedCodes(env.vocab[env.def.vocab[c.status]!.list]);
  const becomesClosed = closed.has(values[c.status] as string) && !(before && closed.has(before[c.status] as string));
  const closedOn = c.closedOn in values ? values[c.closedOn] : (before?.[c.closedOn] ?? null);
  if (becomesClosed && closedOn === null) values[c.closedOn] = env.today;
}

/** Every written ID that another row of the project will also hold. */
function duplicateRefs(entries: { ref: string; cell: Omit<CellProblem, 'field' | 'message'> | null }[]): Problem[] {
  const byKey = new Map<string, typeof entries>();
  for (const e of entries) {
    const key = refKey(e.ref);
    if (key === '') continue;
    const group = byKey.get(key);
    if (group) group.push(e);
    else byKey.set(key, [e]);
  }
  const clash = (e: (typeof entries)[number]): Problem[] =>
    e.cell ? [{ ...e.cell, field: 'ref', message: `"${e.ref}" is already used in this project`, conflict: true }] : [];
  return [...byKey.values()].filter((group) => group.length > 1).flatMap((group) => group.flatMap(clash));
}

/**
 * The error for a refused write: VALIDATION when any value is bad, CONFLICT when the only problems are
 * duplicate IDs. A single create/update names fields as the request does (patch.title / values.title).
 */
export function refusal(label: string, problems: Problem[], single?: 'patch' | 'values'): ApiError {
  const code = problems.some((p) => !p.conflict) ? 'VALIDATION' : 'CONFLICT';
  if (single) {
    const details = problems.map((p) => ({ field: `${single}.${p.field}`, message: p.message }));
    return textError(code, 'cellsRefused', { count: 1 }, `${label}: ${details[0]!.field}: ${details[0]!.message}`, details);
  }
  const details: CellProblem[] = problems.map(({ conflict: _c, ...p }) => p);
  const shown = details.slice(0, 3).map((p) => `${p.part}[${p.row}].${p.field}: ${p.message}`);
  const more = details.length > 3 ? `; … ${details.length - 3} more` : '';
  return textError(code, 'cellsRefused', { count: details.length }, `${label}: ${details.length} bad cell(s): ${shown.join('; ')}${more}`, details);
}
