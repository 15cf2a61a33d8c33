// The data-access seam: every statement the services run goes through `Sql`, so the workspace can
// stand on SQLite (better-sqlite3, here) or on PostgreSQL (team mode: a bridge that blocks on a worker
// thread running node-postgres) without the services knowing which. The seam is synchronous on purpose:
// better-sqlite3's transactions need a synchronous function, the workspace already runs in its own
// thread so a blocking wait freezes no window, and the SQLite paths stay as fast as they are.
//
// Dialect-neutral by contract: positional `?` parameters only (the PostgreSQL bridge rewrites them to
// $1..$n); parameters are strings, numbers, null or bytes (no booleans, no bigint: SQLite takes none
// of them, so callers convert as drizzle's column mappings do).
import type Database from 'better-sqlite3';
import { SQLITE, type Dialect } from './dialect.js';

export interface RunResult {
  /** Rows the statement inserted, changed or deleted. */
  changes: number;
  /** The id of the last row inserted (SQLite's rowid; the bridge answers it from RETURNING id). */
  lastId: number;
}

export interface Sql {
  /** The engine's own SQL, for the few statements that cannot be written once for both (dialect.ts). */
  readonly dialect: Dialect;
  /** Every row, as objects keyed by column name. */
  all<R>(sql: string, params?: readonly unknown[]): R[];
  /** The first row, or undefined when there is none. */
  get<R>(sql: string, params?: readonly unknown[]): R | undefined;
  /** Rows as arrays in select-list order (what better-sqlite3's .raw() gives): no key per value. */
  values<R extends unknown[]>(sql: string, params?: readonly unknown[]): R[];
  run(sql: string, params?: readonly unknown[]): RunResult;
  /**
   * A write whose answer the caller does not need (an audit row, a roll-up's UPDATE). SQLite runs it at
   * once. PostgreSQL, inside a transaction, sends it with the next statement that needs an answer, or
   * with the commit, in one round trip (pg-sync.ts): an edit's writes cost no round trip of their own.
   * A failure is thrown there, naming this statement, and the transaction rolls back as for any failure;
   * so never for a statement whose failure the caller catches and survives (run it with `run` in a
   * nested `tx`). Outside a transaction it runs at once on both engines.
   */
  send(sql: string, params?: readonly unknown[]): void;
  /**
   * A read whose rows are wanted only after the rest of the transaction (an edit's answer, read as its
   * last step): answers a function giving the rows as `all` would. SQLite reads at once. PostgreSQL, inside
   * a transaction, sends it with the next statement that needs an answer, or with the COMMIT, in that one
   * round trip: it still reads inside the transaction, after the writes before it, but the edit's answer
   * costs no round trip of its own and the write lock is held one round trip less (the five-writer figure
   * queues on that lock). Called before the read was sent, the function sends it then. Outside a
   * transaction it reads at once on both engines.
   */
  later<R>(sql: string, params?: readonly unknown[]): () => R[];
  /**
   * Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE, so a concurrent writer waits instead
   * of failing mid-way) and answers what it answers; a throw rolls every statement of it back.
   * Nested calls become savepoints: an inner throw that the outer catches undoes only the inner part.
   * `fn` must be synchronous (a promise is refused).
   */
  tx<T>(fn: () => T): T;
  /**
   * Runs `fn`, which only reads, on one snapshot of the database: what it reads stays as one state even
   * where other writers commit meanwhile (team mode's colleagues; SQLite's other connections). SQLite: a
   * deferred transaction (WAL gives it one snapshot from its first read); PostgreSQL: REPEATABLE READ
   * READ ONLY. Nested in a `tx` or `read`, a savepoint of it. `fn` must be synchronous.
   */
  read<T>(fn: () => T): T;
  /**
   * What lets a copy of rows kept in memory be trusted (services/schedule-network.ts): a text that stays
   * the same only while nothing in the database changes, and whether a transaction is open (its writes
   * may still roll back, so nothing read in it may be kept as committed). SQLite: this connection's row
   * changes so far (total_changes(), which counts every INSERT, UPDATE and DELETE, triggers' included,
   * and never goes back) and PRAGMA data_version (which moves when another connection commits).
   * PostgreSQL: null, since a colleague's commit cannot be seen without reading; nothing is kept there.
   */
  changeStamp(): { text: string; inTransaction: boolean } | null;
  /**
   * changeStamp narrowed to what a schedule is computed from — tasks' tree and dates, links, calendars
   * (their days off and working days: the holidays) — so that a kept schedule outlives every other write
   * (the search index's catch-up after an import, a register's row, an audit row, a setting). SQLite:
   * how many rows of wbs_tasks (written in their tree or schedule columns), wbs_dependencies and
   * project_calendars this connection has written (temporary triggers count them, FK cascades and writes
   * that roll back included; the count never goes back), and PRAGMA data_version for other connections.
   * PostgreSQL, and a connection that may not write (a damaged file's copy opened query_only): null,
   * nothing is kept.
   */
  scheduleStamp(): { text: string; inTransaction: boolean } | null;
}

