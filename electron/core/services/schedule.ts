// The schedule over the WBS: the project's working calendar, the network of tasks and links as arrays,
// the critical path, rescheduling, and the predecessors column as text. Every write that can move dates
// (a link, the calendar, a task's dates, duration, mode or place in the tree) reschedules inside its own
// batch (wbs.ts rescheduleIn), so the moved automatic tasks and their summaries are one undo step with
// the edit that moved them; the dates a reschedule moves are audited as one row (SCHEDULE_ENTITY below).
// The network's rows are kept in memory between edits where that is sound (schedule-network.ts).
// The API's writes of links and calendar are in schedule-edits.ts.
import type { Dependency, ScheduledTask, ScheduleResult } from '../../common/api/schedule.js';
import { ApiError, textError } from '../../common/errors.js';
import type { WbsMovedDates } from '../../common/dto.js';
import type { LinksProblem } from '../../common/schedule/links-text.js';
import { DEFAULT_CALENDAR, dayOf, isoOf, workCalendar, type CalendarSettings, type WorkCalendar } from '../../common/schedule/calendar.js';
import { formatLinks, LINK_TYPES, parseLinks, type LinkType } from '../../common/schedule/links-text.js';
import { localToday } from '../../common/dates.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import { calendarStore, dependencyStore, wbsStore } from '../entities.js';
import { computeCpm, CycleError, NO_DATE, type CpmInput, type CpmResult } from '../schedule/cpm.js';
import { nationalHolidays } from '../schedule/holidays.js';
import { getProjectRow } from './projects.js';
import { treeOrder } from './rollup.js';
import { codeLookup, type CodeLookup, type TreeNode } from '../../common/wbs-tree.js';
import * as q from '../db/queries/schedule.js';
import { hasSubtasks as taskHasSubtasks, schedulingOf, withSubtasks, type ProjectScheduling } from '../db/queries/wbs.js';
import { keepRescheduled, networkRows, type NetworkRows, type Tasks } from './schedule-network.js';


/** As wbs.ts names it (that module imports this one, so the name is not imported back). */
const TASK_ENTITY = 'wbs_task';
export const DEPENDENCY_ENTITY = 'wbs_dependency';
export const CALENDAR_ENTITY = 'project_calendar';

export type DependencyRow = Dependency & { createdAt: string };
export type CalendarRow = CalendarSettings & { id: number; projectId: number; updatedAt: string };

// ---- calendar ------------------------------------------------------------------------------------

export function calendarRow(db: Db, projectId: number): CalendarRow | undefined {
  const raw = q.calendarRowOf(db, projectId);
  return raw && (calendarStore.fromRaw(raw) as unknown as CalendarRow);
}

export function calendarSettings(db: Db, projectId: number): CalendarSettings {
  const row = calendarRow(db, projectId);
  if (!row) return structuredClone(DEFAULT_CALENDAR);
  const { workingWeekdays, nationalHolidays: holidays, daysOff, workingDays, statusDate } = row;
  return { workingWeekdays, nationalHolidays: holidays, daysOff, workingDays, statusDate };
}

/**
 * Writes `patch` over the project's calendar in `batch` (its row created on first change), audited;
 * false when it changes nothing. The caller reschedules.
 */
export function writeCalendarIn(db: Db, batch: Batch, projectId: number, patch: Partial<CalendarSettings>): boolean {
  const row = calendarRow(db, projectId);
  const current = calendarSettings(db, projectId);
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as CalendarSettings;
  if (JSON.stringify(next) === JSON.stringify(current)) return false;
  if (!row) {
    const created = calendarStore.insert(db, { projectId, ...next }) as unknown as CalendarRow;
    const { updatedAt: _u, ...snap } = created;
    batch.record(CALENDAR_ENTITY, created.id, 'create', null, snap);
  } else {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(next) as (keyof CalendarSettings)[])
      if (JSON.stringify(current[k]) !== JSON.stringify(next[k])) {
        before[k] = current[k];
        after[k] = next[k];
      }
    calendarStore.update(db, row.id, after);
    batch.record(CALENDAR_ENTITY, row.id, 'update', before, after);
  }
  return true;
}

