// Baselines, earned value, adherence, the S-curve and weekly closes over a project's plan. The pure rules
// are in electron/core/progress; this module reads the plans and writes the rows, each write in one batch.
import type {
  Adherence,
  Baseline,
  BaselineComparison,
  BaselineDetail,
  CloseFigures,
  CurvePoint,
  EvmResult,
  ProgressCurve,
  WeeklyClose,
} from '../../common/api/progress.js';
import { ApiError, textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { baselineHead, baselineHeads, baselineSnapshot, closeRowAt, closeRowsNewestFirst } from '../db/queries/progress.js';
import { inBatch, type Actor } from '../batch.js';
import { baselineStore, weeklyCloseStore } from '../entities.js';
import { getProjectRow } from './projects.js';
import { setStatusDate } from './status-date.js';
import { ensurePlaced, readCurrentPlan, readCurrentRows, type Plan } from '../progress/plan.js';
import { columnsOf, NO_DAY, readActuals, readColumns, TaskColumns } from '../progress/columns.js';
import { decodeColumns, decodePlan, encodePlan } from '../progress/snapshot-codec.js';
import { comparePlans } from '../progress/compare.js';
import { adherenceOf, computeAdherence, computeEvm, overallProgress, plannedValue } from '../progress/evm.js';
import { dayOf, isoOf, projectWorkDays } from '../progress/work-days.js';
import { issueFigures, qualityFigures, riskFigures } from './register-figures.js';

type BaselineRow = typeof baselineStore extends { fromRaw(raw: never): infer R } ? R : never;

const summary = (r: BaselineRow): Baseline => ({ id: r.id, projectId: r.projectId, name: r.name, takenAt: r.takenAt, taskCount: r.taskCount });

// ---- baselines ---------------------------------------------------------------------------------

export function createBaseline(db: Db, actor: Actor, projectId: number, name: string): Pick<Baseline, 'id' | 'name' | 'takenAt'> {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'baseline.create', projectId, (batch) => {
    // Read inside the write transaction: no edit can land between the read and the snapshot.
    // Stored in storage order: decoding places the tasks anyway.
    const plan = readCurrentPlan(db, projectId, false);
    const takenAt = new Date().toISOString();
    const values = { projectId, name, takenAt, taskCount: plan.tasks.length, snapshot: encodePlan(plan) };
    const id = baselineStore.insertFull(db, values);
    batch.record('baseline', id, 'create', null, { id, ...values });
    keep(kept(db).whole, WHOLE, id, takenAt, ensurePlaced(plan));
    return { id, name, takenAt };
  });
}

export function listBaselines(db: Db, projectId: number): Baseline[] {
  getProjectRow(db, projectId);
  return baselineHeads(db, projectId).map(([id, pid, name, takenAt, taskCount]) => ({ id, projectId: pid, name, takenAt, taskCount }));
}

function baselineRow(db: Db, id: number): BaselineRow {
  return baselineStore.require(db, id, `Baseline ${id}`);
}

export function deleteBaseline(db: Db, actor: Actor, id: number): { deleted: number } {
  const row = baselineRow(db, id);
  return inBatch(db, actor, 'baseline.delete', row.projectId, (batch) => {
    baselineStore.remove(db, id);
    batch.record('baseline', id, 'delete', row, null);
    return { deleted: 1 };
  });
}

// A baseline never changes once taken, so what is decoded of it can be kept: its whole plan for a few
// (a screen compares one or two), its numbers (what figures read, a tenth of the size) for many (the
// portfolio measures every project against its newest). Keyed by takenAt too, in case an id came back
// through a restore.
type Kept<T> = Map<number, { takenAt: string; value: T }>;
const WHOLE = 4;
const NUMBERS = 100;
const cache = new WeakMap<Db, { whole: Kept<Plan>; numbers: Kept<TaskColumns> }>();
function kept(db: Db) {
  let c = cache.get(db);
  if (!c) cache.set(db, (c = { whole: new Map(), numbers: new Map() }));
  return c;
}
function keep<T>(m: Kept<T>, size: number, id: number, takenAt: string, value: T): T {
  m.delete(id);
  while (m.size >= size) m.delete(m.keys().next().value!);
  m.set(id, { takenAt, value });
  return value;
}

