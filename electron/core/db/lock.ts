// One writer per workspace: a lock file in the data folder naming the process that has it open (pid,
// host, which front, since when). A second Electron window or web host on the same folder is refused
// with a message naming the first. A lock left by a process that is gone (same host, pid not running,
// or the machine restarted since) is taken over — and tells the opener the last run did not end cleanly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type LockState = 'starting' | 'open' | 'closing';

export interface LockOwner {
  pid: number;
  host: string;
  shell: string;
  /** ISO date-time the owner took the lock. */
  since: string;
  /** When the owner's machine started (ms since epoch, ±1 s): a lock from before a restart is stale. */
  boot: number;
  /** 'open' once the database was opened for writing; 'closing' once it started to close cleanly. */
  state: LockState;
}

export class WorkspaceLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | null,
  ) {
    super(lockedMessage(folder, owner, 'en'));
    this.name = 'WorkspaceLockedError';
  }
}

/** Names the process that has the workspace open, in the UI language (Electron shows it in a dialog). */
export function lockedMessage(folder: string, owner: LockOwner | null, lang: 'ja' | 'en'): string {
  if (lang === 'ja')
    return owner
      ? `この作業データは既に PMO Desk で開かれています（${owner.shell === 'electron' ? 'アプリのウィンドウ' : 'Web ホスト'}、${owner.host} のプロセス ${owner.pid}、${owner.since} から）: ${folder}。先にそちらを閉じてください。`
      : `この作業データは別の PMO Desk が開いているところです: ${folder}。先にそちらを閉じてください。`;
  return owner
    ? `This workspace is already open in PMO Desk (${owner.shell === 'electron' ? 'the app window' : 'the web host'}, process ${owner.pid} on ${owner.host}, since ${owner.since}): ${folder}. Close it there first.`
    : `This workspace is being opened by another PMO Desk right now: ${folder}. Close it there first.`;
}

export interface WorkspaceLock {
  /** The owner a stale lock named, when this open took it over: the last run ended without closing. */
  readonly previous: LockOwner | null;
  update(state: LockState): void;
  release(): void;
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'pmo-desk.lock');
}

/** A lock file younger than this with no readable owner is being written right now. */
const UNREADABLE_GRACE_MS = 10_000;

/**
 * Opens of a folder by this process. A second open in the same process shares the lock (the tests
 * open a folder twice to act as two users; it is still one process writing) and releases it last.
 */
const held = new Map<string, { count: number; lock: WorkspaceLock }>();

export function acquireLock(dataDir: string, shell: string): WorkspaceLock {
  const file = path.resolve(lockFile(dataDir));
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    let released = false;
    return {
      previous: null,
      update: (state) => mine.lock.update(state),
      release() {
        if (released) return;
        released = true;
        if (--mine.count === 0) {
          held.delete(file);
          mine.lock.release();
        }
      },
    };
  }
  const lock = takeLock(file, shell);
  const entry = { count: 1, lock };
  held.set(file, entry);
  let released = false;
  return {
    previous: lock.previous,
    update: (state) => lock.update(state),
    release() {
      if (released) return;
      released = true;
      if (--entry.count === 0) {
        held.delete(file);
        lock.release();
      }
    },
  };
}

function takeLock(file: string, shell: string): WorkspaceLock {
  const dataDir = path.dirname(file);
  const me = (): LockOwner => ({
    pid: process.pid,
    host: os.hostname(),
    shell,
    since: new Date().toISOString(),
    boot: bootTime(),
    state: 'starting',
  });
  let owner = me();
  let previous: LockOwner | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new WorkspaceLockedError(dataDir, readOwner(file));
        throw err;
      }
    }
    const found = readOwner(file);
    if (found ? isAlive(found) : !olderThan(file, UNREADABLE_GRACE_MS)) throw new WorkspaceLockedError(dataDir, found);
    previous = found ?? { pid: 0, host: '?', shell: '?', since: '?', boot: 0, state: 'open' };
    fs.rmSync(file, { force: true });
  }
  let released = false;
  return {
    previous,
    update(state) {
      if (released) return;
      owner = { ...owner, state };
      // Rewritten in place: the lock must never be absent while we hold it.
      fs.writeFileSync(file, JSON.stringify(owner));
    },
    release() {
      if (released) return;
      released = true;
      const current = readOwner(file);
      if (current && current.pid === owner.pid && current.host === owner.host) fs.rmSync(file, { force: true });
    },
  };
}

export function readOwner(file: string): LockOwner | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return {
      pid: v.pid,
      host: v.host,
      shell: String(v.shell ?? '?'),
      since: String(v.since ?? '?'),
      boot: Number(v.boot ?? 0),
      state: v.state === 'open' || v.state === 'closing' ? v.state : 'starting',
    };
  } catch {
    return null;
  }
}

/**
 * Whether the owner may still be running. On another host we cannot tell, so it counts as alive
 * (the live file belongs on a local disk; only backups go to shares).
 */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.boot && Math.abs(owner.boot - bootTime()) > 60_000) return false; // the machine restarted since
  if (owner.pid === process.pid) return false; // not in `held`: a lock this process left behind
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function bootTime(): number {
  return Math.round(Date.now() - os.uptime() * 1000);
}