// Building a calendar's tables takes ~1 ms; the same settings (almost always) give the same tables.
const calendars = new Map<string, WorkCalendar>();
export function workCalendarOf(settings: CalendarSettings): WorkCalendar {
  const key = JSON.stringify([settings.workingWeekdays, settings.nationalHolidays, settings.daysOff, settings.workingDays]);
  let cal = calendars.get(key);
  if (!cal) {
    if (calendars.size > 50) calendars.clear();
    calendars.set(key, (cal = workCalendar(settings, nationalHolidays())));
  }
  return cal;
}

// ---- the project as arrays ---------------------------------------------------------------------

// Dates out: a schedule's days cluster in a few hundred distinct days, so their strings are cached.
const isoCache = new Map<number, string>();
function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, (s = isoOf(day)));
  }
  return s;
}

export interface Network {
  /** The rows it was built from (the kept copy, maybe: read only). */
  source: NetworkRows;
  tasks: Tasks;
  /** WBS code of task i (derived on demand: only a refusal names tasks). */
  code(i: number): string;
  index: Map<number, number>;
  input: CpmInput;
  cal: WorkCalendar;
  /** Tasks with no dates of their own at all (they get dates only if automatic). */
  undated: Uint8Array;
}

const TYPE_CODE = Object.fromEntries(q.LINK_TYPE_CODES.map((t, i) => [t, i])) as Record<LinkType, number>;

/**
 * Tasks in tree order and links as typed arrays, with an extra link if given (to test for a cycle).
 * The rows come from schedule-network.ts, kept in memory between edits where that is sound; `batch`:
 * the batch this runs in, whose own task updates the kept rows can be brought up to.
 */
export function network(
  db: Db,
  projectId: number,
  today: string,
  extra?: { predecessorId: number; successorId: number; type: LinkType; lagDays: number },
  batch?: Batch,
  /** The rows when the caller has them (schedule-network.ts insertedNetworkRows). */
  source?: NetworkRows,
): Network {
  return networkOf(db, projectId, source ?? networkRows(db, projectId, batch), workCalendarOf(calendarSettings(db, projectId)), today, extra);
}

/**
 * network() over given rows and calendar: the import's fit to a file's dates (schedule-file-dates.ts)
 * tries several calendars on one read of the rows. `asManual`: task indexes taken as manual whatever
 * their mode (their stored dates kept).
 */
