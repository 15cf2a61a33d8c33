// Undo and redo on the audit batches, per project and per user, LIFO. Undoing batch X replays X's audit rows
// backwards through the entity stores (create → delete the row, update → write `before` back,
// delete → re-insert the snapshot with its id) in one transaction, marks X undone, and records what
// it did as a batch of kind 'undo' (reverts = X). Redo is the undo of that undo batch, so it needs no
// separate replay code, and it lands on the undo stack as a batch of kind 'redo'.
//   undo stack: the user's 'edit' and 'redo' batches of the project not undone, newest first;
//   redo stack: the user's 'undo' batches not undone and newer than the user's latest 'edit' — a new edit
//   clears it.
// Each user has a stack of their own (the caller's user, see core/call-scope.ts): Ctrl+Z in one
// person's window takes back that person's last change, never a colleague's made since (a workspace on
// a shared folder, or the team mode). Two windows of one user share the stack, as the stack survives a
// restart and a web page's client id does not (the host's port, so its origin, changes every launch).
// Everything lives in SQLite, so both stacks survive a restart. project.* batches (create, rename of
// the project itself) are not on the stacks. A project's delete is undone by its caller once the project
// is gone (history.undo with its id: the caller's newest step of it is that delete, or the redo of it),
// putting back every row exactly as it was; the undo is then on the project's redo stack, so redo
// deletes it again.
import { reportProgress } from '../call-scope.js';
import type { BatchKind, FieldChange, HistoryEntry, HistoryState, UndoResult } from '../../common/dto.js';
import { textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor, type AuditAction, type Batch } from '../batch.js';
import { ENTITY_STORES, type AnyStore } from '../entities.js';
import { JsonText } from '../store.js';
import { getProjectRow } from './projects.js';
import { ENTITY as WBS_ENTITY, settleRollUps, wbsChangesOf } from './wbs.js';
import { DEPENDENCY_ENTITY, SCHEDULE_ENTITY, type ScheduleAudit, type ScheduleDates } from './schedule.js';
import { scheduleAuditRowsIn, setPlannedDates } from '../db/queries/schedule.js';
import { localToday } from '../../common/dates.js';
import { auditRowsOf, auditTrailOf, batchAuditRows, batchTouchesOtherThan, laterChangesByOthers, laterChangesOfRowsByOthers, markUndone, newestBatchBelow, type LaterChange, type StackBatch } from '../db/queries/history.js';
import { formatDateTime } from '../../common/dates.js';
import { WBS_ROLLED_UP_FIELDS } from '../../common/dto.js';
import { projectExists } from '../db/queries/projects.js';
import { hasSubtasks as taskHasSubtasks, parentsOf, tasksIn } from '../db/queries/wbs.js';

type BatchRow = StackBatch;

type Values = Record<string, unknown>;

// The top of each stack is found in constant time, whatever the history's length (one seek each, see
// queries/history.ts). A batch off the stacks (project.*, or one that touched an entity without a
// store — none today) is stepped over.
// A reschedule's one audit row (schedule.ts SCHEDULE_ENTITY) has no store: revert writes its dates back.
const UNDOABLE = [...Object.keys(ENTITY_STORES), SCHEDULE_ENTITY].sort();

const PROJECT_DELETE = 'project.delete';

function onStacks(db: Db, b: BatchRow, kind: BatchKind): boolean {
  // The undo of a project's delete is redone from the project it brought back (deleting it again).
  if (b.label.startsWith('project.') && !(b.label === PROJECT_DELETE && kind === 'undo')) return false;
  return !batchTouchesOtherThan(db, b.id, UNDOABLE);
}

/** The user's newest batch of the project of `kind` with this `undone` mark that is on the stacks. */
function newest(db: Db, projectId: number, who: string, kind: BatchKind, undone: 0 | 1): BatchRow | undefined {
  for (let below = Number.MAX_SAFE_INTEGER; ; ) {
    const b = newestBatchBelow(db, projectId, kind, undone, who, below);
    if (!b || onStacks(db, b, kind)) return b;
    below = b.seq;
  }
}

const newer = (a: BatchRow | undefined, b: BatchRow | undefined) => (!a ? b : !b ? a : a.seq > b.seq ? a : b);

function undoTop(db: Db, projectId: number, who: string): BatchRow | undefined {
  return newer(newest(db, projectId, who, 'edit', 0), newest(db, projectId, who, 'redo', 0));
}

