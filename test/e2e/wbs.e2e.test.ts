// A user's first session, end to end in Chromium against the web host: projects, a WBS with three
// tasks, cell edits, a reload, the language switch — and not one request leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

const dbTasks = () =>
  s.ws.db.sqlite.prepare('SELECT name, assignee, planned_start, planned_finish, progress, status FROM wbs_tasks ORDER BY id').all();

describe('PMO Desk in Chromium', () => {
  it('creates and renames a project, in Japanese for a Japanese OS', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.create('削除する案件');
    await projects.rename('基幹システム刷新', '基幹システム刷新 第2期');
    expect((await projects.names()).sort()).toEqual(['削除する案件', '基幹システム刷新 第2期'].sort());
  });

  it('deletes a project only after confirmation, and 元に戻す or Ctrl+Z on the home brings it back with its rows', async () => {
    const projects = new ProjectsScreen(s.page);
    const call = inProcessCaller(s.ws);
    const gone = (await call('project.list', {})).find((p) => p.name === '削除する案件')!;
    await call('wbs.create', { projectId: gone.id, values: { name: '現行調査' } });
    await call('issue.create', { projectId: gone.id, values: { title: '移行方式の決定' } });
    const rows = () => s.ws.db.sqlite.prepare('SELECT (SELECT count(*) FROM wbs_tasks WHERE project_id = ?) AS tasks, (SELECT count(*) FROM issues WHERE project_id = ?) AS issues').get(gone.id, gone.id);

    await projects.row('削除する案件').getByRole('button', { name: '削除' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('「削除する案件」を WBS と全ての管理表ごと削除しますか？（元に戻すで戻せます）').waitFor();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    expect(await projects.names()).toContain('削除する案件');

    await projects.delete('削除する案件');
    expect(await s.page.getByTestId('project-deleted').innerText()).toBe('「削除する案件」を削除しました。');
    await s.page.screenshot({ path: screenshotPath('project-deleted.png') });
    expect(rows()).toEqual({ tasks: 0, issues: 0 });
    await projects.undoDelete().click();
    await projects.row('削除する案件').waitFor();
    expect(rows()).toEqual({ tasks: 1, issues: 1 });
    expect(await s.page.getByTestId('project-deleted').count()).toBe(0);

    await projects.delete('削除する案件');
    await s.page.keyboard.press('Control+z');
    await projects.row('削除する案件').waitFor();
    expect(rows()).toEqual({ tasks: 1, issues: 1 });

    await projects.delete('削除する案件');
    await expect.poll(() => projects.names()).toEqual(['基幹システム刷新 第2期']);
  });

  it('adds three tasks and a subtask, edits cells, and keeps them across a reload', async () => {
    await new ProjectsScreen(s.page).open('基幹システム刷新 第2期');
    const wbs = new WbsScreen(s.page);
    await wbs.addTask('要件定義');
    await wbs.addTask('基本設計');
    await wbs.addTask('製造');
    await wbs.select(0);
    await wbs.addTask('業務フロー作成', { child: true });
    expect(await wbs.column('code')).toEqual(['1', '1.1', '2', '3']);

    await wbs.type(0, 'assignee', '山田');
    // Dates go on the subtask; its summary row rolls them up (they are not typed there).
    await wbs.type(1, 'plannedStart', '2025/4/1');
    await wbs.type(1, 'plannedFinish', '２０２５／４／３０'); // full-width, as an IME types it
    await wbs.type(2, 'progress', '50');
    await wbs.cell(2, 'status').click();
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('option', { name: '対応中' }).click();
    await expect.poll(() => wbs.cell(2, 'status').innerText()).toBe('対応中');
    await expect.poll(() => wbs.cell(0, 'plannedFinish').innerText()).toBe('2025/04/30');
    expect(await wbs.cell(0, 'plannedStart').getAttribute('class')).toContain('wbs-rolled');
    await wbs.cell(0, 'plannedStart').click();
    await s.page.keyboard.press('Enter');
    expect(await wbs.editor().count()).toBe(0); // a rolled-up cell does not open for typing

    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    expect(await wbs.column('code')).toEqual(['1', '1.1', '2', '3']);
    expect(await wbs.column('name')).toEqual(['要件定義', '業務フロー作成', '基本設計', '製造']);
    expect(await wbs.column('assignee')).toEqual(['山田', '', '', '']);
    expect(await wbs.column('plannedStart')).toEqual(['2025/04/01', '2025/04/01', '', '']);
    expect(await wbs.column('progress')).toEqual(['0', '0', '50', '0']);
    expect(await wbs.column('status')).toEqual(['未着手', '未着手', '対応中', '未着手']);
    expect(dbTasks()[0]).toMatchObject({ name: '要件定義', assignee: '山田', planned_start: '2025-04-01', planned_finish: '2025-04-30' });
    expect(dbTasks()[3]).toMatchObject({ name: '業務フロー作成', planned_start: '2025-04-01', planned_finish: '2025-04-30' });
    await s.page.screenshot({ path: screenshotPath('wbs-ja.png') });
  });

  it('refuses a date that does not exist, says why, and stores nothing', async () => {
    const wbs = new WbsScreen(s.page);
    const before = JSON.stringify(dbTasks());
    await wbs.type(3, 'plannedStart', '2025/13/40');
    await s.page.getByRole('alert').getByText('2025/13/40 は日付ではありません').waitFor();
    expect(JSON.stringify(dbTasks())).toBe(before);
    expect(await wbs.cell(3, 'plannedStart').innerText()).toBe('');
  });

  it('schedules a task from its duration once it is 自動 (as MS Project’s Duration and Task Mode columns)', async () => {
    const wbs = new WbsScreen(s.page);
    await wbs.type(2, 'plannedStart', '2025/4/7');
    // The two columns sit beside 先行タスク, right of the view: reached from the keyboard (End, then ←).
    await wbs.cell(2, 'plannedStart').click();
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    expect(await wbs.cell(2, 'scheduling').innerText()).toBe('手動');
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('option', { name: '自動', exact: true }).click();
    await expect.poll(() => wbs.cell(2, 'scheduling').innerText()).toBe('自動');
    await wbs.type(2, 'duration', '5');
    // Monday the 7th and 5 working days: Friday the 11th.
    const finish = () => (dbTasks()[1] as { planned_finish: string }).planned_finish;
    await expect.poll(finish).toBe('2025-04-11');
    await wbs.type(2, 'duration', '７'); // full-width, as an IME types it; the weekend is skipped
    await expect.poll(finish).toBe('2025-04-15');
    await s.page.getByRole('button', { name: '元に戻す' }).first().click();
    await expect.poll(finish).toBe('2025-04-11');
    expect(dbTasks()[1]).toMatchObject({ name: '基本設計', planned_start: '2025-04-07' });
  });

  it('deletes a task', async () => {
    const wbs = new WbsScreen(s.page);
    await wbs.select(3);
    await s.page.getByRole('button', { name: 'タスク削除' }).click();
    await expect.poll(() => wbs.column('name')).toEqual(['要件定義', '業務フロー作成', '基本設計']);
    expect(dbTasks()).toHaveLength(3);
  });

  it('switches to English and remembers the choice', async () => {
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await s.page.getByRole('button', { name: 'Add task', exact: true }).waitFor();
    await s.page.reload();
    await s.page.getByRole('columnheader', { name: 'Planned start' }).waitFor();
    const wbs = new WbsScreen(s.page);
    expect(await wbs.column('status')).toEqual(['Not started', 'Not started', 'In progress']);
    await s.page.screenshot({ path: screenshotPath('wbs-en.png') });
  });

  it('made no request that left 127.0.0.1', () => {
    expect(s.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