export function networkOf(
  db: Db,
  projectId: number,
  source: NetworkRows,
  cal: WorkCalendar,
  today: string,
  extra?: { predecessorId: number; successorId: number; type: LinkType; lagDays: number },
  asManual?: ReadonlySet<number>,
): Network {
  const { tasks } = source;
  const { n, rows, index } = tasks;

  const manual = new Uint8Array(n);
  const duration = new Int32Array(n);
  const start = new Int32Array(n);
  const finish = new Int32Array(n);
  const undated = new Uint8Array(n);
  let projectStart = NO_DATE;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const own = row[4];
    const zero = own === 0 || (own === null && row[6] === 1);
    const s = tasks.startDay[i]!;
    const f = tasks.finishDay[i]!;
    const hasS = s !== NO_DATE;
    const hasF = f !== NO_DATE;
    // A zero-length task sits at the end of its day (as MS Project's milestones): index after that day.
    const startIdx = !hasS ? NO_DATE : zero ? cal.onOrBefore(s) + 1 : cal.onOrAfter(s);
    const fromDates = hasS && hasF ? Math.max(0, cal.onOrBefore(f) + 1 - cal.onOrAfter(s)) : null;
    const d = zero ? 0 : (own ?? fromDates ?? 1);
    duration[i] = d;
    start[i] = startIdx;
    if (startIdx !== NO_DATE && (projectStart === NO_DATE || startIdx < projectStart)) projectStart = startIdx;
    if ((!tasks.auto[i] || asManual?.has(i)) && (hasS || hasF)) {
      manual[i] = 1;
      if (hasS && hasF) finish[i] = zero ? startIdx : Math.max(startIdx, cal.onOrBefore(f) + 1);
      else if (hasS) finish[i] = startIdx + d;
      else {
        finish[i] = cal.onOrBefore(f) + 1;
        start[i] = finish[i]! - d;
      }
    } else if (!tasks.auto[i]) undated[i] = 1;
  }
  if (projectStart === NO_DATE) projectStart = cal.onOrAfter(dayOf(today));

  const { links } = source;
  const m = links.length + (extra ? 1 : 0);
  const pred = new Int32Array(m);
  const succ = new Int32Array(m);
  const type = new Uint8Array(m);
  const lag = new Int32Array(m);
  for (let j = 0; j < links.length; j++) {
    const [p, s, t, l] = links[j]!;
    pred[j] = index.get(p) ?? -1;
    succ[j] = index.get(s) ?? -1;
    type[j] = t;
    lag[j] = l;
  }
  if (extra) {
    pred[m - 1] = index.get(extra.predecessorId)!;
    succ[m - 1] = index.get(extra.successorId)!;
    type[m - 1] = TYPE_CODE[extra.type];
    lag[m - 1] = extra.lagDays;
  }
  return {
    source,
    tasks,
    code: (i) => codeIndex(db, projectId).byId.get(tasks.id[i]!) ?? String(tasks.id[i]!),
    index,
    cal,
    undated,
    input: { n, parent: tasks.parent, manual, duration, start, finish, projectStart, m, pred, succ, type, lag },
  };
}

/** The cycle as VALIDATION, naming its tasks by WBS code. */
function cycleError(net: Network, err: CycleError, field = 'predecessorId'): ApiError {
  const names = err.tasks.map((i) => net.code(i));
  const path = [...names, names[0]].join(' → ');
  return textError('VALIDATION', 'wbs.linkCycle', { path }, `the link would close a cycle: ${path}`, [
    { field, message: `closes a cycle through ${names.join(', ')}`, tasks: err.tasks.map((i) => net.tasks.id[i]!) },
  ]);
}

export function run(net: Network): CpmResult {
  return computeCpm(net.input);
}

// ---- compute -------------------------------------------------------------------------------------

/**
 * A task's date as stored. Every stored date is a plain yyyy-mm-dd (the API's isoDate), so the string
 * of its day number is the stored text, and an audit's before-value is exact.
 */
function storedDate(tasks: Tasks, i: number, which: 'start' | 'finish'): string | null {
  const day = which === 'start' ? tasks.startDay[i]! : tasks.finishDay[i]!;
  return day === NO_DATE ? null : isoDay(day);
}

/** Dates of a scheduled span: the first and last working day, or the day a zero-length task ends on. */
function span(cal: WorkCalendar, s: number, f: number): [string, string] {
  if (f <= s) {
    const d = isoDay(cal.dayAt(s - 1));
    return [d, d];
  }
  return [isoDay(cal.dayAt(s)), isoDay(cal.dayAt(f - 1))];
}

/**
 * The day an automatic task scheduled over working-day indexes [es, ef) starts and finishes on, as
 * span() words them: the first and last working day, or the day a zero-length task ends on.
 */
export function scheduledStart(cal: WorkCalendar, es: number, ef: number): number {
  return cal.dayAt(ef <= es ? es - 1 : es);
}
export function scheduledFinish(cal: WorkCalendar, ef: number): number {
  return cal.dayAt(ef - 1);
}

/** The project's network and its CPM run; a cycle of links is CONFLICT naming the tasks. */
function solved(db: Db, projectId: number, today: string): { net: ReturnType<typeof network>; r: CpmResult } {
  getProjectRow(db, projectId);
  const net = network(db, projectId, today);
  try {
    return { net, r: run(net) };
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e);
    throw e;
  }
}

/** Whether task i is critical: dated, not a summary, no float left. */
function isCritical(net: Network, r: CpmResult, i: number): boolean {
  return !r.summary[i] && !net.undated[i] && r.lf[i]! - r.ef[i]! <= 0;
}

