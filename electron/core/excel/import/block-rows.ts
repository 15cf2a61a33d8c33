// Records that spend two sheet rows each, told apart by a label column: a plan row and an actual row
// (予定/実績, 計画/実績, Plan/Actual, P/A) with the dates — often the effort and progress too — in the same
// columns (blind set 3, H8). The two rows are one record: a date column's cell on the plan row is the
// planned date, on the actual row the actual date. The layout says so per field (ColumnMapping.rowOffset:
// the row of the record's block the field stands on) and names the label column (blockLabels: its word on
// each row), which is structure, not a value of the record: the import reads each field from its row, and
// the export writes it there and labels a new record's rows as the client does.
import { columnName, type Cell } from '../../../common/excel/model.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import { fieldSpec, KEY_FIELD, type ImportTarget } from '../../../common/excel/fields.js';
import type { Vocabularies } from '../../../common/registers.js';
import type { SheetIndex } from './sheet-index.js';
import { matchLabel } from './synonyms.js';
import { extraKeys, fit, MIN_CONFIDENCE } from './mapping.js';
import { columnLabel } from './header-rows.js';
import { defaultVocabularies } from './detect.js';
import { localToday } from '../../../common/dates.js';

/** Words of a plan row and an actual row (bracketed or with a colon too: 【予定】, (実績), Plan:). */
const PLAN_WORD = /^(?:予定|計画|当初|予|計|plan|planned|plans|baseline|target|estimate|est|p)$/i;
const ACTUAL_WORD = /^(?:実績|実施|実|actual|actuals|act|result|a)$/i;
/** The planned field of a plan row → the field its column holds on the actual row. */
const ACTUAL_OF: Record<string, string> = { plannedStart: 'actualStart', plannedFinish: 'actualFinish', plannedEffort: 'actualEffort' };
/** How many rows under the header are looked at to find the label column. */
const SAMPLE_ROWS = 5_000;
/** What a stacked header's cells are read with: the project's lists and the reference day (defaults when absent). */
export interface CellWords {
  vocab?: Vocabularies;
  today?: string;
}

/** Records whose cells say whether a stacked header's word can name its row's field. */
const STACKED_SAMPLE = 40;

const bare = (s: string) => s.normalize('NFKC').trim().replace(/^[【\[(（<＜]\s*|\s*[】\])）>＞]$|\s*[:：]$/g, '').trim();

function labelText(cell: Cell | undefined): string {
  return cell && cell.t === 's' ? bare(cell.v as string) : '';
}

/** Which row of a two-row record a label cell names (0: plan, 1: actual), or -1. */
export function blockLabelRow(cell: Cell | undefined, labels: readonly string[]): number {
  const text = labelText(cell);
  if (text === '') return -1;
  return labels.findIndex((l) => bare(l).toLowerCase() === text.toLowerCase());
}

/**
 * Whether the row `below` a record's first row names no record of its own: each name cell blank, hidden
 * under a merge from the rows above, or the first row's name again. A 予定 row's 実績 row does so; a pair
 * whose second row has a name of its own is two records, not a sign of two-row records (a 区分 of 計画 /
 * 実施 tasks, a Type of Plan / Actual milestones: review T3, each such task was glued onto the one above).
 */
export function namelessBelow(ix: SheetIndex, top: number, below: number, name: { c: number; span: number } | undefined): boolean {
  if (!name) return true;
  const text = (r: number, c: number) => {
    const cell = ix.cell(r, c);
    return !cell ? '' : cell.t === 's' ? (cell.v as string).normalize('NFKC').trim() : String(cell.v);
  };
  for (let c = name.c; c < name.c + name.span; c++) {
    const merge = ix.mergeAt(below, c);
    if (merge && merge.r1 < below) continue;
    const own = text(below, c);
    if (own !== '' && own !== text(top, c)) return false;
  }
  return true;
}

/**
 * Columns split per row by a stacked header (件名 over 担当: each row's field chosen on its own), not a
 * 予定/実績 plan's label column with its actual twins (they follow the first row's field).
 */
export function stackedByRow(columns: readonly ColumnMapping[]): boolean {
  return columns.some((m) => m.rowOffset) && !columns.some((m) => m.blockLabels);
}

