// The pages the home does not show, each its own chunk: the project's pages (WBS, Gantt, the registers,
// all on AG Grid), the workspace's registers (AG Grid too) and 設定. The home, the app's usual first
// screen, then loads and runs none of AG Grid (a third of the app's code): before, the one app chunk
// carried it all, and parsing it was most of the home's time after the portfolio's figures came.
// main.tsx asks for the project chunk at start when the address opens a project, beside the app's own,
// so a routed WBS waits for no second round trip.
import { lazy } from 'react';

export const loadProjectShell = () => import('./features/project/ProjectShell.js');

export const ProjectShell = lazy(() => loadProjectShell().then((m) => ({ default: m.ProjectShell })));
export const WorkspaceRegisterPage = lazy(() => import('./features/registers/WorkspaceRegisterPage.js').then((m) => ({ default: m.WorkspaceRegisterPage })));
export const SettingsPage = lazy(() => import('./features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
