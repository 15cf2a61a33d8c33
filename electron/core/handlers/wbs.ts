import type { HandlerMap } from '../../common/api.js';
import type { wbsApi } from '../../common/api/wbs.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { WBS_ROW_COLUMNS } from '../../common/wbs-rows.js';
import { listRows, createTask, updateTask, deleteTasks } from '../services/wbs.js';
import { applyCells } from '../services/wbs-cells.js';
import { indentTasks, moveTasks, outdentTasks } from '../services/wbs-moves.js';
import { localToday } from '../../common/dates.js';

export function wbsHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof wbsApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'wbs.rows': ({ projectId, first }) => ({ columns: WBS_ROW_COLUMNS, rows: listRows(db, projectId, today(), first) }),
    'wbs.create': ({ projectId, ...task }) => createTask(db, ctx, projectId, task, today()),
    'wbs.update': ({ id, patch, expected }) => updateTask(db, ctx, id, patch, today(), expected),
    'wbs.delete': ({ id, ids }) => deleteTasks(db, ctx, [...(id === undefined ? [] : [id]), ...(ids ?? [])], today()),
    'wbs.applyCells': (input) => applyCells(db, ctx, input as Parameters<typeof applyCells>[2], today()),
    'wbs.move': ({ ids, direction }) => moveTasks(db, ctx, ids, direction, today()),
    'wbs.indent': ({ ids }) => indentTasks(db, ctx, ids, today()),
    'wbs.outdent': ({ ids }) => outdentTasks(db, ctx, ids, today()),
  };
}
