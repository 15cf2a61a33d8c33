import { asc, eq } from 'drizzle-orm';
import { projects } from '../../../drizzle/schema.js';
import type { Project } from '../../common/dto.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import { inBatch, type Actor } from '../batch.js';
import { changedFields } from './diff.js';

type ProjectRow = typeof projects.$inferSelect;

const toDto = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  code: r.code,
  description: r.description,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function listProjects(db: Db): Project[] {
  return db.orm.select().from(projects).orderBy(asc(projects.name), asc(projects.id)).all().map(toDto);
}

export function getProjectRow(db: Db, id: number): ProjectRow {
  const row = db.orm.select().from(projects).where(eq(projects.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', `Project ${id} does not exist`, { field: 'id' });
  return row;
}

export function createProject(
  db: Db,
  actor: Actor,
  values: { name: string; code?: string; description?: string },
): Project {
  return inBatch(db, actor, 'project.create', null, (batch) => {
    const row = db.orm.insert(projects).values(values).returning().get();
    batch.record('project', row.id, 'create', null, toDto(row));
    return toDto(row);
  });
}

export function updateProject(
  db: Db,
  actor: Actor,
  id: number,
  patch: Partial<Pick<Project, 'name' | 'code' | 'description'>>,
): Project {
  return inBatch(db, actor, 'project.update', id, (batch) => {
    const before = getProjectRow(db, id);
    const changed = changedFields(before, patch);
    if (!changed) return toDto(before);
    const row = db.orm
      .update(projects)
      .set({ ...changed.after, updatedAt: new Date().toISOString() })
      .where(eq(projects.id, id))
      .returning()
      .get();
    batch.record('project', id, 'update', changed.before, changed.after);
    return toDto(row);
  });
}

/** Deletes the project and, through foreign keys, every register row in it. */
export function deleteProject(db: Db, actor: Actor, id: number): { deleted: number } {
  return inBatch(db, actor, 'project.delete', id, (batch) => {
    const before = getProjectRow(db, id);
    db.orm.delete(projects).where(eq(projects.id, id)).run();
    batch.record('project', id, 'delete', toDto(before), null);
    return { deleted: 1 };
  });
}
