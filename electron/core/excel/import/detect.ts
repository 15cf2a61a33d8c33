// Finds the table of an import target in a workbook: the sheet and the header rows whose words name
// the most fields (the key field — task name, title — required), wherever the table starts (title
// blocks above it, far from A1, headers of several rows, merged). Every sheet's first rows are scored
// on header words alone; the best few are then re-scored with the cells under them, so a column's
// contents confirm or overrule its header word.
import { DEFAULT_VOCABULARIES, REGISTERS, VOCAB_LISTS, type Vocabularies } from '../../../common/registers.js';
import { localToday } from '../../../common/dates.js';
import { IMPORT_TARGETS, KEY_FIELD, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTER_LIST } from '../../../common/registers/index.js';
import { columnLabel, headerColumns, MAX_HEADER_COLUMNS, MAX_HEADER_ROWS, unmergedGroups, type HeaderColumn } from './header-rows.js';
import { assignFields, LONG_TEXT, longText, MIN_CONFIDENCE, type Assignment, type SampleContext, type Samples } from './mapping.js';
import { isColumnWord, isLatin, labelKey, matchLabel, namesOtherRecord, numberedThing, ownNumberWord, withoutBrackets } from './synonyms.js';
import type { Cell, Merge, Row, SheetModel, TableObject, WorkbookModel } from '../../../common/excel/model.js';
import { BLANK_ROWS_END, PLAIN_HEADING } from './table-ends.js';
import { clientListAt } from './client-lists.js';
import { SheetIndex } from './sheet-index.js';
import { legendNamed } from './legend-names.js';
import { registersNamed, sectionTitleAbove, tableTitle, titleNames } from './register-names.js';
import { timelineTable } from './timeline.js';
import { restartsPerSection, runsByOne, shownNumber } from './numbering.js';
import { ID_BLANK_SHARE, ID_POSITIONS, namesIdHeader, oneIdScheme } from './shaped-ids.js';
import { withoutDateGrid } from './date-grid.js';
import { withoutHelperColumns } from './helper-columns.js';
import { withUnheadedColumns } from './unheaded-columns.js';
import { mergedGroupLevels } from './group-columns.js';
import { splitTables } from './side-tables.js';
import { subColumns } from './sub-columns.js';
import { headerShaped } from './header-shape.js';
import { holdsPeople, withContentFields } from './content-fields.js';
import { dottedFormNote, namesReiwa } from './cell-values.js';
import { cellTexts, ownTexts } from './key-texts.js';
import type { ColumnMapping, LayoutConfidence, TableCandidate } from '../../../common/excel/preview.js';

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
  /** How sure detection was of each decision (absent when the layout came from a profile or the user). */
  confidence?: LayoutConfidence;
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
  | { ok: true; layout: TableLayout; candidates: TableCandidate[] }
  | { ok: false; reason: string; /** The best place was a form (labels down the left, one record per sheet): its sheet. */ form?: string };

export function defaultVocabularies(): Vocabularies {
  const out = {} as Vocabularies;
  for (const list of VOCAB_LISTS) out[list] = { list, customized: false, items: DEFAULT_VOCABULARIES[list].map((i) => ({ ...i })) };
  return out;
}

const KEY_WORDS = Object.fromEntries([
  ['wbs', 'a task name column (タスク名/作業名/件名/Task/Activity)'],
  ...REGISTER_LIST.map((d) => [d.name, d.keyWords]),
]) as Record<ImportTarget, string>;

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
        if (merge && merge.r2 > out) out = Math.min(merge.r2, Math.min(top, merge.r1) + MAX_HEADER_EXTENT - 1);
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

/**
 * The first row of a complete merged tree over columns c1…c2 whose last rows are first…bottom: each row
 * above holds group words merged across whole columns of the row below (リスク評価 over 対策前 | 対策後,
 * each over its three columns), and its other cells are merged down through the header's last row (整理記号
 * over three rows) or blank over a column named lower. A row is the tree's where a column is merged down
 * through it, or (none over the table's first column, where a title starts) it holds two groups or one
 * group over two of the row below's (an umbrella): a title or a section's name merged over the columns of
 * a plain header is none.
 */
function treeTop(ix: SheetIndex, first: number, bottom: number, c1: number, c2: number): number {
  const acrossOn = (r: number) => ix.sheet.merges.filter((m) => m.r1 === r && m.r2 === r && m.c2 > m.c1 && m.c1 >= c1 && m.c2 <= c2);
  let top = first;
  let below = acrossOn(first).filter((m) => m.r2 < bottom);
  while (top > 0 && bottom - top + 2 <= MAX_HEADER_ROWS) {
    const r = top - 1;
    const groups = acrossOn(r);
    let down = false;
    for (let c = c1; c <= c2; c++) {
      const m = ix.mergeAt(r, c);
      const cell = ix.cell(r, c);
      if (!m) {
        if (cell && !(cell.t === 's' && (cell.v as string).trim() === '')) return top;
      } else if (m.c1 === m.c2 && m.r2 >= bottom) down = true;
      else if (!groups.includes(m)) return top;
    }
    if (groups.length === 0) return top;
    for (const g of groups) {
      // (Across whole columns of the row below: no merge there runs out of it on either side; group words.)
      const left = ix.mergeAt(r + 1, g.c1);
      const right = ix.mergeAt(r + 1, g.c2);
      const master = ix.cell(g.r1, g.c1);
      if ((left && left.c1 < g.c1) || (right && right.c2 > g.c2) || master?.t !== 's' || (master.v as string).trim() === '') return top;
    }
    const umbrella = groups.some((g) => below.filter((b) => b.c1 >= g.c1 && b.c2 <= g.c2).length >= 2);
    if (!down && (groups.some((g) => g.c1 === c1) || (groups.length < 2 && !umbrella))) return top;
    top = r;
    below = groups;
  }
  return top;
}

/**
 * Cells under a header column: the first SAMPLE_ROWS rows with values below the header, down to where
 * the table plainly ends — two blank rows, or one blank row over a row of two or more column words only
 * (a rating scale's or a revision history's heading) — so a block under the table does not speak for its
 * columns' types.
 */
function sampler(ix: SheetIndex, bottom: number): Samples {
  const rows: Row[] = [];
  for (const row of ix.sheet.rows) {
    if (row.r <= bottom) continue;
    const gap = row.r - (rows[rows.length - 1]?.r ?? bottom) - 1;
    if (rows.length > 0 && (gap >= BLANK_ROWS_END || (gap > 0 && row.cells.length >= 2 && row.cells.every((c) => c.t === 's' && isColumnWord(c.v as string, PLAIN_HEADING))))) break;
    // The header again (repeated on each printed page) is no sample of the columns' contents.
    if (row.cells.length >= 2 && row.cells.every((c) => c.t === 's' && ix.cell(bottom, c.c)?.v === c.v)) continue;
    rows.push(row);
    if (rows.length >= SAMPLE_ROWS) break;
  }
  // Each sample row's first cell under the column (undefined where it has none), row by row.
  const aligned = (col: HeaderColumn) => rows.map((row) => row.cells.find((cell) => cell.c >= col.c && cell.c < col.c + col.span));
  return Object.assign((col: HeaderColumn) => aligned(col).filter((cell): cell is Cell => cell !== undefined), { aligned });
}

/** The words of the client's list validation on each column's first cell under the header. */
function listsUnder(model: WorkbookModel, sheet: string, bottom: number): (col: HeaderColumn) => string[] | null {
  if (!model.sheets.find((s) => s.name === sheet)?.lists?.length) return () => null;
  return (col) => clientListAt(model, sheet, bottom + 1, col.c);
}

/** Non-text cells in the header rows under columns that matched a field: header rows hold words. */
function numbersInHeader(ix: SheetIndex, top: number, bottom: number, columns: ColumnMapping[]): number {
  let n = 0;
  for (let r = top; r <= bottom; r++)
    for (const cell of ix.row(r)?.cells ?? [])
      if (cell.t !== 's' && columns.some((m) => m.field !== null && cell.c >= m.c && cell.c < m.c + m.span)) n++;
  return n;
}

/** A key column's confidence when a header word names it (not its contents: GUESSED_KEY, HEADED_KEY). */
const NAMED_KEY = 0.7;

/** Scores this close (a share of the best) are a tie between two tables. */
const TIE = 0.9;
/** Other headers kept at a place (detectLayout's `others`): weighed only where the better ones made no table. */
const PLACE_OTHERS = 3;

/**
 * A table whose sheet or title names another register and not the one imported into, where another
 * table of the workbook names it (a RAID log's Issues sheet beside its Risks sheet, read as risks):
 * the column words of two registers fit each other's nearly as well (an issue log has the owner, dates
 * and status a risk register has, and more of them), so what the client called the sheet decides.
 */
const OTHER_REGISTER_NAMED = 0.6;

/**
 * What a table counts for on a sheet of instructions or under an example's title (記入方法, 記入例, How to
 * fill in, Sample): the register's header again over sample rows, showing how to fill in the register
 * on another sheet, which wins however alike the two tables score (blind set 3, H2).
 */
const HOW_TO_FILL = 0.5;
const HOW_TO_FILL_JA = /記入方法|記入要領|記入例|記載方法|記載要領|記載例|入力方法|入力要領|入力例|作成要領|作成例|書き方|使い方|手引|見本|サンプル/;
const HOW_TO_FILL_EN = /(?:^|[^a-z])(?:instructions?|how to|guide|guidance|examples?|samples?|read ?me)(?:[^a-z]|$)/;

/**
 * A note over the register's own header that points at the instructions (※記入方法は「記入例」シートを参照,
 * See the Instructions sheet) is no title of a sample table: it names them, it is not headed by them
 * (review S3: the register's own sheet counted half and a second table of the same header, 完了課題,
 * was taken without asking).
 */
const POINTS_ELSEWHERE = /^[※*＊]|参照|参考に|別紙|シートを|(?:^|[^a-z])(?:see|refer|sheet|tab)(?:[^a-z]|$)/;

/** A sheet's name or a table's own section title says it shows how to fill in the register (HOW_TO_FILL). */
function showsHowToFill(sheetName: string, sectionTitle: string): boolean {
  const says = (t: string) => HOW_TO_FILL_JA.test(t) || HOW_TO_FILL_EN.test(t);
  // (An English title that names a register is that register's own: Sample Project – Risk Register, Risk
  // Register – Project Guide, Example Corp. Review S4: it counted half, and a sheet of closed risks won.
  // 記入例 / 記入方法 say what they are whatever they name: 記入例（リスク管理表）.)
  const titleSays = HOW_TO_FILL_JA.test(sectionTitle) || (HOW_TO_FILL_EN.test(sectionTitle) && registersNamed(sectionTitle).length === 0);
  return says(sheetName.normalize('NFKC').toLowerCase()) || (titleSays && !POINTS_ELSEWHERE.test(sectionTitle));
}

