// In Electron a big file is read in a utility process, for the reason the web host reads it in a child
// process (capped-worker-process.ts): all the memory it took goes back to the OS when the process ends. But the
// reader runs in the workspace thread, and only Electron's main thread may start a utility process
// (child_process.fork would need ELECTRON_RUN_AS_NODE, which the fuses turn off). So the workspace
// thread asks main over a MessagePort, and main starts the process and passes its answer back.
//
// Main starts the script it resolved and pinned itself (readerWorkerFile: its SHA-256 is in main's
// bundle): the workspace thread names no file, so nothing it is sent can choose the code that runs.
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import type { ReaderChild, StartReaderChild } from './capped-worker-process.js';
import type { ReaderReply, ReaderRequest } from './capped-worker-entry.js';

/** Workspace thread → main. */
type ToMain = { type: 'start'; id: number; heapMb: number; request: ReaderRequest } | { type: 'terminate'; id: number };

/** Main → workspace thread: the child's events, in the order it had them; 'ended' last. */
type FromMain =
  | { type: 'pid'; id: number; pid: number | undefined }
  | { type: 'message'; id: number; message: ReaderReply }
  | { type: 'error'; id: number; message: string; code?: string }
  | { type: 'exit'; id: number; code: number | string }
  | { type: 'ended'; id: number };

/**
 * Main's side: starts a reader child for each request on the port (start: main's own pinned script,
 * a utility process) and sends its events back. The port never keeps the app running.
 */
export function serveReaderRelay(port: MessagePort, start: (heapMb: number) => ReaderChild): void {
  const children = new Map<number, ReaderChild>();
  const send = (m: FromMain) => port.postMessage(m);
  port.on('message', (m: ToMain) => {
    if (m.type === 'terminate') {
      void children.get(m.id)?.terminate();
      return;
    }
    let child: ReaderChild;
    try {
      child = start(m.heapMb);
    } catch (err) {
      // The script is not the one installed (its hash), or the process could not start.
      send({ type: 'error', id: m.id, message: (err as Error).message });
      send({ type: 'ended', id: m.id });
      return;
    }
    children.set(m.id, child);
    const { id } = m;
    // A utility process knows its pid once it has spawned: told before its first event.
    let pidSent = false;
    const tellPid = () => {
      if (pidSent || child.pid === undefined) return;
      pidSent = true;
      send({ type: 'pid', id, pid: child.pid });
    };
    const done = () => {
      if (!children.delete(id)) return;
      // Ended, or ended now: the answer is in and nothing more of it is wanted.
      void child.terminate().then(() => send({ type: 'ended', id }));
    };
    child.on('message', (message: ReaderReply) => {
      tellPid();
      // A written workbook's bytes move on rather than being copied, when they own their buffer (one
      // that also holds other data, such as a pooled Buffer, is copied: moving it would take that too).
      let reply = message;
      if (typeof reply === 'object' && 'bytes' in reply && (reply.bytes.byteOffset !== 0 || reply.bytes.byteLength !== reply.bytes.buffer.byteLength))
        reply = { ...reply, bytes: new Uint8Array(reply.bytes) };
      const bytes = typeof reply === 'object' && 'bytes' in reply ? reply.bytes : undefined;
      port.postMessage({ type: 'message', id, message: reply } satisfies FromMain, bytes ? [bytes.buffer as ArrayBuffer] : []);
      done();
    });
    child.on('error', (err: Error & { code?: string }) => {
      tellPid();
      send({ type: 'error', id, message: err.message, ...(err.code && { code: err.code }) });
      done();
    });
    child.on('exit', (code: number | string) => {
      tellPid();
      send({ type: 'exit', id, code });
      done();
    });
    tellPid();
    child.postMessage(m.request);
  });
  port.unref();
}

/** The workspace thread's side: a StartReaderChild whose children main starts (serveReaderRelay). */
export function relayedReaderStarter(port: MessagePort): StartReaderChild {
  const children = new Map<number, RelayedReader>();
  let nextId = 1;
  // The port is listened to only while a file is out: an idle one keeps nothing alive.
  const out = () => {
    if (children.size === 0) port.unref();
    else port.ref();
  };
  port.on('message', (m: FromMain) => {
    children.get(m.id)?.receive(m);
    if (m.type === 'ended') {
      children.delete(m.id);
      out();
    }
  });
  out();
  // The file argument is not sent: main runs the script it pinned itself.
  return (_file, heapMb) => {
    const child = new RelayedReader(port, nextId++, heapMb);
    children.set(child.id, child);
    out();
    return child;
  };
}

class RelayedReader extends EventEmitter implements ReaderChild {
  pid: number | undefined;
  ended = false;
  private readonly endedWaiters: (() => void)[] = [];

  constructor(
    private readonly port: MessagePort,
    readonly id: number,
    private readonly heapMb: number,
  ) {
    super();
  }

  postMessage({ bytes, ...head }: ReaderRequest): void {
    // Its own buffer, moved to main (the caller's bytes may be a view into a larger one it keeps).
    const copy = new Uint8Array(bytes);
    this.port.postMessage({ type: 'start', id: this.id, heapMb: this.heapMb, request: { ...head, bytes: copy } } satisfies ToMain, [copy.buffer as ArrayBuffer]);
  }

  receive(m: FromMain): void {
    if (m.type === 'pid') this.pid = m.pid;
    else if (m.type === 'message') this.emit('message', m.message);
    // An error after capped-worker.ts stopped listening (the read timed out meanwhile) is no one's to hear:
    // emitted with no listener, it would throw in the workspace thread.
    else if (m.type === 'error') {
      if (this.listenerCount('error') > 0) this.emit('error', Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
    }
    else if (m.type === 'exit') this.emit('exit', m.code);
    else {
      this.ended = true;
      for (const w of this.endedWaiters.splice(0)) w();
    }
  }

  terminate(): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.port.postMessage({ type: 'terminate', id: this.id } satisfies ToMain);
    return new Promise((resolve) => this.endedWaiters.push(resolve));
  }
}
