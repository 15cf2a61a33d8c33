// Entity name (as written in audit_log.entity) → the store of its table. Undo and redo put rows back
// through these stores, so every register that writes audit rows must be listed here.
import { baselines, changes, issues, meetings, projectCalendars, risks, statusOverrides, wbsDependencies, wbsTasks, weeklyCloses } from '../../drizzle/schema.js';
import { tableStore, type TableStore } from './store.js';

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

/** A store seen generically: rows as field → value records. */
export type AnyStore = TableStore<Record<string, unknown> & { id: number }>;

const generic = (store: object) => store as AnyStore;

export const ENTITY_STORES: Record<string, AnyStore> = {
  wbs_task: generic(wbsStore),
  wbs_dependency: generic(dependencyStore),
  project_calendar: generic(calendarStore),
  baseline: generic(baselineStore),
  weekly_close: generic(weeklyCloseStore),
  status_override: generic(statusOverrideStore),
  risk: generic(riskStore),
  issue: generic(issueStore),
  change: generic(changeStore),
  meeting: generic(meetingStore),
};
