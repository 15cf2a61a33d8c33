// Progress and portfolio statements: baselines (their list without the snapshot, which is read alone),
// weekly closes, status overrides and what the portfolio home reads per project. Whole rows come back
// as stored, for the table stores' mapping (entities.ts).
import type { SqlDb } from '../sql.js';

/** A baseline without its snapshot: [id, project, name, taken at, task count]. */
export type BaselineHead = [id: number, projectId: number, name: string, takenAt: string, taskCount: number];

/** The project's baselines, newest first. */
export function baselineHeads(db: SqlDb, projectId: number): BaselineHead[] {
  return db.sql.values('SELECT id, project_id, name, taken_at, task_count FROM baselines WHERE project_id = ? ORDER BY taken_at DESC, id DESC', [projectId]);
}

export function baselineHead(db: SqlDb, id: number): BaselineHead | undefined {
  return db.sql.values<BaselineHead>('SELECT id, project_id, name, taken_at, task_count FROM baselines WHERE id = ?', [id])[0];
}

/** The baseline's kept plan (its encoded snapshot). */
export function baselineSnapshot(db: SqlDb, id: number): string | undefined {
  return db.sql.get<{ snapshot: string }>('SELECT snapshot FROM baselines WHERE id = ?', [id])?.snapshot;
}

/** The newest baseline of each project: project → [id, name]. */
export function newestBaselineOfEach(db: SqlDb): Map<number, { id: number; name: string }> {
  // Oldest first, so the newest of each project is the one a Map keeps.
  const rows = db.sql.values<[number, number, string]>('SELECT project_id, id, name FROM baselines ORDER BY taken_at, id');
  return new Map(rows.map(([p, id, name]) => [p, { id, name }]));
}

/** The project's weekly closes as stored rows, newest status date first (the newest `limit` when given). */
export function closeRowsNewestFirst(db: SqlDb, projectId: number, limit?: number): Record<string, unknown>[] {
  return limit
    ? db.sql.all('SELECT * FROM weekly_closes WHERE project_id = ? ORDER BY status_date DESC LIMIT ?', [projectId, limit])
    : db.sql.all('SELECT * FROM weekly_closes WHERE project_id = ? ORDER BY status_date DESC', [projectId]);
}

/** The project's close of that status date, as its stored row. */
export function closeRowAt(db: SqlDb, projectId: number, statusDate: string): Record<string, unknown> | undefined {
  return db.sql.get('SELECT * FROM weekly_closes WHERE project_id = ? AND status_date = ?', [projectId, statusDate]);
}

/** [status date, figures JSON] of the newest `limit` closes up to a status date, newest first. */
export function closeFiguresUpTo(db: SqlDb, projectId: number, statusDate: string, limit: number): [string, string][] {
  return db.sql.values('SELECT status_date, figures FROM weekly_closes WHERE project_id = ? AND status_date <= ? ORDER BY status_date DESC LIMIT ?', [projectId, statusDate, limit]);
}

/** The newest status override of each project, as stored rows. */
export function newestOverrideRows(db: SqlDb): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM status_overrides WHERE id IN (SELECT max(id) FROM status_overrides GROUP BY project_id)');
}

/** The project's status overrides as stored rows, newest first. */
export function overrideRowsNewestFirst(db: SqlDb, projectId: number): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM status_overrides WHERE project_id = ? ORDER BY id DESC', [projectId]);
}

/** [project id, status date, text] of every PMO summary (one per project and week: a few thousand a year at most). */
export function statusNoteTexts(db: SqlDb): [number, string, string][] {
  return db.sql.values('SELECT project_id, status_date, text FROM status_notes');
}

/** The project's summary row of a status date, as stored, or undefined. */
export function statusNoteRow(db: SqlDb, projectId: number, statusDate: string): Record<string, unknown> | undefined {
  return db.sql.get('SELECT * FROM status_notes WHERE project_id = ? AND status_date = ?', [projectId, statusDate]);
}

/**
 * Per project, where its history stands: its newest batch (rowid and id) and how many it has. Any batch
 * written, and any removed (a project's restore replaces its history), changes one of the three; the id
 * tells a newer batch from one that took over the rowid of a removed one.
 */
export interface BatchMark {
  rowid: number;
  id: string;
  count: number;
}

export function batchMarkByProject(db: SqlDb): Map<number, BatchMark> {
  const rows = db.sql.values<[number, number, string, number]>(
    `SELECT b.project_id, b.rowid, b.id, m.n FROM batches b
     JOIN (SELECT project_id, max(rowid) AS top, count(*) AS n FROM batches WHERE project_id IS NOT NULL GROUP BY project_id) m ON b.project_id = m.project_id AND b.rowid = m.top`,
  );
  return new Map(rows.map(([p, rowid, id, count]) => [p, { rowid, id, count }]));
}

/** [rowid, id, label] of the project's batches after a rowid, oldest first. */
export function batchesAfter(db: SqlDb, projectId: number, rowid: number): [number, string, string][] {
  return db.sql.values('SELECT rowid, id, label FROM batches WHERE project_id = ? AND rowid > ? ORDER BY rowid', [projectId, rowid]);
}

/** [entity id, action] of every `entity` row a batch audited (a seek in the (batch_id, entity) index). */
export function auditedActions(db: SqlDb, batchId: string, entity: string): [number, string][] {
  return db.sql.values('SELECT entity_id, action FROM audit_log WHERE batch_id = ? AND entity = ?', [batchId, entity]);
}
