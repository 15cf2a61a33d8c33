// A big file is read in a short-lived child process rather than the reader's worker thread. A worker
// thread's V8 heap goes back when it ends, but the native memory it used (inflated parts, decoded
// text) stays with the process: glibc keeps the malloc arena the thread used, and the 200,000-row
// bench workbook left the host ~60 MB above idle for good. A process gives all of it back to the OS
// when it exits. Starting one costs more than a kept warm thread (~60 ms against nothing), so small
// files stay in the thread (capped-worker.ts decides).
//
// The child runs the same built, pinned script as the worker thread (read-worker.mjs, which reads its
// request from stdin when it is no thread); the path is the one capped-worker.ts resolved, never the
// environment's, and the child gets an empty environment and its own flags only, so neither
// NODE_OPTIONS nor the parent's --import/--inspect reach it.
//
// Request and answer go over stdin and stdout as one frame each (frame() below), not over Node's IPC
// channel: serializing 4.6 MB onto the channel took ~20 ms of the calling thread's CPU (the thread that
// answers every other call), writing it to a pipe ~1 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { WORKER_MAX_YOUNG_GENERATION_MB } from './limits.js';
import type { ReaderReply, ReaderRequest } from './capped-worker-entry.js';

/**
 * The reader in a process of its own, as capped-worker.ts uses it: the subset of a worker_threads Worker it
 * needs (postMessage, the 'message' / 'error' / 'exit' events, terminate), and whether it has ended.
 * In plain Node it is a ReaderProcess; in Electron a utility process that main starts (capped-worker-relay.ts).
 */
export interface ReaderChild {
  readonly pid: number | undefined;
  readonly ended: boolean;
  postMessage(request: ReaderRequest): void;
  terminate(): Promise<void>;
  on(event: 'message' | 'error' | 'exit', listener: (...args: any[]) => void): this;
  once(event: 'message' | 'error' | 'exit', listener: (...args: any[]) => void): this;
  off(event: 'message' | 'error' | 'exit', listener: (...args: any[]) => void): this;
}

/** Starts the reader's child process for one file (the script capped-worker.ts resolved, the heap cap in MB). */
export type StartReaderChild = (file: string | URL, heapMb: number) => ReaderChild;

/** Whether this runtime can start the reader as a Node child process: plain Node (the web host, tests). */
export function canReadInProcess(): boolean {
  // Under Electron, process.execPath is the app itself, and the fuses turn off ELECTRON_RUN_AS_NODE,
  // which running a script with it needs: there main starts a utility process instead (capped-worker-relay.ts).
  return !process.versions.electron;
}

/**
 * One message on a pipe: the 4-byte length of a V8-serialized head (structured clone, as between
 * threads: an undefined in an array stays undefined; typed arrays as their bytes), the head, then raw
 * bytes (a file, a written workbook) that are never copied into the head.
 */
export function frame(head: unknown, raw?: Uint8Array): Buffer[] {
  const h = v8.serialize(head);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length, 0);
  return raw ? [len, h, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)] : [len, h];
}

/** The head and the raw bytes of a frame read whole; null when it is cut short. */
export function unframe(all: Buffer): { head: unknown; raw: Buffer } | null {
  if (all.length < 4) return null;
  const n = all.readUInt32LE(0);
  if (all.length < 4 + n) return null;
  return { head: v8.deserialize(all.subarray(4, 4 + n)), raw: all.subarray(4 + n) };
}

/** How much of stderr is kept to tell an out-of-memory end from another crash. */
const STDERR_KEEP = 16 * 1024;

/**
 * The reader in a child process, with the subset of a worker_threads Worker that capped-worker.ts uses:
 * postMessage, the 'message' / 'error' / 'exit' events, terminate. An end by running out of heap is
 * an 'error' with the worker's code ERR_WORKER_OUT_OF_MEMORY, so both are told apart the same way.
 */
export class ReaderProcess extends EventEmitter implements ReaderChild {
  private readonly child: ChildProcess;
  private readonly out: Buffer[] = [];
  private stderr = '';
  private exited = false;
  readonly pid: number | undefined;

  constructor(file: string | URL, heapMb: number) {
    super();
    const script = typeof file === 'string' ? file : fileURLToPath(file);
    this.child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${Math.max(1, Math.floor(WORKER_MAX_YOUNG_GENERATION_MB / 2))}`, script], {
      env: {},
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.pid = this.child.pid;
    // A child that ends before reading its request breaks the pipe: its end is reported by 'close'.
    this.child.stdin!.on('error', () => undefined);
    this.child.stdout!.on('data', (b: Buffer) => this.out.push(b));
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (s: string) => {
      if (this.stderr.length < STDERR_KEEP) this.stderr += s.slice(0, STDERR_KEEP - this.stderr.length);
    });
    this.child.on('error', (err) => this.failed(err));
    // 'close', not 'exit': by then stdout and stderr have been read to their end.
    this.child.on('close', (code, signal) => {
      this.exited = true;
      const answer = code === 0 ? unframe(Buffer.concat(this.out)) : null;
      this.out.length = 0;
      if (answer) this.emit('message', answerOf(answer));
      else if (/heap out of memory|Reached heap limit/i.test(this.stderr)) this.failed(Object.assign(new Error('the reader ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
      else this.emit('exit', code ?? (signal ? `signal ${signal}` : -1));
    });
  }

  /**
   * Reports the child's failure to whoever still listens: ended for its time, capped-worker.ts has stopped
   * listening, and an 'error' emitted with no listener would be thrown in the app's thread.
   */
  private failed(err: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  postMessage({ bytes, ...head }: ReaderRequest): void {
    const stdin = this.child.stdin!;
    for (const part of frame(head, bytes)) stdin.write(part);
    stdin.end();
  }

  /** Ends the child (after its answer it ends by itself; this is for a timeout or a failure). */
  terminate(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  /** Whether the child has ended (tests: nothing is left running after a file). */
  get ended(): boolean {
    return this.exited;
  }
}

/** The child's answer as the worker thread gives it: the reply, with a written workbook's bytes. */
function answerOf({ head, raw }: { head: unknown; raw: Buffer }): ReaderReply {
  const h = head as { bytes?: true } & ReaderReply;
  if (h.bytes) return { ...h, bytes: new Uint8Array(raw) } as ReaderReply;
  return h;
}