/** A baseline's row; `projectId` checks it belongs to that project. */
function baselineMeta(db: Db, id: number, projectId?: number): Baseline {
  const meta = baselineHead(db, id);
  if (!meta) throw textError('NOT_FOUND', 'baseline.gone', { id }, `Baseline ${id} does not exist`, { field: 'baselineId', id });
  const row: Baseline = { id: meta[0], projectId: meta[1], name: meta[2], takenAt: meta[3], taskCount: meta[4] };
  if (projectId !== undefined && row.projectId !== projectId)
    throw textError('VALIDATION', 'baseline.otherProject', { name: row.name }, `Baseline ${id} belongs to another project`, [{ field: 'baselineId', message: 'belongs to another project' }]);
  return row;
}

const snapshotOf = (db: Db, id: number) => baselineSnapshot(db, id)!;

/** The plan a baseline kept; `projectId` checks it belongs to that project. */
export function baselinePlan(db: Db, id: number, projectId?: number): { row: Baseline; plan: Plan } {
  const row = baselineMeta(db, id, projectId);
  const hit = kept(db).whole.get(id);
  if (hit && hit.takenAt === row.takenAt) return { row, plan: hit.value };
  return { row, plan: keep(kept(db).whole, WHOLE, id, row.takenAt, decodePlan(snapshotOf(db, id))) };
}

/** The numbers of the plan a baseline kept (no names), as earned value and adherence read them. */
export function baselineColumns(db: Db, id: number, projectId?: number): TaskColumns {
  const row = baselineMeta(db, id, projectId);
  const { whole, numbers } = kept(db);
  const plan = whole.get(id);
  if (plan && plan.takenAt === row.takenAt) return columnsOf(plan.value);
  const hit = numbers.get(id);
  if (hit && hit.takenAt === row.takenAt) return hit.value;
  return keep(numbers, NUMBERS, id, row.takenAt, decodeColumns(snapshotOf(db, id)));
}

export function getBaseline(db: Db, id: number): BaselineDetail {
  const { row, plan } = baselinePlan(db, id);
  return { ...row, costRate: plan.costRate, tasks: plan.tasks, links: plan.links };
}

export function compareBaseline(db: Db, projectId: number, baselineId: number, againstId?: number): BaselineComparison {
  getProjectRow(db, projectId);
  const before = baselinePlan(db, baselineId, projectId);
  const against = againstId === undefined ? null : baselinePlan(db, againstId, projectId);
  // The current plan as rows: only the tasks that differ become objects.
  const after = against ? against.plan : readCurrentRows(db, projectId);
  return { baseline: before.row, against: against?.row ?? null, ...comparePlans(before.plan, after, projectWorkDays(db, projectId)) };
}

// ---- earned value ------------------------------------------------------------------------------

/**
 * The plan measured against (a baseline's, or the current plan's columns) and the current plan's
 * columns: all that figures read. Names and codes are read only by answers that show them (namedPlans).
 */
function figurePlans(db: Db, projectId: number, baselineId?: number, names = false): { plan: Plan | TaskColumns; current: TaskColumns } {
  getProjectRow(db, projectId);
  const current = readColumns(db, projectId, names);
  if (baselineId === undefined) return { plan: current, current };
  // The baseline's numbers alone, unless figures by task or assignee name its tasks.
  return { plan: names ? baselinePlan(db, baselineId, projectId).plan : baselineColumns(db, baselineId, projectId), current };
}

/** Both plans whole (names, codes, text dates), for answers that name tasks; the current one read unless given. */
function namedPlans(db: Db, projectId: number, baselineId?: number, given?: Plan): { plan: Plan; current: Plan } {
  getProjectRow(db, projectId);
  const current = given ?? readCurrentPlan(db, projectId);
  return { plan: baselineId === undefined ? current : baselinePlan(db, baselineId, projectId).plan, current };
}

