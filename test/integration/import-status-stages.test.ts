// A client's status or level word that no list has, read as the project's nearest item by rules over its
// family (issue 11 "Value mapping, both ways"; blind set 8, B6): a status word at its stage of a record's
// life (Japanese affixes 未X / X中 / X済 / X待ち, English In X / Ready for X / Re-opened, defect and
// service-desk lifecycles), numbered levels (1 - Critical above 2 - High), and the legend above the table
// where one stray cell (a count line) holds a code it does not explain. Each word is still listed in the
// preview with its suggestion, so the user can choose; a word with no stage keeps none; the export writes
// the client's own words back and edit scripts come back as stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'defect' | 'deliverable' | 'risk' | 'change' | 'lesson';

async function book(head: string[], rows: ExcelJS.CellValue[][], above: ExcelJS.CellValue[][] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of above) ws.addRow(r);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function preview(register: Register, bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
}
type Preview = Awaited<ReturnType<typeof preview>>;
const suggested = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, v.suggestion.code]));
const read = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field] ?? null);

/** One column of words under a register's usual header, each on its own titled row. */
async function column(register: Register, head: string[], at: number, words: string[], above: ExcelJS.CellValue[][] = []) {
  const rows = words.map((w, k) => head.map((_, c) => (c === at ? w : c === 0 ? `件名${k + 1}` : /日|Date/.test(head[c]!) ? d(`2025-05-${String(k + 1).padStart(2, '0')}`) : '佐藤')));
  return preview(register, await book(head, rows, above));
}

describe('a status word at its stage of a record’s life', () => {
  it.each<[string, Register, string[], string[], Record<string, string | null>]>([
    ['問合せ: 未回答 / 回答中 / 回答済 / 保留 (B6)', 'issue', ['問合せ内容', '受付日', '担当', '状況'], ['未回答', '回答中', '回答済', '保留', '回答中'], { 回答中: 'in_progress' }],
    ['issue, Japanese affixes on other verbs', 'issue', ['課題', '起票日', '担当', '状況'], ['調査中', '修正済', '未修正', 'レビュー待ち', '連絡待ち', '保留中'], { 調査中: 'in_progress', 修正済: 'done', 未修正: 'not_started', レビュー待ち: 'in_progress', 連絡待ち: 'not_started', 保留中: 'on_hold' }],
    ['issue, English phrases', 'issue', ['Issue', 'Date Raised', 'Owner', 'Status'], ['Under investigation', 'Ready for Retest', 'Awaiting vendor', 'Reopened', 'Not a bug'], { 'Under investigation': 'in_progress', 'Ready for Retest': 'in_progress', 'Awaiting vendor': 'on_hold', Reopened: 'in_progress', 'Not a bug': 'cancelled' }],
    ['UAT defect lifecycle (B6)', 'defect', ['Summary', 'Date Logged', 'Assigned To', 'Status'], ['New', 'Assigned', 'In Progress', 'Ready for Retest', 'Reopened', 'Closed', 'Duplicate', 'Verified'], { New: 'open', Assigned: 'open', 'Ready for Retest': 'fixed', Reopened: 'in_progress', Duplicate: 'rejected', Verified: 'closed' }],
    ['障害 lifecycle in Japanese', 'defect', ['現象', '発見日', '担当者', 'ステータス'], ['新規', '割当済', '修正中', '修正済', '再テスト待ち', '再オープン', 'クローズ', '仕様通り'], { 新規: 'open', 割当済: 'open', 修正中: 'in_progress', 修正済: 'fixed', 再テスト待ち: 'fixed', 再オープン: 'in_progress', クローズ: 'closed', 仕様通り: 'rejected' }],
    ['deliverable review words', 'deliverable', ['成果物名', '提出予定日', '作成担当', '状態'], ['作成前', 'レビュー待ち', 'Sent back', '承認', '作成中'], { 作成前: 'not_started', レビュー待ち: 'in_review', 'Sent back': 'returned', 承認: 'approved' }],
    ['risk status words', 'risk', ['リスク内容', '識別日', '担当', '状況'], ['Assigned', '対策済', '経過観察中', '対応中'], { Assigned: 'open', 対策済: 'closed', 経過観察中: 'monitoring' }],
  ])('%s', async (_, register, head, words, want) => {
    const p = await column(register, head, head.length - 1, words);
    expect(p.columns.find((c) => c.label === head[head.length - 1])?.field).toBe('status');
    expect(suggested(p, 'status')).toEqual(want);
    // Read as suggested, each listed for the user's choice.
    expect(p.values.filter((v) => v.field === 'status').every((v) => !v.chosen && v.code === v.suggestion.code)).toBe(true);
  });

  it.each<[string, Register, string[], string[], Record<string, string>]>([
    ['lesson (en): Published is the shared state after Approved (blind set 9, C6)', 'lesson', ['Lesson Title', 'Date', 'Submitted By', 'Status'], ['Draft', 'Approved', 'Published', 'Shared', 'Distributed'], { Published: 'shared', Distributed: 'shared' }],
    ['lesson (ja): 周知済 / 水平展開済 / 公開済', 'lesson', ['教訓', '登録日', '登録者', '状態'], ['起票', '承認済', '周知済', '水平展開済', '公開済'], { 周知済: 'shared', 水平展開済: 'shared', 公開済: 'shared' }],
    ['issue: a list that stops at done reads Published as done', 'issue', ['Issue', 'Date Raised', 'Owner', 'Status'], ['Open', 'In Progress', 'Published', 'Closed'], { Published: 'done' }],
  ])('passed on to others: %s', async (_, register, head, words, want) => {
    const p = await column(register, head, head.length - 1, words);
    expect(suggested(p, 'status')).toEqual(want);
  });

  it('a word with no stage, and a stage two items share with nothing nearer, keep no suggestion', async () => {
    const p = await column('issue', ['課題', '起票日', '担当', '状況'], 3, ['フェーズ2', 'Phase 2', '完了']);
    expect(suggested(p, 'status')).toEqual({ フェーズ2: null, 'Phase 2': null });
  });

  it('a change’s decision is no lifecycle: its words are not read at a stage', async () => {
    const p = await column('change', ['変更件名', '起票日', '起票者', '判定'], 3, ['承認', '却下', '作業中']);
    expect(suggested(p, 'decision')).toEqual({ 作業中: null });
  });
});

