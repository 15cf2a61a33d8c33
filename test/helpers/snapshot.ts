import type Database from 'better-sqlite3';
import type { Sql } from '../../electron/core/db/sql.js';

/** Every row of every table as one string: equal before and after proves a call changed nothing. */
export function snapshot(db: Database.Database | Sql): string {
  if ('dialect' in db) return snapshotOf(db);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t}"`).all()));
}

/** The same through the seam, on either engine (rows in key order: PostgreSQL keeps no order of its own). */
function snapshotOf(sql: Sql): string {
  if (sql.dialect.name === 'sqlite') {
    const tables = sql.values<[string]>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
    return JSON.stringify(tables.map(([t]) => sql.all(`SELECT * FROM "${t}"`)));
  }
  const tables = sql.values<[string]>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  return JSON.stringify(tables.map(([t]) => sql.all(`SELECT * FROM "${t}" ORDER BY 1`)));
}
