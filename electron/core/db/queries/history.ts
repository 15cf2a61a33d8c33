// The audit trail's statements (batches, audit_log): what a batch wrote, the undo and redo stacks,
// a row's history. batch.ts writes through these, history.ts and the screens' "what changed" read.
import type { SqlDb } from '../sql.js';
import type { Dialect } from '../dialect.js';

/**
 * The ids of `entity` rows batch `batchId` audited, each once. Deduplicated here, not by DISTINCT: with
 * DISTINCT entity_id SQLite reads the (entity, entity_id) index, every row of that entity ever audited
 * (~1 s at 100,000 tasks), rather than the batch's own rows.
 */
export function entityIdsAuditedIn(db: SqlDb, batchId: string, entity: string): number[] {
  return [...new Set(db.sql.values<[number]>('SELECT entity_id FROM audit_log WHERE batch_id = ? AND entity = ?', [batchId, entity]).map((r) => r[0]))];
}

// ---- writing a batch (batch.ts) ------------------------------------------------------------------

export interface BatchHead {
  id: string;
  at: string;
  who: string;
  /** The window or page that made the call, if any (Caller.client). */
  client: string | null;
  label: string;
  projectId: number | null;
  kind: string;
  reverts: string | null;
}

// The batch row and its audit rows are sent (Sql.send): written with the edit's next read or its COMMIT,
// no round trip of their own on a team database.
export function insertBatch(db: SqlDb, b: BatchHead): void {
  db.sql.send(`INSERT INTO batches (id, at, who, client, label, project_id, kind, reverts, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${db.sql.dialect.sessionRole})`, [b.id, b.at, b.who, b.client, b.label, b.projectId, b.kind, b.reverts]);
}

/** An audit row: the change of one row, its before and after as JSON text (null for none). */
export interface AuditEntry {
  entity: string;
  entityId: number;
  action: string;
  before: string | null;
  after: string | null;
}

const INSERT_AUDITS = 'INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after) VALUES';
const ONE_AUDIT = '(?, ?, ?, ?, ?, ?, ?, ?)';
/** Audit rows per multi-row INSERT (8 parameters each, far below SQLite's limit). */
const AUDIT_CHUNK = 100;
const auditValues = new Map<number, string>();

/** Audit rows of one batch, in multi-row statements of AUDIT_CHUNK rows. */
export function insertAudits(db: SqlDb, batch: Pick<BatchHead, 'id' | 'at' | 'who'>, entries: readonly AuditEntry[]): void {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const chunk = entries.slice(i, i + AUDIT_CHUNK);
    const args: unknown[] = [];
    for (const e of chunk) args.push(batch.id, batch.at, batch.who, e.entity, e.entityId, e.action, e.before, e.after);
    let values = auditValues.get(chunk.length);
    if (!values) auditValues.set(chunk.length, (values = Array.from({ length: chunk.length }, () => ONE_AUDIT).join(', ')));
    db.sql.send(`${INSERT_AUDITS} ${values}`, args);
  }
}

/**
 * Audit rows of `entity` for the rows of `ids` (in that order) as they are stored, each snapshot made by
 * SQLite (`snapshotSql`, an expression over `table` as `t`) in one INSERT … SELECT: a delete's `before`
 * (the row about to go) or a create's `after` (the row just written). Nothing is read out to be written
 * back. Answers how many rows were found.
 */
export function insertStoredAudits(
  db: SqlDb,
  batch: Pick<BatchHead, 'id' | 'at' | 'who'>,
  entity: string,
  action: 'create' | 'delete',
  store: { table: string; snapshotSql(dialect: Dialect): string },
  ids: readonly number[],
): number {
  const snapshot = store.snapshotSql(db.sql.dialect);
  const values = action === 'delete' ? `${snapshot}, NULL` : `NULL, ${snapshot}`;
  // CROSS JOIN: a seek per id, in the order listed (json_each's key).
  return db.sql.run(
    `INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action, before, after)
     SELECT ?, ?, ?, ?, t.id, '${action}', ${values} FROM json_each(?) j CROSS JOIN ${store.table} t ON t.id = j.value ORDER BY j.key`,
    [batch.id, batch.at, batch.who, entity, JSON.stringify(ids)],
  ).changes;
}