/** Below this a decision is not taken silently: the import dialog asks the user to point at the table. */
export const ASK_BELOW = 0.6;

/** What a table found by its header's shape alone (header-shape.ts), its words making none, scores against one they make. */
const SHAPED_ONLY = 0.5;
/** How sure the header of such a table is: below ASK_BELOW, so the dialog asks the user to check it. */
const SHAPED_CONFIDENCE = 0.5;


/** A header word this sure names a field by itself (not a word that only contains one: phase 1 title). */
const PLAIN_WORD = 0.9;

/** A header row's texts end with ':' (Project Name:, 作成日：): a label row of a form, not a header. */
function isLabelRow(ix: SheetIndex, r: number, minC: number, maxC: number): boolean {
  const texts = (ix.row(r)?.cells ?? []).filter((c) => c.t === 's' && c.c >= minC && c.c <= maxC && (c.v as string).trim() !== '');
  return texts.length > 0 && texts.filter((c) => /[:：]\s*$/.test((c.v as string).trim())).length * 2 >= texts.length;
}

/**
 * A form's label row (案件名： | 物流倉庫 … | 報告者： | PM 立花): a label ending with ':' with its value
 * typed beside it, half of the row's texts labels. Never a table's header, whatever its labels say (a
 * weekly report's 案件名： read as the title and 報告者： as raisedBy made its sections issues: blind set 14).
 * (A header whose every word ends with ':' has no value beside a label, and stays a header.)
 */
function isFormLabelRow(ix: SheetIndex, r: number): boolean {
  if (!isLabelRow(ix, r, 0, MAX_HEADER_COLUMNS)) return false;
  const texts = (ix.row(r)?.cells ?? []).filter((c) => c.c < MAX_HEADER_COLUMNS && !(c.t === 's' && (c.v as string).trim() === '') && c.v !== null);
  const label = (c: Cell) => c.t === 's' && /[:：]\s*$/.test((c.v as string).trim());
  return texts.some((c, i) => label(c) && texts[i + 1] !== undefined && !label(texts[i + 1]!));
}

/**
 * Row `r` adds to a header that starts higher (at `top`) only when it names columns: one of its texts
 * names a field, or its texts sit under a group label merged across columns above (予定 over 開始 /
 * 終了). A data row under a header (a task name, an owner) does neither, so it is never swallowed.
 */
function rowAddsToHeader(ix: SheetIndex, target: ImportTarget, top: number, r: number): boolean {
  const texts = (ix.row(r)?.cells ?? []).filter((c) => c.t === 's' && (c.v as string).trim() !== '' && c.c < MAX_HEADER_COLUMNS);
  // A blank row inside a header is none: it separates a title from the header under it. A row of
  // numbers or dates across the columns (a gantt's days under its months) heads them; one value alone,
  // or formulas giving nothing yet (a blank template's =ROW()-3 and =IF(…,"",…) in its prepared rows),
  // is the first row under the header.
  if (texts.length === 0) {
    const values = (ix.row(r)?.cells ?? []).filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
    return values.length >= 2 || ix.sheet.merges.some((m) => m.r1 < r && m.r2 >= r && m.r1 >= top);
  }
  if (isLabelRow(ix, r, 0, MAX_HEADER_COLUMNS)) return false;
  // Two or more header cells merged down into this row (担当者 and 作業名 over rows 10–11 beside 実績 and 予定
  // over 開始 and 終了): the row is inside the header band, its texts the words under the labels beside them.
  let downInto = 0;
  for (let above = top; above < r; above++)
    for (const c of ix.row(above)?.cells ?? []) {
      const m = c.t === 's' ? ix.mergeAt(r, c.c) : undefined;
      if (m && m.r1 === above && m.c1 === c.c) downInto++;
    }
  if (downInto >= 2) return true;
  // Each text under a label merged across columns above, and some such label over two or more of them:
  // a group label's sub-headers (予定 over 開始 / 終了). One value per merged column group (例 under # over
  // C:E, a title under Title over F:L) is the first row of data under merged logical columns.
  const groups = new Map<Merge, number>();
  const groupOf = (c: Cell) => {
    for (let above = r - 1; above >= top; above--) {
      const m = ix.mergeAt(above, c.c);
      if (m && m.c2 > m.c1 && m.r2 < r) return m;
    }
    return undefined;
  };
  for (const c of texts) {
    const m = groupOf(c);
    if (m) groups.set(m, (groups.get(m) ?? 0) + 1);
  }
  const words = texts.filter((c) => matchLabel(target, [c.v as string]).some((m) => m.confidence >= PLAIN_WORD)).length;
  // A value under each of two or more merged groups, never two under one, and mostly no column words: a
  // record's cells that happen to hold a word (Question, Closed), not sub-headers.
  if (groups.size >= 2 && [...groups.values()].every((n) => n === 1) && words * 2 < texts.length) return false;
  if (words > 0) return true;
  if (texts.every((c) => groupOf(c) !== undefined) && [...groups.values()].some((n) => n >= 2)) return true;
  // Group labels typed over the first of their columns without a merge (予定 | (blank), 実績 | (blank)),
  // the same words under each (開始 | 完了 twice): sub-headers. A record's cells do not repeat one
  // sequence of different words under two labels.
  return repeatedUnderGroups(ix, top, r);
}

/** Row r repeats one sequence of different words under two unmerged group labels of rows top…r-1 (開始 | 完了 twice). */
function repeatedUnderGroups(ix: SheetIndex, top: number, r: number): boolean {
  const texts = (ix.row(r)?.cells ?? []).filter((c) => c.t === 's' && (c.v as string).trim() !== '');
  const under = unmergedGroups(ix, top, r).map((g) => texts.filter((c) => c.c >= g.c1 && c.c <= g.c2).map((c) => labelKey(c.v as string)));
  const seqs = under.filter((seq) => seq.length >= 2 && new Set(seq).size === seq.length).map((seq) => seq.join('\u0001'));
  return seqs.some((seq, i) => seqs.indexOf(seq) !== i);
}

/**
 * A header cut short above its sub-heads, its key taken from a label merged across columns on its last
 * row (指摘 over F:H, Issues over Count | Density | Target) with two or more different words of the row below
 * under it, each in a column of its own: the label names a group of those columns, never the record's key;
 * the header goes on to the row of their words (blind set 10, R2: 指摘 was taken as the issue's title and
 * the sub-heads' row as its first record). (A group of another field stays one column: 影響範囲 over
 * コスト | 納期 | 品質 marked ○ is the scope, its sub-heads the words the marks pick.)
 */
function keyOverSubheads(ix: SheetIndex, target: ImportTarget, bottom: number, columns: ColumnMapping[]): boolean {
  const key = columns.find((m) => m.field === KEY_FIELD[target]);
  if (!key || key.span < 2) return false;
  const under = (ix.row(bottom + 1)?.cells ?? []).filter(
    (c) => c.t === 's' && (c.v as string).trim() !== '' && c.c >= key.c && c.c < key.c + key.span && !((m) => m && m.c2 > m.c1)(ix.mergeAt(bottom + 1, c.c)),
  );
  return under.length >= 2 && new Set(under.map((c) => labelKey(c.v as string))).size === under.length;
}

/**
 * A row of group headings over a header: two or more texts, each merged across columns on this row alone
 * (Reported by Customer over A:F, Vendor Handling over G:L; Identification | Lesson | Follow-up), the
 * merges side by side covering every column of the header and nothing beside it. A person reads it as
 * the header's top row (blind set 13, I5: it was left out as a title line over a one-row header).
 */
function groupHeadingRow(ix: SheetIndex, r: number, header: HeaderColumn[]): boolean {
  if (header.length < 2) return false;
  const minC = header[0]!.c;
  const maxC = header[header.length - 1]!.c + header[header.length - 1]!.span - 1;
  const texts = (ix.row(r)?.cells ?? []).filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
  if (texts.length < 2 || isLabelRow(ix, r, minC, maxC)) return false;
  if (texts.every((c) => !ix.mergeAt(r, c.c))) return unmergedHeadings(texts, header);
  // Each heading ends where a column of the header ends (a form's Project Name: over A:S and Date: over
  // T:AF ends inside the column S:X: a label row over a template, not headings of its columns).
  const ends = new Set(header.map((h) => h.c + h.span - 1));
  let next = minC;
  for (const c of [...texts].sort((a, b) => a.c - b.c)) {
    const m = ix.mergeAt(r, c.c);
    if (c.t !== 's' || !m || m.r1 !== r || m.r2 !== r || m.c1 !== c.c || m.c2 === m.c1 || m.c1 !== next || !ends.has(m.c2)) return false;
    next = m.c2 + 1;
  }
  return next === maxC + 1;
}

/**
 * Group headings typed over the first column of their group, not merged (評価 over 発生確率 | 影響度,
 * 対応 over 対策 | 担当 | 状況; Reported by Customer | Vendor Handling): each heading reaches to the next
 * one, the last to the header's end (unseen sets 12–14: left out as a title line). Two or more short
 * distinct words, each over where a column of the header starts, each group of two columns or more — a
 * word over one column (必須 over the columns to fill, a unit) marks that column, no group.
 */
function unmergedHeadings(texts: Cell[], header: HeaderColumn[]): boolean {
  const starts = header.map((h) => h.c);
  const sorted = [...texts].sort((a, b) => a.c - b.c);
  const words = sorted.map((c) => (c.t === 's' ? (c.v as string).normalize('NFKC').trim() : ''));
  // (Not a note: ※必須 over the columns to fill, a sentence, a label: value.)
  if (words.some((w) => w === '' || w.length > 30 || /^[※＊*]|[。.:：]$|[。]/.test(w) || !/\p{L}/u.test(w)) || new Set(words).size !== words.length) return false;
  const at = sorted.map((c) => starts.indexOf(c.c));
  if (at.some((k) => k < 0)) return false;
  return at.every((k, i) => (at[i + 1] ?? header.length) - k >= 2);
}

