// A gantt band headed by week numbers (W1 W2 … W20, Wk 1, Week 1, 第1週 第2週 …) whose days the heads do
// not write: they are in a note or label line of the sheet (W1 = 4/7, 第1週：2025/4/7～, Week 1 starts 7 Apr)
// or follow from the project's start (開始日：2025/4/7, プロジェクト開始 4/7, Project start: 7 Apr 2025 —
// week 1 is that day's week, from its Monday). The heads are the band's columns, a week each (blind set 7,
// M8): left out of the table as any date grid is, and read as the days a painted bar covers. The heads
// are read by date-grid.ts (weekNumber, weekHeadRun), for the import and the export alike.
import { isoToSerial, parseDateText, serialToIso } from '../../../common/excel/client-dates.js';
import type { Cell } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';

const DATE = String.raw`(\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s+[a-z]{3,9}\.?(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)`;
/** A note naming week 1's day: W1 = 4/7, W1：2025/4/7～, 第1週(4/7～), Week 1 starts 7 Apr, Week 1 = w/c 7 Apr. */
const WEEK_ONE = new RegExp(String.raw`(?:^|[^\p{L}\d])(?:w|wk\.?|week|第)\s*1\s*週?(?:目)?\s*(?:[=＝:：(（]|は|starts?(?:\s+on)?|begins?|from|w\/c)?\s*(?:w\/c\s*)?${DATE}`, 'iu');
/** A label of the project's start followed by its day: 開始日：2025/4/7, プロジェクト開始 4/7, 着手日 2025年4月7日, Project start: 7 Apr 2025, Kick-off 4/7. */
const PROJECT_START = new RegExp(String.raw`(?:プロジェクト開始日?|開始日|開始|着手日|キックオフ|project\s+start(?:\s+date)?|start\s+date|kick-?off)\s*[:：=＝]?\s*${DATE}`, 'iu');

/** A day of the sheet to read a year from: its first date cell, else a year written in its text (2025年度, FY2025). */
function sheetReference(ix: SheetIndex, fallback: string): string {
  for (const row of ix.sheet.rows.slice(0, 200))
    for (const cell of row.cells) {
      if (cell.t === 'd' && typeof cell.v === 'number') return serialToIso(Math.floor(cell.v)) ?? fallback;
      const y = cell.t === 's' ? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(cell.v as string) : null;
      if (y) return `${y[1]}-07-01`;
    }
  return fallback;
}

/** The texts of a row's cells joined, with a label cell and the date cell after it read as `label date`. */
function rowText(cells: readonly Cell[]): string {
  return cells
    .map((c) => (c.t === 'd' && typeof c.v === 'number' ? (serialToIso(Math.floor(c.v)) ?? '').replaceAll('-', '/') : c.t === 's' ? String(c.v) : ''))
    .filter((t) => t.trim() !== '')
    .join(' ')
    .normalize('NFKC');
}

/** The Monday on or before a day (a week band's week starts on its Monday). */
function mondayOf(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first day of week 1 (yyyy-mm-dd): from a note naming it, else the Monday of the project's start;
 * null when the sheet says neither. `today` dates a day written without a year where the sheet has no year.
 */
export function weekOneStart(ix: SheetIndex, today: string): string | null {
  const reference = sheetReference(ix, today);
  const rows = ix.sheet.rows.slice(0, 500).map((row) => rowText(row.cells));
  const read = (text: string) => {
    const d = parseDateText(text.trim(), reference);
    return d.ok ? d.iso : null;
  };
  for (const text of rows) {
    const m = WEEK_ONE.exec(text);
    const day = m ? read(m[1]!) : null;
    if (day) return day;
  }
  for (const text of rows) {
    const m = PROJECT_START.exec(text);
    const day = m ? read(m[1]!) : null;
    if (day) return mondayOf(day);
  }
  return null;
}

/**
 * Week-numbered heads as band columns (Excel serials, a week each from week 1's day), or null: the k-th
 * head is the k-th week after the first head's (numbers that start again — 第1週 under each month, W1
 * after W52 — are still the next week).
 */
export function weekBand(run: { c: number; n: number[] }, weekOne: string, date1904 = false): { c: number; from: number; to: number }[] | null {
  const first = isoToSerial(weekOne, date1904);
  if (first === null) return null;
  const start = first + 7 * (run.n[0]! - 1);
  return run.n.map((_, k) => ({ c: run.c + k, from: start + 7 * k, to: start + 7 * k + 6 }));
}
