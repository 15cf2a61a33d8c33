// heapBudget (release-memory.ts): a long piece of work collects once its garbage passes the budget, so
// the heap stays near what is live instead of growing to V8's own limit (~4× the live size).
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapBudget } from '../../electron/core/release-memory.js';

const used = () => v8.getHeapStatistics().used_heap_size;
const MB = 1024 * 1024;

/** ~`mb` MB of objects that outlive the call only as garbage (arrays of fresh objects, as plan rows are). */
function garbage(mb: number): number {
  let kept: unknown[] | null = [];
  for (let i = 0; i < (mb * MB) / 64; i++) kept.push({ a: i, b: `r${i}` });
  const n = kept.length;
  kept = null;
  return n;
}

describe('heapBudget', () => {
  it('collects once the heap grew past the budget, and not before', () => {
    const budget = heapBudget(24 * MB);
    garbage(4);
    const before = used();
    budget.check(); // 4 MB of garbage: under the budget, left to V8
    expect(used()).toBeGreaterThan(before - 2 * MB);
    garbage(60);
    const grown = used();
    budget.check();
    // The 60 MB made since are gone (what V8 had not collected on its own by then).
    expect(used()).toBeLessThan(grown - 16 * MB);
  });
});