/** The top row of a header of several rows names columns too: field words, or group labels over some (not all) columns. */
function topRowStartsHeader(ix: SheetIndex, target: ImportTarget, top: number, header: HeaderColumn[]): boolean {
  const texts = (ix.row(top)?.cells ?? []).filter((c) => c.t === 's' && (c.v as string).trim() !== '' && c.c < MAX_HEADER_COLUMNS);
  if (texts.length === 0) return true;
  const minC = header[0]?.c ?? 0;
  const maxC = header.length ? header[header.length - 1]!.c + header[header.length - 1]!.span - 1 : 0;
  if (isLabelRow(ix, top, minC, maxC)) return false;
  // One word alone over a header of several columns, not merged over any of them, is the sheet's
  // title (WBS, 作業一覧), whatever it says.
  const inTable = texts.filter((c) => c.c >= minC && c.c <= maxC);
  if (inTable.length === 1 && header.length > 2) {
    const m = ix.mergeAt(top, inTable[0]!.c);
    if (!m || m.c2 === m.c1) return !!m && m.r2 > top;
  }
  if (texts.some((c) => matchLabel(target, [c.v as string]).some((m) => m.confidence >= PLAIN_WORD))) return true;
  // Group labels typed over the first of their columns without a merge, alone on the top row (予定 | (blank) |
  // 実績 | (blank) over 開始 | 終了 | 開始 | 終了, every other word on the row below), the same words under two
  // of them: the header's top row, as a merged group label is (review U12: the actual dates were extras).
  if (repeatedUnderGroups(ix, top, top + 1)) return true;
  // A group label typed over each of its columns (Plan | Plan over Kickoff | Wrap-up), each with a word of
  // its own below: the header's top row, as the label merged over them is.
  if (typedOverEach(ix, top)) return true;
  // A group label spans some columns of the table; a title merged over the whole width does not count.
  const width = maxC - minC + 1;
  return texts.some((c) => {
    const m = ix.mergeAt(top, c.c);
    return !!m && m.c2 > m.c1 && m.c2 - m.c1 + 1 < 0.8 * width;
  });
}

/** Row `top` repeats a label over neighbouring columns, not merged, with different words of their own in the row below. */
function typedOverEach(ix: SheetIndex, top: number): boolean {
  const text = (r: number, c: number) => {
    const cell = ix.cell(r, c);
    return cell?.t === 's' && !ix.mergeAt(r, c) ? labelKey(cell.v as string) : '';
  };
  return (ix.row(top)?.cells ?? []).some((cell) => {
    const label = text(top, cell.c);
    // (The next column starts where the word below ends: a 方眼紙 column's word is merged over its cells.)
    const next = (ix.mergeAt(top + 1, cell.c)?.c2 ?? cell.c) + 1;
    if (label === '' || text(top, next) !== label) return false;
    const under = [headerWordAt(ix, top + 1, cell.c), headerWordAt(ix, top + 1, next)];
    return under.every((w) => w !== '') && under[0] !== under[1];
  });
}

/** The word of a header cell, merged or not (a 方眼紙 column's word merged over its cells). */
function headerWordAt(ix: SheetIndex, r: number, c: number): string {
  const m = ix.mergeAt(r, c);
  const cell = m ? ix.cell(m.r1, m.c1) : ix.cell(r, c);
  return cell?.t === 's' ? labelKey(cell.v as string) : '';
}

/**
 * What an Excel table object (Insert → Table) adds to a header on its header row: the author said where
 * the table is, so it outweighs a block of loose words elsewhere, though not a table without words for
 * the register's fields (a list sheet's table of statuses).
 */
const TABLE_OBJECT_BONUS = 1;

/**
 * What the sheet's view says of a header whose last row is `bottom` over `header`'s columns: the rows
 * frozen end under it (the author keeps the header in view while scrolling the records), and the
 * AutoFilter's buttons sit on it over its columns. Each is evidence worth half a table object, never
 * the answer: clients leave panes frozen at a title and filters on old rows, and those match no header.
 */
const VIEW_BONUS = 0.5;
function viewBonus(sheet: SheetModel, bottom: number, header: HeaderColumn[]): number {
  let bonus = 0;
  if (sheet.frozen && sheet.frozen.rows === bottom + 1) bonus += VIEW_BONUS;
  const f = sheet.autoFilter;
  if (f && f.r1 === bottom && header.length > 0) {
    const { c1, c2 } = spanOf(header);
    const inside = header.filter((h) => h.c >= f.c1 && h.c + h.span - 1 <= f.c2).length;
    if (inside * 2 > header.length && f.c1 <= c2 && c1 <= f.c2) bonus += VIEW_BONUS;
  }
  return bonus;
}

/** The table object whose (last) header row is `r`, if any. */
export function tableObjectAt(sheet: SheetModel, r: number): TableObject | undefined {
  return sheet.tables?.find((t) => t.headerRows > 0 && t.ref.r1 + t.headerRows - 1 === r);
}

const inObject = (object: TableObject, header: HeaderColumn[]) => header.length > 0 && spanOf(header).c1 >= object.ref.c1 && spanOf(header).c2 <= object.ref.c2;

/**
 * The tables a header row's columns make: on a table object's header row its columns are one table
 * (what Excel says, whatever the cells under them hold) and the columns beside it are split as anywhere.
 */
function columnsOf(scan: SheetScan, object: TableObject | undefined, top: number, bottom: number): HeaderColumn[][] {
  const key = `${top}:${bottom}`;
  let tables = scan.columns.get(key);
  if (!tables) scan.columns.set(key, (tables = readColumns(scan.ix, object, top, bottom)));
  return tables;
}

function readColumns(ix: SheetIndex, object: TableObject | undefined, top: number, bottom: number): HeaderColumn[][] {
  const all = headerColumns(ix, top, bottom);
  if (!object) return splitTables(ix, all, bottom);
  const inside = all.filter((h) => h.c >= object.ref.c1 && h.c + h.span - 1 <= object.ref.c2);
  const outside = all.filter((h) => !inside.includes(h));
  return [inside, ...(outside.length ? splitTables(ix, outside, bottom) : [])];
}

/**
 * What detection reads of a sheet whatever the register: its index and the header columns at each place
 * tried (the table object there, if any, is the sheet's at that bottom row). Kept with the workbook, so
 * the registers' detections of one workbook share it: excel.suggestRegister runs one per register over
 * the workbook the preview kept, after the preview's own. A workbook read is never changed afterwards.
 */
interface SheetScan {
  ix: SheetIndex;
  columns: Map<string, HeaderColumn[][]>;
}
const workbookScans = new WeakMap<WorkbookModel, Map<number, SheetScan>>();
function scanOf(model: WorkbookModel, s: number): SheetScan {
  let sheets = workbookScans.get(model);
  if (!sheets) workbookScans.set(model, (sheets = new Map()));
  let scan = sheets.get(s);
  if (!scan) sheets.set(s, (scan = { ix: new SheetIndex(model.sheets[s]!), columns: new Map() }));
  return scan;
}

/** A table candidate: a sheet, header rows and the columns of one table. */
interface Scan {
  sheet: number;
  ix: SheetIndex;
  top: number;
  bottom: number;
  header: HeaderColumn[];
  score: number;
  /** The last header row counting cells merged down from the header (see extendedBottom). */
  extended: number;
}

const spanOf = (header: HeaderColumn[]) => ({ c1: header[0]!.c, c2: header[header.length - 1]!.c + header[header.length - 1]!.span - 1 });

/** A header candidate's rows and columns as a person reads them (its group rows, its merged-down cells, its sub-columns). */
function settleHeader(target: ImportTarget, k: Scan): void {
  // A row of group headings right above, over every column, is the header's top row; the columns
  // keep their own words (the headings only group them, as 評価 over 発生可能性 / 影響度 does).
  if (k.top > 0 && k.bottom - k.top + 1 < MAX_HEADER_ROWS && groupHeadingRow(k.ix, k.top - 1, k.header)) k.top -= 1;
  k.extended = extendedBottom(k.ix, k.top, k.bottom, assignFields(target, k.header).columns);
  // A group label merged across columns on the header's last row with a word of each column's own in
  // the row below (Plan over Kickoff | Wrap-up): that row is the header's too, whatever its words
  // (none may name a field, and the header scored on the group's row alone).
  if (k.extended === k.bottom && k.bottom - k.top + 1 < MAX_HEADER_ROWS && rowAddsToHeader(k.ix, target, k.top, k.bottom + 1)) {
    const taller = headerColumns(k.ix, k.top, k.bottom + 1);
    if (k.header.some((h) => subColumns(k.ix, h, taller, k.bottom + 1))) k.extended = k.bottom + 1;
  }
  // A group label merged across its columns (対応 over R:S) with the column's own word under it
  // (期限), beside cells merged down over both rows: the column is named by both rows, as a person
  // reads it (対応 / 期限 is a due date, not the response). Only such columns are relabelled: a
  // person group (担当者 over one column per name) and two-row records (予定工数 over 実績工数) keep theirs.
  if (k.extended > k.bottom) {
    const taller = headerColumns(k.ix, k.top, k.extended);
    // A label alone over one column (対応 over 期限, not merged) reads the same way, unless the records
    // take two rows each (the key merged down over a pair): then 予定工数 over 実績工数 names the
    // plan row's and the actual row's values, and the label on top is the column's.
    // (Or a column merged down over each of the first two records' two rows, the key holding a value of
    // its own on each row: 件名 over 対応メモ beside a No merged down, blind set 18's hospital log.)
    const keyC = assignFields(target, k.header).columns.find((m) => m.field === KEY_FIELD[target])?.c;
    const pairOf = (r: number, c: number) => ((m) => !!m && m.r1 === r && m.r2 === r + 1)(k.ix.mergeAt(r, c));
    const first = k.extended + 1;
    const pairs = keyC !== undefined && (((m) => !!m && m.r1 === first && m.r2 > m.r1)(k.ix.mergeAt(first, keyC)) || k.header.some((h) => pairOf(first, h.c) && pairOf(first + 2, h.c)));
    k.header = k.header.flatMap((h) => {
      const m = k.ix.mergeAt(k.top, h.c);
      const under = taller.find((t) => t.c === h.c && t.span === h.span);
      const group = m ? m.c2 > m.c1 && m.r2 <= k.bottom : !pairs;
      if (!group) return [h];
      if (under && under.parts.length > h.parts.length) return [under];
      if (under) return [h];
      // (A label typed over a 方眼紙 column, its word below merged over the column's cells: that column.)
      const wider = taller.find((t) => t.c === h.c && t.span > h.span && t.parts.length > h.parts.length && !k.header.some((o) => o.c > h.c && o.c < t.c + t.span));
      if (wider) return [wider];
      // (A group label over several columns, each with its own word below: those columns, sub-columns.ts.)
      return subColumns(k.ix, h, taller, k.extended) ?? [h];
    });
  }
}

