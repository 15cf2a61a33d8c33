// A gantt of weeks headed by their numbers only (W1 … W20, 第1週, Week 1, 1週目) with no date over them:
// nothing in the header says which days a column stands for, but the template's dated rows do — each
// row's first and last painted week hold its start and finish. The first week's day that most rows agree
// on is the band's start (Monday first, then Sunday, on a tie); learnBand then keeps the band only where
// the rows follow it, as for a band under dates. The numbers may start again — 第1週…第4週 (第5週) under
// each month's head (4月 | 5月 …), W52 → W1 at a new year — but each column is still the week after the
// one left of it, so the band is the whole run of heads and its days are still the painted rows' (a month
// row over the weeks says no more than they do: their votes already fall within one week).
import { serialToIso } from '../../../common/excel/client-dates.js';
import { weekHeadRun, type BandColumn } from '../../excel/import/date-grid.js';
import type { SheetIndex } from '../../excel/import/sheet-index.js';
import type { BandRecord } from './gantt-marks.js';

/** Candidate bands for week-number heads in the header rows (0…lastHeaderRow), best first; none without such heads or dated painted rows. */
export function weekLabelBands(ix: SheetIndex, lastHeaderRow: number, tableColumns: Set<number>, records: BandRecord[], date1904 = false): BandColumn[][] {
  const best = weekHeadRun(ix, lastHeaderRow, tableColumns);
  if (!best) return [];
  const { c, n } = best;
  const width = n.length;
  const fills = new Set<string>();
  const f = ix.sheet.fills ?? [];
  for (let k = 0; k + 2 < f.length; k += 3) if (f[k + 1]! >= c && f[k + 1]! < c + width) fills.add(`${f[k]}:${f[k + 1]}`);
  // Each dated row votes for the first days of the band's first week its paint allows: its start in its
  // first painted week, its finish in its last. A row painted in every week (a phase's colour) says nothing.
  const votes = new Map<number, number>();
  for (const rec of records) {
    if (rec.start === null || rec.finish === null || rec.start > rec.finish) continue;
    const painted: number[] = [];
    for (let k = 0; k < width; k++) {
      const x = ix.cell(rec.row, c + k);
      if ((x !== undefined && x.v !== null && String(x.v).trim() !== '') || fills.has(`${rec.row}:${c + k}`)) painted.push(k);
    }
    if (painted.length === 0 || painted.length === width) continue;
    const [a, b] = [painted[0]!, painted.at(-1)!];
    const lo = Math.max(rec.start - 7 * a - 6, rec.finish - 7 * b - 6);
    const hi = Math.min(rec.start - 7 * a, rec.finish - 7 * b);
    for (let s = lo; s <= hi; s++) votes.set(s, (votes.get(s) ?? 0) + 1);
  }
  const most = Math.max(0, ...votes.values());
  if (most === 0) return [];
  const weekday = (serial: number) => new Date(`${serialToIso(serial, date1904)}T00:00:00Z`).getUTCDay();
  const rank = (s: number) => [1, 0].indexOf(weekday(s)) + 1 || 3; // Monday, Sunday, then any other day
  const starts = [...votes].filter(([, v]) => v === most).map(([s]) => s).sort((x, y) => rank(x) - rank(y) || x - y);
  return starts.map((s) => n.map((_, k) => ({ c: c + k, from: s + 7 * k, to: s + 7 * k + 6 })));
}
