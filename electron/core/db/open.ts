// The only module that opens the workspace database. Order matters here; see SECURITY-NOTES.md:
// drizzle's migrator runs in one transaction, where `PRAGMA foreign_keys=OFF` is a no-op, so a
// table-rebuild migration could cascade-delete child rows unless foreign keys are off before it starts.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from '../../../drizzle/schema.js';

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
  close(): void;
}

export interface OpenOptions {
  /** Folder holding drizzle-kit's migrations (drizzle/migrations). */
  migrationsFolder: string;
  /** better-sqlite3 binary built for another runtime (Electron); default: the one in node_modules. */
  nativeBinding?: string;
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

export function openDatabase(file: string, options: OpenOptions): Db {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = connect(file, options);
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError(`the database file is damaged (quick_check: ${String(check)})`, file);
    if (pendingMigrations(sqlite, options.migrationsFolder) > 0) migrateWithBackup(sqlite, file, options.migrationsFolder);
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    if (sqlite?.open) sqlite.close();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError((err as Error).message, file);
  }
  const db = sqlite;
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  return { file, sqlite: db, orm: drizzle(db, { schema }), prepare, close: () => db.close() };
}

function migrateWithBackup(sqlite: Database.Database, file: string, migrationsFolder: string): void {
  const backup = hasUserTables(sqlite) ? backupBeforeMigration(sqlite, file) : null;
  try {
    migrateSafely(sqlite, migrationsFolder);
  } catch (err) {
    sqlite.close();
    if (backup) restoreFile(backup, file);
    throw new DatabaseOpenError(
      `migration failed${backup ? ' and the previous file was restored' : ''}: ${(err as Error).message}`,
      file,
    );
  }
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

function backupBeforeMigration(sqlite: Database.Database, file: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const target = `${file}.before-migration-${stamp}.sqlite`;
  // VACUUM INTO is synchronous and writes a consistent, compact copy.
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
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

function restoreFile(backup: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(backup, file);
}
