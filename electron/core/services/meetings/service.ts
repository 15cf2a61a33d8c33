// Meeting minutes (議事録). Header fields live in columns, the lists inside one meeting (attendees,
// agenda with notes, decisions, …) in the `body` JSON. Action items are rows of the issue/action log
// with meetingId = the meeting, so the log and the minutes show one row: closing it in either place
// closes it in both, and `actions` / `carriedOver` are read from the log on every get.
//
// Every write is one batch whose audit rows generic undo replays (entity 'meeting': create = full
// snapshot, update = changed columns with `body` as one value, delete = full snapshot).
//
// Final (確定) minutes are read-only: update and delete are refused with CONFLICT until the meeting is
// reopened; finalize and reopen are batches of their own ('meeting.finalize' / 'meeting.reopen').
// Action items stay editable in the log after the minutes are final — they are tracked there, and the
// issue asks that closing one in either place closes it in both — so issue.* never checks `final`.
import type { Meeting, MeetingFields, MeetingSummary } from '../../../common/meetings.js';
import { closedCodes, type Issue, type Vocabularies } from '../../../common/registers.js';
import { textError } from '../../../common/errors.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { actionCountsByMeeting, actionTextsOfProject, issueRowsOfMeetings, meetingRowsNewestFirst } from '../../db/queries/meetings.js';
import { inBatch, type Actor, type Batch } from '../../batch.js';
import { issueStore, meetingStore } from '../../entities.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import type { DtoContext } from '../registers/engine.js';
import { issues } from '../registers/index.js';
import type { RegisterRow } from '../registers/stores.js';
import {
  columnsOf,
  copyForNext,
  COLUMN_FIELDS,
  EMPTY_FIELDS,
  earlierInSeries,
  expectedAttendees,
  fieldProblems,
  fieldsOf,
  finalRefusal,
  latestInSeries,
  matchPlaces,
  openCarriedOver,
  queryTerms,
  type MatchPlace,
  type MeetingRow,
} from './rules.js';

export const ENTITY = 'meeting';

export interface RunOptions {
  /** The user's calendar day (yyyy-mm-dd) for overdue and age; tests pin it. */
  today?: string;
}

type IssueRow = ReturnType<typeof issueStore.fromRaw>;

// ---------------------------------------------------------------- reading

function requireMeeting(db: Db, id: number): MeetingRow {
  return meetingStore.require(db, id, `Meeting ${id}`);
}

/**
 * A log row as the issue register shows it: the same rule as issue.list's DTO (registers/index.ts,
 * which does not export it for one row), so overdue and age agree with the log; the meetings test
 * compares the two.
 */
/** An action item as the issue register answers it (overdue and age by the register's own rule). */
function issueDto(row: IssueRow, ctx: DtoContext): Issue {
  return issues.dto(row as unknown as RegisterRow, ctx);
}

function projectMeetings(db: Db, projectId: number): MeetingRow[] {
  return meetingStore.inProject(db, projectId);
}

function linkedIssues(db: Db, meetingIds: readonly number[]): IssueRow[] {
  if (meetingIds.length === 0) return [];
  return issueRowsOfMeetings(db, meetingIds).map(issueStore.fromRaw);
}

function toMeeting(db: Db, row: MeetingRow, opts: RunOptions): Meeting {
  const ctx = issues.context(db, row.projectId, opts);
  const closed = closedCodes(ctx.vocab['issue.status']);
  const actions = linkedIssues(db, [row.id]).map((r) => issueDto(r, ctx));
  const earlier = earlierInSeries(row, projectMeetings(db, row.projectId));
  const linked = linkedIssues(
    db,
    earlier.map((m) => m.id),
  );
  const carriedOver = openCarriedOver(earlier, linked, closed).map((r) => issueDto(r, ctx));

  return {
    id: row.id,
    projectId: row.projectId,
    ...fieldsOf(row),
    final: row.final,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    actions,
    carriedOver,
  };
}

export function getMeeting(db: Db, id: number, opts: RunOptions = {}): Meeting {
  return toMeeting(db, requireMeeting(db, id), opts);
}

export interface ListFilter {
  query?: string;
  from?: string;
  to?: string;
}

