// The current plan's columns of each project kept between portfolio summaries, and brought up to date from
// the audit trail instead of read again: a summary of 50 projects × 5,000 tasks read all 250,000 tasks
// whenever every project had changed (three quarters of its time), though an edit writes a few of them.
// Every write to a task is audited in a batch of its project (batch.ts; undo and redo are batches too;
// a reschedule's moved dates are one row for all the tasks it moved, scheduledIdsIn),
// so the batches written since the columns were read name the tasks to read again. When the history moved
// any other way — a batch removed (a project's restore replaces its history), one appearing before the
// newest (a team member's transaction committing late), tasks added or deleted, or most of the plan
// written — the columns are read anew: they always equal what readColumns answers now.
import type { SqlDb as Db } from '../db/sql.js';
import { auditedActions, batchesAfter, type BatchMark } from '../db/queries/progress.js';
import { ENTITY as WBS_ENTITY } from '../services/wbs.js';
import { scheduledIdsIn } from '../services/schedule.js';
import { patchColumns, readColumns, type TaskColumns } from './columns.js';

/** A project without batches yet (made by project.create, which is no batch of its own). */
export const NO_BATCH: BatchMark = { rowid: 0, id: '', count: 0 };

/** Past a quarter of a big plan's tasks written since, reading them all costs no more than patching. */
const patchAtMost = (n: number) => Math.max(100, n / 4);

interface Kept {
  mark: BatchMark;
  columns: TaskColumns;
}
const kept = new WeakMap<Db, Map<number, Kept>>();

const same = (a: BatchMark, b: BatchMark) => a.rowid === b.rowid && a.id === b.id && a.count === b.count;

/**
 * The current plan of a project as columns without names (readColumns), where its history stands at
 * `mark` (batchMarkByProject). The object is kept and updated in place by later calls: read what is
 * needed of it before the next.
 */
export function keptColumns(db: Db, projectId: number, mark: BatchMark): TaskColumns {
  let byProject = kept.get(db);
  if (!byProject) kept.set(db, (byProject = new Map()));
  const hit = byProject.get(projectId);
  if (hit && (same(hit.mark, mark) || patched(db, projectId, hit, mark))) {
    hit.mark = mark;
    return hit.columns;
  }
  const columns = readColumns(db, projectId);
  byProject.set(projectId, { mark, columns });
  return columns;
}

/** Brings `hit` to `mark` from the tasks the batches since audited; false when it cannot (read anew). */
function patched(db: Db, projectId: number, hit: Kept, mark: BatchMark): boolean {
  const after = batchesAfter(db, projectId, hit.mark.rowid);
  // Exactly the batches written since, the newest being the mark's: none removed, none slipped in below.
  if (after.length === 0 || hit.mark.count + after.length !== mark.count || after.at(-1)![1] !== mark.id) return false;
  const ids = new Set<number>();
  for (const [, batchId, label] of after) {
    // A project's restore, delete or its undo writes rows without auditing each (project.update only
    // changes the project's own row: the cost rate, read again by patchColumns).
    if (label.startsWith('project.') && label !== 'project.update') return false;
    for (const [taskId, action] of auditedActions(db, batchId, WBS_ENTITY)) {
      if (action !== 'update') return false;
      ids.add(taskId);
    }
    // A reschedule audits the dates it moved as one row of the project (services/schedule.ts).
    for (const taskId of scheduledIdsIn(db, batchId)) ids.add(taskId);
    if (ids.size > patchAtMost(hit.columns.n)) return false;
  }
  return patchColumns(db, hit.columns, projectId, [...ids]);
}
