// A register with records and, below them, prepared rows that hold only the form's next numbers
// (要求番号 CR003…CR006 with nothing else; blind set 3, H15). A record added by PMO Desk takes the first
// prepared row and its number; the prepared rows below keep theirs (they used to shift down a row, so
// CR003 stood twice and the last prepared row got CR006). Same with plain numbers (No. 3 twice).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

async function register(ids: (string | number)[], headers: string[], bordered = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('変更管理');
  s.addRow(headers);
  s.addRow([ids[0], '帳票レイアウト変更', '承認']);
  s.addRow([ids[1], '権限追加', '却下']);
  for (const id of ids.slice(2)) s.addRow([id]);
  if (bordered) for (let r = 1; r <= ids.length + 1; r++) for (let c = 1; c <= 3; c++) s.getCell(r, c).border = box;
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function addOneAndExport(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'change', fileName: 'cr.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'cr' } });
  expect((await call('change.list', { projectId })).map((c) => c.title)).toEqual(['帳票レイアウト変更', '権限追加']);
  await call('change.create', { projectId, values: { title: '通知メール追加' } });
  const out = await call('excel.export', { projectId, register: 'change', profileId: profileId! });
  // Re-imported with the profile, the file reads as what is stored (the prepared rows are no records).
  const again = await call('excel.previewImport', { projectId, register: 'change', fileName: 'cr.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
  expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status}`)).toEqual([]);
  expect(again.missing).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const s = wb.worksheets[0]!;
  return [2, 3, 4, 5, 6, 7, 8].map((r) => [s.getCell(r, 1).value ?? null, s.getCell(r, 2).value ?? null]);
}

describe('a register with prepared numbered rows below its records', () => {
  it('writes an added record into the first prepared row and leaves the other prepared numbers where they are', async () => {
    const rows = await addOneAndExport(await register(['CR001', 'CR002', 'CR003', 'CR004', 'CR005', 'CR006'], ['要求番号', '件名', '判定']));
    expect(rows).toEqual([['CR001', '帳票レイアウト変更'], ['CR002', '権限追加'], ['CR003', '通知メール追加'], ['CR004', null], ['CR005', null], ['CR006', null], [null, null]]);
  });

  it('does so in a bordered form too', async () => {
    const rows = await addOneAndExport(await register(['CR001', 'CR002', 'CR003', 'CR004', 'CR005', 'CR006'], ['要求番号', '件名', '判定'], true));
    expect(rows).toEqual([['CR001', '帳票レイアウト変更'], ['CR002', '権限追加'], ['CR003', '通知メール追加'], ['CR004', null], ['CR005', null], ['CR006', null], [null, null]]);
  });

  it('does the same with plain numbers', async () => {
    const rows = await addOneAndExport(await register([1, 2, 3, 4, 5, 6], ['No.', '件名', '判定']));
    expect(rows).toEqual([[1, '帳票レイアウト変更'], [2, '権限追加'], [3, '通知メール追加'], [4, null], [5, null], [6, null], [null, null]]);
  });
});
