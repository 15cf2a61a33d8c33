// Every mutation runs inside one batch: a single SQLite transaction that writes the change and its
// audit rows together, tagged with one batch id. The batch is the unit of undo (a 500-row paste is one).
import { randomUUID } from 'node:crypto';
import type { Db } from './db/open.js';
import type { BatchKind } from '../common/dto.js';

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
}

export function inBatch<T>(
  db: Db,
  actor: Actor,
  label: string,
  projectId: number | null,
  fn: (b: Batch) => T,
  options: BatchOptions = {},
): T {
  const run = db.sqlite.transaction(() => {
    const id = randomUUID();
    const at = new Date().toISOString();
    let opened = false;
    const insertAudit = db.prepare(
      `INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const batch: Batch = {
      id,
      record(entity, entityId, action, before, after) {
        // The batch row is written with its first audit row, so a no-op leaves no empty batch behind
        // (and so cannot clear the redo stack either).
        if (!opened) {
          db.prepare('INSERT INTO batches (id, at, who, label, project_id, kind, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
            id,
            at,
            actor.user,
            label,
            projectId,
            options.kind ?? 'edit',
            options.reverts ?? null,
          );
          opened = true;
        }
        insertAudit.run(id, at, actor.user, entity, entityId, action, json(before), json(after));
      },
    };
    return fn(batch);
  });
  // IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing mid-batch.
  // Inside an outer transaction (history.undo picks its target first) better-sqlite3 makes this a savepoint.
  return run.immediate();
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}
