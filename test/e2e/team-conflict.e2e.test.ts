// Two administrators on one team database edit the same WBS cell at once (two web hosts, one PostgreSQL
// database of a throw-away cluster, two browser pages). The second edit began (its editor open) from the
// value the first has since changed: it is not written over it; the page shows the colleague's value and asks, naming
// who and both values; 自分の値で上書き then writes it. Both edits stay in the row's history: nothing lost.
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

describe.skipIf(PG_SKIP)('the same cell edited on two pages of one team database', () => {
  beforeAll(async () => {
    const database = await tempPgDatabase();
    for (const user of ['yamada', 'suzuki']) {
      const ws = openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } });
      workspaces.push(ws);
      hosts.push(await startHost(0, { handlers: ws.handlers, rendererDir: path.join(ROOT, 'dist/renderer') }));
    }
    const call = inProcessCaller(workspaces[0]!);
    const p = await call('project.create', { name: '共有案件' });
    await call('wbs.create', { projectId: p.id, values: { name: '要件定義' } });
    for (const host of hosts) opened.push(await openPage(host, 'ja-JP'));
  }, 180_000);

  afterAll(async () => {
    for (const o of opened) await o.browser.close();
    for (const h of hosts) await h.close();
    for (const w of workspaces) w.close();
  });

  it('shows both values and who, and writes the second only when its author chooses it', async () => {
    const [a, b] = opened.map((o) => new WbsScreen(o.page));
    for (const s of [a!, b!]) {
      await new ProjectsScreen(s.page).open('共有案件');
      await expect.poll(() => s.column('name')).toEqual(['要件定義']);
    }
    // suzuki begins typing in the cell while it shows 要件定義…
    await b!.cell(0, 'name').click();
    await b!.page.keyboard.press('Enter');
    await b!.editor().waitFor();
    await b!.page.keyboard.press('ControlOrMeta+a');
    await b!.page.keyboard.insertText('要件定義（鈴木）');
    // …yamada writes the same cell meanwhile…
    await a!.type(0, 'name', '要件定義（山田）');
    await expect.poll(() => a!.column('name')).toEqual(['要件定義（山田）']);
    // …and suzuki's Enter comes after it.
    await b!.page.keyboard.press('Enter');
    const dialog = b!.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('yamada さんが');
    const text = await dialog.innerText();
    expect(text).toMatch(/に「[^」]+」を先に変更しました/);
    expect(text).toContain('相手の値: 要件定義（山田）');
    expect(text).toContain('あなたの値: 要件定義（鈴木）');
    // Behind the question, the grid shows the colleague's value: nothing was written over it.
    await expect.poll(() => b!.column('name')).toEqual(['要件定義（山田）']);
    await b!.page.screenshot({ path: screenshotPath('team-conflict.png') });
    await dialog.getByRole('button', { name: '自分の値で上書き' }).click();
    await expect.poll(() => b!.column('name')).toEqual(['要件定義（鈴木）']);

    const call = inProcessCaller(workspaces[0]!);
    const [task] = await call('wbs.list', { projectId: (await call('project.list', {}))[0]!.id });
    expect(task!.name).toBe('要件定義（鈴木）');
    const history = await call('history.row', { entity: 'wbs_task', id: task!.id });
    expect(history.filter((h) => h.batchLabel === 'wbs.update').map((h) => [h.who, h.changes.find((c) => c.field === 'name')?.after])).toEqual([
      ['suzuki', '要件定義（鈴木）'],
      ['yamada', '要件定義（山田）'],
    ]);
    for (const o of opened) {
      expect(foreignRequests(o.requests)).toEqual([]);
      expect(o.pageErrors).toEqual([]);
    }
  }, 120_000);
});
