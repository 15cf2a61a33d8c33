// The portfolio home's data: each project measured at a status date (measureProject, the same figures a
// weekly close keeps), compared with its last close (先週差分), its last 12 closes as a trend, and its
// status light from the workspace's thresholds or the PMO's override. Reads only, but for the thresholds
// (settings) and the overrides (an audited batch each, so one undo takes an override back).
import {
  DEFAULT_LIGHT_THRESHOLDS,
  FIGURE_KEYS,
  lightOf,
  lightThresholds,
  type FigureKey,
  type Light,
  type LightThresholds,
  type PortfolioFigures,
  type PortfolioRow,
  type PortfolioSummary,
  type StatusNote,
  type StatusOverride,
  type TrendPoint,
} from '../../common/api/portfolio.js';
import type { CloseFigures } from '../../common/api/progress.js';
import type { SqlDb as Db } from '../db/sql.js';
import { batchMarkByProject, closeFiguresUpTo, type BatchMark, newestBaselineOfEach, newestOverrideRows, overrideRowsNewestFirst, statusNoteRow, statusNoteTexts } from '../db/queries/progress.js';
import { taskName } from '../db/queries/wbs.js';
import { deleteSetting } from '../db/queries/settings.js';
import { inBatch, type Actor } from '../batch.js';
import { statusNoteStore, statusOverrideStore } from '../entities.js';
import { NO_DAY, STATE, type TaskColumns } from '../progress/columns.js';
import { keptColumns, NO_BATCH } from '../progress/kept-columns.js';
import { isoOf } from '../progress/work-days.js';
import { getProjectRow, listProjects } from './projects.js';
import { measurePlan, withRegisterFigures, type PlanFigures } from './progress.js';
import { getSetting, setSetting } from './settings.js';

const THRESHOLDS_KEY = 'portfolio.lightThresholds';
const TREND_CLOSES = 12;

export function getLightThresholds(db: Db): LightThresholds {
  // A stored value that no longer passes the schema falls back to the defaults.
  const parsed = lightThresholds.safeParse(getSetting(db, THRESHOLDS_KEY));
  return parsed.success ? parsed.data : structuredClone(DEFAULT_LIGHT_THRESHOLDS);
}

/** Workspace configuration, like the risk thresholds: kept in settings, not in the audit trail. */
export function setLightThresholds(db: Db, t: LightThresholds | null): LightThresholds {
  if (t === null) deleteSetting(db, THRESHOLDS_KEY);
  else setSetting(db, THRESHOLDS_KEY, t);
  return getLightThresholds(db);
}

/** A close's figures in the portfolio's terms; a figure the close did not keep (an older close) is absent. */
export function portfolioFiguresOf(c: CloseFigures): Partial<PortfolioFigures> {
  const f: Partial<PortfolioFigures> = {
    spi: c.spi,
    cpi: c.cpi,
    adherence: c.adherence,
    progress: c.progress,
    lateTasks: c.lateToFinish,
    milestonesMissed: c.milestonesMissed,
  };
  if (c.openIssues !== undefined) Object.assign(f, { openIssues: c.openIssues, overdueIssues: c.overdueIssues, leadTime: c.leadTime });
  if (c.risksHigh !== undefined) Object.assign(f, { risksHigh: c.risksHigh, risksMedium: c.risksMedium, risksLow: c.risksLow });
  if (c.recurrenceRate !== undefined) Object.assign(f, { recurrenceRate: c.recurrenceRate, auditFindings: c.auditFindings });
  return f;
}

function diffOf(now: PortfolioFigures, before: Partial<PortfolioFigures> | null): Record<FigureKey, number | null> {
  const d = {} as Record<FigureKey, number | null>;
  for (const k of FIGURE_KEYS) {
    const a = now[k];
    const b = before?.[k];
    // Kept to 6 decimals: 0.9 − 0.8 is 0.1, not 0.09999999999999998.
    d[k] = a === null || b === null || b === undefined ? null : Math.round((a - b) * 1e6) / 1e6;
  }
  return d;
}

