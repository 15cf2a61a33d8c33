// WBS tasks: a tree kept as parent_id + fractional position among siblings. The WBS code (1.2.3),
// the level and the late marks are derived whenever tasks are read, so moving a row renumbers
// everything. Summary roll-ups are materialized: every write that can change them recomputes the
// ancestors it touched in the same transaction and audits what changed, so undo (which replays the
// audit rows backwards) puts roll-ups back exactly, and an edit costs a few indexed reads per level
// instead of a subtree scan. Measured (npm run bench, 10,000 tasks): an edit with three ancestors
// recomputed ≈1 ms in-process, while rolling up one 1,000-row phase on read costs ≈15–20 ms.
import type { WbsChanges, WbsCreateResult, WbsFields, WbsMovedDates, WbsTask, WbsUpdateResult } from '../../common/dto.js';
import { WBS_ROLLED_UP_FIELDS } from '../../common/dto.js';
import { ApiError, textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import { getProjectRow } from './projects.js';
import { changedFields } from './diff.js';
import type { TableStore } from '../store.js';
import { wbsStore as entityWbsStore } from '../entities.js';
import { lateFlags } from '../../common/wbs-late.js';
import { rollUp, rollUpChanges, treeOrder, withDerivedStatus, type RolledUp } from './rollup.js';
import { localToday } from '../../common/dates.js';
import { taskOfRow, type WbsRowTuple } from '../../common/wbs-rows.js';
import type { LinksProblem } from '../../common/schedule/links-text.js';
import { DEPENDENCY_ENTITY, idsByCode, hasSubtasks, linkTexts, recordLinksOf, replaceLinksInto, rescheduleDates, resolveLinks, scheduledIdsIn } from './schedule.js';
import type { CodeLookup } from '../../common/wbs-tree.js';
import * as q from '../db/queries/wbs.js';
import { linkSuccessorsAuditedIn, projectHasLinks } from '../db/queries/schedule.js';
import { entityIdsAuditedIn } from '../db/queries/history.js';
import { refuseStale } from './stale-edit.js';
import type { NetworkRows } from './schedule-network.js';

export const ENTITY = 'wbs_task';

/** A stored task, without the derived code, level and marks. */
export type TaskRow = Omit<WbsTask, 'code' | 'level' | 'summary' | 'late' | 'lateStart'> & { createdAt: string };

export const wbsStore = entityWbsStore as unknown as TableStore<TaskRow>;

const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);

export const WBS_DEFAULTS: WbsFields = {
  name: '',
  assignee: '',
  plannedStart: null,
  plannedFinish: null,
  actualStart: null,
  actualFinish: null,
  plannedEffort: null,
  actualEffort: null,
  progress: 0,
  status: 'not_started',
  milestone: false,
  deliverable: '',
  predecessors: '',
  notes: '',
  duration: null,
  scheduling: 'manual',
};

/** What the audit trail keeps of a row: everything needed to recreate it as it was (created_at too). */
export function snapshot(r: TaskRow): Omit<TaskRow, 'updatedAt'> {
  const { updatedAt: _u, ...rest } = r;
  return rest;
}

export function toTask(r: TaskRow, code: string, level: number, summary: boolean, today: string): WbsTask {
  // Fields set one by one on the rest: spreading the row and the flags into a new object cost ~30×
  // as much (a 500-row answer: ~35 ms against ~1 ms on a loaded 2-core VM).
  const { createdAt: _c, ...rest } = r;
  const task = rest as WbsTask;
  const { late, lateStart } = lateFlags(r, today);
  task.code = code;
  task.level = level;
  task.summary = summary;
  task.late = late;
  task.lateStart = lateStart;
  return task;
}

/** All tasks of a project in tree order (parents before children, siblings by position). */
export function listTasks(db: Db, projectId: number, today = localToday()): WbsTask[] {
  return listRows(db, projectId, today).map(taskOfRow);
}

/**
 * The same tasks as rows (wbs-rows.ts): the arrays SQLite answers, with the values JSON keeps as they
 * are and the derived code, level and marks appended, so the WBS screen's load makes no object per task.
 * With `first`, only the first rows in tree order (the screen's first view, sent ahead of the whole
 * plan), read by walking down from the top: a few index seeks, not the whole plan.
 */
export function listRows(db: Db, projectId: number, today = localToday(), first?: number): WbsRowTuple[] {
  getProjectRow(db, projectId);
  const placed = first === undefined ? wholeTree(db, projectId) : firstOfTree(db, projectId, first);
  const rows = placed.map(({ r, code, level, summary }) => {
    r[14] = r[14] === 1;
    r[18] = r[18] === '{}' ? {} : (JSON.parse(r[18] as string) as Record<string, unknown>);
    const { late, lateStart } = lateFlags(
      { status: r[13] as WbsTask['status'], progress: r[12] as number, plannedStart: r[6] as string | null, plannedFinish: r[7] as string | null, actualStart: r[8] as string | null, actualFinish: r[9] as string | null },
      today,
    );
    r.push(code, level, summary, late, lateStart);
    return r as unknown as WbsRowTuple;
  });
  // The first rows only: a predecessor among them has its code here; one outside them is named by a walk
  // up from it (shownLinks' few-tasks way). The walk for every link cost 2 queries a level: most of the head's read.
  const codesOfRows = () => new Map(rows.map((r) => [r[0] as number, r[22] as string]));
  const texts = rows.length > 0 ? shownLinks(db, projectId, () => rows.map((r) => r[0]), first === undefined ? codesOfRows : undefined, undefined, first === undefined ? undefined : codesOfRows) : null;
  if (texts)
    for (const r of rows) {
      const text = texts.get(r[0]);
      if (text !== undefined) r[16] = text;
    }
  return rows;
}