export function evmCompute(db: Db, projectId: number, statusDate: string, baselineId?: number, by?: 'task' | 'assignee'): EvmResult {
  getProjectRow(db, projectId);
  const cal = projectWorkDays(db, projectId);
  // Figures by task name the plan's tasks: the current plan is then read whole (a baseline has its
  // names). The totals against a baseline read of the current plan only what earns and costs.
  const { plan, current } =
    by === 'task' && baselineId === undefined
      ? namedPlans(db, projectId)
      : by === undefined && baselineId !== undefined
        ? { plan: baselineColumns(db, baselineId, projectId), current: readActuals(db, projectId) }
        : figurePlans(db, projectId, baselineId, by !== undefined);
  const r = computeEvm({ plan, current, statusDate, cal, by });
  return { projectId, baselineId: baselineId ?? null, ...r };
}

/** `current`: the project's current plan as the caller has just read it (the weekly report's lists). */
export function evmAdherence(db: Db, projectId: number, statusDate: string, baselineId?: number, current?: Plan): Adherence {
  const { plan, current: now } = namedPlans(db, projectId, baselineId, current);
  return { baselineId: baselineId ?? null, ...computeAdherence(plan, now, statusDate, projectWorkDays(db, projectId)) };
}

/**
 * PV at every week's end (the status date's weekday) across the plan, and EV / AC where they were
 * recorded: at each weekly close (as closed then) and at the status date (as now).
 */
export function evmCurve(db: Db, projectId: number, statusDate: string, baselineId?: number): ProgressCurve {
  const { plan, current } = figurePlans(db, projectId, baselineId);
  const cal = projectWorkDays(db, projectId);
  const P = plan instanceof TaskColumns ? plan : columnsOf(plan);
  let first: number | null = null;
  let last: number | null = null;
  for (const dates of [P.plannedStart, P.plannedFinish])
    for (const n of dates) {
      if (n === NO_DAY) continue;
      if (first === null || n < first) first = n;
      if (last === null || n > last) last = n;
    }
  const closes = listCloses(db, projectId);
  const dates = new Set<number>();
  const status = dayOf(statusDate);
  if (first !== null && last !== null) {
    // Weekly points on the status date's weekday, one week either side of the plan.
    let d = status - Math.ceil((status - first) / 7) * 7 - 7;
    for (; d <= last + 7; d += 7) dates.add(d);
  }
  for (const c of closes) dates.add(dayOf(c.statusDate));
  dates.add(status);
  const closeByDay = new Map(closes.map((c) => [dayOf(c.statusDate), c]));
  const now = computeEvm({ plan, current, statusDate, cal });
  const points: CurvePoint[] = [...dates]
    .sort((a, b) => a - b)
    .map((day) => {
      const pv = plannedValue(P, day, cal);
      const c = day === status ? null : closeByDay.get(day);
      const ev = day === status ? now.ev : c ? c.figures.ev : null;
      const ac = day === status ? now.ac : c ? c.figures.ac : null;
      return { date: isoOf(day), pv: Math.round(pv * 1e6) / 1e6, ev, ac };
    });
  return { baselineId: baselineId ?? null, statusDate, bac: now.bac, points };
}

// ---- weekly closes -----------------------------------------------------------------------------

type CloseRow = typeof weeklyCloseStore extends { fromRaw(raw: never): infer R } ? R : never;

function closeDto(r: CloseRow, withProgress: boolean): WeeklyClose {
  const dto: WeeklyClose = {
    id: r.id,
    projectId: r.projectId,
    statusDate: r.statusDate,
    closedAt: r.closedAt,
    baselineId: r.baselineId,
    figures: r.figures as unknown as CloseFigures,
  };
  if (withProgress) {
    const { ids, progress } = JSON.parse(r.progress) as { ids: number[]; progress: number[] };
    const map: Record<number, number> = {};
    ids.forEach((id, i) => (map[id] = progress[i]!));
    dto.progress = map;
  }
  return dto;
}

export function listCloses(db: Db, projectId: number, limit?: number, withProgress = false): WeeklyClose[] {
  getProjectRow(db, projectId);
  const rows = closeRowsNewestFirst(db, projectId, limit).map(weeklyCloseStore.fromRaw);
  return rows.map((r) => closeDto(r, withProgress));
}

