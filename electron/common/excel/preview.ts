// What an import preview shows before anything is written, and what applying it answers. Plain JSON,
// shared by the core (which computes it) and the renderer (which shows it).
import type { VocabListName } from '../registers.js';
import type { ShortYearForm } from './client-dates.js';
import type { ImportTarget } from './fields.js';
import type { Problem } from './problems.js';
import type { CardLayout, CardRegister, FormLayout } from './form.js';
import type { ReportFormLayout } from './report-form.js';

/** A field's value as the preview shows it (dates yyyy-mm-dd, codes of lists, numbers). */
export type PreviewValue = string | number | boolean | null;

export interface CellChange {
  /** A field, or `extra:<key>` for a column kept as an extra column. */
  field: string;
  before: PreviewValue;
  after: PreviewValue;
}

export type RowStatus = 'new' | 'changed' | 'unchanged';

/** How many rows of each status a preview answers (ImportPreview.rows); a table's other rows are counted only. */
export const PREVIEW_ROWS_PER_STATUS = 2_000;

/**
 * A preview with more problems than this answers only those the dialog shows beside the rows (see
 * ImportPreview.problems); the Problems tab then pages through all of them this many at a time
 * (excel.previewProblems). A 100,000-row plan's ~9,000 warnings were 1.9 MB of every preview's answer.
 */
export const PREVIEW_PROBLEMS_PAGE = 1_000;

export interface PreviewRow {
  status: RowStatus;
  /** 1-based sheet row the record comes from. */
  row: number;
  /** The stored row it matches (changed, unchanged). */
  id?: number;
  /** The key it was matched by, as written in the file (R-003, 1.2.1, or the name). */
  key: string;
  /** Task name or title. */
  name: string;
  /** WBS: depth, 0 = top. */
  level?: number;
  /** Changed rows: the cells that differ, old → new. */
  changes?: CellChange[];
  /** New rows: the values the row will be created with (fields and extra:<key>). */
  values?: Record<string, PreviewValue>;
  /** The row has a problem: it is skipped on apply (its cells are listed in problems). */
  skipped?: true;
}

export interface MissingRow {
  id: number;
  key: string;
  name: string;
}

/** The user's corrections of what detection found. Absent parts are detected (or taken from a profile). */
export interface MappingInput {
  sheet?: string;
  /** 1-based header rows. */
  headerTop?: number;
  headerBottom?: number;
  /**
   * Column ('E' or 'A:C', as in the preview) → field, or null to keep it as an extra column. `rowOffset`:
   * the row of a two-row record the column's field stands on, as the preview's column has it (absent: 0).
   */
  columns?: { column: string; field: string | null; rowOffset?: number }[];
  /** With headerTop: a column of the table meant ('H'), where tables stand side by side on the sheet. */
  column?: string;
  /**
   * The first row of data the user pointed at (1-based): the header is the rows above it that name
   * columns (up to four). Instead of headerTop/headerBottom.
   */
  firstDataRow?: number;
  /** The user's reading of client words in list and rating columns: code, or null to add the word to the list. */
  values?: { field: string; word: string; code: string | null }[];
  /** The year of dates written without one that nothing in the file or the project decides (asked: ImportPreview.years). */
  year?: number;
  /**
   * Columns whose question (detection.why 'columnFits') the user answered by keeping them as they are
   * ('E', 'A:C', 'E+1': columnKey). Refining a preview by its id, a column whose field the user changed is answered too; the
   * other columns asked about are asked still.
   */
  answered?: string[];
}

/**
 * What the dialog asks when detection was unsure: to point at the table, or at its header row; or, the
 * table sure, which field a column kept as the client's own is, where its cells fit a field no column
 * fills ('columns': answered by choosing one of the fields offered, or keeping the column as it is).
 */
export type ImportAsk = 'table' | 'header' | 'columns';

/**
 * Why a decision of the detection is unsure, one sentence each in the dialog (excel.askWhy.<code>):
 * other tables nearly as good (`count` in all), or one as good on another sheet or place ('tableAlike');
 * the key column found by its cells or a partial word ('keyGuessed'); the key column's cells are figures,
 * not names ('keyFigures': a metrics table); a WBS's names with figures beside them and no date, person,
 * progress or status on any row ('noTasks': a report's KPI table); the table found by its shape, few header words named fields
 * ('byShape'); few header words named fields ('fewWords'); the key column and another text column
 * (`other`, read as `otherField`) both named weakly and nearly as likely to be the key ('keyClose');
 * columns holding the records' values under no header word (`columns`, 'H' or 'C, H'), kept as the
 * client's own: which field each is, only the user can say ('unheaded');
 * a column whose header named no field holds what `fields` take, and no column fills them ('columnFits').
 */
