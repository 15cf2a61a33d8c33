// The template writer on small workbooks of raw XML: the precise (and odd but valid) XML a client's
// file may hold — prefixed elements, self-closing rows, rows and cells without r, inline and rich
// strings — and the rules: equal values untouched, formulas never overwritten, text stays text,
// formats kept or cloned for dates and indents, surplus rows cleared, refusals that name the reason.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../electron/core/excel/crc32.js';
import { readXlsx } from '../../electron/core/excel/parse-xlsx.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { dateSerial, inspectTemplate, TemplateError, writeIntoTemplate, type TableWrite, type WriteReport } from '../../electron/core/excel/template/index.js';
import { rawXlsx, sheetXml, sstXml, workbookXml } from '../fixtures/excel/xlsx.js';
import { zip } from '../fixtures/excel/zip.js';

function parts(buf: Uint8Array): Map<string, string> {
  const b = Buffer.from(buf);
  const dir = readZipDirectory(b, 'out.xlsx');
  const z = new ZipReader(b, dir, 'out.xlsx');
  return new Map([...dir.entries.keys()].map((n) => [n, z.bytes(n)!.toString('utf8')]));
}
const sheetOf = (buf: Uint8Array) => parts(buf).get('xl/worksheets/sheet1.xml')!;
const s = (v: string) => ({ value: { t: 's' as const, v } });
const n = (v: number) => ({ value: { t: 'n' as const, v } });
const values = (buf: Uint8Array, sheet = 0) => {
  const m = readXlsx(Buffer.from(buf), 'out.xlsx');
  // A formula whose stale result the writer dropped has no value to compare (the reader keeps it as one).
  return m.sheets[sheet]!.rows
    .map((r) => [r.r + 1, ...r.cells.filter((c) => !(c.f && c.v === '')).map((c) => `${c.c}:${String(c.v)}`)])
    .filter((r) => r.length > 1);
};

const SST = sstXml(['No', 'Task', 'alpha', 'beta']);
const BASE = sheetXml(
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2" ht="20" customHeight="1"><c r="A2" s="3"><v>1</v></c><c r="B2" s="2" t="s"><v>2</v></c><c r="C2"><f>A2*2</f><v>2</v></c></row>' +
    '<row r="3" ht="20" customHeight="1"><c r="A3" s="3"><v>2</v></c><c r="B3" s="2" t="s"><v>3</v></c><c r="C3"><f>A3*2</f><v>4</v></c></row>',
);