/** The earliest milestone of the current plan not reached yet (not done, not at 100 %, no actual finish). */
function nextMilestone(db: Db, current: TaskColumns, statusDate: string): PortfolioRow['nextMilestone'] {
  let best = -1;
  let bestDay = 0;
  for (let j = 0; j < current.n; j++) {
    const state = current.state[j]!;
    if (!current.milestone[j] || state === STATE.done || state === STATE.cancelled || current.progress[j]! >= 100 || current.actualFinish[j] !== NO_DAY) continue;
    const day = current.plannedFinish[j] !== NO_DAY ? current.plannedFinish[j]! : current.plannedStart[j]!;
    if (day === NO_DAY) continue;
    if (best < 0 || day < bestDay || (day === bestDay && current.id[j]! < current.id[best]!)) [best, bestDay] = [j, day];
  }
  if (best < 0) return null;
  const id = current.id[best]!;
  const date = isoOf(bestDay);
  // The columns carry no names: the one shown is read alone.
  const name = taskName(db, id)!;
  return { id, name, date, late: date <= statusDate };
}

const overrideDto = (r: typeof statusOverrideStore extends { fromRaw(raw: never): infer R } ? R : never): StatusOverride => ({
  id: r.id,
  projectId: r.projectId,
  light: r.light as Light | null,
  reason: r.reason,
  setBy: r.setBy,
  setAt: r.setAt,
});

/** The override in force per project: the newest row of each, unless it set the light back (light null). */
function overridesInForce(db: Db): Map<number, StatusOverride> {
  const rows = newestOverrideRows(db).map(statusOverrideStore.fromRaw);
  return new Map(rows.filter((r) => r.light !== null).map((r) => [r.projectId, overrideDto(r)]));
}

// The plan's figures of a project cost a read of its whole WBS (and a baseline's decoding): ~8 ms for
// 5,000 tasks, so 50 projects would take half a second each time the home is shown. They change only
// through a batch of the project (every WBS, calendar, baseline, cost-rate edit, import, undo and restore
// is one), so they are kept per project under its newest batch, the status date and the baseline, and
// only the projects changed since are measured again, from their columns kept and patched with the
// tasks written since (kept-columns.ts). The registers' figures are read every time: what counts as
// closed and the risk levels live in settings, outside the batches.
interface PlanEntry {
  key: string;
  figures: PlanFigures;
  nextMilestone: PortfolioRow['nextMilestone'];
}
const planCache = new WeakMap<Db, Map<number, PlanEntry>>();

function planOf(db: Db, projectId: number, statusDate: string, baselineId: number | undefined, mark: BatchMark): PlanEntry {
  let cache = planCache.get(db);
  if (!cache) planCache.set(db, (cache = new Map()));
  const key = `${mark.rowid}.${mark.count}.${mark.id}|${statusDate}|${baselineId ?? ''}`;
  const hit = cache.get(projectId);
  if (hit?.key === key) return hit;
  const { figures, current } = measurePlan(db, projectId, statusDate, baselineId, keptColumns(db, projectId, mark));
  const entry = { key, figures, nextMilestone: nextMilestone(db, current, statusDate) };
  cache.set(projectId, entry);
  return entry;
}

/**
 * The newest closes up to a status date, newest first: the trend's and, when one falls on the date
 * itself, one more for 先週差分. Only their figures are read: a close's task progress (a value per task)
 * is what the progress line needs, not the home.
 */
function closesUpTo(db: Db, projectId: number, statusDate: string): { statusDate: string; figures: CloseFigures }[] {
  return closeFiguresUpTo(db, projectId, statusDate, TREND_CLOSES + 1).map(([d, f]) => ({ statusDate: d, figures: JSON.parse(f) as CloseFigures }));
}

/** The newest baseline of each project (the one the progress view opens with). */
function newestBaselines(db: Db): Map<number, { id: number; name: string }> {
  return newestBaselineOfEach(db);
}

