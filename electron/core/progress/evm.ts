// Earned value and schedule adherence at a status date, as pure functions of two plans: the plan the
// figures are measured against (a baseline, or the current plan itself) and the current plan, which
// gives progress and actual effort. Over the plan's leaf tasks (issue 14):
//   BAC = Σ planned effort
//   PV  = Σ planned effort × working days of the planned period up to and including the status date
//                            ÷ working days of the planned period
//   EV  = Σ planned effort × progress;  AC = Σ actual effort
//   SV = EV − PV; CV = EV − AC; SPI = EV ÷ PV; CPI = EV ÷ AC; EAC = BAC ÷ CPI; ETC = EAC − AC;
//   VAC = BAC − EAC; TCPI = (BAC − EV) ÷ (BAC − AC); a ratio whose divisor is 0 is null.
// The status date counts as a whole day (figures are "as of the end of" it). A leaf of the baseline that
// was split since is measured with its current rolled-up progress and actual effort; tasks added since
// the baseline carry no planned value, so they count in AC only (at their nearest ancestor the baseline
// knows, or the project).
import type { Adherence, BaselineTask, EvmFigures, EvmResult, EvmRow, LateTask } from '../../common/api/progress.js';
import { ensurePlaced, summaryIds, type Plan } from './plan.js';
import { dayOf, slipDays, type WorkDays } from './work-days.js';

/** Person-days kept to 6 decimals, so sums of tenths compare equal to what a person computes. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The derived figures of four sums. */
export function figures(bac: number, pv: number, ev: number, ac: number): EvmFigures {
  [bac, pv, ev, ac] = [tidy(bac), tidy(pv), tidy(ev), tidy(ac)];
  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  const eac = cpi === null ? null : ratio(bac, cpi);
  return {
    bac,
    pv,
    ev,
    ac,
    sv: tidy(ev - pv),
    cv: tidy(ev - ac),
    spi,
    cpi,
    eac: eac === null ? null : tidy(eac),
    etc: eac === null ? null : tidy(eac - ac),
    vac: eac === null ? null : tidy(bac - eac),
    tcpi: ratio(bac - ev, bac - ac),
  };
}

export function inYen(f: EvmFigures, rate: number): EvmFigures {
  const y = (n: number | null) => (n === null ? null : Math.round(n * rate));
  return { ...f, bac: y(f.bac)!, pv: y(f.pv)!, ev: y(f.ev)!, ac: y(f.ac)!, sv: y(f.sv)!, cv: y(f.cv)!, eac: y(f.eac), etc: y(f.etc), vac: y(f.vac) };
}

// Dates repeat across tasks (a plan has a few hundred distinct ones), so their day numbers are kept.
const days = new Map<string, number>();
function day(iso: string): number {
  let d = days.get(iso);
  if (d === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(iso, (d = dayOf(iso)));
  }
  return d;
}

/**
 * Share of a task's planned period worked by the end of `status` (day numbers). A task with only one
 * planned date is a point in time; a period with no working day counts whole once it has passed.
 */
export function plannedShare(cal: WorkDays, start: string | null, finish: string | null, status: number): number {
  if (start === null && finish === null) return 0;
  const s = day(start ?? finish!);
  const f = day(finish ?? start!);
  if (status < s) return 0;
  if (status >= f) return 1;
  const total = cal.workingDaysBetween(s, f);
  return total === 0 ? 0 : cal.workingDaysBetween(s, status) / total;
}

interface Sums {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
}

export interface EvmInput {
  plan: Plan;
  current: Plan;
  statusDate: string;
  cal: WorkDays;
  by?: 'task' | 'assignee';
}

