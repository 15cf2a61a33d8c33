// A legend written in one text cell above the table (blind set 6, L5): 【状態】◎：完了　○：対応中　△：未着手
// ×：対応不要 went unread (the 】 right before ◎ hid the first pair, and the marks were read by our own
// progress-check reading: ○ done, △ in progress, × not started — silently wrong). The legend's forms
// vary: a bracketed or colon title, ：:=＝ … → between code and word, full- or half-width spaces, 、 or /
// between pairs, words of several words (At risk), marks right before their word (◎完了). And marks
// with no legend are asked, never read unasked: ○ is done on one sheet and in progress beside ◎ on another.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lineLegends } from '../../electron/core/excel/import/code-legend.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
type Register = 'issue' | 'risk' | 'change';

async function preview(wb: ExcelJS.Workbook, register: Register = 'issue') {
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const projectId = (await call('project.create', { name: `P${Math.random()}` })).id;
  return { projectId, p: await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 }) };
}
type Preview = Awaited<ReturnType<typeof preview>>['p'];
const asked = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, `${v.suggestion.code}/${v.suggestion.by}`]));
const column = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field]);

/** An issue log: title row, the legend `note` on row 2, header on row 4, rows of [title, priority, status]. */
function log(note: string | null, rows: string[][], head = ['管理番号', '課題', '優先度', '状態', '担当者']): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題管理表');
  ws.getCell('A1').value = '課題管理表';
  if (note !== null) ws.getCell('A2').value = note;
  ws.getRow(4).values = head;
  rows.forEach((r, i) => (ws.getRow(5 + i).values = [`KD-${i + 1}`, ...r, ['山田', '佐藤', '鈴木', '高橋'][i % 4]!]));
  return wb;
}
const MARK_ROWS = [
  ['SSL証明書の更新', 'S', '◎'],
  ['入力チェック仕様', 'A', '○'],
  ['帳票レイアウト', 'C', '△'],
  ['ヘルプデスク体制', 'B', '×'],
];
const AS_LEGEND = ['done', 'in_progress', 'not_started', 'cancelled'];

