// Where two text columns are about as likely the title, the import dialog asks and the user answers in
// the mapping table (issue 11, doubts.ts keyClose). A risk register headed in words that each name a
// field weakly (Cause | Event: the cause read as the description, the event as the title) is not read
// silently: the dialog asks, naming both columns, and the column taken as the title shows the doubt.
// The user chooses the other column as the title, and the risks are imported with the titles they meant.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { openSession, screenshotPath, type Session } from './browser.js';
import { ImportDialogScreen, ProjectsScreen, RegisterScreen, openTab } from './pages.js';

let s: Session;
const db = () => s.ws.db.sqlite;

beforeAll(async () => {
  await buildReaderWorker();
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

async function causeAndEvent(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Risks').addRows([
    ['No.', 'Cause', 'Event', 'Owner', 'Probability', 'Impact'],
    [1, 'Vendor staff turnover', 'Delivery slips a month', 'PMO', 3, 4],
    [2, 'Unclear data ownership', 'Migration rework', 'Data lead', 4, 3],
    [3, 'New firewall rules', 'Interface tests blocked', 'Infra', 2, 4],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the import dialog asks which of two columns is the title, in Chromium', () => {
  it('names both columns, the user chooses the other one as the title, and the risks are imported with it', async () => {
    const projects = new ProjectsScreen(s.page);
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    await projects.create('件名確認', 'ASKTITLE');
    await projects.open('件名確認');
    await openTab(s.page, 'リスク管理表');
    await new RegisterScreen(s.page, 'risk').grid.waitFor();
    const dialog = new ImportDialogScreen(s.page);
    await dialog.open();
    await dialog.choose('risks.xlsx', await causeAndEvent());
    await dialog.mapping();
    await dialog.dialog.getByTestId('import-ask').waitFor();
    const why = await dialog.dialog.getByTestId('import-ask-why').innerText();
    expect(why).toContain('C 列「Event」');
    expect(why).toContain('B 列「Cause」');
    // The column taken as the title shows the doubt too.
    expect((await dialog.mapping()).find((m) => m[0] === 'C')).toEqual(['C', 'Event', 'リスク', '要確認']);
    await s.page.screenshot({ path: screenshotPath('import-ask-title-ja.png') });
    // The user answers in the mapping table: Cause is the title.
    await dialog.mapColumn('B', 'リスク');
    await expect.poll(async () => (await dialog.mapping()).find((m) => m[0] === 'B')?.[2]).toBe('リスク');
    await dialog.next();
    expect(await dialog.counts()).toMatchObject({ new: 3 });
    await dialog.button(/^(取り込む|Import)$/).click();
    await dialog.dialog.waitFor({ state: 'detached' });
    const project = db().prepare("SELECT id FROM projects WHERE code = 'ASKTITLE'").get() as { id: number };
    expect(db().prepare('SELECT title FROM risks WHERE project_id = ? ORDER BY id').all(project.id)).toEqual([
      { title: 'Vendor staff turnover' },
      { title: 'Unclear data ownership' },
      { title: 'New firewall rules' },
    ]);
  });
});