function redoTop(db: Db, projectId: number, who: string): BatchRow | undefined {
  const top = newest(db, projectId, who, 'undo', 0);
  const lastEdit = newer(newest(db, projectId, who, 'edit', 0), newest(db, projectId, who, 'edit', 1));
  return top && (!lastEdit || top.seq > lastEdit.seq) ? top : undefined;
}

/**
 * For a project that is gone: the user's delete of it, when that is their newest step in it not undone
 * (the delete, or the redo of its undo). Another user's delete is not theirs to undo.
 */
function deletedTop(db: Db, projectId: number, who: string): BatchRow | undefined {
  const top = newer(newestBatchBelow(db, projectId, 'edit', 0, who, Number.MAX_SAFE_INTEGER), newestBatchBelow(db, projectId, 'redo', 0, who, Number.MAX_SAFE_INTEGER));
  return top?.label === PROJECT_DELETE ? top : undefined;
}

/** What `actor` can undo and redo in the project (in a project that is gone: undo their delete of it). */
export function historyState(db: Db, actor: Actor, projectId: number): HistoryState {
  if (!projectExists(db, projectId)) {
    const d = deletedTop(db, projectId, actor.user);
    if (!d) getProjectRow(db, projectId);
    return { canUndo: true, canRedo: false, undoLabel: d!.label };
  }
  const u = undoTop(db, projectId, actor.user);
  const r = redoTop(db, projectId, actor.user);
  return { canUndo: !!u, canRedo: !!r, ...(u && { undoLabel: u.label }), ...(r && { redoLabel: r.label }) };
}

/** Entities as the screens know them: a reschedule's dates are the WBS's (the screen reloads or patches its tasks). */
export function screenEntities(entities: readonly string[]): string[] {
  return [...new Set(entities.map((e) => (e === SCHEDULE_ENTITY ? WBS_ENTITY : e)))];
}

export function undo(db: Db, actor: Actor, projectId: number, today = localToday()): UndoResult {
  return step(db, actor, projectId, 'undo', today);
}

export function redo(db: Db, actor: Actor, projectId: number, today = localToday()): UndoResult {
  return step(db, actor, projectId, 'redo', today);
}

function step(db: Db, actor: Actor, projectId: number, kind: 'undo' | 'redo', today: string): UndoResult {
  // The target is chosen inside the write transaction, so two windows cannot undo the same batch.
  const result = db.sql.tx(() => {
    const gone = !projectExists(db, projectId);
    // A project that is gone: only undoing the caller's delete of it (nothing to redo there).
    if (gone && (kind === 'redo' || !deletedTop(db, projectId, actor.user))) getProjectRow(db, projectId);
    const target = gone ? deletedTop(db, projectId, actor.user) : kind === 'undo' ? undoTop(db, projectId, actor.user) : redoTop(db, projectId, actor.user);
    if (!target) return { applied: false, entities: [] as string[] };
    if (!gone) refuseOverColleague(db, actor, target, kind);
    const reverted = revert(db, actor, projectId, target, kind);
    const { batchId } = reverted;
    const entities = screenEntities(reverted.entities);
    // The WBS screen patches the rows the step changed instead of listing the whole WBS again.
    // A link's step changes its successor's predecessors text, so it answers the WBS too. A project
    // brought back or deleted again is reloaded whole.
    const patch = target.label !== PROJECT_DELETE && (entities.includes(WBS_ENTITY) || entities.includes(DEPENDENCY_ENTITY));
    const wbs = patch ? { wbs: wbsChangesOf(db, batchId, projectId, today) } : {};
    return { applied: true, label: target.label, entities, ...wbs };
  });
  return { ...result, state: historyState(db, actor, projectId) };
}

/**
 * A summary's rolled-up values follow its children, and an automatic task's dates its links: a
 * colleague's edit elsewhere in the tree changes them without touching this step's rows. Only on such
 * rows: the same fields of an ordinary task (its effort, dates, progress) are what a colleague typed.
 */
const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);
const SCHEDULED = new Set<string>(['plannedStart', 'plannedFinish']);

