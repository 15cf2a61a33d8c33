// Team mode in the browser: two web hosts, each on its own data folder, both on one PostgreSQL database
// of a throw-away cluster (as two administrators' PMO Desks on the office server). Each page shows which
// database it works on; a project one creates through its page is on the other's portfolio once it
// reloads (the live refresh within 1 s, LISTEN/NOTIFY, is not built yet).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen } from './pages.js';

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
    for (const o of opened) await o.browser.close();
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
});
