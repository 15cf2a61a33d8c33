// The registers' figures of a project at a status date, as the portfolio home shows them and a weekly
// close keeps them: open and overdue issues, the median lead time (リードタイム) of the closed ones, and
// the open risks by level. "Closed" is what the project's own status list says; levels are the project's
// risk thresholds over probability × impact, as the risk register and its heat map show them.
import { ageDays, closedCodes, isOverdue, riskLevel, riskScore } from '../../common/registers.js';
import type { SqlDb as Db } from '../db/sql.js';
import { loadVocabularies } from './registers/vocabularies.js';
import { getThresholds } from './registers/thresholds.js';
import { defectFigureRows, findingStatuses, issueFigureRows, riskFigureRows } from '../db/queries/registers.js';

export interface IssueFigures {
  openIssues: number;
  overdueIssues: number;
  leadTime: number | null;
}

export interface RiskFigures {
  risksHigh: number;
  risksMedium: number;
  risksLow: number;
}

export interface QualityFigures {
  recurrenceRate: number | null;
  auditFindings: number | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Open: the status is not a closed one. Overdue: open with a due date before the status date. Lead time:
 * days from raised (or created) to closed, over the rows closed on or before the status date.
 */
export function issueFigures(db: Db, projectId: number, statusDate: string): IssueFigures {
  const closed = closedCodes(loadVocabularies(db, projectId)['issue.status']);
  const rows = issueFigureRows(db, projectId);
  let open = 0;
  let overdue = 0;
  const leads: number[] = [];
  for (const [status, due, raisedOn, closedOn, createdAt] of rows) {
    const isClosed = closed.has(status);
    if (!isClosed) {
      open++;
      if (isOverdue(due, false, statusDate)) overdue++;
    } else if (closedOn !== null && closedOn <= statusDate) leads.push(ageDays({ raisedOn, closedOn, createdAt }, true, statusDate));
  }
  return { openIssues: open, overdueIssues: overdue, leadTime: median(leads) };
}

/** Open risks (status not closed) by level; unrated ones count in none, as on the heat map. */
export function riskFigures(db: Db, projectId: number): RiskFigures {
  const closed = closedCodes(loadVocabularies(db, projectId)['risk.status']);
  const thresholds = getThresholds(db, projectId);
  const rows = riskFigureRows(db, projectId);
  const f: RiskFigures = { risksHigh: 0, risksMedium: 0, risksLow: 0 };
  for (const [status, p, i] of rows) {
    if (closed.has(status)) continue;
    const level = riskLevel(riskScore(p, i), thresholds);
    if (level === 'high') f.risksHigh++;
    else if (level === 'medium') f.risksMedium++;
    else if (level === 'low') f.risksLow++;
  }
  return f;
}

/**
 * 障害再発率: of the 品質不具合 found on or before the status date (found on, else the day it was entered)
 * whose recurrence is recorded (あり or なし), the share marked あり; null when none is recorded.
 * 監査指摘件数: the 監査指摘 whose status is not a closed one (the audit has not verified the correction),
 * as the project's own status list says; null when the project has none, open or closed.
 */
export function qualityFigures(db: Db, projectId: number, statusDate: string): QualityFigures {
  let rated = 0;
  let recurred = 0;
  for (const [recurrence, foundOn, createdAt] of defectFigureRows(db, projectId)) {
    if ((foundOn ?? createdAt.slice(0, 10)) > statusDate || (recurrence !== 'yes' && recurrence !== 'no')) continue;
    rated++;
    if (recurrence === 'yes') recurred++;
  }
  const statuses = findingStatuses(db, projectId);
  const closed = statuses.length === 0 ? null : closedCodes(loadVocabularies(db, projectId)['finding.status']);
  return {
    recurrenceRate: rated === 0 ? null : Math.round((recurred / rated) * 1e6) / 1e6,
    auditFindings: closed === null ? null : statuses.filter((s) => !closed.has(s)).length,
  };
}
