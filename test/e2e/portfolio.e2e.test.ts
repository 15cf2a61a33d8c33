// The portfolio home in Chromium: three projects with eleven weekly closes each (on track, slipping,
// in trouble), their lights from the default thresholds, a light set by hand with a reason that is still
// there after a reload, sorting, filtering, and a click through to a project. A screenshot in Japanese.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { TAKUITO_REPORT, TAKUITO_SHEET } from '../fixtures/excel/report-form-takuito.js';
import { inProcessCaller } from '../helpers/workspace.js';
import { foreignRequests, openSession, screenshotPath, type Session } from './browser.js';
import { FormEditorScreen, PortfolioScreen, ProjectsScreen } from './pages.js';

let s: Session;
const TAKUITO = path.resolve(import.meta.dirname, '../../../shared/corpus/status-jp-takuito.xlsx');

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
const PHASES = ['要件定義', '基本設計', '詳細設計', '製造（前半）', '製造（後半）', '結合テスト', '総合テスト', '移行・リリース準備'];
// Two-week phases from Monday 2025-09-01, 10 person-days each.
const phases = PHASES.map((name, k) => ({ name, start: iso(at('2025-09-01') + 14 * k * DAY), finish: iso(at('2025-09-12') + 14 * k * DAY) }));
const FRIDAYS = Array.from({ length: 11 }, (_, i) => iso(at('2025-09-05') + 7 * i * DAY));
const STATUS = '2025-11-21';

/** Progress (%) of a phase at a date when the team runs `lagDays` behind the plan. */
function progressAt(p: { start: string; finish: string }, date: string, lagDays: number): number {
  const d = at(date) - lagDays * DAY;
  const share = (d - at(p.start) + DAY) / (at(p.finish) - at(p.start) + DAY);
  return Math.round(Math.max(0, Math.min(1, share)) * 100);
}

interface Spec {
  name: string;
  code: string;
  lagDays: number;
  /** Actual effort ÷ earned effort. */
  costFactor: number;
  issues: { status: string; due?: string; raisedOn?: string; closedOn?: string }[];
  risks: [number, number][];
}

