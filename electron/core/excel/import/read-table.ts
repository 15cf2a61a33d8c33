// Reads the records of a table (found by detectLayout, kept in a profile, or fixed by the user) into
// normalized field values, extra columns and — for the WBS — the tree. Nothing is refused whole for a
// bad cell: the cell is left out and listed as a problem with its sheet, cell and reason, so a preview
// can show every problem at once.
import type { z } from 'zod';
import { wbsFields } from '../../../common/api/wbs.js';
import { localToday } from '../../../common/dates.js';
import { REGISTERS, type Vocabularies } from '../../../common/registers.js';
import { columnDateReading, dottedFormNote, dottedReading, isBlankText, keptDateReading, namesReiwa, readValue, rowKey, tableSlashOrder, textOf, type ValueContext } from './cell-values.js';
import { checkCode, checkMark } from './check-columns.js';
import { ClientValues, type NewListItem } from './client-values.js';
import { bareReiwa, dottedChoices, isPeriodDate, looksLikeDate, nearestYear, otherOrderReading, parseDateText, shortYearByContext, shortYearChoices, weekOfText, weekStartDay, serialToIso, writtenWeekday, type ShortYearForm, type SlashOrder, ymd, yearsOfStretch } from '../../../common/excel/client-dates.js';
import { findDataRows, joinWrapped } from './data-range.js';
import { dateAboveTable, yearAboveTable } from './date-above.js';
import { paintedDates } from './band-dates.js';
import { isMark } from './marks.js';
import { defaultVocabularies, detectLayout, type DetectOptions, type TableLayout } from './detect.js';
import { fieldSpec, KEY_FIELD, type FieldKind, type FieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { buildTree, chooseMethod, type TreeInput } from './hierarchy.js';
import { cellRef, parseCellRef, type Cell, type WorkbookModel } from '../../../common/excel/model.js';
import { effortUnitOf, parseNumberText, progressScale, type ProgressScale } from './numbers.js';
import { effortUnitFor, effortUnitNote } from './effort-unit.js';
import { phaseRows } from './phase-rows.js';
import { sectionRows } from './section-rows.js';
import { headerColumns } from './header-rows.js';
import { failure, shown, type Failure, type Problem, type ProblemKind } from '../../../common/excel/problems.js';
import { clientListAt, noteListOf } from './client-lists.js';
import { isOpenWord, isStatusCode, likelyCode, openWordReading, parseRatingValue, parseVocab, parseWbsStatus, statusCodes, wordKey, type StatusCodes } from './value-words.js';
import { SheetIndex } from './sheet-index.js';
import { definesOwnScale, noteScale, statedScale, type Scale } from './rating-legend.js';
import { numberedBlankRows, numberingHeader, numbersRows, shownNumber } from './numbering.js';
import { outlineCode } from './outline-codes.js';
import { spreadDigitCells } from './digit-codes.js';
import { parseDateRange, periodOfCell, rangeOrder } from './date-range.js';
import { levelNumberCodes } from './level-numbers.js';
import { blockColumns, stackedByRow, withBlockRows } from './block-rows.js';
import { fiscalCalendarYear, fiscalYearAbove, fiscalYearOfRun, type RowMonth } from './fiscal-year.js';
import { isDateCell } from './serial-dates.js';
import { codeKey, isCode, legendFor, legendWordForms, workbookLegends, type Legend } from './code-legend.js';
import { labelKey, matchLabel } from './synonyms.js';
import { mappedCode, suggestCode, withWord } from './value-map.js';
import { stageCode, wbsStatusOfStage } from './status-stages.js';
import { statusByPosition } from './status-positions.js';
import type { WbsStatus } from '../../../common/dto.js';
import type { VocabListName } from '../../../common/registers.js';
import type { ColumnMapping, EndReason, TableCandidate, HierarchyMethod, LeftOutReason, UnknownValue, ValueMap, ValueMaps } from '../../../common/excel/preview.js';

export type ExtraValue = string | number | boolean;

export interface ImportRecord {
  /** 1-based sheet row the record comes from (for a group made from a 大/中 value: the row naming it). */
  row: number;
  /** Field → normalized value; a mapped column's empty cell gives null ('' for text). */
  values: Record<string, unknown>;
  /** Columns without a field, by their extra key; only cells with a value. */
  extra: Record<string, ExtraValue>;
  /** WBS: depth (0 = top) and the index of the parent record (null at the top). */
  level?: number;
  parent?: number | null;
  /** WBS: a group made from a 大/中分類 value that has no row of its own. */
  group?: true;
  /** WBS: `values.status` was derived from the progress (the file has no status column). */
  statusFromProgress?: true;
  /** WBS: `values.milestone` was read from a mark in the name (◆設計完了) or a zero duration; the file has no milestone column. */
  milestoneDerived?: true;
  /** Date fields read from a text without a year (7/18, 7月18日) that nothing in the cell itself dates: their year is a guess. */
  yearless?: string[];
  /**
   * WBS: the planned dates were read from the row's painted gantt cells (band-dates.ts; the file has no
   * date column): the stored dates that paint the same columns, as yyyy-mm-dd ranges (null: open). A
   * plan painted per week says the week, not the day: a stored date inside it is no change.
   */
  datesWithin?: Record<'plannedStart' | 'plannedFinish', [string | null, string | null]>;
}

export interface ImportTable {
  fileName: string;
  target: ImportTarget;
  sheet: string;
  /** 1-based header rows. */
  header: { top: number; bottom: number };
  /** 1-based first and last record rows (null when the table is empty), and why the data ends there. */
  data: { first: number | null; last: number | null; end: EndReason; endRow?: number };
  /** 1-based rows inside the data that hold something but are no record (separators, the header again…), with why. */
  leftOut: { row: number; reason: LeftOutReason }[];
  columns: ColumnMapping[];
  records: ImportRecord[];
  problems: Problem[];
  hierarchy?: HierarchyMethod;
  progressScale?: ProgressScale;
  /** Distinct client words of list and rating columns not on the project's list, and what they are read as. */
  unknownValues: UnknownValue[];
  /**
   * The ID/No column is the client's formula (a running number by position, in most of its cells): it
   * renumbers when a row is added or removed, so it names no record: rows are matched by their title
   * instead, and a number that moved is no change of the record.
   */
  positionalRefs?: true;
  /**
   * WBS: the extra key of the task ID column its Predecessors are read by (services/import/predecessors.ts
   * predecessorReading), when that column is kept as an extra: the client's numbering of the rows, which
   * the export fills for a new task (the next ID), is no value of the task to compare on a re-import.
   */
  idExtraKey?: string;
  /** Every client word read in list and rating columns with its code: the profile's value maps. */
  valueMaps: ValueMaps;
  /** Client words to add to the project's lists on apply. */
  newItems: NewListItem[];
  /**
   * Dates written without a year that nothing decides (no full date in their row or column, no project
   * period): how many, a few as written, and the year they were read in (today's, or the user's choice);
   * `span`: they run over a new year (12/28, 1/5), `year` is the year they start in.
   */
  undecidedYears?: { count: number; examples: string[]; year: number; chosen: boolean; span?: true };
  /**
   * WBS: the column whose values a parent column names the rows by (Redmine's #, Backlog's キー, or the
   * name column), and each record's ID by its 0-based sheet row: the tree is read by following parents,
   * and the export writes each task's parent's ID from the tree (parentKeyColumn).
   */
  parentKeys?: { c: number; ids: Map<number, string> };
  /** WBS: the phase rows over their tasks (phase-rows.ts), 0-based, and the column their text stands in (the export keeps the row as it is). */
  phaseCells?: { r: number; c: number }[];
  /** WBS: the planned dates were read from a gantt painted in columns first…last (0-based), `days` per column (band-dates.ts). */
  paintedDates?: { first: number; last: number; days: number };
  /** The client's rows under the table (findDataRows): a profile saved from it keeps them to know the table's end by. */
  below?: string[];
  /**
   * The layout's columns as a stacked header's split made them (block-rows.ts: each row's own field),
   * where it did: refining the preview starts from these, so an answer for a column of a record's second
   * row lands there (blind set 18, I7: answers on a two-row record were accepted and ignored, the split
   * made again from the header's words). (Not a 予定/実績 plan's: its actual twins follow their first row's field.)
   */
  layoutColumns?: ColumnMapping[];
}

export interface ReadOptions {
  vocab?: Vocabularies;
  /** yyyy-mm-dd: the reference day for dates without a year (today when absent). */
  today?: string;
  /** The client's words for list and rating values (the profile's), and the user's choices: field → word → code (null: add it to the list). */
  valueMaps?: ValueMaps;
  valueChoices?: Record<string, Record<string, string | null>>;
  /** The project's period: the year of a date written without one, when the row and column have no full date. */
  period?: { start: string | null; end: string | null };
  /** The year the user chose for dates without a year that nothing in the file or the project decides. */
  year?: number;
  /** The profile knows the ID column as the client's numbering by the row, whatever its cells now hold. */
  positionalRefs?: boolean;
  /**
   * The layout is a saved profile's: its records are of two rows only where it says so (blockLabels),
   * never found anew — a profile saved before two-row records were read keeps its reading, and its export
   * does not write the dates it never imported over the client's 実績 rows (review T5).
   */
  savedLayout?: boolean;
  /**
   * The profile's layout showed its tree as phase rows over the tasks (hierarchy 'phases'): one phase row
   * is enough to read them so (a plan left with one phase is no plan under a title).
   */
  phaseRows?: boolean;
  /** The project's stored titles, where the workbook is the client's read through its profile (findDataRows). */
  titles?: ReadonlySet<string>;
  /** The client's rows under the table when the profile was saved (ImportTable.below): they end it. */
  below?: readonly string[];
}

/**
 * Kinds whose unread value (a status 済?, a progress 'half', Jira's 4d 4h) costs the record that value
 * only: the row is imported, the value left empty, the text kept with the row and the cell named (blind
 * set 6, L4: an unread status or progress refused its whole row). The export writes the client's cell back
 * while the field keeps what the import gave it. A mistyped date (2025/13/40) and an Excel error still
 * refuse their row: the user should see and fix them (review R7).
 */
const KEPT_UNREAD = new Set<FieldKind>(['effort', 'days', 'progress', 'wbsStatus', 'yesNo', 'scheduling', 'rating', 'vocab']);
/**
 * Of those, the kinds the register gives a default rather than an empty value (a status not started, a
 * progress 0): an unread one is left unset, so the register's default stands, and the export knows the
 * client's cell by its text kept with the row (profile-export.ts keptUnreadCell) and writes it back.
 */
const DEFAULTED = new Set<FieldKind>(['progress', 'wbsStatus', 'yesNo', 'scheduling']);
/** Kinds whose text cells read by their text alone, the same few words down a column (read once each: readTable). */
const WORD_KINDS = new Set<FieldKind>(['wbsStatus', 'yesNo', 'progress', 'effort', 'days', 'scheduling', 'level']);

/** A period a person reads as a due date (7月末, 8月上旬, w/c 14 Jul, Q3), read as its last day: said so. */
/** The fields of a start date: a week written there is its Monday (weekStartDay). */
const START_FIELD = /Start$/;

function periodFailure(raw: string, date: string): Failure {
  return failure('datePeriod', { value: shown(raw), date }, `${shown(raw)} names a period: read as its last day, ${date}`);
}

const PROBLEM_KIND: Record<FieldKind, ProblemKind> = {
  text: 'text',
  category: 'text',
  ref: 'text',
  date: 'date',
  effort: 'number',
  progress: 'progress',
  wbsStatus: 'vocab',
  vocab: 'vocab',
  yesNo: 'boolean',
  rating: 'rating',
  wbsCode: 'hierarchy',
  level: 'hierarchy',
  parent: 'hierarchy',
  days: 'number',
  scheduling: 'vocab',
  derived: 'text',
};

type Schema = z.ZodType;
function schemaOf(target: ImportTarget, field: string): Schema | undefined {
  const shape = (target === 'wbs' ? wbsFields.shape : REGISTERS[target].fields.shape) as Record<string, Schema>;
  return Object.prototype.hasOwnProperty.call(shape, field) ? shape[field] : undefined;
}

/** Value of a data cell: its own, or that of a merged range covering it that starts in the data. */
function dataCell(ix: SheetIndex, r: number, c: number, firstDataRow: number): Cell | undefined {
  const own = ix.cell(r, c);
  if (own) return own;
  const m = ix.mergeAt(r, c);
  return m && m.r1 >= firstDataRow && (m.r1 !== r || m.c1 !== c) ? ix.cell(m.r1, m.c1) : undefined;
}

const LEADING = /^[ \u3000\t]+/;
/** A cell of only a dash or a slash: "none", no code. */
const NONE = /^[-－ー―—–‐/／]$/;
/** `read` asked once per word: a column's few words, each read again down 100,000 rows, cost more than the rows. */
function onceEach<T>(read: (word: string) => T): (word: string) => T {
  const seen = new Map<string, T>();
  return (word) => {
    if (seen.has(word)) return seen.get(word)!;
    const v = read(word);
    seen.set(word, v);
    return v;
  };
}

/** A column's text cells' texts (a loop: flatMap made an array per cell of a 100,000-row column). */
function textsOf(column: readonly (Cell | null)[]): string[] {
  const out: string[] = [];
  for (const x of column) if (x?.t === 's') out.push(x.v as string);
  return out;
}

/** A column's cells that hold something (one array, not one per cell: the columns run 100,000 rows). */
const filled = (column: readonly (Cell | null)[]): Cell[] => column.filter((x): x is Cell => x !== null);

function indentWidth(s: string): number {
  // (Most names start with no space at all: no regex for them, asked of every row's name.)
  const c = s.charCodeAt(0);
  if (c !== 32 && c !== 0x3000 && c !== 9) return 0;
  const lead = LEADING.exec(s)?.[0] ?? '';
  let w = 0;
  for (const ch of lead) w += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
  return w;
}

export function readTable(model: WorkbookModel, layout: TableLayout, opts: ReadOptions = {}): ImportTable {
  const sheet = model.sheets.find((s) => s.name === layout.sheet);
  if (!sheet) throw new Error(`${model.fileName}: there is no sheet named ${layout.sheet}`);
  const ix = new SheetIndex(sheet);
  const target = layout.target;
  // Records of two rows (予定 / 実績): each field read from its row of the record (block-rows.ts).
  const byRow = withBlockRows(ix, layout, !opts.savedLayout, { ...(opts.vocab ? { vocab: opts.vocab } : {}), ...(opts.today ? { today: opts.today } : {}) });
  const layoutColumns = byRow !== layout.columns && stackedByRow(byRow) ? byRow.map((m) => ({ ...m })) : undefined;
  layout = { ...layout, columns: byRow };
  const data = findDataRows(ix, layout, opts.titles, opts.below);
  // Phase rows spanning the table over their tasks (【フェーズ1】要件定義 merged across): records, the tasks' summaries.
  // (Not where the layout's own columns give the tree — 大分類/中分類, a code or a level column: a row of
  // one cell there is a group label or a task, and reading it as a phase moved tasks: review T8.)
  const treeColumns = layout.columns.some((m) => m.field !== null && /^(?:level\d|level|wbsCode|parent)$/.test(m.field));
  const phases = treeColumns ? new Map<number, string>() : phaseRows(ix, layout, data, !!opts.phaseRows);
  let phaseCells: { r: number; c: number }[] | undefined;
  if (phases.size > 0) {
    data.rows = [...new Set([...data.rows, ...phases.keys()])].sort((a, b) => a - b);
    data.leftOut = data.leftOut.filter((x) => !phases.has(x.r));
  }
  // Section rows of a register (■ 技術リスク over its risks): listed as section titles; their names fill
  // the records' category or phase where no column does (below, after the records are read).
  const sections = sectionRows(ix, layout, data);
  if (sections.rows.size > 0) data.leftOut = data.leftOut.map((x) => (sections.rows.has(x.r) ? { r: x.r, reason: 'section title' } : x));
  const firstDataRow = layout.headerBottom + 1;
  // A blank form's rows to fill start under the example and instruction rows the import leaves out (a
  // 記入例 row filled in to show how): those rows carry neither the form's numbering nor its lists.
  // (A loop, not Math.max(...rows): a spread of ~120,000 left-out rows overflows the call stack.)
  let formTop = firstDataRow;
  for (const x of data.leftOut) if ((x.reason === 'example' || x.reason === 'instructions' || x.reason === 'filter row') && x.r + 1 > formTop) formTop = x.r + 1;
  const problems: Problem[] = [];
  const problem = (r: number, c: number, kind: ProblemKind, what: Pick<Problem, 'code' | 'params' | 'reason'>, field?: string, warning?: true) =>
    problems.push({ sheet: sheet.name, cell: cellRef(r, c), kind, code: what.code, params: what.params, reason: what.reason, ...(field ? { field } : {}), ...(warning ? { warning } : {}) });
  const vocab = opts.vocab ?? defaultVocabularies();
  const today = opts.today ?? localToday();

  // Each column's cell on each record row (for a column group: the first filled column and its offset).
  const mapped = layout.columns.map((m) => ({ ...m }));
  // The form's own numbering (項目番号 小: typed 1, 2, 3 … down every record, three or more) in a column no
  // field takes, headed by a numbering word or by nothing, is no record's data (ColumnMapping.numbering).
  // (A Rank or 順位 whose ranks run 1…n today is the client's data: numberingHeader.) Not where rows between the
  // records number themselves too (a Control ID# on each control row of a risk: the controls' numbers),
  // and not in a plan whose predecessors name its rows by such a number (MS Project's ID column): a
  // predecessors column no record fills names nothing.
  // The record rows as a set: a 100,000-row table asked `includes` of its own rows was quadratic (10 s).
  const recordRows = new Set(data.rows);
  const between = data.rows.length === 0 ? [] : Array.from({ length: data.rows[data.rows.length - 1]! - data.rows[0]! + 1 }, (_, k) => data.rows[0]! + k).filter((r) => !recordRows.has(r));
  const links = mapped.filter((m) => m.field === 'predecessors');
  // (A 方眼紙's column spans several cells, merged on each record's row, its number in the first: 通番 over B:C.)
  const mergedAcross = (m: ColumnMapping) => data.rows.every((r) => { const g = ix.mergeAt(r, m.c); return !!g && g.c1 === m.c && g.c2 === m.c + m.span - 1; });
  if (!links.some((m) => data.rows.some((r) => Array.from({ length: m.span }, (_, k) => ix.cell(r, m.c + k)).some((x) => x !== undefined && x.v !== null && String(x.v).trim() !== ''))))
    for (const m of mapped)
      if (m.field === null && (m.span === 1 || mergedAcross(m)) && !m.numbering && numberingHeader(m.label) && numbersRows(ix, data.rows, m.c, 3, true) && between.every((r) => shownNumber(ix.cell(r, m.c)) === null)) {
        m.numbering = true;
        delete m.extraKey;
      }
  // Each mapped column's cell per record, as read from the sheet (no wrapper per cell: 1.2 million of them
  // at 100,000 rows). `c` is where the value was read; a value taken from a merged range, or made from a
  // column group (marks, level numbers), is a cell of its own placed there.
  type Hit = Cell | null;
  const grid: Hit[][] = mapped.map(() => new Array<Hit>(data.rows.length).fill(null));
  const maxC = Math.max(...mapped.map((m) => m.c + m.span));
  // Per row of a record's block (rowOffset: a two-row record's second row), which mapping each column is.
  const offsets = [...new Set(mapped.map((m) => m.rowOffset ?? 0))];
  const colMaps = new Map(offsets.map((k) => [k, new Int32Array(maxC).fill(-1)]));
  mapped.forEach((m, j) => colMaps.get(m.rowOffset ?? 0)!.fill(j, m.c, m.c + m.span));
  const colMap = colMaps.get(0) ?? new Int32Array(maxC).fill(-1);
  const blank = (cell: Cell) => cell.t === 's' && isBlankText(cell.v as string);
  // A record's block ends where the next record starts: a record of one row among two-row ones (a 大/中
  // label row over two-row tasks) has no second row, and the next record's plan row is not its actual row.
  const inBlock = (i: number, k: number) => k === 0 || data.rows[i]! + k < (data.rows[i + 1] ?? Infinity);
  data.rows.forEach((r, i) => {
    for (const [k, map] of colMaps) {
      if (!inBlock(i, k)) continue;
      for (const cell of ix.row(r + k)?.cells ?? []) {
        const j = cell.c < maxC ? map[cell.c]! : -1;
        if (j < 0 || grid[j]![i] || blank(cell)) continue;
        grid[j]![i] = cell;
      }
    }
    if (sheet.merges.length === 0) return;
    // Cells covered by a range merged down from an earlier data row take its value.
    mapped.forEach((m, j) => {
      if (grid[j]![i] || !inBlock(i, m.rowOffset ?? 0)) return;
      for (let k = 0; k < m.span; k++) {
        const cell = dataCell(ix, r + (m.rowOffset ?? 0), m.c + k, firstDataRow);
        if (cell && !blank(cell)) {
          grid[j]![i] = cell.c === m.c + k ? cell : { ...cell, c: m.c + k };
          return;
        }
      }
    });
  });

  // A phase row holds its name alone (its merge spread it over every column): no dates, no status of its own.
  if (phases.size > 0) {
    phaseCells = [...phases.keys()].map((r) => ({ r, c: (ix.row(r)?.cells ?? []).find((x) => x.t === 's' && (x.v as string).trim() === phases.get(r))?.c ?? mapped[0]!.c }));
    const nameAt = mapped.findIndex((m) => m.field === 'name');
    data.rows.forEach((r, i) => {
      const name = phases.get(r);
      if (name === undefined) return;
      grid.forEach((col) => (col[i] = null));
      if (nameAt >= 0) grid[nameAt]![i] = { c: mapped[nameAt]!.c, t: 's', v: name };
    });
  }

  // A row that goes on with the record above is read with it, as a person reads it: a text the author
  // wrapped by hand continues the record's sentence; the second row of a record whose name is merged
  // over both adds a line to each text (a second control), and fills the record's empty cells.
  const wrapped = new Set(data.leftOut.filter((x) => x.reason === 'continued text').map((x) => x.r));
  const recordIndex = data.continued.size > 0 ? new Map(data.rows.map((r, i) => [r, i])) : null;
  // (Not in the columns a two-row record reads row by row: its second row's cells are values of their own.)
  const ownRows = blockColumns(mapped);
  for (const [r, parent] of data.continued) {
    const i = recordIndex!.get(parent) ?? -1;
    if (i < 0) continue;
    for (const cell of ix.row(r)?.cells ?? []) {
      const j = cell.c < maxC ? colMap[cell.c]! : -1;
      if (j < 0 || blank(cell) || ownRows.has(cell.c)) continue;
      const hit = grid[j]![i];
      if (!hit) {
        grid[j]![i] = cell;
        continue;
      }
      if (hit.t !== 's' || cell.t !== 's') continue;
      const before = (hit.v as string).trimEnd();
      const after = (cell.v as string).trim();
      // A two-row record's second row repeating its first row's text (the name typed on both) says it once.
      if (ownRows.size > 0 && after === before.trim()) continue;
      const joined = !wrapped.has(r) ? `${before}\n${after}` : joinWrapped(before, after);
      grid[j]![i] = { ...hit, v: joined };
    }
  }

  const progressCol = mapped.findIndex((m) => m.field === 'progress');
  const scale = progressCol >= 0 ? progressScale(filled(grid[progressCol]!)) : undefined;
  const base: Omit<ValueContext, 'reference' | 'effortUnit'> = {
    date1904: model.date1904,
    vocab,
    progressScale: scale ?? 'fraction',
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
  };

  const records: ImportRecord[] = data.rows.map((r) => ({ row: r + 1, values: {}, extra: {} }));
  const tree: TreeInput[] = data.rows.map((r) => ({ r, outline: ix.row(r)?.outline ?? 0 }));
  const codeColumn = mapped.find((m) => m.field === 'wbsCode');
  const levelColumn = mapped.find((m) => m.field === 'level');
  const categoryColumns = mapped.filter((m) => m.field !== null && /^level\d$/.test(m.field)).sort((a, b) => a.field!.localeCompare(b.field!));

  // A column group of marks under a text field (担当者 over one column per person, 影響範囲 over コスト |
  // 納期 | 品質, ○ where it applies): the value is the words over the marked columns.
  mapped.forEach((m, j) => {
    const names = markedItemColumns(ix, layout, m, model.date1904);
    if (!names) return;
    const reading = markReading(data.rows.flatMap((r) => names.map((_, k) => dataCell(ix, r, m.c + k, firstDataRow))));
    grid[j] = data.rows.map((r, i) => {
      const marked = names.filter((name, k) => name !== '' && reading.on(dataCell(ix, r, m.c + k, firstDataRow)));
      if (marked.length === 0) return grid[j]![i]!;
      return { c: m.c, t: 's', v: marked.join('、') };
    });
  });

  // A rating over one column per step (発生可能性 over 大/中/小, 〇 in the step that applies: blind G4):
  // the rating is the word over the marked column, read as the column's own words are (大 the top).
  mapped.forEach((m, j) => {
    const steps = ratingMarkColumns(ix, layout, m, model.date1904);
    if (!steps) return;
    grid[j] = data.rows.map((r, i) => {
      const k = steps.findIndex((_, k) => isMark(dataCell(ix, r, m.c + k, firstDataRow)));
      return k < 0 ? grid[j]![i]! : { c: m.c + k, t: 's', v: steps[k]! };
    });
  });

  // A WBS code over level-number columns (大 | 中 | 小 holding 1 | 1 | 2, or a WBS header merged over them):
  // each row's code from its numbers, a number it leaves out the row above's (level-numbers.ts).
  mapped.forEach((m, j) => {
    if (m.field !== 'wbsCode' || m.span < 2) return;
    const numbers = levelNumberCodes(data.rows.map((r) => Array.from({ length: m.span }, (_, k) => dataCell(ix, r, m.c + k, firstDataRow))));
    // Not where the group holds a code written whole in one of its cells (WBS over 1.2 | a blank).
    if (!numbers) return;
    grid[j] = numbers.codes.map((code, i) => (code === null ? grid[j]![i]! : { c: m.c, t: 's', v: code.join('.') }));
  });

  // A code column whose digits are the levels (BL-100, BL-110, BL-111): each row's code spread one number a
  // level (BL-1.1.0), the form the tree reads (digit-codes.ts).
  mapped.forEach((m, j) => {
    if (m.field !== 'wbsCode' || m.span !== 1) return;
    const spread = spreadDigitCells(grid[j]!);
    if (spread) grid[j] = spread;
  });

  // Codes and levels that do not read: problems when the column mostly reads, else the column is
  // no code / level column after all (Task-001 IDs) and stays an extra column.
  const structureMisses: { r: number; c: number; kind: 'wbsCode' | 'level'; failure: Failure }[] = [];
  const structureHits = { wbsCode: 0, level: 0 };
  /** The code of the last row read (outline-codes.ts: a number read after it), split only where a number asks. */
  let codeAbove: string | null = null;

  const values = new ClientValues(vocab, opts.valueMaps, opts.valueChoices);
  // The client's own list for a list or rating column: the list validation of its first data cell (the
  // first record's, else the first row to fill of a blank form).
  const listRows = [...new Set([data.rows[0] ?? formTop, firstDataRow])];
  mapped.forEach((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    if (spec?.kind !== 'vocab' && spec?.kind !== 'rating') return;
    const words = listRows.map((r) => clientListAt(model, sheet.name, r, m.c)).find((w) => w !== null);
    if (words) values.clientList(m.field!, spec, words);
    else if (spec.kind === 'vocab') {
      // Without a validation, a note that lists the column's words (※区分　課題／質問／要望) closes it too.
      const used = [...new Set(grid[j]!.flatMap((x) => (x && x.t === 's' && (x.v as string).trim() !== '' ? [(x.v as string).trim()] : [])))];
      const noted = noteListOf(model, sheet.name, m.label.split(' / ').pop()!, used);
      if (noted) values.clientList(m.field!, spec, noted);
    }
  });
  // A column of ticks under a state's name (完了 ✓, Approved? TRUE): a tick is that state (check-columns.ts).
  // (Kept from the profile where the file has no tick left to show it: every record reopened.)
  mapped.forEach((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    if ((spec?.kind !== 'vocab' && spec?.kind !== 'wbsStatus') || m.check !== undefined) return;
    const code = checkCode(target, m.field!, m.label.split(' / ').pop()!, grid[j]!.filter((x): x is Cell => x !== null), vocab);
    if (code !== null) m.check = code;
  });
  // Codes the workbook explains (1/2/3 on a 凡例 sheet, `1:未着手 2:対応中` above the table): read through
  // that legend, as suggestions (code-legend.ts). Legends are looked for only for a column of codes.
  let legends: Legend[] | undefined;
  const sheetAt = model.sheets.indexOf(sheet);
  const lastRow = data.rows.length ? data.rows[data.rows.length - 1]! : layout.headerBottom;
  const c1 = Math.min(...mapped.map((m) => m.c));
  const c2 = Math.max(...mapped.map((m) => m.c + m.span - 1));
  // A WBS status of marks the workbook explains (進み ○：未着手 ◐：作業中 ●：完了 ▲：保留): each mark is the
  // status its legend word names, before any guess from the mark's shape (blind set 19, I7: ▲ was read as
  // under way beside a legend saying 保留), and the mark is the word an export writes for that status.
  const statusLegends = new Map<number, Map<string, WbsStatus>>();
  mapped.forEach((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    if (spec?.kind !== 'vocab' && spec?.kind !== 'rating' && spec?.kind !== 'wbsStatus') return;
    const cellWords = grid[j]!.flatMap((x) => (x && x.t !== 'e' ? [textOf(x, model.date1904).trim()] : [])).filter((w) => w !== '' && !NONE.test(w));
    const words = new Set(cellWords);
    if (words.size === 0 || ![...words].every(isCode)) return;
    legends ??= workbookLegends(model, (s, r, c) => s === sheetAt && r >= layout.headerTop && r <= lastRow && c >= c1 && c <= c2);
    const list = spec.kind === 'vocab' ? (spec.list as VocabListName) : null;
    const items = list ? vocab[list].items : [];
    const reads = (word: string): string | null => {
      for (const w of legendWordForms(word)) {
        if (spec.kind === 'wbsStatus') {
          const own = parseWbsStatus(w);
          const status = own.ok && own.value !== null ? own.value : wbsStatusOfStage(w);
          if (status !== null) return status;
          continue;
        }
        if (list === null) {
          const r = parseRatingValue(w);
          if (r.ok && r.value !== null) return String(r.value);
          continue;
        }
        const direct = parseVocab(items, list, w);
        if (direct.ok) return direct.value;
        const likely = likelyCode(items, list, w);
        if (likely !== null) return likely;
        // (Its label, or its stage of a record's life: ○ 査閲中 is the list's in review.)
        const s = suggestCode(items, w, undefined, (x) => stageCode(items, x));
        if (s.code !== null && (s.by === 'label' || s.by === 'stage')) return s.code;
      }
      return null;
    };
    const named = (title: string) => matchLabel(target, [title]).some((x) => x.field === m.field && x.confidence >= 0.8);
    const codes = new Map<string, number>();
    for (const w of cellWords) codes.set(codeKey(w), (codes.get(codeKey(w)) ?? 0) + 1);
    // (A rating column of numbers is not read through a legend that defines our own 1–5 points.)
    const numbers = list === null && [...codes.keys()].every((c) => /^\d+$/.test(c));
    // A word the field reads as it stands (小 / 中 / 大 as a rating, 高 / 低 as a priority) is read otherwise
    // only through a legend that is the column's own, titled with its word: a legend of another thing on the
    // sheet (対応優先度 小 = 3：後回し) turned a small impact into 3 (unseen sets 12–14). A legend that reads the
    // words as they read anyway (○＝基準充足) and explains the rest (－＝対象外) is the column's all the same.
    const own = labelKey(m.label.split(' / ').pop()!);
    const ownLegend = (l: Legend) => l.title !== '' && (l.title.includes(own) || own.includes(l.title) || named(l.title));
    // (A mark — ○ ◐ ▲ — says nothing as it stands: its reading by shape is a guess the legend overrules.)
    const contradicts = (l: Legend) =>
      [...codes.keys()].some((c) => {
        if (!/[\p{L}\p{N}]/u.test(c)) return false;
        const said = l.words.get(c);
        const asIs = said === undefined ? null : reads(c);
        return asIs !== null && reads(said!) !== null && reads(said!) !== asIs;
      });
    const fitting = numbers ? legends.filter((l) => !definesOwnScale(l.words.keys())) : legends.filter((l) => ownLegend(l) || !contradicts(l));
    // (A code of more than a mark that the list reads alone — 差戻 — needs no legend line.)
    const readsAlone = (code: string) => list !== null && !/^\d+$/.test(code) && [...words].some((w) => codeKey(w) === code && w.length >= 2 && reads(w) !== null);
    const reading = legendFor(fitting, codes, m.label, reads, named, readsAlone);
    if (reading && spec.kind === 'wbsStatus') statusLegends.set(j, reading as Map<string, WbsStatus>);
    else if (reading) values.legend(m.field!, reading);
    else if (list === null) values.rankColumn(m.field!, cellWords, legends);
  });
  // A status column's words read together: Open beside In Progress is the state before it (value-words.ts).
  const openAs = new Map<number, 'not_started'>();
  /** WBS status words read at their stage, by field: the export's words for their codes. */
  const stageWords = new Map<string, ValueMap>();
  const statusSets = new Map<number, StatusCodes>();
  const statusPlaces = new Map<number, Map<string, WbsStatus>>();
  mapped.forEach((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    if (spec?.kind !== 'vocab' && spec?.kind !== 'wbsStatus') return;
    const words = new Set<string>();
    for (const x of grid[j]!) if (x && (x.t === 's' || x.t === 'n')) words.add(String(x.v).trim());
    if (spec.kind === 'vocab') values.columnWords(m.field!, spec, words);
    // (A profile that read this column's Open as not started keeps that reading whatever words are left:
    // the last In Progress task done, a re-import of our own export read Open as in progress — review T7.)
    else if (openWordReading(words) || [...words].some((w) => isOpenWord(w) && mappedCode(opts.valueMaps?.[m.field!], w) === 'not_started')) openAs.set(j, 'not_started');
    // A WBS status of codes read as a set (● ◐ ○, 0 / 1 / 2: value-words.ts statusCodes).
    // (A profile that read the column so keeps that reading where the words left no longer show the set:
    // ○ alone, after the last ● task was deleted, is still the empty circle.)
    const stored = Object.keys(opts.valueMaps?.[m.field!]?.words ?? {});
    // (Not where the sheet's legend says what its marks are: statusLegends.)
    const codes = spec.kind === 'wbsStatus' && !statusLegends.has(j) ? (statusCodes(words) ?? statusCodes(stored.filter(isStatusCode))) : null;
    if (codes) statusSets.set(j, codes);
    // Words no table reads, by their place in the client's list (its validation, else a note listing
    // them) and their 完: 予定 / 進行 / 完了 / 延期 (status-positions.ts).
    else if (spec.kind === 'wbsStatus') {
      const list = listRows.map((r) => clientListAt(model, sheet.name, r, m.c)).find((w) => w !== null) ?? noteListOf(model, sheet.name, m.label.split(' / ').pop()!, [...words]);
      const placed = statusByPosition(words, list);
      if (placed.size > 0) statusPlaces.set(j, placed);
    }
  });
  // A scale stated in words: in the column's header, else in a note in the rows above the table (one
  // legend for every rating column), where the column's numbers keep within it.
  const noteScale = ratingNoteAbove(ix, layout.headerTop);
  mapped.forEach((m, j) => {
    if (m.field === null || fieldSpec(target, m.field)?.kind !== 'rating') return;
    const scale = statedScale(m.label) ?? noteScale;
    const numbers = filled(grid[j]!).flatMap((x) => (x.t === 'n' ? [x.v as number] : []));
    if (scale && numbers.every((n) => n >= scale.min && n <= scale.max)) values.statedScale(m.field, scale);
  });
  mapped.forEach((m, j) => {
    if (m.field !== null && fieldSpec(target, m.field)?.kind === 'rating') values.rateColumn(m.field, filled(grid[j]!));
  });
  // Dates written with their year, per record row and per column: the year of a date written without
  // one comes from its row, else its column, else the project's period, else today.
  const dateCtx: ValueContext = { ...base, reference: today, effortUnit: 'day' };
  // Per date column, how its cells are read (columnDateReading), and each cell read once: a date written
  // without a year is marked (its year comes from the others: yearReference), every other cell's reading
  // depends on nothing else (readDate), so the value loop below takes it from here instead of reading
  // every date cell of a 100,000-row table a second time.
  const dateReadings = new Map<number, ReturnType<typeof columnDateReading>>();
  const readDates = new Map<number, (ReturnType<typeof readValue> | undefined)[]>();
  const yearless = new Map<number, boolean[]>();
  // A date column whose own cells settle no day/month order reads in the order its table's settle.
  const tableOrder = tableSlashOrder(mapped.flatMap((m, j) => (m.field !== null && fieldSpec(target, m.field)?.kind === 'date' ? [grid[j]!] : [])));
  const readDateColumn = (j: number, spec: FieldSpec, reading: ReturnType<typeof columnDateReading>): (string | null)[] => {
    dateReadings.set(j, reading);
    const read: (ReturnType<typeof readValue> | undefined)[] = new Array(grid[j]!.length);
    const bare = new Array<boolean>(grid[j]!.length).fill(false);
    readDates.set(j, read);
    yearless.set(j, bare);
    const ctx: ValueContext = { ...dateCtx, ...reading };
    // A date cell is its serial's day: the same few hundred days down the column, each read once.
    const days = new Map<number, ReturnType<typeof readValue>>();
    return grid[j]!.map((hit, i) => {
      if (!hit) return null;
      if (hit.t === 's') {
        const written = parseDateText((hit.v as string).trim(), today, 'mdy', reading.shortYear);
        bare[i] = written.ok && !!written.yearInferred;
        if (bare[i]) return null;
      }
      let v = hit.t === 'd' ? days.get(hit.v as number) : undefined;
      if (v === undefined) {
        v = readValue(spec, hit, ctx);
        if (hit.t === 'd' && v.ok) days.set(hit.v as number, v);
      }
      read[i] = v;
      return v.ok && typeof v.value === 'string' ? v.value : null;
    });
  };
  /** How a date column reads its bare texts (a dotted 9.6 is a month and day only in a column read so). */
  const shortYearOf = (j: number) => dateReadings.get(j)?.shortYear;
  const fullDates = mapped.map((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    if (spec?.kind !== 'date') return [] as (string | null)[];
    return readDateColumn(j, spec, columnDateReading(grid[j]!, m.dateReading, tableOrder));
  });
  /** Each row's first date, in sheet order: its month, and its year where written (fiscal-year.ts fiscalYearOfRun). */
  const rowMonths = (): RowMonth[] => {
    const columns = [...readDates.keys()];
    return (grid[0] ?? []).flatMap((_, i): RowMonth[] => {
      for (const j of columns) {
        const full = fullDates[j]![i];
        if (full) return [{ month: Number(full.slice(5, 7)), year: Number(full.slice(0, 4)) }];
        if (!yearless.get(j)![i]) continue;
        const md = parseDateText((grid[j]![i]!.v as string).trim(), '2000-07-02', 'mdy', shortYearOf(j));
        if (md.ok) return [{ month: Number(md.iso.slice(5, 7)), year: null }];
      }
      return [];
    });
  };
  const median = (ds: (string | null)[]) => {
    const sorted = ds.filter((x): x is string => x !== null).sort();
    return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
  };
  // A row's real date in a column no field reads (a registration date, 登録日): the row's own day all the
  // same, for its dates written without their year or in a dotted form of two readings (27.9.6).
  // (Inside the table's columns: a side table's dates on the same row are not the record's.)
  const tableFirst = Math.min(...layout.columns.map((m) => m.c));
  const tableLast = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const keptRowDay = (i: number): string | null => {
    for (const c of ix.row(data.rows[i]!)?.cells ?? []) if (c.c >= tableFirst && c.c <= tableLast && isDateCell(c)) return serialToIso(c.v as number, model.date1904);
    return null;
  };
  // (Sorted only when a date without a year asks: 100,000 dates a column otherwise sorted for nothing.)
  let columnMedians: (string | null)[] | null = null;
  const columnMedian = () => (columnMedians ??= fullDates.map(median));
  // The project's period stands for its middle (a register's dates spread over it).
  const periodDay = opts.period?.start && opts.period.end ? midday(opts.period.start, opts.period.end) : (opts.period?.start ?? opts.period?.end ?? null);
  // The day the sheet states above the table (the minutes' 日時, 作成日): the file's own, before the project's.
  const aboveDay = dateAboveTable(ix, layout.headerTop, model.date1904);
  // (Else a year the title states alone: the middle of that year, so its dates fall in it.)
  const titleYear = aboveDay === null ? yearAboveTable(ix, layout.headerTop) : null;
  const titleDay = titleYear === null ? null : `${titleYear}-07-02`;
  // A column of two-digit years its own cells leave open (25/03/04: 2025-03-04 or 25 March 2004?) reads in
  // the form that puts its dates near the table's other dates (its own real ones too), else the sheet's, the project's or today
  // (shortYearByContext), and is read again so; where both forms or neither fit, its cells stay asked about.
  mapped.forEach((m, j) => {
    const reading = dateReadings.get(j);
    if (reading === undefined || reading.shortYear !== undefined) return;
    const texts = textsOf(grid[j]!);
    const center = () => median(fullDates.flat()) ?? aboveDay ?? titleDay ?? periodDay ?? today;
    const shortYear = shortYearByContext(texts, center, reading.orderAssumed ? undefined : reading.slashOrder);
    if (shortYear === undefined) return;
    fullDates[j] = readDateColumn(j, fieldSpec(target, m.field!)!, columnDateReading(grid[j]!, { ...m.dateReading, shortYear }, tableOrder));
  });
  // Dotted y.m.d dates on a sheet whose title or notes name 令和 (令和9年度, ※ 日付は令和) are 令和 dates
  // written without the era letter (9.6.17 = 令和9年6月17日), where their cells alone could be a western
  // d.m.yy: read so, and written back so (blind set 17, I5).
  // (Unless a note names them western: 日付は 西暦下2桁.月.日.)
  const dottedNote = dottedFormNote(model);
  mapped.forEach((m, j) => {
    const reading = dateReadings.get(j);
    if (reading === undefined || reading.shortYear === 'reiwa' || dottedNote === 'ymd') return;
    if (bareReiwa(textsOf(grid[j]!), true) && namesReiwa(model)) fullDates[j] = readDateColumn(j, fieldSpec(target, m.field!)!, columnDateReading(grid[j]!, { ...m.dateReading, shortYear: 'reiwa' }, tableOrder));
  });
  // Other dotted dates (27.09.06, 27.9.6, 9.6: blind set 19, I1) read as the sheet's note names them, else as
  // the one reading their cells fit, else in the reading the table's other dates, the sheet's, its fiscal or
  // stated year or the project's period place (never today alone: 27.9.6 may be 令和27). Where nothing
  // places them, each cell is asked about below (dateAmbiguous), its date left empty.
  const fiscalAbove = fiscalYearAbove(ix, layout.headerTop, sheet.name);
  const keptDays = () => median(data.rows.map((_, i) => keptRowDay(i)));
  const fiscalDay = fiscalAbove === null ? null : `${fiscalCalendarYear(fiscalAbove, 10)}-10-01`;
  const openDotted = new Set<number>();
  mapped.forEach((m, j) => {
    const reading = dateReadings.get(j);
    if (reading === undefined || reading.shortYear !== undefined) return;
    const texts = textsOf(grid[j]!);
    // (Only a column with a dotted value asks where the table's dates centre: that sorts all of them.)
    if (!texts.some((t) => t.includes('.'))) return;
    const center = median(fullDates.flat()) ?? keptDays() ?? aboveDay ?? titleDay ?? fiscalDay ?? periodDay;
    const form = dottedReading(texts, { dateHeader: true, note: dottedNote, center });
    if (form === 'open') openDotted.add(j);
    else if (form !== undefined) fullDates[j] = readDateColumn(j, fieldSpec(target, m.field!)!, columnDateReading(grid[j]!, { ...m.dateReading, shortYear: form }, tableOrder));
  });
  // The fiscal year the sheet states (2025年度, FY2025), else the one its rows run through (April → March,
  // placed by a date written with its year): a date without a year is in it, April to March.
  const fiscal = fiscalAbove ?? ([...yearless.values()].some((bare) => bare.includes(true)) ? fiscalYearOfRun(rowMonths()) : null);
  let undecidedYears: ImportTable['undecidedYears'];
  // A date without a year that nothing in the file places: counted for the dialog's year question (the
  // year asked is the one the dates start in; `span` when they run into the next) and named, read in the
  // year the user chose or, before any choice, the nearest today's.
  const undecidedYear = (r: number, c: number, raw: string, iso: string, chosen: boolean, field: string) => {
    const year = Number(iso.slice(0, 4));
    undecidedYears ??= { count: 0, examples: [], year, chosen };
    if (year !== undecidedYears.year) {
      undecidedYears.year = Math.min(year, undecidedYears.year);
      undecidedYears.span = true;
    }
    undecidedYears.count++;
    if (undecidedYears.examples.length < 3 && !undecidedYears.examples.includes(shown(raw))) undecidedYears.examples.push(shown(raw));
    const date = iso.replaceAll('-', '/');
    if (chosen) problem(r, c, 'date', failure('yearAssumed', { value: shown(raw), date, from: 'user' }, `${shown(raw)} has no year: read as ${date} (the year chosen)`), field, true);
    else problem(r, c, 'date', failure('yearAmbiguous', { value: shown(raw), date, other: `${year - 1} / ${year + 1}` }, `${shown(raw)} has no year and nothing in the file decides it: read as ${date}, could be ${year - 1} or ${year + 1}`), field, true);
  };
  // A start～finish column's own ranges written with their year (2025/4/1～4/15) date those written without.
  // Its cells are read in one order, the column's (01/04/2025 - 11/04/2025 beside 14/04/2025 - 25/04/2025 is
  // day first: review U14), else the one its table's date columns prove (15/05/2026 under 実績開始日), kept in
  // the profile as a date column's is.
  const periodYears = new Map<number, string | null>();
  const periodOrders = new Map<number, SlashOrder>();
  mapped.forEach((m, j) => {
    if (!m.period) return;
    const texts = textsOf(grid[j]!);
    const order = rangeOrder(texts, m.dateReading?.slashOrder ?? tableOrder);
    const kept = keptDateReading({ slashOrder: order });
    if (kept) m.dateReading = kept;
    periodOrders.set(j, order);
    const dated = texts.flatMap((t) => (/\d{4}/.test(t) ? [parseDateRange(t, today, order)?.start ?? null] : []));
    periodYears.set(j, median(dated));
  });
  const yearReference = (i: number, j: number): { day: string; from: 'row' | 'column' | 'sheet' | 'title' | 'project' | 'today' } => {
    for (const ds of fullDates) if (ds[i]) return { day: ds[i]!, from: 'row' };
    const kept = keptRowDay(i);
    if (kept) return { day: kept, from: 'row' };
    const col = columnMedian()[j] ?? columnMedian().find((x) => x !== null);
    if (col) return { day: col, from: 'column' };
    if (aboveDay) return { day: aboveDay, from: 'sheet' };
    if (titleDay) return { day: titleDay, from: 'title' };
    if (periodDay) return { day: periodDay, from: 'project' };
    return { day: today, from: 'today' };
  };
  // A date of the file (the row's, the column's, the sheet's) places a cell more surely than its weekday:
  // a weekday moves a day a year, so one written wrong (7/18(木) copied from the row above, 7/18 a Friday
  // that year) always fits a neighbouring year. There the cell is read in the year nearest that date, as
  // one without a weekday is (review S2: a finish was stored a year before its start).
  const readYearless = (raw: string, ref: ReturnType<typeof yearReference>, shortYear?: ShortYearForm): ReturnType<typeof parseDateText> => {
    const read = parseDateText(raw, ref.day, 'mdy', shortYear);
    if (!read.ok || !read.weekdayFits || ref.from === 'project' || ref.from === 'today') return read;
    const near = nearestYear(Number(read.iso.slice(5, 7)), Number(read.iso.slice(8, 10)), ref.day);
    return near === null || near === read.iso ? read : { ok: true, iso: near, yearInferred: true };
  };
  // Dates without a year written with their weekday (7/15(火), Tue 7/15): the weekday decides the year,
  // the one nearest the cell's reference it fits (blind set 4, J2: today's year put every one of them on
  // the wrong weekday). Once read they are dates with a year, a reference for the others.
  const weekdayDays = new Map<number, (string | null)[]>();
  // (Only the columns that hold such a date are walked.)
  for (const [j, bare] of yearless)
    if (bare.includes(true))
      grid[j]!.forEach((hit, i) => {
        if (!hit || !bare[i] || writtenWeekday(hit.v as string) === undefined) return;
        const read = readYearless((hit.v as string).trim(), yearReference(i, j), shortYearOf(j));
        if (!read.ok || !read.weekdayFits) return;
        if (!weekdayDays.has(j)) weekdayDays.set(j, new Array<string | null>(grid[j]!.length).fill(null));
        weekdayDays.get(j)![i] = read.iso;
      });
  if (weekdayDays.size > 0) {
    for (const [j, days] of weekdayDays) days.forEach((d, i) => d !== null && (fullDates[j]![i] = d));
    columnMedians = null;
  }
  // Dates without a year that no dated cell of the file places (only the project or today does): one
  // stretch of time, read so that it runs forward over a new year (12/28, 1/5) instead of backwards.
  const floating: { m: number; d: number }[] = [];
  mapped.forEach((m, j) => {
    if (m.field === null || fieldSpec(target, m.field)?.kind !== 'date') return;
    const bare = yearless.get(j)!;
    if (!bare.includes(true)) return;
    grid[j]!.forEach((hit, i) => {
      if (!hit || !bare[i] || weekdayDays.get(j)?.[i]) return;
      const from = yearReference(i, j).from;
      // (A week's day moves with its year: it is placed by its reference alone, never re-yeared as a month and day.)
      if (from === 'row' || from === 'column' || weekOfText(hit.v as string)) return;
      const written = parseDateText((hit.v as string).trim(), today, 'mdy', shortYearOf(j));
      if (written.ok) floating.push({ m: Number(written.iso.slice(5, 7)), d: Number(written.iso.slice(8, 10)) });
    });
  });
  const stretch = floating.length ? yearsOfStretch(floating, aboveDay ?? titleDay ?? periodDay ?? today, aboveDay === null && titleDay === null && periodDay === null ? opts.year : undefined) : null;

  // An effort column whose header names no unit: person-days, or the unit a note above the table states,
  // or hours (seconds) where the sheet is a tracker's export of them or its numbers do not fit person-days
  // against the rows' dates (effort-unit.ts). A
  // unit decided so before (kept in the profile) stands.
  let note: ReturnType<typeof effortUnitNote> | undefined;
  if (target === 'wbs')
    mapped.forEach((m, j) => {
      if (m.field === null || fieldSpec(target, m.field)?.kind !== 'effort' || m.unitWhy) return;
      if (note === undefined) note = effortUnitNote(ix, layout.headerTop, layout.headerBottom, Math.max(...layout.columns.map((x) => x.c + x.span - 1)));
      const at = (field: string) => mapped.findIndex((x) => x.field === field);
      const [start, finish, who] = [at('plannedStart'), at('plannedFinish'), at('assignee')];
      // (The header's every word, the columns the layout left out included: Redmine's # is no column of it.)
      const labels = headerColumns(ix, layout.headerTop, layout.headerBottom).map((h) => h.parts[h.parts.length - 1] ?? '');
      const chosen = effortUnitFor(m.label, labels, () =>
        grid[j]!.flatMap((hit, i) => {
          const n = !hit ? null : hit.t === 'n' ? (hit.v as number) : hit.t === 's' ? parseNumberText(hit.v as string) : null;
          const effort = typeof n === 'number' ? n : n && n.unit === '' && !n.percent ? n.value : null;
          if (effort === null) return [];
          const who_ = who >= 0 ? grid[who]![i] : null;
          return [{ effort, start: start >= 0 ? (fullDates[start]![i] ?? null) : null, finish: finish >= 0 ? (fullDates[finish]![i] ?? null) : null, assignee: who_ ? textOf(who_, model.date1904) : null }];
        }),
        note,
      );
      m.unit = chosen.unit;
      m.unitWhy = chosen.why;
    });

  mapped.forEach((m, j) => {
    const spec = m.field === null ? undefined : fieldSpec(target, m.field);
    const reading = spec?.kind === 'date' ? dateReadings.get(j) : undefined;
    // Kept in the profile made from this import: the next file's cells may no longer prove it (review R3).
    const kept = reading && keptDateReading(reading);
    if (kept) m.dateReading = kept;
    const ctx: ValueContext = { ...base, reference: today, effortUnit: m.unit ?? effortUnitOf(m.label), ...reading };
    const schema = m.field === null ? undefined : schemaOf(target, m.field);
    // A column of a few words (a status, 済/未, a progress or effort written as text) reads each word once:
    // the reading of a text cell of these kinds is the text's alone. (Only readings that succeed are kept.)
    const words = spec && WORD_KINDS.has(spec.kind) ? new Map<string, ReturnType<typeof readValue>>() : null;
    const codes = statusSets.get(j);
    const statusCode = onceEach((word) => codes?.read(word));
    const placed = statusPlaces.get(j);
    const stagedStatus = onceEach((word) => (parseWbsStatus(word).ok ? null : (wbsStatusOfStage(word) ?? placed?.get(wordKey(word)) ?? null)));
    const openWord = onceEach(isOpenWord);
    const readWord = (hit: Cell) => {
      if (!words || hit.t !== 's') return readValue(spec!, hit, ctx);
      let v = words.get(hit.v as string);
      if (v === undefined) {
        v = readValue(spec!, hit, ctx);
        if (v.ok) words.set(hit.v as string, v);
      }
      return v;
    };
    grid[j]!.forEach((hit, i) => {
      const rec = records[i]!;
      // (The sheet row of the cell: a two-row record's second row for a field read there.)
      const r = data.rows[i]! + (m.rowOffset ?? 0);
      if (!spec || !m.field) {
        if (hit && hit.t !== 'e' && m.extraKey !== undefined) rec.extra[m.extraKey] = extraValue(hit, model.date1904);
        // A start～finish cell (date-range.ts): the planned dates, the year of a half written without one
        // from the row's, the column's or the sheet's dates as any yearless date; a cell that reads as no
        // range is named and left to the client (the export keeps it while the dates stay empty).
        // A single date there (a date cell or text) is a task of one day (review U16).
        if (m.period && hit && !(hit.t === 's' && (hit.v as string).trim() === '')) {
          // Yearless halves nothing in the file dates follow the year chosen in the dialog, as any yearless date (review U19).
          const ref = yearReference(i, j);
          // The fiscal year the sheet states places a yearless period as it places a yearless date: its
          // start April – December of that year, January – March of the next (a 年度's 1/15～3/20).
          const byFiscal = fiscal !== null && ref.from !== 'row' && ref.from !== 'column' && !periodYears.get(j);
          const undecided = ref.from === 'today' && !periodYears.get(j) && !byFiscal;
          const chosen = undecided && opts.year !== undefined;
          const reference = chosen ? `${opts.year}-07-02` : ref.from === 'row' || ref.from === 'column' ? ref.day : (periodYears.get(j) ?? ref.day);
          let range = periodOfCell(hit, reference, periodOrders.get(j) ?? 'mdy', model.date1904);
          if (range && byFiscal && range.yearInferred && range.start !== null) {
            const mo = Number(range.start.slice(5, 7));
            const inYear = periodOfCell(hit, ymd(fiscalCalendarYear(fiscal!, mo), mo, 15)!, periodOrders.get(j) ?? 'mdy', model.date1904);
            // (Flagged where the fiscal year moved it: elsewhere it reads as the dates around it do.)
            if (inYear && inYear.start !== range.start) {
              range = inYear;
              const text = shown(textOf(hit, model.date1904));
              const date = range.start!.replaceAll('-', '/');
              problem(r, hit.c, 'date', failure('yearAssumed', { value: text, date, from: 'fiscal' }, `${text} has no year: read as ${date} (year from the fiscal year of the plan)`), 'plannedStart', true);
            }
          }
          if (range) {
            if (range.start !== null) rec.values.plannedStart ??= range.start;
            if (range.finish !== null) rec.values.plannedFinish ??= range.finish;
            if (undecided && range.yearInferred) undecidedYear(r, hit.c, textOf(hit, model.date1904), (range.start ?? range.finish)!, chosen, 'plannedStart');
          } else {
            const text = shown(textOf(hit, model.date1904));
            problem(r, hit.c, 'date', failure('notDate', { value: text }, `${text} is not a start～finish period`), 'plannedStart', true);
          }
        }
        return;
      }
      const field = m.field;
      if (spec.kind === 'category' || spec.kind === 'derived') return;
      // A tick is the column's state; no tick leaves the field to its default (a word typed there is read as words are).
      const tick = m.check === undefined ? undefined : checkMark(hit ?? undefined);
      if (tick !== undefined) {
        if (tick) rec.values[field] = m.check;
        return;
      }
      if (!hit) {
        // An empty cell clears a text, date or number; an empty ID or list value is left to the
        // register (it assigns an ID, takes the list's default).
        if (spec.kind === 'text') rec.values[field] = '';
        else if (spec.kind === 'date' || spec.kind === 'effort' || spec.kind === 'rating') rec.values[field] = null;
        return;
      }
      if (field === KEY_FIELD.wbs && target === 'wbs' && hit.t === 's') {
        const raw = hit.v as string;
        tree[i]!.indent = hit.indent ? hit.indent * 2 : indentWidth(raw);
        if (m.span > 1) tree[i]!.columnOffset = hit.c - m.c;
      }
      if (spec.kind === 'vocab' && hit.t !== 'e') {
        // A word not on the list is read through the client's value map (or the suggestion), never refused.
        const code = values.readList(field, spec, textOf(hit, model.date1904), r + 1);
        if (code !== null) rec.values[field] = code;
        return;
      }
      const explained = spec.kind === 'wbsStatus' && (hit.t === 's' || hit.t === 'n') ? statusLegends.get(j)?.get(codeKey(String(hit.v))) : undefined;
      if (explained !== undefined) {
        rec.values[field] = explained;
        stageWords.set(field, withWord(stageWords.get(field), String(hit.v).trim(), explained));
        return;
      }
      const coded = spec.kind === 'wbsStatus' && (hit.t === 's' || hit.t === 'n') ? statusCode(String(hit.v)) : undefined;
      if (coded !== undefined) {
        rec.values[field] = coded;
        return;
      }
      if (spec.kind === 'wbsStatus' && openAs.has(j) && hit.t === 's' && openWord(hit.v as string)) {
        rec.values[field] = openAs.get(j);
        return;
      }
      // A status word no list has, read at its stage (施工中, 未施工, Delivered), and kept in the profile's
      // value map so the export writes the client's word back.
      const staged = spec.kind === 'wbsStatus' && hit.t === 's' ? stagedStatus(hit.v as string) : null;
      if (staged) {
        rec.values[field] = staged;
        stageWords.set(field, withWord(stageWords.get(field), (hit.v as string).trim(), staged));
        return;
      }
      if (spec.kind === 'rating' && hit.t !== 'e') {
        const rating = values.readRating(field, hit, r + 1, model.date1904);
        if (!rating.ok) {
          problem(r, hit.c, 'rating', rating, field);
          return;
        }
        rec.values[field] = rating.value;
        if (rating.text !== undefined) {
          // Free text (or a number off the scale) in a rating column: kept with the row (as an extra column
          // under the header's name), no rating.
          rec.extra[m.label || m.column] = rating.outside && hit.t === 'n' ? (hit.v as number) : rating.text;
          problem(
            r,
            hit.c,
            'rating',
            rating.outside
              ? failure('ratingOutside', { value: shown(rating.text) }, `${shown(rating.text)} is outside the rating scale: kept with the row, the rating left empty`)
              : failure('ratingText', { value: shown(rating.text) }, `${shown(rating.text)} is text, not a rating: kept with the row, the rating left empty`),
            field,
            true,
          );
        }
        return;
      }
      if (spec.kind === 'date' && hit.t === 's' && yearless.get(j)![i]) {
        const raw = (hit.v as string).trim();
        const byWeekday = weekdayDays.get(j)?.[i];
        if (byWeekday) {
          rec.values[field] = byWeekday;
          const date = byWeekday.replaceAll('-', '/');
          problem(r, hit.c, 'date', failure('yearAssumed', { value: shown(raw), date, from: 'weekday' }, `${shown(raw)} has no year: read as ${date} (the year its weekday falls in)`), field, true);
          return;
        }
        const row = yearReference(i, j);
        // The row's own dates place a cell first; else the fiscal year the sheet states, before the column's.
        const byFiscal = fiscal !== null && row.from !== 'row';
        // (The middle of the fiscal year: October of a 年度, April of a US federal year.)
        const ref = byFiscal ? { day: ymd(fiscalCalendarYear(fiscal!, ((fiscal!.start + 5) % 12) + 1), ((fiscal!.start + 5) % 12) + 1, 1), from: 'fiscal' as const } : row;
        // Nothing decides the year (only today would): the user's year when chosen, else today's, asked.
        const undecided = ref.from === 'today';
        const chosen = undecided && opts.year !== undefined;
        // Month and day as written (a leap year keeps 2/29), then the year of the stretch or the fiscal year, else the nearest.
        const week = weekOfText(raw) !== null;
        const md = !week && (byFiscal || (stretch && (ref.from === 'today' || ref.from === 'project' || ref.from === 'sheet' || ref.from === 'title'))) ? parseDateText(raw, '2000-07-02', 'mdy', shortYearOf(j)) : null;
        const [mo, dd] = md?.ok ? [Number(md.iso.slice(5, 7)), Number(md.iso.slice(8, 10))] : [0, 0];
        const stretched = md?.ok ? ymd(byFiscal ? fiscalCalendarYear(fiscal!, mo) : stretch!.year(mo, dd), mo, dd) : null;
        const again: ReturnType<typeof parseDateText> = stretched ? { ok: true, iso: stretched } : chosen ? parseDateText(raw, `${opts.year}-07-02`, 'mdy', shortYearOf(j)) : readYearless(raw, week && ref.day !== null ? { day: ref.day, from: row.from } : row, shortYearOf(j));
        if (again.ok) {
          rec.values[field] = START_FIELD.test(field) ? weekStartDay(raw, again.iso) : again.iso;
          (rec.yearless ??= []).push(field);
          const date = again.iso.replaceAll('-', '/');
          if (undecided) undecidedYear(r, hit.c, raw, again.iso, chosen, field);
          else if (isPeriodDate(raw)) problem(r, hit.c, 'date', periodFailure(raw, date), field, true);
          else problem(r, hit.c, 'date', failure('yearAssumed', { value: shown(raw), date, from: ref.from }, `${shown(raw)} has no year: read as ${date} (year from the ${ref.from === 'project' ? "project's period" : ref.from === 'sheet' ? 'date above the table' : ref.from === 'title' ? 'year in the title' : ref.from === 'fiscal' ? 'fiscal year of the plan' : `${ref.from}'s other dates`})`), field, true);
          return;
        }
      }
      const v = (spec.kind === 'date' ? readDates.get(j)?.[i] : undefined) ?? readWord(hit);
      if (!v.ok && spec.kind === 'date' && hit.t === 's' && /\p{L}/u.test(hit.v as string) && !looksLikeDate(hit.v as string)) {
        // Words where a date goes (6月末, 来週中, after UAT): the record is kept, its date empty, and the
        // words kept with it (as an extra value under the header's name), flagged; the export writes
        // them back while the date stays unset. A mistyped date (2025/13/40, 2025年4月31日) is still refused.
        const words = (hit.v as string).trim();
        rec.values[field] = null;
        rec.extra[m.label || m.column] = words;
        problem(r, hit.c, 'date', failure('dateText', { value: shown(words) }, `${shown(words)} is words, not a date: kept with the row, the date left empty`), field, true);
        return;
      }
      const could = !v.ok && spec.kind === 'date' && hit.t === 's' && ctx.shortYear === undefined ? (openDotted.has(j) ? dottedChoices(hit.v as string) : shortYearChoices(hit.v as string, ctx.slashOrder ?? 'mdy')) : [];
      if (could.length) {
        // A two-digit year no weekday and no other cell of the column settles (4/7/25: 7 April 2025, or
        // 2004/7/25 as a Japanese yy/m/d?): not guessed. The record is kept, its date empty and the text
        // kept with it (as words in a date cell are), and the cell named with what it could be.
        const raw = (hit.v as string).trim();
        rec.values[field] = null;
        rec.extra[m.label || m.column] = raw;
        const shownDays = could.map((x) => x.replaceAll('-', '/')).join(' / ');
        problem(r, hit.c, 'date', failure('dateAmbiguous', { value: shown(raw), dates: shownDays }, `${shown(raw)} could be ${shownDays} (a two-digit year): kept with the row, the date left empty`), field, true);
        return;
      }
      if (!v.ok) {
        if (spec.kind === 'wbsCode' || spec.kind === 'level') structureMisses.push({ r, c: hit.c, kind: spec.kind, failure: v });
        else if (KEPT_UNREAD.has(spec.kind) && hit.t !== 'e') {
          // A value of a form the reader does not know (Jira's 4d 4h) costs the record that value only, not
          // the record (blind set 6, L4: such cells skipped whole rows by default): the value is left empty,
          // its text kept with the row (as words in a date cell are) and the cell named.
          // A mistyped date and an Excel error (#REF!) still refuse the row: the user should see and fix them.
          const raw = textOf(hit, model.date1904).trim();
          if (!DEFAULTED.has(spec.kind)) rec.values[field] = null;
          rec.extra[m.label || m.column] = hit.t === 'n' ? (hit.v as number) : raw;
          problem(r, hit.c, PROBLEM_KIND[spec.kind], { ...v, params: { ...v.params, kept: 1 }, reason: `${v.reason}: kept with the row, the value left empty` }, field, true);
        } else problem(r, hit.c, PROBLEM_KIND[spec.kind], v, field);
        return;
      }
      // A date whose day and month could be either way round (02/04/2026) where nothing in the table says
      // which order it writes: read month first, the assumption named, as a warning.
      if (spec.kind === 'date' && hit.t === 's' && typeof v.value === 'string' && dateReadings.get(j)?.orderAssumed) {
        const other = otherOrderReading(hit.v as string, ctx.slashOrder ?? 'mdy', ctx.shortYear);
        if (other !== null) {
          const raw = shown((hit.v as string).trim());
          problem(r, hit.c, 'date', failure('dateOrderAssumed', { value: raw, date: v.value.replaceAll('-', '/'), other: other.replaceAll('-', '/') }, `${raw} could be day or month first: read as ${v.value} (it could be ${other})`), field, true);
        }
      }
      // A period read as its last day (2025年7月末, end of Aug 2025): the reading named, as a warning.
      if (spec.kind === 'date' && hit.t === 's' && typeof v.value === 'string' && isPeriodDate(hit.v as string)) problem(r, hit.c, 'date', periodFailure((hit.v as string).trim(), v.value.replaceAll('-', '/')), field, true);
      if (spec.kind === 'wbsCode' || spec.kind === 'level') structureHits[spec.kind]++;
      if (spec.kind === 'parent') {
        tree[i]!.parentKey = v.value as string | null;
        return;
      }
      if (spec.kind === 'wbsCode') {
        // (A code typed as a number lost its trailing zero, 1.10 kept as 1.1: read after the row above's.)
        tree[i]!.code = outlineCode(hit, hit.t === 'n' && codeAbove !== null ? codeAbove.split('.').map(Number) : null) ?? (v.value as string);
        codeAbove = tree[i]!.code!;
        return;
      }
      if (spec.kind === 'level') {
        tree[i]!.level = v.value as number;
        return;
      }
      if (v.value === null && (field === 'progress' || field === 'status' || field === 'milestone')) return;
      // Text lengths are the schemas' to check; the other kinds' readers only return valid values.
      // A string within the schema's maximum length passes it (the common case, checked without zod:
      // 10,000 rows × a handful of text columns made zod a tenth of reading the table).
      const bounds = schema as { maxLength?: number | null; minLength?: number | null } | undefined;
      const surelyValid =
        typeof v.value === 'string' && typeof bounds?.maxLength === 'number' && v.value.length <= bounds.maxLength && v.value.length >= (bounds.minLength ?? 0) && v.value === v.value.trim();
      if (schema && !surelyValid && (spec.kind === 'text' || spec.kind === 'ref' || spec.kind === 'vocab')) {
        const checked = schema.safeParse(v.value);
        if (!checked.success) {
          const value = shown(textOf(hit, model.date1904));
          problem(r, hit.c, PROBLEM_KIND[spec.kind], failure('notValid', { value }, `${value}: ${checked.error.issues[0]?.message ?? 'is not valid'}`), field);
          return;
        }
      }
      // (A start written as a week, KW 17/2025, is its Monday; the week reads as its Friday.)
      rec.values[field] = spec.kind === 'date' && hit.t === 's' && typeof v.value === 'string' && START_FIELD.test(field) ? weekStartDay(hit.v as string, v.value) : v.value;
    });
  });

  if (sections.field !== null) {
    const field = sections.field;
    const spec = fieldSpec(target, field)!;
    data.rows.forEach((r, i) => {
      const name = sections.values.get(r);
      if (name === undefined) return;
      // (A list field reads the section's name as a cell of it is read: through the client's value map.)
      if (spec.kind === 'vocab') {
        const code = values.readList(field, spec, name, r + 1);
        if (code !== null) records[i]!.values[field] = code;
      } else records[i]!.values[field] = name;
    });
  }

  // Codes that are not hierarchical (Task-001 style IDs would not parse; flat 1, 2, 3 do) stay extra.
  const table: ImportTable = {
    fileName: model.fileName,
    target,
    sheet: sheet.name,
    header: { top: layout.headerTop + 1, bottom: layout.headerBottom + 1 },
    data: {
      // A group label heading the first records (a 分類 on its own row, merged down over them) is the table's.
      first: data.rows.length ? data.leftOut.reduce((top, x) => (x.reason === 'group label' && x.r < top ? x.r : top), data.rows[0]!) + 1 : null,
      last: data.rows.length ? data.rows[data.rows.length - 1]! + 1 : null,
      end: data.end,
      ...(data.endRow !== undefined ? { endRow: data.endRow + 1 } : {}),
    },
    leftOut: data.leftOut.map((x) => ({ row: x.r + 1, reason: x.reason })),
    unknownValues: values.unknownValues(),
    valueMaps: withStageWords(withStatusCodes(withOpenWords(values.valueMaps(), mapped, grid, openAs), mapped, grid, statusSets), stageWords),
    newItems: values.newItems(),
    ...(undecidedYears ? { undecidedYears } : {}),
    ...(data.below.length > 0 ? { below: data.below } : {}),
    columns: mapped,
    ...(layoutColumns ? { layoutColumns } : {}),
    records,
    problems,
    ...(scale ? { progressScale: scale } : {}),
  };
  if (target !== 'wbs') {
    problems.sort(byCell);
    const refColumn = mapped.find((m) => m.field === 'ref');
    const refCells = refColumn ? records.map((r) => ix.cell(r.row - 1, refColumn.c)).filter((c) => c !== undefined) : [];
    // Half of them formulas or more: the cells a client typed over with the number they showed (13
    // among =ROW()-2) are still that numbering's. A profile that knew the column so keeps knowing it:
    // an export may leave few records, or fill rows whose number was typed.
    // A blank form (no records) whose rows under the header print their numbers in the ID column (No.
    // 1, 2, 3 …, formatted, nothing else) is numbered by the row too: a record filling a row takes its number.
    const blankForm = records.length === 0 && refColumn !== undefined && numberedBlankRows(ix, formTop, refColumn.c) >= 2;
    if ((refCells.length > 0 && refCells.filter((c) => c.f).length * 2 >= refCells.length) || (refColumn && opts.positionalRefs) || blankForm) table.positionalRefs = true;
    return table;
  }

  // A gantt painted as fills under date heads with no date column of its own: the dates are the paint's.
  if (!mapped.some((m) => m.field === 'plannedStart' || m.field === 'plannedFinish')) {
    const tableColumns = new Set(mapped.filter((m) => m.field !== null).flatMap((m) => Array.from({ length: m.span }, (_, k) => m.c + k)));
    const painted = paintedDates(sheet, ix, layout.headerBottom, tableColumns, data.rows, model.date1904, today);
    if (painted) {
      const { band } = painted;
      table.paintedDates = { first: band[0]!.c, last: band.at(-1)!.c, days: band[0]!.to - band[0]!.from + 1 };
    }
    if (painted)
      data.rows.forEach((r, i) => {
        const p = painted.dates.get(r);
        if (!p) return;
        const rec = records[i]!;
        rec.values.plannedStart = p.start;
        rec.values.plannedFinish = p.finish;
        rec.datesWithin = { plannedStart: p.startWithin, plannedFinish: p.finishWithin };
      });
  }

  // Categories after merges are filled: a value per level per row ('' where empty).
  if (categoryColumns.length > 0)
    data.rows.forEach((_, i) => {
      tree[i]!.categories = categoryColumns.map((m) => {
        const hit = grid[mapped.indexOf(m)]![i];
        return hit && hit.t !== 'e' ? textOf(hit, model.date1904).trim() : '';
      });
    });
  const misses = { wbsCode: 0, level: 0 };
  for (const miss of structureMisses) misses[miss.kind]++;
  const usable = (kind: 'wbsCode' | 'level') => structureHits[kind] > 0 && misses[kind] <= structureHits[kind];
  for (const miss of structureMisses) if (usable(miss.kind)) problem(miss.r, miss.c, 'hierarchy', miss.failure, miss.kind);
  const nameCol = mapped.findIndex((m) => m.field === 'name');
  data.rows.forEach((_, i) => (tree[i]!.hasName = nameCol >= 0 && !!grid[nameCol]![i]));
  const parentColumn = mapped.find((m) => m.field === 'parent');
  // A second parent column (Jira's Epic Link beside its Parent: a story names its epic in one, a sub-task
  // its story in the other) gives the parent of the rows the first leaves empty.
  if (parentColumn)
    for (const other of otherParentColumns(layout.target, layout.columns))
      data.rows.forEach((r, i) => {
        if (!tree[i]!.parentKey) tree[i]!.parentKey = rowKey(ix.cell(r, other.c));
      });
  const rowKeys = parentColumn ? parentKeyColumn(ix, layout, data.rows, tree, parentColumn) : null;
  if (rowKeys) data.rows.forEach((r, i) => (tree[i]!.key = rowKeys.ids.get(r) ?? null));
  const has = {
    parent: rowKeys !== null,
    parentComputed: !!parentColumn && grid[mapped.indexOf(parentColumn)]!.every((hit) => !hit || !!hit.f),
    code: !!codeColumn && usable('wbsCode'),
    level: !!levelColumn && usable('level'),
    levelComputed: !!levelColumn && grid[mapped.indexOf(levelColumn)]!.every((hit) => !hit || !!hit.f),
    categories: categoryColumns.length > 0,
    span: nameCol >= 0 && mapped[nameCol]!.span > 1,
  };
  const treeBy = (m: HierarchyMethod) =>
    buildTree(tree, m, (r, what) => {
      const col = what === 'code' ? codeColumn : what === 'parent' ? parentColumn : levelColumn;
      return cellRef(r, col?.c ?? 0);
    });
  let method = chooseMethod(tree, has);
  // Phase rows over a plan with no other tree: the phases at the top, each over the tasks below it.
  if (method === 'none' && phases.size > 0) {
    method = 'phases';
    data.rows.forEach((r, i) => (tree[i]!.level = phases.has(r) ? 0 : 1));
  }
  let built = treeBy(method);
  if (method === 'parent') {
    // The file's own outline (a Lv column, the indent, level columns) wins over a parent column read
    // another way: parent cells may be sheet rows while an ID column holds the same numbers (review T6: 親タスク
    // of sheet rows matched to #, the Lv column ignored, the tree silently wrong). Where both give a tree
    // and the depths differ, the outline is taken and the parent column kept as the client's.
    const other = chooseMethod(tree, { ...has, parent: false });
    if (other !== 'none') {
      const outline = treeBy(other);
      const depth = (t: typeof built) => new Map(t.nodes.filter((n) => n.input !== null).map((n) => [n.input!, n.level]));
      const a = depth(built);
      const b = depth(outline);
      if ([...b].some(([i, level]) => a.get(i) !== level)) {
        method = other;
        built = outline;
      }
    }
  }
  if (method === 'parent') table.parentKeys = rowKeys!;
  for (const p of built.problems) problems.push({ ...p, sheet: sheet.name });
  // Code and category columns the tree did not use are kept as extra columns.
  const unused = mapped.filter((m) => (m === parentColumn && method !== 'parent') || (m === codeColumn && method !== 'code') || (m === levelColumn && method !== 'level') || (categoryColumns.includes(m) && method !== 'columns'));
  const keys = new Set(mapped.map((m) => m.extraKey));
  for (const m of unused) {
    // A parent column the tree is not read from (親タスク of sheet rows beside the Lv column the tree is
    // taken from) is the client's own, and the mapping step says so: a preview shows what the import does
    // (it showed 親タスク as the parent field while its cells went to an extra column). (A level or code
    // column not used stays shown as its field: it says the same tree as the one read.)
    if (m === parentColumn) {
      m.field = null;
      m.confidence = 0;
    }
    m.extraKey = keys.has(m.label) || m.label === '' ? `${m.column}: ${m.label}` : m.label;
    keys.add(m.extraKey);
    grid[mapped.indexOf(m)]!.forEach((hit, i) => {
      if (hit && hit.t !== 'e') records[i]!.extra[m.extraKey!] = extraValue(hit, model.date1904);
    });
  }
  table.hierarchy = method;
  if (method === 'phases' && phaseCells) table.phaseCells = phaseCells;
  problems.sort(byCell);
  table.records = built.nodes.map((n) => {
    const rec: ImportRecord =
      n.input === null ? { row: n.r + 1, values: { name: n.name ?? '' }, extra: {}, group: true } : records[n.input]!;
    rec.level = n.level;
    rec.parent = n.parent;
    if (n.input !== null && typeof rec.values.name === 'string' && indentWidth(rec.values.name) > 0) rec.values.name = (rec.values.name as string).replace(LEADING, '');
    if (n.input !== null && method === 'columns' && tree[n.input]!.categories && !tree[n.input]!.hasName) {
      // A row that is a 大/中 group itself takes its name from that column.
      const cats = tree[n.input]!.categories!;
      rec.values.name = [...cats].reverse().find((c) => c !== '') ?? '';
    }
    return rec;
  });
  return table;
}

/**
 * Columns no field took whose header names a parent all the same (Epic Link beside Parent: the field
 * takes one column): they fill the parent column's blanks on import, and the export leaves a row's
 * parent cell empty where one of them names its parent.
 */
export function otherParentColumns(target: ImportTarget, columns: readonly ColumnMapping[]): ColumnMapping[] {
  if (target !== 'wbs' || !columns.some((m) => m.field === 'parent')) return [];
  return columns.filter((m) => m.field === null && m.span === 1 && matchLabel('wbs', [m.label.split(' / ').pop()!]).some((x) => x.field === 'parent' && x.confidence >= 0.85));
}

/**
 * The column a parent column names rows by: of the sheet's columns under the header (an ID column the
 * layout left out — Redmine's # of numbers that do not run by one — included), the one whose record
 * cells are unique and hold the most of the parent cells' values; at least four in five of those (a
 * parent column of other numbers — sheet rows, a formula's — may meet a running # by chance: half of a
 * corpus plan's did), and two or more. A parent column naming the parents by their names (親タスク
 * 要件定義) finds the name column.
 */
function parentKeyColumn(ix: SheetIndex, layout: TableLayout, rows: number[], tree: TreeInput[], parent: ColumnMapping): { c: number; ids: Map<number, string> } | null {
  const wanted = tree.map((t) => t.parentKey).filter((k): k is string => !!k);
  if (wanted.length === 0) return null;
  const want = new Set(wanted);
  let best: { c: number; ids: Map<number, string>; hits: number } | null = null;
  const last = Math.max(...layout.columns.map((m) => m.c + m.span), ...rows.map((r) => (ix.row(r)?.cells.at(-1)?.c ?? 0) + 1));
  for (let c = 0; c < last; c++) {
    if (c >= parent.c && c < parent.c + parent.span) continue;
    const ids = new Map<number, string>();
    const seen = new Set<string>();
    let unique = true;
    for (const r of rows) {
      const key = rowKey(ix.cell(r, c));
      if (key === null) continue;
      if (seen.has(key)) {
        unique = false;
        break;
      }
      seen.add(key);
      ids.set(r, key);
    }
    if (!unique) continue;
    const hits = wanted.filter((k) => seen.has(k)).length;
    if (hits >= 0.8 * wanted.length && [...want].filter((k) => seen.has(k)).length >= Math.min(2, want.size) && (!best || hits > best.hits)) best = { c, ids, hits };
  }
  if (!best) return null;
  // Parent cells that each name a record's own sheet row (親タスク 6: the task on row 6, as a macro-kept
  // WBS writes it) read so as well as by the column found (a # running 1…n holds 6 too): two readings,
  // two different trees, and nothing in the cells to choose between them — none is taken (review T6:
  // with no outline beside it to give way to, the tasks went under the wrong phases, silently).
  const records = new Set(rows);
  const bySheetRow = wanted.every((k) => /^\d+$/.test(k) && records.has(Number(k) - 1));
  if (bySheetRow && [...best.ids].some(([r, id]) => id !== String(r + 1))) return null;
  return { c: best.c, ids: best.ids };
}

/** The WBS status columns' Open words read as not started, kept in the value maps (the profile keeps the reading: review T7). */
/** The value maps with a status column's codes as read (● → done, 0 → not started): the profile keeps the set's reading for the next file. */
function withStatusCodes(maps: ValueMaps, mapped: ColumnMapping[], grid: (Cell | null)[][], sets: ReadonlyMap<number, StatusCodes>): ValueMaps {
  for (const [j, codes] of sets) {
    const field = mapped[j]!.field!;
    for (const hit of grid[j]!) {
      const word = hit && (hit.t === 's' || hit.t === 'n') ? String(hit.v).trim() : '';
      const code = word === '' ? undefined : codes.read(word);
      if (code !== undefined) (maps[field] ??= { words: {}, exportAs: {} }).words[word] = code;
    }
  }
  return maps;
}

function withStageWords(maps: ValueMaps, words: ReadonlyMap<string, ValueMap>): ValueMaps {
  for (const [field, map] of words) {
    const own = maps[field];
    maps[field] = own ? { ...own, words: { ...map.words, ...own.words }, exportAs: { ...map.exportAs, ...own.exportAs } } : map;
  }
  return maps;
}

function withOpenWords(maps: ValueMaps, mapped: ColumnMapping[], grid: (Cell | null)[][], openAs: ReadonlyMap<number, string>): ValueMaps {
  for (const [j, code] of openAs) {
    const field = mapped[j]!.field!;
    const open = onceEach(isOpenWord);
    for (const hit of grid[j]!) {
      if (!hit || hit.t !== 's' || !open(hit.v as string)) continue;
      const map = (maps[field] ??= { words: {}, exportAs: {} });
      map.words[(hit.v as string).trim()] = code;
    }
  }
  return maps;
}

/** The day halfway between two ISO days. */
function midday(a: string, b: string): string {
  const t = (Date.parse(`${a}T00:00:00Z`) + Date.parse(`${b}T00:00:00Z`)) / 2;
  return new Date(Math.floor(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** Problems in sheet order: by row, then column. */
function byCell(a: Problem, b: Problem): number {
  const p = a.cell ? parseCellRef(a.cell) : null;
  const q = b.cell ? parseCellRef(b.cell) : null;
  return (p?.r ?? -1) - (q?.r ?? -1) || (p?.c ?? -1) - (q?.c ?? -1);
}

/** The scale a note in the few rows above the header states (評価：3＝高、2＝中、1＝低), if one does. */
function ratingNoteAbove(ix: SheetIndex, headerTop: number): Scale | null {
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - 6); r--)
    for (const cell of ix.row(r)?.cells ?? []) {
      const scale = cell.t === 's' ? noteScale(cell.v as string) : null;
      if (scale) return scale;
    }
  return null;
}

/**
 * A text field's column group with one column per item, a mark where the item applies: 担当者 over one
 * column per person (○ where the person works on the task), 影響範囲 over コスト | 納期 | 品質 (○ where
 * the change has that impact: blind set 4, J11, where 影響範囲 held "○"). The value is the words over the
 * marked columns; the word over each column ('' where none), or null when the mapping is no such group.
 */
export function markedItemColumns(ix: SheetIndex, layout: { target: ImportTarget; headerTop: number; headerBottom: number }, m: ColumnMapping, date1904: boolean): string[] | null {
  if (m.span < 2 || m.field === null || fieldSpec(layout.target, m.field)?.kind !== 'text' || m.field === KEY_FIELD[layout.target] || layout.headerBottom <= layout.headerTop) return null;
  // (A field of a two-row record's second row is headed by one word merged over its columns on the header's
  // second row, 詳細 over D:E: the column's own head, no items; written as one text into its anchor.)
  if (m.rowOffset) return null;
  const names = Array.from({ length: m.span }, (_, k) => {
    const cell = ix.valueAt(layout.headerBottom, m.c + k);
    return cell ? textOf(cell, date1904).trim() : '';
  });
  // (One word merged over the span, 担当 over L:O under a 処理 group of a 方眼紙 form, is the column's own
  // head: items have a word each, two different ones at least.)
  return new Set(names.filter((n) => n !== '')).size < 2 ? null : names;
}

/**
 * A rating column group with one column per step (発生可能性 over 大 | 中 | 小, 影響度 over 高 | 中 | 低), a
 * mark in the step that applies: the word over each column, or null when the mapping is no such group
 * (every column's word must read as a rating, each a different one).
 */
export function ratingMarkColumns(ix: SheetIndex, layout: { target: ImportTarget; headerTop: number; headerBottom: number }, m: ColumnMapping, date1904: boolean): string[] | null {
  if (m.span < 2 || m.field === null || fieldSpec(layout.target, m.field)?.kind !== 'rating' || layout.headerBottom <= layout.headerTop) return null;
  const words = Array.from({ length: m.span }, (_, k) => {
    const cell = ix.valueAt(layout.headerBottom, m.c + k);
    return cell ? textOf(cell, date1904).trim() : '';
  });
  const ratings = words.map((w) => {
    const r = w === '' || isMark({ c: 0, t: 's', v: w }) ? null : parseRatingValue(w);
    return r?.ok ? r.value : null;
  });
  return ratings.every((r) => r !== null) && new Set(ratings).size === ratings.length ? words : null;
}

export { isMark };

const NO_MARKS = new Set(['x', '×']);

/**
 * How a group of mark columns reads (担当者 over one column per person, 影響範囲 over コスト | 納期 | 品質):
 * a mark is "yes", except where the group also writes ○ (or another mark): there × is the client's "no",
 * the ○/× matrix of Japanese forms (review S5: ○ | × | × read as all three impacts). `yes` and `no`: the
 * words the client writes for each (`no` null where an unmarked cell is left empty), for the export.
 */
export function markReading(cells: Iterable<Cell | undefined>): { on: (cell: Cell | undefined) => boolean; yes: string | null; no: string | null } {
  let yes: string | null = null;
  let no: string | null = null;
  for (const cell of cells) {
    if (!isMark(cell)) continue;
    const word = (cell!.v as string).trim();
    if (NO_MARKS.has(word.toLowerCase())) no ??= word;
    else yes ??= word;
    if (yes !== null && no !== null) break;
  }
  if (yes === null || no === null) return { on: isMark, yes: yes ?? no, no: null };
  return { on: (cell) => isMark(cell) && !NO_MARKS.has((cell!.v as string).trim().toLowerCase()), yes, no };
}

function extraValue(cell: Cell, date1904: boolean): ExtraValue {
  if (cell.t === 'n' || cell.t === 'b') return cell.v as number | boolean;
  if (cell.t === 'd') return textOf(cell, date1904);
  return (cell.v as string).trim();
}

export type Analysis = { ok: true; table: ImportTable; layout: TableLayout; candidates: TableCandidate[] } | { ok: false; reason: string };

/** Detection and reading in one: what an import shows first, before the user adjusts anything. */
export function analyzeWorkbook(model: WorkbookModel, target: ImportTarget, opts: ReadOptions & Pick<DetectOptions, 'sheet'> = {}): Analysis {
  const found = detectLayout(model, target, { vocab: opts.vocab, reference: opts.today, sheet: opts.sheet });
  if (!found.ok) return found;
  const table = readTable(model, found.layout, opts);
  if (table.records.length === 0)
    return { ok: false, reason: `${model.fileName}: the table on sheet ${found.layout.sheet} (header in row ${found.layout.headerTop + 1}) has no rows of data` };
  return { ok: true, table, layout: found.layout, candidates: found.candidates };
}
