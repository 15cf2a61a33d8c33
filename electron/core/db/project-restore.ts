// Restores one project from a backup into the open workspace: the project's rows in every table that
// belongs to a project (found from the schema, so a table added later comes along), and its undo
// history, as they are in the backup; everything else in the workspace stays. One transaction, one
// audit batch ('project.restore'), so a failure leaves the workspace as it was.
//
// The backup must already have the live schema (workspace.ts migrates a temporary copy first). Row ids
// are kept, so the restored rows equal the backup's row for row; ids are never reused (AUTOINCREMENT),
// so they are free unless the workspace itself was restored to an older state since — then the restore
// is refused and the whole-workspace restore is the way.
import type { Project } from '../../common/dto.js';
import { ApiError, textError } from '../../common/errors.js';
import { inBatch, type Actor } from '../batch.js';
import type { Db } from './open.js';
import { STATUS_SYNC_KEY, syncStoredStatuses } from '../services/wbs-status-sync.js';
import { reindex } from '../services/search-index.js';

const SRC = 'restore_src';

/** Tables the app derives from other tables' rows (services/search-index.ts); reindexed after the copy. */
const DERIVED_TABLES: ReadonlySet<string> = new Set(['search_text']);

interface ScopedTable {
  name: string;
  columns: string[];
  /** SQL condition selecting the project's rows in `<schema>.<name>`, with `@project` bound. */
  where(schema: string): string;
  /** Distance from projects along foreign keys: parents are inserted first, deleted last. */
  depth: number;
}

/** Tables whose rows belong to one project: projects itself, a project_id column, or a foreign key to such a table. */
export function projectTables(db: Db): ScopedTable[] {
  const names = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  // batches and audit_log hold the history; they are copied by their own rules below. The search text is
  // derived: written anew from the restored rows (search-index.ts reindex).
  const candidates = names.filter((n) => n !== 'batches' && n !== 'audit_log' && !DERIVED_TABLES.has(n));
  const info = new Map(
    candidates.map((n) => [
      n,
      {
        columns: (db.sqlite.prepare(`PRAGMA table_info(${q(n)})`).all() as { name: string }[]).map((c) => c.name),
        fks: db.sqlite.prepare(`PRAGMA foreign_key_list(${q(n)})`).all() as { table: string; from: string; to: string | null }[],
      },
    ]),
  );
  const scoped = new Map<string, ScopedTable>();
  scoped.set('projects', { name: 'projects', columns: info.get('projects')!.columns, where: () => 'id = @project', depth: 0 });
  for (const [n, t] of info)
    if (n !== 'projects' && t.columns.includes('project_id'))
      scoped.set(n, { name: n, columns: t.columns, where: () => 'project_id = @project', depth: 1 });
  // Tables that reach a project only through another table's row (none today).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [n, t] of info) {
      if (scoped.has(n)) continue;
      const fk = t.fks.find((f) => scoped.has(f.table));
      if (!fk) continue;
      const parent = scoped.get(fk.table)!;
      scoped.set(n, {
        name: n,
        columns: t.columns,
        where: (schema) => `${q(fk.from)} IN (SELECT ${q(fk.to ?? 'id')} FROM ${schema}.${q(parent.name)} WHERE ${parent.where(schema)})`,
        depth: parent.depth + 1,
      });
      grew = true;
    }
  }
  return [...scoped.values()];
}

export interface ProjectRestoreResult {
  project: Project;
  rows: number;
}

