// While the day's backup of a big workspace file runs beside the app (core/db/file-work.ts), the top
// bar says so, in Japanese and in English (FileWorkNotice, through workspace.status), and the page
// answers meanwhile; once the backup is written the word goes. The test holds the backup before it
// starts (WorkspaceOptions.fileWorkHold) so that it can look; a 23 MB copy is otherwise done in a blink.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { growHistory } from '../helpers/big-file.js';
import { seedProject } from '../helpers/seed.js';
import { inProcessCaller, MIGRATIONS, ROOT, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { openPage, screenshotPath } from './browser.js';

let ws: Workspace;
let host: RunningHost;
let opened: Awaited<ReturnType<typeof openPage>>;
const hold = new Int32Array(new SharedArrayBuffer(4));

beforeAll(async () => {
  const dir = tempDir();
  const first = tempWorkspace(dir);
  await seedProject(inProcessCaller(first), 'A');
  first.close();
  // Past 16 MiB: the next start's backup (its first of the day: the one that created it made none) runs beside it.
  growHistory(dir);
  Atomics.store(hold, 0, 1);
  ws = openWorkspace(dir, { migrationsFolder: MIGRATIONS, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'tester' }, fileWorkHold: hold });
  host = await startHost(0, { handlers: ws.handlers, rendererDir: path.join(ROOT, 'dist/renderer') });
  opened = await openPage(host, 'ja-JP');
}, 120_000);

afterAll(async () => {
  Atomics.store(hold, 0, 0);
  await opened?.close();
  await host?.close();
  ws?.close();
});

describe("the day's backup of a big file, beside the app", () => {
  it('is shown in the top bar while it runs, in the UI language, and goes when it is done', async () => {
    const { page } = opened;
    const notice = page.getByTestId('file-work');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toBe('バックアップ作成中…');
    // The page answers meanwhile: the project list is there.
    await page.getByText('A', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await expect.poll(() => notice.innerText()).toBe('Backing up…');
    await page.screenshot({ path: screenshotPath('file-work-backup.png') });

    Atomics.store(hold, 0, 0);
    await notice.waitFor({ state: 'detached', timeout: 60_000 });
    const env = await ws.handlers.invoke('backup.list', {});
    expect(env.ok && (env.result as { reason: string }[]).map((b) => b.reason)).toEqual(['daily']);
    expect(opened.pageErrors).toEqual([]);
  }, 120_000);
});
