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
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../drizzle/schema.js';
import { textError } from '../../common/errors.js';
import { reportProgress, throwIfCancelled } from '../call-scope.js';
import type { Sql, SqlDb } from '../db/sql.js';
import { reindexOnce, SEARCH_INDEX_KEY } from './search-index.js';

interface CopiedTable {
  name: string;
  columns: string[];
  /** A column naming a row of the same table (wbs_tasks.parent_id): parents are read first. */
  parent: string | null;
  /** Has an `id` the engine numbers itself (its counter is moved past the copied ids). */
  numbered: boolean;
  /** The rows of one project: a condition with one `?` (the project's id), null for every row. */
  ofProject: string | null;
  /** Columns holding JSON as text (drizzle's mode: 'json'), by their place in `columns`. */
  json: number[];
}

const q = (name: string) => `"${name}"`;

/** The schema's tables, parents before children by their foreign keys, each with how one project's rows are found. */
export const COPIED_TABLES: readonly CopiedTable[] = (() => {
  const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));
  const ordered: SQLiteTable[] = [];
  const visit = (t: SQLiteTable, path: SQLiteTable[]) => {
    if (ordered.includes(t)) return;
    if (path.includes(t)) throw new Error(`tables in a cycle of foreign keys: ${[...path, t].map(getTableName).join(' → ')}`);
    for (const fk of getTableConfig(t).foreignKeys) {
      const parent = fk.reference().foreignTable as SQLiteTable;
      if (parent !== t) visit(parent, [...path, t]);
    }
    ordered.push(t);
  };
  for (const t of tables) visit(t, []);
  const out: CopiedTable[] = [];
  for (const t of ordered) {
    const config = getTableConfig(t);
    const columns = config.columns.map((c) => c.name);
    const self = config.foreignKeys.find((fk) => fk.reference().foreignTable === t);
    let ofProject: string | null = null;
    if (config.name === 'projects') ofProject = 'id = ?';
    else if (columns.includes('project_id')) ofProject = 'project_id = ?';
    else {
      // Rows hanging off a project's rows without a project_id of their own (audit_log under batches).
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        const parent = out.find((p) => p.name === getTableName(ref.foreignTable));
        if (parent?.ofProject && ref.columns.length === 1)
          ofProject = `${q(ref.columns[0]!.name)} IN (SELECT ${q(ref.foreignColumns[0]!.name)} FROM ${q(parent.name)} WHERE ${parent.ofProject})`;
      }
    }
    out.push({
      name: config.name,
      columns,
      parent: self ? self.reference().columns[0]!.name : null,
      numbered: config.columns.some((c) => c.name === 'id' && c.primary && c.columnType === 'SQLiteInteger'),
      ofProject,
      json: config.columns.flatMap((c, i) => (c.columnType === 'SQLiteTextJson' ? [i] : [])),
    });
  }
  return out;
})();

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

// Parameters per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535, few round trips either way.
const PARAMS_PER_INSERT = 16_000;
const MAX_ROWS_PER_INSERT = 1_000;

/** One project's rows of a table (every row when no project is asked or the table is the workspace's). */
function scope(t: CopiedTable, projectId: number | undefined): { where: string; params: unknown[] } {
  return projectId !== undefined && t.ofProject ? { where: `WHERE ${t.ofProject}`, params: [projectId] } : { where: '', params: [] };
}

/** The rows of one table to copy, in an order the target's foreign keys accept. */
function selectRows(t: CopiedTable, projectId: number | undefined): { text: string; params: unknown[] } {
  const { where, params } = scope(t, projectId);
  // A tree: each row after its parent (a row moved under a later one has a larger id than its child).
  if (t.parent) {
    const p = q(t.parent);
    return {
      text: `WITH RECURSIVE pmo_depth(id, depth) AS (SELECT id, 0 FROM ${q(t.name)} WHERE ${p} IS NULL ${where ? `AND ${t.ofProject}` : ''}
               UNION ALL SELECT c.id, d.depth + 1 FROM ${q(t.name)} c JOIN pmo_depth d ON c.${p} = d.id)
             SELECT ${t.columns.map((c) => `t.${q(c)}`).join(', ')} FROM ${q(t.name)} t JOIN pmo_depth d ON d.id = t.id ORDER BY d.depth, t.id`,
      params,
    };
  }
  // batches: in the order written (the undo stacks read it: SQLite's rowid, PostgreSQL's rowid column).
  const order = t.name === 'batches' ? 'rowid' : t.columns.includes('id') ? 'id' : q(t.columns[0]!);
  return { text: `SELECT ${t.columns.map(q).join(', ')} FROM ${q(t.name)} ${where} ORDER BY ${order}`, params };
}

