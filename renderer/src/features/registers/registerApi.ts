// The five verbs every flat register answers (risk.*, issue.*, change.*…), seen through one interface so
// one page implementation serves all of them. Writes go through mutate: each refreshes the queries that
// read the register (and the undo stack), except the one the caller patches itself (`patches`).
import type { RegisterName } from '../../../../electron/common/registers.js';
import { mutate, read, type MutateOptions } from '../../api/useApi.js';

type Values = Record<string, unknown>;

export interface RegisterApi<T> {
  list(projectId: number): Promise<T[]>;
  create(projectId: number, values: Values, opts?: MutateOptions): Promise<T>;
  /** `expected`: the cells' values when the edit began (a colleague's change since is CONFLICT, common/stale-edit.ts). */
  update(id: number, patch: Values, opts?: MutateOptions, expected?: Values): Promise<T>;
  remove(ids: number[]): Promise<{ deleted: number }>;
  /** Each update's `expected`: as update's, what its cells showed when the paste began. */
  applyCells(projectId: number, updates: { id: number; patch: Values; expected?: Values }[], creates: { values: Values }[], opts?: MutateOptions): Promise<{ updated: T[]; created: T[] }>;
}

export function registerApi<T>(name: RegisterName): RegisterApi<T> {
  // The method names are built from the register's name; the core validates every argument.
  const m = (verb: string) => `${name}.${verb}` as 'risk.list';
  const write = mutate as (method: string, args: unknown, opts?: MutateOptions) => Promise<never>;
  return {
    list: (projectId) => (read as (method: string, args: unknown) => Promise<never>)(m('list'), { projectId }),
    create: (projectId, values, opts) => write(m('create'), { projectId, values }, opts),
    update: (id, patch, opts, expected) => write(m('update'), { id, patch, ...(expected && { expected }) }, opts),
    remove: (ids) => write(m('delete'), { ids }),
    applyCells: (projectId, updates, creates, opts) => write(m('applyCells'), { projectId, updates, creates }, opts),
  };
}
