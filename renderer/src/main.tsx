// The app's first lines, kept small: they load the rest of the app and, meanwhile, ask the workspace for
// the first screen's data (and, when the address opens a WBS, for its first rows; when it opens the home,
// for the portfolio's figures), so the workspace reads and sends while the browser loads, parses and
// runs the app's code (most of it the grid and the charts), rather than after. Measured on a 10,000-task
// WBS: the plan's read and transfer had started only once the whole bundle had run.
import { call, takeTokenFromUrl } from './api/client.js';
import { routeNamesPage, routeProject, routeWbs } from './route.js';
import { prefetchWbs } from './features/wbs/wbsLoad.js';
import { prefetchHome } from './features/portfolio/homeLoad.js';
import { warekiChosen } from './features/gantt/wareki.js';
import { loadProjectShell } from './pages.js';
import './styles.css';

async function start() {
  takeTokenFromUrl();
  // The app's code is asked for first: a browser opens six connections to a host, and the first
  // screen's calls below (nine for a WBS) held all six while the workspace answered them one at a time,
  // so the chunks asked for after them waited (the app's own came ~0.4 s after the project's, on a loaded
  // machine). The host sends its files from its own thread, at once, whatever the workspace is doing.
  // A project's pages are their own chunk (pages.ts): fetched beside the app's, not after it, and in
  // before the first render, which then draws the page rather than an empty frame (pages.ts ProjectShell).
  const app = import('./app-start.js');
  const shell = routeProject() !== null ? loadProjectShell() : null;
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
  if (wbs !== null) {
    prefetchWbs(wbs);
    // After the calls are sent: the browser's storage is read while they and the app's code are on their way.
    warekiChosen();
  } else if (routeProject() === null && !routeNamesPage()) prefetchHome();
  const [[info, status, projects, density], { render }] = await Promise.all([first, app, shell]);
  await render(info, status, projects, density);
}

start().catch((err) => {
  document.body.textContent = `PMO Desk could not start: ${(err as Error).message}`;
});
