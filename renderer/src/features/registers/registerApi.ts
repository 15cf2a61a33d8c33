// The five verbs every flat register answers (risk.*, issue.*, change.*), seen through one interface so
// one page implementation serves all three.
import type { RegisterName } from '../../../../electron/common/registers.js';
import { call } from '../../api/client.js';

type Values = Record<string, unknown>;

export interface RegisterApi<T> {
  list(projectId: number): Promise<T[]>;
  create(projectId: number, values: Values): Promise<T>;
  update(id: number, patch: Values): Promise<T>;
  remove(ids: number[]): Promise<{ deleted: number }>;
  applyCells(projectId: number, updates: { id: number; patch: Values }[], creates: { values: Values }[]): Promise<{ updated: T[]; created: T[] }>;
}

export function registerApi<T>(name: RegisterName): RegisterApi<T> {
  // The method names are built from the register's name; the core validates every argument.
  const m = (verb: string) => `${name}.${verb}` as 'risk.list';
  const any = call as (method: string, args: unknown) => Promise<never>;
  return {
    list: (projectId) => any(m('list'), { projectId }),
    create: (projectId, values) => any(m('create'), { projectId, values }),
    update: (id, patch) => any(m('update'), { id, patch }),
    remove: (ids) => any(m('delete'), { ids }),
    applyCells: (projectId, updates, creates) => any(m('applyCells'), { projectId, updates, creates }),
  };
}