export function computeEvm({ plan, current, statusDate, cal, by }: EvmInput): Omit<EvmResult, 'projectId' | 'baselineId'> {
  const status = dayOf(statusDate);
  if (by === 'task') ensurePlaced(plan);
  const same = plan === current;
  const planSummaries = summaryIds(plan.tasks);
  let curById: Map<number, BaselineTask> | null = null;
  if (!same) {
    curById = new Map();
    for (const t of current.tasks) curById.set(t.id, t);
  }
  // Per-leaf sums only when rows are asked for; the totals alone allocate nothing per task.
  const leafSums = by ? new Map<number, Sums>() : null;
  let bac = 0;
  let pv = 0;
  let ev = 0;
  let ac = 0;
  for (const t of plan.tasks) {
    if (planSummaries.has(t.id)) continue;
    const effort = t.plannedEffort ?? 0;
    const cur = same ? t : curById!.get(t.id);
    const tpv = effort === 0 ? 0 : effort * plannedShare(cal, t.plannedStart, t.plannedFinish, status);
    const tev = cur ? (effort * cur.progress) / 100 : 0;
    const tac = cur?.actualEffort ?? 0;
    bac += effort;
    pv += tpv;
    ev += tev;
    ac += tac;
    leafSums?.set(t.id, { bac: effort, pv: tpv, ev: tev, ac: tac });
  }

  // Actual effort on tasks the plan does not know, at their nearest ancestor it does (null: the project).
  const extraAc = new Map<number | null, number>();
  const extraByAssignee = new Map<string, number>();
  if (!same) {
    const curSummaries = summaryIds(current.tasks);
    const planIds = new Set<number>();
    for (const t of plan.tasks) planIds.add(t.id);
    for (const t of current.tasks) {
      if (planIds.has(t.id) || curSummaries.has(t.id) || !t.actualEffort) continue;
      let p = t.parentId;
      while (p !== null && !planIds.has(p)) p = curById!.get(p)?.parentId ?? null;
      // Under a plan leaf that was split since: already in that leaf's rolled-up actual effort.
      if (p !== null && !planSummaries.has(p)) continue;
      extraAc.set(p, (extraAc.get(p) ?? 0) + t.actualEffort);
      extraByAssignee.set(t.assignee, (extraByAssignee.get(t.assignee) ?? 0) + t.actualEffort);
      ac += t.actualEffort;
    }
  }

  const totals = figures(bac, pv, ev, ac);
  const result: Omit<EvmResult, 'projectId' | 'baselineId'> = {
    ...totals,
    statusDate,
    costRate: plan.costRate,
    yen: plan.costRate === null ? null : inYen(totals, plan.costRate),
  };
  if (by === 'task') result.rows = taskRows(plan, planSummaries, leafSums!, extraAc);
  if (by === 'assignee') result.rows = assigneeRows(plan, planSummaries, leafSums!, extraByAssignee);
  return result;
}

function taskRows(plan: Plan, summaries: Set<number>, leafSums: Map<number, Sums>, extraAc: Map<number | null, number>): EvmRow[] {
  const sums = new Map<number, Sums>();
  const levels = new Map<number, number>();
  for (const t of plan.tasks) levels.set(t.id, t.parentId === null ? 0 : (levels.get(t.parentId) ?? 0) + 1);
  // Reverse tree order visits every child before its parent.
  for (let i = plan.tasks.length - 1; i >= 0; i--) {
    const t = plan.tasks[i]!;
    const own = leafSums.get(t.id) ?? sums.get(t.id) ?? { bac: 0, pv: 0, ev: 0, ac: 0 };
    own.ac += extraAc.get(t.id) ?? 0;
    sums.set(t.id, own);
    if (t.parentId === null) continue;
    const p = sums.get(t.parentId) ?? { bac: 0, pv: 0, ev: 0, ac: 0 };
    p.bac += own.bac;
    p.pv += own.pv;
    p.ev += own.ev;
    p.ac += own.ac;
    sums.set(t.parentId, p);
  }
  return plan.tasks.map((t) => {
    const s = sums.get(t.id)!;
    return {
      key: String(t.id),
      id: t.id,
      parentId: t.parentId,
      code: t.code,
      level: levels.get(t.id)!,
      leaf: !summaries.has(t.id),
      name: t.name,
      ...figures(s.bac, s.pv, s.ev, s.ac),
    };
  });
}

