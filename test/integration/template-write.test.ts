// The template writer on a client-like workbook built with ExcelJS: a styled header, data rows with a
// date column, a formula column, a validation list from another sheet, a conditional format, a
// table, per-row merges, a print area and a defined name, a totals row with SUM and a note below, an
// image below the table, and a second sheet whose formulas read the table. Results are read back
// with ExcelJS and checked in the XML.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { dateSerial, writeIntoTemplate, type CellOut, type TableWrite, type WriteReport } from '../../electron/core/excel/template/index.js';

import { clientTemplate as template, FIRST, LAST } from '../fixtures/excel/template-client.js';

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

  it('changes only the edited cells, and the cached results of formulas that read them', async () => {
    const tpl = await template();
    const out = await writeIntoTemplate(tpl, [write(rows(3, (i) => (i === 1 ? { b: s('変更後'), d: n(9.5) } : {})))]);
    const a = parts(tpl);
    const b = parts(out);
    const changed = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
    // The sheet, the new string, Summary (its totals read D6) and the recalculation flag.
    expect(changed.sort()).toEqual(['xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
    const before = a.get('xl/worksheets/sheet1.xml')!.toString();
    const after = b.get('xl/worksheets/sheet1.xml')!.toString();
    const cell = (x: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(x)![0];
    const noResult = (x: string) => x.replace(/<v>[^<]*<\/v>/, '');
    expect(cell(after, 'D6')).toBe(cell(before, 'D6').replace(/<v>[^<]*<\/v>/, '<v>9.5</v>'));
    expect(cell(after, 'B6')).not.toBe(cell(before, 'B6'));
    // E6 (=D6*2) and the total D9 (=SUM(D5:D7)) read D6: their stale results are dropped; E5 and E7 keep theirs.
    for (const ref of ['E6', 'D9']) expect(cell(after, ref)).toBe(noResult(cell(before, ref)));
    for (const ref of ['E5', 'E7']) expect(cell(after, ref)).toBe(cell(before, ref));
    const rest = (x: string) => ['D6', 'B6', 'E6', 'D9'].reduce((acc, ref) => acc.replace(cell(x, ref), ''), x);
    expect(rest(after)).toBe(rest(before));
    // Summary reads D6 directly, through WBS!D9 and through the name Efforts.
    const summary = text(out, 'xl/worksheets/sheet3.xml');
    for (const f of ['<c r="B1"><f>SUM(WBS!D5:D7)</f></c>', '<c r="B2"><f>WBS!D9</f></c>', '<c r="B3"><f>SUM(Efforts)</f></c>']) expect(summary).toContain(f);
    expect(b.get('xl/workbook.xml')!.toString()).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const ws = (await open(out)).getWorksheet('WBS')!;
    expect(ws.getCell('B6').value).toBe('変更後');
    expect(ws.getCell('D6').value).toBe(9.5);
    expect(ws.getCell('B6').fill).toEqual(ws.getCell('B5').fill);
  });

  it('types a value over a formula only where asked (overFormula): the other formula cells stay', async () => {
    const tpl = await template();
    const e = (out: CellOut | undefined): TableWrite => ({ sheet: 'WBS', firstRow: FIRST, lastRow: LAST, columns: [4], rows: [[out], [s('x')], [undefined]] });
    const ws = (await open(await writeIntoTemplate(tpl, [e({ ...s('手入力'), overFormula: true })]))).getWorksheet('WBS')!;
    expect(ws.getCell('E5').value).toBe('手入力');
    // Without it, a formula is never overwritten.
    expect(ws.getCell('E6').formula).toBe('D6*2');
    expect(ws.getCell('E7').formula).toBe('D7*2');
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

describe('at size', () => {
  it('writes 10,000 rows into the client template (formulas copied, total moved); its speed is in npm run bench', async () => {
    const tpl = await template();
    const big = rows(10_000);
    const out = await writeIntoTemplate(tpl, [write(big)]);
    const sheet = text(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<c r="E10004"[^>]*><f>D10004\*2<\/f><\/c>/);
    expect(sheet).toMatch(/<c r="D10006"[^>]*><f>SUM\(D5:D10004\)<\/f><\/c>/);
    expect(sheet).toContain('<mergeCell ref="G10004:H10004"/>');
  });
});
