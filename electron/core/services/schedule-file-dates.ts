// An imported plan's automatic tasks keep the dates the file gives them (blind set 3, H7). An MS
// Project plan was scheduled on its owner's calendar, which we do not have: a client who worked 海の日
// wrote "1FS+2 days" after Thu 17 Jul as Tue 22 Jul, where ours, with Mon 21 Jul off, says Wed 23 Jul.
// The file's dates are the truth of the file, as MS Project users expect; our calendar must not move
// them silently on import, nor the no-edit export write other dates back.
//
// So before the import's reschedule, the tasks the import dated are checked against our calendar:
// 1. A day off of our calendar on a working weekday (a national holiday, a company day off) that the
//    file's dates count as worked becomes an extra working day of the project's calendar, named as the
//    holiday was (the calendar dialog lists it; the import's notice says so). Each task is judged on
//    its own, from the file's dates alone: its duration fits its start and finish, and its start is
//    the one its links give from its predecessors' file dates. Days are tried one by one in date
//    order and kept only when they explain some task and unexplain none, so a holiday the client did
//    keep off stays off, and a task the file broke by hand does not decide the calendar; nor is one
//    kept that would move an automatic task the project already had (then rule 2 keeps the dates).
// 2. A task whose dates the whole schedule still moves (one no calendar explains: a file edited by
//    hand, a six-day week) is imported as manual (手動): its dates stay as written, and a link it
//    breaks is marked as any manual task's is.
// The calendar and mode writes are in the import's batch: one undo takes them back with the import.
import type { ExtraWorkingDay } from '../../common/schedule/calendar.js';
import { isoOf, weekdayOf, type WorkCalendar } from '../../common/schedule/calendar.js';
import type { Batch } from '../batch.js';
import type { SqlDb as Db } from '../db/sql.js';
import { CycleError, FF, FS, NO_DATE, SS } from '../schedule/cpm.js';
import { calendarSettings, networkOf, run, scheduledFinish, scheduledStart, workCalendarOf, writeCalendarIn } from './schedule.js';
import { networkRows, type NetworkRows } from './schedule-network.js';
import { ENTITY, wbsStore } from './wbs.js';

/** Which of a task's stored dates the import took from the file. */
export interface FileDated {
  start: boolean;
  finish: boolean;
}

/** What keeping the file's dates took: days made working, tasks made manual (ids). */
export interface KeptFileDates {
  workingDays: ExtraWorkingDay[];
  manual: number[];
}

/** Days off tried as working days at most (a plan over years has ~20 a year). */
const MAX_TRIED = 120;
/** Rounds of making disagreeing tasks manual (a manual task's successors are computed from it again). */
const MAX_ROUNDS = 5;

/**
 * Fits the project's calendar (and, failing that, the tasks' modes) to the dates the import wrote on
 * its automatic leaf tasks (`dated`, by task id), so the reschedule that follows moves none of them.
 * Null when nothing was needed.
 */
