import type { HandlerMap } from '../../common/api.js';
import type { projectApi } from '../../common/api/project.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';
import { listProjects, createProject, updateProject, deleteProject } from '../services/projects.js';

export function projectHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof projectApi> {
  return {
    'project.list': () => listProjects(db),
    'project.create': (input) => createProject(db, ctx, input),
    'project.update': ({ id, patch }) => updateProject(db, ctx, id, patch),
    'project.delete': ({ id }) => deleteProject(db, ctx, id),
  };
}
