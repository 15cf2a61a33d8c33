// The portfolio: every project's figures at a status date beside each other, the difference from the
// last weekly close (先週差分), the trend of the last 12 closes, and a status light (順調 / 注意 / 要対応)
// from thresholds the PMO sets, or the PMO's own light with a reason (kept, undoable).
import { z } from 'zod';
import type { PortfolioCharts } from '../portfolio-charts.js';
import type { ExportedWorkbook } from './excel.js';
import { id, isoDate, text } from './schemas.js';

/** 順調 / 注意 / 要対応. */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** The figures of a project at a status date: what the home shows, a weekly close keeps and 先週差分 compares. */
export interface PortfolioFigures {
  spi: number | null;
  cpi: number | null;
  /** 計画遵守率 (0–1): of the tasks planned to finish by the status date, the share finished on time. */
  adherence: number | null;
  /** Progress of the whole project (%), weighted by planned effort. */
  progress: number;
  /** Tasks not finished by their planned finish (milestones apart). */
  lateTasks: number;
  /** Milestones not reached by their date. */
  milestonesMissed: number;
  /** Issue-log rows whose status is not a closed one. */
  openIssues: number;
  /** Of those, due before the status date. */
  overdueIssues: number;
  /** リードタイム: median days from raised to closed of the issues closed by the status date. */
  leadTime: number | null;
  /** Open risks by level (the project's risk thresholds); unrated risks are in none. */
  risksHigh: number;
  risksMedium: number;
  risksLow: number;
  /**
   * 障害再発率 (0–1): of the 品質不具合 found by the status date whose recurrence is recorded, the share
   * marked a recurrence; null when none is.
   */
  recurrenceRate: number | null;
  /** 監査指摘件数: audit findings not closed (verified); null when the project has no 監査指摘 at all. */
  auditFindings: number | null;
}

export type FigureKey = keyof PortfolioFigures;
export const FIGURE_KEYS: readonly FigureKey[] = [
  'spi',
  'cpi',
  'adherence',
  'progress',
  'lateTasks',
  'milestonesMissed',
  'openIssues',
  'overdueIssues',
  'leadTime',
  'risksHigh',
  'risksMedium',
  'risksLow',
  'recurrenceRate',
  'auditFindings',
];

/**
 * When a project's light turns: 注意 (yellow) at `warn`, 要対応 (red) at `alert`. SPI and CPI turn when
 * they fall below the limit; the counts when they reach it.
 */
const band = z.strictObject({ warn: z.number().min(0).max(1000), alert: z.number().min(0).max(1000) });
const ratioBand = band.refine((b) => b.alert <= b.warn, { message: 'alert must not be above warn', path: ['alert'] });
const countBand = band.refine((b) => b.alert >= b.warn, { message: 'alert must not be below warn', path: ['alert'] });

export const lightThresholds = z.strictObject({
  spi: ratioBand,
  cpi: ratioBand,
  lateTasks: countBand,
  highRisks: countBand,
  overdueIssues: countBand,
});
export type LightThresholds = z.infer<typeof lightThresholds>;
export type LightMeasure = keyof LightThresholds;
export const LIGHT_MEASURES: readonly LightMeasure[] = ['spi', 'cpi', 'lateTasks', 'highRisks', 'overdueIssues'];

/** A slip of 5 % is worth a look, 15 % needs action; any late task or 高 risk or overdue issue is worth a look. */
export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = {
  spi: { warn: 0.95, alert: 0.85 },
  cpi: { warn: 0.95, alert: 0.85 },
  lateTasks: { warn: 1, alert: 5 },
  highRisks: { warn: 1, alert: 3 },
  overdueIssues: { warn: 1, alert: 5 },
};

/** One threshold a project passed: the measure, its value, the limit passed and the light it gives. */
export interface LightReason {
  measure: LightMeasure;
  value: number;
  limit: number;
  light: Exclude<Light, 'green'>;
}

const measureValue = (f: PortfolioFigures, m: LightMeasure): number | null =>
  m === 'spi' ? f.spi : m === 'cpi' ? f.cpi : m === 'lateTasks' ? f.lateTasks : m === 'highRisks' ? f.risksHigh : f.overdueIssues;

/**
 * The light the thresholds give: 要対応 when any measure passes its alert limit, 注意 when any passes its
 * warn limit, else 順調. A ratio that cannot be computed (no planned value yet, no actual cost) passes nothing.
 */
export function lightOf(f: PortfolioFigures, t: LightThresholds): { light: Light; reasons: LightReason[] } {
  const reasons: LightReason[] = [];
  for (const m of LIGHT_MEASURES) {
    const v = measureValue(f, m);
    if (v === null) continue;
    const ratio = m === 'spi' || m === 'cpi';
    const passes = (limit: number) => (ratio ? v < limit : v >= limit);
    if (passes(t[m].alert)) reasons.push({ measure: m, value: v, limit: t[m].alert, light: 'red' });
    else if (passes(t[m].warn)) reasons.push({ measure: m, value: v, limit: t[m].warn, light: 'yellow' });
  }
  const light: Light = reasons.some((r) => r.light === 'red') ? 'red' : reasons.length > 0 ? 'yellow' : 'green';
  return { light, reasons };
}

/** The PMO's light for a project, as set (light null: back to the computed light). */
export interface StatusOverride {
  id: number;
  projectId: number;
  light: Light | null;
  reason: string;
  setBy: string;
  setAt: string;
}

export interface TrendPoint extends Partial<PortfolioFigures> {
  statusDate: string;
}

/** A table of the printed report: its cells as shown (dates yyyy/mm/dd). */
export interface PrintedTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Shown when there are no rows. */
  empty: string;
}

