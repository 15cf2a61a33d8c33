// Codes whose meaning the workbook writes down (blind set 5, K6): a 状態 column of 1/2/3 explained on a
// 凡例 sheet and in a note above the table (`1:未着手 2:対応中 3:完了`) was asked as three new words with no
// suggestion. A column of codes is read through the legend that explains every code it holds and whose
// words read in its field — a legend sheet's `code | word` table, a validation list's source, a line of
// pairs — suggested in the dialog (listed, so the user confirms), and written back as the codes on export.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'risk' | 'change';

async function preview(wb: ExcelJS.Workbook, register: Register = 'issue', projectId?: number) {
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  projectId ??= (await call('project.create', { name: `P${Math.random()}` })).id;
  return { projectId, dataBase64, p: await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 }) };
}
type Preview = Awaited<ReturnType<typeof preview>>['p'];
/** Each listed word of a field with its suggestion and how it was found. */
const asked = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, `${v.suggestion.code}/${v.suggestion.by}`]));
const column = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field]);

/** An issue sheet with its header at `headerRow` and rows of [title, priority, status]. */
function issues(wb: ExcelJS.Workbook, headerRow: number, rows: ExcelJS.CellValue[][], head = ['No.', '課題内容', '重要度', '状態', '担当']): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('課題一覧');
  ws.getCell('A1').value = '課題管理表';
  ws.getRow(headerRow).values = head;
  rows.forEach((r, i) => (ws.getRow(headerRow + 1 + i).values = [i + 1, ...r, '佐藤']));
  return ws;
}
const STATUS_ROWS = [
  ['ログイン画面の仕様未確定', 'A', 1],
  ['帳票レイアウト確認', 'B', 2],
  ['テスト環境不足', 'C', 3],
  ['マスタ移行方式', 'A', 2],
];