interface PlacedValues {
  r: unknown[];
  code: string;
  level: number;
  summary: boolean;
}

/** Every task in tree order, from one read of the project's rows (queries/wbs.ts's arrays). */
function wholeTree(db: Db, projectId: number): PlacedValues[] {
  const nodes = q.taskListValues(db, projectId).map((r) => ({ id: r[0] as number, parentId: r[2] as number | null, position: r[3] as number, r }));
  return treeOrder(nodes).map(({ row: { r }, code, level, summary }) => ({ r, code, level, summary }));
}

/**
 * The first `n` tasks in tree order, as treeOrder places them (siblings by position then id, codes by
 * their place among them), walked down from the top: one seek per row for its subtasks, so the first
 * rows of a 50,000-task plan cost what they are.
 */
function firstOfTree(db: Db, projectId: number, n: number): PlacedValues[] {
  const out: PlacedValues[] = [];
  const stack = [{ list: q.childListValues(db, projectId, null, n), i: 0, prefix: '', level: 0 }];
  while (stack.length > 0 && out.length < n) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const r = top.list[top.i++]!;
    const code = top.prefix ? `${top.prefix}.${top.i}` : String(top.i);
    // At least one, so the last row sent still knows whether it is a summary.
    const children = q.childListValues(db, projectId, r[0] as number, Math.max(1, n - out.length - 1));
    out.push({ r, code, level: top.level, summary: children.length > 0 });
    if (children.length > 0) stack.push({ list: children, i: 0, prefix: code, level: top.level + 1 });
  }
  return out;
}

/**
 * The predecessors column shows the task's links (1.2,3SS+1) in the codes of the tree as it is now;
 * a task without links keeps the text stored before links existed (an old free-text column).
 * Null when the project has no links (most plans): nothing to read then.
 */
function shownLinks(
  db: Db,
  projectId: number,
  ids: () => number[],
  byId?: () => Map<number, string>,
  hasLinks?: boolean,
  someCodes?: () => Map<number, string>,
): Map<number, string> | null {
  if (!(hasLinks ?? projectHasLinks(db, projectId))) return null;
  const known = byId?.();
  const successors = ids();
  // A few tasks (an edit's answer) name their predecessors by a walk up from each, but for those whose
  // code the caller has (someCodes); more, by the whole tree.
  const codes = someCodes?.() ?? new Map<number, string>();
  const into = { successors, codeOf: (id: number) => codes.get(id) ?? codes.set(id, taskCode(db, id)).get(id)! };
  return linkTexts(db, projectId, known, known || successors.length > 200 ? undefined : into);
}

/** `hasLinks`: whether the project has links, when the caller has read it already. */
function showLinks(db: Db, projectId: number, tasks: WbsTask[], hasLinks?: boolean): WbsTask[] {
  const texts = tasks.length > 0 ? shownLinks(db, projectId, () => tasks.map((t) => t.id), undefined, hasLinks) : null;
  if (texts)
    for (const t of tasks) {
      const text = texts.get(t.id);
      if (text !== undefined) t.predecessors = text;
    }
  return tasks;
}

export function getTaskRow(db: Db, id: number): TaskRow {
  return wbsStore.require(db, id, `WBS task ${id}`);
}

/**
 * The task's row, whether it is a summary (has subtasks) and its project's scheduling, in one read;
 * NOT_FOUND as getTaskRow says it.
 */
function taskForEdit(db: Db, id: number): { row: TaskRow; summary: boolean; scheduling: q.ProjectScheduling } {
  const raw = q.taskRowForEdit(db, id);
  if (!raw) getTaskRow(db, id);
  return { row: wbsStore.fromRaw(raw!), summary: raw!.has_subtasks === 1, scheduling: { auto: raw!.auto === 1, links: raw!.links === 1 } };
}

export function hasChildren(db: Db, row: Pick<TaskRow, 'id' | 'projectId'>): boolean {
  return hasSubtasks(db, row.id);
}

/** 1-based place of a row among its siblings (one indexed count). */
function ordinal(db: Db, r: TaskRow): number {
  return q.siblingsBefore(db, r) + 1;
}

