// Finds the table of an import target in a workbook: the sheet and the header rows whose words name
// the most fields (the key field — task name, title — required), wherever the table starts (title
// blocks above it, far from A1, headers of several rows, merged). Every sheet's first rows are scored
// on header words alone; the best few are then re-scored with the cells under them, so a column's
// contents confirm or overrule its header word.
import { DEFAULT_VOCABULARIES, REGISTERS, VOCAB_LISTS, type Vocabularies } from '../registers.js';
import { localToday } from '../dates.js';
import type { ImportTarget } from './fields.js';
import { columnLabel, headerColumns, MAX_HEADER_ROWS, type HeaderColumn } from './header.js';
import { assignFields, type ColumnMapping, type SampleContext } from './mapping.js';
import type { Cell, WorkbookModel } from './model.js';
import { SheetIndex } from './sheet-index.js';

/** Rows (with values) of each sheet searched for the header. */
export const HEADER_SCAN_ROWS = 100;
/** Rows a header may cover with cells merged down. */
export const MAX_HEADER_EXTENT = 6;
/** Rows under a header whose cells check the columns' types. */
export const SAMPLE_ROWS = 30;

/** Where a table sits and what its columns are: what detection finds, a profile stores, a user fixes. */
export interface TableLayout {
  target: ImportTarget;
  sheet: string;
  /** Header rows, 0-based, inclusive. */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMapping[];
  /** How well the header words and cells fit the target (higher is better; for comparing candidates). */
  score: number;
}

export interface DetectOptions {
  /** The project's value lists (defaults when absent). */
  vocab?: Vocabularies;
  /** yyyy-mm-dd: the day dates without a year are read against (today when absent). */
  reference?: string;
  /** Look at this sheet only. */
  sheet?: string;
}

export type Detection =
  | { ok: true; layout: TableLayout; candidates: { sheet: string; headerTop: number; score: number }[] }
  | { ok: false; reason: string };

export function defaultVocabularies(): Vocabularies {
  const out = {} as Vocabularies;
  for (const list of VOCAB_LISTS) out[list] = { list, customized: false, items: DEFAULT_VOCABULARIES[list].map((i) => ({ ...i })) };
  return out;
}

const KEY_WORDS: Record<ImportTarget, string> = {
  wbs: 'a task name column (タスク名/作業名/件名/Task/Activity)',
  risk: 'a risk title column (リスク/件名/Title/Risk)',
  issue: 'an issue title column (課題/課題名/件名/Issue/Title)',
  change: 'a change title column (件名/変更件名/Title/Change)',
};

interface Candidate {
  sheet: number;
  ix: SheetIndex;
  top: number;
  bottom: number;
  header: HeaderColumn[];
  score: number;
  /** The last header row counting cells merged down from the header (see extendedBottom). */
  extended: number;
}

/**
 * Header cells merged further down (No over rows 3–5) keep the rows they cover in the header, even
 * when those rows add nothing to the column names (a timeline's week and day rows, a second label).
 */
function extendedBottom(ix: SheetIndex, top: number, bottom: number, columns: ColumnMapping[]): number {
  let out = bottom;
  for (const m of columns)
    if (m.field !== null)
      for (let r = top; r <= bottom; r++) {
        const merge = ix.mergeAt(r, m.c);
        if (merge && merge.r1 >= top && merge.r2 > out) out = Math.min(merge.r2, top + MAX_HEADER_EXTENT - 1);
      }
  return out;
}

/** The first header row counting cells merged down into the header from rows above it. */
function extendedTop(ix: SheetIndex, top: number, columns: ColumnMapping[]): number {
  let out = top;
  for (const m of columns) {
    const merge = ix.mergeAt(top, m.c);
    if (merge && merge.r1 < out && merge.r1 >= top - MAX_HEADER_EXTENT + 1) out = merge.r1;
  }
  return out;
}

/** Cells under a header column: the first SAMPLE_ROWS rows with values below the header. */
function sampler(ix: SheetIndex, bottom: number): (col: HeaderColumn) => Cell[] {
  const rows = ix.sheet.rows.filter((r) => r.r > bottom).slice(0, SAMPLE_ROWS);
  return (col) => {
    const out: Cell[] = [];
    for (const row of rows)
      for (const cell of row.cells) if (cell.c >= col.c && cell.c < col.c + col.span) {
        out.push(cell);
        break;
      }
    return out;
  };
}

/** Non-text cells in the header rows under columns that matched a field: header rows hold words. */
function numbersInHeader(ix: SheetIndex, top: number, bottom: number, columns: ColumnMapping[]): number {
  let n = 0;
  for (let r = top; r <= bottom; r++)
    for (const cell of ix.row(r)?.cells ?? [])
      if (cell.t !== 's' && columns.some((m) => m.field !== null && cell.c >= m.c && cell.c < m.c + m.span)) n++;
  return n;
}

