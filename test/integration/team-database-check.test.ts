// 設定 → チームで使う against a real throw-away cluster: what the database is made of (its encoding, how it
// sorts text) is said when connecting, and バックアップ (pg_dump) writes a dump that pg_restore takes back.
// - Not UTF8 (LATIN1, SQL_ASCII): team.connect and the copy refuse it, saying so; nothing is written in the
//   folder and nothing is created in the database.
// - A UTF8 database sorting by ICU's ja (or another collation than C): connects, and team.get says it sorts
//   otherwise than the file. The C database the README asks for: no word.
// - team.backup: a dump in the chosen folder, restored by pg_restore into an empty database as the README's
//   steps do, holds the same rows; without pg_dump the call says how to install it and writes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch, type OpenedWorkspace } from '../../electron/core/team-switch.js';
import { findPgDump } from '../../electron/core/pg-dump.js';
import { TEAM_FILE } from '../../electron/core/db/team-file.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import { PG_BIN, PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const INFO = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

const opener = (dir: string) => async (teamPassword: string | undefined): Promise<OpenedWorkspace> =>
  openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } });

const call = async (sw: TeamSwitch, method: string, args: unknown = {}): Promise<{ ok: boolean; result?: any; error?: any }> => sw.invoke(method, args);

describe.skipIf(PG_SKIP)('the team database: encoding, collation and pg_dump', () => {
  let cluster: PgCluster;
  const switches: TeamSwitch[] = [];

  /** A database owned by the cluster's user, made with these options (CREATE DATABASE … TEMPLATE template0 …). */
  async function database(name: string, options: string): Promise<TeamDatabase> {
    const admin = new pg.Client({ ...cluster.config, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ${options}`);
    } finally {
      await admin.end();
    }
    return { host: '127.0.0.1', port: cluster.port, database: name, user: cluster.user };
  }

  async function tables(db: TeamDatabase): Promise<number> {
    const c = new pg.Client({ ...cluster.config, database: db.database });
    await c.connect();
    try {
      return Number((await c.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).rows[0].count);
    } finally {
      await c.end();
    }
  }

  async function start(dir: string, pgDump?: () => string | null): Promise<TeamSwitch> {
    const sw = await TeamSwitch.start(dir, memoryPasswordStore(), opener(dir), INFO, pgDump && { pgDump });
    switches.push(sw);
    return sw;
  }

  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);

  afterAll(async () => {
    for (const s of switches) await s.close();
    await cluster?.stop();
  });

  it('refuses a database that is not UTF8, saying its encoding, on connect and on copy, and creates nothing there', async () => {
    for (const [name, encoding] of [['pmo_latin1', 'LATIN1'], ['pmo_ascii', 'SQL_ASCII']] as const) {
      const db = await database(name, `ENCODING '${encoding}' LC_COLLATE 'C' LC_CTYPE 'C'`);
      const dir = tempDir();
      const sw = await start(dir);
      expect((await call(sw, 'project.create', { name: '手元の案件' })).ok).toBe(true);
      const r = await call(sw, 'team.connect', { database: db });
      expect(r.ok, encoding).toBe(false);
      expect(r.error).toMatchObject({ code: 'VALIDATION', text: { key: 'team.notUtf8', params: { encoding } } });
      expect(r.error.message).toContain(`stores text as ${encoding}, not UTF8`);
      expect(fs.existsSync(path.join(dir, TEAM_FILE))).toBe(false);
      const copy = await call(sw, 'workspace.copyToTeam', { database: db });
      expect(copy.error, encoding).toMatchObject({ code: 'VALIDATION', text: { key: 'team.notUtf8' } });
      expect(await tables(db), encoding).toBe(0);
      expect((await call(sw, 'project.list')).result.map((p: { name: string }) => p.name)).toEqual(['手元の案件']);
    }
  }, 180_000);

  it('connects to a database sorting by ICU ja and says it sorts otherwise than the file; a C database gets no word', async () => {
    const icu = await database('pmo_icu', "ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ja' LOCALE 'C'");
    const dir = tempDir();
    const sw = await start(dir);
    const r = await call(sw, 'team.connect', { database: icu });
    expect(r.ok).toBe(true);
    expect(r.result.warning).toMatchObject({ text: { key: 'team.collation', params: { collation: 'ICU ja' } } });
    expect(r.result.warning.message).toContain("create the database with LC_COLLATE 'C'");
    // It stays said while the workspace is on it (team.get after the page reloads).
    expect((await call(sw, 'team.get')).result.warning).toMatchObject({ text: { key: 'team.collation' } });

    const c = await database('pmo_c', "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
    const plain = await call(sw, 'team.connect', { database: c });
    expect(plain.ok).toBe(true);
    expect(plain.result.warning).toBeUndefined();
  }, 180_000);

  it('backs the team database up with pg_dump into the chosen folder; pg_restore brings the same rows back', async () => {
    const pgDump = findPgDump();
    expect(pgDump, 'pg_dump is installed with the server binaries').not.toBeNull();
    const db = await database('pmo_backup', "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
    const dir = tempDir();
    const sw = await start(dir);
    expect((await call(sw, 'team.backup', { folder: tempDir() })).error).toMatchObject({ code: 'CONFLICT', text: { key: 'team.backupNoDatabase' } });
    expect((await call(sw, 'team.connect', { database: db })).ok).toBe(true);
    const p = (await call(sw, 'project.create', { name: 'チーム案件' })).result;
    for (const name of ['要件定義', '基本設計', '詳細設計']) expect((await call(sw, 'wbs.create', { projectId: p.id, values: { name } })).ok).toBe(true);

    const folder = path.join(tempDir(), 'バックアップ先');
    const r = await call(sw, 'team.backup', { folder });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(path.dirname(r.result.file)).toBe(folder);
    expect(path.basename(r.result.file)).toMatch(/^pmo_backup-\d{8}-\d{6}\.dump$/);
    expect(fs.readdirSync(folder)).toEqual([path.basename(r.result.file)]);
    expect(r.result.tables).toBeGreaterThan(20);
    expect(r.result.tool).toMatch(/^pg_dump \(PostgreSQL\) \d+/);

    // The README's restore: pg_restore into an empty database; the workspace opened there has the rows.
    const restored = await database('pmo_restored', "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
    const pgRestore = path.join(PG_BIN!, 'pg_restore');
    const out = spawnSync(pgRestore, ['--no-owner', '-h', '127.0.0.1', '-p', String(cluster.port), '-U', cluster.user, '-d', restored.database, r.result.file], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const back = await start(tempDir());
    expect((await call(back, 'team.connect', { database: restored })).ok).toBe(true);
    const projects = (await call(back, 'project.list')).result;
    expect(projects.map((x: { name: string }) => x.name)).toEqual(['チーム案件']);
    const tasks = tasksOfTable((await call(back, 'wbs.rows', { projectId: projects[0].id })).result);
    expect(tasks.map((t) => t.name)).toEqual(['要件定義', '基本設計', '詳細設計']);
  }, 180_000);

  it('says how to install pg_dump when it is missing, and writes nothing', async () => {
    expect(findPgDump({ path: '', roots: [tempDir()] })).toBeNull();
    const db = await database('pmo_nodump', "ENCODING 'UTF8' LC_COLLATE 'C'");
    const dir = tempDir();
    const sw = await start(dir, () => null);
    expect((await call(sw, 'team.connect', { database: db })).ok).toBe(true);
    const folder = path.join(tempDir(), 'out');
    const r = await call(sw, 'team.backup', { folder });
    expect(r.error).toMatchObject({ code: 'UNAVAILABLE', text: { key: 'team.noPgDump' } });
    expect(r.error.message).toMatch(/pg_dump is not installed on this PC: install PostgreSQL's client tools \(Debian\/Ubuntu: apt install postgresql-client/);
    expect(fs.existsSync(folder)).toBe(false);
  }, 120_000);

  it('finds pg_dump on PATH first, else in the newest version under the installers\' folders', () => {
    const root = tempDir();
    for (const v of ['13', '15']) {
      fs.mkdirSync(path.join(root, v, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(root, v, 'bin', 'pg_dump'), '');
    }
    expect(findPgDump({ path: '', roots: [root], platform: 'linux' })).toBe(path.join(root, '15', 'bin', 'pg_dump'));
    const onPath = tempDir();
    fs.writeFileSync(path.join(onPath, 'pg_dump'), '');
    expect(findPgDump({ path: onPath, roots: [root], platform: 'linux' })).toBe(path.join(onPath, 'pg_dump'));
  });
});