/** The critical tasks by early start: indexes into the network. */
function criticalOf(net: ReturnType<typeof network>, r: CpmResult): number[] {
  const critical: number[] = [];
  for (let i = 0; i < net.tasks.n; i++) if (isCritical(net, r, i)) critical.push(i);
  return critical.sort((a, b) => r.es[a]! - r.es[b]! || a - b);
}

/**
 * The project's network (its tasks in tree order, dates as day numbers) and, per task of it, 1 when the
 * task is critical: what the export's gantt band colours, and the tree the export writes its rows in
 * (one read of the project's tasks for both, kept between edits by schedule-network.ts). No dates are
 * made per task (four calendar conversions and an object per task: at 100,000 tasks a sixth of the
 * band's time), and no set of ids.
 */
export function criticalMarks(db: Db, projectId: number, today = localToday()): CriticalMarks {
  const stamp = db.sql.scheduleStamp();
  const kept = stamp && !stamp.inTransaction ? marksKept.get(db.sql) : undefined;
  const entry = kept?.get(projectId);
  if (entry && entry.stamp === stamp!.text && entry.today === today) {
    // A project without a task, link or calendar row leaves no trace in the stamp when deleted.
    getProjectRow(db, projectId);
    countMarks(db, 'kept');
    return entry.marks;
  }
  countMarks(db, 'solved');
  const { net, r } = solved(db, projectId, today);
  const critical = new Uint8Array(net.tasks.n);
  for (let i = 0; i < net.tasks.n; i++) if (isCritical(net, r, i)) critical[i] = 1;
  const marks = { net, critical };
  // Solved outside a transaction: the committed state, true until the schedule stamp moves.
  if (stamp && !stamp.inTransaction) {
    let byProject = marksKept.get(db.sql);
    if (!byProject) marksKept.set(db.sql, (byProject = new Map()));
    byProject.delete(projectId);
    byProject.set(projectId, { stamp: stamp.text, today, marks });
    if (byProject.size > MARKS_KEPT) byProject.delete(byProject.keys().next().value!);
  }
  return marks;
}

export interface CriticalMarks {
  /** Read only: it may be kept (below) and its rows the kept network's (schedule-network.ts). */
  net: Network;
  critical: Uint8Array;
}

// The solved network of the last exports, per connection and project: an export solved the whole
// schedule again (at 10,000 tasks ~50 ms cold: the network's read, its arrays and the CPM run) although
// nothing it is computed from had changed since the last. Kept under the schedule stamp
// (Sql.scheduleStamp: any write of a task's tree or dates, a link or a calendar, here or by another
// connection, moves it; the search index's catch-up, a register's row, an audit row do not) and the
// day it was solved for (an undated plan starts today).
const marksKept = new WeakMap<object, Map<number, { stamp: string; today: string; marks: CriticalMarks }>>();
const MARKS_KEPT = 4;
const marksCounts = new WeakMap<object, { kept: number; solved: number }>();
function countMarks(db: Db, which: 'kept' | 'solved'): void {
  const c = marksCounts.get(db.sql) ?? { kept: 0, solved: 0 };
  c[which]++;
  marksCounts.set(db.sql, c);
}
/** How often criticalMarks answered what it kept and how often it solved, per connection (for tests and the bench). */
export function criticalMarksCounts(db: Db): { kept: number; solved: number } {
  return { ...(marksCounts.get(db.sql) ?? { kept: 0, solved: 0 }) };
}

