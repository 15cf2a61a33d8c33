// The charts of the portfolio home and the weekly report as ECharts options built from plain data: the
// renderer draws them on a canvas (and copies or saves them as PNG and SVG), core renders the report's
// charts in Node (SSR, SVG) and rasterizes them for the workbook. One definition per chart, so what the
// PMO sees on screen is what the report carries. Only the pieces these options use are registered
// where they are drawn: line, bar, scatter and heatmap series, grid, legend, tooltip, mark lines.
import type { Light } from './api/portfolio.js';
import type { ProgressCurve } from './api/progress.js';
import { formatDate } from './dates.js';
import { DEFAULT_RISK_THRESHOLDS, riskLevel } from './registers.js';

export type ChartOption = Record<string, unknown>;

/**
 * The app's font stack; no web font is ever loaded. Single quotes: ECharts' SVG renderer writes it into
 * a double-quoted style attribute as it is, and double quotes there would end the attribute.
 */
export const CHART_FONT = "Meiryo, 'Yu Gothic UI', 'Yu Gothic', 'Noto Sans CJK JP', sans-serif";

/** What the portfolio's charts show besides the summary's own figures (SPI/CPI come from portfolio.summary). */
export interface PortfolioCharts {
  /** The day the charts end at: the status date asked for, else the latest of the projects' status dates. */
  date: string;
  /** Open risks of every project: counts[probability - 1][impact - 1]; unrated risks are left out. */
  heat: number[][];
  /** The last 12 weeks up to `date`, oldest first: issue-log rows raised and closed in each. */
  weeks: { weekStart: string; weekEnd: string; opened: number; closed: number }[];
  /** Milestones not reached, due in the 4 weeks after `date` or missed in the 4 weeks up to it; by date. */
  milestones: { projectId: number; project: string; name: string; date: string; late: boolean }[];
}

export const LIGHT_COLORS: Record<Light, string> = { green: '#2f9e5b', yellow: '#f0a30a', red: '#d92d20' };
const LEVEL_COLORS = { high: '#f3b0aa', medium: '#fbe3a6', low: '#cfe8d6' } as const;
const AXIS = '#54555a';

/** Every option starts from this: the app's fonts, no animation (a chart saved at once is the chart drawn). */
function base(option: ChartOption): ChartOption {
  return { animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT }, ...option };
}

export interface HeatLabels {
  probability: string;
  impact: string;
  count: string;
}

/**
 * The 5×5 risk heat map over every project: impact across, probability up, the count of open risks in
 * each cell, coloured by the level of its score under the default risk thresholds (the projects' own
 * thresholds may differ; the home's table counts by each project's).
 */
export function heatOption(counts: readonly (readonly number[])[], L: HeatLabels): ChartOption {
  const scale = ['1', '2', '3', '4', '5'];
  const data = [];
  for (let p = 1; p <= 5; p++)
    for (let i = 1; i <= 5; i++) {
      const n = counts[p - 1]?.[i - 1] ?? 0;
      const level = riskLevel(p * i, DEFAULT_RISK_THRESHOLDS)!;
      data.push({ value: [i - 1, p - 1, n], itemStyle: { color: LEVEL_COLORS[level], borderColor: '#ffffff', borderWidth: 2 }, label: { fontWeight: n > 0 ? 'bold' : 'normal', color: n > 0 ? '#1f2933' : '#9aa5b1' } });
    }
  return base({
    tooltip: { position: 'top' },
    grid: { left: 64, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: scale, name: L.impact, nameLocation: 'middle', nameGap: 28, splitArea: { show: false }, axisLabel: { color: AXIS } },
    yAxis: { type: 'category', data: scale, name: L.probability, nameLocation: 'middle', nameGap: 36, splitArea: { show: false }, axisLabel: { color: AXIS } },
    series: [{ name: L.count, type: 'heatmap', data, label: { show: true, fontSize: 14 } }],
  });
}

export interface IssueWeekLabels {
  opened: string;
  closed: string;
}

/** Issue-log rows raised and closed per week (the week ending on each date), as bars side by side. */
export function issueWeeksOption(weeks: PortfolioCharts['weeks'], L: IssueWeekLabels): ChartOption {
  return base({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: weeks.map((w) => formatDate(w.weekEnd).slice(5)), axisLabel: { color: AXIS } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS } },
    series: [
      { name: L.opened, type: 'bar', data: weeks.map((w) => w.opened), itemStyle: { color: '#d9822b' } },
      { name: L.closed, type: 'bar', data: weeks.map((w) => w.closed), itemStyle: { color: '#2e9e5b' } },
    ],
  });
}

