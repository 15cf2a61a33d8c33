// Merged ranges for a sheet PMO Desk writes from scratch (the status report, the minutes). ExcelJS's
// mergeCells checks each new range against every merge the sheet has: a report whose 3,000 task rows
// each merge their name over five columns took ~50 s, nearly all in that check. Here each covered cell
// is remembered, so the same check costs the new range's own size; ExcelJS then merges it against an
// empty list (the check done) and the range joins the sheet's own.
import type ExcelJS from 'exceljs';

/** The sheet's merge index as ExcelJS 4 keeps it (worksheet.js `_merges`: master address → range). */
type WithMerges = { _merges: Record<string, unknown> };

export class SheetMerges {
  private readonly taken = new Set<number>();

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  /** Merges rows r1–r2 × columns c1–c2 (1-based); throws, as ExcelJS does, on a cell already merged. */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    const keys: number[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) keys.push(r * 16_384 + c);
    if (keys.some((k) => this.taken.has(k))) throw new Error('Cannot merge already merged cells');
    for (const k of keys) this.taken.add(k);
    const ws = this.ws as unknown as WithMerges;
    const all = ws._merges;
    ws._merges = {};
    try {
      this.ws.mergeCells(r1, c1, r2, c2);
    } finally {
      Object.assign(all, ws._merges);
      ws._merges = all;
    }
  }
}
