// The rows the schedule's network is built from — a project's tasks in tree order and its links — and
// the copy of them kept in memory between edits.
//
// Why kept: an edit that reschedules a 10,000-task project read all of it again (17 of its 40 ms CPU)
// although the edit itself changed one task. The dates stay stored in wbs_tasks (every reader — the
// grid, history, undo/redo, wbsChangesOf, the portfolio's kept columns, exports, reports, team mode —
// reads them as before); only the schedule's own read is spared.
//
// When the copy is trusted (SQLite only: Sql.scheduleStamp; on a team database nothing is kept, since a
// colleague's commit cannot be seen without reading, and every reschedule reads as before):
//   1. The copy carries the database's schedule stamp of the moment it was true: how many rows of
//      tasks (their tree and dates), links and calendars this connection has written (temporary
//      triggers count them, cascades included; the count never goes back) and data_version (which
//      moves when another connection commits). Any such write since — an import, a restore of a
//      project, a write outside a batch, another process's commit of anything — moves the stamp, and
//      the next use reads again; a write of anything else (the search index, a register) does not. A copy read or patched inside a transaction has no stamp (its
//      writes may roll back) until its batch commits (Batch.afterCommit).
//   2. Inside a batch, the edit's own writes come before its reschedule, so the stamp has moved. The
//      copy is used there only if it was true as the batch began (Batch.startStamp) and the batch's own
//      audit rows so far are updates of tasks that leave the tree as it was (no parentId, position or
//      projectId among their fields): those tasks' rows are read again by id. Anything else the batch
//      did — a task made or removed, a link, a calendar, an undone reschedule, more than a few dozen
//      rows — reads the whole project again. This leans on the rule every write here keeps: a change of
//      a task or link is audited in its batch (undo depends on it too).
//   3. The reschedule patches the dates it wrote into the copy and keeps it for its batch's commit,
//      stamped then if the batch recorded nothing after the reschedule.
// A workspace reopened (restore, team switch) is a new connection and starts with nothing kept.
import type { SqlDb as Db } from '../db/sql.js';
import type { Batch } from '../batch.js';
import { NO_DATE } from '../schedule/cpm.js';
import { dayOfYmd } from '../../common/schedule/calendar.js';
import * as q from '../db/queries/schedule.js';

/** As wbs.ts names it (that module imports schedule.ts, which imports this one). */
const TASK_ENTITY = 'wbs_task';

// Tasks as arrays with dates as day numbers and the mode as 0/1 (queries/schedule.ts networkTasks).
export type TaskRow = q.NetworkTaskRow;

/** The tasks of a project in tree order (parents first, siblings by position then id), as arrays. */
export interface Tasks {
  n: number;
  id: Int32Array;
  /** Parent's index in this order, or -1. */
  parent: Int32Array;
  /** Typed start and finish as day numbers, or NO_DATE. */
  startDay: Int32Array;
  finishDay: Int32Array;
  auto: Uint8Array;
  rows: TaskRow[];
  /** Task id → its index in this order. */
  index: Map<number, number>;
}

/** What the network is built from: the tasks, and the links as [predecessor, successor, type code, lag]. */
export interface NetworkRows {
  tasks: Tasks;
  links: [number, number, number, number][];
}

function readTasks(db: Db, projectId: number): Tasks {
  return tasksOf(q.networkTasks(db, projectId));
}

