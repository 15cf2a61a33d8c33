// PMO Desk's own WBS layout writes its gantt band as runs: a row's empty band cells are strings made once,
// and cells that follow the cell before them carry no r (register-layout.ts). Read back, every cell must
// be where it was and look as the band says: the fill of a bar, the ◆, the shading of a day off, the
// line under each cell and today's left border, in every row and band column.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ganttBand, type BandRows } from '../../electron/core/excel/gantt-band.js';
import { dayOf } from '../../electron/common/schedule/calendar.js';
import { registerXlsx, type BandStyle, type LayoutColumn, type LayoutRow } from '../../electron/core/excel/register-layout.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { workCalendarOf } from '../../electron/core/services/schedule.js';
import { DEFAULT_CALENDAR } from '../../electron/common/schedule/calendar.js';
import { columnName } from '../../electron/common/excel/model.js';

const COLUMNS: LayoutColumn[] = [
  { key: 'code', header: 'WBS', kind: 'code' },
  { key: 'name', header: 'タスク名', kind: 'text' },
  { key: 'plannedStart', header: '予定開始日', kind: 'date' },
  { key: 'plannedFinish', header: '予定終了日', kind: 'date' },
  { key: 'progress', header: '進捗率', kind: 'percent' },
];

interface BandRow {
  start: string | null;
  finish: string | null;
  milestone: boolean;
  summary: boolean;
  critical: boolean;
}

/** The band's rows of tasks with yyyy-mm-dd dates, as the export answers them from its arrays. */
const bandRows = (tasks: BandRow[]): BandRows => ({
  length: tasks.length,
  start: (i) => (tasks[i]!.start ? dayOf(tasks[i]!.start!) : null),
  finish: (i) => (tasks[i]!.finish ? dayOf(tasks[i]!.finish!) : null),
  milestone: (i) => tasks[i]!.milestone,
  summary: (i) => tasks[i]!.summary,
  critical: (i) => tasks[i]!.critical,
});

function plan(span: number): { rows: LayoutRow[]; band: BandRows } {
  const day = (n: number) => new Date(Date.UTC(2025, 3, 1 + n)).toISOString().slice(0, 10);
  const tasks: (BandRow & { name: string })[] = [
    { name: '要件定義', start: day(0), finish: day(span), milestone: false, summary: true, critical: false },
    { name: '現行調査', start: day(0), finish: day(6), milestone: false, summary: false, critical: true }, // over a weekend
    { name: '日付なし', start: null, finish: null, milestone: false, summary: false, critical: false },
    { name: 'レビュー', start: day(9), finish: day(9), milestone: true, summary: false, critical: false },
    { name: '逆順', start: day(12), finish: day(10), milestone: false, summary: false, critical: false },
    { name: '終了のみ', start: null, finish: day(span), milestone: false, summary: false, critical: false },
    { name: '=SUM(A1)', start: day(3), finish: day(4), milestone: false, summary: false, critical: false },
  ];
  return {
    rows: tasks.map((t, i) => ({ values: [`1.${i}`, t.name, t.start, t.finish, i * 10], level: i === 0 ? 0 : 1, summary: t.summary })),
    band: bandRows(tasks),
  };
}

const argb = (c: { argb?: string } | undefined) => c?.argb ?? '';
/** How a band style reads back: fill, bottom and left border colours, font colour. */
const look = (st: BandStyle) => [st.fill ?? '', st.bottom ?? '', st.left ?? '', st.font?.color ?? ''].join('|');

describe("the WBS layout's gantt band", () => {
  for (const [unit, span] of [['day', 20], ['week', 240]] as const)
    it(`reads back cell for cell as the band draws it (${unit}s)`, async () => {
      const { rows, band: bandRows } = plan(span);
      const band = ganttBand({ firstCol: COLUMNS.length + 1, rows: bandRows, cal: workCalendarOf(DEFAULT_CALENDAR), today: '2025-04-03', language: 'ja' })!;
      expect(band.unit).toBe(unit);
      const bytes = await registerXlsx({ target: 'wbs', language: 'ja', projectName: 'P', today: '2025-04-03', columns: COLUMNS, rows, band });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('WBS')!;
      const model = readWorkbookBytes(bytes, 'wbs.xlsx').sheets[0]!;
      rows.forEach((row, i) => {
        const r = 5 + i;
        expect(ws.getCell(r, 2).value).toBe(row.values[1]);
        expect(ws.getCell(r, 5).value).toBe((row.values[4] as number) / 100);
        expect(model.rows.find((x) => x.r === r - 1)!.cells.find((c) => c.c === 1)?.v).toBe(row.values[1]);
        // The spacer column between the table and the band stays unwritten.
        expect(ws.getRow(r).getCell(COLUMNS.length + 1).style.fill).toBeUndefined();
        for (let k = 0; k < band.widths.length; k++) {
          const want = band.cell(i, k);
          const got = ws.getCell(r, band.firstCol + k + 1);
          const fill = got.fill?.type === 'pattern' && got.fill.pattern === 'solid' ? argb(got.fill.fgColor) : '';
          const at = `${columnName(band.firstCol + k)}${r}`;
          expect([fill, argb(got.border?.bottom?.color), argb(got.border?.left?.color), argb(got.font?.color)].join('|'), at).toBe(look(want.style));
          expect(got.value ?? undefined, at).toBe(want.value);
        }
      });
      // The band draws something: bars, a ◆, and (by day) the shaded weekend.
      const drawn = rows.flatMap((_, i) => band.widths.map((__, k) => band.cell(i, k)));
      expect(drawn.some((c) => c.value === '◆')).toBe(true);
      expect(new Set(drawn.map((c) => c.style.fill)).size).toBeGreaterThan(2);
    });
});
