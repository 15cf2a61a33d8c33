// The template writer on a client-like workbook built with ExcelJS: a styled header, data rows with a
// date column, a formula column, a validation list from another sheet, a conditional format, a
// table, per-row merges, a print area and a defined name, a totals row with SUM and a note below, an
// image below the table, and a second sheet whose formulas read the table. Results are read back
// with ExcelJS and checked in the XML.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { dateSerial, writeIntoTemplate, type CellOut, type TableWrite, type WriteReport } from '../../electron/core/excel/template/index.js';

// A 2×2 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

const FIRST = 5;
const LAST = 7;

/** The template; `totalsAt` is the totals row (a blank spacer row above it when it is LAST + 2). */
async function template(totalsAt = 9): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  const lists = wb.addWorksheet('Lists');
  const summary = wb.addWorksheet('Summary');
  ['未着手', '進行中', '完了', '保留'].forEach((v, i) => (lists.getCell(`A${i + 1}`).value = v));

  ws.getCell('A1').value = 'プロジェクト WBS';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.addTable({
    name: 'Tasks',
    ref: 'A4',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: ['No', 'タスク', '開始日', '工数', '工数x2', '状態', '備考', '備考2'].map((name) => ({ name })),
    rows: [1, 2, 3].map((i) => [`1.${i}`, `タスク${i}`, new Date(Date.UTC(2025, 3, i)), i * 2, { formula: `D${FIRST + i - 1}*2`, result: i * 4 }, '未着手', `note${i}`, null]),
  });
  for (let r = FIRST; r <= LAST; r++) {
    const row = ws.getRow(r);
    row.height = 22;
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    row.getCell(3).numFmt = 'yyyy/mm/dd';
    row.getCell(4).numFmt = '0.0';
    for (let c = 1; c <= 8; c++) row.getCell(c).border = { bottom: { style: 'thin' } };
    ws.mergeCells(`G${r}:H${r}`);
  }
  (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(`F${FIRST}:F${LAST}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['Lists!$A$1:$A$4'],
  });
  ws.addConditionalFormatting({
    ref: `D${FIRST}:D${LAST}`,
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['5'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  ws.getCell(`C${totalsAt}`).value = '合計';
  ws.getCell(`D${totalsAt}`).value = { formula: `SUM(D${FIRST}:D${LAST})`, result: 12 };
  ws.getCell(`D${totalsAt}`).font = { bold: true };
  ws.getCell(`A${totalsAt + 2}`).value = '備考: 工数は人日';
  ws.mergeCells(`A${totalsAt + 2}:F${totalsAt + 2}`);
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, { tl: { col: 1, row: totalsAt + 3 }, ext: { width: 40, height: 40 } });
  ws.pageSetup.printArea = `A1:H${totalsAt + 2}`;
  wb.definedNames.add(`WBS!$D$${FIRST}:$D$${LAST}`, 'Efforts');

  summary.getCell('A1').value = '工数合計';
  summary.getCell('B1').value = { formula: `SUM(WBS!D${FIRST}:D${LAST})`, result: 12 };
  summary.getCell('B2').value = { formula: `WBS!D${totalsAt}`, result: 12 };
  summary.getCell('B3').value = { formula: 'SUM(Efforts)', result: 12 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function parts(buf: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(buf);
  const dir = readZipDirectory(b, 'x.xlsx');
  const z = new ZipReader(b, dir, 'x.xlsx');
  return new Map([...dir.entries.keys()].map((n) => [n, z.bytes(n)!]));
}
const text = (buf: Uint8Array, part: string) => parts(buf).get(part)!.toString('utf8');

async function open(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

const s = (v: string): CellOut => ({ value: { t: 's', v } });
const n = (v: number): CellOut => ({ value: { t: 'n', v } });
const d = (iso: string): CellOut => ({ value: { t: 'd', v: dateSerial(iso) } });

/** Data rows for the mapped columns A, B, C, D, F (E is the formula column, G the merged note). */
function rows(k: number, edit: (i: number) => Partial<Record<'a' | 'b' | 'c' | 'd' | 'f', CellOut>> = () => ({})): CellOut[][] {
  return Array.from({ length: k }, (_, i) => {
    const base = { a: s(`1.${i + 1}`), b: s(`タスク${i + 1}`), c: d(`2025-04-0${(i % 9) + 1}`), d: n((i + 1) * 2), f: s('未着手'), ...edit(i) };
    return [base.a, base.b, base.c, base.d, base.f];
  });
}
const write = (r: CellOut[][]): TableWrite => ({ sheet: 'WBS', firstRow: FIRST, lastRow: LAST, columns: [0, 1, 2, 3, 5], rows: r });

describe('writing into a client template', () => {
  it('writes back unchanged data as identical bytes, entry by entry', async () => {
    const tpl = await template();
    const out = await writeIntoTemplate(tpl, [write(rows(3))]);
    expect(Buffer.compare(Buffer.from(out), tpl)).toBe(0);
  });

  it('changes only the edited cells', async () => {
    const tpl = await template();
    const out = await writeIntoTemplate(tpl, [write(rows(3, (i) => (i === 1 ? { b: s('変更後'), d: n(9.5) } : {})))]);
    const a = parts(tpl);
    const b = parts(out);
    const changed = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
    // The sheet, the new string, and the recalculation flag (the totals read D6).
    expect(changed.sort()).toEqual(['xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const before = a.get('xl/worksheets/sheet1.xml')!.toString();
    const after = b.get('xl/worksheets/sheet1.xml')!.toString();
    const cell = (x: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(x)![0];
    expect(cell(after, 'D6')).toBe(cell(before, 'D6').replace(/<v>[^<]*<\/v>/, '<v>9.5</v>'));
    expect(cell(after, 'B6')).not.toBe(cell(before, 'B6'));
    expect(after.replace(cell(after, 'D6'), '').replace(cell(after, 'B6'), '')).toBe(before.replace(cell(before, 'D6'), '').replace(cell(before, 'B6'), ''));
    expect(b.get('xl/workbook.xml')!.toString()).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const ws = (await open(out)).getWorksheet('WBS')!;
    expect(ws.getCell('B6').value).toBe('変更後');
    expect(ws.getCell('D6').value).toBe(9.5);
    expect(ws.getCell('B6').fill).toEqual(ws.getCell('B5').fill);
  });

  it('grows the table: styles, formulas and merges copied, everything below moved, ranges and totals grown', async () => {
    const tpl = await template();
    const report: WriteReport = { inserted: [], recalc: false };
    const out = await writeIntoTemplate(tpl, [write(rows(8, (i) => (i === 7 ? { b: s('=1+1') } : {})))], { report });
    // Row 8 is a blank spacer, row 9 the totals: 5 rows are inserted after row 7.
    expect(report).toEqual({ inserted: [{ sheet: 'WBS', at: 8, count: 5 }], recalc: true });
    const wb = await open(out);
    const ws = wb.getWorksheet('WBS')!;
    for (let r = 8; r <= 12; r++) {
      expect(ws.getCell(`A${r}`).value).toBe(`1.${r - 4}`);
      expect(ws.getCell(`E${r}`).formula).toBe(`D${r}*2`);
      expect(ws.getCell(`B${r}`).fill).toEqual(ws.getCell('B7').fill);
      expect(ws.getCell(`C${r}`).numFmt).toBe('yyyy/mm/dd');
      expect(ws.getCell(`C${r}`).value).toBeInstanceOf(Date);
      expect(ws.getCell(`D${r}`).border).toEqual(ws.getCell('D7').border);
      expect(ws.getRow(r).height).toBe(22);
    }
    // Text that looks like a formula stays text.
    expect(ws.getCell('B12').value).toBe('=1+1');
    expect(ws.getCell('B12').formula).toBeUndefined();
    // The totals row moved from 9 to 14 and sums the grown range; the note moved with its merge.
    expect(ws.getCell('C14').value).toBe('合計');
    expect(ws.getCell('D14').formula).toBe('SUM(D5:D12)');
    expect(ws.getCell('D14').font?.bold).toBe(true);
    expect(ws.getCell('A16').value).toBe('備考: 工数は人日');
    expect(ws.getCell('B9').value).toBe('タスク5');
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getCell('B1').formula).toBe('SUM(WBS!D5:D12)');
    expect(summary.getCell('B2').formula).toBe('WBS!D14');
    expect(summary.getCell('B3').formula).toBe('SUM(Efforts)');

    const sheet = text(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<dimension ref="A1:H16"\/>/);
    for (let r = 5; r <= 12; r++) expect(sheet).toContain(`<mergeCell ref="G${r}:H${r}"/>`);
    expect(sheet).toContain('<mergeCell ref="A16:F16"/>');
    expect(sheet).toMatch(/<dataValidation [^>]*sqref="F5:F12"/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="D5:D12"/);
    const table = text(out, 'xl/tables/table1.xml');
    expect(table).toMatch(/<table [^>]*ref="A4:H12"/);
    expect(table).toMatch(/<autoFilter ref="A4:H12"/);
    const wbXml = text(out, 'xl/workbook.xml');
    expect(wbXml).toContain('WBS!$D$5:$D$12</definedName>');
    expect(wbXml).toMatch(/_xlnm\.Print_Area[^>]*>'?WBS'?!\$A\$?1:\$H\$?16</);
    expect(wbXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // The image below the table moved down with its rows (0-based row 12 → 17).
    expect(text(out, 'xl/drawings/drawing1.xml')).toMatch(/<xdr:from><xdr:col>1<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>17<\/xdr:row>/);
    // Parts not involved are untouched.
    const a = parts(tpl);
    const b = parts(out);
    for (const p of ['xl/styles.xml', 'xl/worksheets/sheet2.xml', 'xl/theme/theme1.xml', 'xl/media/image1.png']) expect(b.get(p)!.equals(a.get(p)!), p).toBe(true);
  });

  it('writes into empty rows below the table without moving anything, still growing the ranges', async () => {
    const tpl = await template(30);
    const report: WriteReport = { inserted: [], recalc: false };
    const out = await writeIntoTemplate(tpl, [write(rows(6))], { report });
    expect(report.inserted).toEqual([]);
    const ws = (await open(out)).getWorksheet('WBS')!;
    expect(ws.getCell('B10').value).toBe('タスク6');
    expect(ws.getCell('E10').formula).toBe('D10*2');
    expect(ws.getCell('D30').formula).toBe('SUM(D5:D10)');
    expect(ws.getCell('A32').value).toBe('備考: 工数は人日');
    const sheet = text(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<dataValidation [^>]*sqref="F5:F10"/);
    expect(text(out, 'xl/tables/table1.xml')).toMatch(/<table [^>]*ref="A4:H10"/);
    const a = parts(tpl);
    const b = parts(out);
    expect(b.get('xl/drawings/drawing1.xml')!.equals(a.get('xl/drawings/drawing1.xml')!)).toBe(true);
  });

  it('clears surplus template rows: values go, formats and formulas stay', async () => {
    const tpl = await template();
    const out = await writeIntoTemplate(tpl, [write(rows(2))]);
    const ws = (await open(out)).getWorksheet('WBS')!;
    expect(ws.getCell('B6').value).toBe('タスク2');
    for (const c of ['A7', 'B7', 'C7', 'D7', 'F7', 'G7']) expect(ws.getCell(c).value, c).toBeNull();
    expect(ws.getCell('E7').formula).toBe('D7*2');
    expect(ws.getCell('B7').fill).toEqual(ws.getCell('B5').fill);
    expect(ws.getCell('D9').formula).toBe('SUM(D5:D7)');
  });

  it('handles several writes and single cells in one call', async () => {
    const tpl = await template();
    const out = await writeIntoTemplate(tpl, [write(rows(4)), { sheet: 'Lists', firstRow: 1, lastRow: 4, columns: [0], rows: [[s('未着手')], [s('進行中')], [s('完了')], [s('保留')], [s('中止')]] }], {
      cells: [{ sheet: 'WBS', ref: 'A1', value: s('新プロジェクト WBS') }, { sheet: 'WBS', ref: 'D9', value: n(0) }],
    });
    const wb = await open(out);
    const ws = wb.getWorksheet('WBS')!;
    expect(ws.getCell('A1').value).toBe('新プロジェクト WBS');
    expect(ws.getCell('A1').font?.size).toBe(14);
    expect(ws.getCell('B8').value).toBe('タスク4');
    // Row 8 (the blank spacer) takes the 4th row, so nothing moves; the totals cell holds a formula,
    // which a single-cell write never overwrites, and its range grew.
    expect(ws.getCell('D9').formula).toBe('SUM(D5:D8)');
    expect(wb.getWorksheet('Lists')!.getCell('A5').value).toBe('中止');
  });
});