export type AskWhy =
  | { code: 'tables'; count: number }
  | { code: 'tableAlike' }
  | { code: 'keyGuessed' | 'keyFigures' | 'noTasks'; field: string; column: string; label: string }
  | { code: 'keyClose'; field: string; column: string; label: string; other: string; otherLabel: string; otherField: string }
  | { code: 'byShape' }
  | { code: 'fewWords' }
  | { code: 'unheaded'; columns: string }
  | { code: 'columnFits'; column: string; label: string; fields: string[]; rowOffset?: number };

/** How an import keeps the dates a file gives automatic tasks: our days off it works become working days, tasks the calendar cannot explain manual (names). */
export interface FileDatesKept {
  workingDays: { date: string; name: string }[];
  manual: string[];
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  register: ImportTarget;
  sheet: string;
  /** Every sheet of the workbook (for choosing another one). */
  sheets: string[];
  /** 1-based header rows, and first/last data rows with why the data ends there. */
  header: { top: number; bottom: number };
  data: { first: number | null; last: number | null; end: EndReason; endRow?: number };
  columns: ColumnMapping[];
  /** Fields of the register that a column can be mapped to. */
  fields: string[];
  hierarchy?: HierarchyMethod;
  /**
   * How the Predecessors column names tasks (a WBS with one): by the client's task ID column (MS
   * Project's "3,5FS+2d", `column` 'A'), by WBS codes, or by row number (Smartsheet's "2", "3FS +2d": 1 =
   * the first row under the header). The export writes them back the same way.
   */
  predecessorsReading?: { by: 'id' | 'code' | 'row'; column?: string };
  /**
   * The file has no date columns and paints its plan as fills under a row of dates (a WBS): the planned
   * dates are read from each row's painted columns (`from`–`to`, as 'E'–'S', `days` per column) and the
   * export paints them again there.
   */
  paintedDates?: { from: string; to: string; days: number };
  /**
   * A WBS whose automatic tasks the file dates: what the import will do to keep the file's dates, said
   * before it is applied (ApplyResult.fileDates: days off made working days, tasks made manual).
   */
  fileDates?: FileDatesKept;
  /** How file rows are matched to stored ones: the ID/No column, the WBS code, or the name. */
  matchBy: 'ref' | 'code' | 'name';
  /** The profile used: found by its header signature, or chosen (profileId). */
  profile: { id: number; name: string; how: 'signature' | 'chosen' } | null;
  /** Identifies the header (for saving a profile that is found again). */
  headerSignature: string;
  /**
   * The file's rows as the plan reads them, in file order: the first PREVIEW_ROWS_PER_STATUS of each
   * status (the rest are imported all the same); `rowCount` is how many rows there are in all.
   */
  rows: PreviewRow[];
  rowCount: number;
  missing: MissingRow[];
  counts: { new: number; changed: number; unchanged: number; missing: number; skipped: number; problems: number; leftOut: number };
  /**
   * Every problem, when there are at most PREVIEW_PROBLEMS_PAGE (counts.problems); else, in their order,
   * those that name no cell (the mapping step lists them) and those in the rows listed in `rows` (each
   * row shows its own): excel.previewProblems pages through all of them.
   */
  problems: Problem[];
  /** Rows inside the table that are no records (separators, the header again…), each with why. */
  leftOut: { row: number; reason: LeftOutReason }[];
  /** Distinct client words of list and rating columns that the project's list does not have, and what each is read as. */
  values: UnknownValue[];
  /**
   * Dates written without a year that nothing decides (no full date in their row or column, no project
   * period): how many, a few as written, the year they are read in, and whether the user chose it. The
   * dialog asks for the year (MappingInput.year). `span`: the dates run over a new year (12/28, 1/5) and
   * `year` is the year they start in.
   */
  years?: { count: number; examples: string[]; year: number; chosen: boolean; span?: true };
  /** How sure detection was (absent when the layout came from a profile or the user), what to ask, and why. */
  detection?: { confidence: LayoutConfidence; ask: ImportAsk | null; why: AskWhy[]; candidates: TableCandidate[] };
  /**
   * Columns kept as the client's own whose cells read as fields no column fills (an ID, a date, a 1–5
   * rating): the dialog offers those fields beside the column; nothing is mapped by them.
   */
  columnChoices?: { column: string; fields: string[]; rowOffset?: number }[];
}

