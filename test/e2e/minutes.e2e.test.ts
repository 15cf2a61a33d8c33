// Meeting minutes (議事録) in Chromium against the web host: minutes written through the keyboard-first
// form and the grids (attendees pasted from Excel, agenda, two decisions, three action items); the
// actions show up in the 課題管理表 as kind アクション linked to the meeting; one is closed there and
// shows closed in the minutes; the next meeting of the series starts with the two open ones carried
// over (前回からの宿題) and the same attendees; the minutes are exported to the default layout and the
// downloaded workbook read back; final minutes are read-only until reopened; search by text and dates;
// deleting minutes leaves their actions in the log.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../electron/common/meetings.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { ExportDialogScreen, MinutesScreen, ProjectsScreen, RegisterScreen, openTab, pasteText } from './pages.js';
import { inProcessCaller } from '../helpers/workspace.js';

let s: Session;
let m: MinutesScreen;
const FIRST = '週次定例 第1回';
const SECOND = '週次定例 第2回';

/** The meeting as the API answers it (the in-process handlers the web host serves). */
async function meetingByTitle(title: string): Promise<Meeting> {
  const api = inProcessCaller(s.ws);
  const found = (await api('meeting.list', { projectId: 1 })).find((x) => x.title === title);
  if (!found) throw new Error(`no meeting "${title}"`);
  return api('meeting.get', { id: found.id });
}
const dbActions = () =>
  s.ws.db.sqlite.prepare("SELECT ref, kind, title, owner, due, status, meeting_id AS meetingId FROM issues WHERE kind = 'action' ORDER BY id").all() as {
    ref: string;
    title: string;
    status: string;
    meetingId: number | null;
  }[];

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  m = new MinutesScreen(s.page);
});
afterAll(async () => {
  await s?.close();
});

