// A refused block (paste, fill, clear) is listed cell by cell: the grid's own checks give BadCells
// before anything is sent; the core's checks come back as CellProblems, turned into the same list here.
import type { CellProblem } from '../../../electron/common/registers.js';
import type { BadCell, CellPlan } from './cellPlan.js';

/** Reasons the list translates (register.reason.*); anything else is the core's own message. */
export const KNOWN_REASONS = [
  'notDate',
  'notNumber',
  'notPercent',
  'notStatus',
  'notRating',
  'notChoice',
  'empty',
  'duplicateRef',
  'tooLong',
  'linkNoTask',
  'linkItself',
  'notLink',
  'linkTwice',
  'linkCycle',
  'linkIntoSummary',
  'summaryComputed',
] as const;

export function isCellProblems(details: unknown): details is CellProblem[] {
  return (
    Array.isArray(details) &&
    details.length > 0 &&
    details.every((d) => d && typeof d === 'object' && (d.part === 'updates' || d.part === 'creates') && typeof d.field === 'string')
  );
}

/**
 * The WBS reports bulk-write problems by position in the whole request (creates after updates);
 * as register problems they name their part, so one mapping serves both.
 */
export function wbsCellProblems(details: unknown, updates: number): CellProblem[] | null {
  if (!Array.isArray(details) || details.length === 0 || !details.every((d) => d && typeof d.row === 'number' && typeof d.field === 'string'))
    return null;
  return (details as Omit<CellProblem, 'part'>[]).map((d) =>
    d.row < updates ? { ...d, part: 'updates' } : { ...d, part: 'creates', row: d.row - updates },
  );
}

export function reasonOf(message: string): string {
  if (message === 'must not be empty') return 'empty';
  if (/is already used in this project/.test(message)) return 'duplicateRef';
  if (/too long|at most|characters/i.test(message)) return 'tooLong';
  // The WBS's predecessors and summaries (electron/core/services/schedule.ts, wbs-cells.ts).
  if (/^no task has WBS code /.test(message)) return 'linkNoTask';
  if (/ is this task itself$/.test(message)) return 'linkItself';
  if (/ is not a predecessor \(write /.test(message)) return 'notLink';
  if (/ is named twice$/.test(message)) return 'linkTwice';
  if (/close a cycle/.test(message)) return 'linkCycle';
  if (/cannot end at a summary task/.test(message)) return 'linkIntoSummary';
  if (message === 'is computed from subtasks of a summary task') return 'summaryComputed';
  return message;
}

export interface ProblemContext {
  /** What was sent (the plan the grid made). */
  plan: Pick<CellPlan, 'updates' | 'creates'>;
  /** Displayed row index of a row id, or null when it is not shown. */
  rowIndexOf(id: number): number | null;
  /** Rows shown: new rows are numbered after them, as the paste placed them. */
  shownRows: number;
  headerOf(field: string): string;
  format(field: string, value: unknown): string;
}

export function problemsToBadCells(problems: CellProblem[], ctx: ProblemContext): BadCell[] {
  return problems.map((p) => {
    const sent = p.part === 'updates' ? ctx.plan.updates[p.row]?.patch : ctx.plan.creates[p.row]?.values;
    const row = p.part === 'updates' ? (p.id === null ? null : ctx.rowIndexOf(p.id)) : ctx.shownRows + p.row;
    return {
      row: row ?? -1,
      field: p.field,
      header: ctx.headerOf(p.field),
      value: sent && p.field in sent ? ctx.format(p.field, sent[p.field]) : '',
      reason: reasonOf(p.message),
    };
  });
}
