// The weekly full integrity_check, in a thread of its own (integrity-check.ts starts it): its own
// read-only connection to the workspace file, one snapshot of it (WAL: the workspace thread goes on
// reading and writing meanwhile), the findings posted back, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface IntegrityStart {
  file: string;
  nativeBinding?: string;
}
export type IntegrityAnswer = { ok: true; problems: string[] } | { ok: false; message: string };

const start = workerData as IntegrityStart;
let answer: IntegrityAnswer;
try {
  const db = new Database(start.file, { readonly: true, fileMustExist: true, ...(start.nativeBinding ? { nativeBinding: start.nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma('integrity_check(100)') as { integrity_check: string }[];
    answer = { ok: true, problems: rows.map((r) => r.integrity_check).filter((p) => p !== 'ok') };
  } finally {
    db.close();
  }
} catch (err) {
  answer = { ok: false, message: (err as Error).message };
}
parentPort!.postMessage(answer);