/** A row and its ancestors, root first. */
function lineage(db: Db, row: TaskRow, cache = new Map<number, TaskRow>()): TaskRow[] {
  const chain = [row];
  for (let p = row.parentId; p !== null; ) {
    const r = cache.get(p) ?? getTaskRow(db, p);
    cache.set(p, r);
    chain.unshift(r);
    p = r.parentId;
  }
  return chain;
}

/** A task's WBS code as the grid shows it (1.2.3), from its place among its siblings: one indexed count per level. */
export function taskCode(db: Db, id: number): string {
  return lineage(db, getTaskRow(db, id))
    .map((r) => ordinal(db, r))
    .join('.');
}

/** The task whose code is `code` (1.2.3) in the project, if any: one indexed step per level. */
export function taskAtCode(db: Db, projectId: number, code: string): number | null {
  let parent: number | null = null;
  for (const part of code.split('.')) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1) return null;
    const id = q.childAt(db, projectId, parent, n - 1);
    if (id === undefined) return null;
    parent = id;
  }
  return parent;
}

/** The task with its code, and every ancestor (root first): all a screen must refresh after an edit. */
/**
 * The task with its ancestors and codes, as an edit answers it. Its one read is made at once on SQLite and
 * sent with the rest of the transaction on PostgreSQL (Sql.later); the function answered builds the answer
 * from it, and is called once the transaction is over (an edit's write lock is then held one round trip
 * less). Where the project has links, their text is read then, on its own.
 */
export function taskWithAncestors(db: Db, id: number, today: string): () => WbsUpdateResult {
  const read = q.lineageWithOrdinals(db, id);
  return () => answerOfLineage(db, id, read(), today);
}

function answerOfLineage(db: Db, id: number, rows: ReturnType<ReturnType<typeof q.lineageWithOrdinals>>, today: string): WbsUpdateResult {
  if (rows.length === 0) getTaskRow(db, id); // NOT_FOUND, said as every read by id says it
  const chain = rows.map((r) => wbsStore.fromRaw(r));
  const parts: number[] = [];
  const placed = chain.map((r, level) => {
    parts.push(rows[level]!.ordinal);
    return toTask(r, parts.join('.'), level, rows[level]!.has_subtasks === 1, today);
  });
  showLinks(db, chain[0]!.projectId, placed, rows[0]!.project_links === 1);
  const task = placed.pop()!;
  return { task, related: placed };
}

/**
 * Tasks by id with codes, in tree order (with `ancestors`, every ancestor of them too: all a screen
 * must refresh after rows changed, as their roll-ups may have moved). The rows and their ancestors are
 * read in bulk a level at a time, and the siblings before them once per parent, up to the last one
 * wanted; only when they are a good part of the project is deriving the whole tree cheaper. A 500-row
 * paste in a 100,000-task WBS used to list all 100,000, then spent most of its time in a read, an
 * ordinal count and a child check per row.
 */
export function placeTasks(db: Db, projectId: number, ids: Iterable<number>, today: string, opts: { ancestors?: boolean } = {}): WbsTask[] {
  const wanted = new Set(ids);
  if (wanted.size > 200 && q.taskCountUpTo(db, projectId, wanted.size * 10) < wanted.size * 10) {
    const all = listTasks(db, projectId, today);
    if (opts.ancestors) {
      const parentOf = new Map(all.map((t) => [t.id, t.parentId]));
      for (const id of [...wanted]) for (let p = parentOf.get(id) ?? null; p !== null && !wanted.has(p); p = parentOf.get(p) ?? null) wanted.add(p);
    }
    return all.filter((t) => wanted.has(t.id));
  }
  const rows = wbsStore.getMany(db, [...wanted]);
  for (const [id, r] of rows) if (r.projectId !== projectId) rows.delete(id);
  // Ancestors, a level at a time: one read for all parents not yet known.
  const parents = new Set<number>();
  for (let level = [...rows.values()]; level.length > 0; ) {
    const missing = new Set<number>();
    for (const r of level)
      if (r.parentId !== null) {
        parents.add(r.parentId);
        if (!rows.has(r.parentId)) missing.add(r.parentId);
      }
    const read = wbsStore.getMany(db, [...missing]);
    for (const [id, r] of read) rows.set(id, r);
    level = [...read.values()];
  }
  const placed = opts.ancestors ? [...rows.values()] : [...wanted].flatMap((id) => rows.get(id) ?? []);
  const ordinals = siblingOrdinals(db, projectId, rows);
  const codes = new Map<number, string>();
  const code = (r: TaskRow): string => {
    let c = codes.get(r.id);
    if (c === undefined) codes.set(r.id, (c = r.parentId === null ? String(ordinals.get(r.id)) : `${code(rows.get(r.parentId)!)}.${ordinals.get(r.id)}`));
    return c;
  };
  const leaves = placed.filter((r) => !parents.has(r.id)).map((r) => r.id);
  const summaries = new Set([...parents, ...(leaves.length > 0 ? q.withSubtasks(db, leaves) : [])]);
  const out = placed.map((row) => {
    const c = code(row);
    const key = c.split('.').map(Number);
    return { task: toTask(row, c, key.length - 1, summaries.has(row.id), today), key };
  });
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return showLinks(
    db,
    projectId,
    out.sort((a, b) => cmp(a.key, b.key)).map((o) => o.task),
  );
}

