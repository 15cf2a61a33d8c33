// The working calendar in Chromium (issue 13): the dialog shows the project's calendar (年末年始 by
// default), a company day off typed into it moves the automatic task over it in the same undo step,
// and an MS Project plan that works 海の日 imports with its dates kept, the preview saying so beforehand
// and the notice after naming the day, which the dialog then lists as a working day
// (core/services/schedule-file-dates.ts).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
let mspProject = 0;
const call = async (method: string, args: unknown) => {
  const env = await s.ws.handlers.invoke(method, args);
  if (!env.ok) throw new Error(env.error.message);
  return env.result as { id: number };
};
beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
  const projectId = (await call('project.create', { name: '暦案件' })).id;
  const a = await call('wbs.create', { projectId, values: { name: '設計', plannedStart: '2025-04-01', plannedFinish: '2025-04-03' } });
  const b = await call('wbs.create', { projectId, values: { name: '製造', scheduling: 'auto', duration: 2 } });
  await call('dependency.create', { projectId, predecessorId: a.id, successorId: b.id });
  mspProject = (await call('project.create', { name: 'MSP案件' })).id;
  await s.page.reload();
});
afterAll(async () => {
  await s?.close();
});

const task = (name: string) =>
  s.ws.db.sqlite.prepare('SELECT planned_start AS start, planned_finish AS finish FROM wbs_tasks WHERE name = ?').get(name) as { start: string; finish: string };

const dialog = () => s.page.getByTestId('calendar-dialog');

describe('the working calendar', () => {
  it('a company day off typed into the dialog moves the automatic task over it; undo moves it back', async () => {
    await new ProjectsScreen(s.page).open('暦案件');
    expect(task('製造')).toEqual({ start: '2025-04-04', finish: '2025-04-07' });
    await s.page.getByTestId('calendar-button').click();
    await expect.poll(() => dialog().getByTestId('calendar-days-off').inputValue()).toBe('12/29〜01/03 年末年始');
    expect(await dialog().getByTestId('calendar-weekday-1').isChecked()).toBe(true);
    expect(await dialog().getByTestId('calendar-weekday-6').isChecked()).toBe(false);
    expect(await dialog().getByTestId('calendar-holidays').isChecked()).toBe(true);
    // A line that is no date is named, and nothing is saved.
    await dialog().getByTestId('calendar-days-off').fill('12/29〜01/03 年末年始\n4月7日');
    await dialog().getByTestId('calendar-save').click();
    await expect.poll(() => dialog().getByRole('alert').innerText()).toContain('2 行目「4月7日」');
    await dialog().getByTestId('calendar-days-off').fill('12/29〜01/03 年末年始\n2025/04/07 創立記念日');
    await dialog().getByTestId('calendar-save').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => task('製造')).toEqual({ start: '2025-04-04', finish: '2025-04-08' });
    // The grid shows it without a reload.
    const wbs = new WbsScreen(s.page);
    await expect.poll(() => wbs.column('plannedFinish')).toEqual(['2025/04/03', '2025/04/08']);
    await s.page.getByRole('button', { name: /元に戻す|Undo/ }).first().click();
    await expect.poll(() => task('製造')).toEqual({ start: '2025-04-04', finish: '2025-04-07' });
    await expect.poll(() => wbs.column('plannedFinish')).toEqual(['2025/04/03', '2025/04/07']);
  });

  it('an MS Project plan that works 海の日 keeps its dates on import; the notice and the dialog say so', async () => {
    await s.page.goto(`${s.host.url}&project=${mspProject}`);
    await s.page.getByTestId('wbs-grid').waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tasks');
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    ws.addRow(['ID', 'Task Mode', 'Task Name', 'Duration', 'Start', 'Finish', 'Predecessors']);
    ws.addRow([1, 'Auto Scheduled', 'Cut-over', '3d', d('2025-07-15'), d('2025-07-17'), null]);
    ws.addRow([2, 'Auto Scheduled', 'Hypercare', '7d', d('2025-07-22'), d('2025-07-30'), '1FS+2 days']);
    ws.addRow([3, 'Auto Scheduled', 'Stabilise', '3d', d('2025-07-18'), d('2025-07-22'), '1']);
    const imp = new ImportDialogScreen(s.page);
    await imp.open();
    await imp.choose('plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await imp.next();
    // Said before anything is written.
    expect(await imp.dialog.getByTestId('import-file-dates').innerText()).toBe('取り込むと、ファイルの日付が稼働日として数えている 2025/07/21 (海の日) を、プロジェクトのカレンダーの稼働日にします');
    await imp.apply();
    await expect.poll(() => s.page.locator('.notice').innerText()).toContain('2025/07/21 (海の日) を、プロジェクトのカレンダーの稼働日にしました');
    expect(task('Hypercare')).toEqual({ start: '2025-07-22', finish: '2025-07-30' });
    expect(task('Stabilise')).toEqual({ start: '2025-07-18', finish: '2025-07-22' });
    await s.page.getByTestId('calendar-button').click();
    await expect.poll(() => dialog().getByTestId('calendar-working-days').inputValue()).toBe('2025/07/21 海の日');
    await s.page.screenshot({ path: screenshotPath('calendar-dialog.png') });
    await dialog().getByRole('button', { name: 'キャンセル' }).click();
    await dialog().waitFor({ state: 'detached' });
  });
});
