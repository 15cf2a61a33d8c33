// Reads a chosen file in a worker thread with a capped heap and a time limit, so a file built to
// exhaust memory or loop (a zip bomb that slips past the directory checks, a giant sheet) ends the
// worker with a clear message instead of taking the app down. The worker gets a copy of the bytes and
// answers the plain sheet model packed (model-pack.ts: cells in typed arrays, the rest as JSON, so no
// prototypes or functions cross and a "__proto__" key is an ordinary property).
//
// The worker runs a built file. In the app it sits beside the bundle (dist/excel/read-worker.mjs, see
// readerWorkerFile); tests and tools point at their own build with setReaderWorkerFile().
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkbookModel } from '../../common/excel/model.js';
import { unpackWorkbook } from './model-pack.js';
import { ExcelReadError, type ReadErrorCode } from './errors.js';
import {
  MAX_FILE_BYTES,
  WORKER_MAX_OLD_GENERATION_MB,
  WORKER_MAX_YOUNG_GENERATION_MB,
  WORKER_STACK_MB,
  WORKER_TIMEOUT_MS,
  WORKER_TIMEOUT_MS_PER_MB,
  MAX_READ_BYTES,
  MAX_WRITE_CELLS,
} from './limits.js';
import { canReadInProcess, ReaderProcess, type ReaderChild, type StartReaderChild } from './capped-worker-process.js';
import type { ReaderJob, ReaderReply, ReaderRequest } from './capped-worker-entry.js';
import { sniff } from './parse-file.js';
import { readZipDirectory } from './zip.js';
import { collectAfterThisCall } from '../release-memory.js';
import { TemplateError, type TemplateErrorCode } from './template/errors.js';
import { cancelRequested, currentCancelFlag } from '../call-scope.js';
import { textError } from '../../common/errors.js';
import type { TemplateFacts, TemplateQuery } from './template/index.js';
import type { TableWrite, WriteOptions, WriteReport } from './template/types.js';

/** Where the built worker goes, relative to dist/: the lead's build writes it there. */
export const READER_WORKER_DIST_PATH = 'excel/read-worker.mjs';

let configured: string | URL | undefined;

/** Points the reader at a built worker file (tests, tools). */
export function setReaderWorkerFile(file: string | URL | undefined): void {
  configured = file;
}

export function thisModuleFile(): string | undefined {
  // CJS bundles (Electron main) have __filename; ESM bundles and sources have import.meta.url.
  if (typeof __filename === 'string') return __filename;
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return undefined;
  }
}

/**
 * The built worker: configured by code (tests, tools), or dist/excel/read-worker.mjs beside the bundle.
 * Never chosen by the environment: a variable naming the script would let whoever sets it run their
 * code in the app (a $PMO_EXCEL_READER_WORKER did, until issue 19).
 */
export function readerWorkerFile(): string | URL {
  if (configured) return configured;
  const here = thisModuleFile();
  if (here) {
    // dist/host/main.mjs and dist/electron/main.cjs → dist/excel/read-worker.mjs
    let candidate = path.resolve(path.dirname(here), '..', READER_WORKER_DIST_PATH);
    // Packaged, the bundle is read from app.asar and the worker is unpacked beside it (asarUnpack).
    const unpacked = candidate.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    if (unpacked !== candidate && fs.existsSync(unpacked)) candidate = unpacked;
    if (fs.existsSync(candidate)) {
      if (typeof __PMO_READER_WORKER_SHA256__ === 'string') checkWorkerFile(candidate, __PMO_READER_WORKER_SHA256__);
      return candidate;
    }
  }
  throw new ExcelReadError('READER_FAILED', `the Excel reader is not built (${READER_WORKER_DIST_PATH} is missing); run npm run build`);
}

// Set by the build (build/scripts/build.mjs) in the bundles that start the worker: the SHA-256 of the
// worker file built with them. Undefined when running from the sources (tests, tools).
declare const __PMO_READER_WORKER_SHA256__: string | undefined;

