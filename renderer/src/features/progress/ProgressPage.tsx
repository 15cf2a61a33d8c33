// Where the project stands against its plan at the status date (基準日): the earned-value figures with
// the difference from the last weekly close (先週差分), the S-curve and SPI/CPI by week, the figures by
// WBS node (drill down from a node to its tasks) or by assignee, 計画遵守率 and the late lists; and the
// actions of the week: set the status date, save a baseline, close the week.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Adherence, Baseline, EvmResult, EvmRow, LateTask, ProgressCurve, WeeklyClose } from '../../../../electron/common/api/progress.js';
import type { HistoryState, Project } from '../../../../electron/common/dto.js';
import { formatDate, localToday, parseDateInput } from '../../../../electron/common/dates.js';
import { call } from '../../api/client.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { UndoRedoButtons } from '../../ui/UndoRedoButtons.js';
import { sCurveOption } from '../../../../electron/common/portfolio-charts.js';
import { EChart, type ChartOption } from './EChart.js';
import { BaselineCompare } from './BaselineCompare.js';
import { closeFigure, drillPath, drillRows, formatDelta, formatFigure, previousClose } from './progressModel.js';

const CARDS = ['spi', 'cpi', 'sv', 'cv', 'bac', 'pv', 'ev', 'ac', 'eac', 'etc', 'vac', 'tcpi'] as const;
const TABLE_KEYS = ['bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac'] as const;