/** The plan's part of the figures a weekly close keeps: earned value, 計画遵守率 and late counts, progress. */
export type PlanFigures = Omit<CloseFigures, 'openIssues' | 'overdueIssues' | 'leadTime' | 'risksHigh' | 'risksMedium' | 'risksLow' | 'recurrenceRate' | 'auditFindings'>;

/**
 * The plan's figures at a status date against a baseline (or the current plan), and the current plan:
 * read here, or given as its columns without names (the portfolio keeps them between calls).
 */
export function measurePlan(db: Db, projectId: number, statusDate: string, baselineId?: number, given?: TaskColumns): { figures: PlanFigures; current: TaskColumns } {
  const { plan, current } = given
    ? { plan: baselineId === undefined ? given : baselineColumns(db, baselineId, projectId), current: given }
    : figurePlans(db, projectId, baselineId);
  const cal = projectWorkDays(db, projectId);
  const evm = computeEvm({ plan, current, statusDate, cal });
  const adh = adherenceOf(plan, current, statusDate, cal);
  const figures: PlanFigures = {
    bac: evm.bac,
    pv: evm.pv,
    ev: evm.ev,
    ac: evm.ac,
    sv: evm.sv,
    cv: evm.cv,
    spi: evm.spi,
    cpi: evm.cpi,
    eac: evm.eac,
    etc: evm.etc,
    vac: evm.vac,
    tcpi: evm.tcpi,
    costRate: evm.costRate,
    adherence: adh.rate,
    due: adh.due,
    onTime: adh.onTime,
    lateToStart: adh.lateToStart.length,
    lateToFinish: adh.lateToFinish.length,
    milestonesMissed: adh.milestonesMissed.length,
    progress: overallProgress(plan, current),
  };
  return { figures, current };
}

/**
 * The figures a weekly close keeps and the portfolio home shows, at a status date against a baseline
 * (or the current plan): the plan's (measurePlan) and the registers' (open and overdue issues, リードタイム,
 * open risks by level). The one place they are computed; answers the current plan too.
 */
export function measureProject(db: Db, projectId: number, statusDate: string, baselineId?: number): { figures: CloseFigures; current: TaskColumns } {
  const { figures, current } = measurePlan(db, projectId, statusDate, baselineId);
  return { figures: withRegisterFigures(db, projectId, statusDate, figures), current };
}

/** The plan's figures completed with the registers' at the same status date. */
export function withRegisterFigures(db: Db, projectId: number, statusDate: string, plan: PlanFigures): CloseFigures {
  return { ...plan, ...issueFigures(db, projectId, statusDate), ...riskFigures(db, projectId), ...qualityFigures(db, projectId, statusDate) };
}

/**
 * Sets the status date and keeps the project's figures and every task's progress at it; closing the
 * same date again replaces that close. One batch, so one undo puts both back.
 */
export function closeWeek(db: Db, actor: Actor, projectId: number, statusDate: string, baselineId?: number): WeeklyClose {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'weekly.close', projectId, (batch) => {
    const { figures, current } = measureProject(db, projectId, statusDate, baselineId);
    const progress = JSON.stringify({ ids: Array.from(current.id), progress: Array.from(current.progress) });
    setStatusDate(db, batch, projectId, statusDate);
    const values = {
      projectId,
      statusDate,
      closedAt: new Date().toISOString(),
      baselineId: baselineId ?? null,
      figures: figures as unknown as Record<string, unknown>,
      progress,
    };
    const raw = closeRowAt(db, projectId, statusDate);
    const existing = raw && weeklyCloseStore.fromRaw(raw);
    let row: CloseRow;
    if (existing) {
      row = weeklyCloseStore.update(db, existing.id, values);
      const { id: _i, ...was } = existing;
      batch.record('weekly_close', existing.id, 'update', was, values);
    } else {
      row = weeklyCloseStore.insert(db, values);
      batch.record('weekly_close', row.id, 'create', null, row);
    }
    return closeDto(row, false);
  });
}
