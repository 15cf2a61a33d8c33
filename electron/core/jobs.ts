// The host side of every call: it gives the call its scope (caller, progress, cancel flag), keeps it in
// a table while it runs, and answers job.list / job.cancel from that table at once — without asking
// the workspace, which may be busy with the very call they are about. The in-process workspace and the
// workspace thread (workspace-thread.ts) both put one in front of their calls.
import { cancelFlag, type Caller, type CallScope } from './call-scope.js';
import { CANCELLABLE_METHODS, isJobMethod, jobsApi, type JobInfo, type JobMethod } from '../common/api/jobs.js';
import { textError, type Envelope } from '../common/errors.js';
import type { Handlers } from './envelope.js';

interface Job {
  id: number;
  method: string;
  client: string | undefined;
  started: number;
  cancel: Int32Array;
  done?: number;
  total?: number;
}

export type RunCall = (method: string, args: unknown, scope: CallScope) => Promise<Envelope<unknown>>;

export class Jobs implements Handlers {
  private nextId = 1;
  private readonly running = new Map<number, Job>();

  constructor(private readonly run: RunCall) {}

  async invoke(method: string, args: unknown, caller?: Caller): Promise<Envelope<unknown>> {
    if (isJobMethod(method)) return this.answer(method, args, caller);
    const job: Job = { id: this.nextId++, method, client: caller?.client, started: performance.now(), cancel: cancelFlag() };
    this.running.set(job.id, job);
    try {
      const envelope = await this.run(method, args, {
        caller,
        cancel: job.cancel,
        progress: (done, total) => {
          job.done = done;
          job.total = total;
        },
      });
      // A cancelled call that did not look for the flag in time (a profile export waits on the Excel
      // worker) still answers as cancelled: it wrote nothing, and the caller has moved on.
      if (envelope.ok && Atomics.load(job.cancel, 0) === 1) return { ok: false, error: textError('CANCELLED', 'cancelled', {}, 'Cancelled: nothing was changed').toJSON() };
      return envelope;
    } finally {
      this.running.delete(job.id);
    }
  }

  /** How many calls are running (any caller). */
  get size(): number {
    return this.running.size;
  }

  private answer(method: JobMethod, args: unknown, caller: Caller | undefined): Envelope<unknown> {
    const parsed = jobsApi[method].input.safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: textError('VALIDATION', 'input.other', { field: parsed.error.issues[0]?.path.join('.') || 'jobId', method }, `${method}: ${parsed.error.issues[0]?.message ?? 'bad input'}`).toJSON() };
    const mine = [...this.running.values()].filter((j) => j.client === caller?.client);
    if (method === 'job.list') return { ok: true, result: mine.map((j) => info(j)) };
    const { jobId } = parsed.data as { jobId: number };
    const job = mine.find((j) => j.id === jobId);
    // A call that has begun writing (an import's apply, an undo) runs to its end: stopping it halfway
    // is what the one-transaction rule is there to prevent, and the transaction is short.
    if (!job || !CANCELLABLE_METHODS.has(job.method)) return { ok: true, result: { cancelled: false } };
    Atomics.store(job.cancel, 0, 1);
    return { ok: true, result: { cancelled: true } };
  }
}

function info(j: Job): JobInfo {
  return {
    jobId: j.id,
    method: j.method,
    elapsedMs: Math.round(performance.now() - j.started),
    ...(j.total !== undefined && { done: j.done, total: j.total }),
    cancellable: CANCELLABLE_METHODS.has(j.method),
    cancelRequested: Atomics.load(j.cancel, 0) === 1,
  };
}
