// A register with a filter's criteria row right under its header ((全て) in every column, an AutoFilter
// helper row) and a totals row counting the records (=COUNTIF(E5:E7,"完了"), from the first record down):
// the criteria row is no record, the data starts under it, and a record added on export is counted by
// the totals (blind set 3, H4: the criteria row was imported as an issue, so the data started a row
// above the totals' range and the range did not grow over an added record).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function register(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('課題管理表');
  s.getCell('A1').value = '課題管理表';
  s.getRow(3).values = ['No', '課題', '担当', '期限', '状況'];
  s.getRow(4).values = ['（全て）', '（全て）', '（全て）', '（全て）', '（全て）'];
  const records: [number, string, string, Date, string][] = [
    [1, 'ログイン不可', '山田', new Date('2025-07-17T00:00:00Z'), '対応中'],
    [2, '帳票ずれ', '佐藤', new Date('2025-07-25T00:00:00Z'), '完了'],
    [3, '性能劣化', '鈴木', new Date('2025-08-01T00:00:00Z'), '未着手'],
  ];
  records.forEach((r, i) => (s.getRow(5 + i).values = r));
  s.getCell('A9').value = '合計';
  s.getCell('E9').value = { formula: 'COUNTIF(E5:E7,"完了")', result: 1 } as never;
  s.autoFilter = 'A3:E7';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a filter criteria row under the header', () => {
  it('is left out and listed; the records under it are read', async () => {
    const { id: projectId } = await call('project.create', { name: 'filter row' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: (await register()).toString('base64') });
    expect(p.data).toMatchObject({ first: 5, last: 7, end: 'total row' });
    expect(p.rows.map((r) => r.name)).toEqual(['ログイン不可', '帳票ずれ', '性能劣化']);
    expect(p.leftOut).toEqual([{ row: 4, reason: 'filter row' }]);
    expect(p.problems).toEqual([]);
  });

  it('a record added on export is counted by the totals row', async () => {
    const { id: projectId } = await call('project.create', { name: 'filter row export' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: (await register()).toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'issues' } });
    await call('issue.create', { projectId, values: { title: '新規課題', status: 'done' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const s = wb.getWorksheet('課題管理表')!;
    expect(s.getRow(4).values).toEqual([, '（全て）', '（全て）', '（全て）', '（全て）', '（全て）']);
    expect(s.getCell('B8').value).toBe('新規課題');
    expect(s.getCell('A10').value).toBe('合計');
    expect((s.getCell('E10').value as { formula: string }).formula).toBe('COUNTIF(E5:E8,"完了")');
  });
});
