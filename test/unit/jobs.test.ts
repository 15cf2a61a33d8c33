// The host side of every call (core/jobs.ts): each page sees and cancels its own calls only; only a
// call that writes nothing can be cancelled; one that finishes after its cancel still answers CANCELLED
// (it wrote nothing, and its page has moved on). The workspace behind it is tested over real files in
// test/integration/workspace-thread.test.ts; here the run is held open by the test to look in between.
import { describe, expect, it } from 'vitest';
import { Jobs } from '../../electron/core/jobs.js';
import type { CallScope } from '../../electron/core/call-scope.js';
import type { Envelope } from '../../electron/common/errors.js';

function held() {
  const calls: { method: string; scope: CallScope; finish(e: Envelope<unknown>): void }[] = [];
  const jobs = new Jobs((method, _args, scope) => new Promise((finish) => calls.push({ method, scope, finish })));
  return { jobs, calls };
}

describe('jobs', () => {
  it('lists a page its own running calls with their progress, and cancels only its own cancellable ones', async () => {
    const { jobs, calls } = held();
    const exporting = jobs.invoke('excel.export', {}, { client: 'a' });
    const undoing = jobs.invoke('history.undo', {}, { client: 'a' });
    calls[0]!.scope.progress!(250, 1000);
    const listed = await jobs.invoke('job.list', {}, { client: 'a' });
    expect(listed).toMatchObject({
      ok: true,
      result: [
        { jobId: 1, method: 'excel.export', done: 250, total: 1000, cancellable: true, cancelRequested: false },
        { jobId: 2, method: 'history.undo', cancellable: false },
      ],
    });
    expect(await jobs.invoke('job.list', {}, { client: 'b' })).toEqual({ ok: true, result: [] });
    expect(await jobs.invoke('job.cancel', { jobId: 1 }, { client: 'b' })).toEqual({ ok: true, result: { cancelled: false } });
    expect(await jobs.invoke('job.cancel', { jobId: 2 }, { client: 'a' })).toEqual({ ok: true, result: { cancelled: false } });
    expect(await jobs.invoke('job.cancel', { jobId: 1 }, { client: 'a' })).toEqual({ ok: true, result: { cancelled: true } });
    expect(Atomics.load(calls[0]!.scope.cancel!, 0)).toBe(1);
    expect(Atomics.load(calls[1]!.scope.cancel!, 0)).toBe(0);

    // The export finishes anyway (it did not look at the flag in time): it answers CANCELLED.
    calls[0]!.finish({ ok: true, result: 'file' });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    calls[1]!.finish({ ok: true, result: 'undone' });
    expect(await undoing).toEqual({ ok: true, result: 'undone' });
    expect(await jobs.invoke('job.list', {}, { client: 'a' })).toEqual({ ok: true, result: [] });
  });

  it('refuses a job.cancel without a job id', async () => {
    const { jobs } = held();
    expect(await jobs.invoke('job.cancel', { jobId: 'x' }, { client: 'a' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
