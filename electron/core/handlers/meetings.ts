import type { HandlerMap } from '../../common/api.js';
import type { meetingsApi } from '../../common/api/meetings.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';

// Filled in by the minutes work; until then every call answers that it is not there yet.
export function meetingsHandlers(_db: Db, _ctx: HostContext): HandlerMap<keyof typeof meetingsApi> {
  const missing = (): never => {
    throw new ApiError('INTERNAL', 'meeting minutes are not implemented yet');
  };
  return {
    'meeting.list': missing,
    'meeting.get': missing,
    'meeting.create': missing,
    'meeting.update': missing,
    'meeting.delete': missing,
    'meeting.finalize': missing,
    'meeting.reopen': missing,
  };
}
