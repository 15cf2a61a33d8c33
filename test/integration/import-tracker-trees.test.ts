// Trees from a tracker's export (blind set 6, L9 and L7): Jira's Epic Link names the epic's key on each
// story (the custom field's name in a CSV export: "Custom field (Epic Link)"), its Parent names a
// sub-task's story, with the rows in any order (epics first, last, or mixed in); a Smartsheet list with
// an indented tree names predecessors by row number (1 = the first row under the header, summary rows
// counted). Before, the Jira rows were all top-level tasks and Smartsheet's "2", "3FS +2d" linked nothing.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(header: string[], rows: ExcelJS.CellValue[][], indent?: number[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  rows.forEach((r, k) => {
    const row = ws.addRow(r);
    if (indent?.[k]) row.getCell(1).alignment = { indent: indent[k] };
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, preview: await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'export.xlsx', dataBase64 }) };
}
const shape = (rows: { level?: number; values?: Record<string, unknown> }[]) => rows.map((r) => `${r.level}:${r.values?.name}`);

/** [type, key, summary, epic key, parent key] — two epics, four stories, two sub-tasks. */
const JIRA: [string, string, string, string, string][] = [
  ['Epic', 'ONB-101', 'Payments', '', ''],
  ['Epic', 'ONB-102', 'Accounts', '', ''],
  ['Story', 'ONB-110', 'Refund flow', 'ONB-101', ''],
  ['Story', 'ONB-111', 'Sign-up form', 'ONB-102', ''],
  ['Sub-task', 'ONB-120', 'Refund API', '', 'ONB-110'],
  ['Story', 'ONB-112', 'Receipts', 'ONB-101', ''],
  ['Sub-task', 'ONB-121', 'Refund screen', '', 'ONB-110'],
  ['Story', 'ONB-113', 'Password reset', 'ONB-102', ''],
];
const WANT = ['0:Payments', '1:Refund flow', '2:Refund API', '2:Refund screen', '1:Receipts', '0:Accounts', '1:Sign-up form', '1:Password reset'];
const stories = JIRA.filter(([t]) => t !== 'Sub-task');
const WANT_STORIES = WANT.filter((w) => !w.startsWith('2:'));

describe('a tracker export gives the tree', () => {
  it.each<[string, string[], (j: (typeof JIRA)[number], k: number) => ExcelJS.CellValue[], typeof JIRA, string[]]>([
    [
      'Jira, Epic Link, epics first then stories out of order',
      ['Issue Type', 'Issue key', 'Summary', 'Epic Link', 'Assignee', 'Status', 'Due Date'],
      ([t, key, s, epic], k) => [t, key, s, epic || null, 'Kim', 'To Do', d(`2025-07-${String(1 + k).padStart(2, '0')}`)],
      stories,
      WANT_STORIES,
    ],
    [
      'Jira CSV, Custom field (Epic Link), epics last',
      ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Custom field (Epic Link)', 'Assignee'],
      ([t, key, s, epic], k) => [s, key, 10000 + k, t, 'In Progress', epic || null, 'Lee'],
      [...stories.filter(([t]) => t !== 'Epic'), ...stories.filter(([t]) => t === 'Epic')],
      WANT_STORIES,
    ],
    [
      'Jira, Epic Link for stories and Parent for sub-tasks: three levels',
      ['Issue Type', 'Issue key', 'Summary', 'Parent', 'Epic Link', 'Status'],
      ([t, key, s, epic, parent]) => [t, key, s, parent || null, epic || null, 'To Do'],
      JIRA,
      WANT,
    ],
    [
      'Jira in Japanese: 課題タイプ | キー | 要約 | エピックリンク, sub-tasks under 親',
      ['課題タイプ', 'キー', '要約', 'エピックリンク', '親', '担当者', 'ステータス'],
      ([t, key, s, epic, parent]) => [t, key, s, epic || null, parent || null, '佐藤', '未着手'],
      JIRA,
      WANT,
    ],
    [
      'team-managed Jira: Parent names the epic and the story alike',
      ['Issue Type', 'Issue key', 'Summary', 'Parent', 'Status'],
      ([t, key, s, epic, parent]) => [t, key, s, parent || epic || null, 'Done'],
      [...JIRA].reverse(),
      // Siblings in the file's order.
      ['0:Accounts', '1:Password reset', '1:Sign-up form', '0:Payments', '1:Receipts', '1:Refund flow', '2:Refund screen', '2:Refund API'],
    ],
  ])('%s', async (_, header, row, rows, want) => {
    const { preview: p } = await preview(await book(header, rows.map(row)));
    expect(p.hierarchy).toBe('parent');
    expect(shape(p.rows)).toEqual(want);
    expect(p.problems.filter((x) => !x.warning)).toEqual([]);
  });
});

describe('the export of a Jira tree with Epic Link and Parent', () => {
  const header = ['Issue Type', 'Issue key', 'Summary', 'Parent', 'Epic Link', 'Status'];
  const rows = JIRA.map(([t, key, s, epic, parent]) => [t, key, s, parent || null, epic || null, 'To Do']);
  /** Issue key | Parent | Epic Link of each sheet row under the header. */
  const cells = (b64: string) =>
    readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 1).map((r) => [1, 3, 4].map((c) => r.cells.find((x) => x.c === c)?.v ?? '').join('|'));

  it("no edit: each row as it was (a story with an Epic Link keeps an empty Parent); a story indented under another names it in Parent", async () => {
    const dataBase64 = await book(header, rows);
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L9 ${Math.random()}` } });
    const same = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    expect(cells(same)).toEqual(cells(dataBase64));
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    await call('wbs.indent', { ids: [id('Receipts')] }); // under Refund flow (ONB-110)
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    expect(cells(out)).toContain('ONB-112|ONB-110|ONB-101');
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'export.xlsx', dataBase64: out, profileId: profileId! });
    const now = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(back.rows.map((r) => `${r.level}:${r.name}`).sort()).toEqual(now.map((t) => `${t.level}:${t.name}`).sort());
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
