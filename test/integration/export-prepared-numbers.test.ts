// A client's blank template whose data rows are prepared with the form's own numbers (No. 1, 2, 3 …
// with borders and formats, nothing else): the export fills them in order and keeps their numbers, and
// rows past them continue the client's numbering (its next number), never PMO Desk's IDs (R-001 …).
// PMO Desk's ID is written only where the template has an ID column of its own. Re-imported with the
// profile, the export reads as what is stored (the form's numbering names no record: rows match by title).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;
beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
});
afterAll(() => ws.close());

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** A blank risk form: title, header on row 3, `prepared` numbered rows with borders, a footer. */
async function blankForm(headers: string[], prepared: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('リスク管理表');
  s.getCell('A1').value = 'リスク管理表';
  s.getRow(3).values = headers;
  for (let c = 1; c <= headers.length; c++) s.getCell(3, c).border = box;
  for (let i = 0; i < prepared; i++) {
    const r = 4 + i;
    s.getCell(r, 1).value = i + 1;
    for (let c = 1; c <= headers.length; c++) s.getCell(r, c).border = box;
    s.getCell(r, headers.length).numFmt = 'yyyy/mm/dd';
  }
  s.getCell(4 + prepared + 1, 1).value = '© 2024 PMO';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function exportInto(book: Buffer, titles: string[], name: string) {
  const { id: projectId } = await call('project.create', { name });
  for (const title of titles) await call('risk.create', { projectId, values: { title, owner: '佐藤' } });
  // A deleted risk: the stored IDs no longer run 1, 2, 3 (R-001, R-003 …).
  const risks = await call('risk.list', { projectId });
  await call('risk.delete', { id: risks[1]!.id });
  const { profile } = await call('profile.registerTable', { register: 'risk', fileName: `${name}.xlsx`, dataBase64: book.toString('base64'), name });
  const out = await call('excel.export', { projectId, register: 'risk', profileId: profile!.id });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: `${name}.xlsx`, dataBase64: out.dataBase64, profileId: profile!.id });
  return { sheet: wb.getWorksheet('リスク管理表')!, again, stored: await call('risk.list', { projectId }) };
}

describe('a blank form of prepared numbered rows', () => {
  it('keeps the form’s numbers in its No. column and continues them past the prepared rows; the re-import reads no change', async () => {
    const book = await blankForm(['No.', 'リスク内容', '担当者', '期限'], 3);
    const { sheet, again, stored } = await exportInto(book, ['要員不足', '仕様変更', 'ベンダー遅延', '予算超過', '品質低下'], 'numbered');
    expect(stored.map((r) => r.ref)).toEqual(['R-001', 'R-003', 'R-004', 'R-005']);
    const rows = [4, 5, 6, 7].map((r) => [sheet.getCell(`A${r}`).value, sheet.getCell(`B${r}`).value]);
    expect(rows).toEqual([[1, '要員不足'], [2, 'ベンダー遅延'], [3, '予算超過'], [4, '品質低下']]);
    // The row past the prepared ones is a copy of them (borders) with the next number.
    expect(sheet.getCell('B7').border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('A9').value).toBe('© 2024 PMO');
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    expect(again.missing).toEqual([]);
  });

  it('writes PMO Desk’s ID only in an ID column of the template’s own, and keeps numbering its No. column', async () => {
    const book = await blankForm(['No.', 'リスクID', 'リスク内容', '担当者', '期限'], 3);
    const { sheet, again } = await exportInto(book, ['要員不足', '仕様変更', 'ベンダー遅延', '予算超過', '品質低下'], 'with-id');
    const rows = [4, 5, 6, 7].map((r) => [sheet.getCell(`A${r}`).value, sheet.getCell(`B${r}`).value, sheet.getCell(`C${r}`).value]);
    expect(rows).toEqual([[1, 'R-001', '要員不足'], [2, 'R-003', 'ベンダー遅延'], [3, 'R-004', '予算超過'], [4, 'R-005', '品質低下']]);
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
  });
});

describe('a cross-reference column beside No. (review 10, defect 1)', () => {
  it('imports every issue with its own ID and the export keeps the client’s change numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('課題管理表');
    s.addRow(['No.', '課題', '状態', '担当者', '変更番号']);
    s.addRow([1, 'ログイン不可', '未対応', '山田', null]);
    s.addRow([2, '帳票ずれ', '未対応', '佐藤', 'CR-7']);
    s.addRow([3, '性能劣化', '完了', '鈴木', 'CR-7']);
    const book = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'cross-ref' });
    const pv = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: book });
    await call('excel.applyImport', { previewId: pv.previewId, options: { saveProfileAs: 'cross-ref' } });
    const stored = await call('issue.list', { projectId });
    expect(stored.map((r) => r.title).sort()).toEqual(['ログイン不可', '帳票ずれ', '性能劣化'].sort());
    expect(stored.every((r) => /^I-\d+$/.test(r.ref))).toBe(true);
    const profile = ((await call('profile.list', {})) as { id: number; name: string }[]).find((p) => p.name === 'cross-ref')!;
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profile.id });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const sh = back.getWorksheet('課題管理表')!;
    expect([2, 3, 4, 5].map((r) => [sh.getCell(r, 2).value, sh.getCell(r, 5).value])).toEqual([['ログイン不可', null], ['帳票ずれ', 'CR-7'], ['性能劣化', 'CR-7'], [null, null]]);
  });
});

describe('a blank form with a ※ note merged under the header (review 10, defect 8)', () => {
  it('fills the prepared rows under the note, never the note row (its cells are hidden by the merge)', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('リスク管理表');
    s.getRow(1).values = ['No.', 'リスク内容', '担当者', '期限'];
    s.getCell('A2').value = '※記入例：リスク内容は具体的に記入してください';
    s.mergeCells('A2:D2');
    for (let r = 3; r <= 6; r++) {
      for (let c = 1; c <= 4; c++) s.getCell(r, c).border = box;
      s.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    }
    const book = Buffer.from(await wb.xlsx.writeBuffer());
    const { id: projectId } = await call('project.create', { name: 'note-row' });
    await call('risk.create', { projectId, values: { title: '要員不足', owner: '田中' } });
    await call('risk.create', { projectId, values: { title: '仕様変更', owner: '鈴木' } });
    const { profile } = await call('profile.registerTable', { register: 'risk', fileName: 'note-row.xlsx', dataBase64: book.toString('base64'), name: 'note-row' });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profile!.id });
    expect((out as { underMerge?: unknown }).underMerge).toBeUndefined();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const sh = back.getWorksheet('リスク管理表')!;
    expect(sh.getCell('A2').value).toBe('※記入例：リスク内容は具体的に記入してください');
    expect([3, 4, 5].map((r) => [sh.getCell(r, 2).value, sh.getCell(r, 3).value])).toEqual([['要員不足', '田中'], ['仕様変更', '鈴木'], [null, null]]);
  });
});