/** Tasks in tree order from rows as networkTasks answers them (siblings together, by position then id). */
function tasksOf(rows: TaskRow[]): Tasks {
  const n = rows.length;
  // Rows arrive grouped by parent; walk the groups depth first from the top level (parent NULL sorts first).
  // Each parent's group of rows, [first, last]: one entry per parent, not per row.
  const groups = new Map<number | null, [number, number]>();
  for (let r = 0; r < n; ) {
    const parentId = rows[r]![1];
    let last = r;
    while (last + 1 < n && rows[last + 1]![1] === parentId) last++;
    groups.set(parentId, [r, last]);
    r = last + 1;
  }
  const id = new Int32Array(n);
  const parent = new Int32Array(n);
  const startDay = new Int32Array(n);
  const finishDay = new Int32Array(n);
  const auto = new Uint8Array(n);
  const ordered: TaskRow[] = new Array(n);
  const index = new Map<number, number>();
  // Stack of [row, parent's index]; each group is pushed last sibling first.
  const stackRow = new Int32Array(n);
  const stackParent = new Int32Array(n);
  let top = 0;
  const pushGroup = (parentId: number | null, parentIdx: number) => {
    const group = groups.get(parentId);
    if (group === undefined) return;
    const [first, last] = group;
    for (let r = last; r >= first; r--) {
      stackRow[top] = r;
      stackParent[top++] = parentIdx;
    }
  };
  pushGroup(null, -1);
  let i = 0;
  while (top > 0) {
    const r = stackRow[--top]!;
    const row = rows[r]!;
    ordered[i] = row;
    id[i] = row[0];
    index.set(row[0], i);
    parent[i] = stackParent[top]!;
    startDay[i] = row[2] ?? NO_DATE;
    finishDay[i] = row[3] ?? NO_DATE;
    auto[i] = row[5];
    pushGroup(row[0], i);
    i++;
  }
  // Rows under a parent of another project or none (never written by PMO Desk) are left out, as before.
  return {
    n: i,
    id: id.subarray(0, i),
    parent: parent.subarray(0, i),
    startDay: startDay.subarray(0, i),
    finishDay: finishDay.subarray(0, i),
    auto: auto.subarray(0, i),
    rows: ordered.slice(0, i),
    index,
  };
}

/** A well-formed yyyy-mm-dd, whose day number dayOfYmd gives as SQLite's julianday does (a 31st of a shorter month too). */
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// By arithmetic: calendar.ts dayOf's Date per date was a third of the rows' build.
const dayNumber = (iso: string) => dayOfYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/**
 * The network's rows of a project whose every task was just inserted from `rows` (an import into a
 * project without tasks: what readNetworkRows would read back, without reading 100,000 rows again), or
 * null when a date is not one SQLite reads as a day (networkTasks: julianday). The links are read (a few
 * thousand rows at most).
 */
export function insertedNetworkRows(
  db: Db,
  projectId: number,
  rows: readonly { id: number; parentId: number | null; position: number; plannedStart: string | null; plannedFinish: string | null; duration: number | null; scheduling: string; milestone: boolean }[],
): NetworkRows | null {
  // Siblings together (any order of the groups), each group by position then id, as networkTasks' ORDER BY.
  const groups = new Map<number | null, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if ((r.plannedStart !== null && !ISO_DAY.test(r.plannedStart)) || (r.plannedFinish !== null && !ISO_DAY.test(r.plannedFinish))) return null;
    const list = groups.get(r.parentId);
    if (list) list.push(i);
    else groups.set(r.parentId, [i]);
  }
  const after = (a: number, b: number) => rows[a]!.position - rows[b]!.position || rows[a]!.id - rows[b]!.id;
  const ordered: TaskRow[] = new Array(rows.length);
  let k = 0;
  for (const list of groups.values()) {
    for (let i = 1; i < list.length; i++)
      if (after(list[i - 1]!, list[i]!) > 0) {
        list.sort(after);
        break;
      }
    for (const i of list) {
      const r = rows[i]!;
      ordered[k++] = [r.id, r.parentId, r.plannedStart === null ? null : dayNumber(r.plannedStart), r.plannedFinish === null ? null : dayNumber(r.plannedFinish), r.duration, r.scheduling === 'auto' ? 1 : 0, r.milestone ? 1 : 0];
    }
  }
  return { tasks: tasksOf(ordered), links: q.networkLinks(db, projectId) };
}

/** The project's rows read from the database (what the kept copy must always equal). */
export function readNetworkRows(db: Db, projectId: number): NetworkRows {
  return { tasks: readTasks(db, projectId), links: q.networkLinks(db, projectId) };
}

interface Kept {
  rows: NetworkRows;
  /** The change stamp at which `rows` were the database's; null while a batch that changed them is open. */
  stamp: string | null;
}

/** Per connection (its Sql seam), per project; a few projects at a time (the ones being edited). */
const keptBy = new WeakMap<object, Map<number, Kept>>();
const MAX_PROJECTS = 8;
/** A batch with more audit rows than this before its reschedule reads the project again. */
const MAX_PATCHED = 64;

/** How often the copy was used and how often the project was read, per connection (for tests and the bench). */
const counts = new WeakMap<object, { kept: number; read: number }>();
export function networkReads(db: Db): { kept: number; read: number } {
  return { ...(counts.get(db.sql) ?? { kept: 0, read: 0 }) };
}
function count(db: Db, which: 'kept' | 'read'): void {
  const c = counts.get(db.sql) ?? { kept: 0, read: 0 };
  c[which]++;
  counts.set(db.sql, c);
}

