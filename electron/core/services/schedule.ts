// The schedule over the WBS: the project's working calendar, the network of tasks and links as arrays,
// the critical path, rescheduling, and the predecessors column as text. Every write that can move dates
// (a link, the calendar, a task's dates, duration, mode or place in the tree) reschedules inside its own
// batch (wbs.ts rescheduleIn), so the moved automatic tasks and their summaries are one undo step with
// the edit that moved them. The API's writes of links and calendar are in schedule-edits.ts.
import type { Dependency, ScheduledTask, ScheduleResult } from '../../common/api/schedule.js';
import { ApiError, textError } from '../../common/errors.js';
import type { LinksProblem } from '../../common/schedule/links-text.js';
import { DEFAULT_CALENDAR, dayOf, isoOf, workCalendar, type CalendarSettings, type WorkCalendar } from '../../common/schedule/calendar.js';
import { formatLinks, LINK_TYPES, parseLinks, type LinkType } from '../../common/schedule/links-text.js';
import { localToday } from '../../common/dates.js';
import type { Db } from '../db/open.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import { calendarStore, dependencyStore, wbsStore } from '../entities.js';
import { computeCpm, CycleError, NO_DATE, type CpmInput, type CpmResult } from '../schedule/cpm.js';
import { nationalHolidays } from '../schedule/holidays.js';
import { getProjectRow } from './projects.js';
import { treeOrder } from './rollup.js';


/** As wbs.ts names it (that module imports this one, so the name is not imported back). */
const TASK_ENTITY = 'wbs_task';
export const DEPENDENCY_ENTITY = 'wbs_dependency';
export const CALENDAR_ENTITY = 'project_calendar';

export type DependencyRow = Dependency & { createdAt: string };
export type CalendarRow = CalendarSettings & { id: number; projectId: number; updatedAt: string };

// ---- calendar ------------------------------------------------------------------------------------

export function calendarRow(db: Db, projectId: number): CalendarRow | undefined {
  return (calendarStore.where(db, 'project_id = ?', projectId) as unknown as CalendarRow[])[0];
}