export function restoreProjectFrom(db: Db, backupFile: string, projectId: number, actor: Actor, backupId: string): ProjectRestoreResult {
  db.sqlite.prepare(`ATTACH DATABASE ? AS ${SRC}`).run(backupFile);
  try {
    const found = db.sqlite.prepare(`SELECT * FROM ${SRC}.projects WHERE id = ?`).get(projectId) as Record<string, unknown> | undefined;
    if (!found) throw textError('NOT_FOUND', 'restore.noProject', { id: projectId, backup: backupId }, `Project ${projectId} is not in backup ${backupId}`, { field: 'projectId', id: projectId });
    const tables = projectTables(db);
    const before = db.sqlite.prepare('SELECT * FROM main.projects WHERE id = ?').get(projectId) as Record<string, unknown> | undefined;
    return inBatch(db, actor, 'project.restore', projectId, (batch) => {
      // Checked at commit, so the tree of WBS tasks and other self-references may arrive in any order.
      db.sqlite.pragma('defer_foreign_keys = ON');
      const params = { project: projectId };
      for (const t of [...tables].sort((a, b) => b.depth - a.depth)) db.sqlite.prepare(`DELETE FROM main.${q(t.name)} WHERE ${t.where('main')}`).run(params);
      let rows = 0;
      for (const t of [...tables].sort((a, b) => a.depth - b.depth)) {
        const cols = t.columns.map(q).join(', ');
        try {
          rows += db.sqlite.prepare(`INSERT INTO main.${q(t.name)} (${cols}) SELECT ${cols} FROM ${SRC}.${q(t.name)} WHERE ${t.where(SRC)}`).run(params).changes;
        } catch (err) {
          if (String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE'))
            throw textError(
              'CONFLICT',
              'restore.idsTaken',
              { table: t.name },
              `Rows of project ${projectId} in backup ${backupId} (${t.name}) have ids that other rows now use: restore the whole workspace from this backup instead`,
              { table: t.name },
            );
          throw err;
        }
      }
      copyHistory(db, projectId);
      // A backup from before WBS statuses followed the data brings stale ones: recomputed as at open.
      const current = db.sqlite.prepare(`SELECT 1 FROM ${SRC}.settings WHERE key = ?`).get(STATUS_SYNC_KEY);
      if (!current) syncStoredStatuses(db, projectId);
      reindex(db, projectId);
      const after = db.sqlite.prepare('SELECT * FROM main.projects WHERE id = ?').get(projectId) as Record<string, unknown>;
      batch.record('project', projectId, before ? 'update' : 'create', before ? projectDto(before) : null, { ...projectDto(after), restoredFrom: backupId });
      const problems = db.sqlite.prepare('PRAGMA main.foreign_key_check').all();
      if (problems.length > 0)
        throw textError('CONFLICT', 'restore.references', { count: problems.length }, `The restored project would break ${problems.length} references: nothing was restored`, problems.slice(0, 10));
      return { project: projectDto(after), rows };
    });
  } finally {
    db.sqlite.prepare(`DETACH DATABASE ${SRC}`).run();
  }
}

/**
 * The project's undo history becomes the backup's, so undo steps back through the restored state
 * (the history of the replaced state stays in the backup taken before the restore). Batches about the
 * project itself (project.create, project.delete, earlier restores) are kept: they are not undo steps.
 */
function copyHistory(db: Db, projectId: number): void {
  const ours = "project_id = ? AND label NOT LIKE 'project.%'";
  db.sqlite.prepare(`DELETE FROM main.audit_log WHERE batch_id IN (SELECT id FROM main.batches WHERE ${ours})`).run(projectId);
  db.sqlite.prepare(`DELETE FROM main.batches WHERE ${ours}`).run(projectId);
  const batchCols = (db.sqlite.prepare('PRAGMA main.table_info(batches)').all() as { name: string }[]).map((c) => q(c.name)).join(', ');
  const auditCols = (db.sqlite.prepare('PRAGMA main.table_info(audit_log)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id')
    .map(q)
    .join(', ');
  const wanted = `SELECT id FROM ${SRC}.batches WHERE ${ours} AND id NOT IN (SELECT id FROM main.batches)`;
  // Inserted in the backup's order: the undo stack is read by rowid.
  const ids = db.sqlite.prepare(wanted).pluck().all(projectId) as string[];
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  db.sqlite.prepare(`INSERT INTO main.batches (${batchCols}) SELECT ${batchCols} FROM ${SRC}.batches WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid`).run(list);
  db.sqlite
    .prepare(`INSERT INTO main.audit_log (${auditCols}) SELECT ${auditCols} FROM ${SRC}.audit_log WHERE batch_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .run(list);
}

function projectDto(r: Record<string, unknown>): Project {
  return {
    id: r.id as number,
    name: r.name as string,
    code: r.code as string,
    description: r.description as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
