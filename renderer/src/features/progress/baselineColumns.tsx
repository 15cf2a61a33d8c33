// The WBS grid's baseline columns (基準開始, 基準終了, 差異): the chosen baseline's planned dates beside the
// plan, and the finish slip in working days from baseline.compare. The choice is kept per project.
// Also the project's status date (基準日), which every schedule view shows.
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Baseline } from '../../../../electron/common/api/progress.js';
import type { WbsTask } from '../../../../electron/common/dto.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { dayOf } from '../../../../electron/common/schedule/calendar.js';
import { read, remember, useQuery } from '../../api/useApi.js';
import { formatSlip } from './progressModel.js';

export interface BaselineFields {
  baselineStart: string | null;
  baselineFinish: string | null;
  /** Working days the planned finish moved since the baseline (later = positive). */
  finishSlip: number | null;
}

const BASELINE_COLUMNS = ['baselineStart', 'baselineFinish', 'finishSlip'];

interface BaselineCells {
  start: string | null;
  finish: string | null;
  slip: number | null;
}

const NONE: Baseline[] = [];
const NO_CELLS = new Map<number, BaselineCells>();

export function useBaselineColumns<R extends { id: number }>(projectId: number, tasks: readonly WbsTask[], t: TFunction, grid: RefObject<AgGridReact<R> | null>) {
  const key = `wbs.baseline.${projectId}`;
  const baselines = useQuery(['baseline'], () => read('baseline.list', { projectId }), [projectId]).data ?? NONE;
  // The status date is kept with the project's calendar: read again after any write touching either.
  const statusDate = useQuery(['project', 'project_calendar'], async () => (await read('project.list', {})).find((p) => p.id === projectId)?.statusDate ?? null, [projectId]).data ?? null;
  // The baseline last shown in this project's WBS (a preference, read once); none while it is not in the list.
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    setSaved(null);
    void read('settings.get', { key }).then((v) => setSaved(typeof v === 'number' ? v : null), () => undefined);
  }, [key]);
  const chosen = saved !== null && baselines.some((b) => b.id === saved) ? saved : null;

  // The baseline never changes: read once per choice. The slips are asked again whenever the tasks
  // change (an edit can move a finish; the page patches its tasks from each write's answer, so they are
  // a dependency, not an entity read): on 10,000 tasks the baseline's own rows are the bigger answer.
  const taken = useQuery([], async () => (chosen === null ? null : read('baseline.get', { id: chosen })), [chosen]).data ?? null;
  const cells =
    useQuery(
      ['project_calendar'],
      async () => {
        const m = new Map<number, BaselineCells>();
        if (chosen === null || taken?.id !== chosen) return m;
        const c = await read('baseline.compare', { projectId, baselineId: chosen });
        const slips = new Map<number, number | null>();
        for (const x of [...c.changed, ...c.moved]) slips.set(x.id, x.finishSlip);
        for (const task of taken.tasks)
          m.set(task.id, { start: task.plannedStart, finish: task.plannedFinish, slip: slips.has(task.id) ? slips.get(task.id)! : task.plannedFinish ? 0 : null });
        return m;
      },
      [chosen, taken, projectId, tasks],
    ).data ?? NO_CELLS;

  const choose = (id: number | null) => {
    setSaved(id);
    void remember(key, id);
  };

  // The values ride on the rows (a new row object per changed row), so the grid redraws exactly the
  // cells whose baseline value changed; a column's getter alone would not be asked again.
  const decorate = useCallback(
    (rows: R[]): R[] => {
      if (chosen === null || cells.size === 0) return rows;
      return rows.map((r) => {
        const c = cells.get(r.id);
        const fields: BaselineFields = { baselineStart: c?.start ?? null, baselineFinish: c?.finish ?? null, finishSlip: c?.slip ?? null };
        return { ...r, ...fields };
      });
    },
    [chosen, cells],
  );

  const columns = useMemo((): ColDef<R>[] => {
    if (chosen === null) return [];
    const field = (name: keyof BaselineFields) => (p: { data?: R }) => (p.data as (R & Partial<BaselineFields>) | undefined)?.[name] ?? null;
    return [
      {
        colId: 'baselineStart',
        headerName: t('progress.baselineCol.baselineStart'),
        initialWidth: 118,
        editable: false,
        valueGetter: field('baselineStart'),
        valueFormatter: (p) => formatDate(p.value as string | null),
        cellClass: 'wbs-baseline',
      },
      {
        colId: 'baselineFinish',
        headerName: t('progress.baselineCol.baselineFinish'),
        initialWidth: 118,
        editable: false,
        valueGetter: field('baselineFinish'),
        valueFormatter: (p) => formatDate(p.value as string | null),
        cellClass: 'wbs-baseline',
      },
      {
        colId: 'finishSlip',
        headerName: t('progress.baselineCol.finishSlip'),
        initialWidth: 100,
        editable: false,
        type: 'rightAligned',
        valueGetter: field('finishSlip'),
        valueFormatter: (p) => formatSlip(p.value as number | null),
        cellClassRules: { 'wbs-slip-late': (p) => (p.value ?? 0) > 0, 'wbs-slip-early': (p) => (p.value ?? 0) < 0 },
      },
    ];
  }, [chosen, t]);

  // The grid keeps its column order when definitions change (new ones go last, often out of view), so
  // the baseline columns are moved beside the planned finish when they appear.
  useEffect(() => {
    const api = grid.current?.api;
    if (!api || columns.length === 0) return;
    const all = api.getAllGridColumns().map((c) => c.getColId());
    const at = all.indexOf('plannedFinish');
    if (at >= 0 && all[at + 1] !== 'baselineStart') api.moveColumns(BASELINE_COLUMNS, at + 1);
  }, [columns, grid]);

  const chooser = (
    <label className="baseline-chooser">
      {t('progress.showBaseline')}{' '}
      <select data-testid="wbs-baseline" value={chosen ?? ''} onChange={(e) => choose(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('progress.noBaseline')}</option>
        {baselines.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
  const statusDateLabel = statusDate !== null && (
    <span className="status-date" data-testid="wbs-status-date">
      {t('progress.statusDate')} {formatDate(statusDate)}
    </span>
  );
  // The Gantt's baseline bars: task id → [start, finish] day numbers.
  const bars = useMemo(() => {
    if (chosen === null || cells.size === 0) return null;
    const m = new Map<number, [number, number]>();
    for (const [id, c] of cells) {
      const start = c.start ?? c.finish;
      const finish = c.finish ?? c.start;
      if (start && finish) m.set(id, [dayOf(start), dayOf(finish)]);
    }
    return m;
  }, [chosen, cells]);
  return { columns, decorate, chooser, bars, statusDate, statusDateLabel };
}

/** `extra` placed right after the column of `field` (where the grid shows them the first time). */
export function insertAfter<C extends { field?: string }>(columns: C[], field: string, extra: C[]): C[] {
  if (extra.length === 0) return columns;
  const i = columns.findIndex((c) => c.field === field);
  return i < 0 ? [...columns, ...extra] : [...columns.slice(0, i + 1), ...extra, ...columns.slice(i + 1)];
}