export function calendarSettings(db: Db, projectId: number): CalendarSettings {
  const row = calendarRow(db, projectId);
  if (!row) return structuredClone(DEFAULT_CALENDAR);
  const { workingWeekdays, nationalHolidays: holidays, daysOff, workingDays, statusDate } = row;
  return { workingWeekdays, nationalHolidays: holidays, daysOff, workingDays, statusDate };
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

/**
 * Tasks in tree order (parents first, siblings by position then id), as rollup.ts treeOrder orders
 * them but without building the codes: on 10,000 tasks the code strings cost more than the whole pass.
 */
function treeOrderLean<R extends { id: number; parentId: number | null; position: number }>(rows: R[]): R[] {
  const sorted = [...rows].sort((a, b) => a.position - b.position || a.id - b.id);
  const kids = new Map<number | null, R[]>();
  for (const r of sorted) {
    const list = kids.get(r.parentId);
    if (list) list.push(r);
    else kids.set(r.parentId, [r]);
  }
  const out: R[] = [];
  const stack: R[] = [...(kids.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const r = stack.pop()!;
    out.push(r);
    const list = kids.get(r.id);
    if (list) for (let k = list.length - 1; k >= 0; k--) stack.push(list[k]!);
  }
  return out;
}

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

const TASKS_SQL = `SELECT id, parent_id, position, planned_start, planned_finish, duration, scheduling, milestone
  FROM wbs_tasks WHERE project_id = ?`;
const LINKS_SQL = 'SELECT id, predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE project_id = ?';

interface LeanTask {
  id: number;
  parentId: number | null;
  position: number;
  plannedStart: string | null;
  plannedFinish: string | null;
  duration: number | null;
  auto: boolean;
  milestone: boolean;
}

interface Network {
  tasks: LeanTask[];
  /** WBS code of task i (derived on demand: only a refusal names tasks). */
  code(i: number): string;
  index: Map<number, number>;
  linkIds: Int32Array;
  input: CpmInput;
  cal: WorkCalendar;
  /** Tasks with no dates of their own at all (they get dates only if automatic). */
  undated: Uint8Array;
}

const TYPE_CODE: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/** Tasks in tree order and links as typed arrays, with an extra link if given (to test for a cycle). */
export function network(db: Db, projectId: number, today: string, extra?: { predecessorId: number; successorId: number; type: LinkType; lagDays: number }): Network {
  const raw = db.prepare(TASKS_SQL).raw(true).all(projectId) as unknown[][];
  const lean: LeanTask[] = raw.map((r) => ({
    id: r[0] as number,
    parentId: r[1] as number | null,
    position: r[2] as number,
    plannedStart: r[3] as string | null,
    plannedFinish: r[4] as string | null,
    duration: r[5] as number | null,
    auto: r[6] === 'auto',
    milestone: r[7] === 1,
  }));
  const tasks = treeOrderLean(lean);
  const n = tasks.length;
  const index = new Map<number, number>();
  tasks.forEach((t, i) => index.set(t.id, i));
  const cal = workCalendarOf(calendarSettings(db, projectId));

  const parent = new Int32Array(n);
  const manual = new Uint8Array(n);
  const duration = new Int32Array(n);
  const start = new Int32Array(n);
  const finish = new Int32Array(n);
  const undated = new Uint8Array(n);
  let projectStart = NO_DATE;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    parent[i] = t.parentId === null ? -1 : (index.get(t.parentId) ?? -1);
    const zero = t.duration === 0 || (t.duration === null && t.milestone);
    const s = t.plannedStart === null ? null : dayOf(t.plannedStart);
    const f = t.plannedFinish === null ? null : dayOf(t.plannedFinish);
    // A zero-length task sits at the end of its day (as MS Project's milestones): index after that day.
    const startIdx = s === null ? NO_DATE : zero ? cal.onOrBefore(s) + 1 : cal.onOrAfter(s);
    const fromDates = s !== null && f !== null ? Math.max(0, cal.onOrBefore(f) + 1 - cal.onOrAfter(s)) : null;
    const d = zero ? 0 : (t.duration ?? fromDates ?? 1);
    duration[i] = d;
    start[i] = startIdx;
    if (startIdx !== NO_DATE && (projectStart === NO_DATE || startIdx < projectStart)) projectStart = startIdx;
    if (!t.auto && (s !== null || f !== null)) {
      manual[i] = 1;
      if (s !== null && f !== null) finish[i] = zero ? startIdx : Math.max(startIdx, cal.onOrBefore(f) + 1);
      else if (s !== null) finish[i] = startIdx + d;
      else {
        finish[i] = cal.onOrBefore(f!) + 1;
        start[i] = finish[i]! - d;
      }
    } else if (!t.auto) undated[i] = 1;
  }
  if (projectStart === NO_DATE) projectStart = cal.onOrAfter(dayOf(today));

  const links = db.prepare(LINKS_SQL).raw(true).all(projectId) as [number, number, number, LinkType, number][];
  const m = links.length + (extra ? 1 : 0);
  const pred = new Int32Array(m);
  const succ = new Int32Array(m);
  const type = new Uint8Array(m);
  const lag = new Int32Array(m);
  const linkIds = new Int32Array(m);
  links.forEach(([id, p, s, t, l], j) => {
    linkIds[j] = id;
    pred[j] = index.get(p) ?? -1;
    succ[j] = index.get(s) ?? -1;
    type[j] = TYPE_CODE[t];
    lag[j] = l;
  });
  if (extra) {
    pred[m - 1] = index.get(extra.predecessorId)!;
    succ[m - 1] = index.get(extra.successorId)!;
    type[m - 1] = TYPE_CODE[extra.type];
    lag[m - 1] = extra.lagDays;
    linkIds[m - 1] = 0;
  }
  return {
    tasks,
    code: (i) => codeIndex(db, projectId).byId.get(tasks[i]!.id) ?? String(tasks[i]!.id),
    index,
    linkIds,
    cal,
    undated,
    input: { n, parent, manual, duration, start, finish, projectStart, m, pred, succ, type, lag },
  };
}

/** The cycle as VALIDATION, naming its tasks by WBS code. */
function cycleError(net: Network, err: CycleError, field = 'predecessorId'): ApiError {
  const names = err.tasks.map((i) => net.code(i));
  const path = [...names, names[0]].join(' → ');
  return textError('VALIDATION', 'wbs.linkCycle', { path }, `the link would close a cycle: ${path}`, [
    { field, message: `closes a cycle through ${names.join(', ')}`, tasks: err.tasks.map((i) => net.tasks[i]!.id) },
  ]);
}

function run(net: Network): CpmResult {
  return computeCpm(net.input);
}

// ---- compute -------------------------------------------------------------------------------------

/** Dates of a scheduled span: the first and last working day, or the day a zero-length task ends on. */
function span(cal: WorkCalendar, s: number, f: number): [string, string] {
  if (f <= s) {
    const d = isoDay(cal.dayAt(s - 1));
    return [d, d];
  }
  return [isoDay(cal.dayAt(s)), isoDay(cal.dayAt(f - 1))];
}

export function computeSchedule(db: Db, projectId: number, today = localToday()): ScheduleResult {
  getProjectRow(db, projectId);
  const net = network(db, projectId, today);
  let r: CpmResult;
  try {
    r = run(net);
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e);
    throw e;
  }
  const { cal } = net;
  const tasks: ScheduledTask[] = [];
  const critical: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < net.tasks.length; i++) {
    const id = net.tasks[i]!.id;
    if (net.undated[i] && !r.summary[i]) {
      tasks.push({ id, earlyStart: null, earlyFinish: null, lateStart: null, lateFinish: null, totalFloat: null, critical: false, linkViolated: false });
      continue;
    }
    const [es, ef] = span(cal, r.es[i]!, r.ef[i]!);
    const [ls, lf] = span(cal, r.ls[i]!, r.lf[i]!);
    const float = r.lf[i]! - r.ef[i]!;
    const isCritical = float <= 0;
    if (isCritical && !r.summary[i]) critical.push(i);
    if (r.es[i]! < first) first = r.es[i]!;
    if (r.ef[i]! > last) last = r.ef[i]!;
    tasks.push({ id, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf, totalFloat: float, critical: isCritical, linkViolated: r.violated[i] === 1 });
  }
  critical.sort((a, b) => r.es[a]! - r.es[b]! || a - b);
  return {
    tasks,
    criticalPath: critical.map((i) => net.tasks[i]!.id),
    projectStart: first === Infinity ? null : span(cal, first, first + 1)[0],
    projectFinish: last === -Infinity ? null : span(cal, last - 1, last)[0],
  };
}

