// Workspace settings (settings: key → JSON text).
import type { SqlDb } from '../sql.js';

/** The setting's JSON text, if it was ever set. */
export function settingText(db: SqlDb, key: string): string | undefined {
  return db.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key])?.value;
}

export function putSettingText(db: SqlDb, key: string, json: string): void {
  db.sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, json]);
}

/** Forgets a setting (its default holds again). */
export function deleteSetting(db: SqlDb, key: string): void {
  db.sql.run('DELETE FROM settings WHERE key = ?', [key]);
}
