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
  /** Whether the user left the Gantt shown in this project. */
  gantt: Promise<boolean>;
  /** The first FIRST_ROWS tasks in tree order: the screen shows them, then asks for the whole (wholePlan). */
  head: Promise<WbsTask[]>;
  history: Promise<HistoryState>;
  /**
   * The three above once all have come: a load started at the app's start has, by the time the page
   * mounts (the grid's chunk loads meanwhile), so the page starts with them. The grid is then built with
   * its first rows, at its width beside the Gantt, and the Gantt with it: mounted empty, the grid was
   * built at the full width, then the Gantt (its setting read after the mount) narrowed it and the grid
   * rebuilt its cells, and the Gantt drew 0.3–0.8 s after the rows.
   */
  settled?: { collapsed: number[] | null; gantt: boolean; head: WbsTask[] };
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
export const ganttKey = (projectId: number) => `wbs.gantt.${projectId}`;

function startLoad(projectId: number): WbsFirstLoad {
  const load: WbsFirstLoad = {
    collapsed: call('settings.get', { key: collapsedKey(projectId) }) as Promise<number[] | null>,
    // A setting that cannot be read leaves the Gantt hidden, as at first: no reason to fail the plan's load.
    gantt: call('settings.get', { key: ganttKey(projectId) }).then((v) => v === true, () => false),
    head: loadTasks(projectId, FIRST_ROWS),
    history: call('history.state', { projectId }),
  };
  // A failure is the page's to show, from the promises.
  Promise.all([load.collapsed, load.gantt, load.head]).then(([collapsed, gantt, head]) => (load.settled = { collapsed, gantt, head }), () => undefined);
  return load;
}

const early = earlyLoad<number, WbsFirstLoad>();

/** Starts the first load of `projectId`'s WBS and keeps it for the page (api/earlyLoad.ts: until it has mounted, dropped on navigation). */
export function prefetchWbs(projectId: number): WbsFirstLoad {
  const load = startLoad(projectId);
  early.keep(projectId, load, [load.collapsed, load.gantt, load.head, load.history]);
  return load;
}

/**
 * The load prefetched for this project, or a new one, kept the same way: a render React throws away
 * and runs again gets the same load rather than starting another. The page calls wbsLoadTaken once mounted.
 */
export function firstWbsLoad(projectId: number): WbsFirstLoad {
  return early.peek(projectId) ?? prefetchWbs(projectId);
}

export function wbsLoadTaken(load: WbsFirstLoad): void {
  early.taken(load);
}
