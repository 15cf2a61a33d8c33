// The Gantt's 和暦 choice (renderer/src/features/gantt/wareki.ts): the browser's storage is read once.
// A page's first read of localStorage is a synchronous call to the browser process (0.1–0.2 s of the
// Gantt's first render on a loaded machine), so main.tsx reads it at start and the Gantt takes that value.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let reads: string[];
let stored: Map<string, string>;

beforeEach(() => {
  reads = [];
  stored = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => (reads.push(k), stored.get(k) ?? null),
    setItem: (k: string, v: string) => void stored.set(k, v),
  });
  // The module keeps what it read: each case starts from a fresh copy of it, as a page load does.
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const load = () => import('../../renderer/src/features/gantt/wareki.js');

describe('Gantt 和暦 choice', () => {
  it('is read from the browser storage once per page, however often the Gantt asks', async () => {
    stored.set('pmo.gantt.wareki', '1');
    const { warekiChosen } = await load();
    expect(warekiChosen()).toBe(true);
    expect(warekiChosen()).toBe(true);
    expect(reads).toEqual(['pmo.gantt.wareki']);
  });

  it('is off when never chosen, and a choice is kept for the next page load', async () => {
    const first = await load();
    expect(first.warekiChosen()).toBe(false);
    first.chooseWareki(true);
    expect(first.warekiChosen()).toBe(true);
    expect(reads).toHaveLength(1);
    vi.resetModules();
    expect((await load()).warekiChosen()).toBe(true);
    (await load()).chooseWareki(false);
    vi.resetModules();
    expect((await load()).warekiChosen()).toBe(false);
  });
});
