// A client's list words that mean one of our values by their sense, not by our label or synonym (issue 11,
// value mapping; blind set 10, C2): a checklist's marks read through the legend beside the table (○＝基準充足
// ×＝未充足 －＝対象外; ✓ = Pass, ✗ = Fail, - = N/A), or by the marks' own sense where the workbook says
// nothing; an audit's grades of other schemes at their rank (J-SOX 重要な不備 / 不備 / 要改善, ISO major /
// minor nonconformity and observation); a severity ladder onto a priority by rank (緊急 / 重要 / 警告 / 注意);
// a document's stages by their sense (Issued for Review is in review, Comments Received returned). Each is
// suggested (listed, so the user confirms it), never kept as a new code, and the export writes the client's
// own word back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();

/** A register under a title row and an optional note row; `list` is the validation of column `listAt` (1-based). */
async function book(head: string[], rows: ExcelJS.CellValue[][], opts: { note?: string; under?: string; list?: string; listAt?: number } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['Register']);
  ws.addRow([opts.note ?? null]);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  if (opts.under) {
    ws.addRow([]);
    ws.addRow([opts.under]);
  }
  if (opts.list) for (let r = 4; r < 4 + rows.length; r++) ws.getCell(r, opts.listAt!).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${opts.list}"`] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function preview(register: ImportTarget, bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
}
type Preview = Awaited<ReturnType<typeof preview>>;
const read = (p: Preview, field: string) => p.rows.filter((r) => !r.skipped).map((r) => r.values?.[field] ?? null);
/** What each listed word is suggested as, and by what. */
const asked = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, v.suggestion.code]));

