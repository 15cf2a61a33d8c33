// Entry of the reader worker (worker_threads, or a process for a big file: capped-worker-process.ts, capped-worker-relay.ts): reads a file's bytes into the sheet model and posts
// it back as plain data (a JSON string), or writes into a template and posts the new bytes, or posts
// what the host needs to know of a template (its sheets, names, rows); or posts the one error. Runs under capped-worker.ts's resource limits; if the file
// makes it run out of memory or time, the worker dies and the app lives.
import v8 from 'node:v8';
import { parentPort, Worker } from 'node:worker_threads';
import { WORKER_MAX_YOUNG_GENERATION_MB, WORKER_STACK_MB } from './limits.js';
import { frame, unframe } from './capped-worker-process.js';
import type { PackedWorkbook } from './model-pack.js';
import { asReadError, readWorkbookPacked } from './parse-file.js';
import { inspectTemplate, TemplateError, writeIntoTemplateSync, type TemplateFacts, type TemplateQuery } from './template/index.js';
import type { TableWrite, WriteOptions, WriteReport } from './template/types.js';

/** What the worker is asked to do with the file: read it, write into it as a template, or answer what the host needs to know of it as a template. */
export type ReaderJob = { kind: 'read' } | { kind: 'fill'; writes: TableWrite[]; opts: Omit<WriteOptions, 'report'> } | { kind: 'inspect'; query: TemplateQuery };

export interface ReaderRequest {
  bytes: Uint8Array;
  fileName: string;
  job: ReaderJob;
}

export type ReaderReply = (
  | { ok: true; packed: PackedWorkbook }
  | { ok: true; bytes: Uint8Array; report: WriteReport }
  | { ok: true; facts: TemplateFacts }
  | { ok: false; error: { name: string; code: string; message: string; at?: string } }
) & {
  /** The worker's V8 heap after the job (committed bytes): the reader ends a worker a big file grew. */
  heapBytes?: number;
};

const heapBytes = () => v8.getHeapStatistics().total_heap_size;

/**
 * Answers the host: to the parent thread (a transfer list moves the bytes and a read's packed cells
 * instead of copying them), or as a child process on stdout (one frame: a written workbook's bytes raw
 * after the head; anything else, a read's packed cells too, in the head), after which the process ends
 * and gives its memory back.
 */
function post(reply: ReaderReply, transfer: ArrayBuffer[] = []): void {
  if (parentPort) return parentPort.postMessage(reply, transfer);
  const parts = 'bytes' in reply ? frame({ ...reply, bytes: true }, reply.bytes) : frame(reply);
  for (const part of parts) process.stdout.write(part);
}

// Requests come as messages, one file at a time: a worker is kept between files (see capped-worker.ts).
function read({ bytes, fileName }: ReaderRequest): void {
  let reply: ReaderReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const packing = readWorkbookPacked(bytes, fileName);
    reply = { ok: true, packed: packing.packed };
    transfer = packing.transfer;
  } catch (err) {
    const e = asReadError(err, fileName);
    reply = { ok: false, error: e.toJSON() };
  }
  reply.heapBytes = heapBytes();
  // Packed (model-pack.ts): the cells cross as typed arrays, not as one JSON text of the whole model.
  post(reply, transfer);
}

function fill({ bytes, fileName, job }: ReaderRequest & { job: { kind: 'fill' } }): void {
  const report: WriteReport = { inserted: [], recalc: false };
  try {
    const out = writeIntoTemplateSync(bytes, job.writes, { ...job.opts, fileName, report });
    const copy = new Uint8Array(out); // its own buffer (a Buffer may share a pool), transferred
    const reply: ReaderReply = { ok: true, bytes: copy, report, heapBytes: heapBytes() };
    post(reply, [copy.buffer as ArrayBuffer]);
  } catch (err) {
    templateRefusal(err, fileName);
  }
}

function inspect({ bytes, fileName, job }: ReaderRequest & { job: { kind: 'inspect' } }): void {
  try {
    const facts = inspectTemplate(bytes, job.query, fileName);
    post({ ok: true, facts, heapBytes: heapBytes() } satisfies ReaderReply);
  } catch (err) {
    templateRefusal(err, fileName);
  }
}

/** The writer's own refusals and the zip reader's pass as they are; anything else names the file. */
function templateRefusal(err: unknown, fileName: string): void {
  const e = err instanceof TemplateError ? err : asReadError(err, fileName);
  post({ ok: false, error: e.toJSON(), heapBytes: heapBytes() } satisfies ReaderReply);
}

function run(request: ReaderRequest): void {
  const { job } = request;
  if (job.kind === 'fill') fill(request as ReaderRequest & { job: typeof job });
  else if (job.kind === 'inspect') inspect(request as ReaderRequest & { job: typeof job });
  else read(request);
}

/** What Electron's main sends its utility process: the request and the heap cap (reader-utility.ts). */
export type UtilityRequest = ReaderRequest & { heapMb: number };
/** What the utility process answers main, once: the thread's reply, or how the thread ended. */
export type UtilityAnswer = { kind: 'message'; reply: ReaderReply } | { kind: 'error'; message: string; code?: string } | { kind: 'exit'; code: number };

interface ElectronParentPort {
  once(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * In Electron's utility process (main starts one for a big file; capped-worker-relay.ts) the file is read in
 * a thread of this process, with the worker's own caps: V8 flags given to a utility process are not
 * known to cap its heap, a worker's resourceLimits are, and its end by running out of memory is told
 * apart as in the app. Main ends the process once it has the answer, and its memory goes back.
 */
function readInCappedThread({ heapMb, ...request }: UtilityRequest, port: ElectronParentPort): void {
  const worker = new Worker(new URL(import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB, stackSizeMb: WORKER_STACK_MB },
    stdout: true,
    stderr: true,
    env: {},
    execArgv: [],
  });
  let answered = false;
  const answer = (a: UtilityAnswer) => {
    if (answered) return;
    answered = true;
    port.postMessage(a);
  };
  worker.once('message', (reply: ReaderReply) => answer({ kind: 'message', reply }));
  worker.once('error', (err: Error & { code?: string }) => answer({ kind: 'error', message: err.message, ...(err.code && { code: err.code }) }));
  worker.once('exit', (code) => answer({ kind: 'exit', code }));
  const bytes = new Uint8Array(request.bytes); // a buffer of its own to move (what arrived may share one)
  worker.postMessage({ ...request, bytes } satisfies ReaderRequest, [bytes.buffer as ArrayBuffer]);
}

const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

// A thread takes many files (capped-worker.ts keeps it warm); a child process one, from stdin, then ends;
// Electron's utility process one, from main.
if (parentPort) parentPort.on('message', run);
else if (electronPort) electronPort.once('message', ({ data }) => readInCappedThread(data as UtilityRequest, electronPort));
else {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (b: Buffer) => chunks.push(b));
  process.stdin.on('end', () => {
    const request = unframe(Buffer.concat(chunks));
    chunks.length = 0;
    if (!request) process.exit(2); // cut short: the host reports the reader's end
    run({ ...(request.head as Omit<ReaderRequest, 'bytes'>), bytes: request.raw });
  });
}
