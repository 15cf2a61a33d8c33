// Tables side by side on one sheet (blind set 6, L2: a RAID sheet's risks at A:G and issues at I:O were
// read as one wide table when their lengths were close — issues took the risks' Ref, Owner and Status,
// risks with no issue beside them became issues with no title). Each table is its own candidate, whatever
// the lengths: parted by an empty column, or with none where the header's words start over (Ref … Status
// Ref … Status), with or without a title over each, two or three of them. An empty spacer column inside
// one table (planned | actual dates) does not part it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

type Table = { title?: string; header: string[]; rows: ExcelJS.CellValue[][] };

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const RISK_HEADER = ['Ref', 'Risk', 'Prob (H/M/L)', 'Impact (H/M/L)', 'Owner', 'Mitigation', 'Status'];
const ISSUE_HEADER = ['Ref', 'Issue', 'Priority', 'Raised', 'Owner', 'Action', 'Status'];
const ACTION_HEADER = ['Ref', 'Action Item', 'Owner', 'Due', 'Status'];
const OWNERS = ['J. Smith', 'A. Patel', 'M. Garcia', 'K. Brown', 'L. Chen', 'S. Ito', 'R. Novak'];
const risks = (n: number): Table => ({
  title: 'RISKS',
  header: RISK_HEADER,
  rows: Array.from({ length: n }, (_, k) => [`R${k + 1}`, `Risk number ${k + 1} about vendor ${k}`, 'H', k % 2 ? 'M' : 'L', OWNERS[k % 7], `Mitigate ${k + 1}`, k % 3 ? 'Open' : 'Closed']),
});
const issues = (n: number): Table => ({
  title: 'ISSUES',
  header: ISSUE_HEADER,
  rows: Array.from({ length: n }, (_, k) => [`I${k + 1}`, `Issue number ${k + 1} on site ${k}`, k % 2 ? 'High' : 'Low', d(`2025-06-${String(10 + k).padStart(2, '0')}`), OWNERS[(k + 3) % 7], `Fix ${k + 1}`, k % 2 ? 'Open' : 'Closed']),
});
const actions = (n: number): Table => ({
  title: 'ACTIONS',
  header: ACTION_HEADER,
  rows: Array.from({ length: n }, (_, k) => [`A${k + 1}`, `Follow up item ${k + 1}`, OWNERS[(k + 5) % 7], d(`2025-07-${String(1 + k).padStart(2, '0')}`), k % 2 ? 'Open' : 'Done']),
});

/** The tables from column A across, `gap` empty columns between them; titles on row 3, headers on row 4 (or row 1 without titles). */
async function book(tables: Table[], { gap = 1, titles = true }: { gap?: number; titles?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('RAID');
  const top = titles ? 4 : 1;
  if (titles) ws.getCell(1, 1).value = 'Project Phoenix RAID log';
  let col = 1;
  for (const t of tables) {
    if (titles && t.title) ws.getCell(top - 1, col).value = t.title;
    t.header.forEach((h, k) => (ws.getCell(top, col + k).value = h));
    t.rows.forEach((row, r) => row.forEach((v, k) => (ws.getCell(top + 1 + r, col + k).value = v)));
    col += t.header.length + gap;
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string, register: 'risk' | 'issue') {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'raid.xlsx', dataBase64 });
}

const titles = (p: Awaited<ReturnType<typeof preview>>) => p.rows.map((r) => r.values?.title);
const span = (p: Awaited<ReturnType<typeof preview>>) => `${p.columns[0]!.column}:${p.columns[p.columns.length - 1]!.column}`;

