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
    try {
      worker = new Worker(opts.workerFile ?? readerWorkerFile(), {
        workerData: request,
        transferList: [copy.buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB, stackSizeMb: WORKER_STACK_MB },
        stdout: true,
        stderr: true,
        env: {},
        // Not the parent's flags and loaders (--import tsx under the tests, --inspect…): a plain isolate.
        execArgv: [],
      });
    } catch (err) {
      reject(err instanceof ExcelReadError ? err : new ExcelReadError('READER_FAILED', `${fileName}: the Excel reader could not start (${(err as Error).message})`));
      return;
    }
    // Anything the worker prints is dropped, not mixed into the app's output.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const fail = (code: ReadErrorCode, message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      reject(new ExcelReadError(code, message));
    };
    const timer = setTimeout(
      () => fail('TIMEOUT', `${fileName}: reading took longer than ${timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`} and was stopped; the file is too large or malformed`),
      timeout,
    );
    worker.once('message', (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
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
