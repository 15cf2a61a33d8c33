// The Electron app's team password store (main/team-password.ts) in plain Node, safeStorage's shape handed
// in: encrypted into the data folder where the OS protects it, never written where it does not.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectedPasswordStore, TEAM_PASSWORD_FILE, type ProtectedStorage } from '../../electron/main/team-password.js';
import { tempDir } from '../helpers/workspace.js';

const db = { host: 'pmo-db.example.local', port: 5432, database: 'pmo', user: 'yamada' };

/** safeStorage's shape over AES-GCM with a key of this test (the OS's key in the app); `backend` as Linux reports it. */
function storage(backend = 'gnome_libsecret', key = crypto.randomBytes(32)): ProtectedStorage {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(b) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('the team password in the Electron app', () => {
  it('is kept encrypted in the folder, for the same login only, and forgotten on request', () => {
    const dir = tempDir();
    const s = storage();
    const store = protectedPasswordStore(dir, s);
    expect(store.keeping).toBe('protected');
    store.set(db, 'himitsu-123');
    const file = path.join(dir, TEAM_PASSWORD_FILE);
    expect(fs.readFileSync(file).includes('himitsu-123')).toBe(false);
    // A later start (a new store over the same file and OS key) finds it.
    expect(protectedPasswordStore(dir, s).get(db)).toBe('himitsu-123');
    expect(protectedPasswordStore(dir, s).get({ ...db, user: 'suzuki' })).toBeUndefined();
    expect(protectedPasswordStore(dir, s).get({ ...db, host: 'other' })).toBeUndefined();
    // Another OS account's key cannot read it: as if none were kept.
    expect(protectedPasswordStore(dir, storage()).get(db)).toBeUndefined();
    store.set(db, undefined);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('writes nothing where the OS protects nothing (no encryption, Linux basic_text): memory for this run only', () => {
    for (const s of [storage('basic_text'), { ...storage(), isEncryptionAvailable: () => false }]) {
      const dir = tempDir();
      const store = protectedPasswordStore(dir, s);
      expect(store.keeping).toBe('memory');
      store.set(db, 'himitsu-123');
      expect(store.get(db)).toBe('himitsu-123');
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(protectedPasswordStore(dir, s).get(db)).toBeUndefined();
    }
  });
});
