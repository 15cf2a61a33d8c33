// Shapes returned by the API. Dates are ISO calendar dates (yyyy-mm-dd); the UI shows yyyy/mm/dd.

export interface Project {
  id: number;
  name: string;
  code: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export const WBS_STATUSES = ['not_started', 'in_progress', 'done', 'on_hold', 'cancelled'] as const;
export type WbsStatus = (typeof WBS_STATUSES)[number];

/** The fields of a WBS task a user types; everything else is derived or bookkeeping. */
export interface WbsFields {
  name: string;
  assignee: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  actualStart: string | null;
  actualFinish: string | null;
  plannedEffort: number | null;
  actualEffort: number | null;
  progress: number;
  status: WbsStatus;
  milestone: boolean;
  deliverable: string;
  predecessors: string;
  notes: string;
}

export interface WbsTask extends WbsFields {
  id: number;
  projectId: number;
  parentId: number | null;
  position: number;
  /** Derived from the tree: 1, 1.1, 1.1.1 … */
  code: string;
  /** Depth in the tree, 0 for top-level tasks. */
  level: number;
  extra: Record<string, unknown>;
  updatedAt: string;
}

export interface AppInfo {
  version: string;
  user: string;
  /** The operating system's locale (BCP 47), used for the first choice of UI language. */
  osLocale: string;
  /** The UI language chosen by the user, if any. */
  language: 'ja' | 'en' | null;
  /** Which front this is: the Electron window or the loopback web host. */
  shell: 'electron' | 'web';
}