export function ProgressPage({ project }: { project: Project }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [statusDate, setStatusDate] = useState(project.statusDate ?? localToday());
  const [statusDateSet, setStatusDateSet] = useState(!!project.statusDateSet);
  // What the status date box holds, as typed (yyyy/mm/dd, or anything the grids read as a date).
  const [dateInput, setDateInput] = useState(formatDate(statusDate));
  // The project as stored has been read: figures are computed only from then on (the project the
  // shell holds may carry an older status date, and an answer for it could land after the right one).
  const [ready, setReady] = useState(false);
  const [history, setHistory] = useState<HistoryState | null>(null);
  // Bumped when the plan or the status date may have changed under the page (an undo, a redo).
  const [version, setVersion] = useState(0);
  const loads = useRef(0);
  const [costRate, setCostRate] = useState(project.costRate ?? null);
  const [baselines, setBaselines] = useState<Baseline[]>([]);
  const [baselineId, setBaselineId] = useState<number | null>(null);
  const [by, setBy] = useState<'task' | 'assignee'>('task');
  const [node, setNode] = useState<number | null>(null);
  const [evm, setEvm] = useState<EvmResult | null>(null);
  const [adh, setAdh] = useState<Adherence | null>(null);
  const [curve, setCurve] = useState<ProgressCurve | null>(null);
  const [closes, setCloses] = useState<WeeklyClose[]>([]);
  const [unit, setUnit] = useState<'days' | 'yen'>('days');

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        setError(null);
      } catch (err) {
        setError(errorText(err));
      }
    },
    [errorText],
  );

  const showStatusDate = (p: Pick<Project, 'statusDate' | 'statusDateSet'>) => {
    if (!p.statusDate) return;
    setStatusDate(p.statusDate);
    setDateInput(formatDate(p.statusDate));
    setStatusDateSet(!!p.statusDateSet);
  };

  /** The project as stored now (another view, or an undo, may have changed its status date), its baselines and undo state. */
  const readProject = useCallback(
    () =>
      run(async () => {
        const [list, bs, h] = await Promise.all([call('project.list', {}), call('baseline.list', { projectId: project.id }), call('history.state', { projectId: project.id })]);
        const p = list.find((x) => x.id === project.id);
        if (p) {
          showStatusDate(p);
          setCostRate(p.costRate ?? null);
        }
        setBaselines(bs);
        // The newest baseline is what a PMO measures against; the current plan when there is none (or
        // when the one chosen is gone).
        setBaselineId((prev) => (prev !== null && bs.some((b) => b.id === prev) ? prev : bs[0]?.id ?? null));
        setHistory(h);
        setReady(true);
      }),
    [project.id, run],
  );
  useEffect(() => void readProject(), [readProject]);

  const load = useCallback(
    () =>
      run(async () => {
        if (!ready) return;
        // Answers can come back out of order: only those of the latest question are shown.
        const mine = ++loads.current;
        const ref = { projectId: project.id, statusDate, ...(baselineId !== null && { baselineId }) };
        const [e, a, c, w] = await Promise.all([
          call('evm.compute', { ...ref, by }),
          call('evm.adherence', ref),
          call('evm.curve', ref),
          call('weekly.list', { projectId: project.id, limit: 52 }),
        ]);
        if (mine !== loads.current) return;
        setEvm(e);
        setAdh(a);
        setCurve(c);
        setCloses(w);
      }),
    [project.id, statusDate, baselineId, by, run, ready, version],
  );
  useEffect(() => void load(), [load]);

  const refreshHistory = async () => setHistory(await call('history.state', { projectId: project.id }));

  /** The typed status date (yyyy/mm/dd as everywhere, or what a grid cell takes) set as one undoable step. */
  const applyStatusDate = () =>
    run(async () => {
      const iso = parseDateInput(dateInput);
      if (iso === null) throw new Error(t('errors.notDate', { value: dateInput }));
      const p = await call('project.update', { id: project.id, patch: { statusDate: iso } });
      showStatusDate(p);
      await refreshHistory();
    });

  const step = (which: 'undo' | 'redo') =>
    run(async () => {
      const r = await call(which === 'undo' ? 'history.undo' : 'history.redo', { projectId: project.id });
      setNotice(r.applied ? null : t(`register.nothingTo.${which}`));
      await readProject();
      setVersion((v) => v + 1);
    });

  const applyCostRate = (text: string) =>
    run(async () => {
      const value = text.trim() === '' ? null : Number(text);
      if (value !== null && (!Number.isFinite(value) || value < 0)) throw new Error(t('errors.notNumber', { value: text }));
      const p = await call('project.update', { id: project.id, patch: { costRate: value } });
      setCostRate(p.costRate ?? null);
      await load();
    });

  const takeBaseline = () =>
    run(async () => {
      const name = window.prompt(t('progress.baselineName'), t('progress.baselineDefaultName', { date: formatDate(localToday()) }));
      if (!name?.trim()) return;
      const b = await call('baseline.create', { projectId: project.id, name: name.trim() });
      setBaselines(await call('baseline.list', { projectId: project.id }));
      setBaselineId(b.id);
      await refreshHistory();
    });

  const deleteBaseline = (b: Baseline) =>
    setConfirm({
      title: t('progress.deleteBaseline'),
      message: t('progress.confirmDeleteBaseline', { name: b.name }),
      confirmLabel: t('common.delete'),
      onConfirm: () =>
        void run(async () => {
          await call('baseline.delete', { id: b.id });
          const bs = await call('baseline.list', { projectId: project.id });
          setBaselines(bs);
          if (baselineId === b.id) setBaselineId(bs[0]?.id ?? null);
          await refreshHistory();
        }),
    });

  const closeWeek = () =>
    run(async () => {
      const iso = parseDateInput(dateInput);
      if (iso === null) throw new Error(t('errors.notDate', { value: dateInput }));
      const c = await call('weekly.close', { projectId: project.id, statusDate: iso, ...(baselineId !== null && { baselineId }) });
      showStatusDate({ statusDate: c.statusDate, statusDateSet: true });
      await refreshHistory();
      setNotice(t('progress.closed', { date: formatDate(c.statusDate) }));
      await load();
    });

  const prev = useMemo(() => previousClose(closes, statusDate), [closes, statusDate]);
  const onCompareError = useCallback((err: unknown) => setError(errorText(err)), [errorText]);
  const yen = unit === 'yen' && evm?.yen ? evm.yen : null;
  const shown = yen ?? evm;

  const curveOption = useMemo((): ChartOption | null => {
    if (!curve) return null;
    // In yen the curve follows the cards: person-days times the rate the figures are measured with.
    const L = { pv: t('progress.fig.pv'), ev: t('progress.fig.ev'), ac: t('progress.fig.ac'), unit: t(yen ? 'progress.unitYen' : 'progress.unitDays'), statusDate: t('progress.statusDate') };
    return sCurveOption(curve, L, yen ? evm!.costRate! : 1);
  }, [curve, t, yen, evm]);

  const indexOption = useMemo((): ChartOption | null => {
    // Each weekly close as it was closed (read, never recomputed) and the status date as now (the cards).
    const weeks = closes.filter((c) => c.statusDate !== evm?.statusDate).map((c) => ({ date: c.statusDate, spi: c.figures.spi, cpi: c.figures.cpi }));
    if (evm) weeks.push({ date: evm.statusDate, spi: evm.spi, cpi: evm.cpi });
    weeks.sort((a, b) => a.date.localeCompare(b.date));
    if (weeks.length === 0) return null;
    // 1.0 (on plan, on budget) always in view with its dashed line, on round steps (0.2, 0.5 or 1).
    const values = [1, ...weeks.flatMap((w) => [w.spi, w.cpi]).filter((v): v is number => v !== null)];
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const step = hi - lo <= 1.2 ? 0.2 : hi - lo <= 3 ? 0.5 : 1;
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: weeks.map((w) => formatDate(w.date)) },
      yAxis: {
        type: 'value',
        interval: step,
        min: round(Math.floor((lo - 0.05) / step) * step),
        max: round(Math.ceil((hi + 0.05) / step) * step),
      },
      series: [
        { name: 'SPI', type: 'line', data: weeks.map((w) => w.spi), itemStyle: { color: '#5470c6' }, markLine: { symbol: 'none', silent: true, label: { show: false }, data: [{ yAxis: 1 }], lineStyle: { color: '#999', type: 'dashed' } } },
        { name: 'CPI', type: 'line', data: weeks.map((w) => w.cpi), itemStyle: { color: '#d9822b' } },
      ],
    };
  }, [closes, evm]);

  const tableRows: EvmRow[] = useMemo(() => (evm?.rows ? (by === 'task' ? drillRows(evm.rows, node) : evm.rows) : []), [evm, by, node]);
  const path = useMemo(() => (evm?.rows && by === 'task' ? drillPath(evm.rows, node) : []), [evm, by, node]);
  const cellOf = (r: EvmRow, key: (typeof TABLE_KEYS)[number]) => {
    const v = r[key];
    return formatFigure(key, yen && v !== null && !['spi', 'cpi'].includes(key) ? v * evm!.costRate! : v, yen ? 'yen' : 'days');
  };

  return (
    <div className="progress-page" data-testid="progress-page">
      <div className="toolbar">
        <div className="group">
          <UndoRedoButtons state={history} onStep={(w) => void step(w)} />
        </div>
        <form
          className="group"
          onSubmit={(e) => {
            e.preventDefault();
            void applyStatusDate();
          }}
        >
          <label>
            {t('progress.statusDate')}{' '}
            {/* Text, not type=date: the browser's date box shows its own locale's order; the app's dates are yyyy/mm/dd. */}
            {/* Typed only once the stored date is read: its answer would otherwise replace what was typed. */}
            <input className="date-input" data-testid="status-date" placeholder="yyyy/mm/dd" value={dateInput} disabled={!ready} onChange={(e) => setDateInput(e.target.value)} />
          </label>
          <button type="submit" disabled={!ready || !dateInput.trim()} data-testid="set-status-date">
            {t('progress.setStatusDate')}
          </button>
          {!statusDateSet && <span className="muted">{t('progress.statusDateDefault')}</span>}
        </form>
        <div className="group">
          <label>
            {t('progress.plan')}{' '}
            <select data-testid="progress-baseline" value={baselineId ?? ''} onChange={(e) => setBaselineId(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('progress.currentPlan')}</option>
              {baselines.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}（{formatDate(b.takenAt.slice(0, 10))}）
                </option>
              ))}
            </select>
          </label>
          <button onClick={() => void takeBaseline()} data-testid="take-baseline">
            {t('progress.takeBaseline')}
          </button>
          {baselineId !== null && (
            <button className="danger" onClick={() => deleteBaseline(baselines.find((b) => b.id === baselineId)!)}>
              {t('progress.deleteBaseline')}
            </button>
          )}
        </div>
        <div className="group">
          <button className="primary" onClick={() => void closeWeek()} data-testid="close-week">
            {t('progress.closeWeek')}
          </button>
        </div>
        <div className="group">
          <label>
            {t('progress.costRate')}{' '}
            <input
              className="cost-rate"
              inputMode="numeric"
              defaultValue={costRate ?? ''}
              key={costRate ?? 'none'}
              onBlur={(e) => e.target.value !== String(costRate ?? '') && void applyCostRate(e.target.value)}
            />
          </label>
          {evm?.yen && (
            <select aria-label="unit" value={unit} onChange={(e) => setUnit(e.target.value as 'days' | 'yen')}>
              <option value="days">{t('progress.unitDays')}</option>
              <option value="yen">{t('progress.unitYen')}</option>
            </select>
          )}
        </div>
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />

      {shown && (
        <section className="kpis" aria-label={t('views.progress')}>
          {CARDS.map((key) => (
            <div key={key} className="kpi" data-testid={`fig-${key}`} title={t(`progress.fig.${key}`)}>
              <div className="kpi-label">{t(`progress.fig.${key}`)}</div>
              <div className={`kpi-value ${(key === 'spi' || key === 'cpi') && shown[key] !== null && shown[key]! < 1 ? 'bad' : ''}`}>
                {formatFigure(key, shown[key], yen ? 'yen' : 'days')}
              </div>
              <div className="kpi-delta" title={t('progress.lastWeek')}>
                {prev && !yen ? formatDelta(key, evm![key], closeFigure(prev.figures, key)) : ''}
              </div>
            </div>
          ))}
          {adh && (
            <div className="kpi" data-testid="fig-adherence" title={t('progress.adherenceHelp')}>
              <div className="kpi-label">{t('progress.fig.adherence')}</div>
              <div className="kpi-value">{formatFigure('adherence', adh.rate)}</div>
              <div className="kpi-delta">{prev ? formatDelta('adherence', adh.rate, prev.figures.adherence) : ''}</div>
            </div>
          )}
          <div className="kpi-note muted">{prev ? `${t('progress.lastWeek')}: ${formatDate(prev.statusDate)}` : t('progress.noClose')}</div>
        </section>
      )}

      <section className="charts">
        <figure>
          <figcaption>{t('progress.curve')}</figcaption>
          {curveOption && <EChart option={curveOption} testId="s-curve" label={t('progress.curve')} />}
        </figure>
        <figure>
          <figcaption>{t('progress.indices')}</figcaption>
          {indexOption && <EChart option={indexOption} testId="index-chart" label={t('progress.indices')} />}
        </figure>
      </section>

      <section className="evm-table">
        <div className="toolbar">
          <div className="group">
            {(['task', 'assignee'] as const).map((b) => (
              <button key={b} aria-pressed={by === b} className={by === b ? 'active' : ''} onClick={() => setBy(b)}>
                {t(b === 'task' ? 'progress.byTask' : 'progress.byAssignee')}
              </button>
            ))}
          </div>
          {by === 'task' && (
            <nav className="crumbs" aria-label="WBS">
              <button onClick={() => setNode(null)}>{t('progress.all')}</button>
              {path.map((r) => (
                <span key={r.id}>
                  {' › '}
                  <button onClick={() => setNode(r.id!)}>
                    {r.code} {r.name}
                  </button>
                </span>
              ))}
            </nav>
          )}
        </div>
        <table className="data" data-testid="evm-table">
          <thead>
            <tr>
              {by === 'task' && <th>{t('progress.col.code')}</th>}
              <th>{t(by === 'task' ? 'progress.col.name' : 'progress.col.assignee')}</th>
              {TABLE_KEYS.map((k) => (
                <th key={k} className="num">
                  {k.toUpperCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tableRows.map((r) => (
              <tr key={r.key} className={r.id !== undefined && r.id === node ? 'current' : ''}>
                {by === 'task' && <td>{r.code}</td>}
                <td>
                  {by === 'task' && r.leaf === false && r.id !== node ? (
                    <button className="link" onClick={() => setNode(r.id!)} title={t('progress.drill', { code: r.code })}>
                      {r.name}
                    </button>
                  ) : by === 'assignee' && r.name === '' ? (
                    t('progress.unassigned')
                  ) : (
                    r.name
                  )}
                </td>
                {TABLE_KEYS.map((k) => (
                  <td key={k} className={`num ${(k === 'spi' || k === 'cpi') && r[k] !== null && r[k]! < 1 ? 'bad' : ''}`}>
                    {cellOf(r, k)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {baselineId !== null && <BaselineCompare projectId={project.id} baselines={baselines} baselineId={baselineId} version={version} onError={onCompareError} />}

      {adh && (
        <section className="late-lists">
          <h3 title={t('progress.adherenceHelp')}>
            {t('progress.adherence')}: {formatFigure('adherence', adh.rate)}（{adh.onTime} / {adh.due}）
          </h3>
          <LateList title={t('progress.lateToStart')} tasks={adh.lateToStart} testId="late-start" />
          <LateList title={t('progress.lateToFinish')} tasks={adh.lateToFinish} testId="late-finish" />
          <LateList title={t('progress.milestonesMissed')} tasks={adh.milestonesMissed} testId="milestones-missed" />
        </section>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </div>
  );
}

function LateList({ title, tasks, testId }: { title: string; tasks: LateTask[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="late-list" data-testid={testId}>
      <h4>
        {title}（{tasks.length}）
      </h4>
      {tasks.length === 0 ? (
        <p className="muted">{t('progress.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('progress.col.code')}</th>
              <th>{t('progress.col.name')}</th>
              <th>{t('progress.col.assignee')}</th>
              <th>{t('progress.col.plannedStart')}</th>
              <th>{t('progress.col.plannedFinish')}</th>
              <th className="num">{t('progress.col.progress')}</th>
              <th className="num">{t('progress.daysLate')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((x) => (
              <tr key={x.id}>
                <td>{x.code}</td>
                <td>{x.name}</td>
                <td>{x.assignee}</td>
                <td>{formatDate(x.plannedStart)}</td>
                <td>{formatDate(x.plannedFinish)}</td>
                <td className="num">{x.progress}%</td>
                <td className="num">{x.daysLate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

