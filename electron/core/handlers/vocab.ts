import type { HandlerMap } from '../../common/api.js';
import type { vocabApi } from '../../common/api/vocab.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';

export function vocabHandlers(_db: Db, _ctx: HostContext): HandlerMap<keyof typeof vocabApi> {
  return {};
}
