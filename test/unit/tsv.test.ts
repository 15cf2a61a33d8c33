import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../renderer/src/grid/tsv.js';

describe('parseTsv (text as Excel copies it)', () => {
  it('reads rows and cells, ignoring the trailing line break Excel adds', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads a single cell with or without a line break', () => {
    expect(parseTsv('要件定義\r\n')).toEqual([['要件定義']]);
    expect(parseTsv('要件定義')).toEqual([['要件定義']]);
  });

  it('keeps empty cells, including the last one of a row', () => {
    expect(parseTsv('a\t\tc\r\n\t\t\r\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
    expect(parseTsv('a\t')).toEqual([['a', '']]);
  });

  it('reads quoted multi-line cells and doubled quotes', () => {
    expect(parseTsv('"一行目\r\n二行目"\tx\r\n"say ""hi"""\ty\r\n')).toEqual([
      ['一行目\n二行目', 'x'],
      ['say "hi"', 'y'],
    ]);
  });

  it('keeps a quote that does not wrap the whole cell as text', () => {
    expect(parseTsv('"quoted" tail\tb\r\n5" screen\r\n')).toEqual([
      ['"quoted" tail', 'b'],
      ['5" screen'],
    ]);
  });

  it('accepts LF-only and CR-only line breaks', () => {
    expect(parseTsv('a\nb')).toEqual([['a'], ['b']]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('reads an empty clipboard as nothing', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps Japanese text and full-width digits as they are', () => {
    expect(parseTsv('山田\t２０２５／４／１\t５０％')).toEqual([['山田', '２０２５／４／１', '５０％']]);
  });
});

describe('toTsv', () => {
  it('quotes only cells that need it, with CRLF between rows', () => {
    expect(toTsv([['a', 'b\tc'], ['line\nbreak', 'say "x"']])).toBe('a\t"b\tc"\r\n"line\nbreak"\t"say ""x"""');
  });

  it('round-trips through parseTsv', () => {
    const rows = [
      ['1.1', '業務フロー作成', '', '2025/04/01'],
      ['x"y', 'multi\nline', '\t', ''],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