/**
 * Moves every automatic leaf task to its computed dates, auditing each change; summaries are the
 * caller's (wbs.ts rescheduleIn settles them). Refuses a cycle the edit closed (a move can: indenting
 * a task under its own successor). A project with no automatic task and no link has nothing to do.
 */
export function rescheduleDates(db: Db, batch: Batch, projectId: number, today: string, field = 'parentId'): { moved: number[]; parents: Set<number | null> } {
  const parents = new Set<number | null>();
  const auto = db.prepare("SELECT 1 FROM wbs_tasks WHERE project_id = ? AND scheduling = 'auto' LIMIT 1").get(projectId);
  if (!auto && !db.prepare('SELECT 1 FROM wbs_dependencies WHERE project_id = ? LIMIT 1').get(projectId)) return { moved: [], parents };
  const net = network(db, projectId, today);
  let r: CpmResult;
  try {
    r = run(net);
  } catch (e) {
    if (e instanceof CycleError) throw cycleError(net, e, field);
    throw e;
  }
  const moved: number[] = [];
  if (!auto) return { moved, parents };
  const setDates = db.prepare('UPDATE wbs_tasks SET planned_start = ?, planned_finish = ?, updated_at = ? WHERE id = ?');
  const now = new Date().toISOString();
  const audit: { id: number; before: unknown; after: unknown }[] = [];
  for (let i = 0; i < net.tasks.length; i++) {
    const t = net.tasks[i]!;
    if (!t.auto || r.summary[i]) continue;
    const [s, f] = span(net.cal, r.es[i]!, r.ef[i]!);
    if (s === t.plannedStart && f === t.plannedFinish) continue;
    setDates.run(s, f, now, t.id);
    audit.push({ id: t.id, before: { plannedStart: t.plannedStart, plannedFinish: t.plannedFinish }, after: { plannedStart: s, plannedFinish: f } });
    moved.push(t.id);
    parents.add(t.parentId);
  }
  // One statement per row and the audit rows in bulk: rescheduling 9,000 tasks is one edit too.
  batch.recordMany(TASK_ENTITY, 'update', audit);
  return { moved, parents };
}

