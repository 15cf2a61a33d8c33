// What each kind of form the editor maps offers to pick: a 議事録 form (its header cells and the agenda,
// decision, action and attendee tables), a card (one register row: that register's fields, cells only)
// and a weekly report form (the report's figures, its lists as tables, the S-curve as a picture). The
// editor reads its items, its tables' columns, its charts, the sheet a new form starts on and its texts'
// namespace from here, so the three share one way of picking.
import { cardFields, MINUTES_FORM_FIELDS, MINUTES_FORM_LISTS, type CardRegister } from '../../../../electron/common/excel/form.js';
import { REPORT_FORM_CHARTS, REPORT_FORM_FIELDS, REPORT_FORM_LISTS, type ReportFormList } from '../../../../electron/common/excel/report-form.js';
import { CARD_SHEET, FORM_LISTS, FORM_SHEET } from './formModel.js';

export type EditorKind = 'form' | 'card' | 'report';

export interface KindSpec {
  /** Single-cell items, in the order offered (and saved). */
  fields: readonly string[];
  /** Each table's fields, in their order. */
  lists: Readonly<Record<string, readonly string[]>>;
  /** The tables in the order offered (none for a card). */
  listOrder: readonly string[];
  /** Charts placed as pictures at a cell (a report form's). */
  charts: readonly string[];
  /** The sheet a new form starts on: the first whose name matches, else the first. */
  sheet: RegExp;
  /** The i18n namespace of the kind's own texts (the 議事録 form's texts are the fallback). */
  texts: 'minutesForm' | 'cardForm' | 'reportForm';
}

/** Sheet names a new weekly report form starts on (進捗報告書, 週報, 月次報告, status report). */
export const REPORT_SHEET = /報告|週報|進捗|report|status/i;

/** A report form's tables as offered: the task lists in the week's order, milestones, risks, issues, then changes approved, decisions needed and open actions. */
export const REPORT_LISTS = ['finished', 'inProgress', 'nextWeek', 'late', 'milestones', 'risks', 'issues', 'changes', 'decisions', 'actions'] as const satisfies readonly ReportFormList[];

export function editorKind(kind: EditorKind, card: CardRegister | null): KindSpec {
  if (kind === 'card' && card) return { fields: cardFields(card), lists: {}, listOrder: [], charts: [], sheet: CARD_SHEET, texts: 'cardForm' };
  if (kind === 'report')
    return { fields: REPORT_FORM_FIELDS, lists: REPORT_FORM_LISTS, listOrder: REPORT_LISTS, charts: REPORT_FORM_CHARTS, sheet: REPORT_SHEET, texts: 'reportForm' };
  return { fields: MINUTES_FORM_FIELDS, lists: MINUTES_FORM_LISTS, listOrder: FORM_LISTS, charts: [], sheet: FORM_SHEET, texts: 'minutesForm' };
}
