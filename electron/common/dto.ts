// Shapes returned by the API. Dates are ISO calendar dates (yyyy-mm-dd); the UI shows yyyy/mm/dd.
import type { ApiErrorBody } from './errors.js';

export interface Project {
  id: number;
  name: string;
  code: string;
  description: string;
  /**
   * The status date (基準日) progress is measured at: as set, or by default the last working day before
   * today. Given by project.list / create / update.
   */
  statusDate?: string;
  /** The status date was set by the user (not the default). */
  statusDateSet?: boolean;
  /** Yen per person-day for earned value in yen; null: person-days only. */
  costRate?: number | null;
  createdAt: string;
  updatedAt: string;
}

export const WBS_STATUSES = ['not_started', 'in_progress', 'done', 'on_hold', 'cancelled'] as const;
export type WbsStatus = (typeof WBS_STATUSES)[number];

export const WBS_SCHEDULING = ['manual', 'auto'] as const;
export type WbsScheduling = (typeof WBS_SCHEDULING)[number];

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
  /** Working days on the project's calendar; null: taken from the dates as typed. */
  duration: number | null;
  /** 'manual': dates as typed; 'auto': scheduled from links, parent and own start, finish from duration. */
  scheduling: WbsScheduling;
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
  /** Has subtasks: its dates, effort and progress are rolled up from them, not typed. */
  summary: boolean;
  /** Planned finish has passed (before today) and the task is neither done nor cancelled. */
  late: boolean;
  /** Planned start has passed, no actual start, and the task is still not started. */
  lateStart: boolean;
}

/** The fields of a summary row computed from its subtasks; typing into them is refused. */
export const WBS_ROLLED_UP_FIELDS = [
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'plannedEffort',
  'actualEffort',
  'progress',
  'status',
] as const satisfies readonly (keyof WbsFields)[];
export type WbsRolledUpField = (typeof WBS_ROLLED_UP_FIELDS)[number];

/**
 * wbs.update's answer: the task, its ancestors (root first) whose roll-ups may have changed, and the
 * other summaries the edit's reschedule changed. The automatic tasks the reschedule moved come as
 * columns in `moved` (a reschedule changes only their dates): a duration edit in a 10,000-task chain
 * answered ~7,000 whole tasks, 3.4 MB of JSON, where their dates are ~0.2 MB.
 */
export interface WbsUpdateResult {
  task: WbsTask;
  related: WbsTask[];
  moved?: WbsMovedDates;
}

/** Tasks whose planned dates a reschedule rewrote, column by column, all stored at `updatedAt`. */
export interface WbsMovedDates {
  ids: number[];
  plannedStart: (string | null)[];
  plannedFinish: (string | null)[];
  updatedAt: string;
}

/** wbs.create's answer: the task, and the rows the creation rewrote besides it (its ancestors' roll-ups…). */
export type WbsCreateResult = WbsTask & { related: WbsTask[] };

/**
 * What a write changed in the WBS, for a screen that keeps the list (applyWbsChanges in
 * common/wbs-tree.ts): the rows it wrote — moved, edited, created, or whose roll-ups moved — as stored
 * now, and the ids of the rows it deleted. Rows it did not write may still be renumbered (a move shifts
 * its siblings' codes): their codes, levels and summary marks follow from parentId and position.
 */
export interface WbsChanges {
  tasks: WbsTask[];
  deletedIds: number[];
}

/** wbs.applyCells' answer. */
export interface WbsCellsResult {
  /** Updated and created tasks and every ancestor of them, as stored now (tree order). */
  tasks: WbsTask[];
  /** Ids of the created rows, in the order of `creates`. When non-empty, codes of later rows shifted. */
  createdIds: number[];
  /** Other tasks the reschedule moved, as their dates (see WbsUpdateResult). */
  moved?: WbsMovedDates;
}

/** One bad cell of a refused wbs.applyCells call (the VALIDATION error's details). */
export interface CellProblem {
  /** Index in `updates`; for `creates`, updates.length + index (the row of the pasted block). */
  row: number;
  /** The task of an update; null for a create. */
  id: number | null;
  field: string;
  message: string;
}

export type BatchKind = 'edit' | 'undo' | 'redo';

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Label of the batch an undo would revert (e.g. 'wbs.applyCells'). */
  undoLabel?: string;
  redoLabel?: string;
}

