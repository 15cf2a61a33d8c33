// A folder that names a team database which does not open at start (the server down, no password, TLS
// refused) still starts: the real web host process (electron/host/main.ts) serves, every call answers
// UNAVAILABLE naming the database and the cause, team.get says why, and 再接続 (team.connect) opens the
// database once it can be opened; この PC のファイルに戻す (team.disconnect) opens the folder's file instead.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { TEAM_FILE, writeTeamDatabase } from '../../electron/core/db/team-file.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import type { RunningHost } from '../../electron/host/server.js';
import { ApiError } from '../../electron/common/errors.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { startHostProcess, type HostRun } from '../helpers/host-process.js';
import { httpCaller } from '../helpers/http.js';
import { makeCa } from '../helpers/tls-certs.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const PASSWORD = 'yamada-no-himitsu';
const INFO = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

/** The host's printed line as the address and token an HTTP caller needs. */
function hostOf(line: string | null): RunningHost {
  const m = /^PMO Desk: http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(line ?? '');
  if (!m) throw new Error(`the host did not start: ${line}`);
  return { port: Number(m[1]), token: m[2]!, url: line!.slice('PMO Desk: '.length) } as RunningHost;
}

/** An HTTP caller of the host that also calls team.* (the shell's, outside the domain contract), loosely typed. */
type LooseCall = (method: string, args: unknown) => Promise<any>;
const callerOf = (line: string | null): LooseCall => httpCaller(hostOf(line)) as unknown as LooseCall;

/** The refusal a call answers, as the page receives it. */
async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe.skipIf(PG_SKIP)('a team database that does not open at start', () => {
  let cluster: PgCluster;
  let database: TeamDatabase;
  const hosts: HostRun[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    database = await teamLogin(cluster, PASSWORD);
  }, 120_000);

  afterAll(async () => {
    for (const h of hosts) await h.kill();
    await cluster?.stop();
  });

  it('starts the web host with the server down, names the server and the cause, and recovers by 再接続 once it is up', async () => {
    const dir = tempDir();
    writeTeamDatabase(dir, database);
    cluster.halt();
    try {
      const run = startHostProcess(dir, { PGPASSWORD: PASSWORD });
      hosts.push(run);
      const call = callerOf(await run.line);

      // The page's first calls: app.info and the workspace's condition answer; the rest say why not.
      expect(await call('app.info', {})).toMatchObject({ version: expect.any(String), shell: 'web', language: null });
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'teamUnavailable', database, detail: expect.stringContaining(`127.0.0.1:${cluster.port}`) });
      const err = await refusal(call('project.list', {}));
      expect(err.code).toBe('UNAVAILABLE');
      expect(err.text).toMatchObject({ key: 'team.noServer', params: { host: '127.0.0.1', port: cluster.port } });
      expect(err.message).toContain(`yamada@127.0.0.1:${cluster.port}/pmo_team`);
      expect(err.message).toMatch(/nothing answers/);
      const state = await call('team.get', {});
      expect(state).toMatchObject({ database, keeping: 'memory', problem: { code: 'UNAVAILABLE', text: { key: 'team.noServer' } } });

      // 再接続 while it is still down: refused with the same cause, still on the stand-in.
      expect((await refusal(call('team.connect', { database }))).text?.key).toBe('team.noServer');

      cluster.restart();
      // 再接続 with the form as it is (no password typed: the host's PGPASSWORD serves).
      const after = await call('team.connect', { database });
      expect(after).toEqual({ database, keeping: 'memory', backupFolder: expect.any(String) });
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'ok', database });
      expect(await call('project.list', {})).toEqual([]);
      expect(await call('project.create', { name: 'チーム案件' })).toMatchObject({ name: 'チーム案件' });
    } finally {
      cluster.restart();
    }
  }, 180_000);

  it('starts a web host that has no password, says the login was refused, and opens the database with the password typed', async () => {
    const dir = tempDir();
    writeTeamDatabase(dir, database);
    const run = startHostProcess(dir, { PGPASSWORD: '', PGPASSFILE: path.join(dir, 'no-pgpass') });
    hosts.push(run);
    const call = callerOf(await run.line);
    expect((await call('team.get', {})).problem).toMatchObject({ code: 'UNAVAILABLE', text: { key: 'team.password' } });
    expect((await refusal(call('project.list', {}))).message).toMatch(/refused the password of yamada/);
    expect(await call('team.connect', { database, password: PASSWORD })).toEqual({ database, keeping: 'memory', backupFolder: expect.any(String) });
    expect((await call('project.list', {})).map((p: { name: string }) => p.name)).toContain('チーム案件');
  }, 180_000);

  it('starts on a CA that does not sign the server\'s certificate, and この PC のファイルに戻す opens the folder\'s own file', async () => {
    const dir = tempDir();
    // The folder's own file first, with a project of its own; then the team file naming the wrong CA.
    const local = openWorkspace(dir, { migrationsFolder: MIGRATIONS, context: { ...INFO } });
    await local.handlers.invoke('project.create', { name: '手元の案件' });
    local.close();
    const otherCa = makeCa(tempDir(), 'another-ca');
    writeTeamDatabase(dir, { ...database, caFile: otherCa.certFile });
    const store = memoryPasswordStore();
    const opener = async (teamPassword: string | undefined) =>
      openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { ...INFO } });
    store.set({ ...database, caFile: otherCa.certFile }, PASSWORD);
    const sw = await TeamSwitch.start(dir, store, opener, INFO);
    try {
      const got = await sw.invoke('team.get', {});
      expect(got).toMatchObject({ ok: true, result: { problem: { code: 'UNAVAILABLE', text: { key: 'team.certUntrusted' } } } });
      const listed = await sw.invoke('project.list', {});
      expect(listed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', text: { key: 'team.certUntrusted' } } });
      expect(!listed.ok && listed.error.message).toMatch(/another-ca\.crt/);

      expect(await sw.invoke('team.disconnect', {})).toEqual({ ok: true, result: { database: null, keeping: 'memory', backupFolder: expect.any(String) } });
      expect(await sw.invoke('workspace.status', {})).toMatchObject({ ok: true, result: { condition: 'ok' } });
      expect(await sw.invoke('project.list', {})).toMatchObject({ ok: true, result: [{ name: '手元の案件' }] });
    } finally {
      await sw.close();
    }
  }, 120_000);
});

