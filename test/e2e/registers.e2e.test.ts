// The risk, issue and change registers in Chromium against the web host: risks rated as 高/中/低 or
// numbers with their score, level and heat map (a clicked cell filters the grid), a block pasted into
// the issue log, a block with one bad status refused whole, row history, undo, and a value-list label
// edited on the 選択肢 tab showing up in the grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { HeatMapPanel, ProjectsScreen, RegisterScreen, VocabScreen, openTab, pasteText } from './pages.js';

let s: Session;
const db = () => s.ws.db.sqlite;
const dbRisks = () => db().prepare('SELECT ref, title, probability, impact, strategy, status FROM risks ORDER BY id').all();
const dbIssues = () => db().prepare('SELECT * FROM issues ORDER BY id').all();

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

describe('registers in Chromium', () => {
  it('adds risks with probability and impact typed as 高/中/低 or numbers, and shows score and level', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    await openTab(s.page, 'リスク管理表');
    const risks = new RegisterScreen(s.page, 'risk');
    await risks.grid.waitFor();

    await risks.addRow('サーバー調達の遅延');
    await risks.type(0, 'probability', '高');
    await risks.type(0, 'impact', '中');
    await risks.addRow('キーマンの離脱');
    await risks.type(1, 'probability', '2');
    await risks.type(1, 'impact', '３'); // full-width, as an IME types it
    await risks.addRow('要件の追加');
    await risks.type(2, 'probability', '高');
    await risks.type(2, 'impact', '高');

    await expect.poll(() => risks.column('score')).toEqual(['15', '6', '25']);
    expect(await risks.column('ref')).toEqual(['R-001', 'R-002', 'R-003']);
    expect(await risks.column('level')).toEqual(['高', '低', '高']);
    expect(await risks.column('probability')).toEqual(['5', '2', '5']);
    expect(dbRisks()).toMatchObject([
      { ref: 'R-001', title: 'サーバー調達の遅延', probability: 5, impact: 3 },
      { ref: 'R-002', probability: 2, impact: 3 },
      { ref: 'R-003', probability: 5, impact: 5 },
    ]);
  });

  it('refuses a rating that is not 1–5 or 高/中/低, and stores nothing', async () => {
    const risks = new RegisterScreen(s.page, 'risk');
    const before = JSON.stringify(dbRisks());
    await risks.type(1, 'impact', '7');
    await s.page.getByRole('alert').getByText('「7」は 1〜5 または 高/中/低 ではありません').waitFor();
    expect(JSON.stringify(dbRisks())).toBe(before);
    await s.page.getByRole('alert').getByRole('button', { name: '閉じる' }).click();
  });

  it('picks and types vocabulary labels, in the current language', async () => {
    const risks = new RegisterScreen(s.page, 'risk');
    await risks.cell(0, 'status').click();
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('listbox').waitFor();
    await s.page.screenshot({ path: screenshotPath('risk-picklist-ja.png') });
    await s.page.keyboard.press('Escape');
    await risks.pick(0, 'status', '監視中');
    await risks.type(1, 'strategy', '軽減');
    await risks.type(2, 'category', 'Schedule'); // an English label is understood too
    await expect.poll(() => risks.column('status')).toEqual(['監視中', 'オープン', 'オープン']);
    await expect.poll(() => risks.column('strategy')).toEqual(['', '軽減', '']);
    await expect.poll(() => risks.column('category')).toEqual(['', '', 'スケジュール']);
    expect(dbRisks()).toMatchObject([{ status: 'monitoring' }, { strategy: 'mitigate' }, {}]);
  });

  it('counts risks on the heat map and filters the grid by a clicked cell', async () => {
    const risks = new RegisterScreen(s.page, 'risk');
    const heat = new HeatMapPanel(s.page);
    expect(await heat.counts()).toEqual({ '5-3': 1, '2-3': 1, '5-5': 1 });
    expect(await heat.cell(5, 5).getAttribute('class')).toContain('heat-high');
    expect(await heat.cell(2, 3).getAttribute('class')).toContain('heat-low');

    await heat.cell(5, 5).click();
    await expect.poll(() => risks.column('title')).toEqual(['要件の追加']);
    await expect.poll(() => risks.count().innerText()).toBe('3 件中 1 件');
    await s.page.screenshot({ path: screenshotPath('risks-heat-filter-ja.png') });
    await heat.cell(5, 5).click(); // again: the filter is removed
    await expect.poll(() => risks.rowCount()).toBe(3);

    await heat.cell(5, 3).click();
    await expect.poll(() => risks.column('title')).toEqual(['サーバー調達の遅延']);
    await s.page.getByRole('button', { name: 'すべて表示' }).click();
    await expect.poll(() => risks.rowCount()).toBe(3);
  });

  it('recolours levels with the project thresholds', async () => {
    const risks = new RegisterScreen(s.page, 'risk');
    await s.page.getByRole('spinbutton', { name: '中と判定するスコア' }).fill('5');
    await s.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => risks.column('level')).toEqual(['高', '中', '高']);
    await s.page.getByRole('spinbutton', { name: '中と判定するスコア' }).fill('8');
    await s.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => risks.column('level')).toEqual(['高', '低', '高']);
  });

  it('shows a risk’s score history and its row history, and undoes with Ctrl+Z', async () => {
    const risks = new RegisterScreen(s.page, 'risk');
    await risks.type(0, 'probability', '3');
    await expect.poll(() => risks.column('score')).toEqual(['9', '6', '25']);
    await risks.cell(0, 'title').click();
    await s.page.getByRole('heading', { name: 'R-001 のスコア履歴' }).waitFor();
    const history = s.page.getByTestId('score-history');
    // Newest first: 3×3, 5×3, 5×—, created unrated.
    await expect.poll(() => history.locator('tbody tr td:last-child').allInnerTexts()).toEqual(['9', '15', '—', '—']);

    await s.page.getByRole('button', { name: '履歴', exact: true }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('「R-001 サーバー調達の遅延」の変更履歴').waitFor();
    const rows = dialog.getByTestId('row-history').locator('tbody tr');
    await expect.poll(() => rows.first().innerText()).toMatch(/変更\s+発生確率\s+5\s+→\s+3/);
    expect(await dialog.getByTestId('row-history').innerText()).toMatch(/ステータス\s+オープン\s+→\s+監視中/);
    await s.page.screenshot({ path: screenshotPath('risk-row-history-ja.png') });
    await dialog.getByRole('button', { name: '閉じる' }).click();

    await risks.cell(1, 'title').click();
    await s.page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => risks.column('probability')).toEqual(['5', '2', '5']);
    expect(dbRisks()).toMatchObject([{ probability: 5 }, {}, {}]);
    await s.page.keyboard.press('ControlOrMeta+y');
    await expect.poll(() => risks.column('probability')).toEqual(['3', '2', '5']);
    await risks.cell(0, 'title').click();
    await s.page.screenshot({ path: screenshotPath('risks-ja.png') });
  });

  it('pastes a block into the issue log, adding the rows it needs, and marks overdue rows', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.waitFor();
    await issues.addRow('仮の件名');
    await issues.cell(0, 'title').click();
    await pasteText(
      s.page,
      [
        ['ログイン画面の不具合', '不具合', '高', '対応中', '佐藤', '2025/4/10'],
        ['帳票レイアウトの確認', '質問', '中', '未着手', '鈴木', '2099/12/31'],
        ['性能試験の実施', 'アクション', 'Low', '完了', '田中', '2025/3/1'],
      ]
        .map((r) => r.join('\t'))
        .join('\r\n'),
    );
    await expect.poll(() => issues.rowCount()).toBe(3);
    expect(await issues.column('ref')).toEqual(['I-001', 'I-002', 'I-003']);
    expect(await issues.column('title')).toEqual(['ログイン画面の不具合', '帳票レイアウトの確認', '性能試験の実施']);
    expect(await issues.column('kind')).toEqual(['不具合', '質問', 'アクション']);
    expect(await issues.column('priority')).toEqual(['高', '中', '低']);
    expect(await issues.column('status')).toEqual(['対応中', '未着手', '完了']);
    expect(await issues.column('due')).toEqual(['2025/04/10', '2099/12/31', '2025/03/01']);
    expect(await issues.rowsWithClass('row-overdue')).toEqual([0]); // past due and open; the done one is not
    expect(await issues.column('ageDays')).toEqual(['0', '0', '0']);
    await s.page.screenshot({ path: screenshotPath('issues-ja.png') });
    expect(dbIssues()).toMatchObject([
      { ref: 'I-001', kind: 'defect', priority: 'high', status: 'in_progress', owner: '佐藤', due: '2025-04-10' },
      { ref: 'I-002', kind: 'question', status: 'not_started', due: '2099-12-31' },
      { ref: 'I-003', kind: 'action', priority: 'low', status: 'done', closed_on: expect.any(String) },
    ]);
  });

  it('refuses a block with one bad status whole, lists the bad cell, and stores nothing', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    const before = JSON.stringify(dbIssues());
    await issues.cell(1, 'title').click();
    await pasteText(s.page, ['変更した件名\t課題\t高\t対応中', '追加の件名\t課題\t中\t済', '別の追加\t要望\t低\t保留'].join('\n'));
    const bad = s.page.getByTestId('bad-cells');
    await bad.getByText('変更していません: 1 件のセルが正しくありません').waitFor();
    expect(await bad.locator('li').allInnerTexts()).toEqual(['3 行目 ステータス: 「済」は選択肢にありません']);
    await s.page.screenshot({ path: screenshotPath('issues-refused-ja.png') });
    expect(JSON.stringify(dbIssues())).toBe(before);
    expect(await issues.rowCount()).toBe(3);
    expect(await issues.column('title')).toEqual(['ログイン画面の不具合', '帳票レイアウトの確認', '性能試験の実施']);
  });

  it('deletes the selected rows after confirmation, and undoes it in one step', async () => {
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.cell(1, 'title').click();
    await s.page.keyboard.press('Shift+ArrowDown'); // a range over rows 2–3
    await s.page.getByRole('button', { name: '行削除' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('選択した 2 行を削除しますか？').waitFor();
    await dialog.getByRole('button', { name: '削除' }).click();
    await expect.poll(() => issues.rowCount()).toBe(1);
    expect(dbIssues()).toHaveLength(1);
    await s.page.getByRole('button', { name: /元に戻す/ }).click();
    await expect.poll(() => issues.rowCount()).toBe(3);
    expect(dbIssues()).toHaveLength(3);
  });

  it('relabels a status on the value lists and shows it in the grid; refuses to drop a code in use', async () => {
    await openTab(s.page, '選択肢');
    const vocab = new VocabScreen(s.page);
    await vocab.openList('課題管理表', 'ステータス');
    expect(await vocab.field('日本語', 2).inputValue()).toBe('対応中');
    await vocab.field('日本語', 2).fill('作業中');
    await vocab.save();
    await s.page.getByRole('status').getByText('保存しました。').waitFor();

    // Dropping 完了 while I-003 uses it is refused with the count.
    await vocab.editor.getByRole('button', { name: '削除 3', exact: true }).click();
    await vocab.save();
    await s.page.getByTestId('vocab-problems').getByText('「完了」(done) はまだ 1 件の行で使われています', { exact: false }).waitFor();
    await s.page.screenshot({ path: screenshotPath('vocab-ja.png') });
    await vocab.editor.getByRole('button', { name: '元に戻す' }).click();

    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => issues.column('status')).toEqual(['作業中', '未着手', '完了']);
    await issues.type(1, 'status', '作業中');
    await expect.poll(() => issues.column('status')).toEqual(['作業中', '作業中', '完了']);
    expect(dbIssues()).toMatchObject([{ status: 'in_progress' }, { status: 'in_progress' }, { status: 'done' }]);
  });

  it('adds a change request with its decision', async () => {
    await openTab(s.page, '変更管理表');
    const changes = new RegisterScreen(s.page, 'change');
    await changes.grid.waitFor();
    await changes.addRow('帳票の追加');
    await changes.type(0, 'decision', '承認');
    await changes.pick(0, 'implStatus', '実施中');
    await expect.poll(() => changes.column('decision')).toEqual(['承認']);
    // Polled too: the two writes answer in either order, and under load the pick's came second (CI flake).
    await expect.poll(() => changes.column('implStatus')).toEqual(['実施中']);
    // Typing on a pick-list cell opens it with what was typed; Enter takes the item it names.
    await changes.cell(0, 'decision').click();
    await s.page.keyboard.type('Rejected', { delay: 30 }); // as fast as a person types
    await changes.editor().waitFor();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => changes.column('decision')).toEqual(['却下']);
    await changes.cell(0, 'decision').click();
    await s.page.keyboard.type('hold', { delay: 30 }); // part of a label: the first item it matches
    await changes.editor().waitFor();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => changes.column('decision')).toEqual(['保留']);
    await changes.type(0, 'decision', 'approved');
    expect(await changes.column('ref')).toEqual(['C-001']);
    await expect.poll(() => db().prepare('SELECT decision, impl_status FROM changes').all()).toEqual([{ decision: 'approved', impl_status: 'in_progress' }]);
  });

  it('clears cells with Delete, fills down with Ctrl+D, and remembers the sort across a reload', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.cell(2, 'owner').click();
    await s.page.keyboard.press('Delete');
    await expect.poll(() => issues.column('owner')).toEqual(['佐藤', '鈴木', '']);
    await issues.cell(0, 'priority').click();
    await s.page.keyboard.press('Shift+ArrowDown');
    await s.page.keyboard.press('ControlOrMeta+d');
    await expect.poll(() => issues.column('priority')).toEqual(['高', '高', '低']);
    // The grid shows a write before its answer lands: the file is read until it holds it.
    await expect.poll(() => dbIssues()).toMatchObject([{ priority: 'high' }, { priority: 'high', owner: '鈴木' }, { priority: 'low', owner: '' }]);

    const header = s.page.getByRole('columnheader', { name: '件名' });
    await header.click(); // ascending
    await header.click(); // descending
    await expect.poll(() => issues.column('title')).toEqual(['性能試験の実施', '帳票レイアウトの確認', 'ログイン画面の不具合']);
    // A sort is written at once; the reload must not overtake that write, so the file is read until it holds it.
    const savedSort = () => {
      const row = db().prepare("SELECT value FROM settings WHERE key LIKE 'grid.issues.%'").get() as { value: string } | undefined;
      const columns = row ? (JSON.parse(row.value) as { columns?: { colId: string; sort?: string | null }[] }).columns : undefined;
      return columns?.find((c) => c.colId === 'title')?.sort ?? null;
    };
    await expect.poll(savedSort).toBe('desc');
    await s.page.reload();
    await issues.grid.locator('.ag-row').first().waitFor();
    await expect.poll(() => issues.column('title')).toEqual(['性能試験の実施', '帳票レイアウトの確認', 'ログイン画面の不具合']);
    await header.click(); // back to unsorted
    await expect.poll(() => issues.column('ref')).toEqual(['I-001', 'I-002', 'I-003']);
  });

  it('keeps a range made by a click and Shift+↓ when the grid reports the click after the keys', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => issues.column('owner')).toEqual(['佐藤', '鈴木', '']);
    // The grid queues its focus reports behind a setTimeout; a busy browser can run the next key press first.
    // Here both keys run in the click's own task, so every report lands after them, as on a slow machine.
    await issues.cell(0, 'owner').evaluate((cell) => {
      const mouse = { bubbles: true, cancelable: true, composed: true, button: 0 };
      cell.dispatchEvent(new PointerEvent('pointerdown', { ...mouse, isPrimary: true }));
      cell.dispatchEvent(new MouseEvent('mousedown', mouse));
      cell.dispatchEvent(new PointerEvent('pointerup', { ...mouse, isPrimary: true }));
      cell.dispatchEvent(new MouseEvent('mouseup', mouse));
      cell.dispatchEvent(new MouseEvent('click', mouse));
      const down = { key: 'ArrowDown', code: 'ArrowDown', shiftKey: true, bubbles: true, cancelable: true, composed: true };
      cell.dispatchEvent(new KeyboardEvent('keydown', down));
      cell.dispatchEvent(new KeyboardEvent('keydown', down));
    });
    // The queued reports run before this timer (same delay, queued earlier); then Ctrl+D.
    await issues.cell(0, 'owner').evaluate(
      (cell) =>
        new Promise<void>((done) =>
          setTimeout(() => {
            cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', code: 'KeyD', ctrlKey: true, bubbles: true, cancelable: true, composed: true }));
            done();
          }, 0),
        ),
    );
    await expect.poll(() => issues.column('owner')).toEqual(['佐藤', '佐藤', '佐藤']);
  });

  it('follows the language switch: headers and labels in English', async () => {
    await openTab(s.page, '課題管理表');
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    const issues = new RegisterScreen(s.page, 'issue');
    await s.page.getByRole('columnheader', { name: 'Priority' }).waitFor();
    await expect.poll(() => issues.column('status')).toEqual(['In progress', 'In progress', 'Done']);
    expect(await issues.column('kind')).toEqual(['Defect', 'Question', 'Action']);
    await openTab(s.page, 'Risks');
    const risks = new RegisterScreen(s.page, 'risk');
    await expect.poll(() => risks.column('level')).toEqual(['Medium', 'Low', 'High']);
    await s.page.screenshot({ path: screenshotPath('risks-en.png') });
  });

  it('made no request that left 127.0.0.1', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
