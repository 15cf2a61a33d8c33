// Meeting minutes. Action items are issue-log rows (issue.create / issue.applyCells with meetingId);
// these calls cover the minutes themselves.
import { z } from 'zod';
import { meetingFields, type Meeting, type MeetingSummary } from '../meetings.js';
import { id, isoDate, text } from './schemas.js';

export const meetingsApi = {
  /** Newest first; `query` searches title, purpose, notes, decisions and action titles; dates bound heldOn. */
  'meeting.list': {
    input: z.strictObject({ projectId: id, query: text(200).optional(), from: isoDate.optional(), to: isoDate.optional() }),
    output: [] as MeetingSummary[],
  },
  'meeting.get': { input: z.strictObject({ id }), output: {} as Meeting },
  /**
   * A new meeting. With `fromMeetingId` it starts as a copy of that one (header, attendees, agenda
   * titles; not notes, decisions or actions) — "copy as the start of the next". Without it, a meeting
   * of an existing series starts with the attendees of that series' latest meeting.
   */
  'meeting.create': {
    input: z.strictObject({ projectId: id, values: meetingFields.partial().optional(), fromMeetingId: id.optional() }),
    output: {} as Meeting,
  },
  /** Refused with CONFLICT while the meeting is final. */
  'meeting.update': { input: z.strictObject({ id, patch: meetingFields.partial() }), output: {} as Meeting },
  /** Deletes the minutes; their action items stay in the log, unlinked. Refused while final. */
  'meeting.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
  'meeting.finalize': { input: z.strictObject({ id }), output: {} as Meeting },
  'meeting.reopen': { input: z.strictObject({ id }), output: {} as Meeting },
} as const;