export function computeSchedule(db: Db, projectId: number, today = localToday()): ScheduleResult {
  const { net, r } = solved(db, projectId, today);
  const { cal } = net;
  const tasks: ScheduledTask[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < net.tasks.n; i++) {
    const id = net.tasks.id[i]!;
    if (net.undated[i] && !r.summary[i]) {
      tasks.push({ id, earlyStart: null, earlyFinish: null, lateStart: null, lateFinish: null, totalFloat: null, critical: false, linkViolated: false });
      continue;
    }
    const [es, ef] = span(cal, r.es[i]!, r.ef[i]!);
    const [ls, lf] = span(cal, r.ls[i]!, r.lf[i]!);
    const float = r.lf[i]! - r.ef[i]!;
    const isCritical = float <= 0;
    if (r.es[i]! < first) first = r.es[i]!;
    if (r.ef[i]! > last) last = r.ef[i]!;
    tasks.push({ id, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf, totalFloat: float, critical: isCritical, linkViolated: r.violated[i] === 1 });
  }
  const critical = criticalOf(net, r);
  return {
    tasks,
    criticalPath: critical.map((i) => net.tasks.id[i]!),
    projectStart: first === Infinity ? null : span(cal, first, first + 1)[0],
    projectFinish: last === -Infinity ? null : span(cal, last - 1, last)[0],
  };
}

/**
 * One audit row per reschedule (entity SCHEDULE_ENTITY, its id the project's): the tasks whose planned
 * dates it moved, automatic leaves and the summaries above them, as columns — `{ids, plannedStart,
 * plannedFinish}` before and after. An edit that moves a 9,000-task chain wrote 9,000 audited rows and
 * settled 1,000 summaries' roll-ups from their children read again (~55 of its ~140 ms); the dates
 * themselves stay in wbs_tasks, so every reader (the grid, exports, the portfolio, reports, team mode)
 * reads them as before. Undo writes the before column back (history.ts), a task's history shows the
 * reschedule as a change of its dates (rowHistory), and wbsChangesOf and the portfolio's kept columns
 * read the ids from it (scheduledIdsIn).
 */
export const SCHEDULE_ENTITY = 'wbs_schedule';

/**
 * The dates a reschedule moved, as its audit row holds them (one entry per task, in step). The ids are
 * written once, in `after`: `before` holds the dates alone, in the same order (rows written before
 * session 14 hold the ids in both).
 */
export interface ScheduleDates {
  plannedStart: (string | null)[];
  plannedFinish: (string | null)[];
}
export interface ScheduleAudit extends ScheduleDates {
  ids: number[];
}

/**
 * Moves every automatic leaf task to its computed dates and the summaries above to their children's
 * span (the roll-up of plannedStart / plannedFinish, from the network in memory: a reschedule moves
 * no other rolled-up field), recording one SCHEDULE_ENTITY audit row; answers what moved as dates.
 * Refuses a cycle the edit closed (a move can: indenting a task under its own successor). A project
 * with no automatic task and no link has nothing to do.
 */
