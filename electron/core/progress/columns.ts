// A plan's numbers as typed columns, the form earned value, adherence and the S-curve read: dates as day
// numbers (parsed once per plan, not once per task and figure), efforts and progress as floats, statuses
// as small integers. Built from a Plan (a baseline, kept with its decoded plan, or a test's) or read
// straight from the database without the names, codes and text dates that figures never look at: for
// 10,000 tasks that read is a third of the whole plan's and allocates no object per task.
import { WBS_STATUSES, type WbsStatus } from '../../common/dto.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { Plan } from './plan.js';
import { dayOf } from './work-days.js';

/** A missing date. */
export const NO_DAY = -2147483648;

/** Index of a status in WBS_STATUSES. */
export const STATE = Object.fromEntries(WBS_STATUSES.map((s, i) => [s, i])) as Record<WbsStatus, number>;

/**
 * What earned value reads of the current plan when it measures against a baseline: ids, parents,
 * progress and actual effort (readActuals, a third of the whole columns' read). `index` and `leaf` are
 * built on first use.
 */
export class Actuals {
  /** Task ids; parent 0 = top level (ids start at 1). */
  readonly id: Int32Array;
  readonly parent: Int32Array;
  /** Null when read without names (readActuals, a baseline's numbers alone): figures by assignee need them. */
  readonly assignee: string[] | null;
  /** Percent, 0–100. */
  readonly progress: Float64Array;
  /** Actual effort in person-days, 0 when none. */
  readonly actualEffort: Float64Array;
  /** The project's yen per person-day (a baseline's: when it was taken), or null. */
  costRate: number | null = null;
  #index: Map<number, number> | null = null;
  #leaf: Uint8Array | null = null;

  constructor(
    readonly n: number,
    withAssignees: boolean,
  ) {
    this.id = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.assignee = withAssignees ? new Array<string>(n) : null;
    this.progress = new Float64Array(n);
    this.actualEffort = new Float64Array(n);
  }

  /** Task id → index. */
  get index(): Map<number, number> {
    if (!this.#index) {
      const m = new Map<number, number>();
      for (let i = 0; i < this.n; i++) m.set(this.id[i]!, i);
      this.#index = m;
    }
    return this.#index;
  }

  /** Drops the leaf marks, after parents were changed in place (patchColumns); ids stay as they were. */
  forgetTree(): void {
    this.#leaf = null;
  }

  /** 1 = no task has it as parent. */
  get leaf(): Uint8Array {
    if (!this.#leaf) {
      const l = new Uint8Array(this.n).fill(1);
      const index = this.index;
      for (let i = 0; i < this.n; i++) {
        const k = this.parent[i] === 0 ? undefined : index.get(this.parent[i]!);
        if (k !== undefined) l[k] = 0;
      }
      this.#leaf = l;
    }
    return this.#leaf;
  }
}

/** Every number of n tasks: the plan figures are measured against, and what adherence reads of the current one. */
export class TaskColumns extends Actuals {
  /** Planned effort in person-days, 0 when none. */
  readonly plannedEffort: Float64Array;
  /** Day numbers (1970-01-01 = 0), NO_DAY when none. */
  readonly plannedStart: Int32Array;
  readonly plannedFinish: Int32Array;
  readonly actualStart: Int32Array;
  readonly actualFinish: Int32Array;
  readonly milestone: Uint8Array;
  /** STATE of the task's status. */
  readonly state: Uint8Array;

  constructor(n: number, withAssignees = true) {
    super(n, withAssignees);
    this.plannedEffort = new Float64Array(n);
    this.plannedStart = new Int32Array(n);
    this.plannedFinish = new Int32Array(n);
    this.actualStart = new Int32Array(n);
    this.actualFinish = new Int32Array(n);
    this.milestone = new Uint8Array(n);
    this.state = new Uint8Array(n);
  }
}

/** The assignees of columns read with them; figures by assignee ask it. */
export function assigneesOf(c: Actuals): string[] {
  if (!c.assignee) throw new Error('these columns were read without names: figures by assignee need them');
  return c.assignee;
}

// Keyed by the tasks array: placing a plan replaces it (tree order), and the columns follow its order.
const fromPlan = new WeakMap<readonly unknown[], TaskColumns>();

/** The columns of a plan, in the order of `plan.tasks` (index i is plan.tasks[i]); kept while it lives. */
export function columnsOf(plan: Plan): TaskColumns {
  const hit = fromPlan.get(plan.tasks);
  if (hit) return hit;
  const tasks = plan.tasks;
  const c = new TaskColumns(tasks.length);
  // A plan has a few hundred distinct dates: each is parsed once.
  const days = new Map<string, number>();
  const day = (iso: string | null) => {
    if (iso === null) return NO_DAY;
    let d = days.get(iso);
    if (d === undefined) days.set(iso, (d = dayOf(iso)));
    return d;
  };
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    c.id[i] = t.id;
    c.parent[i] = t.parentId ?? 0;
    c.assignee![i] = t.assignee;
    c.plannedEffort[i] = t.plannedEffort ?? 0;
    c.plannedStart[i] = day(t.plannedStart);
    c.plannedFinish[i] = day(t.plannedFinish);
    c.actualStart[i] = day(t.actualStart);
    c.actualFinish[i] = day(t.actualFinish);
    c.milestone[i] = t.milestone ? 1 : 0;
    c.progress[i] = t.progress;
    c.actualEffort[i] = t.actualEffort ?? 0;
    c.state[i] = STATE[t.status] ?? STATE.in_progress;
  }
  c.costRate = plan.costRate;
  fromPlan.set(tasks, c);
  return c;
}