export function keepFileDates(db: Db, batch: Batch, projectId: number, dated: ReadonlyMap<number, FileDated>, today: string): KeptFileDates | null {
  if (dated.size === 0) return null;
  const rows = networkRows(db, projectId, batch);
  const subjects = subjectsOf(rows, dated);
  if (subjects.i.length === 0) return null;
  const settings = calendarSettings(db, projectId);
  let cal = workCalendarOf(settings);
  const first = distances(db, projectId, rows, cal, today, subjects);
  if (!first || total(first) === 0) return null;

  const incoming = linksInto(rows);
  let explained = explainedBy(rows, cal, subjects, incoming);
  // The project's other automatic tasks (an import into a plan that has some) were scheduled on this
  // calendar: a day that would move one of them is not the file's to change.
  const others = othersOf(rows, subjects);
  const settled = explainedBy(rows, cal, others, incoming);
  const added: ExtraWorkingDay[] = [];
  const weekdays = new Set(settings.workingWeekdays);
  let tried = 0;
  for (let d = subjects.first; d <= subjects.last && tried < MAX_TRIED; d++) {
    if (cal.isWorking(d) || !weekdays.has(weekdayOf(d))) continue;
    tried++;
    const day = { date: isoOf(d), name: cal.offName(d) };
    const trial = workCalendarOf({ ...settings, workingDays: [...settings.workingDays, ...added, day] });
    const next = explainedBy(rows, trial, subjects, incoming);
    if (!more(next, explained) || !keeps(explainedBy(rows, trial, others, incoming), settled)) continue;
    added.push(day);
    cal = trial;
    explained = next;
  }

  let off = added.length > 0 ? distances(db, projectId, rows, cal, today, subjects) : first;
  if (!off) return null;
  const manual = new Set<number>();
  for (let round = 0; total(off) > 0; round++) {
    // Those the calendar does not explain first: a task moved only by a broken predecessor agrees
    // once that predecessor keeps its dates.
    const before = manual.size;
    for (let k = 0; k < off.length; k++) if (off[k]! > 0 && !explained[k]) manual.add(subjects.i[k]!);
    if (manual.size === before) for (let k = 0; k < off.length; k++) if (off[k]! > 0) manual.add(subjects.i[k]!);
    if (round === MAX_ROUNDS) break;
    const next = distances(db, projectId, rows, cal, today, subjects, manual);
    if (!next) break;
    off = next;
  }

  if (added.length === 0 && manual.size === 0) return null;
  if (added.length > 0) writeCalendarIn(db, batch, projectId, { workingDays: [...settings.workingDays, ...added] });
  const ids = [...manual].map((i) => rows.tasks.id[i]!);
  for (const id of ids) {
    wbsStore.update(db, id, { scheduling: 'manual' });
    batch.record(ENTITY, id, 'update', { scheduling: 'auto' }, { scheduling: 'manual' });
  }
  return { workingDays: added, manual: ids };
}

interface Subjects {
  /** Task indexes: automatic leaves the file dated. */
  i: number[];
  /** Per subject: 1 its start came from the file, 2 its finish, 3 both. */
  which: Uint8Array;
  /** The span of their file dates (day numbers): where a worked holiday can be. */
  first: number;
  last: number;
}

function subjectsOf(rows: NetworkRows, dated: ReadonlyMap<number, FileDated>): Subjects {
  const { tasks } = rows;
  const hasChildren = new Uint8Array(tasks.n);
  for (let i = 0; i < tasks.n; i++) if (tasks.parent[i]! >= 0) hasChildren[tasks.parent[i]!] = 1;
  const out: number[] = [];
  const which: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const [id, d] of dated) {
    const i = tasks.index.get(id);
    if (i === undefined || !tasks.auto[i] || hasChildren[i]) continue;
    const s = d.start ? tasks.startDay[i]! : NO_DATE;
    const f = d.finish ? tasks.finishDay[i]! : NO_DATE;
    const w = (s !== NO_DATE ? 1 : 0) | (f !== NO_DATE ? 2 : 0);
    if (w === 0) continue;
    out.push(i);
    which.push(w);
    for (const day of [s, f]) {
      if (day === NO_DATE) continue;
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
  }
  return { i: out, which: Uint8Array.from(which), first, last };
}

/**
 * Per subject, how many days its computed start and finish lie from the file's on calendar `cal`
 * (0: agreed; `manual` ones keep their dates, so 0); null when the links form a cycle (the reschedule
 * that follows refuses it, naming the tasks).
 */
function distances(db: Db, projectId: number, rows: NetworkRows, cal: WorkCalendar, today: string, s: Subjects, manual?: ReadonlySet<number>): Int32Array | null {
  const net = networkOf(db, projectId, rows, cal, today, undefined, manual);
  let r;
  try {
    r = run(net);
  } catch (e) {
    if (e instanceof CycleError) return null;
    throw e;
  }
  const { startDay, finishDay } = rows.tasks;
  const out = new Int32Array(s.i.length);
  for (let k = 0; k < s.i.length; k++) {
    const i = s.i[k]!;
    if (manual?.has(i)) continue;
    const w = s.which[k]!;
    if (w & 1) out[k]! += Math.abs(scheduledStart(cal, r.es[i]!, r.ef[i]!) - startDay[i]!);
    if (w & 2) out[k]! += Math.abs(scheduledFinish(cal, r.ef[i]!) - finishDay[i]!);
  }
  return out;
}

