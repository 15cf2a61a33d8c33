// A plan as progress reads it: the tasks (in tree order, with their WBS codes) and links, either the
// current one from the database or one a baseline kept. Both sides of a comparison and of earned value
// have this one shape.
import type { BaselineLink, BaselineTask } from '../../common/api/progress.js';
import type { WbsStatus } from '../../common/dto.js';
import type { SqlDb as Db } from '../db/sql.js';
import { treeOrder } from '../services/rollup.js';

export interface Plan {
  /**
   * Tree order (parents before children) with codes derived from parent + position when `placed`;
   * otherwise in storage order with empty codes (ensurePlaced places them when a caller needs either).
   */
  tasks: BaselineTask[];
  placed: boolean;
  links: BaselineLink[];
  /** Yen per person-day, or null. */
  costRate: number | null;
}

export type UnplacedTask = Omit<BaselineTask, 'code'>;

/** Tasks in tree order with their codes; `summary` = has children. */
export function placeTasks(rows: UnplacedTask[]): BaselineTask[] {
  return treeOrder(rows).map(({ row, code }) => {
    const t = row as BaselineTask;
    t.code = code;
    return t;
  });
}

/** The plan in tree order with codes (placing costs ~10 ms for 10,000 tasks, so only when needed). */
export function ensurePlaced(plan: Plan): Plan {
  if (!plan.placed) {
    plan.tasks = placeTasks(plan.tasks);
    plan.placed = true;
  }
  return plan;
}

// Only the columns progress needs, as raw arrays: the WBS list (notes, extra JSON, late marks) costs
// several times more for 10,000 rows. In the order of the (project, parent, position) index, which
// costs no sort: siblings come together in their order, so a task's place among them (the last part
// of its WBS code) is a running count (currentCodes).
const TASKS_SQL = `SELECT id, parent_id, position, name, assignee, planned_start, planned_finish, actual_start, actual_finish,
  duration, planned_effort, actual_effort, progress, status, milestone FROM wbs_tasks WHERE project_id = ? ORDER BY parent_id NULLS FIRST, position, id`;
const LINKS_SQL = 'SELECT predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE project_id = ? ORDER BY id';

/** A task as the database row gives it (milestone 0 or 1), in TASKS_SQL's column order. */
export type TaskRow = [
  id: number,
  parentId: number | null,
  position: number,
  name: string,
  assignee: string,
  plannedStart: string | null,
  plannedFinish: string | null,
  actualStart: string | null,
  actualFinish: string | null,
  duration: number | null,
  plannedEffort: number | null,
  actualEffort: number | null,
  progress: number,
  status: WbsStatus,
  milestone: number,
];

/** The current plan as the database's rows, siblings together in their order: no object per task. */
export interface CurrentRows {
  rows: TaskRow[];
  links: BaselineLink[];
  costRate: number | null;
}

export function readCurrentRows(db: Db, projectId: number): CurrentRows {
  const rows = db.sql.values<TaskRow>(TASKS_SQL, [projectId]);
  const links = db.sql.values<unknown[]>(LINKS_SQL, [projectId]).map(
    (r): BaselineLink => ({ predecessorId: r[0] as number, successorId: r[1] as number, type: r[2] as BaselineLink['type'], lagDays: r[3] as number }),
  );
  const rate = db.sql.get<{ rate: number | null }>('SELECT cost_rate AS rate FROM projects WHERE id = ?', [projectId])?.rate;
  return { rows, links, costRate: rate ?? null };
}

/** A row as a task (its code left to placing). */
export function taskOf(r: TaskRow): BaselineTask {
  return {
    id: r[0],
    parentId: r[1],
    position: r[2],
    name: r[3],
    assignee: r[4],
    plannedStart: r[5],
    plannedFinish: r[6],
    actualStart: r[7],
    actualFinish: r[8],
    duration: r[9],
    plannedEffort: r[10],
    actualEffort: r[11],
    progress: r[12],
    status: r[13],
    milestone: r[14] === 1,
    code: '',
  };
}

export function readCurrentPlan(db: Db, projectId: number, placed = true): Plan {
  const { rows, links, costRate } = readCurrentRows(db, projectId);
  const plan: Plan = { tasks: rows.map(taskOf), placed: false, links, costRate };
  return placed ? ensurePlaced(plan) : plan;
}

/**
 * The WBS code of row k of `rows` (as treeOrder numbers them: siblings by position then id, from 1),
 * made on demand: a comparison names the few tasks that changed, not all 10,000.
 */
export function currentCodes(rows: readonly TaskRow[]): (k: number) => string {
  const n = rows.length;
  // Siblings come together in order: each one's place is one more than the row before it, or 1.
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[k] = k > 0 && rows[k - 1]![1] === rows[k]![1] ? rank[k - 1]! + 1 : 1;
  let index: Map<number, number> | null = null;
  const codes: (string | undefined)[] = new Array(n);
  const code = (k: number): string => {
    // Up to the nearest ancestor with a known code (or the top), then down again: a loop, not
    // recursion, since a pathological import can nest thousands deep.
    const chain: number[] = [];
    let at: number | undefined = k;
    while (at !== undefined && codes[at] === undefined) {
      chain.push(at);
      const parent: number | null = rows[at]![1];
      if (parent !== null && !index) {
        index = new Map();
        for (let i = 0; i < n; i++) index.set(rows[i]![0], i);
      }
      at = parent === null ? undefined : index!.get(parent);
    }
    let prefix = at === undefined ? '' : codes[at]!;
    for (let c = chain.length - 1; c >= 0; c--) {
      const i = chain[c]!;
      prefix = codes[i] = prefix === '' ? String(rank[i]) : `${prefix}.${rank[i]}`;
    }
    return codes[k]!;
  };
  return code;
}

/** Ids of tasks with children. */
export function summaryIds(tasks: readonly { parentId: number | null }[]): Set<number> {
  const s = new Set<number>();
  for (const t of tasks) if (t.parentId !== null) s.add(t.parentId);
  return s;
}
