// A damaged, truncated, emptied or WAL-less workspace file is found at open, is not written to, and is
// recovered from the newest good backup with nothing committed lost. Some cases kill a real workspace
// process (SIGKILL) mid-work, as a crash or a pulled plug would.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lockFile } from '../../electron/core/db/lock.js';
import { openDatabase } from '../../electron/core/db/open.js';
import { walDamage } from '../../electron/core/db/wal.js';
import { toApiError } from '../../electron/core/envelope.js';
import { startChild } from '../helpers/child.js';
import { snapshot } from '../helpers/snapshot.js';
import { inProcessCaller, MIGRATIONS, tempDir, tempWorkspace, type Call } from '../helpers/workspace.js';
import { seedProject } from '../helpers/seed.js';
import { breakIndexEntry } from '../helpers/damage.js';
import { growHistory } from '../helpers/big-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const DB = 'pmo-desk.sqlite';

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A workspace with two projects and a backup of exactly that state; answers the state's snapshot. */
async function seeded(dir: string) {
  const ws = tempWorkspace(dir);
  const call = inProcessCaller(ws);
  await seedProject(call, 'A');
  await seedProject(call, 'B');
  const backup = await call('backup.create', {});
  const state = snapshot(ws.db.sqlite);
  ws.close();
  return { backup, state };
}

/** Opens the folder again and expects recovery: nothing but the condition and the backups answer. */
async function expectRecovery(dir: string, condition: 'damaged' | 'missing', problem: string) {
  const ws = tempWorkspace(dir);
  const call = inProcessCaller(ws);
  const status = await call('workspace.status', {});
  expect(status).toMatchObject({ condition, problem });
  await expect(call('project.list', {})).rejects.toMatchObject({ code: 'DAMAGED' });
  await expect(call('project.create', { name: 'x' })).rejects.toMatchObject({ code: 'DAMAGED' });
  expect(await call('app.info', {})).toMatchObject({ version: 'test' });
  return { ws, call, status };
}

async function restoreNewest(ws: ReturnType<typeof tempWorkspace>, call: Call, expectedState: string) {
  const status = await call('workspace.status', {});
  const offered = status.newestGoodBackup!;
  expect(offered).toBeTruthy();
  const result = await call('backup.restore', { id: offered.id });
  expect(result.restored).toBe('workspace');
  expect(await call('workspace.status', {})).toMatchObject({ condition: 'ok' });
  expect(snapshot(ws.db.sqlite)).toBe(expectedState);
  // Work goes on in the restored file.
  const p = await call('project.create', { name: 'after restore' });
  expect(p.id).toBeGreaterThan(0);
  return result;
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** Leaves a lock as a process killed while it had the workspace open would. */
function staleLock(dir: string, state: 'open' | 'closing') {
  const boot = Math.round(Date.now() - os.uptime() * 1000);
  fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), host: os.hostname(), shell: 'web', since: new Date().toISOString(), boot, state }));
}

