// Formulas are rewritten as text: when a table grows and the totals row below it moves, its ranges
// grow and everything else in the formula, Japanese strings included, is written back as it was,
// whether the part held them as UTF-8 or as character references (&#23436; as openpyxl writes them)
// (blind set 3, H16: =COUNTIF(C2:C4,"完了") came back as COUNTIF(C2:C5,"\uFFFD\uFFFD") and counted nothing).
import { describe, expect, it } from 'vitest';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { writeIntoTemplate, type TableWrite } from '../../electron/core/excel/template/index.js';
import { rawXlsx, rowXml, sheetXml, workbookXml } from '../fixtures/excel/xlsx.js';

function sheetText(buf: Uint8Array): string {
  const b = Buffer.from(buf);
  const dir = readZipDirectory(b, 'out.xlsx');
  return new ZipReader(b, dir, 'out.xlsx').bytes('xl/worksheets/sheet1.xml')!.toString('utf8');
}

const SHEET = sheetXml(
  rowXml(1, ['No', '件名', '状況']) +
    rowXml(2, [1, '入荷データの取込エラー', '完了']) +
    rowXml(3, [2, '棚番ラベルの印字ずれ', '対応中']) +
    rowXml(4, [3, '返品処理の運用未定', '完了']) +
    '<row r="5"><c r="A5" t="inlineStr"><is><t>合計</t></is></c><c r="B5" t="str"><f>COUNTA(B2:B4)&amp;"&#20214;"</f><v>3件</v></c>' +
    '<c r="C5"><f>COUNTIF(C2:C4,"&#23436;&#x4E86;")</f><v>2</v></c><c r="D5"><f>SUMIF(C2:C4,"完了",A2:A4)+\'課題 一覧\'!A1</f><v>4</v></c></row>',
);

describe('a totals row below a table that grows', () => {
  it('keeps Japanese text inside its formulas as written while the ranges grow', async () => {
    const write: TableWrite = {
      sheet: '課題一覧',
      firstRow: 2,
      lastRow: 4,
      columns: [0, 1, 2],
      rows: [[undefined], [undefined], [undefined], [{ value: { t: 'n', v: 4 } }, { value: { t: 's', v: '追加した課題' } }, { value: { t: 's', v: '完了' } }]],
      order: [{ row: 2 }, { row: 3 }, { row: 4 }, { row: 4, clone: true }],
    };
    const x = sheetText(await writeIntoTemplate(rawXlsx({ sheet: SHEET, workbook: workbookXml('課題一覧') }), [write]));
    expect(x).not.toContain('\uFFFD');
    expect(x).toContain('<f>COUNTA(B2:B5)&amp;"件"</f>');
    expect(x).toContain('<f>COUNTIF(C2:C5,"完了")</f>');
    expect(x).toContain('<f>SUMIF(C2:C5,"完了",A2:A5)+\'課題 一覧\'!A1</f>');
    expect(x).toMatch(/<c r="A6"[^>]*><is><t>合計<\/t><\/is><\/c>/);
  });
});