function assigneeRows(plan: Plan, summaries: Set<number>, leafSums: Map<number, Sums>, extra: Map<string, number>): EvmRow[] {
  const by = new Map<string, Sums>();
  const at = (who: string) => by.get(who) ?? by.set(who, { bac: 0, pv: 0, ev: 0, ac: 0 }).get(who)!;
  for (const t of plan.tasks) {
    if (summaries.has(t.id)) continue;
    const s = leafSums.get(t.id)!;
    const a = at(t.assignee);
    a.bac += s.bac;
    a.pv += s.pv;
    a.ev += s.ev;
    a.ac += s.ac;
  }
  for (const [who, ac] of extra) at(who).ac += ac;
  return [...by.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ja')))
    .map(([who, s]) => ({ key: who, name: who, ...figures(s.bac, s.pv, s.ev, s.ac) }));
}

/** Progress of the whole plan (%), weighted by planned effort (a plain average when there is none). */
export function overallProgress(plan: Plan, current: Plan): number {
  const summaries = summaryIds(plan.tasks);
  const curById = new Map(current.tasks.map((t) => [t.id, t]));
  let w = 0;
  let wp = 0;
  let n = 0;
  let p = 0;
  for (const t of plan.tasks) {
    if (summaries.has(t.id)) continue;
    const progress = curById.get(t.id)?.progress ?? 0;
    const e = t.plannedEffort ?? 0;
    w += e;
    wp += e * progress;
    n++;
    p += progress;
  }
  return w > 0 ? Math.round((wp / w) * 10) / 10 : n > 0 ? Math.round((p / n) * 10) / 10 : 0;
}

/**
 * 計画遵守率 at the status date: of the plan's leaf tasks planned to finish on or before it, the share
 * finished on or before their planned finish (a task marked done or at 100 % without an actual finish
 * counts as on time: nothing says it was late). Cancelled tasks are left out. The lists name what is late at the
 * status date: not started although planned to start by then; not finished by the planned finish (or
 * finished after it); milestones not reached by their date.
 */
export function computeAdherence(plan: Plan, current: Plan, statusDate: string, cal: WorkDays): Omit<Adherence, 'baselineId'> {
  const status = dayOf(statusDate);
  // The lists name tasks by their current WBS code.
  ensurePlaced(current);
  const summaries = summaryIds(plan.tasks);
  const curById = new Map(current.tasks.map((t) => [t.id, t]));
  let due = 0;
  let onTime = 0;
  const lateToStart: LateTask[] = [];
  const lateToFinish: LateTask[] = [];
  const milestonesMissed: LateTask[] = [];
  for (const t of plan.tasks) {
    if (summaries.has(t.id)) continue;
    const cur = curById.get(t.id);
    if (!cur || cur.status === 'cancelled') continue;
    const late = (daysLate: number): LateTask => ({
      id: t.id,
      code: cur.code,
      name: cur.name,
      assignee: cur.assignee,
      plannedStart: t.plannedStart,
      plannedFinish: t.plannedFinish,
      actualStart: cur.actualStart,
      actualFinish: cur.actualFinish,
      progress: cur.progress,
      daysLate,
    });
    const started = cur.actualStart !== null || cur.progress > 0 || cur.status !== 'not_started';
    if (!t.milestone && t.plannedStart !== null && dayOf(t.plannedStart) <= status && !started)
      lateToStart.push(late(cal.workingDaysBetween(dayOf(t.plannedStart), status)));
    if (t.plannedFinish === null) continue;
    const finish = dayOf(t.plannedFinish);
    if (finish > status) continue;
    due++;
    const finishedOn = cur.actualFinish !== null && dayOf(cur.actualFinish) <= status ? dayOf(cur.actualFinish) : null;
    const done = finishedOn !== null || (cur.actualFinish === null && (cur.status === 'done' || cur.progress >= 100));
    const inTime = done && (finishedOn === null || finishedOn <= finish);
    if (inTime) {
      onTime++;
      continue;
    }
    const entry = late(slipDays(cal, finish, finishedOn ?? status));
    if (t.milestone) milestonesMissed.push(entry);
    else lateToFinish.push(entry);
  }
  const byLateness = (a: LateTask, b: LateTask) => b.daysLate - a.daysLate || a.code.localeCompare(b.code, undefined, { numeric: true });
  return {
    statusDate,
    due,
    onTime,
    rate: due === 0 ? null : onTime / due,
    lateToStart: lateToStart.sort(byLateness),
    lateToFinish: lateToFinish.sort(byLateness),
    milestonesMissed: milestonesMissed.sort(byLateness),
  };
}