/**
 * The project's meetings, newest first: undated ones (drafts of meetings to come) on top, then by
 * date descending, then by id descending. `from` / `to` bound the date (inclusive; undated meetings
 * are then left out). `query`: every word must appear somewhere in the title, purpose, agenda titles,
 * notes, decisions or the title/detail of a linked action; `matches` names where words were found.
 */
export function listMeetings(db: Db, projectId: number, filter: ListFilter = {}): MeetingSummary[] {
  getProjectRow(db, projectId);
  const rows = meetingRowsNewestFirst(db, projectId, filter.from, filter.to).map(meetingStore.fromRaw);

  const closed = closedCodes(loadVocabularies(db, projectId)['issue.status']);
  const counts = new Map<number, { all: number; open: number }>();
  for (const c of actionCountsByMeeting(db, projectId)) {
    const m = counts.get(c.meetingId) ?? { all: 0, open: 0 };
    m.all += c.n;
    if (!closed.has(c.status)) m.open += c.n;
    counts.set(c.meetingId, m);
  }

  const terms = queryTerms(filter.query);
  const actionTexts = new Map<number, string[]>();
  if (terms.length > 0) {
    for (const l of actionTextsOfProject(db, projectId)) {
      const texts = actionTexts.get(l.meetingId) ?? [];
      texts.push(l.title, l.detail);
      actionTexts.set(l.meetingId, texts);
    }
  }

  const out: MeetingSummary[] = [];
  for (const row of rows) {
    const f = fieldsOf(row);
    let matches: MatchPlace[] | null = null;
    if (terms.length > 0) {
      matches = matchPlaces(terms, {
        title: [f.title],
        purpose: [f.purpose],
        agenda: f.agenda.map((a) => a.title),
        notes: f.agenda.map((a) => a.notes),
        decisions: f.decisions.map((d) => d.text),
        actions: actionTexts.get(row.id) ?? [],
      });
      if (!matches) continue;
    }
    const c = counts.get(row.id) ?? { all: 0, open: 0 };
    out.push({
      id: row.id,
      title: f.title,
      kind: f.kind,
      series: f.series,
      heldOn: f.heldOn,
      final: row.final,
      decisionCount: f.decisions.length,
      actionCount: c.all,
      openActionCount: c.open,
      ...(matches ? { matches } : {}),
    });
  }
  return out;
}

// ---------------------------------------------------------------- writing

/** What the audit trail keeps of a row: all but updated_at, so a restored row keeps its created_at. */
function snapshot(row: MeetingRow): Omit<MeetingRow, 'updatedAt'> {
  const { updatedAt: _u, ...rest } = row;
  return rest;
}

function refuseProblems(label: string, prefix: 'patch' | 'values', merged: MeetingFields, given: object, vocab: Vocabularies): void {
  const problems = fieldProblems(
    merged,
    Object.keys(given),
    vocab['meeting.kind'].items.map((i) => i.code),
  ).map((p) => ({ field: `${prefix}.${p.field}`, message: p.message }));
  if (problems.length > 0) throw textError('VALIDATION', 'cellsRefused', { count: problems.length }, `${label}: ${problems[0]!.field}: ${problems[0]!.message}`, problems);
}

function refuseFinal(row: MeetingRow, doing: 'edited' | 'deleted'): void {
  const refusal = finalRefusal(row, doing);
  if (refusal) throw refusal;
}

/**
 * A new meeting. With `fromMeetingId` it starts as a copy of that meeting (see copyForNext); without,
 * a meeting of an existing series starts with the attendees of that series' latest meeting (all
 * present). `values` win over both.
 */
export function createMeeting(
  db: Db,
  actor: Actor,
  projectId: number,
  values: Partial<MeetingFields> = {},
  fromMeetingId?: number,
  opts: RunOptions = {},
): Meeting {
  getProjectRow(db, projectId);
  const id = inBatch(db, actor, 'meeting.create', projectId, (batch) => createMeetingIn(db, batch, projectId, values, fromMeetingId));
  return getMeeting(db, id, opts);
}

