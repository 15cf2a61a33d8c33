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
import type { Adherence, EvmFigures, EvmResult, EvmRow, LateTask } from '../../common/api/progress.js';
import { ensurePlaced, type Plan } from './plan.js';
import { Actuals, assigneesOf, columnsOf, NO_DAY, STATE, TaskColumns } from './columns.js';
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

/**
 * Share of a task's planned period worked by the end of `status` (day numbers, NO_DAY = no date): O(1)
 * through the calendar's working-day counts. A task with only one planned date is a point in time; a
 * period with no working day counts whole once it has passed.
 */
export function plannedShare(cal: WorkDays, start: number, finish: number, status: number): number {
  if (start === NO_DAY && finish === NO_DAY) return 0;
  const s = start === NO_DAY ? finish : start;
  const f = finish === NO_DAY ? start : finish;
  if (status < s) return 0;
  if (status >= f) return 1;
  const total = cal.workingDaysBetween(s, f);
  return total === 0 ? 0 : cal.workingDaysBetween(s, status) / total;
}

/** Planned value of a plan's leaves at `status` (the S-curve asks it once per week). */
export function plannedValue(P: TaskColumns, status: number, cal: WorkDays): number {
  const leaf = P.leaf;
  let pv = 0;
  for (let i = 0; i < P.n; i++) {
    const e = P.plannedEffort[i]!;
    if (leaf[i] && e !== 0) pv += e * plannedShare(cal, P.plannedStart[i]!, P.plannedFinish[i]!, status);
  }
  return pv;
}

const cols = (p: Plan | TaskColumns) => (p instanceof TaskColumns ? p : columnsOf(p));
const actualsOf = (p: Plan | Actuals) => (p instanceof Actuals ? p : columnsOf(p));

export interface EvmInput {
  /**
   * The plan measured against (a baseline, or the current plan itself). Figures by task name its tasks,
   * so they need the Plan; the totals and figures by assignee take its columns.
   */
  plan: Plan | TaskColumns;
  /** The current plan: progress and actual effort (its names too for figures by assignee). */
  current: Plan | Actuals;
  statusDate: string;
  cal: WorkDays;
  by?: 'task' | 'assignee';
}

/** Per plan task (index as in its columns) when rows are asked for; summaries get theirs in taskRows. */
interface Sums {
  bac: Float64Array;
  pv: Float64Array;
  ev: Float64Array;
  ac: Float64Array;
}

export function computeEvm({ plan, current, statusDate, cal, by }: EvmInput): Omit<EvmResult, 'projectId' | 'baselineId'> {
  if (by === 'task') {
    if (plan instanceof TaskColumns) throw new Error('figures by task name the plan\'s tasks: pass the Plan');
    // Rows come in tree order with codes; placing first makes the columns follow that order.
    ensurePlaced(plan);
  }
  const status = dayOf(statusDate);
  const P = cols(plan);
  const C = actualsOf(current);
  const same = (P as Actuals) === C;
  const leaf = P.leaf;
  const n = P.n;
  // Per-task sums only when rows are asked for; the totals alone allocate nothing per task.
  const sums: Sums | null = by ? { bac: new Float64Array(n), pv: new Float64Array(n), ev: new Float64Array(n), ac: new Float64Array(n) } : null;
  let bac = 0;
  let pv = 0;
  for (let i = 0; i < n; i++) {
    const e = P.plannedEffort[i]!;
    if (!leaf[i] || e === 0) continue;
    const tpv = e * plannedShare(cal, P.plannedStart[i]!, P.plannedFinish[i]!, status);
    bac += e;
    pv += tpv;
    if (sums) {
      sums.bac[i] = e;
      sums.pv[i] = tpv;
    }
  }
  // Earned value and actual effort of the plan's leaves as the current plan has them now; actual effort
  // on work the plan does not know goes to its nearest ancestor the plan knows (0: the project).
  let ev = 0;
  let ac = 0;
  const extraAc = new Map<number, number>();
  const extraByAssignee = new Map<string, number>();
  const unknown: number[] = [];
  for (let j = 0; j < C.n; j++) {
    const i = same ? j : P.index.get(C.id[j]!);
    if (i === undefined) {
      if (C.actualEffort[j] !== 0) unknown.push(j);
      continue;
    }
    if (!leaf[i]) continue;
    const tev = (P.plannedEffort[i]! * C.progress[j]!) / 100;
    const tac = C.actualEffort[j]!;
    ev += tev;
    ac += tac;
    if (sums) {
      sums.ev[i] = tev;
      sums.ac[i] = tac;
    }
  }
  if (unknown.length > 0) {
    const cleaf = C.leaf;
    for (const j of unknown) {
      if (!cleaf[j]) continue; // a summary: its leaves count
      let p = C.parent[j]!;
      while (p !== 0 && !P.index.has(p)) {
        const k = C.index.get(p);
        p = k === undefined ? 0 : C.parent[k]!;
      }
      // Under a plan leaf that was split since: already in that leaf's rolled-up actual effort.
      if (p !== 0 && leaf[P.index.get(p)!]) continue;
      const a = C.actualEffort[j]!;
      extraAc.set(p, (extraAc.get(p) ?? 0) + a);
      if (by === 'assignee') {
        const who = assigneesOf(C)[j]!;
        extraByAssignee.set(who, (extraByAssignee.get(who) ?? 0) + a);
      }
      ac += a;
    }
  }

  const totals = figures(bac, pv, ev, ac);
  const costRate = P.costRate;
  const result: Omit<EvmResult, 'projectId' | 'baselineId'> = {
    ...totals,
    statusDate,
    costRate,
    yen: costRate === null ? null : inYen(totals, costRate),
  };
  if (by === 'task') result.rows = taskRows(plan as Plan, P, sums!, extraAc);
  if (by === 'assignee') result.rows = assigneeRows(P, sums!, extraByAssignee);
  return result;
}