// Dates become day numbers in SQLite (unixepoch of a yyyy-mm-dd is a whole number of days) and statuses
// their index, so the read makes numbers only; the assignee (Japanese text, the dearest column to read)
// only for the figures by person.
const DAY = (col: string) => `unixepoch(${col}) / 86400`;
const STATE_SQL = `CASE status ${WBS_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${STATE.in_progress} END`;
const columnsSql = (names: boolean, where = 'project_id = ?') => `SELECT id, parent_id, planned_effort, ${DAY('planned_start')}, ${DAY('planned_finish')}, ${DAY('actual_start')},
  ${DAY('actual_finish')}, milestone, progress, actual_effort, ${STATE_SQL}${names ? ', assignee' : ''} FROM wbs_tasks WHERE ${where}`;
// In id order, not the index's (parent, position): a move would reorder the index's, so columns kept and
// patched in place (kept-columns.ts) would sum their floats in another order than a fresh read.
const COLUMNS_SQL = columnsSql(false, 'project_id = ? ORDER BY id');
const COLUMNS_NAMES_SQL = columnsSql(true, 'project_id = ? ORDER BY id');
const COLUMNS_OF_IDS_SQL = columnsSql(false, 'id IN (SELECT value FROM json_each(?))');

const ACTUALS_SQL = 'SELECT id, parent_id, progress, actual_effort FROM wbs_tasks WHERE project_id = ? ORDER BY id';
const costRateOf = (db: Db, projectId: number) =>
  db.sql.get<{ rate: number | null }>('SELECT cost_rate AS rate FROM projects WHERE id = ?', [projectId])?.rate ?? null;

/** The current plan's ids, parents, progress and actual effort, in id order. */
export function readActuals(db: Db, projectId: number): Actuals {
  const raw = db.sql.values<(number | null)[]>(ACTUALS_SQL, [projectId]);
  const c = new Actuals(raw.length, false);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    c.id[i] = r[0]!;
    c.parent[i] = r[1] ?? 0;
    c.progress[i] = r[2]!;
    c.actualEffort[i] = r[3] ?? 0;
  }
  c.costRate = costRateOf(db, projectId);
  return c;
}

/** The current plan of a project as columns, in id order; its assignees where `names`. */
export function readColumns(db: Db, projectId: number, names = false): TaskColumns {
  const raw = db.sql.values<(number | string | null)[]>(names ? COLUMNS_NAMES_SQL : COLUMNS_SQL, [projectId]);
  const c = new TaskColumns(raw.length, names);
  for (let i = 0; i < raw.length; i++) setRow(c, i, raw[i]!, names);
  c.costRate = costRateOf(db, projectId);
  return c;
}

/**
 * Columns read without names brought up to date with the tasks `ids` as stored now (tasks edited since
 * they were read; none added or deleted), in place; the cost rate read again too. Answers false, having
 * changed nothing, when one of them is not among the columns or no longer exists: the caller reads anew.
 */
export function patchColumns(db: Db, c: TaskColumns, projectId: number, ids: readonly number[]): boolean {
  if (c.assignee) throw new Error('only columns read without names are patched');
  const raw = ids.length === 0 ? [] : db.sql.values<(number | string | null)[]>(COLUMNS_OF_IDS_SQL, [JSON.stringify(ids)]);
  if (raw.length !== ids.length) return false;
  const at: number[] = [];
  for (const r of raw) {
    const i = c.index.get(r[0] as number);
    if (i === undefined) return false;
    at.push(i);
  }
  // A task moved to another parent changes which tasks are leaves: rebuilt on first use.
  for (let k = 0; k < raw.length; k++) setRow(c, at[k]!, raw[k]!, false);
  c.costRate = costRateOf(db, projectId);
  c.forgetTree();
  return true;
}

function setRow(c: TaskColumns, i: number, r: (number | string | null)[], names: boolean): void {
  const d = (v: unknown) => (v === null ? NO_DAY : (v as number));
  c.id[i] = r[0] as number;
  c.parent[i] = (r[1] as number | null) ?? 0;
  c.plannedEffort[i] = (r[2] as number | null) ?? 0;
  c.plannedStart[i] = d(r[3]);
  c.plannedFinish[i] = d(r[4]);
  c.actualStart[i] = d(r[5]);
  c.actualFinish[i] = d(r[6]);
  c.milestone[i] = r[7] as number;
  c.progress[i] = r[8] as number;
  c.actualEffort[i] = (r[9] as number | null) ?? 0;
  c.state[i] = r[10] as number;
  if (names) c.assignee![i] = r[11] as string;
}
