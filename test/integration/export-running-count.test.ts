// A No column numbered by a running count of its own row (=IF(C9="","",COUNTA($C$6:C9)): blind set 17, E3).
// The last record's range reaches from the table's first row to the table's last, so it read as a range over
// the whole region and was grown to the new last row when a record was added (COUNTA($C$6:C10)); the new
// row, copied from it, counted to C11, and both showed the same number once recalculated. A formula on a
// record's row whose range ends on its own row (relative) is that row's own: it moves with its row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const TITLES = ['庁舎の電源工事の日程', '子局の設置場所の同意', '試験放送の周知文', '親局の切替手順'];

async function register(prepared: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('課題');
  s.getCell('B2').value = '課題管理表';
  s.getRow(5).values = [null, 'No', '件名', '担当', '状況'];
  for (let i = 0; i < TITLES.length + prepared; i++) {
    const r = 6 + i;
    const title = TITLES[i];
    s.getCell(`B${r}`).value = { formula: `IF(C${r}="","",COUNTA($C$6:C${r}))`, result: title ? i + 1 : '' } as ExcelJS.CellFormulaValue;
    if (title) {
      s.getCell(`C${r}`).value = title;
      s.getCell(`D${r}`).value = '総務課';
      s.getCell(`E${r}`).value = '対応中';
    }
    for (const c of 'BCDE') s.getCell(`${c}${r}`).border = { bottom: { style: 'thin' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a running count of its own row stays its row\'s', () => {
  for (const prepared of [0, 3])
    it(`${prepared} prepared rows: after an add, every row counts to itself and the kept rows keep their results`, async () => {
      const bytes = await register(prepared);
      const { id: projectId } = await call('project.create', { name: `count ${prepared}` });
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'r.xlsx', dataBase64: bytes.toString('base64') });
      expect(p.rows.filter((r) => !r.skipped).map((r) => r.row)).toEqual([6, 7, 8, 9]);
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `count ${prepared}` } });
      await call('issue.create', { projectId, values: { title: '放送文案の確認' } });
      const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
      const sheet = wb.getWorksheet('課題')!;
      const value = (ref: string) => sheet.getCell(ref).value as ExcelJS.CellFormulaValue;
      const rows = Array.from({ length: 5 + Math.max(0, prepared - 1) }, (_, k) => 6 + k);
      expect(rows.map((r) => value(`B${r}`).formula)).toEqual(rows.map((r) => `IF(C${r}="","",COUNTA($C$6:C${r}))`));
      expect(sheet.getCell('C10').text).toBe('放送文案の確認');
      // The four rows no edit touched keep their numbers (a reader that does not recalculate shows them).
      expect([6, 7, 8, 9].map((r) => value(`B${r}`).result)).toEqual([1, 2, 3, 4]);
    });
});