/** Whether a later change only moved values the row derives: a summary's roll-ups, an automatic task's dates. */
function onlyDerived(db: Db, c: LaterChange): boolean {
  // A reschedule only ever moves automatic tasks' dates and summaries' roll-ups.
  if (c.entity === SCHEDULE_ENTITY) return true;
  if (c.entity !== WBS_ENTITY || c.action !== 'update' || !c.before || !c.after) return false;
  const before = JSON.parse(c.before) as Values;
  const after = JSON.parse(c.after) as Values;
  const changed = Object.keys({ ...before, ...after }).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (changed.every((f) => ROLLED_UP.has(f)) && taskHasSubtasks(db, c.entityId)) return true;
  return changed.every((f) => SCHEDULED.has(f)) && ENTITY_STORES[WBS_ENTITY]!.get(db, c.entityId)?.scheduling === 'auto';
}

/**
 * Many writers: undoing (or redoing) a step puts rows back as they were before it; when a colleague has
 * changed one of them since, that would silently take their change back too. Refused, saying who and when.
 * A colleague's change that is gone again (taken back by their own undo, or typed back) leaves the row as
 * the step left it: nothing of theirs would be lost, so the step is not refused for it for ever.
 */
function refuseOverColleague(db: Db, actor: Actor, target: BatchRow, kind: 'undo' | 'redo'): void {
  // The tasks the step's reschedule moved are one row of it (SCHEDULE_ENTITY): a colleague's later
  // change of one of those tasks counts as one of the same rows (review R6: it was not seen, and the undo
  // wrote the old dates over dates the colleague had typed).
  const moved = scheduleAuditRowsIn(db, target.id, SCHEDULE_ENTITY).flatMap((row) =>
    laterChangesOfRowsByOthers(db, WBS_ENTITY, (JSON.parse(row.after) as ScheduleAudit).ids, Number(row.id), actor.user, 1000),
  );
  const later = [...laterChangesByOthers(db, target.id, actor.user, 1000), ...moved].filter((c) => !onlyDerived(db, c));
  if (later.length === 0) return;
  const byRow = new Map<string, LaterChange[]>();
  for (const c of later) {
    const key = `${c.entity}:${c.entityId}`;
    (byRow.get(key) ?? byRow.set(key, []).get(key)!).push(c);
  }
  const left = stepLeft(db, target.id, kind, new Set(byRow.keys()));
  for (const [key, changes] of byRow) {
    const { entity, entityId } = changes[0]!;
    const current = ENTITY_STORES[entity]?.get(db, entityId) as Values | undefined;
    const at = left.get(key) ?? {};
    // Each field a colleague changed, against what it was when the step left it (the step's own value,
    // else the value the colleague's first change of it found).
    const moved = current
      ? [...new Set(changes.flatMap(changedFields))].find((f) => {
          const was = f in at ? at[f] : (JSON.parse(changes.find((c) => changedFields(c).includes(f))!.before ?? '{}') as Values)[f];
          return !sameValue(current[f], was);
        })
      : undefined;
    if (current && moved === undefined) continue;
    const change = [...changes].reverse().find((c) => moved === undefined || changedFields(c).includes(moved))!;
    const when = formatDateTime(change.at);
    throw textError(
      'CONFLICT',
      kind === 'undo' ? 'history.colleagueChanged' : 'history.colleagueChangedRedo',
      { who: change.who, when },
      `cannot ${kind} ${target.label}: ${change.who} changed the same ${change.entity} ${change.entityId} since (${when}); nothing was changed`,
      { entity: change.entity, id: change.entityId, who: change.who, at: change.at },
    );
  }
}

/** The fields a later change wrote with a new value (all of them for a create or delete). */
function changedFields(c: LaterChange): string[] {
  const before = c.before ? (JSON.parse(c.before) as Values) : {};
  const after = c.after ? (JSON.parse(c.after) as Values) : {};
  return Object.keys({ ...before, ...after }).filter((f) => f !== 'updatedAt' && !sameValue(before[f], after[f]));
}

/** Values as stored and as audited compare alike (a flag audited as 1 is the row's true). */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(typeof a === 'boolean' ? Number(a) : (a ?? null)) === JSON.stringify(typeof b === 'boolean' ? Number(b) : (b ?? null));

/**
 * Per row (entity:id, of `keys`), the values the step left it with: an undo's target left its `after`
 * values, a redo's target (undone) its `before` ones.
 */