describe('writing back what the template holds', () => {
  it('gives back the identical file', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0, 1, 2], rows: [[n(1), s('alpha'), n(99)], [n(2), s('beta'), undefined]] }]);
    // C is a formula column: a value for it is ignored, so nothing changes.
    expect(Buffer.compare(Buffer.from(out), tpl)).toBe(0);
  });

  it('compares inline and rich-text strings by their text', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><r><rPr><b/></rPr><t>太</t></r><r><t xml:space="preserve">字 </t></r><rPh sb="0" eb="1"><t>フト</t></rPh></si></sst>`;
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>インライン</t></is></c><c r="C1" t="b"><v>1</v></c><c r="D1"><v>1.5</v></c></row>');
    const tpl = rawXlsx({ sheet, sst });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1, 2, 3], rows: [[s('太字 '), s('インライン'), { value: { t: 'b', v: true } }, n(1.5)]] }]);
    expect(Buffer.compare(Buffer.from(out), tpl)).toBe(0);
  });
});

describe('in place', () => {
  it('changes only the cells whose value differs, keeping their format', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [1], rows: [[s('alpha')], [s('gamma')]] }]);
    const before = parts(tpl);
    const after = parts(out);
    const sheet = after.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="B3" s="2" t="s"><v>4</v></c>');
    expect(sheet.replace('<c r="B3" s="2" t="s"><v>4</v></c>', '<c r="B3" s="2" t="s"><v>3</v></c>')).toBe(before.get('xl/worksheets/sheet1.xml'));
    expect(after.get('xl/sharedStrings.xml')).toContain('<si><t>gamma</t></si></sst>');
    expect(after.get('xl/sharedStrings.xml')).toContain('uniqueCount="5"');
    for (const p of ['xl/styles.xml', '[Content_Types].xml', '_rels/.rels']) expect(after.get(p)).toBe(before.get(p));
  });

  it('adds a cell in front of a formatted empty cell it also rewrites (B16 new, D16 styled)', async () => {
    // A form's row holds only a formatted empty D cell; writing B and D of it touched one offset twice.
    const tpl = rawXlsx({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="D2" s="1"/></row>'), sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 2, columns: [1, 3], rows: [[s('alpha'), n(45757)]] }]);
    expect(values(out)).toEqual([
      [1, '0:No'],
      [2, '1:alpha', '3:45757'],
    ]);
  });

  it('never overwrites a formula, and keeps text that looks like a formula as text', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [1, 2], rows: [[s('=1+1'), n(5)], [s('@home'), s('+81-3')]] }]);
    const sheet = sheetOf(out);
    expect(sheet).toContain('<c r="C2"><f>A2*2</f><v>2</v></c>');
    expect(sheet).toContain('<c r="C3"><f>A3*2</f><v>4</v></c>');
    expect(sheet).not.toMatch(/<f>1\+1<\/f>/);
    const sst = parts(out).get('xl/sharedStrings.xml')!;
    expect(sst).toContain('<t>=1+1</t>');
    expect(sst).toContain('<t>@home</t>');
    expect(values(out)[1]).toEqual([2, '0:1', '1:=1+1', '2:2']);
  });

  it('clears with null, keeping the format; writes numbers and booleans', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0, 1], rows: [[{ value: null }, { value: { t: 'b', v: false } }], [n(-0), n(1e-7)]] }]);
    const sheet = sheetOf(out);
    expect(sheet).toContain('<c r="A2" s="3"/>');
    expect(sheet).toContain('<c r="B2" s="2" t="b"><v>0</v></c>');
    expect(sheet).toContain('<c r="A3" s="3"><v>0</v></c>');
    expect(sheet).toContain('<c r="B3" s="2"><v>1e-7</v></c>');
  });

  it('clears surplus template rows but keeps their formats and formulas', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const report: WriteReport = { inserted: [], recalc: false };
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [1], rows: [[s('only')]] }], { report });
    const sheet = sheetOf(out);
    // C3 reads the cleared A3: its cached result is dropped (computed on open), the formula stays.
    expect(sheet).toContain('<row r="3" ht="20" customHeight="1"><c r="A3" s="3"/><c r="B3" s="2"/><c r="C3"><f>A3*2</f></c></row>');
    expect(sheet).toContain('<c r="C2"><f>A2*2</f><v>2</v></c>');
    expect(report.recalc).toBe(true);
    expect(parts(out).get('xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/>');
  });
});

describe('cached formula results', () => {
  it('keep a result whose inputs lie between two rewritten cells of the row', async () => {
    // A: code, B: effort, C: another effort, D: 先行, E: =C2-B2. A and D are rewritten; B and C are not.
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><v>4.3</v></c><c r="B2"><v>40</v></c><c r="C2"><v>42</v></c><c r="D2" t="s"><v>1</v></c><c r="E2"><f>C2-B2</f><v>2</v></c></row>',
    );
    const out = await writeIntoTemplate(rawXlsx({ sheet, sst: SST }), [{ sheet: 'WBS', firstRow: 2, lastRow: 2, columns: [0, 3], rows: [[n(6.3), s('beta')]] }]);
    expect(sheetOf(out)).toContain('<c r="E2"><f>C2-B2</f><v>2</v></c>');
  });
});

describe('dates and indents', () => {
  it('gives a date a date format: the cell keeps its own format when it has one, else a copy with numFmtId 14', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>1</v></c></row>');
    const tpl = rawXlsx({ sheet });
    const day = dateSerial('2025-04-01');
    expect(day).toBe(45748);
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1], rows: [[{ value: { t: 'd', v: day } }, { value: { t: 'd', v: day } }]] }]);
    const p = parts(out);
    expect(p.get('xl/worksheets/sheet1.xml')).toContain(`<c r="A1" s="1"><v>${day}</v></c><c r="B1" s="4"><v>${day}</v></c>`);
    expect(p.get('xl/styles.xml')).toContain('<cellXfs count="5">');
    expect(p.get('xl/styles.xml')).toContain('<xf numFmtId="14" applyNumberFormat="1"/></cellXfs>');
    const m = readXlsx(Buffer.from(out), 'x.xlsx');
    expect(m.sheets[0]!.rows[0]!.cells.map((c) => c.t)).toEqual(['d', 'd']);
  });

  it('uses the profile date format when given, added to numFmts once', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row>');
    const out = await writeIntoTemplate(rawXlsx({ sheet }), [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1], rows: [[{ value: { t: 'd', v: 45748 } }, { value: { t: 'd', v: 45749 } }]] }], { dateFormat: 'yyyy"年"m"月"d"日"' });
    const styles = parts(out).get('xl/styles.xml')!;
    expect(styles).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>');
    expect(styles.match(/numFmtId="165" applyNumberFormat/g)).toHaveLength(1);
  });

  it('copies the format with another indent when the indent differs', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>');
    const out = await writeIntoTemplate(rawXlsx({ sheet, sst: SST }), [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1], rows: [[{ value: { t: 's', v: 'No' }, indent: 2 }, { value: { t: 's', v: 'No' }, indent: 1 }]] }]);
    const p = parts(out);
    // A1 already has indent 2: untouched. B1 gets a copy of xf 0 with indent 1.
    expect(p.get('xl/worksheets/sheet1.xml')).toContain('<c r="A1" s="3" t="s"><v>0</v></c><c r="B1" t="s" s="4"><v>0</v></c>');
    expect(p.get('xl/styles.xml')).toContain('<xf numFmtId="0" applyAlignment="1"><alignment horizontal="left" indent="1"/></xf></cellXfs>');
    expect(readXlsx(Buffer.from(out), 'x').sheets[0]!.rows[0]!.cells.map((c) => c.indent)).toEqual([2, 1]);
  });
});

describe('new rows', () => {
  it('copy the last data row: row attributes, formats, formulas moved down; constants not copied', async () => {
    const tpl = rawXlsx({ sheet: BASE, sst: SST });
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [1], rows: [[s('alpha')], [s('beta')], [s('gamma')], [s('delta')]] }]);
    const sheet = sheetOf(out);
    expect(sheet).toContain('<row r="4" ht="20" customHeight="1"><c r="A4" s="3"/><c r="B4" s="2" t="s"><v>4</v></c><c r="C4"><f>A4*2</f></c></row>');
    expect(sheet).toContain('<row r="5" ht="20" customHeight="1"><c r="A5" s="3"/><c r="B5" s="2" t="s"><v>5</v></c><c r="C5"><f>A5*2</f></c></row></sheetData>');
    expect(parts(out).get('xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/></workbook>');
  });

  it('expand a shared formula from its master', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>10</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>30</v></c></row>',
    );
    const out = await writeIntoTemplate(rawXlsx({ sheet }), [{ sheet: 'WBS', firstRow: 1, lastRow: 3, columns: [0], rows: [[n(1)], [n(2)], [n(3)], [n(4)], [n(5)]] }]);
    const x = sheetOf(out);
    expect(x).toContain('<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f>A4*10</f></c></row><row r="5"><c r="A5"><v>5</v></c><c r="B5"><f>A5*10</f></c></row>');
    expect(x).toContain('<c r="B2"><f t="shared" si="0"/><v>20</v></c>');
  });

  it('start an empty table at firstRow, modelled on a formatted blank row there', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" ht="18" customHeight="1"><c r="A2" s="2"/><c r="B2" s="3"/><c r="C2"><f>IF(A2="","",1)</f></c></row>');
    const out = await writeIntoTemplate(rawXlsx({ sheet, sst: SST }), [{ sheet: 'WBS', firstRow: 2, lastRow: null, columns: [0, 1], rows: [[s('x'), s('y')], [s('z'), undefined]] }]);
    const x = sheetOf(out);
    expect(x).toContain('<row r="2" ht="18" customHeight="1"><c r="A2" s="2" t="s"><v>4</v></c><c r="B2" s="3" t="s"><v>5</v></c><c r="C2"><f>IF(A2="","",1)</f></c></row>');
    expect(x).toContain('<row r="3" ht="18" customHeight="1"><c r="A3" s="2" t="s"><v>6</v></c><c r="B3" s="3"/><c r="C3"><f>IF(A3="","",1)</f></c></row>');
  });
});

describe('odd but valid XML', () => {
  it('keeps a namespace prefix (x:row, x:c) in what it writes', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${ns}"><x:dimension ref="A1:B2"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="2"><x:c r="A2" s="2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:f>LEN(A2)</x:f></x:c></x:row></x:sheetData></x:worksheet>`;
    const sst = `<x:sst xmlns:x="${ns}" count="3" uniqueCount="3"><x:si><x:t>No</x:t></x:si><x:si><x:t>Task</x:t></x:si><x:si><x:t>alpha</x:t></x:si></x:sst>`;
    const wb = `<x:workbook xmlns:x="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="WBS" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    const tpl = rawXlsx({ sheet, sst, workbook: wb });
    expect(Buffer.compare(Buffer.from(await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 2, columns: [0], rows: [[s('alpha')]] }])), tpl)).toBe(0);
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 2, columns: [0], rows: [[s('alpha')], [s('ベータ')]] }]);
    const p = parts(out);
    expect(p.get('xl/worksheets/sheet1.xml')).toContain('<x:row r="3"><x:c r="A3" s="2" t="s"><x:v>3</x:v></x:c><x:c r="B3"><x:f>LEN(A3)</x:f></x:c></x:row></x:sheetData>');
    expect(p.get('xl/worksheets/sheet1.xml')).toContain('<x:dimension ref="A1:B3"/>');
    expect(p.get('xl/sharedStrings.xml')).toContain('<x:si><x:t>ベータ</x:t></x:si></x:sst>');
    expect(p.get('xl/workbook.xml')).toContain('<x:calcPr fullCalcOnLoad="1"/></x:workbook>');
    expect(values(out)).toEqual([[1, '0:No'], [2, '0:alpha'], [3, '0:ベータ']]);
  });

  it('handles self-closing rows and rows and cells without r', async () => {
    const sheet = sheetXml('<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row/><row><c><v>7</v></c><c><v>8</v></c></row><row r="6"><c r="A6"><v>1</v></c></row>');
    const tpl = rawXlsx({ sheet, sst: SST });
    const out = await writeIntoTemplate(tpl, [], { cells: [{ sheet: 'WBS', ref: 'B2', value: n(5) }, { sheet: 'WBS', ref: 'C3', value: n(9) }, { sheet: 'WBS', ref: 'A4', value: s('new') }] });
    const x = sheetOf(out);
    expect(x).toContain('<row r="2"><c r="B2"><v>5</v></c></row>');
    expect(x).toContain('<row r="3"><c r="A3"><v>7</v></c><c r="B3"><v>8</v></c><c r="C3"><v>9</v></c></row><row r="4"><c r="A4" t="s"><v>4</v></c></row><row r="6">');
    expect(values(out)).toEqual([[1, '0:No', '1:Task'], [2, '1:5'], [3, '0:7', '1:8', '2:9'], [4, '0:new'], [6, '0:1']]);
  });

  it('creates the shared-string part when the template has none', async () => {
    const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
    const tpl = zip([
      { name: '[Content_Types].xml', data: CT },
      { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      { name: 'xl/workbook.xml', data: workbookXml() },
      { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
    ]);
    const out = await writeIntoTemplate(tpl, [], { cells: [{ sheet: 'WBS', ref: 'B1', value: s('text & <more>') }] });
    const p = parts(out);
    expect(p.get('xl/sharedStrings.xml')).toContain('count="1" uniqueCount="1"><si><t>text &amp; &lt;more&gt;</t></si></sst>');
    expect(p.get('[Content_Types].xml')).toContain('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    expect(p.get('xl/_rels/workbook.xml.rels')).toContain('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>');
    expect(values(out)).toEqual([[1, '0:1', '1:text & <more>']]);
  });

  it('escapes what XML cannot carry and keeps leading spaces', async () => {
    const out = await writeIntoTemplate(rawXlsx({ sst: SST }), [], { cells: [{ sheet: 'WBS', ref: 'B1', value: s(' a\tb\r\nc_x0041_\u0001') }] });
    expect(parts(out).get('xl/sharedStrings.xml')).toContain('<si><t xml:space="preserve"> a\tb_x000D_\nc_x005F_x0041__x0001_</t></si>');
    expect(values(out)[0]).toEqual([1, '0:タスク名', '1: a\tb\r\nc_x0041_\u0001']);
  });
});

describe('zip', () => {
  it('copies untouched entries byte for byte, data descriptors included', async () => {
    // An entry written the way streaming zip writers do: sizes in a data descriptor after the data.
    const data = Buffer.from('<?xml version="1.0"?><a>descriptor</a>');
    const body = zlib.deflateRawSync(data);
    const name = Buffer.from('docProps/custom.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x08, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc32(data), 4);
    desc.writeUInt32LE(body.length, 8);
    desc.writeUInt32LE(data.length, 12);
    const base = rawXlsx({ sheet: BASE, sst: SST });
    // Splice the entry in front of the base zip and rebuild its directory.
    const dir = readZipDirectory(base, 'b');
    const firstLen = 30 + name.length + body.length + 16;
    const cens: Buffer[] = [];
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x08, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc32(data), 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(name.length, 28);
    cens.push(cen, name);
    let cdStart = 0;
    for (const e of dir.entries.values()) {
      const c = Buffer.from(base.subarray(e.cenOffset, e.cenOffset + e.cenLength));
      c.writeUInt32LE(e.localOffset + firstLen, 42);
      cens.push(c);
      cdStart = Math.max(cdStart, e.dataStart + e.compressedSize);
    }
    const cd = Buffer.concat(cens);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(dir.entries.size + 1, 8);
    eocd.writeUInt16LE(dir.entries.size + 1, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(firstLen + cdStart, 16);
    const tpl = Buffer.concat([local, name, body, desc, base.subarray(0, cdStart), cd, eocd]);
    const out = Buffer.from(await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [1], rows: [[s('changed')], [s('beta')]] }]));
    expect(out.subarray(0, firstLen).equals(tpl.subarray(0, firstLen))).toBe(true);
    const a = readZipDirectory(tpl, 'a');
    const b = readZipDirectory(out, 'b');
    expect([...b.entries.keys()]).toEqual([...a.entries.keys()]);
    const za = new ZipReader(tpl, a, 'a');
    const zb = new ZipReader(out, b, 'b');
    for (const [k, e] of a.entries) {
      const f = b.entries.get(k)!;
      const same = tpl.subarray(e.localOffset, e.dataStart + e.compressedSize).equals(out.subarray(f.localOffset, f.dataStart + f.compressedSize));
      // No formula reads B2: workbook.xml is not asked to recalculate.
      expect(same, k).toBe(!['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].includes(k));
      expect(zb.bytes(k)!.length > 0 || za.bytes(k)!.length === 0).toBe(true);
    }
  });
});

describe('refusals name the file, the sheet and the reason', () => {
  const tpl = rawXlsx({ sheet: BASE, sst: SST });
  const write = (w: Partial<TableWrite>, fileName = 'client.xlsx') => writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0], rows: [], ...w }], { fileName });

  it('a missing sheet', async () => {
    await expect(write({ sheet: 'Nope' })).rejects.toThrow(/^client\.xlsx: has no sheet named "Nope" \(its sheets: WBS\)/);
    await expect(write({ sheet: 'Nope' })).rejects.toBeInstanceOf(TemplateError);
  });

  it('a chartsheet', async () => {
    const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chart1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const t = rawXlsx({ workbook: wb, extra: [{ name: 'xl/chartsheets/sheet1.xml', data: '<chartsheet/>' }] });
    const patched = zip(
      [...readZipDirectory(t, 't').entries.keys()].map((name) => ({ name, data: name === 'xl/_rels/workbook.xml.rels' ? rels : new ZipReader(t, readZipDirectory(t, 't'), 't').bytes(name)! })),
    );
    await expect(writeIntoTemplate(patched, [{ sheet: 'Chart1', firstRow: 1, lastRow: 1, columns: [0], rows: [] }], { fileName: 'c.xlsx' })).rejects.toThrow(/c\.xlsx: sheet "Chart1" is a chartsheet, not a worksheet/);
  });

  it('Strict Open XML, an encrypted package, a non-workbook', async () => {
    const strict = rawXlsx({ workbook: workbookXml().replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main') });
    await expect(writeIntoTemplate(strict, [], { fileName: 's.xlsx' })).rejects.toThrow(/s\.xlsx: is saved as Strict Open XML/);
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(writeIntoTemplate(cfb, [], { fileName: 'e.xlsx' })).rejects.toThrow(/e\.xlsx: is encrypted with a password/);
    await expect(writeIntoTemplate(Buffer.from('hello'), [], { fileName: 'h.xlsx' })).rejects.toThrow(/h\.xlsx: /);
  });

  it('a value a cell cannot hold, or rows that do not fit', async () => {
    await expect(write({ rows: [[n(Number.NaN)]] })).rejects.toThrow(/client\.xlsx: sheet "WBS": data row 1 holds NaN/);
    await expect(write({ columns: [0, 0] })).rejects.toThrow(/column 0 is written twice/);
    await expect(write({ firstRow: 0 })).rejects.toThrow(/firstRow 0 is not a row number/);
    await expect(writeIntoTemplate(tpl, [], { cells: [{ sheet: 'WBS', ref: 'B', value: n(1) }] })).rejects.toThrow(/"B" on sheet "WBS" is not a cell address/);
  });

  it('rows out of order', async () => {
    const bad = rawXlsx({ sheet: sheetXml('<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>') });
    await expect(writeIntoTemplate(bad, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0], rows: [[n(2)]] }], { fileName: 'o.xlsx' })).rejects.toThrow(/o\.xlsx: sheet "WBS": rows are not in ascending order/);
  });
});

describe('workbook facts', () => {
  it('date system, sheets, defined names', () => {
    const wb = workbookXml('WBS', '<workbookPr date1904="1"/>').replace('</workbook>', `<definedNames><definedName name="ProjectName">WBS!$B$3</definedName><definedName name="Area" localSheetId="0">'WBS'!$A$1:$C$4</definedName><definedName name="Calc">SUM(WBS!A1:A2)</definedName></definedNames></workbook>`);
    const tpl = rawXlsx({ workbook: wb });
    const facts = inspectTemplate(tpl, { names: [{ name: 'projectname' }, { name: 'Area', sheet: 'WBS' }, { name: 'Calc' }, { name: 'Missing' }], listNames: true });
    expect(facts).toMatchObject({ date1904: true, sheets: [{ name: 'WBS', kind: 'worksheet' }] });
    expect(dateSerial('2025-04-01', true)).toBe(45748 - 1462);
    expect(facts.named).toEqual([{ sheet: 'WBS', ref: 'B3' }, { sheet: 'WBS', ref: 'A1:C4' }, null, null]);
    // Only the names of one cell or range are listed (not a formula).
    expect(facts.definedNames).toEqual([
      { name: 'ProjectName', sheet: 'WBS', ref: 'B3' },
      { name: 'Area', sheet: 'WBS', ref: 'A1:C4' },
    ]);
  });
});

describe('ranges around a growing table (raw XML)', () => {
  const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
  const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="${X14}" xmlns:xm="${XM}">` +
    '<dimension ref="A1:C6"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A6" sqref="A6"/></sheetView></sheetViews><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>10</v></c></row>' +
    '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>20</v></c></row>' +
    '<row r="4"><c r="B4"><f>SUM(B2:B3)</f><v>30</v></c><c r="C4"><f t="shared" ref="C4:C5" si="3">B4*2</f><v>60</v></c></row>' +
    '<row r="5"><c r="C5"><f t="shared" si="3"/><v>0</v></c></row>' +
    '<row r="6"><c r="A6" t="s"><v>1</v></c></row>' +
    '</sheetData><autoFilter ref="A1:B3"/><mergeCells count="1"><mergeCell ref="A6:C6"/></mergeCells>' +
    '<conditionalFormatting sqref="B2:B3"><cfRule type="expression" dxfId="0" priority="1"><formula>B2&gt;$B$4</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="whole" sqref="A2:A3"><formula1>0</formula1><formula2>$B$4</formula2></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="A6" location="\'WBS\'!B4"/></hyperlinks>' +
    '<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>' +
    '<controls><control shapeId="1025" r:id="rId9" name="Check 1"><controlPr defaultSize="0"><anchor moveWithCells="1"><from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor></controlPr></control></controls>' +
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2:B3</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>WBS!A2:B2</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline><x14:sparkline><xm:f>WBS!A6:B6</xm:f><xm:sqref>C6</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>` +
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression" id="{1}"><xm:f>WBS!$B$4&gt;0</xm:f></x14:cfRule><xm:sqref>A2:A3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`;

  it('moves everything below the table and grows what covers it', async () => {
    const wb = workbookXml('WBS').replace('</workbook>', '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">WBS!$A$1:$C$6</definedName><definedName name="Data">WBS!$A$2:$B$3</definedName></definedNames></workbook>');
    const tpl = rawXlsx({ sheet, sst: sstXml(['head', 'note']), workbook: wb });
    const report: WriteReport = { inserted: [], recalc: false };
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0, 1], rows: [[n(1), n(10)], [n(2), n(20)], [n(3), n(30)], [n(4), n(40)]] }], { report });
    expect(report.inserted).toEqual([{ sheet: 'WBS', at: 4, count: 2 }]);
    const x = sheetOf(out);
    expect(x).toContain('<dimension ref="A1:C8"/>');
    expect(x).toContain('<selection activeCell="A6" sqref="A6"/>');
    expect(x).toContain('<row r="6"><c r="B6"><f>SUM(B2:B5)</f></c><c r="C6"><f t="shared" ref="C6:C7" si="3">B6*2</f></c></row>');
    // C7 reads B7 (the empty B5 moved down with it): its result stays (formula-value.ts keepsResult).
    expect(x).toContain('<row r="7"><c r="C7"><f t="shared" si="3"/><v>0</v></c></row>');
    expect(x).toContain('<row r="8"><c r="A8" t="s"><v>1</v></c></row>');
    expect(x).toContain('<autoFilter ref="A1:B5"/>');
    expect(x).toContain('<mergeCell ref="A8:C8"/>');
    expect(x).toContain('<conditionalFormatting sqref="B2:B5"><cfRule type="expression" dxfId="0" priority="1"><formula>B2&gt;$B$6</formula>');
    expect(x).toContain('<dataValidation type="whole" sqref="A2:A5"><formula1>0</formula1><formula2>$B$6</formula2>');
    expect(x).toContain('<hyperlink ref="A8" location="\'WBS\'!B6"/>');
    expect(x).toContain('<brk id="6" max="16383" man="1"/>');
    // A check box below the table moves with its cells; sparklines keep one cell each.
    expect(x).toContain('<anchor moveWithCells="1"><from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row>');
    expect(x).toContain('<x14:sparkline><xm:f>WBS!A2:B2</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline><x14:sparkline><xm:f>WBS!A8:B8</xm:f><xm:sqref>C8</xm:sqref></x14:sparkline>');
    expect(x).toContain('<xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2:B5</xm:sqref>');
    expect(x).toContain('<xm:f>WBS!$B$6&gt;0</xm:f></x14:cfRule><xm:sqref>A2:A5</xm:sqref>');
    const w = parts(out).get('xl/workbook.xml')!;
    expect(w).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">WBS!$A$1:$C$8</definedName><definedName name="Data">WBS!$A$2:$B$5</definedName>');
    expect(values(out)).toEqual([[1, '0:head'], [2, '0:1', '1:10'], [3, '0:2', '1:20'], [4, '0:3', '1:30'], [5, '0:4', '1:40'], [7, '2:0'], [8, '0:note']]);
  });

  it('splits a shared formula the insertion cuts through into plain formulas', async () => {
    const s2 = sheetXml(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1+$A$1</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>3</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><f t="shared" si="0"/><v>1</v></c></row>',
    );
    const out = await writeIntoTemplate(rawXlsx({ sheet: s2, sst: sstXml(['total']) }), [{ sheet: 'WBS', firstRow: 1, lastRow: 2, columns: [0], rows: [[n(1)], [n(2)], [n(3)]] }]);
    const x = sheetOf(out);
    // Each keeps the result it had where what it reads moved with it; the new row's has none yet.
    expect(x).toContain('<c r="B1"><f>A1+$A$1</f><v>2</v></c>');
    expect(x).toContain('<c r="B2"><f>A2+$A$1</f><v>3</v></c>');
    expect(x).toContain('<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f>A3+$A$1</f></c></row>');
    expect(x).toContain('<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4"><f>A4+$A$1</f><v>1</v></c></row>');
  });
});

