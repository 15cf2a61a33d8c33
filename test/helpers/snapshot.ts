import type Database from 'better-sqlite3';

/** Every row of every table as one string: equal before and after proves a call changed nothing. */
export function snapshot(sqlite: Database.Database): string {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => sqlite.prepare(`SELECT * FROM "${t}"`).all()));
}
