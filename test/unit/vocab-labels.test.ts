import { describe, expect, it } from 'vitest';
import { vocabApi } from '../../electron/common/api/vocab.js';
import { closedCodes, DEFAULT_VOCABULARIES, VOCAB_LISTS, vocabCode, vocabLabel } from '../../electron/common/registers.js';

const status = DEFAULT_VOCABULARIES['issue.status'];
const kind = DEFAULT_VOCABULARIES['issue.kind'];

describe('vocabCode (a typed label → the stored code)', () => {
  it.each([
    ['完了', 'done'],
    ['done', 'done'],
    ['Done', 'done'],
    ['DONE', 'done'],
    ['ＤＯＮＥ', 'done'],
    ['  対応中 ', 'in_progress'],
    ['in progress', 'in_progress'],
    ['In_Progress', 'in_progress'],
    ['cancelled', 'cancelled'],
  ])('reads %s as %s', (typed, code) => expect(vocabCode(status, typed)).toBe(code));

  it('folds half-width katakana as an IME may leave it', () => {
    expect(vocabCode(kind, 'ｱｸｼｮﾝ')).toBe('action');
    expect(vocabCode(kind, '不具合')).toBe('defect');
  });

  it('answers empty for empty input and null for an unknown value', () => {
    expect(vocabCode(status, '')).toBe('');
    expect(vocabCode(status, '   ')).toBe('');
    expect(vocabCode(status, '済')).toBeNull();
    expect(vocabCode(status, 'finished')).toBeNull();
  });

  it('prefers a code over another item’s label', () => {
    const items = [
      { code: 'a', labelJa: 'b', labelEn: '', closed: false },
      { code: 'b', labelJa: 'ビー', labelEn: '', closed: false },
    ];
    expect(vocabCode(items, 'b')).toBe('b');
  });
});

describe('vocabLabel', () => {
  it('shows the label of the language, falling back to Japanese, then to the code', () => {
    expect(vocabLabel(status, 'on_hold', 'ja')).toBe('保留');
    expect(vocabLabel(status, 'on_hold', 'en')).toBe('On hold');
    expect(vocabLabel([{ code: 'x', labelJa: '独自', labelEn: '', closed: false }], 'x', 'en')).toBe('独自');
    expect(vocabLabel(status, 'gone', 'ja')).toBe('gone');
  });
});

describe('default vocabularies', () => {
  it('name the closed codes of each status list', () => {
    const list = (name: (typeof VOCAB_LISTS)[number]) => ({ list: name, customized: false, items: DEFAULT_VOCABULARIES[name] });
    expect([...closedCodes(list('issue.status'))]).toEqual(['done', 'cancelled']);
    expect([...closedCodes(list('risk.status'))]).toEqual(['closed']);
    expect([...closedCodes(list('change.implStatus'))]).toEqual(['done', 'cancelled']);
    expect([...closedCodes(list('issue.kind'))]).toEqual([]);
  });

  it('each pass the same rules vocab.set applies to a user’s list', () => {
    for (const name of VOCAB_LISTS) {
      const parsed = vocabApi['vocab.set'].input.safeParse({ projectId: 1, list: name, items: DEFAULT_VOCABULARIES[name] });
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
});
