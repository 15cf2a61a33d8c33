// The chart rasterizer's WebAssembly belongs to its package, which Node loads once per thread; a second
// copy of charts/render.ts in the thread (vitest runs several test files in one worker, each importing its
// own) found it initialized and every chart failed with "Already initialized" (the full suite of 34102a8:
// chart-render failed after another file had drawn a chart). Each copy now draws.
import { describe, expect, it, vi } from 'vitest';

describe('the chart rasterizer loaded twice in one thread', () => {
  it('draws the font family from both copies', async () => {
    const first = await import('../../electron/core/charts/render.js');
    const a = await first.chartFontFamily();
    vi.resetModules();
    const second = await import('../../electron/core/charts/render.js');
    expect(second).not.toBe(first);
    expect(await second.chartFontFamily()).toBe(a);
  });
});