/** Columns whose cells the record's second row holds a value of its own (read and written there, never joined). */
export function blockColumns(columns: readonly ColumnMapping[]): Set<number> {
  const out = new Set<number>();
  if (!columns.some((m) => m.blockLabels || m.rowOffset)) return out;
  for (const m of columns) if (m.blockLabels || m.rowOffset || columns.some((x) => x !== m && x.rowOffset && x.c === m.c)) for (let k = 0; k < m.span; k++) out.add(m.c + k);
  return out;
}

/**
 * The layout's columns with the two-row reading where a column labels the rows of each record plan
 * then actual: that column becomes the label (no field, no extra), each planned date or effort column
 * gets its actual twin on the record's second row (unless another column holds that field), and a
 * field whose values stand only on actual rows (a progress typed on the 実績 row) is read there. A
 * layout that already says so (a profile's) is kept, less the second-row fields the user took away.
 */
export function withBlockRows(ix: SheetIndex, layout: { target: ImportTarget; headerTop: number; headerBottom: number; columns: ColumnMapping[] }, detect = true, words: CellWords = {}): ColumnMapping[] {
  const { target, headerBottom } = layout;
  let columns = layout.columns;
  // (`detect` false: a saved layout that does not say so is read as saved, one row per record: review T5.)
  // A register whose header stacks two words in a column (件名 over 担当) over records of two rows. A plan
  // whose 予定/実績 label column tells its two rows apart is read by that column, whatever its header's
  // rows hold (a group word over the dates, a hint under them: review U5).
  if (detect && !columns.some((m) => m.rowOffset || m.blockLabels)) {
    const stacked = stackedHeader(ix, layout, words);
    if (stacked && !(target === 'wbs' && labelColumnOf(ix, headerBottom, columns, target))) columns = stacked;
  }
  if (columns.some((m) => m.rowOffset) && !columns.some((m) => m.blockLabels)) return columns;
  if (columns.some((m) => m.blockLabels))
    return columns.flatMap((m) => {
      if (m.rowOffset && m.field === null) return [];
      // (The user's other choices made extra keys anew: the label column is still no extra.)
      if (!m.blockLabels || (m.extraKey === undefined && m.field === null)) return [m];
      const label = { ...m, field: null, confidence: 0 };
      delete label.extraKey;
      return [label];
    });
  // (`detect` false: a saved layout that does not say so is read as saved, one row per record.)
  if (target !== 'wbs' || !detect) return columns;
  const found = labelColumnOf(ix, headerBottom, columns, target);
  if (!found) return columns;
  if (!columns.includes(found.column)) columns = [...columns, found.column].sort((a, b) => a.c - b.c);
  const { column, plan, actual, planRows } = found;
  const out: ColumnMapping[] = [];
  const mapped = new Set(columns.flatMap((m) => (m.field === null ? [] : [m.field])));
  const blank = (cell: Cell | undefined) => !cell || (cell.t === 's' && (cell.v as string).trim() === '');
  for (const m of columns) {
    if (m === column) {
      const label: ColumnMapping = { ...m, field: null, confidence: 0, blockLabels: [plan, actual] };
      delete label.extraKey;
      delete label.numbering;
      out.push(label);
      continue;
    }
    if (m.field === null || m.field === KEY_FIELD[target]) {
      out.push(m);
      continue;
    }
    const twin = ACTUAL_OF[m.field];
    if (twin) {
      out.push(m);
      if (!mapped.has(twin)) out.push({ ...m, field: twin, label: `${m.label} / ${actual}`, rowOffset: 1 });
      continue;
    }
    // A field typed on the actual rows only (or, for a progress, on both: the plan row's is the plan's).
    const kind = fieldSpec(target, m.field)?.kind;
    const onPlan = planRows.filter((r) => !blank(ix.cell(r, m.c)) && !ix.mergeAt(r + 1, m.c)).length;
    const onActual = planRows.filter((r) => !blank(ix.cell(r + 1, m.c))).length;
    if (onActual > 0 && (onPlan === 0 || kind === 'progress') && (kind === 'progress' || kind === 'effort' || kind === 'date' || kind === 'wbsStatus')) out.push({ ...m, rowOffset: 1 });
    else out.push(m);
  }
  return out;
}

