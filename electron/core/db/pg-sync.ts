// Team mode's PostgreSQL behind the synchronous seam (electron/core/db/sql.ts). node-postgres only
// speaks promises and the services are synchronous, so the connection lives in a thread of its own
// (pg-worker.ts): each call posts its statement there and blocks this thread with Atomics.wait on a
// shared flag until the answer is on the port, then takes it with receiveMessageOnPort (the synckit
// pattern). This thread is the workspace thread (workspace-worker.ts), never a window's, so the wait
// freezes nothing the user sees, exactly as better-sqlite3's synchronous calls do.
//
// What it answers as SQLite would: `?` parameters (rewritten to $n, and SQLite's CROSS JOIN … ON to a
// JOIN, pg-params.ts); rows as objects or arrays, keyed by aliases as written (PostgreSQL folds
// `AS parentId` to parentid); `changes`; `lastId` (an INSERT into a table with an identity `id` gets
// RETURNING id); numbers for 64-bit integers and numerics, 1/0 for booleans, text for dates
// (pg-worker.ts); bytes as Buffers.
// `tx` takes one workspace-wide write lock (pg_advisory_xact_lock) after BEGIN, as SQLite's BEGIN IMMEDIATE
// makes a second writer wait; nested calls are savepoints. Errors carry the server's SQLSTATE as `code`.
//
// Round trips: each costs a wake of this thread, of the bridge's thread and of the server's process, which
// on a loaded machine is most of an edit's time. So what needs no answer is not sent alone: a transaction's
// BEGIN (or SAVEPOINT) and the writes given to `send` wait in a queue and go with the next statement that
// needs an answer, or with the COMMIT, written to the server together (node-postgres's pipeline mode,
// pg-worker.ts). An edit's batch row, audit rows and roll-up UPDATEs thus ride along with its reads. A read
// given to `later` (the answer an edit reads last) is queued the same way, its rows kept until asked for:
// an edit is then two round trips, the second its writes, its answer and the COMMIT.
//
// Unlike SQLite, a failed statement inside a PostgreSQL transaction aborts the whole transaction (every
// later statement fails with 25P02 until it ends): a caller that catches an error and goes on in the same
// transaction wraps the statement in a nested `tx` (a savepoint), which works on both engines.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerFile } from './worker-file.js';
import type pg from 'pg';
import type { RunResult, Sql } from './sql.js';
import { toPgParams } from './pg-params.js';
import { POSTGRES } from './dialect.js';
import type { PgAnswer, PgQueued, PgRequest, PgWorkerStart } from './pg-worker.js';
import { PgSqlError } from './pg-error.js';

export { PgSqlError };

export const PG_WORKER_DIST_PATH = 'core/pg-worker.mjs';

export interface PgSqlOptions {
  /** The server cancels a statement running longer (SQLSTATE 57014); default 30 s. */
  statementTimeoutMs?: number;
  /** Giving up on reaching the server; default 10 s. */
  connectTimeoutMs?: number;
  /**
   * The server ends a session left inside a transaction longer than this (its locks go with it), so a
   * client that hangs mid-write cannot block its colleagues; default 60 s.
   */
  idleInTransactionTimeoutMs?: number;
  /** Named prepared statements the session keeps at most (pg-prepared.ts); 0 runs every statement unnamed. */
  preparedStatements?: number;
}

export interface PgSql extends Sql {
  /** Statements without parameters (DDL, several separated by `;`), in one round trip. */
  exec(sql: string): void;
  /** Applies drizzle-kit's PostgreSQL migrations (drizzle/pg/migrations) not yet applied. */
  migrate(folder: string): void;
  /** Ends the session cleanly (an open transaction is rolled back by the server) and the thread with it. */
  close(): void;
  /**
   * Ends the thread at once, without a word to the server, as a crash would: the server sees the
   * connection drop and rolls back what was not committed.
   */
  abort(): void;
  readonly closed: boolean;
  /** The worker thread's exit code, once it has ended. */
  readonly exited: Promise<number>;
  /** Requests to the server so far, each one round trip however many statements it carried (tests, npm run bench). */
  readonly roundTrips: number;
  /** Statements sent so far (a BEGIN with its lock's wait counts as one). */
  readonly statements: number;
}

let configured: string | undefined;

