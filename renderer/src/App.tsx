import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Project, WorkspaceStatus } from '../../electron/common/dto.js';
import { hashParams, WORKSPACE_DAMAGED_EVENT } from './api/client.js';
import { read, remember, useQuery } from './api/useApi.js';
import { routeProject } from './route.js';
import { changeLanguage, type Language } from './i18n/index.js';
import { PortfolioHome } from './features/portfolio/PortfolioHome.js';
import { RecoveryPage } from './features/settings/RecoveryPage.js';
import { DENSITIES, DensityContext, type Density } from './grid/density.js';
import type { SearchHit } from '../../electron/common/search.js';
import { SearchDialog } from './features/search/SearchDialog.js';
import { VIEW_OF_KIND, type JumpTarget, type PendingJump } from './features/search/jump.js';
import { JobProgress } from './ui/JobProgress.js';
import { FileWorkNotice } from './ui/FileWorkNotice.js';
import { startLive, type LiveNotice } from './api/live.js';
import { whoWrote } from './ui/historyLines.js';
import { formatDateTime } from '../../electron/common/dates.js';
import { REGISTER_LIST } from '../../electron/common/registers/index.js';
import { ProjectShell, SettingsPage, WorkspaceRegisterPage } from './pages.js';

/** A page of the workspace (設定, 教訓), outside any project. */
function openPage(page: string) {
  const params = hashParams();
  params.delete('project');
  params.delete('view');
  params.set('page', page);
  location.hash = params.toString();
}
const openSettings = () => openPage('settings');

/** Registers kept across projects (descriptor.workspacePage): a top-bar button and a page each. */
const WORKSPACE_REGISTERS = REGISTER_LIST.filter((d) => d.workspacePage);

/** The workspace's own pages, outside any project: 設定, and a register kept across projects (教訓). */
const WORKSPACE_PAGES: readonly string[] = ['settings', ...WORKSPACE_REGISTERS.map((d) => d.view)];

/** The workspace page the address opens (#page=settings, #page=lessons), if any. */
function routePage(): string | null {
  const page = hashParams().get('page');
  return page !== null && WORKSPACE_PAGES.includes(page) ? page : null;
}

function navigate(projectId: number | null, view?: string, meetingId?: number) {
  const params = hashParams();
  params.delete('page');
  // A search hit in the minutes names its meeting (MinutesPage reads it when it opens).
  if (meetingId !== undefined) params.set('meeting', String(meetingId));
  if (projectId === null) params.delete('project');
  else params.set('project', String(projectId));
  if (view && projectId !== null) params.set('view', view);
  else params.delete('view');
  location.hash = params.toString();
}

/**
 * `projects`: the list as it was at start, so a reload into a project needs no second round trip.
 * `status`: the workspace file's condition at start; a damaged or missing one shows the recovery screen,
 * and so does one found damaged (or deleted) while the app runs: the first call answering DAMAGED.
 */
