// 設定 → チームで使う → この PC のデータをコピーして接続, in Chromium against the web host: the projects made in
// this PC's file are copied into an empty team database and the page reopens on it, showing them; then
// SQLite ファイルに書き出す saves one project of the team database as a SQLite file holding it alone.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace } from '../../electron/core/workspace.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, TeamScreen } from './pages.js';

describe.skipIf(PG_SKIP)('copying this PC\'s workspace to a team database in the browser', () => {
  let cluster: PgCluster;
  let sw: TeamSwitch;
  let host: RunningHost;
  let opened: Awaited<ReturnType<typeof openPage>>;
  const dir = tempDir();
  const info = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

  beforeAll(async () => {
    cluster = await startPgCluster();
    await teamLogin(cluster, 'himitsu');
    sw = await TeamSwitch.start(dir, memoryPasswordStore(), async (teamPassword) =>
      openWorkspace(dir, { migrationsFolder: MIGRATIONS, ...(teamPassword !== undefined && { teamPassword }), context: info }),
      info,
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

  it('copies the projects into the team database and opens there; one project goes out as a file', async () => {
    const { page } = opened;
    const projects = new ProjectsScreen(page);
    await projects.create('手元の案件A', 'A01');
    await projects.create('手元の案件B', 'B01');
    const team = new TeamScreen(page);
    await team.open();
    const form = { host: '127.0.0.1', port: cluster.port, database: 'pmo_team', user: 'yamada', password: 'himitsu' };
    await team.fill(form);
    await team.copyAndConnect();
    await expect.poll(() => page.getByTestId('team-database').innerText(), { timeout: 30_000 }).toBe('チーム: pmo_team@127.0.0.1');
    await page.locator('[data-testid="team-section"][aria-busy="false"]').waitFor();
    await page.screenshot({ path: screenshotPath('team-copy.png') });

    const saved = await team.exportFile('手元の案件B');
    expect(saved.fileName).toMatch(/^PMO Desk_手元の案件B_\d{8}\.sqlite$/);
    await expect.poll(() => page.getByTestId('export-file-note').innerText()).toMatch(/^PMO Desk_手元の案件B_\d{8}\.sqlite に \d+ 行を書き出しました。$/);
    const file = new Database(saved.path, { readonly: true });
    try {
      expect(file.prepare('SELECT name, code FROM projects').all()).toEqual([{ name: '手元の案件B', code: 'B01' }]);
    } finally {
      file.close();
    }

    await page.getByRole('button', { name: '← プロジェクト一覧' }).click();
    expect((await projects.names()).sort()).toEqual(['手元の案件A', '手元の案件B']);
    expect(foreignRequests(opened.requests)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  }, 120_000);
});
