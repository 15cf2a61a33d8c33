// decodeBase64 decodes a big file's base64 in pieces, giving the thread back in between: the bytes are
// Buffer.from's exactly, for every length around the piece size and for text it cannot split safely.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../electron/core/yielding.js';

const PIECE = 512 * 1024;

describe('decodeBase64', () => {
  it('gives the bytes Buffer.from gives, at every length around its pieces', async () => {
    for (const bytes of [0, 1, 2, 3, (PIECE / 4) * 3 - 1, (PIECE / 4) * 3, (PIECE / 4) * 3 + 1, (PIECE / 4) * 3 * 2 + 2, 3 * 1024 * 1024 + 1]) {
      const text = randomBytes(bytes).toString('base64');
      expect((await decodeBase64(text)).equals(Buffer.from(text, 'base64')), `${bytes} bytes`).toBe(true);
    }
  });

  it('decodes text with whitespace, URL-safe letters or padding inside as Buffer.from does', async () => {
    const text = randomBytes(2 * 1024 * 1024).toString('base64');
    for (const odd of [`${text.slice(0, PIECE + 10)}\n${text.slice(PIECE + 10, -1)}`, text.replace(/\+/g, '-').replace(/\//g, '_'), `${text.slice(0, PIECE)}==${text.slice(PIECE + 2)}`, `${text.slice(0, PIECE - 2)}==${text.slice(PIECE)}`, `${text}A`])
      expect((await decodeBase64(odd)).equals(Buffer.from(odd, 'base64'))).toBe(true);
  });

  it('lets a call queued meanwhile run between its pieces', async () => {
    const text = randomBytes(4 * 1024 * 1024).toString('base64');
    let ranBeforeEnd = false;
    let ended = false;
    setImmediate(() => (ranBeforeEnd = !ended));
    await decodeBase64(text);
    ended = true;
    expect(ranBeforeEnd).toBe(true);
  });
});
