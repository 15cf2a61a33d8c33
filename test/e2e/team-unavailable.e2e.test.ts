// A web host whose folder names a team database that does not open at start, in Chromium: the page opens
// on 設定 → チームで使う saying why (the server down), whatever the address; 再接続 with the password typed
// opens the database once the server is up. Started again with the server down, この PC のファイルに戻す
// opens the folder's own SQLite file, with its own projects.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { readTeamDatabase, writeTeamDatabase } from '../../electron/core/db/team-file.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, TeamScreen } from './pages.js';

const INFO = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

describe.skipIf(PG_SKIP)('設定 → チームで使う when the team database does not open at start', () => {
  let cluster: PgCluster;
  let database: TeamDatabase;
  const dir = tempDir();
  const running: { sw: TeamSwitch; host: RunningHost; opened: Awaited<ReturnType<typeof openPage>> }[] = [];

  /** The web host as cli.ts starts it (a fresh start: no password in memory), with a page open on it. */
  async function startAll() {
    const sw = await TeamSwitch.start(
      dir,
      memoryPasswordStore(),
      async (teamPassword) => openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { ...INFO } }),
      INFO,
    );
    const host = await startHost(0, { handlers: sw, rendererDir: path.join(ROOT, 'dist/renderer') });
    const opened = await openPage(host, 'ja-JP');
    running.push({ sw, host, opened });
    return opened;
  }

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    database = await teamLogin(cluster, 'himitsu');
    // The folder's own file, with a project of its own, before it was moved onto the team's database.
    const local = openWorkspace(dir, { migrationsFolder: MIGRATIONS, context: { ...INFO } });
    await local.handlers.invoke('project.create', { name: '手元の案件' });
    local.close();
    writeTeamDatabase(dir, database);
  }, 180_000);

  afterAll(async () => {
    for (const r of running) {
      await r.opened.close();
      await r.host.close();
      await r.sw.close();
    }
    await cluster?.stop();
  });

  it('shows why with the server down, and 再接続 opens the database once it is up', async () => {
    cluster.halt();
    const { page, requests, pageErrors } = await startAll();
    const team = new TeamScreen(page);
    // No settings click: the page itself opens on チームで使う, with the cause.
    await page.locator('[data-testid="team-section"][aria-busy="false"]').waitFor();
    expect(await page.getByTestId('team-current').innerText()).toContain(`チームのデータベース yamada@127.0.0.1:${cluster.port}/pmo_team を開けない`);
    expect(await team.problem().innerText()).toBe(`127.0.0.1:${cluster.port} に応答するサーバーがありません。`);
    expect(await page.getByTestId('project-row').count()).toBe(0);
    // The form holds the database's settings: only the password is to be typed.
    expect(await team.section().getByLabel('データベース').inputValue()).toBe('pmo_team');
    await page.screenshot({ path: screenshotPath('team-unavailable.png') });

    // 再接続 while still down: the same cause, in the banner; nothing changes.
    await team.section().getByLabel('パスワード').fill('himitsu');
    await team.reconnect();
    await expect.poll(() => team.error().innerText()).toContain('に応答するサーバーがありません');

    cluster.restart();
    await team.reconnect();
    // The page reloads on the database: the portfolio (empty), the database named in the top bar.
    await page.getByRole('button', { name: /^プロジェクトを作成$/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('team-database').innerText()).toBe('チーム: pmo_team@127.0.0.1');
    expect(await team.problem().count()).toBe(0);
    await new ProjectsScreen(page).create('チーム案件');
    expect(await new ProjectsScreen(page).names()).toEqual(['チーム案件']);
    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('started again with the server down, この PC のファイルに戻す opens the folder\'s own file', async () => {
    cluster.halt();
    try {
      const { page, pageErrors } = await startAll();
      const team = new TeamScreen(page);
      await team.problem().waitFor();
      await team.backToFile();
      await new ProjectsScreen(page).row('手元の案件').waitFor({ timeout: 30_000 });
      expect(await new ProjectsScreen(page).names()).toEqual(['手元の案件']);
      expect(readTeamDatabase(dir)).toBeNull();
      expect(await page.getByTestId('team-database').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      cluster.restart();
    }
  }, 180_000);
});
