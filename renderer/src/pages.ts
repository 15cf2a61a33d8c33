// The pages the home does not show, each its own chunk: the project's pages (WBS, Gantt, the registers,
// all on AG Grid), the workspace's registers (AG Grid too) and 設定. The home, the app's usual first
// screen, then loads and runs none of AG Grid (a third of the app's code): before, the one app chunk
// carried it all, and parsing it was most of the home's time after the portfolio's figures came.
// main.tsx asks for the project chunk at start when the address opens a project, beside the app's own,
// and renders once it is in, so a routed WBS waits for no second round trip.
import { lazy } from 'react';

type ProjectShellModule = typeof import('./features/project/ProjectShell.js');
let projectShell: ProjectShellModule | undefined;

export const loadProjectShell = (): Promise<ProjectShellModule> => import('./features/project/ProjectShell.js').then((m) => (projectShell = m));

/**
 * Asks for the project's pages ahead of a click that may open one (the home's project link pointed at or
 * focused): fetched and compiled while the hand is still on its way, the page then renders in the
 * click's first commit. Asked at the click, the chunk (~1.1 MB, AG Grid) was fetched and compiled after
 * it, behind React's fallback, which React 19 holds for at least 300 ms once shown. A failed fetch is
 * the click's to retry and report.
 */
export function preloadProjectShell(): void {
  if (!projectShell) loadProjectShell().catch(() => undefined);
}

/** A thenable that calls back at once: React.lazy takes its value in the same render. */
const settled = <T>(value: T): Promise<T> => ({ then: (resolve: (v: T) => void) => resolve(value) }) as unknown as Promise<T>;

/**
 * React.lazy suspends on its first render even when the chunk is in (a promise calls back only after the
 * render), so the first commit showed the Suspense fallback, and React 19 then holds a boundary's content
 * until 300 ms after the fallback it replaces was shown (its fallback throttle): the routed WBS's rows
 * came up to 0.3 s after they were ready. Once the chunk is in, the page renders in the first commit.
 */
export const ProjectShell = lazy(() => (projectShell ? settled({ default: projectShell.ProjectShell }) : loadProjectShell().then((m) => ({ default: m.ProjectShell }))));
export const WorkspaceRegisterPage = lazy(() => import('./features/registers/WorkspaceRegisterPage.js').then((m) => ({ default: m.WorkspaceRegisterPage })));
export const SettingsPage = lazy(() => import('./features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