/**
 * Refuses a worker file that is not the one built with this bundle. In a package it lies outside the
 * asar (worker_threads loads a real file), where the asar integrity check does not reach; this hash,
 * inside the checked bundle, does.
 */
export function checkWorkerFile(file: string, sha256: string): void {
  const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  if (actual !== sha256)
    throw new ExcelReadError('READER_FAILED', `the Excel reader (${READER_WORKER_DIST_PATH}) is not the file installed with PMO Desk; reinstall PMO Desk`);
}

export interface ReadOptions {
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  workerFile?: string | URL;
}

// Starting a worker costs ~80 ms on this 2-core machine, and its code runs cold: the 10,000-row bench
// file parses in ~300 ms in a fresh worker and ~140 ms in one that has read before. So the worker is
// kept between files, idle and unref'd (it never keeps the process alive). It is ended after a file it
// failed on (time, memory, a crash), after MAX_READS files, and after a file that grew its heap past
// KEEP_HEAP_BYTES (a 10,000-row file leaves ~27 MB; writing 10,000 rows into a small template, an
// export through a profile, leaves well over 64 MB that V8 keeps committed: ending the worker gives it
// back, so the host returns near idle after a big job); the next read starts a fresh one. Files that
// inflate past IN_THREAD_MAX_BYTES never reach the thread (a child process reads them).
const MAX_READS = 50;
const KEEP_HEAP_BYTES = 64 * 1024 * 1024;
// Nor after a file above this size: what it inflated lives outside the V8 heap (ArrayBuffers, external
// strings) and stayed with a kept worker (the 200,000-row bench file left the host at 405 MB).
const KEEP_FILE_BYTES = 2 * 1024 * 1024;

interface Kept {
  worker: Worker;
  file: string | URL;
  reads: number;
  died: boolean;
}
let idle: Kept | null = null;

function startWorker(file: string | URL, heap: number): Worker {
  const worker = new Worker(file, {
    resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB, stackSizeMb: WORKER_STACK_MB },
    stdout: true,
    stderr: true,
    env: {},
    // Not the parent's flags and loaders (--import tsx under the tests, --inspect…): a plain isolate.
    execArgv: [],
  });
  // Anything the worker prints is dropped, not mixed into the app's output: its streams are never read
  // (a stream being read would keep the process alive while the worker waits). The reader prints nothing.
  return worker;
}

const markDied = (k: Kept) => () => (k.died = true);

/** Keeps a worker that read well for the next file. */
function park(k: Kept): void {
  if (idle && idle !== k && !idle.died) void idle.worker.terminate();
  k.worker.unref();
  k.worker.once('exit', markDied(k));
  k.worker.once('error', markDied(k));
  idle = k;
}

/** The kept worker when it fits the request (same file, default heap), taken; else null. */
function take(file: string | URL, heap: number): Kept | null {
  const k = idle;
  idle = null;
  if (!k) return null;
  if (k.died || k.file !== file || heap !== WORKER_MAX_OLD_GENERATION_MB) {
    if (!k.died) void k.worker.terminate();
    return null;
  }
  k.worker.removeAllListeners('exit');
  k.worker.removeAllListeners('error');
  k.worker.ref();
  return k;
}

/** Whether a read worker is kept warm for the next file (tests: a big file's worker is ended). */
export function readerWorkerKept(): boolean {
  return idle !== null && !idle.died;
}

/**
 * A file that inflates to more than this is read in a process of its own (capped-worker-process.ts; in Electron
 * a utility process, capped-worker-relay.ts), whose memory goes back to the OS when it ends; a worker
 * thread's native memory would stay with the app. A
 * 10,000-row × 15-column WBS inflates to 5.9 MB and stays in the warm thread; the 200,000-row bench
 * workbook (4.6 MB, ~45 MB inflated) goes to a process.
 */
export const IN_THREAD_MAX_BYTES = 8 * 1024 * 1024;

