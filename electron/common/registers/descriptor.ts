// What a flat register is, in one place: a descriptor per register (risk.ts, issue.ts, change.ts …)
// says its fields and their types, value lists, ID prefix, key and title fields, ja/en headers and
// import words, default grid columns, screen, export title and whether it has cards. Every table the
// rest of the app keeps per register (import targets, export registers, profile and card registers,
// stores, undo, screens, i18n headers) is derived from the list in ./index.ts, so a register added
// there gets all of them or fails the typecheck and test/unit/register-descriptors.test.ts.
import { z } from 'zod';
import { isoDate, text, withinJsonLimits, type JsonLimits } from '../api/schemas.js';

export type Header = { ja: string; en: string };
export const h = (ja: string, en: string): Header => ({ ja, en });

/** An import word for a field; a weight below 1 marks a word that often means something else. */
/**
 * A header word of a field: the word, or [word, weight], or [word, weight, 'whole'] for a word that names
 * the field only as the whole label — inside a longer one it is the head of another phrase (Action names
 * an action list's item; Next Action, Corrective Action are an issue's response).
 */
export type Syn = string | readonly [string, number] | readonly [string, number, 'whole'];

export interface VocabItem {
  code: string;
  labelJa: string;
  /** May be empty: the UI then shows the Japanese label. */
  labelEn: string;
  /** Rows with this status count as closed (not overdue, age stops at closedOn). */
  closed: boolean;
}

export const item = (code: string, labelJa: string, labelEn: string, closed = false): VocabItem => ({ code, labelJa, labelEn, closed });

// ---------------------------------------------------------------- field schemas every register uses

export const date = isoDate.nullable();
/** Probability and impact: whole numbers on a 1–5 scale; null = not assessed yet. */
export const rating = z.number().int('must be a whole number 1–5').min(1, 'must be 1–5').max(5, 'must be 1–5').nullable();
/** A vocabulary code ('' = not set). Which codes are allowed depends on the project, so the core checks that. */
export const code = text(50);
/** The user-facing ID. Assigned at create when absent; unique per project. */
export const ref = text(50).trim().min(1, 'must not be empty');
/**
 * Client columns we have no field for, kept so they go back out to Excel; replaced whole. Each key is
 * a column of the export, so a row holds at most EXTRA_LIMITS.keys of them (an Excel sheet has 16,384).
 */
export const EXTRA_LIMITS: JsonLimits = { depth: 8, keys: 1_000, size: 1024 * 1024 };
export const extra = withinJsonLimits(z.record(z.string(), z.json()), EXTRA_LIMITS);

// ---------------------------------------------------------------- the descriptor

export interface VocabField<L extends string = string> {
  list: L;
  /** A required field may not be '' and takes the list's first code when a row is created without it. */
  required: boolean;
}

/** A grid column of the register's default layout: its width, and how it is edited when not by its type. */
export interface GridColumn {
  width?: number;
  pinned?: boolean;
  /** Several lines of text: a popup editor, exported as a wide wrapped column. */
  long?: boolean;
}

export interface RegisterDescriptor<N extends string = string, L extends string = string, F extends z.ZodObject = z.ZodObject> {
  /** The entity name of its audit rows, the prefix of its API methods (risk.list), its import target and profile register. */
  name: N;
  /** The SQL table of its rows (drizzle/schema.ts). */
  table: string;
  /** The project screen that shows it: #view=<view>, and its tab name. */
  view: string;
  screen: Header;
  /** The title of its standard export (リスク管理表 / Risk Register) and of the exported file's name. */
  exportTitle: Header;
  /** IDs are prefix + a number of at least three digits: R-001. */
  refPrefix: string;
  fields: F;
  /** The field a table of this register cannot do without (an import needs a column for it). */
  keyField: string;
  /** The field that names a row to people (with its ID): history, cards, search. */
  titleField: string;
  /** Where an import puts a long-text column it cannot place otherwise. */
  longTextField: string;
  /** Fields whose values are 1–5 ratings (typed as 高/中/低 too). */
  ratingFields?: readonly string[];
  /** Default value lists of this register, by list name (`<name>.<field>`). */
  lists: Record<L, VocabItem[]>;
  /** Fields whose values are codes of a list. */
  vocab: Record<string, VocabField<L>>;
  /** When the status becomes a closed code and closedOn is empty, closedOn is set to today. */
  closing?: { status: string; closedOn: string };
  /** What the quick filters read: the field whose list says open or closed, the due date, whose row it is. */
  tracking: { status: string; due: string | null; owner: string };
  /**
   * The default columns, in the grid's order, with their headers (ja/en): the one source of the grid's
   * headers (i18n `<name>.col`) and of the standard export's header row. Each header is a word the
   * import recognizes for its field (test/unit/export-headers.test.ts checks it).
   */
  columns: Record<string, Header & GridColumn>;
  /**
   * Computed columns (score, level, age) and what each computes, a number or a word: exported and
   * recognized on import, never read back as values.
   */
  derived?: Readonly<Record<string, 'number' | 'text'>>;
  /** Header words the import recognizes, per field, collected from real client workbooks. */
  synonyms: Record<string, Syn[]>;
  /**
   * The register's own noun as clients put it before a column's word (リスク分類, Risk Area, 課題種別): the
   * word after it names the column's field as it would alone (excel/synonyms.ts).
   */
  qualifiers?: readonly string[];
  /**
   * Words a workbook uses for a register of this kind in a sheet's name or the title over its table
   * (課題管理表, Action Log, 不具合一覧), with the qualifiers: the import's register suggestion reads them
   * (excel/import/register-names.ts).
   */
  titleWords: readonly string[];
  /** What a table of this register must have, as the import's "not found" message says it. */
  keyWords: string;
  /**
   * Its place in the search index (Ctrl+K): `kind` is its number in every key (search_text.id = row id ×
   * KEY_KINDS + kind), stored, so never changed or given to another register (1 and 5 are the WBS and
   * the minutes); `text` the fields joined into a row's searched text, by default every text field of
   * its columns but the title (dates, list codes and the ID are not words to look for).
   */
  search: { kind: number; text?: readonly string[] };
  /**
   * Kept for the projects after the one it came from (教訓): besides its tab in each project, the
   * workspace has a page listing every project's rows (<name>.listAll), each with its source project.
   */
  workspacePage?: boolean;
  /** A client's card form (one row in a 不具合管理票) can be kept as a profile and written. */
  cards: boolean;
}

/** Keeps the literal name, list names and field schema of a descriptor, and checks it against the type. */
export function defineRegister<const N extends string, const L extends string, F extends z.ZodObject>(d: RegisterDescriptor<N, L, F>): RegisterDescriptor<N, L, F> {
  return d;
}
