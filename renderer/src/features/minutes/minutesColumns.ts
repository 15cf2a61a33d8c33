// The columns of the minutes grids: attendees, agenda, decisions (lists inside one meeting) and the
// meeting's action items (issue-log rows). Built on the registers' column helpers, so typing, pasting
// and pick lists behave as in the registers.
import { ModuleRegistry, RowAutoHeightModule, type CellClassParams, type ValueFormatterParams } from 'ag-grid-community';
import type { Issue, VocabItem } from '../../../../electron/common/registers.js';
import { vocabLabel } from '../../../../electron/common/registers.js';
import { dateCol, longTextCol, textCol, vocabCol, type ColumnContext, type RegisterColDef } from '../registers/columns.js';
import { suppressEditorKeys, VocabEditor, type VocabEditorParams } from '../registers/VocabEditor.js';
import { PRESENT_ITEMS, SIDE_ITEMS, type ActionRow, type AgendaRow, type AttendeeRow, type DecisionRow, type ListRow } from './minutesLogic.js';

// Agenda notes and decisions wrap over several lines: rows grow to fit them.
ModuleRegistry.registerModules([RowAutoHeightModule]);

type Row<T> = T & { id: number; blank?: true };

/** A fixed choice (side, present), shown and typed as labels of the current language, picked from a list. */
function choiceCol<T>(c: ColumnContext, field: string, items: readonly VocabItem[], width: number): RegisterColDef<T> {
  const label = (v: unknown) => (typeof v === 'string' ? vocabLabel(items, v, c.lang) : '');
  const params: VocabEditorParams = { items, lang: c.lang, allowEmpty: false, emptyLabel: '' };
  return {
    field: field as never,
    headerName: c.t(`${c.prefix}.col.${field}`),
    width,
    context: { kind: { vocab: items }, format: label },
    valueFormatter: (p: ValueFormatterParams) => label(p.value),
    suppressKeyboardEvent: suppressEditorKeys,
    cellEditor: VocabEditor,
    cellEditorPopup: true,
    cellEditorParams: params,
  } as RegisterColDef<T>;
}

/** The row number (#) of a list: not typed, it is the row's place. */
function numberCol<T>(c: ColumnContext): RegisterColDef<T> {
  return {
    field: 'no' as never,
    headerName: c.t(`${c.prefix}.col.no`),
    width: 56,
    editable: false,
    cellClass: ['computed', 'ag-right-aligned-cell'],
    context: { kind: 'number', format: (v: unknown) => (v === null || v === undefined ? '' : String(v)) },
  } as RegisterColDef<T>;
}

/** Long text that wraps in the cell, the row growing to show all of it. */
function wrapCol<T>(c: ColumnContext, field: string, width: number): RegisterColDef<T> {
  return { ...longTextCol<T>(c, field, width), wrapText: true, autoHeight: true, flex: 1, minWidth: width, cellClass: 'multiline' };
}

/**
 * The finishing touches every minutes grid gets: no sorting or filtering (a list's order is its
 * meaning), the new-row line shown empty with a hint in its first column, and everything read-only
 * when the minutes are final (except the columns `stillEditable` names).
 */
export function finishColumns<T>(
  columns: RegisterColDef<Row<T>>[],
  opts: { readOnly: boolean; hint: string; hintField: string; stillEditable?: readonly string[] },
): RegisterColDef<Row<T>>[] {
  return columns.map((col) => {
    const format = col.valueFormatter as ((p: ValueFormatterParams<Row<T>>) => string) | undefined;
    const out: RegisterColDef<Row<T>> = {
      ...col,
      sortable: false,
      filter: false,
      suppressMovable: true,
      valueFormatter: (p: ValueFormatterParams<Row<T>>) =>
        p.data?.blank ? (col.field === opts.hintField ? opts.hint : '') : format ? format(p) : p.value == null ? '' : String(p.value),
    } as RegisterColDef<Row<T>>;
    if (opts.readOnly && !opts.stillEditable?.includes(col.field)) out.editable = false;
    return out;
  });
}

export function attendeeColumns(c: ColumnContext): RegisterColDef<ListRow<AttendeeRow>>[] {
  return [
    textCol(c, 'name', 160),
    choiceCol(c, 'side', SIDE_ITEMS, 96),
    { ...textCol(c, 'org', 200), flex: 1, minWidth: 160 },
    textCol(c, 'role', 160),
    choiceCol(c, 'present', PRESENT_ITEMS, 84),
  ];
}

export function agendaColumns(c: ColumnContext): RegisterColDef<ListRow<AgendaRow>>[] {
  return [numberCol(c), { ...textCol(c, 'title', 240), wrapText: true, autoHeight: true }, wrapCol(c, 'notes', 360)];
}

export function decisionColumns(c: ColumnContext): RegisterColDef<ListRow<DecisionRow>>[] {
  return [
    numberCol(c),
    wrapCol(c, 'text', 420),
    {
      field: 'agendaNo' as never,
      headerName: c.t(`${c.prefix}.col.agendaNo`),
      width: 96,
      type: 'rightAligned',
      context: { kind: 'number', format: (v: unknown) => (v === null || v === undefined ? '' : String(v)) },
    } as RegisterColDef<ListRow<DecisionRow>>,
  ];
}

export function actionColumns(c: ColumnContext): RegisterColDef<ActionRow>[] {
  return [
    { ...textCol<Issue>(c, 'ref', 82), editable: false, cellClass: 'computed' },
    { ...textCol<Issue>(c, 'title', 300), flex: 1, minWidth: 220 },
    textCol<Issue>(c, 'owner', 120),
    { ...dateCol<Issue>(c, 'due'), cellClass: (p: CellClassParams<Issue>) => (p.data?.overdue ? 'overdue-due' : '') },
    vocabCol<Issue>(c, 'status', 'issue.status', { width: 104, required: true }),
    vocabCol<Issue>(c, 'priority', 'issue.priority', { width: 84, required: false }),
  ] as unknown as RegisterColDef<ActionRow>[];
}
