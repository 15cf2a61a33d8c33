// The Gantt on paper: pages of A3 or A4 landscape, each with the task columns on the left (WBS, name,
// start, finish — repeated on every page as row headers) and the date header over its slice of the
// time axis. Rows and days are tiled over as many pages as they need, row bands first. Each page is
// drawn by the same draw() as the screen, into a canvas at twice the paper's CSS pixels.
import { formatDate } from '../../../../electron/common/dates.js';
import type { WbsTask } from '../../../../electron/common/dto.js';
import { ROW_HEIGHTS } from '../../grid/density.js';
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

/** On paper the rows are as tall as the normal density's, whatever the screen's. */
const ROW_H = ROW_HEIGHTS.normal.row;
const HEADER_H = ROW_HEIGHTS.normal.header;

export function printPages(screen: Scene, tasks: WbsTask[], paper: Paper, header: (field: string) => string, scale = 1.5): PrintPage[] {
  const scene: Scene = { ...screen, rowH: ROW_H, headerH: HEADER_H, tops: undefined };
  const page = PAGE[paper];
  const rowsPerPage = Math.max(1, Math.floor((page.h - HEADER_H) / ROW_H));
  const chartW = page.w - LEFT_W;
  const slices = Math.max(1, Math.ceil(widthOf(scene.axis) / chartW));
  const bands = Math.max(1, Math.ceil(tasks.length / rowsPerPage));
  const out: PrintPage[] = [];
  for (let b = 0; b < bands; b++)
    for (let sl = 0; sl < slices; sl++) {
      const canvas = document.createElement('canvas');
      canvas.width = page.w * scale;
      canvas.height = page.h * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, page.w, page.h);
      const top = b * rowsPerPage * ROW_H;
      const height = Math.min(page.h, HEADER_H + (Math.min(tasks.length, (b + 1) * rowsPerPage) - b * rowsPerPage) * ROW_H);
      ctx.save();
      ctx.translate(LEFT_W, 0);
      draw(ctx, { ...scene, selected: null }, { width: chartW, height, left: sl * chartW, top });
      ctx.restore();
      drawColumns(ctx, scene, tasks.slice(b * rowsPerPage, (b + 1) * rowsPerPage), header, height);
      out.push({ url: canvas.toDataURL('image/png'), rowBand: b + 1, daySlice: sl + 1 });
    }
  return out;
}

function drawColumns(ctx: CanvasRenderingContext2D, scene: Scene, rows: WbsTask[], header: (field: string) => string, height: number) {
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
    rows.forEach((t, i) => {
      const y = HEADER_H + i * ROW_H + ROW_H / 2;
      const indent = c.key === 'name' ? t.level * 12 : 0;
      const text = c.key === 'code' ? t.code : c.key === 'name' ? t.name : formatDate(t[c.key]);
      ctx.font = t.summary ? `bold ${scene.font}` : scene.font;
      ctx.fillText(text, x + 4 + indent, y);
    });
    ctx.restore();
    ctx.fillStyle = COLORS.line;
    ctx.fillRect(x + c.w - 1, 0, 1, height);
    x += c.w;
  }
  ctx.fillStyle = COLORS.line;
  for (let i = 0; i <= rows.length; i++) ctx.fillRect(0, HEADER_H + i * ROW_H - 1, LEFT_W, 1);
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