describe('a checklist’s marks', () => {
  const head = ['No.', '確認項目', '判定', '確認者'];
  const checks = (marks: string[]) => marks.map((m, k) => [k + 1, `確認項目${k + 1}`, m, '大野']);
  it.each<[string, string[], string | undefined, string | undefined]>([
    ['ja legend above: ○＝基準充足 ×＝未充足 －＝対象外', ['○', '○', '×', '－', '○'], '凡例：○＝基準充足　×＝未充足　－＝対象外', undefined],
    ['ja legend with …: ○…合格 ×…不合格 ー…該当なし', ['○', '×', 'ー', '○', '×'], '判定：○…合格　×…不合格　ー…該当なし', undefined],
    ['en legend under the table: ✓ = Pass, ✗ = Fail, - = N/A', ['✓', '✓', '✗', '-', '✓'], undefined, 'Legend: ✓ = Pass, ✗ = Fail, - = N/A'],
    ['no legend, the marks’ own sense', ['○', '○', '×', '○', '×'], undefined, undefined],
  ])('%s', async (_, marks, note, under) => {
    const p = await preview('checklist', await book(head, checks(marks), { note, under }));
    const want = marks.map((m) => (/[○✓]/.test(m) ? 'ok' : /[×✗]/.test(m) ? 'ng' : 'na'));
    expect(read(p, 'result')).toEqual(want);
    // Listed with their reading, for the user to confirm: never a new item of the list.
    expect(Object.values(asked(p, 'result')).every((c) => c === 'ok' || c === 'ng' || c === 'na')).toBe(true);
    expect(p.values.every((v) => v.suggestion.by !== 'new')).toBe(true);
  });

  it('a dash the column’s own list holds is a value (not applicable), not an empty cell', async () => {
    const p = await preview('checklist', await book(head, checks(['○', '－', '×']), { list: '○,×,－', listAt: 3 }));
    expect(read(p, 'result')).toEqual(['ok', 'na', 'ng']);
  });

  it('a dash nothing in the workbook explains stays empty', async () => {
    const p = await preview('checklist', await book(head, checks(['OK', '－', 'NG'])));
    expect(read(p, 'result')).toEqual(['ok', null, 'ng']);
  });

  it.each<[string[], string[]]>([
    [['合格', '不合格', '該当なし'], ['ok', 'ng', 'na']],
    [['Pass', 'Fail', 'N/A'], ['ok', 'ng', 'na']],
    [['基準充足', '未充足', '対象外'], ['ok', 'ng', 'na']],
    [['Met', 'Not met', 'Not applicable'], ['ok', 'ng', 'na']],
  ])('words: %j', async (words, want) => {
    const p = await preview('checklist', await book(head, checks(words)));
    expect(read(p, 'result')).toEqual(want);
  });

  it('the export writes the client’s marks back, and edit scripts come back as stored', async () => {
    const bytes = await book(head, checks(['○', '○', '×', '－', '○', '×']), { note: '凡例：○＝基準充足　×＝未充足　－＝対象外' });
    const { projectId } = await importWithProfile(call, bytes, 'marks', 'checklist');
    expect(((await call('checklist.list', { projectId })) as { result: string }[]).map((x) => x.result)).toEqual(['ok', 'ok', 'ng', 'na', 'ok', 'ng']);
    const outcome = await roundTrip(call, 'marks.xlsx', bytes, 'checklist', { scripts: 5, seed: 20 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});

describe('an audit’s grades of other schemes, at their rank', () => {
  const head = ['No.', '指摘事項', '評価', '担当'];
  const findings = (grades: string[]) => grades.map((g, k) => [k + 1, `指摘${k + 1}`, g, '川口']);
  it.each<[string, string[], string[]]>([
    ['J-SOX', ['不備', '重要な不備', '不備', '要改善', '要改善'], ['minor', 'major', 'minor', 'observation', 'observation']],
    ['J-SOX, material weakness above', ['開示すべき重要な不備', '不備', '要改善'], ['major', 'minor', 'observation']],
    ['ISO 19011 (ja)', ['重大な不適合', '軽微な不適合', '観察事項', '軽微な不適合'], ['major', 'minor', 'observation', 'minor']],
    ['ISO 19011 (en)', ['Major NC', 'Minor NC', 'OFI', 'Observation'], ['major', 'minor', 'observation', 'observation']],
    ['IIA / SOX (en)', ['Significant Deficiency', 'Deficiency', 'Recommendation'], ['major', 'minor', 'observation']],
  ])('%s', async (_, grades, want) => {
    const p = await preview('finding', await book(head, findings(grades)));
    expect(p.columns.find((c) => c.label === '評価')?.field).toBe('severity');
    expect(read(p, 'severity')).toEqual(want);
    expect(p.values.every((v) => v.suggestion.by !== 'new')).toBe(true);
  });

  it('the export writes the client’s grades back, and edit scripts come back as stored', async () => {
    const bytes = await book(head, findings(['不備', '重要な不備', '要改善', '不備', '要改善']));
    const outcome = await roundTrip(call, 'jsox.xlsx', bytes, 'finding', { scripts: 5, seed: 20 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});

describe('a severity ladder onto a priority, by rank', () => {
  it.each<[string, string[], string[]]>([
    ['IPA / JVN', ['緊急', '重要', '警告', '注意', '緊急'], ['high', 'high', 'medium', 'low', 'high']],
    ['three of IPA / JVN', ['緊急', '重要', '警告', '重要'], ['high', 'high', 'medium', 'high']],
    ['CVSS with Informational', ['Critical', 'High', 'Medium', 'Low', 'Informational'], ['high', 'high', 'medium', 'low', 'low']],
  ])('%s', async (_, words, want) => {
    const rows = words.map((w, k) => [`V-${k + 1}`, `脆弱性${k + 1}`, w, '対応中']);
    const p = await preview('issue', await book(['管理No', '脆弱性概要', '深刻度', '対応状況'], rows));
    const got = read(p, 'priority');
    // 緊急 and 重要 read as high by their own words; a level below the read ones takes its rank on the whole ladder.
    expect(got).toEqual(want);
  });
});

describe('a decision log’s states', () => {
  it.each<[string[], string[]]>([
    [['Agreed', 'Superseded', 'Agreed'], ['done', 'cancelled', 'done']],
    [['決定済', '差し替え', '合意'], ['done', 'cancelled', 'done']],
  ])('%j', async (words, want) => {
    const rows = words.map((w, k) => [`DEC-${k + 1}`, `Decision ${k + 1}`, 'CFO', w]);
    const p = await preview('issue', await book(['Ref', 'Decision Required', 'Decided By', 'Status'], rows));
    expect(read(p, 'status')).toEqual(want);
  });
});

describe('a release plan’s states', () => {
  it.each<[string[], string[]]>([
    [['Released', 'Deployed', 'In progress', 'Planned'], ['done', 'done', 'in_progress', 'not_started']],
    [['リリース済', '本番反映済', '作業中', '未着手'], ['done', 'done', 'in_progress', 'not_started']],
  ])('%j', async (words, want) => {
    const rows = words.map((w, k) => [`R25.${k + 1}`, `Release ${k + 1}`, new Date(`2025-0${k + 4}-10T00:00:00Z`), new Date(`2025-0${k + 4}-24T00:00:00Z`), w]);
    const p = await preview('wbs', await book(['Ref', 'Task', 'Start', 'Finish', 'Status'], rows));
    expect(read(p, 'status')).toEqual(want);
  });
});

describe('a document’s stages by their sense', () => {
  const head = ['Doc No.', 'Document Title', 'Originator', 'Status'];
  it.each<[string, string[], string[], string | undefined]>([
    ['UK document register', ['Not Started', 'In Draft', 'Issued for Review', 'Comments Received', 'Approved'], ['not_started', 'in_progress', 'in_review', 'returned', 'approved'], 'Not Started,In Draft,Issued for Review,Comments Received,Approved'],
    ['other English wordings', ['Draft', 'Sent for Comment', 'For Approval', 'Revise and Resubmit', 'Approved with Comments'], ['not_started', 'in_review', 'in_review', 'returned', 'approved'], undefined],
    ['Japanese', ['未着手', '作成中', 'レビュー依頼中', 'コメント受領', '承認済'], ['not_started', 'in_progress', 'in_review', 'returned', 'approved'], undefined],
    ['Japanese, submitted and asked to revise', ['提出済', '修正依頼', '承認申請中', '承認済'], ['in_review', 'returned', 'in_review', 'approved'], undefined],
  ])('%s', async (_, words, want, list) => {
    const rows = words.map((w, k) => [`DOC-${k + 1}`, `Document ${k + 1}`, 'R. Bennett', w]);
    const p = await preview('deliverable', await book(head, rows, { list, listAt: 4 }));
    expect(read(p, 'status')).toEqual(want);
    expect(p.values.every((v) => v.suggestion.by !== 'new')).toBe(true);
  });

  it('the export writes the client’s stages back, and edit scripts come back as stored', async () => {
    const rows = ['Not Started', 'In Draft', 'Issued for Review', 'Comments Received', 'Approved'].map((w, k) => [`DOC-${k + 1}`, `Document ${k + 1}`, 'R. Bennett', w]);
    const bytes = await book(head, rows, { list: 'Not Started,In Draft,Issued for Review,Comments Received,Approved', listAt: 4 });
    const outcome = await roundTrip(call, 'docs.xlsx', bytes, 'deliverable', { scripts: 5, seed: 20 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});
