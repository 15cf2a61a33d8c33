// 設定 → チームで使う through the shell's switch (core/team-switch.ts), against a real cluster with TLS on
// (a server certificate signed by a CA made by openssl in the temp folder; TCP logins over TLS with a
// password only): the right CA and password move the workspace onto the database, nothing but its name
// is written in the folder; a wrong CA, a wrong password, a missing CA file or no TLS are refused with a
// sentence saying which, and the workspace open before stays open, unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch, type OpenedWorkspace, type PasswordStore } from '../../electron/core/team-switch.js';
import { protectedPasswordStore, TEAM_PASSWORD_FILE, type ProtectedStorage } from '../../electron/main/team-password.js';
import { TEAM_FILE } from '../../electron/core/db/team-file.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { makeCa } from '../helpers/tls-certs.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const PASSWORD = 'yamada-no-himitsu';
const INFO = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

/** Stands in for the OS's protected storage as safeStorage's shape: AES-GCM under a key of this process. */
function aesStorage(): ProtectedStorage {
  const key = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
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

const opener = (dir: string) => async (teamPassword: string | undefined): Promise<OpenedWorkspace> =>
  openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } });

// The envelope loosely typed: these tests read results of several methods through the one switch.
const call = async (sw: TeamSwitch, method: string, args: unknown = {}): Promise<{ ok: boolean; result?: any; error?: any }> => sw.invoke(method, args);

describe.skipIf(PG_SKIP)('設定 → チームで使う on a TLS server', () => {
  let cluster: PgCluster;
  let database: TeamDatabase;
  const switches: TeamSwitch[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    database = await teamLogin(cluster, PASSWORD);
  }, 120_000);

  afterAll(async () => {
    for (const s of switches) await s.close();
    await cluster?.stop();
  });

  async function start(dir: string, store: PasswordStore): Promise<TeamSwitch> {
    const sw = await TeamSwitch.start(dir, store, opener(dir), INFO);
    switches.push(sw);
    return sw;
  }

  it('refuses a wrong CA, a wrong password, an unreadable CA file and no TLS, saying which, and changes nothing', async () => {
    const dir = tempDir();
    const sw = await start(dir, memoryPasswordStore());
    expect((await call(sw, 'project.create', { name: '手元の案件' })).ok).toBe(true);
    const otherCa = makeCa(tempDir(), 'another-ca');
    const refusals: [Partial<TeamDatabase>, string | undefined, string, string, RegExp][] = [
      [{ caFile: otherCa.certFile }, PASSWORD, 'UNAVAILABLE', 'team.certUntrusted', /not signed by the CA in .*another-ca\.crt/],
      [{}, 'wrong', 'UNAVAILABLE', 'team.password', /refused the password of yamada/],
      [{}, undefined, 'UNAVAILABLE', 'team.password', /refused the password of yamada/],
      [{ caFile: path.join(dir, 'missing.pem') }, PASSWORD, 'VALIDATION', 'team.caFile', /CA file .*missing\.pem cannot be read/],
      [{ caFile: undefined }, PASSWORD, 'UNAVAILABLE', 'team.refused', /does not let yamada log in.*may require TLS/],
      [{ database: 'no_such_db' }, PASSWORD, 'UNAVAILABLE', 'team.noDatabase', /database no_such_db does not exist/],
    ];
    for (const [change, password, code, key, message] of refusals) {
      const r = await call(sw, 'team.connect', { database: { ...database, ...change }, ...(password !== undefined && { password }) });
      expect(r.ok, key).toBe(false);
      expect(r.error, key).toMatchObject({ code, text: { key } });
      expect(r.error.message, key).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, TEAM_FILE))).toBe(false);
    expect((await call(sw, 'team.get')).result).toEqual({ database: null, keeping: 'memory', backupFolder: expect.any(String) });
    expect((await call(sw, 'project.list')).result.map((p: { name: string }) => p.name)).toEqual(['手元の案件']);
  }, 120_000);

  it('connects with the right CA and password, writes only the database\'s name, and goes back to the file', async () => {
    const dir = tempDir();
    const storage = aesStorage();
    const sw = await start(dir, protectedPasswordStore(dir, storage));
    expect((await call(sw, 'project.create', { name: '手元の案件' })).ok).toBe(true);

    const r = await call(sw, 'team.connect', { database, password: PASSWORD });
    expect(r).toMatchObject({ ok: true, result: { database, keeping: 'protected' } });
    expect((await call(sw, 'workspace.status')).result).toMatchObject({ condition: 'ok', database });
    expect((await call(sw, 'project.list')).result).toEqual([]);
    expect((await call(sw, 'project.create', { name: 'チーム案件' })).ok).toBe(true);
    // The folder names the database and keeps the password encrypted; neither file holds it in plain text.
    expect(JSON.parse(fs.readFileSync(path.join(dir, TEAM_FILE), 'utf8'))).toEqual({ database });
    for (const f of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, f)).isFile()) expect(fs.readFileSync(path.join(dir, f)).includes(PASSWORD), f).toBe(false);
    expect(fs.existsSync(path.join(dir, TEAM_PASSWORD_FILE))).toBe(true);

    // The next start (as Electron's, with the same protected storage) opens the database with the kept password.
    await sw.close();
    switches.splice(switches.indexOf(sw), 1);
    const again = await start(dir, protectedPasswordStore(dir, storage));
    expect((await call(again, 'project.list')).result.map((p: { name: string }) => p.name)).toEqual(['チーム案件']);
    // A blank password on reconnect takes the kept one.
    expect((await call(again, 'team.connect', { database })).ok).toBe(true);

    // A web host's next start has no password in memory: it starts, saying the login was refused (PGPASSWORD /
    // .pgpass would serve; team-unavailable.test.ts).
    await again.close();
    switches.splice(switches.indexOf(again), 1);
    const noPassword = await start(dir, memoryPasswordStore());
    expect((await call(noPassword, 'team.get')).result.problem).toMatchObject({ code: 'UNAVAILABLE', text: { key: 'team.password' } });
    await noPassword.close();
    switches.splice(switches.indexOf(noPassword), 1);

    const back = await start(dir, protectedPasswordStore(dir, storage));
    expect((await call(back, 'team.disconnect')).result).toEqual({ database: null, keeping: 'protected', backupFolder: expect.any(String) });
    expect(fs.existsSync(path.join(dir, TEAM_FILE)) || fs.existsSync(path.join(dir, TEAM_PASSWORD_FILE))).toBe(false);
    expect((await call(back, 'project.list')).result.map((p: { name: string }) => p.name)).toEqual(['手元の案件']);
  }, 120_000);
});
