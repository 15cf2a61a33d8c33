// A big file is read in a short-lived child process rather than the reader's worker thread. A worker
// thread's V8 heap goes back when it ends, but the native memory it used (inflated parts, decoded
// text) stays with the process: glibc keeps the malloc arena the thread used, and the 200,000-row
// bench workbook left the host ~60 MB above idle for good. A process gives all of it back to the OS
// when it exits. Starting one costs more than a kept warm thread (~60 ms against nothing), so small
// files stay in the thread (reader.ts decides).
//
// The child runs the same built, pinned script as the worker thread (read-worker.mjs, which answers
// over process.send when it is no thread); the path is the one reader.ts resolved, never the
// environment's, and the child gets an empty environment and its own flags only, so neither
// NODE_OPTIONS nor the parent's --import/--inspect reach it.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WORKER_MAX_YOUNG_GENERATION_MB } from './limits.js';
import type { ReaderReply, ReaderRequest } from './read-worker.js';

/** Whether this runtime can start the reader as a child process: plain Node (the web host, tests). */
export function canReadInProcess(): boolean {
  // Under Electron, process.execPath is the app itself, and the fuses turn off ELECTRON_RUN_AS_NODE,
  // which child_process.fork needs: the reader stays in its worker thread there.
  return !process.versions.electron;
}

/** How much of stderr is kept to tell an out-of-memory end from another crash. */
const STDERR_KEEP = 16 * 1024;

/**
 * The reader in a child process, with the subset of a worker_threads Worker that reader.ts uses:
 * postMessage, the 'message' / 'error' / 'exit' events, terminate. An end by running out of heap is
 * an 'error' with the worker's code ERR_WORKER_OUT_OF_MEMORY, so both are told apart the same way.
 */
export class ReaderProcess extends EventEmitter {
  private readonly child: ChildProcess;
  private stderr = '';
  private exited = false;
  readonly pid: number | undefined;

  constructor(file: string | URL, heapMb: number) {
    super();
    this.child = fork(typeof file === 'string' ? file : fileURLToPath(file), [], {
      execArgv: [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${Math.max(1, Math.floor(WORKER_MAX_YOUNG_GENERATION_MB / 2))}`],
      env: {},
      // Structured clone over the pipe: the bytes go as bytes, not as a JSON array of numbers.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.pid = this.child.pid;
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (s: string) => {
      if (this.stderr.length < STDERR_KEEP) this.stderr += s.slice(0, STDERR_KEEP - this.stderr.length);
    });
    this.child.on('message', (m: string | ReaderReply) => this.emit('message', m));
    this.child.on('error', (err) => this.emit('error', err));
    // 'close', not 'exit': by then stderr has been read to its end.
    this.child.on('close', (code, signal) => {
      this.exited = true;
      if (/heap out of memory|Reached heap limit/i.test(this.stderr))
        this.emit('error', Object.assign(new Error('the reader ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
      else this.emit('exit', code ?? (signal ? `signal ${signal}` : -1));
    });
  }

  postMessage(request: ReaderRequest): void {
    this.child.send(request);
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
