// The Gantt beside the WBS in Chromium: typing 1.1FS+2 links two tasks and the automatic bar moves,
// a bar dragged by a week moves the task (one undo step), and the print preview shows the pages.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { ProjectsScreen, WbsScreen } from './pages.js';

let s: Session;
let projectId = 0;
beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = async (method: string, args: unknown) => {
    const env = await s.ws.handlers.invoke(method, args);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as { id: number };
  };
  projectId = (await call('project.create', { name: 'ガント案件' })).id;
  const phase = await call('wbs.create', { projectId, values: { name: '設計' } });
  await call('wbs.create', { projectId, parentId: phase.id, values: { name: '基本設計', plannedStart: '2025-04-01', plannedFinish: '2025-04-03' } });
  await call('wbs.create', { projectId, parentId: phase.id, values: { name: '詳細設計', scheduling: 'auto', duration: 2, plannedStart: '2025-04-01' } });
  await call('wbs.create', { projectId, values: { name: 'リリース', milestone: true, plannedStart: '2025-04-18', plannedFinish: '2025-04-18' } });
  await s.page.reload();
});
afterAll(async () => {
  await s?.close();
});


const task = (name: string) =>
  s.ws.db.sqlite.prepare('SELECT planned_start AS start, planned_finish AS finish FROM wbs_tasks WHERE name = ?').get(name) as { start: string; finish: string };

/**
 * Where a row's bar is: hover along the row until the canvas offers to move it (or, for `cursor`, to
 * link). The sweep runs in the page (pointer moves the canvas handles as the mouse's), one round trip
 * instead of one per step: hundreds of them took most of a minute on a busy machine.
 */
async function findBar(row: number, cursor = 'grab'): Promise<{ x: number; y: number }> {
  const canvas = s.page.getByTestId('gantt-canvas');
  const box = (await canvas.boundingBox())!;
  const y = box.y + 32 + row * 28 + 14;
  const step = cursor === 'grab' ? 6 : 2;
  const x = await canvas.evaluate(
    (c, { from, to, y, step, cursor }) => {
      for (let x = from; x < to; x += step) {
        c.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerId: 1, pointerType: 'mouse' }));
        if ((c as HTMLCanvasElement).style.cursor === cursor) return x;
      }
      return null;
    },
    { from: box.x + 4, to: box.x + box.width, y, step, cursor },
  );
  if (x === null) throw new Error(`no bar on row ${row}`);
  await s.page.mouse.move(x + step, y);
  return { x: x + step, y };
}

