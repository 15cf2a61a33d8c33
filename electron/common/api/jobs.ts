// The calls running in the workspace, as the window that made them sees them: how far each has come,
// and a way to cancel the ones that have written nothing yet. These two methods are answered by the
// host side of the workspace (core/jobs.ts) without waiting for the workspace itself, which may be
// busy with the very call they ask about; they are not part of the domain contract (api.ts).
import { z } from 'zod';

/**
 * Who makes a call: the user (the audit trail's "who"; the OS user unless a host says otherwise) and the
 * window or page (Electron's window, one page load of the web host). Undo and redo take the caller's
 * own newest change; progress and cancel see the caller's own calls only.
 */
export interface Caller {
  user?: string;
  client?: string;
}

/** A client id as a page or window gives it (letters, digits, - and _). */
export const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface JobInfo {
  jobId: number;
  method: string;
  /** Milliseconds since the call started. */
  elapsedMs: number;
  /** How far it has come, when it said so: `done` of `total` steps. */
  done?: number;
  total?: number;
  /** Nothing has been written yet and the call can stop: job.cancel will. */
  cancellable: boolean;
  cancelRequested: boolean;
}

export const jobsApi = {
  /** The caller's calls still running. */
  'job.list': { input: z.strictObject({}), output: [] as JobInfo[] },
  /** Asks one of the caller's cancellable calls to stop; it answers CANCELLED. */
  'job.cancel': { input: z.strictObject({ jobId: z.number().int().positive() }), output: {} as { cancelled: boolean } },
} as const;

export type JobMethod = keyof typeof jobsApi;

export function isJobMethod(name: string): name is JobMethod {
  return Object.prototype.hasOwnProperty.call(jobsApi, name);
}

/**
 * Calls that write nothing until their end (or nothing at all), so stopping them loses nothing; the
 * copies of a workspace write their target in one transaction that a stop rolls back.
 */
export const CANCELLABLE_METHODS: ReadonlySet<string> = new Set(['excel.previewImport', 'excel.export', 'excel.sheetPreview', 'workspace.copyToTeam', 'workspace.exportFile']);