function stepLeft(db: Db, batchId: string, kind: 'undo' | 'redo', keys: Set<string>): Map<string, Values> {
  const rows = batchAuditRows(db, batchId).filter((r) => keys.has(`${r.entity}:${r.entityId}`));
  const out = new Map<string, Values>();
  // An undo's rows are read oldest first, each later value over the earlier; a redo's newest first, so
  // the value before the step's first change of a field is the one kept.
  for (const r of kind === 'undo' ? rows : [...rows].reverse()) {
    const values = (kind === 'undo' ? r.after : r.before) as string | null;
    if (!values) continue;
    const key = `${r.entity}:${r.entityId}`;
    out.set(key, { ...(out.get(key) ?? {}), ...(JSON.parse(values) as Values) });
  }
  return out;
}

/**
 * Applies the inverse of `target`'s audit rows, newest first, as a new batch; marks `target` undone.
 * Consecutive rows of one entity and action are inverted together — read in chunks of `id IN (…)`,
 * deleted and re-inserted by multi-row statements, audited by multi-row inserts — so undoing a
 * 10,000-row import costs about what applying it did, not 10,000 round trips of read, write, read back.
 */
function revert(db: Db, actor: Actor, projectId: number, target: BatchRow, kind: 'undo' | 'redo'): { entities: string[]; batchId: string } {
  const rows = auditRowsOf(db, target.id);
  // A project's delete and its undo and redo keep every row whole, updatedAt included: put back exactly.
  const exact = target.label === PROJECT_DELETE;
  const entities = new Set<string>();
  const batchId = inBatch(
    db,
    actor,
    target.label,
    projectId,
    (batch) => {
      const wbsParents = new Set<number | null>();
      for (let i = 0; i < rows.length; ) {
        reportProgress(i, rows.length);
        const { entity } = rows[i]!;
        const action = rows[i]!.action as AuditAction;
        let j = i + 1;
        while (j < rows.length && rows[j]!.entity === entity && rows[j]!.action === action) j++;
        if (entity === SCHEDULE_ENTITY) {
          for (const r of rows.slice(i, j)) revertSchedule(db, batch, r.entityId, parse(r.before) as ScheduleDates | null, parse(r.after) as ScheduleAudit | null);
          entities.add(entity);
          i = j;
          continue;
        }
        const store = ENTITY_STORES[entity];
        if (!store) throw textError('CONFLICT', 'cannotUndo', {}, `changes to ${entity} cannot be undone`, { entity });
        const run = rows.slice(i, j).map((r) => ({ id: r.entityId, before: parse(r.before), after: parse(r.after), beforeText: r.before }));
        const parents = entity === WBS_ENTITY ? wbsParents : null;
        invertRun(db, batch, store, entity, action, run, parents, exact);
        entities.add(entity);
        i = j;
      }
      // The audit rows hold every roll-up change, so this finds nothing to do; it is the guard that
      // keeps summaries right even if some past writer forgot to record one. A summary's roll-up
      // depends on its children only, so the parents of the rows touched are where it starts.
      if (wbsParents.size > 0 && !exact) settleRollUps(db, batch, projectId, wbsParents);
      markUndone(db, target.id);
      return batch.id;
    },
    { kind, reverts: target.id },
  );
  return { entities: [...entities], batchId };
}

/**
 * Puts a reschedule's dates back (its audit row's `before` column) and records the inverse as one row
 * again. A task deleted since is NOT_FOUND, as any row an undo would write.
 */
function revertSchedule(db: Db, batch: Batch, projectId: number, before: ScheduleDates | null, after: ScheduleAudit | null): void {
  if (!before || !after) throw textError('CONFLICT', 'history.noSnapshot', { id: projectId }, `no dates in the reschedule of project ${projectId}`, { entity: SCHEDULE_ENTITY, id: projectId });
  const now = new Date().toISOString();
  // The ids are in `after` alone (schedule.ts ScheduleDates); the dates of both sides are in step with them.
  const { ids } = after;
  const found = new Set(tasksIn(db, ids, projectId));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw textError('NOT_FOUND', 'rowGone', { id: missing }, `${WBS_ENTITY} ${missing} does not exist`, { field: 'id', id: missing });
  setPlannedDates(db, { ids, plannedStart: before.plannedStart, plannedFinish: before.plannedFinish }, now);
  batch.record(SCHEDULE_ENTITY, projectId, 'update', { plannedStart: after.plannedStart, plannedFinish: after.plannedFinish }, { ids, plannedStart: before.plannedStart, plannedFinish: before.plannedFinish });
}

