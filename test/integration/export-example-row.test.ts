// A client's blank risk form with a 記入例 (example) row above its prepared rows (blind finding F3): the
// example row shows how to fill the form (gray italic, values filled), then rows 1…N are prepared with
// the form's own numbers, the 優先度 formula computed from 発生可能性×影響度, and dropdowns 高/中/低 and
// オープン/対応中/クローズ. Records fill the prepared rows in order; the example row stays where it is;
// the prepared rows are not pushed down; the formula of the rows used stays; ratings are written as the
// column's own words, never numbers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const HEADERS = ['管理No', '登録日', '登録者', 'リスク事象', '原因', '発生可能性', '影響度', '優先度', '対策', '対策期限', '対策責任者', 'ステータス', '完了日'];
const PREPARED = 12;
const priority = (r: number) => `IF(OR(F${r}="",G${r}=""),"",IF(OR(F${r}="高",G${r}="高"),"高",IF(AND(F${r}="低",G${r}="低"),"低","中")))`;

async function exampleForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('リスク一覧');
  s.getCell('A1').value = 'リスク管理表';
  s.getRow(3).values = HEADERS;
  for (let c = 1; c <= HEADERS.length; c++) s.getCell(3, c).border = box;
  const example = ['記入例', new Date(Date.UTC(2025, 3, 1)), '山田', 'キーマンの離任', '異動', '中', '高', null, '引継ぎ資料の作成', new Date(Date.UTC(2025, 4, 31)), '佐藤', 'オープン', null];
  s.getRow(4).values = example;
  s.getCell('H4').value = { formula: priority(4), result: '高' };
  for (let c = 1; c <= HEADERS.length; c++) {
    s.getCell(4, c).border = box;
    s.getCell(4, c).font = { italic: true, color: { argb: 'FF808080' } };
  }
  for (let i = 0; i < PREPARED; i++) {
    const r = 5 + i;
    s.getCell(r, 1).value = i + 1;
    s.getCell(r, 8).value = { formula: priority(r), result: '' };
    for (let c = 1; c <= HEADERS.length; c++) s.getCell(r, c).border = box;
    for (const c of [2, 10, 13]) s.getCell(r, c).numFmt = 'yyyy/mm/dd';
    for (const c of [6, 7]) s.getCell(r, c).dataValidation = { type: 'list', allowBlank: true, formulae: ['"高,中,低"'] };
    s.getCell(r, 12).dataValidation = { type: 'list', allowBlank: true, formulae: ['"オープン,対応中,クローズ"'] };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a blank form with a 記入例 row above its prepared rows (F3)', () => {
  it('fills the prepared rows in order under the example row, keeps their numbers and formula, writes 高/中/低', async () => {
    const book = await exampleForm();
    const { id: projectId } = await call('project.create', { name: 'example-row' });
    // 発生可能性/影響度 on PMO Desk's 1–5 scale: 5 = 高, 3 = 中, 1 = 低.
    await call('risk.create', { projectId, values: { title: '要員不足', owner: '田中', probability: 5, impact: 3 } });
    await call('risk.create', { projectId, values: { title: '仕様変更', owner: '鈴木', probability: 1, impact: 1 } });
    await call('risk.create', { projectId, values: { title: 'ベンダー遅延', owner: '佐藤', probability: 3, impact: 3 } });
    const { profile } = await call('profile.registerTable', { register: 'risk', fileName: 'example-row.xlsx', dataBase64: book.toString('base64'), name: 'example-row' });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profile!.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const s = wb.getWorksheet('リスク一覧')!;
    // The example row stays as it was, where it was.
    expect(s.getCell('A4').value).toBe('記入例');
    expect(s.getCell('D4').value).toBe('キーマンの離任');
    // The records fill rows 5–7 with the form's numbers 1–3.
    const rows = [5, 6, 7, 8].map((r) => [s.getCell(r, 1).value, s.getCell(r, 4).value, s.getCell(r, 6).value, s.getCell(r, 7).value]);
    expect(rows).toEqual([[1, '要員不足', '高', '中'], [2, '仕様変更', '低', '低'], [3, 'ベンダー遅延', '中', '中'], [4, null, null, null]]);
    // The prepared rows' formula stays in the rows used and the rest; the sheet keeps its size.
    for (const r of [5, 6, 7, 8]) expect((s.getCell(r, 8).value as { formula?: string } | null)?.formula).toBe(priority(r));
    expect(s.rowCount).toBe(4 + PREPARED);
    expect(s.getCell(4 + PREPARED, 1).value).toBe(PREPARED);
    // The dropdowns still cover the written rows.
    expect(s.getCell('F5').dataValidation?.formulae).toEqual(['"高,中,低"']);
    expect(s.getCell('L5').dataValidation?.formulae).toEqual(['"オープン,対応中,クローズ"']);
    // Re-imported with the profile: what is stored, nothing else.
    const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'example-row.xlsx', dataBase64: out.dataBase64, profileId: profile!.id });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    expect(again.missing).toEqual([]);
  });
});