describe('a legend sheet or a note explains the codes', () => {
  it('K6: 1/2/3 of 状態 on a 凡例 sheet (and in the note above): suggested as not started / in progress / done', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = issues(wb, 7, STATUS_ROWS);
    ws.getCell('A3').value = '・状態は 1:未着手 2:対応中 3:完了 の番号で記入（凡例シート参照）';
    const lg = wb.addWorksheet('凡例');
    [['状態'], [1, '未着手'], [2, '対応中'], [3, '完了'], [], ['重要度'], ['A', '高（業務停止）'], ['B', '中'], ['C', '低']].forEach((r, i) => (lg.getRow(i + 1).values = r));
    const { p } = await preview(wb);
    expect(asked(p, 'status')).toEqual({ 1: 'not_started/legend', 2: 'in_progress/legend', 3: 'done/legend' });
    expect(column(p, 'status')).toEqual(['not_started', 'in_progress', 'done', 'in_progress']);
    // A/B/C read the same by our own words: nothing to ask.
    expect(column(p, 'priority')).toEqual(['high', 'medium', 'low', 'high']);
    expect(asked(p, 'priority')).toEqual({});
    expect(p.values.every((v) => !v.chosen)).toBe(true);
  });

  it('a legend sheet alone, under a コード | 意味 header, with codes our words do not know (S, 4)', async () => {
    const wb = new ExcelJS.Workbook();
    issues(wb, 3, [
      ['仕様確認', 'S', 4],
      ['性能問題', 'A', 1],
      ['帳票修正', 'B', 3],
    ], ['No', '件名', '優先度', 'ステータス', '担当者']);
    const lg = wb.addWorksheet('記入要領');
    [['ステータス'], ['コード', '意味'], [1, '未着手'], [2, '対応中'], [3, '完了'], [4, '保留（顧客回答待ち）'], [], ['優先度'], ['コード', '意味'], ['S', '最優先'], ['A', '高'], ['B', '中'], ['C', '低']].forEach((r, i) => (lg.getRow(i + 1).values = r));
    const { p } = await preview(wb);
    expect(column(p, 'status')).toEqual(['on_hold', 'not_started', 'done']);
    expect(column(p, 'priority')).toEqual(['high', 'high', 'medium']);
    expect(asked(p, 'priority')).toEqual({ S: 'high/legend' });
  });

  it.each([
    ['状態：1＝未着手、2＝対応中、3＝完了、4＝保留'],
    ['【状態】 1.未着手 / 2.対応中 / 3.完了'],
    ['凡例　状態 - 1:未着手, 2:対応中, 3:完了　重要度 - A:高, B:中, C:低'],
  ])('a note above the table: %s', async (note) => {
    const wb = new ExcelJS.Workbook();
    const ws = issues(wb, 4, STATUS_ROWS);
    ws.getCell('A2').value = note;
    const { p } = await preview(wb);
    expect(column(p, 'status')).toEqual(['not_started', 'in_progress', 'done', 'in_progress']);
  });

  it('one pair per cell in a legend box beside the title (1:未着手 | 2:対応中 | 3:完了)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = issues(wb, 4, STATUS_ROWS);
    ws.getRow(2).values = [null, '状態', '1:未着手', '2:対応中', '3:完了'];
    const { p } = await preview(wb);
    expect(asked(p, 'status')).toEqual({ 1: 'not_started/legend', 2: 'in_progress/legend', 3: 'done/legend' });
  });

  it('English: a Lookup sheet with Status and Priority side by side, the Status list validation pointing at it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Issues');
    ws.addRow(['ID', 'Issue', 'Priority', 'Status', 'Owner']);
    [['Login fails', 1, 2], ['Slow report', 3, 1], ['Missing field', 2, 4], ['Old browser', 1, 3]].forEach((r, i) => ws.addRow([`IS-${i + 1}`, ...r, 'Kim']));
    for (let r = 2; r <= 5; r++) ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Lookup!$A$2:$A$5'] };
    const lk = wb.addWorksheet('Lookup');
    [['Status', 'Meaning', null, 'Priority', 'Meaning'], [1, 'Not Started', null, 1, 'High'], [2, 'In Progress', null, 2, 'Medium'], [3, 'Complete', null, 3, 'Low'], [4, 'On Hold']].forEach((r, i) => (lk.getRow(i + 1).values = r));
    const { p } = await preview(wb);
    expect(column(p, 'status')).toEqual(['in_progress', 'not_started', 'on_hold', 'done']);
    // Both legends hold 1–3; only the Priority one's words read as priorities.
    expect(column(p, 'priority')).toEqual(['high', 'low', 'medium', 'high']);
    expect(asked(p, 'priority')).toEqual({ 1: 'high/legend', 2: 'medium/legend', 3: 'low/legend' });
  });

  it('marks whose legend differs from our reading (○ = 対応中, not done) are suggested as the legend says', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = issues(wb, 4, [
      ['A件', 'A', '○'],
      ['B件', 'B', '◎'],
      ['C件', 'C', '×'],
      ['D件', 'A', '△'],
    ]);
    ws.getCell('A2').value = '状況：◎=完了　○=対応中　△=保留　×=未着手';
    const { p } = await preview(wb);
    expect(column(p, 'status')).toEqual(['in_progress', 'done', 'not_started', 'on_hold']);
    // Every mark is listed: a register's status reads marks only through a legend or the user's choice (L5).
    expect(asked(p, 'status')).toEqual({ '○': 'in_progress/legend', '◎': 'done/legend', '×': 'not_started/legend', '△': 'on_hold/legend' });
  });

  it('ratings: 影響度 1/2/3 where 1 is 大, 発生確率 A/B/C, from a 凡例 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('リスク一覧');
    ws.addRow(['No', 'リスク内容', '発生確率', '影響度', '対応策', '担当']);
    ws.addRow([1, '要員不足', 'A', 1, '増員', '佐藤']);
    ws.addRow([2, '仕様変更', 'B', 2, '変更管理', '鈴木']);
    ws.addRow([3, 'ベンダー遅延', 'C', 3, '進捗確認', '田中']);
    const lg = wb.addWorksheet('凡例');
    [['発生確率'], ['A', '高い'], ['B', '中'], ['C', '低い'], [], ['影響度'], [1, '大'], [2, '中'], [3, '小']].forEach((r, i) => (lg.getRow(i + 1).values = r));
    const { p } = await preview(wb, 'risk');
    expect(column(p, 'probability')).toEqual([5, 3, 1]);
    expect(column(p, 'impact')).toEqual([5, 3, 1]);
    expect(asked(p, 'impact')).toMatchObject({ 1: '5/legend', 3: '1/legend' });
  });
});

