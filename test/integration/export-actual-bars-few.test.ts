// The actual rows' bars of a 予定 / 実績 gantt are repainted when the actual dates move, also while few
// tasks have actual dates yet (a plan in progress: two tasks started, the rest blank). The actual band was
// learned only from three or more dated actual rows, so with two the actual bars stayed where they were
// and the re-import read other dates than the stored ones. Day bands (one column a day under the month)
// and week bands (each week's Monday under the month) alike.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { bandOf, cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const DAY = 86_400_000;
const MONDAY = Date.UTC(2025, 3, 7);
const BLUE = 'FF5B9BD5';
const ORANGE = 'FFED7D31';
const FIRST = 7; // the band's first column (G)

/** [name, plan start, plan finish, actual start, actual finish] as days from the first Monday. */
const TASKS: [string, number, number, number | null, number | null][] = [
  ['要件定義', 0, 9, 0, 11],
  ['基本設計', 10, 25, 12, 27],
  ['詳細設計', 21, 39, null, null],
  ['製造', 42, 60, null, null],
  ['テスト', 63, 80, null, null],
];

interface Band { step: 1 | 7; columns: number }
const BANDS: Record<string, Band> = { 'day columns': { step: 1, columns: 91 }, 'week columns (Mondays)': { step: 7, columns: 13 } };

/** Whether band column k (from the first Monday, `step` days each) holds a day of [s, f]. */
const onBar = (b: Band, k: number, s: number, f: number) => b.step * k <= f && b.step * k + b.step - 1 >= s;

async function plan(b: Band): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日程');
  ws.getCell('A1').value = '日程計画';
  ['No', 'タスク', '担当', '区分', '開始', '終了'].forEach((x, i) => {
    ws.getCell(2, i + 1).value = x;
    ws.mergeCells(2, i + 1, 3, i + 1);
  });
  for (let k = 0; k < b.columns; k++) {
    const d = new Date(MONDAY + k * b.step * DAY);
    const prev = new Date(MONDAY + (k - 1) * b.step * DAY);
    if (k === 0 || prev.getUTCMonth() !== d.getUTCMonth()) ws.getCell(2, FIRST + k).value = `${d.getUTCMonth() + 1}月`;
    ws.getCell(3, FIRST + k).value = d.getUTCDate();
  }
  TASKS.forEach(([name, ps, pf, as, af], i) => {
    const r = 4 + 2 * i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '山田';
    ws.mergeCells(r, 1, r + 1, 1);
    ws.mergeCells(r, 2, r + 1, 2);
    ws.mergeCells(r, 3, r + 1, 3);
    ws.getCell(r, 4).value = '予定';
    ws.getCell(r + 1, 4).value = '実績';
    const date = (row: number, c: number, day: number | null) => {
      if (day === null) return;
      ws.getCell(row, c).value = new Date(MONDAY + day * DAY);
      ws.getCell(row, c).numFmt = 'yyyy/mm/dd';
    };
    date(r, 5, ps);
    date(r, 6, pf);
    date(r + 1, 5, as);
    date(r + 1, 6, af);
    for (let k = 0; k < b.columns; k++) {
      if (onBar(b, k, ps, pf)) ws.getCell(r, FIRST + k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BLUE } };
      if (as !== null && af !== null && onBar(b, k, as, af)) ws.getCell(r + 1, FIRST + k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ORANGE } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const expected = (b: Band, s: number, f: number) => Array.from({ length: b.columns }, (_, k) => (onBar(b, k, s, f) ? '#' : '.')).join('');

describe('actual bars of a plan in progress (two dated actual rows)', () => {
  for (const [name, b] of Object.entries(BANDS)) {
    it(`repaints a moved actual bar and draws a new one (${name})`, async () => {
      const bytes = await plan(b);
      const { projectId, profileId } = await importWithProfile(call, bytes, name);
      const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
      const id = (n: string) => tasks.find((t) => t.name === n)!.id;
      expect(tasks.find((t) => t.name === '要件定義')!.actualFinish).toBe(new Date(MONDAY + 11 * DAY).toISOString().slice(0, 10));
      const iso = (d: number) => new Date(MONDAY + d * DAY).toISOString().slice(0, 10);
      await call('wbs.update', { id: id('要件定義'), patch: { actualStart: iso(3), actualFinish: iso(20) } });
      await call('wbs.update', { id: id('詳細設計'), patch: { actualStart: iso(28), actualFinish: iso(44) } });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId });
      const after = await cellsOf(Buffer.from(out.dataBase64, 'base64'), '日程');
      const bar = (row: number) => bandOf(after, row, b.columns, 'fill', FIRST, (fill) => fill === ORANGE);
      expect(bar(5)).toBe(expected(b, 3, 20));
      expect(bar(9)).toBe(expected(b, 28, 44));
      expect(bar(7)).toBe(expected(b, 12, 27)); // unchanged
      // Nothing else changed but the dates typed and the two actual rows.
      const before = await cellsOf(bytes, '日程');
      expect(changedOutside(before, after, [5, 9])).toEqual([]);
      // The export reads back as stored.
      const again = await call('excel.previewImport', { projectId, register: 'wbs', profileId, fileName: `${name}.xlsx`, dataBase64: out.dataBase64 });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: TASKS.length });
    }, 120_000);
  }
});
