// A test per migration: a workspace file left at each migration, with rows in every table it has, is
// migrated to the head and must keep every row (each column it had, as it was; a column added since
// holds its default), pass foreign_key_check and integrity_check, and refuse what its constraints
// refuse (a missing parent, a NOT NULL column left empty, a duplicate under a unique index). The old
// files are built from the migrations themselves: the journal cut after migration k, a file opened on
// it, rows written, then the file opened on the full folder as the app does. No binary fixture, and a
// migration added later is covered by the same loop.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

interface JournalEntry {
  idx: number;
  tag: string;
}
const JOURNAL: { entries: JournalEntry[] } = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));

/** A copy of the migrations that stops after entry `last` (inclusive). */
function migrationsUpTo(last: number): string {
  const dir = path.join(tempDir('pmo-mig-'), 'migrations');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const file = path.join(dir, 'meta/_journal.json');
  fs.writeFileSync(file, JSON.stringify({ ...JOURNAL, entries: JOURNAL.entries.slice(0, last + 1) }));
  return dir;
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables that hold rows of their own: no virtual table, none of their shadow tables, no bookkeeping. */
function dataTables(sqlite: Database.Database): string[] {
  const all = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .map((t) => t.name)
    .filter((n) => !n.startsWith('sqlite_') && n !== '__drizzle_migrations')
    .filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

const columnsOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`PRAGMA table_info(${q(table)})`).all() as Column[];
const foreignKeysOf = (sqlite: Database.Database, table: string) => sqlite.prepare(`PRAGMA foreign_key_list(${q(table)})`).all() as ForeignKey[];

/** Parents before children (a table's reference to itself aside). */
function inDependencyOrder(sqlite: Database.Database, tables: string[]): string[] {
  const out: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (out.includes(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys in a cycle: ${[...path, t].join(' → ')}`);
    for (const fk of foreignKeysOf(sqlite, t)) if (fk.table !== t && tables.includes(fk.table)) visit(fk.table, [...path, t]);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

const ROWS_PER_TABLE = 3;

/**
 * Writes ROWS_PER_TABLE rows into every data table: each column a value of its type that names its
 * table, column and row (so a column moved into another shows), each reference the parent's row of the
 * same number (so a unique index over a reference holds), a reference to its own table the row before.
 * Answers the rowids written per table.
 */
function fill(sqlite: Database.Database): Map<string, number[]> {
  const written = new Map<string, number[]>();
  // The value a reference takes: the parent's column it names (its rowid, or a text key such as a batch id).
  const keyOf = (parent: string, fk: ForeignKey, rowid: number) =>
    sqlite.prepare(`SELECT ${fk.to ? q(fk.to) : 'rowid'} FROM ${q(parent)} WHERE rowid = ?`).pluck().get(rowid);
  for (const table of inDependencyOrder(sqlite, dataTables(sqlite))) {
    const columns = columnsOf(sqlite, table);
    const fks = foreignKeysOf(sqlite, table);
    const ids: number[] = [];
    for (let i = 0; i < ROWS_PER_TABLE; i++) {
      const names: string[] = [];
      const values: unknown[] = [];
      for (const c of columns) {
        const fk = fks.find((f) => f.from === c.name);
        if (c.pk === 1 && /^integer$/i.test(c.type) && !fk) continue; // the rowid: SQLite numbers it
        let value: unknown;
        if (fk && fk.table === table) value = i === 0 ? null : keyOf(table, fk, ids[i - 1]!);
        else if (fk) value = keyOf(fk.table, fk, written.get(fk.table)![i]!);
        else if (/int/i.test(c.type)) value = i + 1;
        else if (/real|floa|doub/i.test(c.type)) value = i + 0.5;
        else if (/blob/i.test(c.type)) value = Buffer.from(`${table}.${c.name}#${i}`);
        else value = `${table}.${c.name}#${i}`;
        if (value === null && c.notnull) continue;
        names.push(q(c.name));
        values.push(value);
      }
      const sql = `INSERT INTO ${q(table)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
      let r: Database.RunResult;
      try {
        r = sqlite.prepare(sql).run(...values);
      } catch (err) {
        throw new Error(`${sql} ${JSON.stringify(values)}: ${(err as Error).message}`);
      }
      ids.push(Number(r.lastInsertRowid));
    }
    written.set(table, ids);
  }
  return written;
}

type Rows = Map<string, Record<string, unknown>[]>;

function snapshot(sqlite: Database.Database): Rows {
  return new Map(dataTables(sqlite).map((t) => [t, sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${q(t)} ORDER BY rowid`).all() as Record<string, unknown>[]]));
}

/** The value a column's declared default gives (null without one). */
function defaultOf(sqlite: Database.Database, c: Column): unknown {
  return c.dflt_value === null ? null : sqlite.prepare(`SELECT ${c.dflt_value}`).pluck().get();
}

/**
 * Writes that break a constraint, tried on a row of each table (each rolled back): `accepted` lists
 * those that went through, `tried` all of them.
 */