export function detectLayout(model: WorkbookModel, target: ImportTarget, opts: DetectOptions = {}): Detection {
  const ctx: SampleContext = {
    vocab: opts.vocab ?? defaultVocabularies(),
    date1904: model.date1904,
    reference: opts.reference ?? localToday(),
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
    namesReiwa: () => namesReiwa(model),
    dottedNote: () => dottedFormNote(model),
  };
  const found: Scan[] = [];
  // The other headers weighed at each place (its top row alone, its bottom row alone…), best first:
  // where the place's best makes no table once its cells are read, the next is tried there.
  const others = new Map<Scan, Scan[]>();
  model.sheets.forEach((sheet, s) => {
    if (sheet.skipped || sheet.state === 'veryHidden' || sheet.rows.length === 0) return;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) return;
    const scan = scanOf(model, s);
    const ix = scan.ix;
    const scans: Scan[] = [];
    // Rows Excel table objects head, besides the first rows of the sheet (a table may start further down).
    const objectRows = (sheet.tables ?? []).filter((t) => t.headerRows > 0).map((t) => t.ref.r1);
    const scanRows = sheet.rows.filter((row, i) => i < HEADER_SCAN_ROWS || objectRows.some((r) => r - MAX_HEADER_ROWS < row.r && row.r <= r));
    for (const row of scanRows) {
      if (!row.cells.some((c) => c.t === 's') || isFormLabelRow(ix, row.r)) continue;
      for (let h = 1; h <= MAX_HEADER_ROWS; h++) {
        const bottom = row.r + h - 1;
        if (h > 1 && !rowAddsToHeader(ix, target, row.r, bottom)) break;
        const object = tableObjectAt(sheet, bottom);
        for (const header of columnsOf(scan, object, row.r, bottom)) {
          if (header.length < 2) continue;
          if (h > 1 && !topRowStartsHeader(ix, target, row.r, header)) continue;
          const a = assignFields(target, header);
          if (h < MAX_HEADER_ROWS && keyOverSubheads(ix, target, bottom, a.columns) && rowAddsToHeader(ix, target, row.r, bottom + 1)) continue;
          const mapped = a.columns.filter((m) => m.field !== null).length;
          // Without a key word the table may still name its key by its contents (the longest text column),
          // where its words name some fields or its shape says it is a table (header-shape.ts).
          if (!a.hasKey && mapped < 3 && !headerShaped(ix, row.r, bottom, header)) continue;
          let score = a.score - 0.5 * numbersInHeader(ix, row.r, bottom, a.columns) - 0.05 * (h - 1);
          if (object && inObject(object, header)) score += TABLE_OBJECT_BONUS;
          if (sheet.state === 'hidden') score *= 0.8;
          scans.push({ sheet: s, ix, top: row.r, bottom, header, score, extended: bottom });
        }
      }
    }
    // The best candidate of each place on the sheet: a taller or shorter header of the same table, or
    // the same columns a row lower, are one table; tables side by side or far apart are several.
    scans.sort((a, b) => b.score - a.score || a.top - b.top);
    const kept: Scan[] = [];
    for (const cand of scans) {
      const { c1, c2 } = spanOf(cand.header);
      const same = kept.find((k) => {
        const o = spanOf(k.header);
        // (Header rows that overlap or touch: a header five rows under another one, data between them, is another table.)
        return o.c1 <= c2 && c1 <= o.c2 && Math.abs(k.top - cand.top) < MAX_HEADER_EXTENT && cand.top <= k.bottom + 1 && k.top <= cand.bottom + 1;
      });
      if (same) {
        const alike = others.get(same) ?? [];
        if (alike.length < PLACE_OTHERS) others.set(same, [...alike, cand]);
        continue;
      }
      if (kept.length < 4) kept.push(cand);
    }
    for (const k of kept) settleHeader(target, k);
    found.push(...kept);
  });
  if (found.length === 0) {
    const timeline = timelineDetection(model, target, opts);
    if (timeline) return timeline;
    const looked = model.sheets.map((s) => (s.skipped ? `${s.name} (skipped: ${s.skipped})` : s.name)).join(', ');
    return { ok: false, reason: `No table with ${KEY_WORDS[target]} was found (sheets looked at: ${looked || 'none'})` };
  }
  // Re-score the best candidates with the cells under their headers.
  const forms: string[] = [];
  const weigh = (cand: Scan) => {
      const samples = { cells: sampler(cand.ix, cand.extended), ctx };
      const named = assignFields(target, cand.header, { ...samples, lists: listsUnder(model, cand.ix.sheet.name, cand.extended) });
      // Where its words make no table, its unnamed columns are read by their contents (content-fields.ts).
      const { a, byContent } = isTable(target, named) ? { a: named, byContent: [] } : withContentFields(target, cand.header, named, samples);
      const penalty = numbersInHeader(cand.ix, cand.top, cand.bottom, a.columns);
      const weight = (model.sheets[cand.sheet]!.state === 'hidden' ? 0.8 : 1) * (showsHowToFill(model.sheets[cand.sheet]!.name, sectionTitleAbove(cand.ix, cand.top, spanOf(cand.header))) ? HOW_TO_FILL : 1);
      const object = tableObjectAt(model.sheets[cand.sheet]!, cand.bottom);
      // (The view's evidence is weighed here only, on the header's extent: a header of one row merged
      // down over a second and the same header read as two rows are one place, found as before.)
      const bonus = (object && inObject(object, cand.header) ? TABLE_OBJECT_BONUS : 0) + viewBonus(model.sheets[cand.sheet]!, cand.extended, cand.header);
      // No words make it a table, but its key was found (named, or the longest free text), another field of
      // the register is named plainly (a date raised) or read from its cells (a start～finish period), and
      // its shape is a header's over a block of records: a table, weighed below any the words make, and
      // asked about. (A key and its shape alone are any list: a delivery note's items, a minutes' attendees.)
      // Columns read by their contents count so when two or more say it (the dates and the person of a
      // release calendar whose every header word is the client's own: blind set 10, C1).
      // (Not where the key is a column of people or its header names another field — of this register or a
      // plan's remark, 備考 / Comment: a leave planner's people, two dates and a remark name no records.)
      const key = a.columns.find((m) => m.field === KEY_FIELD[target]);
      const keyCol = key && cand.header.find((h) => h.c === key.c);
      const keyNamesOther = !!key && (['wbs', target] as const).some((t) => matchLabel(t, [key.label]).some((x) => x.field !== KEY_FIELD[t] && x.confidence >= MIN_CONFIDENCE));
      const recordsNamed = !!keyCol && !keyNamesOther && !holdsPeople(target, samples.cells(keyCol), ctx);
      const company = a.columns.some((m) => m.period || (m.field !== null && m.field !== KEY_FIELD[target] && !GENERIC_FIELDS.has(m.field) && m.confidence >= PLAIN_WORD)) || (byContent.length >= 2 && recordsNamed) || ownTitled(target, cand, key, samples);
      const shaped = !isTable(target, a) && a.columns.some((m) => m.field === KEY_FIELD[target]) && company && headerShaped(cand.ix, cand.top, cand.extended, cand.header);
      const table = isTable(target, a) || shaped;
      if (table && isForm(target, cand, a)) forms.push(model.sheets[cand.sheet]!.name);
      return { cand, a, shaped, score: table && !isForm(target, cand, a) ? (a.score + bonus - 0.5 * penalty - 0.05 * (cand.bottom - cand.top)) * weight * (shaped ? SHAPED_ONLY : 1) : -Infinity };
  };
  // (A two-row record's header read by its bottom row alone scored best by its words — 経過メモ | 目標日 under
  // 件名 | 申出日 — and made no table, which lost the table: the place's next header, its top row, does.)
  const finals = found
    .sort((a, b) => b.score - a.score)
    .slice(0, 8)
    .map((cand) => {
      let best = weigh(cand);
      for (const other of others.get(cand) ?? []) {
        if (best.score > -Infinity) break;
        settleHeader(target, other);
        best = weigh(other);
      }
      return best;
    })
    .sort((x, y) => y.score - x.score || x.cand.sheet - y.cand.sheet || x.cand.top - y.cand.top);
  namedRegisterFirst(model, target, finals);
  // Two registers of the kind on one sheet scoring alike (the same header twice, for open and closed
  // items): the first in reading order, top then left, is the one offered first.
  const lead = finals[0]!;
  const first = finals.find((f) => f !== lead && f.cand.sheet === lead.cand.sheet && f.score >= TIE * lead.score && apart(f.cand, lead.cand) && (f.cand.top < lead.cand.top || (f.cand.top === lead.cand.top && f.cand.header[0]!.c < lead.cand.header[0]!.c)));
  const win = first && lead.score > 0 ? first : lead;
  if (win !== lead) finals.splice(finals.indexOf(win), 1), finals.unshift(win);
  if (win.score === -Infinity)
    return (
      timelineDetection(model, target, opts) ??
      (forms.length > 0
        ? { ok: false, reason: `Sheet ${forms[0]} is a form (field names down the left, one record per sheet), not a table: nothing is imported`, form: forms[0]! }
        : { ok: false, reason: `No table with ${KEY_WORDS[target]} was found` })
    );
  let bottom = win.cand.extended;
  // A header whose cells are merged down from the row above (No over rows 3–4, 対応 over 担当者 /
  // 期限) starts at that row: scored alike, the one-row header under it won only by being shorter, and
  // its group words (対応) would be lost.
  // (Or the rows above a complete merged tree over the table's columns, its groups over whole columns below:
  // リスク評価 › 対策前 | 対策後 › 頻度 | 重大度 | 点, read whole whatever it maps. The bottom row alone reads the
  // same words twice without their stages: blind set 19, I6 — the group words decide which twin is which,
  // so the fields may move.)
  const { c1: left, c2: right } = spanOf(win.cand.header);
  const tree = treeTop(win.cand.ix, win.cand.top, bottom, left, right);
  const top = Math.min(extendedTop(win.cand.ix, win.cand.top, win.a.columns), tree);
  if (top < win.cand.top) {
    const { c1, c2 } = spanOf(win.cand.header);
    const header = headerColumns(win.cand.ix, top, bottom).filter((h) => h.c >= c1 && h.c + h.span - 1 <= c2);
    // Taken when it maps the same columns to the same fields (its group words only add to labels), and
    // may map more: columns under a group whose own words named none (予定 / 実績 over 開始 | 終了 twice: the
    // group words say which pair is the actual one).
    const a = assignFields(target, header, { cells: sampler(win.cand.ix, bottom), ctx, lists: listsUnder(model, win.cand.ix.sheet.name, bottom) });
    const fieldsOf = (cols: ColumnMapping[]) => cols.map((m) => `${m.column}=${m.field}`).filter((x) => !x.endsWith('=null'));
    const taller = new Set(fieldsOf(a.columns));
    const whole = tree === top;
    if (a.hasKey && (whole || fieldsOf(win.a.columns).every((x) => taller.has(x)))) {
      win.cand.top = top;
      win.a = a;
      if (whole) win.cand.header = header;
    }
  }
  // The header's words again in another language on the row under it (課題名 over Issue): one header of
  // two rows, as a person reads it, not a first record of column names.
  if (translationBelow(win.cand.ix, target, bottom, win.a.columns)) {
    const { c1, c2 } = spanOf(win.cand.header);
    const header = headerColumns(win.cand.ix, win.cand.top, bottom + 1).filter((h) => h.c >= c1 && h.c + h.span - 1 <= c2);
    const a = assignFields(target, header, { cells: sampler(win.cand.ix, bottom + 1), ctx, lists: listsUnder(model, win.cand.ix.sheet.name, bottom + 1) });
    if (a.hasKey) {
      bottom += 1;
      win.cand.header = header;
      win.cand.extended = bottom;
      win.a = a;
    }
  }
  // Another table nearly as good (on another sheet, beside this one, or further down with other
  // columns) makes the choice uncertain; one further down with the same header words continues this one
  // (a header repeated on each printed page), unless blank rows part them or they stand side by side:
  // then it is a second register of the kind (closed items, a second phase) and the user chooses.
  const sig = (c: Scan) => c.header.map((h) => h.label).join('|');
  const rivals = finals.slice(1).filter((f) => f.score > 0 && !(f.cand.sheet === win.cand.sheet && sig(f.cand) === sig(win.cand) && !apart(win.cand, f.cand)));
  const runnerUp = rivals[0]?.score ?? 0;
  const keyCol = win.a.columns.find((m) => m.field === KEY_FIELD[target]);
  // Another register of the kind apart from this one on its sheet (its key named by a word or headed as
  // this one's, its fields
  // among this one's: the same register again, shorter) is a choice only the user can make.
  const fieldsOf = (a: Assignment) => a.columns.filter((m) => m.field !== null);
  // (A table whose section title names another register, and not this one, is that register's: ■リスク under ■課題.)
  const othersSection = (f: (typeof finals)[number]) => {
    const named = registersNamed(sectionTitleAbove(f.cand.ix, f.cand.top, spanOf(f.cand.header)));
    return named.length > 0 && !named.includes(target);
  };
  // (A list whose key word names the register's response as well — Action, アクション beside an issue
  // log — is its actions kept on their own, another kind of list, unless this one's key says the same.)
  const namesResponse = (a: Assignment) => {
    const key = a.columns.find((m) => m.field === KEY_FIELD[target]);
    const word = key?.label.split(' / ').pop() ?? '';
    return matchLabel(target, [word]).some((m) => m.field !== KEY_FIELD[target] && m.field !== LONG_TEXT[target] && m.confidence >= MIN_CONFIDENCE && longText(target, m.field));
  };
  const again = rivals.some(
    (f) =>
      f.cand.sheet === win.cand.sheet &&
      (!namesResponse(f.a) || namesResponse(win.a)) &&
      !othersSection(f) &&
      apart(f.cand, win.cand) &&
      fieldsOf(f.a).length >= 3 &&
      fieldsOf(f.a).some((m) => m.field === KEY_FIELD[target] && (m.confidence >= NAMED_KEY || m.label === keyCol?.label)) &&
      fieldsOf(f.a).every((m) => fieldsOf(win.a).some((w) => w.field === m.field)),
  );
  const tableConfidence = win.score <= 0 ? 0 : Math.min(again ? ASK_BELOW / 2 : 1, Math.max(0, Math.min(1, 1 - runnerUp / win.score) * 2.5));
  const mappedCols = win.a.columns.filter((m) => m.field !== null);
  const wordConfidence = mappedCols.length === 0 ? 0 : (mappedCols.reduce((t, m) => t + m.confidence, 0) / mappedCols.length) * Math.min(1, (keyCol?.confidence ?? 0) / 0.8);
  const headerConfidence = win.shaped ? Math.min(wordConfidence, SHAPED_CONFIDENCE) : wordConfidence;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ok: true,
    layout: {
      target,
      sheet: model.sheets[win.cand.sheet]!.name,
      headerTop: win.cand.top,
      headerBottom: bottom,
      columns: tableColumns(target, win.cand.ix, win.a.columns, win.cand.top, bottom),
      score: round(win.score),
      confidence: { table: round(Math.min(1, tableConfidence)), header: round(Math.min(1, headerConfidence)), key: round(keyCol?.confidence ?? 0), ...(win.shaped ? { byShape: true as const } : {}) },
    },
    candidates: finals
      .filter((f) => f.score > -Infinity)
      .map((f) => ({ sheet: model.sheets[f.cand.sheet]!.name, headerTop: f.cand.top, headerBottom: f.cand.extended, columns: columnLabel(spanOf(f.cand.header).c1, spanOf(f.cand.header).c2 - spanOf(f.cand.header).c1 + 1), score: round(f.score) })),
  };
}

