import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { WBS_ROLLED_UP_FIELDS, WBS_SCHEDULING, WBS_STATUSES, type WbsFields, type WbsTask } from '../../../../electron/common/dto.js';
import { formatDate } from '../../../../electron/common/dates.js';
import type { CellKind } from '../../grid/cellValues.js';
import { suppressEditorKeys, VocabEditor, type VocabEditorParams } from '../registers/VocabEditor.js';
import { WBS_SCHEDULING_LABELS, WBS_STATUS_LABELS } from '../../../../electron/common/excel/column-labels.js';
import type { VocabItem } from '../../../../electron/common/registers.js';

/** The WBS statuses as a value list (the WBS has no per-project list): codes with their two labels. */
export function wbsStatusItems(): VocabItem[] {
  return WBS_STATUSES.map((code) => ({ code, labelJa: WBS_STATUS_LABELS[code]!.ja, labelEn: WBS_STATUS_LABELS[code]!.en, closed: code === 'done' || code === 'cancelled' }));
}

/** The scheduling modes as a value list: 手動 (dates as typed) and 自動 (from links and duration). */
function schedulingItems(): VocabItem[] {
  return WBS_SCHEDULING.map((code) => ({ code, labelJa: WBS_SCHEDULING_LABELS[code]!.ja, labelEn: WBS_SCHEDULING_LABELS[code]!.en, closed: false }));
}

/** A task as the grid shows it: `collapsed` when its subtasks are hidden. */
export type WbsRow = WbsTask & { collapsed?: boolean };

/** What kind of value each editable field takes; drives parsing of typed and pasted text. */
export function wbsFieldKinds(t: TFunction): Record<keyof WbsFields, CellKind> {
  return {
    name: 'text',
    assignee: 'text',
    plannedStart: 'date',
    plannedFinish: 'date',
    actualStart: 'date',
    actualFinish: 'date',
    plannedEffort: 'number',
    actualEffort: 'number',
    progress: 'percent',
    status: { vocab: wbsStatusItems() },
    milestone: 'bool',
    deliverable: 'text',
    predecessors: 'text',
    notes: 'text',
    duration: 'number',
    scheduling: { choices: WBS_SCHEDULING, labels: (c) => t(`scheduling.${c}`) },
  };
}

const rolledUp = new Set<string>(WBS_ROLLED_UP_FIELDS);

/** A stored value as the grid shows it, for the row history. */
export function wbsHistoryFormat(t: TFunction) {
  const kinds = wbsFieldKinds(t);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    const kind = kinds[field as keyof WbsFields];
    if (kind === 'date') return formatDate(value as string);
    if (kind === 'bool') return value ? '◆' : '';
    if (typeof kind === 'object' && 'labels' in kind) return kind.labels(String(value));
    if (field === 'status') return t(`status.${String(value)}`);
    return String(value);
  };
}

/** Summary rows' dates, effort and progress come from their subtasks: shown, never typed. */
const typedOnLeaves = (field: string): Pick<ColDef<WbsRow>, 'editable' | 'cellClassRules'> =>
  rolledUp.has(field)
    ? { editable: (p) => !p.data?.summary, cellClassRules: { 'wbs-rolled': (p) => !!p.data?.summary } }
    : {};

function NameCell({ data, value, context }: ICellRendererParams<WbsRow, string, { toggle(id: number): void }>) {
  if (!data) return null;
  return (
    <span style={{ paddingLeft: `${data.level * 18}px` }}>
      {data.summary ? (
        // The glyph is CSS content, so copying the cell copies the task name only.
        <button
          className={`wbs-toggle ${data.collapsed ? 'collapsed' : 'expanded'}`}
          aria-label={data.collapsed ? 'expand' : 'collapse'}
          aria-expanded={!data.collapsed}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => context.toggle(data.id)}
        />
      ) : (
        <span className="wbs-toggle" />
      )}
      {value}
    </span>
  );
}

export function wbsColumns(t: TFunction): ColDef<WbsRow>[] {
  const header = (field: string) => t(`wbs.col.${field}`);
  const date = (field: keyof WbsFields): ColDef<WbsRow> => ({
    field,
    headerName: header(field),
    initialWidth: 118,
    valueFormatter: (p) => formatDate(p.value as string | null),
    ...typedOnLeaves(field),
  });
  const number = (field: keyof WbsFields, width: number): ColDef<WbsRow> => ({
    field,
    headerName: header(field),
    initialWidth: width,
    type: 'rightAligned',
    ...typedOnLeaves(field),
  });
  // A pick-list column: its items typed ahead or chosen, shown by their label in the UI language.
  const lang = t('status.done') === '完了' ? 'ja' : 'en';
  const listColumn = (field: 'status' | 'scheduling', items: VocabItem[]): ColDef<WbsRow> => ({
    field,
    headerName: header(field),
    initialWidth: 110,
    cellEditor: VocabEditor,
    cellEditorPopup: true,
    cellEditorParams: { items, lang, allowEmpty: false, emptyLabel: '' } satisfies VocabEditorParams,
    suppressKeyboardEvent: suppressEditorKeys,
    valueFormatter: (p) => (p.value ? t(`${field}.${p.value}`) : ''),
  });
  const withClass = (col: ColDef<WbsRow>, name: string, test: (row: WbsRow) => boolean): ColDef<WbsRow> => ({
    ...col,
    cellClassRules: { ...col.cellClassRules, [name]: (p) => !!p.data && test(p.data) },
  });
  return [
    { field: 'code', headerName: header('code'), initialWidth: 80, editable: false, initialPinned: 'left' },
    { field: 'name', headerName: header('name'), initialWidth: 300, initialPinned: 'left', cellRenderer: NameCell },
    { field: 'assignee', headerName: header('assignee'), initialWidth: 120 },
    withClass(date('plannedStart'), 'wbs-late-start', (r) => r.lateStart),
    withClass(date('plannedFinish'), 'wbs-late', (r) => r.late),
    date('actualStart'),
    date('actualFinish'),
    number('plannedEffort', 120),
    number('actualEffort', 120),
    number('progress', 100),
    // Type-ahead as in the registers' lists: 完了 typed (or composed) picks 完了.
    { ...listColumn('status', wbsStatusItems()), ...typedOnLeaves('status') },
    { field: 'milestone', headerName: header('milestone'), initialWidth: 110, cellRenderer: (p: ICellRendererParams<WbsRow>) => (p.value ? '◆' : '') },
    { field: 'deliverable', headerName: header('deliverable'), initialWidth: 160 },
    // Working days and the mode beside the links: an automatic task's dates follow from them (MS Project's
    // Duration, Task Mode and Predecessors).
    number('duration', 96),
    listColumn('scheduling', schedulingItems()),
    { field: 'predecessors', headerName: header('predecessors'), initialWidth: 110 },
    { field: 'notes', headerName: header('notes'), initialWidth: 240 },
  ];
}
