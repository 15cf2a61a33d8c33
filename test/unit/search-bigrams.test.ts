// The 2-character pieces the search index writes (search-index.ts bigrams), against the plain reading of
// their definition: the same pieces in the same order, for any text (Japanese, ASCII signs, spaces of
// every script, characters outside the BMP), with and without the end pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams } from '../../electron/core/services/search-index.js';

const END = '\uf8ff';
const SPACES = new Set([0x3000, 0xa0, 0x2028, 0x2029, 0x85, 0xfeff]);

/** Characters of the text, lower-cased; null for a space, where no piece crosses. */
function characters(text: string): (string | null)[] {
  return [...text.toLowerCase()].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code <= 0x20 || SPACES.has(code) || (code >= 0x2000 && code <= 0x200b)) return null;
    if (code < 0x80 && !/[0-9a-z]/.test(ch)) return String.fromCharCode(0xf700 + code);
    return ch;
  });
}

function reference(text: string, ends: boolean): string {
  const pieces: string[] = [];
  const chars = characters(text);
  chars.forEach((c, i) => {
    if (c === null) return;
    const next = chars[i + 1];
    if (next) pieces.push(c + next);
    else if (ends) pieces.push(c + END);
  });
  return [...new Set(pieces)].join(' ');
}

describe('bigrams', () => {
  it('are the text’s 2-character pieces, each once, none across a space', () => {
    expect(bigrams('未解決課題')).toBe(['未解', '解決', '決課', '課題', `題${END}`].join(' '));
    expect(bigrams('課題 課題', false)).toBe('課題');
    expect(bigrams('C-001')).toBe(`c\uf72d \uf72d0 00 01 1${END}`);
  });

  it('equal the plain reading of their definition for any text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'未解決課題の確認 　AbC-1.2\n山田🀄𠮷ｱ\u2003') });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), fc.boolean(), (t, ends) => {
        expect(bigrams(t, ends)).toBe(reference(t, ends));
      }),
      { numRuns: 2000 },
    );
  });
});
