// What differs between the two engines behind the seam (sql.ts) and cannot be written once for both:
// chosen when the database is opened (Sql.dialect), so a module that needs an engine's own SQL asks the
// dialect instead of testing which engine it runs on. Everything else is written once, in SQL both
// engines read the same (the PostgreSQL migration 0001_sqlite_compat gives it SQLite's julianday,
// unixepoch, json_each over an id list, ->> and json_type).

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * How global search finds words: SQLite's FTS5 indexes (trigrams and 2-character pieces, queries/search.ts)
   * or PostgreSQL's pg_trgm index over the same rows (queries/search-pg.ts).
   */
  readonly search: 'fts5' | 'trgm';
  /** The text of a JSON object built from (key, SQL expression) pairs, in that order. */
  jsonObject(pairs: readonly (readonly [string, string])[]): string;
  /** An integer 0/1 column as JSON true/false (null stays null), inside jsonObject. */
  jsonBoolean(col: string): string;
  /** A column holding JSON text, inline (not as a string) inside jsonObject. */
  jsonInline(col: string): string;
  /**
   * The database login of the session, as SQL (batches.role): PostgreSQL's own `current_user`, written by
   * the server, so the audit trail names the role that wrote whatever name the client gives; a SQLite file
   * has no logins (NULL).
   */
  readonly sessionRole: string;
  /**
   * A statement answering `n`: the largest id the table has ever given, a deleted row's too. Ids are never
   * given twice: the audit trail names rows by id, and undo writes a deleted row back under its own.
   */
  idsGiven(table: string): { sql: string; params: unknown[] };
  /**
   * After rows were written with their own ids (a copy from another workspace): the statements that set
   * the table's id counter to `given`, the source's idsGiven, so that neither a copied id nor one the
   * source gave to a row deleted before the copy is given again (AUTOINCREMENT follows only the largest
   * id written; a PostgreSQL identity not even that).
   */
  resumeNumbering(table: string, given: number): { sql: string; params: unknown[] }[];
  /**
   * A statement answering `first`: the first of `n` consecutive ids of the table no row has had or will
   * be given by the engine, for rows inserted in bulk with their ids (an import). SQLite: after the
   * largest id AUTOINCREMENT has given (it follows the ids written); PostgreSQL: the identity's counter is
   * moved past the block in the same statement, so a colleague's next row cannot take one of them.
   */
  reserveIds(table: string, n: number): { sql: string; params: unknown[] };
  /**
   * `column` is one of the values `subquery` answers, written so that the engine seeks `column`'s index
   * once per value: SQLite's `IN (subquery)`. PostgreSQL plans `IN` over a recursive CTE as a hash join
   * over the whole table (it guesses a hundred rows where a roll-up's chain has four): `= ANY (ARRAY(…))`
   * reads the subquery first and seeks the index with what it answered.
   */
  anyOf(column: string, subquery: string): string;
  /**
   * Where the engine has arrays (PostgreSQL), a list as one parameter: the text of its array literal, for
   * `unnest(CAST(? AS integer[]), …)`. SQLite has none (undefined): a list goes there as VALUES rows or
   * through json_each. Statements that take it are the engine's own (queries/schedule.ts setPlannedDates).
   */
  readonly arrayText?: (values: readonly (string | number | null)[]) => string;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  search: 'fts5',
  jsonObject: (pairs) => `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  jsonBoolean: (col) => `json(CASE WHEN ${col} IS NULL THEN 'null' WHEN ${col} THEN 'true' ELSE 'false' END)`,
  jsonInline: (col) => `json(${col})`,
  sessionRole: 'NULL',
  idsGiven: (table) => ({
    sql: `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM "${table}"), 0)) AS n`,
    params: [table],
  }),
  // sqlite_sequence has no key on its names: the table's row is replaced, not upserted.
  resumeNumbering: (table, given) => [
    { sql: 'DELETE FROM sqlite_sequence WHERE name = ?', params: [table] },
    { sql: `INSERT INTO sqlite_sequence (name, seq) VALUES (?, max(?, (SELECT coalesce(max(id), 0) FROM "${table}")))`, params: [table, given] },
  ],
  reserveIds: (table) => ({
    sql: `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM "${table}"), 0)) + 1 AS first`,
    params: [table],
  }),
  anyOf: (column, subquery) => `${column} IN (${subquery})`,
};

// json_build_object takes at most 100 arguments (50 pairs): a wider row is built in parts and joined as
// jsonb, which keeps every key (in jsonb's own order, which nothing reading a snapshot depends on).
const PAIRS_PER_CALL = 50;

export const POSTGRES: Dialect = {
  name: 'postgres',
  search: 'trgm',
  jsonObject: (pairs) => {
    const call = (part: readonly (readonly [string, string])[]) => `json_build_object(${part.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
    if (pairs.length <= PAIRS_PER_CALL) return `${call(pairs)}::text`;
    const parts: string[] = [];
    for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) parts.push(`${call(pairs.slice(i, i + PAIRS_PER_CALL))}::jsonb`);
    return `(${parts.join(' || ')})::text`;
  },
  jsonBoolean: (col) => `(CASE WHEN ${col} IS NULL THEN NULL ELSE ${col} <> 0 END)`,
  jsonInline: (col) => `${col}::json`,
  sessionRole: 'current_user',
  // pg_sequence_last_value: null while the identity has given nothing.
  idsGiven: (table) => ({
    sql: `SELECT greatest(coalesce((SELECT max(id) FROM "${table}"), 0), coalesce(pg_sequence_last_value(pg_get_serial_sequence('"${table}"', 'id')::regclass), 0)) AS n`,
    params: [],
  }),
  // setval(…, false) for a table that has given nothing: its next id is 1.
  resumeNumbering: (table, given) => {
    const at = `greatest(CAST(? AS bigint), (SELECT coalesce(max(id), 0) FROM "${table}"))`;
    return [{ sql: `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), greatest(${at}, 1), ${at} > 0) AS n`, params: [given, given] }];
  },
  // nextval (never rolled back) and max(id) (ids written explicitly, as undo writes them back) both bound
  // what was given; setval ends the block so the identity goes on after it.
  reserveIds: (table, n) => ({
    sql: `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), greatest((SELECT coalesce(max(id), 0) FROM "${table}"), nextval(pg_get_serial_sequence('"${table}"', 'id')) - 1) + CAST(? AS bigint)) - CAST(? AS bigint) + 1 AS first`,
    params: [n, n],
  }),
  anyOf: (column, subquery) => `${column} = ANY (ARRAY(${subquery}))`,
  // Every text element quoted (so 'NULL', commas, braces and spaces stay text), with " and \ escaped.
  arrayText: (values) => `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`,
};