/** Scales down, in place, the finals named for another register where one is named for `target` (OTHER_REGISTER_NAMED), and re-sorts them. */
function namedRegisterFirst(model: WorkbookModel, target: ImportTarget, finals: { cand: Scan; score: number }[]): void {
  const live = finals.filter((f) => f.score > 0);
  if (live.length < 2) return;
  const names = live.map((f) => {
    // The title of the header's own section, where it names a register (■リスク over the second of two
    // sections of a 課題・リスク管理表), says more than the sheet's name over both.
    const section = sectionTitleAbove(f.cand.ix, f.cand.top, spanOf(f.cand.header));
    const title = registersNamed(section).length > 0 ? section : tableTitle(model, model.sheets[f.cand.sheet]!.name, f.cand.top);
    return { f, own: titleNames(target, title), other: IMPORT_TARGETS.some((t) => t !== target && titleNames(t, title)) };
  });
  if (!names.some((n) => n.own)) return;
  for (const n of names) if (n.other && !n.own) n.f.score *= OTHER_REGISTER_NAMED;
  finals.sort((x, y) => y.score - x.score || x.cand.sheet - y.cand.sheet || x.cand.top - y.cand.top);
}

/**
 * The row under a header repeats its words in the other language (番号 / 課題名 / 担当者 over No. / Issue /
 * Owner): two or more of its texts name the field of the column above them, none names another, none is
 * in the header's language, and it holds nothing but those words. A record never reads so: its values
 * are no column words, or are in the header's language (a status 対応中 under 状況).
 */
function translationBelow(ix: SheetIndex, target: ImportTarget, bottom: number, columns: ColumnMapping[]): boolean {
  const cells = (ix.row(bottom + 1)?.cells ?? []).filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
  if (cells.length < 2 || cells.some((c) => c.t !== 's')) return false;
  const headerLatin = columns.filter((m) => isLatin(m.label)).length * 2 > columns.length;
  let agree = 0;
  for (const cell of cells) {
    const text = (cell.v as string).trim();
    if (isLatin(text) === headerLatin) return false;
    const column = columns.find((m) => cell.c >= m.c && cell.c < m.c + m.span);
    if (!column) return false;
    const best = matchLabel(target, [text])[0];
    if (!best || best.confidence < 0.8) continue;
    if (column.field !== null && best.field !== column.field) return false;
    if (column.field === best.field) agree++;
  }
  return agree >= 2 && agree * 2 >= cells.length;
}

/**
 * Two tables of one sheet stand apart: side by side (no column in common), or one under the other with
 * a run of blank rows (BLANK_ROWS_END, what ends a table's data) between the upper one's rows and the
 * lower one's header.
 */
function apart(a: Scan, b: Scan): boolean {
  if (a.sheet !== b.sheet) return true;
  const p = spanOf(a.header);
  const q = spanOf(b.header);
  if (p.c2 < q.c1 || q.c2 < p.c1) return true;
  const [up, down] = a.top <= b.top ? [a, b] : [b, a];
  let prev = up.extended;
  for (const row of up.ix.sheet.rows) {
    if (row.r <= up.extended) continue;
    if (row.r >= down.top) break;
    if (!row.cells.some((c) => c.t !== 's' || (c.v as string).trim() !== '')) continue;
    if (row.r - prev - 1 >= BLANK_ROWS_END) return true;
    prev = row.r;
  }
  return down.top - prev - 1 >= BLANK_ROWS_END;
}

/** How sure a WBS read from a timeline without header words is of its header and names: the dialog asks. */
const TIMELINE_CONFIDENCE = 0.5;

/**
 * A WBS with no header words: a gantt's row of dates over an outline of names (timeline.ts). Tried
 * only where no table with header words is found; the first sheet holding one wins, and the dialog
 * asks the user to check its header (or to choose, where several sheets hold one).
 */
function timelineDetection(model: WorkbookModel, target: ImportTarget, opts: DetectOptions): Detection | null {
  if (target !== 'wbs') return null;
  const found: { sheet: string; layout: TableLayout }[] = [];
  for (const sheet of model.sheets) {
    if (sheet.skipped || sheet.state !== 'visible' || sheet.rows.length === 0) continue;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) continue;
    const t = timelineTable(new SheetIndex(sheet), HEADER_SCAN_ROWS);
    if (t) found.push({ sheet: sheet.name, layout: { target, sheet: sheet.name, headerTop: t.top, headerBottom: t.top, columns: [t.name], score: 1 } });
  }
  if (found.length === 0) return null;
  const layout = found[0]!.layout;
  layout.confidence = { table: found.length > 1 ? 0 : 1, header: TIMELINE_CONFIDENCE, key: TIMELINE_CONFIDENCE };
  return {
    ok: true,
    layout,
    candidates: found.map(({ sheet, layout: l }) => ({ sheet, headerTop: l.headerTop, headerBottom: l.headerBottom, columns: l.columns[0]!.column, score: l.score })),
  };
}

/** Fields every list has (an ID, remarks, a longer text): they do not make a list a register. */
const GENERIC_FIELDS = new Set(['ref', 'notes', 'description', 'detail']);

