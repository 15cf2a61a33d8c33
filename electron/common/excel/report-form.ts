// The client's own weekly report form (進捗報告書, 週報): a report profile maps what one project's weekly
// report holds onto a client's sheet, as a 議事録 form profile maps a meeting — single cells (by address
// or defined name), repeating blocks of rows for the task lists, milestones, risks and issues, and
// charts placed as pictures at a cell. The same numbers and lists as PMO Desk's own report layout.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { address, columnLetter, definedName, sheetRow } from './form.js';

/** What one cell of a report form can hold. */
export const REPORT_FORM_FIELDS = [
  'projectName',
  'projectCode',
  'statusDate',
  /** The week reported: 2025/11/15～2025/11/21 in one cell. */
  'week',
  /** 順調 / 注意 / 要対応. */
  'light',
  /** The PMO's reason when the light was set by hand. */
  'lightReason',
  /** The PMO's one-line summary of the week (所見). */
  'summary',
  'baseline',
  'progress',
  'spi',
  'cpi',
  'adherence',
  'lateTasks',
  'milestonesMissed',
  'openIssues',
  'overdueIssues',
  'leadTime',
  'risksHigh',
  'risksMedium',
  'risksLow',
  'nextMilestone',
  'nextMilestoneDate',
] as const;
export type ReportFormField = (typeof REPORT_FORM_FIELDS)[number];

const TASK_COLUMNS = ['code', 'name', 'assignee', 'plannedStart', 'plannedFinish', 'actualFinish', 'progress', 'daysLate'] as const;

/** Repeating blocks of a weekly report and the columns each row can hold. */
export const REPORT_FORM_LISTS = {
  /** Finished in the week up to the status date. */
  finished: TASK_COLUMNS,
  inProgress: TASK_COLUMNS,
  /** Starting in the week after the status date. */
  nextWeek: TASK_COLUMNS,
  late: TASK_COLUMNS,
  milestones: ['code', 'name', 'date', 'state'],
  risks: ['id', 'title', 'score', 'level', 'owner', 'response'],
  issues: ['id', 'title', 'owner', 'due', 'state', 'overdue'],
  /** Change requests approved in the week up to the status date (判定 承認, 判定日 in the week). */
  changes: ['id', 'title', 'decidedOn', 'decidedBy', 'impactSchedule', 'impactCost'],
  /** Open issues of kind 要判断 and change requests not decided yet (or on hold). */
  decisions: ['id', 'title', 'kind', 'owner', 'due', 'overdue'],
  /** Meetings' action items not done, oldest due first. */
  actions: ['id', 'title', 'owner', 'due', 'meeting', 'overdue'],
} as const;
export type ReportFormList = keyof typeof REPORT_FORM_LISTS;
export const REPORT_FORM_LIST_NAMES = Object.keys(REPORT_FORM_LISTS) as [ReportFormList, ...ReportFormList[]];

/** Charts a report form can hold as pictures. */
export const REPORT_FORM_CHARTS = ['sCurve'] as const;
export type ReportFormChart = (typeof REPORT_FORM_CHARTS)[number];

const pixels = z.number().int().min(40).max(2000);

export const reportFormLayout = z
  .strictObject({
    sheet: text(31).min(1),
    cells: z.array(z.strictObject({ field: z.enum(REPORT_FORM_FIELDS), ref: z.union([address, definedName]) })).max(100),
    blocks: z
      .array(
        z
          .strictObject({
            list: z.enum(REPORT_FORM_LIST_NAMES),
            firstRow: sheetRow,
            lastRow: sheetRow,
            columns: z.array(z.strictObject({ field: text(20), column: columnLetter })).min(1).max(30),
          })
          .refine((b) => b.lastRow >= b.firstRow, { message: 'lastRow must not be above firstRow', path: ['lastRow'] })
          .refine((b) => b.columns.every((c) => (REPORT_FORM_LISTS[b.list] as readonly string[]).includes(c.field)), {
            message: 'a column names a field its list does not have',
            path: ['columns'],
          }),
      )
      .max(10),
    /** A chart's top-left cell (an address on the sheet) and its size in pixels (default 640 × 280). */
    images: z.array(z.strictObject({ chart: z.enum(REPORT_FORM_CHARTS), ref: address, width: pixels.optional(), height: pixels.optional() })).max(5),
  })
  .superRefine((f, ctx) => {
    // Two blocks on the same rows would write over each other (and grow into each other).
    f.blocks.forEach((a, i) =>
      f.blocks.forEach((b, j) => {
        if (j > i && a.firstRow <= b.lastRow && b.firstRow <= a.lastRow)
          ctx.addIssue({ code: 'custom', path: ['blocks', j, 'firstRow'], message: `rows ${b.firstRow}–${b.lastRow} overlap the ${a.list} block (rows ${a.firstRow}–${a.lastRow})` });
      }),
    );
  });

export type ReportFormLayout = z.output<typeof reportFormLayout>;
