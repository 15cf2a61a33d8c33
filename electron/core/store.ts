// Reads and writes rows of one table by field name (camelCase, as in drizzle/schema.ts), converting
// with drizzle's own column mappings (booleans, JSON) and running cached prepared statements: drizzle's
// query builder prepares anew on every call, ~20× slower per row on the paste and import paths.
// Undo uses the same store to put rows back, so every register round-trips through one mapping.
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { textError } from '../common/errors.js';
import type { SqlDb } from './db/sql.js';
import type { Dialect } from './db/dialect.js';

type Raw = Record<string, unknown>;

/** JSON text already made (by the database's JSON object function): the audit writes it as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export interface TableStore<Row extends { id: number }> {
  readonly table: string;
  /** Field names (camelCase) of every column. */
  readonly fields: readonly (keyof Row & string)[];
  fromRaw(raw: Raw): Row;
  get(db: SqlDb, id: number): Row | undefined;
  /** The row, or NOT_FOUND naming `what` (e.g. "WBS task 12"). */
  require(db: SqlDb, id: number, what: string): Row;
  /** Every row of a project, by id (a table without project_id refuses). */
  inProject(db: SqlDb, projectId: number): Row[];
  /** Rows matching a SQL condition over column names, e.g. `project_id = ? ORDER BY position` (db/queries only). */
  where(db: SqlDb, condition: string, ...params: unknown[]): Row[];
  /** Inserts the given fields (others take their SQL defaults); `id` may be given to restore a row. */
  insert(db: SqlDb, values: Partial<Row>): Row;
  /**
   * Inserts a row whose every column but id is given, without reading it back: the bulk path (an import
   * of 10,000 tasks spent a third of its time in RETURNING * and mapping the row back). Answers the id.
   */
  insertFull(db: SqlDb, values: Omit<Row, 'id'>): number;
  /** Many whole rows, ids included (the caller assigned them), in multi-row statements: the import path. */
  insertMany(db: SqlDb, rows: Row[]): void;
  update(db: SqlDb, id: number, patch: Partial<Row>): Row;
  remove(db: SqlDb, id: number): void;
  /** Rows by id, read in chunks of one statement each (absent ids are simply not in the map). */
  getMany(db: SqlDb, ids: readonly number[]): Map<number, Row>;
  /** Sets the given fields of many rows (updated_at too), one statement per field set (and chunk), nothing read back. */
  updateMany(db: SqlDb, rows: readonly { id: number; patch: Partial<Row> }[]): void;
  /** Deletes rows by id in chunks (their ON DELETE CASCADE children go with them). */
  removeMany(db: SqlDb, ids: readonly number[]): void;
  /**
   * Audit snapshots (every field but updatedAt, as `fromRaw` maps them) of many rows, made as JSON by
   * SQLite in one statement per chunk: undoing a 10,000-row import spent most of its time mapping rows
   * in JS only to serialize them again. `from` is a FROM clause naming the table `t` and one `?`
   * per argument (`wbs_tasks t WHERE t.id IN (…)`, a recursive subtree…); answered in its row order.
   */
  snapshotsWhere(db: SqlDb, from: string, ...params: unknown[]): { id: number; json: JsonText }[];
  snapshots(db: SqlDb, ids: readonly number[]): Map<number, JsonText>;
  /** The snapshot as an SQL expression of the engine over the table named `t` (what snapshotsWhere selects). */
  snapshotSql(dialect: Dialect): string;
  /**
   * The same with updatedAt too: a row put back from it is the row as it was, to its last change (a
   * project's delete and its undo and redo, which restore every row of the project exactly).
   */
  fullSnapshotSql(dialect: Dialect): string;
}

/**
 * Parameters per multi-row INSERT of insertMany: ~320 rows of a 25-column table, far below SQLite's limit
 * (32,766) and PostgreSQL's (65,535). It was 40 rows: on a team database each statement is a round trip,
 * and a 10,000-task import made 250 of them for its tasks alone.
 */
const MANY_PARAMS = 8000;
/** Ids per `id IN (…)` statement of the bulk reads and deletes. */
const ID_CHUNK = 500;

/** Parameters per grouped UPDATE of updateMany (both engines take far more). */
const UPDATE_PARAMS = 2000;
/**
 * The type a value takes in a grouped UPDATE's CASE, by drizzle's column type, read alike by both engines
 * (SQLite by the name's affinity: INT → integer, DOUB → real). Any other column is written row by row.
 */
