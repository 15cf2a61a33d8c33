// One writer per workspace: real web host processes on one data folder. The second is refused with a
// message naming the first; once the first is killed (SIGKILL, its lock left behind), the next takes
// over. electron-main.test.ts runs the Electron main (against a stand-in for Electron) beside a host.
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockFile, WorkspaceLockedError } from '../../electron/core/db/lock.js';
import { startChild } from '../helpers/child.js';
import { startHostProcess } from '../helpers/host-process.js';
import { tempDir } from '../helpers/workspace.js';

describe('one writer per workspace', () => {
  it('refuses a second web host on the same folder, naming the first, and takes over after the first is killed', async () => {
    const dir = tempDir();
    const first = startHostProcess(dir);
    expect(await first.line).toMatch(/^PMO Desk: http:\/\/127\.0\.0\.1:\d+\/#token=/);

    const second = startHostProcess(dir);
    const { code, stderr } = await second.exit;
    expect(code).toBe(1);
    expect(stderr).toContain('already open in PMO Desk');
    expect(stderr).toContain(`process ${first.pid} on ${os.hostname()}`);
    expect(stderr).toContain(dir);

    await first.kill(); // its lock stays behind, naming a process that is gone
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: first.pid, state: 'open' });
    const third = startHostProcess(dir);
    try {
      expect(await third.line).toMatch(/^PMO Desk: http:/);
      expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: third.pid, state: 'open' });
    } finally {
      await third.kill();
    }
  }, 120_000);

  it('refuses a folder a workspace process holds, and releases it on close', async () => {
    const dir = tempDir();
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    expect(() => acquireLock(dir, 'electron')).toThrow(WorkspaceLockedError);
    await child.kill();
    const lock = acquireLock(dir, 'electron');
    expect(lock.previous).toMatchObject({ pid: child.process.pid, state: 'open' });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 60_000);

  it('takes over a lock left before the machine restarted, and refuses an unreadable one being written', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.ppid, host: os.hostname(), shell: 'web', since: '2025-01-01T00:00:00Z', boot: 1, state: 'open' }));
    const lock = acquireLock(dir, 'web');
    expect(lock.previous).toMatchObject({ pid: process.ppid });
    lock.release();
    fs.writeFileSync(lockFile(dir), '');
    expect(() => acquireLock(dir, 'web')).toThrow(/being opened by another PMO Desk/);
  });
});
