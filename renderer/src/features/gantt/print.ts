// The Gantt on paper: pages of A3 or A4 landscape, each with the task columns on the left (WBS, name,
// start, finish — repeated on every page as row headers) and the date header over its slice of the
// time axis. Rows and days are tiled over as many pages as they need, row bands first. Each page is
// drawn by the same draw() as the screen, into a canvas at twice the paper's CSS pixels. A task name
// longer than its column wraps onto more lines and its row grows to hold them, the bar in its middle,
// as the grid's wrapped rows do on screen (a fixed row height cut long names off on paper).
import { formatDate } from '../../../../electron/common/dates.js';
import type { WbsTask } from '../../../../electron/common/dto.js';
import { ROW_HEIGHTS } from '../../grid/density.js';
// window.pmo, the preload's bridge (printToPdf), is declared with the API client.
import type {} from '../../api/client.js';
import { COLORS, draw, type Scene } from './draw.js';
import { widthOf } from './timeline.js';

export const PAPERS = ['A3', 'A4'] as const;
export type Paper = (typeof PAPERS)[number];

/** Printable area in CSS pixels (96 dpi), landscape, 10 mm margins. */
const MM = 96 / 25.4;
export const PAGE: Record<Paper, { w: number; h: number }> = {
  A3: { w: Math.floor((420 - 20) * MM), h: Math.floor((297 - 20) * MM) },
  A4: { w: Math.floor((297 - 20) * MM), h: Math.floor((210 - 20) * MM) },
};

const COLUMNS = [
  { key: 'code', w: 56 },
  { key: 'name', w: 230 },
  { key: 'plannedStart', w: 82 },
  { key: 'plannedFinish', w: 82 },
] as const;
const LEFT_W = COLUMNS.reduce((s, c) => s + c.w, 0);

export interface PrintPage {
  /** The page as a PNG data URL (made once: the preview and the print show the same image). */
  url: string;
  /** 1-based band of rows and slice of days, for the page's caption. */
  rowBand: number;
  daySlice: number;
}

/** On paper the rows are as tall as the normal density's, whatever the screen's, or taller for a wrapped name. */
const ROW_H = ROW_HEIGHTS.normal.row;
const HEADER_H = ROW_HEIGHTS.normal.header;
/** A wrapped name's line height, and the room above its first line and below its last. */
const LINE_H = 16;
const PAD = (ROW_H - LINE_H) / 2;
const NAME_W = COLUMNS.find((c) => c.key === 'name')!.w;

/**
 * A text as the lines a column of `width` holds: each line as long as fits, broken after a space where
 * the line has one (English words stay whole), anywhere in Japanese; a line holds one character at least.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (line === '' || measure(line + ch) <= width) {
      line += ch;
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (ch !== ' ' && space > 0) {
      lines.push(line.slice(0, space));
      line = line.slice(space + 1) + ch;
    } else {
      lines.push(line.trimEnd());
      line = ch === ' ' ? '' : ch;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Rows of these heights laid out one under another (`tops`: each row's top, then the total) and cut
 * into page bands of at most `bodyH`: [first row, row after the last]. A row taller than a page is a
 * band alone.
 */
export function printBands(heights: readonly number[], bodyH: number): { tops: number[]; bands: [number, number][] } {
  const tops = [0];
  for (const h of heights) tops.push(tops[tops.length - 1]! + h);
  const bands: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < heights.length; i++)
    if (i > from && tops[i + 1]! - tops[from]! > bodyH) {
      bands.push([from, i]);
      from = i;
    }
  bands.push([from, heights.length]);
  return { tops, bands };
}

