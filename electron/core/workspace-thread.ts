// The workspace in a worker thread (workspace-worker.ts), as the hosts use it: Electron main and the web
// host forward each call here and await its envelope, so their own thread never runs the core. Each
// call carries its caller; progress comes back while the worker is busy, and job.list / job.cancel are
// answered on this side (jobs.ts) — a cancel reaches a synchronous loop through shared memory.
//
// The worker runs a built file beside the bundle (dist/core/workspace-worker.mjs), pinned by its SHA-256
// like the Excel reader's; tests point at their own build (setWorkspaceWorkerFile); run from the sources
// (tsx), the worker loads the .ts file through tsx.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { textError, type Envelope } from '../common/errors.js';
import { lockFile, readOwner, WorkspaceLockedError } from './db/lock.js';
import { readerWorkerFile, thisModuleFile } from './excel/capped-worker.js';
import type { ReaderChild } from './excel/capped-worker-process.js';
import { serveReaderRelay } from './excel/capped-worker-relay.js';
import type { Caller, CallScope } from './call-scope.js';
import { ENVELOPE_JSON, type Handlers } from './envelope.js';
import { Jobs } from './jobs.js';
import { rawJsonBytes } from './raw-json.js';
import { carriesBigFile, collectGarbageSoon } from './release-memory.js';
import type { FromWorker, ToWorker, WorkerStart } from './workspace-worker.js';

export const WORKSPACE_WORKER_DIST_PATH = 'core/workspace-worker.mjs';

let configured: string | undefined;

/** Points at a built worker file (tests, the bench). */
export function setWorkspaceWorkerFile(file: string | undefined): void {
  configured = file;
}

// Set by the build in the bundles that start the worker: the SHA-256 of the worker built with them.
declare const __PMO_WORKSPACE_WORKER_SHA256__: string | undefined;

/** The worker to start: a built file, or (from the sources) the .ts file to load through tsx. */
function workerScript(): { file: string } | { source: string } {
  if (configured) return { file: configured };
  const here = thisModuleFile();
  if (!here) throw new Error('PMO Desk cannot find its own files');
  if (here.endsWith('.ts')) return { source: path.resolve(path.dirname(here), '..', 'workspace-worker.ts') };
  // dist/host/main.mjs and dist/electron/main.cjs → dist/core/workspace-worker.mjs
  let candidate = path.resolve(path.dirname(here), '..', WORKSPACE_WORKER_DIST_PATH);
  // Packaged, the bundle is read from app.asar and the worker is unpacked beside it (asarUnpack).
  const unpacked = candidate.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  if (unpacked !== candidate && fs.existsSync(unpacked)) candidate = unpacked;
  if (!fs.existsSync(candidate)) throw new Error(`the workspace worker is not built (${WORKSPACE_WORKER_DIST_PATH} is missing); run npm run build`);
  if (typeof __PMO_WORKSPACE_WORKER_SHA256__ === 'string') checkWorkspaceWorker(candidate, __PMO_WORKSPACE_WORKER_SHA256__);
  return { file: candidate };
}

/**
 * Refuses a worker file that is not the one built with this bundle: unpacked beside the asar, it is
 * outside the asar's integrity check, which covers this hash (as for the Excel reader's worker).
 */
export function checkWorkspaceWorker(file: string, sha256: string): void {
  if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== sha256)
    throw new Error(`the workspace worker (${WORKSPACE_WORKER_DIST_PATH}) is not the file installed with PMO Desk; reinstall PMO Desk`);
}

