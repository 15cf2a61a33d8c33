// The heads of a gantt of month parts (date-grid.ts serialBand, read alike by the import and the export):
// 上旬 | 中旬 | 下旬 or Early | Mid | Late or 前半 | 後半 under month heads give each column its days; a head
// without a year takes the year of the heads that say it, or the one nearest today; a run that is no
// whole months, or months that do not follow one another, is no band (blind set 8, B1).
import { describe, expect, it } from 'vitest';
import { serialBand, dateGridColumns } from '../../electron/core/excel/import/date-grid.js';
import { SheetIndex } from '../../electron/core/excel/import/sheet-index.js';
import { serialToIso } from '../../electron/common/excel/client-dates.js';
import { sheet, type ModelCell } from '../fixtures/excel/model.js';

const days = (rows: ModelCell[][], merges: string[] = [], today = '2026-03-16') => {
  const band = serialBand(new SheetIndex(sheet('S', rows, merges)), rows.length - 1, new Set([0, 1]), { today });
  return band?.map((b) => `${serialToIso(b.from)}..${serialToIso(b.to)}`) ?? null;
};
const months = (heads: ModelCell[], parts: string[]): ModelCell[][] => [
  ['作業', '担当', ...heads.flatMap((h) => [h, ...Array<ModelCell>(parts.length - 1).fill(null)])],
  [null, null, ...heads.flatMap(() => parts)],
];

describe('a band of month parts', () => {
  it('旬 under 4月 … 6月 with no year anywhere: the year nearest today', () => {
    expect(days(months(['4月', '5月'], ['上旬', '中旬', '下旬']))).toEqual([
      '2026-04-01..2026-04-10', '2026-04-11..2026-04-20', '2026-04-21..2026-04-30',
      '2026-05-01..2026-05-10', '2026-05-11..2026-05-20', '2026-05-21..2026-05-31',
    ]);
    expect(days(months(['11月', '12月'], ['上旬', '中旬', '下旬']), [], '2026-01-10')?.[0]).toBe('2025-11-01..2025-11-10');
  });

  it('a year written on a later head dates the months before it; February ends on its last day', () => {
    expect(days(months(['12月', '2027年1月', '2月'], ['上', '中', '下']))?.slice(-1)).toEqual(['2027-02-21..2027-02-28']);
    expect(days(months(['12月', '2027年1月', '2月'], ['上', '中', '下']))?.[0]).toBe('2026-12-01..2026-12-10');
  });

  it('English heads and halves', () => {
    expect(days(months(['Apr 2026', 'May', 'Jun'], ['Early', 'Mid', 'Late']))?.[8]).toBe('2026-06-21..2026-06-30');
    expect(days(months(['2026/7', '2026/8', '2026/9'], ['前半', '後半']))).toEqual([
      '2026-07-01..2026-07-15', '2026-07-16..2026-07-31', '2026-08-01..2026-08-15', '2026-08-16..2026-08-31', '2026-09-01..2026-09-15', '2026-09-16..2026-09-30',
    ]);
  });

  it('is no band where the months do not follow one another, a month lacks its head, or the parts are out of order', () => {
    expect(days(months(['4月', '6月'], ['上旬', '中旬', '下旬']))).toBeNull();
    expect(days(months(['4月', null], ['上旬', '中旬', '下旬']))).toBeNull();
    expect(days([['作業', '担当', '4月', null, null, '5月'], [null, null, '上旬', '下旬', '中旬', '上旬', '中旬', '下旬']])).toBeNull();
  });

  it('its columns are the chart, not the table’s', () => {
    const rows = months(['2026年4月', '5月'], ['上旬', '中旬', '下旬']);
    expect([...dateGridColumns(new SheetIndex(sheet('S', rows)), 0, 1)].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