/** Whether the batch was written (a batch that changed nothing leaves no row). */
export function batchExists(db: SqlDb, batchId: string): boolean {
  return db.sql.get('SELECT 1 AS x FROM batches WHERE id = ?', [batchId]) !== undefined;
}

// ---- the undo and redo stacks (history.ts) -------------------------------------------------------

/** A batch on a stack: `seq` (its rowid) orders batches newest first. */
export interface StackBatch {
  seq: number;
  id: string;
  label: string;
}

/**
 * The user's newest batch of the project of `kind` with this `undone` mark, older than `below`: one seek
 * from the end of the (project_id, kind, undone) index, the rowid closing it giving the newest first.
 * `who` is not in the index: the walk steps over other users' batches, in most workspaces none.
 */
export function newestBatchBelow(db: SqlDb, projectId: number, kind: string, undone: 0 | 1, who: string, below: number): StackBatch | undefined {
  return db.sql.get<StackBatch>('SELECT rowid AS seq, id, label FROM batches WHERE project_id = ? AND kind = ? AND undone = ? AND who = ? AND rowid < ? ORDER BY rowid DESC LIMIT 1', [
    projectId,
    kind,
    undone,
    who,
    below,
  ]);
}

const touchesOther = new Map<string, { sql: string; gaps: string[][] }>();

/**
 * Whether the batch audited any entity outside `entities` (sorted): a handful of seeks in the
 * (batch_id, entity) index for the gaps between them, never a read of its rows (a 100,000-row import
 * has as many).
 */
export function batchTouchesOtherThan(db: SqlDb, batchId: string, entities: readonly string[]): boolean {
  const key = entities.join('\n');
  let q = touchesOther.get(key);
  if (!q) {
    const gaps: [string, ...string[]][] = [
      ['entity < ?', entities[0]!],
      ...entities.slice(1).map((e, i): [string, string, string] => ['entity > ? AND entity < ?', entities[i]!, e]),
      ['entity > ?', entities.at(-1)!],
    ];
    const sql = `SELECT ${gaps.map(([g]) => `EXISTS (SELECT 1 FROM audit_log WHERE batch_id = ? AND ${g})`).join(' OR ')} AS other`;
    touchesOther.set(key, (q = { sql, gaps: gaps.map(([, ...es]) => es) }));
  }
  return !!db.sql.get<{ other: number }>(q.sql, q.gaps.flatMap((es) => [batchId, ...es]))!.other;
}

/**
 * A batch's audit rows, newest first (the order undo replays them in). A create's `after` is left out
 * (null): undo inverts a create from the row as stored, and reading and parsing 10,000 snapshots was a
 * tenth of an import's undo, their garbage more.
 */
export function auditRowsOf(db: SqlDb, batchId: string): AuditEntry[] {
  return db.sql.all<AuditEntry>(
    "SELECT entity, entity_id AS entityId, action, before, CASE WHEN action = 'create' THEN NULL ELSE after END AS after FROM audit_log WHERE batch_id = ? ORDER BY id DESC",
    [batchId],
  );
}

/** A change another user made to a row after a batch changed it (undo's check, services/history.ts). */
export interface LaterChange {
  entity: string;
  entityId: number;
  who: string;
  at: string;
  action: string;
  before: string | null;
  after: string | null;
}

/**
 * Changes by users other than `who` to the rows batch `batchId` changed, made after it, oldest first (at
 * most `limit`): a seek in the (entity, entity_id) index per row of the batch.
 */
export function laterChangesByOthers(db: SqlDb, batchId: string, who: string, limit: number): LaterChange[] {
  return db.sql.all<LaterChange>(
    `SELECT a.entity, a.entity_id AS entityId, a.who, a.at, a.action, a.before, a.after
     FROM audit_log t JOIN audit_log a ON a.entity = t.entity AND a.entity_id = t.entity_id AND a.id > t.id
     WHERE t.batch_id = ? AND a.who <> ? ORDER BY a.id LIMIT ?`,
    [batchId, who, limit],
  );
}