/** The label column of two-row records among the layout's columns and the headless ones of its span (labelColumn). */
function labelColumnOf(ix: SheetIndex, headerBottom: number, columns: ColumnMapping[], target: ImportTarget): ReturnType<typeof labelColumn> {
  const rows = ix.rowsBelow(headerBottom, SAMPLE_ROWS);
  // The label column may have no header word (a narrow column between the name and the dates): each
  // column of the table's span that no mapping covers is looked at too.
  const lo = Math.min(...columns.map((m) => m.c));
  const hi = Math.max(...columns.map((m) => m.c + m.span - 1));
  const headless: ColumnMapping[] = [];
  for (let c = lo; c <= hi; c++) if (!columns.some((m) => c >= m.c && c < m.c + m.span)) headless.push({ c, span: 1, column: columnName(c), label: '', field: null, confidence: 0 });
  return labelColumn(ix, rows.map((r) => r.r), [...columns, ...headless], target);
}

/**
 * A column of the table whose filled cells are, nearly all, a plan word on one row and an actual word
 * on the row right under it, two or more times: the label column of two-row records.
 */
function labelColumn(ix: SheetIndex, rows: number[], columns: ColumnMapping[], target: ImportTarget): { column: ColumnMapping; plan: string; actual: string; planRows: number[] } | null {
  const name = columns.find((m) => m.field === KEY_FIELD[target]);
  for (const m of columns) {
    if (m.span !== 1 || m.rowOffset) continue;
    if (m.field !== null) {
      const kind = fieldSpec(target, m.field)?.kind;
      if (m.field === KEY_FIELD[target] || (kind !== 'text' && kind !== 'category' && kind !== 'vocab' && kind !== 'wbsStatus')) continue;
    }
    let filled = 0;
    let labels = 0;
    const planRows: number[] = [];
    const words = { plan: new Map<string, number>(), actual: new Map<string, number>() };
    /** A cell merged down over the records naming both rows at once (予定\n実績, 予定/実績). */
    let both: { r: number; plan: string; actual: string } | null = null;
    for (const r of rows) {
      const cell = ix.cell(r, m.c);
      if (!cell || (cell.t === 's' && (cell.v as string).trim() === '')) continue;
      filled++;
      const text = labelText(cell);
      const pair = cell.t === 's' ? (cell.v as string).trim().split(/\s*[\n/／・|]\s*/).map(bare) : [];
      const merge = ix.mergeAt(r, m.c);
      if (pair.length === 2 && PLAN_WORD.test(pair[0]!) && ACTUAL_WORD.test(pair[1]!) && merge && merge.r1 === r && merge.r2 > r) {
        labels += 2;
        both ??= { r, plan: pair[0]!, actual: pair[1]! };
        continue;
      }
      if (PLAN_WORD.test(text)) {
        labels++;
        const next = labelText(ix.cell(r + 1, m.c));
        if (ACTUAL_WORD.test(next) && namelessBelow(ix, r, r + 1, name)) {
          planRows.push(r);
          words.plan.set(text, (words.plan.get(text) ?? 0) + 1);
          words.actual.set(next, (words.actual.get(next) ?? 0) + 1);
        }
      } else if (ACTUAL_WORD.test(text)) labels++;
    }
    // (One labelled pair will do where the column holds nothing else and the records under it are drawn
    // in pairs too, a named row over a nameless one: the client labelled the first block only.)
    const pairs = planRows.length === 1 && labels === 2 && filled === 2 && pairedBelow(ix, rows, planRows[0]! + 2, name) >= 2;
    // (Or where the one cell of the column names both rows, merged down over records drawn in pairs.)
    if (both && filled === 1 && planRows.length === 0 && pairedBelow(ix, rows, both.r, name) >= 2) return { column: m, plan: both.plan, actual: both.actual, planRows: [both.r] };
    if ((planRows.length >= 2 || pairs) && labels >= 0.8 * filled && planRows.length * 2 >= 0.8 * labels) {
      const most = (w: Map<string, number>) => [...w].sort((a, b) => b[1] - a[1])[0]![0];
      // As written in the sheet (the first plan row's own cell), for the labels of a new record's rows.
      const asWritten = (text: string, dr: number) => {
        for (const r of planRows) {
          const cell = ix.cell(r + dr, m.c);
          if (labelText(cell) === text) return (cell!.v as string).trim();
        }
        return text;
      };
      return { column: m, plan: asWritten(most(words.plan), 0), actual: asWritten(most(words.actual), 1), planRows };
    }
  }
  return null;
}

