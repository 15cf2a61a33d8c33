import type { HandlerMap } from '../../common/api.js';
import type { historyApi } from '../../common/api/history.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { historyState, redo, rowHistory, undo } from '../services/history.js';
import { localToday } from '../../common/dates.js';

export function historyHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof historyApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'history.undo': ({ projectId }) => undo(db, ctx, projectId, today()),
    'history.redo': ({ projectId }) => redo(db, ctx, projectId, today()),
    'history.state': ({ projectId }) => historyState(db, ctx, projectId),
    'history.row': ({ entity, id, limit }) => rowHistory(db, entity, id, limit),
  };
}