const count = (sql: Sql, table: string, where = '', params: unknown[] = []) =>
  sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${q(table)} ${where}`, params)!.n;

/**
 * Copies the workspace `from` reads (every row, or one project's) into `to`, which must hold none of
 * those tables' rows yet (its settings are replaced). One transaction on each side; reports progress in
 * rows and stops (rolling back) when the call is cancelled.
 */
export function copyWorkspace(from: Sql, to: Sql, options: CopyOptions): CopyResult {
  const { projectId, targetName } = options;
  return from.tx(() => {
    if (projectId !== undefined && count(from, 'projects', 'WHERE id = ?', [projectId]) === 0)
      throw textError('NOT_FOUND', 'projectGone', { id: projectId }, `Project ${projectId} does not exist`, { field: 'projectId' });
    const plan = COPIED_TABLES.map((t) => ({ t, select: selectRows(t, projectId) }));
    // The source's counters, one project's copy too: an id it gave a row deleted before the copy stays given.
    const given = new Map<string, number>();
    for (const t of COPIED_TABLES) {
      if (!t.numbered) continue;
      const { sql, params } = from.dialect.idsGiven(t.name);
      given.set(t.name, Number(from.get<{ n: number | string }>(sql, params)!.n));
    }
    const total = plan.reduce((n, { t }) => {
      const { where, params } = scope(t, projectId);
      return n + count(from, t.name, where, params);
    }, 0);
    let done = 0;
    reportProgress(0, total);
    return to.tx(() => {
      for (const { t } of plan) {
        if (t.name === 'settings') continue;
        if (to.get(`SELECT 1 AS x FROM ${q(t.name)} LIMIT 1`))
          throw textError('CONFLICT', 'team.copyNotEmpty', { database: targetName, table: t.name }, `${targetName} already holds data (table ${t.name}): copy into an empty database`);
      }
      // The target's own settings (written when it was opened) give way to the workspace's.
      to.run(`DELETE FROM ${q('settings')}`);
      const rows: Record<string, number> = {};
      for (const { t, select } of plan) {
        const read = kept(t, from.values<unknown[]>(select.text, select.params), projectId);
        refuseBadJson(t, read);
        insertRows(to, t, read, (k) => reportProgress(done + k, total));
        rows[t.name] = read.length;
        done += read.length;
      }
      for (const t of COPIED_TABLES) {
        const on = count(to, t.name);
        if (on !== rows[t.name]) throw new Error(`copy to ${targetName}: table ${t.name} holds ${on} rows after the copy, ${rows[t.name]} were read`);
        if (t.numbered) for (const { sql, params } of to.dialect.resumeNumbering(t.name, given.get(t.name)!)) to.run(sql, params);
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

/** Writes `rows` in multi-row INSERTs, telling `progress` the rows written after each; stops when cancelled. */
function insertRows(to: Sql, t: CopiedTable, rows: unknown[][], progress: (written: number) => void): void {
  const n = t.columns.length;
  const per = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(PARAMS_PER_INSERT / n)));
  const head = `INSERT INTO ${q(t.name)} (${t.columns.map(q).join(', ')}) VALUES `;
  const tuple = `(${new Array(n).fill('?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    try {
      // A nested transaction (a savepoint): on PostgreSQL a failed statement would otherwise leave the
      // transaction aborted, and the message below is the one the caller must hear.
      to.tx(() => to.run(head + new Array(chunk.length).fill(tuple).join(', '), chunk.flat()));
    } catch (err) {
      const idAt = t.columns.indexOf('id');
      const which = idAt >= 0 ? `rows with id ${chunk[0]![idAt]}–${chunk[chunk.length - 1]![idAt]}` : `${chunk.length} rows`;
      throw new Error(`copy of table ${t.name} (${which}) was refused: ${(err as Error).message}`);
    }
    progress(i + chunk.length);
    throwIfCancelled();
  }
}