function taskRows(plan: Plan, P: TaskColumns, s: Sums, extraAc: Map<number, number>): EvmRow[] {
  const n = P.n;
  const parentAt = new Int32Array(n);
  const levels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = P.parent[i] === 0 ? undefined : P.index.get(P.parent[i]!);
    parentAt[i] = k ?? -1;
    // Tree order: a parent comes before its children.
    levels[i] = k === undefined ? 0 : levels[k]! + 1;
  }
  for (const [id, a] of extraAc) if (id !== 0) s.ac[P.index.get(id)!]! += a;
  // Reverse tree order visits every child before its parent.
  for (let i = n - 1; i >= 0; i--) {
    const k = parentAt[i]!;
    if (k < 0) continue;
    s.bac[k]! += s.bac[i]!;
    s.pv[k]! += s.pv[i]!;
    s.ev[k]! += s.ev[i]!;
    s.ac[k]! += s.ac[i]!;
  }
  const leaf = P.leaf;
  return plan.tasks.map((t, i) => ({
    key: String(t.id),
    id: t.id,
    parentId: t.parentId,
    code: t.code,
    level: levels[i]!,
    leaf: leaf[i] === 1,
    name: t.name,
    ...figures(s.bac[i]!, s.pv[i]!, s.ev[i]!, s.ac[i]!),
  }));
}

