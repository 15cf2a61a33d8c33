// Trees from a tracker's export (blind set 6, L9 and L7): Jira's Epic Link names the epic's key on each
// story (the custom field's name in a CSV export: "Custom field (Epic Link)"), its Parent names a
// sub-task's story, with the rows in any order (epics first, last, or mixed in); a Smartsheet list with
// an indented tree names predecessors by row number (1 = the first row under the header, summary rows
// counted, nothing on the sheet showing them). Before, the Jira rows were all top-level tasks and
// Smartsheet's "2", "3FS +2d" linked nothing, or the wrong task (read as outline codes).
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

  it('a story outdented off its epic loses its Epic Link too: the next import reads it at the top', async () => {
    const dataBase64 = await book(header, rows);
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L9b ${Math.random()}` } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.outdent', { ids: [tasks.find((t) => t.name === 'Password reset')!.id] });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    expect(cells(out)).toContain('ONB-113||');
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'export.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.rows.find((r) => r.name === 'Password reset')?.level).toBe(0);
  });
});

describe('Smartsheet predecessors by row number over an indented tree', () => {
  // Row numbers as Smartsheet shows them: 1 = the first row under the header, summary rows counted.
  const ROWS: [string, number, number, string, string, string][] = [
    ['Design', 0, 10, '2025-06-09', '2025-06-20', ''],
    ['Wireframes', 1, 5, '2025-06-09', '2025-06-13', ''],
    ['Visual design', 1, 5, '2025-06-16', '2025-06-20', '2'],
    ['Build', 0, 10, '2025-06-25', '2025-07-08', ''],
    ['Front end', 1, 5, '2025-06-25', '2025-07-01', '3FS +2d'],
    ['Back end', 1, 5, '2025-06-25', '2025-07-01', '3'],
    ['Release', 0, 1, '2025-07-09', '2025-07-09', '5, 6'],
  ];
  const links = async (projectId: number) => Object.fromEntries((await call('wbs.rows', { projectId }).then(tasksOfTable)).filter((t) => t.predecessors).map((t) => [t.name, t.predecessors]));
  /** The Predecessors cell of each sheet row under the header, by the name beside it. */
  const cells = (b64: string) =>
    Object.fromEntries(
      readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 1).map((r) => [String(r.cells.find((c) => c.c === 0)?.v ?? '').trim(), String(r.cells.find((c) => c.c === 4)?.v ?? '')]),
    );

  it.each<[string, string[]]>([
    ['English', ['Task Name', 'Duration', 'Start', 'Finish', 'Predecessors']],
    ['Japanese', ['タスク名', '期間', '開始', '終了', '先行タスク']],
  ])('%s: "2", "3FS +2d", "5, 6" link the rows they number, and are written back as row numbers', async (_, header) => {
    const data = await book(header, ROWS.map(([n, , dur, s, f, pred]) => [n, dur, d(s), d(f), pred || null]), ROWS.map(([, lv]) => lv));
    const { projectId, preview: p } = await preview(data);
    expect(shape(p.rows)).toEqual(['0:Design', '1:Wireframes', '1:Visual design', '0:Build', '1:Front end', '1:Back end', '0:Release']);
    expect(p.predecessorsReading).toEqual({ by: 'row' });
    expect(p.problems.filter((x) => x.field === 'predecessors')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L7 ${Math.random()}` } });
    expect(await links(projectId)).toEqual({ 'Visual design': '1.1', 'Front end': '1.2FS+2', 'Back end': '1.2', Release: '2.1,2.2' });
    // No edit: the cells as they were.
    const same = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    expect(cells(same)).toEqual(cells(data));
    // A task added under Design moves every row below it down one: the numbers follow.
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.create', { projectId, afterId: tasks.find((t) => t.name === 'Wireframes')!.id, values: { name: 'Style guide' } });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
    const now = cells(out);
    expect([now['Visual design'], now['Front end'], now['Back end'], now['Release']].map((x) => x!.replace(/\s/g, ''))).toEqual(['2', '4FS+2d', '4', '6,7']);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'export.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('an indented plan whose numbers read as outline codes agree with its dates keeps reading them as codes (phase 2 after phase 1)', async () => {
    const plan: [string, number, string, string, string][] = [
      ['要件定義', 0, '2025-06-02', '2025-06-13', ''],
      ['ヒアリング', 1, '2025-06-02', '2025-06-06', ''],
      ['要件書作成', 1, '2025-06-09', '2025-06-13', ''],
      ['設計', 0, '2025-06-16', '2025-06-27', '1'],
      ['基本設計', 1, '2025-06-16', '2025-06-20', ''],
      ['詳細設計', 1, '2025-06-23', '2025-06-27', ''],
      ['製造', 0, '2025-06-30', '2025-07-11', '2'],
    ];
    const { preview: p } = await preview(await book(['タスク名', '担当', '開始日', '終了日', '先行'], plan.map(([n, , s, f, pred]) => [n, '佐藤', d(s), d(f), pred || null]), plan.map(([, lv]) => lv)));
    expect(p.predecessorsReading).toEqual({ by: 'code' });
    expect(p.rows.map((r) => r.values?.predecessors ?? '')).toEqual(['', '', '', '1', '', '', '2']);
  });
});
