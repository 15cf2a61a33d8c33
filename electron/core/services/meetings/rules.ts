// The rules of meeting minutes that need no database: how a stored row maps to the fields a user edits
// (header in columns, lists in the `body` JSON), which values are refused, the order of meetings in a
// series (for carry-over and "the last meeting"), what a copy as the next meeting keeps, and text search.
import { z } from 'zod';
import { agendaItem, attendee, decision, type Attendee, type MeetingFields } from '../../../common/meetings.js';
import { ApiError, textError } from '../../../common/errors.js';
import type { meetings } from '../../../../drizzle/schema.js';

export type MeetingRow = typeof meetings.$inferSelect;

/** Fields kept in their own columns. */
export const COLUMN_FIELDS = ['title', 'kind', 'series', 'heldOn', 'startsAt', 'endsAt', 'place', 'facilitator', 'recorder', 'purpose'] as const;
/** Fields kept in the `body` JSON column, always written in this order. */
export const BODY_FIELDS = ['online', 'materials', 'distribution', 'attendees', 'agenda', 'decisions', 'nextMeeting'] as const;

type ColumnField = (typeof COLUMN_FIELDS)[number];
type BodyField = (typeof BODY_FIELDS)[number];

export const EMPTY_FIELDS: MeetingFields = {
  title: '',
  kind: '',
  series: '',
  heldOn: null,
  startsAt: '',
  endsAt: '',
  place: '',
  online: false,
  facilitator: '',
  recorder: '',
  purpose: '',
  materials: '',
  distribution: '',
  attendees: [],
  agenda: [],
  decisions: [],
  nextMeeting: '',
};

// How each body field is read back. A value that no longer passes (edited by hand, or written by a
// later version) reads as empty rather than breaking the meeting.
const BODY_SCHEMAS: Record<BodyField, z.ZodType> = {
  online: z.boolean(),
  materials: z.string(),
  distribution: z.string(),
  attendees: z.array(attendee),
  agenda: z.array(agendaItem),
  decisions: z.array(decision),
  nextMeeting: z.string(),
};

/** The fields of a stored meeting row. */
export function fieldsOf(row: MeetingRow): MeetingFields {
  const out = { ...EMPTY_FIELDS } as Record<string, unknown>;
  for (const f of COLUMN_FIELDS) out[f] = row[f] ?? EMPTY_FIELDS[f];
  const body = (row.body ?? {}) as Record<string, unknown>;
  for (const f of BODY_FIELDS) {
    const parsed = BODY_SCHEMAS[f].safeParse(body[f]);
    if (parsed.success) out[f] = parsed.data;
  }
  return out as MeetingFields;
}

/**
 * The column values of the fields: header columns plus `body`. Keys of a stored body this version does
 * not know are kept, so an edit never drops them.
 */
export function columnsOf(fields: MeetingFields, storedBody: Record<string, unknown> = {}): Pick<MeetingRow, ColumnField | 'body'> {
  const body: Record<string, unknown> = {};
  for (const f of BODY_FIELDS) body[f] = fields[f];
  for (const [k, v] of Object.entries(storedBody)) if (!(k in body)) body[k] = v;
  const cols = {} as Record<string, unknown>;
  for (const f of COLUMN_FIELDS) cols[f] = fields[f];
  cols.body = body;
  return cols as Pick<MeetingRow, ColumnField | 'body'>;
}

// ---------------------------------------------------------------- validation beyond the schema

