// A gantt's date grid right of a table with header words (ガントチャート: a column per day or week under
// a row of dates or of week numbers W1 W2 …, often under months merged across them, or over a row of weekdays 月 火 水,
// or a row of weekdays alone, M T W TH F under weeks and phases): its columns
// are the chart, not the client's data. Kept as extra columns they gave every task 30–91 empty values in
// the grid (blind check F8). They are left out of the layout; the export keeps the band's cells as the
// client drew them and paints the bars again from the dates (services/export/gantt-marks.ts).
import type { Cell } from '../../../common/excel/model.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import type { SheetIndex } from './sheet-index.js';
import { weekBand, weekOneStart } from './week-band.js';
import { localToday } from '../../../common/dates.js';
import { isoToSerial, nearestYear, serialToIso, ymd } from '../../../common/excel/client-dates.js';

// What a header cell of a date grid is (a date, a day of the month) is read here for the import and for
// the export's gantt band (services/export/gantt-marks.ts), so that both see the same grids.

/** Columns in a row of dates before it is a grid (a few dated columns are a table's own: 開始 / 終了 / 期限). */
export const MIN_RUN = 5;

/** A header cell holding a date (a date cell, or a number with a format: Excel's serial), as its serial day. */
export const serialOf = (cell: Cell | undefined): number | null =>
  cell && (cell.t === 'd' || (cell.t === 'n' && cell.fmt !== undefined)) && typeof cell.v === 'number' && cell.v >= 20_000 && cell.v <= 2_958_465 ? Math.floor(cell.v) : null;

// Days before each month in a common year: text dates carry no year, so steps are counted within one.
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** A date written as text without a year (10/6, 10月6日, 10/6(月)) as [month, day], or null. */
export function textMonthDay(cell: Cell | undefined): [number, number] | null {
  if (cell?.t !== 's') return null;
  const m = /^\s*(\d{1,2})\s*(?:\/|月)\s*(\d{1,2})\s*日?\s*(?:\([^)]*\)|（[^）]*）)?\s*$/.exec((cell.v as string).normalize('NFKC'));
  if (!m) return null;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? [month, day] : null;
}

/** A date written as text without a year as its day of a common year, or null. */
function textDay(cell: Cell): number | null {
  const md = textMonthDay(cell);
  return md && MONTH_START[md[0] - 1]! + md[1];
}

/** A day of the month as a header writes it over a day grid: 1, 2 … 31 as numbers (shown as 7日 by a format, too) or as text 1日. */
export function monthDay(cell: Cell): number | null {
  const v = cell.t === 'n' ? cell.v : cell.t === 's' ? Number(/^\s*(\d{1,2})\s*日?\s*$/.exec(cell.v as string)?.[1] ?? NaN) : NaN;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 31 ? v : null;
}

/**
 * A week's number as a head writes it over a gantt of weeks with no date (W3, Wk3, Week 3, 第3週, 3週,
 * 3週目; full-width too), or null. The export learns the weeks' days from the template's dated rows
 * (services/export/gantt-week-labels.ts).
 */
export function weekNumber(cell: Cell | undefined): number | null {
  if (cell?.t !== 's' || typeof cell.v !== 'string' || cell.v.length > 12) return null;
  const m = /^(?:(?:w|wk|week)\s*(\d{1,3})|第\s*(\d{1,3})\s*週目?|(\d{1,3})\s*週目?)$/i.exec(cell.v.normalize('NFKC').trim());
  return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
}
/**
 * Whether week number `n` heads the week after the one headed `prev`: the next number, or 1 again after
 * a 4th week or later — 第1週…第4週 (第5週) restarting under each month's head, W52 (W53) → W1 at a new
 * year. A run of such heads is one week per column whatever its numbers do.
 */
export const nextWeek = (prev: number, n: number) => n === prev + 1 || (n === 1 && prev >= 4);

