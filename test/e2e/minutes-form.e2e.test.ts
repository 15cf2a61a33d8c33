// 議事録 through a client's own form, in Chromium against the web host: a blank client form (labels in
// column A, a decisions block with pre-printed numbers, an action block under its own header, a
// footer) is mapped in 議事録フォームの設定 by clicking — items on the left, cells on the sheet, rows
// by Shift+click and by dragging, one cell by the keyboard — and saved as a form profile. A meeting
// with two decisions and three actions is exported through it (Excel出力 → the form) and the download
// read back with exceljs: the picked cells filled, the labels, numbers and footer untouched. The blank
// form filled in by "the client" is imported through フォームから取込: the dry run shows the header,
// decisions, actions and the cell that did not read; 取り込む creates the meeting with its actions in
// the action log; undo removes both in one step. The form is reopened from 取込/出力の設定.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { ExportDialogScreen, FormEditorScreen, MinutesScreen, ProfilesScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
let m: MinutesScreen;
const FIRST = '第1回 定例会議';
const SECOND = '第2回 定例会議';
const FORM_NAME = 'A社 議事録';

const api = () => inProcessCaller(s.ws);
const dbActions = () =>
  s.ws.db.sqlite.prepare("SELECT title, owner, due, status, meeting_id AS meetingId FROM issues WHERE kind = 'action' ORDER BY id").all() as {
    title: string;
    owner: string;
    due: string | null;
    status: string;
    meetingId: number | null;
  }[];

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
  m = new MinutesScreen(s.page);
});
afterAll(async () => {
  await s?.close();
});

/** The client's blank 議事録: a title, labels in A with values to the right, two blocks, a footer. */
async function blankForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').getCell('B2').value = 'A社 基幹システム刷新';
  const ws = wb.addWorksheet('議事録');
  ws.columns = [{ width: 14 }, { width: 40 }, { width: 12 }, { width: 14 }, { width: 10 }];
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '議 事 録';
  ws.getCell('A1').font = { size: 16, bold: true };
  ws.getCell('A3').value = '会議名';
  ws.mergeCells('B3:E3');
  ws.getCell('A4').value = '日時';
  ws.getCell('B4').numFmt = 'yyyy/mm/dd';
  ws.getCell('C4').value = '時間';
  ws.getCell('A5').value = '場所';
  ws.mergeCells('B5:E5');
  ws.getCell('A6').value = '出席者（顧客）';
  ws.mergeCells('B6:E6');
  ws.getCell('A8').value = '決定事項';
  for (let i = 0; i < 4; i++) ws.getCell(9 + i, 1).value = i + 1; // pre-printed No
  ws.getCell('A14').value = '宿題';
  ws.getRow(15).values = ['No', '内容', '担当', '期限', '状況'];
  for (let r = 16; r <= 18; r++) {
    ws.getCell(r, 1).value = r - 15;
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
  }
  ws.getCell('A20').value = '以上';
  ws.getCell('E20').value = 'A社 情報システム部';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? ''));

