// Two administrators on one team database edit the same WBS cell at once (two web hosts, one PostgreSQL
// database of a throw-away cluster, two browser pages). The second edit began (its editor open) from the
// value the first has since changed: it is not written over it; the page shows the colleague's value and asks, naming
// who and both values; 自分の値で上書き then writes it. Both edits stay in the row's history: nothing lost.
// A paste from old values is refused for the cells the colleague changed, and 相手の値を残す writes the rest.
// One's own cell edited twice before the first answer is no conflict.
//
// Answers of chosen methods can be held at a host (a slow network, for the length of a step): the live
// refresh (history.since) to keep a page on what it showed, an edit's answer to edit again before it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import type { Handlers } from '../../electron/core/envelope.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { inProcessCaller, MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import { ProjectsScreen, WbsScreen, pasteText } from './pages.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const opened: Awaited<ReturnType<typeof openPage>>[] = [];
const hosts: RunningHost[] = [];
const workspaces: Workspace[] = [];

/** A host's handlers whose answers to the methods held wait until released (the calls themselves run). */
class Holding implements Handlers {
  private held = new Map<string, { waiting: number; release: () => void; gate: Promise<void> }>();
  constructor(private readonly inner: Handlers) {}
  hold(method: string): void {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    this.held.set(method, { waiting: 0, release, gate });
  }
  /** How many answers of `method` wait. */
  waiting(method: string): number {
    return this.held.get(method)?.waiting ?? 0;
  }
  release(method: string): void {
    this.held.get(method)?.release();
    this.held.delete(method);
  }
  async invoke(method: string, args: unknown, caller?: Parameters<Handlers['invoke']>[2]) {
    const answer = await this.inner.invoke(method, args, caller);
    const h = this.held.get(method);
    if (h) {
      h.waiting++;
      await h.gate;
    }
    return answer;
  }
}
const holding: Holding[] = [];

describe.skipIf(PG_SKIP)('the same cell edited on two pages of one team database', () => {
  beforeAll(async () => {
    const database = await tempPgDatabase();
    for (const user of ['yamada', 'suzuki']) {
      const ws = openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } });
      workspaces.push(ws);
      const handlers = new Holding(ws.handlers);
      holding.push(handlers);
      hosts.push(await startHost(0, { handlers, rendererDir: path.join(ROOT, 'dist/renderer') }));
    }
    const call = inProcessCaller(workspaces[0]!);
    const p = await call('project.create', { name: '共有案件' });
    await call('wbs.create', { projectId: p.id, values: { name: '要件定義' } });
    const q = await call('project.create', { name: '貼り付け案件' });
    for (const name of ['基本設計', '詳細設計', '実装']) await call('wbs.create', { projectId: q.id, values: { name, assignee: '' } });
    for (const host of hosts) opened.push(await openPage(host, 'ja-JP'));
  }, 180_000);

  afterAll(async () => {
    for (const h of holding) for (const m of ['history.since', 'wbs.update']) h.release(m);
    for (const o of opened) await o.close();
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
    const [task] = await call('wbs.rows', { projectId: (await call('project.list', {}))[0]!.id }).then(tasksOfTable);
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

  it('refuses a paste over a colleague\'s change for that cell only; 相手の値を残す writes the rest of it', async () => {
    const b = new WbsScreen(opened[1]!.page);
    await b.page.getByRole('button', { name: '← プロジェクト一覧' }).click();
    await new ProjectsScreen(b.page).open('貼り付け案件');
    await expect.poll(() => b.column('assignee')).toEqual(['', '', '']);
    // suzuki's page does not hear of yamada's change before the paste (its live refresh held).
    holding[1]!.hold('history.since');
    const call = inProcessCaller(workspaces[0]!);
    const projectId = (await call('project.list', {})).find((p) => p.name === '貼り付け案件')!.id;
    const ids = (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.id);
    await call('wbs.update', { id: ids[1]!, patch: { assignee: '山田' } });
    await b.cell(0, 'assignee').click();
    await pasteText(b.page, '鈴木\r\n佐藤\r\n田中\r\n');
    const dialog = b.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('yamada さんが');
    expect(await dialog.innerText()).toContain('相手の値: 山田');
    expect(await dialog.innerText()).toContain('あなたの値: 佐藤');
    // Nothing of the paste was written; the grid shows the colleague's value.
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.assignee)).toEqual(['', '山田', '']);
    await expect.poll(() => b.column('assignee')).toEqual(['', '山田', '']);
    await b.page.screenshot({ path: screenshotPath('team-conflict-paste.png') });
    await dialog.getByRole('button', { name: '相手の値を残す' }).click();
    await expect.poll(async () => (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.assignee)).toEqual(['鈴木', '山田', '田中']);
    await expect.poll(() => b.column('assignee')).toEqual(['鈴木', '山田', '田中']);
    holding[1]!.release('history.since');
  }, 120_000);

  it('two edits of one cell before the first answer are no conflict against oneself', async () => {
    const b = new WbsScreen(opened[1]!.page);
    await expect.poll(() => b.column('assignee')).toEqual(['鈴木', '山田', '田中']);
    holding[1]!.hold('wbs.update');
    await b.type(2, 'assignee', '田中一郎');
    await expect.poll(() => holding[1]!.waiting('wbs.update')).toBe(1);
    // The cell still shows 田中 (the grid writes through the core): the second edit begins from it.
    await b.type(2, 'assignee', '田中二郎');
    await expect.poll(() => holding[1]!.waiting('wbs.update')).toBe(2);
    holding[1]!.release('wbs.update');
    await expect.poll(() => b.column('assignee')).toEqual(['鈴木', '山田', '田中二郎']);
    expect(await b.page.getByRole('dialog').isVisible()).toBe(false);
    const call = inProcessCaller(workspaces[0]!);
    const projectId = (await call('project.list', {})).find((p) => p.name === '貼り付け案件')!.id;
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable))[2]!;
    expect(task.assignee).toBe('田中二郎');
    const history = await call('history.row', { entity: 'wbs_task', id: task.id });
    expect(history.filter((h) => h.batchLabel === 'wbs.update').map((h) => [h.who, h.changes.find((c) => c.field === 'assignee')?.after])).toEqual([
      ['suzuki', '田中二郎'],
      ['suzuki', '田中一郎'],
    ]);
    for (const o of opened) expect(o.pageErrors).toEqual([]);
  }, 120_000);
});