/** Each value a day to a month after the one left of it (a text date may cross a new year). */
const rising = (xs: number[], step: (a: number, b: number) => number) => xs.every((x, k) => k === 0 || (step(xs[k - 1]!, x) >= 1 && step(xs[k - 1]!, x) <= 31));
const serialStep = (a: number, b: number) => b - a;
const textStep = (a: number, b: number) => (b - a + 365) % 365;
/** 1, 2 … n, 1, 2 …: each next day the following one, or 1 after a month's last (28–31). */
export const daysOfMonth = (xs: number[]) => xs.every((d, k) => k === 0 || d === xs[k - 1]! + 1 || (d === 1 && xs[k - 1]! >= 28));
/** 7, 14, 21, 28, 5 …: each next day a week later, in the next month after a month's last (28–31 days). */
export const weeksOfMonth = (xs: number[]) => xs.every((d, k) => k === 0 || d === xs[k - 1]! + 7 || (d <= 7 && xs[k - 1]! + 7 - d >= 28 && xs[k - 1]! + 7 - d <= 31));

/**
 * The columns of the date grids in the header rows top…bottom (0-based): runs of MIN_RUN or more
 * adjacent cells of one row holding rising dates (as dates, or as text 10/6), the days of a month (each
 * day, or each week's first: 7 14 21 28 5 under 4月 | 5月), or week numbers.
 */
export function dateGridColumns(ix: SheetIndex, top: number, bottom: number): Set<number> {
  const out = new Set<number>();
  for (let r = top; r <= bottom; r++) {
    const cells = ix.row(r)?.cells ?? [];
    for (const [read, ok] of [
      [serialOf, (xs: number[]) => rising(xs, serialStep)],
      [textDay, (xs: number[]) => rising(xs, textStep)],
      [monthDay, daysOfMonth],
      [monthDay, weeksOfMonth],
    ] as const) {
      let run: { c: number; v: number }[] = [];
      const close = () => {
        if (run.length >= MIN_RUN && ok(run.map((x) => x.v))) for (const x of run) out.add(x.c);
        run = [];
      };
      for (const cell of cells) {
        const v = read(cell);
        const last = run.at(-1);
        if (v === null || (last && (cell.c !== last.c + 1 || !ok([last.v, v])))) close();
        if (v !== null) run.push({ c: cell.c, v });
      }
      close();
    }
    for (const run of weekRunsOfRow(cells, new Set())) if (run.n.length >= MIN_RUN) for (let k = 0; k < run.n.length; k++) out.add(run.c + k);
    for (const run of weekdayRuns(cells)) for (let k = 0; k < run.n; k++) out.add(run.c + k);
    for (const run of monthPartRuns(cells, new Set())) for (let k = 0; k < run.n; k++) out.add(run.c + k);
  }
  return out;
}

// The weekdays as a day grid's heads write them, Monday first: letters (M T W T F S S — T and S stand
// for two days each), two or three letters, the whole name, and 月 火 水 木 金 土 日 (月曜, 月曜日, (月)).
const WEEKDAY_WORDS: RegExp[] = [
  /^(?:m|mo|mon|monday|月|月曜日?)$/i,
  /^(?:t|tu|tue|tues|tuesday|火|火曜日?)$/i,
  /^(?:w|we|wed|weds|wednesday|水|水曜日?)$/i,
  /^(?:t|th|thu|thur|thurs|thursday|木|木曜日?)$/i,
  /^(?:f|fr|fri|friday|金|金曜日?)$/i,
  /^(?:s|sa|sat|saturday|土|土曜日?)$/i,
  /^(?:s|su|sun|sunday|日|日曜日?)$/i,
];

/** The weekdays (0 Monday … 6 Sunday) a head may name: none, one, or two for a letter (T, S). */
export function weekdaysOf(cell: Cell | undefined): number[] {
  if (cell?.t !== 's' || typeof cell.v !== 'string' || cell.v.length > 12) return [];
  const word = cell.v.normalize('NFKC').trim().replace(/^[(（](.+)[)）]$/, '$1').replace(/\.$/, '');
  return WEEKDAY_WORDS.flatMap((re, d) => (re.test(word) ? [d] : []));
}

/** The day after weekday `a` in a grid: the next one, or Monday after a Friday or a Saturday (a grid of working days). */
const nextWeekday = (a: number, b: number) => b === (a + 1) % 7 || (b === 0 && (a === 4 || a === 5));

/**
 * Runs of MIN_RUN or more adjacent cells of one row each naming the weekday after the one left of it
 * (M T W TH F M T …, 月 火 水 木 金 土 日): a day grid under weeks or phases with no date in its heads.
 * A letter standing for two days is read as whichever goes on the run (T after M is Tuesday, after W Thursday).
 */
