// Every mutation runs inside one batch: a single SQLite transaction that writes the change and its
// audit rows together, tagged with one batch id. The batch is the unit of undo (a 500-row paste is one).
import { randomUUID } from 'node:crypto';
import type { SqlDb as Db } from './db/sql.js';
import type { Dialect } from './db/dialect.js';
import type { BatchKind } from '../common/dto.js';
import { JsonText } from './store.js';
import { indexBatch, SearchTouches } from './services/search-index.js';
import { insertAudits, insertBatch, insertStoredAudits } from './db/queries/history.js';

export interface Actor {
  /** Operating system user name, recorded as "who" in the audit trail. */
  user: string;
  /** The window or page making the call (Caller.client), recorded on the batch; absent outside a call. */
  readonly client?: string | undefined;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface BatchOptions {
  /** 'edit': a user's change (the default); 'undo' / 'redo': a step of history.undo / history.redo. */
  kind?: BatchKind;
  /** For 'undo' and 'redo': the batch whose effect this one inverts. */
  reverts?: string;
}

export interface Batch {
  readonly id: string;
  record(entity: string, entityId: number, action: AuditAction, before: unknown, after: unknown): void;
  /** The same for many rows at once (a bulk insert): one statement per chunk of rows. */
  recordMany(entity: string, action: AuditAction, rows: { id: number; before: unknown; after: unknown }[]): void;
  /**
   * Audit rows for rows about to be deleted (their `before`) or just created (their `after`), in the order
   * of `ids`, each snapshot made by SQLite from the row as stored (`store.snapshotSql`) in one statement:
   * nothing is read into JS or serialized there to be written (a 1,000-task subtree delete and the undo
   * of a 10,000-row import spent a third of their time so). Answers how many rows were found (ids of
   * rows that do not exist are left out).
   */
  recordStored(entity: string, action: 'create' | 'delete', store: { table: string; snapshotSql(dialect: Dialect): string }, ids: readonly number[]): number;
  /** The database's schedule stamp as the batch began, before any of its writes (Sql.scheduleStamp; null on PostgreSQL). */
  readonly startStamp: string | null;
  /** How many record calls the batch has made so far (of any of the three kinds). */
  readonly recorded: number;
  /**
   * Runs `fn` once the batch's writes are committed: after the outermost transaction ends, not when the
   * batch is a savepoint of another (its writes may still roll back there) and never after a throw.
   */
  afterCommit(fn: () => void): void;
}

export function inBatch<T>(
  db: Db,
  actor: Actor,
  label: string,
  /** The project the batch is of; a function: asked when the first row is recorded (read inside the transaction). */
  projectId: number | null | (() => number | null),
  fn: (b: Batch) => T,
  options: BatchOptions = {},
): T {
  // IMMEDIATE (sql.ts tx) takes the write lock up front, so a concurrent writer waits instead of failing
  // mid-batch. Inside an outer transaction (history.undo picks its target first) it is a savepoint.
  const committed: (() => void)[] = [];
  const result = db.sql.tx(() => {
    const id = randomUUID();
    const at = new Date().toISOString();
    let opened = false;
    const touched = new SearchTouches();
    const open = () => {
      // The batch row is written with its first audit row, so a no-op leaves no empty batch behind
      // (and so cannot clear the redo stack either).
      if (opened) return;
      insertBatch(db, { id, at, who: actor.user, client: actor.client ?? null, label, projectId: typeof projectId === 'function' ? projectId() : projectId, kind: options.kind ?? 'edit', reverts: options.reverts ?? null });
      opened = true;
    };
    const head = { id, at, who: actor.user };
    let recorded = 0;
    const batch: Batch = {
      id,
      startStamp: db.sql.scheduleStamp()?.text ?? null,
      get recorded() {
        return recorded;
      },
      afterCommit(fn) {
        committed.push(fn);
      },
      record(entity, entityId, action, before, after) {
        recorded++;
        open();
        touched.note(entity, entityId, action, after);
        insertAudits(db, head, [{ entity, entityId, action, before: json(before), after: json(after) }]);
      },
      recordMany(entity, action, rows) {
        if (rows.length === 0) return;
        recorded++;
        open();
        for (const r of rows) touched.note(entity, r.id, action, r.after);
        insertAudits(db, head, rows.map((r) => ({ entity, entityId: r.id, action, before: json(r.before), after: json(r.after) })));
      },
      recordStored(entity, action, store, ids) {
        if (ids.length === 0) return 0;
        recorded++;
        open();
        for (const rowId of ids) touched.note(entity, rowId, action, null);
        return insertStoredAudits(db, head, entity, action, store, ids);
      },
    };
    const result = fn(batch);
    // The search index follows the rows this batch wrote, in the same transaction (search-index.ts).
    indexBatch(db, touched);
    return result;
  });
  if (committed.length > 0 && db.sql.changeStamp()?.inTransaction === false) for (const fn of committed) fn();
  return result;
}

function json(v: unknown): string | null {
  if (v instanceof JsonText) return v.text;
  return v === undefined || v === null ? null : JSON.stringify(v);
}
