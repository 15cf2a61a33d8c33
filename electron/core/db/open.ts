// The only module that opens the workspace database. Order matters here; see SECURITY-NOTES.md:
// drizzle's migrator runs in one transaction, where `PRAGMA foreign_keys=OFF` is a no-op, so a
// table-rebuild migration could cascade-delete child rows unless foreign keys are off before it starts.
// Whether to check the file and whether a file without tables is a lost workspace are the caller's
// call (workspace.ts knows about unclean shutdowns and the marker); this module only carries them out.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from '../../../drizzle/schema.js';
import { sqliteSql, type Sql } from './sql.js';
import { isDamageError } from './damage.js';
import { copyFileAtomic, rotateBackups, writeBackup, type BackupTarget } from './backup.js';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  file: string;
  sqlite: Database.Database;
  orm: Orm;
  /**
   * A prepared statement, cached by its SQL text. Hot write paths use this rather than drizzle's
   * query builder, which prepares anew on every call (measured: ~20× slower per inserted row).
   */
  prepare(sql: string): Database.Statement;
  /** The data-access seam (sql.ts): what services and db/queries run their statements through. */
  sql: Sql;
  close(): void;
}

export interface OpenOptions {
  /** Folder holding drizzle-kit's migrations (drizzle/migrations). */
  migrationsFolder: string;
  /** better-sqlite3 binary built for another runtime (Electron); default: the one in node_modules. */
  nativeBinding?: string;
}

export interface OpenChecks {
  /**
   * 'full': integrity_check, which also finds an index that lost rows (quick_check does not);
   * 'quick': quick_check; 'none'. Default 'quick'.
   */
  check?: 'full' | 'quick' | 'none';
  /** A workspace existed here: a file with no tables is a lost one (DatabaseMissingError), not a new one. */
  mustHaveTables?: boolean;
  /** Where the backup before a migration goes; default `<folder of the file>/backups`, tag 00000000. */
  backups?: BackupTarget;
  now?: () => Date;
}

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DatabaseOpenError';
  }
}

/** The file is damaged: SQLite's check found problems, or it is not a database at all. */
export class DatabaseDamagedError extends DatabaseOpenError {
  constructor(
    readonly problems: string[],
    file: string,
    readonly notDatabase = false,
  ) {
    super(`the database file is damaged: ${problems.slice(0, 3).join('; ')}`, file);
    this.name = 'DatabaseDamagedError';
  }
}

/** A workspace existed but the file holds no tables (empty, or its WAL was lost before a checkpoint). */
export class DatabaseMissingError extends DatabaseOpenError {
  constructor(file: string) {
    super('the workspace database holds no tables', file);
    this.name = 'DatabaseMissingError';
  }
}


/** integrity_check's findings (first `limit`), or [] when the file is sound. */
export function integrityProblems(sqlite: Database.Database, limit = 100): string[] {
  const rows = sqlite.pragma(`integrity_check(${limit})`) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((p) => p !== 'ok');
}

export function openDatabase(file: string, options: OpenOptions & OpenChecks): Db {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = connect(file, options);
    checkFile(sqlite, file, options.check ?? 'quick');
    const pending = pendingMigrations(sqlite, options.migrationsFolder);
    if (options.mustHaveTables && !hasUserTables(sqlite)) throw new DatabaseMissingError(file);
    if (pending > 0) migrateWithBackup(sqlite, file, options);
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    if (sqlite?.open) sqlite.close();
    if (err instanceof DatabaseOpenError) throw err;
    if (isDamageError(err)) throw new DatabaseDamagedError([(err as Error).message], file, (err as { code?: string }).code === 'SQLITE_NOTADB');
    throw new DatabaseOpenError((err as Error).message, file);
  }
  return wrap(file, sqlite);
}

/**
 * Opens a database without checking, migrating or writing it: a copy of a damaged file, to read what
 * can still be read. Every write is refused by SQLite (SQLITE_READONLY).
 */
export function openReadOnly(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  // Opened for writing so SQLite may read its WAL (a read-only connection cannot create the -shm),
  // then query_only: every write answers SQLITE_READONLY.
  const sqlite = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  sqlite.pragma('query_only = ON');
  return wrap(file, sqlite);
}

function wrap(file: string, db: Database.Database): Db {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  return { file, sqlite: db, orm: drizzle(db, { schema }), prepare, sql: sqliteSql(db), close: () => db.close() };
}

function checkFile(sqlite: Database.Database, file: string, check: 'full' | 'quick' | 'none'): void {
  // Reading the schema fails on a file that is not a database, whatever the check.
  sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  if (check === 'none') return;
  const problems =
    check === 'full'
      ? integrityProblems(sqlite)
      : (sqlite.pragma('quick_check(100)') as { quick_check: string }[]).map((r) => r.quick_check).filter((p) => p !== 'ok');
  if (problems.length > 0) throw new DatabaseDamagedError(problems, file);
}

function migrateWithBackup(sqlite: Database.Database, file: string, options: OpenOptions & OpenChecks): void {
  const target = options.backups ?? { folder: path.join(path.dirname(file), 'backups'), tag: '00000000' };
  const now = options.now ?? (() => new Date());
  const backup = hasUserTables(sqlite) ? writeBackup(sqlite, target, 'migration', now()).file : null;
  try {
    migrateSafely(sqlite, options.migrationsFolder);
  } catch (err) {
    sqlite.close();
    if (backup) restoreFile(backup, file);
    throw new DatabaseOpenError(
      `migration failed${backup ? ' and the previous file was restored' : ''}: ${(err as Error).message}`,
      file,
    );
  }
  // Migration backups join the rotation (the last 10 before risky operations), instead of piling up.
  if (backup) rotateBackups(target, now());
}

function connect(file: string, options: OpenOptions): Database.Database {
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit survives power loss, not only an application crash.
  sqlite.pragma('synchronous = FULL');
  return sqlite;
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const files = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!hasTable) return files.length;
  const last = sqlite.prepare('SELECT max(created_at) AS t FROM __drizzle_migrations').get() as {
    t: number | null;
  };
  return files.filter((m) => last.t === null || m.folderMillis > last.t).length;
}

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").get();
}

function tableCounts(sqlite: Database.Database): Map<string, number> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return new Map(
    names.map((n) => [n, (sqlite.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number)]),
  );
}

function migrateSafely(sqlite: Database.Database, migrationsFolder: string): void {
  const before = tableCounts(sqlite);
  sqlite.pragma('foreign_keys = OFF'); // outside any transaction, so it takes effect
  migrate(drizzle(sqlite), { migrationsFolder });
  const fkProblems = sqlite.pragma('foreign_key_check') as unknown[];
  if (fkProblems.length > 0) throw new Error(`${fkProblems.length} rows break foreign keys after migrating`);
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`integrity_check after migrating: ${String(integrity)}`);
  const after = tableCounts(sqlite);
  for (const [table, count] of before) {
    const now = after.get(table);
    if (now !== undefined && now < count) throw new Error(`table ${table} lost rows (${count} → ${now})`);
  }
}

/** Puts a backup in place of the (closed) live file: old or new under the name, never half of one. */
export function restoreFile(backup: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  copyFileAtomic(backup, file);
}