/** Labels of numbering columns (No, #, 項番, Sl no.). */
export const NUMBER_LABEL = /^(?:no\.?|id|#|番号|項番|通番|連番|sl\.? ?no\.?|s\.? ?no\.?|item ?no\.?)$/i;

/**
 * The header's columns as the table's structure reads them: without the form's numbering, a date grid's
 * day columns and the workbook's helper columns (helper-columns.ts), with the groups merged down over the
 * tasks read as levels (group-columns.ts), columns headed by an abbreviation a legend spells out read as
 * its field (legend-names.ts), and the columns holding the records' values under no header word kept
 * (unheaded-columns.ts).
 */
function tableColumns(target: ImportTarget, ix: SheetIndex, columns: ColumnMapping[], top: number, bottom: number): ColumnMapping[] {
  return withUnheadedColumns(ix, legendNamed(target, ix, mergedGroupLevels(target, ix, withoutHelperColumns(ix, withoutDateGrid(ix, withoutNumbering(target, ix, columns, bottom), top, bottom), bottom), bottom), top, bottom), top, bottom);
}

/**
 * A numbering column no field took (No over =ROW()-3, 1, 2, 3…) is row numbers, not the client's data
 * (rowNumbers). An ID column numbering each block of a checklist again is left out of the layout.
 */
export function withoutNumbering(target: ImportTarget, ix: SheetIndex, columns0: ColumnMapping[], bottom: number): ColumnMapping[] {
  const below = ix.rowsBelow(bottom, 200);
  const columns = namedIdColumn(target, ix, ownIdColumn(target, shapedIdColumn(target, ix, columns0, below), below), below);
  // Rows repeating the header (most of its words) with at most a title and one blank row above: the
  // next block of the same table (more blank rows part a second register, as the data's end says).
  const words = new Set(columns.map((m) => m.label.split(' / ').pop()!.trim()));
  const filled = (r: number) => (ix.row(r)?.cells ?? []).filter((c) => !(c.t === 's' && (c.v as string).trim() === '')).length;
  const headerAgain = (row: Row) => {
    if (row.cells.filter((c) => c.t === 's' && words.has((c.v as string).trim())).length < Math.max(2, Math.ceil(columns.length / 2))) return false;
    let r = row.r - 1;
    if (filled(r) === 1) r--; // the block's title
    let blank = 0;
    while (r > bottom && filled(r) === 0) blank++, r--;
    return blank < BLANK_ROWS_END;
  };
  const linked = columns.some((m) => m.field === 'predecessors' && below.some((row) => row.cells.some((c) => c.c >= m.c && c.c < m.c + m.span && c.v !== null && String(c.v).trim() !== '')));
  return columns.flatMap((m) => {
    const label = m.label.split(' / ').pop()!.trim();
    const cells = below.flatMap((row) => row.cells.filter((c) => c.c >= m.c && c.c < m.c + m.span && !(c.t === 's' && (c.v as string).trim() === '')));
    if (m.field === 'ref') {
      const repeated = below.some((row) => headerAgain(row) && row.cells.some((c) => c.c >= m.c && c.c < m.c + m.span && c.t === 's' && (c.v as string).trim() === label));
      // (Numbers starting again under each section's title, not under the header again, are the same:
      // the section's row numbers, blind set 8, B5.)
      return (repeated && numbersRestart(cells)) || (NUMBER_LABEL.test(label.normalize('NFKC')) && restartsPerSection(below, m.c)) ? [] : [m];
    }
    // Numbers a formula runs by one down the rows (=ROW()-5 under Line, whatever its word: a macro WBS's
    // line numbers beside its #, corpus wbs-jp-bkoizumi) are the sheet's row numbers, never a value the
    // client typed: left out like a No. by formula (rowNumbers), their cells staying where they are.
    if (m.field === null && m.span === 1 && cells.length >= 3 && cells.every((c) => c.f && c.t === 'n') && runsByOne(cells.map((c) => c.v as number), 3)) return [];
    if (m.field === null && countsIntoPrepared(m, columns, below, cells)) return rowNumbers(m, cells);
    if (m.field !== null || !NUMBER_LABEL.test(label.normalize('NFKC'))) return [m];
    if (!(cells.length > 0 && cells.every((c) => c.t === 'n'))) return [m];
    // Where the predecessors name rows by these numbers (MS Project's ID beside "3,5FS+2d") they are the
    // tasks' IDs, read from the sheet by predecessorReading: left out, their cells staying with their tasks.
    return linked ? [] : rowNumbers(m, cells);
  });
}

/**
 * A column no field took, beside the records' own IDs, whose typed numbers run by one down the records
 * and on into rows below them that hold nothing else (Line 1..7 beside D-1043, 8..15 on the rows to
 * fill: blind set 20, E2): the form's row numbers whatever its word, as a No. column's are (rowNumbers).
 * Kept as the records' data, a record added in a prepared row took its number as a change of its own.
 */
function countsIntoPrepared(m: ColumnMapping, columns: ColumnMapping[], below: Row[], cells: Cell[]): boolean {
  if (m.span !== 1 || !columns.some((x) => x.field === 'ref' && x.c !== m.c)) return false;
  const records = recordRows(columns.filter((x) => x.field !== null), below);
  if (records.length < 3) return false;
  const last = records[records.length - 1]!.r;
  const filled = (row: Row) => row.cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === '') && c.v !== null && c.v !== undefined);
  const after = below.filter((row) => row.r > last && filled(row).length > 0);
  let prepared = 0;
  while (prepared < after.length && filled(after[prepared]!).every((c) => c.c === m.c) && after[prepared]!.r === last + prepared + 1) prepared++;
  if (prepared < 2) return false;
  // (Every number typed, none a formula's: =ROW()-4 numbers its rows itself and is left where it is.)
  const numbers = [...records, ...after.slice(0, prepared)].map((row) => row.cells.find((c) => c.c === m.c));
  return numbers.every((c) => c !== undefined && !c.f && c.t === 'n') && runsByOne(numbers.map((c) => c!.v as number), 5) && runsByOne(cells.map(shownNumber).filter((n): n is number => n !== null), 5);
}

/**
 * A No. column of row numbers running by one (1, 2, 3 …) stays in the layout as no record's data (no
 * field, no extra column), so the table reader finds it numbering the records (read-table.ts,
 * numbering.ts: ColumnMapping.numbering) and the export runs its numbers down the rows again after a move
 * and goes on counting in rows it adds. (Left out of the layout, its cells travelled with their records:
 * No 1, 3, 2 after a move, and none on a new row: review R10.) Numbers that do not run by one (a number
 * per group, 1.1-like values) are not the rows' count, and numbers by formula (=ROW()-3) count the rows
 * themselves (a copied block carries its formula): left out, their cells staying where they are.
 */
function rowNumbers(m: ColumnMapping, cells: Cell[]): ColumnMapping[] {
  if (cells.some((c) => c.f) || !runsByOne(cells.map(shownNumber).filter((n): n is number => n !== null), 3)) return [];
  const { extraKey: _, ...rest } = m;
  return [{ ...rest, field: null }];
}

/**
 * A column numbering the rows, which took the ref or no field (# over =IF(C7="","",ROW()-6), 通番 over 1, 2, 3 … running on
 * into the prepared rows) beside a column near the left whose cells are IDs of one scheme (RSV-0031 …,
 * CRQ-27-012 …: shaped-ids.ts): the IDs are the records', the row numbers the form's (blind set 18, I1b,
 * where the client's IDs were dropped for the row numbers). The numbers stay the client's as any
 * numbering does (rowNumbers: typed ones run on down the rows, a formula is left where it is). Only
 * where the ID column's header names a number or code (チケットNo, 変更管理番号, Log Ref.: namesIdHeader):
 * codes under another word (所属 / Department over T-100 …) are a thing's, and the row numbers stay the ref.
 */
function shapedIdColumn(target: ImportTarget, ix: SheetIndex, columns: ColumnMapping[], below: Row[]): ColumnMapping[] {
  if (target === 'wbs') return columns;
  const ref = columns.find((m) => m.field === 'ref');
  const fields = columns.filter((m) => m.field !== null && m !== ref);
  const records = recordRows(fields, below);
  const near = [...columns].sort((a, b) => a.c - b.c).slice(0, ID_POSITIONS);
  // (The numbering may be a column no field took: Line over =ROW()-4, S/N over 1, 2, 3.)
  // (A 方眼紙's column spans several cells, the number in its first.)
  const numbersOf = (m: ColumnMapping) => records.flatMap((row) => row.cells.filter((c) => within(c, m)).slice(0, 1));
  const numbersRows = (m: ColumnMapping) => {
    if (m.field !== null && m !== ref) return false;
    const cells = numbersOf(m);
    const shown = cells.map(shownNumber);
    return cells.length >= 3 && shown.every((n) => n !== null) && (cells.some((c) => c.f) || runsByOne(shown as number[], 3));
  };
  const rowNo = near.find(numbersRows);
  if (!rowNo || (ref && ref !== rowNo)) return columns;
  const ids = near.find((m) => {
    if (m.field !== null || m === rowNo || ix.sheet.hiddenColumns?.some((h) => h.c1 <= m.c && m.c <= h.c2)) return false;
    const cells = records.flatMap((row) => row.cells.filter((c) => within(c, m)).slice(0, 1));
    return !cells.some((c) => c.f) && oneIdScheme(cells.map(cellText)) && readsAsIds(m, fields, below);
  });
  if (!ids || !namesIdHeader(target, ids.label)) return columns;
  return columns.flatMap((m) => {
    if (m === ref) return rowNumbers(m, numbersOf(m));
    if (m !== ids) return [m];
    const { extraKey: _, ...rest } = m;
    return [{ ...rest, field: 'ref', confidence: NAMED_ID_CONFIDENCE }];
  });
}

/**
 * The register's own nouns before an ID word (リスクID, 課題番号, Risk ID, Issue No.): its descriptor's
 * qualifiers, and for issues the other words clients use for one. Only these name the record itself:
 * 変更番号, Change ID, Ticket #, or 課題番号 in a risk log name another record (a cross-reference).
 */
const OWN_NOUNS: Record<ImportTarget, readonly string[]> = Object.fromEntries([
  // A WBS's Task ID is mapped to ref by the synonyms; no No. column gives way to it here.
  ['wbs', []],
  ...REGISTER_LIST.map((d) => [d.name, [...(d.qualifiers ?? []), ...(d.name === 'issue' ? ['問題', '指摘'] : [])]]),
]) as Record<ImportTarget, readonly string[]>;

const ownIdLabel = (target: ImportTarget, label: string) => {
  const x = numberedThing(label);
  return !!x && OWN_NOUNS[target].some((noun) => labelKey(noun) === x);
};


/**
 * A No. column beside an ID column of the register's own (No. | リスクID | リスク内容): the ID column is
 * the record's ID and No. the form's running number, whichever the synonyms scored higher. The ID column
 * must read as IDs: filled on (nearly) every record and never twice the same (a blank template has no
 * records, and its label decides).
 */
function ownIdColumn(target: ImportTarget, columns: ColumnMapping[], below: Row[]): ColumnMapping[] {
  const ref = columns.find((m) => m.field === 'ref');
  const label = (m: ColumnMapping) => m.label.split(' / ').pop()!.normalize('NFKC').trim();
  if (!ref || !NUMBER_LABEL.test(label(ref))) return columns;
  const own = columns.find((m) => m.field === null && ownIdLabel(target, label(m)));
  if (!own || !readsAsIds(own, columns.filter((m) => m.field !== null && m !== ref), below)) return columns;
  // The No. column is the form's row numbers, like any numbering (withoutNumbering: rowNumbers).
  return columns.flatMap((m) => {
    if (m === own) {
      const { extraKey: _, ...rest } = m;
      return [{ ...rest, field: 'ref', confidence: ref.confidence }];
    }
    return m === ref ? rowNumbers(m, below.flatMap((row) => row.cells.filter((c) => c.c === m.c && !(c.t === 's' && (c.v as string).trim() === '')))) : [m];
  });
}

