// A column of yy/mm/dd text dates (25/03/04, as Japanese systems write them) is read by its context
// (import-short-year-context.test.ts); a date the user sets in it, also on a row whose date was empty, is
// written in the column's own form (25/05/20), not yyyy/mm/dd, and the export reads back as stored
// (blind set 14, E2: "2025/05/20" among the client's 25/03/04, and the re-import then read the column
// differently, so 12 of 20 round-trip scripts failed).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { exportedColumn } from '../helpers/exported-column.js';

const { call } = fileWorkspace();
// This year's dates: the context the import reads them by is today when nothing else dates the table.
const YEAR = new Date().getUTCFullYear();
const yy = String(YEAR % 100).padStart(2, '0');

async function log(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sh = wb.addWorksheet('課題');
  sh.addRow(['No', '件名', '起票日', '期限', '担当者', '状態']);
  sh.addRow([1, '図面の干渉', `${yy}/03/04`, `${yy}/03/18`, '大西', '対応中']);
  sh.addRow([2, '板厚の根拠', `${yy}/03/11`, `${yy}/03/25`, '吉川', '対応中']);
  sh.addRow([3, '排水孔の追加', null, `${yy}/04/01`, '吉川', '未着手']);
  sh.addRow([4, '防振材の範囲', `${yy}/04/08`, `${yy}/04/22`, '村瀬', '完了']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a yy/mm/dd column', () => {
  it('is read by its context, and a date set in it is written yy/mm/dd and reads back unchanged', async () => {
    const { id: projectId } = await call('project.create', { name: 'yy/mm/dd' });
    const dataBase64 = await log();
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'log.xlsx', dataBase64 });
    expect(preview.problems.filter((p) => p.code === 'dateAmbiguous')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'yy/mm/dd' } });
    const issues = await call('issue.list', { projectId });
    const byRef = (n: string) => issues.find((i) => i.title === n)!;
    expect(byRef('図面の干渉').raisedOn).toBe(`${YEAR}-03-04`);
    // Set where it was empty, and changed where it was the client's.
    await call('issue.update', { id: byRef('排水孔の追加').id, patch: { raisedOn: `${YEAR}-05-20` } });
    await call('issue.update', { id: byRef('板厚の根拠').id, patch: { raisedOn: `${YEAR}-03-12` } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(exportedColumn(out.dataBase64, 2)).toEqual([`${yy}/03/04`, `${yy}/03/12`, `${yy}/05/20`, `${yy}/04/08`]);
    const back = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'log.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
