// Charts for workbooks: an ECharts option (electron/common/portfolio-charts.ts) drawn in Node by ECharts'
// SSR SVG renderer, then rasterized to PNG by resvg (WebAssembly, no native binary), because a PNG is
// what ExcelJS embeds and what Excel and LibreOffice both show. Text is drawn with the machine's own
// Japanese font (Meiryo, Yu Gothic, Hiragino or Noto Sans CJK, read from the system font folder; never
// fetched); with none of them the chart is drawn without its text.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ProgressCurve } from '../../common/api/progress.js';
import { sCurveOption, type ChartOption } from '../../common/portfolio-charts.js';
import { encodePng } from './png.js';

echarts.use([LineChart, BarChart, ScatterChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** The SVG of an option at a size in CSS pixels (a picture has no tooltip: it is left out). */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const { tooltip: _, ...still } = option;
    chart.setOption(still);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A Japanese font of the machine and the family name resvg knows it by; the first found is used. */
const FONT_CANDIDATES: { file: string; family: string }[] = [
  ...(process.platform === 'win32'
    ? ['meiryo.ttc', 'YuGothM.ttc', 'msgothic.ttc'].map((f, i) => ({ file: path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', f), family: ['Meiryo', 'Yu Gothic', 'MS Gothic'][i]! }))
    : []),
  { file: '/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc', family: 'Hiragino Sans' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP' },
  { file: '/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf', family: 'IPAPGothic' },
];

interface Rasterizer {
  font: { bytes: Uint8Array; family: string } | null;
}
let ready: Promise<Rasterizer> | null = null;

// Set by the build in the workspace worker: the WebAssembly's file beside the bundle and its SHA-256.
// The worker is unpacked beside app.asar, where no node_modules holds the package; like the worker, the
// file is outside the asar's integrity check, and the hash inside the pinned worker covers it.
declare const __PMO_RESVG_WASM__: string | undefined;
declare const __PMO_RESVG_WASM_SHA256__: string | undefined;

/** resvg's WebAssembly: beside the built worker, or (sources, the hosts' bundles) from its package. */
function resvgWasm(): Buffer {
  const here = import.meta.url;
  if (typeof __PMO_RESVG_WASM__ !== 'string') return fs.readFileSync(createRequire(here).resolve('@resvg/resvg-wasm/index_bg.wasm'));
  const file = path.join(path.dirname(fileURLToPath(here)), __PMO_RESVG_WASM__);
  const bytes = fs.readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== __PMO_RESVG_WASM_SHA256__)
    throw new Error(`the chart rasterizer (core/${__PMO_RESVG_WASM__}) is not the file installed with PMO Desk; reinstall PMO Desk`);
  return bytes;
}

/** Loads the WebAssembly module and the font once per thread. */
function rasterizer(): Promise<Rasterizer> {
  ready ??= (async () => {
    // (The WebAssembly module is the package's, shared by every copy of this module in the thread: a
    // second copy — tests run in one worker, each file importing its own — finds it initialized.)
    await initWasm(resvgWasm()).catch((e: unknown) => {
      if (!/already initialized/i.test(String(e))) throw e;
    });
    const found = FONT_CANDIDATES.find((c) => fs.existsSync(c.file));
    return { font: found ? { bytes: fs.readFileSync(found.file), family: found.family } : null };
  })();
  return ready;
}

/** The family whose glyphs the PNG's text is drawn with, or null when the machine has none of them. */
export async function chartFontFamily(): Promise<string | null> {
  return (await rasterizer()).font?.family ?? null;
}

export interface ChartSpec {
  option: ChartOption;
  /** Size in CSS pixels. */
  width: number;
  height: number;
}

/**
 * Charts stacked into one rendering per this many pixels of height (four S-curves at twice their size):
 * each rendering hands resvg the font again (a CJK font is ~19 MB, parsed anew every time), and each
 * pixmap is copied out of the WebAssembly memory whole, which never shrinks back. One chart a rendering
 * cost the most (1.06 GB for 20 projects' report), 8,000 px stacks 0.90 GB; 2,400 px keeps a pixmap
 * ~14 MB and measured 552 → 494 MB peak (the report written as XML), the CPU time within its noise.
 */
const MAX_PIXEL_HEIGHT = 2400;

/** Options as PNGs `scale` times their size (2: sharp when printed at the size they are placed at). */
export async function chartPngs(charts: readonly ChartSpec[], scale = 2): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < charts.length; ) {
    let j = i + 1;
    let height = charts[i]!.height;
    while (j < charts.length && (height + charts[j]!.height) * scale <= MAX_PIXEL_HEIGHT) height += charts[j++]!.height;
    out.push(...(await renderStack(charts.slice(i, j), scale)));
    i = j;
  }
  return out;
}

/** An option as a PNG `scale` times its size. */
export async function chartPng(option: ChartOption, width: number, height: number, scale = 2): Promise<Buffer> {
  return (await chartPngs([{ option, width, height }], scale))[0]!;
}

/** One rendering of the charts one under another, cut apart into a PNG each. */
async function renderStack(charts: readonly ChartSpec[], scale: number): Promise<Buffer[]> {
  const { font } = await rasterizer();
  const width = Math.max(...charts.map((c) => c.width));
  const tops: number[] = [];
  let height = 0;
  const parts = charts.map((c) => {
    tops.push(height);
    height += c.height;
    // Each chart's own <svg>, placed at its top inside the stack.
    return chartSvg(c.option, c.width, c.height).replace('<svg ', `<svg x="0" y="${tops.at(-1)}" `);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: font
      ? { fontBuffers: [font.bytes], defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { fontBuffers: [] },
  });
  try {
    const image = r.render();
    try {
      const pixels = image.pixels;
      const stride = image.width;
      return charts.map((c, i) => encodePng(pixels, stride, 0, tops[i]! * scale, c.width * scale, c.height * scale));
    } finally {
      image.free();
    }
  } finally {
    r.free();
  }
}

let warmed: Promise<void> | null = null;

/**
 * Readies the rasterizer before a report needs it: the WebAssembly module compiled, the font read, and a
 * small S-curve with Japanese text drawn once at a quarter of its pixels. V8 first runs a module's code
 * unoptimized and optimizes what runs hot, so the first rendering of a thread took about four times a
 * later one (13 s against 3 s for three curves at load 20); drawn once small, the first real one runs at
 * the later speed. Once per thread; called when the report dialog opens.
 */
export function warmCharts(): Promise<void> {
  warmed ??= (async () => {
    const points = [0, 1, 2, 3].map((k) => ({ date: `2025-01-0${k + 6}`, pv: k, ev: k, ac: k }));
    const option = sCurveOption({ baselineId: null, statusDate: '2025-01-08', bac: 3, points } as ProgressCurve, { pv: '計画', ev: '出来高', ac: '実績', unit: '人日', statusDate: '基準日' });
    await chartPngs([{ option, width: 640, height: 280 }], 0.25);
  })();
  return warmed;
}
