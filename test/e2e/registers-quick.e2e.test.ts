// The registers as a PMO works them each morning: quick filters (open, overdue, mine) with counts, the
// heat map counting open risks only, toolbars on one line at 1400 px, the project list's 更新日時
// following register edits, the web host in the browser's language, and WBS status from the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, screenshotPath, type Session } from './browser.js';
import { HeatMapPanel, ProjectsScreen, RegisterScreen, WbsScreen, openTab } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';

let s: Session;
let projectId: number;

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = inProcessCaller(s.ws);
  const p = await call('project.create', { name: '基幹刷新' });
  projectId = p.id;
  await call('issue.applyCells', {
    projectId,
    updates: [],
    creates: [
      { values: { title: '仕様の確認', owner: '山田 太郎', due: '2020-01-10', status: 'not_started' } },
      { values: { title: '帳票の確認', owner: '佐藤', due: '2099-01-10', status: 'not_started' } },
      { values: { title: '環境の準備', owner: '山田太郎', due: '2020-01-10', status: 'done' } },
    ],
  });
  await call('risk.applyCells', {
    projectId,
    updates: [],
    creates: [
      { values: { title: '要員不足', probability: 4, impact: 5, status: 'open' } },
      { values: { title: '納期遅延', probability: 4, impact: 5, status: 'closed' } },
    ],
  });
  await s.page.goto(`${s.host.url}&project=${projectId}&view=issues`);
  await new RegisterScreen(s.page, 'issue').grid.locator('.ag-row').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

describe('quick filters', () => {
  it('shows open, overdue and my rows with their counts, and remembers them', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    const bar = s.page.getByRole('group', { name: '絞り込み' });
    await expect.poll(() => bar.innerText()).toMatch(/未完了\s*2.*期限超過\s*1.*自分の担当/s);
    await bar.getByRole('button', { name: /^未完了/ }).click();
    await expect.poll(() => issues.column('title')).toEqual(['仕様の確認', '帳票の確認']);
    await bar.getByRole('button', { name: /^期限超過/ }).click();
    await expect.poll(() => issues.column('title')).toEqual(['仕様の確認']);
    await bar.getByRole('button', { name: /^期限超過/ }).click();
    await bar.getByRole('button', { name: /^未完了/ }).click();
    // Mine: the name is asked once; 山田 太郎 and 山田太郎 are the same person.
    await bar.getByRole('button', { name: /^自分の担当/ }).click();
    await s.page.getByRole('textbox', { name: /あなたの名前/ }).fill('山田太郎');
    await s.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => issues.column('title')).toEqual(['仕様の確認', '環境の準備']);
    await expect.poll(() => bar.innerText()).toMatch(/自分の担当\s*2/);
    await s.page.screenshot({ path: screenshotPath('quick-filters-ja.png') });
    await s.page.reload();
    await issues.grid.locator('.ag-row').first().waitFor();
    await expect.poll(() => issues.column('title')).toEqual(['仕様の確認', '環境の準備']);
    await s.page.getByRole('group', { name: '絞り込み' }).getByRole('button', { name: /^自分の担当/ }).click();
    await expect.poll(() => issues.column('title')).toHaveLength(3);
  });

  it('are on the risk and change registers too; the change log, which has no due date, offers no 期限超過', async () => {
    const call = inProcessCaller(s.ws);
    await call('risk.applyCells', { projectId, updates: [], creates: [{ values: { title: '移行遅延', owner: '山田 太郎', due: '2020-01-10', status: 'open' } }] });
    await call('change.applyCells', {
      projectId,
      updates: [],
      creates: [
        { values: { title: '帳票追加', requestedBy: '山田太郎', implStatus: 'in_progress' } },
        { values: { title: '項目変更', requestedBy: '佐藤', implStatus: 'done' } },
      ],
    });
    await openTab(s.page, 'リスク管理表');
    const risks = new RegisterScreen(s.page, 'risk');
    await expect.poll(() => risks.rowCount()).toBe(3);
    const bar = s.page.getByRole('group', { name: '絞り込み' });
    await expect.poll(() => bar.innerText()).toMatch(/未完了\s*2.*期限超過\s*1.*自分の担当\s*1/s);
    await bar.getByRole('button', { name: /^期限超過/ }).click();
    await expect.poll(() => risks.column('title')).toEqual(['移行遅延']);
    await bar.getByRole('button', { name: /^期限超過/ }).click();
    await openTab(s.page, '変更管理表');
    const changes = new RegisterScreen(s.page, 'change');
    await expect.poll(() => changes.rowCount()).toBe(2);
    await expect.poll(() => bar.innerText()).toMatch(/未完了\s*1.*自分の担当\s*1/s);
    expect(await bar.getByRole('button', { name: /^期限超過/ }).count()).toBe(0);
    // Mine is the requester here.
    await bar.getByRole('button', { name: /^自分の担当/ }).click();
    await expect.poll(() => changes.column('title')).toEqual(['帳票追加']);
    await s.page.screenshot({ path: screenshotPath('quick-filters-changes-ja.png') });
    await bar.getByRole('button', { name: /^自分の担当/ }).click();
  });

  it('keeps every toolbar on one line at 1400 px', async () => {
    for (const tab of ['WBS', 'リスク管理表', '課題管理表', '変更管理表']) {
      await openTab(s.page, tab);
      const toolbar = s.page.locator('.toolbar').first();
      await toolbar.waitFor();
      // One line: no item starts below the top of the lowest-starting one plus a line's height.
      const tops = await toolbar.evaluate((el) => [...el.children].map((c) => (c as HTMLElement).getBoundingClientRect().top));
      expect(Math.max(...tops) - Math.min(...tops), tab).toBeLessThan(20);
    }
  });
});

