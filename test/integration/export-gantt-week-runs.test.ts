// Week gantts whose week numbers start again (issue 13, review U7/U8): 第1週…第4週 under each month's head
// (4月 | 5月 …, a date, or Apr), and ISO week numbers across a new year (W47 … W52, W1 …). Each column is
// still the week after the one left of it: the whole run of heads is the band, a moved task's weeks are
// painted again there, the import keeps no week as a value, and a row the export says it cleared
// (offBand shown 'none') keeps no paint; a week the client named (GW) among the numbers is one of the run. Weeks headed by their first day as text (4/7, 4/14) or by its day
// of the month alone under the months (7 14 21 28 | 5 12 …) are one band the same way.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { bandOf, cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const DAY = 86_400_000;
const WEEKS = 15;
const BLUE = 'FF5B9BD5';

interface Layout {
  /** The Monday of the first week column (UTC ms). */
  monday: number;
  /** The week's head from its column index and its Monday. */
  label: (k: number, monday: Date) => string | number;
  /** The head over a month's first week column in the row above, or none. */
  month?: (monday: Date) => string | Date;
  paint: 'fill' | 'mark';
}

/** The k-th Monday of its month: 4/7 第1週, 4/28 第4週, 5/5 第1週. */
const ordinal = (d: Date) => Math.floor((d.getUTCDate() - 1) / 7) + 1;
const isoWeek = (d: Date) => {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 3)); // the week's Thursday
  return Math.floor((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / DAY / 7) + 1;
};
const APRIL = Date.UTC(2025, 3, 7);
const NOVEMBER = Date.UTC(2025, 10, 17);
const LAYOUTS: Record<string, Layout> = {
  '第n週 under 4月': { monday: APRIL, label: (_, d) => `第${ordinal(d)}週`, month: (d) => `${d.getUTCMonth() + 1}月`, paint: 'fill' },
  'W1…W4 under dates': { monday: APRIL, label: (_, d) => `W${ordinal(d)}`, month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), paint: 'mark' },
  'n週 under Apr': { monday: APRIL, label: (_, d) => `${ordinal(d)}週`, month: (d) => d.toLocaleString('en', { month: 'short', timeZone: 'UTC' }), paint: 'mark' },
  'W47 … W52, W1 …': { monday: NOVEMBER, label: (_, d) => `W${isoWeek(d)}`, paint: 'fill' },
  '4/7, 4/14 … (week-start dates as text)': { monday: APRIL, label: (_, d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`, paint: 'fill' },
  '7, 14 … 28, 5 under 4月 (week-start days of the month)': { monday: APRIL, label: (_, d) => d.getUTCDate(), month: (d) => `${d.getUTCMonth() + 1}月`, paint: 'mark' },
  '第47週 … 第1週 under 2025年11月': { monday: NOVEMBER, label: (_, d) => `第${isoWeek(d)}週`, month: (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`, paint: 'mark' },
  // Review U21: one week named, not numbered (the numbers go on across it).
  'W15 … W17, GW, W19 …': { monday: APRIL, label: (k, d) => (k === 3 ? 'GW' : `W${isoWeek(d)}`), paint: 'fill' },
  '第3週, GW, 第1週 under 5月': { monday: APRIL, label: (k, d) => (k === 3 ? 'GW' : `第${ordinal(d)}週`), month: (d) => `${d.getUTCMonth() + 1}月`, paint: 'mark' },
};

/** Tasks as days from the first Monday: [name, start, finish]. */
const TASKS: [string, number, number][] = [
  ['要件定義', 0, 9],
  ['基本設計', 10, 25],
  ['詳細設計', 21, 39],
  ['製造', 42, 67],
  ['テスト', 70, 88],
  ['移行', 91, 95],
];

async function weekGantt(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '工程表';
  ['No', 'タスク', '担当', '開始日', '終了日'].forEach((x, i) => {
    ws.getCell(2, i + 1).value = x;
    ws.getCell(3, i + 1).value = x;
    ws.mergeCells(2, i + 1, 3, i + 1);
  });
  for (let k = 0; k < WEEKS; k++) {
    const d = new Date(l.monday + k * 7 * DAY);
    ws.getCell(3, 6 + k).value = l.label(k, d);
    if (l.month && (k === 0 || new Date(l.monday + (k - 1) * 7 * DAY).getUTCMonth() !== d.getUTCMonth())) {
      ws.getCell(2, 6 + k).value = l.month(d);
      if (l.month(d) instanceof Date) ws.getCell(2, 6 + k).numFmt = 'yyyy/m';
    }
  }
  TASKS.forEach(([name, s, f], i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '山田';
    ws.getCell(r, 4).value = new Date(l.monday + s * DAY);
    ws.getCell(r, 5).value = new Date(l.monday + f * DAY);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
    for (let k = 0; k < WEEKS; k++) {
      if (7 * k + 6 < s || 7 * k > f) continue;
      if (l.paint === 'mark') ws.getCell(r, 6 + k).value = '■';
      else ws.getCell(r, 6 + k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BLUE } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Imports the layout, moves tasks by days from the first Monday, exports with the client's profile. */
async function exportAfter(l: Layout, name: string, moves: Record<string, [number, number]>) {
  const bytes = await weekGantt(l);
  const { projectId, profileId, preview } = await importWithProfile(call, bytes, name);
  const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
  const iso = (d: number) => new Date(l.monday + d * DAY).toISOString().slice(0, 10);
  for (const [task, [s, f]] of Object.entries(moves)) await call('wbs.update', { id: tasks.find((t) => t.name === task)!.id, patch: { plannedStart: iso(s), plannedFinish: iso(f) } });
  const out = await call('excel.export', { projectId, register: 'wbs', profileId });
  const after = await cellsOf(Buffer.from(out.dataBase64, 'base64'), '工程表');
  const bar = (row: number) => bandOf(after, row, WEEKS, l.paint, 6, (fill) => fill === BLUE);
  return { before: await cellsOf(bytes, '工程表'), after, bar, answer: out, preview };
}

describe('week numbers that start again are one band', () => {
  for (const [name, l] of Object.entries(LAYOUTS)) {
    it(`paints moved tasks on their new weeks over the whole run (${name})`, async () => {
      // 製造 two weeks later; 要件定義 one week later (in the first weeks, before any restart).
      const { before, after, bar, preview } = await exportAfter(l, name, { 製造: [56, 81], 要件定義: [7, 16] });
      expect(bar(4)).toBe('.##............');
      expect(bar(7)).toBe('........####...');
      expect(changedOutside(before, after, [4, 7]).filter((d) => !/^[DE][47]:/.test(d))).toEqual([]);
      // The weeks are the chart, not data.
      expect(preview.rows.flatMap((r) => Object.keys(r.values ?? {}).filter((k) => k.startsWith('extra:')))).toEqual([]);
    }, 120_000);

    it(`clears the bar of a task moved off the band, and says so only then (${name})`, async () => {
      // 要件定義 half a year later: no week of the band is one of its days.
      const { bar, answer } = await exportAfter(l, `${name} off`, { 要件定義: [200, 209], 移行: [98, 112] });
      const off = (answer as { offBand?: { name: string; shown: string }[] }).offBand ?? [];
      expect(off.map((o) => `${o.name}:${o.shown}`).sort()).toEqual(['移行:part', '要件定義:none']);
      expect(bar(4)).toBe('...............');
      expect(bar(9)).toBe('..............#');
    }, 120_000);
  }
});
