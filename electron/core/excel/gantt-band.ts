// The gantt band of PMO Desk's own WBS export, drawn as Japanese ガントチャート workbooks are: one column
// per day (per week when the plan is longer than half a year) right of the table, a task's days as
// filled cells (critical ones red, summaries dark), a milestone as ◆, non-working days shaded, today
// as a red left border. Its labels (年月 over 日 or 週) sit in the two rows above the header row, so
// the header row itself names only the table's columns and the file imports back as it did.
import type ExcelJS from 'exceljs';
import { dayOf, isoOf, type WorkCalendar } from '../../common/schedule/calendar.js';

export interface BandRow {
  start: string | null;
  finish: string | null;
  milestone: boolean;
  summary: boolean;
  critical: boolean;
}

export interface BandInput {
  /** 1-based first column of the band. */
  firstCol: number;
  /** 1-based header row of the table; data rows follow it. */
  headerRow: number;
  rows: BandRow[];
  cal: WorkCalendar;
  today: string;
  language: 'ja' | 'en';
}

const FILL = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const BAR = FILL('FF4A86C8');
const CRITICAL = FILL('FFD0453B');
const SUMMARY = FILL('FF2F3A45');
const OFF = FILL('FFEEF1F4');
const FONT = 'Meiryo';

/** Writes the band; answers its unit and number of columns (0 when no task has dates). */
export function writeGanttBand(ws: ExcelJS.Worksheet, input: BandInput): { unit: 'day' | 'week'; columns: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const r of input.rows) {
    for (const d of [r.start, r.finish]) {
      if (!d) continue;
      const n = dayOf(d);
      if (n < first) first = n;
      if (n > last) last = n;
    }
  }
  if (first === Infinity) return { unit: 'day', columns: 0 };
  const unit = last - first <= 183 ? 'day' : 'week';
  const step = unit === 'day' ? 1 : 7;
  const from = unit === 'day' ? first : first - ((((first + 4) % 7) + 6) % 7); // weeks start on Monday
  const columns = Math.floor((last - from) / step) + 1;
  const today = dayOf(input.today);
  const { headerRow: hr, firstCol } = input;
  const thin = { style: 'thin' as const, color: { argb: 'FFD9DEE4' } };
  let month = '';
  for (let k = 0; k < columns; k++) {
    const c = firstCol + k;
    const d0 = from + k * step;
    const iso = isoOf(d0);
    ws.getColumn(c).width = unit === 'day' ? 3.2 : 5.5;
    const ym = iso.slice(0, 7);
    const upper = ws.getCell(hr - 2, c);
    if (ym !== month) {
      month = ym;
      const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
      upper.value = input.language === 'ja' ? `${y}年${m}月` : `${m}/${y}`;
      upper.font = { name: FONT, size: 9, bold: true };
    }
    const lower = ws.getCell(hr - 1, c);
    lower.value = unit === 'day' ? Number(iso.slice(8, 10)) : `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
    lower.font = { name: FONT, size: 8, color: { argb: unit === 'day' && !input.cal.isWorking(d0) ? 'FFC92A2A' : 'FF1F2933' } };
    lower.alignment = { horizontal: 'center' };
    lower.border = { bottom: thin };
    const off = unit === 'day' && !input.cal.isWorking(d0);
    const isToday = today >= d0 && today < d0 + step;
    input.rows.forEach((r, i) => {
      const cell = ws.getCell(hr + 1 + i, c);
      cell.border = { bottom: thin, ...(isToday ? { left: { style: 'medium' as const, color: { argb: 'FFE8590C' } } } : {}) };
      if (off) cell.fill = OFF;
      if (!r.start && !r.finish) return;
      const s = dayOf(r.start ?? r.finish!);
      const f = dayOf(r.finish ?? r.start!);
      if (r.milestone && !r.summary) {
        if (f >= d0 && f < d0 + step) {
          cell.value = '◆';
          cell.font = { name: FONT, size: 9, color: { argb: r.critical ? 'FFD0453B' : 'FF2F3A45' } };
          cell.alignment = { horizontal: 'center' };
        }
        return;
      }
      if (f < d0 || s >= d0 + step) return;
      if (unit === 'day' && off && !r.summary) return;
      cell.fill = r.summary ? SUMMARY : r.critical ? CRITICAL : BAR;
    });
  }
  return { unit, columns };
}