export interface FieldProblem {
  field: string;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What the contract's schema cannot check: real times, decisions naming an agenda item that exists
 * (checked on the meeting as it will be stored, so a patch that drops agenda items must re-number the
 * decisions in the same call), and a kind from the project's 'meeting.kind' list when one is given.
 * `given` are the keys the caller wrote; `kinds` the codes of the list.
 */
export function fieldProblems(merged: MeetingFields, given: readonly string[], kinds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const wrote = new Set(given);
  for (const f of ['startsAt', 'endsAt'] as const)
    if (wrote.has(f) && merged[f] !== '' && !TIME.test(merged[f])) problems.push({ field: f, message: 'must be a time 00:00–23:59' });
  if (wrote.has('kind') && merged.kind !== '' && !kinds.includes(merged.kind))
    problems.push({ field: 'kind', message: `"${merged.kind}" is not a code of meeting.kind` });
  merged.decisions.forEach((d, i) => {
    if (d.agendaIndex !== null && d.agendaIndex >= merged.agenda.length)
      problems.push({
        field: `decisions.${i}.agendaIndex`,
        message: `names agenda item ${d.agendaIndex + 1}, but the agenda has ${merged.agenda.length} item(s)`,
      });
  });
  return problems;
}

// ---------------------------------------------------------------- series and order

export interface Placed {
  id: number;
  heldOn: string | null;
  startsAt: string;
}

/** The key meetings of one series share: '' = no series. Case, width and outer spaces do not count. */
export function seriesKey(series: string): string {
  return series.normalize('NFKC').trim().toLowerCase();
}

/**
 * Whether `a` was held before `b`: by date, then start time, when both are dated; by creation (id)
 * when either date is missing, or on the same day without two start times to compare.
 */
export function heldBefore(a: Placed, b: Placed): boolean {
  if (a.heldOn !== null && b.heldOn !== null) {
    if (a.heldOn !== b.heldOn) return a.heldOn < b.heldOn;
    if (a.startsAt !== '' && b.startsAt !== '' && a.startsAt !== b.startsAt) return a.startsAt < b.startsAt;
  }
  return a.id < b.id;
}

/**
 * Oldest first, as a total order for sorting: dated meetings by date and start time, then undated ones
 * (drafts of meetings to come) in the order they were created.
 */
export function chronological(a: Placed, b: Placed): number {
  if ((a.heldOn === null) !== (b.heldOn === null)) return a.heldOn === null ? 1 : -1;
  if (a.heldOn !== null && b.heldOn !== null && a.heldOn !== b.heldOn) return a.heldOn < b.heldOn ? -1 : 1;
  if (a.startsAt !== b.startsAt && a.startsAt !== '' && b.startsAt !== '') return a.startsAt < b.startsAt ? -1 : 1;
  return a.id - b.id;
}

/** Meetings of `me`'s series held before it, oldest first; none when `me` has no series. */
export function earlierInSeries<M extends Placed & { series: string }>(me: M, all: readonly M[]): M[] {
  const key = seriesKey(me.series);
  if (key === '') return [];
  return all.filter((m) => seriesKey(m.series) === key && heldBefore(m, me)).sort(chronological);
}

/** The latest meeting of a series (for the attendees of a new one), or undefined. */
export function latestInSeries<M extends Placed & { series: string }>(series: string, all: readonly M[]): M | undefined {
  const key = seriesKey(series);
  if (key === '') return undefined;
  return all.filter((m) => seriesKey(m.series) === key).sort(chronological).at(-1);
}

/**
 * The open action items carried over to a meeting (前回からの宿題): `linked` rows of the `earlier`
 * meetings (oldest first, as earlierInSeries gives them) whose status is not a closed code of the
 * project's issue.status list; ordered by meeting, then as they were created.
 */
export function openCarriedOver<I extends { id: number; meetingId: number | null; status: string }>(
  earlier: readonly Placed[],
  linked: readonly I[],
  closed: ReadonlySet<string>,
): I[] {
  const rank = new Map(earlier.map((m, i) => [m.id, i]));
  return linked
    .filter((r) => r.meetingId !== null && rank.has(r.meetingId) && !closed.has(r.status))
    .sort((a, b) => rank.get(a.meetingId!)! - rank.get(b.meetingId!)! || a.id - b.id);
}

// ---------------------------------------------------------------- final (確定)

/**
 * Why a change to the minutes themselves is refused: final minutes are read-only until reopened.
 * (Their action items are not: they live on in the issue log, where they are closed.)
 */
export function finalRefusal(m: { id: number; title: string; final: boolean }, doing: 'edited' | 'deleted'): ApiError | null {
  if (!m.final) return null;
  const name = m.title === '' ? `Meeting ${m.id}` : `Meeting ${m.id} "${m.title}"`;
  return textError('CONFLICT', doing === 'edited' ? 'meeting.finalNoEdit' : 'meeting.finalNoDelete', { title: m.title }, `${name} is final (確定) and cannot be ${doing}; reopen it first`, { field: 'final', id: m.id });
}

// ---------------------------------------------------------------- copy as the next meeting

/** Attendees of an earlier meeting for a new one: who is expected, so everyone starts as present. */
export function expectedAttendees(attendees: readonly Attendee[]): Attendee[] {
  return attendees.map((a) => ({ ...a, present: true }));
}

/**
 * What a meeting copied as the start of the next one keeps: the header (title, kind, series, times,
 * place, online, facilitator, recorder, purpose, distribution), the attendees (all present again) and
 * the agenda titles. Not kept: the date (a new meeting has none until it is set), materials, notes,
 * decisions, the next-meeting line, and actions (those of the source show up as carried over when the
 * series is the same, while they are open).
 */
export function copyForNext(source: MeetingFields): Partial<MeetingFields> {
  return {
    title: source.title,
    kind: source.kind,
    series: source.series,
    startsAt: source.startsAt,
    endsAt: source.endsAt,
    place: source.place,
    online: source.online,
    facilitator: source.facilitator,
    recorder: source.recorder,
    purpose: source.purpose,
    distribution: source.distribution,
    attendees: expectedAttendees(source.attendees),
    agenda: source.agenda.map((a) => ({ title: a.title, notes: '' })),
  };
}

// ---------------------------------------------------------------- text search

/** Where a search can match, in the order `matches` lists them. */
export const MATCH_PLACES = ['title', 'purpose', 'agenda', 'notes', 'decisions', 'actions'] as const;
export type MatchPlace = (typeof MATCH_PLACES)[number];

/** Text as searched: full-width folded (ＡＢＣ → abc, ｶﾅ → カナ) and case-insensitive. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The words of a query (split on any space, full-width included); none for a blank query. */
export function queryTerms(query: string | undefined): string[] {
  return foldText(query ?? '')
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * Where every term of the query is found (each term somewhere in the meeting), or null when some term
 * is found nowhere. `texts` are the searchable texts of one meeting by place.
 */
export function matchPlaces(terms: readonly string[], texts: Record<MatchPlace, readonly string[]>): MatchPlace[] | null {
  const folded = MATCH_PLACES.map((p) => [p, texts[p].map(foldText)] as const);
  const hit = new Set<MatchPlace>();
  for (const term of terms) {
    let found = false;
    for (const [place, values] of folded)
      if (values.some((v) => v.includes(term))) {
        hit.add(place);
        found = true;
      }
    if (!found) return null;
  }
  return MATCH_PLACES.filter((p) => hit.has(p));
}
