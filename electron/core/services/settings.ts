import { eq } from 'drizzle-orm';
import { settings } from '../../../drizzle/schema.js';
import type { Db } from '../db/open.js';

export function getSetting(db: Db, key: string): unknown {
  return db.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.orm.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/**
 * The language of a document PMO Desk writes (minutes, a register in its own layout): the one asked
 * for, else the workspace's UI language, else the OS locale's — the same choice the UI makes.
 */
export function documentLanguage(db: Db, osLocale: string, asked?: 'ja' | 'en'): 'ja' | 'en' {
  if (asked) return asked;
  const chosen = getSetting(db, 'ui.language');
  if (chosen === 'ja' || chosen === 'en') return chosen;
  return osLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