describe('Gantt', () => {
  it('shows the bars beside the grid; typing 1.1FS+2 links the tasks and the automatic bar moves', async () => {
    await new ProjectsScreen(s.page).open('ガント案件');
    const wbs = new WbsScreen(s.page);
    await s.page.getByTestId('gantt-toggle').click();
    await s.page.getByTestId('gantt-canvas').waitFor();
    // No status date set: the default (the last working day before today) is shown above the grid and
    // drawn as the status-date line in the Gantt alike.
    const shown = (await s.page.getByTestId('wbs-status-date').innerText()).match(/\d{4}\/\d{2}\/\d{2}/)![0];
    await expect.poll(() => s.page.getByTestId('gantt-canvas').getAttribute('data-status-date')).toBe(shown.replaceAll('/', '-'));
    await s.page.getByTestId('gantt-zoom-day').click();
    const before = await findBar(2);
    // The grid is narrower beside the Gantt: reach the column from the keyboard (End, then ←).
    await wbs.cell(2, 'name').click();
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('Enter');
    await wbs.editor().waitFor();
    await s.page.keyboard.insertText('1.1FS+2');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => wbs.column('predecessors')).toEqual(['', '', '1.1FS+2', '']);
    expect(task('詳細設計')).toEqual({ start: '2025-04-08', finish: '2025-04-09' });
    await expect.poll(async () => (await findBar(2)).x).toBeGreaterThan(before.x + 24 * 6); // a week later at 24 px a day
    await s.page.screenshot({ path: screenshotPath('gantt-linked.png') });
  });

  it('drags a bar a week later as one undo step', async () => {
    const bar = await findBar(1);
    await s.page.mouse.move(bar.x, bar.y);
    await s.page.mouse.down();
    await s.page.mouse.move(bar.x + 60, bar.y, { steps: 4 });
    await s.page.mouse.move(bar.x + 7 * 24, bar.y, { steps: 4 });
    await s.page.mouse.up();
    await expect.poll(() => task('基本設計')).toEqual({ start: '2025-04-08', finish: '2025-04-10' });
    // The linked automatic task follows in the same step, and its bar with it: the edit answers it
    // among the dates its reschedule moved (WbsUpdateResult.moved), which the page patches in.
    expect(task('詳細設計')).toEqual({ start: '2025-04-15', finish: '2025-04-16' });
    await expect
      .poll(async () => {
        await findBar(2);
        return s.page.getByRole('tooltip').innerText();
      })
      .toContain('2025/04/15');
    await s.page.getByRole('button', { name: /元に戻す|Undo/ }).first().click();
    await expect.poll(() => task('基本設計')).toEqual({ start: '2025-04-01', finish: '2025-04-03' });
    expect(task('詳細設計')).toEqual({ start: '2025-04-08', finish: '2025-04-09' });
    // The screen follows: the undo answers the task its reschedule moved back (one audit row for the
    // reschedule, services/schedule.ts), and its bar is drawn at its old dates again.
    await expect
      .poll(async () => {
        await findBar(2);
        return s.page.getByRole('tooltip').innerText();
      })
      .toContain('2025/04/08');
    // The hover also says the task's float and latest finish, as schedule.compute answers them.
    const computed = (await s.ws.handlers.invoke('schedule.compute', { projectId })) as { ok: true; result: { tasks: { id: number; totalFloat: number | null; lateFinish: string | null }[] } };
    const detailId = s.ws.db.sqlite.prepare("SELECT id FROM wbs_tasks WHERE name = '詳細設計'").pluck().get() as number;
    const own = computed.result.tasks.find((x) => x.id === detailId)!;
    expect(own.totalFloat).not.toBeNull();
    const tipText = await s.page.getByRole('tooltip').innerText();
    expect(tipText).toContain(`余裕日数: ${own.totalFloat}日`);
    expect(tipText).toContain(`最遅終了日: ${own.lateFinish!.replaceAll('-', '/')}`);
    await s.page.screenshot({ path: screenshotPath('gantt-undone.png') });
  });

  it('drags the end of a bar a day later: the finish moves, the start stays, one undo step', async () => {
    const end = await findBar(1, 'ew-resize'); // 基本設計's right edge
    await s.page.mouse.move(end.x, end.y);
    await s.page.mouse.down();
    await s.page.mouse.move(end.x + 12, end.y, { steps: 3 });
    await s.page.mouse.move(end.x + 24, end.y, { steps: 3 });
    await s.page.mouse.up();
    await expect.poll(() => task('基本設計')).toEqual({ start: '2025-04-01', finish: '2025-04-04' });
    expect(task('詳細設計')).toEqual({ start: '2025-04-09', finish: '2025-04-10' }); // 1.1FS+2 follows
    await s.page.getByRole('button', { name: /元に戻す|Undo/ }).first().click();
    await expect.poll(() => task('基本設計')).toEqual({ start: '2025-04-01', finish: '2025-04-03' });
    expect(task('詳細設計')).toEqual({ start: '2025-04-08', finish: '2025-04-09' });
  });

  it('drags from the end of a bar onto another to link them', async () => {
    const from = await findBar(2, 'crosshair'); // 詳細設計's link handle
    const to = await findBar(3); // the ◆ of リリース
    await s.page.mouse.move(from.x, from.y);
    await s.page.mouse.down();
    await s.page.mouse.move(to.x, to.y, { steps: 6 });
    await s.page.mouse.up();
    const wbs = new WbsScreen(s.page);
    await expect.poll(() => wbs.column('predecessors')).toEqual(['', '', '1.1FS+2', '1.2']);
    await s.page.getByRole('button', { name: /元に戻す|Undo/ }).first().click();
    await expect.poll(() => wbs.column('predecessors')).toEqual(['', '', '1.1FS+2', '']);
  });

  it('shares the selection with the grid: a bar clicked focuses its task’s row, and the focused row is shaded in the Gantt', async () => {
    await s.page.reload();
    const canvas = s.page.getByTestId('gantt-canvas');
    await expect.poll(() => canvas.getAttribute('data-rows'), { timeout: 15_000 }).toBe('4');
    const wbs = new WbsScreen(s.page);
    /** The canvas's colour near the top of a grid row (clear of its bar and float line), at the canvas's last column. */
    const shade = async (row: number) => {
      const cell = (await wbs.cell(row, 'name').boundingBox())!;
      return canvas.evaluate((c, y) => {
        const el = c as HTMLCanvasElement;
        const r = el.getBoundingClientRect();
        const dpr = el.width / r.width;
        return [...el.getContext('2d')!.getImageData(el.width - 3, Math.round((y - r.top) * dpr), 1, 1).data].join(',');
      }, cell.y + 4);
    };
    const before = task('詳細設計');
    const focusedRow = () => s.page.locator('[data-testid=wbs-grid] .ag-cell-focus').first().evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index') ?? null);
    // A click on 詳細設計's bar (no drag: nothing written) focuses its row in the grid, and the Gantt shades it.
    await findBar(2);
    await s.page.mouse.down();
    await s.page.mouse.up();
    await expect.poll(focusedRow).toBe('2');
    await expect.poll(async () => (await shade(2)) !== (await shade(3))).toBe(true);
    expect(await shade(0)).toBe(await shade(3));
    // A row focused in the grid moves the Gantt's shade with it.
    await wbs.cell(0, 'name').click();
    await expect.poll(async () => (await shade(0)) !== (await shade(3))).toBe(true);
    expect(await shade(2)).toBe(await shade(3));
    expect(task('詳細設計')).toEqual(before);
  });

  it('previews the print on A3 and A4 landscape pages with the task columns and the date header', async () => {
    await s.page.getByTestId('gantt-print').click();
    const dialog = s.page.getByTestId('gantt-print-preview');
    await dialog.waitFor();
    const a3 = await dialog.locator('.gantt-pages img').count();
    expect(a3).toBeGreaterThan(0);
    const size = await dialog.locator('.gantt-pages img').first().evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(size[0]! / size[1]!).toBeCloseTo(400 / 277, 1); // A3 landscape inside 10 mm margins
    await dialog.getByRole('combobox').selectOption('A4');
    await expect.poll(async () => dialog.locator('.gantt-pages img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeLessThan(size[0]!);
    expect(await dialog.locator('.gantt-pages img').count()).toBeGreaterThanOrEqual(a3);
    await s.page.screenshot({ path: screenshotPath('gantt-print-preview.png') });
    // The print itself: the pages go to a print-only block (checked in print media), then away.
    await s.page.evaluate(() => (window.print = () => undefined));
    await dialog.getByRole('button', { name: '印刷' }).click();
    expect(await s.page.locator('#gantt-print img').count()).toBeGreaterThanOrEqual(a3);
    expect(await s.page.locator('#gantt-print').isVisible()).toBe(false);
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('#gantt-print').isVisible()).toBe(true);
    expect(await s.page.getByTestId('wbs-grid').isVisible()).toBe(false);
    await s.page.emulateMedia({ media: 'screen' });
    await dialog.getByRole('button', { name: '閉じる' }).click();
  });

  it('prints to PDF in the web host: one landscape page of the chosen paper per previewed page', async () => {
    // The browser's print as headless Chromium makes it (page.pdf): the print-only block and its @page rule.
    /** Each page's size in points (its MediaBox) and the images the PDF holds, read from its objects. */
    const pdfPages = (pdf: Buffer) => {
      const text = pdf.toString('latin1');
      const sizes = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
      return { sizes, images: (text.match(/\/Subtype\s*\/Image\b/g) ?? []).length };
    };
    await s.page.evaluate(() => (window.print = () => undefined)); // the print dialog itself is the browser's
    await s.page.emulateMedia({ media: null }); // page.pdf prints in print media unless screen media is forced
    const pt = (mm: number) => (mm / 25.4) * 72;
    for (const [paper, w, h] of [['A4', 297, 210], ['A3', 420, 297]] as const) {
      // A print the browser never finished (the stub above) leaves its block until afterprint: end it first.
      await s.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await s.page.getByTestId('gantt-print').click();
      const dialog = s.page.getByTestId('gantt-print-preview');
      await dialog.getByRole('combobox').selectOption(paper);
      await expect.poll(() => dialog.getByRole('combobox').inputValue()).toBe(paper);
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const previewed = await dialog.locator('.gantt-pages img').count();
      await dialog.getByRole('button', { name: '印刷' }).click();
      expect(await s.page.locator('#gantt-print img').count()).toBe(previewed);
      const { sizes, images } = pdfPages(await s.page.pdf({ preferCSSPageSize: true }));
      expect(sizes.length).toBe(previewed);
      // Chromium makes the page a whole number of its pixels: within a point of the paper.
      for (const [pw, ph] of sizes) expect([Math.abs(pw! - pt(w)), Math.abs(ph! - pt(h))].every((d) => d < 1)).toBe(true);
      expect(images).toBe(previewed); // each page is its previewed image: columns, date header and bars
      fs.writeFileSync(screenshotPath(`gantt-print-${paper}.pdf`), await s.page.pdf({ preferCSSPageSize: true }));
      // The print over, the block goes with its page rule.
      await s.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await s.page.locator('#gantt-print').count()).toBe(0);
      await dialog.getByRole('button', { name: '閉じる' }).click();
    }
  });

  it('zooms day / week / month / quarter: each bar as long as its days at the zoom’s scale', async () => {
    // A status date before the plan: no task is behind it, so the progress line (イナズマ線) crosses no bar.
    await s.ws.handlers.invoke('calendar.update', { projectId, statusDate: '2025-03-03' });
    await s.page.reload();
    const wbs = new WbsScreen(s.page);
    await s.page.getByTestId('gantt-canvas').waitFor();
    const canvas = s.page.getByTestId('gantt-canvas');
    // The zoom, 和暦 and print controls sit in the schedule bar above the Gantt: floated over the canvas,
    // they hid the month labels of its date header.
    const canvasTop = (await canvas.boundingBox())!.y;
    for (const id of ['gantt-zoom-day', 'gantt-zoom-quarter', 'gantt-wareki', 'gantt-print']) {
      const box = (await s.page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(canvasTop);
    }
    await s.page.screenshot({ path: screenshotPath('gantt-tools.png') });
    /**
     * From the first to the last pixel in a bar's colour (blue, or the critical path's red) along the middle
     * of a row, in CSS pixels.
     */
    const barWidth = async (row: number) => {
      const cell = (await wbs.cell(row, 'name').boundingBox())!;
      return canvas.evaluate((c, y) => {
        const el = c as HTMLCanvasElement;
        const r = el.getBoundingClientRect();
        const dpr = el.width / r.width;
        const data = el.getContext('2d')!.getImageData(0, Math.round((y - r.top) * dpr), el.width, 1).data;
        const bars = [[0x4a, 0x86, 0xc8], [0xd0, 0x45, 0x3b]]; // draw.ts COLORS.bar, COLORS.critical
        const on = (i: number) => bars.some((rgb) => rgb.every((v, k) => Math.abs(data[4 * i + k]! - v) <= 8));
        let [first, last] = [-1, -1];
        for (let i = 0; i < el.width; i++) if (on(i)) [first, last] = [first < 0 ? i : first, i];
        return first < 0 ? 0 : (last - first + 1) / dpr;
      }, cell.y + cell.height / 2);
    };
    const spacer = () => s.page.locator('[data-testid="gantt"] .gantt-spacer').evaluate((e) => e.getBoundingClientRect().width);
    const widths: number[] = [];
    // 基本設計 is 4/1–4/3: three days of 24, 8, 3 and 1.2 px.
    for (const [zoom, px] of [['day', 24], ['week', 8], ['month', 3], ['quarter', 1.2]] as const) {
      await s.page.getByTestId(`gantt-zoom-${zoom}`).click();
      expect(await s.page.getByTestId(`gantt-zoom-${zoom}`).getAttribute('aria-pressed')).toBe('true');
      await s.page.getByTestId('gantt').evaluate((g) => (g.querySelector('.gantt-scroll')!.scrollLeft = 0));
      await expect.poll(() => barWidth(1)).toBeGreaterThanOrEqual(3 * px - 1.5);
      expect(await barWidth(1)).toBeLessThanOrEqual(3 * px + 1.5);
      widths.push(await spacer());
      await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await s.page.getByTestId('gantt').screenshot({ path: screenshotPath(`gantt-zoom-${zoom}.png`) });
    }
    // The whole axis narrows with each step out.
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    await s.page.getByTestId('gantt-zoom-day').click();
    await s.ws.handlers.invoke('calendar.update', { projectId, statusDate: null });
    await s.page.reload();
    await s.page.getByTestId('gantt-canvas').waitFor();
  });

  /**
   * Along the vertical middle of the grid's row, the bar the canvas offers to drag, the pixel drawn
   * there (the bar's colour, not the row's white), and the task the tooltip names.
   */
  async function barBesideRow(row: number): Promise<{ rgb: number[]; tip: string } | null> {
    const wbs = new WbsScreen(s.page);
    const canvas = s.page.getByTestId('gantt-canvas');
    const cell = (await wbs.cell(row, 'name').boundingBox())!;
    const y = cell.y + cell.height / 2;
    const box = (await canvas.boundingBox())!;
    const found = await canvas.evaluate(
      (c, { from, to, y }) => {
        for (let x = from; x < to; x += 3) {
          c.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerId: 1, pointerType: 'mouse' }));
          if ((c as HTMLCanvasElement).style.cursor === 'grab') {
            const r = c.getBoundingClientRect();
            const dpr = (c as HTMLCanvasElement).width / r.width;
            const [red, green, blue] = (c as HTMLCanvasElement).getContext('2d')!.getImageData(Math.round((x + 3 - r.left) * dpr), Math.round((y - r.top) * dpr), 1, 1).data;
            return [red!, green!, blue!];
          }
        }
        return null;
      },
      { from: box.x + 4, to: box.x + box.width, y },
    );
    if (!found) return null;
    const tip = s.page.getByRole('tooltip');
    await tip.waitFor();
    return { rgb: found, tip: await tip.innerText() };
  }

  it('keeps each bar level with its row in compact density: the pointer and the drawing find the task of the grid row', async () => {
    const wbs = new WbsScreen(s.page);
    const density = s.page.getByRole('combobox', { name: '表示密度' });
    await density.selectOption('compact');
    await expect.poll(async () => (await wbs.cell(2, 'name').boundingBox())!.height).toBeLessThan(24);
    for (const [row, name] of [[1, '1.1 基本設計'], [2, '1.2 詳細設計']] as const) {
      const bar = await barBesideRow(row);
      expect(bar, name).not.toBeNull();
      expect(bar!.rgb, name).not.toEqual([255, 255, 255]);
      await expect.poll(async () => (await barBesideRow(row))?.tip).toContain(name);
    }
    await s.page.screenshot({ path: screenshotPath('gantt-compact.png') });
    await density.selectOption('normal');
  });

  it('follows the grid’s row heights: a task name wrapped onto three lines makes its row and the rows below level in the Gantt', async () => {
    const wbs = new WbsScreen(s.page);
    const id = (s.ws.db.sqlite.prepare("SELECT id FROM wbs_tasks WHERE name = '基本設計'").pluck().get()) as number;
    await s.ws.handlers.invoke('wbs.update', { id, patch: { name: '基本設計（画面・帳票・バッチ・外部インターフェースの方式を決め、顧客の承認を得るまで）' } });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    const height = (row: number) => wbs.grid.locator(`.ag-row[row-index="${row}"]`).last().evaluate((r) => r.getBoundingClientRect().height);
    const one = await height(2);
    await s.page.getByText('表示する列').click();
    await s.page.getByRole('checkbox', { name: '「タスク名」を折り返して表示' }).check();
    await s.page.getByText('表示する列').click(); // closes the list
    await expect.poll(() => height(1)).toBeGreaterThan(one * 2);
    for (const [row, name] of [[1, '1.1 基本設計'], [2, '1.2 詳細設計'], [3, '2 リリース']] as const)
      await expect.poll(async () => (await barBesideRow(row))?.tip).toContain(name);
    await s.page.screenshot({ path: screenshotPath('gantt-wrapped-row.png') });
    await s.page.getByText('表示する列').click();
    await s.page.getByRole('checkbox', { name: '「タスク名」を折り返して表示' }).uncheck();
    await s.page.getByText('表示する列').click();
    await s.ws.handlers.invoke('wbs.update', { id, patch: { name: '基本設計' } });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
  });

  it('prints a long task name wrapped in its column, its row as tall as the lines (a fixed height cut it off on paper)', async () => {
    const wbs = new WbsScreen(s.page);
    const id = s.ws.db.sqlite.prepare("SELECT id FROM wbs_tasks WHERE name = '基本設計'").pluck().get() as number;
    await s.ws.handlers.invoke('wbs.update', { id, patch: { name: '基本設計（画面・帳票・バッチ・外部インターフェースの方式を決め、顧客の承認を得るまで）' } });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
    await s.page.getByTestId('gantt-print').click();
    const dialog = s.page.getByTestId('gantt-print-preview');
    await dialog.waitFor();
    await dialog.getByRole('combobox').selectOption('A4');
    // The row lines of the first page's task columns, read down its left edge: the heights of its rows.
    const heights = await dialog
      .locator('.gantt-pages img')
      .first()
      .evaluate(async (img: HTMLImageElement, pageW: number) => {
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const scale = img.naturalWidth / pageW;
        const x = Math.round(2 * scale);
        const lines: number[] = [];
        let inLine = false;
        for (let y = 0; y < c.height; y++) {
          const [r] = ctx.getImageData(x, y, 1, 1).data;
          const dark = r! < 240; // the row line (#d9dee4), not the white rows or the header's #f7f8fa
          if (dark && !inLine) lines.push(y / scale);
          inLine = dark;
        }
        return lines.slice(1).map((y, i) => Math.round(y - lines[i]!));
      }, Math.floor((297 - 20) * (96 / 25.4)));
    const page1 = await dialog.locator('.gantt-pages img').first().getAttribute('src');
    fs.writeFileSync(screenshotPath('gantt-print-wrapped-page.png'), Buffer.from(page1!.split(',')[1]!, 'base64'));
    // 設計, the long name (three lines), 詳細設計, リリース.
    expect(heights).toHaveLength(4);
    expect(heights[1]).toBeGreaterThanOrEqual(2 * 28);
    expect([heights[0], heights[2], heights[3]]).toEqual([28, 28, 28]);
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await s.ws.handlers.invoke('wbs.update', { id, patch: { name: '基本設計' } });
    await s.page.reload();
    await wbs.grid.locator('.ag-row').first().waitFor();
  });

  it('heads the dates in 和暦 when asked, and keeps that choice', async () => {
    const wareki = s.page.getByTestId('gantt-wareki');
    await wareki.check();
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await s.page.getByTestId('gantt').screenshot({ path: screenshotPath('gantt-wareki.png') });
    await s.page.reload();
    await s.page.getByTestId('gantt-canvas').waitFor();
    expect(await s.page.getByTestId('gantt-wareki').isChecked()).toBe(true);
    await s.page.getByTestId('gantt-wareki').uncheck();
  });

  it('scrolls with the grid both ways, down to the last row', async () => {
    for (let i = 1; i <= 60; i++)
      await s.ws.handlers.invoke('wbs.create', { projectId, values: { name: `作業${i}`, plannedStart: '2025-04-07', plannedFinish: '2025-04-09' } });
    await s.page.reload();
    const wbs = new WbsScreen(s.page);
    await wbs.grid.locator('.ag-row').first().waitFor();
    const canvas = s.page.getByTestId('gantt-canvas');
    await expect.poll(() => canvas.getAttribute('data-rows')).toBe('64');
    // [the grid's scrollTop, the scrollTop the Gantt last drew at, the grid's end]
    const tops = () =>
      s.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('[data-testid="wbs-grid"] .ag-grid-viewport')!;
        const drawn = document.querySelector<HTMLElement>('[data-testid="gantt-canvas"]')!.dataset.top;
        return [grid.scrollTop, Number(drawn), grid.scrollHeight - grid.clientHeight];
      });
    // The wheel over the Gantt scrolls the grid, and the Gantt draws the same rows.
    const box = (await canvas.boundingBox())!;
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.mouse.wheel(0, 400);
    await expect.poll(async () => (await tops())[0]).toBeGreaterThan(0);
    await expect.poll(async () => { const [g, c] = await tops(); return Math.abs(g! - c!); }).toBeLessThan(1);
    // The bar under the pointer is the task of the grid's row at the same height (the tip names it).
    const y = box.y + box.height * 0.6;
    const name = await s.page.evaluate((y) => {
      const grid = document.querySelector<HTMLElement>('[data-testid="wbs-grid"] .ag-grid-viewport')!.getBoundingClientRect();
      const cell = document.elementFromPoint(grid.left + grid.width / 2, y)!.closest('.ag-row')!;
      const index = cell.getAttribute('row-index');
      return document.querySelector<HTMLElement>(`[data-testid="wbs-grid"] .ag-row[row-index="${index}"] [col-id="name"]`)!.innerText;
    }, y);
    expect(name).toMatch(/^作業\d+$/);
    expect(name).not.toBe('作業1'); // a row scrolled into view
    await expect.poll(async () => {
      for (let x = box.x + 4; x < box.x + box.width; x += 6) {
        await s.page.mouse.move(x, y);
        const tip = s.page.getByRole('tooltip');
        if (await tip.isVisible()) return (await tip.innerText()).split('\n')[0];
      }
      return null;
    }).toMatch(new RegExp(` ${name}$`));
    // A horizontal wheel scrolls the Gantt's time axis, not the rows.
    const [gridTop] = await tops();
    await s.page.mouse.wheel(300, 0);
    await expect.poll(() => s.page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="gantt"] .gantt-scroll')!.scrollLeft)).toBeGreaterThan(0);
    expect((await tops())[0]).toBe(gridTop);
    // Ctrl+End in the grid: the Gantt follows to the very end.
    await wbs.grid.locator('.ag-row [col-id="name"]').first().click(); // a row in view (the first is scrolled away)
    await s.page.keyboard.press('Control+End');
    await expect.poll(async () => { const [g, , end] = await tops(); return end! - g!; }).toBeLessThanOrEqual(1); // the grid at its end (to the pixel: its height may be fractional)
    await expect.poll(async () => { const [g, c] = await tops(); return Math.abs(g! - c!); }).toBeLessThan(1);
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await s.page.screenshot({ path: screenshotPath('gantt-scrolled-to-end.png') });
    expect(s.pageErrors).toEqual([]);
    expect(foreignRequests(s.requests)).toEqual([]);
  });

  // Last: hiding the Gantt builds the grid again, scrolled back to its first columns.
  it('shows the ガント toggle pressed while the Gantt is shown, as a zoom that is on (aria-pressed alone changed nothing to the eye)', async () => {
    const toggle = s.page.getByTestId('gantt-toggle');
    const look = async (button: ReturnType<typeof s.page.locator>) =>
      button.evaluate((el) => { const c = getComputedStyle(el); return `${c.backgroundColor} ${c.color}`; });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const pressed = await look(toggle);
    expect(pressed).toBe(await look(s.page.locator('[data-testid^="gantt-zoom-"][aria-pressed="true"]')));
    await toggle.click();
    await s.page.getByTestId('gantt-canvas').waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await look(toggle)).not.toBe(pressed);
    await toggle.click();
    await s.page.getByTestId('gantt-canvas').waitFor();
  });
});