/**
 * How many records from row `from` on are drawn as a named row over a nameless one, in a run of such
 * pairs to the table's end (0 where a row breaks the run: a named row under a named row).
 */
function pairedBelow(ix: SheetIndex, rows: number[], from: number, name: { c: number; span: number } | undefined): number {
  if (!name) return 0;
  const named = (r: number) => {
    for (let c = name.c; c < name.c + name.span; c++) {
      const cell = ix.cell(r, c);
      if (cell && !(cell.t === 's' && (cell.v as string).trim() === '')) return true;
    }
    return false;
  };
  const filled = new Set(rows);
  let n = 0;
  for (let r = from; filled.has(r) && named(r); r += 2) {
    if (named(r + 1) || !namelessBelow(ix, r, r + 1, name)) return 0;
    n++;
  }
  // (The run must reach the last named row: one-row records further down are no layout of pairs.)
  return rows.some((r) => r >= from + 2 * n && named(r)) ? 0 : n;
}

/**
 * A header of two rows that names a field on each (件名 over 担当, 期限 over 備考; No and 状態 merged down
 * over both), over records of two rows (the No merged down over each record's two rows): each stacked
 * column is two fields, the top word's on the record's first row, the bottom word's on its second
 * (rowOffset 1). Null where the header is a group over sub-columns (a top word merged across columns),
 * where the records are not drawn two rows each, or where the split would leave the record without its key.
 */
