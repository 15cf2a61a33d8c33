// The renderer's only door to the app: window.pmo.invoke inside Electron, else HTTP to the web host.
// Both answer the same envelope, so the rest of the UI never knows which shell it runs in.
import type { z } from 'zod';
import type { Input, Method, Output } from '../../../electron/common/api.js';
import type { JobInfo, jobsApi, JobMethod } from '../../../electron/common/api/jobs.js';
import type { teamApi, TeamMethod } from '../../../electron/common/api/team.js';
import { ApiError, type Envelope } from '../../../electron/common/errors.js';

declare global {
  interface Window {
    pmo?: {
      invoke(method: string, args: unknown): Promise<Envelope<unknown>>;
      /** Electron only: the page as it prints, saved as a PDF where the user chooses. */
      printToPdf?(paper: 'A3' | 'A4', name: string): Promise<{ saved: boolean; error?: string }>;
      /** Electron only: files written into a folder the user picks (a report's workbook per project). */
      saveToFolder?(files: { fileName: string; dataBase64: string }[]): Promise<{ saved: number; folder?: string; error?: string }>;
    };
  }
}

export function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

const TOKEN_KEY = 'pmo.token';

/**
 * Takes the web host's per-launch token out of the URL it printed (#token=…) at start: kept in this
 * tab's sessionStorage (a reload finds it; the tab's own origin only, gone with the tab), and removed
 * from the address bar and history, so it is not in a bookmark, a screenshot or a copied link.
 * replaceState fires no hashchange and adds no history entry. sessionStorage is the choice over
 * memory alone because a reload (F5) would otherwise need the printed URL again; a script running
 * in our origin could read the token either way, which the CSP is there to prevent.
 */
export function takeTokenFromUrl(): void {
  const params = hashParams();
  const token = params.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}

function webToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? hashParams().get('token') ?? '';
}

/**
/**
 * This page load's client id: the caller of its calls on the web host, so job.list shows this page its
 * own calls only. (Inside Electron, main names the window itself.)
 */
const CLIENT_ID = crypto.randomUUID();

/**
 * `keepalive`: the request outlives the page (a reload, the tab closing), as a small write made while the
 * page goes needs; the browser caps such bodies at 64 KB, so only small calls ask for it. IPC needs
 * nothing: the message is in the main process as soon as it is sent.
 */
export interface CallOptions {
  keepalive?: boolean;
  /** A call that waits by design (the live refresh's history.since): no progress is watched or shown for it. */
  background?: boolean;
}

async function transport(method: string, args: unknown, opts: CallOptions = {}): Promise<Envelope<unknown>> {
  if (window.pmo) return window.pmo.invoke(method, args);
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PMO-Token': webToken(), 'X-PMO-Client': CLIENT_ID },
    body: JSON.stringify(args ?? {}),
    ...(opts.keepalive && { keepalive: true }),
  });
  return (await res.json()) as Envelope<unknown>;
}

/**
 * Fired on window when a call answers DAMAGED: the workspace file went bad (or went away) while the app
 * ran, and the app shows the recovery screen instead of the page that made the call.
 */
export const WORKSPACE_DAMAGED_EVENT = 'pmo:workspace-damaged';

export async function call<M extends Method>(method: M, args: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
  const counted = !opts.background;
  if (counted) {
    pending++;
    watchJobs();
  }
  try {
    const envelope = await transport(method, args, opts);
    if (!envelope.ok && envelope.error.code === 'DAMAGED') window.dispatchEvent(new Event(WORKSPACE_DAMAGED_EVENT));
    if (!envelope.ok) throw ApiError.from(envelope.error);
    return envelope.result as Output<M>;
  } finally {
    if (counted) pending--;
  }
}

/** job.list / job.cancel: answered by the host at once, even while the workspace is busy. */
export async function jobCall<M extends JobMethod>(method: M, args: z.input<(typeof jobsApi)[M]['input']>): Promise<(typeof jobsApi)[M]['output']> {
  const envelope = await transport(method, args);
  if (!envelope.ok) throw ApiError.from(envelope.error);
  return envelope.result as (typeof jobsApi)[M]['output'];
}

/** team.*: answered by the shell, which reopens the workspace on a team database (設定 → チームで使う). */
export async function teamCall<M extends TeamMethod>(method: M, args: z.input<(typeof teamApi)[M]['input']>): Promise<(typeof teamApi)[M]['output']> {
  const envelope = await transport(method, args);
  if (!envelope.ok) throw ApiError.from(envelope.error);
  return envelope.result as (typeof teamApi)[M]['output'];
}

// ---- progress of long calls ----------------------------------------------------------------------
// While a call is pending for longer than WATCH_AFTER_MS, the page asks the host how its calls are
// going every POLL_MS (a loopback POST with the same token as any call; no push channel to secure)
// and tells the listeners (ui/JobProgress.tsx shows a bar from ~1 s on).
const WATCH_AFTER_MS = 400;
const POLL_MS = 300;
let pending = 0;
let watching = false;
let jobs: JobInfo[] = [];
const listeners = new Set<(jobs: JobInfo[]) => void>();

function publish(next: JobInfo[]): void {
  if (next.length === 0 && jobs.length === 0) return;
  jobs = next;
  for (const l of listeners) l(jobs);
}

function watchJobs(): void {
  if (watching) return;
  watching = true;
  const poll = async () => {
    if (pending === 0) {
      watching = false;
      publish([]);
      return;
    }
    try {
      publish(await jobCall('job.list', {}));
    } catch {
      // A host that does not answer now will answer the call itself, or its error will show there.
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), WATCH_AFTER_MS);
}

/** Calls this page has running, as last polled; `listener` hears every change. Answers the unsubscribe. */
export function onJobs(listener: (jobs: JobInfo[]) => void): () => void {
  listeners.add(listener);
  listener(jobs);
  return () => listeners.delete(listener);
}
