// The schedule's statements: the project's tasks and links as arrays for the network (CPM), the links
// of a task, and the dates a reschedule writes. The services (schedule.ts, schedule-edits.ts, wbs.ts)
// call these and hold no SQL; whole link and calendar rows go through their table stores.
import type { SqlDb } from '../sql.js';

/**
 * A task as the network reads it. SQLite hands back numbers far cheaper than strings, so dates come as
 * day numbers (days since 1970-01-01, as calendar.ts dayOf counts them) and the mode as 0/1; a bad or
 * missing date is null.
 */
export type NetworkTaskRow = [
  id: number,
  parentId: number | null,
  start: number | null,
  finish: number | null,
  duration: number | null,
  auto: number,
  milestone: number,
];

/** The project's tasks, siblings together, by position then id (the (project_id, parent_id, position) index). */
export function networkTasks(db: SqlDb, projectId: number): NetworkTaskRow[] {
  return db.sql.values<NetworkTaskRow>(
    `SELECT id, parent_id,
       CAST(julianday(planned_start) - 2440587.5 AS INTEGER), CAST(julianday(planned_finish) - 2440587.5 AS INTEGER),
       duration, scheduling = 'auto', milestone
     FROM wbs_tasks WHERE project_id = ? ORDER BY parent_id NULLS FIRST, position, id`,
    [projectId],
  );
}

/** A link's type as the network's number: its index here (cpm.ts FS, SS, FF, SF). */
export const LINK_TYPE_CODES = ['FS', 'SS', 'FF', 'SF'] as const;

/**
 * [predecessor, successor, type as its code, lag] of every link of the project: numbers only, since
 * SQLite hands back a number far cheaper than a string (a quarter less time for 10,000 links).
 */
export function networkLinks(db: SqlDb, projectId: number): [number, number, number, number][] {
  return db.sql.values(NETWORK_LINKS_SQL, [projectId]);
}
// Built once: the network is read on every schedule and reschedule.
const NETWORK_LINKS_SQL = `SELECT predecessor_id, successor_id, CASE type ${LINK_TYPE_CODES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} END, lag_days
     FROM wbs_dependencies WHERE project_id = ?`;

/** [predecessor, successor, type, lag] of the project's links (of those into `successors` when given), by id. */
export function linksInOrder<T extends string>(db: SqlDb, projectId: number, successors?: readonly number[]): [number, number, T, number][] {
  return successors
    ? db.sql.values('SELECT predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE successor_id IN (SELECT value FROM json_each(?)) ORDER BY id', [
        JSON.stringify(successors),
      ])
    : db.sql.values('SELECT predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE project_id = ? ORDER BY id', [projectId]);
}

export function projectHasLinks(db: SqlDb, projectId: number): boolean {
  return db.sql.get('SELECT 1 AS x FROM wbs_dependencies WHERE project_id = ? LIMIT 1', [projectId]) !== undefined;
}

/** Every link from or to the task, as stored rows (for the table store's mapping). */
export function linkRowsOfTask(db: SqlDb, taskId: number): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM wbs_dependencies WHERE predecessor_id = ? OR successor_id = ?', [taskId, taskId]);
}

/** Every link of the project as stored rows, by id. */
export function linkRowsOfProject(db: SqlDb, projectId: number): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM wbs_dependencies WHERE project_id = ? ORDER BY id', [projectId]);
}

/** Every link into the task, as stored rows. */
export function linkRowsInto(db: SqlDb, successorId: number): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM wbs_dependencies WHERE successor_id = ?', [successorId]);
}

/** The project's working calendar as its stored row, if it has one (else the default calendar holds). */
export function calendarRowOf(db: SqlDb, projectId: number): Record<string, unknown> | undefined {
  return db.sql.get('SELECT * FROM project_calendars WHERE project_id = ?', [projectId]);
}

/** The link from `predecessorId` to `successorId`, if there is one. */
export function linkBetween(db: SqlDb, predecessorId: number, successorId: number): number | undefined {
  return db.sql.get<{ id: number }>('SELECT id FROM wbs_dependencies WHERE predecessor_id = ? AND successor_id = ?', [predecessorId, successorId])?.id;
}

/** The place of every task of the project (for WBS codes). */
export function taskPlaces(db: SqlDb, projectId: number): { id: number; parentId: number | null; position: number }[] {
  return db.sql.all('SELECT id, parent_id AS parentId, position FROM wbs_tasks WHERE project_id = ?', [projectId]);
}

/** Rescheduled tasks' new dates, column by column: task `ids[k]` gets `plannedStart[k]`, `plannedFinish[k]`. */
export interface PlannedDates {
  ids: readonly number[];
  plannedStart: readonly (string | null)[];
  plannedFinish: readonly (string | null)[];
}

/**
 * Writes rescheduled tasks' dates (the caller audits them), up to DATES_PER_UPDATE tasks per UPDATE
 * from a VALUES list. A reschedule moves thousands of tasks: one UPDATE per task spent more in the
 * calls into the driver than in SQLite (A/B in one process, 10,000 tasks: 1–3 ms of a ~22 ms edit), and
 * on PostgreSQL each is a statement of its own. A remainder goes in power-of-two parts, so at most eight
 * statement texts are ever prepared. Sent (Sql.send): none of them waits for its answer. Columns, not a
 * row per task: the reschedule has them so, and a tuple per task was garbage its edit paid for.
 */
