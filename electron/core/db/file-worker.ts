// Work on the workspace file in a thread of its own (file-work.ts starts it), on its own read-only
// connection and snapshot of the file (WAL: the workspace thread goes on reading and writing
// meanwhile): the weekly integrity_check, or the daily backup (backup.ts writeBackup: VACUUM INTO,
// flushed, renamed). The answer is posted back, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { writeBackup, type BackupFile, type BackupTarget } from './backup.js';

export type FileTask = { kind: 'integrity' } | { kind: 'backup'; target: BackupTarget; at: string };
export interface FileWorkStart {
  file: string;
  nativeBinding?: string;
  task: FileTask;
  /** Tests only (WorkspaceOptions.fileWorkHold): the work waits while this is 1, so a test sees it running. */
  hold?: Int32Array;
}
export type FileWorkAnswer = { ok: true; problems: string[] } | { ok: true; backup: BackupFile } | { ok: false; message: string; code?: string };

const start = workerData as FileWorkStart;
if (start.hold) while (Atomics.load(start.hold, 0) === 1) Atomics.wait(start.hold, 0, 1, 20);
let answer: FileWorkAnswer;
try {
  const db = new Database(start.file, { readonly: true, fileMustExist: true, ...(start.nativeBinding ? { nativeBinding: start.nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    const { task } = start;
    if (task.kind === 'integrity') {
      const rows = db.pragma('integrity_check(100)') as { integrity_check: string }[];
      answer = { ok: true, problems: rows.map((r) => r.integrity_check).filter((p) => p !== 'ok') };
    } else answer = { ok: true, backup: writeBackup(db, task.target, 'daily', new Date(task.at)) };
  } finally {
    db.close();
  }
} catch (err) {
  const code = (err as { code?: unknown }).code;
  answer = { ok: false, message: (err as Error).message, ...(typeof code === 'string' && { code }) };
}
parentPort!.postMessage(answer);