/**
 * Each row's 1-based place among its siblings: per parent, one read of the sibling ids up to the last
 * row asked about (never more than counting each row's earlier siblings would step over); a lone row
 * is counted.
 */
function siblingOrdinals(db: Db, projectId: number, rows: Map<number, TaskRow>): Map<number, number> {
  const byParent = new Map<number | null, TaskRow[]>();
  for (const r of rows.values()) (byParent.get(r.parentId) ?? byParent.set(r.parentId, []).get(r.parentId)!).push(r);
  const out = new Map<number, number>();
  for (const [parentId, list] of byParent) {
    if (list.length === 1) {
      out.set(list[0]!.id, ordinal(db, list[0]!));
      continue;
    }
    const wanted = new Set(list.map((r) => r.id));
    const order = q.siblingIdsThrough(db, projectId, parentId, Math.max(...list.map((r) => r.position)));
    order.forEach((id, i) => wanted.has(id) && out.set(id, i + 1));
  }
  return out;
}

/**
 * Reschedules the project's automatic tasks inside the caller's batch (see schedule.ts), the summaries
 * above what moved with them; answers the ids whose dates changed.
 */
export function rescheduleIn(db: Db, batch: Batch, projectId: number, today: string, field = 'parentId', source?: NetworkRows): number[] {
  return rescheduleDates(db, batch, projectId, today, field, undefined, source).dates.ids;
}

/**
 * A typed predecessors text becomes the task's links (replacing those it had); the stored text is
 * cleared, the links are what the column shows from now on. Text naming no task is VALIDATION.
 */
export function typedLinks(db: Db, batch: Batch, projectId: number, taskId: number, text: string, byCode?: CodeLookup): LinksProblem | null {
  const resolved = resolveLinks(text, byCode ?? idsByCode(db, projectId), taskId, hasSubtasks(db, taskId));
  if (!resolved.ok) return resolved;
  replaceLinksInto(db, batch, projectId, taskId, resolved.links);
  return null;
}

/**
 * What batch `batchId` changed in the project's WBS: its task rows as stored now, and those gone. A
 * link the batch made, changed or removed changes its successor's 先行タスク text without writing the
 * successor's row (undoing a dependency.create touches no wbs_tasks row), so those successors are
 * answered too. A link's create and delete rows hold the whole link; an update row only the fields it
 * changed, so its successor is read from the link itself.
 */
export function wbsChangesOf(db: Db, batchId: string, projectId: number, today: string): WbsChanges {
  const ids = [...new Set([...entityIdsAuditedIn(db, batchId, ENTITY), ...scheduledIdsIn(db, batchId)])];
  const successors = linkSuccessorsAuditedIn(db, batchId, DEPENDENCY_ENTITY);
  // Which are still there, in one statement each (a seek per id): a 1,000-task delete asked 1,000 times.
  const keptSet = new Set(q.tasksIn(db, ids, projectId));
  const others = [...successors, ...renumberedSuccessors(db, batchId, projectId)].filter((id): id is number => id !== null && !keptSet.has(id));
  if (others.length > 0) for (const id of q.tasksIn(db, others, projectId)) keptSet.add(id);
  return { tasks: placeTasks(db, projectId, keptSet, today), deletedIds: ids.filter((id) => !keptSet.has(id)) };
}

/**
 * The successors of links from tasks whose WBS code batch `batchId` may have changed (a successor's
 * 先行タスク text names its predecessors by code): a row created, deleted or moved to another parent
 * renumbers its parents' children and all under them; a row moved among its siblings (a position
 * written, as move up/down swaps two) renumbers itself and all under it (queries/wbs.ts).
 */
function renumberedSuccessors(db: Db, batchId: string, projectId: number): number[] {
  // Most plans have no links: no walk of the tree then.
  if (!projectHasLinks(db, projectId)) return [];
  return q.renumberedSuccessors(db, batchId, ENTITY, projectId);
}

// ---- roll-ups ----------------------------------------------------------------------------------

type RollUpRow = q.RollUpRow;

/**
 * Recomputes the roll-ups of the given tasks and of all their ancestors, deepest first (a parent
 * is computed from children already settled), writing and auditing the fields that changed.
 * Tasks without children are leaves and keep their typed values. The chains and the children of every
 * task to settle are read in one statement, and a settled summary's new values are seen by its parent
 * through the same object (a reschedule settles a thousand summaries).
 */
