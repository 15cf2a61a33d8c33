// Backups and restore through the API, on real workspace files: rotation over simulated days (an
// injected clock), a whole-workspace restore and a one-project restore compared row for row.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../electron/common/dto.js';
import { ApiError } from '../../electron/common/errors.js';
import { isoWeekKey, keepByRotation } from '../../electron/core/db/rotation.js';
import { snapshot } from '../helpers/snapshot.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { seedProject } from '../helpers/seed.js';
import { growHistory } from '../helpers/big-file.js';
import { inProcessCaller, tempDir, tempWorkspace, type Call } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

/** A clock the test moves; backups and rotation read it. */
function clock(start: Date) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d: Date) => void (t = d.getTime()),
    add: (ms: number) => void (t += ms),
  };
}

const DAY = 86_400_000;

/** Every row of a project in every table that holds project rows, as JSON per table. */
function projectRows(sqlite: Database.Database, projectId: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    const cols = (sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
    if (t === 'projects') out[t] = sqlite.prepare('SELECT * FROM projects WHERE id = ?').all(projectId);
    else if (cols.includes('project_id') && t !== 'batches') out[t] = sqlite.prepare(`SELECT * FROM "${t}" WHERE project_id = ? ORDER BY rowid`).all(projectId);
  }
  return out;
}