function stackedHeader(ix: SheetIndex, layout: { target: ImportTarget; headerTop: number; headerBottom: number; columns: ColumnMapping[] }, words: CellWords): ColumnMapping[] | null {
  const { target, headerTop, headerBottom, columns } = layout;
  if (headerBottom !== headerTop + 1) return null;
  const word = (r: number, c: number) => {
    const cell = ix.cell(r, c);
    return cell && cell.t === 's' ? (cell.v as string).trim() : '';
  };
  // (A column may be a merged group of sheet columns, as 方眼紙 draw them: リスク事象 merged over G:T on one
  // row, 対応策 over G:T on the next. Each word stays inside the column; one merged over more columns is a
  // group's word over its sub-columns.)
  // (A group word over several words of its own on the next row — 担当者 over one column per person — is a
  // group over sub-columns: each row holds one word in the column, no more.)
  const within = (g: { c1: number; c2: number } | undefined, m: ColumnMapping) => !g || (g.c1 >= m.c && g.c2 <= m.c + m.span - 1);
  const oneWord = (r: number, m: ColumnMapping) => Array.from({ length: m.span }, (_, k) => word(r, m.c + k)).filter((w) => w !== '').length === 1;
  const first = headerBottom + 1;
  // A column with a word of its own on the top row only (its top cell not merged down over both rows).
  const topOnly = (m: ColumnMapping) => {
    const g = ix.mergeAt(headerTop, m.c);
    return word(headerTop, m.c) !== '' && oneWord(headerTop, m) && within(g, m) && (!g || g.r2 === headerTop);
  };
  // How many sheet columns the bottom word of column m spans: its own, or a merge from m over the next
  // columns (詳細 merged over D:E under 件名 | 担当) where each column it covers has its own top word and the
  // records' second rows are merged over the same columns (the record mirrors the header: the merged
  // bottom word is one field on the second row, not a hint under several heads). 0: not a stacked column.
  const bottomSpan = (m: ColumnMapping): number => {
    if (!topOnly(m) || word(headerBottom, m.c) === '' || !oneWord(headerBottom, m)) return 0;
    const h = ix.mergeAt(headerBottom, m.c);
    if (within(h, m)) return m.span;
    if (!h || h.c1 !== m.c || h.r1 !== headerBottom || h.r2 !== headerBottom) return 0;
    const covered = columns.filter((x) => x.c >= h.c1 && x.c <= h.c2);
    const last = covered[covered.length - 1]!;
    if (last.c + last.span - 1 !== h.c2 || covered.reduce((n, x) => n + x.span, 0) !== h.c2 - h.c1 + 1 || !covered.every(topOnly)) return 0;
    const mirror = ix.mergeAt(first + 1, m.c);
    return mirror && mirror.r1 === first + 1 && mirror.r2 === first + 1 && mirror.c1 === h.c1 && mirror.c2 === h.c2 ? h.c2 - h.c1 + 1 : 0;
  };
  const spans = new Map(columns.map((m) => [m, bottomSpan(m)]));
  const stacked = columns.filter((m) => spans.get(m)! > 0);
  if (stacked.length === 0) return null;
  // Records two rows each: cells merged down over exactly two rows from the first data row on, every
  // other row, in a column the header merges down over both its rows (No) or a stacked one.
  const blocks = columns.some((m) => {
    const h = ix.mergeAt(headerTop, m.c);
    if (!(h && h.r1 === headerTop && h.r2 === headerBottom && h.c1 === m.c) && !stacked.includes(m)) return false;
    let n = 0;
    for (let r = first; ; r += 2) {
      const g = ix.mergeAt(r, m.c);
      if (!g || g.r1 !== r || g.r2 !== r + 1) break;
      n++;
    }
    return n >= 2;
  });
  if (!blocks) return null;
  const taken = new Set(columns.filter((m) => m.field !== null && !stacked.includes(m)).map((m) => m.field!));
  // The cells of a column on the records' row k (0: first, 1: second), a few dozen records.
  const rowCells = (m: ColumnMapping, k: number): Cell[] => {
    const out: Cell[] = [];
    for (let r = first + k; out.length < STACKED_SAMPLE && r < first + STACKED_SAMPLE * 2; r += 2) {
      const cell = ix.cell(r, m.c);
      if (cell) out.push(cell);
    }
    return out;
  };
  // A word alone names its row's field only where that row's cells can be the field's values: Brought By
  // over names is no due date, whatever its "…By" (blind set 19, I2: the export then wrote a date over a
  // person's name). The word's other fields are tried in turn; none fitting, the column is the client's own.
  const ctx = { vocab: words.vocab ?? defaultVocabularies(), date1904: false, reference: words.today ?? localToday(), refPrefix: '' };
  const best = (text: string, cells: Cell[]): { field: string; confidence: number } | null => {
    const match = matchLabel(target, [text]).find((x) => !taken.has(x.field) && x.confidence >= MIN_CONFIDENCE && (fit(target, x.field, text, cells, ctx) ?? 1) > 0);
    if (match) taken.add(match.field);
    return match ?? null;
  };
  const out: ColumnMapping[] = [];
  for (const m of columns) {
    if (!stacked.includes(m)) {
      out.push(m);
      continue;
    }
    for (const [k, text] of [word(headerTop, m.c), word(headerBottom, m.c)].entries()) {
      const match = best(text, rowCells(m, k));
      const one: ColumnMapping = { ...m, label: text, field: match?.field ?? null, confidence: match?.confidence ?? 0 };
      delete one.extraKey;
      if (k > 0) {
        one.rowOffset = k;
        const span = spans.get(m)!;
        if (span !== m.span) Object.assign(one, { span, column: columnLabel(m.c, span) });
      }
      out.push(one);
    }
  }
  // A top word that names the record's detail before its key (課題内容, 質問内容: the issue stated) is its
  // key all the same where no other word took the key: the record's first row says what it is about.
  if (!out.some((m) => m.field === KEY_FIELD[target])) {
    const top = out.find((m) => stacked.some((x) => x.c === m.c) && !m.rowOffset && matchLabel(target, [m.label]).some((x) => x.field === KEY_FIELD[target] && x.confidence >= MIN_CONFIDENCE));
    if (!top) return null;
    Object.assign(top, { field: KEY_FIELD[target], confidence: matchLabel(target, [top.label]).find((x) => x.field === KEY_FIELD[target])!.confidence });
  }
  const extras = out.filter((m) => m.field === null && !m.numbering);
  extraKeys(extras).forEach((key, i) => (extras[i]!.extraKey = key));
  return out;
}
