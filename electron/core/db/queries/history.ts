// The audit trail's statements (batches, audit_log): what a batch wrote, the undo and redo stacks,
// a row's history. batch.ts writes through these, history.ts and the screens' "what changed" read.
import type { SqlDb } from '../sql.js';

/**
 * The ids of `entity` rows batch `batchId` audited, each once. Deduplicated here, not by DISTINCT: with
 * DISTINCT entity_id SQLite reads the (entity, entity_id) index, every row of that entity ever audited
 * (~1 s at 100,000 tasks), rather than the batch's own rows.
 */
export function entityIdsAuditedIn(db: SqlDb, batchId: string, entity: string): number[] {
  return [...new Set(db.sql.values<[number]>('SELECT entity_id FROM audit_log WHERE batch_id = ? AND entity = ?', [batchId, entity]).map((r) => r[0]))];
}