describe('a damaged workspace file', () => {
  it('damaged in a page: found at open, left unwritten, recovered from the backup', async () => {
    const dir = tempDir();
    const { state } = await seeded(dir);
    const file = path.join(dir, DB);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const before = sha(file);
    const { ws, call } = await expectRecovery(dir, 'damaged', 'corrupt');
    try {
      expect(sha(file)).toBe(before);
      const result = await restoreNewest(ws, call, state);
      // The damaged file is kept aside, as it was.
      expect(sha(path.join(dir, result.setAside!))).toBe(before);
    } finally {
      ws.close();
    }
  });

  it('truncated: found at open and recovered', async () => {
    const dir = tempDir();
    const { state } = await seeded(dir);
    const file = path.join(dir, DB);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    const { ws, call } = await expectRecovery(dir, 'damaged', 'corrupt');
    try {
      await restoreNewest(ws, call, state);
    } finally {
      ws.close();
    }
  });

  it('an index that lost a row (which quick_check misses) is found by the check after an unclean shutdown, the weekly check and the menu', async () => {
    const dir = tempDir();
    const { state } = await seeded(dir);
    const file = path.join(dir, DB);
    breakIndexEntry(file);
    // quick_check, what the app ran at every start, passes this file.
    const quick = openDatabase(file, { migrationsFolder: MIGRATIONS, check: 'quick' });
    quick.close();

    // 1. The menu's integrity check on a normally opened workspace finds it, and the app stops writing.
    let ws = tempWorkspace(dir);
    let call = inProcessCaller(ws);
    const report = await call('workspace.check', {});
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/missing from index audit_batch/);
    await expect(call('project.create', { name: 'x' })).rejects.toMatchObject({ code: 'DAMAGED' });
    ws.close();

    // 2. Once seen, every later start checks in full until the file is restored.
    ({ ws, call } = await expectRecovery(dir, 'damaged', 'corrupt'));
    ws.close();

    // 3. After an unclean shutdown the start checks in full.
    const marker = path.join(dir, 'pmo-desk.workspace.json');
    fs.writeFileSync(marker, JSON.stringify({ ...JSON.parse(fs.readFileSync(marker, 'utf8')), needsCheck: false, lastFullCheck: new Date().toISOString() }));
    staleLock(dir, 'closing');
    ({ ws, call } = await expectRecovery(dir, 'damaged', 'corrupt'));
    expect((await call('workspace.status', {})).detail).toMatch(/missing from index audit_batch/);
    ws.close();

    // 4. A week after the last full check, the start checks in full.
    const weekLater = new Date(Date.now() + 8 * 86_400_000);
    ws = tempWorkspace(dir, { now: () => weekLater });
    call = inProcessCaller(ws);
    expect(await call('workspace.status', {})).toMatchObject({ condition: 'damaged', problem: 'corrupt' });
    await restoreNewest(ws, call, state);
    ws.close();
  });

  /** Grows a closed workspace past 16 MiB with history (audit rows of ~1 KB, as years of edits leave), and marks its last full check 8 days ago. */
  function grownWeekOld(dir: string) {
    growHistory(dir);
    expect(fs.statSync(path.join(dir, DB)).size).toBeGreaterThan(16 * 1024 * 1024);
    const marker = path.join(dir, 'pmo-desk.workspace.json');
    fs.writeFileSync(marker, JSON.stringify({ ...JSON.parse(fs.readFileSync(marker, 'utf8')), needsCheck: false, lastFullCheck: new Date(Date.now() - 8 * 86_400_000).toISOString() }));
    return marker;
  }

  it('the weekly check of a file over 16 MiB runs beside the started workspace, and damage it finds puts it into recovery', async () => {
    const dir = tempDir();
    await seeded(dir);
    // Broken first: grown after, the entry stays in a leaf of the index, where integrity_check finds it.
    breakIndexEntry(path.join(dir, DB));
    grownWeekOld(dir);
    const ws = tempWorkspace(dir);
    const call = inProcessCaller(ws);
    try {
      // The start did not wait for the check (it took seconds on a 1.4 GB file): the workspace answers.
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'ok' });
      await expect.poll(async () => (await call('workspace.status', {})).condition, { timeout: 60_000, interval: 50 }).toBe('damaged');
      expect(await call('workspace.status', {})).toMatchObject({ problem: 'corrupt', detail: expect.stringMatching(/missing from index audit_batch/) });
      await expect(call('project.create', { name: 'x' })).rejects.toMatchObject({ code: 'DAMAGED' });
    } finally {
      ws.close();
    }
    // Every later start checks in full, before opening.
    (await expectRecovery(dir, 'damaged', 'corrupt')).ws.close();
  });

  it('the weekly check of a sound file over 16 MiB, after the start, records when it passed', async () => {
    const dir = tempDir();
    await seeded(dir);
    const marker = grownWeekOld(dir);
    const before = JSON.parse(fs.readFileSync(marker, 'utf8')).lastFullCheck as string;
    const ws = tempWorkspace(dir);
    try {
      await expect.poll(() => JSON.parse(fs.readFileSync(marker, 'utf8')).lastFullCheck, { timeout: 60_000, interval: 50 }).not.toBe(before);
      expect(Date.parse(JSON.parse(fs.readFileSync(marker, 'utf8')).lastFullCheck)).toBeGreaterThan(Date.parse(before));
      expect(await inProcessCaller(ws)('workspace.status', {})).toMatchObject({ condition: 'ok' });
    } finally {
      ws.close();
    }
  });

  it('a zero-byte or missing database where a workspace existed is never opened as a new workspace', async () => {
    const dir = tempDir();
    const { state } = await seeded(dir);
    const file = path.join(dir, DB);
    fs.truncateSync(file, 0);
    let { ws, call } = await expectRecovery(dir, 'missing', 'empty');
    expect(fs.statSync(file).size).toBe(0); // not initialised as a new database
    ws.close();

    fs.rmSync(file);
    ({ ws, call } = await expectRecovery(dir, 'missing', 'missing'));
    expect(fs.existsSync(file)).toBe(false);
    try {
      await restoreNewest(ws, call, state);
    } finally {
      ws.close();
    }
  });

  it('a zero-byte database in a folder that never held a workspace opens as a new one', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB), '');
    const ws = tempWorkspace(dir);
    try {
      expect(await inProcessCaller(ws)('workspace.status', {})).toMatchObject({ condition: 'ok' });
    } finally {
      ws.close();
    }
  });

  it('offers the newest backup that passes its check, skipping a damaged newer one', async () => {
    const dir = tempDir();
    const { backup } = await seeded(dir);
    // A newer backup, then damaged.
    let ws = tempWorkspace(dir);
    const newer = await inProcessCaller(ws)('backup.create', {});
    ws.close();
    fs.truncateSync(path.join(dir, 'backups', `${newer.id}.sqlite`), 8192);
    fs.truncateSync(path.join(dir, DB), 0);
    const r = await expectRecovery(dir, 'missing', 'empty');
    ws = r.ws;
    expect(r.status.newestGoodBackup?.id).toBe(backup.id);
    ws.close();
  });

  it('opens a damaged file read-only (a copy) to export what can be read, refusing every write', async () => {
    const dir = tempDir();
    await seeded(dir);
    const file = path.join(dir, DB);
    // Damage past the tables the project list reads: the last page.
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, size - 4096);
    fs.closeSync(fd);
    const before = sha(file);
    const { ws, call } = await expectRecovery(dir, 'damaged', 'corrupt');
    try {
      expect(await call('workspace.openReadOnly', {})).toMatchObject({ condition: 'readOnly', problem: 'corrupt' });
      const projects = await call('project.list', {});
      expect(projects.map((p) => p.name)).toEqual(['A', 'B']);
      // What can be read goes out to Excel.
      const wbs = await call('excel.export', { projectId: projects[0]!.id, register: 'wbs' });
      expect(wbs.fileName).toMatch(/\.xlsx$/);
      const risks = await call('excel.export', { projectId: projects[0]!.id, register: 'risk', format: 'csv' });
      expect(Buffer.from(risks.dataBase64, 'base64').toString('utf8')).toContain('A 要員不足');
      await expect(call('project.create', { name: 'x' })).rejects.toMatchObject({ code: 'READ_ONLY' });
      await expect(call('project.delete', { id: projects[0]!.id })).rejects.toMatchObject({ code: 'READ_ONLY' });
      expect(sha(file)).toBe(before);
    } finally {
      ws.close();
    }
  });
});

