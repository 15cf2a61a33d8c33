// When the -wal is folded into the file (db/checkpoint.ts): after a call's answer, on an idle tick, not
// inside its COMMIT; a smaller write on the 2-second watch; and a commit not yet folded is as safe as
// one that is (a backup holds it, a kill after the answer loses nothing).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES } from '../../electron/core/db/checkpoint.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { inProcessCaller, ROOT, tempDir, tempWorkspace, type Call } from '../helpers/workspace.js';

/**
 * Frames in the WAL and how many of them are in the file, from the -shm's wal-index header (SQLite's
 * documented layout, https://sqlite.org/walformat.html: mxFrame at byte 16, nBackfill at byte 96).
 */
function walFrames(ws: Workspace): { frames: number; folded: number } {
  const b = fs.readFileSync(`${ws.db.file}-shm`).subarray(0, 100);
  return { frames: b.readUInt32LE(16), folded: b.readUInt32LE(96) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** `n` new top-level tasks in one call (one batch: ~3 rows changed per task, with audit and search rows). */
async function addTasks(call: Call, projectId: number, n: number, tag: string): Promise<void> {
  await call('wbs.applyCells', { projectId, updates: [], creates: Array.from({ length: n }, (_, i) => ({ values: { name: `${tag} ${i}`, notes: 'x'.repeat(200) } })) });
}

describe('WAL checkpoints between calls', () => {
  let ws: Workspace | undefined;
  afterEach(() => {
    ws?.close();
    ws = undefined;
  });

  it('folds the WAL right after a large write is answered, never in its COMMIT; back-to-back writes wait for the idle tick', async () => {
    ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'WAL' });
    expect(ws.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    await tick();
    const start = walFrames(ws);
    // Calls back to back, no tick between (a loop of awaits): SQLite's old checkpoint at 1,000 pages
    // would have run inside one of these COMMITs; here nothing is folded until the loop lets a tick run.
    for (let k = 0; k < 6; k++) await addTasks(call, projectId, 1500, `batch ${k}`);
    const busy = walFrames(ws);
    expect(busy.frames - start.frames).toBeGreaterThan(1000);
    expect(busy.folded).toBe(start.folded);
    await tick();
    const idle = walFrames(ws);
    expect(idle.frames).toBe(busy.frames);
    expect(idle.folded).toBe(idle.frames);
    // Every row is there through the connection, and in the file once closed (closing folds and removes the -wal).
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM wbs_tasks WHERE project_id = ?').pluck().get(projectId)).toBe(9000);
  }, 60_000);

  it('folds a small write on the 2-second watch, not at once', async () => {
    ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'WAL' });
    await addTasks(call, projectId, 1500, 'first');
    await tick();
    const task = await call('wbs.create', { projectId, values: { name: 'one more' } });
    await call('wbs.update', { id: task.id, patch: { name: 'one more, renamed' } });
    await tick();
    const after = walFrames(ws);
    expect(after.folded).toBeLessThan(after.frames);
    const until = Date.now() + 6000;
    while (walFrames(ws).folded < walFrames(ws).frames && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(walFrames(ws).folded).toBe(walFrames(ws).frames);
  }, 20_000);

  it('a backup taken before the fold holds every commit', async () => {
    ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'WAL' });
    await addTasks(call, projectId, 2000, 'kept');
    expect(walFrames(ws).folded).toBeLessThan(walFrames(ws).frames);
    const backup = await call('backup.create', {});
    const Database = (await import('better-sqlite3')).default;
    const copy = new Database(path.join(ws.dir, 'backups', `${backup.id}.sqlite`), { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) FROM wbs_tasks WHERE name LIKE 'kept %'").pluck().get()).toBe(2000);
    } finally {
      copy.close();
    }
  }, 30_000);

  it('a process killed after the answer, before the fold, loses nothing: the next start reads it from the -wal', async () => {
    const dir = tempDir();
    // The child writes 3,000 tasks, prints once answered and kills itself in the same tick: the idle
    // checkpoint never runs, so the commit is only in the -wal.
    const child = `
      import { tempWorkspace } from './test/helpers/workspace.ts';
      import fs from 'node:fs';
      const ws = tempWorkspace(${JSON.stringify(dir)});
      const call = async (m, a) => { const e = await ws.handlers.invoke(m, a); if (!e.ok) throw new Error(e.error.message); return e.result; };
      const { id } = await call('project.create', { name: 'killed' });
      await call('wbs.applyCells', { projectId: id, updates: [], creates: Array.from({ length: 3000 }, (_, i) => ({ values: { name: 'kept ' + i } })) });
      const b = fs.readFileSync(ws.db.file + '-shm').subarray(0, 100);
      process.stdout.write('answered ' + b.readUInt32LE(16) + ' ' + b.readUInt32LE(96) + '\\n', () => process.kill(process.pid, 'SIGKILL'));
    `;
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (text += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(text) : reject(new Error(`the child ended without the kill: ${err}`))));
    });
    const [, frames, folded] = /answered (\d+) (\d+)/.exec(out)!.map(Number);
    expect(folded!).toBeLessThan(frames!);
    ws = tempWorkspace(dir);
    expect(ws.status().condition).toBe('ok');
    expect(ws.db.sqlite.prepare("SELECT count(*) FROM wbs_tasks WHERE name LIKE 'kept %'").pluck().get()).toBe(3000);
  }, 60_000);
});
