// Every problem an import finds is tied to a place a user can go to in Excel: the sheet and the cell
// (or just the sheet, or just the file), with a reason in plain words, e.g. `WBS!E12: 2025/13/40 is not
// a date`. `kind` is a stable code the UI can translate; `reason` is the English text.
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

export interface Problem {
  /** Sheet name; absent for problems of the whole file. */
  sheet?: string;
  /** A1 reference (E12); absent for problems of a whole sheet. */
  cell?: string;
  kind: ProblemKind;
  /** What is wrong, in words: `2025/13/40 is not a date`. */
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