describe('numbered levels', () => {
  it.each<[string, Register, string[], string[], Record<string, string>]>([
    ['1 - Critical … 4 - Low (B6)', 'defect', ['Summary', 'Date Logged', 'Severity', 'Status'], ['1 - Critical', '2 - High', '3 - Medium', '4 - Low', '2 - High'], { '1 - Critical': 'high', '2 - High': 'high', '3 - Medium': 'medium', '4 - Low': 'low' }],
    ['1：至急 2：高 3：中 4：低', 'issue', ['課題', '起票日', '優先度', '状況'], ['1：至急', '2：高', '3：中', '4：低'], { '1：至急': 'high', '2：高': 'high', '3：中': 'medium', '4：低': 'low' }],
    ['(1) Showstopper (2) Major (3) Minor', 'issue', ['Issue', 'Date Raised', 'Priority', 'Status'], ['(1) Showstopper', '(2) Major', '(3) Minor'], { '(1) Showstopper': 'high', '(2) Major': 'high', '(3) Minor': 'low' }],
    ['1. Sev1 … 4. Sev4, no word read: spread by rank', 'defect', ['Summary', 'Date Logged', 'Severity', 'Status'], ['1. Sev1', '2. Sev2', '3. Sev3', '4. Sev4'], { '1. Sev1': 'high', '2. Sev2': 'medium', '3. Sev3': 'medium', '4. Sev4': 'low' }],
  ])('%s', async (_, register, head, words, want) => {
    const field = register === 'defect' ? 'severity' : 'priority';
    const p = await column(register, head, 2, words);
    expect(suggested(p, field)).toEqual(want);
  });

  it('a severity’s own words (致命的, 軽微, Critical) read as its levels', async () => {
    const p = await column('defect', ['現象', '発見日', '重要度', 'ステータス'], 2, ['致命的', '軽微', 'Critical', '中']);
    expect(read(p, 'severity')).toEqual(['high', 'low', 'high', 'medium']);
    expect(p.values.filter((v) => v.field === 'severity')).toEqual([]);
  });
});

