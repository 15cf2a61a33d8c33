// A blank form whose prepared rows are followed by a ※ note, a footer under the form (review R1). The
// import left the note out as 'instructions' (data-range.ts: any note while no record was read yet),
// and the export started its rows to fill under the last such row (profile-export.ts instructionsEnd),
// so the records went below the note instead of into prepared rows 1–3, and the form's
// numbering was looked for only under the note (read-table.ts formTop), so they took R-001…
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const HEADERS = ['管理No', '登録日', '登録者', 'リスク事象', '原因', '発生可能性', '影響度', '対策', '対策期限', '対策責任者', 'ステータス'];
const PREPARED = 10;

async function formWithFooter(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('リスク一覧');
  s.getCell('A1').value = 'リスク管理表';
  s.getRow(3).values = HEADERS;
  for (let c = 1; c <= HEADERS.length; c++) s.getCell(3, c).border = box;
  for (let i = 0; i < PREPARED; i++) {
    const r = 4 + i;
    s.getCell(r, 1).value = i + 1;
    for (let c = 1; c <= HEADERS.length; c++) s.getCell(r, c).border = box;
    for (const c of [2, 9]) s.getCell(r, c).numFmt = 'yyyy/mm/dd';
  }
  const note = 4 + PREPARED + 1;
  s.getCell(note, 1).value = '※ 行が不足する場合は行を挿入して記入してください。';
  s.mergeCells(note, 1, note, HEADERS.length);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

it('a blank form with a ※ note under its prepared rows: records fill prepared rows 1–3, the note stays under the form', async () => {
  const book = await formWithFooter();
  const { id: projectId } = await call('project.create', { name: 'footer-note' });
  await call('risk.create', { projectId, values: { title: '要員不足', owner: '田中' } });
  await call('risk.create', { projectId, values: { title: '仕様変更', owner: '鈴木' } });
  await call('risk.create', { projectId, values: { title: 'ベンダー遅延', owner: '佐藤' } });
  const { profile } = await call('profile.registerTable', { register: 'risk', fileName: 'footer.xlsx', dataBase64: book.toString('base64'), name: 'footer' });
  const out = await call('excel.export', { projectId, register: 'risk', profileId: profile!.id });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const s = wb.getWorksheet('リスク一覧')!;
  const rows = [4, 5, 6].map((r) => [s.getCell(r, 1).value, s.getCell(r, 4).value]);
  expect(rows).toEqual([[1, '要員不足'], [2, '仕様変更'], [3, 'ベンダー遅延']]);
  expect(s.getCell(4 + PREPARED + 1, 1).value).toBe('※ 行が不足する場合は行を挿入して記入してください。');
  // Read back with its profile, the export is what is stored.
  const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profile!.id });
  expect(again.counts).toMatchObject({ new: 0, changed: 0 });
});
