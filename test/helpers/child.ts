// Drives test/helpers/workspace-child.ts: a workspace in its own process that a test can call and kill.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Envelope } from '../../electron/common/errors.js';
import { ROOT } from './workspace.js';

const CHILD = path.join(ROOT, 'test/helpers/workspace-child.ts');

export interface WorkspaceChild {
  process: ChildProcess;
  /** The first line: "ready", or "refused <message>" when the folder was locked. */
  first: Promise<string>;
  /** Later lines, as they come. */
  lines: string[];
  call(method: string, args: unknown): Promise<Envelope<unknown>>;
  kill(): Promise<void>;
}

export function startChild(dataDir: string, mode?: 'loop-backup'): WorkspaceChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...(mode ? [mode] : [])], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const rl = readline.createInterface({ input: child.stdout! });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let resolveFirst!: (l: string) => void;
  let rejectFirst!: (e: Error) => void;
  const first = new Promise<string>((res, rej) => ((resolveFirst = res), (rejectFirst = rej)));
  let seenFirst = false;
  rl.on('line', (line) => {
    if (!seenFirst) {
      seenFirst = true;
      return resolveFirst(line);
    }
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('exit', (code) => {
    if (!seenFirst) rejectFirst(new Error(`child exited ${code} before it was ready: ${stderr}`));
  });
  return {
    process: child,
    first,
    lines,
    call(method, args) {
      return new Promise((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as Envelope<unknown>));
        child.stdin!.write(`${JSON.stringify({ method, args })}\n`);
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
