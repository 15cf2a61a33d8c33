// One API call measured in a process of its own on a closed workspace (call-child.ts says why): its
// wall and CPU time and the process's peak RSS while it ran, per run.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { bundleForNode } from '../helpers/node-bundle.js';
import { MIGRATIONS, ROOT } from '../helpers/workspace.js';
import { buildWorkspaceWorker } from '../fixtures/workspace-worker.js';

type Call = [method: string, args: unknown];
/** Calls made once first (`before`), the call measured, and a peer timed after each run (`after`). */
export interface ChildPlan {
  before: Call[];
  measured: Call;
  after?: Call;
}
export interface ChildRun {
  /** RSS of the process as the measured call began, bytes (what the runs before it left). */
  rss: number;
  wall: number;
  cpu: number;
  /** Peak RSS of the process while the measured call ran, bytes. */
  peak: number;
  /** ms of the `after` call (0 without one). */
  after: number;
}

/** `plan` run `runs` times in call-child.ts with plain node on the closed workspace `dir`. */
export async function callInChild(dir: string, plan: ChildPlan, runs: number): Promise<{ rssBefore: number; runs: ChildRun[] }> {
  const worker = await buildWorkspaceWorker();
  const out = await bundleForNode('test/bench/call-child.ts', 'bench', 'call-child');
  try {
    const child = fork(out, [dir, MIGRATIONS, worker, String(runs), JSON.stringify(plan)], { execArgv: [], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return await new Promise((resolve, reject) => {
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) => reject(new Error(`the measured call's process ended (exit code ${code})`)));
    });
  } finally {
    fs.rmSync(out, { force: true });
  }
}