function total(off: Int32Array): number {
  let t = 0;
  for (const v of off) t += v;
  return t;
}

/** The automatic leaves with both dates that are not `subjects` (stored as scheduled: both dates checked). */
function othersOf(rows: NetworkRows, subjects: Subjects): Subjects {
  const { tasks } = rows;
  const mine = new Set(subjects.i);
  const hasChildren = new Uint8Array(tasks.n);
  for (let i = 0; i < tasks.n; i++) if (tasks.parent[i]! >= 0) hasChildren[tasks.parent[i]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < tasks.n; i++)
    if (tasks.auto[i] && !hasChildren[i] && !mine.has(i) && tasks.startDay[i] !== NO_DATE && tasks.finishDay[i] !== NO_DATE) out.push(i);
  return { i: out, which: new Uint8Array(out.length).fill(3), first: NO_DATE, last: NO_DATE };
}

/** `next` still explains every task `now` does. */
function keeps(next: Uint8Array, now: Uint8Array): boolean {
  for (let k = 0; k < next.length; k++) if (next[k]! < now[k]!) return false;
  return true;
}

/** `next` explains every task `now` does, and more. */
function more(next: Uint8Array, now: Uint8Array): boolean {
  let some = false;
  for (let k = 0; k < next.length; k++) {
    if (next[k]! < now[k]!) return false;
    if (next[k]! > now[k]!) some = true;
  }
  return some;
}

/** Per task index, its incoming links as [predecessor index, type code, lag]. */
function linksInto(rows: NetworkRows): Map<number, [number, number, number][]> {
  const out = new Map<number, [number, number, number][]>();
  const { index } = rows.tasks;
  for (const [p, s, type, lag] of rows.links) {
    const pi = index.get(p);
    const si = index.get(s);
    if (pi === undefined || si === undefined) continue;
    const list = out.get(si);
    if (list) list.push([pi, type, lag]);
    else out.set(si, [[pi, type, lag]]);
  }
  return out;
}

/**
 * Per subject, 1 when calendar `cal` explains its file dates on their own: a task of its duration
 * starting on its start (a working day) finishes on its finish, and its links, from its predecessors'
 * dates as stored (the file's), allow it to start exactly then, as the scheduler would start it
 * (cpm.ts: FS: ES ≥ EF(p) + lag, SS: ES ≥ ES(p) + lag, FF: EF ≥ EF(p) + lag, SF: EF ≥ ES(p) + lag).
 * A milestone, or a link from an undated task, is left to the whole schedule's check.
 */
function explainedBy(rows: NetworkRows, cal: WorkCalendar, s: Subjects, incoming: Map<number, [number, number, number][]>): Uint8Array {
  const { startDay, finishDay } = rows.tasks;
  const out = new Uint8Array(s.i.length);
  for (let k = 0; k < s.i.length; k++) {
    const i = s.i[k]!;
    const row = rows.tasks.rows[i]!;
    const S = startDay[i]!;
    const F = finishDay[i]!;
    if (S === NO_DATE || F === NO_DATE || row[4] === 0 || (row[4] === null && row[6] === 1)) continue;
    if (!cal.isWorking(S) || !cal.isWorking(F)) continue;
    const es = cal.onOrAfter(S);
    const ef = cal.onOrBefore(F) + 1;
    const d = row[4] ?? ef - es;
    if (ef - es !== d) continue;
    const links = incoming.get(i);
    if (links) {
      let bound = -Infinity;
      for (const [p, type, lag] of links) {
        if (startDay[p] === NO_DATE || finishDay[p] === NO_DATE) {
          bound = NaN;
          break;
        }
        const pes = cal.onOrAfter(startDay[p]!);
        const pef = cal.onOrBefore(finishDay[p]!) + 1;
        const b = type === FS ? pef + lag : type === SS ? pes + lag : type === FF ? pef + lag - d : pes + lag - d;
        if (b > bound) bound = b;
      }
      if (bound !== es) continue;
    }
    out[k] = 1;
  }
  return out;
}
