// The team password in the Electron app (設定 → チームで使う): encrypted with the OS's protected storage
// (Electron safeStorage: DPAPI on Windows, the Keychain on macOS, the Secret Service / KWallet on Linux)
// into one file of the data folder, `pmo-desk.team-password`, never in plain text. Where the OS offers no
// protected storage (safeStorage unavailable, or Linux's 'basic_text' fallback, whose key is a constant
// in Chromium) nothing is written: the password is kept in memory for this run only, and the form says so.
// Plain Node: main hands in safeStorage; the tests hand in another store of the same shape.
import fs from 'node:fs';
import path from 'node:path';
import type { TeamDatabase } from '../common/dto.js';
import type { PasswordStore } from '../core/team-switch.js';
import { describeTeamDatabase } from '../core/db/pg-connection.js';

export const TEAM_PASSWORD_FILE = 'pmo-desk.team-password';

/** What is used of Electron's safeStorage. */
export interface ProtectedStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real protection. */
  getSelectedStorageBackend?(): string;
}

export function protectedPasswordStore(dataDir: string, storage: ProtectedStorage): PasswordStore {
  const file = path.join(dataDir, TEAM_PASSWORD_FILE);
  const protectedHere = storage.isEncryptionAvailable() && storage.getSelectedStorageBackend?.() !== 'basic_text';
  let memory: { key: string; password: string } | null = null;
  const read = (): { key: string; password: string } | null => {
    if (!protectedHere) return memory;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return null;
    }
    try {
      const v = JSON.parse(storage.decryptString(bytes)) as { key?: unknown; password?: unknown };
      return typeof v.key === 'string' && typeof v.password === 'string' ? { key: v.key, password: v.password } : null;
    } catch {
      // Encrypted by another OS account or machine (a copied folder): as if none were kept; the form asks.
      return null;
    }
  };
  return {
    keeping: protectedHere ? 'protected' : 'memory',
    get: (db) => {
      const kept = read();
      return kept?.key === describeTeamDatabase(db) ? kept.password : undefined;
    },
    set: (db, password) => {
      const kept = password === undefined ? null : { key: describeTeamDatabase(db), password };
      if (!protectedHere) return void (memory = kept);
      if (!kept) return fs.rmSync(file, { force: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, storage.encryptString(JSON.stringify(kept)), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}