describe('the workspace file deleted or replaced while the app runs', () => {
  /** A running workspace with data and no backup since; answers the state the next call would have seen. */
  async function running() {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    await seedProject(call, 'A');
    const p = await call('project.create', { name: 'after the last backup' });
    await call('wbs.create', { projectId: p.id, values: { name: 'committed before the file went' } });
    return { ws, call, state: snapshot(ws.db.sqlite), file: path.join(ws.dir, DB) };
  }

  it('deleted: the next call answers DAMAGED, everything committed is kept as the newest backup, and restoring it loses nothing', async () => {
    const { ws, call, state, file } = await running();
    try {
      fs.rmSync(file);
      const err = await call('project.list', {}).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DAMAGED' });
      expect((err as Error).message).toMatch(/deleted while PMO Desk was running/);
      await expect(call('project.create', { name: 'x' })).rejects.toMatchObject({ code: 'DAMAGED' });
      const status = await call('workspace.status', {});
      expect(status).toMatchObject({ condition: 'missing', problem: 'fileDeleted' });
      expect(status.newestGoodBackup?.reason).toBe('rescue');
      // Nothing was written at the path meanwhile: no new database appeared there.
      expect(fs.existsSync(file)).toBe(false);
      // Nothing lay under the name, so nothing is kept aside (the recovery screen says so: recovery.aside).
      expect((await restoreNewest(ws, call, state)).setAside).toBeUndefined();
    } finally {
      ws.close();
    }
  });

  it('deleted and recreated empty: the empty file is never written to; the restore puts everything back', async () => {
    const { ws, call, state, file } = await running();
    try {
      fs.rmSync(file);
      fs.writeFileSync(file, '');
      await expect(call('wbs.create', { projectId: 1, values: { name: 'x' } })).rejects.toMatchObject({ code: 'DAMAGED' });
      await expect(call('settings.set', { key: 'ui.density', value: 'compact' })).rejects.toMatchObject({ code: 'DAMAGED' });
      expect(fs.statSync(file).size).toBe(0);
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'missing', problem: 'fileReplaced' });
      await restoreNewest(ws, call, state);
    } finally {
      ws.close();
    }
  });

  it('replaced by another file (an old copy put in its place): not written to, kept aside on restore', async () => {
    const { ws, call, state, file } = await running();
    try {
      const older = path.join(tempDir(), 'older.sqlite');
      fs.copyFileSync(file, older);
      fs.renameSync(older, file); // a new file under the name, as a copy dropped over it would be
      const before = sha(file);
      await expect(call('project.list', {})).rejects.toMatchObject({ code: 'DAMAGED', message: expect.stringMatching(/replaced/) });
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'missing', problem: 'fileReplaced' });
      expect(sha(file)).toBe(before);
      const result = await restoreNewest(ws, call, state);
      expect(sha(path.join(ws.dir, result.setAside!))).toBe(before);
    } finally {
      ws.close();
    }
  });
});

