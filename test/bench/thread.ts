// The workspace in its own thread (issue 16), on the bench's 10,000-task WBS. Two copies of one
// workspace folder: one opened in-process (the peer: what the hosts did before), one in the worker
// thread as `npm run host` and Electron main open it now.
//   - the host thread's longest event-loop stall (perf_hooks.monitorEventLoopDelay) during an export,
//     an import of that export into an empty project (preview and apply), its undo and its redo: in
//     the thread against in-process, where the stall is the whole call;
//   - the edit round trip (wbs.update) through the worker boundary against in-process, in alternating
//     rounds so a change of the machine's load falls on both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { envelopeJson, type Handlers } from '../../electron/core/envelope.js';
import type { Envelope } from '../../electron/common/errors.js';
import { bigWorkspace, tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';
import { editInProcess } from './edit.js';
import { stats } from './stats.js';
import type { BenchLine } from './excel-import.js';
import { call } from './call.js';

const ROUNDS = 4;
const EDITS_PER_ROUND = 100;
const LONG_RUNS = 3;

interface Stall {
  ms: number;
  stallMs: number;
}

/**
 * One call as the web host's server thread makes it (server.ts api): the request body parsed, the call
 * forwarded, the answer's JSON text taken for the response. Timed, with the longest stall of this
 * thread's event loop meanwhile; the answer is parsed afterwards, outside the measurement, as the
 * browser would.
 */
async function hostCall<T>(handlers: Handlers, method: string, args: unknown): Promise<Stall & { result: T }> {
  const body = JSON.stringify(args);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  // The histogram counts from its first tick: let it tick before the call, or a call that blocks the
  // thread from its start (in-process) would not be counted at all.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const t0 = performance.now();
  const json = envelopeJson(await handlers.invoke(method, JSON.parse(body)));
  const ms = performance.now() - t0;
  // And let a timer fire once more, so a stall at the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  h.disable();
  const env = JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json)) as Envelope<T>;
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return { ms, stallMs: h.max / 1e6, result: env.result };
}

/** The floor: the longest stall of this thread's event loop doing nothing for `ms` (the machine's own). */
async function idleStall(ms: number): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, ms + 10));
  h.disable();
  return h.max / 1e6;
}

/**
 * The floor with a busy worker: the longest stall of this thread's event loop while another thread of
 * this process only spins for `ms`. On a machine with fewer free cores than busy threads, the host
 * thread then waits for the CPU whatever it has to do; this is that share of a stall.
 */
async function busyStall(ms: number): Promise<number> {
  const spinner = new Worker(`const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end);`, { eval: true });
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((resolve) => spinner.once('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 5));
  h.disable();
  return h.max / 1e6;
}

/** Export, import of the export into an empty project, its undo and redo; each call's time and stall. */
async function longCalls(handlers: Handlers, projectId: number): Promise<Record<string, Stall>> {
  const out: Record<string, Stall> = {};
  const exp = await hostCall<{ fileName: string; dataBase64: string }>(handlers, 'excel.export', { projectId, register: 'wbs' });
  out['excel.export'] = exp;
  const target = await call<{ id: number }>(handlers, 'project.create', { name: `import ${Date.now()}` });
  const preview = await hostCall<{ previewId: string }>(handlers, 'excel.previewImport', { projectId: target.id, register: 'wbs', fileName: exp.result.fileName, dataBase64: exp.result.dataBase64 });
  out['excel.previewImport'] = preview;
  out['excel.applyImport'] = await hostCall(handlers, 'excel.applyImport', { previewId: preview.result.previewId });
  out['history.undo of the import'] = await hostCall(handlers, 'history.undo', { projectId: target.id });
  out['history.redo of the import'] = await hostCall(handlers, 'history.redo', { projectId: target.id });
  return out;
}

export async function benchThread(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const { dir, projectId } = await bigWorkspace(1);
  const copy = tempDir();
  fs.cpSync(dir, copy, { recursive: true });
  const inProcess = tempWorkspace(dir);
  const thread = await tempWorkspaceThread(copy);
  try {
    const leaves = inProcess.db.sqlite
      .prepare('SELECT id FROM wbs_tasks t WHERE project_id = ? AND NOT EXISTS (SELECT 1 FROM wbs_tasks c WHERE c.parent_id = t.id) ORDER BY id')
      .pluck()
      .all(projectId) as number[];
    log(`thread: load before ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const peer: number[] = [];
    const worker: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The in-process and the thread copy take the same edits, in turns.
      const a = await editInProcess(inProcess.handlers, leaves, EDITS_PER_ROUND, round === 0 ? 30 : 0);
      const b = await editInProcess(thread.handlers, leaves, EDITS_PER_ROUND, round === 0 ? 30 : 0);
      peer.push(...a.samples);
      worker.push(...b.samples);
    }
    const p = stats(peer);
    const w = stats(worker);
    lines.push({ what: 'edit round trip through the worker thread (wbs.update)', n: w.n, p50: w.p50, p95: w.p95, target: `p95 ≤ in-process + 2 ms: +${(w.p95 - p.p95).toFixed(2)} ms` });
    lines.push({ what: '  peer: the same edits in-process, alternating rounds', n: p.n, p50: p.p50, p95: p.p95, target: '' });

    // Each long call LONG_RUNS times through the thread, each followed by the idle floor for as long;
    // in-process once (its stall is the call, near enough).
    const runs: Record<string, { stall: number[]; ms: number[]; floor: number[]; busy: number[] }> = {};
    for (let r = 0; r < LONG_RUNS; r++)
      for (const [what, s] of Object.entries(await longCalls(thread.handlers, projectId))) {
        const k = (runs[what] ??= { stall: [], ms: [], floor: [], busy: [] });
        k.stall.push(s.stallMs);
        k.ms.push(s.ms);
        k.floor.push(await idleStall(s.ms));
        k.busy.push(await busyStall(s.ms));
      }
    const peerCalls = await longCalls(inProcess.handlers, projectId);
    for (const [what, k] of Object.entries(runs)) {
      const q = peerCalls[what]!;
      const st = stats(k.stall);
      lines.push({ what: `host thread's longest stall during ${what} (worker)`, n: st.n, p50: st.p50, p95: st.max, target: `≤ 50 ms (p95 col.: max); the call took ${stats(k.ms).p50.toFixed(0)} ms` });
      const fl = stats(k.floor);
      lines.push({ what: `  floor: the idle host thread for as long`, n: fl.n, p50: fl.p50, p95: fl.max, target: 'the machine itself (p95 col.: max)' });
      const bu = stats(k.busy);
      lines.push({ what: `  floor: idle, while a worker only spins as long`, n: bu.n, p50: bu.p50, p95: bu.max, target: 'the CPU share a busy worker takes (max)' });
      lines.push({ what: `  peer: in-process, the call's stall`, n: 1, p50: q.stallMs, p95: null, target: `the call took ${q.ms.toFixed(0)} ms` });
    }
    log(`thread: load after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    inProcess.close();
    await thread.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  }
  return lines;
}

