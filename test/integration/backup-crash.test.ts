// kill -9 in the middle of a backup leaves every backup that was complete before it valid, and no
// half-written file that looks like a backup; the next start removes the partial one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackup, listBackups } from '../../electron/core/db/backup.js';
import { createTasks } from '../../electron/core/services/wbs.js';
import { startChild } from '../helpers/child.js';
import { inProcessCaller, tempDir, tempWorkspace } from '../helpers/workspace.js';

const KILLS = 8;

describe('kill -9 during a backup', () => {
  it(`leaves the previous backups valid across ${KILLS} kills`, async () => {
    const dir = tempDir('pmo-backup-crash-');
    const ws = tempWorkspace(dir);
    const p = await inProcessCaller(ws)('project.create', { name: 'big' });
    // Big enough that a backup takes a while, so kills land inside VACUUM INTO.
    createTasks(ws.db, { user: 'test' }, p.id, Array.from({ length: 30_000 }, (_, i) => ({ values: { name: `task ${i}`, notes: 'x'.repeat(100) } })));
    const rows = ws.db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get();
    ws.close();
    const folder = path.join(dir, 'backups');
    let seed = 7;
    let sawPartial = false;
    for (let k = 0; k < KILLS; k++) {
      const child = startChild(dir, 'loop-backup');
      expect(await child.first).toBe('ready');
      seed = (seed * 48271) % 2147483647;
      await new Promise((r) => setTimeout(r, 20 + (seed % 400)));
      await child.kill();
      if (fs.readdirSync(folder).some((n) => n.endsWith('.partial'))) sawPartial = true;
      const listed = listBackups(folder);
      expect(listed.length).toBeGreaterThan(0);
      for (const b of listed) {
        expect(checkBackup(b.file), b.id).toEqual({ ok: true, problems: [] });
      }
    }
    // Each listed backup holds every row.
    const Database = (await import('better-sqlite3')).default;
    for (const b of listBackups(folder)) {
      const db = new Database(b.file, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM wbs_tasks').pluck().get(), b.id).toBe(rows);
      db.close();
    }
    // The next start removes what a kill left half-written.
    tempWorkspace(dir).close();
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(sawPartial, 'at least one kill landed inside a backup').toBe(true);
  }, 240_000);
});
