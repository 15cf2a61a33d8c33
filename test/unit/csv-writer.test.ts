// CSV injection (OWASP): text that a spreadsheet would run as a formula is written as text.
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../electron/core/excel/csv-writer.js';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+81 3 1234', `"'+81 3 1234"`],
    ['-5 days', `"'-5 days"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTAB', `"'\tTAB"`],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a,=b', `"a,=b"`],
    ['改行\nあり', `"改行\nあり"`],
    ['普通', `"普通"`],
    // Spaces before a formula character: escaped (a CSV reader that trims would run it).
    [' =1+1', `"' =1+1"`],
    ['\u3000=1+1', `"'\u3000=1+1"`],
    ['\u00a0@SUM(A1)', `"'\u00a0@SUM(A1)"`],
    ['  -5', `"'  -5"`],
    [' 普通', `" 普通"`],
    // Full-width ＝ ＋ － ＠: text in Excel and LibreOffice, ordinary Japanese text, left as it is.
    ['＝1+1', `"＝1+1"`],
    ['－', `"－"`],
    ['＋α', `"＋α"`],
    ['＠担当', `"＠担当"`],
  ])('%j → %s', (input, out) => expect(csvCell(input)).toBe(out));

  it('writes numbers as numbers (a negative number is no formula) and empty as nothing', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('is UTF-8 with a byte-order mark and CRLF line ends', () => {
    const b = csvText([['件名', 1], ['=x', null]]);
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.subarray(3).toString('utf8')).toBe(`"件名",1\r\n"'=x",\r\n`);
  });
});
