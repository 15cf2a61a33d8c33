// Projects' statements beyond the table store's (entities.ts projectStore): the list in name order,
// and when each project last changed.
import type { SqlDb } from '../sql.js';

/** Every project's stored row (for the store's mapping), by name then id. */
export function projectRowsByName(db: SqlDb): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM projects ORDER BY name, id');
}

/** Every project's id, in id order. */
export function projectIds(db: SqlDb): number[] {
  return db.sql.values<[number]>('SELECT id FROM projects ORDER BY id').map((r) => r[0]);
}

/** The time of each project's newest batch (any edit, paste, import or undo in it). */
export function lastBatchAtByProject(db: SqlDb): Map<number, string> {
  return new Map(db.sql.values<[number, string]>('SELECT project_id, max(at) FROM batches WHERE project_id IS NOT NULL GROUP BY project_id'));
}

/**
 * The ids of a project's rows in one of its tables (entities.ts PROJECT_TABLES), in the order a delete
 * audits them: children before parents, so its undo, which replays the audit newest first, puts
 * parents back first. For the WBS that is deepest first; elsewhere by id.
 */
export function projectRowIdsChildrenFirst(db: SqlDb, table: string, projectId: number): number[] {
  if (table === 'wbs_tasks')
    return db.sql
      .values<[number]>(
        `WITH RECURSIVE tree(id, depth) AS (
           SELECT id, 0 FROM wbs_tasks WHERE project_id = ? AND parent_id IS NULL
           UNION ALL SELECT t.id, tree.depth + 1 FROM wbs_tasks t JOIN tree ON t.parent_id = tree.id)
         SELECT id FROM tree ORDER BY depth DESC, id`,
        [projectId],
      )
      .map((r) => r[0]);
  return db.sql.values<[number]>(`SELECT id FROM ${table} WHERE project_id = ? ORDER BY id`, [projectId]).map((r) => r[0]);
}

/** Whether the project exists (a deleted one's history stays: its batches name it). */
export function projectExists(db: SqlDb, projectId: number): boolean {
  return db.sql.get('SELECT 1 AS x FROM projects WHERE id = ?', [projectId]) !== undefined;
}