/**
 * A workspace database as seen through the seam: all that handlers, services, db/queries, the table
 * stores and the batch are handed (they import it as `SqlDb as Db`). The opened database (open.ts `Db`,
 * with its better-sqlite3 connection, for backups, checks and closing) stays with the workspace; a
 * PostgreSQL workspace hands its bridge here instead.
 */
export interface SqlDb {
  readonly sql: Sql;
}

const NO_PARAMS: readonly unknown[] = [];

/**
 * The seam over one better-sqlite3 connection. Statements are prepared once per SQL text and kept,
 * as `Db.prepare` does (drizzle's builder prepares anew each call, ~20× slower per row); rows-as-
 * arrays statements are kept apart, since `.raw()` is a mode of the statement itself.
 */
export function sqliteSql(connection: Database.Database): Sql {
  const objects = new Map<string, Database.Statement>();
  const arrays = new Map<string, Database.Statement>();
  let stampStatement: Database.Statement | undefined;
  let versionStatement: Database.Statement | undefined;
  let scheduleWrites: { count: number } | null | undefined;
  const statement = (sql: string) => {
    let st = objects.get(sql);
    if (!st) objects.set(sql, (st = connection.prepare(sql)));
    return st;
  };
  return {
    dialect: SQLITE,
    all: <R>(sql: string, params = NO_PARAMS) => statement(sql).all(...params) as R[],
    get: <R>(sql: string, params = NO_PARAMS) => statement(sql).get(...params) as R | undefined,
    values: <R extends unknown[]>(sql: string, params = NO_PARAMS) => {
      let st = arrays.get(sql);
      if (!st) arrays.set(sql, (st = connection.prepare(sql).raw(true)));
      return st.all(...params) as R[];
    },
    run: (sql, params = NO_PARAMS) => {
      const info = statement(sql).run(...params);
      return { changes: info.changes, lastId: Number(info.lastInsertRowid) };
    },
    send: (sql, params = NO_PARAMS) => {
      statement(sql).run(...params);
    },
    later: <R>(sql: string, params = NO_PARAMS) => {
      const rows = statement(sql).all(...params) as R[];
      return () => rows;
    },
    // better-sqlite3 makes a nested transaction function a savepoint of the open transaction.
    tx: <T>(fn: () => T) => connection.transaction(fn).immediate(),
    read: <T>(fn: () => T) => connection.transaction(fn).deferred(),
    changeStamp: () => {
      const [changes, version] = (stampStatement ??= connection.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw(true)).get() as [number, number];
      return { text: `${changes}/${version}`, inTransaction: connection.inTransaction };
    },
    scheduleStamp: () => {
      if (scheduleWrites === undefined) scheduleWrites = countScheduleWrites(connection);
      // Not counted (a damaged file's copy opened query_only to read what it can): nothing is kept.
      if (scheduleWrites === null) return null;
      const version = (versionStatement ??= connection.prepare('SELECT data_version FROM pragma_data_version').pluck()).get() as number;
      return { text: `${scheduleWrites.count}/${version}`, inTransaction: connection.inTransaction };
    },
  };
}

/**
 * Starts counting this connection's writes of the rows a schedule is computed from (Sql.scheduleStamp):
 * temporary triggers (this connection's own, nothing in the file) call back into the count. An UPDATE
 * of wbs_tasks counts only when it sets a column the network reads (queries/schedule.ts networkTasks:
 * the tree and the dates), so a task renamed or given an assignee leaves the schedule kept (UPDATE OF,
 * decided per statement: no test per row, which cost a reschedule of 10,000 tasks ~1.4 ms). Started on first
 * use, after the migrations made the tables: writes before it cannot matter, as nothing was kept yet.
 * Null for a connection that cannot write.
 */
function countScheduleWrites(connection: Database.Database): { count: number } | null {
  // A connection that may not write (readonly, query_only) cannot make the triggers.
  if (connection.readonly || connection.pragma('query_only', { simple: true }) === 1) return null;
  const writes = { count: 0 };
  // Not deterministic: SQLite must call it on every row, never fold calls together.
  connection.function('pmo_schedule_written', { deterministic: false, directOnly: true }, () => {
    writes.count++;
    return null;
  });
  const networkColumns = ['project_id', 'parent_id', 'position', 'planned_start', 'planned_finish', 'duration', 'scheduling', 'milestone'];
  const statements = [
    `CREATE TEMP TRIGGER IF NOT EXISTS pmo_schedule_task_update AFTER UPDATE OF ${networkColumns.join(', ')} ON main.wbs_tasks
       BEGIN SELECT pmo_schedule_written(); END`,
  ];
  for (const table of ['wbs_tasks', 'wbs_dependencies', 'project_calendars'])
    for (const event of table === 'wbs_tasks' ? ['INSERT', 'DELETE'] : ['INSERT', 'UPDATE', 'DELETE'])
      statements.push(`CREATE TEMP TRIGGER IF NOT EXISTS pmo_schedule_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT pmo_schedule_written(); END`);
  for (const sql of statements) connection.exec(sql);
  return writes;
}
