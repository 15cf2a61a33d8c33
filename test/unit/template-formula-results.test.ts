// Cached formula results when the writer moves rows (formula-value.ts): a formula of its row's own
// position is computed at its new row, one whose references followed their cells keeps its result,
// anything else is left to the recalculation on open. Readers that take cached results (LibreOffice
// without recalculation, openpyxl, our own import) see the values these tests read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { keepsResult, positionalValue, readsPosition } from '../../electron/core/excel/template/formula-value.js';
import { writeIntoTemplate, type CellOut, type TableWrite } from '../../electron/core/excel/template/index.js';
import { remapOf, type Resize } from '../../electron/core/excel/template/refs.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';

describe('positionalValue', () => {
  it('computes the numbering and names clients build from ROW()', () => {
    expect(positionalValue('ROW()-4', 9, 0)).toEqual({ t: 'n', v: 5 });
    expect(positionalValue('"task"&(ROW())', 7, 0)).toEqual({ t: 's', v: 'task7' });
    expect(positionalValue('"R-"&TEXT(ROW()-2,"000")', 14, 0)).toEqual({ t: 's', v: 'R-012' });
    expect(positionalValue('(ROW()-3)*10', 5, 0)).toEqual({ t: 'n', v: 20 });
    expect(positionalValue('COLUMN()&"-"&ROW()', 3, 1)).toEqual({ t: 's', v: '2-3' });
    expect(positionalValue('"say ""x"""&ROW()', 2, 0)).toEqual({ t: 's', v: 'say "x"2' });
  });

  it('knows nothing of references, other functions or formats it cannot be sure of', () => {
    // (A cell of its own row is read only where the caller says what it holds: template-row-test-formulas.test.ts.)
    for (const f of ['ROW()-A1', 'ROW(A5:A6)', 'IF(B5="","",ROW()-4)', 'TEXT(ROW(),"0.0")', 'D5*2', '"x"&(ROW()/3)', 'ROW()+']) expect(positionalValue(f, 5, 0)).toBeNull();
  });
});

describe('keepsResult / readsPosition', () => {
  // Rows 5..8 rearranged: 8 goes to 5, 5 to 6, 6 to 7, 7 is removed; rows below move up by one.
  const z: Resize = { sheet: 'S', at: 9, by: -1, growFirst: 5, growEnd: 8, growTo: 7, remap: remapOf(5, 8, [{ row: 8 }, { row: 5 }, { row: 6 }]) };
  it('keeps a formula whose cells moved with it', () => {
    expect(keepsResult('D8*E8', 'S', z)).toBe(true);
    expect(keepsResult('SUM(D8:H8)', 'S', z)).toBe(true);
    expect(keepsResult('VLOOKUP(B8,Lists!$A$1:$B$9,2,FALSE)', 'S', z)).toBe(true);
    expect(keepsResult('Other!A5+1', 'S', z)).toBe(true);
  });
  it('drops one that reads its position, a removed row, a range the rows moved through, or a name', () => {
    expect(keepsResult('ROW()-4', 'S', z)).toBe(false);
    expect(keepsResult('D7', 'S', z)).toBe(false);
    expect(keepsResult('SUM(D5:D8)', 'S', z)).toBe(false);
    expect(keepsResult('SUM($D$5:D6)', 'S', z)).toBe(false);
    expect(keepsResult('SUM(D:D)', 'S', z)).toBe(false);
    expect(keepsResult('SUM(Efforts)', 'S', z)).toBe(false);
    expect(keepsResult('OFFSET(A1,1,1)', 'S', z)).toBe(false);
    expect(keepsResult('S!D5:D8', 'Other', z)).toBe(false);
  });
  it('tells the formulas of a position', () => {
    expect(readsPosition('"task"&ROW()')).toBe(true);
    expect(readsPosition('INDIRECT("A"&5)')).toBe(true);
    expect(readsPosition('D5*2')).toBe(false);
    expect(readsPosition('"ROW()"&D5')).toBe(false);
  });
});