/** Every project's row, or only those of `projectIds` (in the list's order; an id of no project is left out). */
export function portfolioSummary(db: Db, today: string, statusDate?: string, projectIds?: readonly number[]): PortfolioSummary {
  const only = projectIds && new Set(projectIds);
  const thresholds = getLightThresholds(db);
  const overrides = overridesInForce(db);
  const baselines = newestBaselines(db);
  const batches = batchMarkByProject(db);
  const notes = new Map(statusNoteTexts(db).map(([p, d, text]) => [`${p}|${d}`, text]));
  const projects = listProjects(db, today).filter((p) => !only || only.has(p.id)).map((p): PortfolioRow => {
    // project.list always gives the status date (as set, or the default).
    const date = statusDate ?? p.statusDate!;
    const baseline = baselines.get(p.id) ?? null;
    const plan = planOf(db, p.id, date, baseline?.id, batches.get(p.id) ?? NO_BATCH);
    // The same figures a weekly close keeps (measureProject), the plan's part kept between calls.
    const close = withRegisterFigures(db, p.id, date, plan.figures);
    const figures = portfolioFiguresOf(close) as PortfolioFigures;
    // Closes up to the status date, newest first: the trend, and the newest before it for 先週差分.
    const closes = closesUpTo(db, p.id, date);
    const previous = closes.find((c) => c.statusDate < date) ?? null;
    const trend: TrendPoint[] = closes
      .slice(0, TREND_CLOSES)
      .reverse()
      .map((c) => ({ statusDate: c.statusDate, ...portfolioFiguresOf(c.figures) }));
    const computed = lightOf(figures, thresholds);
    const override = overrides.get(p.id) ?? null;
    return {
      projectId: p.id,
      name: p.name,
      code: p.code,
      updatedAt: p.updatedAt,
      statusDate: date,
      baselineId: baseline?.id ?? null,
      baselineName: baseline?.name ?? null,
      figures,
      previousClose: previous?.statusDate ?? null,
      diff: diffOf(figures, previous ? portfolioFiguresOf(previous.figures) : null),
      trend,
      nextMilestone: plan.nextMilestone,
      computed,
      override,
      light: override?.light ?? computed.light,
      note: notes.get(`${p.id}|${date}`) ?? null,
    };
  });
  return { statusDate: statusDate ?? null, thresholds, projects };
}

/** Adds an override row (the newest is in force) and its audit row: one batch, one undo step. */
export function setOverride(db: Db, actor: Actor, projectId: number, light: Light | null, reason: string): StatusOverride {
  getProjectRow(db, projectId);
  return inBatch(db, actor, 'status.override', projectId, (batch) => {
    const row = statusOverrideStore.insert(db, { projectId, light, reason, setBy: actor.user, setAt: new Date().toISOString() });
    batch.record('status_override', row.id, 'create', null, row);
    return overrideDto(row);
  });
}

export function listOverrides(db: Db, projectId: number): StatusOverride[] {
  getProjectRow(db, projectId);
  return overrideRowsNewestFirst(db, projectId).map((raw) => overrideDto(statusOverrideStore.fromRaw(raw)));
}

type NoteRow = typeof statusNoteStore extends { fromRaw(raw: never): infer R } ? R : never;
const noteDto = (r: NoteRow): StatusNote => ({ projectId: r.projectId, statusDate: r.statusDate, text: r.text, setBy: r.setBy, setAt: r.setAt });

/**
 * The PMO's one-line summary of a project's week: written, changed or (empty text) cleared with its audit
 * row, one batch (one undo step of the project). The same text again changes nothing and makes no step.
 */
export function setStatusNote(db: Db, actor: Actor, projectId: number, statusDate: string, text: string): StatusNote | null {
  getProjectRow(db, projectId);
  const raw = statusNoteRow(db, projectId, statusDate);
  const old = raw ? statusNoteStore.fromRaw(raw) : null;
  if ((old?.text ?? '') === text) return old ? noteDto(old) : null;
  return inBatch(db, actor, 'status.note', projectId, (batch) => {
    if (old && text === '') {
      statusNoteStore.remove(db, old.id);
      batch.record('status_note', old.id, 'delete', old, null);
      return null;
    }
    const stamp = { text, setBy: actor.user, setAt: new Date().toISOString() };
    if (old) {
      const row = statusNoteStore.update(db, old.id, stamp);
      batch.record('status_note', row.id, 'update', old, row);
      return noteDto(row);
    }
    const row = statusNoteStore.insert(db, { projectId, statusDate, ...stamp });
    batch.record('status_note', row.id, 'create', null, row);
    return noteDto(row);
  });
}
