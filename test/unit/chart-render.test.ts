// Charts for workbooks are drawn several to one rendering (the rasterizer takes its ~19 MB font once per
// rendering) and cut apart: each cut-out must be the very PNG the chart drawn alone gives, and a valid one.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chartPng, chartPngs } from '../../electron/core/charts/render.js';
import { spiCpiOption } from '../../electron/common/portfolio-charts.js';
import { LIGHTS } from '../../electron/common/api/portfolio.js';

const option = (n: number) =>
  spiCpiOption(
    Array.from({ length: n }, (_, i) => ({ name: `案件${i + 1}`, spi: 0.8 + i * 0.05, cpi: 1.2 - i * 0.04, light: LIGHTS[i % LIGHTS.length]! })),
    { spi: 'SPI', cpi: 'CPI' },
  );

/** Width, height and pixel bytes of a PNG as encodePng writes it (one IDAT). */
function readPng(png: Buffer): { width: number; height: number; raw: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  return { width, height, raw };
}

describe('chart pictures', () => {
  it('draws charts stacked in one rendering exactly as each drawn alone, at twice their size', async () => {
    const charts = [
      { option: option(2), width: 600, height: 300 },
      { option: option(5), width: 500, height: 360 },
      { option: option(1), width: 600, height: 240 },
    ];
    const stacked = await chartPngs(charts);
    const alone = await Promise.all(charts.map((c) => chartPng(c.option, c.width, c.height)));
    expect(stacked).toEqual(alone);
    charts.forEach((c, i) => {
      const { width, height, raw } = readPng(stacked[i]!);
      expect([width, height]).toEqual([c.width * 2, c.height * 2]);
      expect(raw.length).toBe((width * 4 + 1) * height);
    });
    // Not blank: the plot's lines and points differ from the white background.
    expect(new Set(readPng(stacked[1]!).raw).size).toBeGreaterThan(10);
  });

  it('splits a stack taller than one rendering holds, still each chart as drawn alone', async () => {
    const charts = Array.from({ length: 10 }, (_, i) => ({ option: option(1 + (i % 4)), width: 400, height: 480 }));
    const stacked = await chartPngs(charts); // 10 × 960 px: more than one rendering's 8,000
    expect(stacked).toEqual(await Promise.all(charts.map((c) => chartPng(c.option, c.width, c.height))));
  });
});