// A register: header in row 1; records in rows 2..5 with No. =ROW()-1 (a shared formula filled down),
// a name ="task"&ROW(), an effort, and =C*2 of its own row; a total under it; a reader on another sheet.
async function register(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  const other = wb.addWorksheet('Other');
  ['No', '名前', '工数', '倍'].forEach((h, c) => (ws.getCell(1, c + 1).value = h));
  for (let r = 2; r <= 5; r++) {
    ws.getCell(r, 1).value = (r === 2 ? { formula: 'ROW()-1', result: 1, shareType: 'shared', ref: 'A2:A5' } : { sharedFormula: 'A2', result: r - 1 }) as never;
    ws.getCell(r, 2).value = { formula: '"task"&ROW()', result: `task${r}` } as never;
    ws.getCell(r, 3).value = r * 10;
    ws.getCell(r, 4).value = { formula: `C${r}*2`, result: r * 20 } as never;
  }
  ws.getCell(7, 3).value = { formula: 'SUM(C2:C5)', result: 140 } as never;
  other.getCell(1, 1).value = { formula: 'S!D5', result: 100 } as never;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetXml(buf: Uint8Array, part: string): string {
  const b = Buffer.from(buf);
  return new ZipReader(b, readZipDirectory(b, 'x.xlsx'), 'x.xlsx').bytes(part)!.toString('utf8');
}
const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? '';
const result = (xml: string, ref: string) => /<v>([^<]*)<\/v>/.exec(cell(xml, ref))?.[1] ?? null;

describe('results of moved formulas', () => {
  it('computes the positional ones at their new rows, keeps those that followed their cells, drops the total', async () => {
    // Row 5 first, row 3 removed, row 2 copied at the end.
    const w: TableWrite = { sheet: 'S', firstRow: 2, lastRow: 5, columns: [2], rows: [[undefined], [undefined], [undefined], [undefined]], order: [{ row: 5 }, { row: 2 }, { row: 4 }, { row: 2, clone: true }] };
    const xml = sheetXml(await writeIntoTemplate(await register(), [w]), 'xl/worksheets/sheet1.xml');
    // No. =ROW()-1 and the name of every row, where it is now (the copy too).
    for (let r = 2; r <= 5; r++) expect(result(xml, `A${r}`)).toBe(String(r - 1));
    for (let r = 2; r <= 5; r++) {
      expect(result(xml, `B${r}`)).toBe(`task${r}`);
      expect(cell(xml, `B${r}`)).toContain('t="str"');
    }
    // =C*2 moved with its row: the result it had (old row 5's 100 now in row 2).
    expect(cell(xml, 'D2')).toContain('<f>C2*2</f>');
    expect(result(xml, 'D2')).toBe('100');
    expect(result(xml, 'D3')).toBe('40');
    // The total's range lost a row: recomputed on open.
    expect(result(xml, 'C6')).toBeNull();
    const other = sheetXml(await writeIntoTemplate(await register(), [w]), 'xl/worksheets/sheet2.xml');
    expect(cell(other, 'A1')).toContain('<f>S!D2</f>');
    expect(result(other, 'A1')).toBe('100');
  });

  it('drops what reads a result that changed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await register()) as unknown as ArrayBuffer);
    wb.getWorksheet('Other')!.getCell('B1').value = { formula: 'S!A5', result: 4 } as never;
    const tpl = Buffer.from(await wb.xlsx.writeBuffer());
    const w: TableWrite = { sheet: 'S', firstRow: 2, lastRow: 5, columns: [2], rows: [[undefined], [undefined], [undefined], [undefined]], order: [{ row: 5 }, { row: 2 }, { row: 3 }, { row: 4 }] };
    const other = sheetXml(await writeIntoTemplate(tpl, [w]), 'xl/worksheets/sheet2.xml');
    // S!A5 (=ROW()-1, 4) moved to A2, where it shows 1: its reader is recomputed on open.
    expect(cell(other, 'B1')).toContain('<f>S!A2</f>');
    expect(result(other, 'B1')).toBeNull();
  });

  it('types a name over the formula only where it would show another name, and over a shared master its group keeps theirs', async () => {
    const name = (v: string): CellOut => ({ value: { t: 's', v }, overFormula: true });
    // In place: row 2 renamed over the shared No. master; row 3's name is what its formula shows.
    const w: TableWrite = { sheet: 'S', firstRow: 2, lastRow: 5, columns: [0, 1], rows: [[{ value: { t: 'n', v: 7 }, overFormula: true }, undefined], [undefined, name('task3')], [undefined, undefined], [undefined, undefined]] };
    const xml = sheetXml(await writeIntoTemplate(await register(), [w]), 'xl/worksheets/sheet1.xml');
    expect(cell(xml, 'A2')).not.toContain('<f');
    expect(result(xml, 'A2')).toBe('7');
    for (let r = 3; r <= 5; r++) {
      expect(cell(xml, `A${r}`)).toContain(`<f>ROW()-1</f>`);
      expect(result(xml, `A${r}`)).toBe(String(r - 1));
    }
    expect(cell(xml, 'B3')).toMatch(/<f>(&quot;|")task(&quot;|")&amp;ROW\(\)<\/f><v>task3<\/v>/);
  });
});