describe('minutes through a client form in Chromium', () => {
  it('opens the minutes of a project with a meeting of two decisions and three actions', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('基幹システム刷新', 'KIKAN');
    const meeting = await api()('meeting.create', {
      projectId: 1,
      values: {
        title: FIRST,
        heldOn: '2025-04-08',
        startsAt: '10:00',
        endsAt: '11:00',
        place: '本社 3F 会議室',
        attendees: [{ name: '鈴木', org: 'A社', role: '部長', side: 'client', present: true }],
        decisions: [
          { text: '本番移行は5月の連休明けとする', agendaIndex: null },
          { text: 'テスト環境は4月末までに用意する', agendaIndex: null },
        ],
      },
    });
    for (const [title, owner, due] of [
      ['移行計画書の更新', '佐藤', '2025-04-15'],
      ['差異データの原因調査', '鈴木', '2025-04-22'],
      ['議事録の配布', '田中', '2025-04-09'],
    ] as const)
      await api()('issue.create', { projectId: 1, values: { kind: 'action', title, owner, due, meetingId: meeting.id } });
    await projects.open('基幹システム刷新');
    await openTab(s.page, '議事録');
    await expect.poll(() => m.heading().innerText()).toBe(FIRST);
    await expect.poll(() => m.actions.column('title')).toEqual(['移行計画書の更新', '差異データの原因調査', '議事録の配布', '(新しい行)']);
  });

  it('maps the blank form by clicking cells and rows, and saves it as a form profile', async () => {
    await m.button('フォーム設定…').click();
    const editor = new FormEditorScreen(s.page);
    await editor.dialog.waitFor();
    // A file that is no workbook is answered in the dialog, which stays on its first step.
    await editor.dialog.getByTestId('form-file-input').setInputFiles({ name: '壊れた.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not a workbook') });
    await expect.poll(() => editor.dialog.getByRole('alert').innerText()).toMatch(/^ファイルを読み込めませんでした: 壊れた\.xlsx は/);
    const said = await editor.dialog.getByRole('alert').innerText();
    expect((said.replace('壊れた.xlsx', '').match(/[A-Za-z]{3,}/g) ?? []).filter((w) => w !== 'Excel'), said).toEqual([]);
    expect(await editor.sheet.count()).toBe(0);
    await editor.dialog.getByTestId('form-file-input').setInputFiles({ name: 'A社_議事録.xlsx', mimeType: 'application/octet-stream', buffer: await blankForm() });
    await editor.sheet.waitFor();
    // The form's sheet is chosen over the cover; the sheet is drawn as Excel shows it.
    expect(await editor.dialog.getByRole('combobox', { name: 'シート' }).inputValue()).toBe('議事録');
    expect(await editor.cell('A1').innerText()).toBe('議 事 録');
    expect(await editor.cell('A1').getAttribute('colspan')).toBe('5');
    expect(await editor.cell('B3').getAttribute('colspan')).toBe('4');
    expect(await editor.cell('A15').innerText()).toBe('No');
    expect(await editor.dialog.getByRole('textbox', { name: 'フォーム名' }).inputValue()).toBe('A社_議事録');

    // Items: choose on the left, click where it goes.
    await editor.pick('fx-field-title');
    await editor.hint().getByText('「会議名」を書くセルをクリックしてください', { exact: false }).waitFor();
    await editor.cell('B3').click();
    await expect.poll(() => editor.tags('B3')).toEqual(['会議名']);
    expect(await editor.ref('fx-field-title')).toBe('B3');
    await editor.pick('fx-field-heldOn');
    await editor.cell('B4').click();
    await editor.pick('fx-field-place');
    await editor.cell('B5').click();
    await expect.poll(() => editor.tags('B5')).toEqual(['場所']);

    // By the keyboard: from B5 up to B4, right past the label to D4, Enter.
    await editor.pick('fx-field-time');
    for (const key of ['ArrowUp', 'ArrowRight', 'ArrowRight']) await s.page.keyboard.press(key);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => editor.tags('D4')).toEqual(['時間']);
    // A mapping made by mistake is removed with Delete at the cursor.
    await editor.pick('fx-field-attendeesClient');
    await editor.cell('B6').click();
    await expect.poll(() => editor.tags('B6')).toEqual(['出席者(顧客)']);
    await s.page.keyboard.press('Delete');
    await expect.poll(() => editor.tags('B6')).toEqual([]);
    expect(await editor.ref('fx-field-attendeesClient')).toBe('—');

    // The decisions block: its rows by a click and a Shift+click, its text column by a click in it.
    await editor.pick('fx-rows-decisions');
    await editor.cell('B9').click();
    await editor.cell('B12').click({ modifiers: ['Shift'] });
    await expect.poll(() => editor.ref('fx-rows-decisions')).toBe('9〜12 行目');
    await editor.pick('fx-col-decisions-text');
    await editor.cell('B10').click();
    await expect.poll(() => editor.tags('B9')).toEqual(['決定事項']);
    // Rows that overlap another table are refused, saying why.
    await editor.pick('fx-rows-actions');
    await editor.cell('B12').click();
    await editor.hint().getByText('その行は「決定事項」の表と重なっています。').waitFor();

    // The actions block by dragging over its rows; its columns by clicking a cell of each.
    await editor.cell('B16').hover();
    await s.page.mouse.down();
    await editor.cell('B17').hover();
    await editor.cell('B18').hover();
    await s.page.mouse.up();
    await expect.poll(() => editor.ref('fx-rows-actions')).toBe('16〜18 行目');
    await editor.pick('fx-col-actions-title');
    // A click outside the block's rows is not taken.
    await editor.cell('B15').click();
    await editor.hint().getByText('「宿題」の 16〜18 行目のセルをクリックしてください。').waitFor();
    await editor.cell('B16').click();
    await editor.pick('fx-col-actions-owner');
    await editor.cell('C17').click();
    await editor.pick('fx-col-actions-due');
    await editor.cell('D18').click();
    await expect.poll(() => editor.tags('B16')).toEqual(['内容']);
    expect(await editor.tags('C16')).toEqual(['担当']);
    expect(await editor.tags('D16')).toEqual(['期限']);
    expect(await editor.dialog.getByTestId('form-status').innerText()).toContain('セル 4 件・表 2 件');

    await editor.dialog.getByRole('textbox', { name: 'フォーム名' }).fill(FORM_NAME);
    await editor.pick('fx-field-title');
    await s.page.screenshot({ path: screenshotPath('minutes-form-editor-ja.png') });
    await editor.dialog.getByTestId('form-save').click();
    await editor.dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('status').getByText(`フォーム『${FORM_NAME}』を保存しました。`).waitFor();

    const [summary] = await api()('profile.list', { register: 'minutes' });
    expect(summary).toMatchObject({ name: FORM_NAME, kind: 'form', register: 'minutes', sheet: '議事録', fileName: 'A社_議事録.xlsx' });
    const profile = await api()('profile.get', { id: summary!.id });
    expect(profile.kind === 'form' && profile.form).toEqual({
      sheet: '議事録',
      cells: [
        { field: 'title', ref: 'B3' },
        { field: 'heldOn', ref: 'B4' },
        { field: 'time', ref: 'D4' },
        { field: 'place', ref: 'B5' },
      ],
      blocks: [
        { list: 'decisions', firstRow: 9, lastRow: 12, columns: [{ field: 'text', column: 'B' }] },
        {
          list: 'actions',
          firstRow: 16,
          lastRow: 18,
          columns: [
            { field: 'title', column: 'B' },
            { field: 'owner', column: 'C' },
            { field: 'due', column: 'D' },
          ],
        },
      ],
    });
  });

  it('exports the meeting into the client’s form: the picked cells filled, labels and footer intact', async () => {
    const dialog = new ExportDialogScreen(s.page);
    await dialog.open();
    await dialog.dialog.getByRole('heading', { name: 'Excel出力 — 議事録' }).waitFor();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', true],
      [FORM_NAME, false],
    ]);
    await dialog.choice(FORM_NAME).check();
    await dialog.dialog.getByText('お客様のフォームの選んだセルに書き込みます', { exact: false }).waitFor();
    await s.page.screenshot({ path: screenshotPath('minutes-form-export-ja.png') });
    const download = await dialog.run();
    expect(download.suggestedFilename()).toBe('議事録_20250408_第1回 定例会議.xlsx');
    await s.page.getByRole('status').getByText(`${download.suggestedFilename()} を保存しました。`).waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表紙', '議事録']);
    const ws = wb.getWorksheet('議事録')!;
    const at = (ref: string) => text(ws.getCell(ref).value);
    expect([at('A1'), at('A3'), at('A4'), at('C4'), at('A5'), at('A8'), at('A14')]).toEqual(['議 事 録', '会議名', '日時', '時間', '場所', '決定事項', '宿題']);
    expect(at('B3')).toBe(FIRST);
    expect(ws.getCell('B4').value).toEqual(new Date('2025-04-08T00:00:00Z'));
    expect(at('D4')).toBe('10:00〜11:00');
    expect(at('B5')).toBe('本社 3F 会議室');
    expect(at('B6')).toBe('');
    // Two decisions in the four numbered rows; the numbers stay.
    expect([9, 10, 11, 12].map((r) => [text(ws.getCell(r, 1).value), text(ws.getCell(r, 2).value)])).toEqual([
      ['1', '本番移行は5月の連休明けとする'],
      ['2', 'テスト環境は4月末までに用意する'],
      ['3', ''],
      ['4', ''],
    ]);
    expect([15, 16, 17, 18].map((r) => [1, 2, 3, 4].map((c) => text(ws.getCell(r, c).value)))).toEqual([
      ['No', '内容', '担当', '期限'],
      ['1', '移行計画書の更新', '佐藤', String(new Date('2025-04-15T00:00:00Z'))],
      ['2', '差異データの原因調査', '鈴木', String(new Date('2025-04-22T00:00:00Z'))],
      ['3', '議事録の配布', '田中', String(new Date('2025-04-09T00:00:00Z'))],
    ]);
    expect(ws.getCell('D16').value).toEqual(new Date('2025-04-15T00:00:00Z'));
    expect([at('A20'), at('E20')]).toEqual(['以上', 'A社 情報システム部']);
    expect(text(wb.getWorksheet('表紙')!.getCell('B2').value)).toBe('A社 基幹システム刷新');

    // The choice is remembered for the project's minutes.
    await dialog.open();
    expect((await dialog.choices()).map(([name, , checked]) => [name, checked])).toEqual([
      ['PMO Desk標準レイアウト', false],
      [FORM_NAME, true],
    ]);
    await dialog.cancel();
  });

  it('imports a filled-in form: the dry run first, then one meeting with its actions in the action log; undo removes both', async () => {
    // The client wrote the next minutes in their own form.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blankForm()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('議事録')!;
    ws.getCell('B3').value = SECOND;
    ws.getCell('B4').value = new Date(Date.UTC(2025, 3, 15));
    ws.getCell('D4').value = '14:00〜15:30';
    ws.getCell('B5').value = 'オンライン (Teams)';
    ws.getCell('B9').value = '切替日は5/6とする';
    ws.getCell('B10').value = '移行リハーサルを2回実施する';
    ws.getCell('B16').value = '切替手順書の作成';
    ws.getCell('C16').value = '山田';
    ws.getCell('D16').value = new Date(Date.UTC(2025, 3, 25));
    ws.getCell('B17').value = 'リハーサル日程の調整';
    ws.getCell('C17').value = '鈴木';
    ws.getCell('D17').value = '4月31日';
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const before = dbActions().length;

    await m.button('フォームから取込').click();
    const dialog = s.page.getByTestId('form-import-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('radio', { name: new RegExp(`^${FORM_NAME}`) }).isChecked()).toBe(true);
    await s.page.screenshot({ path: screenshotPath('minutes-form-import-file-ja.png') });
    // A workbook that is not this form is refused, saying so; nothing is written.
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '別の資料';
    await dialog.getByTestId('form-import-file-input').setInputFiles({ name: '別の資料.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await other.xlsx.writeBuffer()) });
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain(`このファイルはフォーム『${FORM_NAME}』ではありません: シート「議事録」がありません。`);
    expect(await dialog.getByTestId('form-import-preview').count()).toBe(0);
    await dialog.getByTestId('form-import-file-input').setInputFiles({ name: '議事録_第2回.xlsx', mimeType: 'application/octet-stream', buffer: filled });
    const preview = dialog.getByTestId('form-import-preview');
    await preview.waitFor();

    const header = await dialog.getByTestId('form-import-header').locator('table tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()]),
    );
    expect(header).toEqual([
      ['会議名', SECOND],
      ['開催日', '2025/04/15'],
      ['時間', '14:00〜15:30'],
      // The form has no 種別 cell: the meeting takes the first kind, as a new meeting does.
      ['種別', '定例'],
      ['場所', 'オンライン (Teams)'],
    ]);
    expect(await dialog.getByTestId('form-import-decisions').locator('li').allInnerTexts()).toEqual(['切替日は5/6とする', '移行リハーサルを2回実施する']);
    const actions = await dialog
      .getByTestId('form-import-actions')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(actions).toEqual([
      ['1', '切替手順書の作成', '山田', '2025/04/25', '未着手'],
      ['2', 'リハーサル日程の調整', '鈴木', '', '未着手'],
    ]);
    // Said in the UI language from the problem's code (the Japanese UI shows no English reason).
    expect(await dialog.getByTestId('form-import-problems').locator('li').allInnerTexts()).toEqual(['議事録!D17: 4月31日 は日付ではありません']);
    expect(await dialog.getByTestId('form-import-status').innerText()).toBe('決定事項 2 件・宿題 2 件・問題 1 件');
    await s.page.screenshot({ path: screenshotPath('minutes-form-import-ja.png') });
    // The dry run wrote nothing.
    expect((await api()('meeting.list', { projectId: 1 })).map((x) => x.title)).toEqual([FIRST]);
    expect(dbActions()).toHaveLength(before);

    await dialog.getByTestId('form-import-apply').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => m.heading().innerText()).toBe(SECOND);
    await s.page.getByRole('status').getByText(`議事録_第2回.xlsx から「${SECOND}」を取り込みました (宿題 2 件)。`).waitFor();
    expect(await m.titles()).toEqual([SECOND, FIRST]);
    await expect.poll(() => m.decisions.column('text')).toEqual(['切替日は5/6とする', '移行リハーサルを2回実施する', '(新しい行)']);
    await expect.poll(() => m.actions.column('title')).toEqual(['切替手順書の作成', 'リハーサル日程の調整', '(新しい行)']);
    expect(await m.field('開催日').inputValue()).toBe('2025/04/15');
    expect(await m.field('開始').inputValue()).toBe('14:00');
    await s.page.screenshot({ path: screenshotPath('minutes-form-imported-ja.png') });
    const second = (await api()('meeting.list', { projectId: 1 })).find((x) => x.title === SECOND)!;
    expect(dbActions().slice(before)).toEqual([
      { title: '切替手順書の作成', owner: '山田', due: '2025-04-25', status: 'not_started', meetingId: second.id },
      { title: 'リハーサル日程の調整', owner: '鈴木', due: null, status: 'not_started', meetingId: second.id },
    ]);

    // In the action log, linked to the new meeting.
    await openTab(s.page, '課題管理表');
    const issues = new RegisterScreen(s.page, 'issue');
    await expect.poll(() => issues.column('title')).toEqual(['移行計画書の更新', '差異データの原因調査', '議事録の配布', '切替手順書の作成', 'リハーサル日程の調整']);
    await expect.poll(async () => (await issues.column('meetingId')).slice(3)).toEqual([`2025/04/15 ${SECOND}`, `2025/04/15 ${SECOND}`]);

    // One undo removes the meeting and its two actions.
    await openTab(s.page, '議事録');
    await expect.poll(() => m.heading().innerText()).toBe(SECOND);
    await m.button(/元に戻す/).click();
    await expect.poll(() => m.titles()).toEqual([FIRST]);
    await expect.poll(() => m.heading().innerText()).toBe(FIRST);
    expect(dbActions()).toHaveLength(before);
    expect((await api()('meeting.list', { projectId: 1 })).map((x) => x.title)).toEqual([FIRST]);
  });

  it('reopens the form from 取込/出力の設定 with its mapping drawn', async () => {
    await openTab(s.page, '取込/出力の設定');
    const manager = new ProfilesScreen(s.page);
    await manager.table.waitFor();
    expect((await manager.rows())[0]!.slice(0, 4)).toEqual([FORM_NAME, '議事録', '議事録', 'A社_議事録.xlsx']);
    await s.page.screenshot({ path: screenshotPath('minutes-form-profiles-ja.png') });
    await manager.row(FORM_NAME).getByRole('button', { name: `${FORM_NAME} を編集` }).click();
    const editor = new FormEditorScreen(s.page);
    await editor.sheet.waitFor();
    await expect.poll(() => editor.tags('B3')).toEqual(['会議名']);
    expect(await editor.tags('B9')).toEqual(['決定事項']);
    expect(await editor.ref('fx-rows-actions')).toBe('16〜18 行目');
    // A change and Esc: it asks before throwing the change away.
    await editor.pick('fx-field-nextMeeting');
    await editor.cell('B20').click();
    await s.page.keyboard.press('Escape'); // drops the chosen item
    await s.page.keyboard.press('Escape'); // asks to close
    const confirm = s.page.getByRole('dialog', { name: '未保存のフォーム' });
    await confirm.getByRole('button', { name: '破棄' }).click();
    await editor.dialog.waitFor({ state: 'detached' });
    const [summary] = await api()('profile.list', { register: 'minutes' });
    const profile = await api()('profile.get', { id: summary!.id });
    expect(profile.kind === 'form' && profile.form.cells.map((c) => c.field)).toEqual(['title', 'heldOn', 'time', 'place']);
  });

  it('draws a full 200×60 sheet by the rows in view and follows the keyboard to its last cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('議事録');
    for (let r = 1; r <= 200; r++) for (let c = 1; c <= 60; c++) ws.getCell(r, c).value = (r * c) % 7 === 0 ? `項目${r}-${c}` : r * 100 + c;
    for (let r = 1; r <= 191; r += 10) ws.mergeCells(r, 1, r + 1, 3);
    const dense = Buffer.from(await wb.xlsx.writeBuffer());
    await s.page.getByTestId('add-form').click();
    const editor = new FormEditorScreen(s.page);
    await editor.dialog.getByTestId('form-file-input').setInputFiles({ name: '大きな様式.xlsx', mimeType: 'application/octet-stream', buffer: dense });
    await editor.sheet.waitFor();
    expect(await editor.sheet.getAttribute('aria-rowcount')).toBe('201');
    // Only the rows in view (and a margin) are drawn.
    expect(await editor.sheet.locator('tr.fx-row').count()).toBeLessThan(80);
    expect(await editor.cell('A11').getAttribute('rowspan')).toBe('2');
    await editor.pick('fx-field-title');
    for (let i = 0; i < 40; i++) await s.page.keyboard.press(i % 4 === 3 ? 'ArrowRight' : 'ArrowDown');
    await expect.poll(() => editor.sheet.getAttribute('aria-activedescendant')).toBe('fx-K32');
    await s.page.keyboard.press('ControlOrMeta+End');
    await expect.poll(() => editor.sheet.getAttribute('aria-activedescendant')).toBe('fx-BH200');
    expect(await editor.cell('BH200').innerText()).toBe('20060');
    await expect.poll(() => editor.cell('BH200').isVisible()).toBe(true);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => editor.tags('BH200')).toEqual(['会議名']);
    await s.page.keyboard.press('ControlOrMeta+Home');
    await expect.poll(() => editor.sheet.getAttribute('aria-activedescendant')).toBe('fx-A1');
    await editor.cell('A1').waitFor();
    await editor.dialog.getByRole('button', { name: 'キャンセル' }).click();
    await s.page.getByRole('dialog', { name: '未保存のフォーム' }).getByRole('button', { name: '破棄' }).click();
    await editor.dialog.waitFor({ state: 'detached' });
  });

  it('follows the language switch', async () => {
    await s.page.getByRole('combobox', { name: '言語' }).selectOption('en');
    const manager = new ProfilesScreen(s.page);
    await manager.row(FORM_NAME).getByRole('button', { name: `Edit ${FORM_NAME}` }).click();
    const editor = new FormEditorScreen(s.page);
    await editor.sheet.waitFor();
    await editor.dialog.getByRole('heading', { name: `Minutes form settings — ${FORM_NAME}` }).waitFor();
    await expect.poll(() => editor.tags('B3')).toEqual(['Meeting']);
    expect(await editor.tags('B16')).toEqual(['Action']);
    await editor.pick('fx-col-actions-owner');
    await editor.hint().getByText('Click a cell of the “Owner” column within rows 16–18 of “Action items”.').waitFor();
    await s.page.screenshot({ path: screenshotPath('minutes-form-editor-en.png') });
    // Nothing changed: Cancel closes at once.
    await editor.dialog.getByRole('button', { name: 'Cancel' }).click();
    await editor.dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  });

  it('never reaches beyond 127.0.0.1, and the page raised no errors', () => {
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
