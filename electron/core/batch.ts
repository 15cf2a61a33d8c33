// Every mutation runs inside one batch: a single SQLite transaction that writes the change and its
// audit rows together, tagged with one batch id. The batch is the unit of undo (a 500-row paste is one).
import { randomUUID } from 'node:crypto';
import type { Db } from './db/open.js';
import type { BatchKind } from '../common/dto.js';
import { JsonText } from './store.js';
import { indexBatch, SearchTouches } from './services/search-index.js';

export interface Actor {
  /** Operating system user name, recorded as "who" in the audit trail. */
  user: string;
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
}

const INSERT_AUDITS = 'INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after) VALUES';
const INSERT_AUDIT = `${INSERT_AUDITS} (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Audit rows per multi-row INSERT (8 parameters each, far below SQLite's limit). */
const AUDIT_CHUNK = 100;

export function inBatch<T>(
  db: Db,
  actor: Actor,
  label: string,
  projectId: number | null,
  fn: (b: Batch) => T,
  options: BatchOptions = {},
): T {
  // IMMEDIATE (sql.ts tx) takes the write lock up front, so a concurrent writer waits instead of failing
  // mid-batch. Inside an outer transaction (history.undo picks its target first) it is a savepoint.
  return db.sql.tx(() => {
    const id = randomUUID();
    const at = new Date().toISOString();
    let opened = false;
    const touched = new SearchTouches();
    const open = () => {
      // The batch row is written with its first audit row, so a no-op leaves no empty batch behind
      // (and so cannot clear the redo stack either).
      if (opened) return;
      db.sql.run('INSERT INTO batches (id, at, who, label, project_id, kind, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id,
        at,
        actor.user,
        label,
        projectId,
        options.kind ?? 'edit',
        options.reverts ?? null,
      ]);
      opened = true;
    };
    const batch: Batch = {
      id,
      record(entity, entityId, action, before, after) {
        open();
        touched.note(entity, entityId, action, after);
        db.sql.run(INSERT_AUDIT, [id, at, actor.user, entity, entityId, action, json(before), json(after)]);
      },
      recordMany(entity, action, rows) {
        if (rows.length === 0) return;
        open();
        for (const r of rows) touched.note(entity, r.id, action, r.after);
        for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
          const chunk = rows.slice(i, i + AUDIT_CHUNK);
          const args: unknown[] = [];
          for (const r of chunk) args.push(id, at, actor.user, entity, r.id, action, json(r.before), json(r.after));
          db.sql.run(`${INSERT_AUDITS} ${auditValues(chunk.length)}`, args);
        }
      },
    };
    const result = fn(batch);
    // The search index follows the rows this batch wrote, in the same transaction (search-index.ts).
    indexBatch(db, touched);
    return result;
  });
}

function json(v: unknown): string | null {
  if (v instanceof JsonText) return v.text;
  return v === undefined || v === null ? null : JSON.stringify(v);
}

const valuesCache = new Map<number, string>();
function auditValues(n: number): string {
  let v = valuesCache.get(n);
  if (!v) valuesCache.set(n, (v = Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')));
  return v;
}
