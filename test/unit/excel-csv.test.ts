import { describe, expect, it } from 'vitest';
import { decodeText, guessDelimiter, parseCsv } from '../../electron/core/excel/parse-csv.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';

// "タスク名,担当者,予定開始日,進捗率\r\n要件定義①,山田,R7.4.1,５０％\r\n" in CP932 (Windows Japanese).
const SJIS = Buffer.from(
  '835e8358834e96bc2c925393968ed22c975c92e88a4a8e6e93fa2c906992bb97a60d0a97768c8f92e88b6087402c8e5293632c52372e342e312c8254824f81930d0a',
  'hex',
);
const TEXT = 'タスク名,担当者,予定開始日,進捗率\r\n要件定義①,山田,R7.4.1,５０％\r\n';

describe('CSV text', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 with BOM and Shift_JIS (CP932)', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(SJIS)).toEqual({ text: TEXT, encoding: 'shift_jis' });
  });

  it('parses quotes, doubled quotes, line breaks in quotes and every line end', () => {
    const rows = parseCsv('a,"b,1","say ""hi"""\r\n"multi\nline",,x\rlast', ',', 't.csv');
    expect(rows.map((r) => r.cells.map((c) => [c.c, c.v]))).toEqual([
      [[0, 'a'], [1, 'b,1'], [2, 'say "hi"']],
      [[0, 'multi\nline'], [2, 'x']],
      [[0, 'last']],
    ]);
  });

  it('guesses the separator', () => {
    expect(guessDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a,"x;y",c\n1,2,3')).toBe(',');
  });

  it('reads a Shift_JIS CSV into a WBS: header, 和暦, full-width %', () => {
    const model = readWorkbookBytes(SJIS, 'wbs.csv');
    expect(model).toMatchObject({ format: 'csv', encoding: 'shift_jis', sheets: [{ name: 'wbs' }] });
    const a = analyzeWorkbook(model, 'wbs', { today: '2025-01-01' });
    expect(a.ok && a.table.records[0]!.values).toEqual({ name: '要件定義①', assignee: '山田', plannedStart: '2025-04-01', progress: 50 });
  });

  it('reads CSV content named .xlsx as CSV and says so; refuses binary that is no text', () => {
    const model = readWorkbookBytes(Buffer.from(TEXT), 'renamed.xlsx');
    expect(model.format).toBe('csv');
    expect(model.notes).toEqual(['the file is named like a workbook but holds CSV text; it was read as CSV']);
    expect(() => readWorkbookBytes(Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]), 'x.csv')).toThrow(ExcelReadError);
  });
});
