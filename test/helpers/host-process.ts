// A real web host process (electron/host/main.ts, run from the sources) on a data folder: the tests of
// one writer per workspace start it beside another host or the Electron main.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { ROOT } from './workspace.js';

export interface HostRun {
  pid: number;
  /** The first line on stdout, or null when the host exited first. */
  line: Promise<string | null>;
  exit: Promise<{ code: number | null; stderr: string }>;
  kill(): Promise<void>;
}

/** `env`: added to this process's environment (PGPASSWORD for a team database). */
export function startHostProcess(dataDir: string, env: Record<string, string> = {}): HostRun {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/host/main.ts'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const line = new Promise<string | null>((resolve) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    void exit.then(() => resolve(null));
  });
  return {
    pid: child.pid!,
    line,
    exit,
    async kill() {
      child.kill('SIGKILL');
      await exit;
    },
  };
}