export function setPlannedDates(db: SqlDb, dates: PlannedDates, updatedAt: string): void {
  const { ids, plannedStart, plannedFinish } = dates;
  const { arrayText } = db.sql.dialect;
  if (arrayText) {
    // PostgreSQL planned a VALUES list of 64 or 128 rows as a hash join over every task of a 10,000-task
    // project (~1.7 ms a statement, 79 of them for 10,000 tasks). One statement over the three lists as
    // arrays, whatever the count: a few tasks are sought by the primary key, and for hundreds the planner
    // may read the table once instead, never once per 128 (pg-plans.test.ts).
    if (ids.length > 0) db.sql.send(DATES_FROM_ARRAYS, [updatedAt, arrayText(ids), arrayText(plannedStart), arrayText(plannedFinish)]);
    return;
  }
  for (let at = 0; at < ids.length; ) {
    let size = DATES_PER_UPDATE;
    while (size > ids.length - at) size >>= 1;
    // Made at its size: on PostgreSQL the array is held until the statement is sent, so never reused.
    const params = new Array<unknown>(1 + 3 * size);
    params[0] = updatedAt;
    for (let k = 0, p = 1; k < size; k++) {
      params[p++] = plannedStart[at + k];
      params[p++] = plannedFinish[at + k];
      params[p++] = ids[at + k];
    }
    db.sql.send(datesUpdate(size), params);
    at += size;
  }
}
const DATES_PER_UPDATE = 128;
const DATES_FROM_ARRAYS = `UPDATE wbs_tasks SET planned_start = v.s, planned_finish = v.f, updated_at = ?
  FROM unnest(CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS text[])) AS v(id, s, f) WHERE wbs_tasks.id = v.id`;
const datesUpdates = new Map<number, string>();
// VALUES columns are column1… in SQLite and PostgreSQL alike; PostgreSQL types unknown parameters there
// as text, so the id is cast (SQLite still looks each task up by its rowid).
const datesUpdate = (size: number) => {
  let text = datesUpdates.get(size);
  if (!text) {
    text = `UPDATE wbs_tasks SET planned_start = v.column1, planned_finish = v.column2, updated_at = ?
      FROM (VALUES ${Array.from({ length: size }, () => '(?, ?, ?)').join(', ')}) AS v WHERE wbs_tasks.id = CAST(v.column3 AS INTEGER)`;
    datesUpdates.set(size, text);
  }
  return text;
};

/** Clears the predecessors text of a task whose text became links (the caller audits it). */
export function clearPredecessorsText(db: SqlDb, id: number): void {
  db.sql.send("UPDATE wbs_tasks SET predecessors = '' WHERE id = ?", [id]);
}

/**
 * The successors of the links batch `batchId` made, changed or removed: create and delete rows hold the
 * whole link; an update row only the fields it changed, so its successor is read from the link itself.
 */
export function linkSuccessorsAuditedIn(db: SqlDb, batchId: string, linkEntity: string): (number | null)[] {
  return db.sql
    .values<[number | null]>(
      `SELECT DISTINCT coalesce(CAST(a.after ->> '$.successorId' AS INTEGER), CAST(a.before ->> '$.successorId' AS INTEGER), d.successor_id)
       FROM audit_log a LEFT JOIN wbs_dependencies d ON d.id = a.entity_id
       WHERE a.batch_id = ? AND a.entity = ?`,
      [batchId, linkEntity],
    )
    .map((r) => r[0]);
}

/** The status date stored in each project's calendar row (null: not set). */
export function storedStatusDates(db: SqlDb): Map<number, string | null> {
  return new Map(db.sql.values<[number, string | null]>('SELECT project_id, status_date FROM project_calendars'));
}

/** The status date stored in the project's calendar row (null: not set, or no row). */
export function storedStatusDate(db: SqlDb, projectId: number): string | null {
  return db.sql.get<{ d: string | null }>('SELECT status_date AS d FROM project_calendars WHERE project_id = ?', [projectId])?.d ?? null;
}

/** The `after` of every audit row of `entity` (a reschedule's dates) batch `batchId` wrote. */
/** A batch's reschedule rows with their audit ids (the tasks they moved are in `after`). */
export function scheduleAuditRowsIn(db: SqlDb, batchId: string, entity: string): { id: number; after: string }[] {
  return db.sql.all<{ id: number; after: string }>('SELECT id, after FROM audit_log WHERE batch_id = ? AND entity = ? ORDER BY id', [batchId, entity]);
}

export function scheduleAuditsIn(db: SqlDb, batchId: string, entity: string): string[] {
  return db.sql.values<[string]>('SELECT after FROM audit_log WHERE batch_id = ? AND entity = ?', [batchId, entity]).map((r) => r[0]);
}

/** The network's row of each of `ids` (as networkTasks reads them), in no order; a missing id is left out. */
export function networkTasksById(db: SqlDb, ids: readonly number[]): NetworkTaskRow[] {
  return db.sql.values<NetworkTaskRow>(
    `SELECT id, parent_id,
       CAST(julianday(planned_start) - 2440587.5 AS INTEGER), CAST(julianday(planned_finish) - 2440587.5 AS INTEGER),
       duration, scheduling = 'auto', milestone
     FROM wbs_tasks WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
}

/** The first `limit` audit rows batch `batchId` has written so far: [entity, entity id, action, after]. */
export function auditsOfBatch(db: SqlDb, batchId: string, limit: number): [string, number, string, string | null][] {
  return db.sql.values('SELECT entity, entity_id, action, after FROM audit_log WHERE batch_id = ? ORDER BY id LIMIT ?', [batchId, limit]);
}
