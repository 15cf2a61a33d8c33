// WBS tasks: a tree kept as parent_id + fractional position among siblings. The WBS code (1.2.3) and
// the level are derived from the tree whenever tasks are read, so moving a row renumbers everything.
import type { WbsFields, WbsTask } from '../../common/dto.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import { getProjectRow } from './projects.js';
import { changedFields } from './diff.js';
import type { TableStore } from '../store.js';
import { wbsStore as entityWbsStore } from '../entities.js';

const ENTITY = 'wbs_task';

/** A stored task, without the derived code and level. */
export type TaskRow = Omit<WbsTask, 'code' | 'level'> & { createdAt: string };

const wbsStore = entityWbsStore as unknown as TableStore<TaskRow>;

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
};

/** What the audit trail keeps of a row: everything needed to recreate it. */
function snapshot(r: TaskRow): Omit<TaskRow, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

/** All tasks of a project in tree order (parents before children, siblings by position). */
export function listTasks(db: Db, projectId: number): WbsTask[] {
  getProjectRow(db, projectId);
  const rows = wbsStore.where(db, 'project_id = ? ORDER BY position, id', projectId);
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
      const { createdAt: _c, ...task } = r;
      out.push({ ...task, code, level });
      walk(r.id, code, level + 1);
    });
  };
  walk(null, '', 0);
  return out;
}

export function getTaskRow(db: Db, id: number): TaskRow {
  return wbsStore.require(db, id, `WBS task ${id}`);
}

/** One task with its code and level, walking up its ancestors (one indexed count per level). */
function withPlace(db: Db, row: TaskRow): WbsTask {
  const countBefore = db.prepare(
    'SELECT count(*) FROM wbs_tasks WHERE project_id = ? AND parent_id IS ? AND (position < ? OR (position = ? AND id < ?))',
  );
  const parts: number[] = [];
  for (let cur: TaskRow | null = row; cur; cur = cur.parentId === null ? null : getTaskRow(db, cur.parentId)) {
    const n = countBefore.pluck().get(cur.projectId, cur.parentId, cur.position, cur.position, cur.id) as number;
    parts.unshift(n + 1);
  }
  const { createdAt: _c, ...task } = row;
  return { ...task, code: parts.join('.'), level: parts.length - 1 };
}

export interface NewTask {
  parentId?: number | null;
  afterId?: number | null;
  values?: Partial<WbsFields>;
}

function positionFor(db: Db, batch: Batch, projectId: number, parentId: number | null, afterId: number | null): number {
  if (afterId === null) {
    const max = db.prepare('SELECT max(position) FROM wbs_tasks WHERE project_id = ? AND parent_id IS ?').pluck().get(projectId, parentId) as number | null;
    return (max ?? 0) + 1;
  }
  const after = getTaskRow(db, afterId);
  if (after.projectId !== projectId || after.parentId !== parentId)
    throw new ApiError('CONFLICT', `WBS task ${afterId} is not a sibling under the chosen parent`, { field: 'afterId' });
  const next = db
    .prepare('SELECT min(position) FROM wbs_tasks WHERE project_id = ? AND parent_id IS ? AND position > ?')
    .pluck()
    .get(projectId, parentId, after.position) as number | null;
  if (next === null) return after.position + 1;
  const mid = (after.position + next) / 2;
  if (mid > after.position && mid < next) return mid;
  // Doubles ran out of room between these two siblings: space them out again, then retry.
  renumberSiblings(db, batch, projectId, parentId);
  return positionFor(db, batch, projectId, parentId, afterId);
}

function renumberSiblings(db: Db, batch: Batch, projectId: number, parentId: number | null): void {
  const rows = db
    .prepare('SELECT id, position FROM wbs_tasks WHERE project_id = ? AND parent_id IS ? ORDER BY position, id')
    .all(projectId, parentId) as { id: number; position: number }[];
  rows.forEach((r, i) => {
    const position = i + 1;
    if (r.position === position) return;
    wbsStore.update(db, r.id, { position });
    batch.record(ENTITY, r.id, 'update', { position: r.position }, { position });
  });
}

function insertTask(db: Db, batch: Batch, projectId: number, t: NewTask): TaskRow {
  const parentId = t.parentId ?? null;
  if (parentId !== null && getTaskRow(db, parentId).projectId !== projectId)
    throw new ApiError('CONFLICT', `WBS task ${parentId} belongs to another project`, { field: 'parentId' });
  const position = positionFor(db, batch, projectId, parentId, t.afterId ?? null);
  const row = wbsStore.insert(db, { ...WBS_DEFAULTS, ...t.values, projectId, parentId, position });
  batch.record(ENTITY, row.id, 'create', null, snapshot(row));
  return row;
}

export function createTask(db: Db, actor: Actor, projectId: number, t: NewTask): WbsTask {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'wbs.create', projectId, (batch) => withPlace(db, insertTask(db, batch, projectId, t)));
}

/** Several tasks in one transaction and one undo batch (paste, import). */
export function createTasks(db: Db, actor: Actor, projectId: number, tasks: NewTask[], label = 'wbs.createMany'): number[] {
  getProjectRow(db, projectId);
  return inBatch(db, actor, label, projectId, (batch) => tasks.map((t) => insertTask(db, batch, projectId, t).id));
}

export function updateTask(db: Db, actor: Actor, id: number, patch: Partial<WbsFields>): WbsTask {
  const current = getTaskRow(db, id);
  return inBatch(db, actor, 'wbs.update', current.projectId, (batch) => {
    const row = getTaskRow(db, id);
    const changed = changedFields(row, patch);
    if (!changed) return withPlace(db, row);
    const updated = wbsStore.update(db, id, changed.after);
    batch.record(ENTITY, id, 'update', changed.before, changed.after);
    return withPlace(db, updated);
  });
}

/** Deletes a task with its whole subtree; every deleted row is kept in the audit trail. */
export function deleteTask(db: Db, actor: Actor, id: number): { deleted: number } {
  const current = getTaskRow(db, id);
  return inBatch(db, actor, 'wbs.delete', current.projectId, (batch) => {
    const subtree = db
      .prepare('WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM wbs_tasks t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub')
      .pluck()
      .all(id) as number[];
    // Children first, so replaying the trail backwards recreates parents before their children.
    for (const taskId of subtree.reverse()) batch.record(ENTITY, taskId, 'delete', snapshot(getTaskRow(db, taskId)), null);
    wbsStore.remove(db, id);
    return { deleted: subtree.length };
  });
}