describe('the -wal file', () => {
  it('deleted while the app runs: the next call writes everything back, so a kill -9 after it loses nothing', async () => {
    const dir = tempDir();
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    const p = (await child.call('project.create', { name: 'A' })) as { ok: true; result: { id: number } };
    for (let i = 0; i < 20; i++) await child.call('wbs.create', { projectId: p.result.id, values: { name: `t${i}` } });
    fs.rmSync(path.join(dir, `${DB}-wal`));
    const last = await child.call('wbs.create', { projectId: p.result.id, values: { name: 'after the WAL was deleted' } });
    expect(last.ok).toBe(true);
    await child.kill();
    const ws = tempWorkspace(dir);
    try {
      const call = inProcessCaller(ws);
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'ok' });
      expect((await call('wbs.rows', { projectId: p.result.id }).then(tasksOfTable)).map((t) => t.name)).toEqual([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'after the WAL was deleted']);
    } finally {
      ws.close();
    }
  });

  it('deleted while the app runs and only read afterwards: a new -wal is there at once, so a kill then looks like no loss', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      await seedProject(call, 'A');
      const wal = path.join(ws.dir, `${DB}-wal`);
      fs.rmSync(wal);
      await call('project.list', {});
      expect(fs.existsSync(wal)).toBe(true);
      // Everything committed before the deletion is in the main file now, without the WAL's help.
      const copy = path.join(tempDir(), 'main-only.sqlite');
      fs.copyFileSync(path.join(ws.dir, DB), copy);
      const db = new Database(copy, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(4);
      db.close();
    } finally {
      ws.close();
    }
  });

  it('deleted and the app killed before it noticed: found at the next start, recovered from the backup', async () => {
    const dir = tempDir();
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    const p = (await child.call('project.create', { name: 'A' })) as { ok: true; result: { id: number } };
    for (let i = 0; i < 5; i++) await child.call('wbs.create', { projectId: p.result.id, values: { name: `t${i}` } });
    const b = (await child.call('backup.create', {})) as { ok: true; result: { id: string } };
    fs.rmSync(path.join(dir, `${DB}-wal`));
    await child.kill();
    const before = sha(path.join(dir, DB));
    const { ws, call, status } = await expectRecovery(dir, 'damaged', 'walLost');
    try {
      expect(sha(path.join(dir, DB))).toBe(before);
      expect(status.newestGoodBackup?.id).toBe(b.result.id);
      await call('backup.restore', { id: b.result.id });
      expect((await call('wbs.rows', { projectId: p.result.id }).then(tasksOfTable)).map((t) => t.name)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    } finally {
      ws.close();
    }
  });

  it('damaged in a committed frame after a crash: found at the next start instead of silently dropping commits', async () => {
    const dir = tempDir();
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    const p = (await child.call('project.create', { name: 'A' })) as { ok: true; result: { id: number } };
    for (let i = 0; i < 5; i++) await child.call('wbs.create', { projectId: p.result.id, values: { name: `t${i}` } });
    await child.kill();
    const wal = path.join(dir, `${DB}-wal`);
    expect(walDamage(wal)).toBeNull();
    // Flip bytes inside the page of the first frame.
    const fd = fs.openSync(wal, 'r+');
    fs.writeSync(fd, Buffer.from('damage'), 0, 6, 32 + 24 + 100);
    fs.closeSync(fd);
    expect(walDamage(wal)).toMatch(/frame 1 .* damaged and commits follow/);
    const before = sha(wal);
    const { ws } = await expectRecovery(dir, 'damaged', 'walDamaged');
    expect(sha(wal)).toBe(before);
    ws.close();
  });
});