function weekdayRuns(cells: Cell[]): { c: number; n: number }[] {
  const out: { c: number; n: number }[] = [];
  let run: { c: number; n: number; can: number[] } | null = null;
  const close = () => {
    if (run && run.n >= MIN_RUN) out.push({ c: run.c, n: run.n });
    run = null;
  };
  for (const cell of cells) {
    const days = weekdaysOf(cell);
    const on = run && cell.c === run.c + run.n ? days.filter((b) => run!.can.some((a) => nextWeekday(a, b))) : [];
    if (run && on.length > 0) {
      run.n++;
      run.can = on;
      continue;
    }
    close();
    if (days.length > 0) run = { c: cell.c, n: 1, can: days };
  }
  close();
  return out;
}

/** One column of a gantt band and the days it stands for: Excel serials, inclusive. */
export interface BandColumn {
  c: number;
  from: number;
  to: number;
}

/**
 * The longest run of adjacent cells in one of the rows 0…lastHeaderRow, outside `skip` (the table's own
 * columns), holding dates each a day to a month after the one left of it: a band's heads, each column
 * standing for the days up to the next head (the last one for as many as the step before it). Null under
 * MIN_RUN columns. The import reads a plan painted under such heads (band-dates.ts) and the export paints
 * it again (services/export/gantt-marks.ts) by the same columns.
 */
export function serialBand(ix: SheetIndex, lastHeaderRow: number, skip: Set<number>, opts: { today?: string; date1904?: boolean } = {}): BandColumn[] | null {
  let best: { c: number; serials: number[] } | null = null;
  for (let r = 0; r <= lastHeaderRow; r++) {
    // Runs of cells in adjacent columns; a run counts only when every one of its cells is a rising date.
    const runs: { c: number; cells: Cell[] }[] = [];
    for (const cell of ix.row(r)?.cells ?? []) {
      if (skip.has(cell.c)) continue;
      const last = runs.at(-1);
      if (last && last.c + last.cells.length === cell.c) last.cells.push(cell);
      else runs.push({ c: cell.c, cells: [cell] });
    }
    for (const run of runs) {
      const serials = run.cells.map(serialOf);
      if (serials.every((x) => x !== null) && rising(serials as number[], serialStep) && (!best || run.cells.length >= best.serials.length)) best = { c: run.c, serials: serials as number[] };
    }
  }
  if (!best || best.serials.length < MIN_RUN) return weekHeadBand(ix, lastHeaderRow, skip, opts) ?? monthPartsBand(ix, lastHeaderRow, skip, opts);
  const { c, serials } = best;
  const lastStep = serials.length > 1 ? serials.at(-1)! - serials.at(-2)! : 1;
  return serials.map((from, k) => ({ c: c + k, from, to: (serials[k + 1] ?? from + lastStep) - 1 }));
}

/**
 * Heads numbering the weeks (W1 … W20, 第1週 …) in a header row, the longest run, as a band of a week per
 * column from the day a note or the project's start gives week 1 (week-band.ts); null without such heads
 * or without that day (nothing on the sheet dates them, so no task is dated from them).
 */
function weekHeadBand(ix: SheetIndex, lastHeaderRow: number, skip: Set<number>, opts: { today?: string; date1904?: boolean }): BandColumn[] | null {
  const heads = weekHeadRun(ix, lastHeaderRow, skip);
  if (!heads) return null;
  const weekOne = weekOneStart(ix, opts.today ?? localToday());
  return weekOne === null ? null : weekBand(heads, weekOne, opts.date1904);
}

/**
 * The one reader of week-number heads for a band (the import's, here, and the export's gantt-week-labels.ts):
 * the longest run of adjacent heads in the rows 0…lastHeaderRow, outside `skip`, each the week after the
 * one left of it (nextWeek); null under MIN_RUN heads.
 */
export function weekHeadRun(ix: SheetIndex, lastHeaderRow: number, skip: Set<number>): { c: number; n: number[] } | null {
  let best: { c: number; n: number[] } | null = null;
  for (let r = 0; r <= lastHeaderRow; r++)
    for (const run of weekRunsOfRow(ix.row(r)?.cells ?? [], skip)) if (!best || run.n.length > best.n.length) best = run;
  return best && best.n.length >= MIN_RUN ? best : null;
}

