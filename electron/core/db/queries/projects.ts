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