// A log kept as an Excel table whose formulas read their own row ([@Title], T[[#This Row],[Key]]) and
// some columns of a lookup table on another sheet (S[Name]), as a Jira-synced risk log does. Writing
// one row's title must leave the other rows' results: Excel, LibreOffice without recalculation and our
// own import show them (a title shown by such a formula once read back empty, and its record was lost).
async function tables(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const log = wb.addWorksheet('Log');
  const src = wb.addWorksheet('Src');
  src.addTable({
    name: 'S',
    ref: 'A1',
    columns: [{ name: 'Id' }, { name: 'Name' }, { name: 'Titles' }],
    rows: [
      ['K-1', 'Alice', { formula: 'COUNTA(T[Title])', result: 2 }],
      ['K-2', 'Bob', { formula: 'COUNTA(T[Title])', result: 2 }],
    ],
  });
  log.addTable({
    name: 'T',
    ref: 'A1',
    columns: [{ name: 'Key' }, { name: 'Title' }, { name: 'Len' }, { name: 'Owner' }],
    rows: [
      ['K-1', 'Vendor late', { formula: 'LEN([@Title])', result: 11 }, { formula: '_xlfn.XLOOKUP(T[[#This Row],[Key]],S[Id],S[Name])', result: 'Alice' }],
      ['K-2', 'Staff leave', { formula: 'LEN([@Title])', result: 11 }, { formula: '_xlfn.XLOOKUP(T[[#This Row],[Key]],S[Id],S[Name])', result: 'Bob' }],
    ],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('results of formulas reading an Excel table', () => {
  it('a write into one row of a table drops the results of that row and of what reads its column, and keeps the rest', async () => {
    const w: TableWrite = { sheet: 'Log', firstRow: 2, lastRow: 3, columns: [1], rows: [[undefined], [{ value: { t: 's', v: 'Staff leave early' } }]] };
    const out = await writeIntoTemplate(await tables(), [w]);
    const log = sheetXml(out, 'xl/worksheets/sheet1.xml');
    const src = sheetXml(out, 'xl/worksheets/sheet2.xml');
    // Its own row's length is recomputed; the other row's stays.
    expect(result(log, 'C3')).toBeNull();
    expect(result(log, 'C2')).toBe('11');
    // S[Titles] counts the Title column: recomputed.
    expect(result(src, 'C2')).toBeNull();
    // The owners read S[Id] and S[Name], which nothing changed, and their own row's Key.
    expect(result(log, 'D2')).toBe('Alice');
    expect(result(log, 'D3')).toBe('Bob');
  });
});
