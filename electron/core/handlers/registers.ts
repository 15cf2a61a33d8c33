import type { HandlerMap } from '../../common/api.js';
import type { registersApi } from '../../common/api/registers.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';
import { getProjectRow } from '../services/projects.js';
import type { CellsRequest } from '../services/registers/cells.js';
import type { RegisterService } from '../services/registers/engine.js';
import { changes, issues, risks } from '../services/registers/index.js';
import { riskScoreHistory } from '../services/registers/score-history.js';
import { getThresholds, setThresholds } from '../services/registers/thresholds.js';

type Values = Record<string, unknown>;

export function registersHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof registersApi> {
  // The same five verbs for every register.
  const run = () => ({ today: ctx.today?.() });
  const verbs = <D>(s: RegisterService<D>) => ({
    list: ({ projectId }: { projectId: number }) => s.list(db, projectId, run()),
    create: ({ projectId, values }: { projectId: number; values?: Values }) => s.create(db, ctx, projectId, values ?? {}, run()),
    update: ({ id, patch }: { id: number; patch: Values }) => s.update(db, ctx, id, patch, run()),
    delete: ({ id, ids }: { id?: number; ids?: number[] }) => s.remove(db, ctx, ids ?? [id!]),
    applyCells: ({ projectId, ...req }: { projectId: number } & CellsRequest) => s.applyCells(db, ctx, projectId, req, run()),
  });
  const risk = verbs(risks);
  const issue = verbs(issues);
  const change = verbs(changes);

  return {
    'risk.list': risk.list,
    'risk.create': risk.create,
    'risk.update': risk.update,
    'risk.delete': risk.delete,
    'risk.applyCells': risk.applyCells,
    'risk.scoreHistory': ({ id }) => riskScoreHistory(db, id),
    'risk.thresholds.get': ({ projectId }) => {
      getProjectRow(db, projectId);
      return getThresholds(db, projectId);
    },
    'risk.thresholds.set': ({ projectId, thresholds }) => setThresholds(db, projectId, thresholds),

    'issue.list': issue.list,
    'issue.create': issue.create,
    'issue.update': issue.update,
    'issue.delete': issue.delete,
    'issue.applyCells': issue.applyCells,

    'change.list': change.list,
    'change.create': change.create,
    'change.update': change.update,
    'change.delete': change.delete,
    'change.applyCells': change.applyCells,
  };
}
