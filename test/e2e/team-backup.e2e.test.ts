// 設定 → チームで使う on a team database, in Chromium against the web host: a database sorting by ICU's ja is
// connected with the warning that lists may come in another order than in the file; バックアップ says how to
// install pg_dump when this PC has none and writes nothing, then (pg_dump installed) writes a dump into the
// folder typed, named in the page.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { findPgDump } from '../../electron/core/pg-dump.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { TeamScreen } from './pages.js';

describe.skipIf(PG_SKIP)('設定 → チームで使う: collation warning and バックアップ (pg_dump)', () => {
  let cluster: PgCluster;
  let sw: TeamSwitch;
  let host: RunningHost;
  let opened: Awaited<ReturnType<typeof openPage>>;
  // This PC's pg_dump as the switch finds it: none at first, then the one installed with the server.
  let pgDump: string | null = null;
  const dir = tempDir();
  const info = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

  beforeAll(async () => {
    cluster = await startPgCluster();
    const admin = new pg.Client({ ...cluster.config, database: 'postgres' });
    await admin.connect();
    await admin.query("CREATE DATABASE pmo_ja TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ja' LOCALE 'C'");
    await admin.end();
    sw = await TeamSwitch.start(
      dir,
      memoryPasswordStore(),
      async (teamPassword) =>
        openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } }),
      info,
      { pgDump: () => pgDump },
    );
    host = await startHost(0, { handlers: sw, rendererDir: path.join(ROOT, 'dist/renderer') });
    opened = await openPage(host, 'ja-JP');
  }, 180_000);

  afterAll(async () => {
    await opened?.close();
    await host?.close();
    await sw?.close();
    await cluster?.stop();
  });

  it('warns of the ICU collation on connecting, refuses a backup without pg_dump, then backs up into the folder typed', async () => {
    const { page } = opened;
    const team = new TeamScreen(page);
    await team.open();
    expect(await page.getByTestId('team-warning').count()).toBe(0);
    await team.fill({ host: '127.0.0.1', port: cluster.port, database: 'pmo_ja', user: cluster.user });
    await team.connect();
    await expect.poll(() => page.getByTestId('team-database').innerText(), { timeout: 30_000 }).toBe('チーム: pmo_ja@127.0.0.1');
    await page.locator('[data-testid="team-section"][aria-busy="false"]').waitFor();
    await expect
      .poll(() => page.getByTestId('team-warning').innerText())
      .toBe(
        `データベース ${cluster.user}@127.0.0.1:${cluster.port}/pmo_ja は文字列を ICU ja の照合順序で並べます。この PC のファイル (文字コード順) とは名前やコードで並べた一覧の順序が変わることがあります。ファイルと同じ順序にするには LC_COLLATE 'C' でデータベースを作成し、そこへコピーしてください。`,
      );

    const form = page.getByTestId('team-backup');
    expect(await form.getByLabel('フォルダー').inputValue()).toBe(path.join(dir, 'backups'));
    const folder = path.join(tempDir(), 'チームのバックアップ');
    await form.getByLabel('フォルダー').fill(folder);
    await form.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('この PC に pg_dump がありません。PostgreSQL のクライアントツールを入れるか (Debian/Ubuntu: apt install postgresql-client');
    expect(fs.existsSync(folder)).toBe(false);

    pgDump = findPgDump();
    expect(pgDump).not.toBeNull();
    await form.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect.poll(() => page.getByTestId('team-backed-up').innerText(), { timeout: 30_000 }).toMatch(/ にバックアップしました \(.+、テーブル \d+ 個、pg_dump \(PostgreSQL\) \d+/);
    const files = fs.readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^pmo_ja-\d{8}-\d{6}\.dump$/);
    expect(await page.getByTestId('team-backed-up').innerText()).toContain(path.join(folder, files[0]!));
    expect(fs.readFileSync(path.join(folder, files[0]!)).subarray(0, 5).toString()).toBe('PGDMP');
    await page.screenshot({ path: screenshotPath('team-backup.png') });
    expect(foreignRequests(opened.requests)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  }, 120_000);
});