export function App({ info, status: startStatus, projects, density: initialDensity }: { info: AppInfo; status: WorkspaceStatus; projects: Project[]; density: Density }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState(startStatus);
  useEffect(() => {
    if (status.condition === 'damaged' || status.condition === 'missing') return;
    const onDamaged = () => void read('workspace.status', {}).then(setStatus);
    window.addEventListener(WORKSPACE_DAMAGED_EVENT, onDamaged);
    return () => window.removeEventListener(WORKSPACE_DAMAGED_EVENT, onDamaged);
  }, [status.condition]);
  // On a team database: colleagues' changes reload what this page shows, and the last one is named.
  const [live, setLive] = useState<LiveNotice | null>(null);
  const onTeam = !!status.database && status.condition === 'ok';
  useEffect(() => (onTeam ? startLive(info.user, setLive) : undefined), [onTeam, info.user]);
  const [page, setPage] = useState(routePage);
  const [density, setDensity] = useState<Density>(initialDensity);
  const [projectId, setProjectId] = useState<number | null>(routeProject);
  const [view, setView] = useState(() => hashParams().get('view') ?? 'wbs');
  // The projects, read again after any write touching one (a rename, a delete, an undo, a status
  // date): the shell's title and the project a page is handed stay current. The list read at start is
  // the first answer, and is shown until then (a reload into a project draws it at once).
  const listQuery = useQuery(['project', 'project_calendar'], () => read('project.list', {}), [], undefined, Promise.resolve(projects));
  const list = listQuery.data ?? projects;
  const project = useMemo(() => list.find((p) => p.id === projectId) ?? null, [list, projectId]);
  const [searching, setSearching] = useState(false);
  const [jump, setJump] = useState<JumpTarget | null>(null);

  // Ctrl+K anywhere (a grid, a form, another dialog's page): the search over every project.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k' && !e.isComposing) {
        e.preventDefault();
        e.stopPropagation();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const openHit = useCallback((hit: SearchHit) => {
    setJump((j) => ({ projectId: hit.projectId, kind: hit.kind, id: hit.id, seq: (j?.seq ?? 0) + 1 }));
    navigate(hit.projectId, VIEW_OF_KIND[hit.kind], hit.kind === 'meeting' ? hit.id : undefined);
  }, []);
  const openRow = useCallback((projectId: number, kind: SearchHit['kind'], id: number) => {
    setJump((j) => ({ projectId, kind, id, seq: (j?.seq ?? 0) + 1 }));
    navigate(projectId, VIEW_OF_KIND[kind]);
  }, []);
  const pendingJump = useMemo<PendingJump | null>(() => (jump ? { target: jump, done: () => setJump((j) => (j?.seq === jump.seq ? null : j)) } : null), [jump]);

  useEffect(() => {
    const onHash = () => {
      setPage(routePage());
      setProjectId(routeProject());
      setView(hashParams().get('view') ?? 'wbs');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A project not in the list: one just created elsewhere is read; one that is gone leads home.
  useEffect(() => {
    if (projectId === null || project) return;
    let live = true;
    void read('project.list', {}).then((fresh) => {
      if (!live) return;
      listQuery.setData(fresh);
      if (!fresh.some((p) => p.id === projectId)) navigate(null);
    });
    return () => void (live = false);
  }, [projectId, project, listQuery.setData]);

  const switchLanguage = useCallback(async (lang: Language) => {
    await changeLanguage(lang);
    await remember('ui.language', lang);
  }, []);

  const switchDensity = useCallback(async (d: Density) => {
    setDensity(d);
    await remember('ui.density', d);
  }, []);

  return (
    <DensityContext.Provider value={density}>
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {status.database && (
          // Which database the workspace is on, always in sight: a team's, shared with colleagues.
          <span className="team-db" data-testid="team-database" title={t('app.teamDatabaseTitle', { database: teamName(status.database) })}>
            {t('app.teamDatabase', { database: `${status.database.database}@${status.database.host}` })}
          </span>
        )}
        {status.condition === 'ok' && <FileWorkNotice initial={status.fileWork} />}
        {live && (
          <span className="live-notice muted" data-testid="live-notice" role="status">
            {t('app.liveChange', { who: whoWrote(t, live.who, live.role), when: formatDateTime(live.at) })}
          </span>
        )}
        {(project || page !== null) && (
          <>
            <button onClick={() => navigate(null)}>← {t('common.back')}</button>
            <span className="crumb" data-testid="project-title">
              {page === 'settings' ? t('settings.heading') : page !== null ? t(`views.${page}`) : project?.name}
            </span>
          </>
        )}
        <span className="spacer" />
        <button onClick={() => setSearching(true)} title="Ctrl+K" data-testid="open-search" disabled={status.condition === 'damaged' || status.condition === 'missing' || status.condition === 'teamUnavailable'}>
          {t('search.open')}
        </button>
        <label>
          {t('app.language')}{' '}
          <select
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(e) => void switchLanguage(e.target.value as Language)}
          >
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('app.density')}{' '}
          <select aria-label={t('app.density')} value={density} onChange={(e) => void switchDensity(e.target.value as Density)}>
            {DENSITIES.map((d) => (
              <option key={d} value={d}>
                {t(`app.densities.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {WORKSPACE_REGISTERS.map((d) => (
          <button key={d.view} onClick={() => openPage(d.view)} aria-pressed={page === d.view} data-testid={`open-${d.view}`}>
            {t(`views.${d.view}`)}
          </button>
        ))}
        <button onClick={openSettings} aria-pressed={page === 'settings'} data-testid="open-settings">
          {t('settings.open')}
        </button>
        <span className="muted" title={info.shell}>
          {info.user}
        </span>
      </header>
      <JobProgress />
      {status.condition === 'readOnly' && (
        <div className="readonly-banner" role="status" data-testid="readonly-banner">
          {t('recovery.readOnlyBanner')}
        </div>
      )}
      <main className="content">
        <Suspense fallback={null}>
        {status.condition === 'damaged' || status.condition === 'missing' ? (
          <RecoveryPage status={status} />
        ) : status.condition === 'teamUnavailable' ? (
          // Whatever the address: nothing but 設定 → チームで使う answers until it is reconnected or left.
          <SettingsPage problem={undefined} teamUnavailable />
        ) : page === 'settings' ? (
          <SettingsPage problem={status.condition === 'ok' ? undefined : (status.problem ?? 'corrupt')} />
        ) : page !== null ? (
          <WorkspaceRegisterPage key={page} register={WORKSPACE_REGISTERS.find((d) => d.view === page)!.name} onOpenRow={(p, id) => openRow(p, WORKSPACE_REGISTERS.find((d) => d.view === page)!.name, id)} />
        ) : project ? (
          <ProjectShell project={project} view={view} onView={(v) => navigate(project.id, v)} jump={pendingJump?.target.projectId === project.id ? pendingJump : null} />
        ) : projectId === null ? (
          <PortfolioHome onOpen={(p) => navigate(p.id)} />
        ) : null /* the routed project is loading */}
        </Suspense>
      </main>
      {searching && <SearchDialog onClose={() => setSearching(false)} onOpen={openHit} />}
    </div>
    </DensityContext.Provider>
  );
}

/** user@host:port/database, as the title names a team database. */
function teamName(d: NonNullable<WorkspaceStatus['database']>): string {
  return `${d.user}@${d.host}:${d.port}/${d.database}`;
}