function probeConstraints(sqlite: Database.Database): { tried: string[]; accepted: string[] } {
  const tried: string[] = [];
  const accepted: string[] = [];
  const attempt = (what: string, statement: string, params: unknown[]) => {
    tried.push(what);
    sqlite.exec('SAVEPOINT probe');
    try {
      sqlite.prepare(statement).run(...params);
      accepted.push(what);
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw err;
    } finally {
      sqlite.exec('ROLLBACK TO probe; RELEASE probe');
    }
  };
  for (const table of dataTables(sqlite)) {
    const row = sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${q(table)} LIMIT 1`).get() as Record<string, unknown> | undefined;
    if (!row) continue;
    for (const fk of foreignKeysOf(sqlite, table))
      attempt(`${table}.${fk.from} → ${fk.table} (missing parent)`, `UPDATE ${q(table)} SET ${q(fk.from)} = ? WHERE rowid = ?`, [987_654_321, row.__rowid]);
    for (const c of columnsOf(sqlite, table))
      if (c.notnull && !c.pk) attempt(`${table}.${c.name} NOT NULL`, `UPDATE ${q(table)} SET ${q(c.name)} = NULL WHERE rowid = ?`, [row.__rowid]);
    const uniques = (sqlite.prepare(`PRAGMA index_list(${q(table)})`).all() as { name: string; unique: number; partial: number }[]).filter(
      (ix) => ix.unique && !ix.partial,
    );
    for (const ix of uniques) {
      const cols = (sqlite.prepare(`PRAGMA index_info(${q(ix.name)})`).all() as { name: string | null }[]).map((c) => c.name);
      if (cols.some((c) => c === null)) continue; // an index on an expression
      const other = sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${q(table)} WHERE rowid <> ? LIMIT 1`).get(row.__rowid) as Record<string, unknown> | undefined;
      if (!other) continue;
      attempt(
        `${table} unique ${ix.name}`,
        `UPDATE ${q(table)} SET ${cols.map((c) => `${q(c!)} = ?`).join(', ')} WHERE rowid = ?`,
        [...cols.map((c) => row[c!]), other.__rowid],
      );
    }
  }
  return { tried, accepted };
}

describe('migrations: a file at each one, with data, migrated to the head', () => {
  const head = JOURNAL.entries.length - 1;

  for (const entry of JOURNAL.entries.slice(0, head)) {
    it(`from ${entry.tag}: every row kept, constraints hold`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'w.sqlite');
      const old = openDatabase(file, { migrationsFolder: migrationsUpTo(entry.idx) });
      const written = fill(old.sqlite);
      const before = snapshot(old.sqlite);
      const oldColumns = new Map([...before.keys()].map((t) => [t, columnsOf(old.sqlite, t).map((c) => c.name)]));
      old.close();
      for (const [t, ids] of written) expect(ids, t).toHaveLength(ROWS_PER_TABLE);

      const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
      try {
        const applied = db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
        expect(applied).toBe(JOURNAL.entries.length);
        expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
        expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

        const after = snapshot(db.sqlite);
        for (const [table, rows] of before) {
          const now = after.get(table);
          expect(now, `${table} is still there`).toBeDefined();
          const columns = columnsOf(db.sqlite, table);
          const added = columns.filter((c) => !oldColumns.get(table)!.includes(c.name));
          expect(now!.map((r) => r.__rowid), table).toEqual(rows.map((r) => r.__rowid));
          for (const [i, row] of rows.entries()) {
            const kept = Object.fromEntries(Object.keys(row).filter((k) => columns.some((c) => c.name === k) || k === '__rowid').map((k) => [k, now![i]![k]]));
            expect(kept, `${table} row ${String(row.__rowid)}`).toEqual(Object.fromEntries(Object.keys(kept).map((k) => [k, row[k]])));
            for (const c of added) expect(now![i]![c.name], `${table}.${c.name}, added since ${entry.tag}`).toEqual(defaultOf(db.sqlite, c));
          }
        }
        // No column of the old file was lost (a migration that drops one has to say so here).
        for (const [table, names] of oldColumns) {
          const now = columnsOf(db.sqlite, table).map((c) => c.name);
          expect(names.filter((n) => !now.includes(n)), `columns of ${table} dropped`).toEqual([]);
        }
        expect(probeConstraints(db.sqlite).accepted).toEqual([]);
      } finally {
        db.close();
      }
    });
  }

  it('the probes see what they are for: each kind of constraint is tried, and one that no longer holds is reported', () => {
    const db = openDatabase(path.join(tempDir(), 'w.sqlite'), { migrationsFolder: MIGRATIONS });
    try {
      fill(db.sqlite);
      const head = probeConstraints(db.sqlite);
      expect(head.accepted).toEqual([]);
      expect(head.tried).toContain('wbs_tasks.project_id → projects (missing parent)');
      expect(head.tried).toContain('wbs_tasks.name NOT NULL');
      expect(head.tried).toContain('vocabularies unique vocabularies_project_list_code');
      db.sqlite.pragma('foreign_keys = OFF');
      const off = probeConstraints(db.sqlite);
      expect(off.accepted).toContain('wbs_tasks.project_id → projects (missing parent)');
      expect(off.accepted.every((l) => l.endsWith('(missing parent)'))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('0005 indexes for search the rows a file from before it holds', () => {
    // The one migration that writes rows from others: search_text gets a row per WBS task, risk,
    // issue, change and meeting the file held (the app indexes them anew after 0007; the rows must be there).
    const at = JOURNAL.entries.findIndex((e) => e.tag.endsWith('_search_index'));
    const file = path.join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(at - 1) });
    const written = fill(old.sqlite);
    old.close();
    const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
    try {
      const indexed = db.sqlite.prepare('SELECT kind, row_id FROM search_text ORDER BY kind, row_id').all() as { kind: string; row_id: number }[];
      const expected = [
        ['change', 'changes'],
        ['issue', 'issues'],
        ['meeting', 'meetings'],
        ['risk', 'risks'],
        ['wbs_task', 'wbs_tasks'],
      ].flatMap(([kind, table]) => written.get(table!)!.map((id) => ({ kind: kind!, row_id: id })));
      expect(indexed).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
