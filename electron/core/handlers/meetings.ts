import type { HandlerMap } from '../../common/api.js';
import type { meetingsApi } from '../../common/api/meetings.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { createMeeting, deleteMeeting, getMeeting, listMeetings, setFinal, updateMeeting } from '../services/meetings/service.js';

export function meetingsHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof meetingsApi> {
  const run = () => ({ today: ctx.today?.() });
  return {
    'meeting.list': ({ projectId, query, from, to }) => listMeetings(db, projectId, { query, from, to }),
    'meeting.get': ({ id }) => getMeeting(db, id, run()),
    'meeting.create': ({ projectId, values, fromMeetingId }) => createMeeting(db, ctx, projectId, values, fromMeetingId, run()),
    'meeting.update': ({ id, patch }) => updateMeeting(db, ctx, id, patch, run()),
    'meeting.delete': ({ id }) => deleteMeeting(db, ctx, id),
    'meeting.finalize': ({ id }) => setFinal(db, ctx, id, true, run()),
    'meeting.reopen': ({ id }) => setFinal(db, ctx, id, false, run()),
  };
}
