import type { HandlerMap } from '../../common/api.js';
import type { registersApi } from '../../common/api/registers.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';

export function registersHandlers(_db: Db, _ctx: HostContext): HandlerMap<keyof typeof registersApi> {
  return {};
}
