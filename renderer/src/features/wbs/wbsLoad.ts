// The WBS screen's reads of the whole plan. The first one starts as early as the app can: when the
// address opens a project's WBS (a reload, or the app reopening where it was left), at start, beside
// the app's own first calls, so the workspace reads and sends the plan while the page's script starts
// and its grid is built, rather than after (at 50,000 tasks the plan's read and transfer were most
// of the time before rows showed).
import type { HistoryState, WbsTask } from '../../../../electron/common/dto.js';
import { tasksOfTable } from '../../../../electron/common/wbs-rows.js';
import { call } from '../../api/client.js';

/** The whole plan, in tree order: read as a table (a third of the JSON of the objects) and decoded here. */
export async function loadTasks(projectId: number): Promise<WbsTask[]> {
  return tasksOfTable(await call('wbs.rows', { projectId }));
}

export interface WbsFirstLoad {
  /** The ids of the summaries the user left collapsed. */
  collapsed: Promise<number[] | null>;
  tasks: Promise<WbsTask[]>;
  history: Promise<HistoryState>;
}

export const collapsedKey = (projectId: number) => `wbs.collapsed.${projectId}`;

function startLoad(projectId: number): WbsFirstLoad {
  return {
    collapsed: call('settings.get', { key: collapsedKey(projectId) }) as Promise<number[] | null>,
    tasks: loadTasks(projectId),
    history: call('history.state', { projectId }),
  };
}

let early: { projectId: number; load: WbsFirstLoad } | null = null;

/**
 * Starts the first load of `projectId`'s WBS before the page is there. Only the page's first mount
 * takes it; any navigation before that drops it, so a later visit never shows a plan read back then.
 */
export function prefetchWbs(projectId: number): void {
  const load = startLoad(projectId);
  // The page that takes the load handles its failures; until then they are not unhandled rejections.
  for (const p of [load.collapsed, load.tasks, load.history]) p.catch(() => undefined);
  early = { projectId, load };
  window.addEventListener('hashchange', () => (early = null), { once: true });
}

/** The load prefetched for this project, or a new one. */
export function firstWbsLoad(projectId: number): WbsFirstLoad {
  const taken = early;
  early = null;
  return taken?.projectId === projectId ? taken.load : startLoad(projectId);
}
