// What an API call answers, as every host sees it: the envelope (errors.ts), the JSON it crosses a
// thread or a socket as, and the Handlers that answer it. Kept apart from handlers.ts, which holds
// the whole core (every service, ExcelJS, ECharts): the hosts' own thread — Electron main, the web
// host — forwards calls to the workspace thread and needs only these few lines, not the core.
import { ApiError, textError, type Envelope } from '../common/errors.js';
import type { Caller } from './call-scope.js';
import { isDamageError } from './db/damage.js';
import { PgSqlError } from './db/pg-error.js';

/**
 * The envelope as UTF-8 JSON, made where it was answered (the workspace thread) and moved, not copied,
 * to the host: a host that sends it on as it is (the web host, Electron IPC) neither parses nor copies
 * nor re-serializes a 10,000-row answer on its own thread.
 */
export const ENVELOPE_JSON = Symbol('envelope JSON');

/** The envelope's JSON: the bytes the workspace thread made, or the text of an envelope made here. */
export function envelopeJson(envelope: Envelope<unknown>): Uint8Array | string {
  return (envelope as { [ENVELOPE_JSON]?: Uint8Array })[ENVELOPE_JSON] ?? JSON.stringify(envelope);
}

export interface Handlers {
  /**
   * Validates and runs one call; never rejects, answers the same envelope every adapter sends.
   * `caller`: who makes it (core/call-scope.ts); the workspace layers use it, bare handlers ignore it.
   */
  invoke(method: string, args: unknown, caller?: Caller): Promise<Envelope<unknown>>;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT'))
    return textError('CONFLICT', 'constraint', {}, e.message ?? 'constraint failed', { sqlite: e.code });
  // SQLite's own words stay in details (for support); the UI says it in its language by the code.
  if (isDamageError(err)) return textError('DAMAGED', 'workspace.damaged', {}, 'The workspace file is damaged', { sqlite: e.code, message: e.message });
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC')
    return textError('DISK_FULL', 'workspace.diskFull', {}, 'The disk is full: nothing was saved', { code: e.code, message: e.message });
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_READONLY'))
    return textError('READ_ONLY', 'workspace.readOnly', {}, 'The workspace is open read-only', { sqlite: e.code });
  if (err instanceof PgSqlError) return pgApiError(err);
  // A fault of PMO Desk itself: its words (English, a stack's terms) stay in the message for support;
  // the UI says in its language that the step stopped (the call's transaction wrote nothing).
  return textError('INTERNAL', 'internal', {}, e?.message ?? String(err));
}

/**
 * PostgreSQL's SQLSTATE (and the bridge's own codes, db/pg-sync.ts) as the codes SQLite's errors map to
 * above, so the UI says the same of either engine; the server's words stay in details, for support.
 */
function pgApiError(e: PgSqlError): ApiError {
  const details = { sqlstate: e.code, message: e.message, ...(e.statement && { statement: e.statement.slice(0, 2000) }) };
  const c = e.code;
  if (c.startsWith('23')) return textError('CONFLICT', 'constraint', {}, e.message, details);
  if (c === '53100') return textError('DISK_FULL', 'workspace.diskFull', {}, 'The database server\'s disk is full: nothing was saved', details);
  if (c === '25006') return textError('READ_ONLY', 'workspace.readOnly', {}, 'The database is read-only', details);
  // Another session's lock or change met this one, or it ran past the server's time limit: nothing was saved.
  if (c === '40001' || c === '40P01' || c === '55P03' || c === '57014') return textError('CONFLICT', 'workspace.serverBusy', {}, `The team database did not take this step: ${e.message}`, details);
  // The server cannot be reached or ended the session; the login or the database is refused (28…, 3D000).
  if (/^(08|28|57P0)/.test(c) || c === '3D000' || c === '53300' || c.startsWith('PMO_') || /^E[A-Z]+$/.test(c))
    return textError('UNAVAILABLE', 'workspace.serverUnreachable', {}, `The team database cannot be reached: ${e.message}`, details);
  // A fault of PMO Desk itself (a statement PostgreSQL refuses): the statement goes with it, for support.
  return textError('INTERNAL', 'internal', {}, e.message, details);
}
