// The xlsx reader on hand-made parts: every cell type, number formats that make dates, shared strings
// with rich text and furigana, inline strings, namespace prefixes, cells without references, 1904
// dates, merges, indents and macro-enabled workbooks.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { classifyCode, classifyFormat } from '../../electron/core/excel/number-formats.js';
import { readZipDirectory } from '../../electron/core/excel/zip.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { rawXlsx, sheetXml, workbookXml } from '../fixtures/excel/xlsx.js';

const cells = (bytes: Buffer) => readWorkbookBytes(bytes, 't.xlsx').sheets[0]!.rows.map((r) => [r.r, r.cells]);

describe('number formats', () => {
  it.each([
    [14, undefined, 'date'],
    [22, undefined, 'date'],
    [27, undefined, 'date'],
    [31, undefined, 'date'],
    [57, undefined, 'date'],
    [20, undefined, 'time'],
    [9, undefined, 'number'],
    [0, undefined, 'general'],
    [164, 'yyyy/m/d;@', 'date'],
    [165, '[$-411]ggge"年"m"月"d"日";@', 'date'],
    [166, 'm"月"d"日"', 'date'],
    [167, 'yyyy"年"m"月"', 'date'],
    [168, '[$-F800]dddd, mmmm dd, yyyy', 'date'],
    [169, 'h:mm:ss', 'time'],
    [170, '[h]:mm', 'time'],
    [171, '0.00E+00', 'number'],
    [172, '0%', 'number'],
    [173, '"Day "0', 'number'],
    [174, '#,##0"円";[Red]-#,##0"円"', 'number'],
    [175, '@', 'number'],
    [176, 'General', 'general'],
  ] as const)('%i %s → %s', (id, code, cls) => expect(classifyFormat(id, code)).toBe(cls));

  it('only the first section decides', () => expect(classifyCode('0;"yyyy"')).toBe('number'));
});