describe('wrapped text', () => {
  it('wraps a column chosen in 表示する列, the rows growing to fit, and remembers it', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.locator('.ag-row').first().waitFor();
    const call = inProcessCaller(s.ws);
    const [first] = await call('issue.list', { projectId });
    await call('issue.update', { id: first!.id, patch: { detail: '画面遷移の仕様が未確定のため、結合試験の開始判定ができない。顧客の回答期限は来週金曜日。' } });
    await s.page.reload();
    await issues.grid.locator('.ag-row').first().waitFor();
    const height = () => issues.grid.locator('.ag-row[row-index="0"]').last().evaluate((r) => r.getBoundingClientRect().height);
    const one = await height();
    await s.page.getByText('表示する列').click();
    await s.page.getByRole('checkbox', { name: '「詳細」を折り返して表示' }).check();
    await expect.poll(height).toBeGreaterThan(one * 2);
    // Reloaded at once: the choice is written when made, not after a pause a quick reload beats.
    await s.page.reload();
    await issues.grid.locator('.ag-row').first().waitFor();
    await expect.poll(height).toBeGreaterThan(one * 2);
    await s.page.screenshot({ path: screenshotPath('issues-wrapped-detail.png') });
  });
});

describe('risks', () => {
  it('counts open risks only on the heat map', async () => {
    await openTab(s.page, 'リスク管理表');
    await new RegisterScreen(s.page, 'risk').grid.locator('.ag-row').first().waitFor();
    await expect.poll(() => new HeatMapPanel(s.page).counts()).toEqual({ '4-5': 1 });
  });
});

describe('WBS status from the data', () => {
  it('turns a task typed to 100 % into 完了 without a late mark, and rolls 対応中 up to its summary', async () => {
    const call = inProcessCaller(s.ws);
    const parent = await call('wbs.create', { projectId, values: { name: '設計' } });
    await call('wbs.create', { projectId, parentId: parent.id, values: { name: '画面設計', plannedFinish: '2020-02-01' } });
    await call('wbs.create', { projectId, parentId: parent.id, values: { name: '帳票設計', plannedFinish: '2020-02-01' } });
    await openTab(s.page, 'WBS');
    const wbs = new WbsScreen(s.page);
    await wbs.grid.locator('.ag-row').nth(2).waitFor();
    await wbs.type(1, 'progress', '100');
    await expect.poll(() => wbs.column('status')).toEqual(['対応中', '完了', '未着手']);
    expect(await wbs.cell(1, 'plannedFinish').getAttribute('class')).not.toContain('wbs-late');
    expect(await wbs.cell(2, 'plannedFinish').getAttribute('class')).toContain('wbs-late');
    // Type-ahead in the status cell: 完了 typed picks 完了.
    await wbs.cell(2, 'status').click();
    await s.page.keyboard.press('Enter');
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('完了');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => wbs.column('status')).toEqual(['完了', '完了', '完了']);
    await s.page.screenshot({ path: screenshotPath('wbs-status-derived.png') });
  });
});

describe('the project list', () => {
  it('shows 更新日時 of the last edit in any register', async () => {
    await s.page.goto(s.host.url);
    const list = new ProjectsScreen(s.page);
    await list.row('基幹刷新').waitFor();
    const before = (await list.row('基幹刷新').getByTestId('updated').innerText()).replace(/^更新日時\s*/, '');
    const lastBatch = s.ws.db.sqlite.prepare('SELECT max(at) FROM batches WHERE project_id = ?').pluck().get(projectId) as string;
    const d = new Date(lastBatch);
    const p = (n: number) => String(n).padStart(2, '0');
    expect(before).toBe(`${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`);
  });
});

describe('the web host’s language', () => {
  it('opens in the browser’s language, not the serving machine’s, until the user chooses', async () => {
    const en = await openSession({ osLocale: 'ja-JP', browserLocale: 'en-US' });
    try {
      await en.page.getByRole('button', { name: 'Create project' }).waitFor();
      await en.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      await en.page.getByRole('button', { name: 'プロジェクトを作成' }).waitFor();
      await en.page.reload();
      await en.page.getByRole('button', { name: 'プロジェクトを作成' }).waitFor();
    } finally {
      await en.close();
    }
  });
});

describe('the web host’s refusals', () => {
  it('are said in the UI’s language: a page whose key went stale (the host restarted) is told to open the printed address again', async () => {
    await s.page.goto(`${s.host.url}&project=${projectId}&view=issues`);
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.locator('.ag-row').first().waitFor();
    const token = await s.page.evaluate(() => {
      const t = sessionStorage.getItem('pmo.token');
      sessionStorage.setItem('pmo.token', 'stale');
      return t;
    });
    try {
      await s.page.getByRole('button', { name: '行追加' }).click();
      const alert = s.page.getByRole('alert');
      await expect.poll(() => alert.innerText()).toMatch(/^拒否されました: このページの接続キーが無効です/);
      // No English sentence of the host's (Refused: missing or wrong X-PMO-Token).
      expect(await alert.innerText()).not.toMatch(/Refused|token/i);
      await s.page.screenshot({ path: screenshotPath('host-refusal-ja.png') });
    } finally {
      await s.page.evaluate((t) => sessionStorage.setItem('pmo.token', t ?? ''), token);
    }
  });
});