export function settleRollUps(db: Db, batch: Batch, projectId: number, startIds: Iterable<number | null | undefined>): void {
  const starts = [...startIds];
  const ids = [...new Set(starts.filter((id): id is number => id !== null && id !== undefined))];
  if (ids.length === 0) return;
  // Every chain and every child of it in one read (a round trip to a team database).
  const family = q.rollUpFamily(db, projectId, ids);
  const rows = new Map(family.chain.map((r) => [r.id, r]));
  const depth = new Map<number, number>();
  for (const start of starts) {
    if (start === null || start === undefined || depth.has(start)) continue;
    const chain: RollUpRow[] = [];
    for (let id: number | null = start; id !== null; ) {
      const r: RollUpRow | undefined = rows.get(id);
      if (!r || r.projectId !== projectId) break;
      chain.push(r);
      id = r.parentId;
    }
    chain.forEach((r, i) => depth.set(r.id, chain.length - 1 - i));
  }
  if (depth.size === 0) return;
  const children = new Map<number, RollUpRow[]>();
  for (const k of family.children) {
    if (!depth.has(k.parentId!)) continue;
    const list = children.get(k.parentId!) ?? children.set(k.parentId!, []).get(k.parentId!)!;
    list.push(rows.get(k.id) ?? k);
  }
  const order = [...depth.entries()].sort((a, b) => b[1] - a[1]);
  const settled: { id: number; before: unknown; after: Partial<RolledUp> }[] = [];
  for (const [id] of order) {
    const list = children.get(id);
    if (!list) continue;
    const row = rows.get(id)!;
    const changed = rollUpChanges(row, rollUp(list));
    if (!changed) continue;
    settled.push({ id, ...changed });
    Object.assign(row, changed.after);
  }
  // Written after the walk (it reads nothing back from the table), in bulk.
  wbsStore.updateMany(db, settled.map((c) => ({ id: c.id, patch: c.after })));
  batch.recordMany(ENTITY, 'update', settled);
}

/** CONFLICT when a patch types into a rolled-up field of a summary row (`summary`: the row has subtasks). */
export function refuseRolledUp(row: TaskRow, summary: boolean, fields: Iterable<string>): void {
  const field = [...fields].find((f) => ROLLED_UP.has(f));
  if (field !== undefined && summary)
    throw textError('CONFLICT', 'wbs.summaryComputed', { field }, `${field} of a summary task is computed from its subtasks and cannot be typed`, { field, id: row.id });
}

// ---- positions ---------------------------------------------------------------------------------

/** Where new siblings go: after a sibling, at the start ('first') or at the end ('last'). */
export type Slot = { after: number } | 'first' | 'last';

/**
 * `count` increasing positions for new siblings under `parentId` at `slot`. Positions are doubles
 * between the neighbours; when doubles run out between two siblings they are spaced out again first.
 */
export function slotPositions(db: Db, batch: Batch, projectId: number, parentId: number | null, slot: Slot, count: number): number[] {
  let lo: number | null;
  let hi: number | null;
  if (slot === 'last') {
    lo = q.lastPosition(db, projectId, parentId);
    hi = null;
  } else if (slot === 'first') {
    lo = null;
    hi = q.firstPositionAfter(db, projectId, parentId);
  } else {
    lo = getTaskRow(db, slot.after).position;
    hi = q.firstPositionAfter(db, projectId, parentId, lo);
  }
  if (hi === null) return Array.from({ length: count }, (_, i) => (lo ?? 0) + i + 1);
  const from = lo ?? hi - 1;
  const step = (hi - from) / (count + 1);
  const out = Array.from({ length: count }, (_, i) => from + step * (i + 1));
  const fits = out.every((p, i) => p > (i === 0 ? from : out[i - 1]!)) && out[count - 1]! < hi;
  if (fits) return out;
  renumberSiblings(db, batch, projectId, parentId);
  return slotPositions(db, batch, projectId, parentId, slot, count);
}

/** Positions 1, 2, 3 … in the current order; each moved row is audited so undo restores it. */
export function renumberSiblings(db: Db, batch: Batch, projectId: number, parentId: number | null): void {
  const rows = q.siblingPositions(db, projectId, parentId);
  rows.forEach((r, i) => setPosition(db, batch, r, { parentId, position: i + 1 }));
}

/** Moves a row to (parentId, position), auditing only what changed. */
export function setPosition(
  db: Db,
  batch: Batch,
  row: { id: number; position: number; parentId?: number | null },
  to: { parentId: number | null; position: number },
): void {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (row.parentId !== undefined && row.parentId !== to.parentId) {
    before.parentId = row.parentId;
    after.parentId = to.parentId;
  }
  if (row.position !== to.position) {
    before.position = row.position;
    after.position = to.position;
  }
  if (Object.keys(after).length === 0) return;
  wbsStore.update(db, row.id, after);
  batch.record(ENTITY, row.id, 'update', before, after);
}

// ---- create / update / delete ------------------------------------------------------------------

export interface NewTask {
  parentId?: number | null;
  /** Insert after this sibling (below it); the parent is taken from it. */
  afterId?: number | null;
  /** Insert before this sibling (above it); the parent is taken from it. */
  beforeId?: number | null;
  values?: Partial<WbsFields>;
}

