// Cells in bulk: a paste, a fill down or a cleared range is one call, one transaction and one undo
// step. Every value is checked before anything is written; one bad cell refuses the whole call with
// the list of all bad cells, so the user fixes the block once instead of finding errors one by one.
import { WBS_ROLLED_UP_FIELDS, type CellProblem, type WbsCellsResult, type WbsFields } from '../../common/dto.js';
import { wbsFields } from '../../common/api/wbs.js';
import { ApiError, textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor } from '../batch.js';
import { changedFields } from './diff.js';
import { getProjectRow } from './projects.js';
import { ENTITY, getTaskRow, hasChildren, insertRow, movedBut, placeTasks, settleRollUps, slotPositions, typedLinks, wbsStore, type TaskRow } from './wbs.js';
import { idsByCode, rescheduleDates } from './schedule.js';
import { withDerivedStatus } from './rollup.js';
import { refuseStale } from './stale-edit.js';
import { previousSibling } from '../db/queries/wbs.js';

export interface CellsInput {
  projectId: number;
  /** `expected`: the cells' values when the paste began (services/stale-edit.ts). */
  updates: { id: number; patch: Record<string, unknown>; expected?: Record<string, unknown> }[];
  creates?: { values: Record<string, unknown> }[];
  /** New rows go after this task, as its siblings; absent: at the end of the top level. */
  createAfterId?: number | null;
  /** …or before this task, as its siblings. */
  createBeforeId?: number;
}

const SHAPE = wbsFields.shape as Record<string, (typeof wbsFields.shape)[keyof WbsFields]>;
const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);