describe('errors a PMO understands', () => {
  it('answers a full disk as DISK_FULL, not INTERNAL with SQLite words, and keeps working afterwards', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const p = await call('project.create', { name: 'A' });
      // The database may not grow: SQLite answers exactly as on a full disk (SQLITE_FULL).
      const pages = ws.db.sqlite.pragma('page_count', { simple: true }) as number;
      ws.db.sqlite.pragma(`max_page_count = ${pages}`);
      const err = await call('wbs.applyCells', {
        projectId: p.id,
        updates: [],
        creates: Array.from({ length: 2000 }, (_, i) => ({ values: { name: `task ${i} ${'x'.repeat(200)}` } })),
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DISK_FULL' });
      expect((err as Error).message).not.toMatch(/SQLITE|disk image|database or disk/);
      expect(await call('wbs.rows', { projectId: p.id }).then(tasksOfTable)).toEqual([]);
      ws.db.sqlite.pragma('max_page_count = 1073741823');
      await call('wbs.create', { projectId: p.id, values: { name: 'fits now' } });
    } finally {
      ws.close();
    }
  });

  it('answers damage as DAMAGED, keeping SQLite words only in the details', () => {
    const e = toApiError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
    expect(e.code).toBe('DAMAGED');
    expect(e.message).not.toMatch(/malformed/);
    expect(toApiError(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' })).code).toBe('DAMAGED');
    expect(toApiError(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })).code).toBe('DISK_FULL');
  });
});
