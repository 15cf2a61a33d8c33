import type { HandlerMap } from '../../common/api.js';
import type { historyApi } from '../../common/api/history.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { historyState, redo, rowHistory, undo } from '../services/history.js';
import { localToday } from '../../common/dates.js';
import { batchesAfter, entitiesOfBatch, newestBatchSeq } from '../db/queries/history.js';

/** Batches per history.since answer; a page further behind asks again at once. */
const LIVE_BATCHES = 200;

export function historyHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof historyApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'history.undo': ({ projectId }) => undo(db, ctx, projectId, today()),
    'history.redo': ({ projectId }) => redo(db, ctx, projectId, today()),
    'history.state': ({ projectId }) => historyState(db, ctx, projectId),
    'history.row': ({ entity, id, limit }) => rowHistory(db, entity, id, limit),
    'history.since': ({ after }) => {
      if (after === undefined) return { seq: newestBatchSeq(db), batches: [] };
      const found = batchesAfter(db, after, LIVE_BATCHES);
      const batches = found.map(({ id, seq, ...b }) => ({ seq: Number(seq), ...b, entities: entitiesOfBatch(db, id) }));
      return { seq: batches.at(-1)?.seq ?? after, batches };
    },
  };
}