/**
 * What reading the file will inflate, as far as the host can tell without inflating anything: a zip's
 * declared part sizes (the reader stops a part at its declared size, so this bounds it), else the
 * file's own size (CSV). A zip whose directory is refused is read in the thread: it is refused there
 * before anything is inflated.
 */
export function inflatedSize(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (sniff(buf) !== 'zip') return bytes.length;
  try {
    return Math.max(bytes.length, readZipDirectory(buf, 'file').declaredTotal);
  } catch {
    return 0;
  }
}

/**
 * The time limit of reading a file (a write into a template has none: fillTemplateInWorker): WORKER_TIMEOUT_MS, and WORKER_TIMEOUT_MS_PER_MB
 * for each MB it inflates past IN_THREAD_MAX_BYTES, up to what the reader ever inflates (MAX_READ_BYTES).
 * A 100,000-row WBS (58 MiB inflated) gets 45 s; a fixed 20 s refused it on a loaded machine.
 */
export function readerTimeoutMs(inflated: number): number {
  const past = Math.min(inflated, MAX_READ_BYTES) - IN_THREAD_MAX_BYTES;
  return WORKER_TIMEOUT_MS + Math.max(0, Math.ceil(past / (1024 * 1024))) * WORKER_TIMEOUT_MS_PER_MB;
}

/**
 * The share of a processor a reader gets now: 1 on a machine with a core to spare, cores / load when more
 * runs than there are cores (the 1-minute load average; Windows has none and answers 0, so there the limit
 * is the wall clock's). The limit counts time at this share: seven sessions on two cores (load 28) gave the
 * 100,000-row WBS's ~5 s of reading over 45 s of wall clock, and a limit on the wall clock alone refused it.
 * A worker thread's own CPU time cannot be read in Node 20, nor a child's on Windows, so this is the measure
 * that works everywhere.
 */
export function readerShare(load = os.loadavg()[0]!, cores = os.cpus().length): number {
  return load > cores ? cores / load : 1;
}

/** However busy the machine, a reader is ended after this many times its limit on the wall clock. */
export const MAX_STRETCH = 10;

/** How often a call's cancel flag is looked at while a worker reads or writes for it. */
const CANCEL_POLL_MS = 100;

/**
 * How a file past IN_THREAD_MAX_BYTES gets its own process: a Node child in plain Node (the web host);
 * in Electron's workspace thread, a utility process main starts (set there, capped-worker-relay.ts). Null: no
 * way to start one, so every file is read in the thread.
 */
const nodeChild: StartReaderChild | null = canReadInProcess() ? (file, heap) => new ReaderProcess(file, heap) : null;
let startChild = nodeChild;

/** Sets how the reader starts a process for a big file (Electron's workspace thread: through main); undefined: as this runtime does. */
export function setReaderChildStarter(start: StartReaderChild | null | undefined): void {
  startChild = start === undefined ? nodeChild : start;
}

/** The last child process a big file was read in (tests: that it was used and has ended). */
let lastProcess: ReaderChild | null = null;
export function lastReaderProcess(): { pid: number | undefined; ended: boolean } | null {
  return lastProcess && { pid: lastProcess.pid, ended: lastProcess.ended };
}

/** Reads a workbook or CSV in a worker; rejects with ExcelReadError (one message naming the file). */
export function readWorkbook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<WorkbookModel> {
  if (bytes.length > MAX_FILE_BYTES)
    return Promise.reject(
      new ExcelReadError('TOO_LARGE', `${fileName}: is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; PMO Desk reads files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB`, { file: fileName }),
    );
  return runInWorker(bytes, fileName, { kind: 'read' }, opts, READING).then((reply) => {
    try {
      return unpackWorkbook((reply as Extract<ReaderReply, { packed: unknown }>).packed);
    } catch {
      throw new ExcelReadError('READER_FAILED', `${fileName}: the Excel reader answered nonsense`, { file: fileName });
    }
  });
}

/**
 * Writes into a client's template (writeIntoTemplate) in the same capped worker: a template is a
 * client's file like any other, and a large or hostile one must not hold the app's thread or memory.
 * Rejects with the writer's TemplateError or the reader's ExcelReadError, each naming the file.
 */
