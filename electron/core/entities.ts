// Entity name (as written in audit_log.entity) → the store of its table. Undo and redo put rows back
// through these stores, so every table that writes audit rows must be listed here; the registers come
// from their descriptors (common/registers), each bound to the table its descriptor names.
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../drizzle/schema.js';
import { baselines, changes, issues, meetings, projectCalendars, projects, risks, statusNotes, statusOverrides, vocabularies, wbsDependencies, wbsTasks, weeklyCloses } from '../../drizzle/schema.js';
import { REGISTER_LIST, type RegisterName } from '../common/registers/index.js';
import { tableStore, type TableStore } from './store.js';

/**
 * A project's own batches (project.create, project.update) are off the stacks; only its delete is
 * undone (history.ts: the caller's own, once the project is gone), so the project row has a store.
 */
export const projectStore = tableStore(projects);
export type ProjectRow = typeof projects.$inferSelect;
export const riskStore = tableStore(risks);
export const issueStore = tableStore(issues);
export const changeStore = tableStore(changes);
export const meetingStore = tableStore(meetings);
export const wbsStore = tableStore(wbsTasks);
export const dependencyStore = tableStore(wbsDependencies);
export const calendarStore = tableStore(projectCalendars);
export const baselineStore = tableStore(baselines);
export const weeklyCloseStore = tableStore(weeklyCloses);
export const statusOverrideStore = tableStore(statusOverrides);
export const statusNoteStore = tableStore(statusNotes);
export const vocabularyStore = tableStore(vocabularies);

/** A store seen generically: rows as field → value records. */
export type AnyStore = TableStore<Record<string, unknown> & { id: number }>;

const generic = (store: object) => store as AnyStore;

/** The schema's tables by SQL name. */
const TABLES = new Map<string, SQLiteTable>(
  (Object.values(schema) as unknown[]).flatMap((t) => (is(t, SQLiteTable) ? [[getTableName(t), t] as const] : [])),
);

/** The store of each register: its descriptor's table (a register whose table the schema lacks fails at load). */
export const REGISTER_STORES = Object.fromEntries(
  REGISTER_LIST.map((d) => {
    const table = TABLES.get(d.table);
    if (!table) throw new Error(`register ${d.name}: drizzle/schema.ts has no table ${d.table}`);
    const known = ({ risks: riskStore, issues: issueStore, changes: changeStore } as Record<string, object>)[d.table];
    return [d.name, generic(known ?? tableStore(table))];
  }),
) as Record<RegisterName, AnyStore>;

export const ENTITY_STORES: Record<string, AnyStore> = {
  wbs_task: generic(wbsStore),
  wbs_dependency: generic(dependencyStore),
  project_calendar: generic(calendarStore),
  baseline: generic(baselineStore),
  weekly_close: generic(weeklyCloseStore),
  status_override: generic(statusOverrideStore),
  status_note: generic(statusNoteStore),
  ...REGISTER_STORES,
  meeting: generic(meetingStore),
  vocabulary: generic(vocabularyStore),
  project: generic(projectStore),
};

/**
 * The tables a project owns (a foreign key to projects, so its delete cascades to them), each with its
 * entity and store, parents before children by their own foreign keys (meetings before the issues
 * linked to them, baselines before weekly closes, tasks before links). A project delete audits them
 * children first and its undo puts them back in this order. A table that cascades from projects with
 * no store here would be lost by an undone delete: the app refuses to load.
 */
export const PROJECT_TABLES: readonly { entity: string; table: SQLiteTable; store: AnyStore }[] = (() => {
  const entityOf = new Map(Object.entries(ENTITY_STORES).map(([entity, store]) => [store.table, entity]));
  const owned = [...TABLES.values()].filter((t) => t !== projects && getTableConfig(t).foreignKeys.some((fk) => fk.reference().foreignTable === projects));
  for (const t of owned) if (!entityOf.has(getTableName(t))) throw new Error(`${getTableName(t)} cascades from projects but has no entity store (entities.ts ENTITY_STORES)`);
  const out: SQLiteTable[] = [];
  const visit = (t: SQLiteTable, path: SQLiteTable[]) => {
    if (out.includes(t)) return;
    if (path.includes(t)) throw new Error(`tables of a project in a cycle: ${[...path, t].map(getTableName).join(' → ')}`);
    for (const fk of getTableConfig(t).foreignKeys) {
      const parent = fk.reference().foreignTable as SQLiteTable;
      if (parent !== t && owned.includes(parent)) visit(parent, [...path, t]);
    }
    out.push(t);
  };
  for (const t of owned) visit(t, []);
  return out.map((t) => ({ entity: entityOf.get(getTableName(t))!, table: t, store: ENTITY_STORES[entityOf.get(getTableName(t))!]! }));
})();