/**
 * Later changes by others of rows a batch touched through one compact row: the tasks a reschedule moved
 * (`ids`, from that row's own audit id on). laterChangesByOthers pairs rows by (entity, id), which such a
 * row does not name per task.
 */
export function laterChangesOfRowsByOthers(db: SqlDb, entity: string, ids: readonly number[], afterAuditId: number, who: string, limit: number): LaterChange[] {
  const out: LaterChange[] = [];
  // Well under either engine's parameter limit per statement.
  for (let i = 0; i < ids.length && out.length < limit; i += 5_000) {
    const chunk = ids.slice(i, i + 5_000);
    out.push(
      ...db.sql.all<LaterChange>(
        `SELECT entity, entity_id AS entityId, who, at, action, before, after FROM audit_log
         WHERE entity = ? AND id > ? AND who <> ? AND entity_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id LIMIT ?`,
        [entity, afterAuditId, who, ...chunk, limit - out.length],
      ),
    );
  }
  return out;
}

// ---- the live refresh (history.since) -----------------------------------------------------------

export interface BatchSince {
  seq: number;
  id: string;
  who: string;
  label: string;
  projectId: number | null;
  at: string;
  role: string | null;
  client: string | null;
}

/** Batches with a seq (rowid) above `after`, oldest first, at most `limit`: a seek at the end of the rowid. */
export function batchesAfter(db: SqlDb, after: number, limit: number): BatchSince[] {
  return db.sql.all<BatchSince>('SELECT rowid AS seq, id, who, client, label, project_id AS projectId, at, role FROM batches WHERE rowid > ? ORDER BY rowid LIMIT ?', [after, limit]);
}

/** The newest batch's seq (0 before any). */
export function newestBatchSeq(db: SqlDb): number {
  return Number(db.sql.get<{ n: number | null }>('SELECT max(rowid) AS n FROM batches')!.n ?? 0);
}

/** The entities a batch audited: seeks in the (batch_id, entity) index. */
export function entitiesOfBatch(db: SqlDb, batchId: string): string[] {
  return [...new Set(db.sql.values<[string]>('SELECT entity FROM audit_log WHERE batch_id = ?', [batchId]).map((r) => r[0]))];
}

/** Every audit row of a batch with its whole before and after (a create's too), oldest first. */
export function batchAuditRows(db: SqlDb, batchId: string): AuditEntry[] {
  return db.sql.all<AuditEntry>('SELECT entity, entity_id AS entityId, action, before, after FROM audit_log WHERE batch_id = ? ORDER BY id', [batchId]);
}

export function markUndone(db: SqlDb, batchId: string): void {
  db.sql.run('UPDATE batches SET undone = 1 WHERE id = ?', [batchId]);
}

/** One row's audit trail with its batches, newest first. */
export function auditTrailOf(db: SqlDb, entity: string, entityId: number, limit: number): (AuditEntry & { at: string; who: string; batchId: string; label: string; kind: string; role: string | null })[] {
  return db.sql.all(
    `SELECT a.entity, a.entity_id AS entityId, a.at, a.who, a.batch_id AS batchId, a.action, a.before, a.after, b.label, b.kind, b.role
     FROM audit_log a JOIN batches b ON b.id = a.batch_id
     WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT ?`,
    [entity, entityId, limit],
  );
}

/** One row's audit trail, oldest first, without its before values (replaying what it became). */
export function auditAftersOf(db: SqlDb, entity: string, entityId: number): { at: string; who: string; action: string; after: string | null }[] {
  return db.sql.all('SELECT at, who, action, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id', [entity, entityId]);
}

/** The newest audit row's id (0 before any): every write adds audit rows, so an unchanged one means nothing was written. */
export function lastAuditId(db: SqlDb): number {
  return db.sql.get<{ n: number | null }>('SELECT max(id) AS n FROM audit_log')!.n ?? 0;
}
