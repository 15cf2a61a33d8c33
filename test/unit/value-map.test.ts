// The client's words for list and rating values, both ways: the stored shape's helpers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARIES } from '../../electron/common/registers.js';
import { clientWord, mappedCode, scaledRating, suggestCode, withWord } from '../../electron/core/excel/import/value-map.js';

const categories = DEFAULT_VOCABULARIES['risk.category'];

describe('value maps', () => {
  it('maps a client word to a code and our code back to the first client word chosen for it', () => {
    let m = withWord(undefined, 'High ', 'high');
    m = withWord(m, '◎', 'high');
    m = withWord(m, 'Low', 'low');
    expect(mappedCode(m, 'high')).toBe('high');
    expect(mappedCode(m, 'ＨＩＧＨ')).toBe('high');
    expect(mappedCode(m, '◎')).toBe('high');
    expect(mappedCode(m, 'Medium')).toBeNull();
    expect(clientWord(m, 'high')).toBe('High');
    expect(clientWord(m, 'low')).toBe('Low');
    expect(clientWord(m, 'medium')).toBeNull();
  });

  it('reads ratings through the client scale: decimals half up, 1–10 onto 1–5, outside the scale none', () => {
    expect(scaledRating(2.5)).toBe(3);
    expect(scaledRating(1.5)).toBe(2);
    expect(scaledRating(5)).toBe(5);
    expect(scaledRating(6)).toBeNull();
    expect(scaledRating(10, { min: 1, max: 10 })).toBe(5);
    expect(scaledRating(1, { min: 1, max: 10 })).toBe(1);
    expect(scaledRating(7, { min: 1, max: 10 })).toBe(4);
  });

  it('suggests an item by label inside the word, by a known synonym, or adding the word to the list', () => {
    expect(suggestCode(categories, 'Technical risk')).toEqual({ code: 'technical', by: 'label' });
    expect(suggestCode(categories, '技術リスク')).toEqual({ code: 'technical', by: 'label' });
    expect(suggestCode(categories, 'Market risk', (w) => (w === 'market' ? 'external' : null))).toEqual({ code: 'external', by: 'synonym' });
    expect(suggestCode(categories, 'Market risk')).toEqual({ code: null, by: 'new' });
    expect(suggestCode(categories, 'Schedul')).toEqual({ code: 'schedule', by: 'similar' });
  });
});
