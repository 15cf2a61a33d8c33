// The scale a header or a note states in words (rating-legend.ts): legends either way round, ranges,
// 段階; nothing for 1–5 (ours), for a legend that ranks against its numbers, or for dates and labels.
import { describe, expect, it } from 'vitest';
import { statedScale } from '../../electron/core/excel/import/rating-legend.js';

describe('statedScale', () => {
  it('reads legends, ranges and steps', () => {
    const s13 = { min: 1, max: 3 };
    expect(statedScale('発生確率\n(3:高 2:中 1:低)')).toEqual(s13);
    expect(statedScale('評価：3＝高、2＝中、1＝低')).toEqual(s13);
    expect(statedScale('High=3, Medium=2, Low=1')).toEqual(s13);
    expect(statedScale('High (3) / Low (1)')).toEqual(s13);
    expect(statedScale('Impact (1-3)')).toEqual(s13);
    expect(statedScale('影響度（1～4）')).toEqual({ min: 1, max: 4 });
    expect(statedScale('重要度（3段階）')).toEqual(s13);
    expect(statedScale('Severity 1-10')).toEqual({ min: 1, max: 10 });
  });

  it('states nothing for 1–5, for a legend against its numbers, or for text that is no scale', () => {
    for (const t of ['Likelihood (1-5)', '5段階', '1:低 5:高', '3:低 1:高', '発生確率', '2025/1-3', '評価：済', 'No.1-3', '影響度 0-100'])
      expect(statedScale(t), t).toBeNull();
  });
});
