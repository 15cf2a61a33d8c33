// The page stays responsive during a long export: the web host runs the workspace in its own thread
// (as `npm run host` does), the project holds 20,000 WBS tasks, and Excel出力 runs. While it
// runs, the export dialog shows a progress bar, and another call from the page is answered at once;
// the file then downloads. A second export is cancelled from the bar (中止): the dialog says nothing
// was changed, and no file comes. An export of 20,000 rows can end within the bar's first second on a
// quiet machine, so the test holds it at its next breath (CallScope.hold) while it looks, then lets it go.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server.js';
import type { WorkspaceThread } from '../../electron/core/workspace-thread.js';
import { bigWorkspace, tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { ROOT } from '../helpers/workspace.js';
import { foreignRequests, openPage, screenshotPath } from './browser.js';
import type { Page } from 'playwright-core';
import { ExportDialogScreen, ProjectsScreen, WbsScreen } from './pages.js';

let thread: WorkspaceThread;
let host: RunningHost;
let opened: Awaited<ReturnType<typeof openPage>>;
const hold = new Int32Array(new SharedArrayBuffer(4));
const holdExports = (on: boolean) => Atomics.store(hold, 0, on ? 1 : 0);

beforeAll(async () => {
  const { dir } = await bigWorkspace(2);
  thread = await tempWorkspaceThread(dir, 'tester', { hold });
  host = await startHost(0, { handlers: thread.handlers, rendererDir: path.join(ROOT, 'dist/renderer') });
  opened = await openPage(host, 'ja-JP');
}, 180_000);

afterAll(async () => {
  holdExports(false);
  await opened?.close();
  await host?.close();
  await thread?.close();
});

/** Excel出力, once its choices have loaded (the page model's one-second wait is short for 20,000 rows on a busy machine). */
async function openExport(page: Page): Promise<ExportDialogScreen> {
  const dialog = new ExportDialogScreen(page);
  await page.getByRole('button', { name: /^(Excel出力|Export to Excel)$/ }).click();
  await expect.poll(() => dialog.dialog.getByTestId('export-status').innerText(), { timeout: 60_000 }).toBe('');
  return dialog;
}

/** A call the page makes on its own (another client id), timed in the page. */
function smallCall() {
  return opened.page.evaluate(async () => {
    const t0 = performance.now();
    const res = await fetch('/api/project.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PMO-Token': sessionStorage.getItem('pmo.token') ?? '', 'X-PMO-Client': 'second-call' },
      body: '{}',
    });
    const env = (await res.json()) as { ok: boolean; result: { name: string }[] };
    return { ms: performance.now() - t0, names: env.result.map((p) => p.name) };
  });
}

describe('a long export in the workspace thread', () => {
  it('shows its progress, answers another call meanwhile, and downloads', async () => {
    const { page } = opened;
    await new ProjectsScreen(page).open('big');
    // The 20,000 rows are on the screen before the export starts.
    await new WbsScreen(page).cell(0, 'name').waitFor({ timeout: 60_000 });
    const dialog = await openExport(page);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    holdExports(true);
    await dialog.dialog.getByTestId('export-run').click();

    const bar = dialog.dialog.getByTestId('job-progress');
    await bar.waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.innerText()).toMatch(/Excel に出力しています…/);
    // The page's own bar is hidden under the modal dialog: the dialog carries it.
    expect(await page.getByTestId('job-progress').count()).toBe(1);

    const answered = await smallCall();
    expect(answered.names).toEqual(['big']);
    // Still exporting when the answer came: it did not wait for the export.
    expect(await bar.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('workspace-thread-export-progress.png') });
    holdExports(false);

    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await dialog.dialog.waitFor({ state: 'detached' });
    console.log(`a small call during the export answered in ${answered.ms.toFixed(0)} ms`);
  }, 180_000);

  it('is cancelled from the bar: the dialog says nothing was changed and no file comes', async () => {
    const { page } = opened;
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const dialog = await openExport(page);
    holdExports(true);
    await dialog.dialog.getByTestId('export-run').click();
    const cancel = dialog.dialog.getByTestId('job-cancel');
    await cancel.waitFor({ timeout: 60_000 });
    await cancel.click();
    await expect.poll(() => dialog.error().innerText(), { timeout: 60_000 }).toContain('中止しました。何も変更していません。');
    await expect.poll(() => dialog.dialog.getByTestId('job-progress').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('workspace-thread-export-cancelled.png') });
    expect(downloads).toEqual([]);
    await dialog.cancel();
    expect(foreignRequests(opened.requests)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  }, 180_000);
});