function startWorker(workerData: WorkerStart): Worker {
  const script = workerScript();
  const transferList = workerData.readerPort ? [workerData.readerPort] : [];
  if ('file' in script) return new Worker(script.file, { workerData, transferList });
  // A worker's main module is loaded before any --import hook of the parent applies: register tsx first.
  const url = JSON.stringify(pathToFileURL(script.source).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); })`, { eval: true, workerData, transferList });
}

/** What only the host's thread can do for the workspace thread. */
export interface HostServices {
  /**
   * Starts the Excel reader for a big file in a process of its own, from this thread (Electron: a
   * utility process, which only main may start). Without it the workspace thread starts a Node child
   * process itself (plain Node), or, where it cannot (Electron), reads every file in its thread.
   */
  readerChild?: (heapMb: number) => ReaderChild;
  /** Tests only: a shared flag that holds paced calls while it is 1 (CallScope.hold). */
  hold?: Int32Array;
}

export interface WorkspaceThread {
  readonly dir: string;
  /** Every call, forwarded; job.list / job.cancel answered here. */
  readonly handlers: Handlers;
  /** Waits for the calls in flight, then closes the database cleanly (no unclean-shutdown marker) and ends the worker. */
  close(): Promise<void>;
}

/**
 * Folders a workspace thread of this process has open. The lock file names a process, and a worker
 * shares its pid: a second thread on the same folder would take the first one's lock for one left
 * behind by a crash of this process (db/lock.ts isAlive), so it is refused here instead.
 */
const openFolders = new Set<string>();

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
  scope: CallScope;
}

/**
 * An envelope whose result is parsed only when something reads it (Electron IPC, a test); the web host
 * sends its JSON text on as the worker made it.
 */
function lazyEnvelope(ok: boolean, json: Uint8Array): Envelope<unknown> {
  let parsed: Envelope<unknown> | undefined;
  const whole = () => (parsed ??= JSON.parse(new TextDecoder().decode(json)) as Envelope<unknown>);
  const envelope = Object.defineProperty({ ok } as Envelope<unknown>, ENVELOPE_JSON, { value: json });
  return Object.defineProperty(envelope, ok ? 'result' : 'error', { get: () => (whole() as Record<string, unknown>)[ok ? 'result' : 'error'], enumerable: true });
}

/** Opens the workspace in its worker; rejects as openWorkspace throws (a WorkspaceLockedError names the holder). */
export async function startWorkspaceThread(dataDir: string, options: WorkerStart['options'], services: HostServices = {}): Promise<WorkspaceThread> {
  const folder = path.resolve(dataDir);
  if (openFolders.has(folder)) throw new WorkspaceLockedError(dataDir, readOwner(lockFile(dataDir)));
  openFolders.add(folder);
  try {
    return await startThread(dataDir, options, services, () => openFolders.delete(folder));
  } catch (err) {
    openFolders.delete(folder);
    throw err;
  }
}

async function startThread(dataDir: string, options: WorkerStart['options'], services: HostServices, released: () => void): Promise<WorkspaceThread> {
  let reader: string | undefined;
  try {
    const f = readerWorkerFile();
    reader = typeof f === 'string' ? f : fileURLToPath(f);
  } catch {
    reader = undefined; // not built: the worker says so at the first workbook, as an in-process workspace does
  }
  let readerPort: WorkerStart['readerPort'];
  if (services.readerChild) {
    const channel = new MessageChannel();
    serveReaderRelay(channel.port1, services.readerChild);
    readerPort = channel.port2;
  }
  const worker = startWorker({ dataDir, options, ...(reader && { readerWorkerFile: reader }), ...(readerPort && { readerPort }), ...(services.hold && { hold: services.hold }) });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: string | null = null;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;
  let onDrained: (() => void) | null = null;

  const stop = (why: string) => {
    if (stopped) return;
    stopped = why;
    for (const p of pending.values()) p.resolve({ ok: false, error: textError('INTERNAL', 'workspace.stopped', {}, why).toJSON() });
    pending.clear();
    onDrained?.();
  };

  await new Promise<void>((resolve, reject) => {
    const early = (err: Error) => reject(err);
    worker.once('error', early);
    worker.once('exit', (code) => reject(new Error(`the workspace worker ended while opening (exit code ${code})`)));
    worker.once('message', (m: FromWorker) => {
      worker.off('error', early);
      if (m.type === 'ready') return resolve();
      if (m.type === 'failed') {
        const e = m.error;
        reject(e.name === 'WorkspaceLockedError' && e.folder ? new WorkspaceLockedError(e.folder, e.owner ?? null) : Object.assign(new Error(e.message), { name: e.name }));
      }
    });
  });
  worker.removeAllListeners('exit');

  worker.on('message', (m: FromWorker) => {
    if (m.type === 'result') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      p?.resolve(lazyEnvelope(m.ok, m.json));
      if (pending.size === 0) onDrained?.();
    } else if (m.type === 'progress') {
      pending.get(m.id)?.scope.progress?.(m.done, m.total);
    } else if (m.type === 'closed') {
      onClosed?.();
    }
  });
  worker.on('error', (err) => {
    console.error(`PMO Desk: the workspace stopped: ${err.stack ?? err.message}`);
    stop(`The workspace stopped (${err.message}); restart PMO Desk`);
  });
  worker.on('exit', () => {
    released();
    stop('The workspace is closed');
    onClosed?.();
  });

  const jobs = new Jobs(
    (method, args, scope) =>
      new Promise((resolve) => {
        if (stopped) return resolve({ ok: false, error: textError('INTERNAL', 'workspace.stopped', {}, stopped).toJSON() });
        const id = nextId++;
        // A file's text crossed this thread (the request body, its base64): collect it once answered.
        const answered = carriesBigFile(args) ? (e: Envelope<unknown>) => (resolve(e), collectGarbageSoon()) : resolve;
        pending.set(id, { resolve: answered, scope });
        // A large body's bytes move to the worker, which parses them (raw-json.ts).
        let json = rawJsonBytes(args);
        if (json && (json.byteOffset !== 0 || json.byteLength !== json.buffer.byteLength)) json = new Uint8Array(json);
        const message: ToWorker = { type: 'invoke', id, method, ...(json ? { json } : { args }), ...(scope.caller && { caller: scope.caller }), cancel: scope.cancel! };
        worker.postMessage(message, json ? [json.buffer as ArrayBuffer] : []);
      }),
  );

  return {
    dir: dataDir,
    handlers: {
      invoke: (method: string, args: unknown, caller?: Caller) => (closing ? Promise.resolve({ ok: false as const, error: textError('INTERNAL', 'workspace.closing', {}, 'The workspace is closing').toJSON() }) : jobs.invoke(method, args, caller)),
    },
    close: () =>
      (closing ??= (async () => {
        // Calls already sent finish first: closing the database under a running import would end it.
        if (pending.size > 0) await new Promise<void>((resolve) => (onDrained = resolve));
        if (stopped) return;
        await new Promise<void>((resolve) => {
          onClosed = resolve;
          worker.postMessage({ type: 'close' } satisfies ToWorker);
        });
        await worker.terminate().catch(() => undefined);
      })()),
  };
}
