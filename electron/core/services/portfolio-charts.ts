// The data of the portfolio home's charts over every project (portfolio.charts): the open risks on one
// 5×5 heat map, issue-log rows raised and closed in each of the last 12 weeks, and the milestones of the
// next 4 weeks (with those missed in the last 4); of every project or of those the home shows. SPI/CPI
// come from portfolio.summary. Reads only.
import type { PortfolioCharts } from '../../common/portfolio-charts.js';
import { closedCodes, heatMap } from '../../common/registers.js';
import type { SqlDb as Db } from '../db/sql.js';
import { issueDays, openMilestonesBetween, riskRatings } from '../db/queries/portfolio-charts.js';
import { dayOf, isoOf } from '../progress/work-days.js';
import { listProjects } from './projects.js';
import { loadVocabularies } from './registers/vocabularies.js';

const WEEKS = 12;
const HORIZON_DAYS = 28;

export function portfolioCharts(db: Db, today: string, statusDate?: string, projectIds?: readonly number[]): PortfolioCharts {
  const only = projectIds && new Set(projectIds);
  const projects = listProjects(db, today).filter((p) => !only || only.has(p.id));
  // project.list always gives a status date (as set, or the default).
  const date = statusDate ?? projects.reduce((d, p) => (p.statusDate! > d ? p.statusDate! : d), projects.length ? projects[0]!.statusDate! : today);
  const end = dayOf(date);
  const weeks = Array.from({ length: WEEKS }, (_, k) => {
    const weekEnd = end - 7 * (WEEKS - 1 - k);
    return { weekStart: isoOf(weekEnd - 6), weekEnd: isoOf(weekEnd), opened: 0, closed: 0 };
  });
  const first = dayOf(weeks[0]!.weekStart);
  const bucket = (iso: string | null) => {
    if (!iso) return -1;
    const d = dayOf(iso.slice(0, 10));
    return d < first || d > end ? -1 : Math.floor((d - first) / 7);
  };

  const risks: { probability: number | null; impact: number | null }[] = [];
  const milestones: PortfolioCharts['milestones'] = [];
  for (const p of projects) {
    const closed = closedCodes(loadVocabularies(db, p.id)['risk.status']);
    for (const [status, probability, impact] of riskRatings(db, p.id))
      if (!closed.has(status)) risks.push({ probability, impact });
    for (const [raisedOn, createdAt, closedOn] of issueDays(db, p.id)) {
      const o = bucket(raisedOn ?? createdAt);
      if (o >= 0) weeks[o]!.opened++;
      const c = bucket(closedOn);
      if (c >= 0) weeks[c]!.closed++;
    }
    for (const [name, at] of openMilestonesBetween(db, p.id, isoOf(end - HORIZON_DAYS + 1), isoOf(end + HORIZON_DAYS)))
      milestones.push({ projectId: p.id, project: p.name, name, date: at, late: at <= date });
  }
  milestones.sort((a, b) => a.date.localeCompare(b.date) || a.project.localeCompare(b.project, 'ja'));
  return { date, heat: heatMap(risks), weeks, milestones };
}
