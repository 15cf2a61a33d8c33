import type { HandlerMap } from '../../common/api.js';
import type { projectApi } from '../../common/api/project.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { localToday } from '../../common/dates.js';
import { listProjects, createProject, updateProject, deleteProject } from '../services/projects.js';

export function projectHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof projectApi> {
  const today = () => ctx.today?.() ?? localToday();
  return {
    'project.list': () => listProjects(db, today()),
    'project.create': (input) => createProject(db, ctx, input, today()),
    'project.update': ({ id, patch }) => updateProject(db, ctx, id, patch, today()),
    'project.delete': ({ id }) => deleteProject(db, ctx, id),
  };
}