// ---- links ---------------------------------------------------------------------------------------

export interface LinkSpec {
  predecessorId: number;
  successorId: number;
  type: LinkType;
  lagDays: number;
}

/** Refuses a link that names a task of another project, links a task to itself, or closes a cycle. */
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
  const stmt = db.prepare('SELECT * FROM wbs_dependencies WHERE predecessor_id = ? OR successor_id = ?');
  const seen = new Set<number>();
  for (const id of taskIds)
    for (const raw of stmt.all(id, id) as Record<string, unknown>[]) {
      const row = dependencyStore.fromRaw(raw) as unknown as DependencyRow;
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      batch.record(DEPENDENCY_ENTITY, row.id, 'delete', row, null);
    }
}

// ---- the predecessors column -----------------------------------------------------------------------

/** WBS code → task id, and id → code, of the project as it is now. */
export function codeIndex(db: Db, projectId: number): { byCode: Map<string, number>; byId: Map<number, string> } {
  const rows = db.prepare('SELECT id, parent_id AS parentId, position FROM wbs_tasks WHERE project_id = ?').all(projectId) as {
    id: number;
    parentId: number | null;
    position: number;
  }[];
  const byCode = new Map<string, number>();
  const byId = new Map<number, string>();
  for (const p of treeOrder(rows)) {
    byCode.set(p.code, p.row.id);
    byId.set(p.row.id, p.code);
  }
  return { byCode, byId };
}

/** The predecessors text of every task that has links (id → "1.2,3SS+1"). */
export function linkTexts(db: Db, projectId: number, byId?: Map<number, string>): Map<number, string> {
  const links = db
    .prepare('SELECT predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE project_id = ? ORDER BY id')
    .raw(true)
    .all(projectId) as [number, number, LinkType, number][];
  const out = new Map<number, string>();
  if (links.length === 0) return out;
  const codes = byId ?? codeIndex(db, projectId).byId;
  const per = new Map<number, { code: string; type: LinkType; lagDays: number }[]>();
  for (const [p, s, type, lagDays] of links) {
    const list = per.get(s) ?? per.set(s, []).get(s)!;
    list.push({ code: codes.get(p) ?? '?', type, lagDays });
  }
  for (const [s, list] of per) out.set(s, formatLinks(list));
  return out;
}

/** Problems of a predecessors text against the current tree; null when it resolves. */
export type ResolvedLinks = { ok: true; links: { predecessorId: number; type: LinkType; lagDays: number }[] } | LinksProblem;

export function resolveLinks(text: string, byCode: Map<string, number>, successorId: number): ResolvedLinks {
  const parsed = parseLinks(text);
  if (!parsed.ok) return parsed;
  const links: { predecessorId: number; type: LinkType; lagDays: number }[] = [];
  for (const l of parsed.links) {
    const id = byCode.get(l.code);
    if (id === undefined) return { ok: false, message: `no task has WBS code ${l.code}`, text: { key: 'wbs.linkNoTask', params: { code: l.code } } };
    if (id === successorId) return { ok: false, message: `${l.code} is this task itself`, text: { key: 'wbs.linkItself', params: { code: l.code } } };
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
  const current = dependencyStore.where(db, 'successor_id = ?', successorId) as unknown as DependencyRow[];
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
 * names no task stays as text (the preview listed it as a problem of its cell).
 */
export function linkImported(db: Db, batch: Batch, projectId: number, typed: { id: number; text: string }[], today: string): number {
  if (typed.length === 0) return 0;
  const { byCode } = codeIndex(db, projectId);
  let linked = 0;
  for (const t of typed) {
    const r = resolveLinks(t.text, byCode, t.id);
    if (!r.ok) continue;
    replaceLinksInto(db, batch, projectId, t.id, r.links);
    db.prepare("UPDATE wbs_tasks SET predecessors = '' WHERE id = ?").run(t.id);
    batch.record(TASK_ENTITY, t.id, 'update', { predecessors: t.text }, { predecessors: '' });
    linked++;
  }
  refuseCycles(db, projectId, today);
  return linked;
}