describe('a team file that names no database', () => {
  it('starts on the stand-in naming the file, and この PC のファイルに戻す removes it and opens the folder\'s file', async () => {
    const dir = tempDir();
    const local = openWorkspace(dir, { migrationsFolder: MIGRATIONS, context: { ...INFO } });
    await local.handlers.invoke('project.create', { name: '手元の案件' });
    local.close();
    // Cut short (a disk full while it was written, an editor): no database named whole.
    fs.writeFileSync(path.join(dir, TEAM_FILE), '{"database": {"host": "db.example.lan", "port": 5432');
    const opener = async (teamPassword: string | undefined) =>
      openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { ...INFO } });
    const sw = await TeamSwitch.start(dir, memoryPasswordStore(), opener, INFO);
    try {
      const got = await sw.invoke('team.get', {});
      expect(got).toMatchObject({ ok: true, result: { database: null, problem: { code: 'UNAVAILABLE', text: { key: 'team.badFile' } } } });
      expect(got.ok && (got.result as { problem: { message: string } }).problem.message).toContain(TEAM_FILE);
      expect(await sw.invoke('workspace.status', {})).toMatchObject({ ok: true, result: { condition: 'teamUnavailable' } });
      expect(await sw.invoke('project.list', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', text: { key: 'team.badFile' } } });
      expect(await sw.invoke('team.disconnect', {})).toEqual({ ok: true, result: { database: null, keeping: 'memory', backupFolder: expect.any(String) } });
      expect(fs.existsSync(path.join(dir, TEAM_FILE))).toBe(false);
      expect(await sw.invoke('project.list', {})).toMatchObject({ ok: true, result: [{ name: '手元の案件' }] });
    } finally {
      await sw.close();
    }
  }, 60_000);
});
