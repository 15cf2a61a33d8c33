import type { HandlerMap } from '../../common/api.js';
import type { wbsApi } from '../../common/api/wbs.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';
import { listTasks, createTask, updateTask, deleteTask } from '../services/wbs.js';

export function wbsHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof wbsApi> {
  return {
    'wbs.list': ({ projectId }) => listTasks(db, projectId),
    'wbs.create': ({ projectId, ...task }) => createTask(db, ctx, projectId, task),
    'wbs.update': ({ id, patch }) => updateTask(db, ctx, id, patch),
    'wbs.delete': ({ id }) => deleteTask(db, ctx, id),
  };
}
