// A workspace file grown past the size from which its weekly check and daily backup run beside the
// workspace (db/file-work.ts BACKGROUND_FILE_WORK_MIN_BYTES): history as years of edits leave it.
import path from 'node:path';
import Database from 'better-sqlite3';

/** Adds `rows` audit rows of ~1 KB to the closed workspace in `dir` (20,000: ~23 MB). */
export function growHistory(dir: string, rows = 20_000): void {
  const db = new Database(path.join(dir, 'pmo-desk.sqlite'));
  try {
    const batch = db.prepare('SELECT id FROM batches ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after)
       SELECT ?, '2025-01-01T00:00:00.000Z', 'test', 'wbs_task', i, 'update', printf('{"notes":"%.1000c"}', 'x'), '{"notes":""}' FROM n`,
    ).run(rows, batch);
  } finally {
    db.close();
  }
}
