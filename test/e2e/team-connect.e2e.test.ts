// 設定 → チームで使う in Chromium against the web host: a workspace on its SQLite file is moved onto a team
// database of a throw-away cluster with TLS on (a CA made by openssl). A CA that did not sign the server's
// certificate is refused with the sentence saying so, and the page stays on the file; the right CA and
// password reopen the workspace on the database, and the top bar names it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { TEAM_FILE } from '../../electron/core/db/team-file.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { makeCa } from '../helpers/tls-certs.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, TeamScreen } from './pages.js';

describe.skipIf(PG_SKIP)('設定 → チームで使う in the browser', () => {
  let cluster: PgCluster;
  let sw: TeamSwitch;
  let host: RunningHost;
  let opened: Awaited<ReturnType<typeof openPage>>;
  const dir = tempDir();

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    await teamLogin(cluster, 'himitsu');
    sw = await TeamSwitch.start(dir, memoryPasswordStore(), async (teamPassword) =>
      openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' } }),
      { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'yamada' },
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

  it('refuses a wrong CA saying so, then connects with the right one and shows the database', async () => {
    const { page } = opened;
    await new ProjectsScreen(page).create('手元の案件');
    const team = new TeamScreen(page);
    await team.open();
    await expect.poll(() => page.getByTestId('team-current').innerText()).toBe('現在: この PC のファイル (SQLite) で作業しています。');
    const form = { host: '127.0.0.1', port: cluster.port, database: 'pmo_team', user: 'yamada', password: 'himitsu' };

    const wrongCa = makeCa(tempDir(), 'another-ca');
    await team.fill({ ...form, caFile: wrongCa.certFile });
    await team.connect();
    await expect.poll(() => team.error().innerText()).toContain(`サーバー 127.0.0.1 の証明書は CA ファイル ${wrongCa.certFile} で確認できません`);
    expect(fs.existsSync(path.join(dir, TEAM_FILE))).toBe(false);
    await page.screenshot({ path: screenshotPath('team-connect-wrong-ca.png') });

    await team.fill({ ...form, caFile: cluster.ca!.certFile });
    await team.connect();
    // The page reloads on the team database: its name in the top bar, its (empty) portfolio.
    await expect.poll(() => page.getByTestId('team-database').innerText(), { timeout: 30_000 }).toBe('チーム: pmo_team@127.0.0.1');
    await page.locator('[data-testid="team-section"][aria-busy="false"]').waitFor();
    expect(await page.getByTestId('team-current').innerText()).toBe(`現在: チームのデータベース yamada@127.0.0.1:${cluster.port}/pmo_team で作業しています。`);
    await page.screenshot({ path: screenshotPath('team-connect.png') });
    expect(JSON.parse(fs.readFileSync(path.join(dir, TEAM_FILE), 'utf8')).database).toEqual({ ...form, password: undefined, caFile: cluster.ca!.certFile });
    await page.getByRole('button', { name: '← プロジェクト一覧' }).click();
    await new ProjectsScreen(page).create('チーム案件');
    expect(await new ProjectsScreen(page).names()).toEqual(['チーム案件']);
    expect(foreignRequests(opened.requests)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  }, 120_000);
});