export function printPages(screen: Scene, tasks: WbsTask[], paper: Paper, header: (field: string) => string, scale = 1.5): PrintPage[] {
  const page = PAGE[paper];
  const names = nameLines(screen.font, tasks);
  const { tops, bands } = printBands(
    names.map((lines) => Math.max(ROW_H, lines.length * LINE_H + 2 * PAD)),
    page.h - HEADER_H,
  );
  const scene: Scene = { ...screen, rowH: ROW_H, headerH: HEADER_H, tops };
  const chartW = page.w - LEFT_W;
  const slices = Math.max(1, Math.ceil(widthOf(scene.axis) / chartW));
  const out: PrintPage[] = [];
  bands.forEach(([from, to], b) => {
    for (let sl = 0; sl < slices; sl++) {
      const canvas = document.createElement('canvas');
      canvas.width = page.w * scale;
      canvas.height = page.h * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, page.w, page.h);
      const top = tops[from]!;
      const height = Math.min(page.h, HEADER_H + tops[to]! - top);
      ctx.save();
      ctx.translate(LEFT_W, 0);
      draw(ctx, { ...scene, selected: null }, { width: chartW, height, left: sl * chartW, top });
      ctx.restore();
      drawColumns(ctx, scene, tasks, names, [from, to], header, height);
      out.push({ url: canvas.toDataURL('image/png'), rowBand: b + 1, daySlice: sl + 1 });
    }
  });
  return out;
}

/** Each task's name as the lines its column holds on paper (bold for a summary, indented by its level). */
function nameLines(font: string, tasks: WbsTask[]): string[][] {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return tasks.map((t) => {
    ctx.font = t.summary ? `bold ${font}` : font;
    return wrapText(t.name, NAME_W - 8 - t.level * 12, (s) => ctx.measureText(s).width);
  });
}

function drawColumns(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  tasks: WbsTask[],
  names: string[][],
  [from, to]: [number, number],
  header: (field: string) => string,
  height: number,
) {
  const tops = scene.tops!;
  const y0 = (i: number) => HEADER_H + tops[i]! - tops[from]!;
  ctx.fillStyle = COLORS.header;
  ctx.fillRect(0, 0, LEFT_W, HEADER_H);
  ctx.font = scene.font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = COLORS.text;
  let x = 0;
  for (const c of COLUMNS) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, 0, c.w, height);
    ctx.clip();
    ctx.fillStyle = COLORS.text;
    ctx.fillText(header(c.key), x + 4, HEADER_H / 2);
    for (let i = from; i < to; i++) {
      const t = tasks[i]!;
      const mid = y0(i) + (tops[i + 1]! - tops[i]!) / 2;
      const indent = c.key === 'name' ? t.level * 12 : 0;
      // Every cell in the middle of its row, as the bar is; a wrapped name's lines around it.
      const lines = c.key === 'code' ? [t.code] : c.key === 'name' ? names[i]! : [formatDate(t[c.key])];
      ctx.font = t.summary ? `bold ${scene.font}` : scene.font;
      lines.forEach((line, k) => ctx.fillText(line, x + 4 + indent, mid + (k - (lines.length - 1) / 2) * LINE_H));
    }
    ctx.restore();
    ctx.fillStyle = COLORS.line;
    ctx.fillRect(x + c.w - 1, 0, 1, height);
    x += c.w;
  }
  ctx.fillStyle = COLORS.line;
  for (let i = from; i <= to; i++) ctx.fillRect(0, y0(i) - 1, LEFT_W, 1);
}

/** Hands the pages to the browser's (or Electron's) print: one image per sheet of the chosen paper. */
export function printNow(pages: PrintPage[], paper: Paper, nonce: string | undefined): void {
  const unmount = mountPrint(pages, paper, nonce);
  const done = () => {
    unmount();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** In Electron: the pages saved as a PDF (printToPDF in main, which asks where); false when cancelled. */
export async function savePdf(pages: PrintPage[], paper: Paper, nonce: string | undefined, name: string): Promise<boolean> {
  const unmount = mountPrint(pages, paper, nonce);
  try {
    const r = await window.pmo!.printToPdf!(paper, name);
    if (r.error) throw new Error(r.error);
    return r.saved;
  } finally {
    unmount();
  }
}

/** The pages in the print-only block, with the paper's @page rule; answers how to take them away. */
function mountPrint(pages: PrintPage[], paper: Paper, nonce: string | undefined): () => void {
  const root = document.createElement('div');
  root.id = 'gantt-print';
  for (const p of pages) {
    const img = document.createElement('img');
    img.src = p.url;
    root.append(img);
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = `@page { size: ${paper} landscape; margin: 10mm; }`;
  document.head.append(style);
  document.body.append(root);
  return () => {
    root.remove();
    style.remove();
  };
}