export function rescheduleDates(db: Db, batch: Batch, projectId: number, today: string, field = 'parentId', known?: ProjectScheduling, source?: NetworkRows): { dates: WbsMovedDates } {
  const now = new Date().toISOString();
  const none: WbsMovedDates = { ids: [], plannedStart: [], plannedFinish: [], updatedAt: now };
  // `known`: read by the caller in this transaction, by a write that changed no task's scheduling or links.
  const { auto, links } = known ?? schedulingOf(db, projectId);
  if (!auto && !links) return { dates: none };
  const net = network(db, projectId, today, undefined, batch, source);
  let r: CpmResult;
  try {
    r = run(net);
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e, field);
    throw e;
  }
  if (!auto) {
    keepRescheduled(db, projectId, batch, net.source, { i: new Int32Array(0), start: new Int32Array(0), finish: new Int32Array(0) });
    return { dates: none };
  }
  const { tasks } = net;
  const { n, parent } = tasks;
  // Each task's planned dates after the reschedule, as day numbers (NO_DATE: none): the leaves' from the
  // CPM, a summary's from its children, folded up in reverse tree order (children before parents).
  const start = Int32Array.from(tasks.startDay);
  const finish = Int32Array.from(tasks.finishDay);
  const hasChildren = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) hasChildren[parent[i]!] = 1;
  for (let i = 0; i < n; i++) {
    if (!tasks.auto[i] || hasChildren[i]) continue;
    start[i] = scheduledStart(net.cal, r.es[i]!, r.ef[i]!);
    finish[i] = scheduledFinish(net.cal, r.ef[i]!);
  }
  const minStart = new Int32Array(n).fill(NO_DATE);
  const maxFinish = new Int32Array(n).fill(NO_DATE);
  for (let i = n - 1; i >= 0; i--) {
    if (hasChildren[i]) {
      start[i] = minStart[i]!;
      finish[i] = maxFinish[i]!;
    }
    const p = parent[i]!;
    if (p < 0) continue;
    if (start[i] !== NO_DATE && (minStart[p] === NO_DATE || start[i]! < minStart[p]!)) minStart[p] = start[i]!;
    if (finish[i] !== NO_DATE && (maxFinish[p] === NO_DATE || finish[i]! > maxFinish[p]!)) maxFinish[p] = finish[i]!;
  }
  // The tasks to write: those whose dates change, automatic leaves and summaries (a manual leaf keeps
  // the dates typed). Counted first, so that every column below is made at its size: a reschedule moves
  // ~10,000 tasks, and columns grown by push with a tuple per task to write were half of the edit's
  // garbage (~2 MB), whose scavenges made the figure's slowest edits.
  const moved = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (start[i] === tasks.startDay[i] && finish[i] === tasks.finishDay[i]) continue;
    if (!hasChildren[i] && !tasks.auto[i]) continue;
    moved[k++] = i;
  }
  const ids = new Array<number>(k);
  const plannedStart = new Array<string | null>(k);
  const plannedFinish = new Array<string | null>(k);
  const before: ScheduleDates = { plannedStart: new Array<string | null>(k), plannedFinish: new Array<string | null>(k) };
  for (let j = 0; j < k; j++) {
    const i = moved[j]!;
    ids[j] = tasks.id[i]!;
    plannedStart[j] = start[i] === NO_DATE ? null : isoDay(start[i]!);
    plannedFinish[j] = finish[i] === NO_DATE ? null : isoDay(finish[i]!);
    before.plannedStart[j] = storedDate(tasks, i, 'start');
    before.plannedFinish[j] = storedDate(tasks, i, 'finish');
  }
  const dates: WbsMovedDates = { ids, plannedStart, plannedFinish, updatedAt: now };
  q.setPlannedDates(db, dates, now);
  if (k > 0) batch.record(SCHEDULE_ENTITY, projectId, 'update', before, { ids, plannedStart, plannedFinish });
  // The rows now hold these dates too, and may serve the next edit's reschedule (schedule-network.ts).
  keepRescheduled(db, projectId, batch, net.source, { i: moved.subarray(0, k), start, finish });
  return { dates };
}

/** The tasks the reschedules of batch `batchId` moved (their SCHEDULE_ENTITY rows), each once. */
export function scheduledIdsIn(db: Db, batchId: string): number[] {
  const ids = new Set<number>();
  for (const after of q.scheduleAuditsIn(db, batchId, SCHEDULE_ENTITY)) for (const id of (JSON.parse(after) as ScheduleAudit).ids) ids.add(id);
  return [...ids];
}

// ---- links ---------------------------------------------------------------------------------------

export interface LinkSpec {
  predecessorId: number;
  successorId: number;
  type: LinkType;
  lagDays: number;
}

// A summary's finish is its subtasks' latest finish, so a link that would hold back its finish (FF, SF)
// has no task to move; MS Project refuses these too ("a summary task cannot have a finish-to-finish or
// start-to-finish predecessor"). FS and SS into a summary hold back its start, and so every task in it.
const SUMMARY_LINK_MESSAGE = 'cannot end at a summary task: link its subtask instead';

/** Whether the task is a summary (has subtasks). */
export function hasSubtasks(db: Db, taskId: number): boolean {
  return taskHasSubtasks(db, taskId);
}