/** createMeeting inside a batch the caller opened (a form import adds the actions to it); answers the id. */
export function createMeetingIn(db: Db, batch: Batch, projectId: number, values: Partial<MeetingFields> = {}, fromMeetingId?: number): number {
  const vocab = loadVocabularies(db, projectId);
  let base: Partial<MeetingFields> = {};
  if (fromMeetingId !== undefined) {
    const source = meetingStore.get(db, fromMeetingId);
    if (!source || source.projectId !== projectId)
      throw textError('NOT_FOUND', 'meeting.gone', { id: fromMeetingId }, `Meeting ${fromMeetingId} does not exist in this project`, { field: 'fromMeetingId', id: fromMeetingId });
    base = copyForNext(fieldsOf(source));
  } else if (values.series !== undefined && values.attendees === undefined) {
    const latest = latestInSeries(values.series, projectMeetings(db, projectId));
    if (latest) base = { attendees: expectedAttendees(fieldsOf(latest).attendees) };
  }
  const fields: MeetingFields = { ...EMPTY_FIELDS, ...base, ...values };
  refuseProblems('meeting.create', 'values', fields, values, vocab);
  const row = meetingStore.insert(db, { projectId, ...columnsOf(fields) });
  batch.record(ENTITY, row.id, 'create', null, snapshot(row));
  return row.id;
}

/** Writes the changed columns (the whole body when any list or body field changed); refused while final. */
export function updateMeeting(db: Db, actor: Actor, id: number, patch: Partial<MeetingFields>, opts: RunOptions = {}): Meeting {
  const { projectId } = requireMeeting(db, id);
  inBatch(db, actor, 'meeting.update', projectId, (batch) => {
    const row = requireMeeting(db, id);
    refuseFinal(row, 'edited');
    const merged: MeetingFields = { ...fieldsOf(row), ...patch };
    refuseProblems('meeting.update', 'patch', merged, patch, loadVocabularies(db, projectId));
    const next = columnsOf(merged, row.body);
    // The stored body as this version would write it, so a body written in another key order (or
    // holding a list that no longer reads) is not rewritten by an edit that changes none of it.
    const storedBody = columnsOf(fieldsOf(row), row.body).body;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of [...COLUMN_FIELDS, 'body'] as const) {
      const was = f === 'body' ? storedBody : row[f];
      if (JSON.stringify(was) === JSON.stringify(next[f])) continue;
      before[f] = row[f];
      after[f] = next[f];
    }
    if (Object.keys(after).length === 0) return;
    meetingStore.update(db, id, after as Partial<MeetingRow>);
    batch.record(ENTITY, id, 'update', before, after);
  });
  return getMeeting(db, id, opts);
}

/**
 * Deletes the minutes; their action items stay in the log, unlinked. The unlinking is written (and
 * audited) before the delete, so undo puts the meeting back and then links the actions to it again.
 */
export function deleteMeeting(db: Db, actor: Actor, id: number): { deleted: number } {
  const { projectId } = requireMeeting(db, id);
  return inBatch(db, actor, 'meeting.delete', projectId, (batch) => {
    const row = requireMeeting(db, id);
    refuseFinal(row, 'deleted');
    for (const issue of linkedIssues(db, [id])) {
      issueStore.update(db, issue.id, { meetingId: null });
      batch.record('issue', issue.id, 'update', { meetingId: id }, { meetingId: null });
    }
    batch.record(ENTITY, id, 'delete', snapshot(row), null);
    meetingStore.remove(db, id);
    return { deleted: 1 };
  });
}

/**
 * Marks the minutes final (true) or reopens them (false), as a batch of its own with the audit row
 * final false→true / true→false. Already in that state: nothing is written (a second click, or a
 * second window, changes nothing).
 */
export function setFinal(db: Db, actor: Actor, id: number, final: boolean, opts: RunOptions = {}): Meeting {
  const { projectId } = requireMeeting(db, id);
  inBatch(db, actor, final ? 'meeting.finalize' : 'meeting.reopen', projectId, (batch) => {
    const row = requireMeeting(db, id);
    if (row.final === final) return;
    meetingStore.update(db, id, { final });
    batch.record(ENTITY, id, 'update', { final: row.final }, { final });
  });
  return getMeeting(db, id, opts);
}