describe('meeting minutes in Chromium', () => {
  it('writes the header of new minutes from the keyboard', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('販売管理システム更改', 'HANBAI');
    await projects.open('販売管理システム更改');
    await openTab(s.page, '議事録');
    await s.page.getByText('議事録はまだありません。').waitFor();

    await m.button('新しい会議').click();
    // The new meeting opens with its title box focused: type, Tab on to the next field.
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    await s.page.keyboard.insertText(FIRST);
    await s.page.keyboard.press('Tab');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('meeting-kind');
    await expect.poll(() => m.heading().innerText()).toBe(FIRST);
    await m.field('種別').selectOption({ label: '定例' });
    await m.fill('シリーズ', '週次定例');
    await m.fill('開催日', '２０２５/４/８'); // full-width, as an IME types it
    await m.fill('開始', '10:00');
    await m.fill('終了', '１１：００');
    await m.fill('場所', '本社 第1会議室');
    await m.field('オンライン').check();
    await m.fill('司会', '佐藤');
    await m.fill('記録者', '田中');
    await m.fill('目的', '移行計画の進捗と課題の確認');
    await m.fill('次回予定', '2025/4/15(火) 10:00 本社 第1会議室');

    await expect.poll(async () => (await meetingByTitle(FIRST)).recorder).toBe('田中');
    expect((await meetingByTitle(FIRST))).toMatchObject({
      kind: 'regular',
      series: '週次定例',
      heldOn: '2025-04-08',
      startsAt: '10:00',
      endsAt: '11:00',
      place: '本社 第1会議室',
      online: true,
      facilitator: '佐藤',
      purpose: '移行計画の進捗と課題の確認',
      final: false,
    });
    expect(await m.field('開催日').inputValue()).toBe('2025/04/08');

    // A date that is not one is refused where it was typed, and nothing is stored.
    await m.fill('開催日', '2025/2/30');
    await s.page.getByRole('alert').getByText('「2025/2/30」は日付ではありません (yyyy/mm/dd)').waitFor();
    expect((await meetingByTitle(FIRST)).heldOn).toBe('2025-04-08');
    await m.field('開催日').press('Escape');
    expect(await m.field('開催日').inputValue()).toBe('2025/04/08');
  });

  it('pastes attendees from Excel, writes the agenda, two decisions and three action items in the grids', async () => {
    await m.attendees.cell(0, 'name').click();
    await pasteText(
      s.page,
      ['佐藤\t自社\t情報システム部\tPM\t出席', '鈴木\t顧客\t業務部\t部長\t出席', '高橋\t顧客\t経理部\t課長\t欠席'].join('\r\n'),
    );
    await expect.poll(async () => (await meetingByTitle(FIRST)).attendees.length).toBe(3);
    expect((await meetingByTitle(FIRST)).attendees).toEqual([
      { name: '佐藤', side: 'ours', org: '情報システム部', role: 'PM', present: true },
      { name: '鈴木', side: 'client', org: '業務部', role: '部長', present: true },
      { name: '高橋', side: 'client', org: '経理部', role: '課長', present: false },
    ]);
    await expect.poll(() => m.attendees.column('present')).toEqual(['出席', '出席', '欠席', '']);

    await m.agenda.type(0, 'title', '移行計画の進捗');
    await m.agenda.type(0, 'notes', '移行リハーサル1回目は完了。\nデータ件数の差異が2件あり、原因を調査中。');
    await m.agenda.type(1, 'title', 'テスト環境');
    await expect.poll(async () => (await meetingByTitle(FIRST)).agenda.map((a) => a.title)).toEqual(['移行計画の進捗', 'テスト環境']);
    expect((await meetingByTitle(FIRST)).agenda[0]!.notes).toBe('移行リハーサル1回目は完了。\nデータ件数の差異が2件あり、原因を調査中。');

    await m.decisions.type(0, 'text', '本番移行は5月の連休明けとする');
    await m.decisions.type(0, 'agendaNo', '1');
    await m.decisions.type(1, 'text', 'テスト環境は4月末までに用意する');
    await m.decisions.type(1, 'agendaNo', '２');
    await expect.poll(async () => (await meetingByTitle(FIRST)).decisions).toEqual([
      { text: '本番移行は5月の連休明けとする', agendaIndex: 0 },
      { text: 'テスト環境は4月末までに用意する', agendaIndex: 1 },
    ]);

    const actions: [string, string, string][] = [
      ['移行計画書の更新', '佐藤', '2025/4/15'],
      ['差異データの原因調査', '鈴木', '2025/4/22'],
      ['議事録の配布', '田中', '2025/4/9'],
    ];
    for (const [i, [title, owner, due]] of actions.entries()) {
      await m.actions.type(i, 'title', title);
      await m.actions.type(i, 'owner', owner);
      await m.actions.type(i, 'due', due);
    }
    await expect.poll(() => m.actions.column('ref')).toEqual(['I-001', 'I-002', 'I-003', '']);
    expect(await m.actions.column('title')).toEqual(['移行計画書の更新', '差異データの原因調査', '議事録の配布', '(新しい行)']);
    // The last due date typed may still be on its way to the core: wait for it, do not read it once.
    await expect.poll(() => m.actions.column('due')).toEqual(['2025/04/15', '2025/04/22', '2025/04/09', '']);
    expect(await m.actions.column('status')).toEqual(['未着手', '未着手', '未着手', '']);
    const id = (await meetingByTitle(FIRST)).id;
    expect(dbActions()).toMatchObject([
      { ref: 'I-001', kind: 'action', title: '移行計画書の更新', owner: '佐藤', due: '2025-04-15', meetingId: id },
      { ref: 'I-002', kind: 'action', title: '差異データの原因調査', owner: '鈴木', due: '2025-04-22', meetingId: id },
      { ref: 'I-003', kind: 'action', title: '議事録の配布', owner: '田中', due: '2025-04-09', meetingId: id },
    ]);
    await m.item(FIRST).getByText('決定 2 件・宿題 3 件 (未完了 3 件)').waitFor();
    await m.editor.evaluate((e) => e.scrollTo(0, 0));
    await s.page.screenshot({ path: screenshotPath('minutes-editor-ja.png') });
    await m.editor.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await s.page.screenshot({ path: screenshotPath('minutes-editor-grids-ja.png') });
  });

  it('undoes a deleted attendee with Ctrl+Z as one step', async () => {
    await m.attendees.cell(2, 'name').click();
    await m.page.getByTestId('minutes-attendees').getByRole('button', { name: '行削除' }).click();
    await expect.poll(async () => (await meetingByTitle(FIRST)).attendees.length).toBe(2);
    await m.attendees.cell(0, 'name').click();
    await s.page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => (await meetingByTitle(FIRST)).attendees.map((a) => a.name)).toEqual(['佐藤', '鈴木', '高橋']);
    await expect.poll(() => m.attendees.column('name')).toEqual(['佐藤', '鈴木', '高橋', '(新しい行)']);
  });

  it('shows the actions in the 課題管理表 as kind アクション, linked to the meeting; closing one there closes it in the minutes', async () => {
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await issues.grid.waitFor();
    await expect.poll(() => issues.column('title')).toEqual(['移行計画書の更新', '差異データの原因調査', '議事録の配布']);
    expect(await issues.column('kind')).toEqual(['アクション', 'アクション', 'アクション']);
    await expect.poll(() => issues.column('meetingId')).toEqual(Array(3).fill(`2025/04/08 ${FIRST}`));
    await issues.pick(2, 'status', '完了');
    await expect.poll(() => dbActions().map((a) => a.status)).toEqual(['not_started', 'not_started', 'done']);
    await s.page.screenshot({ path: screenshotPath('minutes-actions-in-issues-ja.png') });

    // The link goes back to the minutes, where the action is closed too.
    await issues.cell(2, 'meetingId').getByRole('link').click();
    await expect.poll(() => m.heading().innerText()).toBe(FIRST);
    await expect.poll(() => m.actions.column('status')).toEqual(['未着手', '未着手', '完了', '']);
    expect(await m.actions.rowsWithClass('action-closed')).toEqual([2]);
    await m.item(FIRST).getByText('決定 2 件・宿題 3 件 (未完了 2 件)').waitFor();
  });

  it('starts the next meeting of the series with the two open actions carried over and the same attendees', async () => {
    await m.button('次回の会議を作成').click();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    // The title is numbered on (第1回 → 第2回), not copied.
    expect(await m.field('会議名').inputValue()).toBe(SECOND);
    await m.fill('会議名', SECOND);
    await expect.poll(() => m.heading().innerText()).toBe(SECOND);
    // Dated as the first one's "next meeting" line said.
    expect(await m.field('開催日').inputValue()).toBe('2025/04/15');
    expect(await m.field('シリーズ').inputValue()).toBe('週次定例');
    await expect.poll(() => m.carried()).toEqual([
      ['I-001', '移行計画書の更新', '未着手'],
      ['I-002', '差異データの原因調査', '未着手'],
    ]);
    await expect.poll(() => m.attendees.column('name')).toEqual(['佐藤', '鈴木', '高橋', '(新しい行)']);
    expect(await m.decisions.column('text')).toEqual(['(新しい行)']);
    expect(await m.titles()).toEqual([SECOND, FIRST]); // newest first
    expect((await meetingByTitle(SECOND)).carriedOver.map((a) => a.ref)).toEqual(['I-001', 'I-002']);
    await s.page.getByTestId('minutes-carried').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: screenshotPath('minutes-next-carried-ja.png') });
  });

  it('exports the minutes to the default layout, and the downloaded workbook reads back', async () => {
    await m.open(FIRST);
    // Excel出力 offers PMO Desk's layout (chosen) or a client form; this project has none.
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([['PMO Desk標準レイアウト', true]]);
    const download = await dialog.run();
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as never);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          texts.push(cell.text);
        }),
      ),
    );
    const all = texts.join('\n');
    expect(all).toContain(FIRST);
    expect(all).toContain('本番移行は5月の連休明けとする');
    expect(all).toContain('差異データの原因調査');
    await s.page.getByRole('status').getByText(/を保存しました。/).waitFor();
  });

  it('makes final minutes read-only, keeps their actions closable, and edits again once reopened', async () => {
    await m.button('確定する').click();
    await m.page.getByTestId('final-badge').waitFor();
    await expect.poll(async () => (await meetingByTitle(FIRST)).final).toBe(true);
    expect(await m.field('会議名').getAttribute('readonly')).not.toBeNull();
    expect(await m.field('種別').isDisabled()).toBe(true);
    expect(await m.field('オンライン').isDisabled()).toBe(true);
    expect(await m.page.getByTestId('minutes-attendees').getByRole('button', { name: '行追加' }).count()).toBe(0);
    expect(await m.button('議事録を削除').isDisabled()).toBe(true);
    // No empty line to type into, and a cell does not open for editing.
    await expect.poll(() => m.attendees.rowCount()).toBe(3);
    await m.decisions.cell(0, 'text').click();
    await s.page.keyboard.press('Enter');
    // The grid opens an editor from the key's own handler and React draws it in the next frame: two
    // frames after the key, an editor would be there (no fixed sleep).
    await s.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    expect(await m.decisions.editor().count()).toBe(0);
    // Typing into the title box changes nothing.
    await m.field('会議名').click();
    await s.page.keyboard.insertText('変更');
    expect(await m.field('会議名').inputValue()).toBe(FIRST);
    await m.item(FIRST).getByText('確定').waitFor();
    await m.editor.evaluate((e) => e.scrollTo(0, 0));
    await s.page.screenshot({ path: screenshotPath('minutes-final-ja.png') });

    // The action items stay closable.
    await m.actions.pick(1, 'status', '完了');
    await expect.poll(() => dbActions().map((a) => a.status)).toEqual(['not_started', 'done', 'done']);

    await m.button('確定を解除').click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText(`確定済みの議事録「${FIRST}」の確定を解除して、編集できるようにしますか？`).waitFor();
    await dialog.getByRole('button', { name: '確定を解除' }).click();
    await expect.poll(async () => (await meetingByTitle(FIRST)).final).toBe(false);
    await expect.poll(() => m.page.getByTestId('final-badge').count()).toBe(0);
    await m.fill('場所', 'オンライン (Teams)');
    await expect.poll(async () => (await meetingByTitle(FIRST)).place).toBe('オンライン (Teams)');
    await m.decisions.type(2, 'text', '次回は議事録の確認から始める');
    await expect.poll(async () => (await meetingByTitle(FIRST)).decisions.length).toBe(3);
  });

  it('closes a carried-over action in the next meeting, and finds meetings by text and dates', async () => {
    await m.open(SECOND);
    // I-002 was closed in the first meeting's minutes: only I-001 is still open.
    await expect.poll(() => m.carried()).toEqual([['I-001', '移行計画書の更新', '未着手']]);
    await m.page.getByRole('button', { name: 'I-001 を完了にする' }).click();
    await expect.poll(() => m.carried()).toEqual([['I-001', '移行計画書の更新', '完了']]);
    await expect.poll(() => dbActions().map((a) => a.status)).toEqual(['done', 'done', 'done']);

    await m.page.getByRole('searchbox', { name: '検索 (議事内容・決定事項・宿題)' }).fill('連休明け');
    await expect.poll(() => m.titles()).toEqual([FIRST]);
    await m.item(FIRST).getByText(/一致: .*決定事項/).waitFor();
    await m.page.getByRole('searchbox').fill('差異データ');
    await expect.poll(() => m.titles()).toEqual([FIRST]);
    await m.page.getByRole('searchbox').fill('');
    await expect.poll(() => m.titles()).toEqual([SECOND, FIRST]);
    await m.page.getByRole('textbox', { name: '開始日' }).fill('２０２５/４/１０');
    await expect.poll(() => m.titles()).toEqual([SECOND]);
    await m.page.getByRole('textbox', { name: '終了日' }).fill('2025/4/12');
    await expect.poll(() => m.titles()).toEqual([]);
    await m.page.getByText('該当する会議はありません。').waitFor();
    await m.page.getByRole('button', { name: 'クリア' }).click();
    await expect.poll(() => m.titles()).toEqual([SECOND, FIRST]);
    await m.page.getByRole('searchbox').fill('原因');
    await expect.poll(() => m.titles()).toEqual([FIRST]);
    await m.editor.evaluate((e) => e.scrollTo(0, 0));
    await s.page.screenshot({ path: screenshotPath('minutes-list-search-ja.png') });
    await m.page.getByRole('button', { name: 'クリア' }).click();
  });

  it('deletes minutes after confirmation; their action items stay in the log, unlinked', async () => {
    await m.button('新しい会議').click();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('meeting-title');
    await m.fill('会議名', '臨時打合せ');
    await expect.poll(() => m.titles()).toContain('臨時打合せ');
    await m.actions.type(0, 'title', '臨時の宿題');
    await expect.poll(() => dbActions().map((a) => a.title)).toContain('臨時の宿題');
    await m.button('議事録を削除').click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('議事録「臨時打合せ」を削除しますか？ 宿題は課題管理表に残ります。').waitFor();
    await dialog.getByRole('button', { name: '削除' }).click();
    await expect.poll(() => m.titles()).toEqual([SECOND, FIRST]);
    await expect.poll(() => m.heading().innerText()).toBe(SECOND);
    expect(dbActions().find((a) => a.title === '臨時の宿題')).toMatchObject({ meetingId: null });
  });

  it('follows the language switch', async () => {
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    await s.page.getByRole('heading', { name: 'Attendees' }).waitFor();
    expect(await m.field('Kind').locator('option:checked').innerText()).toBe('Regular');
    await expect.poll(() => m.attendees.column('side')).toEqual(['Ours', 'Client', 'Client', '']);
    await s.page.screenshot({ path: screenshotPath('minutes-en.png') });
    await s.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  });

  it('made no request that left 127.0.0.1', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
  });
});
