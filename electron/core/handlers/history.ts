import type { HandlerMap } from '../../common/api.js';
import type { historyApi } from '../../common/api/history.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';

export function historyHandlers(_db: Db, _ctx: HostContext): HandlerMap<keyof typeof historyApi> {
  return {};
}
