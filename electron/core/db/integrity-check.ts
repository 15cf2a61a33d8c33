// The weekly full integrity_check of a workspace file, run beside the workspace instead of before it
// opens. integrity_check reads every page and every index entry: 10.7 s on a 1.4 GB workspace, where the
// start must answer within a second (npm run bench -- --only start). It finds what quick_check misses (an
// index that lost rows), so it is not dropped: it runs in a thread of its own (integrity-worker.ts) on a
// read-only connection and snapshot of the file, and the workspace acts on what it finds (workspace.ts).
// The checks a suspected damage calls for (after an unclean shutdown, or once damage was seen) still run
// before the file is opened for writing.
import { Worker } from 'node:worker_threads';
import type { IntegrityAnswer, IntegrityStart } from './integrity-worker.js';
import { workerFile } from './worker-file.js';

export const INTEGRITY_WORKER_DIST_PATH = 'core/integrity-worker.mjs';

// Set by the build in the bundles that start the thread: the SHA-256 of the integrity worker built with them.
declare const __PMO_INTEGRITY_WORKER_SHA256__: string | undefined;

export interface BackgroundCheck {
  /** integrity_check's findings (empty: the file is sound); rejected when the check could not run. */
  readonly done: Promise<string[]>;
  /** Ends the check unfinished (the workspace closes). */
  stop(): void;
}

/** Starts integrity_check of `file` in its own thread. */
export function checkInBackground(file: string, nativeBinding?: string): BackgroundCheck {
  const script = workerFile({
    label: 'the integrity check worker',
    distPath: INTEGRITY_WORKER_DIST_PATH,
    source: 'integrity-worker.ts',
    sha256: typeof __PMO_INTEGRITY_WORKER_SHA256__ === 'string' ? __PMO_INTEGRITY_WORKER_SHA256__ : undefined,
  });
  const workerData: IntegrityStart = { file, ...(nativeBinding ? { nativeBinding } : {}) };
  const worker = new Worker(script, { workerData });
  // A check still running never keeps the process alive (the host quits; the next start checks again).
  worker.unref();
  let stopped = false;
  const done = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (a: IntegrityAnswer) => (a.ok ? resolve(a.problems) : reject(new Error(a.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(stopped ? 'the integrity check was stopped' : `the integrity check ended (exit code ${code})`)));
  });
  return {
    done,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
