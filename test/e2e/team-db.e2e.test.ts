// Team mode in the browser: two web hosts, each on its own data folder, both on one PostgreSQL database
// of a throw-away cluster (as two administrators' PMO Desks on the office server). Each page shows which
// database it works on; a project one creates through its page is on the other's portfolio once it
// reloads; a cell one edits shows on the other's open grid within a second, naming who (api/live.ts: the
// server announces each batch, LISTEN/NOTIFY), and on another window of the same user too.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { inProcessCaller, MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, WbsScreen } from './pages.js';

const opened: Awaited<ReturnType<typeof openPage>>[] = [];
const hosts: RunningHost[] = [];
const workspaces: Workspace[] = [];

describe.skipIf(PG_SKIP)('two web hosts on one team database', () => {
  beforeAll(async () => {
    const database = await tempPgDatabase();
    for (const user of ['yamada', 'suzuki']) {
      const ws = openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } });
      workspaces.push(ws);
      const host = await startHost(0, { handlers: ws.handlers, rendererDir: path.join(ROOT, 'dist/renderer') });
      hosts.push(host);
      opened.push(await openPage(host, 'ja-JP'));
    }
  }, 180_000);

  afterAll(async () => {
    for (const o of opened) await o.close();
    for (const h of hosts) await h.close();
    for (const w of workspaces) w.close();
  });

  it('shows the database on both pages, and one page sees the project the other created', async () => {
    const [a, b] = opened.map((o) => o.page);
    for (const page of [a!, b!]) await expect.poll(() => page.getByTestId('team-database').innerText()).toMatch(/^チーム: pmo_\d+_\d+@127\.0\.0\.1$/);
    await new ProjectsScreen(a!).create('共有プロジェクト');
    await b!.reload();
    await new ProjectsScreen(b!).row('共有プロジェクト').waitFor();
    expect(await new ProjectsScreen(b!).names()).toEqual(['共有プロジェクト']);
    await b!.screenshot({ path: screenshotPath('team-db.png') });
    for (const o of opened) {
      expect(foreignRequests(o.requests)).toEqual([]);
      expect(o.pageErrors).toEqual([]);
    }
  }, 120_000);

  it('an edit on one page shows on the other\'s open grid within a second, naming who', async () => {
    const [a, b] = opened.map((o) => new WbsScreen(o.page));
    const call = inProcessCaller(workspaces[1]!);
    const p = (await call('project.list', {})).find((x) => x.name === '共有プロジェクト')!;
    await call('wbs.create', { projectId: p.id, values: { name: '要件定義' } });
    for (const [i, s] of [a!, b!].entries()) {
      await s.page.goto(hosts[i]!.url);
      await new ProjectsScreen(s.page).open('共有プロジェクト');
      await expect.poll(() => s.column('name')).toEqual(['要件定義']);
    }
    await a!.type(0, 'name', '要件定義（確定）');
    await expect.poll(() => a!.column('name')).toEqual(['要件定義（確定）']);
    // Written (yamada's page shows what the write answered): suzuki's grid follows within 1 s.
    await expect.poll(() => b!.column('name'), { timeout: 1000, interval: 50 }).toEqual(['要件定義（確定）']);
    expect(await b!.page.getByTestId('live-notice').innerText()).toMatch(/^yamada（ロール pmo_test） さんが更新 \(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}\)$/);
    await b!.page.screenshot({ path: screenshotPath('team-live.png') });
    for (const o of opened) expect(o.pageErrors).toEqual([]);
  }, 120_000);

  it('another window of the same user is refreshed too (within a second), without naming anyone', async () => {
    const a = new WbsScreen(opened[0]!.page);
    // yamada's second window on the same host: the same OS user, another page.
    const second = await openPage(hosts[0]!, 'ja-JP');
    opened.push(second);
    const c = new WbsScreen(second.page);
    await new ProjectsScreen(c.page).open('共有プロジェクト');
    await expect.poll(() => c.column('name')).toEqual(['要件定義（確定）']);
    await a.type(0, 'name', '要件定義（最終）');
    await expect.poll(() => a.column('name')).toEqual(['要件定義（最終）']);
    await expect.poll(() => c.column('name'), { timeout: 1000, interval: 50 }).toEqual(['要件定義（最終）']);
    expect(await c.page.getByTestId('live-notice').count()).toBe(0);
    // The window that wrote it is not named as a colleague either (its notice, if any, is suzuki's earlier one).
    const notice = a.page.getByTestId('live-notice');
    if ((await notice.count()) > 0) expect(await notice.innerText()).not.toContain('yamada');
    expect(second.pageErrors).toEqual([]);
  }, 120_000);
});
