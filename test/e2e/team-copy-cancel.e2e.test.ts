// この PC のデータをコピーして接続, watched and stopped, in Chromium against the web host with the workspace
// in its own thread (as `npm run host` runs it): a workspace of 10,000 WBS tasks is copied into an empty
// team database; the bar under the top bar shows the rows copied and moves; 中止 stops the copy, the page
// says nothing was changed and stays on this PC's file, and the team database holds no row.
// A copy of 10,000 rows can end within the bar's first second on a quiet machine, so the test holds it
// inside its transaction (CallScope.hold, call-scope.ts holdIfAsked) while it looks, lets it run on a
// moment to see the bar move, and holds it again before 中止.
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { memoryPasswordStore, TeamSwitch } from '../../electron/core/team-switch.js';
import { TEAM_FILE } from '../../electron/core/db/team-file.js';
import { bigWorkspace, tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { PG_SKIP, startPgCluster, teamLogin, type PgCluster } from '../helpers/pg-cluster.js';
import { ROOT } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, TeamScreen } from './pages.js';
import fs from 'node:fs';

describe.skipIf(PG_SKIP)('the copy to a team database: its progress bar and 中止', () => {
  let cluster: PgCluster;
  let sw: TeamSwitch;
  let host: RunningHost;
  let opened: Awaited<ReturnType<typeof openPage>>;
  let dir: string;
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const holdCopy = (on: boolean) => {
    Atomics.store(hold, 0, on ? 1 : 0);
    Atomics.notify(hold, 0);
  };
  const info = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'yamada' };

  beforeAll(async () => {
    cluster = await startPgCluster();
    await teamLogin(cluster, 'himitsu');
    ({ dir } = await bigWorkspace(1));
    sw = await TeamSwitch.start(dir, memoryPasswordStore(), async () => tempWorkspaceThread(dir, 'yamada', { hold }), info);
    host = await startHost(0, { handlers: sw, rendererDir: path.join(ROOT, 'dist/renderer') });
    opened = await openPage(host, 'ja-JP');
  }, 180_000);

  afterAll(async () => {
    holdCopy(false);
    await opened?.close();
    await host?.close();
    await sw?.close();
    await cluster?.stop();
  });

  /** Rows in every table of the team database (the migrations' own bookkeeping is in schema drizzle). */
  async function rowsOnTarget(): Promise<Record<string, number>> {
    const c = new pg.Client({ ...cluster.config, database: 'pmo_team' });
    await c.connect();
    try {
      const tables = (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename as string);
      const out: Record<string, number> = {};
      for (const t of tables) out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(t)}`)).rows[0].n);
      return out;
    } finally {
      await c.end();
    }
  }

  it('shows the rows copied moving, and 中止 leaves the team database without a row', async () => {
    const { page } = opened;
    await new ProjectsScreen(page).row('big').waitFor();
    const team = new TeamScreen(page);
    await team.open();
    await team.fill({ host: '127.0.0.1', port: cluster.port, database: 'pmo_team', user: 'yamada', password: 'himitsu' });
    holdCopy(true);
    await team.copyAndConnect();

    const bar = page.getByTestId('job-progress');
    await bar.waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.innerText()).toContain('チームのデータベースにコピーしています');
    const value = async () => Number(await bar.locator('progress').getAttribute('value'));
    const first = await value();
    // Let it run a few chunks at a time (held again after each) until the bar shows it has moved on.
    let later = first;
    for (let i = 0; i < 100 && later <= first; i++) {
      holdCopy(false);
      await new Promise((r) => setTimeout(r, 30));
      holdCopy(true);
      // The page asks how the call is going every 300 ms.
      await new Promise((r) => setTimeout(r, 700));
      later = await value();
    }
    expect(later).toBeGreaterThan(first);
    expect(later).toBeLessThan(100);
    await page.screenshot({ path: screenshotPath('team-copy-progress.png') });

    await bar.getByTestId('job-cancel').click();
    await expect.poll(() => team.error().innerText(), { timeout: 60_000 }).toContain('中止しました。何も変更していません。');
    await expect.poll(() => bar.count()).toBe(0);
    holdCopy(false);
    await page.screenshot({ path: screenshotPath('team-copy-cancelled.png') });
    console.log(`copy bar seen at ${first}% then ${later}% before 中止`);

    const target = await rowsOnTarget();
    expect(Object.keys(target).length, 'the target was migrated before the copy').toBeGreaterThan(20);
    expect(Object.entries(target).filter(([, n]) => n > 0)).toEqual([]);
    // Still on this PC's file, its project there.
    expect(fs.existsSync(path.join(dir, TEAM_FILE))).toBe(false);
    expect(await page.getByTestId('team-current').innerText()).toBe('現在: この PC のファイル (SQLite) で作業しています。');
    expect(foreignRequests(opened.requests)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  }, 180_000);
});