/**
 * A register with no ID column found whose records carry a number of their own under another name (a
 * SharePoint list's `CR Number`, `Request No.`, `Incident ID`: blind set 5, K8, where the rows were
 * matched by their titles): that column is the ref where its cells read as IDs — on (nearly) every record,
 * never twice, each with a digit, typed (not a hidden helper's formulas) — and its words name neither
 * another register's record (課題番号 in a risk log) nor a parent, nor a field of the record (Owner ID:
 * the owner's number).
 */
function namedIdColumn(target: ImportTarget, ix: SheetIndex, columns: ColumnMapping[], below: Row[]): ColumnMapping[] {
  if (target === 'wbs' || columns.some((m) => m.field === 'ref')) return columns;
  const fields = columns.filter((m) => m.field !== null);
  const named = columns.find((m) => {
    if (m.field !== null) return false;
    // A service desk's ID column may be headed by the record's noun alone (Ticket, Incident, Case, チケット)
    // where it stands first, as the ID does; further right such a column links to another system's ticket.
    const label = m.label.split(' / ').pop()!;
    const first = m.c === Math.min(...columns.map((x) => x.c));
    const x = numberedThing(label) ?? (first && ownNumberWord(target, label) ? withoutBrackets(labelKey(label)) : null);
    // (A number of another noun is the record's own where the log names its records by that noun: its
    // title's head (逸脱No. beside 逸脱内容, Deviation ID beside Deviation) or its sheet (不適合No. on 不適合管理表)
    // — blind set 11, C2. Elsewhere such a number is another thing's: 資料番号, Phone Number.)
    if (!x || x.length > 20 || namesOtherRecord(target, x)) return false;
    // The cells of the records: a note under the table (Notes:, 1. Lessons are reviewed …) fills no field.
    const cells = recordRows(fields, below).flatMap((row) => row.cells.filter((c) => c.c >= m.c && c.c < m.c + m.span && !(c.t === 's' && (c.v as string).trim() === '')));
    // (Or the letters before No. are the prefix every ID below opens with: LL No. over LL-001, RSK No. over
    // RSK-012 — the log's own abbreviation for its records: blind set 12, R6, where LL No. stayed unread.)
    const prefixed = prefixOfIds(x, cells);
    if (!ownNumberWord(target, x) && !namedRecords(x, columns, ix.sheet.name, target) && !prefixed) return false;
    // (X naming the record itself is no field of it: Document Number in a document register, whose Document is its title.)
    // (Unless every ID opens with X: CAPA No. over CAPA-001 … numbers the log's CAPAs, though CAPA alone
    // names a finding's corrective action — unseen sets 12–14.)
    if ((!prefixed && matchLabel(target, [x]).some((f) => f.confidence >= 0.8 && f.field !== KEY_FIELD[target])) || ix.sheet.hiddenColumns?.some((h) => h.c1 <= m.c && m.c <= h.c2)) return false;
    if (cells.some((c) => c.f)) return false;
    const idLike = cells.length >= 2 && cells.every((c) => (c.t === 'n' && Number.isInteger(c.v)) || (c.t === 's' && /\d/.test(c.v as string) && !/\s/.test((c.v as string).trim()) && (c.v as string).trim().length <= 40));
    return idLike && readsAsIds(m, fields, below);
  });
  if (!named) return columns;
  return columns.map((m) => {
    if (m !== named) return m;
    const { extraKey: _, ...rest } = m;
    return { ...rest, field: 'ref', confidence: NAMED_ID_CONFIDENCE };
  });
}
/** Whether `x` is an abbreviation (2–5 Latin letters) that every cell opens with, before a digit or a separator. */
function prefixOfIds(x: string, cells: Cell[]): boolean {
  const abbr = x.normalize('NFKC').replace(/[\s.]/g, '');
  if (!/^[A-Za-z]{2,5}$/.test(abbr)) return false;
  const opens = new RegExp(`^${abbr}[-_ ]?\\d`, 'i');
  return cells.length >= 2 && cells.every((c) => c.t === 's' && opens.test((c.v as string).normalize('NFKC').trim()));
}

/** Whether the log names its records by a noun: its title column's head opens with it, or its sheet's name does. */
function namedRecords(x: string, columns: ColumnMapping[], sheetName: string, target: ImportTarget): boolean {
  const key = withoutBrackets(labelKey(x));
  if (key.length < 2) return false;
  const title = columns.find((m) => m.field === KEY_FIELD[target]);
  return (title !== undefined && labelKey(title.label.split(' / ').pop()!).startsWith(key)) || labelKey(sheetName).startsWith(key);
}

/** A ref found by its cells under a number's name: surely enough to use, not a synonym's certainty. */
const NAMED_ID_CONFIDENCE = 0.8;

const cellText = (c: Cell) => (c.t === 's' ? (c.v as string).trim() : String(c.v));
const within = (c: Cell, m: ColumnMapping) => c.c >= m.c && c.c < m.c + m.span && cellText(c) !== '';
/** The rows below the header that fill a field's column: the records, not the notes under them. */
const recordRows = (fields: ColumnMapping[], below: Row[]) => below.filter((row) => row.cells.some((c) => fields.some((m) => within(c, m))));

/** Whether a column holds a value on (nearly) every record (a row with a mapped field filled) and no value twice. */
function readsAsIds(col: ColumnMapping, fields: ColumnMapping[], below: Row[]): boolean {
  const records = recordRows(fields, below);
  const ids = records.flatMap((row) => row.cells.filter((c) => within(c, col)).map(cellText).slice(0, 1));
  return records.length - ids.length <= Math.floor(records.length * ID_BLANK_SHARE) && new Set(ids).size === ids.length;
}

/**
 * An ID column whose numbers start again under each repeat of the header (No 1–7, the header again,
 * No 1–5 … in a checklist of blocks) numbers each block's rows: no IDs (they would clash), but row
 * numbers, left where they are like any numbering. (A block's title may stand in the column too.)
 */
function numbersRestart(cells: Cell[]): boolean {
  const numbers = cells.filter((c) => c.t === 'n' || (c.t === 's' && /^\d+$/.test((c.v as string).trim())));
  if (numbers.length < 2 || numbers.length * 2 < cells.length) return false;
  const values = numbers.map((c) => Number(c.v));
  return new Set(values).size < values.length;
}

/**
 * What counts as a register table: the key field and another field, or the key named plainly. A few
 * loose words on a report or form (a daily report's 作業内容, a title cell) are no table.
 */
function isTable(target: ImportTarget, a: Assignment): boolean {
  if (!a.hasKey) return false;
  const mapped = a.columns.filter((m) => m.field !== null);
  const key = mapped.find((m) => m.field === KEY_FIELD[target])!;
  // A name with an ID and remarks is a list (a checklist, a glossary), not a register: another field must say what kind of record it is.
  const others = mapped.filter((m) => m !== key && m.confidence >= 0.7 && !GENERIC_FIELDS.has(m.field!));
  // A key found by its contents (no header word names it) needs more company than one a header word
  // names. One named loosely (Change Summary: the register's noun, then a weak synonym) needs a field
  // named plainly beside it (Decision), or two: a data row's words (自動設定項目 beside Action) are
  // loose matches all.
  if (a.keyGuessed) return others.length >= 2;
  if (key.confidence < NAMED_KEY) return others.length >= 2 || others.some((m) => m.confidence >= PLAIN_WORD);
  return others.length >= 1 || key.confidence >= 0.95;
}

/** Other fields of the register a header's words must name for a loosely named key to make a table by its shape. */
const WORDED_FIELDS = 2;

/**
 * A register whose title word is the client's own (懸念される事象, 指摘の要旨, What could happen): the key's
 * header names it loosely or not at all, its cells are texts each record its own (not people), and the
 * header's words name two or more other fields of the register (想定される影響 | 処置期日 | 管理状況). Read by
 * the header's words alone, as the scan does: a field the cells then turn down (a date typed 27年9月1日)
 * still says what the table is. Such a table was refused whole ("No table with a risk title column"),
 * nothing asked: blind set 20, I1. Found by its shape, so asked (byShape; the key, keyGuessed, where weak).
 * (Not where the key's header names another field more than it names the key: a plan's 備考.)
 */
function ownTitled(target: ImportTarget, cand: Scan, key: ColumnMapping | undefined, samples: { cells: Samples; ctx: SampleContext }): boolean {
  const keyCol = key && cand.header.find((h) => h.c === key.c);
  if (!key || !keyCol || key.confidence >= NAMED_KEY) return false;
  const own = Math.max(0, ...matchLabel(target, keyCol.parts).filter((m) => m.field === KEY_FIELD[target]).map((m) => m.confidence));
  const namesOther = (['wbs', target] as const).some((t) => matchLabel(t, keyCol.parts).some((x) => x.field !== KEY_FIELD[t] && x.confidence >= MIN_CONFIDENCE && x.confidence >= own));
  if (namesOther) return false;
  const cells = samples.cells(keyCol);
  if (holdsPeople(target, cells, samples.ctx) || !ownTexts(cellTexts(cells))) return false;
  const worded = assignFields(target, cand.header).columns.filter((m) => m.field !== null && m.field !== KEY_FIELD[target] && !GENERIC_FIELDS.has(m.field) && m.confidence >= MIN_CONFIDENCE);
  return worded.length >= WORDED_FIELDS;
}

/** Rows under a header read to tell a form from a table. */
const FORM_ROWS = 20;

/**
 * A form, not a table: one record per sheet, the field names down the left and each value beside its
 * name (管理番号 | CR-001, 件名 | …, 申請者 | 山田 …; blind G11). Read as a table, its first pair is the
 * header and the names under it are records. Told by the key column: three or more of the texts under
 * its header, and half of them, are themselves the name of a field (of any register), in a table of at
 * most three columns. A register's records are never named 申請者 or 承認日.
 */
function isForm(target: ImportTarget, cand: Scan, a: Assignment): boolean {
  if (cand.header.length > 3) return false;
  const key = a.columns.find((m) => m.field === KEY_FIELD[target]);
  const col = key && cand.header.find((h) => h.c === key.c);
  if (!col) return false;
  const texts: string[] = [];
  for (const row of cand.ix.sheet.rows) {
    if (row.r <= cand.extended) continue;
    if (row.r > cand.extended + FORM_ROWS) break;
    const cell = row.cells.find((x) => x.c >= col.c && x.c < col.c + col.span);
    if (cell?.t === 's' && (cell.v as string).trim() !== '') texts.push((cell.v as string).trim());
  }
  const names = texts.filter((t) => IMPORT_TARGETS.some((x) => matchLabel(x, [t]).some((m) => m.confidence >= 0.9)));
  return names.length >= 3 && names.length * 2 >= texts.length;
}

