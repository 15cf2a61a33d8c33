// Every problem an import finds is tied to a place a user can go to in Excel: the sheet and the cell
// (or just the sheet, or just the file), with a reason in plain words, e.g. `WBS!E12: 2025/13/40 is not
// a date`. `code` and `params` say what it is for the UI to say in its language (excel.problem.<code>
// in the renderer's ja/en strings, a test holds that every code has both), as errors carry ErrorText;
// `reason` stays the English text (logs, tests, callers without a UI). `kind` groups them.
import { sheetPrefix } from './model.js';

export type ProblemKind =
  | 'date' // not a date
  | 'number' // not a number
  | 'progress' // not a progress 0–100 %
  | 'rating' // not a 1–5 rating
  | 'vocab' // not a value of the field's list
  | 'boolean' // not yes/no
  | 'text' // too long
  | 'hierarchy' // WBS code / level / indentation that does not fit the tree
  | 'header' // no header, or a column that could not be matched
  | 'sheet' // a sheet that could not be read
  | 'file'; // the file as a whole

/** What a problem says, for the UI to translate: excel.problem.<code> with its params. */
export const PROBLEM_CODES = [
  'notDate', // {value}
  'dateText', // {value}: words in a date column (来週中, ASAP), kept with the row, the date left empty
  'datePeriod', // {value, date}: a period read as its last day (7月末, 8月上旬, w/c 14 Jul, Q3)
  'dateAmbiguous', // {value, dates}: a two-digit year nothing settles (4/7/25 or 25/4/7), kept with the row, the date left empty
  'yearAssumed', // {value, date, from: row|column|sheet|project|today|user|weekday|fiscal}: a date without a year, read in that year
  'yearAmbiguous', // {value, date, other}: a date without a year its context does not decide: read as date, other possible
  'dateOrderAssumed', // {value, date, other}: day and month could be either (02/04/2026) and no date of the table says which: read as date, other possible
  'notNumber', // {value}
  'notProgress', // {value}
  'notEffort', // {value}
  'notRating', // {value}
  'ratingText', // {value}: free text in a rating column, kept with the row
  'ratingOutside', // {value}: a number off the rating scale, kept with the row
  'notInList', // {value}: not a value of the field's list
  'notYesNo', // {value}
  'excelError', // {value}: #N/A, #REF!…
  'notWbsCode', // {value}
  'notLevel', // {value}
  'notDays', // {value}: not a whole number of working days
  'notScheduling', // {value}: neither 手動 nor 自動
  'codeWithoutParent', // {code, parent}
  'codeTwice', // {code}
  'levelSkips', // {level, after}
  'parentUnknown', // {parent}: a parent column names no row of the file; the row kept at the top
  'parentCycle', // {parent}: following the parents comes back to the row; the row kept at the top
  'refTwice', // {value, first, second}
  'notValid', // {value}: refused by the field's rules (too long…)
  'predecessorUnparsed', // {value}: not a list of predecessors, kept as text
  'predecessorMissing', // {code}: names no task of the file, kept as text
  'predecessorIntoSummary', // {code}: an FF/SF link ending at a summary row, kept as text
  'noTable', // {register}: no register table in the workbook
  'noRegisterTable', // {register, file, sheet, column}: the table found is no register (its key column holds figures): nothing is imported unless one is pointed at
  'otherRegisterTable', // {register, other, file, sheet, column}: the table found is another register's (its key column named plainly by that one only): nothing is imported unless it is pointed at
  'noTaskTable', // {file, sheet, column}: the table found as a WBS has names and figures but no task's date, person, progress or status: nothing is imported unless one is pointed at
  'formNotTable', // {register, sheet}: the best place is a form (one record per sheet, field names down the left), not a table
  'noKey', // (field): no column is mapped to the key field
  'noRows', // {sheet, row}: the table has no rows of data
  'notTime', // {value}: not a time (10:00〜11:00), in a minutes form
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Record<string, string | number>;

/** A value that did not read: what it is (code, params) and the English reason. */
export interface Failure {
  ok: false;
  code: ProblemCode;
  params: ProblemParams;
  reason: string;
}

export function failure(code: ProblemCode, params: ProblemParams, reason: string): Failure {
  return { ok: false, code, params, reason };
}

export interface Problem {
  /** Sheet name; absent for problems of the whole file. */
  sheet?: string;
  /** A1 reference (E12); absent for problems of a whole sheet. */
  cell?: string;
  kind: ProblemKind;
  /** What it is, for the UI to translate (excel.problem.<code>), and the values it quotes. */
  code: ProblemCode;
  params: ProblemParams;
  /** What is wrong, in English words: `2025/13/40 is not a date`. */
  reason: string;
  /** The field the cell was meant for (plannedStart, status…). */
  field?: string;
  /** Worth a look, but the row is imported (a year assumed, text kept from a rating column). */
  warning?: true;
}

/** `WBS!E12: 2025/13/40 is not a date` (Excel's reference style, sheet quoted when needed). */
export function formatProblem(p: Problem): string {
  if (p.sheet === undefined) return p.reason;
  return p.cell === undefined ? `${sheetPrefix(p.sheet)}: ${p.reason}` : `${sheetPrefix(p.sheet)}!${p.cell}: ${p.reason}`;
}

/** A value quoted for a reason: short, one line. */
export function shown(v: unknown): string {
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** The 1-based row of an A1 reference (E12 → 12). */
export function rowOfCell(cell: string | undefined): number | null {
  const m = cell ? /^\$?[A-Z]{1,3}\$?(\d+)$/i.exec(cell) : null;
  return m ? Number(m[1]) : null;
}