/** Refuses a link that names a task of another project, links a task to itself, ends FF/SF at a summary, or closes a cycle. */
export function checkLink(db: Db, projectId: number, l: LinkSpec, today: string): void {
  for (const [field, id] of [
    ['predecessorId', l.predecessorId],
    ['successorId', l.successorId],
  ] as const) {
    const t = wbsStore.require(db, id, `WBS task ${id}`);
    if (t.projectId !== projectId) throw textError('CONFLICT', 'wbs.otherProject', { id }, `WBS task ${id} belongs to another project`, { field, id });
  }
  if (l.predecessorId === l.successorId)
    throw textError('VALIDATION', 'wbs.linkSelf', {}, 'a task cannot be its own predecessor', [{ field: 'successorId', message: 'is the predecessor itself' }]);
  if ((l.type === 'FF' || l.type === 'SF') && hasSubtasks(db, l.successorId)) {
    const code = codeIndex(db, projectId).byId.get(l.successorId) ?? String(l.successorId);
    throw textError('VALIDATION', 'wbs.linkToSummary', { code, type: l.type }, `an ${l.type} link ${SUMMARY_LINK_MESSAGE} (${code})`, [
      { field: 'type', message: SUMMARY_LINK_MESSAGE },
    ]);
  }
  const net = network(db, projectId, today, l);
  try {
    run(net);
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e);
    throw e;
  }
}

export function insertLink(db: Db, batch: Batch, projectId: number, l: LinkSpec): DependencyRow {
  const row = dependencyStore.insert(db, { projectId, ...l }) as unknown as DependencyRow;
  batch.record(DEPENDENCY_ENTITY, row.id, 'create', null, row);
  return row;
}

/**
 * Records the links of the given tasks as deleted, before the tasks go (the foreign key's cascade
 * removes the rows; the audit rows let undo put them back after their tasks).
 */
export function recordLinksOf(db: Db, batch: Batch, taskIds: readonly number[]): void {
  const seen = new Set<number>();
  for (const id of taskIds)
    for (const raw of q.linkRowsOfTask(db, id)) {
      const row = dependencyStore.fromRaw(raw) as unknown as DependencyRow;
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      batch.record(DEPENDENCY_ENTITY, row.id, 'delete', row, null);
    }
}

// ---- the predecessors column -----------------------------------------------------------------------

/** Task id → WBS code of the project as it is now. */
export function codeIndex(db: Db, projectId: number): { byId: Map<number, string> } {
  const byId = new Map<number, string>();
  for (const p of treeOrder(q.taskPlaces(db, projectId))) byId.set(p.row.id, p.code);
  return { byId };
}

/** WBS code → task id of the project as it is now (see codeLookup: only the codes asked for are walked). */
export function idsByCode(db: Db, projectId: number): CodeLookup {
  return codeLookup(q.taskPlaces(db, projectId));
}

/**
 * The predecessors text of every task that has links (id → "1.2,3SS+1"). With `into`, only of those
 * tasks, each predecessor's code from `codeOf` (an edit's answer: a walk up from a few tasks, where the
 * whole tree's codes cost more than the edit).
 */
export function linkTexts(
  db: Db,
  projectId: number,
  byId?: { get(id: number): string | undefined },
  into?: { successors: number[]; codeOf: (id: number) => string },
): Map<number, string> {
  const links = q.linksInOrder<LinkType>(db, projectId, into?.successors);
  const out = new Map<number, string>();
  if (links.length === 0) return out;
  const codes = into ? null : (byId ?? codeIndex(db, projectId).byId);
  const per = new Map<number, { code: string; type: LinkType; lagDays: number }[]>();
  for (const [p, s, type, lagDays] of links) {
    const list = per.get(s) ?? per.set(s, []).get(s)!;
    list.push({ code: (codes ? codes.get(p) : into!.codeOf(p)) ?? '?', type, lagDays });
  }
  for (const [s, list] of per) out.set(s, formatLinks(list));
  return out;
}

/** Problems of a predecessors text against the current tree; null when it resolves. */
export type ResolvedLinks = { ok: true; links: { predecessorId: number; type: LinkType; lagDays: number }[] } | LinksProblem;