// Set by the build in the bundles that start the thread: the SHA-256 of the pg-worker built with them.
declare const __PMO_PG_WORKER_SHA256__: string | undefined;

/** Points at a built worker file (tools); otherwise dist's file, or from the sources one built on the spot (worker-file.ts). */
export function setPgWorkerFile(file: string | undefined): void {
  configured = file;
}

function startWorker(workerData: PgWorkerStart): Worker {
  const file = workerFile({ label: 'the PostgreSQL worker', distPath: PG_WORKER_DIST_PATH, source: 'pg-worker.ts', sha256: typeof __PMO_PG_WORKER_SHA256__ === 'string' ? __PMO_PG_WORKER_SHA256__ : undefined, configured });
  return new Worker(file, { workerData, transferList: [workerData.port] });
}

// A worker starting under load may take seconds before it reads its first request; the first wait
// allows for it on top of the connect timeout.
const BOOT_GRACE_MS = 30_000;
// Beyond the server's statement timeout: the network's share, and the write lock's wait.
const ANSWER_GRACE_MS = 10_000;
const WRITE_LOCK = 0x504d4f; // 'PMO': one workspace per database, so one key serializes its writers

const INSERT_INTO = /^\s*INSERT\s+INTO\s+("[^"]+"|[A-Za-z_][A-Za-z0-9_]*)/i;
const RETURNING = /\bRETURNING\b/i;

