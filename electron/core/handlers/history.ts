import type { HandlerMap } from '../../common/api.js';
import type { historyApi } from '../../common/api/history.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { historyState, redo, rowHistory, screenEntities, undo } from '../services/history.js';
import { localToday } from '../../common/dates.js';
import { batchesAfter, entitiesOfBatch, newestBatchSeq } from '../db/queries/history.js';

/** Batches per history.since answer; a page further behind asks again at once. */
const LIVE_BATCHES = 200;
/** How long a wait lasts where batches are not announced (a SQLite file): as the polling asked. */
const NO_ANNOUNCEMENTS_MS = 500;

export function historyHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof historyApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'history.undo': ({ projectId }) => undo(db, ctx, projectId, today()),
    'history.redo': ({ projectId }) => redo(db, ctx, projectId, today()),
    'history.state': ({ projectId }) => historyState(db, ctx, projectId),
    'history.row': ({ entity, id, limit }) => rowHistory(db, entity, id, limit),
    'history.since': async ({ after, wait }) => {
      if (after === undefined) return { seq: newestBatchSeq(db), batches: [] };
      // `mine`: written by the caller's own window or page (not by another window of the same user).
      const me = ctx.client;
      const since = () => {
        const found = batchesAfter(db, after, LIVE_BATCHES);
        const batches = found.map(({ id, seq, client, ...b }) => ({ seq: Number(seq), ...b, mine: me !== undefined && client === me, entities: screenEntities(entitiesOfBatch(db, id)) }));
        return { seq: batches.at(-1)?.seq ?? after, batches };
      };
      const now = since();
      if (!wait || now.batches.length > 0) return now;
      // Nothing yet: until the next batch is announced (a team database), else a short while, as polling did.
      await (ctx.nextBatch ? ctx.nextBatch(wait) : new Promise((r) => setTimeout(r, Math.min(wait, NO_ANNOUNCEMENTS_MS))));
      return since();
    },
  };
}