/** `summary`: the successor has subtasks (an FF or SF link may not end there). */
export function resolveLinks(text: string, byCode: CodeLookup, successorId: number, summary = false): ResolvedLinks {
  const parsed = parseLinks(text);
  if (!parsed.ok) return parsed;
  const links: { predecessorId: number; type: LinkType; lagDays: number }[] = [];
  for (const l of parsed.links) {
    const id = byCode.get(l.code);
    if (id === undefined) return { ok: false, message: `no task has WBS code ${l.code}`, text: { key: 'wbs.linkNoTask', params: { code: l.code } } };
    if (id === successorId) return { ok: false, message: `${l.code} is this task itself`, text: { key: 'wbs.linkItself', params: { code: l.code } } };
    if (summary && (l.type === 'FF' || l.type === 'SF'))
      return { ok: false, message: `${l.code}${l.type} ${SUMMARY_LINK_MESSAGE}`, text: { key: 'wbs.linkIntoSummary', params: { code: l.code, type: l.type } } };
    links.push({ predecessorId: id, type: l.type, lagDays: l.lagDays });
  }
  return { ok: true, links };
}

/** Makes the links into `successorId` exactly `links`: removes, changes and adds rows, each audited. */
export function replaceLinksInto(
  db: Db,
  batch: Batch,
  projectId: number,
  successorId: number,
  links: { predecessorId: number; type: LinkType; lagDays: number }[],
): boolean {
  const current = q.linkRowsInto(db, successorId).map((raw) => dependencyStore.fromRaw(raw) as unknown as DependencyRow);
  const wanted = new Map(links.map((l) => [l.predecessorId, l]));
  let changed = false;
  for (const c of current) {
    const w = wanted.get(c.predecessorId);
    if (!w) {
      dependencyStore.remove(db, c.id);
      batch.record(DEPENDENCY_ENTITY, c.id, 'delete', c, null);
      changed = true;
    } else if (w.type !== c.type || w.lagDays !== c.lagDays) {
      dependencyStore.update(db, c.id, { type: w.type, lagDays: w.lagDays });
      batch.record(DEPENDENCY_ENTITY, c.id, 'update', { type: c.type, lagDays: c.lagDays }, { type: w.type, lagDays: w.lagDays });
      changed = true;
    }
    wanted.delete(c.predecessorId);
  }
  for (const w of wanted.values()) {
    insertLink(db, batch, projectId, { successorId, ...w });
    changed = true;
  }
  return changed;
}

/** Throws VALIDATION naming the cycle if the project's links now form one (checked after a batch of text links). */
export function refuseCycles(db: Db, projectId: number, today: string, field = 'predecessors'): void {
  const net = network(db, projectId, today);
  try {
    run(net);
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e, field);
    throw e;
  }
}


/**
 * Predecessors texts written by an import (task id → text) become links, resolved against the WBS as
 * it is after the import; each resolved text is cleared (the links show it from now on), one that
 * names no task stays as text (the preview listed it as a problem of its cell). A cycle they close is
 * not looked for here: the caller's reschedule runs the network once more anyway (refuseCycles, or
 * rescheduleDates with field 'predecessors'), and reading the whole network twice was ~1 s of a
 * 100,000-row import.
 */
export function linkImported(db: Db, batch: Batch, projectId: number, typed: { id: number; text: string }[], places?: readonly TreeNode[]): number {
  if (typed.length === 0) return 0;
  // `places`: every task of the project, when the caller has them (an import into a project without tasks).
  const byCode = places ? codeLookup(places) : idsByCode(db, projectId);
  // Which of them are summaries, in one statement (one round trip per task to a team database was a
  // tenth of a 10,000-row import there).
  const summaries = new Set(withSubtasks(db, typed.map((t) => t.id)));
  let linked = 0;
  for (const t of typed) {
    const r = resolveLinks(t.text, byCode, t.id, summaries.has(t.id));
    if (!r.ok) continue;
    replaceLinksInto(db, batch, projectId, t.id, r.links);
    q.clearPredecessorsText(db, t.id);
    batch.record(TASK_ENTITY, t.id, 'update', { predecessors: t.text }, { predecessors: '' });
    linked++;
  }
  return linked;
}
