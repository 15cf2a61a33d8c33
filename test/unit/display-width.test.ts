// The width a text takes in Excel column units (register-layout.ts displayWidth), measured by character
// code: it must answer what the character pattern answered, at every edge of its ranges, for
// characters outside the basic plane and for lone surrogates.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../electron/core/excel/register-layout.js';

/** The pattern measured each character before: the definition of a full-width one. */
function byPattern(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

describe('displayWidth', () => {
  it('counts full-width characters twice', () => {
    expect(displayWidth('課題abc')).toBe(7);
    expect(displayWidth('ｶﾀｶﾅ１２')).toBe(8);
    expect(displayWidth('𠮷野家')).toBe(6);
  });

  it('measures as the pattern did at every edge of its ranges, outside the basic plane and on lone surrogates', () => {
    const edges = [0x10ff, 0x1100, 0x115f, 0x1160, 0x2e7f, 0x2e80, 0xa4cf, 0xa4d0, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xff60, 0xff61, 0xffdf, 0xffe0, 0xffe6, 0xffe7, 0x1f600, 0x1ffff, 0x20000, 0x2a6d6, 0x3fffd, 0x3fffe, 0x10fffd];
    const texts = ['', 'a', '\n', '\ud800', '\udc00', 'x\ud83d', '\ude00y', '\ud800\ud800\udc00'];
    for (const c of edges) texts.push(String.fromCodePoint(c), `a${String.fromCodePoint(c)}b`, String.fromCodePoint(c).repeat(3));
    // Mixed texts: each edge character among ASCII, kana and a supplementary ideograph.
    for (let k = 0; k < edges.length; k++) texts.push(`工程${String.fromCodePoint(edges[k]!)}x${String.fromCodePoint(edges[(k * 7) % edges.length]!)}𠮷`);
    for (const t of texts) expect(displayWidth(t), JSON.stringify(t)).toBe(byPattern(t));
  });
});
