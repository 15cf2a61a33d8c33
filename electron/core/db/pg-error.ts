// The error of a PostgreSQL statement behind the seam (db/pg-sync.ts), apart from the bridge so that
// handlers.ts can map it to the app's codes without bundling the bridge into every shell.
import type { PgErrorFields } from './pg-worker.js';

/** An error from PostgreSQL or from the bridge, with the server's SQLSTATE (or the bridge's code) as `code`. */
export class PgSqlError extends Error {
  readonly code: string;
  readonly detail?: string;
  readonly constraint?: string;
  readonly table?: string;
  /** The statement that failed (its text only, never its parameters): for support. */
  readonly statement?: string;
  constructor(fields: PgErrorFields, statement?: string) {
    super(fields.message);
    if (statement) this.statement = statement;
    this.name = 'PgSqlError';
    this.code = fields.code ?? 'PG_ERROR';
    if (fields.detail) this.detail = fields.detail;
    if (fields.constraint) this.constraint = fields.constraint;
    if (fields.table) this.table = fields.table;
  }
}
