// Where the project stands against its plan at the status date (基準日): the earned-value figures with
// the difference from the last weekly close (先週差分), the S-curve and SPI/CPI by week, the figures by
// WBS node (drill down from a node to its tasks) or by assignee, 計画遵守率 and the late lists; and the
// actions of the week: set the status date, save a baseline, close the week.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Baseline, EvmRow, LateTask } from '../../../../electron/common/api/progress.js';
import type { Project } from '../../../../electron/common/dto.js';
import { formatDate, localToday, parseDateInput } from '../../../../electron/common/dates.js';
import { HISTORY, mutate, read, useQuery, type Entity } from '../../api/useApi.js';
import { Notice, PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { UndoRedoButtons } from '../../ui/UndoRedoButtons.js';
import { sCurveOption } from '../../../../electron/common/portfolio-charts.js';
import { EChart, type ChartOption } from './EChart.js';
import { BaselineCompare, PLAN } from './BaselineCompare.js';
import { closeFigure, drillPath, drillRows, formatDelta, formatFigure, previousClose } from './progressModel.js';

const CARDS = ['spi', 'cpi', 'sv', 'cv', 'bac', 'pv', 'ev', 'ac', 'eac', 'etc', 'vac', 'tcpi'] as const;
const TABLE_KEYS = ['bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac'] as const;

/** The project's own row: its cost rate, and its status date (kept with the calendar). */
const PROJECT: readonly Entity[] = ['project', 'project_calendar'];
/** What the figures are computed from besides the status date and the baseline chosen (both asked with them). */
const FIGURES: readonly Entity[] = [...PLAN, 'weekly_close'];

export function ProgressPage({ project }: { project: Project }) {
  const { t } = useTranslation();
  const frame = usePageFrame();
  const { fail, setNotice, run, ask } = frame;
  // The project as stored (another view, or an undo, may have changed its status date since the shell
  // read it), its baselines and the undo stack: each read again after any write touching it.
  const stored = useQuery(PROJECT, async () => (await read('project.list', {})).find((x) => x.id === project.id) ?? null, [project.id], fail).data;
  const baselinesQuery = useQuery(['baseline'], () => read('baseline.list', { projectId: project.id }), [project.id], fail);
  const baselines = useMemo(() => baselinesQuery.data ?? [], [baselinesQuery.data]);
  const history = useQuery([HISTORY], () => read('history.state', { projectId: project.id }), [project.id], fail).data ?? null;
  // The project as stored has been read: figures are computed only from then on (the project the
  // shell holds may carry an older status date, and an answer for it could land after the right one).
  const ready = stored !== undefined && baselinesQuery.data !== undefined;
  const statusDate = (stored ?? project).statusDate ?? localToday();
  const statusDateSet = !!(stored ?? project).statusDateSet;
  const costRate = stored?.costRate ?? null;
  // What the status date box holds, as typed (yyyy/mm/dd, or anything the grids read as a date); the
  // stored date replaces it when that changes (set here, closed, undone), not on other writes.
  const [dateInput, setDateInput] = useState(formatDate(statusDate));
  useEffect(() => setDateInput(formatDate(statusDate)), [statusDate]);
  // The plan measured against: the user's choice (null: the current plan); until one is made, or when
  // the one chosen is gone, the newest baseline, which is what a PMO measures against.
  const [chosen, setChosen] = useState<number | null | undefined>(undefined);
  const baselineId = chosen === undefined || (chosen !== null && !baselines.some((b) => b.id === chosen)) ? baselines[0]?.id ?? null : chosen;
  const [by, setBy] = useState<'task' | 'assignee'>('task');
  const [node, setNode] = useState<number | null>(null);
  const [unit, setUnit] = useState<'days' | 'yen'>('days');

  // The figures at the status date against the plan chosen; answers to an older question are dropped.
  const figures = useQuery(
    FIGURES,
    async () => {
      if (!ready) return null;
      const ref = { projectId: project.id, statusDate, ...(baselineId !== null && { baselineId }) };
      const [evm, adh, curve, closes] = await Promise.all([
        read('evm.compute', { ...ref, by }),
        read('evm.adherence', ref),
        read('evm.curve', ref),
        read('weekly.list', { projectId: project.id, limit: 52 }),
      ]);
      return { evm, adh, curve, closes };
    },
    // The cost rate is in the yen figures.
    [project.id, statusDate, baselineId, by, ready, costRate],
    fail,
  ).data;
  const evm = figures?.evm ?? null;
  const adh = figures?.adh ?? null;
  const curve = figures?.curve ?? null;
  const closes = useMemo(() => figures?.closes ?? [], [figures]);

  /** The typed status date (yyyy/mm/dd as everywhere, or what a grid cell takes) set as one undoable step. */
  const applyStatusDate = () =>
    run(async () => {
      const iso = parseDateInput(dateInput);
      if (iso === null) throw new Error(t('errors.notDate', { value: dateInput }));
      await mutate('project.update', { id: project.id, patch: { statusDate: iso } });
    });

  const step = (which: 'undo' | 'redo') =>
    run(async () => {
      const r = await mutate(which === 'undo' ? 'history.undo' : 'history.redo', { projectId: project.id });
      setNotice(r.applied ? null : t(`register.nothingTo.${which}`));
    });

  const applyCostRate = (text: string) =>
    run(async () => {
      const value = text.trim() === '' ? null : Number(text);
      if (value !== null && (!Number.isFinite(value) || value < 0)) throw new Error(t('errors.notNumber', { value: text }));
      await mutate('project.update', { id: project.id, patch: { costRate: value } });
    });

  // The name of the baseline about to be saved, asked in the toolbar (null: not asking). Not
  // window.prompt: Electron has none (it throws), so the button did nothing in the desktop app.
  const [naming, setNaming] = useState<string | null>(null);
  // A save in flight: a second Enter before its answer is the same save, not a second baseline. A ref,
  // not state: both key presses can land before React draws the first one's effect.
  const savingBaseline = useRef(false);
  const takeBaseline = async (name: string) => {
    if (savingBaseline.current || !name.trim()) return;
    savingBaseline.current = true;
    try {
      await run(async () => {
        const b = await mutate('baseline.create', { projectId: project.id, name: name.trim() });
        setNaming(null);
        setChosen(b.id);
      });
    } finally {
      savingBaseline.current = false;
    }
  };

  const deleteBaseline = (b: Baseline) =>
    ask({
      title: t('progress.deleteBaseline'),
      message: t('progress.confirmDeleteBaseline', { name: b.name }),
      confirmLabel: t('common.delete'),
      // The list read again no longer has it: the newest left is measured against.
      onConfirm: () => void run(() => mutate('baseline.delete', { id: b.id })),
    });

  const closeWeek = () =>
    run(async () => {
      const iso = parseDateInput(dateInput);
      if (iso === null) throw new Error(t('errors.notDate', { value: dateInput }));
      // A close sets the status date (kept with the calendar) and keeps the week's figures.
      const c = await mutate('weekly.close', { projectId: project.id, statusDate: iso, ...(baselineId !== null && { baselineId }) }, { touches: ['weekly_close', 'project_calendar', HISTORY] });
      setNotice(t('progress.closed', { date: formatDate(c.statusDate) }));
    });

  const prev = useMemo(() => previousClose(closes, statusDate), [closes, statusDate]);
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

  const toolbar = (
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
        {/* Short in the toolbar (which must fit 1,400 px in English too), the whole rule on hover. */}
        {!statusDateSet && (
          <span className="muted" title={t('progress.statusDateDefault')} data-testid="status-date-default">
            {t('progress.statusDateDefaultMark')}
          </span>
        )}
      </form>
      <div className="group">
        <label>
          {t('progress.plan')}{' '}
          <select data-testid="progress-baseline" value={baselineId ?? ''} onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('progress.currentPlan')}</option>
            {baselines.map((b) => (
              <option key={b.id} value={b.id}>
                {t('progress.baselineTaken', { name: b.name, date: formatDate(b.takenAt.slice(0, 10)) })}
              </option>
            ))}
          </select>
        </label>
        {naming === null ? (
          <button onClick={() => setNaming(t('progress.baselineDefaultName', { date: formatDate(localToday()) }))} data-testid="take-baseline">
            {t('progress.takeBaseline')}
          </button>
        ) : (
          <form
            className="baseline-name"
            onSubmit={(e) => {
              e.preventDefault();
              void takeBaseline(naming);
            }}
          >
            <input
              autoFocus
              aria-label={t('progress.baselineName')}
              data-testid="baseline-name"
              value={naming}
              onChange={(e) => setNaming(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
            />
            <button type="submit" className="primary" disabled={!naming.trim()}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setNaming(null)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
        {/* Not beside the name being typed: one thing at a time, and the toolbar stays one line. */}
        {baselineId !== null && naming === null && (
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
      <Notice frame={frame} />
    </div>
  );

  return (
    <div className="progress-page" data-testid="progress-page">
      <PageFrame frame={frame} toolbar={toolbar}>
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
                <button key={b} aria-pressed={by === b} onClick={() => setBy(b)}>
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

        {baselineId !== null && <BaselineCompare projectId={project.id} baselines={baselines} baselineId={baselineId} onError={fail} />}

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
      </PageFrame>
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

