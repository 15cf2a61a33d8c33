import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { WBS_STATUSES, type WbsFields, type WbsTask } from '../../../../electron/common/dto.js';
import { formatDate } from '../../../../electron/common/dates.js';
import type { CellKind } from '../../grid/cellValues.js';

/** What kind of value each editable field takes; drives parsing of typed text. */
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
    status: { choices: WBS_STATUSES, labels: (c) => t(`status.${c}`) },
    milestone: 'bool',
    deliverable: 'text',
    predecessors: 'text',
    notes: 'text',
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** `isParent` tells summary rows (tasks with subtasks), which are shown in bold. */
export function wbsColumns(t: TFunction, isParent: (id: number) => boolean): ColDef<WbsTask>[] {
  const date = (field: keyof WbsTask, width = 118): ColDef<WbsTask> => ({
    field,
    headerName: t(`wbs.col.${field}`),
    width,
    valueFormatter: (p) => formatDate(p.value as string | null),
  });
  return [
    { field: 'code', headerName: t('wbs.col.code'), width: 90, editable: false, pinned: 'left' },
    {
      field: 'name',
      headerName: t('wbs.col.name'),
      width: 300,
      pinned: 'left',
      cellStyle: (p) => ({ paddingLeft: `${8 + (p.data?.level ?? 0) * 18}px`, fontWeight: p.data && isParent(p.data.id) ? 'bold' : 'normal' }),
    },
    { field: 'assignee', headerName: t('wbs.col.assignee'), width: 120 },
    date('plannedStart'),
    {
      ...date('plannedFinish'),
      // Late: the planned finish has passed and the task is not done.
      cellClassRules: { 'wbs-late': (p) => !!p.value && p.value < today() && p.data?.status !== 'done' },
    },
    date('actualStart'),
    date('actualFinish'),
    { field: 'plannedEffort', headerName: t('wbs.col.plannedEffort'), width: 120, type: 'rightAligned' },
    { field: 'actualEffort', headerName: t('wbs.col.actualEffort'), width: 120, type: 'rightAligned' },
    { field: 'progress', headerName: t('wbs.col.progress'), width: 100, type: 'rightAligned' },
    {
      field: 'status',
      headerName: t('wbs.col.status'),
      width: 110,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...WBS_STATUSES] },
      valueFormatter: (p) => (p.value ? t(`status.${p.value}`) : ''),
    },
    { field: 'milestone', headerName: t('wbs.col.milestone'), width: 110, cellDataType: 'boolean' },
    { field: 'deliverable', headerName: t('wbs.col.deliverable'), width: 160 },
    { field: 'predecessors', headerName: t('wbs.col.predecessors'), width: 110 },
    { field: 'notes', headerName: t('wbs.col.notes'), width: 240 },
  ];
}
