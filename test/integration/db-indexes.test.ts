// Migration tests for the indexes: every foreign key has an index that serves it (a cascade or a
// lookup by the referencing column is then a seek, not a scan of the table), and a file made before
// the index migration gains them with its rows kept.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

interface ForeignKey {
  table: string;
  from: string;
}

function foreignKeys(db: ReturnType<typeof openDatabase>): ForeignKey[] {
  const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string }[]).map((fk) => ({ table, from: fk.from })),
  );
}

/** An index serves a foreign key when the key's column leads it (the integer primary key counts too). */
function servedBy(db: ReturnType<typeof openDatabase>, fk: ForeignKey): string | undefined {
  const pk = (db.sqlite.prepare(`PRAGMA table_info("${fk.table}")`).all() as { name: string; pk: number }[]).find((c) => c.pk === 1);
  if (pk?.name === fk.from) return 'rowid';
  const indexes = db.sqlite.prepare(`PRAGMA index_list("${fk.table}")`).all() as { name: string }[];
  return indexes.find((ix) => (db.sqlite.prepare(`PRAGMA index_info("${ix.name}")`).all() as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name === fk.from)?.name;
}

/** The migrations folder cut after `count` migrations: the file an older release left behind. */
function firstMigrations(count: number): string {
  const dir = path.join(tempDir('pmo-mig-'), 'migrations');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('indexes', () => {
  it('every foreign key has an index whose first column is the key', () => {
    const db = openDatabase(path.join(tempDir(), 'w.sqlite'), { migrationsFolder: MIGRATIONS });
    const fks = foreignKeys(db);
    expect(fks.map((f) => `${f.table}.${f.from}`)).toContain('wbs_tasks.parent_id');
    const unserved = fks.filter((fk) => !servedBy(db, fk)).map((f) => `${f.table}.${f.from}`);
    expect(unserved).toEqual([]);
    db.close();
  });

  it('a file from before the index migration gains the indexes and keeps its rows', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrationsFolder: firstMigrations(2) });
    old.sqlite.prepare("INSERT INTO projects (name) VALUES ('P')").run();
    const ins = old.sqlite.prepare("INSERT INTO wbs_tasks (project_id, parent_id, position, name) VALUES (1, ?, ?, 't')");
    const root = Number(ins.run(null, 0).lastInsertRowid);
    for (let i = 0; i < 5; i++) ins.run(root, i);
    old.sqlite.prepare("INSERT INTO batches (id, at, who, label, project_id) VALUES ('b1', 'now', 'u', 'wbs.create', 1)").run();
    old.sqlite.prepare("INSERT INTO audit_log (batch_id, at, who, entity, entity_id, action) VALUES ('b1', 'now', 'u', 'wbs_task', ?, 'create')").run(root);
    expect(servedBy(old, { table: 'wbs_tasks', from: 'parent_id' })).toBeUndefined();
    old.close();

    const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
    expect(servedBy(db, { table: 'wbs_tasks', from: 'parent_id' })).toBe('wbs_tasks_parent');
    expect(servedBy(db, { table: 'audit_log', from: 'batch_id' })).toBe('audit_batch_entity');
    const indexes = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'batches'").pluck().all();
    expect(indexes).toContain('batches_project_stack');
    expect(db.sqlite.prepare('SELECT count(*) FROM wbs_tasks WHERE parent_id = ?').pluck().get(root)).toBe(5);
    expect(db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    // The cascade still works through the new index.
    db.sqlite.prepare('DELETE FROM wbs_tasks WHERE id = ?').run(root);
    expect(db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(0);
    db.close();
  });
});
