// Moving a workspace between engines (team mode, issue 17): a SQLite workspace copied into an empty
// PostgreSQL database (設定 → チームで使う), and the team database — or one project of any workspace — copied
// into a new SQLite file (a client handover, an offline laptop). One function serves every direction: it
// reads through one seam and writes through another (db/sql.ts), table by table, in the order of the
// schema's own foreign keys (drizzle/schema.ts, which drizzle/pg/schema.ts mirrors column for column:
// pg-schema-drift.test.ts). Rows keep their ids, so links, the audit trail and the undo stacks mean the
// same on the other side.
//
// All or nothing: the target is written in one transaction (a throw, a failed check or 中止 rolls every
// row back), and the source is read inside one of its own, so a colleague's write on a team database
// waits the few seconds of the copy instead of leaving an audit row whose batch was not copied.
// Checked by row counts: every table's rows on the target are counted inside the transaction and must be
// what was read, or nothing is committed. The search index is not copied (SQLite's FTS5 and PostgreSQL's
// pg_trgm tables differ) but built on the target in the same transaction from the copied rows.
import { textError } from '../../common/errors.js';
import { holdIfAsked, reportProgress, throwIfCancelled } from '../call-scope.js';
import type { Sql, SqlDb } from '../db/sql.js';
import { clearSettings, COPIED_TABLES, countRows, holdsRows, idsGiven, insertRows, readRows, resumeNumbering, type CopiedTable } from '../db/queries/workspace-copy.js';
import { reindexOnce, SEARCH_INDEX_KEY } from './search-index.js';

export interface CopyOptions {
  /**
   * Only this project's rows, the Excel profiles its imports are linked to and the settings that are not
   * another project's (a file handed to one client holds no other client's workbook); default every row.
   */
  projectId?: number;
  /** How the target is named in messages (a database, a file). */
  targetName: string;
}

export interface CopyResult {
  /** Rows copied per table (checked on the target before committing). */
  rows: Record<string, number>;
  total: number;
}

/**
 * Copies the workspace `from` reads (every row, or one project's) into `to`, which must hold none of
 * those tables' rows yet (its settings are replaced). One transaction on each side; reports progress in
 * rows and stops (rolling back) when the call is cancelled.
 */
export function copyWorkspace(from: Sql, to: Sql, options: CopyOptions): CopyResult {
  const { projectId, targetName } = options;
  return from.tx(() => {
    if (projectId !== undefined && countRows(from, 'projects', projectId) === 0)
      throw textError('NOT_FOUND', 'projectGone', { id: projectId }, `Project ${projectId} does not exist`, { field: 'projectId' });
    // The source's counters, one project's copy too: an id it gave a row deleted before the copy stays given.
    const given = new Map<string, number>();
    for (const t of COPIED_TABLES) {
      if (!t.numbered) continue;
      given.set(t.name, idsGiven(from, t.name));
    }
    const total = COPIED_TABLES.reduce((n, t) => n + countRows(from, t.name, projectId), 0);
    let done = 0;
    reportProgress(0, total);
    return to.tx(() => {
      for (const t of COPIED_TABLES) {
        if (t.name === 'settings') continue;
        if (holdsRows(to, t.name))
          throw textError('CONFLICT', 'team.copyNotEmpty', { database: targetName, table: t.name }, `${targetName} already holds data (table ${t.name}): copy into an empty database`);
      }
      // The target's own settings (written when it was opened) give way to the workspace's.
      clearSettings(to);
      const rows: Record<string, number> = {};
      for (const t of COPIED_TABLES) {
        const read = kept(t, readRows(from, t, projectId), projectId);
        refuseBadJson(t, read);
        insertRows(to, t, read, (k) => {
          reportProgress(done + k, total);
          holdIfAsked();
          throwIfCancelled();
        });
        rows[t.name] = read.length;
        done += read.length;
      }
      for (const t of COPIED_TABLES) {
        const on = countRows(to, t.name);
        if (on !== rows[t.name]) throw new Error(`copy to ${targetName}: table ${t.name} holds ${on} rows after the copy, ${rows[t.name]} were read`);
        if (t.numbered) resumeNumbering(to, t.name, given.get(t.name)!);
      }
      reindexOnce({ sql: to } satisfies SqlDb);
      // Said before the commit: a cancel that came while the last rows went in still leaves nothing.
      throwIfCancelled();
      return { rows, total: Object.values(rows).reduce((a, b) => a + b, 0) };
    });
  });
}

/**
 * JSON kept as text is read as JSON on the team database (its ->> and json_each parse it; a SQLite file
 * tolerates what the app never reads): text that does not parse stops the copy before it is written,
 * naming the table, the row and the column, rather than failing a colleague's screen later.
 */
function refuseBadJson(t: CopiedTable, rows: unknown[][]): void {
  if (t.json.length === 0) return;
  const idAt = t.columns.indexOf('id');
  for (const r of rows)
    for (const i of t.json) {
      const v = r[i];
      if (typeof v !== 'string') continue;
      try {
        JSON.parse(v);
      } catch {
        const where = idAt >= 0 ? `row id ${r[idAt]}` : `row ${JSON.stringify(r[0])}`;
        throw new Error(`copy of table ${t.name}: ${where}, column ${t.columns[i]} does not hold valid JSON (${v.length > 40 ? `${v.slice(0, 40)}…` : v}); nothing was copied`);
      }
    }
}

/**
 * The rows of a workspace-wide table that go with the copy. The search index is built on the target, for
 * its own engine. For one project: a profile only when the project's import is linked to it (its template
 * is a client's workbook, rows and all), a setting only when it is no other project's (project.<id>.…).
 */
function kept(t: CopiedTable, rows: unknown[][], projectId: number | undefined): unknown[][] {
  if (t.name === 'settings') {
    const owner = (key: string) => /^project\.(\d+)\./.exec(key)?.[1];
    return rows.filter((r) => {
      const of = owner(String(r[0]));
      return r[0] !== SEARCH_INDEX_KEY && (projectId === undefined || of === undefined || Number(of) === projectId);
    });
  }
  if (t.name === 'excel_profiles' && projectId !== undefined) {
    const mapping = t.columns.indexOf('mapping');
    return rows.filter((r) => linkedProject(r[mapping]) === projectId);
  }
  return rows;
}

/** The project a profile's stored record links name (import/profiles.ts keeps them in its mapping), else null. */
function linkedProject(mapping: unknown): number | null {
  try {
    const stored = (typeof mapping === 'string' ? JSON.parse(mapping) : mapping) as { records?: { projectId?: unknown } } | null;
    return typeof stored?.records?.projectId === 'number' ? stored.records.projectId : null;
  } catch {
    return null;
  }
}

