import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, DatabaseOpenError } from '../../electron/core/db/open.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

/** A copy of the real migrations plus one more, as a later release would ship it. */
function migrationsWithExtra(sql: string): string {
  const dir = path.join(tempDir('pmo-mig-'), 'migrations');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries.at(-1);
  const tag = `${String(last.idx + 1).padStart(4, '0')}_extra`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(dir, `${tag}.sql`), sql);
  return dir;
}

function seed(file: string) {
  const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
  db.sqlite.prepare("INSERT INTO projects (name) VALUES ('P')").run();
  const pid = db.sqlite.prepare('SELECT id FROM projects').pluck().get();
  const ins = db.sqlite.prepare("INSERT INTO wbs_tasks (project_id, position, name) VALUES (?, ?, 't')");
  for (let i = 0; i < 5; i++) ins.run(pid, i);
  db.close();
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'w.sqlite'), { migrationsFolder: MIGRATIONS });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    for (const t of ['projects', 'wbs_tasks', 'risks', 'issues', 'changes', 'meetings', 'audit_log', 'excel_profiles'])
      expect(tables).toContain(t);
    for (const t of ['projects', 'wbs_tasks', 'risks', 'issues', 'changes', 'meetings']) {
      const cols = db.sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[];
      expect(cols.map((c) => c.name), t).toContain('extra');
    }
    db.close();
  });

  it('makes no backup for a new file and none when nothing is pending', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.sqlite');
    openDatabase(file, { migrationsFolder: MIGRATIONS }).close();
    openDatabase(file, { migrationsFolder: MIGRATIONS }).close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('backs up before applying a pending migration, keeping child rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.sqlite');
    seed(file);
    // A table rebuild, the shape drizzle-kit writes for many column changes: it would
    // cascade-delete every wbs_tasks row if foreign keys were still on.
    const migrations = migrationsWithExtra(
      [
        `CREATE TABLE __new_projects (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name text NOT NULL, code text DEFAULT '' NOT NULL,
          description text DEFAULT '' NOT NULL, extra text DEFAULT '{}' NOT NULL, created_at text NOT NULL, updated_at text NOT NULL, phase text)`,
        'INSERT INTO __new_projects (id, name, code, description, extra, created_at, updated_at) SELECT id, name, code, description, extra, created_at, updated_at FROM projects',
        'DROP TABLE projects',
        'ALTER TABLE __new_projects RENAME TO projects',
      ].join(';\n--> statement-breakpoint\n'),
    );
    const db = openDatabase(file, { migrationsFolder: migrations });
    expect(db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(5);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pmo-desk-00000000-\d{8}T\d{9}Z-migration\.sqlite$/);
    const copy = openDatabase(path.join(dir, 'backups', backups[0]!), { migrationsFolder: MIGRATIONS });
    expect(copy.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(5);
    copy.close();
  });

  it('restores the previous file when a migration fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.sqlite');
    seed(file);
    const migrations = migrationsWithExtra('DELETE FROM wbs_tasks;\n--> statement-breakpoint\nSELECT * FROM no_such_table;');
    expect(() => openDatabase(file, { migrationsFolder: migrations })).toThrow(/migration failed and the previous file was restored/);
    const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
    expect(db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(5);
    db.close();
  });

  it('refuses a migration that loses rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.sqlite');
    seed(file);
    const migrations = migrationsWithExtra('DELETE FROM wbs_tasks WHERE id > 2;');
    expect(() => openDatabase(file, { migrationsFolder: migrations })).toThrow(/wbs_tasks lost rows \(5 → 2\)/);
    const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
    expect(db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(5);
    db.close();
  });

  it('refuses a file that is not a database with a message naming it', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    let err: unknown;
    try {
      openDatabase(file, { migrationsFolder: MIGRATIONS });
    } catch (e) {
      err = e;
    }
    expect(String((err as Error).message)).toContain(file);
  });

  it('refuses a damaged database at open', () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    seed(file);
    // Overwrite the middle of the file (past the header): pages of the tables, not the header.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    expect(() => openDatabase(file, { migrationsFolder: MIGRATIONS })).toThrow(DatabaseOpenError);
  });
});
