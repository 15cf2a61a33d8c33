// Rows of a table rearranged within its own columns (TableWrite.band): a list beside the register
// (a validation's master list, a people table) keeps its cells, merges, rules, notes and the names
// that point at it on its own rows while records are removed, moved and copied; references from it
// to the table's cells follow them.
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/core/excel/parse-xlsx.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { writeIntoTemplate, type TableWrite } from '../../electron/core/excel/template/index.js';
import { rawXlsx, rowXml, sheetXml, workbookXml } from '../fixtures/excel/xlsx.js';

function parts(buf: Uint8Array): Map<string, string> {
  const b = Buffer.from(buf);
  const dir = readZipDirectory(b, 'out.xlsx');
  const z = new ZipReader(b, dir, 'out.xlsx');
  return new Map([...dir.entries.keys()].map((n) => [n, z.bytes(n)!.toString('utf8')]));
}
/** Every cell value by address (formulas' cached results left out). */
const cells = (buf: Uint8Array) => {
  const m = readXlsx(Buffer.from(buf), 'out.xlsx');
  const out = new Map<string, string>();
  for (const r of m.sheets[0]!.rows) for (const c of r.cells) if (!c.f) out.set(`${String.fromCharCode(65 + c.c)}${r.r + 1}`, String(c.v));
  return out;
};
const side = (m: Map<string, string>) => [...m].filter(([k]) => k >= 'F').sort();

// A register in A:C (rows 3–6) and, past the empty column D, a master list in E:F whose rows start
// beside the table: E2 a heading, E3:E6 the list (a defined name and the validation of C read it),
// F3 a count of the register's names, E7 merged over E7:F7, a rule over E3:E6.
const SHEET = sheetXml(
  rowXml(1, ['No', 'Task', 'Status']) +
    '<row r="2"><c r="E2" t="inlineStr"><is><t>Master</t></is></c></row>' +
    '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>a</t></is></c><c r="C3" t="inlineStr"><is><t>Open</t></is></c><c r="E3" t="inlineStr"><is><t>Open</t></is></c><c r="F3"><f>COUNTA(B3:B6)</f><v>4</v></c></row>' +
    '<row r="4"><c r="A4"><v>2</v></c><c r="B4" t="inlineStr"><is><t>b</t></is></c><c r="C4" t="inlineStr"><is><t>Closed</t></is></c><c r="E4" t="inlineStr"><is><t>Closed</t></is></c></row>' +
    '<row r="5"><c r="A5"><v>3</v></c><c r="B5" t="inlineStr"><is><t>c</t></is></c><c r="E5" t="inlineStr"><is><t>Hold</t></is></c><c r="F5"><f>E5&amp;"!"</f><v>Hold!</v></c></row>' +
    '<row r="6"><c r="A6"><v>4</v></c><c r="B6" t="inlineStr"><is><t>d</t></is></c><c r="E6" t="inlineStr"><is><t>Gone</t></is></c></row>' +
    '<row r="7"><c r="E7" t="inlineStr"><is><t>note</t></is></c></row>' +
    rowXml(9, ['end of sheet']),
  '<mergeCells count="1"><mergeCell ref="E7:F7"/></mergeCells>' +
    '<conditionalFormatting sqref="E3:E6"><cfRule type="expression" priority="1"><formula>$E3="Open"</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" sqref="C3:C6"><formula1>Statuses</formula1></dataValidation></dataValidations>',
);
const WORKBOOK = workbookXml('WBS', '').replace('<sheets>', '<sheets>').replace('</sheets>', '</sheets><definedNames><definedName name="Statuses">WBS!$E$3:$E$6</definedName></definedNames>');
const template = () => rawXlsx({ sheet: SHEET, workbook: WORKBOOK });

// Record 2 (row 4) deleted, record 4 moved above record 3, and a copy of row 3 added at the end.
const write = (band?: [number, number]): TableWrite => ({
  sheet: 'WBS',
  firstRow: 3,
  lastRow: 6,
  columns: [1],
  rows: [[undefined], [undefined], [undefined], [{ value: { t: 's', v: 'e' } }]],
  order: [{ row: 3 }, { row: 6 }, { row: 5 }, { row: 3, clone: true }],
  ...(band ? { band } : {}),
});

describe('rows rearranged within the table\'s columns', () => {
  it('keeps the list beside the table on its rows: cells, merge, rule, defined name', async () => {
    const out = await writeIntoTemplate(template(), [write([0, 2])]);
    const before = cells(template());
    const after = cells(out);
    expect(side(after)).toEqual(side(before));
    for (const k of ['E2', 'E3', 'E4', 'E5', 'E6', 'E7']) expect(after.get(k), k).toBe(before.get(k));
    // The table itself was rearranged.
    expect([3, 4, 5, 6].map((r) => after.get(`B${r}`))).toEqual(['a', 'd', 'c', 'e']);
    const p = parts(out);
    const x = p.get('xl/worksheets/sheet1.xml')!;
    expect(x).toContain('<mergeCell ref="E7:F7"/>');
    expect(x).toContain('<conditionalFormatting sqref="E3:E6">');
    expect(x).toContain('<formula>$E3="Open"</formula>');
    // The validation covers the table's rows as they are now; the list it reads has not moved.
    expect(x).toMatch(/<dataValidation type="list" sqref="C3:C6">/);
    expect(p.get('xl/workbook.xml')).toContain('WBS!$E$3:$E$6');
    // A formula beside the table keeps its row; its range over the table's names follows them.
    expect(x).toMatch(/<c r="F3"><f>COUNTA\(B3:B6\)<\/f>/);
    expect(x).toMatch(/<c r="F5"><f>E5&amp;"!"<\/f><v>Hold!<\/v><\/c>/);
    // The table keeps 4 rows: what is below it stays.
    expect(after.get('A9')).toBe('end of sheet');
  });

  it('without a band, whole rows move as before (the list is torn: the deleted record took "Closed")', async () => {
    const after = cells(await writeIntoTemplate(template(), [write()]));
    expect([...after.values()]).not.toContain('Closed');
  });

  it('grows the table into rows below it within its columns only', async () => {
    const w = write([0, 2]);
    w.order = [{ row: 3 }, { row: 4 }, { row: 5 }, { row: 6 }, { row: 6, clone: true }, { row: 6, clone: true }];
    w.rows = [[undefined], [undefined], [undefined], [undefined], [{ value: { t: 's', v: 'e' } }], [{ value: { t: 's', v: 'f' } }]];
    const out = await writeIntoTemplate(template(), [w]);
    const after = cells(out);
    expect(side(after)).toEqual(side(cells(template())));
    expect([7, 8].map((r) => after.get(`B${r}`))).toEqual(['e', 'f']);
    expect(after.get('A11')).toBe('end of sheet');
    const x = parts(out).get('xl/worksheets/sheet1.xml')!;
    // Rows stay in order and each row once.
    const nums = [...x.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(new Set(nums).size).toBe(nums.length);
    expect(x).toContain('<mergeCell ref="E7:F7"/>');
  });

  it('refuses a band that does not hold the written columns', async () => {
    await expect(writeIntoTemplate(template(), [{ ...write([0, 0]) }])).rejects.toThrow(/band/);
  });
});