/** Every value that fails its field's schema, as cell problems. */
function badValues(row: number, id: number | null, values: Record<string, unknown>): CellProblem[] {
  const out: CellProblem[] = [];
  for (const [field, value] of Object.entries(values)) {
    const schema = Object.prototype.hasOwnProperty.call(SHAPE, field) ? SHAPE[field] : undefined;
    if (!schema) {
      out.push({ row, id, field, message: 'is not a WBS field' });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) out.push({ row, id, field, message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
  return out;
}

function refuse(problems: CellProblem[]): never {
  const shown = problems
    .slice(0, 5)
    .map((p) => `row ${p.row + 1} ${p.field}: ${p.message}`)
    .join('; ');
  const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
  throw textError('VALIDATION', 'cellsRefused', { count: problems.length }, `wbs.applyCells: ${problems.length} invalid cell${problems.length === 1 ? '' : 's'}: ${shown}${more}`, problems);
}

export function applyCells(db: Db, actor: Actor, input: CellsInput, today: string): WbsCellsResult {
  const { projectId, updates } = input;
  const creates = input.creates ?? [];
  getProjectRow(db, projectId);

  // 1. Values, without the database.
  const problems = [
    ...updates.flatMap((u, i) => badValues(i, u.id, u.patch)),
    ...creates.flatMap((c, j) => badValues(updates.length + j, null, c.values)),
  ];
  return inBatch(db, actor, 'wbs.applyCells', projectId, (batch) => {
    // 2. Rows (inside the transaction, so they cannot change under the checks): they must exist in
    // this project; computed cells of summary rows cannot be typed.
    // Read in chunks; a row gone is NOT_FOUND as getTaskRow says it.
    const rows = wbsStore.getMany(db, updates.map((u) => u.id));
    updates.forEach((u, i) => {
      const row = rows.get(u.id) ?? getTaskRow(db, u.id);
      if (row.projectId !== projectId)
        throw textError('CONFLICT', 'wbs.otherProject', { id: u.id }, `WBS task ${u.id} belongs to another project`, { field: 'updates', row: i, id: u.id });
      rows.set(u.id, row);
      const computed = Object.keys(u.patch).filter((f) => ROLLED_UP.has(f));
      if (computed.length > 0 && hasChildren(db, row))
        for (const field of computed) problems.push({ row: i, id: u.id, field, message: 'is computed from subtasks of a summary task' });
    });
    const after = input.createAfterId ?? null;
    const before = input.createBeforeId ?? null;
    for (const [anchor, field] of [[after, 'createAfterId'], [before, 'createBeforeId']] as const)
      if (creates.length > 0 && anchor !== null && getTaskRow(db, anchor).projectId !== projectId)
        throw textError('CONFLICT', 'wbs.otherProject', { id: anchor }, `WBS task ${anchor} belongs to another project`, { field });
    if (problems.length > 0) refuse(problems.sort((a, b) => a.row - b.row));
    // Read in this transaction: a cell a colleague changed since the paste began is not overwritten.
    refuseStale(db, ENTITY, updates.map((u) => ({ id: u.id, stored: rows.get(u.id)!, expected: u.expected, patch: u.patch })));
    // Predecessors become links once every row exists (a pasted block may link to its own new rows).
    const typed: { row: number; id: number | null; text: string }[] = [];
    const withoutLinks = (row: number, id: number | null, values: Record<string, unknown>) => {
      if (typeof values.predecessors !== 'string') return values;
      typed.push({ row, id, text: values.predecessors });
      return { ...values, predecessors: '' };
    };
    const updatesIn = updates.map((u, i) => ({ ...u, patch: withoutLinks(i, u.id, u.patch) }));
    const createsIn = creates.map((c, j) => ({ values: withoutLinks(updates.length + j, null, c.values) }));
    const changedIds = new Set<number>();
    const parents = new Set<number | null>();
    // Written by cached statements with nothing read back: a 500-row paste into a 100,000-task WBS spent
    // most of its time in 500 single reads and UPDATE … RETURNING *. A row named twice sees its first
    // patch (the map holds it as written).
    const current = rows;
    const writes: { id: number; patch: Partial<TaskRow> }[] = [];
    const audits: { id: number; before: unknown; after: unknown }[] = [];
    for (const u of updatesIn) {
      const row = current.get(u.id)!;
      const changed = changedFields(row, withDerivedStatus(row, u.patch as Partial<WbsFields>));
      if (!changed) continue;
      current.set(u.id, { ...row, ...changed.after });
      writes.push({ id: u.id, patch: changed.after as Partial<TaskRow> });
      audits.push({ id: u.id, ...changed });
      changedIds.add(u.id);
      if (Object.keys(changed.after).some((f) => ROLLED_UP.has(f))) parents.add(row.parentId);
    }
    wbsStore.updateMany(db, writes);
    batch.recordMany(ENTITY, 'update', audits);
    const createdIds: number[] = [];
    if (creates.length > 0) {
      const anchor = before ?? after;
      const parentId = anchor === null ? null : getTaskRow(db, anchor).parentId;
      // Before a task: after its previous sibling, or first among its siblings.
      const previous =
        before === null
          ? null
          : (previousSibling(db, getTaskRow(db, before)) ?? null);
      const slot = before !== null ? (previous === null ? 'first' : { after: previous }) : after === null ? 'last' : { after };
      const positions = slotPositions(db, batch, projectId, parentId, slot, creates.length);
      createsIn.forEach((c, j) => createdIds.push(insertRow(db, batch, projectId, parentId, positions[j]!, c.values as Partial<WbsFields>).id));
      parents.add(parentId);
    }
    settleRollUps(db, batch, projectId, parents);
    if (typed.length > 0) {
      const byCode = idsByCode(db, projectId);
      for (const t of typed) {
        const id = t.id ?? createdIds[t.row - updates.length]!;
        const problem = typedLinks(db, batch, projectId, id, t.text, byCode);
        if (problem) problems.push({ row: t.row, id: t.id, field: 'predecessors', message: problem.message });
        else changedIds.add(id);
      }
      if (problems.length > 0) refuse(problems);
    }
    let moved: ReturnType<typeof rescheduleDates>;
    try {
      moved = rescheduleDates(db, batch, projectId, today, 'predecessors');
    } catch (e) {
      // A cycle the typed links closed: name the first typed cell of a task in it.
      const cycle = (e instanceof ApiError && Array.isArray(e.details) && (e.details[0] as { tasks?: number[] })?.tasks) || null;
      const cell = cycle && typed.find((t) => cycle.includes(t.id ?? createdIds[t.row - updates.length]!));
      if (!cell) throw e;
      refuse([{ row: cell.row, id: cell.id, field: 'predecessors', message: (e as ApiError).message }]);
    }
    // The answer: what changed and every ancestor of it (their roll-ups may have moved), and the other
    // tasks and summaries the reschedule moved as their dates (a pasted duration may move a whole chain).
    const answered = new Set([...changedIds, ...createdIds]);
    return { tasks: placeTasks(db, projectId, answered, today, { ancestors: true }), createdIds, moved: movedBut(moved.dates, answered) };
  });
}
