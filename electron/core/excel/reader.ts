// Reads a chosen file in a worker thread with a capped heap and a time limit, so a file built to
// exhaust memory or loop (a zip bomb that slips past the directory checks, a giant sheet) ends the
// worker with a clear message instead of taking the app down. The worker gets a copy of the bytes and
// answers the plain sheet model as JSON (no prototypes or functions cross; JSON.parse makes a
// "__proto__" key an ordinary property).
//
// The worker runs a built file. In the app it sits beside the bundle (dist/excel/read-worker.mjs, see
// readerWorkerFile); tests and tools point at their own build with setReaderWorkerFile().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkbookModel } from '../../common/excel/model.js';
import { ExcelReadError, type ReadErrorCode } from './errors.js';
import {
  MAX_FILE_BYTES,
  WORKER_MAX_OLD_GENERATION_MB,
  WORKER_MAX_YOUNG_GENERATION_MB,
  WORKER_STACK_MB,
  WORKER_TIMEOUT_MS,
} from './limits.js';
import type { ReaderReply, ReaderRequest } from './read-worker.js';

/** Where the built worker goes, relative to dist/: the lead's build writes it there. */
export const READER_WORKER_DIST_PATH = 'excel/read-worker.mjs';

let configured: string | URL | undefined;

/** Points the reader at a built worker file (tests, tools). */
export function setReaderWorkerFile(file: string | URL | undefined): void {
  configured = file;
}

function thisModuleFile(): string | undefined {
  // CJS bundles (Electron main) have __filename; ESM bundles and sources have import.meta.url.
  if (typeof __filename === 'string') return __filename;
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
}

/** The built worker: configured, $PMO_EXCEL_READER_WORKER, or dist/excel/read-worker.mjs beside the bundle. */
export function readerWorkerFile(): string | URL {
  if (configured) return configured;
  const env = process.env.PMO_EXCEL_READER_WORKER;
  if (env) return env;
  const here = thisModuleFile();
  if (here) {
    // dist/host/main.mjs and dist/electron/main.cjs → dist/excel/read-worker.mjs
    const candidate = path.resolve(path.dirname(here), '..', READER_WORKER_DIST_PATH);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new ExcelReadError('READER_FAILED', `the Excel reader is not built (${READER_WORKER_DIST_PATH} is missing); run npm run build`);
}

export interface ReadOptions {
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  workerFile?: string | URL;
}

// Starting a worker with its own heap costs ~80 ms on this 2-core machine, about a tenth of a large
// import. So one worker is started ahead of time and waits, idle and unref'd, for the next file; every
// worker still reads one file only and is then ended, so no file ever runs where another one ran.
let spare: { worker: Worker; file: string | URL; died: boolean } | null = null;

function startWorker(file: string | URL, heap: number, request?: ReaderRequest): Worker {
  return new Worker(file, {
    ...(request ? { workerData: request, transferList: [request.bytes.buffer as ArrayBuffer] } : {}),
    resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB, stackSizeMb: WORKER_STACK_MB },
    stdout: true,
    stderr: true,
    env: {},
    // Not the parent's flags and loaders (--import tsx under the tests, --inspect…): a plain isolate.
    execArgv: [],
  });
}

function prepareSpare(file: string | URL): void {
  if (spare && !spare.died && spare.file === file) return;
  try {
    const worker = startWorker(file, WORKER_MAX_OLD_GENERATION_MB);
    const entry = { worker, file, died: false };
    worker.once('exit', () => (entry.died = true));
    worker.once('error', () => (entry.died = true));
    // Unref'd, so a waiting worker never keeps the process alive; its output streams are drained only
    // once it is taken (a flowing stream would hold the process open).
    worker.unref();
    spare = entry;
  } catch {
    spare = null;
  }
}

/** The waiting worker when it fits the request (same file, default heap), taken; else null. */
function takeSpare(file: string | URL, heap: number): Worker | null {
  const s = spare;
  spare = null;
  if (!s || s.died || s.file !== file || heap !== WORKER_MAX_OLD_GENERATION_MB) {
    if (s && !s.died) void s.worker.terminate();
    return null;
  }
  s.worker.removeAllListeners('exit');
  s.worker.removeAllListeners('error');
  s.worker.ref();
  s.worker.stdout.resume();
  s.worker.stderr.resume();
  return s.worker;
}

/** Reads a workbook or CSV in a worker; rejects with ExcelReadError (one message naming the file). */
export function readWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<WorkbookModel> {
  if (bytes.length > MAX_FILE_BYTES)
    return Promise.reject(
      new ExcelReadError('TOO_LARGE', `${fileName}: is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; PMO Desk reads files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB`),
    );
  const heap = opts.maxOldGenerationSizeMb ?? WORKER_MAX_OLD_GENERATION_MB;
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(bytes); // the worker gets its own copy, transferred (not cloned again)
    const request: ReaderRequest = { bytes: copy, fileName };
    let worker: Worker;
    let file: string | URL;
    try {
      file = opts.workerFile ?? readerWorkerFile();
      const waiting = takeSpare(file, heap);
      if (waiting) {
        worker = waiting;
        worker.postMessage(request, [copy.buffer as ArrayBuffer]);
      } else {
        worker = startWorker(file, heap, request);
        // Anything the worker prints is dropped, not mixed into the app's output.
        worker.stdout.resume();
        worker.stderr.resume();
      }
    } catch (err) {
      reject(err instanceof ExcelReadError ? err : new ExcelReadError('READER_FAILED', `${fileName}: the Excel reader could not start (${(err as Error).message})`));
      return;
    }
    let settled = false;
    const done = () => {
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      prepareSpare(file);
    };
    const fail = (code: ReadErrorCode, message: string) => {
      if (settled) return;
      done();
      reject(new ExcelReadError(code, message));
    };
    const timer = setTimeout(
      () => fail('TIMEOUT', `${fileName}: reading took longer than ${timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`} and was stopped; the file is too large or malformed`),
      timeout,
    );
    worker.once('message', (message: string) => {
      if (settled) return;
      done();
      let reply: ReaderReply;
      try {
        reply = JSON.parse(message) as ReaderReply;
      } catch {
        reject(new ExcelReadError('READER_FAILED', `${fileName}: the Excel reader answered nonsense`));
        return;
      }
      if (reply.ok) resolve(reply.model);
      else reject(new ExcelReadError(reply.error.code as ReadErrorCode, reply.error.message));
    });
    worker.once('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message))
        fail('OUT_OF_MEMORY', `${fileName}: needs more than ${heap} MB to read and was stopped; the file is too large or built to exhaust memory`);
      else fail('READER_FAILED', `${fileName}: the Excel reader failed (${err.message})`);
    });
    worker.once('exit', (code) => fail('READER_FAILED', `${fileName}: the Excel reader stopped unexpectedly (exit code ${code})`));
  });
}
