// The Excel reader for one big file in an Electron utility process (capped-worker-relay.ts says why): main's
// side of it. The script is the one main resolved and checked against the SHA-256 in its own bundle
// (readerWorkerFile); the process gets an empty environment and no flags, so nothing outside the
// installed app chooses what it runs. It reads in a capped thread of its own (capped-worker-entry.ts) and
// answers once; then it is ended here, and all the memory the file took goes back to the OS.
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ReaderChild } from '../core/excel/capped-worker-process.js';
import { readerWorkerFile } from '../core/excel/capped-worker.js';
import type { ReaderRequest, UtilityAnswer, UtilityRequest } from '../core/excel/capped-worker-entry.js';

/** Starts the reader's utility process for one file (throws when the installed script was changed). */
export function startUtilityReader(heapMb: number): ReaderChild {
  const file = readerWorkerFile();
  return new UtilityReader(typeof file === 'string' ? file : fileURLToPath(file), heapMb);
}

class UtilityReader extends EventEmitter implements ReaderChild {
  private readonly child: UtilityProcess;
  private exited = false;
  private answered = false;
  private lastPid: number | undefined;

  constructor(
    script: string,
    private readonly heapMb: number,
  ) {
    super();
    this.child = utilityProcess.fork(script, [], { env: {}, execArgv: [], stdio: 'ignore', serviceName: 'PMO Desk Excel reader' });
    this.lastPid = this.child.pid;
    this.child.once('spawn', () => (this.lastPid = this.child.pid));
    this.child.on('message', (a: UtilityAnswer) => {
      if (this.answered) return;
      this.answered = true;
      if (a.kind === 'message') this.emit('message', a.reply);
      else if (a.kind === 'error') this.emit('error', Object.assign(new Error(a.message), a.code ? { code: a.code } : {}));
      else this.emit('exit', a.code);
    });
    // V8 could not go on in the process (Electron's 'error', then 'exit'): said once, as a crash of
    // the reader. Unheard, an 'error' would be thrown in main.
    this.child.on('error', (type: string, location: string) => {
      if (this.answered) return;
      this.answered = true;
      this.emit('error', new Error(`the reader process stopped (${type} at ${location})`));
    });
    this.child.once('exit', (code: number) => {
      this.exited = true;
      // Ended before it answered: a crash, or killed from outside.
      if (!this.answered) {
        this.answered = true;
        this.emit('exit', code);
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid ?? this.lastPid;
  }

  get ended(): boolean {
    return this.exited;
  }

  postMessage(request: ReaderRequest): void {
    this.child.postMessage({ ...request, heapMb: this.heapMb } satisfies UtilityRequest);
  }

  terminate(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }
}