function assigneeRows(P: TaskColumns, s: Sums, extra: Map<string, number>): EvmRow[] {
  const by = new Map<string, { bac: number; pv: number; ev: number; ac: number }>();
  const at = (who: string) => by.get(who) ?? by.set(who, { bac: 0, pv: 0, ev: 0, ac: 0 }).get(who)!;
  const leaf = P.leaf;
  const names = assigneesOf(P);
  for (let i = 0; i < P.n; i++) {
    if (!leaf[i]) continue;
    const a = at(names[i]!);
    a.bac += s.bac[i]!;
    a.pv += s.pv[i]!;
    a.ev += s.ev[i]!;
    a.ac += s.ac[i]!;
  }
  for (const [who, ac] of extra) at(who).ac += ac;
  return [...by.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ja')))
    .map(([who, x]) => ({ key: who, name: who, ...figures(x.bac, x.pv, x.ev, x.ac) }));
}

/** Progress of the whole plan (%), weighted by planned effort (a plain average when there is none). */
export function overallProgress(plan: Plan | TaskColumns, current: Plan | Actuals): number {
  const P = cols(plan);
  const C = actualsOf(current);
  const leaf = P.leaf;
  let w = 0;
  let n = 0;
  for (let i = 0; i < P.n; i++) {
    if (!leaf[i]) continue;
    w += P.plannedEffort[i]!;
    n++;
  }
  // A plan leaf gone from the current plan counts with progress 0.
  let wp = 0;
  let p = 0;
  for (let j = 0; j < C.n; j++) {
    const i = (P as Actuals) === C ? j : P.index.get(C.id[j]!);
    if (i === undefined || !leaf[i]) continue;
    wp += P.plannedEffort[i]! * C.progress[j]!;
    p += C.progress[j]!;
  }
  return w > 0 ? Math.round((wp / w) * 10) / 10 : n > 0 ? Math.round((p / n) * 10) / 10 : 0;
}

/** A late task: its index in the plan's and the current plan's columns. */
export interface LateAt {
  i: number;
  j: number;
  daysLate: number;
}

export interface AdherenceCounts {
  due: number;
  onTime: number;
  rate: number | null;
  lateToStart: LateAt[];
  lateToFinish: LateAt[];
  milestonesMissed: LateAt[];
}

/**
 * 計画遵守率 at the status date: of the plan's leaf tasks planned to finish on or before it, the share
 * finished on or before their planned finish (a task marked done or at 100 % without an actual finish
 * counts as on time: nothing says it was late). Cancelled tasks are left out. The lists name what is late at the
 * status date: not started although planned to start by then; not finished by the planned finish (or
 * finished after it); milestones not reached by their date.
 */
export function adherenceOf(plan: Plan | TaskColumns, current: Plan | TaskColumns, statusDate: string, cal: WorkDays): AdherenceCounts {
  const status = dayOf(statusDate);
  const P = cols(plan);
  const C = cols(current);
  const leaf = P.leaf;
  let due = 0;
  let onTime = 0;
  const lateToStart: LateAt[] = [];
  const lateToFinish: LateAt[] = [];
  const milestonesMissed: LateAt[] = [];
  // Over the current plan's tasks: a plan task gone since is not late (nothing is left to do).
  for (let j = 0; j < C.n; j++) {
    const i = P === C ? j : P.index.get(C.id[j]!);
    if (i === undefined || !leaf[i]) continue;
    const state = C.state[j]!;
    if (state === STATE.cancelled) continue;
    const start = P.plannedStart[i]!;
    const started = C.actualStart[j] !== NO_DAY || C.progress[j]! > 0 || state !== STATE.not_started;
    if (!P.milestone[i] && start !== NO_DAY && start <= status && !started) lateToStart.push({ i, j, daysLate: cal.workingDaysBetween(start, status) });
    const finish = P.plannedFinish[i]!;
    if (finish === NO_DAY || finish > status) continue;
    due++;
    const actual = C.actualFinish[j]!;
    const finishedOn = actual !== NO_DAY && actual <= status ? actual : null;
    const done = finishedOn !== null || (actual === NO_DAY && (state === STATE.done || C.progress[j]! >= 100));
    if (done && (finishedOn === null || finishedOn <= finish)) {
      onTime++;
      continue;
    }
    const entry = { i, j, daysLate: slipDays(cal, finish, finishedOn ?? status) };
    if (P.milestone[i]) milestonesMissed.push(entry);
    else lateToFinish.push(entry);
  }
  return { due, onTime, rate: due === 0 ? null : onTime / due, lateToStart, lateToFinish, milestonesMissed };
}

// One collator for every comparison: localeCompare with options makes one per call (thousands per list).
const byCode = new Intl.Collator('en', { numeric: true }).compare;

/** adherenceOf with the late tasks named by their current WBS code, name and dates. */
export function computeAdherence(plan: Plan, current: Plan, statusDate: string, cal: WorkDays): Omit<Adherence, 'baselineId'> {
  // The lists name tasks by their current WBS code; placing first makes the columns follow tree order.
  ensurePlaced(current);
  const a = adherenceOf(plan, current, statusDate, cal);
  const late = ({ i, j, daysLate }: LateAt): LateTask => {
    const t = plan.tasks[i]!;
    const cur = current.tasks[j]!;
    return {
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
    };
  };
  const byLateness = (a: LateTask, b: LateTask) => b.daysLate - a.daysLate || byCode(a.code, b.code);
  return {
    statusDate,
    due: a.due,
    onTime: a.onTime,
    rate: a.rate,
    lateToStart: a.lateToStart.map(late).sort(byLateness),
    lateToFinish: a.lateToFinish.map(late).sort(byLateness),
    milestonesMissed: a.milestonesMissed.map(late).sort(byLateness),
  };
}