function sibling(db: Db, projectId: number, id: number, field: string, parentId: number | null | undefined): TaskRow {
  const s = getTaskRow(db, id);
  if (s.projectId !== projectId) throw textError('CONFLICT', 'wbs.otherProject', { id }, `WBS task ${id} belongs to another project`, { field });
  if (parentId !== undefined && parentId !== s.parentId)
    throw textError('CONFLICT', 'wbs.notSibling', { id }, `WBS task ${id} is not a sibling under the chosen parent`, { field });
  return s;
}

/** The parent and position a new task takes, from parentId / afterId / beforeId. */
function placeNew(db: Db, batch: Batch, projectId: number, t: NewTask): { parentId: number | null; position: number } {
  if (t.afterId != null && t.beforeId != null)
    throw textError('VALIDATION', 'wbs.afterOrBefore', {}, 'give afterId or beforeId, not both', [{ field: 'beforeId', message: 'give afterId or beforeId, not both' }]);
  if (t.beforeId != null) {
    const before = sibling(db, projectId, t.beforeId, 'beforeId', t.parentId);
    const prev = q.previousSibling(db, before);
    const slot: Slot = prev === undefined ? 'first' : { after: prev };
    return { parentId: before.parentId, position: slotPositions(db, batch, projectId, before.parentId, slot, 1)[0]! };
  }
  if (t.afterId != null) {
    const after = sibling(db, projectId, t.afterId, 'afterId', t.parentId);
    return { parentId: after.parentId, position: slotPositions(db, batch, projectId, after.parentId, { after: after.id }, 1)[0]! };
  }
  const parentId = t.parentId ?? null;
  if (parentId !== null && getTaskRow(db, parentId).projectId !== projectId)
    throw textError('CONFLICT', 'wbs.otherProject', { id: parentId }, `WBS task ${parentId} belongs to another project`, { field: 'parentId' });
  return { parentId, position: slotPositions(db, batch, projectId, parentId, 'last', 1)[0]! };
}

export function insertRow(
  db: Db,
  batch: Batch,
  projectId: number,
  parentId: number | null,
  position: number,
  values?: Partial<WbsFields> & { extra?: Record<string, unknown> },
): TaskRow {
  // The row is known whole here (the same ISO format as the column default), so it is not read back.
  const now = new Date().toISOString();
  const row = { ...WBS_DEFAULTS, extra: {}, ...values, ...withDerivedStatus(WBS_DEFAULTS, values ?? {}), projectId, parentId, position, createdAt: now, updatedAt: now };
  const id = wbsStore.insertFull(db, row);
  const stored = { id, ...row } as TaskRow;
  batch.record(ENTITY, id, 'create', null, snapshot(stored));
  return stored;
}

/**
 * The first of `n` ids for tasks inserted in bulk with their ids (never given before, and not given to
 * another row afterwards: on PostgreSQL the identity is moved past them, so a colleague's task cannot
 * take one).
 */
export function nextTaskId(db: Db, n: number): number {
  return q.reserveTaskIds(db, n);
}

/**
 * A new task with every column and its id (see nextTaskId), for insertTasks: each field the value given
 * (an own property, as a spread would copy it), else its default; the status the values imply when they
 * give none. Written out field by field, every row of one shape: spreading the defaults, the values and
 * the derived status into each of 100,000 rows was ~0.1 s of a large import's apply.
 */
export function newTaskRow(
  id: number,
  projectId: number,
  parentId: number | null,
  position: number,
  values: Partial<WbsFields> & { extra?: Record<string, unknown> },
  now: string,
): TaskRow {
  const v = values;
  const d = WBS_DEFAULTS;
  const has = Object.hasOwn;
  const derived = withDerivedStatus(d, v);
  return {
    id,
    name: has(v, 'name') ? v.name! : d.name,
    assignee: has(v, 'assignee') ? v.assignee! : d.assignee,
    plannedStart: has(v, 'plannedStart') ? v.plannedStart! : d.plannedStart,
    plannedFinish: has(v, 'plannedFinish') ? v.plannedFinish! : d.plannedFinish,
    actualStart: has(v, 'actualStart') ? v.actualStart! : d.actualStart,
    actualFinish: has(v, 'actualFinish') ? v.actualFinish! : d.actualFinish,
    plannedEffort: has(v, 'plannedEffort') ? v.plannedEffort! : d.plannedEffort,
    actualEffort: has(v, 'actualEffort') ? v.actualEffort! : d.actualEffort,
    progress: has(v, 'progress') ? v.progress! : d.progress,
    status: Object.hasOwn(derived, 'status') ? derived.status! : d.status,
    milestone: has(v, 'milestone') ? v.milestone! : d.milestone,
    deliverable: has(v, 'deliverable') ? v.deliverable! : d.deliverable,
    predecessors: has(v, 'predecessors') ? v.predecessors! : d.predecessors,
    notes: has(v, 'notes') ? v.notes! : d.notes,
    duration: has(v, 'duration') ? v.duration! : d.duration,
    scheduling: has(v, 'scheduling') ? v.scheduling! : d.scheduling,
    extra: has(v, 'extra') ? v.extra! : {},
    projectId,
    parentId,
    position,
    createdAt: now,
    updatedAt: now,
  } as TaskRow;
}

