// A ratings-definition table (評価基準, Rating criteria: 点 5 … 1 with what each means for 発生可能性 and
// 影響度) beside a register of plain 1–5 ratings (blind set 13, I3). Read as a code legend, its words moved
// the numbers: 4 (高い) → 5, 2 (低い) → 1 — silently, and a re-import moved them again. A legend whose codes
// are the numbers of our own 1–5 scale explains the numbers; it maps nothing: the numbers are the ratings
// (turned round only where the definitions put 1 at the top). A legend of another scale (1–3, A/B/C) is
// still read through.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const PAIRS: [number, number][] = [[4, 5], [4, 4], [5, 3], [2, 4], [3, 4], [2, 3], [1, 2], [4, 2], [3, 1]];

function register(head: [string, string], pairs = PAIRS, above: ModelCell[][] = []): ModelCell[][] {
  return [...above, ['No.', 'リスク項目', ...head, '責任者'], ...pairs.map(([p, i], k) => [`R-${k + 1}`, `リスク${k + 1}`, p, i, '大橋'])];
}
function read(sheets: ReturnType<typeof sheet>[]) {
  const a = analyzeWorkbook(model(...sheets), 'risk', { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const t = a.table;
  return {
    probability: t.records.map((r) => r.values.probability),
    impact: t.records.map((r) => r.values.impact),
    moved: t.unknownValues.filter((v) => v.field === 'probability' || v.field === 'impact').map((v) => `${v.field}:${v.word}→${v.code}`),
  };
}
const asWritten = { probability: PAIRS.map(([p]) => p), impact: PAIRS.map(([, i]) => i), moved: [] };

// Definitions of the five points in the forms clients write them (each column a different wording).
const JA_DOWN: ModelCell[][] = [['評価基準'], [], ['点', '発生可能性', '影響度'], [5, 'ほぼ確実（80%以上）', '稼働延期・予算10%超'], [4, '高い（50～80%）', 'マイルストーン遅延1か月超'], [3, '中程度（20～50%）', '遅延2週～1か月'], [2, '低い（5～20%）', '遅延2週未満'], [1, 'まれ（5%未満）', '軽微']];
const JA_UP: ModelCell[][] = [['評価', '影響度の基準'], [1, '小'], [2, 'やや小'], [3, '中'], [4, '大'], [5, '極大']];
const EN_UP: ModelCell[][] = [['Rating criteria'], ['Score', 'Likelihood'], [1, 'Very low'], [2, 'Low'], [3, 'Medium'], [4, 'High'], [5, 'Very high']];

describe('a definitions table of the points 1–5 leaves 1–5 ratings as they are', () => {
  it.each([
    ['評価基準 sheet, 5 … 1 down, meanings in words with notes (the set-13 form)', JA_DOWN],
    ['a sheet of 1 … 5 up, 小 … 極大', JA_UP],
    ['English Rating criteria, Very low … Very high', EN_UP],
  ])('%s', (_, defs) => {
    expect(read([sheet('リスク一覧', register(['発生可能性', '影響度'])), sheet('評価基準', defs)])).toEqual(asWritten);
  });

  it('the table beside the register on the same sheet, English heads', () => {
    const rows = register(['Probability', 'Impact']);
    EN_UP.forEach((line, i) => (rows[i] = [...rows[i]!, null, null, ...line]));
    expect(read([sheet('Risks', rows)])).toEqual(asWritten);
  });

  it('a legend line above the register (発生可能性：5=非常に高い 4=高い 3=中 2=低い 1=非常に低い)', () => {
    const above = [['リスク管理表'], ['発生可能性：5=非常に高い 4=高い 3=中 2=低い 1=非常に低い'], []];
    expect(read([sheet('リスク一覧', register(['発生可能性', '影響度'], PAIRS, above))])).toEqual(asWritten);
  });

  it('definitions that put 1 at the top turn the numbers round, one step each (not 2 → 5 by the word 高い)', () => {
    const down: ModelCell[][] = [['評価基準'], ['点', '発生可能性'], [1, 'ほぼ確実（80%以上）'], [2, '高い（50～80%）'], [3, '中程度（20～50%）'], [4, '低い（5～20%）'], [5, 'まれ（5%未満）']];
    const r = read([sheet('リスク一覧', register(['発生可能性', '影響度'])), sheet('評価基準', down)]);
    expect(r.probability).toEqual(PAIRS.map(([p]) => 6 - p));
  });

  it('a legend of another scale is still read through: 影響度 1 = 大 … 3 = 小 on a 凡例 sheet', () => {
    const pairs: [number, number][] = [[1, 1], [2, 2], [3, 3]];
    const legend: ModelCell[][] = [['影響度'], [1, '大'], [2, '中'], [3, '小']];
    expect(read([sheet('リスク一覧', register(['発生可能性', '影響度'], pairs)), sheet('凡例', legend)]).impact).toEqual([5, 3, 1]);
  });
});