describe('cells', () => {
  it("reads list validations, classic and Excel 2010's x14 ones (prefixed names), and workbook-level defined names", () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>状況</t></is></c></row>',
      '<dataValidations count="2"><dataValidation type="list" sqref="A2:A9 C2"><formula1>"未着手,完了"</formula1></dataValidation>' +
        '<dataValidation type="date" sqref="B2:B9"><formula1>1</formula1></dataValidation></dataValidations>' +
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
        '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$2:$A$6</xm:f></x14:formula1><xm:sqref>D2:D1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
    );
    const workbook = workbookXml('WBS', '').replace('</sheets>', '</sheets><definedNames><definedName name="Statuses">Lists!$B$1:$B$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">WBS!$A$1:$D$9</definedName></definedNames>');
    const model = readWorkbookBytes(rawXlsx({ sheet, workbook }), 't.xlsx');
    expect(model.sheets[0]!.lists).toEqual([
      { sqref: 'A2:A9 C2', formula: '"未着手,完了"' },
      { sqref: 'D2:D1048576', formula: 'Lists!$A$2:$A$6' },
    ]);
    expect(model.names).toEqual({ Statuses: 'Lists!$B$1:$B$3' });
  });

  it("reads the sheet's frozen pane, AutoFilter range and hidden columns, not a custom view's nor a pane that only splits", () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>` +
      '<cols><col min="1" max="1" width="5"/><col min="3" max="4" width="0" hidden="1"/><col min="20" max="16384" hidden="true"/></cols>' +
      '<sheetData><row r="4"><c r="A4" t="inlineStr"><is><t>No</t></is></c></row></sheetData><autoFilter ref="A4:K40"/>' +
      '<customSheetViews><customSheetView guid="{1}"><pane ySplit="9" state="frozen"/><autoFilter ref="B2:C3"/></customSheetView></customSheetViews></worksheet>';
    const s = readWorkbookBytes(rawXlsx({ sheet }), 't.xlsx').sheets[0]!;
    expect(s.frozen).toEqual({ rows: 4, cols: 2 });
    expect(s.autoFilter).toEqual({ r1: 3, c1: 0, r2: 39, c2: 10 });
    expect(s.hiddenColumns).toEqual([{ c1: 2, c2: 3 }, { c1: 19, c2: 16383 }]);
    const split = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>').replace('<sheetData>', '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2400" topLeftCell="A9"/></sheetView></sheetViews><sheetData>');
    const plain = readWorkbookBytes(rawXlsx({ sheet: split }), 't.xlsx').sheets[0]!;
    expect([plain.frozen, plain.autoFilter, plain.hiddenColumns]).toEqual([undefined, undefined, undefined]);
  });

  it('reads every value type, keeps formula results and formats, and drops empty cells', () => {
    const sheet = sheetXml(
      '<row r="1">' +
        '<c r="A1" t="s"><v>0</v></c>' + // shared string with rich text and furigana
        '<c r="B1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>' +
        '<c r="C1"><v>42.5</v></c>' +
        '<c r="D1" s="1"><v>45748</v></c>' + // date by built-in format 14
        '<c r="E1" t="b"><v>1</v></c>' +
        '<c r="F1" t="e"><v>#N/A</v></c>' +
        '<c r="G1" t="str"><f>A1&amp;"x"</f><v>計画x</v></c>' +
        '<c r="H1"><f>1+1</f><v>2</v></c>' +
        '<c r="I1"><f>NOW()</f></c>' + // a formula without a cached value: an empty formula result
        '<c r="J1" s="2"><v>0.5</v></c>' + // percent format
        '<c r="K1" t="d"><v>2025-04-01T00:00:00</v></c>' +
        '<c r="L1" s="3" t="s"><v>1</v></c>' + // indent 2
        '<c r="M1" s="1"/>' + // styled, empty
        '<c r="N1" t="s"><v>2</v></c>' + // "" shared string: empty
        '</row>',
    );
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>計</t></r><r><rPr><b/></rPr><t>画</t></r><rPh sb="0" eb="2"><t>ケイカク</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  字下げ_x000D_</t></si><si><t></t></si></sst>';
    expect(cells(rawXlsx({ sheet, sst }))).toEqual([
      [
        0,
        [
          { c: 0, t: 's', v: '計画' },
          { c: 1, t: 's', v: 'inline' },
          { c: 2, t: 'n', v: 42.5 },
          { c: 3, t: 'd', v: 45748, fmt: 'yyyy/m/d' },
          { c: 4, t: 'b', v: true },
          { c: 5, t: 'e', v: '#N/A' },
          { c: 6, t: 's', v: '計画x', f: true },
          { c: 7, t: 'n', v: 2, f: true },
          { c: 8, t: 's', v: '', f: true },
          { c: 9, t: 'n', v: 0.5, fmt: '0%' },
          { c: 10, t: 'd', v: 45748 },
          { c: 11, t: 's', v: '  字下げ\r', indent: 2 },
        ],
      ],
    ]);
  });

  it('follows cells and rows without references, prefixed elements and rows out of order', () => {
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c r="C4"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="B2"><x:v>3</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A3:B3"/><x:mergeCell ref="C1"/></x:mergeCells></x:worksheet>';
    const model = readWorkbookBytes(rawXlsx({ sheet }), 't.xlsx');
    expect(model.sheets[0]!.rows.map((r) => [r.r, r.cells.map((c) => [c.c, c.v])])).toEqual([
      [1, [[1, 3]]],
      [2, [[0, 'a'], [1, 1]]],
      [3, [[2, 2]]],
    ]);
    expect(model.sheets[0]!.merges).toEqual([{ r1: 2, c1: 0, r2: 2, c2: 1 }]); // a one-cell "merge" is none
  });

  it('reads 1904 dates, sheet states, macro-enabled workbooks and UTF-16 parts', () => {
    const contentTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`;
    const workbook = workbookXml('隠し', '<workbookPr date1904="1"/>').replace('r:id="rId1"', 'r:id="rId1" state="hidden"');
    const sheet = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml('<row r="1"><c r="A1" s="1"><v>44286</v></c></row>'), 'utf16le')]);
    const model = readWorkbookBytes(rawXlsx({ contentTypes, workbook, sheet: sheet as unknown as string }), 'm.xlsm');
    expect(model).toMatchObject({ format: 'xlsm', date1904: true, sheets: [{ name: '隠し', state: 'hidden', rows: [{ r: 0, cells: [{ t: 'd', v: 44286 }] }] }] });
  });
});

describe('zip directory checks', () => {
  it('reports the file, and what is wrong, in one message', () => {
    const good = rawXlsx();
    expect(readZipDirectory(good, 'ok.xlsx').entries.size).toBe(7);
    const badCrc = Buffer.from(good);
    // Corrupt one byte of the sheet's compressed data: inflate or the checksum catches it.
    const at = readZipDirectory(good, 'ok.xlsx').entries.get('xl/worksheets/sheet1.xml')!.dataStart + 3;
    badCrc[at] = badCrc[at]! ^ 0xff;
    expect(() => readWorkbookBytes(badCrc, 'crc.xlsx')).toThrow(ExcelReadError);
    expect(() => readWorkbookBytes(badCrc, 'crc.xlsx')).toThrow(/^crc\.xlsx: the file is damaged/);
  });
});