/**
 * A bulk create's audit rows name each row and hold no snapshot (`after` NULL): writing 100,000 snapshots
 * of rows the table holds anyway was half of a large import's insert (the JSON, then ~60 MB of pages to
 * commit). Nothing needs them: undo deletes a create by id, snapshotting the row then; a row's history
 * reads the values a create made from the row as stored, each later change taken back (history.ts
 * createdValues); the other readers read a create's id alone or find its parent in the table.
 */
const NO_SNAPSHOT = { table: wbsStore.table, snapshotSql: () => 'NULL' };

/** Many new tasks in multi-row statements, parents before children, each audited as created (NO_SNAPSHOT). */
export function insertTasks(db: Db, batch: Batch, rows: TaskRow[]): void {
  wbsStore.insertMany(db, rows);
  batch.recordStored(ENTITY, 'create', NO_SNAPSHOT, rows.map((r) => r.id));
}

function insertTask(db: Db, batch: Batch, projectId: number, t: NewTask): TaskRow {
  const { parentId, position } = placeNew(db, batch, projectId, t);
  return insertRow(db, batch, projectId, parentId, position, t.values);
}

export function createTask(db: Db, actor: Actor, projectId: number, t: NewTask, today = localToday()): WbsCreateResult {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'wbs.create', projectId, (batch) => {
    const row = insertTask(db, batch, projectId, t);
    // A task added under a leaf turns it into a summary: its values now come from its subtasks.
    settleRollUps(db, batch, projectId, [row.parentId]);
    rescheduleIn(db, batch, projectId, today);
    const { tasks } = wbsChangesOf(db, batch.id, projectId, today);
    return { ...taskWithAncestors(db, row.id, today)().task, related: tasks.filter((x) => x.id !== row.id) };
  });
}

/**
 * Tasks added at the end of their parents' subtasks, in bulk: each parent checked and its last position
 * read once, the ids reserved together and the rows written in multi-row statements (insertTasks), not a
 * few round trips per task — what a team database made cost 21 s for 10,000 tasks.
 */
function appendTasks(db: Db, batch: Batch, projectId: number, tasks: NewTask[]): TaskRow[] {
  const next = new Map<number | null, number>();
  const parents = [...new Set(tasks.flatMap((t) => (t.parentId == null ? [] : [t.parentId])))];
  const found = new Map(q.lastPositionsUnder(db, parents).map((p) => [p.id, p]));
  for (const id of parents) {
    const p = found.get(id);
    if (!p) getTaskRow(db, id); // NOT_FOUND, said as every read by id says it
    else if (p.projectId !== projectId) throw textError('CONFLICT', 'wbs.otherProject', { id }, `WBS task ${id} belongs to another project`, { field: 'parentId' });
    else next.set(id, p.last ?? 0);
  }
  const position = (parentId: number | null): number => {
    const last = next.get(parentId) ?? q.lastPosition(db, projectId, parentId) ?? 0;
    next.set(parentId, last + 1);
    return last + 1;
  };
  const placed = tasks.map((t) => ({ parentId: t.parentId ?? null, position: position(t.parentId ?? null), values: t.values ?? {} }));
  const first = nextTaskId(db, placed.length);
  const now = new Date().toISOString();
  const rows = placed.map((p, i) => newTaskRow(first + i, projectId, p.parentId, p.position, p.values, now));
  insertTasks(db, batch, rows);
  return rows;
}

/** Several tasks in one transaction and one undo batch (paste, import). */
export function createTasks(db: Db, actor: Actor, projectId: number, tasks: NewTask[], label = 'wbs.createMany'): number[] {
  getProjectRow(db, projectId);
  return inBatch(db, actor, label, projectId, (batch) => {
    const rows = tasks.every((t) => t.afterId == null && t.beforeId == null) ? appendTasks(db, batch, projectId, tasks) : tasks.map((t) => insertTask(db, batch, projectId, t));
    settleRollUps(db, batch, projectId, new Set(rows.map((r) => r.parentId)));
    rescheduleIn(db, batch, projectId, localToday());
    return rows.map((r) => r.id);
  });
}

