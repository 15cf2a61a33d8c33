// Page models: what a user sees and does, so tests read as steps rather than selectors.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RegisterName } from '../../electron/common/registers/index.js';

export class ProjectsScreen {
  constructor(readonly page: Page) {}

  async create(name: string, code = '') {
    await this.page.getByRole('textbox', { name: /^(プロジェクト名|Project name)$/ }).fill(name);
    if (code) await this.page.getByRole('textbox', { name: /^(コード|Code)$/ }).fill(code);
    await this.page.getByRole('button', { name: /^(プロジェクトを作成|Create project)$/ }).click();
    await this.row(name).waitFor();
  }

  row(name: string): Locator {
    return this.page.getByTestId('project-row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.page.getByTestId('project-row').getByRole('link').allTextContents();
  }

  async rename(from: string, to: string) {
    await this.row(from).getByRole('button', { name: /^(名前の変更|Rename)$/ }).click();
    const box = this.page.getByRole('textbox', { name: /^(名前の変更|Rename)$/ });
    await box.fill(to);
    await box.press('Enter');
    await this.row(to).waitFor();
  }

  async open(name: string) {
    await this.row(name).getByRole('link').click();
    await this.page.getByTestId('wbs-grid').waitFor();
  }

  /** Deletes a project through its row's button and the confirmation; the home then offers 元に戻す. */
  async delete(name: string) {
    await this.row(name).getByRole('button', { name: /^(削除|Delete)$/ }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: /^(削除|Delete)$/ }).click();
    await this.page.getByTestId('project-deleted').waitFor();
    await this.row(name).waitFor({ state: 'detached' });
  }

  /** The 元に戻す the home shows after a delete. */
  undoDelete(): Locator {
    return this.page.getByRole('button', { name: /^↶ (元に戻す|Undo)$/ });
  }
}

/** The portfolio home (the start screen): the rows of ProjectsScreen, with their lights and figures. */
export class PortfolioScreen {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('portfolio-table');
  }

  row(name: string): Locator {
    return new ProjectsScreen(this.page).row(name);
  }

  /** Project name → the light shown (green / yellow / red). */
  async lights(): Promise<Record<string, string>> {
    return this.table.evaluate((t) =>
      Object.fromEntries(
        [...t.querySelectorAll('[data-testid=project-row]')].map((r) => [r.querySelector('td.name a')?.textContent ?? '', r.querySelector('[data-testid=light]')?.getAttribute('data-light') ?? '']),
      ),
    );
  }

  /** Sets a project's light by hand with a reason, through the dialog its light button opens. */
  async override(name: string, light: 'green' | 'yellow' | 'red', reason: string) {
    await this.row(name).getByTestId('light').click();
    const dialog = this.page.getByTestId('override-dialog');
    const label = { green: /^(順調|On track)$/, yellow: /^(注意|Watch)$/, red: /^(要対応|Act now)$/ }[light];
    await dialog.getByRole('radio', { name: label }).check();
    await dialog.getByRole('textbox').fill(reason);
    await dialog.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

export class WbsScreen {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('wbs-grid');
  }

  cell(row: number, col: string): Locator {
    return this.grid.locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
  }

  async addTask(name: string, opts: { child?: boolean } = {}) {
    const count = await this.rowCount();
    await this.page.getByRole('button', { name: opts.child ? /^(子タスク追加|Add subtask)$/ : /^(タスク追加|Add task)$/, exact: true }).click();
    await expect.poll(() => this.rowCount()).toBe(count + 1);
    // The new row's name cell opens for typing by itself.
    await this.editor().waitFor();
    await this.page.keyboard.insertText(name);
    await this.page.keyboard.press('Enter');
    await this.grid.locator('.ag-cell', { hasText: name }).first().waitFor();
  }

  /** The open cell editor: the text editor in the cell, or a popup (the status pick list). */
  editor(): Locator {
    return this.page.locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea, .ag-popup-editor input, .ag-popup-editor textarea').first();
  }

  /** Click a cell, type into it as a user would (Enter to edit, text, Enter to commit). */
  async type(row: number, col: string, text: string) {
    await this.cell(row, col).click();
    await this.page.keyboard.press('Enter');
    await this.editor().waitFor();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
  }

  /** Rows the grid shows (it renders only those in view, so this asks the grid, not the DOM). */
  async rowCount(): Promise<number> {
    const total = await this.grid.locator('[role=grid]').first().getAttribute('aria-rowcount');
    return Number(total) - 1; // the header row counts too
  }

  /** The shown texts of one column, top to bottom, read in one go (rows may change meanwhile). */
  async column(col: string): Promise<string[]> {
    return this.grid.locator('.ag-row[row-index]').evaluateAll(
      (rows, colId) =>
        rows
          .map((r) => ({ i: Number(r.getAttribute('row-index')), text: r.querySelector(`[col-id="${colId}"]`)?.textContent?.trim() ?? '' }))
          .sort((a, b) => a.i - b.i)
          .map((r) => r.text),
      col,
    );
  }

  async select(row: number) {
    await this.cell(row, 'code').click();
  }

  /** Selects a range by clicking its first cell and Shift+clicking its last. */
  async selectRange(from: [number, string], to: [number, string]) {
    await this.cell(...from).click();
    await this.cell(...to).click({ modifiers: ['Shift'] });
  }
}

