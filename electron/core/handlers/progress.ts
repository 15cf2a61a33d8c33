import type { HandlerMap } from '../../common/api.js';
import type { progressApi } from '../../common/api/progress.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import {
  closeWeek,
  compareBaseline,
  createBaseline,
  deleteBaseline,
  evmAdherence,
  evmCompute,
  evmCurve,
  getBaseline,
  listBaselines,
  listCloses,
} from '../services/progress.js';

export function progressHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof progressApi> {
  return {
    'baseline.create': ({ projectId, name }) => createBaseline(db, ctx, projectId, name),
    'baseline.list': ({ projectId }) => listBaselines(db, projectId),
    'baseline.get': ({ id }) => getBaseline(db, id),
    'baseline.delete': ({ id }) => deleteBaseline(db, ctx, id),
    'baseline.compare': ({ projectId, baselineId, againstId }) => compareBaseline(db, projectId, baselineId, againstId),
    'evm.compute': ({ projectId, statusDate, baselineId, by }) => evmCompute(db, projectId, statusDate, baselineId, by),
    'evm.adherence': ({ projectId, statusDate, baselineId }) => evmAdherence(db, projectId, statusDate, baselineId),
    'evm.curve': ({ projectId, statusDate, baselineId }) => evmCurve(db, projectId, statusDate, baselineId),
    'weekly.close': ({ projectId, statusDate, baselineId }) => closeWeek(db, ctx, projectId, statusDate, baselineId),
    'weekly.list': ({ projectId, limit, withProgress }) => listCloses(db, projectId, limit, withProgress),
  };
}
