// The thread that holds team mode's PostgreSQL connection (node-postgres, which only speaks promises).
// electron/core/db/pg-sync.ts posts one request at a time on the port and blocks on the shared signal;
// this thread runs it, posts the answer, then raises the signal. Nothing else runs here.
import { workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { PREPARED_CAP, PreparedNames } from './pg-prepared.js';

export interface PgWorkerStart {
  port: MessagePort;
  /** Int32Array over it: [0] is raised (1) once the answer to the current request is on the port. */
  signal: SharedArrayBuffer;
  /** Named prepared statements the session keeps at most (pg-prepared.ts); 0: none. */
  prepared?: number;
}

/**
 * A statement sent ahead of a request's own, in the same round trip, whose answer is not wanted (Sql.send,
 * and the BEGIN a transaction puts off until its first statement): with `params`, one statement; without,
 * statements without parameters as `exec` takes them.
 */
export interface PgQueued {
  text: string;
  params?: unknown[];
  /** Its rows are wanted (Sql.later): answered as objects (keyed by `aliases`, as a query's) in `queuedRows`. */
  want?: { aliases?: Record<string, string> | null };
}

/** The rows of a queued read (PgQueued.want). */
export interface PgRows {
  rows: unknown[];
  bytea: boolean;
}

export type PgRequest =
  | { op: 'connect'; config: pg.ClientConfig }
  /** `aliases`: result names PostgreSQL folded to lower case → as written (pg-params.ts). */
  | { op: 'query'; text: string; params: unknown[]; arrays: boolean; aliases?: Record<string, string> | null; queued?: PgQueued[] }
  /** Statements without parameters, several allowed, in one round trip (BEGIN; …). */
  | { op: 'exec'; text: string; queued?: PgQueued[] }
  | { op: 'migrate'; folder: string }
  | { op: 'close' };

export interface PgErrorFields {
  message: string;
  /** SQLSTATE from the server (23505…), or Node's code for a connection error (ECONNREFUSED…). */
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  severity?: string;
}

export type PgAnswer =
  /** `command`: an exec's last command tag (COMMIT answers ROLLBACK when the transaction had failed). */
  | { ok: true; rows?: unknown[]; rowCount?: number | null; bytea?: boolean; command?: string; queuedRows?: (PgRows | null)[] }
  /** `queued`: the text of the queued statement that failed (the request's own did not run, or failed after it). */
  | { ok: false; error: PgErrorFields; queued?: string };

const BYTEA = 17;

// Values come back as SQLite gives them, so a service reads the same from both engines: 64-bit integers
// (count(*), sum of integers) and numerics as numbers, booleans (a comparison in a select list) as 1/0,
// date and time types as their text. Everything else keeps node-postgres's parser (bytea → bytes).
const NUMBER = (v: string) => Number(v);
const TEXT = (v: string) => v;
const parsers: Record<number, (v: string) => unknown> = {
  20: NUMBER, // int8
  1700: NUMBER, // numeric
  16: (v) => (v === 't' ? 1 : 0), // bool
  1082: TEXT, // date
  1083: TEXT, // time
  1114: TEXT, // timestamp
  1184: TEXT, // timestamptz
};
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    (format ?? 'text') === 'text' && parsers[oid] ? parsers[oid] : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function errorFields(e: unknown): PgErrorFields {
  const err = e as Partial<pg.DatabaseError> & { message?: string; code?: string };
  const out: PgErrorFields = { message: String(err?.message ?? e) };
  for (const k of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity'] as const) {
    if (typeof err?.[k] === 'string') out[k] = err[k];
  }
  return out;
}

const start = workerData as PgWorkerStart;
const port = start.port;
const signal = new Int32Array(start.signal);
let client: pg.Client | undefined;
// A statement with parameters is run under a name from its second use on: parsed and planned once.
const prepared = new PreparedNames(start.prepared ?? PREPARED_CAP);
const named = (text: string) => {
  const name = prepared.nameOf(text);
  return name === undefined ? {} : { name };
};
// A named statement whose result the server can no longer give as prepared (the schema changed) fails
// once; then every statement is made again (pg-prepared.ts forgetAll).
const forgetChanged = (e: unknown) => {
  if ((e as { code?: string })?.code === '0A000') prepared.forgetAll();
  throw e;
};
// A connection lost between requests (server restart, network): said to the next request.
let lost: PgErrorFields | undefined;

function answer(a: PgAnswer): void {
  port.postMessage(a);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

async function handle(req: PgRequest): Promise<PgAnswer> {
  if (req.op === 'connect') {
    // Pipeline mode: statements given together are written to the server without waiting for each answer
    // (each still with its own Sync, so an error ends only its own statement, and inside a transaction
    // aborts it as it would one at a time). One at a time, nothing changes.
    client = new pg.Client({ ...req.config, types, pipeline: true });
    client.on('error', (e) => (lost = errorFields(e)));
    await client.connect();
    return { ok: true };
  }
  if (req.op === 'close') {
    await client?.end();
    client = undefined;
    return { ok: true };
  }
  if (!client) return { ok: false, error: { message: 'not connected to PostgreSQL' } };
  if (lost) return { ok: false, error: lost };
  if (req.op === 'migrate') {
    // A migration may take longer than any single statement the app runs.
    await client.query('SET statement_timeout = 0');
    // Colleagues starting a new version at once: one migrates, the others wait and then find nothing to do.
    // The key is the writers' (pg-sync.ts WRITE_LOCK), so no one writes while the schema changes.
    await client.query('SELECT pg_advisory_lock(5262671)');
    try {
      await migrate(drizzle(client), { migrationsFolder: req.folder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(5262671)');
      await client.query('RESET statement_timeout');
    }
    return { ok: true };
  }
  if (req.queued?.length) return pipelined(client, req, req.queued);
  return statement(client, req);
}

/**
 * The queued statements and then the request's own, all handed to node-postgres before any answer comes
 * back (one round trip). The first failure in order is the answer: after it, inside a transaction, every
 * later statement fails only because the transaction is aborted.
 */
async function pipelined(c: pg.Client, req: PgRequest & { op: 'query' | 'exec' }, queued: PgQueued[]): Promise<PgAnswer> {
  // Corked while all are handed over (node-postgres corks each statement alone): one write to the socket
  // for all of them, so the server reads them in one wake rather than one per statement.
  const socket = (c as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream;
  socket?.cork?.();
  let ahead: Promise<unknown>[];
  let own: Promise<PgAnswer>;
  try {
    ahead = queued.map((q) =>
      q.want
        ? // statement() answers or rejects with the server's error, never ok: false.
          statement(c, { op: 'query', text: q.text, params: q.params ?? [], arrays: false, aliases: q.want.aliases ?? null }).then((a): PgRows => {
            const { rows, bytea } = a as PgAnswer & { ok: true };
            return { rows: rows ?? [], bytea: bytea ?? false };
          })
        : q.params
          ? c.query({ text: q.text, values: toDriver(q.params), rowMode: 'array', ...named(q.text) }).catch(forgetChanged)
          : c.query(q.text),
    );
    own = statement(c, req);
  } finally {
    socket?.uncork?.();
  }
  const settled = await Promise.allSettled(ahead);
  const failed = settled.findIndex((s) => s.status === 'rejected');
  // The request's own statement ends too (its failure, if any, follows from the earlier one).
  const answer = await own.catch((e: unknown): PgAnswer => ({ ok: false, error: errorFields(e) }));
  if (failed >= 0) return { ok: false, error: errorFields((settled[failed] as PromiseRejectedResult).reason), queued: queued[failed]!.text };
  if (answer.ok && queued.some((q) => q.want))
    return { ...answer, queuedRows: queued.map((q, i) => (q.want ? ((settled[i] as PromiseFulfilledResult<PgRows>).value ?? null) : null)) };
  return answer;
}

const toDriver = (params: unknown[]) => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

// Hands the statement to node-postgres before its first await, so that one given after queued statements
// is written after them.
async function statement(c: pg.Client, req: PgRequest & { op: 'query' | 'exec' }): Promise<PgAnswer> {
  if (req.op === 'exec') {
    // Several statements answer a list of results, one answers a result.
    const results = (await c.query(req.text)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(results) ? results[results.length - 1] : results;
    return { ok: true, ...(last?.command && { command: last.command }) };
  }
  const aliases = req.arrays ? null : req.aliases;
  const result = await c.query({ text: req.text, values: toDriver(req.params), ...named(req.text), ...((req.arrays || aliases) && { rowMode: 'array' }) }).catch(forgetChanged);
  let rows: unknown[] = result.rows;
  if (aliases) {
    // Objects keyed as the statement wrote its aliases (parentId), not as PostgreSQL folded them (parentid).
    const names = result.fields.map((f) => aliases[f.name] ?? f.name);
    rows = (result.rows as unknown as unknown[][]).map((r) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = r[i];
      return o;
    });
  }
  return { ok: true, rows, rowCount: result.rowCount, bytea: result.fields.some((f) => f.dataTypeID === BYTEA) };
}

port.on('message', (req: PgRequest) => {
  handle(req)
    .then(answer, (e) => answer({ ok: false, error: errorFields(e) }))
    // Closed after the answer is posted: with the connection ended and the port closed, the thread has
    // nothing left to run and exits by itself (code 0).
    .finally(() => req.op === 'close' && port.close());
});
