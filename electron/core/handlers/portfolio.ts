import type { HandlerMap } from '../../common/api.js';
import type { portfolioApi } from '../../common/api/portfolio.js';
import { localToday } from '../../common/dates.js';
import { warmCharts } from '../charts/render.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { listOverrides, portfolioSummary, setLightThresholds, setOverride, setStatusNote } from '../services/portfolio.js';
import { portfolioCharts } from '../services/portfolio-charts.js';
import { exportStatusReport, printedReport } from '../services/status-report.js';

export function portfolioHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof portfolioApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'portfolio.summary': ({ statusDate }) => portfolioSummary(db, today(), statusDate),
    'portfolio.charts': ({ statusDate, projectIds }) => portfolioCharts(db, today(), statusDate, projectIds),
    'portfolio.setThresholds': ({ thresholds }) => setLightThresholds(db, thresholds),
    'portfolio.override': ({ projectId, light, reason }) => setOverride(db, ctx, projectId, light, reason),
    'portfolio.overrides': ({ projectId }) => listOverrides(db, projectId),
    'portfolio.setNote': ({ projectId, statusDate, text }) => setStatusNote(db, ctx, projectId, statusDate, text),
    'report.export': (input) => exportStatusReport(db, ctx.osLocale, today(), input),
    'report.data': (input) => printedReport(db, ctx.osLocale, today(), input),
    'report.prepare': async () => {
      await warmCharts();
      return {};
    },
  };
}
