import type { SqlDb as Db } from '../db/sql.js';
import { putSettingText, settingText } from '../db/queries/settings.js';

/** A setting's value (JSON in the table), null when it was never set. */
export function getSetting(db: Db, key: string): unknown {
  const text = settingText(db, key);
  return text === undefined ? null : ((JSON.parse(text) as unknown) ?? null);
}

export function setSetting(db: Db, key: string, value: unknown): void {
  putSettingText(db, key, JSON.stringify(value));
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