/** Paste as the browser delivers Ctrl+V: a paste event with the clipboard's text on the focused cell. */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Copy as Ctrl+C does: a copy event on the focused cell; answers what was put on the clipboard. */
export async function copyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

/** A project's tab (WBS, リスク管理表, 課題管理表, 変更管理表, 選択肢). */
export async function openTab(page: Page, name: string | RegExp) {
  await page.getByRole('tab', { name }).click();
}

/** The risk, issue or change register: a grid with a toolbar, as a user works it. */
export class RegisterScreen {
  readonly grid: Locator;
  constructor(
    readonly page: Page,
    /** A register, or one of the minutes grids (same behaviour, same helpers). */
    register: RegisterName | 'attendees' | 'agenda' | 'decisions' | 'actions',
  ) {
    this.grid = page.getByTestId(`${register}-grid`);
  }

  cell(row: number, col: string): Locator {
    return this.grid.locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`);
  }

  /** The open cell editor: in the cell, or in a popup (pick lists, long texts). */
  editor(): Locator {
    return this.page.locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea, .ag-popup-editor input, .ag-popup-editor textarea').first();
  }

  /** Adds a row with the toolbar button and types its title into the cell that opens. */
  async addRow(title: string) {
    const count = await this.rowCount();
    await this.page.getByRole('button', { name: /^(行追加|Add row)$/ }).click();
    await expect.poll(() => this.rowCount()).toBe(count + 1);
    await this.editor().waitFor();
    await this.page.keyboard.insertText(title);
    await this.page.keyboard.press('Enter');
    await this.grid.locator('.ag-cell', { hasText: title }).first().waitFor();
  }

  /** Click a cell, type into it as a user would (Enter to edit, text, Enter to commit). */
  async type(row: number, col: string, text: string) {
    await this.cell(row, col).click();
    await this.page.keyboard.press('Enter');
    await this.editor().waitFor();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
    await this.editor().waitFor({ state: 'detached' });
  }

  /** Opens a pick-list cell and clicks one of its options. */
  async pick(row: number, col: string, option: string) {
    await this.cell(row, col).click();
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.editor().waitFor({ state: 'detached' });
  }

  /** Rows shown. */
  /** Rows the grid shows (it renders only those in view, so this asks the grid, not the DOM). */
  async rowCount(): Promise<number> {
    const total = await this.grid.locator('[role=grid]').first().getAttribute('aria-rowcount');
    return Number(total) - 1; // the header row counts too
  }

  /** The shown texts of one column, top to bottom, read in one go (rows may change meanwhile). */
  async column(col: string): Promise<string[]> {
    return this.grid.locator('.ag-row[row-index]').evaluateAll(
      (rows, colId) =>
        rows
          .flatMap((r) => {
            const cell = r.querySelector(`[col-id="${colId}"]`);
            return cell ? [{ i: Number(r.getAttribute('row-index')), text: cell.textContent?.trim() ?? '' }] : [];
          })
          .sort((a, b) => a.i - b.i)
          .map((r) => r.text),
      col,
    );
  }

  /** Row indexes whose row carries a class (e.g. row-overdue). */
  async rowsWithClass(cls: string): Promise<number[]> {
    return this.grid
      .locator(`.ag-row[row-index].${cls}`)
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('row-index'))).sort((a, b) => a - b));
  }

  count(): Locator {
    return this.page.getByTestId('row-count');
  }
}

/** The 5×5 risk heat map beside the risk grid. */
export class HeatMapPanel {
  constructor(readonly page: Page) {}

  cell(probability: number, impact: number): Locator {
    return this.page.getByTestId(`heat-${probability}-${impact}`);
  }

  async counts(): Promise<Record<string, number>> {
    return this.page.getByTestId('heatmap').locator('[data-testid^="heat-"]').evaluateAll((cells) =>
      Object.fromEntries(cells.filter((c) => c.textContent).map((c) => [c.getAttribute('data-testid')!.slice(5), Number(c.textContent)])),
    );
  }
}

/** 選択肢: the per-project value lists. */
export class VocabScreen {
  readonly editor: Locator;
  constructor(readonly page: Page) {
    this.editor = page.getByTestId('vocab-editor');
  }

  async openList(register: string, list: string) {
    const group = this.page.locator('.vocab-group').filter({ hasText: register });
    await group.getByRole('button', { name: new RegExp(`^${list}`) }).click();
    await this.editor.getByRole('heading', { name: new RegExp(list) }).waitFor();
  }

  /** The textbox of one item's field (code, 日本語, English), 1-based like the table's # column. */
  field(column: string, n: number): Locator {
    return this.editor.getByRole('textbox', { name: `${column} ${n}`, exact: true });
  }

  async save() {
    await this.editor.getByRole('button', { name: /^(保存|Save)$/ }).click();
  }
}

/** 議事録: the list of meetings (search, dates) and the minutes editor of the selected one. */
export class MinutesScreen {
  readonly list: Locator;
  readonly editor: Locator;
  readonly attendees: RegisterScreen;
  readonly agenda: RegisterScreen;
  readonly decisions: RegisterScreen;
  readonly actions: RegisterScreen;
  constructor(readonly page: Page) {
    this.list = page.getByTestId('meeting-list');
    this.editor = page.getByTestId('meeting-editor');
    this.attendees = new RegisterScreen(page, 'attendees');
    this.agenda = new RegisterScreen(page, 'agenda');
    this.decisions = new RegisterScreen(page, 'decisions');
    this.actions = new RegisterScreen(page, 'actions');
  }

  button(name: RegExp | string): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** A form field by its label (会議名, 開催日, 目的…). */
  field(label: string): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  /** Types into a form field and saves it as a user does: Enter (Ctrl+Enter in a multi-line field). */
  async fill(label: string, text: string) {
    const box = this.field(label);
    await box.click();
    await box.fill(text);
    const multiline = (await box.evaluate((e) => e.tagName)) === 'TEXTAREA';
    await box.press(multiline ? 'ControlOrMeta+Enter' : 'Enter');
  }

  heading(): Locator {
    return this.page.getByTestId('meeting-heading');
  }

  /** Titles of the meetings in the list, top (newest) first. */
  async titles(): Promise<string[]> {
    return this.list.getByTestId('meeting-item').locator('.title').allInnerTexts();
  }

  item(title: string): Locator {
    return this.list.getByTestId('meeting-item').filter({ has: this.page.locator('.title', { hasText: title }) });
  }

  async open(title: string) {
    await this.item(title).click();
    await expect.poll(() => this.heading().innerText()).toBe(title);
  }

  /** 前回からの宿題: rows as [ID, title, status]. */
  async carried(): Promise<string[][]> {
    return this.page
      .getByTestId('carried-row')
      .evaluateAll((rows) => rows.map((r) => [0, 1, 4].map((i) => r.querySelectorAll('td')[i]?.textContent?.trim() ?? '')));
  }
}

/** Excel取込: the import dialog of the WBS and the registers — file, column mapping, preview, apply. */
export class ImportDialogScreen {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-dialog');
  }

  async open() {
    await this.page.getByRole('button', { name: /^(Excel取込|Import from Excel)$/ }).click();
    await this.dialog.waitFor();
  }

  /** Chooses a file as the file input delivers it; waits for the answer (the mapping, or an error). */
  async choose(name: string, buffer: Buffer) {
    await this.dialog.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await this.dialog.getByTestId('import-mapping').or(this.dialog.getByRole('alert')).first().waitFor();
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  /** The mapping table as [column, header, field chosen, confidence]. */
  async mapping(): Promise<string[][]> {
    return this.dialog.getByTestId('mapping-row').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll('td');
        const select = r.querySelector('select')!;
        return [cells[0]!.textContent!.trim(), cells[1]!.textContent!.trim(), select.selectedOptions[0]?.text ?? '', cells[3]!.textContent!.trim()];
      }),
    );
  }

  /** Maps a column of the file to a field (by its label), or keeps it as an extra column. */
  async mapColumn(column: string, fieldLabel: string) {
    const select = this.dialog.getByTestId('mapping-row').filter({ has: this.page.locator('td.col-letter', { hasText: new RegExp(`^${column}$`) }) }).locator('select');
    await select.selectOption({ label: fieldLabel });
    await expect.poll(() => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(fieldLabel);
    await this.idle();
  }

  facts(): Locator {
    return this.dialog.getByTestId('import-facts');
  }

  profile(): Locator {
    return this.dialog.getByTestId('import-profile');
  }

  button(name: RegExp): Locator {
    return this.dialog.locator('.import-foot').getByRole('button', { name });
  }

  /** Waits until no preview or apply is running. */
  async idle() {
    await expect.poll(() => this.button(/^(キャンセル|Cancel)$/).isEnabled()).toBe(true);
    await expect.poll(async () => (await this.dialog.getByTestId('import-status').innerText()).match(/読み込んでいます|取り込んでいます|Reading|Importing/)).toBeNull();
  }

  async next() {
    await this.button(/^(次へ|Next)$/).click();
    await this.dialog.getByTestId('import-preview').waitFor();
  }

  tab(id: 'all' | 'new' | 'changed' | 'unchanged' | 'missing' | 'problems'): Locator {
    return this.dialog.getByTestId(`import-tab-${id}`);
  }

  /** The counts on the tabs, e.g. { new: 3, problems: 1, … }. */
  async counts(): Promise<Record<string, number>> {
    return this.dialog.getByRole('tab').evaluateAll((tabs) =>
      Object.fromEntries(tabs.map((t) => [t.getAttribute('data-testid')!.replace('import-tab-', ''), Number(t.querySelector('.tab-count')!.textContent)])),
    );
  }

  /** The preview list's rows as [status, sheet row, key, name, what changes], top to bottom. */
  async rows(): Promise<string[][]> {
    return this.dialog
      .getByTestId('import-preview')
      .locator('.ag-row[row-index]')
      .evaluateAll((rows) =>
        rows
          .map((r) => ({
            i: Number(r.getAttribute('row-index')),
            cells: ['row', 'key', 'name', 'details'].map((c) => {
              const cell = r.querySelector(`[col-id="${c}"]`) as HTMLElement | null;
              return c === 'details' ? [...(cell?.querySelectorAll('.detail-line') ?? [])].map((l) => l.textContent!.trim()).join(' | ') : (cell?.textContent?.trim() ?? '');
            }),
            status: [...(r.querySelectorAll('[col-id="status"] .status-badge') ?? [])].map((b) => b.textContent!.trim()).join(' '),
          }))
          .sort((a, b) => a.i - b.i)
          .map((r) => [r.status, ...r.cells]),
      );
  }

  /** The names column with the indentation it is drawn with (in px), for the WBS tree. */
  async names(): Promise<[string, number][]> {
    return this.dialog
      .getByTestId('import-preview')
      .locator('.ag-row[row-index]')
      .evaluateAll((rows) =>
        rows
          .map((r) => {
            const span = r.querySelector('[col-id="name"] span') as HTMLElement | null;
            return { i: Number(r.getAttribute('row-index')), v: [span?.textContent ?? '', parseInt(span?.style.paddingLeft || '0', 10)] as [string, number] };
          })
          .sort((a, b) => a.i - b.i)
          .map((r) => r.v),
      );
  }

  option(name: string | RegExp): Locator {
    return this.dialog.getByRole('radio', { name });
  }

  /** Imports; waits for the dialog to close. */
  async apply() {
    await this.button(/^(取り込む|Import)$/).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async cancel() {
    await this.button(/^(キャンセル|Cancel)$/).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** Excel出力: the export dialog of the WBS and the registers — the standard layout or a client profile. */
export class ExportDialogScreen {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('export-dialog');
  }

  async open() {
    await this.page.getByRole('button', { name: /^(Excel出力|Export to Excel)$/ }).click();
    await this.dialog.waitFor();
    await expect.poll(() => this.dialog.getByTestId('export-status').innerText()).toBe('');
  }

  /** The choices as [name, hint, checked], top to bottom. */
  async choices(): Promise<[string, string, boolean][]> {
    return this.dialog.getByTestId('export-choice').evaluateAll((labels) =>
      labels.map((l) => [
        l.querySelector('.choice-name')!.textContent!.trim(),
        l.querySelector('.choice-hint')!.textContent!.trim(),
        (l.querySelector('input[type=radio]') as HTMLInputElement).checked,
      ]),
    ) as Promise<[string, string, boolean][]>;
  }

  choice(name: string): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  /** Exports; answers the download once the file has been handed over and the dialog has closed. */
  async run() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByRole('button', { name: /^(出力|Export)$/ }).click()]);
    await this.dialog.waitFor({ state: 'detached' });
    return download;
  }

  async cancel() {
    await this.dialog.getByRole('button', { name: /^(キャンセル|Cancel)$/ }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** 取込/出力の設定: the workspace's client profiles. */
export class ProfilesScreen {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('profiles');
  }

  /** Rows as [name, register, sheet, template, updated]. */
  async rows(): Promise<string[][]> {
    if ((await this.table.count()) === 0) return [];
    return this.table.getByTestId('profile-row').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent!.trim())),
    );
  }

  row(name: string): Locator {
    return this.table.getByTestId('profile-row').filter({ has: this.page.locator('.profile-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  renameBox(): Locator {
    return this.table.locator('td.name input');
  }
}

/** 議事録フォームの設定 and カードの設定 (one editor): items on the left, cells picked on the sheet. */
export class FormEditorScreen {
  readonly dialog: Locator;
  readonly sheet: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('form-editor');
    this.sheet = this.dialog.getByTestId('form-sheet');
  }

  cell(ref: string): Locator {
    return this.sheet.locator(`td[data-cell="${ref}"]`);
  }

  /** Chooses an item on the left (a field, a table's rows or one of its columns) by its test id. */
  async pick(testId: string) {
    await this.dialog.getByTestId(testId).click();
    await expect.poll(() => this.dialog.getByTestId(testId).getAttribute('aria-pressed')).toBe('true');
  }

  /** Chooses a single-cell item (会議名; a card's 件名) by its field. */
  async pickField(field: string) {
    await this.pick(`fx-field-${field}`);
  }

  /** The labels drawn on a cell of the sheet. */
  async tags(ref: string): Promise<string[]> {
    return this.cell(ref).locator('.fx-tag').allInnerTexts();
  }

  /** Where an item goes, as its entry on the left says (B3, 9〜12 行目, —). */
  async ref(testId: string): Promise<string> {
    return this.dialog.getByTestId(testId).locator('.fx-item-ref').innerText();
  }

  /** The single-cell items on the left as [label, where it goes]. */
  async items(): Promise<string[][]> {
    return this.dialog.locator('.fx-items .fx-item').evaluateAll((items) =>
      items.map((b) => [b.querySelector('.fx-item-label')!.textContent!.trim(), b.querySelector('.fx-item-ref')!.textContent!.trim()]),
    );
  }

  hint(): Locator {
    return this.dialog.getByTestId('form-hint');
  }
}

/** 設定 → チームで使う: the team database's form (Japanese labels). */
export class TeamScreen {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('team-section');
  }

  async open() {
    await this.page.getByTestId('open-settings').click();
    await this.page.locator('[data-testid="team-section"][aria-busy="false"]').waitFor();
  }

  /** Fills the form; `caFile` ticks TLS and names the CA file. */
  async fill(d: { host: string; port: number; database: string; user: string; password?: string; caFile?: string }) {
    const s = this.section();
    await s.getByLabel('ホスト').fill(d.host);
    await s.getByLabel('ポート').fill(String(d.port));
    await s.getByLabel('データベース').fill(d.database);
    await s.getByLabel('ユーザー (PostgreSQL のロール)').fill(d.user);
    await s.getByLabel('パスワード').fill(d.password ?? '');
    const tls = s.getByLabel('TLS で接続する (サーバー証明書を CA ファイルで確認)');
    await tls.setChecked(!!d.caFile);
    if (d.caFile) await s.getByLabel('CA 証明書ファイル (PEM)').fill(d.caFile);
  }

  async connect() {
    await this.section().getByRole('button', { name: '接続', exact: true }).click();
  }

  /** Why the team database is not open (shown in place of every other screen until 再接続 or leaving it). */
  problem(): Locator {
    return this.page.getByTestId('team-problem');
  }

  async reconnect() {
    await this.section().getByRole('button', { name: '再接続' }).click();
  }

  async backToFile() {
    await this.section().getByRole('button', { name: 'この PC のファイルに戻す' }).click();
  }

  /** この PC のデータをコピーして接続: copies the workspace into the (empty) database, then connects. */
  async copyAndConnect() {
    await this.section().getByRole('button', { name: 'この PC のデータをコピーして接続' }).click();
  }

  /** SQLite ファイルに書き出す: one project (by name) or, without one, the whole workspace; answers the saved file. */
  async exportFile(project?: string): Promise<{ fileName: string; path: string }> {
    const s = this.page.getByTestId('export-file-section');
    await s.getByTestId('export-file-project').selectOption(project ? { label: project } : { value: '' });
    const [download] = await Promise.all([this.page.waitForEvent('download'), s.getByTestId('export-file-save').click()]);
    return { fileName: download.suggestedFilename(), path: (await download.path())! };
  }

  error(): Locator {
    return this.section().getByRole('alert');
  }
}

/** 設定 → バックアップ: create, list and restore backups (the whole workspace or one project). */
export class BackupScreen {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('open-settings').click();
    await this.loaded();
  }

  /** The section has its list (it is busy while loading and while a call runs). */
  async loaded() {
    await this.page.locator('[data-testid="backup-section"][aria-busy="false"]').waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('backup-row');
  }

  /** Each row as its cells' text: date, size, what made it. */
  async list(): Promise<string[][]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')));
  }

  async create() {
    const before = await this.rows().count();
    await this.page.getByRole('button', { name: /^(バックアップを作成|Create backup)$/ }).click();
    await expect.poll(() => this.rows().count()).toBe(before + 1);
    await this.loaded();
  }

  /** Restores the whole workspace from the row'th backup; the app reloads on it. */
  async restoreWorkspace(row: number) {
    await this.rows().nth(row).getByRole('button', { name: /^(復元…|Restore…)$/ }).click();
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.getByRole('dialog').getByRole('button', { name: /^(復元|Restore)$/ }).click(),
    ]);
    await this.loaded();
  }

  async restoreProject(row: number, project: string) {
    await this.rows().nth(row).getByRole('button', { name: /^(プロジェクトを復元…|Restore a project…)$/ }).click();
    const dialog = this.page.getByTestId('project-restore-dialog');
    await dialog.getByRole('combobox').selectOption({ label: project });
    await dialog.getByRole('button', { name: /^(復元|Restore)$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.loaded();
  }
}