/**
 * The project's rows: the kept copy when it is still the database's (see the top of this module), else
 * read. Within `batch`, a copy true as the batch began is brought up to the batch's own task updates.
 * The answer may be the kept copy itself: read it, never change it (only keepRescheduled does).
 */
export function networkRows(db: Db, projectId: number, batch?: Batch): NetworkRows {
  const stamp = db.sql.scheduleStamp();
  if (!stamp) return readNetworkRows(db, projectId);
  let kept = keptBy.get(db.sql);
  if (!kept) keptBy.set(db.sql, (kept = new Map()));
  const entry = kept.get(projectId);
  if (entry && entry.stamp !== null) {
    if (entry.stamp === stamp.text) {
      count(db, 'kept');
      return entry.rows;
    }
    if (batch && entry.stamp === batch.startStamp) {
      // From here the copy changes with the batch: no stamp until it commits.
      entry.stamp = null;
      if (patchFromBatch(db, entry.rows, batch)) {
        count(db, 'kept');
        return entry.rows;
      }
    }
  }
  count(db, 'read');
  const rows = readNetworkRows(db, projectId);
  kept.delete(projectId);
  // Read outside any transaction, it is the committed state: kept as is. Inside one it may roll back;
  // a reschedule keeps it for its batch's commit (keepRescheduled).
  if (!stamp.inTransaction) keep(kept, projectId, { rows, stamp: stamp.text });
  return rows;
}

function keep(kept: Map<number, Kept>, projectId: number, entry: Kept): void {
  kept.set(projectId, entry);
  if (kept.size > MAX_PROJECTS) kept.delete(kept.keys().next().value!);
}

/**
 * Brings `rows` up to what `batch` has written so far, if all of it is updates of tasks that leave the
 * tree as it was (their rows read again by id); false (and `rows` not to be used) otherwise.
 */
function patchFromBatch(db: Db, rows: NetworkRows, batch: Batch): boolean {
  const audits = q.auditsOfBatch(db, batch.id, MAX_PATCHED + 1);
  if (audits.length > MAX_PATCHED) return false;
  const ids = new Set<number>();
  for (const [entity, entityId, action, after] of audits) {
    if (entity !== TASK_ENTITY || action !== 'update' || after === null) return false;
    const fields = JSON.parse(after) as Record<string, unknown>;
    if ('parentId' in fields || 'position' in fields || 'projectId' in fields) return false;
    ids.add(entityId);
  }
  if (ids.size === 0) return true;
  const { tasks } = rows;
  const fresh = q.networkTasksById(db, [...ids]);
  if (fresh.length !== ids.size) return false;
  for (const row of fresh) {
    const i = tasks.index.get(row[0]);
    if (i === undefined || tasks.rows[i]![1] !== row[1]) return false;
    tasks.rows[i] = row;
    tasks.startDay[i] = row[2] ?? NO_DATE;
    tasks.finishDay[i] = row[3] ?? NO_DATE;
    tasks.auto[i] = row[5];
  }
  return true;
}

/**
 * After a reschedule wrote `moved` (task indexes into `rows`, with the day numbers written, NO_DATE for
 * none): the same dates go into `rows`, which are kept for the batch's commit and stamped then, unless
 * the batch recorded more after this (a later write might not be in the copy).
 */
export function keepRescheduled(db: Db, projectId: number, batch: Batch, rows: NetworkRows, moved: { i: Int32Array; start: Int32Array; finish: Int32Array }): void {
  const { tasks } = rows;
  for (const i of moved.i) {
    const s = moved.start[i]!;
    const f = moved.finish[i]!;
    tasks.startDay[i] = s;
    tasks.finishDay[i] = f;
    const row = tasks.rows[i]!;
    row[2] = s === NO_DATE ? null : s;
    row[3] = f === NO_DATE ? null : f;
  }
  const kept = keptBy.get(db.sql);
  if (!kept || db.sql.scheduleStamp() === null) return;
  const entry: Kept = { rows, stamp: null };
  kept.delete(projectId);
  keep(kept, projectId, entry);
  const recorded = batch.recorded;
  batch.afterCommit(() => {
    if (batch.recorded !== recorded || kept.get(projectId) !== entry) return;
    entry.stamp = db.sql.scheduleStamp()!.text;
  });
}
