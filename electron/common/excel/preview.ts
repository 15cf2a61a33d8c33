// What an import preview shows before anything is written, and what applying it answers. Plain JSON,
// shared by the core (which computes it) and the renderer (which shows it).
import type { ImportTarget } from './fields.js';
import type { HierarchyMethod } from './hierarchy.js';
import type { ColumnMapping } from './mapping.js';
import type { Problem } from './problems.js';
import type { EndReason } from './data-range.js';
import type { CardLayout, CardRegister, FormLayout } from './form.js';
import type { ReportFormLayout } from './report-form.js';
import type { ValueMaps } from './value-map.js';
import type { UnknownValue } from './client-values.js';
import type { LeftOutReason } from './data-range.js';
import type { LayoutConfidence, TableCandidate } from './detect.js';

/** A field's value as the preview shows it (dates yyyy-mm-dd, codes of lists, numbers). */
export type PreviewValue = string | number | boolean | null;

export interface CellChange {
  /** A field, or `extra:<key>` for a column kept as an extra column. */
  field: string;
  before: PreviewValue;
  after: PreviewValue;
}

export type RowStatus = 'new' | 'changed' | 'unchanged';

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
  /** Column ('E' or 'A:C', as in the preview) → field, or null to keep it as an extra column. */
  columns?: { column: string; field: string | null }[];
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
}

/** What the dialog asks when detection was unsure: to point at the table, or at its header row. */
export type ImportAsk = 'table' | 'header';

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
  /** How file rows are matched to stored ones: the ID/No column, the WBS code, or the name. */
  matchBy: 'ref' | 'code' | 'name';
  /** The profile used: found by its header signature, or chosen (profileId). */
  profile: { id: number; name: string; how: 'signature' | 'chosen' } | null;
  /** Identifies the header (for saving a profile that is found again). */
  headerSignature: string;
  rows: PreviewRow[];
  missing: MissingRow[];
  counts: { new: number; changed: number; unchanged: number; missing: number; skipped: number; problems: number; leftOut: number };
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
  /** How sure detection was (absent when the layout came from a profile or the user), and what to ask. */
  detection?: { confidence: LayoutConfidence; ask: ImportAsk | null; candidates: TableCandidate[] };
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
