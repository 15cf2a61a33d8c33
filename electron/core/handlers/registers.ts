import type { HandlerMap } from '../../common/api.js';
import type { registersApi } from '../../common/api/registers.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { getProjectRow, listProjects } from '../services/projects.js';
import type { CellsRequest } from '../services/registers/cells.js';
import type { RegisterService } from '../services/registers/engine.js';
import { REGISTER_SERVICES } from '../services/registers/index.js';
import type { RegisterName } from '../../common/registers/index.js';
import { riskScoreHistory } from '../services/registers/score-history.js';
import { getThresholds, setThresholds } from '../services/registers/thresholds.js';

type Values = Record<string, unknown>;

export function registersHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof registersApi> {
  // The same verbs for every register.
  const run = () => ({ today: ctx.today?.() });
  const verbs = (name: string, s: RegisterService<unknown>) => ({
    [`${name}.list`]: ({ projectId }: { projectId: number }) => s.list(db, projectId, run()),
    // Every project's rows, each with its project's name, projects in the portfolio's order.
    [`${name}.listAll`]: () => listProjects(db).flatMap((p) => (s.list(db, p.id, run()) as Values[]).map((r) => ({ ...r, projectName: p.name }))),
    [`${name}.create`]: ({ projectId, values }: { projectId: number; values?: Values }) => s.create(db, ctx, projectId, values ?? {}, run()),
    [`${name}.update`]: ({ id, patch, expected }: { id: number; patch: Values; expected?: Values }) => s.update(db, ctx, id, patch, run(), expected),
    [`${name}.delete`]: ({ id, ids }: { id?: number; ids?: number[] }) => s.remove(db, ctx, ids ?? [id!]),
    [`${name}.applyCells`]: ({ projectId, ...req }: { projectId: number } & CellsRequest) => s.applyCells(db, ctx, projectId, req, run()),
  });
  const all = Object.assign({}, ...Object.entries(REGISTER_SERVICES).map(([name, s]) => verbs(name, s))) as HandlerMap<`${RegisterName}.${'list' | 'listAll' | 'create' | 'update' | 'delete' | 'applyCells'}`>;

  return {
    ...all,
    'risk.scoreHistory': ({ id }) => riskScoreHistory(db, id),
    'risk.thresholds.get': ({ projectId }) => {
      getProjectRow(db, projectId);
      return getThresholds(db, projectId);
    },
    'risk.thresholds.set': ({ projectId, thresholds }) => setThresholds(db, projectId, thresholds),
  };
}
