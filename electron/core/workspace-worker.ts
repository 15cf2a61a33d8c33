// The workspace's own thread (dist/core/workspace-worker.mjs): it opens the data folder exactly as an
// in-process workspace does (workspace.ts: lock, marker, checks, backups, recovery) and runs every call
// the host forwards. The host's thread (Electron main, the web host's HTTP server) only forwards and
// answers, so a 4-second export or undo never stalls a window, a menu or another request.
// Started by workspace-thread.ts; the messages both sides send are the types below.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openWorkspace, type Workspace, type WorkspaceOptions } from './workspace.js';
import { setReaderChildStarter, setReaderWorkerFile } from './excel/capped-worker.js';
import { relayedReaderStarter } from './excel/capped-worker-relay.js';
import { rawJson } from './raw-json.js';
import { collectGarbageSoon, isBigAnswer } from './release-memory.js';
import { WorkspaceLockedError } from './db/lock.js';
import type { Caller } from './call-scope.js';

/** What the worker is started with: all of it plain data (no functions cross a thread). */
export interface WorkerStart {
  dataDir: string;
  options: Omit<WorkspaceOptions, 'now' | 'context'> & { context: Omit<WorkspaceOptions['context'], 'today'> };
  /** The Excel reader worker the host resolved (and checked), so this thread uses the same file. */
  readerWorkerFile?: string;
  /** Where a big file's reader process is asked for, when the host's thread starts it (Electron main). */
  readerPort?: MessagePort;
  /** Tests only: CallScope.hold for every call. */
  hold?: Int32Array;
}

export type ToWorker =
  // `json`: a large request body's bytes, moved here unparsed instead of `args` (raw-json.ts).
  | { type: 'invoke'; id: number; method: string; args?: unknown; json?: Uint8Array; caller?: Caller; cancel: Int32Array }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: { name: string; message: string; folder?: string; owner?: WorkspaceLockedError['owner'] } }
  | { type: 'progress'; id: number; done: number; total: number }
  // The envelope as UTF-8 JSON made here, its buffer transferred: the host sends it on as it is
  // (handlers.ts ENVELOPE_JSON).
  | { type: 'result'; id: number; ok: boolean; json: Uint8Array }
  | { type: 'closed' };

/** Progress is sent at most this often per call: the host only shows it. */
const PROGRESS_EVERY_MS = 100;

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const start = workerData as WorkerStart;
if (start.readerWorkerFile) setReaderWorkerFile(start.readerWorkerFile);
if (start.readerPort) setReaderChildStarter(relayedReaderStarter(start.readerPort));

let ws: Workspace | undefined;
try {
  ws = openWorkspace(start.dataDir, start.options);
  send({ type: 'ready' });
} catch (err) {
  const e = err as Error;
  send({
    type: 'failed',
    error: { name: e.name, message: e.message, ...(err instanceof WorkspaceLockedError && { folder: err.folder, owner: err.owner }) },
  });
}

if (ws) {
  const workspace = ws;
  port.on('message', (m: ToWorker) => {
    if (m.type === 'close') {
      // Calls still running are answered first only if they are asynchronous; the host waits for its
      // own calls before it asks (workspace-thread.ts close), so none are.
      workspace.close();
      send({ type: 'closed' });
      port.close();
      return;
    }
    let last = 0;
    const progress = (done: number, total: number) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      send({ type: 'progress', id: m.id, done, total });
    };
    void workspace.run(m.method, m.json ? rawJson(m.json) : m.args, { caller: m.caller, cancel: m.cancel, progress, ...(start.hold && { hold: start.hold }) }).then((envelope) => {
      // TextEncoder gives the bytes a buffer of their own (Buffer.from may share its pool), so it can move.
      const json = new TextEncoder().encode(JSON.stringify(envelope));
      const big = isBigAnswer(json.length);
      port.postMessage({ type: 'result', id: m.id, ok: envelope.ok, json } satisfies FromWorker, [json.buffer]);
      if (big) collectGarbageSoon();
    });
  });
}