export interface ApplyOptions {
  /** Stored rows that are not in the file: left alone (default), closed, or deleted. */
  missing?: 'keep' | 'close' | 'delete';
  /** Save the mapping (and the workbook as its template) as a new profile with this name… */
  saveProfileAs?: string;
  /** …or update this profile with it. */
  updateProfileId?: number;
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with a problem, left out. */
  skipped: number;
  closed: number;
  deleted: number;
  /** The undo batch (null when nothing changed). */
  batchId: string | null;
  /** The profile saved or updated, when asked. */
  profileId: number | null;
  /**
   * WBS: what keeping the file's dates of automatic tasks took, when anything did: days off of the
   * project's calendar the file's dates work (now extra working days), and tasks imported as manual
   * (names) whose dates no calendar change explains (core/services/schedule-file-dates.ts).
   */
  fileDates?: FileDatesKept;
}

/** A client profile: a template workbook, and how its table (or form) maps to fields. */
export interface ProfileSummary {
  id: number;
  name: string;
  /**
   * 'table': one row per record (WBS and registers); 'form': a meeting fills cells and blocks (a 議事録);
   * 'card': one register row fills cells (a 不具合管理票); 'report': a project's weekly report fills cells,
   * blocks and pictures (a 進捗報告書).
   */
  kind: 'table' | 'form' | 'card' | 'report';
  register: ImportTarget | 'minutes' | 'report';
  /** Where the table or form sits in the template. */
  sheet: string;
  fileName: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileLayout {
  sheet: string;
  /** 1-based header rows. */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMapping[];
  hierarchy?: HierarchyMethod;
  /** How progress was written: 0–1 (a % format) or 0–100. */
  progressScale?: 'fraction' | 'percent';
  /** The client's words for list and rating values, field → map, used both ways (see value-map.ts). */
  valueMaps?: ValueMaps;
  /** The ID column is the client's running number by the row (=ROW()-2): see ImportTable.positionalRefs. */
  positionalRefs?: true;
  /**
   * The client's rows under the table when the profile was saved (a note, a legend, the next table's
   * header: data-range.ts rowText): met again on a read through the profile, they end the table.
   */
  below?: string[];
}

export interface TableProfile extends ProfileSummary {
  kind: 'table';
  register: ImportTarget;
  headerSignature: string;
  layout: ProfileLayout;
}

export interface FormProfile extends ProfileSummary {
  kind: 'form';
  register: 'minutes';
  form: FormLayout;
}

export interface CardProfile extends ProfileSummary {
  kind: 'card';
  register: CardRegister;
  card: CardLayout;
}

export interface ReportProfile extends ProfileSummary {
  kind: 'report';
  register: 'report';
  report: ReportFormLayout;
}

export type Profile = TableProfile | FormProfile | CardProfile | ReportProfile;

// What the import engine (electron/core/excel/import) finds, as the preview and the profile carry it:
// the types live here, with the preview, so the renderer reads them without the engine.

/** A table detection weighed: its sheet, 0-based header rows, columns ('A:F') and score. */
export interface TableCandidate {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  columns: string;
  score: number;
}

/** How sure each decision of a detection is, 0–1. */
export interface LayoutConfidence {
  /** The sheet and table chosen over the other candidates (low when another one scores nearly as well). */
  table: number;
  /** The header rows: how well the header words name fields (low when the key column was guessed). */
  header: number;
  /** The key field's column (name/title). */
  key: number;
  /** The table was found by its shape (a header over a block of records), few of its words naming fields. */
  byShape?: true;
}

/** Why the data of a table ends where it does. */
export type EndReason = 'blank rows' | 'total row' | 'notes' | 'footer' | 'end mark' | 'table end' | 'next table' | 'end of sheet';

/** Why a row inside a table's data is not a record. */
export type LeftOutReason = 'separator' | 'header again' | 'section title' | 'group label' | 'template row' | 'continued text' | 'record continued' | 'example' | 'instructions' | 'filter row' | 'subtotal' | 'note' | 'summary';

/** The unit effort is stored in is the person-day (人日); hours and person-months are converted. */
/** 'second': Jira's estimates in a CSV export (28800 = one 8-hour day). */
export type EffortUnit = 'day' | 'hour' | 'month' | 'second';

/**
 * Why an effort column has its unit (effort-unit.ts), shown in the preview: its header names it; the
 * sheet is a tracker's export whose estimates are hours (Redmine, Jira); its numbers do not fit
 * person-days against a row's dates and people (`value` on `days` working days for `people`, read as
 * hours); or nothing says otherwise (person-days).
 */
export type EffortUnitWhy =
  | { from: 'header' | 'default' }
  | { from: 'tracker'; tracker: 'redmine' | 'jira' }
  /** A note above or beside the table states the unit (単位：人月, Unit: hours), in `cell`. */
  | { from: 'note'; cell: string; text: string }
  /** A Jira export's estimate in seconds: `value` as written (28800 = 8 hours). */
  | { from: 'seconds'; value: number }
  | { from: 'dates'; value: number; days: number; people: number };

/**
 * A column as the mapping names it: 'E', 'A:C', or 'E+1' for the field on the second row of a two-row
 * record (ColumnMapping.rowOffset 1), which shares its sheet column with the first row's.
 */
export function columnKey(m: { column: string; rowOffset?: number }): string {
  return m.rowOffset ? `${m.column}+${m.rowOffset}` : m.column;
}

/** The column and row offset a columnKey names ('E+1' → E on the record's second row). */
export function keyColumn(key: string): { column: string; rowOffset?: number } {
  const [column, row] = key.split('+');
  return row ? { column: column!, rowOffset: Number(row) } : { column: column! };
}

/** A column of the header: the field it fills, or an extra column kept as the client's. */
export interface ColumnMapping {
  /** First (0-based) column and the number of columns (> 1 for a merged column group). */
  c: number;
  span: number;
  /** 'E' or 'A:C'. */
  column: string;
  label: string;
  /** The field, or null: kept under `extra` as `extraKey`. */
  field: string | null;
  /** 0–1; 0 for extra columns. */
  confidence: number;
  extraKey?: string;
  /** Effort columns: the unit the header names (工数(h) → hour). */
  unit?: EffortUnit;
  /** Effort columns: why the unit is what it is (set by the table reader; kept in a profile, so an export writes the same unit). */
  unitWhy?: EffortUnitWhy;
  /**
   * The form's own row numbering (field null, no extraKey): typed numbers running by one down the
   * records (項目番号 小, 順位). No record's data: the import reads nothing from it, and the export keeps
   * it running down the rows (a prepared row keeps its number, a row past them continues it).
   */
  numbering?: true;
  /**
   * A WBS column of start～finish ranges in one cell (4/1～4/15, 2025/04/01-2025/04/15: date-range.ts; field
   * null, no extraKey): the planned start and finish of plans with no column of their own for them. The
   * export writes the task's dates back into it in the column's own form.
   */
  period?: true;
  /** Date columns: how the import read the column's text dates where its cells settled it (kept for the next file). */
  dateReading?: DateReading;
  /**
   * The row of the record's block the field stands on, where a record spends two rows (0, the default:
   * its first row; 1: the second, as the actual dates on a 実績 row under the 予定 row: block-rows.ts).
   * Two mappings may then share a column.
   */
  rowOffset?: number;
  /**
   * The column labels the rows of each record (field null, no extra): its word on each row of the block
   * (['予定', '実績']). Structure: read to tell the rows apart, written on a new record's rows.
   */
  blockLabels?: string[];
  /**
   * A column of ticks under a state's name (完了 ✓, Approved? TRUE, 反映済 レ: check-columns.ts): the code
   * a ticked cell means. An unticked one leaves the field to its default; export writes the column's own
   * ticked mark for this code and its unticked form for any other.
   */
  check?: string;
}

/** A date column's reading of text dates that differs from the default: day first (14/05/2025), the place of a two-digit year. */
export interface DateReading {
  slashOrder?: 'dmy';
  shortYear?: ShortYearForm;
}

/** How the WBS tree is written in the sheet (see electron/core/excel/import/hierarchy.ts). */
export type HierarchyMethod = 'code' | 'level' | 'parent' | 'phases' | 'columns' | 'indent' | 'outline' | 'none';

/** A client's own words for the values of one list or rating column (see electron/core/excel/import/value-map.ts). */
export interface ValueMap {
  words: Record<string, string>;
  exportAs: Record<string, string>;
  clientList?: string[];
  scale?: { min: number; max: number };
}

/** Field → its value map. */
export type ValueMaps = Record<string, ValueMap>;

/** What an unknown client word most likely means on the project's list. */
export interface Suggestion {
  /** The item's code; null: add the word to the project's list as a new item. */
  code: string | null;
  /**
   * How it was found ('scale': a rating number read through the client's scale, 1.5 → 2; 'legend': a
   * code read through the legend the workbook writes for it, 1 → 未着手 on a 凡例 sheet; 'stage': a status
   * word read at its stage of a record's life, 回答中 → under way, Ready for Retest → fixed).
   */
  by: 'label' | 'synonym' | 'similar' | 'scale' | 'legend' | 'stage' | 'new';
}

/** One distinct client word of a column that the project's list (or the 1–5 scale) does not have. */
export interface UnknownValue {
  field: string;
  /** The list of the field; null for a rating (the codes are 1–5). */
  list: VocabListName | null;
  word: string;
  /** 1-based rows it is written in. */
  rows: number[];
  suggestion: Suggestion;
  /** What it is read as now: the user's choice, else the suggestion; null: left empty. */
  code: string | null;
  /** The code is the user's (or the profile's) choice, not a suggestion. */
  chosen: boolean;
}
