// Whether a team database keeps and sorts text as the SQLite file does. SQLite stores UTF-8 and compares
// text byte by byte (BINARY), which is code-point order; PostgreSQL does so only in a UTF8 database whose
// collation is C/POSIX (or C.UTF-8, or the builtin C provider). Any other collation (en_US.UTF-8, ja_JP,
// ICU's ja) sorts Japanese and mixed case otherwise (half-width ｱ next to ア, １ next to 1, a before B),
// so lists ordered by name or code would come in another order on the team's database than in the file,
// and a database in another encoding (LATIN1, EUC_JP, SQL_ASCII) cannot hold every character a workbook
// brings (or holds bytes without meaning).
//
// The collation is not judged by its name (names differ across platforms and ICU versions): the server
// sorts a fixed sample of strings where the common collations disagree with code-point order, and the
// answer is compared with that order. Called by the login check (db/pg-login.ts, asynchronous), and on the
// workspace's own session at open and before a copy (synchronous, through the seam).
import type { TeamDatabase } from '../../common/dto.js';
import { textError, type ApiError } from '../../common/errors.js';
import { describeTeamDatabase } from './pg-connection.js';

/** The database's encoding and what it sorts by, as the server answers it (one row). */
export const DATABASE_LOCALE_SQL =
  "SELECT pg_encoding_to_char(d.encoding) AS encoding, d.datcollate AS collation, to_jsonb(d) AS info FROM pg_database d WHERE d.datname = current_database()";

// Upper before lower case, half-width and full-width forms, kana and kanji: code-point order puts them
// where no linguistic collation does.
const SAMPLE = ['a', 'B', '1', '１', 'ｱ', 'ア', 'イ', 'あ', '亜', '-', 'A-1', 'A1', 'Ａ'];

/** The sample as the database sorts it (after the locale row says UTF8: other encodings may not take it). */
export const SORTED_SAMPLE_SQL = `SELECT s FROM (VALUES ${SAMPLE.map((s) => `('${s}')`).join(', ')}) AS v(s) ORDER BY s`;

/** Code-point order: SQLite's BINARY over UTF-8 bytes. */
const CODE_POINT_ORDER = [...SAMPLE].sort((x, y) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8')));

export interface DatabaseLocaleRow {
  encoding: string;
  collation: string;
  /** The pg_database row: on PostgreSQL 15+ it says whether ICU sorts (datlocprovider 'i', daticulocale / datlocale). */
  info: Record<string, unknown> | string;
}

/** The collation as named to the administrator: libc's name, or ICU's locale. */
function collationName(row: DatabaseLocaleRow): string {
  const info = (typeof row.info === 'string' ? JSON.parse(row.info) : row.info) as Record<string, unknown>;
  const icu = info.daticulocale ?? info.datlocale;
  if (info.datlocprovider === 'i' && typeof icu === 'string') return `ICU ${icu}`;
  return row.collation;
}

/** Refused: the database is not UTF8. Connecting, copying into it and opening it all stop with this. */
export function encodingRefusal(db: TeamDatabase, row: DatabaseLocaleRow): ApiError | null {
  if (row.encoding === 'UTF8') return null;
  const where = describeTeamDatabase(db);
  return textError(
    'VALIDATION',
    'team.notUtf8',
    { database: where, encoding: row.encoding },
    `${where} stores text as ${row.encoding}, not UTF8: Japanese text would be lost or refused. Create the database with ENCODING 'UTF8' (README: Team mode)`,
  );
}

/**
 * Said, not refused: the database sorts text otherwise than the file (`sorted`: the sample in the server's
 * order). The team can work on it; lists ordered by text come in the collation's order.
 */
export function collationWarning(db: TeamDatabase, row: DatabaseLocaleRow, sorted: readonly string[]): ApiError | null {
  if (sorted.length === CODE_POINT_ORDER.length && sorted.every((s, i) => s === CODE_POINT_ORDER[i])) return null;
  const where = describeTeamDatabase(db);
  const collation = collationName(row);
  return textError(
    'CONFLICT',
    'team.collation',
    { database: where, collation },
    `${where} sorts text by the collation ${collation}, not by character code as PMO Desk's file does: lists sorted by name or code may come in another order. For the file's order, create the database with LC_COLLATE 'C' (README: Team mode) and copy into it`,
  );
}

/** The check on a synchronous session (the workspace's, a copy's target): throws the refusal, answers the warning. */
export function checkDatabaseLocale(
  sql: { get<R>(text: string): R | undefined; values<R extends unknown[]>(text: string): R[] },
  db: TeamDatabase,
): ApiError | null {
  const row = sql.get<DatabaseLocaleRow>(DATABASE_LOCALE_SQL);
  if (!row) return null;
  const refusal = encodingRefusal(db, row);
  if (refusal) throw refusal;
  return collationWarning(db, row, sql.values<[string]>(SORTED_SAMPLE_SQL).map((r) => r[0]));
}