export interface ScatterPoint {
  name: string;
  spi: number | null;
  cpi: number | null;
  light: Light;
}

/**
 * SPI across, CPI up, one point per project in its light's colour with its name; the dashed lines at 1.0
 * split behind / ahead of plan and over / under budget. Projects without both figures are left out.
 */
export function spiCpiOption(points: readonly ScatterPoint[], L: { spi: string; cpi: string }): ChartOption {
  const shown = points.filter((p): p is ScatterPoint & { spi: number; cpi: number } => p.spi !== null && p.cpi !== null);
  const values = [1, ...shown.flatMap((p) => [p.spi, p.cpi])];
  // Round steps around 1.0 that hold every point.
  const lo = Math.floor((Math.min(...values) - 0.05) * 10) / 10;
  const hi = Math.ceil((Math.max(...values) + 0.05) * 10) / 10;
  return base({
    tooltip: { trigger: 'item' },
    grid: { left: 48, right: 24, top: 16, bottom: 44 },
    xAxis: { type: 'value', name: L.spi, nameLocation: 'middle', nameGap: 26, min: lo, max: hi, axisLabel: { color: AXIS } },
    yAxis: { type: 'value', name: L.cpi, nameLocation: 'middle', nameGap: 34, min: lo, max: hi, axisLabel: { color: AXIS } },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: shown.map((p) => ({ name: p.name, value: [p.spi, p.cpi], itemStyle: { color: LIGHT_COLORS[p.light] } })),
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 11, color: '#1f2933' },
        markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#999999', type: 'dashed' }, data: [{ xAxis: 1 }, { yAxis: 1 }] },
      },
    ],
  });
}

/**
 * The milestones of the next 4 weeks on a time line, a row per project: ◆ in blue when coming, in red
 * when missed (in the 4 weeks up to the date); a line marks the date.
 */
export function milestonesOption(c: Pick<PortfolioCharts, 'date' | 'milestones'>, L: { date: string }): ChartOption {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const projects = [...new Set(c.milestones.map((m) => m.project))];
  const from = Math.min(day(c.date), ...c.milestones.map((m) => day(m.date)));
  return base({
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 24, bottom: 32, containLabel: true },
    xAxis: {
      type: 'time',
      min: from - 86_400_000,
      max: day(c.date) + 29 * 86_400_000,
      axisLabel: { color: AXIS, formatter: '{MM}/{dd}' },
      splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
    },
    yAxis: { type: 'category', data: projects, inverse: true, axisLabel: { color: AXIS, width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        data: c.milestones.map((m) => ({
          name: `${m.name}（${formatDate(m.date)}）`,
          value: [day(m.date), m.project],
          itemStyle: { color: m.late ? LIGHT_COLORS.red : '#5470c6' },
        })),
        label: { show: true, position: 'top', formatter: (p: { name: string }) => p.name.replace(/（.*$/, ''), fontSize: 10, color: '#1f2933' },
        markLine: { symbol: 'none', silent: true, label: { formatter: L.date, color: AXIS }, lineStyle: { color: '#d92d20', type: 'dashed' }, data: [{ xAxis: day(c.date) }] },
      },
    ],
  });
}

export interface CurveLabels {
  pv: string;
  ev: string;
  ac: string;
  unit: string;
  statusDate: string;
}

/** The S-curve: PV over the plan, EV and AC from the weekly closes (× `rate` for yen), the status date marked. */
export function sCurveOption(curve: ProgressCurve, L: CurveLabels, rate = 1): ChartOption {
  const series = (key: 'pv' | 'ev' | 'ac', color: string) => ({
    name: L[key],
    type: 'line',
    data: curve.points.map((p) => (p[key] === null ? null : Math.round(p[key]! * rate * 10) / 10)),
    connectNulls: true,
    showSymbol: key !== 'pv',
    lineStyle: { color, width: 2 },
    itemStyle: { color },
  });
  return base({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: curve.points.map((p) => formatDate(p.date)), boundaryGap: false },
    yAxis: { type: 'value', name: L.unit },
    series: [
      { ...series('pv', '#5470c6'), markLine: { symbol: 'none', label: { formatter: L.statusDate }, data: [{ xAxis: formatDate(curve.statusDate) }] } },
      series('ev', '#2e9e5b'),
      series('ac', '#d9822b'),
    ],
  });
}