const SPECS: Spec[] = [
  {
    name: '基幹システム刷新',
    code: 'KIKAN',
    lagDays: 0,
    costFactor: 1,
    issues: [
      { status: 'done', raisedOn: '2025-09-02', closedOn: '2025-09-05' },
      { status: 'done', raisedOn: '2025-09-20', closedOn: '2025-09-25' },
      { status: 'done', raisedOn: '2025-10-01', closedOn: '2025-10-09' },
      { status: 'in_progress', due: '2025-12-05' },
    ],
    risks: [
      [2, 3],
      [1, 2],
    ],
  },
  {
    name: '販売管理システム更改',
    code: 'HANBAI',
    lagDays: 4,
    costFactor: 1.03,
    issues: [
      { status: 'done', raisedOn: '2025-09-10', closedOn: '2025-09-24' },
      { status: 'done', raisedOn: '2025-10-06', closedOn: '2025-10-20' },
      { status: 'in_progress', due: '2025-11-14' },
      { status: 'not_started', due: '2025-12-01' },
    ],
    risks: [
      [4, 4],
      [3, 3],
      [2, 4],
    ],
  },
  {
    name: '物流倉庫WMS導入',
    code: 'WMS',
    lagDays: 14,
    costFactor: 1.25,
    issues: [
      { status: 'done', raisedOn: '2025-09-01', closedOn: '2025-10-10' },
      { status: 'in_progress', due: '2025-10-31' },
      { status: 'in_progress', due: '2025-11-07' },
      { status: 'not_started', due: '2025-11-14' },
      { status: 'not_started' },
    ],
    risks: [
      [5, 4],
      [4, 5],
      [3, 4],
      [3, 3],
      [1, 3],
    ],
  },
];

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
  const call = async (method: string, args: unknown) => {
    const env = await s.ws.handlers.invoke(method, args);
    if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    return env.result as { id: number };
  };
  for (const spec of SPECS) {
    const p = await call('project.create', { name: spec.name, code: spec.code });
    const ids: number[] = [];
    for (const ph of phases) ids.push((await call('wbs.create', { projectId: p.id, values: { name: ph.name, plannedStart: ph.start, plannedFinish: ph.finish, plannedEffort: 10 } })).id);
    await call('wbs.create', { projectId: p.id, values: { name: '基本設計承認', plannedStart: '2025-09-26', plannedFinish: '2025-09-26', milestone: true, progress: spec.lagDays === 0 ? 100 : 0 } });
    await call('wbs.create', { projectId: p.id, values: { name: '本番稼働判定', plannedStart: '2025-12-19', plannedFinish: '2025-12-19', milestone: true } });
    for (const v of spec.issues) await call('issue.create', { projectId: p.id, values: { title: '課題', ...v } });
    for (const [probability, impact] of spec.risks) await call('risk.create', { projectId: p.id, values: { title: 'リスク', probability, impact } });
    // Each Friday: the progress the team reached, then the weekly close; the last week is left open.
    for (const date of [...FRIDAYS, STATUS]) {
      for (const [k, ph] of phases.entries()) {
        const progress = progressAt(ph, date, spec.lagDays);
        await call('wbs.update', { id: ids[k], patch: { progress, actualEffort: Math.round(progress * 0.1 * spec.costFactor * 10) / 10 } });
      }
      if (date !== STATUS) await call('weekly.close', { projectId: p.id, statusDate: date });
      else await call('project.update', { id: p.id, patch: { statusDate: STATUS } });
    }
    if (spec.name === '物流倉庫WMS導入') {
      // Quality and audit: one recurrence of two defects found, one finding of two not yet verified.
      for (const recurrence of ['yes', 'no']) await call('defect.create', { projectId: p.id, values: { title: `不具合 ${recurrence}`, recurrence, foundOn: '2025-11-10' } });
      for (const status of ['open', 'verified']) await call('finding.create', { projectId: p.id, values: { title: `監査指摘 ${status}`, status } });
    }
  }
  await s.page.reload();
});
afterAll(async () => {
  await s?.close();
});