export function fillTemplateInWorker(template: Uint8Array, writes: TableWrite[], opts: WriteOptions & { worker?: Omit<ReadOptions, 'timeoutMs'> } = {}): Promise<Uint8Array> {
  const fileName = opts.fileName ?? 'template.xlsx';
  const { report, worker, ...plain } = opts;
  // The writer's work is bounded before it starts, not by a clock: the template is bounded by what the
  // reader ever inflates (MAX_READ_BYTES), and what is written by the cells asked for. A clock counted
  // how busy the machine was as much as the job (20 s refused a big gantt's export at load 30); the
  // user's 中止 ends a write that is taking too long for them (runInWorker's cancel).
  const cells = writeCells(writes, plain.cells?.length ?? 0);
  if (cells > MAX_WRITE_CELLS)
    return Promise.reject(
      new TemplateError('BAD_WRITE', `${fileName}: writing ${cells.toLocaleString('en-US')} cells into it is more than the ${MAX_WRITE_CELLS.toLocaleString('en-US')} one export writes; export fewer rows`, { file: fileName }),
    );
  return runInWorker(template, fileName, { kind: 'fill', writes, opts: plain }, { ...worker, timeoutMs: Infinity }, WRITING).then((reply) => {
    const r = reply as { bytes: Uint8Array; report: WriteReport };
    if (report) {
      report.inserted = r.report.inserted;
      report.recalc = r.report.recalc;
    }
    return r.bytes;
  });
}

/**
 * What the host needs to know of a template before writing into it or showing it (its date system and
 * sheets, defined names, the shapes of rows), answered by the same capped worker: even a look at a
 * client's file is never taken on the app's thread. Rejects like fillTemplateInWorker.
 */
export function inspectTemplateInWorker(template: Uint8Array, query: TemplateQuery, opts: { fileName?: string; worker?: ReadOptions } = {}): Promise<TemplateFacts> {
  const fileName = opts.fileName ?? 'template.xlsx';
  return runInWorker(template, fileName, { kind: 'inspect', query }, opts.worker ?? {}, READING).then((reply) => (reply as { facts: TemplateFacts }).facts);
}

/** The cells a write asks for: each table's rows × columns (a moved or copied row counts as written), and single cells. */
export function writeCells(writes: readonly TableWrite[], single = 0): number {
  let n = single;
  for (const w of writes) n += Math.max(w.rows.length, w.order?.length ?? 0) * Math.max(1, w.columns.length);
  return n;
}

const READING = { doing: 'reading', toDo: 'to read' };
const WRITING = { doing: 'writing into it', toDo: 'to write into' };