export function detectLayout(model: WorkbookModel, target: ImportTarget, opts: DetectOptions = {}): Detection {
  const ctx: SampleContext = {
    vocab: opts.vocab ?? defaultVocabularies(),
    date1904: model.date1904,
    reference: opts.reference ?? localToday(),
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
  };
  const found: Candidate[] = [];
  model.sheets.forEach((sheet, s) => {
    if (sheet.skipped || sheet.state === 'veryHidden' || sheet.rows.length === 0) return;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) return;
    const ix = new SheetIndex(sheet);
    let best: Candidate | null = null;
    for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
      if (!row.cells.some((c) => c.t === 's')) continue;
      for (let h = 1; h <= MAX_HEADER_ROWS; h++) {
        const bottom = row.r + h - 1;
        const header = headerColumns(ix, row.r, bottom);
        if (header.length < 2) continue;
        const a = assignFields(target, header);
        if (!a.hasKey) continue;
        let score = a.score - 0.5 * numbersInHeader(ix, row.r, bottom, a.columns) - 0.05 * (h - 1);
        if (sheet.state === 'hidden') score *= 0.8;
        if (!best || score > best.score + 1e-9) best = { sheet: s, ix, top: row.r, bottom, header, score, extended: bottom };
      }
    }
    if (best) {
      best.extended = extendedBottom(best.ix, best.top, best.bottom, assignFields(target, best.header).columns);
      found.push(best);
    }
  });
  if (found.length === 0) {
    const looked = model.sheets.map((s) => (s.skipped ? `${s.name} (skipped: ${s.skipped})` : s.name)).join(', ');
    return { ok: false, reason: `No table with ${KEY_WORDS[target]} was found (sheets looked at: ${looked || 'none'})` };
  }
  // Re-score the best candidates with the cells under their headers.
  const finals = found
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((cand) => {
      const a = assignFields(target, cand.header, { cells: sampler(cand.ix, cand.extended), ctx });
      const penalty = numbersInHeader(cand.ix, cand.top, cand.bottom, a.columns);
      const hidden = model.sheets[cand.sheet]!.state === 'hidden' ? 0.8 : 1;
      return { cand, a, score: a.hasKey ? (a.score - 0.5 * penalty - 0.05 * (cand.bottom - cand.top)) * hidden : -Infinity };
    })
    .sort((x, y) => y.score - x.score || x.cand.sheet - y.cand.sheet);
  const win = finals[0]!;
  if (win.score === -Infinity) return { ok: false, reason: `No table with ${KEY_WORDS[target]} was found` };
  const bottom = win.cand.extended;
  // A header whose cells are merged down from the row above (No over rows 3–4, 対応 over 担当者 /
  // 期限) starts at that row: scored alike, the one-row header under it won only by being shorter, and
  // its group words (対応) would be lost.
  const top = extendedTop(win.cand.ix, win.cand.top, win.a.columns);
  if (top < win.cand.top) {
    const header = headerColumns(win.cand.ix, top, bottom);
    // Taken when it maps the same columns to the same fields (its group words only add to labels).
    const a = assignFields(target, header, { cells: sampler(win.cand.ix, bottom), ctx });
    const fieldsOf = (cols: ColumnMapping[]) => cols.map((m) => `${m.column}=${m.field}`).filter((x) => !x.endsWith('=null')).join(',');
    if (a.hasKey && fieldsOf(a.columns) === fieldsOf(win.a.columns)) {
      win.cand.top = top;
      win.a = a;
    }
  }
  return {
    ok: true,
    layout: {
      target,
      sheet: model.sheets[win.cand.sheet]!.name,
      headerTop: win.cand.top,
      headerBottom: bottom,
      columns: win.a.columns,
      score: Math.round(win.score * 1000) / 1000,
    },
    candidates: finals.map((f) => ({ sheet: model.sheets[f.cand.sheet]!.name, headerTop: f.cand.top, score: Math.round(f.score * 1000) / 1000 })),
  };
}

/** Which target a workbook most looks like (for a first suggestion in the UI), best first. */
export function rankTargets(model: WorkbookModel, opts: DetectOptions = {}): { target: ImportTarget; score: number }[] {
  return (['wbs', 'risk', 'issue', 'change'] as const)
    .map((target) => {
      const d = detectLayout(model, target, opts);
      return { target, score: d.ok ? d.layout.score : 0 };
    })
    .sort((a, b) => b.score - a.score);
}


/**
 * The layout of a header the user points at (sheet and 0-based rows), its columns mapped as detection
 * would map them there; null when the sheet does not exist or those rows hold no header words.
 */
export function layoutAt(model: WorkbookModel, target: ImportTarget, sheetName: string, top: number, bottom: number, opts: DetectOptions = {}): TableLayout | null {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet || sheet.skipped) return null;
  const ix = new SheetIndex(sheet);
  const header = headerColumns(ix, top, bottom);
  if (header.length === 0) return null;
  const ctx: SampleContext = {
    vocab: opts.vocab ?? defaultVocabularies(),
    date1904: model.date1904,
    reference: opts.reference ?? localToday(),
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
  };
  const a = assignFields(target, header, { cells: sampler(ix, bottom), ctx });
  return { target, sheet: sheet.name, headerTop: top, headerBottom: bottom, columns: a.columns, score: Math.round(a.score * 1000) / 1000 };
}

/**
 * What identifies a client's header: each column's letter and words (NFKC, spaces removed), in order.
 * A workbook that comes back with the same header is found to be the same format.
 */
export function headerSignature(model: WorkbookModel, sheetName: string, top: number, bottom: number): string | null {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet || sheet.skipped) return null;
  const header = headerColumns(new SheetIndex(sheet), top, bottom);
  if (header.length === 0) return null;
  return header.map((h) => `${columnLabel(h.c, h.span)}=${h.label.normalize('NFKC').replace(/\s+/g, '')}`).join('|');
}
