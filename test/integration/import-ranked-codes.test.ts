// Codes whose meaning is their rank (issue 11, value mapping; blind set 9, C4 and C5): probability and impact
// written A / B / C, S / A / B / C, Ⅰ / Ⅱ / Ⅲ or イ / ロ / ハ, read on 1–5 by their order — which end is the top
// taken from the criteria table beside the register when there is one (then read unasked), else the first as
// the top and asked —; and priorities numbered P1 / P2 / P3, P0 … P4, Sev1 … Sev4, S1 … S3, spread over
// high / medium / low by rank (P2 is the middle of three, not a second high).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'defect' | 'risk';

/** A register at A1 (header, rows), with `beside` written from column `at` on the header's row down. */
async function book(head: string[], rows: ExcelJS.CellValue[][], beside: ExcelJS.CellValue[][] = [], at = head.length + 2, list?: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  beside.forEach((line, i) => line.forEach((v, j) => (ws.getCell(1 + i, at + j).value = v)));
  if (list) for (let r = 2; r < 20; r++) for (const c of [3, 4]) ws.getCell(r, c).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function preview(register: Register, bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
}
type Preview = Awaited<ReturnType<typeof preview>>;
const read = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field] ?? null);
const asked = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, v.suggestion.code]));

const JA = ['リスク内容', '識別日', '発生可能性', '影響度', '状態'];
const EN = ['Risk Description', 'Date Identified', 'Likelihood', 'Impact', 'Status'];
/** Risks with the given (probability, impact) codes. */
const risks = (pairs: [ExcelJS.CellValue, ExcelJS.CellValue][], en = false) =>
  pairs.map(([p, i], k) => [en ? `Risk ${k + 1}` : `リスク${k + 1}`, d(`2025-05-${String(k + 10)}`), p, i, en ? 'Open' : '対応中']);
const PAIRS: [string, string][] = [['A', 'B'], ['B', 'A'], ['B', 'A'], ['C', 'B'], ['B', 'C']];

