// WBS tasks: a tree kept as parent_id + fractional position among siblings. The WBS code (1.2.3) and
// the level are derived from the tree whenever tasks are read, so moving a row renumbers everything.
import { and, eq, gt, isNull, asc, sql } from 'drizzle-orm';
import { wbsTasks } from '../../../drizzle/schema.js';
import type { WbsFields, WbsTask } from '../../common/dto.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import { getProjectRow } from './projects.js';
import { changedFields } from './diff.js';

type TaskRow = typeof wbsTasks.$inferSelect;

const ENTITY = 'wbs_task';

function toDto(r: TaskRow, code: string, level: number): WbsTask {
  const { createdAt: _c, ...rest } = r;
  return { ...rest, status: r.status as WbsTask['status'], code, level };
}

/** All tasks of a project in tree order (parents before children, siblings by position). */
export function listTasks(db: Db, projectId: number): WbsTask[] {
  getProjectRow(db, projectId);
  const rows = db.orm
    .select()
    .from(wbsTasks)
    .where(eq(wbsTasks.projectId, projectId))
    .orderBy(asc(wbsTasks.position), asc(wbsTasks.id))
    .all();
  const children = new Map<number | null, TaskRow[]>();
  for (const r of rows) {
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const out: WbsTask[] = [];
  const walk = (parentId: number | null, prefix: string, level: number) => {
    (children.get(parentId) ?? []).forEach((r, i) => {
      const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push(toDto(r, code, level));
      walk(r.id, code, level + 1);
    });
  };
  walk(null, '', 0);
  return out;
}

function getRow(db: Db, id: number): TaskRow {
  const row = db.orm.select().from(wbsTasks).where(eq(wbsTasks.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `WBS task ${id} does not exist`, { field: 'id' });
  return row;
}

/** Code and level of one task, walking up its ancestors (cheap: one indexed count per level). */
function placeOf(db: Db, row: TaskRow): { code: string; level: number } {
  const countBefore = db.sqlite.prepare(
    `SELECT count(*) FROM wbs_tasks WHERE project_id = ? AND parent_id IS ? AND (position < ? OR (position = ? AND id < ?))`,
  );
  const parts: number[] = [];
  let cur: TaskRow | undefined = row;
  while (cur) {
    const n = countBefore.pluck().get(cur.projectId, cur.parentId, cur.position, cur.position, cur.id) as number;
    parts.unshift(n + 1);
    cur = cur.parentId === null ? undefined : getRow(db, cur.parentId);
  }
  return { code: parts.join('.'), level: parts.length - 1 };
}

function dto(db: Db, row: TaskRow): WbsTask {
  const { code, level } = placeOf(db, row);
  return toDto(row, code, level);
}

const siblingOf = (projectId: number, parentId: number | null) =>
  and(eq(wbsTasks.projectId, projectId), parentId === null ? isNull(wbsTasks.parentId) : eq(wbsTasks.parentId, parentId));

export interface NewTask {
  parentId?: number | null;
  afterId?: number | null;
  values?: Partial<WbsFields>;
}

function positionFor(db: Db, batch: Batch, projectId: number, parentId: number | null, afterId: number | null): number {
  if (afterId == null) {
    const max = db.orm
      .select({ m: sql<number | null>`max(${wbsTasks.position})` })
      .from(wbsTasks)
      .where(siblingOf(projectId, parentId))
      .get()?.m;
    return (max ?? 0) + 1;
  }
  const after = getRow(db, afterId);
  if (after.projectId !== projectId || after.parentId !== parentId)
    throw new ApiError('CONFLICT', `WBS task ${afterId} is not a sibling under the chosen parent`, { field: 'afterId' });
  const next = db.orm
    .select({ p: wbsTasks.position })
    .from(wbsTasks)
    .where(and(siblingOf(projectId, parentId), gt(wbsTasks.position, after.position)))
    .orderBy(asc(wbsTasks.position))
    .get()?.p;
  if (next === undefined) return after.position + 1;
  const mid = (after.position + next) / 2;
  if (mid > after.position && mid < next) return mid;
  // Doubles ran out of room between these two siblings: space them out again, then retry.
  renumberSiblings(db, batch, projectId, parentId);
  return positionFor(db, batch, projectId, parentId, afterId);
}

function renumberSiblings(db: Db, batch: Batch, projectId: number, parentId: number | null): void {
  const rows = db.orm.select().from(wbsTasks).where(siblingOf(projectId, parentId)).orderBy(asc(wbsTasks.position), asc(wbsTasks.id)).all();
  rows.forEach((r, i) => {
    const position = i + 1;
    if (r.position === position) return;
    db.orm.update(wbsTasks).set({ position }).where(eq(wbsTasks.id, r.id)).run();
    batch.record(ENTITY, r.id, 'update', { position: r.position }, { position });
  });
}

function insertTask(db: Db, batch: Batch, projectId: number, t: NewTask): TaskRow {
  const parentId = t.parentId ?? null;
  if (parentId !== null) {
    const parent = getRow(db, parentId);
    if (parent.projectId !== projectId)
      throw new ApiError('CONFLICT', `WBS task ${parentId} belongs to another project`, { field: 'parentId' });
  }
  const position = positionFor(db, batch, projectId, parentId, t.afterId ?? null);
  const row = db.orm
    .insert(wbsTasks)
    .values({ ...t.values, projectId, parentId, position })
    .returning()
    .get();
  const { createdAt: _c, updatedAt: _u, ...snapshot } = row;
  batch.record(ENTITY, row.id, 'create', null, snapshot);
  return row;
}

export function createTask(db: Db, actor: Actor, projectId: number, t: NewTask): WbsTask {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'wbs.create', projectId, (batch) => dto(db, insertTask(db, batch, projectId, t)));
}

/** Several tasks in one transaction and one undo batch (paste, import). */
export function createTasks(db: Db, actor: Actor, projectId: number, tasks: NewTask[], label = 'wbs.createMany'): number[] {
  getProjectRow(db, projectId);
  return inBatch(db, actor, label, projectId, (batch) => tasks.map((t) => insertTask(db, batch, projectId, t).id));
}

export function updateTask(db: Db, actor: Actor, id: number, patch: Partial<WbsFields>): WbsTask {
  const current = getRow(db, id);
  return inBatch(db, actor, 'wbs.update', current.projectId, (batch) => {
    const row = getRow(db, id);
    const changed = changedFields(row, patch);
    if (!changed) return dto(db, row);
    const updated = db.orm
      .update(wbsTasks)
      .set({ ...changed.after, updatedAt: new Date().toISOString() })
      .where(eq(wbsTasks.id, id))
      .returning()
      .get();
    batch.record(ENTITY, id, 'update', changed.before, changed.after);
    return dto(db, updated);
  });
}

/** Deletes a task with its whole subtree; every deleted row is kept in the audit trail. */
export function deleteTask(db: Db, actor: Actor, id: number): { deleted: number } {
  const current = getRow(db, id);
  return inBatch(db, actor, 'wbs.delete', current.projectId, (batch) => {
    const subtree = db.sqlite
      .prepare(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM wbs_tasks t JOIN sub ON t.parent_id = sub.id)
         SELECT id FROM sub`,
      )
      .pluck()
      .all(id) as number[];
    // Children first, so replaying the trail backwards recreates parents before their children.
    for (const taskId of subtree.reverse()) {
      const { createdAt: _c, updatedAt: _u, ...snapshot } = getRow(db, taskId);
      batch.record(ENTITY, taskId, 'delete', snapshot, null);
    }
    db.orm.delete(wbsTasks).where(eq(wbsTasks.id, id)).run();
    return { deleted: subtree.length };
  });
}