export function updateTask(db: Db, actor: Actor, id: number, patch: Partial<WbsFields>, today = localToday(), expected?: Record<string, unknown>): WbsUpdateResult {
  // The row is read once, inside the transaction; the batch takes its project from it when it records
  // (a read before the transaction was one more round trip to a team database on every edit).
  let projectId: number | null = null;
  const { answer, dates } = inBatch(db, actor, 'wbs.update', () => projectId, (batch) => {
    const { row, summary, scheduling } = taskForEdit(db, id);
    projectId = row.projectId;
    refuseStale(db, ENTITY, [{ id, stored: row, expected, patch }]);
    // Whether the project has automatic tasks and links, as read with the row, holds to the reschedule
    // unless this edit changes the task's scheduling or its links: then it is read again there.
    const known = patch.scheduling === undefined && patch.predecessors === undefined ? scheduling : undefined;
    if (patch.predecessors !== undefined) {
      const problem = typedLinks(db, batch, row.projectId, id, patch.predecessors);
      if (problem) throw new ApiError('VALIDATION', `predecessors: ${problem.message}`, [{ field: 'predecessors', message: problem.message }], problem.text);
      patch = { ...patch, predecessors: '' };
    }
    const changed = changedFields(row, withDerivedStatus(row, patch));
    if (changed) {
      const fields = Object.keys(changed.after);
      refuseRolledUp(row, summary, fields);
      // Nothing read back (the row was read above, in this transaction): sent with the next read.
      wbsStore.updateMany(db, [{ id, patch: changed.after }]);
      batch.record(ENTITY, id, 'update', changed.before, changed.after);
      if (fields.some((f) => ROLLED_UP.has(f))) settleRollUps(db, batch, row.projectId, [row.parentId]);
    }
    const { dates } = rescheduleDates(db, batch, row.projectId, today, patch.predecessors !== undefined ? 'predecessors' : 'plannedStart', known);
    // Read last, with the COMMIT on a team database: built below, once committed.
    return { answer: taskWithAncestors(db, id, today), dates };
  });
  const task = answer();
  if (dates.ids.length === 0) return task;
  // The task and its ancestors go as rows; the other tasks and summaries the reschedule moved, as their
  // dates (only their planned dates changed).
  const moved = movedBut(dates, new Set([id, ...task.related.map((t) => t.id)]));
  return moved ? { ...task, moved } : task;
}

/** The moved dates without those of `answered` (tasks the answer carries as whole rows); none left: undefined. */
export function movedBut(dates: WbsMovedDates, answered: ReadonlySet<number>): WbsMovedDates | undefined {
  // Plain loops and columns made at their size: a reschedule moves 10,000 tasks, and an array per task
  // (flatMap) cost more than the rest of the answer; columns grown by push were a fifth of the edit's garbage.
  const { ids } = dates;
  let left = 0;
  for (let i = 0; i < ids.length; i++) if (!answered.has(ids[i]!)) left++;
  if (left === 0) return undefined;
  if (left === ids.length) return dates;
  const out: WbsMovedDates = { ids: new Array<number>(left), plannedStart: new Array<string | null>(left), plannedFinish: new Array<string | null>(left), updatedAt: dates.updatedAt };
  for (let i = 0, j = 0; i < ids.length; i++) {
    if (answered.has(ids[i]!)) continue;
    out.ids[j] = ids[i]!;
    out.plannedStart[j] = dates.plannedStart[i]!;
    out.plannedFinish[j++] = dates.plannedFinish[i]!;
  }
  return out;
}

/** Ids without those inside the subtree of another id in the list (they go along with it). */
export function topmost(db: Db, rows: TaskRow[]): TaskRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const cache = new Map<number, TaskRow>();
  return rows.filter((r) => !lineage(db, r, cache).slice(0, -1).some((a) => ids.has(a.id)));
}

/** The rows of `ids`, all in one project (NOT_FOUND / CONFLICT otherwise), without duplicates. */
export function rowsOfOneProject(db: Db, ids: number[]): TaskRow[] {
  const rows = [...new Set(ids)].map((id) => getTaskRow(db, id));
  const projectId = rows[0]!.projectId;
  const foreign = rows.find((r) => r.projectId !== projectId);
  if (foreign) throw textError('CONFLICT', 'differentProjects', {}, 'the tasks belong to different projects', { field: 'ids', id: foreign.id });
  return rows;
}

/** Deletes tasks with their whole subtrees; every deleted row is kept in the audit trail. */
export function deleteTasks(db: Db, actor: Actor, ids: number[], today = localToday()): { deleted: number } & WbsChanges {
  const first = rowsOfOneProject(db, ids)[0]!;
  return inBatch(db, actor, 'wbs.delete', first.projectId, (batch) => {
    const tops = topmost(db, rowsOfOneProject(db, ids));
    const deleted = deleteSubtreesIn(db, batch, tops);
    settleRollUps(db, batch, first.projectId, new Set(tops.map((t) => t.parentId)));
    return { deleted, ...wbsChangesOf(db, batch.id, first.projectId, today) };
  });
}

/** Deletes each row with its subtree inside an open batch (roll-ups are the caller's); answers the count. */
export function deleteSubtreesIn(db: Db, batch: Batch, tops: { id: number }[]): number {
  let deleted = 0;
  for (const top of tops) {
    const subtree = q.subtreeIds(db, top.id);
    // Links first and children before parents, so replaying the trail backwards recreates parents,
    // then children, then the links between them (the foreign key's cascade removes the link rows).
    // The task snapshots are made and written by SQLite (recordStored), not read and mapped row by row.
    recordLinksOf(db, batch, subtree);
    batch.recordStored(ENTITY, 'delete', wbsStore, subtree.reverse());
    wbsStore.remove(db, top.id);
    deleted += subtree.length;
  }
  return deleted;
}

export function deleteTask(db: Db, actor: Actor, id: number): { deleted: number } {
  return deleteTasks(db, actor, [id]);
}