describe('the legend above the table, one stray cell', () => {
  const LEGEND = [['成果物一覧'], ['凡例（状態）：◎承認済　○レビュー中　△作成中　×未着手　▲差戻し'], []];
  const HEAD = ['No.', '成果物名', '作成担当', '提出予定日', '状態'];
  const MARKS = ['◎', '○', '△', '×', '▲', '◎', '△'];
  const rows = (marks: ExcelJS.CellValue[]) => marks.map((m, k) => [k + 1, `成果物${k + 1}`, '佐藤', d(`2025-05-${String(k + 10)}`), m]);

  it('◎○△×▲ read through the legend though a count line holds a 3 (one stray cell in ten)', async () => {
    const bytes = await book(HEAD, [...rows([...MARKS, '×', '○', '◎']), [null, '承認済件数', null, null, 3]], LEGEND);
    const p = await preview('deliverable', bytes);
    expect(suggested(p, 'status')).toMatchObject({ '◎': 'approved', '○': 'in_review', '△': 'in_progress', '×': 'not_started', '▲': 'returned' });
  });

  it.each([
    ['one stray cell in fewer than ten', [...MARKS, 3]],
    ['two stray codes in ten', [...MARKS, '甲', '乙', '甲']],
  ])('a legend that leaves more unexplained is not the column’s: %s', async (_, marks) => {
    const p = await preview('deliverable', await book(HEAD, rows(marks), LEGEND));
    expect(suggested(p, 'status')['◎']).toBeNull();
  });

  it('export writes the marks back: the user’s approved is ◎, and edit scripts come back as stored', async () => {
    const bytes = await book(HEAD, rows(MARKS), LEGEND);
    const { projectId, profileId } = await importWithProfile(call, bytes, 'legend marks', 'deliverable');
    const list = (await call('deliverable.list', { projectId })) as { id: number; title: string; status: string }[];
    expect(list.map((x) => x.status)).toEqual(['approved', 'in_review', 'in_progress', 'not_started', 'returned', 'approved', 'in_progress']);
    await call('deliverable.update', { id: list[2]!.id, patch: { status: 'approved' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'deliverable', profileId })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
    const marks = [4, 5, 6, 7, 8, 9, 10].map((r) => sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === 4)?.v);
    expect(marks).toEqual(['◎', '○', '◎', '×', '▲', '◎', '△']);
    const outcome = await roundTrip(call, 'legend-marks.xlsx', bytes, 'deliverable', { scripts: 5, seed: 18 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});

describe('the client’s words come back', () => {
  it('a defect log of lifecycle and numbered words: no-edit export unchanged cell for cell, edit scripts come back as stored', async () => {
    const head = ['Defect #', 'Summary', 'Date Logged', 'Severity', 'Status'];
    const words: [string, string][] = [['1 - Critical', 'New'], ['2 - High', 'Assigned'], ['3 - Medium', 'Ready for Retest'], ['4 - Low', 'Closed'], ['2 - High', 'Reopened'], ['3 - Medium', 'In Progress']];
    const bytes = await book(head, words.map(([sev, st], k) => [`DF-${k + 1}`, `Defect ${k + 1}`, d(`2025-05-0${k + 1}`), sev, st]));
    const { projectId, profileId } = await importWithProfile(call, bytes, 'uat', 'defect');
    const list = (await call('defect.list', { projectId })) as { severity: string; status: string }[];
    expect(list.map((x) => [x.severity, x.status])).toEqual([['high', 'open'], ['high', 'open'], ['medium', 'fixed'], ['low', 'closed'], ['high', 'in_progress'], ['medium', 'in_progress']]);
    const out = Buffer.from((await call('excel.export', { projectId, register: 'defect', profileId })).dataBase64, 'base64');
    const cells = (b: Buffer) => readWorkbookBytes(b, 'x.xlsx').sheets[0]!.rows.flatMap((r) => r.cells.map((c) => `${r.r}:${c.c}=${String(c.v)}`));
    expect(cells(out)).toEqual(cells(bytes));
    const outcome = await roundTrip(call, 'uat-words.xlsx', bytes, 'defect', { scripts: 5, seed: 18 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});