export interface UndoResult {
  /** False when there was nothing to undo / redo (nothing changed). */
  applied: boolean;
  /** Label of the batch undone / redone. */
  label?: string;
  /** Audit entities the step touched ('wbs_task', 'risk', …): the screens to reload. */
  entities: string[];
  /** When the step touched WBS tasks: what it changed there, so the WBS screen patches instead of reloading. */
  wbs?: WbsChanges;
  state: HistoryState;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One change of one row, as history.row lists it (newest first). */
/** Batches written since a page last asked (history.since): the live refresh of team mode. */
export interface LiveChanges {
  /** The newest batch's seq: the next call's `after`. */
  seq: number;
  /** `role`: the PostgreSQL role that wrote the batch (HistoryEntry.role). */
  /** `mine`: written by the asking window or page itself (another window of the same user is not mine). */
  batches: { seq: number; who: string; role: string | null; mine: boolean; label: string; projectId: number | null; at: string; entities: string[] }[];
}

export interface HistoryEntry {
  at: string;
  who: string;
  /** The database login that wrote it: a team database's PostgreSQL role (its server's current_user); null in a SQLite file. */
  role: string | null;
  batchId: string;
  batchLabel: string;
  kind: BatchKind;
  action: 'create' | 'update' | 'delete';
  changes: FieldChange[];
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

/** What made a backup: the first start of a day, the user, or an operation it was taken before. */
// 'rescue': what the open connection still held when the workspace file was deleted or replaced under it.
export const BACKUP_REASONS = ['daily', 'manual', 'import', 'project-delete', 'restore', 'migration', 'rescue'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The backup's name in its folder (never a path). */
  id: string;
  /** ISO date-time (UTC). */
  takenAt: string;
  bytes: number;
  reason: BackupReason;
}

/**
 * Whether the workspace file is open for work. 'damaged' and 'missing' come with the newest backup
 * that passed its check, to offer; 'readOnly' is a damaged file opened (as a copy) to export what reads.
 */
// teamUnavailable: the folder names a team database that did not open at start (core/team-unavailable.ts);
// `database` names it and `detail` says why, and nothing but 設定 → チームで使う answers.
export type WorkspaceCondition = 'ok' | 'damaged' | 'missing' | 'readOnly' | 'teamUnavailable';
/** What went wrong, for a one-sentence message in the UI language. */
/** Why the workspace cannot be used; the recovery screen says each in its own sentence (recovery.problems, recovery.aside). */
export const WORKSPACE_PROBLEMS = ['corrupt', 'notDatabase', 'walLost', 'walDamaged', 'missing', 'empty', 'fileDeleted', 'fileReplaced'] as const;
export type WorkspaceProblem = (typeof WORKSPACE_PROBLEMS)[number];

/** What runs beside the workspace on its file (WorkspaceStatus.fileWork). */
export const FILE_WORK_KINDS = ['backup', 'integrity'] as const;
export type FileWorkKind = (typeof FILE_WORK_KINDS)[number];

export interface WorkspaceStatus {
  condition: WorkspaceCondition;
  problem?: WorkspaceProblem;
  /** SQLite's own words, for support; the UI shows its own sentence. */
  detail?: string;
  /** The folder of the workspace (the data folder). */
  folder: string;
  /** Offered when the workspace cannot be used: the newest backup that passed integrity_check. */
  newestGoodBackup?: BackupInfo | null;
  /**
   * Work on a big workspace file running beside the open workspace (core/db/file-work.ts): the day's
   * backup or the weekly integrity check. The top bar says so while it runs; if the app quits first,
   * the next start does it again.
   */
  fileWork?: FileWorkKind;
  /** A team's PostgreSQL database the workspace is on (team mode); absent: the SQLite file in `folder`. */
  database?: TeamDatabase;
  /** What the team database does otherwise than the file, said in 設定 → チームで使う (its collation: core/db/pg-locale.ts). */
  databaseWarning?: ApiErrorBody;
}

/**
 * A PostgreSQL database a team shares (team mode, issue 17): where it is and whose login. The password
 * is never part of it: the shell keeps it (Electron: the OS's protected storage through safeStorage).
 */
export interface TeamDatabase {
  host: string;
  port: number;
  database: string;
  /** The administrator's own PostgreSQL role. */
  user: string;
  /** TLS to the server, its certificate checked against this CA file (PEM); absent: no TLS. */
  caFile?: string;
}

export interface BackupSettings {
  folder: string;
  defaultFolder: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** integrity_check's findings (at most 100), empty when ok. */
  problems: string[];
  checkedAt: string;
}
