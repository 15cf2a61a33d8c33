// Pure rules of the WBS tree, without a database: codes (1, 1.1, 1.1.1) from parent + position,
// summary roll-ups, and the late marks. The service materializes roll-ups with these same functions,
// so the unit tests check exactly what runs.
import { WBS_ROLLED_UP_FIELDS, type WbsFields, type WbsRolledUpField, type WbsStatus } from '../../common/dto.js';
import { treeOrder, type TreeNode } from '../../common/wbs-tree.js';

export type RolledUp = Pick<WbsFields, WbsRolledUpField>;

/** Effort sums are kept to 6 decimals, so 0.1 + 0.2 compares equal to a stored 0.3. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A summary row's values from its direct children (which are already rolled up themselves).
 * Actual finish is the latest child's only once every child has finished: a summary with open work
 * has not finished. Progress is weighted by planned effort; without any effort, a plain average.
 * One pass over the children (a 100,000-row import rolls up 10,000 summaries; a pass and a list per
 * field was most of its roll-up time), the efforts summed in the children's order.
 */
export function rollUp(children: readonly RolledUp[]): RolledUp {
  if (children.length === 0) throw new Error('rollUp needs at least one child');
  let weight = 0;
  let weighted = 0;
  let plain = 0;
  let plannedStart: string | null = null;
  let plannedFinish: string | null = null;
  let actualStart: string | null = null;
  let actualFinish: string | null = null;
  let allFinished = true;
  let plannedEffort: number | null = null;
  let actualEffort: number | null = null;
  for (const c of children) {
    const w = c.plannedEffort !== null && c.plannedEffort > 0 ? c.plannedEffort : 0;
    weight += w;
    weighted += c.progress * w;
    plain += c.progress;
    if (c.plannedStart !== null && (plannedStart === null || c.plannedStart < plannedStart)) plannedStart = c.plannedStart;
    if (c.plannedFinish !== null && (plannedFinish === null || c.plannedFinish > plannedFinish)) plannedFinish = c.plannedFinish;
    if (c.actualStart !== null && (actualStart === null || c.actualStart < actualStart)) actualStart = c.actualStart;
    if (c.actualFinish === null) allFinished = false;
    else if (actualFinish === null || c.actualFinish > actualFinish) actualFinish = c.actualFinish;
    if (c.plannedEffort !== null) plannedEffort = (plannedEffort ?? 0) + c.plannedEffort;
    if (c.actualEffort !== null) actualEffort = (actualEffort ?? 0) + c.actualEffort;
  }
  return {
    status: rollUpStatus(children),
    plannedStart,
    plannedFinish,
    actualStart,
    actualFinish: allFinished ? actualFinish : null,
    plannedEffort: plannedEffort === null ? null : tidy(plannedEffort),
    actualEffort: actualEffort === null ? null : tidy(actualEffort),
    progress: Math.round(weight > 0 ? weighted / weight : plain / children.length),
  };
}

type StatusInput = Pick<WbsFields, 'progress' | 'actualStart' | 'actualFinish' | 'status'>;

/**
 * A task's status as its data says: 完了 at 100 % or with an actual finish, 対応中 once it has progress
 * or an actual start, else 未着手. 保留 and 中止 are decisions, never derived away.
 */
export function derivedStatus(t: StatusInput): WbsStatus {
  if (t.status === 'on_hold' || t.status === 'cancelled') return t.status;
  if (t.progress >= 100 || t.actualFinish !== null) return 'done';
  if (t.progress > 0 || t.actualStart !== null) return 'in_progress';
  return 'not_started';
}

/**
 * A write with the status its data implies: when progress or an actual date changes and the write does
 * not set the status itself (a status set by hand stays until the data moves), the status follows.
 */
export function withDerivedStatus<P extends Partial<WbsFields>>(row: StatusInput, patch: P): P {
  if ('status' in patch && patch.status !== undefined) return patch;
  if (!('progress' in patch || 'actualStart' in patch || 'actualFinish' in patch)) return patch;
  const next = derivedStatus({ ...row, ...patch } as StatusInput);
  return next === row.status ? patch : { ...patch, status: next };
}

/** A summary's status from its children's: all finished (中止 aside) 完了, any started 対応中. */
export function rollUpStatus(children: readonly Pick<WbsFields, 'status' | 'progress'>[]): WbsStatus {
  let live = 0;
  let allDone = true;
  let allOnHold = true;
  let started = false;
  for (const c of children) {
    if (c.status === 'cancelled') continue;
    live++;
    if (c.status !== 'done') allDone = false;
    if (c.status !== 'on_hold') allOnHold = false;
    if (c.status === 'in_progress' || c.status === 'done' || c.progress > 0) started = true;
  }
  if (live === 0) return 'cancelled';
  if (allDone) return 'done';
  if (allOnHold) return 'on_hold';
  if (started) return 'in_progress';
  return 'not_started';
}

/** The fields of `computed` that differ from what `stored` holds, or null when none do. */
export function rollUpChanges(stored: RolledUp, computed: RolledUp): { before: Partial<RolledUp>; after: Partial<RolledUp> } | null {
  const before: Partial<Record<WbsRolledUpField, unknown>> = {};
  const after: Partial<Record<WbsRolledUpField, unknown>> = {};
  let any = false;
  for (const f of WBS_ROLLED_UP_FIELDS) {
    if (Object.is(stored[f], computed[f])) continue;
    before[f] = stored[f];
    after[f] = computed[f];
    any = true;
  }
  return any ? { before: before as Partial<RolledUp>, after: after as Partial<RolledUp> } : null;
}

// Tree order lives in common: a screen derives it too after patching in a write's changes.
export { treeOrder, type Placed, type TreeNode } from '../../common/wbs-tree.js';

/** Every summary's roll-up computed from the leaves up: the reference the stored values must equal. */
export function rollUpAll<R extends TreeNode & RolledUp>(rows: readonly R[]): Map<number, RolledUp> {
  const placed = treeOrder(rows);
  const values = new Map<number, RolledUp>(rows.map((r) => [r.id, r]));
  const kids = new Map<number, number[]>();
  for (const { row } of placed) if (row.parentId !== null) (kids.get(row.parentId) ?? kids.set(row.parentId, []).get(row.parentId)!).push(row.id);
  const out = new Map<number, RolledUp>();
  // Reverse tree order visits every child before its parent.
  for (let i = placed.length - 1; i >= 0; i--) {
    const { row, summary } = placed[i]!;
    if (!summary) continue;
    const v = rollUp(kids.get(row.id)!.map((id) => values.get(id)!));
    values.set(row.id, v);
    out.set(row.id, v);
  }
  return out;
}
