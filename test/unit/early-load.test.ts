// A screen's first reads asked for at start (renderer/src/api/earlyLoad.ts, used by the WBS and the
// home): given to the screen's renders until it has mounted with them, only for the key asked for, dropped
// by a navigation before the screen takes them, and no unhandled rejection while nobody holds them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyLoad } from '../../renderer/src/api/earlyLoad.js';

beforeEach(() => {
  vi.stubGlobal('window', new EventTarget());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('earlyLoad', () => {
  it('gives the load kept to every render of its screen until the screen has mounted with it, and nothing after', () => {
    const early = earlyLoad<number, string>();
    early.keep(7, 'plan of 7', []);
    expect(early.peek(7)).toBe('plan of 7');
    // A first render thrown away (React ran it again): the second gets the same load, not a new read.
    expect(early.peek(7)).toBe('plan of 7');
    early.taken('plan of 7');
    expect(early.peek(7)).toBeUndefined();
  });

  it('keeps a load that another one replaced when an older one is said taken', () => {
    const early = earlyLoad<number, string>();
    early.keep(7, 'first', []);
    early.keep(7, 'second', []);
    early.taken('first');
    expect(early.peek(7)).toBe('second');
  });

  it('gives nothing to another key, and drops the load then (the screen reads its own)', () => {
    const early = earlyLoad<number, string>();
    early.keep(7, 'plan of 7', []);
    expect(early.peek(8)).toBeUndefined();
    expect(early.peek(7)).toBeUndefined();
  });

  it('drops the load on a navigation before the screen takes it', () => {
    const early = earlyLoad<'home', string>();
    early.keep('home', 'summary', []);
    window.dispatchEvent(new Event('hashchange'));
    expect(early.peek('home')).toBeUndefined();
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
      await expect(early.peek('home')).rejects.toThrow('workspace gone');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