describe('tables side by side on one sheet', () => {
  it.each<[string, Table[], { gap?: number; titles?: boolean }, string, string]>([
    ['7 risks, 5 issues, an empty column between, titles above', [risks(7), issues(5)], {}, 'A:G', 'I:O'],
    ['the same without titles, header on row 1', [risks(7), issues(5)], { titles: false }, 'A:G', 'I:O'],
    ['as many risks as issues', [risks(5), issues(5)], {}, 'A:G', 'I:O'],
    ['fewer risks than issues, two empty columns between', [risks(3), issues(6)], { gap: 2 }, 'A:G', 'J:P'],
    ['no column between them: the header starts over at Ref', [risks(7), issues(6)], { gap: 0 }, 'A:G', 'H:N'],
    ['no column between and no titles', [risks(4), issues(4)], { gap: 0, titles: false }, 'A:G', 'H:N'],
  ])('%s: each register reads its own table', async (_, tables, opts, riskSpan, issueSpan) => {
    const data = await book(tables, opts);
    const asRisk = await preview(data, 'risk');
    expect(span(asRisk)).toBe(riskSpan);
    expect(titles(asRisk)).toEqual(tables[0]!.rows.map((r) => r[1]));
    expect(asRisk.rows.map((r) => r.values?.owner)).toEqual(tables[0]!.rows.map((r) => r[4]));
    const asIssue = await preview(data, 'issue');
    expect(span(asIssue)).toBe(issueSpan);
    expect(titles(asIssue)).toEqual(tables[1]!.rows.map((r) => r[1]));
    expect(asIssue.rows.map((r) => r.values?.ref)).toEqual(tables[1]!.rows.map((r) => r[0]));
    expect(asIssue.rows.map((r) => r.values?.owner)).toEqual(tables[1]!.rows.map((r) => r[4]));
    expect(asIssue.rows.every((r) => !r.skipped)).toBe(true);
    // On the header row, the other table is a candidate of its own, never the two joined.
    const spans = asIssue.detection!.candidates.filter((c) => c.headerTop === asIssue.header.top).map((c) => c.columns);
    expect(spans).toContain(issueSpan);
    expect(spans.some((s) => s.startsWith('A:') && s !== riskSpan)).toBe(false);
  });

  it.each<[string, number]>([
    ['an empty column between each', 1],
    ['no column between them', 0],
  ])('three tables in a row, %s: the issue register reads the middle one', async (_, gap) => {
    const data = await book([risks(6), issues(5), actions(6)], { gap });
    const asIssue = await preview(data, 'issue');
    expect(span(asIssue)).toBe(gap ? 'I:O' : 'H:N');
    expect(titles(asIssue)).toEqual(issues(5).rows.map((r) => r[1]));
    expect(asIssue.detection!.candidates.map((c) => c.columns)).toEqual(expect.arrayContaining(gap ? ['I:O', 'Q:U'] : ['H:N', 'O:S']));
  });

  it('Japanese headers with no column between: 課題一覧 beside リスク一覧 (No. 担当 状況 twice)', async () => {
    const risk: Table = { header: ['No.', 'リスク内容', '発生確率', '影響度', '担当', '対策', '状況'], rows: Array.from({ length: 5 }, (_, k) => [k + 1, `リスク${k + 1}の内容について`, '高', '中', ['佐藤', '鈴木', '高橋'][k % 3], `対策${k + 1}`, '対応中']) };
    const issue: Table = { header: ['No.', '課題', '起票日', '担当', '対応内容', '状況'], rows: Array.from({ length: 5 }, (_, k) => [k + 1, `課題${k + 1}について調整が必要`, d(`2025-05-${String(10 + k).padStart(2, '0')}`), ['田中', '伊藤', '山本'][k % 3], `対応${k + 1}`, k % 2 ? '完了' : '対応中']) };
    const data = await book([risk, issue], { gap: 0, titles: false });
    const asIssue = await preview(data, 'issue');
    expect(span(asIssue)).toBe('H:M');
    expect(titles(asIssue)).toEqual(issue.rows.map((r) => r[1]));
    expect(asIssue.rows.map((r) => r.values?.owner)).toEqual(['田中', '伊藤', '山本', '田中', '伊藤']);
    const asRisk = await preview(data, 'risk');
    expect(span(asRisk)).toBe('A:G');
  });

  it('one table with an empty spacer column before its actual dates stays one table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['タスク名', '担当', '予定開始', '予定終了', null, '実績開始', '実績終了', '進捗率']);
    const tasks = ['要件定義', '基本設計', '詳細設計', '製造', '結合テスト', '総合テスト'];
    tasks.forEach((t, k) => ws.addRow([t, '佐藤', d(`2025-04-${String(1 + 3 * k).padStart(2, '0')}`), d(`2025-04-${String(3 + 3 * k).padStart(2, '0')}`), null, k < 3 ? d(`2025-04-${String(1 + 3 * k).padStart(2, '0')}`) : null, k < 2 ? d(`2025-04-${String(3 + 3 * k).padStart(2, '0')}`) : null, k < 2 ? 1 : k < 3 ? 0.5 : 0]));
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'assignee', 'plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'progress']);
    expect(p.rows.map((r) => r.values?.actualStart ?? null)).toEqual(['2025-04-01', '2025-04-04', '2025-04-07', null, null, null]);
  });
});