/**
 * The runs of week-number heads in one row's cells, each head the week after the one left of it. A week
 * the client named instead of numbering it (W17 | GW | W19, 第3週 | GW | 第1週 under 5月, 盆, 年末年始) or
 * left blank is still a week of the run when the numbers go on across it as if it were there: it takes
 * the number it stands for. Two such columns side by side end the run, and so does a column of the table.
 */
function weekRunsOfRow(cells: Cell[], skip: Set<number>): { c: number; n: number[] }[] {
  const out: { c: number; n: number[] }[] = [];
  let run: { c: number; n: number[] } | null = null;
  for (const cell of cells) {
    const table = skip.has(cell.c);
    const n = table ? null : weekNumber(cell);
    if (n === null) {
      // A named week: kept only if the number after it goes on across it (checked there). The table's own
      // column is never a week, whatever its head says.
      if (run && !table && run.c + run.n.length === cell.c && cell.t === 's' && String(cell.v).trim().length <= 8) continue;
      run = null;
      continue;
    }
    const end = run ? run.c + run.n.length : -1;
    const prev = run?.n.at(-1);
    if (run && cell.c === end && nextWeek(prev!, n)) run.n.push(n);
    else if (run && cell.c === end + 1 && !skip.has(end) && [prev! + 1, 1].some((m) => nextWeek(prev!, m) && nextWeek(m, n))) {
      run.n.push(nextWeek(prev! + 1, n) ? prev! + 1 : 1, n);
    } else {
      run = { c: cell.c, n: [n] };
      out.push(run);
    }
  }
  return out;
}

/**
 * The parts of a month a gantt may give a column each, in order: 旬 (上旬 | 中旬 | 下旬, the 1st–10th, the
 * 11th–20th, the 21st to the month's end), early / mid / late, or halves (前半 | 後半, the 1st–15th and the rest).
 */
const MONTH_PARTS: { words: RegExp[]; starts: number[] }[] = [
  { words: [/^(?:上旬|初旬|上)$/, /^(?:中旬|中)$/, /^(?:下旬|下)$/], starts: [1, 11, 21] },
  { words: [/^(?:early|beginning|begin)$/i, /^(?:mid|middle)$/i, /^(?:late|end)$/i], starts: [1, 11, 21] },
  { words: [/^前半$/, /^後半$/], starts: [1, 16] },
  { words: [/^(?:1st|first) half$/i, /^(?:2nd|second) half$/i], starts: [1, 16] },
];

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month head as a gantt writes it: 2026年4月, 4月, 2026/4, Apr, April 2026, Apr-26, or a date cell (any day of the month). */
export function monthHead(cell: Cell | undefined, date1904 = false): { y: number | null; m: number } | null {
  if (!cell) return null;
  const serial = serialOf(cell);
  if (serial !== null) {
    const iso = serialToIso(serial, date1904);
    return iso ? { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) } : null;
  }
  if (cell.t !== 's') return null;
  const s = (cell.v as string).normalize('NFKC').trim();
  let m = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月$/.exec(s) ?? /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { y: m[1] ? Number(m[1]) : null, m: Number(m[2]) } : null;
  m = /^([a-z]{3})[a-z]*\.?(?:[\s'-]+(\d{2}|\d{4}))?$/i.exec(s);
  const at = m ? ENGLISH_MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (!m || at < 0) return null;
  return { y: m[2] ? (m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2])) : null, m: at + 1 };
}

/** Runs of adjacent cells of one row (outside `skip`) naming the parts of a month in order, over whole months: the first column and the parts' set. */
function monthPartRuns(cells: Cell[], skip: Set<number>): { c: number; n: number; parts: (typeof MONTH_PARTS)[number] }[] {
  const out: { c: number; n: number; parts: (typeof MONTH_PARTS)[number] }[] = [];
  const word = (cell: Cell) => (cell.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '');
  for (const parts of MONTH_PARTS) {
    let run: { c: number; n: number } | null = null;
    const close = () => {
      if (run && run.n >= MIN_RUN && run.n % parts.words.length === 0) out.push({ ...run, parts });
      run = null;
    };
    for (const cell of cells) {
      const k = skip.has(cell.c) ? -1 : parts.words.findIndex((w) => w.test(word(cell)));
      if (run && cell.c === run.c + run.n && k === run.n % parts.words.length) run.n++;
      else {
        close();
        if (k === 0) run = { c: cell.c, n: 1 };
      }
    }
    close();
  }
  return out;
}

