import type { Project } from '../../common/dto.js';
import { textError } from '../../common/errors.js';
import { localToday } from '../../common/dates.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor } from '../batch.js';
import { PROJECT_TABLES, projectStore, type ProjectRow } from '../entities.js';
import { lastBatchAtByProject, projectRowIdsChildrenFirst, projectRowsByName } from '../db/queries/projects.js';
import { changedFields } from './diff.js';
import { setStatusDate, statusDateOf, storedStatusDates } from './status-date.js';

const toDto = (r: ProjectRow, statusDate: { date: string; set: boolean }): Project => ({
  id: r.id,
  name: r.name,
  code: r.code,
  description: r.description,
  statusDate: statusDate.date,
  statusDateSet: statusDate.set,
  costRate: r.costRate,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/**
 * Every project, with 更新日時 the last time anything in it changed: the project row itself, or any edit,
 * paste, import or undo of its WBS, registers or minutes (each is a batch of the project).
 */
export function listProjects(db: Db, today = localToday()): Project[] {
  const stored = storedStatusDates(db);
  const lastEdits = lastBatchAtByProject(db);
  return projectRowsByName(db)
    .map(projectStore.fromRaw)
    .map((r) => {
      const edited = lastEdits.get(r.id);
      return toDto(edited && edited > r.updatedAt ? { ...r, updatedAt: edited } : r, statusDateOf(db, r.id, today, stored.get(r.id) ?? null));
    });
}

export function getProjectRow(db: Db, id: number): ProjectRow {
  const row = projectStore.get(db, id);
  if (!row) throw textError('NOT_FOUND', 'projectGone', { id }, `Project ${id} does not exist`, { field: 'id' });
  return row;
}

export function createProject(
  db: Db,
  actor: Actor,
  values: { name: string; code?: string; description?: string },
  today = localToday(),
): Project {
  return inBatch(db, actor, 'project.create', null, (batch) => {
    const row = projectStore.insert(db, values);
    const dto = toDto(row, statusDateOf(db, row.id, today));
    batch.record('project', row.id, 'create', null, rowOf(row));
    return dto;
  });
}

type ProjectPatch = Partial<Pick<Project, 'name' | 'code' | 'description'> & { statusDate: string | null; costRate: number | null }>;

/**
 * A status date set alone is a step of the project's plan, undone like any (the batch writes only the
 * calendar row, and its label is not a project.* one, which the stacks leave out); with a rename or a
 * cost rate it is part of a project edit, which is not undoable.
 */
export function updateProject(db: Db, actor: Actor, id: number, patch: ProjectPatch, today = localToday()): Project {
  const { statusDate, ...fields } = patch;
  const onlyStatusDate = statusDate !== undefined && Object.values(fields).every((v) => v === undefined);
  return inBatch(db, actor, onlyStatusDate ? 'statusDate.set' : 'project.update', id, (batch) => {
    let before = getProjectRow(db, id);
    // The status date lives in the project's calendar row (the Gantt draws it from there).
    if (statusDate !== undefined) setStatusDate(db, batch, id, statusDate);
    const changed = changedFields(before, fields);
    if (changed) {
      before = projectStore.update(db, id, changed.after);
      batch.record('project', id, 'update', changed.before, changed.after);
    }
    return toDto(before, statusDateOf(db, id, today));
  });
}

/**
 * Deletes the project and, through foreign keys, every row of it, as one batch that audits every row
 * (whole, updatedAt included: store.fullSnapshotSql), children first and the project last, so the
 * caller can undo it (history.ts) and get every row back exactly, and redo it. Each table's snapshots
 * are one INSERT … SELECT (batch.recordStored): nothing is read into JS.
 */
export function deleteProject(db: Db, actor: Actor, id: number): { deleted: number } {
  return inBatch(db, actor, 'project.delete', id, (batch) => {
    getProjectRow(db, id);
    for (const { entity, store } of [...PROJECT_TABLES].reverse()) {
      const ids = projectRowIdsChildrenFirst(db, store.table, id);
      batch.recordStored(entity, 'delete', { table: store.table, snapshotSql: store.fullSnapshotSql }, ids);
    }
    batch.recordStored('project', 'delete', { table: projectStore.table, snapshotSql: projectStore.fullSnapshotSql }, [id]);
    projectStore.remove(db, id);
    return { deleted: 1 };
  });
}

/** The project as the audit trail keeps it. */
const rowOf = (r: ProjectRow) => ({
  id: r.id,
  name: r.name,
  code: r.code,
  description: r.description,
  costRate: r.costRate,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
