// The WBS screen's reads of the whole plan. The first one starts as early as the app can: when the
// address opens a project's WBS (a reload, or the app reopening where it was left), at start, beside
// the app's own first calls, so the workspace reads and sends the plan while the page's script starts
// and its grid is built, rather than after (at 50,000 tasks the plan's read and transfer were most
// of the time before rows showed).
import type { HistoryState, WbsTask } from '../../../../electron/common/dto.js';
import { tasksOfTable } from '../../../../electron/common/wbs-rows.js';
import { call } from '../../api/client.js';
import { earlyLoad } from '../../api/earlyLoad.js';

/** The whole plan (or its `first` rows), in tree order: read as a table (a third of the JSON of the objects) and decoded here. */
export async function loadTasks(projectId: number, first?: number): Promise<WbsTask[]> {
  return tasksOfTable(await call('wbs.rows', first === undefined ? { projectId } : { projectId, first }));
}

/**
 * Rows the first load asks for ahead of the whole plan: more than a tall window shows. At 50,000 tasks
 * the whole plan's read, transfer and decoding took over a second; these rows come in a fraction of it.
 */
export const FIRST_ROWS = 150;

export interface WbsFirstLoad {
  /** The ids of the summaries the user left collapsed. */
  collapsed: Promise<number[] | null>;
  /** The first FIRST_ROWS tasks in tree order: the screen shows them, then asks for the whole (wholePlan). */
  head: Promise<WbsTask[]>;
  history: Promise<HistoryState>;
}

/**
 * The whole plan, asked once the first rows are drawn: the workspace answers one call at a time, so the
 * screen's own first calls (the project, the grid's saved columns) would otherwise wait behind the
 * plan's read, and the first rows with them. A plan shorter than the head is whole already.
 */
export function wholePlan(projectId: number, head: WbsTask[]): Promise<WbsTask[]> {
  return head.length < FIRST_ROWS ? Promise.resolve(head) : loadTasks(projectId);
}

export const collapsedKey = (projectId: number) => `wbs.collapsed.${projectId}`;

function startLoad(projectId: number): WbsFirstLoad {
  return {
    collapsed: call('settings.get', { key: collapsedKey(projectId) }) as Promise<number[] | null>,
    head: loadTasks(projectId, FIRST_ROWS),
    history: call('history.state', { projectId }),
  };
}

const early = earlyLoad<number, WbsFirstLoad>();

/** Starts the first load of `projectId`'s WBS before the page is there (api/earlyLoad.ts: taken once, dropped on navigation). */
export function prefetchWbs(projectId: number): void {
  const load = startLoad(projectId);
  early.keep(projectId, load, [load.collapsed, load.head, load.history]);
}

/** The load prefetched for this project, or a new one. */
export function firstWbsLoad(projectId: number): WbsFirstLoad {
  return early.take(projectId) ?? startLoad(projectId);
}
