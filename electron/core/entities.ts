// Entity name (as written in audit_log.entity) → the store of its table. Undo and redo put rows back
// through these stores, so every table that writes audit rows must be listed here; the registers come
// from their descriptors (common/registers), each bound to the table its descriptor names.
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../drizzle/schema.js';
import { baselines, changes, issues, meetings, projectCalendars, projects, risks, statusNotes, statusOverrides, wbsDependencies, wbsTasks, weeklyCloses } from '../../drizzle/schema.js';
import { REGISTER_LIST, type RegisterName } from '../common/registers/index.js';
import { tableStore, type TableStore } from './store.js';

/** Projects are not undoable (no entry in ENTITY_STORES): project.* batches are off the stacks. */
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
};
