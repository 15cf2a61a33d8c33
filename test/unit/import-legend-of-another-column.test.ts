// A one-character rating written as words the field reads as they stand (小 / 中 / 大, 低 / 中 / 高) is read
// through a legend found elsewhere on the sheet only where that legend is the column's own, titled with
// its word; a legend of another thing (対応優先度 小 = 3：後回し, 作業規模) left a small impact read as 3
// (issue 11, unseen sets 12–14). Generated: the legend on a 凡例 sheet, under or beside the table; columns
// and word sets; the column's own legend still applies.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet } from '../fixtures/excel/model.js';

type Place = 'legend sheet' | 'under the table' | 'beside the table';
const COLUMNS: [string, 'impact' | 'probability', [string, string, string]][] = [
  ['影響度', 'impact', ['小', '中', '大']],
  ['影響', 'impact', ['低', '中', '高']],
  ['発生確率', 'probability', ['低', '中', '高']],
];
/** Another thing's legend: its title and, per word (low, middle, high), what it says. */
const OTHERS: [string, [string, string, string]][] = [
  ['対応優先度', ['3:後回し', '2:通常', '1:至急']],
  ['作業規模', ['3日以内', '10日以内', '1ヶ月以上']],
  ['重要度ランク', ['3', '2', '1']],
];

function read(column: string, words: string[], legend: [string, string[]], place: Place) {
  const other = column === '発生確率' ? '影響度' : '発生確率';
  const rows: ModelCell[][] = [
    ['No', 'リスク', other, column, '担当'],
    ...[0, 1, 2, 3, 4, 5].map((i): ModelCell[] => [i + 1, `リスク${i}`, '中', words[i % 3]!, '山田']),
  ];
  const lines: ModelCell[][] = [[legend[0]], ...words.map((w, k): ModelCell[] => [w, legend[1][k]!])];
  const main = place === 'under the table' ? [...rows, [], [], ...lines] : place === 'beside the table' ? rows.map((r, k) => [...r, null, ...(lines[k] ?? [])]) : rows;
  const a = analyzeWorkbook(model(sheet('リスク', main), ...(place === 'legend sheet' ? [sheet('凡例', lines)] : [])), 'risk', { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}

describe('a legend of another thing does not read a column of rating words', () => {
  for (const [column, field, words] of COLUMNS)
    for (const [title, says] of OTHERS)
      it.each<Place>(['legend sheet', 'under the table', 'beside the table'])(`${column} ${words.join('/')} beside a ${title} legend, %s`, (place) => {
        const t = read(column, words, [title, says], place);
        expect(t.records.map((r) => r.values[field])).toEqual([1, 3, 5, 1, 3, 5]);
      });

  it('the column’s own legend, titled with its word, still reads it (影響度 小 = 3:軽微 …: the client’s own points)', () => {
    const t = read('影響度', ['小', '中', '大'], ['影響度', ['3:軽微', '2:中程度', '1:甚大']], 'under the table');
    expect(t.records.map((r) => r.values.impact)).toEqual([3, 2, 1, 3, 2, 1]);
  });
});
