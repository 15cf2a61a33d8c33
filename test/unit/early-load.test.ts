// A screen's first reads asked for at start (renderer/src/api/earlyLoad.ts, used by the WBS and the
// home): taken once, only for the key asked for, dropped by a navigation before the screen takes them,
// and no unhandled rejection while nobody holds them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyLoad } from '../../renderer/src/api/earlyLoad.js';

beforeEach(() => {
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('earlyLoad', () => {
  it('gives the load kept to the first take of its key, and nothing after', () => {
    const early = earlyLoad<number, string>();
    early.keep(7, 'plan of 7', []);
    expect(early.take(7)).toBe('plan of 7');
    expect(early.take(7)).toBeUndefined();
  });

  it('gives nothing to another key, and drops the load then (the screen reads its own)', () => {
    const early = earlyLoad<number, string>();
    early.keep(7, 'plan of 7', []);
    expect(early.take(8)).toBeUndefined();
    expect(early.take(7)).toBeUndefined();
  });

  it('drops the load on a navigation before the screen takes it', () => {
    const early = earlyLoad<'home', string>();
    early.keep('home', 'summary', []);
    window.dispatchEvent(new Event('hashchange'));
    expect(early.take('home')).toBeUndefined();
  });

  it('holds a failure for the screen that takes it, not as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const early = earlyLoad<'home', Promise<string>>();
      const failing = Promise.reject(new Error('workspace gone'));
      early.keep('home', failing, [failing]);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      await expect(early.take('home')).rejects.toThrow('workspace gone');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
