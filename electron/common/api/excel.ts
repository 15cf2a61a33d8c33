// Excel import and export, and the client profiles they go through. Workbooks travel as base64; the
// core answers workbook bytes too, and saving them is the platform's file service.
//
// Import is two steps: previewImport reads the file and shows what would change (nothing is written),
// applyImport writes that preview in one transaction as one undo batch. A preview lives in the core's
// memory for a while (see PREVIEW_TTL in the core) and is re-diffed against the stored rows on apply,
// so edits made in between are never overwritten blindly.
import { z } from 'zod';
import { IMPORT_TARGETS, type ImportTarget } from '../excel/fields.js';
import { cardLayout, formLayout } from '../excel/form.js';
import { PREVIEW_PROBLEMS_PAGE, type ApplyResult, type CardProfile, type FormProfile, type ImportPreview, type Profile, type ProfileLayout, type ProfileSummary, type ReportProfile } from '../excel/preview.js';
import { reportFormLayout } from '../excel/report-form.js';
import type { Meeting, MeetingFields } from '../meetings.js';
import type { Problem } from '../excel/problems.js';
import { id, text } from './schemas.js';

/** What excel.export writes and profiles are kept for: every import target, and the minutes. */
export type ExportRegister = ImportTarget | 'minutes';
export const EXPORT_REGISTERS = [...IMPORT_TARGETS, 'minutes'] as unknown as [ExportRegister, ...ExportRegister[]];

/** The largest file any call carries, in MB (adapters size their request limits on it). */
export const MAX_FILE_MB = 50;
/** That file as base64. */
export const MAX_BASE64 = Math.ceil((MAX_FILE_MB * 1024 * 1024 * 4) / 3) + 4;
export const FILE_TOO_LARGE = `the file is larger than ${MAX_FILE_MB} MB`;

export interface ExportedWorkbook {
  /** A suggested file name, safe on Windows: 議事録_20250401_定例会議.xlsx */
  fileName: string;
  dataBase64: string;
  /**
   * Export into a client's workbook: cells left unwritten because the client's own words for the
   * column (its list, or the words its file used) have none for the value; the client must choose.
   * `header` is the client's column header, `label` the value as PMO Desk shows it (保留, not on_hold).
   */
  noClientWord?: { sheet: string; cell: string; field: string; value: string; header: string; label: string }[];
  /**
   * Export into a client's workbook: changed dates left unwritten because their column writes dates as text
   * in a form the export cannot tell (dotted 19.9.27: yy.m.d or d.m.yy?), and a date in another form would
   * change how the column's other cells read back. Named as in noClientWord.
   */
  noDateForm?: { sheet: string; cell: string; field: string; value: string; header: string; label: string }[];
  /**
   * Export into a client's workbook: changed values left unwritten because their cell lies hidden
   * under a range the client merged over other cells (a memo box over the Owner and Due columns):
   * what a merged range shows is its top-left cell's. Named as in noClientWord.
   */
  underMerge?: { sheet: string; cell: string; field: string; value: string; header: string; label: string }[];
  /**
   * Export into a client's workbook: changed values left unwritten because their cell holds the client's
   * formula (a start date =D2+1 chained from the task above): the formula stays. Named as in noClientWord.
   */
  formulaCells?: { sheet: string; cell: string; field: string; value: string; header: string; label: string }[];
  /**
   * Export of a WBS into a client's workbook: tasks nested deeper than its layout has levels (大/中/小
   * columns, or a name moved one column per level): each is written at the deepest level (`deepest`,
   * 1 = top) and reads back under an ancestor. `cell` is the task's name cell, `level` its own level.
   */
  tooDeep?: { sheet: string; cell: string; name: string; level: number; deepest: number }[];
  /**
   * Export into a client's workbook whose layout has no cell to write the register's key field in (its
   * title or a task's name: not mapped, or mapped to a head merged over columns holding other values):
   * records written whose key would not read back as stored (new or renamed), by the key's cell on
   * their row (the table's first column where the key is not mapped); `value` is the key. Named as in noClientWord.
   */
  noKeyCell?: { sheet: string; cell: string; field: string; value: string; header: string; label: string }[];
  /**
   * Export of a WBS into a client's workbook with a gantt it paints by hand: tasks whose bar was painted
   * again but whose dates (yyyy-mm-dd) lie outside the band's days (`bandFrom`…`bandTo`): `shown` 'none'
   * — the bar is cleared, never left on its old days — or 'part', cut at the band's edge. `cell` is the
   * task's name cell.
   */
  offBand?: { sheet: string; cell: string; name: string; start: string; finish: string; bandFrom: string; bandTo: string; shown: 'none' | 'part' }[];
}

const register = z.enum(IMPORT_TARGETS as [ImportTarget, ...ImportTarget[]]);
const rowNumber = z.number().int().min(1).max(1_048_576);

