// Meeting minutes (議事録): the fields of a meeting, what its lists hold, and the DTOs. Action items
// (宿題/To-Do) are not kept here: each is a row of the issue/action log (kind 'action') with its
// meetingId, so closing it in either place closes it in both.
import { z } from 'zod';
import { isoDate, text } from './api/schemas.js';
import type { Issue } from './registers.js';

export const attendee = z.strictObject({
  name: text(200),
  /** Whose side: ours or the client's (or another party, e.g. a vendor). */
  side: z.enum(['ours', 'client', 'other']),
  org: text(200),
  role: text(200),
  present: z.boolean(),
});

export const agendaItem = z.strictObject({
  title: text(500),
  /** Discussion notes (議論内容), free text with line breaks. */
  notes: text(20000),
});

export const decision = z.strictObject({
  text: text(5000),
  /** The agenda item it was decided under, by position (0-based), if any. */
  agendaIndex: z.number().int().min(0).nullable(),
});

const time = z.string().regex(/^(\d{2}:\d{2})?$/, 'must be a time hh:mm');

/** What a user edits on the minutes form and its lists. */
export const meetingFields = z.strictObject({
  title: text(500),
  /** From the project's 'meeting.kind' list: regular (定例), review, steering, kickoff… */
  kind: text(50),
  /** Meetings of one series (e.g. the weekly 定例) carry open actions and attendees forward. */
  series: text(200),
  heldOn: isoDate.nullable(),
  startsAt: time,
  endsAt: time,
  place: text(500),
  online: z.boolean(),
  facilitator: text(200),
  recorder: text(200),
  purpose: text(5000),
  materials: text(5000),
  distribution: text(5000),
  attendees: z.array(attendee).max(500),
  agenda: z.array(agendaItem).max(200),
  decisions: z.array(decision).max(500),
  nextMeeting: text(1000),
});

export type MeetingFields = z.output<typeof meetingFields>;
export type Attendee = z.output<typeof attendee>;
export type AgendaItem = z.output<typeof agendaItem>;
export type Decision = z.output<typeof decision>;

export interface Meeting extends MeetingFields {
  id: number;
  projectId: number;
  /** Final (確定): read-only until reopened; both steps are in the audit trail. */
  final: boolean;
  createdAt: string;
  updatedAt: string;
  /** This meeting's action items: rows of the issue/action log linked to it. */
  actions: Issue[];
  /** Open actions of earlier meetings of the same series (前回からの宿題), oldest first. */
  carriedOver: Issue[];
}

/** A meeting in the list: enough to find it and see what is open. */
export interface MeetingSummary {
  id: number;
  title: string;
  kind: string;
  series: string;
  heldOn: string | null;
  final: boolean;
  decisionCount: number;
  actionCount: number;
  openActionCount: number;
  /** Where a text search matched (title, notes, decision, action…), for the list to show. */
  matches?: string[];
}