const CASTS: Record<string, string | undefined> = {
  SQLiteText: 'TEXT',
  SQLiteTextJson: 'TEXT',
  SQLiteInteger: 'BIGINT',
  SQLiteBoolean: 'BIGINT',
  SQLiteReal: 'DOUBLE PRECISION',
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function tableStore<T extends SQLiteTable, Row extends { id: number } = T['$inferSelect'] & { id: number }>(
  table: T,
): TableStore<Row> {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)) as [keyof Row & string, T['_']['columns'][string]][];
  const byField = new Map(columns);
  const fields = columns.map(([f]) => f);
  const columnObjects = columns.map(([, c]) => c);
  const hasUpdatedAt = byField.has('updatedAt' as keyof Row & string);

  const column = (field: string) => {
    const c = byField.get(field as keyof Row & string);
    if (!c) throw new Error(`${name} has no field ${field}`);
    return c;
  };
  const toSql = (field: string, v: unknown) => (v === null || v === undefined ? null : column(field).mapToDriverValue(v));

  const insertColumns = columns.filter(([field]) => field !== 'id');
  const insertFullSql = `INSERT INTO ${name} (${insertColumns.map(([, c]) => c.name).join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`;

  const insertManySql = `INSERT INTO ${name} (${columns.map(([, c]) => c.name).join(', ')}) VALUES`;
  const oneRow = `(${columns.map(() => '?').join(', ')})`;

  // How each field reads in JSON as fromRaw maps it: booleans as true/false, JSON columns inline.
  const jsonValue = (d: Dialect, c: (typeof columns)[number][1]) => {
    const col = `t.${c.name}`;
    if (c.columnType === 'SQLiteBoolean') return d.jsonBoolean(col);
    if (c.columnType === 'SQLiteTextJson') return d.jsonInline(col);
    if (['SQLiteText', 'SQLiteInteger', 'SQLiteReal'].includes(c.columnType)) return col;
    throw new Error(`${name}.${c.name}: no JSON form for a ${c.columnType} column`);
  };
  // Made once per engine (a workspace uses one; tests open both): without updatedAt, and whole.
  const snapshots = new Map<string, string>();
  const snapshotOf = (d: Dialect, whole: boolean) => {
    const key = `${d.name}:${whole}`;
    let text = snapshots.get(key);
    if (text === undefined) {
      text = d.jsonObject(columns.filter(([field]) => whole || field !== 'updatedAt').map(([field, c]) => [field, jsonValue(d, c)] as const));
      snapshots.set(key, text);
    }
    return text;
  };
  const snapshotSql = (d: Dialect) => snapshotOf(d, false);
  const fullSnapshotSql = (d: Dialect) => snapshotOf(d, true);

  const fromRaw = (raw: Raw): Row => {
    const row: Raw = {};
    for (const [field, c] of columns) {
      const v = raw[c.name];
      row[field] = v === null || v === undefined ? null : c.mapFromDriverValue(v);
    }
    return row as Row;
  };

  const store: TableStore<Row> = {
    snapshotSql,
    fullSnapshotSql,
    table: name,
    fields,
    fromRaw,
    get: (db, id) => {
      const raw = db.sql.get<Raw>(`SELECT * FROM ${name} WHERE id = ?`, [id]);
      return raw && fromRaw(raw);
    },
    require: (db, id, what) => {
      const row = store.get(db, id);
      if (!row) throw textError('NOT_FOUND', 'rowGone', { id }, `${what} does not exist`, { field: 'id', id });
      return row;
    },
    inProject: (db, projectId) => {
      if (!byField.has('projectId' as keyof Row & string)) throw new Error(`${name} has no project_id`);
      return db.sql.all<Raw>(`SELECT * FROM ${name} WHERE project_id = ? ORDER BY id`, [projectId]).map(fromRaw);
    },
    where: (db, condition, ...params) => db.sql.all<Raw>(`SELECT * FROM ${name} WHERE ${condition}`, params).map(fromRaw),
    insert: (db, values) => {
      const keys = Object.keys(values).filter((k) => values[k as keyof Row] !== undefined);
      const sql = `INSERT INTO ${name} (${keys.map((k) => column(k).name).join(', ')}) VALUES (${keys.map(() => '?').join(', ')}) RETURNING *`;
      return fromRaw(db.sql.get<Raw>(sql, keys.map((k) => toSql(k, values[k as keyof Row])))!);
    },
    insertFull: (db, values) => {
      const args = insertColumns.map(([field, c]) => {
        const v = (values as Record<string, unknown>)[field];
        if (v === undefined) throw new Error(`${name}.insertFull: ${field} is missing`);
        return v === null ? null : c.mapToDriverValue(v);
      });
      return db.sql.run(insertFullSql, args).lastId;
    },
    insertMany: (db, rows) => {
      const n = columns.length;
      const per = Math.max(1, Math.floor(MANY_PARAMS / n));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        // (Indexed loops into an array of its final length: a destructured [field, column] pair and a
        // push per value were a fifth of a 100,000-task insert's own time.)
        const args: unknown[] = new Array(chunk.length * n);
        let k = 0;
        for (const row of chunk)
          for (let j = 0; j < n; j++) {
            const v = (row as Record<string, unknown>)[fields[j]!];
            if (v === undefined) throw new Error(`${name}.insertMany: ${fields[j]!} is missing`);
            args[k++] = v === null ? null : columnObjects[j]!.mapToDriverValue(v);
          }
        // Sent (Sql.send): the ids are the caller's and nothing is read back, so a team database takes an
        // import's chunks in one round trip with the statement after them.
        db.sql.send(`${insertManySql} ${Array.from({ length: chunk.length }, () => oneRow).join(', ')}`, args);
      }
    },
    update: (db, id, patch) => {
      const keys = Object.keys(patch).filter((k) => patch[k as keyof Row] !== undefined && k !== 'id');
      if (hasUpdatedAt && !keys.includes('updatedAt')) keys.push('updatedAt');
      const value = (k: string) => (k === 'updatedAt' && !('updatedAt' in patch) ? new Date().toISOString() : toSql(k, patch[k as keyof Row]));
      const sql = `UPDATE ${name} SET ${keys.map((k) => `${column(k).name} = ?`).join(', ')} WHERE id = ? RETURNING *`;
      const raw = db.sql.get<Raw>(sql, [...keys.map(value), id]);
      if (!raw) throw textError('NOT_FOUND', 'rowGone', { id }, `${name} row ${id} does not exist`, { field: 'id', id });
      return fromRaw(raw);
    },
    remove: (db, id) => {
      db.sql.run(`DELETE FROM ${name} WHERE id = ?`, [id]);
    },
    getMany: (db, ids) => {
      const out = new Map<number, Row>();
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        const chunk = ids.slice(i, i + ID_CHUNK);
        for (const raw of db.sql.all<Raw>(`SELECT * FROM ${name} WHERE id IN (${placeholders(chunk.length)})`, chunk)) {
          const row = fromRaw(raw);
          out.set(row.id, row);
        }
      }
      return out;
    },
    updateMany: (db, rows) => {
      const now = new Date().toISOString();
      const keysOf = (patch: Partial<Row>) => {
        const keys = Object.keys(patch).filter((k) => patch[k as keyof Row] !== undefined && k !== 'id');
        if (hasUpdatedAt && !keys.includes('updatedAt')) keys.push('updatedAt');
        return keys;
      };
      const valueOf = (patch: Partial<Row>, k: string) => (k === 'updatedAt' && !('updatedAt' in patch) ? now : toSql(k, patch[k as keyof Row]));
      // Sent (Sql.send): nothing is read back, so on a team database they go with the next statement.
      const one = (id: number, patch: Partial<Row>, keys: string[]) =>
        db.sql.send(`UPDATE ${name} SET ${keys.map((k) => `${column(k).name} = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => valueOf(patch, k)), id]);
      // A row named twice is written in the order given, one statement each (a CASE takes its first WHEN).
      if (new Set(rows.map((r) => r.id)).size !== rows.length) {
        for (const { id, patch } of rows) one(id, patch, keysOf(patch));
        return;
      }
      // Rows setting the same fields are written together: one UPDATE with a CASE per field (a leaf's edit
      // settles its three ancestors' roll-ups; on a team database every statement is a round trip).
      const groups = new Map<string, { keys: string[]; rows: { id: number; patch: Partial<Row> }[] }>();
      for (const r of rows) {
        const keys = keysOf(r.patch);
        const key = keys.join(',');
        (groups.get(key) ?? groups.set(key, { keys, rows: [] }).get(key)!).rows.push(r);
      }
      for (const { keys, rows: same } of groups.values()) {
        const casts = keys.map((k) => CASTS[column(k).columnType]);
        if (same.length === 1 || casts.some((c) => c === undefined)) {
          for (const { id, patch } of same) one(id, patch, keys);
          continue;
        }
        const per = Math.max(1, Math.floor(UPDATE_PARAMS / (2 * keys.length + 1)));
        for (let i = 0; i < same.length; i += per) {
          const chunk = same.slice(i, i + per);
          // Typed in each branch: a parameter in a CASE has no column to take its type from (PostgreSQL).
          const sets = keys.map((k, j) => `${column(k).name} = CASE id ${chunk.map(() => `WHEN ? THEN CAST(? AS ${casts[j]})`).join(' ')} END`);
          const params: unknown[] = [];
          for (const k of keys) for (const { id, patch } of chunk) params.push(id, valueOf(patch, k));
          for (const { id } of chunk) params.push(id);
          db.sql.send(`UPDATE ${name} SET ${sets.join(', ')} WHERE id IN (${placeholders(chunk.length)})`, params);
        }
      }
    },
    snapshotsWhere: (db, from, ...params) =>
      db.sql.values<[number, string]>(`SELECT t.id, ${snapshotSql(db.sql.dialect)} FROM ${from}`, params).map(([id, json]) => ({ id, json: new JsonText(json) })),
    snapshots: (db, ids) => {
      const out = new Map<number, JsonText>();
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        const chunk = ids.slice(i, i + ID_CHUNK);
        for (const s of store.snapshotsWhere(db, `${name} t WHERE t.id IN (${placeholders(chunk.length)})`, ...chunk)) out.set(s.id, s.json);
      }
      return out;
    },
    removeMany: (db, ids) => {
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        const chunk = ids.slice(i, i + ID_CHUNK);
        db.sql.run(`DELETE FROM ${name} WHERE id IN (${placeholders(chunk.length)})`, chunk);
      }
    },
  };
  return store;
}