describe('a legend line above the table is read for the column it names or whose codes it lists', () => {
  it('L5: 【状態】◎：完了　○：対応中　△：未着手　×：対応不要 (and 【優先度】S：即時対応 … on the same line)', async () => {
    const { p } = await preview(log('【状態】◎：完了　○：対応中　△：未着手　×：対応不要　　【優先度】S：即時対応　A：高　B：中　C：低', MARK_ROWS));
    expect(column(p, 'status')).toEqual(AS_LEGEND);
    expect(asked(p, 'status')).toEqual({ '◎': 'done/legend', '○': 'in_progress/legend', '△': 'not_started/legend', '×': 'cancelled/legend' });
    expect(p.values.every((v) => !v.chosen)).toBe(true);
  });

  it.each([
    ['状態：◎=完了、○=対応中、△=未着手、×=対応不要'],
    ['凡例 ◎＝完了 / ○＝対応中 / △＝未着手 / ×＝対応不要'],
    ['※状態欄　◎完了　○対応中　△未着手　×対応不要'],
    ['◎…完了 ○…対応中 △…未着手 ×…対応不要'],
    ['［状態］ ◎: 完了,  ○: 対応中,  △: 未着手,  ×: 対応不要'],
    ['状態は ◎→完了 ○→対応中 △→未着手 ×→対応不要 で記入'],
    // Mark, space, word, no colon (blind set 12, R5: read as four new words ◎ ○ △ ×).
    ['凡例：◎ 完了　○ 対応中　△ 未着手　× 対応不要'],
    ['◎ 完了 ○ 対応中 △ 未着手 × 対応不要'],
  ])('the same legend written as %s', async (note) => {
    const { p } = await preview(log(note, MARK_ROWS));
    expect(column(p, 'status')).toEqual(AS_LEGEND);
    expect(asked(p, 'status')['○']).toBe('in_progress/legend');
  });

  it('English: Status: 1=Not started, 2=In progress, 3=Done, 4=On hold (words of two words)', async () => {
    const { p } = await preview(log('Status: 1=Not started, 2=In progress, 3=Done, 4=On hold', [['Login spec', 'High', '2'], ['Report layout', 'Low', '4'], ['Test env', 'Medium', '1']], ['Ref', 'Issue', 'Priority', 'Status', 'Owner']));
    expect(column(p, 'status')).toEqual(['in_progress', 'on_hold', 'not_started']);
  });

  it('a priority legend with its own word for the top (S：即時対応) reads the rest through it', async () => {
    const { p } = await preview(log('凡例: A=高 B=中 C=低　　状態: 1=未着手 2=対応中 3=完了', [['仕様確認', 'A', '1'], ['帳票', 'C', '3'], ['性能', 'B', '2']]));
    expect(column(p, 'priority')).toEqual(['high', 'low', 'medium']);
    expect(column(p, 'status')).toEqual(['not_started', 'done', 'in_progress']);
  });

  it('lines of pairs are parsed in their common forms', () => {
    const read = (t: string) => lineLegends(t, 0, 0).map((l) => [l.title, Object.fromEntries(l.words)]);
    expect(read('Status: G=On track, A=At risk, R=Off track')).toEqual([['status', { G: 'On track', A: 'At risk', R: 'Off track' }]]);
    expect(read('RAG: G - On track  A - At risk  R - Off track')).toEqual([['rag', { G: 'On track', A: 'At risk', R: 'Off track' }]]);
    expect(read('【状態】1：未着手 2：完了 【優先度】A：高 B：低')).toEqual([['状態', { 1: '未着手', 2: '完了' }], ['優先度', { A: '高', B: '低' }]]);
    expect(read('状態: 1=未着手 2=完了 優先度: A=高 B=低')).toEqual([['状態', { 1: '未着手', 2: '完了' }], ['優先度', { A: '高', B: '低' }]]);
    expect(read('1 未着手 2 対応中')).toEqual([]);
    // A mark then one space then its word (R5), in both languages; a letter code so written is no pair.
    expect(read('凡例 ◎ 承認済 ○ レビュー中 △ 作成中 × 未着手')).toEqual([['凡例', { '◎': '承認済', '○': 'レビュー中', '△': '作成中', '×': '未着手' }]]);
    expect(read('Legend: ● Done ○ In progress × Not started')).toEqual([['legend', { '●': 'Done', '○': 'In progress', '×': 'Not started' }]]);
    expect(read('A 案 B 案')).toEqual([]);
  });
});

describe('marks with no legend are asked', () => {
  it('◎○△× in a status column: each listed with a suggestion graded by the column (◎ done, ○ in progress beside it), none chosen', async () => {
    const { p } = await preview(log(null, MARK_ROWS));
    expect(asked(p, 'status')).toEqual({ '◎': 'done/scale', '○': 'in_progress/scale', '△': 'not_started/scale', '×': 'not_started/scale' });
    expect(p.values.filter((v) => v.field === 'status').every((v) => !v.chosen)).toBe(true);
  });

  it('○△× without ◎ (a progress check): ○ suggested done, △ in progress, × not started — still asked', async () => {
    const { p } = await preview(log(null, [['A件', 'A', '○'], ['B件', 'B', '△'], ['C件', 'C', '×']]));
    expect(asked(p, 'status')).toEqual({ '○': 'done/scale', '△': 'in_progress/scale', '×': 'not_started/scale' });
    expect(column(p, 'status')).toEqual(['done', 'in_progress', 'not_started']);
  });

  it('the user’s choice is kept in the profile and an export writes the marks back', async () => {
    const { projectId, p } = await preview(log('【状態】◎：完了　○：対応中　△：未着手　×：対応不要', MARK_ROWS));
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L5 ${Math.random()}` } });
    expect((await call('issue.list', { projectId })).map((i) => i.status)).toEqual(AS_LEGEND);
    const out = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const sheet = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!;
    expect([4, 5, 6, 7].map((r) => sheet.rows.find((x) => x.r === r)!.cells.find((c) => c.c === 3)?.v)).toEqual(['◎', '○', '△', '×']);
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
