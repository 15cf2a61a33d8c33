// Array formulas in a client's table (issue 10: "shared formulas and array formulas stay whole when a
// cell in their range is written"): a one-cell array formula on a record's row keeps its t="array" and
// its ref, and a new row copied from that row gets its own (references moved); a value for a cell that
// holds an array formula is never written over it, and a block of cells one array formula spans stays one.
import { describe, expect, it } from 'vitest';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { writeIntoTemplate } from '../../electron/core/excel/template/index.js';
import { rawXlsx, sheetXml, sstXml } from '../fixtures/excel/xlsx.js';

const sheetOf = (buf: Uint8Array) => {
  const b = Buffer.from(buf);
  return new ZipReader(b, readZipDirectory(b, 'out.xlsx'), 'out.xlsx').bytes('xl/worksheets/sheet1.xml')!.toString('utf8');
};
const n = (v: number) => ({ value: { t: 'n' as const, v } });

const SHEET = sheetXml(
  '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><f t="array" ref="C2">SUM(A2:B2*10)</f><v>30</v></c><c r="D2"><f t="array" ref="D2:D3">A2:A3*2</f><v>2</v></c></row>' +
    '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c><c r="C3"><f t="array" ref="C3">SUM(A3:B3*10)</f><v>70</v></c><c r="D3"><v>6</v></c></row>',
);

describe('array formulas in the table', () => {
  it('stay whole when a cell of their row is written, and are never written over', async () => {
    const out = sheetOf(await writeIntoTemplate(rawXlsx({ sheet: SHEET, sst: sstXml(['head']) }), [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0, 2, 3], rows: [[n(5), n(99), n(98)], [n(3), n(97), n(96)]] }]));
    expect(out).toContain('<c r="A2"><v>5</v></c>');
    expect(out).toMatch(/<c r="C2"><f t="array" ref="C2">SUM\(A2:B2\*10\)<\/f>/);
    expect(out).toMatch(/<c r="D2"><f t="array" ref="D2:D3">A2:A3\*2<\/f>/);
    expect(out).toMatch(/<c r="C3"><f t="array" ref="C3">SUM\(A3:B3\*10\)<\/f>/);
    expect(out).not.toContain('<v>99</v>');
    expect(out).not.toContain('<v>96</v>');
  });

  it('a new row copied from a record gets its own one-cell array formula, its references moved', async () => {
    const out = sheetOf(await writeIntoTemplate(rawXlsx({ sheet: SHEET, sst: sstXml(['head']) }), [{ sheet: 'WBS', firstRow: 2, lastRow: 3, columns: [0], rows: [[n(1)], [n(3)], [n(7)]] }]));
    expect(out).toMatch(/<c r="C4"><f t="array" ref="C4">SUM\(A4:B4\*10\)<\/f>/);
    expect(out).toMatch(/<c r="D2"><f t="array" ref="D2:D3">A2:A3\*2<\/f>/);
  });
});