describe('drawings and comments below a growing table (raw XML)', () => {
  it('move with their rows by their anchoring', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row><row r="6"><c r="A6" t="s"><v>1</v></c></row>',
      '<drawing r:id="rId3"/><legacyDrawing r:id="rId2"/>',
    ).replace('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;
    const comments = `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="A2" authorId="0"><text><t>top</t></text></comment><comment ref="A6" authorId="0"><text><t>below</t></text></comment></commentList></comments>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape><x:ClientData ObjectType="Note"><x:Anchor>1, 15, 4, 10, 3, 15, 8, 4</x:Anchor><x:Row>5</x:Row><x:Column>0</x:Column></x:ClientData></v:shape><v:shape><x:ClientData ObjectType="Note"><x:Anchor>1, 15, 0, 10, 3, 15, 2, 4</x:Anchor><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
    const anchor = (kind: string, attrs: string, from: number, to: number | null) =>
      `<xdr:${kind}${attrs}><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>${to === null ? '<xdr:ext cx="1" cy="1"/>' : `<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`}<xdr:sp/><xdr:clientData/></xdr:${kind}>`;
    const drawing = `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">${anchor('twoCellAnchor', '', 5, 8)}${anchor('twoCellAnchor', ' editAs="oneCell"', 1, 6)}${anchor('twoCellAnchor', ' editAs="absolute"', 5, 8)}${anchor('oneCellAnchor', '', 6, null)}</xdr:wsDr>`;
    const tpl = rawXlsx({
      sheet,
      sst: sstXml(['head', 'note']),
      extra: [
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels },
        { name: 'xl/comments1.xml', data: comments },
        { name: 'xl/drawings/vmlDrawing1.vml', data: vml },
        { name: 'xl/drawings/drawing1.xml', data: drawing },
      ],
    });
    // Rows 4–5 hold no cells, but a picture beside the table reaches down to row 7: the rows are
    // inserted after the table (3 for rows 4–6), and everything from row 4 moves down.
    const report: WriteReport = { inserted: [], recalc: false };
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0], rows: [[n(1)], [n(2)], [n(3)], [n(4)], [n(5)]] }], { report });
    expect(report.inserted).toEqual([{ sheet: 'WBS', at: 4, count: 3 }]);
    const p = parts(out);
    expect(p.get('xl/comments1.xml')).toContain('<comment ref="A2" authorId="0"><text><t>top</t></text></comment><comment ref="A9" authorId="0">');
    expect(p.get('xl/drawings/vmlDrawing1.vml')).toContain('<x:Anchor>1, 15, 7, 10, 3, 15, 11, 4</x:Anchor><x:Row>8</x:Row>');
    expect(p.get('xl/drawings/vmlDrawing1.vml')).toContain('<x:Anchor>1, 15, 0, 10, 3, 15, 2, 4</x:Anchor><x:Row>1</x:Row>');
    const d = p.get('xl/drawings/drawing1.xml')!;
    // twoCell: each edge moves with its row; oneCell: moves only when its top does; absolute: stays.
    expect(d).toContain(anchor('twoCellAnchor', '', 8, 11));
    expect(d).toContain(anchor('twoCellAnchor', ' editAs="oneCell"', 1, 6));
    expect(d).toContain(anchor('twoCellAnchor', ' editAs="absolute"', 5, 8));
    expect(d).toContain(anchor('oneCellAnchor', '', 9, null));
    expect(values(out)).toEqual([[1, '0:head'], [2, '0:1'], [3, '0:2'], [4, '0:3'], [5, '0:4'], [6, '0:5'], [9, '0:note']]);
  });
});