function readOnly(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

describe('backup rotation', () => {
  it('numbers ISO weeks as ISO 8601 does', () => {
    expect(isoWeekKey(new Date(2021, 0, 3))).toBe('2020-W53'); // Sunday: still the last week of 2020
    expect(isoWeekKey(new Date(2021, 0, 4))).toBe('2021-W1');
    expect(isoWeekKey(new Date(2024, 11, 30))).toBe('2025-W1'); // Monday of the week holding 2025-01-02
    expect(isoWeekKey(new Date(2025, 5, 15))).toBe('2025-W24');
  });

  it('keeps 7 daily, 4 weekly, 12 monthly, the last 10 manual and the last 10 before risky operations over 400 simulated days', async () => {
    const c = clock(new Date(2025, 0, 6, 9, 0));
    const ws = tempWorkspace(tempDir(), { now: c.now });
    const inner = inProcessCaller(ws);
    const ever = new Map<string, BackupInfo>();
    // Every backup ever made: the list is read after each call, before a later one can rotate it away.
    const call: Call = async (method, args) => {
      const result = await inner(method, args);
      if (method !== 'project.create') for (const b of await inner('backup.list', {})) ever.set(b.id, b);
      return result;
    };
    await seedProject(inner, 'A');
    try {
      for (let d = 1; d <= 400; d++) {
        c.set(new Date(2025, 0, 6 + d, 9, 0));
        await call('project.list', {}); // the first call of the day backs up
        if (d % 25 === 0) {
          c.add(60_000);
          await call('backup.create', {});
        }
        if (d > 385) {
          // Two risky operations a day for the last 15 days.
          c.add(3_600_000);
          for (let k = 0; k < 2; k++) {
            const p = await call('project.create', { name: `tmp${d}-${k}` });
            c.add(60_000);
            await call('project.delete', { id: p.id });
          }
        }
      }
      const kept = await call('backup.list', {});
      const all = [...ever.values()];
      expect(all.filter((b) => b.reason === 'daily')).toHaveLength(400);
      expect(all.filter((b) => b.reason === 'project-delete')).toHaveLength(30);
      expect(all.filter((b) => b.reason === 'manual')).toHaveLength(16);

      // The oracle, rule by rule, over every backup ever made.
      const newestFirst = [...all].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
      const expected = new Set<string>();
      const slots = (n: number, key: (d: Date) => string) => {
        const groups = new Map<string, BackupInfo>();
        for (const b of newestFirst) {
          const k = key(new Date(b.takenAt));
          if (!groups.has(k)) groups.set(k, b);
        }
        for (const b of [...groups.values()].slice(0, n)) expected.add(b.id);
      };
      slots(7, (d) => d.toDateString());
      slots(4, isoWeekKey);
      slots(12, (d) => `${d.getFullYear()}-${d.getMonth()}`);
      for (const b of newestFirst.filter((b) => b.reason === 'project-delete').slice(0, 10)) expected.add(b.id);
      for (const b of newestFirst.filter((b) => b.reason === 'manual').slice(0, 10)) expected.add(b.id);
      expect(new Set(kept.map((b) => b.id))).toEqual(expected);

      // What that means in plain words: the last 7 days each have one, the oldest is about a year old,
      // and the 10 newest pre-delete and manual backups are all there.
      const days = new Set(kept.map((b) => new Date(b.takenAt).toDateString()));
      for (let d = 394; d <= 400; d++) expect(days.has(new Date(2025, 0, 6 + d).toDateString()), `day ${d}`).toBe(true);
      const oldest = Date.parse(kept.at(-1)!.takenAt);
      expect((c.now().getTime() - oldest) / DAY).toBeGreaterThan(300);
      const keptIds = new Set(kept.map((b) => b.id));
      for (const reason of ['project-delete', 'manual'])
        for (const b of newestFirst.filter((b) => b.reason === reason).slice(0, 10)) expect(keptIds.has(b.id), `${reason} ${b.id}`).toBe(true);
      // Every kept file is a sound database, and nothing else is left in the folder.
      const folder = (await call('backup.settings', {})).folder;
      expect(fs.readdirSync(folder).sort()).toEqual(kept.map((b) => `${b.id}.sqlite`).sort());
      const newest = readOnly(path.join(folder, `${kept[0]!.id}.sqlite`));
      expect(newest.pragma('integrity_check', { simple: true })).toBe('ok');
      newest.close();
    } finally {
      ws.close();
    }
  }, 180_000);

  it('keeps the last 10 rescue copies (made when the file vanished) however many daily and manual ones follow', () => {
    const now = new Date(2025, 5, 30, 12);
    const at = (day: number, minute: number) => new Date(2025, 5, day, 9, minute).toISOString();
    const rescues = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, takenAt: at(1, i), reason: 'rescue' as const }));
    const later = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, takenAt: at(2 + (i % 20), i), reason: i % 2 ? ('manual' as const) : ('daily' as const) }));
    const keep = keepByRotation([...rescues, ...later], now);
    expect(rescues.filter((b) => keep.has(b.id)).map((b) => b.id)).toEqual(['r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11']);
  });

  it('never drops a backup dated after now (a clock set back)', () => {
    const now = new Date(2025, 5, 1);
    const future = Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      takenAt: new Date(2025, 5, 2, 0, i).toISOString(),
      reason: 'import' as const,
    }));
    expect(keepByRotation(future, now).size).toBe(20);
  });

  it('backs up on the first call of each day, once', async () => {
    const c = clock(new Date(2025, 3, 1, 8, 0));
    const dir = tempDir();
    tempWorkspace(dir, { now: c.now }).close(); // creates the workspace: nothing to back up yet
    const ws = tempWorkspace(dir, { now: c.now });
    const call = inProcessCaller(ws);
    try {
      expect((await call('backup.list', {})).map((b) => b.reason)).toEqual(['daily']);
      c.add(3 * 3_600_000);
      await call('project.list', {});
      expect(await call('backup.list', {})).toHaveLength(1);
      c.add(DAY);
      await call('project.list', {});
      expect((await call('backup.list', {})).map((b) => b.reason)).toEqual(['daily', 'daily']);
    } finally {
      ws.close();
    }
  });

  it("a file over 16 MiB: the day's backup is written beside the workspace, which answers first, and it holds the data", async () => {
    const c = clock(new Date(2025, 3, 1, 8, 0));
    const dir = tempDir();
    const first = tempWorkspace(dir, { now: c.now });
    await seedProject(inProcessCaller(first), 'A');
    const state = snapshot(first.db.sqlite);
    first.close();
    growHistory(dir);
    expect(fs.statSync(path.join(dir, 'pmo-desk.sqlite')).size).toBeGreaterThan(16 * 1024 * 1024);
    c.add(DAY);
    const ws = tempWorkspace(dir, { now: c.now });
    const call = inProcessCaller(ws);
    try {
      // The start and its first answer did not wait for the copy (seconds on a 1 GB file).
      expect(await call('backup.list', {})).toEqual([]);
      await expect.poll(async () => (await call('backup.list', {})).map((b) => b.reason), { timeout: 60_000, interval: 50 }).toEqual(['daily']);
      const [daily] = await call('backup.list', {});
      const copy = new Database(path.join(dir, 'backups', `${daily!.id}.sqlite`), { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(snapshot(copy)).toBe(snapshot(ws.db.sqlite));
        expect(snapshot(copy)).not.toBe(state); // the grown history is in it too
      } finally {
        copy.close();
      }
      await call('project.list', {});
      expect(await call('backup.list', {})).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('backs up before an import only when no backup is under an hour old, or when the import deletes rows; the import is undone exactly either way', async () => {
    await buildReaderWorker();
    const c = clock(new Date(2025, 3, 1, 9, 0));
    const dir = tempDir();
    tempWorkspace(dir, { now: c.now }).close();
    const ws = tempWorkspace(dir, { now: c.now });
    const call = inProcessCaller(ws);
    try {
      const { id } = await call('project.create', { name: 'A' });
      const csv = (names: string[]) => Buffer.from(`WBS番号,タスク名\n${names.map((n, i) => `${i + 1},${n}`).join('\n')}\n`, 'utf8').toString('base64');
      const importCsv = async (names: string[], missing?: 'delete') => {
        const p = await call('excel.previewImport', { projectId: id, register: 'wbs', fileName: 'wbs.csv', dataBase64: csv(names) });
        await call('excel.applyImport', { previewId: p.previewId, ...(missing && { options: { missing } }) });
      };
      const reasons = async () => (await call('backup.list', {})).map((b) => b.reason);
      // (The rotation keeps the newest backup of a day, so an import's backup replaces the daily one.)
      const imports = async () => (await reasons()).filter((r) => r === 'import').length;
      expect(await reasons()).toEqual(['daily']);
      // The day's backup is 30 minutes old: the import is its own undo step, and no copy is made.
      c.add(30 * 60_000);
      const before = projectRows(ws.db.sqlite, id);
      await importCsv(['要件定義', '基本設計']);
      expect(await reasons()).toEqual(['daily']);
      await call('history.undo', { projectId: id });
      expect(projectRows(ws.db.sqlite, id)).toEqual(before);
      await call('history.redo', { projectId: id });
      // Over an hour since the last backup: one is made first.
      c.add(31 * 60_000);
      await importCsv(['要件定義', '基本設計', '詳細設計']);
      expect(await imports()).toBe(1);
      // An import that deletes the rows missing from the file is backed up, however recent the last backup.
      c.add(60_000);
      await importCsv(['要件定義'], 'delete');
      expect(await imports()).toBe(2);
      expect(await call('wbs.rows', { projectId: id }).then(tasksOfTable)).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('backs up before an import, a project delete and a restore, naming the reason', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const id = await seedProject(call, 'A');
      await call('project.delete', { id });
      const [b] = await call('backup.list', {});
      expect(b!.reason).toBe('project-delete');
      // The backup holds the project as it was just before the delete.
      const db = readOnly(path.join((await call('backup.settings', {})).folder, `${b!.id}.sqlite`));
      expect(db.prepare('SELECT count(*) FROM wbs_tasks WHERE project_id = ?').pluck().get(id)).toBe(4);
      db.close();
      // An invalid call makes no backup.
      await expect(call('project.delete', { id: -1 } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await call('backup.list', {})).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('moves migration backups older versions left next to the database into the rotation, and removes partial ones', async () => {
    const dir = tempDir();
    const ws = tempWorkspace(dir);
    await seedProject(inProcessCaller(ws), 'A');
    ws.db.sqlite.prepare('VACUUM INTO ?').run(path.join(dir, 'pmo-desk.sqlite.before-migration-20250401T090000.sqlite'));
    ws.close();
    // What a kill during the old VACUUM INTO left: the first pages of a copy, under the final name.
    const sound = path.join(dir, 'pmo-desk.sqlite.before-migration-20250401T090000.sqlite');
    const partial = path.join(dir, 'pmo-desk.sqlite.before-migration-20250402T090000.sqlite');
    fs.writeFileSync(partial, fs.readFileSync(sound).subarray(0, 8192));
    const again = tempWorkspace(dir);
    try {
      expect(fs.readdirSync(dir).filter((n) => n.includes('before-migration'))).toEqual([]);
      const migration = (await inProcessCaller(again)('backup.list', {})).filter((b) => b.reason === 'migration');
      expect(migration.map((b) => b.takenAt)).toEqual(['2025-04-01T09:00:00.000Z']);
    } finally {
      again.close();
    }
  });

  it('writes backups to a folder the user chooses, and refuses one it cannot write', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const elsewhere = path.join(tempDir('pmo-share-'), 'PMO backups');
      expect(await call('backup.setFolder', { folder: elsewhere })).toMatchObject({ folder: elsewhere });
      const b = await call('backup.create', {});
      expect(fs.existsSync(path.join(elsewhere, `${b.id}.sqlite`))).toBe(true);
      await expect(call('backup.setFolder', { folder: 'relative/path' })).rejects.toMatchObject({ code: 'VALIDATION' });
      const file = path.join(tempDir(), 'a-file');
      fs.writeFileSync(file, 'x');
      await expect(call('backup.setFolder', { folder: path.join(file, 'sub') })).rejects.toMatchObject({ code: 'CONFLICT' });
      // Back to the default.
      const reset = await call('backup.setFolder', { folder: null });
      expect(reset.folder).toBe(reset.defaultFolder);
      // The choice is kept outside the database (it must be known when the database is damaged).
      ws.close();
      const again = tempWorkspace(ws.dir);
      expect((await inProcessCaller(again)('backup.settings', {})).folder).toBe(path.join(ws.dir, 'backups'));
      again.close();
    } finally {
      ws.close();
    }
  });
});

describe('restore', () => {
  it('restores the whole workspace row for row, after backing up the current state', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const a = await seedProject(call, 'A');
      const b = await seedProject(call, 'B');
      await call('settings.set', { key: 'ui.language', value: 'en' });
      const backup = await call('backup.create', {});
      const before = snapshot(ws.db.sqlite);

      const tasks = await call('wbs.rows', { projectId: a }).then(tasksOfTable);
      await call('wbs.update', { id: tasks[1]!.id, patch: { name: '変更後' } });
      await call('project.delete', { id: b });
      await seedProject(call, 'C');

      const result = await call('backup.restore', { id: backup.id });
      expect(result.restored).toBe('workspace');
      expect(result.safetyBackup?.reason).toBe('restore');
      expect(snapshot(ws.db.sqlite)).toBe(before);
      expect((await call('project.list', {})).map((p) => p.name)).toEqual(['A', 'B']);
      // The state the restore replaced is in its safety backup.
      const safety = readOnly(path.join((await call('backup.settings', {})).folder, `${result.safetyBackup!.id}.sqlite`));
      expect(safety.prepare('SELECT name FROM projects ORDER BY name').pluck().all()).toEqual(['A', 'C']);
      safety.close();
      // The reopened workspace works: undo steps back through the restored history.
      await call('history.undo', { projectId: a });
      expect(await call('change.list', { projectId: a })).toHaveLength(0);
    } finally {
      ws.close();
    }
  });

  it('restores one project into the current workspace row for row, leaving the others as they are', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const a = await seedProject(call, 'A');
      const b = await seedProject(call, 'B');
      const backup = await call('backup.create', {});
      const folder = (await call('backup.settings', {})).folder;
      const source = readOnly(path.join(folder, `${backup.id}.sqlite`));
      const aInBackup = projectRows(source, a);
      source.close();

      // Change both projects afterwards.
      const tasks = await call('wbs.rows', { projectId: a }).then(tasksOfTable);
      await call('wbs.update', { id: tasks[2]!.id, patch: { progress: 100, status: 'done' } });
      await call('wbs.delete', { id: tasks[0]!.id });
      await call('risk.create', { projectId: a, values: { title: '追加リスク' } });
      await call('issue.create', { projectId: b, values: { title: 'B の新しい課題' } });
      const bNow = projectRows(ws.db.sqlite, b);

      const result = await call('backup.restore', { id: backup.id, projectId: a });
      expect(result).toMatchObject({ restored: 'project', safetyBackup: { reason: 'restore' } });
      expect(projectRows(ws.db.sqlite, a)).toEqual(aInBackup);
      expect(projectRows(ws.db.sqlite, b)).toEqual(bNow);
      expect(ws.db.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(ws.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      // Undo now steps through the backup's history of A: the last step there was the change's creation.
      expect(await call('history.state', { projectId: a })).toMatchObject({ canUndo: true, undoLabel: 'change.create' });
    } finally {
      ws.close();
    }
  });

  it('brings back a deleted project from a backup', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const a = await seedProject(call, 'A');
      await seedProject(call, 'B');
      await call('project.delete', { id: a });
      // The backup taken before the delete holds A.
      const [before] = await call('backup.list', {});
      expect(before!.reason).toBe('project-delete');
      const source = readOnly(path.join((await call('backup.settings', {})).folder, `${before!.id}.sqlite`));
      const aInBackup = projectRows(source, a);
      source.close();
      await call('backup.restore', { id: before!.id, projectId: a });
      expect(projectRows(ws.db.sqlite, a)).toEqual(aInBackup);
      expect((await call('project.list', {})).map((p) => p.name)).toEqual(['A', 'B']);
      await expect(call('backup.restore', { id: before!.id, projectId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      ws.close();
    }
  });

  it('refuses an unknown backup id and one that is not a name', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      await expect(call('backup.restore', { id: 'pmo-desk-00000000-20250101T000000000Z-manual' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(call('backup.restore', { id: '../../etc/passwd' })).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      ws.close();
    }
  });

  it('refuses to restore a damaged backup', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      await seedProject(call, 'A');
      const backup = await call('backup.create', {});
      const file = path.join((await call('backup.settings', {})).folder, `${backup.id}.sqlite`);
      const size = fs.statSync(file).size;
      fs.truncateSync(file, Math.floor(size / 2 / 4096) * 4096);
      const err = await call('backup.restore', { id: backup.id }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'CONFLICT' });
      expect((await call('project.list', {})).map((p) => p.name)).toEqual(['A']);
    } finally {
      ws.close();
    }
  });
});
