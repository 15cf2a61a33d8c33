// Where a project stands against its plan: baselines (named snapshots of the plan), earned value and
// schedule adherence at a status date (基準日), and weekly closes that keep a date's figures for trends
// and 先週差分. Efforts are person-days (人日); yen figures are given when the project has a cost rate.
import { z } from 'zod';
import type { WbsFields } from '../dto.js';
import { id, isoDate, text } from './schemas.js';

export interface Baseline {
  id: number;
  projectId: number;
  name: string;
  takenAt: string;
  taskCount: number;
}

/** The plan fields of a task that a baseline keeps and a late list shows: the WBS's own (one list). */
type PlanFields = Pick<
  WbsFields,
  'name' | 'assignee' | 'plannedStart' | 'plannedFinish' | 'actualStart' | 'actualFinish' | 'progress'
>;

/** One task as a baseline keeps it. */
export interface BaselineTask extends PlanFields, Pick<WbsFields, 'duration' | 'plannedEffort' | 'actualEffort' | 'status' | 'milestone'> {
  id: number;
  parentId: number | null;
  position: number;
  /** WBS code in the baseline's own tree. */
  code: string;
}

export interface BaselineLink {
  predecessorId: number;
  successorId: number;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lagDays: number;
}

export interface BaselineDetail extends Baseline {
  /** The project's cost rate (yen per person-day) when the baseline was taken: its planned cost. */
  costRate: number | null;
  tasks: BaselineTask[];
  links: BaselineLink[];
}

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

export interface CompareTask {
  id: number;
  /** Code and name on the "after" side (the "before" side for a removed task). */
  code: string;
  name: string;
  /** Moved tasks: the parent before and after (null = top level). */
  parentBefore?: number | null;
  parentAfter?: number | null;
  /** Changed fields, before → after (plannedStart, plannedFinish, …, links). */
  changes: FieldDiff[];
  /** Working days the planned finish moved (later = positive); null when either side has no finish. */
  finishSlip: number | null;
}

export interface BaselineComparison {
  baseline: Baseline;
  /** The other baseline; null = the current plan. */
  against: Baseline | null;
  added: CompareTask[];
  removed: CompareTask[];
  moved: CompareTask[];
  changed: CompareTask[];
  /** Tasks on both sides with nothing changed. */
  unchanged: number;
}

/** The earned-value figures; a ratio whose divisor is 0 is null. */
export interface EvmFigures {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: number | null;
  etc: number | null;
  vac: number | null;
  tcpi: number | null;
}

export interface EvmRow extends EvmFigures {
  /** Task id as text, or the assignee ('' = unassigned). */
  key: string;
  /** by 'task': the WBS node. */
  id?: number;
  parentId?: number | null;
  code?: string;
  level?: number;
  leaf?: boolean;
  name: string;
}

export interface EvmResult extends EvmFigures {
  projectId: number;
  statusDate: string;
  baselineId: number | null;
  /** Yen per person-day, when the project has one; `yen` are the figures times it. */
  costRate: number | null;
  yen: EvmFigures | null;
  rows?: EvmRow[];
}

export interface LateTask extends PlanFields {
  id: number;
  code: string;
  /** Working days late at the status date (finish: to the actual finish, or to the status date while open). */
  daysLate: number;
}

export interface Adherence {
  statusDate: string;
  baselineId: number | null;
  /** Leaf tasks planned to finish on or before the status date. */
  due: number;
  /** Of those, finished on or before their planned finish. */
  onTime: number;
  /** onTime ÷ due; null when nothing was due. */
  rate: number | null;
  lateToStart: LateTask[];
  lateToFinish: LateTask[];
  milestonesMissed: LateTask[];
}

/** The figures a weekly close keeps. */
export interface CloseFigures extends EvmFigures {
  costRate: number | null;
  adherence: number | null;
  due: number;
  onTime: number;
  lateToStart: number;
  lateToFinish: number;
  milestonesMissed: number;
  /** Progress of the whole project (%), weighted by planned effort. */
  progress: number;
  /** The registers' figures (PortfolioFigures), kept by closes made since the portfolio home came. */
  openIssues?: number;
  overdueIssues?: number;
  leadTime?: number | null;
  risksHigh?: number;
  risksMedium?: number;
  risksLow?: number;
  /** The quality and audit registers' (PortfolioFigures), kept by closes made since they came. */
  recurrenceRate?: number | null;
  auditFindings?: number | null;
}

export interface WeeklyClose {
  id: number;
  projectId: number;
  statusDate: string;
  closedAt: string;
  baselineId: number | null;
  figures: CloseFigures;
  /** Task id → progress (%) at the close: the close's progress line. Only with `withProgress`. */
  progress?: Record<number, number>;
}

export interface CurvePoint {
  date: string;
  pv: number;
  /** From the weekly close of that date (and the current figures at the status date). */
  ev: number | null;
  ac: number | null;
}

export interface ProgressCurve {
  baselineId: number | null;
  statusDate: string;
  bac: number;
  /** Weekly points from the planned start to the planned finish, the closes' dates and the status date. */
  points: CurvePoint[];
}

const projectRef = z.strictObject({ projectId: id });

export const progressApi = {
  /** Snapshot of every task's dates, duration, effort, progress, status, parent and links; one undo step. */
  'baseline.create': {
    input: z.strictObject({ projectId: id, name: text(200).trim().min(1, 'must not be empty') }),
    output: {} as Pick<Baseline, 'id' | 'name' | 'takenAt'>,
  },
  'baseline.list': { input: projectRef, output: [] as Baseline[] },
  'baseline.get': { input: z.strictObject({ id }), output: {} as BaselineDetail },
  'baseline.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
  /** No `againstId`: against the current plan. */
  'baseline.compare': {
    input: z.strictObject({ projectId: id, baselineId: id, againstId: id.optional() }),
    output: {} as BaselineComparison,
  },
  /** Earned value at a status date from a baseline (or the current plan), per WBS node or assignee. */
  'evm.compute': {
    input: z.strictObject({ projectId: id, statusDate: isoDate, baselineId: id.optional(), by: z.enum(['task', 'assignee']).optional() }),
    output: {} as EvmResult,
  },
  /** 計画遵守率 and the tasks late to start, late to finish and the milestones missed. */
  'evm.adherence': {
    input: z.strictObject({ projectId: id, statusDate: isoDate, baselineId: id.optional() }),
    output: {} as Adherence,
  },
  /** PV over the plan and EV / AC from the weekly closes: the S-curve. */
  'evm.curve': {
    input: z.strictObject({ projectId: id, statusDate: isoDate, baselineId: id.optional() }),
    output: {} as ProgressCurve,
  },
  /** Sets the status date and keeps the figures and each task's progress at it; one undo step. */
  'weekly.close': {
    input: z.strictObject({ projectId: id, statusDate: isoDate, baselineId: id.optional() }),
    output: {} as WeeklyClose,
  },
  /** The project's closes, newest first; `limit` (default all); `withProgress` adds each close's task progress. */
  'weekly.list': {
    input: z.strictObject({ projectId: id, limit: z.number().int().min(1).max(1000).optional(), withProgress: z.boolean().optional() }),
    output: [] as WeeklyClose[],
  },
} as const;
