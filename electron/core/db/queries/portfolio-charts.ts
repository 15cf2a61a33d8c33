// The statements of the portfolio home's charts (services/portfolio-charts.ts): a project's risks as
// the heat map counts them, its issues' raised / entered / closed days, and its milestones not reached
// in a window of days.
import type { SqlDb } from '../sql.js';

export function riskRatings(db: SqlDb, projectId: number): [status: string, probability: number | null, impact: number | null][] {
  return db.sql.values('SELECT status, probability, impact FROM risks WHERE project_id = ?', [projectId]);
}

export function issueDays(db: SqlDb, projectId: number): [raisedOn: string | null, createdAt: string, closedOn: string | null][] {
  return db.sql.values('SELECT raised_on, created_at, closed_on FROM issues WHERE project_id = ?', [projectId]);
}

/** Milestones not done, cancelled, at 100 % or finished, dated (finish, else start) from `from` to `to`. */
export function openMilestonesBetween(db: SqlDb, projectId: number, from: string, to: string): [name: string, date: string][] {
  return db.sql.values(
    `SELECT name, coalesce(planned_finish, planned_start) FROM wbs_tasks
     WHERE project_id = ? AND milestone = 1 AND status NOT IN ('done', 'cancelled') AND progress < 100 AND actual_finish IS NULL
       AND coalesce(planned_finish, planned_start) BETWEEN ? AND ?`,
    [projectId, from, to],
  );
}
