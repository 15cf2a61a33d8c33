// A blank 方眼紙 form whose prepared rows print their numbers as full-width text (１, ２, ３ … under a No.
// merged over two narrow columns), a 記入例 row above them (blind G15). The form's numbers were not seen
// as numbers (only typed numbers were), so the export wrote PMO Desk's IDs over them (I-001, I-002 …);
// half-width 1, 2, 3 were kept. A record filling a prepared row keeps the row's own number, as it prints
// it, and a row added past the prepared ones continues the numbering in the same form.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const GROUPS: [string, string, string][] = [['B', 'C', 'No'], ['D', 'H', '起票日'], ['I', 'T', '課題'], ['U', 'AF', '対応策'], ['AG', 'AJ', '担当'], ['AK', 'AO', '期限']];
const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

async function blankHougan(prepared: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題管理');
  for (let c = 1; c <= 44; c++) ws.getColumn(c).width = 2.7;
  ws.getCell('B2').value = '課題管理表';
  const row = (r: number, values: Record<string, string | Date>) => {
    for (const [a, b] of GROUPS) {
      ws.mergeCells(`${a}${r}:${b}${r}`);
      ws.getCell(`${a}${r}`).border = box;
      if (values[a] !== undefined) ws.getCell(`${a}${r}`).value = values[a]!;
    }
  };
  row(5, Object.fromEntries(GROUPS.map(([a, , h]) => [a, h])));
  row(6, { B: '例', D: new Date('2025-04-01T00:00:00Z'), I: '（記入例）帳票の出力項目が未確定', U: '顧客に確認する', AG: '山田', AK: new Date('2025-04-10T00:00:00Z') });
  for (const [a] of GROUPS) ws.getCell(`${a}6`).font = { italic: true, color: { argb: 'FF808080' } };
  for (let i = 0; i < prepared; i++) row(7 + i, { B: fullWidth(i + 1) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a blank 方眼紙 form numbered in full-width digits', () => {
  it('keeps its printed numbers where records fill the prepared rows, and continues them past', async () => {
    const book = await blankHougan(3);
    const { id: projectId } = await call('project.create', { name: 'G15' });
    for (const title of ['ログイン画面の仕様', '帳票レイアウト', 'テスト環境', '移行手順']) await call('issue.create', { projectId, values: { title } });
    const { profile } = await call('profile.registerTable', { register: 'issue', fileName: 'form.xlsx', dataBase64: book.toString('base64'), name: 'G15' });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profile!.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const sheet = wb.getWorksheet('課題管理')!;
    expect([6, 7, 8, 9, 10].map((r) => [sheet.getCell(`B${r}`).value, sheet.getCell(`I${r}`).value])).toEqual([
      ['例', '（記入例）帳票の出力項目が未確定'],
      ['１', 'ログイン画面の仕様'],
      ['２', '帳票レイアウト'],
      ['３', 'テスト環境'],
      ['４', '移行手順'],
    ]);
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: out.dataBase64, profileId: profile!.id });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    expect(again.missing).toEqual([]);
  });
});