function runInWorker(bytes: Uint8Array, fileName: string, job: ReaderJob, opts: ReadOptions, words: typeof READING): Promise<ReaderReply & { ok: true }> {
  const heap = opts.maxOldGenerationSizeMb ?? WORKER_MAX_OLD_GENERATION_MB;
  const inflated = inflatedSize(bytes);
  const timeout = opts.timeoutMs ?? readerTimeoutMs(inflated);
  // (Taken now, inside the call: the answer may come in an event outside its context.)
  const collectFileGarbage = collectAfterThisCall();
  return new Promise((resolve, reject) => {
    let kept: Kept | null = null;
    let worker: Worker | ReaderChild;
    try {
      const file = opts.workerFile ?? readerWorkerFile();
      if (startChild && inflated > IN_THREAD_MAX_BYTES) {
        // Written onto the child's stdin (or moved to main) as they are: no copy of ours is needed.
        worker = lastProcess = startChild(file, heap);
        worker.postMessage({ bytes, fileName, job });
      } else {
        const copy = new Uint8Array(bytes); // the worker gets its own copy, transferred (not cloned again)
        kept = take(file, heap) ?? { worker: startWorker(file, heap), file, reads: 0, died: false };
        worker = kept.worker;
        worker.postMessage({ bytes: copy, fileName, job } satisfies ReaderRequest, [copy.buffer as ArrayBuffer]);
      }
    } catch (err) {
      reject(err instanceof ExcelReadError ? new ExcelReadError(err.code, err.message, err.place ?? { file: fileName }) : new ExcelReadError('READER_FAILED', `${fileName}: the Excel reader could not start (${(err as Error).message})`, { file: fileName }));
      return;
    }
    let settled = false;
    const settle = (ok: boolean, heapBytes = 0) => {
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      // A child process ends by itself after its answer (capped-worker-entry.ts post); ended here otherwise.
      // The file's bytes and their copies in this thread are garbage now: collected once, after the call's answer.
      if (!kept) {
        if (!ok) void worker.terminate();
        collectFileGarbage();
        return;
      }
      kept.reads++;
      if (ok && kept.reads < MAX_READS && heap === WORKER_MAX_OLD_GENERATION_MB && heapBytes <= KEEP_HEAP_BYTES && bytes.length <= KEEP_FILE_BYTES) park(kept);
      else void worker.terminate();
    };
    const fail = (code: ReadErrorCode, message: string) => {
      if (settled) return;
      settle(false);
      reject(new ExcelReadError(code, message, { file: fileName }));
    };
    // The limit is counted in a processor's time, as the machine shares it (readerShare): checked at
    // least every second, each stretch of wall clock counted at the share the reader had meanwhile.
    const started = performance.now();
    let last = started;
    let left = timeout;
    // Cancelled by the user (job.cancel sets the call's shared flag): the worker is ended at once, the
    // call answers CANCELLED. The flag is polled: this thread is free while it waits for the worker.
    const cancel = currentCancelFlag();
    const cancelled = () => {
      if (!cancelRequested(cancel) || settled) return false;
      settle(false);
      reject(textError('CANCELLED', 'cancelled', {}, 'Cancelled: nothing was changed'));
      return true;
    };
    const watchCancel = () => {
      if (!cancelled()) timer = setTimeout(watchCancel, CANCEL_POLL_MS);
    };
    const check = () => {
      if (cancelled()) return;
      const now = performance.now();
      left -= (now - last) * readerShare();
      last = now;
      if (left > 0 && now - started < timeout * MAX_STRETCH) timer = setTimeout(check, Math.max(1, Math.min(left, cancel ? CANCEL_POLL_MS : 1000)));
      else fail('TIMEOUT', `${fileName}: ${words.doing} took longer than ${timeout >= 1000 ? `${Math.round(timeout / 1000)} s` : `${timeout} ms`} and was stopped; the file is too large or malformed`);
    };
    // No limit (a write, bounded by its cells): no clock, only the user's cancel.
    let timer: ReturnType<typeof setTimeout> | undefined =
      timeout !== Infinity ? setTimeout(check, Math.max(1, Math.min(left, cancel ? CANCEL_POLL_MS : 1000))) : cancel ? setTimeout(watchCancel, CANCEL_POLL_MS) : undefined;
    const onMessage = (reply: ReaderReply) => {
      if (settled) return;
      // A refused file was read to its end like any other: the worker stays fit for the next one.
      settle(true, reply.heapBytes);
      if (reply.ok) resolve(reply);
      else {
        // The worker names where in the file; which file it is, this side knows.
        const place = { file: fileName, ...(reply.error.at !== undefined && { at: reply.error.at }) };
        if (reply.error.name === 'TemplateError') reject(new TemplateError(reply.error.code as TemplateErrorCode, reply.error.message, place));
        else reject(new ExcelReadError(reply.error.code as ReadErrorCode, reply.error.message, place));
      }
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message))
        fail('OUT_OF_MEMORY', `${fileName}: needs more than ${heap} MB ${words.toDo} and was stopped; the file is too large or built to exhaust memory`);
      else fail('READER_FAILED', `${fileName}: the Excel reader failed (${err.message})`);
    };
    const onExit = (code: number) => fail('READER_FAILED', `${fileName}: the Excel reader stopped unexpectedly (exit code ${code})`);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}