describe('rules and comments of removed rows (a rearranged table, raw XML)', () => {
  it('an x14 rule, an x14 validation and a comment whose rows were all removed go with them', async () => {
    const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
    const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}" xmlns:x14="${X14}" xmlns:xm="${XM}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>10</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>20</v></c></row>' +
      '<row r="4"><c r="A4"><v>3</v></c><c r="B4"><v>30</v></c></row>' +
      '</sheetData><legacyDrawing r:id="rId2"/>' +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="2"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B3</xm:sqref></x14:dataValidation><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$B$1:$B$3</xm:f></x14:formula1><xm:sqref>B2:B4</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
      `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression" id="{1}"><xm:f>$B3&gt;0</xm:f></x14:cfRule><xm:sqref>A3:B3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`;
    const comments = `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="B3" authorId="0"><text><t>gone</t></text></comment><comment ref="B4" authorId="0"><text><t>kept</t></text></comment></commentList></comments>`;
    const note = (row: number) => `<v:shape><x:ClientData ObjectType="Note"><x:Anchor>2, 15, ${row}, 10, 4, 15, ${row + 3}, 4</x:Anchor><x:Row>${row}</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">${note(2)}${note(3)}</xml>`;
    const tpl = rawXlsx({
      sheet,
      sst: sstXml(['head']),
      extra: [
        { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels },
        { name: 'xl/comments1.xml', data: comments },
        { name: 'xl/drawings/vmlDrawing1.vml', data: vml },
      ],
    });
    // Row 3 (a removed record) goes; rows 2 and 4 stay, 4 moving up to 3.
    const out = await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: 2, lastRow: 4, columns: [0], rows: [[n(1)], [n(3)]], order: [{ row: 2 }, { row: 4 }] }]);
    const x = sheetOf(out);
    expect(x).not.toContain('Lists!$A$1:$A$3');
    expect(x).toContain('<x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$B$1:$B$3</xm:f></x14:formula1><xm:sqref>B2:B3</xm:sqref>');
    // The rule's only range was removed: the rule, its list and its <ext> go.
    expect(x).not.toContain('conditionalFormatting');
    expect(x).not.toContain('78C0D931');
    const p = parts(out);
    expect(p.get('xl/comments1.xml')).toContain('<commentList><comment ref="B3" authorId="0"><text><t>kept</t></text></comment></commentList>');
    const v = p.get('xl/drawings/vmlDrawing1.vml')!;
    expect(v.match(/ObjectType="Note"/g)).toHaveLength(1);
    expect(v).toContain('<x:Row>2</x:Row>');
    expect(values(out)).toEqual([[1, '0:head'], [2, '0:1', '1:10'], [3, '0:3', '1:30']]);
  });
});
