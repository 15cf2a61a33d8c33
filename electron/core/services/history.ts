// Undo and redo on the audit batches, per project, LIFO. Undoing batch X replays X's audit rows
// backwards through the entity stores (create → delete the row, update → write `before` back,
// delete → re-insert the snapshot with its id) in one transaction, marks X undone, and records what
// it did as a batch of kind 'undo' (reverts = X). Redo is the undo of that undo batch, so it needs no
// separate replay code, and it lands on the undo stack as a batch of kind 'redo'.
//   undo stack: the project's 'edit' and 'redo' batches not undone, newest first;
//   redo stack: its 'undo' batches not undone and newer than its latest 'edit' — a new edit clears it.
// Everything lives in SQLite, so both stacks survive a restart. project.* batches (create, rename,
// delete of the project itself) are not on the stacks.
import type { BatchKind, FieldChange, HistoryEntry, HistoryState, UndoResult } from '../../common/dto.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import { inBatch, type Actor, type AuditAction, type Batch } from '../batch.js';
import { ENTITY_STORES, type AnyStore } from '../entities.js';
import { getProjectRow } from './projects.js';
import { ENTITY as WBS_ENTITY, settleRollUps } from './wbs.js';

interface BatchRow {
  seq: number;
  id: string;
  label: string;
}

interface AuditRow {
  entity: string;
  entity_id: number;
  action: AuditAction;
  before: string | null;
  after: string | null;
}

type Values = Record<string, unknown>;

// Reverse rowid scans that stop at the first match: the batches table has no project index, and the
// batches a user undoes are the newest ones. A batch that touched an entity without a store (none
// today) is left off the stacks like project.* ones, rather than blocking every step below it.
const UNDOABLE = Object.keys(ENTITY_STORES)
  .map((e) => `'${e.replace(/'/g, "''")}'`)
  .join(', ');
const ON_STACKS = `project_id = ? AND label NOT LIKE 'project.%'
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.batch_id = batches.id AND a.entity NOT IN (${UNDOABLE}))`;

function undoTop(db: Db, projectId: number): BatchRow | undefined {
  return db
    .prepare(`SELECT rowid AS seq, id, label FROM batches WHERE ${ON_STACKS} AND kind IN ('edit', 'redo') AND undone = 0 ORDER BY rowid DESC LIMIT 1`)
    .get(projectId) as BatchRow | undefined;
}

function redoTop(db: Db, projectId: number): BatchRow | undefined {
  const lastEdit = db.prepare(`SELECT rowid FROM batches WHERE ${ON_STACKS} AND kind = 'edit' ORDER BY rowid DESC LIMIT 1`).pluck().get(projectId) as
    | number
    | undefined;
  return db
    .prepare(`SELECT rowid AS seq, id, label FROM batches WHERE ${ON_STACKS} AND kind = 'undo' AND undone = 0 AND rowid > ? ORDER BY rowid DESC LIMIT 1`)
    .get(projectId, lastEdit ?? 0) as BatchRow | undefined;
}

export function historyState(db: Db, projectId: number): HistoryState {
  getProjectRow(db, projectId);
  const u = undoTop(db, projectId);
  const r = redoTop(db, projectId);
  return { canUndo: !!u, canRedo: !!r, ...(u && { undoLabel: u.label }), ...(r && { redoLabel: r.label }) };
}

export function undo(db: Db, actor: Actor, projectId: number): UndoResult {
  return step(db, actor, projectId, 'undo');
}

export function redo(db: Db, actor: Actor, projectId: number): UndoResult {
  return step(db, actor, projectId, 'redo');
}

function step(db: Db, actor: Actor, projectId: number, kind: 'undo' | 'redo'): UndoResult {
  getProjectRow(db, projectId);
  // The target is chosen inside the write transaction, so two windows cannot undo the same batch.
  const result = db.sqlite
    .transaction(() => {
      const target = kind === 'undo' ? undoTop(db, projectId) : redoTop(db, projectId);
      if (!target) return { applied: false, entities: [] as string[] };
      const entities = revert(db, actor, projectId, target, kind);
      return { applied: true, label: target.label, entities };
    })
    .immediate();
  return { ...result, state: historyState(db, projectId) };
}

/** Applies the inverse of `target`'s audit rows, newest first, as a new batch; marks `target` undone. */
function revert(db: Db, actor: Actor, projectId: number, target: BatchRow, kind: 'undo' | 'redo'): string[] {
  const rows = db
    .prepare('SELECT entity, entity_id, action, before, after FROM audit_log WHERE batch_id = ? ORDER BY id DESC')
    .all(target.id) as AuditRow[];
  const entities = new Set<string>();
  inBatch(
    db,
    actor,
    target.label,
    projectId,
    (batch) => {
      const wbsParents = new Set<number | null>();
      for (const r of rows) {
        const store = ENTITY_STORES[r.entity];
        if (!store) throw new ApiError('CONFLICT', `changes to ${r.entity} cannot be undone`, { entity: r.entity });
        const before = parse(r.before);
        const after = parse(r.after);
        invert(db, batch, store, r, before, after);
        entities.add(r.entity);
        if (r.entity === WBS_ENTITY) {
          for (const v of [before, after]) if (v && 'parentId' in v) wbsParents.add(v.parentId as number | null);
          const now = store.get(db, r.entity_id);
          if (now) wbsParents.add(now.parentId as number | null).add(r.entity_id);
        }
      }
      // The audit rows hold every roll-up change, so this finds nothing to do; it is the guard that
      // keeps summaries right even if some past writer forgot to record one.
      if (wbsParents.size > 0) settleRollUps(db, batch, projectId, wbsParents);
      db.prepare('UPDATE batches SET undone = 1 WHERE id = ?').run(target.id);
    },
    { kind, reverts: target.id },
  );
  return [...entities];
}

function invert(db: Db, batch: Batch, store: AnyStore, r: AuditRow, before: Values | null, after: Values | null): void {
  const id = r.entity_id;
  const what = `${r.entity} ${id}`;
  if (r.action === 'create') {
    const current = store.require(db, id, what);
    store.remove(db, id);
    batch.record(r.entity, id, 'delete', rowSnapshot(current), null);
  } else if (r.action === 'delete') {
    if (!before) throw new ApiError('CONFLICT', `no snapshot of deleted ${what}`);
    const restored = store.insert(db, { ...before, id } as Parameters<AnyStore['insert']>[1]);
    batch.record(r.entity, id, 'create', null, rowSnapshot(restored));
  } else {
    if (!before) return;
    const current = store.require(db, id, what);
    const was: Values = {};
    for (const k of Object.keys(before)) was[k] = current[k];
    store.update(db, id, before as Parameters<AnyStore['update']>[2]);
    batch.record(r.entity, id, 'update', was, before);
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
const HIDDEN = new Set(['id', 'projectId', 'createdAt']);

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
  const rows = db
    .prepare(
      `SELECT a.at, a.who, a.batch_id, a.action, a.before, a.after, b.label, b.kind
       FROM audit_log a JOIN batches b ON b.id = a.batch_id
       WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT ?`,
    )
    .all(entity, id, limit) as (AuditRow & { at: string; who: string; batch_id: string; label: string; kind: BatchKind })[];
  return rows.map((r) => ({
    at: r.at,
    who: r.who,
    batchId: r.batch_id,
    batchLabel: r.label,
    kind: r.kind,
    action: r.action,
    changes: changesOf(r.action, parse(r.before), parse(r.after)),
  }));
}