/** The weekly status report as the print page draws it (the same contents as the .xlsx layout). */
export interface PrintedReport {
  language: 'ja' | 'en';
  title: string;
  labels: { statusDate: string; light: string; manual: string; note: string; basis: string; figure: string; now: string; diff: string; curve: string };
  projects: {
    projectId: number;
    name: string;
    statusDate: string;
    light: Light;
    lightLabel: string;
    /** The reason of a light set by hand. */
    manual: string | null;
    note: string | null;
    baseline: string;
    /** Label, value as shown, 先週差分 as shown. */
    figures: [string, string, string][];
    /** The S-curve drawn by ECharts' SVG renderer; null when the plan has no dates. */
    curveSvg: string | null;
    tables: PrintedTable[];
  }[];
}

/** The PMO's one-line summary of a project's week. */
export interface StatusNote {
  projectId: number;
  statusDate: string;
  text: string;
  setBy: string;
  setAt: string;
}

export interface PortfolioRow {
  projectId: number;
  name: string;
  code: string;
  /** When anything of the project (WBS, a register, the minutes) was last changed. */
  updatedAt: string;
  statusDate: string;
  /** The baseline the figures are measured against (the newest), or null: the current plan. */
  baselineId: number | null;
  baselineName: string | null;
  figures: PortfolioFigures;
  /** Status date of the weekly close 先週差分 compares with: the newest before the status date. */
  previousClose: string | null;
  /** Figure − the same figure at that close; null when either is missing. */
  diff: Record<FigureKey, number | null>;
  /** The last 12 weekly closes up to the status date, oldest first (closes older than a figure lack it). */
  trend: TrendPoint[];
  /** The earliest milestone not reached yet (late: its date is on or before the status date). */
  nextMilestone: { id: number; name: string; date: string; late: boolean } | null;
  /** The light the thresholds give, and why. */
  computed: { light: Light; reasons: LightReason[] };
  /** The PMO's light in force, if any. */
  override: StatusOverride | null;
  /** The light shown: the override's, else the computed one. */
  light: Light;
  /** The PMO's one-line summary of the week at the status date (週次報告's 所見), or null. */
  note: string | null;
}

export interface PortfolioSummary {
  /** The status date asked for, or null: each project at its own. */
  statusDate: string | null;
  thresholds: LightThresholds;
  projects: PortfolioRow[];
}

export const portfolioApi = {
  /** Every project's figures, 先週差分, trend and light, at `statusDate` or at each project's own status date. */
  'portfolio.summary': { input: z.strictObject({ statusDate: isoDate.optional() }), output: {} as PortfolioSummary },
  /**
   * The home's charts over every project (or those of `projectIds`): the risk heat map, issues raised and
   * closed per week, the milestones of the next 4 weeks.
   */
  'portfolio.charts': { input: z.strictObject({ statusDate: isoDate.optional(), projectIds: z.array(id).max(10_000).optional() }), output: {} as PortfolioCharts },
  /** The thresholds of the status light (workspace-wide); `null` puts the defaults back. */
  'portfolio.setThresholds': { input: z.strictObject({ thresholds: lightThresholds.nullable() }), output: {} as LightThresholds },
  /** Sets the project's light by hand with a reason (light null: back to the computed light); one undo step. */
  'portfolio.override': {
    input: z
      .strictObject({ projectId: id, light: z.enum(LIGHTS).nullable(), reason: text(1000).trim() })
      .refine((o) => o.light === null || o.reason !== '', { message: 'must not be empty', path: ['reason'] }),
    output: {} as StatusOverride,
  },
  /**
   * The weekly status report in PMO Desk's own A4 layout (.xlsx): a sheet per project (and a summary sheet
   * for several) with the light, the figures and 先週差分, and the week's tasks, milestones, risks and issues.
   */
  'report.export': {
    input: z.strictObject({
      projectIds: z.array(id).min(1).max(50),
      statusDate: isoDate.optional(),
      format: z.literal('xlsx').optional(),
      language: z.enum(['ja', 'en']).optional(),
      /**
       * 'files': a workbook per project (and the summary's) in one .zip; 'folder': the same files one by
       * one in `files` (the window writes them into a folder the user picks); default one workbook.
       */
      bundle: z.enum(['workbook', 'files', 'folder']).optional(),
      /** Into the client's own report form (a report profile): a file per project (a .zip for several). */
      profileId: id.optional(),
    }),
    output: {} as ExportedWorkbook & { files?: ExportedWorkbook[] },
  },
  /**
   * The weekly status report as the print page shows it (PMO Desk's A4 layout as HTML, printed to PDF by
   * the window or the browser): every text as shown, each project's S-curve as SVG.
   */
  'report.data': {
    input: z.strictObject({ projectIds: z.array(id).min(1).max(50), statusDate: isoDate.optional(), language: z.enum(['ja', 'en']).optional() }),
    output: {} as PrintedReport,
  },
  /**
   * Readies the chart rasterizer for a report (compiled and run once small), so the first export of a
   * session does not pay for it; the report dialog calls it when it opens.
   */
  'report.prepare': { input: z.strictObject({}), output: {} as Record<string, never> },
  /**
   * The PMO's one-line summary of the project's week at a status date; empty text clears it. One undo
   * step of the project; answers the summary kept (null when cleared).
   */
  'portfolio.setNote': {
    input: z.strictObject({ projectId: id, statusDate: isoDate, text: text(500).trim() }),
    output: {} as StatusNote | null,
  },
  /** The project's light overrides, newest first. */
  'portfolio.overrides': { input: z.strictObject({ projectId: id }), output: [] as StatusOverride[] },
} as const;
