// Page models: what a user sees and does, so tests read as steps rather than selectors.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

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

  editor(): Locator {
    return this.grid.locator('.ag-cell-inline-editing input');
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

  async rowCount(): Promise<number> {
    return this.grid.locator('.ag-row[row-index]').count();
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
}
