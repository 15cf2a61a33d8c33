// The WBS as a table: one array per task, its values in WBS_ROW_COLUMNS' order. The WBS screen loads
// the whole plan this way (wbs.rows): as objects, a 50,000-task WBS was ~25 MB of JSON, more than half
// of it the same 27 keys repeated on every task, paid for in the workspace's JSON.stringify, on the
// wire and in the renderer's JSON.parse. taskOfRow turns a row back into a WbsTask (the API answered objects as wbs.list until issue 18).
import type { WbsTask } from './dto.js';

export const WBS_ROW_COLUMNS = [
  'id',
  'projectId',
  'parentId',
  'position',
  'name',
  'assignee',
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'plannedEffort',
  'actualEffort',
  'progress',
  'status',
  'milestone',
  'deliverable',
  'predecessors',
  'notes',
  'extra',
  'updatedAt',
  'duration',
  'scheduling',
  'code',
  'level',
  'summary',
  'late',
  'lateStart',
] as const satisfies readonly (keyof WbsTask)[];

/** A task's values in WBS_ROW_COLUMNS' order. */
type Columns = typeof WBS_ROW_COLUMNS;
export type WbsRowTuple = { -readonly [K in keyof Columns]: Columns[K] extends keyof WbsTask ? WbsTask[Columns[K]] : never };

/** The tasks of a project in tree order, as rows. */
export interface WbsTable {
  /** The order of each row's values: the reader checks it is the one it decodes. */
  columns: readonly string[];
  rows: WbsRowTuple[];
}

/**
 * A row as a WbsTask. Written out key by key (not a loop over the columns): an object literal gets one
 * fixed shape at once, where adding 27 keys one by one costs about ten times as much per task.
 */
export function taskOfRow(r: WbsRowTuple): WbsTask {
  return {
    id: r[0],
    projectId: r[1],
    parentId: r[2],
    position: r[3],
    name: r[4],
    assignee: r[5],
    plannedStart: r[6],
    plannedFinish: r[7],
    actualStart: r[8],
    actualFinish: r[9],
    plannedEffort: r[10],
    actualEffort: r[11],
    progress: r[12],
    status: r[13],
    milestone: r[14],
    deliverable: r[15],
    predecessors: r[16],
    notes: r[17],
    extra: r[18],
    updatedAt: r[19],
    duration: r[20],
    scheduling: r[21],
    code: r[22],
    level: r[23],
    summary: r[24],
    late: r[25],
    lateStart: r[26],
  };
}

/** The tasks of a table; refused when its columns are not the ones this side decodes (an older shell). */
export function tasksOfTable(table: WbsTable): WbsTask[] {
  if (table.columns.length !== WBS_ROW_COLUMNS.length || table.columns.some((c, i) => c !== WBS_ROW_COLUMNS[i]))
    throw new Error(`WBS table columns ${table.columns.join(',')} are not ${WBS_ROW_COLUMNS.join(',')}`);
  return table.rows.map(taskOfRow);
}
