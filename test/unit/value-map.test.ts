// The client's words for list and rating values, both ways: the stored shape's helpers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARIES } from '../../electron/common/registers.js';
import { clientWord, mappedCode, scaledRating, suggestCode, withWord } from '../../electron/core/excel/import/value-map.js';
import { stageCode } from '../../electron/core/excel/import/status-stages.js';

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

describe('a word that ends with one item’s label (blind set 15, F4)', () => {
  // Every item of every list, its label after a qualifier of the client's (全社展開済, Company-wide shared):
  // that item, found by its label, before any reading by stage (全社展開済 was read as 承認済 by its 済).
  const QUALIFIERS = { ja: ['全社', '社内', '一次', '顧客'], en: ['Fully', 'Company-wide', 'Client', 'Formally'] };
  const lists = Object.entries(DEFAULT_VOCABULARIES).filter(([, items]) => items.length >= 2);
  const cases = lists.flatMap(([list, items]) =>
    items.flatMap((item) => [
      ...QUALIFIERS.ja.filter(() => [...item.labelJa].length >= 2).map((q) => [list, `${q}${item.labelJa}`, item.code] as const),
      ...QUALIFIERS.en.filter(() => item.labelEn.length >= 2).map((q) => [list, `${q} ${item.labelEn}`, item.code] as const),
    ]),
  );
  it.each(cases)('%s: %s → %s', (list, word, code) => {
    const items = DEFAULT_VOCABULARIES[list as keyof typeof DEFAULT_VOCABULARIES];
    expect(suggestCode(items, word, undefined, (w) => stageCode(items, w))).toEqual({ code, by: 'label' });
  });

  it.each([
    ['未完了', 'issue.status'],
    ['再オープン', 'risk.status'],
    ['Re open', 'defect.status'],
    ['Not approved', 'deliverable.status'],
    ['要承認', 'change.decision'],
    ['一部完了', 'issue.status'],
  ] as const)('a qualifier that turns the label into another state is not it: %s', (word, list) => {
    const items = DEFAULT_VOCABULARIES[list];
    const s = suggestCode(items, word, undefined, (w) => stageCode(items, w));
    expect(s.by).not.toBe('label');
  });
});

describe('a plan of work handed in or agreed is the work under way (blind set 15: CAP submitted)', () => {
  const plans = ['CAP', 'Corrective action plan', 'Action plan', 'Response', 'Remediation plan'];
  const verbs = ['submitted', 'received', 'agreed', 'approved'];
  it.each(plans.flatMap((p) => verbs.map((v) => `${p} ${v}`)))('%s', (word) => {
    for (const list of ['finding.status', 'issue.status', 'defect.status'] as const) expect(stageCode(DEFAULT_VOCABULARIES[list], word), list).toBe('in_progress');
  });
});
