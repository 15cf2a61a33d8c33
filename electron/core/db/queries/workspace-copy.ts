// The statements of a workspace copy between engines (services/workspace-copy.ts): which tables, in
// which order, one project's rows of each, and the id counters. Read through one Sql and written through
// another, so the same statements serve SQLite and PostgreSQL (drizzle/schema.ts is mirrored column for
// column by drizzle/pg/schema.ts: pg-schema-drift.test.ts).
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../../drizzle/schema.js';
import type { Sql } from '../sql.js';

export interface CopiedTable {
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

/** A table's rows (one project's when given and the table has a project's rows). */
export function countRows(sql: Sql, table: string, projectId?: number): number {
  const t = COPIED_TABLES.find((x) => x.name === table);
  const { where, params } = t ? scope(t, projectId) : { where: '', params: [] };
  return count(sql, table, where, params);
}

/** The rows of a table to copy (one project's when given), in an order the target's foreign keys accept. */
export function readRows(sql: Sql, t: CopiedTable, projectId: number | undefined): unknown[][] {
  const { text, params } = selectRows(t, projectId);
  return sql.values<unknown[]>(text, params);
}

/** Whether the table holds any row. */
export function holdsRows(sql: Sql, table: string): boolean {
  return sql.get(`SELECT 1 AS x FROM ${q(table)} LIMIT 1`) !== undefined;
}

/** The target's own settings (written when it was opened) give way to the copied workspace's. */
export function clearSettings(sql: Sql): void {
  sql.run(`DELETE FROM ${q('settings')}`);
}

/** The largest id the table has ever given (Dialect.idsGiven). */
export function idsGiven(sql: Sql, table: string): number {
  const { sql: text, params } = sql.dialect.idsGiven(table);
  return Number(sql.get<{ n: number | string }>(text, params)!.n);
}

/** Sets the table's id counter to `given` (Dialect.resumeNumbering). */
export function resumeNumbering(sql: Sql, table: string, given: number): void {
  for (const { sql: text, params } of sql.dialect.resumeNumbering(table, given)) sql.run(text, params);
}

/** Writes `rows` in multi-row INSERTs, telling `progress` the rows written after each (it may throw to stop). */
export function insertRows(to: Sql, t: CopiedTable, rows: unknown[][], progress: (written: number) => void): void {
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
  }
}
