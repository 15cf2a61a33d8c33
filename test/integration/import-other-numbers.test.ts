// A column that numbers another thing than the record (資料番号: the document an issue is about, Test Case
// ID, 見積番号, Contract No., Phone Number) is no record ID (review U4): taken as the ref, the export gave a
// record added in PMO Desk the "next" number in the client's column — a document number nobody issued —
// and re-imports matched records by it. A number of the record itself (管理番号, Incident ID, CR Number,
// Request No., Ticket No.) stays the ref.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(header: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const ISSUES = [
  ['画面遷移の仕様未確定', '山田', d('2025-06-01'), '対応中'],
  ['帳票レイアウト差戻し', '佐藤', d('2025-06-02'), '未着手'],
  ['性能要件の根拠不足', '鈴木', d('2025-06-03'), '完了'],
];

async function mappingOf(register: ImportTarget, header: string[], rows: unknown[][]) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const dataBase64 = await book(header, rows);
  const p = await call('excel.previewImport', { projectId, register, fileName: 'log.xlsx', dataBase64 });
  return { projectId, p, mapping: Object.fromEntries(p.columns.map((c) => [c.label, c.field])) };
}

describe('a number of another thing is no record ID', () => {
  it.each([
    ['資料番号', ['DOC-101', 'DOC-102', 'DOC-205']],
    ['Document No.', ['DOC-101', 'DOC-102', 'DOC-205']],
    ['Test Case ID', ['TC-0012', 'TC-0040', 'TC-0107']],
    ['Contract No.', ['K2025-001', 'K2025-007', 'K2025-019']],
    ['Phone Number', ['555-0101', '555-0102', '555-0199']],
  ])('%s in an issue log', async (label, values) => {
    const { mapping } = await mappingOf('issue', ['課題', '担当', '期限', '状況', label], ISSUES.map((r, i) => [...r, values[i]]));
    expect(mapping[label]).not.toBe('ref');
    expect(mapping['課題']).toBe('title');
  });

  it('見積番号 in a change log', async () => {
    const { mapping } = await mappingOf('change', ['変更内容', '申請日', '見積番号'], [
      ['帳票追加', d('2025-05-01'), 'Q-3301'],
      ['CSV出力項目の変更', d('2025-05-08'), 'Q-3315'],
    ]);
    expect(mapping['見積番号']).not.toBe('ref');
  });

  it.each([
    ['issue', '管理番号', ['A-001', 'A-002', 'A-003']],
    ['issue', 'Incident ID', ['INC0041020', 'INC0041033', 'INC0041101']],
    ['issue', 'Ticket No', ['T-88', 'T-91', 'T-102']],
    ['change', 'CR Number', ['CR-12', 'CR-13', 'CR-20']],
    ['change', 'Request No.', ['R-1', 'R-2', 'R-3']],
  ] as const)('keeps %s / %s as the record ID', async (register, label, values) => {
    const title = register === 'issue' ? '課題' : '変更内容';
    const { mapping } = await mappingOf(register, [label, title, '担当', '期限', '状況'], ISSUES.map((r, i) => [values[i], ...r]));
    expect(mapping[label]).toBe('ref');
  });

  it('writes no invented number into the client\'s 資料番号 column for a record added in PMO Desk', async () => {
    const { projectId, p } = await mappingOf('issue', ['課題', '担当', '期限', '状況', '資料番号'], ISSUES.map((r, i) => [...r, ['DOC-101', 'DOC-102', 'DOC-205'][i]]));
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `U4 ${Math.random()}` } });
    await call('issue.create', { projectId, values: { title: '移行手順の承認待ち', owner: '高橋' } });
    const out = (await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64;
    const rows = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!.rows;
    const added = rows.find((r) => r.cells.some((c) => c.c === 0 && c.v === '移行手順の承認待ち'));
    expect(added).toBeDefined();
    expect(added!.cells.find((c) => c.c === 4)).toBeUndefined();
    // The client's own document numbers are written back where they were.
    expect(rows.flatMap((r) => r.cells.filter((c) => c.c === 4).map((c) => c.v))).toEqual(['資料番号', 'DOC-101', 'DOC-102', 'DOC-205']);
  });
});