describe('ranks for probability and impact', () => {
  it('A / B / C with a criteria table beside the register (ja): read by it, unasked', async () => {
    const criteria = [['ランク', '発生可能性', '影響度'], ['A', '工期中に発生する見込みが高い', '工期1か月以上の遅延'], ['B', '発生する可能性がある', '工期1か月未満の遅延'], ['C', 'ほとんど発生しない', '影響は軽微']];
    const p = await preview('risk', await book(JA, risks(PAIRS), criteria));
    expect(read(p, 'probability')).toEqual([5, 3, 3, 1, 3]);
    expect(read(p, 'impact')).toEqual([3, 5, 5, 3, 1]);
    expect(p.values.filter((v) => v.field === 'probability' || v.field === 'impact')).toEqual([]);
  });

  it('criteria that put C at the top turn the reading round (en criteria, other wording)', async () => {
    const criteria = [['Rank', 'Likelihood', 'Impact'], ['A', 'Rarely occurs', 'Negligible effect'], ['B', 'Could occur', 'Some delay'], ['C', 'Almost certain to occur', 'Delay of more than a month']];
    const p = await preview('risk', await book(EN, risks(PAIRS, true), criteria));
    expect(read(p, 'probability')).toEqual([1, 3, 3, 5, 3]);
    expect(read(p, 'impact')).toEqual([3, 1, 1, 3, 5]);
  });

  it.each<[string, [string, string][], number[]]>([
    ['A / B / C', PAIRS, [5, 3, 3, 1, 3]],
    ['S / A / B / C', [['S', 'A'], ['A', 'B'], ['B', 'C'], ['C', 'S']], [5, 4, 2, 1]],
    ['Ⅰ / Ⅱ / Ⅲ', [['Ⅰ', 'Ⅱ'], ['Ⅱ', 'Ⅲ'], ['Ⅲ', 'Ⅰ']], [5, 3, 1]],
    ['I / II / III typed', [['I', 'II'], ['II', 'III'], ['III', 'I']], [5, 3, 1]],
    ['イ / ロ / ハ', [['イ', 'ロ'], ['ロ', 'ハ'], ['ハ', 'イ']], [5, 3, 1]],
  ])('%s with no criteria: the first is the top, and each rank is asked', async (_, pairs, want) => {
    const p = await preview('risk', await book(JA, risks(pairs)));
    expect(read(p, 'probability')).toEqual(want);
    const probability = asked(p, 'probability');
    expect(Object.keys(probability).length).toBe(new Set(pairs.map(([x]) => x)).size);
    expect(p.values.filter((v) => v.field === 'probability').every((v) => !v.chosen && v.suggestion.by === 'scale')).toBe(true);
  });

  it('only A and B in the cells: the validation list A,B,C gives the scale (B is the middle)', async () => {
    const p = await preview('risk', await book(JA, risks([['A', 'B'], ['B', 'A'], ['B', 'B']]), [], 7, 'A,B,C'));
    expect(read(p, 'probability')).toEqual([5, 3, 3]);
  });

  it('numbers stay ratings (1 low) unless the criteria put 1 at the top', async () => {
    const pairs: [number, number][] = [[1, 2], [2, 3], [3, 1], [2, 2], [1, 3], [3, 3]];
    const plain = await preview('risk', await book(JA, risks(pairs)));
    expect(read(plain, 'probability')).toEqual([1, 2, 3, 2, 1, 3]);
    const criteria = [['ランク', '発生可能性'], [1, '発生する可能性が高い'], [2, '発生する可能性がある'], [3, 'まれに発生する']];
    const turned = await preview('risk', await book(JA, risks(pairs), criteria));
    expect(read(turned, 'probability')).toEqual([5, 3, 1, 3, 5, 1]);
  });

  it('stored as read, the export writes the client’s ranks back, and edit scripts come back as stored', async () => {
    const criteria = [['ランク', '発生可能性', '影響度'], ['A', '発生する見込みが高い', '重大な遅延'], ['B', '発生する可能性がある', '軽度の遅延'], ['C', 'ほとんど発生しない', '影響は軽微']];
    const bytes = await book(JA, risks(PAIRS), criteria);
    const { projectId } = await importWithProfile(call, bytes, 'ranks', 'risk');
    const list = (await call('risk.list', { projectId })) as { probability: number; impact: number }[];
    expect(list.map((x) => [x.probability, x.impact])).toEqual([[5, 3], [3, 5], [3, 5], [1, 3], [3, 1]]);
    const outcome = await roundTrip(call, 'ranks.xlsx', bytes, 'risk', { scripts: 5, seed: 19 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});

describe('numbered priorities spread by rank', () => {
  it.each<[string, Register, string[], string[], string[]]>([
    ['P1 / P2 / P3 (C5)', 'issue', ['Issue', 'Date Raised', 'Priority', 'Owner', 'Status'], ['P2', 'P1', 'P3', 'P2', 'P3'], ['medium', 'high', 'low', 'medium', 'low']],
    ['P0 … P4', 'issue', ['Issue', 'Date Raised', 'Priority', 'Owner', 'Status'], ['P0', 'P1', 'P2', 'P3', 'P4'], ['high', 'high', 'medium', 'low', 'low']],
    ['Sev1 … Sev4', 'defect', ['Summary', 'Date Logged', 'Severity', 'Owner', 'Status'], ['Sev1', 'Sev2', 'Sev3', 'Sev4'], ['high', 'medium', 'medium', 'low']],
    ['S1 / S2 / S3', 'defect', ['現象', '発見日', '重要度', '担当者', 'ステータス'], ['S1', 'S2', 'S3'], ['high', 'medium', 'low']],
    ['優先度1 / 2 / 3 written with its word', 'issue', ['課題', '起票日', '優先度', '担当', '状況'], ['優先度1', '優先度3', '優先度2'], ['high', 'low', 'medium']],
    ['1 / 2 / 3', 'issue', ['課題', '起票日', '優先度', '担当', '状況'], ['1', '3', '2', '1'], ['high', 'low', 'medium', 'high']],
    ['P1 / P2 only: P2 is no second high', 'issue', ['Issue', 'Date Raised', 'Priority', 'Owner', 'Status'], ['P1', 'P2', 'P1'], ['high', 'medium', 'high']],
  ])('%s', async (_, register, head, words, want) => {
    const field = register === 'defect' ? 'severity' : 'priority';
    const rows = words.map((w, k) => [`${head[0]} ${k + 1}`, d(`2025-05-${String(k + 10)}`), w, '佐藤', register === 'defect' ? 'Open' : '対応中']);
    const p = await preview(register, await book(head, rows));
    expect(p.columns.find((c) => c.label === head[2])?.field).toBe(field);
    expect(read(p, field)).toEqual(want);
  });

  it('P1 … P4 on the client’s list with no P4 in the cells: P3 is the middle, by the list', async () => {
    const head = ['Issue', 'Date Raised', 'Priority', 'Owner', 'Status'];
    const rows = ['P1', 'P2', 'P3'].map((w, k) => [`Issue ${k + 1}`, d(`2025-05-${String(k + 10)}`), w, '佐藤', 'Open']);
    const p = await preview('issue', await book(head, rows, [], 7, 'P1,P2,P3,P4'));
    expect(read(p, 'priority')).toEqual(['high', 'medium', 'medium']);
  });
});