/** Opens a session on PostgreSQL behind the seam. Blocks until it is connected (or throws why not). */
export function openPgSql(config: pg.ClientConfig, options: PgSqlOptions = {}): PgSql {
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  const connectTimeout = options.connectTimeoutMs ?? 10_000;
  const shared = new SharedArrayBuffer(4);
  const signal = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker({ port: port2, signal: shared, ...(options.preparedStatements !== undefined && { prepared: options.preparedStatements }) });
  worker.unref();
  port1.unref();
  let closed = false;
  let crashed: Error | undefined;
  worker.on('error', (e) => (crashed = e));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));

  const end = () => {
    closed = true;
    port1.close();
    void worker.terminate();
  };

  // Statements sent ahead of the next request, in its round trip (Sql.send, and a transaction's BEGIN or
  // SAVEPOINT until its first statement): none of them has an answer anyone waits for.
  let queued: PgQueued[] = [];
  // Where the rows of a queued read (Sql.later) go once the round trip that carried it answers.
  const wanted = new WeakMap<PgQueued, { rows?: unknown[] }>();
  let roundTrips = 0;
  let statements = 0;

  function call(req: PgRequest, waitMs: number): PgAnswer & { ok: true } {
    if (closed) throw new PgSqlError({ message: 'the PostgreSQL session is closed', code: 'PMO_CLOSED' });
    const sent = queued;
    if ((req.op === 'query' || req.op === 'exec') && queued.length > 0) {
      // The server bounds each statement by the statement timeout, not the round trip: one carrying an
      // import's queued chunks (or a lock's wait and the writes after it) may take a timeout per statement.
      waitMs += statementTimeout * queued.length;
      req = { ...req, queued };
      queued = [];
    }
    roundTrips++;
    statements += 1 + (req.op === 'query' || req.op === 'exec' ? (req.queued?.length ?? 0) : 0);
    Atomics.store(signal, 0, 0);
    port1.postMessage(req);
    const deadline = Date.now() + waitMs;
    while (Atomics.load(signal, 0) === 0) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(signal, 0, 0, left) === 'timed-out') {
        // The thread (or the network under it) stopped answering: end it; its connection goes with it.
        end();
        throw new PgSqlError({ message: `PostgreSQL did not answer within ${Math.round(waitMs / 1000)} s`, code: 'PMO_TIMEOUT' });
      }
    }
    const msg = receiveMessageOnPort(port1)?.message as PgAnswer | undefined;
    if (!msg) {
      end();
      throw new PgSqlError({ message: `the PostgreSQL thread ended${crashed ? `: ${crashed.message}` : ''}`, code: 'PMO_THREAD_ENDED' });
    }
    if (!msg.ok) throw new PgSqlError(msg.error, msg.queued ?? (req.op === 'query' || req.op === 'exec' ? req.text : undefined));
    msg.queuedRows?.forEach((r, i) => {
      const slot = r && wanted.get(sent[i]!);
      if (slot) slot.rows = r.bytea ? r.rows.map((row) => asBuffers(row as Record<string, unknown>)) : r.rows;
    });
    return msg;
  }

  const wait = statementTimeout + ANSWER_GRACE_MS;
  function query(sql: string, params: readonly unknown[], arrays: boolean): unknown[] {
    const { text, count, aliases } = toPgParams(sql);
    if (count !== params.length) throw new PgSqlError({ message: `the statement takes ${count} parameters, ${params.length} given`, code: '08P01' });
    const msg = call({ op: 'query', text, params: params as unknown[], arrays, aliases }, wait);
    const rows = msg.rows ?? [];
    return msg.bytea ? rows.map((r) => asBuffers(r as Record<string, unknown> | unknown[])) : rows;
  }

  try {
    call(
      {
        op: 'connect',
        config: {
          application_name: 'PMO Desk',
          keepAlive: true,
          ...config,
          connectionTimeoutMillis: connectTimeout,
          statement_timeout: statementTimeout,
          idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
        },
      },
      connectTimeout + BOOT_GRACE_MS,
    );
  } catch (e) {
    if (!closed) end();
    throw e;
  }

  // Whether a table has an identity `id` (its new rows' ids are what lastId answers), asked once per table.
  const identity = new Map<string, boolean>();
  const hasIdentityId = (table: string) => {
    let known = identity.get(table);
    if (known === undefined) {
      const row = query(
        `SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'id' AND attidentity <> '' AND NOT attisdropped`,
        [table],
        true,
      );
      identity.set(table, (known = row.length > 0));
    }
    return known;
  };

  // The error that ended the transaction is what the caller hears, not a failure to roll back after it.
  const rollbackQuietly = (text: string) => {
    try {
      call({ op: 'exec', text }, wait);
    } catch {
      // The session is gone (closed, timed out, thread ended): the server rolls back what it held.
    }
  };

  let lastId = 0;
  let depth = 0;
  const NO_PARAMS: readonly unknown[] = [];

  // A transaction (`begin` at the outermost level), or a savepoint inside one: committed when fn returns,
  // rolled back when it throws. The BEGIN (with the write lock's wait) or SAVEPOINT is queued, not sent:
  // it goes to the server with the first statement of fn, and a failure of it (the lock's wait timed out)
  // is thrown there, inside fn, which rolls back as for any failure.
  const inTransaction = <T>(begin: string, fn: () => T): T => {
    const level = depth;
    const opening: PgQueued = { text: level === 0 ? begin : `SAVEPOINT pmo_${level}` };
    queued.push(opening);
    depth++;
    let result: T;
    try {
      result = fn();
      if (result && typeof (result as { then?: unknown }).then === 'function')
        throw new TypeError('Sql.tx and Sql.read take a synchronous function (this one returned a promise)');
    } catch (e) {
      depth = level;
      const unsent = queued.indexOf(opening);
      if (unsent >= 0) {
        // Nothing of this level reached the server: what is queued from its opening on is simply dropped.
        queued.length = unsent;
      } else {
        // Whatever is still queued was queued inside this level, which is being rolled back.
        queued = [];
        if (!closed) rollbackQuietly(level === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT pmo_${level}; RELEASE SAVEPOINT pmo_${level}`);
      }
      throw e;
    }
    depth = level;
    if (queued[queued.length - 1] === opening) {
      // A transaction or savepoint that ran no statement: nothing to send.
      queued.pop();
      return result;
    }
    // The queued writes go with the COMMIT (or RELEASE, so that a failure of one inside a savepoint is
    // still thrown inside it, where its caller catches it).
    try {
      const ended = call({ op: 'exec', text: level === 0 ? 'COMMIT' : `RELEASE SAVEPOINT pmo_${level}` }, wait);
      // PostgreSQL answers COMMIT of an aborted transaction with ROLLBACK, not an error: a failure caught
      // and survived without a savepoint would otherwise lose the transaction's writes in silence.
      if (ended.command === 'ROLLBACK') throw new PgSqlError({ message: 'the transaction was aborted by an earlier failure and rolled back', code: '25P02' }, 'COMMIT');
    } catch (e) {
      // A queued write failed. At the outermost level the COMMIT after it ended the transaction (as a
      // ROLLBACK); a savepoint is rolled back as when fn throws, so its caller may go on.
      if (level > 0 && !closed) rollbackQuietly(`ROLLBACK TO SAVEPOINT pmo_${level}; RELEASE SAVEPOINT pmo_${level}`);
      throw e;
    }
    return result;
  };

  const sql: PgSql = {
    dialect: POSTGRES,
    all: <R>(text: string, params = NO_PARAMS) => query(text, params, false) as R[],
    get: <R>(text: string, params = NO_PARAMS) => query(text, params, false)[0] as R | undefined,
    values: <R extends unknown[]>(text: string, params = NO_PARAMS) => query(text, params, true) as R[],
    run(text: string, params = NO_PARAMS): RunResult {
      const into = INSERT_INTO.exec(text);
      if (into && !RETURNING.test(text) && hasIdentityId(into[1]!)) {
        // One row back whatever the number inserted: how many, and the newest id (ids grow, so the max).
        const [row] = query(`WITH pmo_inserted AS (${text} RETURNING id) SELECT count(*), max(id) FROM pmo_inserted`, params, true) as [number, number | null][];
        const [changes, newest] = row!;
        if (newest != null) lastId = newest;
        return { changes, lastId };
      }
      const { text: pgText, count } = toPgParams(text);
      if (count !== params.length) throw new PgSqlError({ message: `the statement takes ${count} parameters, ${params.length} given`, code: '08P01' });
      const msg = call({ op: 'query', text: pgText, params: params as unknown[], arrays: true }, wait);
      return { changes: msg.rowCount ?? 0, lastId };
    },
    send(text: string, params = NO_PARAMS) {
      if (depth === 0) {
        sql.run(text, params);
        return;
      }
      const { text: pgText, count } = toPgParams(text);
      if (count !== params.length) throw new PgSqlError({ message: `the statement takes ${count} parameters, ${params.length} given`, code: '08P01' });
      queued.push({ text: pgText, params: params as unknown[] });
    },
    later<R>(text: string, params = NO_PARAMS): () => R[] {
      if (depth === 0) {
        const rows = query(text, params, false) as R[];
        return () => rows;
      }
      const { text: pgText, count, aliases } = toPgParams(text);
      if (count !== params.length) throw new PgSqlError({ message: `the statement takes ${count} parameters, ${params.length} given`, code: '08P01' });
      const entry: PgQueued = { text: pgText, params: params as unknown[], want: { aliases } };
      const slot: { rows?: unknown[] } = {};
      wanted.set(entry, slot);
      queued.push(entry);
      return () => {
        if (slot.rows) return slot.rows as R[];
        const at = queued.indexOf(entry);
        // Dropped from the queue unsent: the transaction (or savepoint) it was in was rolled back.
        if (at < 0) throw new PgSqlError({ message: 'the read was not made: its transaction was rolled back', code: 'PMO_NOT_READ' });
        // Wanted before anything else carried it: sent now, with what was queued before it.
        const after = queued.splice(at);
        after.shift();
        try {
          return (slot.rows = query(text, params, false)) as R[];
        } finally {
          queued.push(...after);
        }
      };
    },
    tx<T>(fn: () => T): T {
      return inTransaction(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`, fn);
    },
    read<T>(fn: () => T): T {
      // No write lock: a reader waits for no writer, and sees the state at its first statement throughout.
      return inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
    },
    // A colleague's commit cannot be seen without reading: nothing is kept in memory on a team database.
    changeStamp: () => null,
    scheduleStamp: () => null,
    exec(text: string) {
      call({ op: 'exec', text }, wait);
    },
    migrate(folder: string) {
      call({ op: 'migrate', folder }, Math.max(wait, 10 * 60_000));
    },
    close() {
      if (closed) return;
      try {
        call({ op: 'close' }, wait);
      } finally {
        closed = true;
        port1.close();
      }
    },
    abort() {
      if (!closed) end();
    },
    get closed() {
      return closed;
    },
    get roundTrips() {
      return roundTrips;
    },
    get statements() {
      return statements;
    },
    exited,
  };
  return sql;
}

// A bytea crosses the thread as a Uint8Array; better-sqlite3 answers blobs as Buffers.
function asBuffers(row: Record<string, unknown> | unknown[]): Record<string, unknown> | unknown[] {
  const fix = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
  if (Array.isArray(row)) return row.map(fix);
  for (const k of Object.keys(row)) row[k] = fix(row[k]);
  return row;
}