describe('portfolio home in Chromium', () => {
  it('asks for the figures once, at start beside the app’s first calls, not after the app’s code has loaded (homeLoad.ts)', async () => {
    await s.page.reload();
    const home = new PortfolioScreen(s.page);
    await home.table.locator('[data-testid=project-row]').nth(SPECS.length - 1).waitFor();
    // The charts are asked for once the home has mounted: by then a summary of its own would have gone too.
    await s.page.getByTestId('portfolio-charts').locator('canvas').first().waitFor();
    const timing = await s.page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').pop()!, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    );
    const summaries = timing.filter((e) => e.name === 'portfolio.summary');
    expect(summaries).toHaveLength(1);
    // Asked before the app's first calls were all answered: the app's code runs only once they all are
    // (main.tsx), so a summary asked by the mounted home starts after the last of them has ended. Not
    // against the first answer alone: the summary is the first screen's seventh request, and when the
    // browser's six connections are busy it waits for one to free, so its start can follow the first
    // end (CI, a loaded machine: 192.5 ms against app.info's 190.5 ms).
    const firstCalls = ['app.info', 'workspace.status', 'project.list', 'settings.get'].map((n) => timing.find((e) => e.name === n)!);
    expect(summaries[0]!.start).toBeLessThan(Math.max(...firstCalls.map((e) => e.end)));
    // None of the scripts the home loaded carries AG Grid (pages.ts): the project's pages bring it.
    const scripts = timing.filter((e) => e.name.endsWith('.js')).map((e) => e.name);
    expect(scripts.length).toBeGreaterThan(1);
    const withGrid = await s.page.evaluate(async (names) => {
      const out: string[] = [];
      for (const n of names) if ((await (await fetch(`assets/${n}`)).text()).includes('AG Grid')) out.push(n);
      return out;
    }, scripts);
    expect(withGrid).toEqual([]);
  });

  it("asks for the project's pages when a project's link is pointed at or focused, before the click (pages.ts preloadProjectShell)", async () => {
    const shellAsked = () => s.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/ProjectShell-[^/]*\.js$/.test(e.name)));
    const link = s.page.getByTestId('project-row').first().locator('td.name a').first();
    for (const approach of ['hover', 'focus'] as const) {
      await s.page.reload();
      await link.waitFor();
      expect(await shellAsked()).toBe(false);
      await (approach === 'hover' ? link.hover() : link.focus());
      await expect.poll(shellAsked).toBe(true);
    }
    // Nothing opened: the chunk only came in.
    expect(await s.page.getByTestId('wbs-grid').count()).toBe(0);
    await s.page.mouse.move(0, 0);
  });

  it('fits the dense table in 1,400 px in Japanese and English: 品質・監査 in sight, no sideways scroll', async () => {
    const home = new PortfolioScreen(s.page);
    for (const [lang, audit] of [['en', 'Audit findings'], ['ja', '監査指摘']] as const) {
      await s.page.getByRole('combobox', { name: /^(言語|Language)$/ }).selectOption(lang);
      const last = home.table.locator('thead th', { hasText: audit });
      await last.waitFor();
      const fit = await home.table.evaluate((table) => {
        const wrap = table.parentElement!;
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth, right: Math.max(...[...table.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right)), wrapRight: wrap.getBoundingClientRect().right };
      });
      expect(fit.scroll, lang).toBeLessThanOrEqual(fit.client);
      expect(fit.right, lang).toBeLessThanOrEqual(fit.wrapRight);
      expect((await last.boundingBox())!.x + (await last.boundingBox())!.width, lang).toBeLessThanOrEqual(1400);
      await home.table.screenshot({ path: screenshotPath(`portfolio-table-1400-${lang}.png`) });
    }
  });

  it('shows every project with its light, figures, 先週差分 and sparklines', async () => {
    const home = new PortfolioScreen(s.page);
    await home.table.waitFor();
    await expect.poll(() => home.lights()).toEqual({ 基幹システム刷新: 'green', 販売管理システム更改: 'yellow', 物流倉庫WMS導入: 'red' });
    // Worst first by default.
    expect(await new ProjectsScreen(s.page).names()).toEqual(['物流倉庫WMS導入', '販売管理システム更改', '基幹システム刷新']);
    const onTrack = home.row('基幹システム刷新');
    expect(await onTrack.getByTestId('fig-spi').locator('.v').innerText()).toBe('1.00');
    expect(await onTrack.getByTestId('fig-adherence').locator('.v').innerText()).toBe('100.0%');
    // Eleven closes before the status date: a line of them, and 先週差分 against 2025/11/14.
    expect(await onTrack.getByTestId('spark-progress').count()).toBe(0);
    expect(await onTrack.getByTestId('spark-spi').locator('polyline').count()).toBe(1);
    expect(await onTrack.locator('td.date').innerText()).toContain('← 2025/11/14');
    expect(await onTrack.getByTestId('fig-progress').locator('.d').innerText()).toMatch(/^\+\d+\.\dpt$/);
    const trouble = home.row('物流倉庫WMS導入');
    expect(await trouble.getByTestId('fig-overdueIssues').locator('.v').innerText()).toBe('3');
    expect(await trouble.getByTestId('fig-risks').locator('.risk-high').innerText()).toBe('2');
    expect(await trouble.getByTestId('next-milestone').innerText()).toContain('基本設計承認');
    expect(await trouble.getByTestId('fig-recurrenceRate').locator('.v').innerText()).toBe('50.0%');
    expect(await trouble.getByTestId('fig-auditFindings').locator('.v').innerText()).toBe('1');
    // A project without 品質不具合 or 監査指摘 has neither measure.
    expect(await onTrack.getByTestId('fig-auditFindings').locator('.v').innerText()).toBe('—');
    expect(await home.table.locator('th', { hasText: '障害再発率' }).getAttribute('title')).toContain('再発の有無が記入されたもの');
    expect(await s.page.getByTestId('portfolio-legend').innerText()).toContain('監査指摘件数: 是正の確認');
    // Each measure is defined where it is shown: in its header's tooltip and in the legend.
    expect(await home.table.locator('th', { hasText: '計画遵守率' }).getAttribute('title')).toContain('予定終了日までに終了したタスクの割合');
    expect(await s.page.getByTestId('portfolio-legend').innerText()).toContain('リードタイム: 基準日までに完了した課題');
    await s.page.screenshot({ path: screenshotPath('portfolio-home-ja.png') });
  });

  it('draws the charts of the projects shown, each copied and saved as PNG and SVG', async () => {
    const charts = s.page.getByTestId('portfolio-charts');
    for (const id of ['heat', 'issues', 'scatter', 'milestones']) await charts.getByTestId(`chart-${id}-canvas`).locator('canvas').first().waitFor();
    await s.page.getByTestId('chart-scatter').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: screenshotPath('portfolio-charts-ja.png'), fullPage: true });
    const heat = charts.getByTestId('chart-heat');
    const [png] = await Promise.all([s.page.waitForEvent('download'), heat.getByTestId('save-png').click()]);
    expect(png.suggestedFilename()).toBe('リスクヒートマップ（全プロジェクト）_20251121.png');
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Twice the pixels of the chart on screen (IHDR width at byte 16).
    const box = (await charts.getByTestId('chart-heat-canvas').boundingBox())!;
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
    const svgText = async (id: string) => {
      const [d] = await Promise.all([s.page.waitForEvent('download'), charts.getByTestId(`chart-${id}`).getByTestId('save-svg').click()]);
      expect(d.suggestedFilename()).toMatch(/_20251121\.svg$/);
      return fs.readFileSync((await d.path())!, 'utf8');
    };
    // Every open risk of the three projects: 3×3 twice (販売管理 and WMS), the others once.
    const heatSvg = await svgText('heat');
    expect(heatSvg).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(heatSvg).toContain('発生確率');
    expect(heatSvg.match(/>2<\/text>/g)?.length).toBeGreaterThanOrEqual(1);
    const scatterSvg = await svgText('scatter');
    for (const name of ['基幹システム刷新', '販売管理システム更改', '物流倉庫WMS導入']) expect(scatterSvg).toContain(name);
    // 本番稼働判定 (12/19) is 4 weeks after 11/21: every project has it coming.
    expect((await svgText('milestones')).match(/本番稼働判定/g)).toHaveLength(3);
    // The clipboard gets a PNG image.
    await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.page.url()).origin });
    await heat.getByTestId('copy-png').click();
    await heat.getByText('PNG をクリップボードにコピーしました').waitFor();
    const types = await s.page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => [...i.types]));
    expect(types).toContain('image/png');
    await heat.getByTestId('copy-svg').click();
    await heat.getByText('SVG をクリップボードにコピーしました').waitFor();
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<svg/);
  });

  it('sets a light by hand with a reason, and keeps it after a reload', async () => {
    const home = new PortfolioScreen(s.page);
    await home.override('基幹システム刷新', 'red', '顧客側の受入体制が未確定のため');
    await expect.poll(() => home.lights()).toMatchObject({ 基幹システム刷新: 'red' });
    // The PMO's one-line summary of the week, typed under the project's name.
    const wms = home.row('物流倉庫WMS導入');
    await wms.getByTestId('note').click();
    await wms.getByTestId('note-input').fill('倉庫側の受入テスト環境が未整備');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => wms.getByTestId('note').innerText()).toBe('倉庫側の受入テスト環境が未整備');
    await s.page.reload();
    await home.table.waitFor();
    await expect.poll(() => home.lights()).toMatchObject({ 基幹システム刷新: 'red' });
    const light = home.row('基幹システム刷新').getByTestId('light');
    expect(await light.innerText()).toContain('手動');
    expect(await wms.getByTestId('note').innerText()).toBe('倉庫側の受入テスト環境が未整備');
    expect(await light.getAttribute('title')).toContain('顧客側の受入体制が未確定のため');
    // The dialog lists the decision in its history.
    await light.click();
    const dialog = s.page.getByTestId('override-dialog');
    await dialog.getByTestId('override-history').getByText('顧客側の受入体制が未確定のため').waitFor();
    await s.page.screenshot({ path: screenshotPath('portfolio-override-ja.png') });
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(s.ws.db.sqlite.prepare('SELECT light, reason, set_by FROM status_overrides').all()).toEqual([
      { light: 'red', reason: '顧客側の受入体制が未確定のため', set_by: 'tester' },
    ]);
  });

  it.skipIf(!fs.existsSync(TAKUITO))('maps the client’s report form by clicking its cells, and exports the report into it (status-jp-takuito.xlsx)', async () => {
    // The in-process workspace reads the template in the reader's worker.
    await buildReaderWorker();
    await s.page.getByTestId('export-report').click();
    const dialog = s.page.getByTestId('report-dialog');
    await dialog.getByTestId('report-add-form').click();
    const editor = new FormEditorScreen(s.page);
    await editor.dialog.getByTestId('form-file-input').setInputFiles({ name: 'status-jp-takuito.xlsx', mimeType: 'application/octet-stream', buffer: fs.readFileSync(TAKUITO) });
    await editor.sheet.waitFor();
    expect(await editor.dialog.getByRole('combobox', { name: 'シート' }).inputValue()).toBe(TAKUITO_SHEET);
    expect(await editor.cell('A1').innerText()).toBe('進捗報告書');
    // Single cells: the week by a click, the light and progress by a click each.
    for (const [field, ref] of [['week', 'A2'], ['light', 'D1'], ['progress', 'F1'], ['summary', 'A3']] as const) {
      await editor.pickField(field);
      await editor.cell(ref).click();
    }
    await expect.poll(() => editor.tags('A2')).toEqual(['報告期間']);
    // The numbered sections' rows as tables: rows by a click and a Shift+click, the task name's column by a click.
    const block = async (list: string, first: string, last: string, columns: [string, string][]) => {
      await editor.pick(`fx-rows-${list}`);
      await editor.cell(first).click();
      if (last !== first) await editor.cell(last).click({ modifiers: ['Shift'] });
      for (const [field, ref] of columns) {
        await editor.pick(`fx-col-${list}-${field}`);
        await editor.cell(ref).click();
      }
    };
    await block('finished', 'B5', 'B6', [['name', 'B5']]);
    await block('inProgress', 'B9', 'B18', [['name', 'B9']]);
    await block('issues', 'B21', 'B21', [['title', 'B21']]);
    await block('nextWeek', 'B24', 'B24', [['name', 'B24']]);
    await block('milestones', 'B30', 'B30', [['name', 'B30'], ['date', 'E30'], ['state', 'C30']]);
    expect(await editor.ref('fx-rows-inProgress')).toBe('9〜18 行目');
    expect(await editor.tags('E30')).toEqual(['予定日']);
    // The S-curve as a picture whose top-left is L4.
    await editor.pick('fx-chart-sCurve');
    // Back to the top of the sheet (rows out of view are not drawn).
    await s.page.keyboard.press('Control+Home');
    await editor.cell('L4').click();
    await expect.poll(() => editor.tags('L4')).toEqual(['Sカーブ']);
    expect(await editor.dialog.getByTestId('form-status').innerText()).toContain('セル 4 件・表 5 件・図 1 件');
    // Its size in pixels, typed under it (640 × 280 until then).
    const size = editor.dialog.getByTestId('fx-size-sCurve');
    expect(await size.getByRole('spinbutton', { name: '幅' }).inputValue()).toBe('640');
    await size.getByRole('spinbutton', { name: '幅' }).fill('800');
    await size.getByRole('spinbutton', { name: '高さ' }).fill('320');
    await editor.dialog.getByRole('textbox', { name: '様式名' }).fill('拓伊 進捗報告書');
    await s.page.screenshot({ path: screenshotPath('report-form-editor-ja.png') });
    await editor.dialog.getByTestId('form-save').click();
    await editor.dialog.waitFor({ state: 'detached' });
    // Saved as a report profile with what was clicked (the picture at the size typed), and chosen in the dialog.
    const api = inProcessCaller(s.ws);
    const [summary] = await api('profile.list', {});
    const saved = await api('profile.get', { id: summary!.id });
    const sortColumns = (blocks: { columns: { column: string }[] }[]) => blocks.map((b) => ({ ...b, columns: [...b.columns].sort((x, y) => x.column.localeCompare(y.column)) }));
    const cells = [...TAKUITO_REPORT.cells.slice(0, 2), { field: 'summary', ref: 'A3' }, ...TAKUITO_REPORT.cells.slice(2)];
    expect(saved.kind === 'report' && saved.report).toEqual({ ...TAKUITO_REPORT, cells, blocks: sortColumns(TAKUITO_REPORT.blocks), images: [{ chart: 'sCurve', ref: 'L4', width: 800, height: 320 }] });
    await expect.poll(() => dialog.getByTestId('report-layout').locator('option:checked').innerText()).toBe('拓伊 進捗報告書（status-jp-takuito.xlsx）');
    const [zip] = await Promise.all([s.page.waitForEvent('download'), dialog.getByTestId('report-run').click()]);
    expect(zip.suggestedFilename()).toBe('週次状況報告_サマリー_20251121.zip');
    const bytes = fs.readFileSync((await zip.path())!);
    const files = new ZipReader(bytes, readZipDirectory(bytes, 'report.zip'), 'report.zip');
    expect(files.dir.entries.size).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.bytes('週次状況報告_物流倉庫WMS導入_20251121.xlsx') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TAKUITO_SHEET)!;
    expect([ws.getCell('A1').value, ws.getCell('A2').value, ws.getCell('D1').value, ws.getCell('A3').value]).toEqual(['進捗報告書', '2025/11/15～2025/11/21', '要対応', '倉庫側の受入テスト環境が未整備']);
    // The milestone block (rows 30– of the form, moved down by the rows the lists above it grew by):
    // the missed 基本設計承認, then 本番稼働判定. The S-curve as a picture at L4, above every block.
    const names: unknown[] = [];
    ws.getColumn(2).eachCell((c) => names.push(c.value));
    const at = names.indexOf('基本設計承認');
    expect(at).toBeGreaterThan(0);
    expect(names[at + 1]).toBe('本番稼働判定');
    expect(ws.getImages().map((im) => [im.range.tl.nativeCol, im.range.tl.nativeRow, (im.range as unknown as { ext?: unknown }).ext])).toEqual([[11, 3, { width: 800, height: 320 }]]);
    await dialog.waitFor({ state: 'hidden' });
  });

  it('prints the report as a PDF: PMO Desk’s layout in its own tab, A4, the Japanese text as text', async () => {
    await s.page.getByTestId('export-report').click();
    const dialog = s.page.getByTestId('report-dialog');
    await dialog.getByTestId('report-layout').selectOption({ label: 'PMO Desk の様式（A4）' });
    await dialog.getByTestId('format-pdf').check();
    await dialog.getByText('「PDF に保存」を選んでください').waitFor();
    const [tab] = await Promise.all([s.page.context().waitForEvent('page'), dialog.getByTestId('report-run').click()]);
    await tab.locator('#report-print[data-print-ready="1"]').waitFor();
    // The tab handed itself to the browser's print dialog (auto=1); the same page without it, as page.pdf prints it.
    expect(new URL(tab.url()).hash).toMatch(/^#print=report&ids=\d+%2C\d+%2C\d+&auto=1$/);
    await tab.evaluate(() => (location.hash = location.hash.replace('&auto=1', '')));
    await tab.reload();
    await tab.locator('#report-print[data-print-ready="1"]').waitFor();
    expect(await tab.getByTestId('report-page').count()).toBe(3);
    await tab.screenshot({ path: screenshotPath('report-print-ja.png') });
    const file = screenshotPath('report-ja.pdf');
    const pdf = await tab.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = fs.existsSync('/usr/bin/pdftotext') ? execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) : '';
    if (text) {
      for (const name of ['基幹システム刷新', '販売管理システム更改', '物流倉庫WMS導入']) expect(text).toMatch(new RegExp(`週次状況報告\\s+${name}`));
      expect(text).toContain('倉庫側の受入テスト環境が未整備');
      expect(text).toContain('会議のアクション（未完了）');
      // A4 portrait pages (595 × 842 pt), at least one per project.
      const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(3);
    }
    await tab.close();
  });

  it('takes the 基準日 typed as yyyy/mm/dd, marks a text that is no date, and goes back to each project’s own when emptied', async () => {
    const home = new PortfolioScreen(s.page);
    await home.table.waitFor();
    const field = s.page.getByTestId('portfolio-status-date');
    // A text field, not the browser's date input: that one shows the OS locale's mm/dd/yyyy.
    expect(await field.getAttribute('type')).not.toBe('date');
    expect(await field.getAttribute('placeholder')).toBe('yyyy/mm/dd');
    const dateCell = () => home.row('基幹システム刷新').locator('td.date').innerText();
    await field.fill('2025/11/14');
    await field.press('Enter');
    await expect.poll(dateCell).toMatch(/^2025\/11\/14/);
    await field.fill('来週');
    await field.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await dateCell()).toMatch(/^2025\/11\/14/);
    await field.fill('');
    await field.press('Enter');
    await expect.poll(dateCell).toMatch(/^2025\/11\/21/);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
  });

  it('sorts, filters, and opens a project', async () => {
    const home = new PortfolioScreen(s.page);
    const projects = new ProjectsScreen(s.page);
    await s.page.getByTestId('sort-spi').click();
    await expect.poll(() => projects.names()).toEqual(['物流倉庫WMS導入', '販売管理システム更改', '基幹システム刷新']);
    await s.page.getByTestId('sort-spi').click();
    await expect.poll(() => projects.names()).toEqual(['基幹システム刷新', '販売管理システム更改', '物流倉庫WMS導入']);
    // All three as a workbook per project in one zip.
    await s.page.getByTestId('export-report').click();
    await s.page.getByTestId('report-dialog').getByTestId('bundle-files').check();
    const [zip] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('report-dialog').getByTestId('report-run').click()]);
    expect(zip.suggestedFilename()).toBe('週次状況報告_サマリー_20251121.zip');
    const zipBytes = fs.readFileSync((await zip.path())!);
    const names = [...readZipDirectory(zipBytes, 'report.zip').entries.keys()];
    expect(names).toEqual(['週次状況報告_サマリー_20251121.xlsx', ...['基幹システム刷新', '販売管理システム更改', '物流倉庫WMS導入'].map((n) => `週次状況報告_${n}_20251121.xlsx`)]);
    await s.page.getByTestId('report-dialog').waitFor({ state: 'hidden' });
    await s.page.getByTestId('filter-red').click();
    await expect.poll(() => projects.names()).toEqual(['基幹システム刷新', '物流倉庫WMS導入']);
    await s.page.getByRole('textbox', { name: '絞り込み（名前・コード）' }).fill('wms');
    await expect.poll(() => projects.names()).toEqual(['物流倉庫WMS導入']);
    // The weekly report of the projects shown: one sheet for the one project left.
    await s.page.getByTestId('export-report').click();
    const dialog = s.page.getByTestId('report-dialog');
    // Files per project need more than one project.
    expect(await dialog.getByTestId('bundle-files').isDisabled()).toBe(true);
    const [download] = await Promise.all([s.page.waitForEvent('download'), dialog.getByTestId('report-run').click()]);
    expect(download.suggestedFilename()).toBe('週次状況報告_物流倉庫WMS導入_20251121.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['物流倉庫WMS導入']);
    expect(wb.worksheets[0]!.getCell('D2').value).toBe('要対応');
    expect([wb.worksheets[0]!.getCell('A3').value, wb.worksheets[0]!.getCell('B3').value]).toEqual(['所見', '倉庫側の受入テスト環境が未整備']);
    await projects.open('物流倉庫WMS導入');
    expect(await s.page.getByTestId('project-title').innerText()).toBe('物流倉庫WMS導入');
    expect(home).toBeTruthy();
    expect(foreignRequests(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
