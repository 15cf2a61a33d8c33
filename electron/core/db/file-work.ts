// The work on a big workspace file that used to hold up its start, run beside the workspace instead:
//   - the weekly full integrity_check reads every page and every index entry (~2 s on a 0.5 GB file,
//     several on 1.4 GB). It finds what quick_check misses (an index that lost rows), so it is not
//     dropped: the workspace acts on what it finds (workspace.ts);
//   - the day's first backup, VACUUM INTO a copy of the whole file (~3 s on 0.5 GB, 8–11 s on 1.4 GB,
//     npm run bench -- --only start), where the start must answer within a second.
// Each runs in a thread of its own (file-worker.ts) on a read-only connection and snapshot of the file.
// The checks a suspected damage calls for (after an unclean shutdown, or once damage was seen), and the
// backups before risky calls, still run before what they guard.
import { Worker } from 'node:worker_threads';
import type { BackupFile } from './backup.js';
import type { FileTask, FileWorkAnswer, FileWorkStart } from './file-worker.js';
import { workerFile } from './worker-file.js';

export const FILE_WORKER_DIST_PATH = 'core/file-worker.mjs';

// Set by the build in the bundles that start the thread: the SHA-256 of the file worker built with them.
declare const __PMO_FILE_WORKER_SHA256__: string | undefined;

/** Files from this size up have their weekly check and daily backup after the start, beside it. */
export const BACKGROUND_FILE_WORK_MIN_BYTES = 16 * 1024 * 1024;

export interface FileWork<T> {
  /** What the work answers; rejected when it could not run or was stopped. */
  readonly done: Promise<T>;
  /** Ends the work unfinished (the workspace closes). */
  stop(): void;
}

/** integrity_check's findings about `file` (empty: sound), from its own thread. */
export function integrityInBackground(file: string, nativeBinding?: string, hold?: Int32Array): FileWork<string[]> {
  return run(file, nativeBinding, { kind: 'integrity' }, (a) => ('problems' in a ? a.problems : null), hold);
}

/** The day's backup of `file` into `target` (backup.ts writeBackup), from its own thread. */
export function backupInBackground(file: string, nativeBinding: string | undefined, target: FileTask & { kind: 'backup' }, hold?: Int32Array): FileWork<BackupFile> {
  return run(file, nativeBinding, target, (a) => ('backup' in a ? a.backup : null), hold);
}

function run<T>(file: string, nativeBinding: string | undefined, task: FileTask, pick: (a: FileWorkAnswer & { ok: true }) => T | null, hold?: Int32Array): FileWork<T> {
  const script = workerFile({
    label: 'the file worker',
    distPath: FILE_WORKER_DIST_PATH,
    source: 'file-worker.ts',
    sha256: typeof __PMO_FILE_WORKER_SHA256__ === 'string' ? __PMO_FILE_WORKER_SHA256__ : undefined,
  });
  const workerData: FileWorkStart = { file, task, ...(nativeBinding ? { nativeBinding } : {}), ...(hold && { hold }) };
  const worker = new Worker(script, { workerData });
  // Work still running never keeps the process alive (the host quits; the next start does it again).
  worker.unref();
  let stopped = false;
  const done = new Promise<T>((resolve, reject) => {
    worker.once('message', (a: FileWorkAnswer) => {
      const value = a.ok ? pick(a) : null;
      if (value !== null) resolve(value);
      // SQLite's code kept: damage met there is damage of the workspace file (db/damage.ts).
      else reject(Object.assign(new Error(a.ok ? 'the file worker answered another task' : a.message), !a.ok && a.code ? { code: a.code } : {}));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(stopped ? 'stopped' : `the file worker ended (exit code ${code})`)));
  });
  return {
    done,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