/** How much better another register's table must score than the chosen one's to be offered instead. */
const SUGGEST_MARGIN = 1.15;
/**
 * A register the workbook names (its sheet, the title over its table) while the chosen one is not named
 * is offered when its table scores at least this share of the best: column words that fit two registers
 * nearly as well (an issue log's owner, due date, status fit a risk register too) do not decide.
 */
const NAMED_SHARE = 0.9;

/**
 * The register a workbook's table fits clearly better than the one the user is importing into (a
 * review record sheet opened from 課題管理表 is 品質不具合's), or the one the workbook names where the
 * scores are close (課題管理表 opened from リスク), or null: the import dialog offers it.
 */
export function betterTarget(model: WorkbookModel, chosen: ImportTarget, opts: DetectOptions = {}): ImportTarget | null {
  const ranked = rankTargets(model, opts);
  const own = ranked.find((r) => r.target === chosen);
  const best = ranked[0]!;
  // A plan (start and finish dates with a progress or an estimate: a Redmine or Backlog ticket export) chosen
  // as a WBS stays one: no register keeps those columns (blind set 5, K9: pointed at 課題).
  if (chosen === 'wbs' && own?.table && PLAN_FIELDS.every((f) => own.table!.fields.includes(f)) && PLAN_MEASURES.some((f) => own.table!.fields.includes(f))) return null;
  // The title of the table's own section (■ 宿題事項 right over its header) names another register and not the
  // chosen one, whose table is the same: that register keeps it (blind set 5, K10: minutes previewed as risk).
  if (own?.table) {
    const ownTable = own.table;
    const sheet = model.sheets.find((x) => x.name === ownTable.sheet);
    const section = sheet ? sectionTitleAbove(new SheetIndex(sheet), ownTable.headerTop, ownTable.span) : '';
    const named = registersNamed(section);
    if (named.length > 0 && !named.includes(chosen)) {
      const other = ranked.find((r) => named.includes(r.target) && r.table?.sheet === ownTable.sheet && r.table.headerTop === ownTable.headerTop && r.score >= own.score * NAMED_SHARE);
      if (other) return other.target;
    }
  }
  const named = (r: (typeof ranked)[number]) => r.table !== null && titleNames(r.target, tableTitle(model, r.table.sheet, r.table.headerTop));
  if (!own || !named(own)) {
    const byName = ranked.find((r) => r.target !== chosen && r.score > 0 && r.score >= best.score * NAMED_SHARE && named(r));
    if (byName && byName.score > (own?.score ?? 0)) return byName.target;
  }
  if (best.target !== chosen && best.score > 0 && best.score > (own?.score ?? 0) * SUGGEST_MARGIN) return best.target;
  // The table's key column named by another register's own word (作業項目: a task) where the chosen one only
  // takes it loosely (as an issue's title, 0.58), that register's table being the same and scoring nearly
  // as well: the table reads better there (blind set 4, J13: a ○/△/× progress sheet opened as 課題).
  const ownKey = own?.table?.key;
  if (!own?.table || !ownKey || ownKey.confidence >= LOOSE_KEY) return null;
  const plainly = ranked.find(
    (r) => r.target !== chosen && r.table?.sheet === own.table!.sheet && r.table.headerTop === own.table!.headerTop && r.table.key?.c === ownKey.c && r.table.key.confidence >= PLAIN_KEY && r.score >= own.score * NAMED_SHARE,
  );
  return plainly?.target ?? null;
}

/** The fields that make a WBS table a plan: both dates, and a measure of the work (PLAN_MEASURES). */
const PLAN_FIELDS = ['plannedStart', 'plannedFinish'];
const PLAN_MEASURES = ['progress', 'plannedEffort', 'actualEffort'];

/** A key column taken below this confidence is taken loosely (a partial or weak word); at PLAIN_KEY or above its word is the register's own. */
const LOOSE_KEY = 0.8;
const PLAIN_KEY = 0.95;

/** Which target a workbook most looks like (for a first suggestion in the UI), best first, with where its table is. */
export function rankTargets(
  model: WorkbookModel,
  opts: DetectOptions = {},
): { target: ImportTarget; score: number; table: { sheet: string; headerTop: number; span: { c1: number; c2: number }; fields: string[]; key?: { c: number; confidence: number } } | null }[] {
  return IMPORT_TARGETS.map((target) => {
      const d = detectLayout(model, target, opts);
      if (!d.ok) return { target, score: 0, table: null };
      const cols = d.layout.columns;
      const key = cols.find((m) => m.field === KEY_FIELD[target]);
      const span = { c1: Math.min(...cols.map((m) => m.c)), c2: Math.max(...cols.map((m) => m.c + m.span - 1)) };
      const fields = cols.flatMap((m) => (m.field === null ? [] : [m.field]));
      return { target, score: d.layout.score, table: { sheet: d.layout.sheet, headerTop: d.layout.headerTop, span, fields, ...(key ? { key: { c: key.c, confidence: key.confidence } } : {}) } };
    })
    .sort((a, b) => b.score - a.score);
}


/**
 * The layout of a header the user points at (sheet and 0-based rows), its columns mapped as detection
 * would map them there; null when the sheet does not exist or those rows hold no header words.
 */
export function layoutAt(
  model: WorkbookModel,
  target: ImportTarget,
  sheetName: string,
  top: number,
  bottom: number,
  opts: DetectOptions & { column?: number } = {},
): TableLayout | null {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet || sheet.skipped) return null;
  const ix = new SheetIndex(sheet);
  // A gantt's row of dates over names with no header words (timeline.ts).
  const timeline = target === 'wbs' && top === bottom && !ix.row(top)?.cells.some((c) => c.t === 's' && (c.v as string).trim() !== '') ? timelineTable(ix, 0, top) : null;
  if (timeline) return { target, sheet: sheet.name, headerTop: top, headerBottom: bottom, columns: [timeline.name], score: 1 };
  const tables = splitTables(ix, headerColumns(ix, top, bottom), bottom);
  // Tables side by side: the one holding the column pointed at, else the one with the key field.
  const header =
    (opts.column !== undefined ? tables.find((t) => t.length && spanOf(t).c1 <= opts.column! && opts.column! <= spanOf(t).c2) : undefined) ??
    tables.find((t) => t.length && assignFields(target, t).hasKey) ??
    tables.sort((a, b) => b.length - a.length)[0] ??
    [];
  if (header.length === 0) return null;
  const ctx: SampleContext = {
    vocab: opts.vocab ?? defaultVocabularies(),
    date1904: model.date1904,
    reference: opts.reference ?? localToday(),
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
    namesReiwa: () => namesReiwa(model),
    dottedNote: () => dottedFormNote(model),
  };
  const a = assignFields(target, header, { cells: sampler(ix, bottom), ctx, lists: listsUnder(model, sheet.name, bottom) });
  return { target, sheet: sheet.name, headerTop: top, headerBottom: bottom, columns: tableColumns(target, ix, a.columns, top, bottom), score: Math.round(a.score * 1000) / 1000 };
}

/**
 * The header rows over a first data row the user pointed at (0-based): the rows right above it that
 * name columns, up to four; null when the row above holds no header words.
 */
export function headerAbove(model: WorkbookModel, target: ImportTarget, sheetName: string, firstData: number): { top: number; bottom: number } | null {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet || sheet.skipped || firstData < 1) return null;
  const ix = new SheetIndex(sheet);
  const bottom = firstData - 1;
  if (!(ix.row(bottom)?.cells.some((c) => c.t === 's') ?? false) && !ix.sheet.merges.some((m) => m.r1 <= bottom && bottom <= m.r2)) return null;
  let top = bottom;
  // The user said the data starts under `bottom`: a row there with no column's word of its own (a
  // template's notes under each word: (yyyy/mm/dd), (選択)) is the foot of a header that names the columns
  // in the rows right above it, not a header by itself.
  const named = (r: number) => (ix.row(r)?.cells ?? []).some((c) => c.t === 's' && matchLabel(target, [c.v as string]).some((m) => m.confidence >= MIN_CONFIDENCE));
  while (top > 0 && bottom - top + 1 < MAX_HEADER_ROWS && !named(top) && named(top - 1)) top--;
  while (top > 0 && bottom - top + 1 < MAX_HEADER_ROWS && rowAddsToHeader(ix, target, top - 1, top) && (ix.row(top - 1)?.cells.some((c) => c.t === 's') ?? false)) {
    const header = headerColumns(ix, top - 1, bottom);
    if (!topRowStartsHeader(ix, target, top - 1, header)) break;
    top--;
  }
  return { top, bottom };
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

/**
 * Another register's table, not this one's: the layout's key column is not named plainly (its word is
 * partial or weak, below PLAIN_KEY: 確認項目 or チェック項目 as a task's name) while another register's
 * own word names it plainly (PLAIN_KEY) as that register's key, and that register reads the same header
 * rows with more of its columns named plainly and a clearly better score (SUGGEST_MARGIN). A person
 * reads チェック項目 / チェック内容 / 確認者 / 確認日 as a checklist's items, not as tasks, however 大分類 /
 * 小分類 also fit a WBS's levels (issue 11: checklist-jp-fintan previewed as a WBS imported 35 tasks).
 * The preview then imports nothing and says so (otherRegisterTable) until the user points at the table.
 */
export function otherRegisterTable(model: WorkbookModel, layout: TableLayout, opts: DetectOptions = {}): { target: ImportTarget; column: ColumnMapping } | null {
  const target = layout.target;
  const key = layout.columns.find((m) => m.field === KEY_FIELD[target]);
  if (!key || key.confidence >= PLAIN_KEY) return null;
  const plain = (l: TableLayout) => l.columns.filter((m) => m.field !== null && m.field !== KEY_FIELD[l.target] && m.confidence >= NAMED_KEY && !GENERIC_FIELDS.has(m.field)).length;
  const own = layoutAt(model, target, layout.sheet, layout.headerTop, layout.headerBottom, { ...opts, column: key.c });
  if (!own) return null;
  let best: { target: ImportTarget; column: ColumnMapping; score: number } | null = null;
  for (const other of IMPORT_TARGETS) {
    if (other === target) continue;
    const l = layoutAt(model, other, layout.sheet, layout.headerTop, layout.headerBottom, { ...opts, column: key.c });
    const otherKey = l?.columns.find((m) => m.field === KEY_FIELD[other]);
    if (!l || !otherKey || otherKey.c !== key.c || otherKey.confidence < PLAIN_KEY) continue;
    if (plain(l) <= plain(own) || l.score < own.score * SUGGEST_MARGIN) continue;
    if (!best || l.score > best.score) best = { target: other, column: key, score: l.score };
  }
  return best && { target: best.target, column: best.column };
}