describe('legends that do not explain the column are not used', () => {
  it('a numbered list on another sheet, and a legend of another column, give no suggestion', async () => {
    const wb = new ExcelJS.Workbook();
    issues(wb, 3, STATUS_ROWS);
    const other = wb.addWorksheet('機能一覧');
    [['No', '機能'], [1, 'ログイン'], [2, '帳票出力'], [3, 'マスタ管理']].forEach((r, i) => (other.getRow(i + 1).values = r));
    const lg = wb.addWorksheet('凡例');
    [['重要度'], [1, '高'], [2, '中'], [3, '低']].forEach((r, i) => (lg.getRow(i + 1).values = r));
    const { p } = await preview(wb);
    expect(asked(p, 'status')).toEqual({ 1: 'null/new', 2: 'null/new', 3: 'null/new' });
  });

  it('two legends that read the codes differently: the one titled with the column decides; untitled, none', async () => {
    const titled = new ExcelJS.Workbook();
    issues(titled, 3, STATUS_ROWS);
    const a = titled.addWorksheet('凡例');
    [['対応区分'], [1, '完了'], [2, '保留'], [3, '未着手'], [], ['状態'], [1, '未着手'], [2, '対応中'], [3, '完了']].forEach((r, i) => (a.getRow(i + 1).values = r));
    expect(column((await preview(titled)).p, 'status')).toEqual(['not_started', 'in_progress', 'done', 'in_progress']);

    const untitled = new ExcelJS.Workbook();
    issues(untitled, 3, STATUS_ROWS);
    const b = untitled.addWorksheet('凡例');
    [[1, '完了'], [2, '保留'], [3, '未着手'], [], [], [1, '未着手'], [2, '対応中'], [3, '完了']].forEach((r, i) => (b.getRow(i + 1).values = r));
    expect(asked((await preview(untitled)).p, 'status')).toEqual({ 1: 'null/new', 2: 'null/new', 3: 'null/new' });
  });

  it('a code the legend does not list leaves the column unexplained', async () => {
    const wb = new ExcelJS.Workbook();
    issues(wb, 4, [...STATUS_ROWS, ['追加', 'B', 5]]);
    wb.getWorksheet('課題一覧')!.getCell('A2').value = '状態：1:未着手 2:対応中 3:完了';
    const { p } = await preview(wb);
    expect(asked(p, 'status')['1']).toBe('null/new');
  });
});

describe('the codes are written back', () => {
  it('an export writes the legend’s codes as numbers, one no row had (4 = 保留) too; a no-edit export reads back unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    issues(wb, 3, STATUS_ROWS);
    const lg = wb.addWorksheet('凡例');
    [['状態'], [1, '未着手'], [2, '対応中'], [3, '完了'], [4, '保留']].forEach((r, i) => (lg.getRow(i + 1).values = r));
    const { projectId, p } = await preview(wb);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `K6 ${Math.random()}` } });
    expect((await call('issue.list', { projectId })).map((i) => i.status).sort()).toEqual(['done', 'in_progress', 'in_progress', 'not_started']);
    const same = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: same, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    expect(back.values.filter((v) => !v.chosen)).toEqual([]);
    const first = (await call('issue.list', { projectId })).find((i) => i.title === 'ログイン画面の仕様未確定')!;
    await call('issue.update', { id: first.id, patch: { status: 'on_hold' } });
    const out = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const sheet = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets.find((s) => s.name === '課題一覧')!;
    const statusCells = [3, 4, 5, 6].map((r) => sheet.rows.find((x) => x.r === r)!.cells.find((c) => c.c === 3));
    expect(statusCells.map((c) => [c?.t, c?.v])).toEqual([['n', 4], ['n', 2], ['n', 3], ['n', 2]]);
  });
});