interface Step {
  id: number;
  before: Values | null;
  after: Values | null;
  /** `before` as the audit row holds it. */
  beforeText: string | null;
}

/**
 * Inverts a run of audit rows of one entity and action (the caller gives them newest first). `exact`:
 * snapshots hold updatedAt and are written and put back with it (a project's delete, see revert).
 */
function invertRun(db: Db, batch: Batch, store: AnyStore, entity: string, action: AuditAction, run: Step[], parents: Set<number | null> | null, exact: boolean): void {
  const noteParents = (...vs: (Values | null | undefined)[]) => {
    if (parents) for (const v of vs) if (v && 'parentId' in v) parents.add(v.parentId as number | null);
  };
  const current = (ids: number[]) => {
    const found = store.getMany(db, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw textError('NOT_FOUND', 'rowGone', { id: missing }, `${entity} ${missing} does not exist`, { field: 'id', id: missing });
    return found;
  };
  if (action === 'create') {
    // Snapshots of every row first: deleting a parent takes the children of the run with it.
    const ids = run.map((r) => r.id);
    if (batch.recordStored(entity, 'delete', exact ? { table: store.table, snapshotSql: store.fullSnapshotSql } : store, ids) !== ids.length) {
      const found = store.getMany(db, ids);
      const missing = ids.find((id) => !found.has(id))!;
      throw textError('NOT_FOUND', 'rowGone', { id: missing }, `${entity} ${missing} does not exist`, { field: 'id', id: missing });
    }
    // Roll-ups settle under the parents the rows leave, as stored now (a create's audit row is not read).
    if (parents) for (const p of parentsOf(db, ids)) parents.add(p);
    store.removeMany(db, ids);
  } else if (action === 'delete') {
    for (const r of run) if (!r.before) throw textError('CONFLICT', 'history.noSnapshot', { id: r.id }, `no snapshot of deleted ${entity} ${r.id}`, { entity, id: r.id });
    // Newest first puts parents before their children (deletes are audited children first). A snapshot
    // holds every column but updated_at; an older, partial one is put back row by row with defaults.
    const now = new Date().toISOString();
    const whole = run.every((r) => store.fields.every((f) => f === 'id' || f === 'updatedAt' || f in r.before!));
    const keepsUpdatedAt = exact && store.fields.includes('updatedAt');
    if (whole) store.insertMany(db, run.map((r) => ({ ...r.before!, id: r.id, ...(store.fields.includes('updatedAt') && !keepsUpdatedAt && { updatedAt: now }) }) as Values & { id: number }));
    // A whole snapshot is what the restored row now holds: it is audited again as it was written.
    const restored = whole ? run.map((r) => (r.before!.id === r.id ? new JsonText(r.beforeText!) : { ...r.before!, id: r.id })) : run.map((r) => rowSnapshot(store.insert(db, { ...r.before!, id: r.id } as Parameters<AnyStore['insert']>[1])));
    batch.recordMany(entity, 'create', run.map((r, k) => ({ id: r.id, before: null, after: restored[k] })));
    for (const r of run) noteParents(r.before);
  } else {
    const steps = run.filter((r) => r.before);
    const now = current(steps.map((r) => r.id));
    // Several updates of one row in a run are applied in order, each seeing the one before it.
    const seen = new Map<number, Values>();
    const audit: { id: number; before: unknown; after: unknown }[] = [];
    for (const r of steps) {
      const row = seen.get(r.id) ?? { ...now.get(r.id)! };
      const was: Values = {};
      for (const k of Object.keys(r.before!)) was[k] = row[k];
      Object.assign(row, r.before);
      seen.set(r.id, row);
      audit.push({ id: r.id, before: was, after: r.before });
      noteParents(r.before, r.after, now.get(r.id));
    }
    store.updateMany(db, steps.map((r) => ({ id: r.id, patch: r.before! })));
    batch.recordMany(entity, 'update', audit);
  }
}

/** A row as the audit trail keeps it: all but updated_at, so a restored row keeps its created_at. */
function rowSnapshot(row: Values): Values {
  const { updatedAt: _u, ...rest } = row;
  return rest;
}

function parse(text: string | null): Values | null {
  return text === null ? null : (JSON.parse(text) as Values);
}

// ---- per-row history -----------------------------------------------------------------------

// Bookkeeping a person did not change; moves still show as parentId / position.
const HIDDEN = new Set(['id', 'projectId', 'createdAt', 'updatedAt']);

function changesOf(action: AuditAction, before: Values | null, after: Values | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields]
    .filter((f) => !HIDDEN.has(f))
    .map((field) => ({
      field,
      before: action === 'create' ? null : (before?.[field] ?? null),
      after: action === 'delete' ? null : (after?.[field] ?? null),
    }));
}

