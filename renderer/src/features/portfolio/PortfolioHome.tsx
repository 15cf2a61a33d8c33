// The start screen: every project as one dense row of portfolio.summary — its light (順調 / 注意 / 要対応,
// or the PMO's own with a reason), progress, SPI, CPI, 計画遵守率, late tasks, next milestone, issues,
// リードタイム and open risks, each with 先週差分 and, where a trend says something, a sparkline of the
// last 12 weekly closes. Sorting, filtering, a click through to the project; projects are created,
// renamed and deleted here too. Under each name, the PMO's one-line summary of the week (所見), typed in place. Each measure is defined in its header's tooltip and in the legend below.
// Under the table, the charts over the projects shown (PortfolioCharts.tsx).
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHTS, type FigureKey, type Light, type PortfolioRow, type PortfolioSummary } from '../../../../electron/common/api/portfolio.js';
import { formatDate, formatDateTime } from '../../../../electron/common/dates.js';
import { HISTORY, mutate, read, useQuery } from '../../api/useApi.js';
import { firstSummary, summaryTaken } from './homeLoad.js';
import { preloadProjectShell } from '../../pages.js';
import { DateField } from '../../ui/DateField.js';
import { PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { LightBadge } from './LightBadge.js';
import { NoteLine } from './NoteLine.js';
import { OverrideDialog } from './OverrideDialog.js';
import { PortfolioChartsPanel } from './PortfolioCharts.js';
import { ReportDialog } from './ReportDialog.js';
import { Sparkline } from './Sparkline.js';
import { ThresholdsDialog } from './ThresholdsDialog.js';
import { filterRows, lightCounts, nextSort, showDiff, showFigure, sortRows, type Sort, type SortKey } from './portfolioModel.js';

export interface ProjectRef {
  id: number;
  name: string;
}

export function PortfolioHome({ onOpen }: { onOpen(p: ProjectRef): void }) {
  const { t } = useTranslation();
  const frame = usePageFrame();
  const { run } = frame;
  const [statusDate, setStatusDate] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'light', desc: true });
  const [text, setText] = useState('');
  const [lights, setLights] = useState<Light[]>([]);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [overriding, setOverriding] = useState<PortfolioRow | null>(null);
  const [editThresholds, setEditThresholds] = useState(false);
  const [showCharts, setShowCharts] = useState(true);
  const [reporting, setReporting] = useState(false);
  // The project just deleted: a project's delete is one undo step of whoever deleted it (history.undo
  // on that project puts back every row of it), offered here as 元に戻す and Ctrl+Z.
  const [deleted, setDeleted] = useState<ProjectRef | null>(null);

  // Every project's figures: they follow from every register, so any undoable write (the undo stack
  // moves) reads them again, as do a project's create, rename and delete and the home's own settings.
  // The first answer is the one the app asked for at start (homeLoad.ts), when it did.
  const [prefetched] = useState(firstSummary);
  useEffect(() => summaryTaken(prefetched), [prefetched]);
  const summaryQuery = useQuery<PortfolioSummary>(['project', 'portfolio', HISTORY], () => read('portfolio.summary', statusDate ? { statusDate } : {}), [statusDate], frame.fail, prefetched);
  const summary = summaryQuery.data ?? null;

  const all = summary?.projects ?? [];
  const rows = useMemo(() => sortRows(filterRows(all, { text, lights }), sort), [all, text, lights, sort]);
  const counts = useMemo(() => lightCounts(all), [all]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await mutate('project.create', { name, code });
      setName('');
      setCode('');
    });
  };

  const saveRename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    void run(async () => {
      await mutate('project.update', { id: renaming.id, patch: { name: renaming.name } });
      setRenaming(null);
    });
  };

  const askDelete = (r: PortfolioRow) =>
    frame.ask({
      title: t('projects.confirmDeleteTitle'),
      message: t('projects.confirmDelete', { name: r.name }),
      confirmLabel: t('common.delete'),
      onConfirm: () =>
        void run(async () => {
          await mutate('project.delete', { id: r.projectId });
          setDeleted({ id: r.projectId, name: r.name });
        }),
    });

  const undoDelete = useCallback(() => {
    if (!deleted) return;
    setDeleted(null);
    void run(async () => {
      const r = await mutate('history.undo', { projectId: deleted.id });
      if (!r.applied) throw new Error(t('register.nothingTo.undo'));
    });
  }, [deleted, run, t]);

  // Ctrl+Z on the home (outside a text box and a dialog) takes the delete back, as in the grids.
  useEffect(() => {
    if (!deleted) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z' || e.isComposing || e.defaultPrevented) return;
      if ((e.target as HTMLElement).closest?.('input, textarea, select, [contenteditable], dialog')) return;
      e.preventDefault();
      undoDelete();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [deleted, undoDelete]);

  const toggleLight = (l: Light) => setLights((ls) => (ls.includes(l) ? ls.filter((x) => x !== l) : [...ls, l]));

  const head = (key: SortKey, label: string, help: string, className = '') => (
    <th className={className} title={help} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button className="sort" onClick={() => setSort(nextSort(sort, key))} data-testid={`sort-${key}`}>
        {label}
        <span className="arrow">{sort.key === key ? (sort.desc ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  );

  /** A figure with its 先週差分 under it, and its sparkline beside it when asked. */
  const figure = (r: PortfolioRow, key: FigureKey, opts: { spark?: boolean; bad?: boolean; extra?: ReactNode } = {}) => {
    const d = showDiff(key, r.diff[key]);
    return (
      <td className={`fig ${opts.spark ? 'with-spark' : ''}`} data-testid={`fig-${key}`}>
        <div className="fig-box">
          <div className="fig-text">
            <span className={`v ${opts.bad ? 'bad' : ''}`}>{showFigure(key, r.figures[key])}</span>
            <span className={`d ${d?.tone ?? ''}`}>{d?.text ?? ''}</span>
          </div>
          {opts.extra}
          {opts.spark && <Sparkline trend={r.trend} figure={key} />}
        </div>
      </td>
    );
  };

  const th = summary?.thresholds;
  const lightTitle = (r: PortfolioRow) => {
    const reasons = r.computed.reasons.map((x) => t(`portfolio.reason.${x.measure}`, { value: x.value.toFixed(x.measure === 'spi' || x.measure === 'cpi' ? 2 : 0), limit: x.limit }));
    const computed = `${t('portfolio.computed', { light: t(`portfolio.light.${r.computed.light}`) })}${reasons.length ? `\n${reasons.join('\n')}` : ''}`;
    return r.override ? `${t('portfolio.manual')}: ${r.override.reason} (${r.override.setBy})\n${computed}` : computed;
  };

  return (
    <section className="portfolio">
      <div className="portfolio-head">
        <h2>{t('portfolio.heading')}</h2>
        <label className="status-date">
          {t('portfolio.statusDate')}{' '}
          <DateField testId="portfolio-status-date" value={statusDate} onChange={setStatusDate} allowEmpty />
          {!statusDate && <span className="muted"> {t('portfolio.ownStatusDate')}</span>}
        </label>
        <span className="spacer" />
        <form className="toolbar" onSubmit={create}>
          <input type="text" aria-label={t('projects.name')} placeholder={t('projects.name')} value={name} onChange={(e) => setName(e.target.value)} size={24} />
          <input type="text" aria-label={t('projects.code')} placeholder={t('projects.code')} value={code} onChange={(e) => setCode(e.target.value)} size={8} />
          <button className="primary" type="submit" disabled={!name.trim()}>
            {t('projects.create')}
          </button>
        </form>
      </div>
      <div className="toolbar portfolio-filters">
        <input type="text" className="filter" aria-label={t('portfolio.filter')} placeholder={t('portfolio.filter')} value={text} onChange={(e) => setText(e.target.value)} size={28} />
        <div className="group" role="group">
          <button aria-pressed={lights.length === 0} onClick={() => setLights([])}>
            {t('portfolio.all')} <span className="count">{all.length}</span>
          </button>
          {[...LIGHTS].reverse().map((l) => (
            <button key={l} aria-pressed={lights.includes(l)} onClick={() => toggleLight(l)} data-testid={`filter-${l}`}>
              <LightBadge light={l} /> <span className="count">{counts[l]}</span>
            </button>
          ))}
        </div>
        <span className="muted">{t('portfolio.count', { shown: rows.length, total: all.length })}</span>
        <span className="spacer" />
        <button
          onClick={() => setReporting(true)}
          disabled={rows.length === 0}
          title={t('portfolio.reportHelp')}
          data-testid="export-report"
        >
          {t('portfolio.report')}
        </button>
        <button aria-pressed={showCharts} onClick={() => setShowCharts((v) => !v)} data-testid="toggle-charts">
          {t('portfolio.charts.heading')}
        </button>
        <button onClick={() => setEditThresholds(true)} disabled={!th} data-testid="edit-thresholds">
          {t('portfolio.thresholds')}
        </button>
      </div>
      <PageFrame frame={frame}>
        {deleted && (
          <div className="toolbar">
            <span className="notice" role="status" data-testid="project-deleted">
              {t('projects.deleted', { name: deleted.name })}
            </span>
            <button onClick={undoDelete} title={t('projects.undoDeleteHint')}>
              ↶ {t('history.undo')}
            </button>
            <button className="icon" aria-label={t('common.close')} title={t('common.close')} onClick={() => setDeleted(null)}>
              ×
            </button>
          </div>
        )}
        {summary && all.length === 0 ? (
          <p className="muted">{t('projects.empty')}</p>
        ) : (
          <div className="portfolio-table-wrap">
            <table className="portfolio-table" data-testid="portfolio-table">
              <thead>
                <tr className="groups">
                  <th colSpan={3} />
                  <th colSpan={6}>{t('portfolio.col.groupPlan')}</th>
                  <th colSpan={3}>{t('portfolio.col.groupIssues')}</th>
                  <th>{t('portfolio.col.groupRisks')}</th>
                  <th colSpan={2}>{t('portfolio.col.groupQuality')}</th>
                </tr>
                <tr>
                  {head('light', t('portfolio.col.light'), t('portfolio.help.light'))}
                  {head('name', t('portfolio.col.name'), t('portfolio.col.name'), 'name')}
                  {head('statusDate', t('portfolio.col.statusDate'), t('portfolio.col.statusDate'))}
                  {head('progress', t('portfolio.col.progress'), t('portfolio.help.progress'), 'num')}
                  {head('spi', t('portfolio.col.spi'), t('portfolio.help.spi'), 'num')}
                  {head('cpi', t('portfolio.col.cpi'), t('portfolio.help.cpi'), 'num')}
                  {head('adherence', t('portfolio.col.adherence'), t('portfolio.help.adherence'), 'num')}
                  {head('lateTasks', t('portfolio.col.lateTasks'), t('portfolio.help.lateTasks'), 'num')}
                  {head('nextMilestone', t('portfolio.col.nextMilestone'), t('portfolio.help.nextMilestone'))}
                  {head('openIssues', t('portfolio.col.openIssues'), t('portfolio.help.openIssues'), 'num')}
                  {head('overdueIssues', t('portfolio.col.overdueIssues'), t('portfolio.help.overdueIssues'), 'num')}
                  {head('leadTime', t('portfolio.col.leadTime'), t('portfolio.help.leadTime'), 'num')}
                  {head('risksHigh', t('portfolio.col.risks'), t('portfolio.help.risks'), 'num')}
                  {head('recurrenceRate', t('portfolio.col.recurrenceRate'), t('portfolio.help.recurrenceRate'), 'num')}
                  {head('auditFindings', t('portfolio.col.auditFindings'), t('portfolio.help.auditFindings'), 'num')}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.projectId} data-testid="project-row" className={`row-${r.light}`}>
                    <td className="light-cell">
                      <button
                        className="light-button"
                        aria-label={`${t('portfolio.setLight')}: ${t(`portfolio.light.${r.light}`)}`}
                        title={lightTitle(r)}
                        onClick={() => setOverriding(r)}
                        data-testid="light"
                        data-light={r.light}
                      >
                        <LightBadge light={r.light} />
                        {r.override && <span className="manual">{t('portfolio.manual')}</span>}
                      </button>
                    </td>
                    <td className="name">
                      {renaming?.id === r.projectId ? (
                        <form onSubmit={saveRename}>
                          <input
                            type="text"
                            aria-label={t('common.rename')}
                            autoFocus
                            value={renaming.name}
                            onChange={(e) => setRenaming({ id: r.projectId, name: e.target.value })}
                            onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                          />
                        </form>
                      ) : (
                        <>
                          <a href="#" onPointerEnter={preloadProjectShell} onFocus={preloadProjectShell} onClick={(e) => (e.preventDefault(), onOpen({ id: r.projectId, name: r.name }))}>
                            {r.name}
                          </a>
                          <span className="code">{r.code}</span>
                          <NoteLine row={r} onSave={(text) => run(() => mutate('portfolio.setNote', { projectId: r.projectId, statusDate: r.statusDate, text }))} />
                          <span className="row-actions">
                            <button className="icon" aria-label={t('common.rename')} title={t('common.rename')} onClick={() => setRenaming({ id: r.projectId, name: r.name })}>
                              ✎
                            </button>
                            <button className="icon danger" aria-label={t('common.delete')} title={t('common.delete')} onClick={() => askDelete(r)}>
                              ✕
                            </button>
                          </span>
                          <div className="sub" title={r.baselineName ? t('portfolio.help.baseline', { name: r.baselineName }) : t('portfolio.help.currentPlan')}>
                            {r.baselineName ?? t('progress.currentPlan')}
                          </div>
                          <div className="sub" data-testid="updated" title={t('projects.updated')}>
                            {t('projects.updated')} {formatDateTime(r.updatedAt)}
                          </div>
                        </>
                      )}
                    </td>
                    <td className="date" title={r.previousClose ? t('portfolio.help.diff', { date: formatDate(r.previousClose) }) : t('portfolio.help.noClose')}>
                      {formatDate(r.statusDate)}
                      <div className="sub">{r.previousClose ? `← ${formatDate(r.previousClose)}` : ''}</div>
                    </td>
                    {figure(r, 'progress', {
                      extra: (
                        <span className="bar" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, r.figures.progress)}%` }} />
                        </span>
                      ),
                    })}
                    {figure(r, 'spi', { spark: true, bad: r.figures.spi !== null && th !== undefined && r.figures.spi < th.spi.warn })}
                    {figure(r, 'cpi', { spark: true, bad: r.figures.cpi !== null && th !== undefined && r.figures.cpi < th.cpi.warn })}
                    {figure(r, 'adherence', { spark: true })}
                    {figure(r, 'lateTasks', { bad: th !== undefined && r.figures.lateTasks >= th.lateTasks.warn })}
                    <td className={`milestone ${r.nextMilestone?.late ? 'bad' : ''}`} data-testid="next-milestone">
                      {r.nextMilestone ? (
                        <>
                          <span className="ms-date">◆ {formatDate(r.nextMilestone.date)}</span>
                          <div className="sub" title={r.nextMilestone.name}>
                            {r.nextMilestone.name}
                          </div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    {figure(r, 'openIssues')}
                    {figure(r, 'overdueIssues', { bad: th !== undefined && r.figures.overdueIssues >= th.overdueIssues.warn })}
                    {figure(r, 'leadTime')}
                    <td className="fig risks" data-testid="fig-risks">
                      <span className={`risk risk-high ${r.figures.risksHigh > 0 ? 'some' : ''}`}>{r.figures.risksHigh}</span>
                      <span className={`risk risk-medium ${r.figures.risksMedium > 0 ? 'some' : ''}`}>{r.figures.risksMedium}</span>
                      <span className={`risk risk-low ${r.figures.risksLow > 0 ? 'some' : ''}`}>{r.figures.risksLow}</span>
                      <span className={`d ${showDiff('risksHigh', r.diff.risksHigh)?.tone ?? ''}`}>{showDiff('risksHigh', r.diff.risksHigh)?.text ?? ''}</span>
                    </td>
                    {figure(r, 'recurrenceRate')}
                    {figure(r, 'auditFindings')}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {summary && rows.length > 0 && showCharts && <PortfolioChartsPanel rows={rows} statusDate={statusDate} version={summary} />}
        <ul className="portfolio-legend" data-testid="portfolio-legend">
          {(['adherence', 'leadTime', 'overdueIssues', 'lateTasks', 'spi', 'cpi', 'risks', 'recurrenceRate', 'auditFindings', 'diffLegend'] as const).map((k) => (
            <li key={k}>{t(`portfolio.help.${k}`)}</li>
          ))}
        </ul>
        {/* The dialogs' writes read the figures again (useApi mutate); a saved one clears an old error. */}
        {overriding && <OverrideDialog row={overriding} onClose={() => setOverriding(null)} onSaved={frame.clear} />}
        {reporting && <ReportDialog projectIds={rows.map((r) => r.projectId)} statusDate={statusDate} onClose={() => setReporting(false)} />}
        {editThresholds && th && <ThresholdsDialog thresholds={th} onClose={() => setEditThresholds(false)} onSaved={frame.clear} />}
      </PageFrame>
    </section>
  );
}
