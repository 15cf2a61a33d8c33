import { eq } from 'drizzle-orm';
import { settings } from '../../../drizzle/schema.js';
import type { Db } from '../db/open.js';

export function getSetting(db: Db, key: string): unknown {
  return db.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.orm.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