/** Who changed what in one row, and when, newest first (undo and redo steps included). */
export function rowHistory(db: Db, entity: string, id: number, limit = 500): HistoryEntry[] {
  const own = auditTrailOf(db, entity, id, limit);
  const trail = createdValues(db, entity, id, entity === WBS_ENTITY ? withReschedules(db, id, own, limit) : own);
  return trail.map((r) => ({
    at: r.at,
    who: r.who,
    role: r.role ?? null,
    batchId: r.batchId,
    batchLabel: r.label,
    kind: r.kind as BatchKind,
    action: r.action as AuditAction,
    changes: changesOf(r.action as AuditAction, parse(r.before), parse(r.after)),
  }));
}

type TrailRow = ReturnType<typeof auditTrailOf>[number];

/**
 * The values a create without its snapshot made (a bulk create's, services/wbs.ts insertTasks): the row
 * as stored now (or as its newest delete kept it), every later change in the trail taken back, newest
 * first. Every write of a row is audited with the fields it changed, so this is the row as created.
 * A trail cut at `limit` still holds every change after a create it holds (it is the newest rows).
 */
function createdValues(db: Db, entity: string, id: number, trail: TrailRow[]): TrailRow[] {
  if (!trail.some((r) => r.action === 'create' && r.after === null)) return trail;
  const stored = ENTITY_STORES[entity]?.snapshots(db, [id]).get(id);
  // The row's values just after the trail row being read (null: it did not exist then).
  let state = stored ? parse(stored.text) : null;
  return trail.map((r) => {
    const out = r.action === 'create' && r.after === null && state ? { ...r, after: JSON.stringify(state) } : r;
    if (r.action === 'create') state = null;
    else if (r.action === 'delete') state = parse(r.before);
    else if (state) state = { ...state, ...parse(r.before) };
    return out;
  });
}

/**
 * A task's trail with the reschedules that moved its dates (each one audit row of its project for all
 * the tasks it moved, schedule.ts SCHEDULE_ENTITY), as an update of its planned dates, newest first.
 */
function withReschedules(db: Db, id: number, own: TrailRow[], limit: number): TrailRow[] {
  const stored = ENTITY_STORES[WBS_ENTITY]!.get(db, id) as { projectId?: number } | undefined;
  const snapshot = own.map((r) => parse(r.after) ?? parse(r.before)).find((v) => v && typeof v.projectId === 'number');
  const projectId = stored?.projectId ?? (snapshot?.projectId as number | undefined);
  if (projectId === undefined) return own;
  const moves: TrailRow[] = [];
  // The text is searched before it is parsed: most reschedules of a big plan are long lists.
  const listed = new RegExp(`[[,]${id}[,\\]]`);
  for (const r of auditTrailOf(db, SCHEDULE_ENTITY, projectId, limit)) {
    if (!r.after || !r.before || !listed.test(r.after)) continue;
    const after = JSON.parse(r.after) as ScheduleAudit;
    const k = after.ids.indexOf(id);
    if (k < 0) continue;
    const before = JSON.parse(r.before) as ScheduleDates;
    const dates = (a: ScheduleDates) => JSON.stringify({ plannedStart: a.plannedStart[k], plannedFinish: a.plannedFinish[k] });
    moves.push({ ...r, entity: WBS_ENTITY, entityId: id, before: dates(before), after: dates(after) });
  }
  if (moves.length === 0) return own;
  // Newest first by time; within one batch a reschedule follows the edit that caused it.
  const all = [...own.map((r, k) => ({ r, k, move: 0 })), ...moves.map((r, k) => ({ r, k, move: 1 }))];
  all.sort((a, b) => (a.r.at !== b.r.at ? (a.r.at < b.r.at ? 1 : -1) : a.r.batchId === b.r.batchId ? b.move - a.move : a.k - b.k));
  return all.slice(0, limit).map((x) => x.r);
}