/**
 * A gantt whose columns are parts of months (上旬 | 中旬 | 下旬 under 2026年4月 | 5月 …, Early | Mid | Late
 * under Apr 2026 …): each column the days of its part, the month read from the head over its first part
 * (in a row above, merged across the month's parts or not), months running on one after another. The year
 * is the heads' own (2026年4月, a date cell), carried on across a new year; where no head says it, the
 * year nearest `today`. Null without such a run of MIN_RUN columns or a month head over each month.
 * Blind set 8, B1: a plan painted per 旬 gave no dates.
 */
function monthPartsBand(ix: SheetIndex, lastHeaderRow: number, skip: Set<number>, opts: { today?: string; date1904?: boolean }): BandColumn[] | null {
  let best: { r: number; c: number; n: number; parts: (typeof MONTH_PARTS)[number] } | null = null;
  for (let r = 1; r <= lastHeaderRow; r++) for (const run of monthPartRuns(ix.row(r)?.cells ?? [], skip)) if (!best || run.n > best.n) best = { r, ...run };
  if (!best) return null;
  const { r, c, n, parts } = best;
  const width = parts.words.length;
  // The month over each month's first part: the nearest head above it (its own cell or a merge's).
  const heads: { y: number | null; m: number }[] = [];
  for (let k = 0; k < n; k += width) {
    let head: { y: number | null; m: number } | null = null;
    for (let up = r - 1; up >= 0 && !head; up--) {
      const merge = ix.mergeAt(up, c + k);
      head = monthHead(merge ? ix.cell(merge.r1, merge.c1) : ix.cell(up, c + k), opts.date1904);
    }
    if (!head) return null;
    heads.push(head);
  }
  if (heads.some((h, i) => i > 0 && h.m !== (heads[i - 1]!.m % 12) + 1)) return null;
  // Months as y * 12 + (m - 1), from the first head whose year is written, else the year nearest today.
  // (The k-th month is the first's k months on: a head with its year fixes the first month.)
  const known = heads.findIndex((h) => h.y !== null);
  const start = known >= 0 ? heads[known]!.y! * 12 + heads[known]!.m - 1 - known : Number((nearestYear(heads[0]!.m, 1, opts.today ?? localToday()) ?? '').slice(0, 4)) * 12 + heads[0]!.m - 1;
  if (!Number.isInteger(start)) return null;
  const out: BandColumn[] = [];
  for (let k = 0; k < n; k++) {
    const month = start + Math.floor(k / width);
    const [y, m] = [Math.floor(month / 12), (month % 12) + 1];
    const part = k % width;
    const from = isoToSerial(ymd(y, m, parts.starts[part]!) ?? '', opts.date1904);
    const next = part + 1 < width ? ymd(y, m, parts.starts[part + 1]!) : ymd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
    const to = isoToSerial(next ?? '', opts.date1904);
    if (from === null || to === null) return null;
    out.push({ c: c + k, from, to: to - 1 });
  }
  return out;
}

/**
 * The layout's columns without those that lie inside a date grid of the header: each no field took, and a
 * head merged across several of the grid's days (PHASE 2 over weeks of M T W TH F, 4月 over its days),
 * which names the days under it, never a field's values, whatever its word (a phase, a month) says.
 */
export function withoutDateGrid(ix: SheetIndex, columns: ColumnMapping[], top: number, bottom: number): ColumnMapping[] {
  if (!columns.some((m) => m.field === null || m.span > 1)) return columns;
  const grid = dateGridColumns(ix, top, bottom);
  if (grid.size === 0) return columns;
  const inGrid = (m: ColumnMapping) => Array.from({ length: m.span }, (_, k) => m.c + k).every((c) => grid.has(c));
  return columns.filter((m) => !((m.field === null || m.span > 1) && inGrid(m)));
}
