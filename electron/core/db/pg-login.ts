// 設定 → チームで使う checks the login before anything changes: one connection with the settings the
// workspace will use (db/pg-connection.ts), and what went wrong said so the administrator can act on it —
// the CA that does not sign the server's certificate, the name the certificate does not carry, a server
// without TLS, a refused password, a database that does not exist, nothing listening at host:port.
// Runs in the shell's thread (async; nothing of the workspace is open on the new database yet).
import pg from 'pg';
import type { TeamDatabase } from '../../common/dto.js';
import { textError, type ApiError } from '../../common/errors.js';
import { describeTeamDatabase, pgClientConfig } from './pg-connection.js';
import { collationWarning, DATABASE_LOCALE_SQL, encodingRefusal, SORTED_SAMPLE_SQL, type DatabaseLocaleRow } from './pg-locale.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Resolves when the role logs in to the database (over TLS when a CA file is given); else an ApiError saying
 * why. A database that is not UTF8 is refused too; one that sorts text otherwise than the file is answered
 * as a warning (db/pg-locale.ts), null when it sorts as the file does.
 */
export async function checkTeamLogin(db: TeamDatabase, password?: string): Promise<ApiError | null> {
  let config: pg.ClientConfig;
  try {
    config = pgClientConfig(db, password);
  } catch (err) {
    throw textError('VALIDATION', 'team.caFile', { file: db.caFile ?? '' }, (err as Error).message);
  }
  const client = new pg.Client({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An error after connect (the server ending the session) must not throw out of an event.
  client.on('error', () => undefined);
  let locale: DatabaseLocaleRow;
  try {
    await client.connect();
    locale = (await client.query<DatabaseLocaleRow>(DATABASE_LOCALE_SQL)).rows[0]!;
  } catch (err) {
    await client.end().catch(() => undefined);
    throw loginProblem(err as Error & { code?: string }, db);
  }
  try {
    const refusal = encodingRefusal(db, locale);
    if (refusal) throw refusal;
    const sorted = (await client.query<{ s: string }>(SORTED_SAMPLE_SQL)).rows.map((r) => r.s);
    return collationWarning(db, locale, sorted);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The refusal of a login, as the UI says it (serverErrors.team.*); the driver's words stay in the message. */
export function loginProblem(err: Error & { code?: string }, db: TeamDatabase): ApiError {
  const where = describeTeamDatabase(db);
  const params = { database: where, host: db.host, port: db.port, file: db.caFile ?? '' };
  const said = (key: string, english: string) => textError('UNAVAILABLE', `team.${key}`, params, `${where}: ${english} (${err.message})`, { code: err.code ?? null, message: err.message });
  const code = err.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|ERR_TLS_CERT_ALTNAME/.test(code)) {
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return said('certName', `the server's certificate does not name ${db.host}`);
    if (code === 'CERT_HAS_EXPIRED') return said('certExpired', 'the server\'s certificate has expired');
    return said('certUntrusted', `the server's certificate is not signed by the CA in ${db.caFile}`);
  }
  if (/does not support SSL/i.test(err.message)) return said('noTls', 'the server does not offer TLS; remove the CA file or turn TLS on at the server');
  if (code === '28P01' || /password must be a string|password authentication/i.test(err.message)) return said('password', `the server refused the password of ${db.user}`);
  if (code === '28000') return said('refused', `the server does not let ${db.user} log in from here (pg_hba.conf${db.caFile ? '' : '; it may require TLS'})`);
  if (code === '3D000') return said('noDatabase', `the database ${db.database} does not exist`);
  if (code === 'ECONNREFUSED') return said('noServer', `nothing answers at ${db.host}:${db.port}`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return said('noHost', `the name ${db.host} is not known`);
  if (/timeout/i.test(err.message) || code === 'ETIMEDOUT') return said('timeout', `${db.host}:${db.port} did not answer in time`);
  return said('other', 'the server refused the connection');
}
