import { createRoot } from 'react-dom/client';
import { call, takeTokenFromUrl } from './api/client.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App, routeWbs } from './App.js';
import { prefetchWbs } from './features/wbs/wbsLoad.js';
import { isDensity } from './grid/density.js';
import './styles.css';

async function start() {
  takeTokenFromUrl();
  // Together, not one after the other: the first screen needs all of them. A workspace that cannot be
  // opened answers no projects (DAMAGED); its status says why, and the recovery screen shows.
  const first = Promise.all([
    call('app.info', {}),
    call('workspace.status', {}),
    call('project.list', {}).catch(() => []),
    call('settings.get', { key: 'ui.density' }).catch(() => null),
  ]);
  // Asked after the calls above, so the workspace answers those first: the plan is read meanwhile.
  const wbs = routeWbs();
  if (wbs !== null) prefetchWbs(wbs);
  const [info, status, projects, density] = await first;
  // In a browser (the web host) the browser's language is the user's, not the serving machine's.
  await initI18n(pickLanguage(info.language, info.shell === 'web' ? navigator.language : info.osLocale));
  createRoot(document.getElementById('root')!).render(<App info={info} status={status} projects={projects} density={isDensity(density) ? density : 'normal'} />);
}

start().catch((err) => {
  document.body.textContent = `PMO Desk could not start: ${(err as Error).message}`;
});