const mappingInput = z.strictObject({
  sheet: text(31).min(1).optional(),
  headerTop: rowNumber.optional(),
  headerBottom: rowNumber.optional(),
  columns: z
    .array(
      z.strictObject({
        column: z.string().regex(/^[A-Z]{1,3}(:[A-Z]{1,3})?$/, "must be a column such as 'E' or 'A:C'"),
        field: text(100).nullable(),
        rowOffset: z.number().int().min(0).max(3).optional(),
      }),
    )
    .max(16_384)
    .optional(),
  column: z.string().regex(/^[A-Z]{1,3}$/, "must be a column such as 'H'").optional(),
  firstDataRow: rowNumber.optional(),
  values: z.array(z.strictObject({ field: text(100), word: text(1000), code: text(50).min(1).nullable() })).max(10_000).optional(),
  year: z.number().int().min(1900).max(2999).optional(),
  answered: z.array(z.string().regex(/^[A-Z]{1,3}(:[A-Z]{1,3})?(\+[1-3])?$/, "must be a column such as 'E', 'A:C' or 'E+1'")).max(16_384).optional(),
});

export const excelApi = {
  /**
   * register 'minutes' + meetingId: the meeting in PMO Desk's printable layout (A4 portrait). Its
   * language: `language`, else the workspace's UI language ('ui.language'), else the OS locale's
   * (Japanese for ja-*, English otherwise) — the same choice the UI makes.
   */
  'excel.export': {
    input: z.strictObject({
      projectId: id,
      register: z.enum(EXPORT_REGISTERS),
      profileId: id.optional(),
      meetingId: id.optional(),
      language: z.enum(['ja', 'en']).optional(),
      /** With a card profile (one row into the client's form): the row of the register. */
      recordId: id.optional(),
      /** 'csv': a register in PMO Desk's layout as CSV (UTF-8, formula-looking text escaped); not with a profile. */
      format: z.enum(['xlsx', 'csv']).optional(),
    }),
    output: {} as ExportedWorkbook,
  },
  /**
   * Reads a workbook (.xlsx, .xlsm, .csv) for a register of a project and answers what applying it
   * would do. The layout comes from `mapping` where given, else from `profileId`, else from a profile
   * whose header matches the file, else from detection. A file that cannot be read at all is answered
   * with VALIDATION (field dataBase64) and one message naming the file. With `previewId` instead of the
   * file, the mapping refines that preview (the workbook is not sent or read again); it answers a new
   * preview (new previewId) and the old one is gone.
   */
  'excel.previewImport': {
    input: z
      .strictObject({
        projectId: id,
        register,
        fileName: text(260).min(1).optional(),
        dataBase64: z.string().max(MAX_BASE64, FILE_TOO_LARGE).optional(),
        /** Refines this preview (its workbook, layout and choices) instead of reading a file again. */
        previewId: z.string().min(1).max(100).optional(),
        profileId: id.optional(),
        mapping: mappingInput.optional(),
      })
      .refine((i) => (i.previewId !== undefined) !== (i.dataBase64 !== undefined && i.fileName !== undefined), {
        message: 'give previewId, or fileName and dataBase64',
        path: ['dataBase64'],
      }),
    output: {} as ImportPreview,
  },
  /** Writes a preview: one transaction, one undo batch. Rows with problems are left out. */
  'excel.applyImport': {
    input: z.strictObject({
      previewId: z.string().min(1).max(100),
      options: z
        .strictObject({
          missing: z.enum(['keep', 'close', 'delete']).optional(),
          saveProfileAs: text(200).min(1).optional(),
          updateProfileId: id.optional(),
        })
        .refine((o) => o.saveProfileAs === undefined || o.updateProfileId === undefined, {
          message: 'give saveProfileAs or updateProfileId, not both',
          path: ['updateProfileId'],
        })
        .optional(),
    }),
    output: {} as ApplyResult,
  },
  /** Frees a preview that will not be applied (the import dialog closed); previews also expire. */
  /**
   * A register the previewed file's table fits clearly better than the preview's own (a review record
   * sheet imported from 課題管理表 is 品質不具合's), or null. Asked after the preview, so it never slows it.
   */
  'excel.suggestRegister': {
    input: z.strictObject({ previewId: z.string().min(1).max(100) }),
    output: {} as { register: ImportTarget | null },
  },
  /** Problems `offset` … `offset + limit - 1` of a kept preview, in order, and how many it has in all (ImportPreview.problems). */
  'excel.previewProblems': {
    input: z.strictObject({ previewId: z.string().min(1).max(100), offset: z.number().int().min(0), limit: z.number().int().min(1).max(PREVIEW_PROBLEMS_PAGE) }),
    output: {} as { problems: Problem[]; total: number },
  },
  'excel.discardPreview': {
    input: z.strictObject({ previewId: z.string().min(1).max(100) }),
    output: {} as { discarded: boolean },
  },
  /**
   * 様式を登録: a client's (blank) workbook saved as a table profile of a register, importing nothing.
   * The table is found as an import finds it, or where `mapping` points; `dryRun` answers what would be
   * saved (for checking the columns first) without saving.
   */
  'profile.registerTable': {
    input: z.strictObject({
      register,
      fileName: text(260).min(1),
      dataBase64: z.string().min(1).max(MAX_BASE64, FILE_TOO_LARGE),
      name: text(200).min(1).optional(),
      mapping: mappingInput.optional(),
      dryRun: z.boolean().optional(),
    }),
    output: {} as TemplateRegistration,
  },
  'profile.list': { input: z.strictObject({ register: z.enum(EXPORT_REGISTERS).optional() }), output: [] as ProfileSummary[] },
  'profile.get': { input: z.strictObject({ id }), output: {} as Profile },
  /** Renames a profile (the layout changes through an import with updateProfileId). */
  'profile.update': { input: z.strictObject({ id, name: text(200).min(1) }), output: {} as ProfileSummary },
  'profile.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
  /** A form profile for minutes: the client's 議事録 workbook and the cells and blocks picked in it. */
  'profile.createForm': {
    input: z.strictObject({ name: text(200).min(1), fileName: text(260).min(1), dataBase64: z.string().min(1).max(MAX_BASE64, FILE_TOO_LARGE), form: formLayout }),
    output: {} as ProfileSummary,
  },
  'profile.updateForm': { input: z.strictObject({ id, form: formLayout }), output: {} as FormProfile },
  /** A weekly report form profile: the client's report workbook and the cells, blocks and charts picked in it. */
  'profile.createReport': {
    input: z.strictObject({ name: text(200).min(1), fileName: text(260).min(1), dataBase64: z.string().min(1).max(MAX_BASE64, FILE_TOO_LARGE), report: reportFormLayout }),
    output: {} as ProfileSummary,
  },
  'profile.updateReport': { input: z.strictObject({ id, report: reportFormLayout }), output: {} as ReportProfile },
  /** A card profile: a client's form for one register row (a 不具合管理票) and the cells picked in it. */
  'profile.createCard': {
    input: z.strictObject({ name: text(200).min(1), fileName: text(260).min(1), dataBase64: z.string().min(1).max(MAX_BASE64, FILE_TOO_LARGE), card: cardLayout }),
    output: {} as ProfileSummary,
  },
  'profile.updateCard': { input: z.strictObject({ id, card: cardLayout }), output: {} as CardProfile },
  /**
   * A workbook's sheets as text for picking cells (its first 200 rows and 60 columns), with merged
   * ranges and defined names: from a chosen file, or a profile's template.
   */
  'excel.sheetPreview': {
    input: z
      .strictObject({ fileName: text(260).min(1).optional(), dataBase64: z.string().max(MAX_BASE64, FILE_TOO_LARGE).optional(), profileId: id.optional() })
      .refine((i) => (i.profileId !== undefined) !== (i.dataBase64 !== undefined && i.fileName !== undefined), {
        message: 'give profileId, or fileName and dataBase64',
        path: ['profileId'],
      }),
    output: {} as SheetPreview,
  },
  /**
   * A filled-in 議事録 form read through a form profile into a new meeting, its action items into the
   * action log, as one undo step. `dryRun` reads and answers what would be created, writing nothing.
   */
  'meeting.importForm': {
    input: z.strictObject({
      projectId: id,
      /** The form profile the file was filled in; without one the sheet is read as a document (日時：…, 議題, ToDo bullets). */
      profileId: id.optional(),
      fileName: text(260).min(1),
      dataBase64: z.string().min(1).max(MAX_BASE64, FILE_TOO_LARGE),
      dryRun: z.boolean().optional(),
    }),
    output: {} as { values: Partial<MeetingFields>; actions: { title: string; owner: string; due: string | null; status: string | null }[]; problems: Problem[]; meeting: Meeting | null },
  },
} as const;

/** What 様式を登録 saves (or would save): the layout found, the workbook's sheets, the register's fields. */
export interface TemplateRegistration {
  layout: ProfileLayout;
  sheets: string[];
  fields: string[];
  problems: Problem[];
  /** The saved profile; null on a dry run. */
  profile: ProfileSummary | null;
}

export interface SheetPreview {
  fileName: string;
  sheets: {
    name: string;
    /** Rows with text, 1-based; cells 0-based by column with the text as shown. */
    rows: { r: number; cells: { c: number; text: string }[] }[];
    /** Merged ranges, 1-based rows and 0-based columns, inclusive. */
    merges: { r1: number; c1: number; r2: number; c2: number }[];
  }[];
  /** Defined names of one cell or range: name → Sheet!A1. */
  names: { name: string; sheet: string; ref: string }[];
}
