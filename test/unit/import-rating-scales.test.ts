// A rating column's own scale (blind set 4, J6/J7): probabilities as percentages or fractions go onto 1–5
// through their 0–1 scale, and ordered words with more steps than our three (Very Low … Very High,
// 非常に低い … 非常に高い, 極小 … 極大, Very Unlikely … Very Likely) keep their order on five steps instead
// of collapsing High onto Very High; where the words leave the steps open, they are asked.
import { describe, expect, it } from 'vitest';
import { fractionScale, numberSteps, wordRank, wordSteps } from '../../electron/core/excel/import/rating-scales.js';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { Cell } from '../../electron/common/excel/model.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

function risks(header: [string, string], cells: [ModelCell, ModelCell][]): ImportTable {
  const rows: ModelCell[][] = [['No', 'Risk', ...header], ...cells.map(([p, i], k) => [k + 1, `risk ${k + 1}`, p, i])];
  const a = analyzeWorkbook(model(sheet('Risks', rows)), 'risk', { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const percent = (v: number): Cell => ({ c: 0, t: 'n', v, fmt: '0%' });

describe('a probability written as a percentage', () => {
  it('is a point on a 0–1 scale, whatever way it is written', () => {
    expect(fractionScale([percent(0.1), percent(0.9)])).toEqual({ min: 0, max: 1 });
    expect(fractionScale([{ c: 0, t: 's', v: '30%' }, { c: 0, t: 's', v: '７０％' }])).toEqual({ min: 0, max: 1 });
    expect(fractionScale([{ c: 0, t: 'n', v: 0.35 }, { c: 0, t: 'n', v: 0.6 }])).toEqual({ min: 0, max: 1 });
    // 1–5 numbers, 0/1 marks and 0–100 are no fractions.
    expect(fractionScale([{ c: 0, t: 'n', v: 3 }, { c: 0, t: 'n', v: 0.5 }])).toBeNull();
    expect(fractionScale([{ c: 0, t: 'n', v: 0 }, { c: 0, t: 'n', v: 1 }])).toBeNull();
  });

  it('is read onto 1–5 in every form: formatted %, typed %, full-width, plain fractions, and 0 % / 100 %', () => {
    for (const [header, cells, formatted, expected] of [
      ['発生確率', [0, 0.25, 0.75, 1], true, [1, 2, 4, 5]],
      ['Likelihood', ['10%', '３０％', '50 %', '90%'], false, [1, 2, 3, 5]],
      ['Probability', [0.05, 0.35, 0.5, 0.95], false, [1, 2, 3, 5]],
    ] as const) {
      const m = model(sheet('Risks', [['No', 'Risk', header], ...cells.map((v, k) => [k + 1, `risk ${k + 1}`, v])]));
      // As Excel holds a cell formatted 0 %.
      if (formatted) for (const row of m.sheets[0]!.rows.slice(1)) row.cells[2]!.fmt = '0%';
      const a = analyzeWorkbook(m, 'risk', { today: '2025-06-15' });
      if (!a.ok) throw new Error(a.reason);
      expect(a.table.columns.find((c) => c.label === header)?.field, header).toBe('probability');
      expect(a.table.records.map((r) => r.values.probability), header).toEqual(expected);
    }
  });
});

describe('a few numbers that an even reading would put on one rating (review S3)', () => {
  const even = (n: number) => Math.floor(1 + n * 4 + 0.5);
  it('keep a rating each, in order, moved as little as they can', () => {
    // PMBOK impact: each step doubles the one before; read evenly 1, 1, 2, 3, 4.
    expect([...numberSteps([0.8, 0.4, 0.2, 0.1, 0.05, 0.2], even)!]).toEqual([[0.05, 1], [0.1, 2], [0.2, 3], [0.4, 4], [0.8, 5]]);
    expect([...numberSteps([0.05, 0.1, 0.2], even)!]).toEqual([[0.05, 1], [0.1, 2], [0.2, 3]]);
    // Crowded at the top: pushed down, not past 5.
    expect([...numberSteps([0.9, 0.95, 1], even)!]).toEqual([[0.9, 3], [0.95, 4], [1, 5]]);
  });
  it('are left to the even reading where it keeps them apart, or where there are more than five', () => {
    expect(numberSteps([0.1, 0.3, 0.5, 0.7, 0.9], even)).toBeNull();
    expect(numberSteps([0.01, 0.02, 0.03, 0.04, 0.05, 0.06], even)).toBeNull();
  });
  it('read the PMBOK impact scale 0.05 … 0.80 as five ratings beside an even probability scale', () => {
    const t = risks(['Probability', 'Impact'], [[0.1, 0.8], [0.3, 0.4], [0.5, 0.2], [0.7, 0.1], [0.9, 0.05], [0.3, 0.2]]);
    expect(t.records.map((r) => r.values.impact)).toEqual([5, 4, 3, 2, 1, 3]);
    expect(t.records.map((r) => r.values.probability)).toEqual([1, 2, 3, 4, 5, 2]);
  });
});

describe('ordered rating words', () => {
  it('have a place on one line', () => {
    expect(['Very Low', 'Low', 'Medium', 'High', 'Very High'].map(wordRank)).toEqual([-3, -2, 0, 2, 3]);
    expect(['非常に低い', '低い', '中', '高い', '非常に高い'].map(wordRank)).toEqual([-3, -2, 0, 2, 3]);
    expect(['極小', '小', '中', '大', '極大'].map(wordRank)).toEqual([-3, -2, 0, 2, 3]);
    expect(['Very Unlikely', 'Unlikely', 'Possible', 'Likely', 'Very Likely'].map(wordRank)).toEqual([-2, -1, 0, 1, 2]);
    expect(['低', 'やや低い', '中', 'やや高い', '高'].map(wordRank)).toEqual([-2, -1, 0, 1, 2]);
    expect(['3', 'Open', ''].map(wordRank)).toEqual([null, null, null]);
  });

  it('keep three steps where three read them apart', () => {
    expect(wordSteps(['High', 'Medium', 'Low'])).toBeNull();
    expect(wordSteps(['高', 'やや高い', '中', 'やや低い', '低'])).toBeNull();
  });

  it('keep five steps in English and Japanese, asking nothing when the scale is plain', () => {
    for (const words of [
      ['Very Low', 'Low', 'Medium', 'High', 'Very High'],
      ['非常に低い', '低い', '中', '高い', '非常に高い'],
      ['極小', '小', '中', '大', '極大'],
      ['Very Unlikely', 'Unlikely', 'Possible', 'Likely', 'Very Likely'],
    ]) {
      const t = risks(['Probability', 'Impact'], words.map((w, k) => [words[4 - k]!, w]));
      expect(t.records.map((r) => r.values.impact), words.join('/')).toEqual([1, 2, 3, 4, 5]);
      expect(t.records.map((r) => r.values.probability), words.join('/')).toEqual([5, 4, 3, 2, 1]);
      expect(t.unknownValues, words.join('/')).toEqual([]);
    }
  });

  it('are asked, with the five-step suggestion, where only one end says Very', () => {
    const t = risks(['Probability', 'Impact'], [['Low', 'Low'], ['Medium', 'High'], ['High', 'Very High']]);
    expect(t.records.map((r) => r.values.impact)).toEqual([2, 4, 5]);
    expect(t.records.map((r) => r.values.probability)).toEqual([1, 3, 5]);
    expect(t.unknownValues.map((u) => [u.field, u.word, u.code, u.suggestion.by, u.chosen])).toEqual([
      ['impact', 'Low', '2', 'scale', false],
      ['impact', 'High', '4', 'scale', false],
      ['impact', 'Very High', '5', 'scale', false],
    ]);
  });
});
