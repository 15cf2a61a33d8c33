// A plan as progress reads it: the tasks (in tree order, with their WBS codes) and links, either the
// current one from the database or one a baseline kept. Both sides of a comparison and of earned value
// have this one shape.
import type { BaselineLink, BaselineTask } from '../../common/api/progress.js';
import type { WbsStatus } from '../../common/dto.js';
import type { Db } from '../db/open.js';
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
// several times more for 10,000 rows.
const TASKS_SQL = `SELECT id, parent_id, position, name, assignee, planned_start, planned_finish, actual_start, actual_finish,
  duration, planned_effort, actual_effort, progress, status, milestone FROM wbs_tasks WHERE project_id = ?`;
const LINKS_SQL = 'SELECT predecessor_id, successor_id, type, lag_days FROM wbs_dependencies WHERE project_id = ? ORDER BY id';

export function readCurrentPlan(db: Db, projectId: number, placed = true): Plan {
  const raw = db.prepare(TASKS_SQL).raw(true).all(projectId) as unknown[][];
  const rows: BaselineTask[] = raw.map((r) => ({
    id: r[0] as number,
    parentId: r[1] as number | null,
    position: r[2] as number,
    name: r[3] as string,
    assignee: r[4] as string,
    plannedStart: r[5] as string | null,
    plannedFinish: r[6] as string | null,
    actualStart: r[7] as string | null,
    actualFinish: r[8] as string | null,
    duration: r[9] as number | null,
    plannedEffort: r[10] as number | null,
    actualEffort: r[11] as number | null,
    progress: r[12] as number,
    status: r[13] as WbsStatus,
    milestone: r[14] === 1,
    code: '',
  }));
  const links = (db.prepare(LINKS_SQL).raw(true).all(projectId) as unknown[][]).map(
    (r): BaselineLink => ({ predecessorId: r[0] as number, successorId: r[1] as number, type: r[2] as BaselineLink['type'], lagDays: r[3] as number }),
  );
  const rate = db.prepare('SELECT cost_rate FROM projects WHERE id = ?').pluck().get(projectId) as number | null | undefined;
  const plan: Plan = { tasks: rows, placed: false, links, costRate: rate ?? null };
  return placed ? ensurePlaced(plan) : plan;
}

/** Ids of tasks with children. */
export function summaryIds(tasks: readonly { parentId: number | null }[]): Set<number> {
  const s = new Set<number>();
  for (const t of tasks) if (t.parentId !== null) s.add(t.parentId);
  return s;
}
