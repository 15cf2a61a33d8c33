// The data-access seam over better-sqlite3, on a real SQLite file: what every Sql method answers, that a
// throw rolls a transaction back whole, and that a nested tx is a savepoint (the PostgreSQL bridge of
// team mode must answer the same; see electron/core/db/sql.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteSql, type Sql } from '../../electron/core/db/sql.js';
import { tempDir } from '../helpers/workspace.js';

let dir: string;
let connection: Database.Database;
let sql: Sql;

beforeEach(() => {
  dir = tempDir('pmo-sql-');
  connection = new Database(path.join(dir, 'seam.db'));
  connection.pragma('journal_mode = WAL');
  connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER)');
  sql = sqliteSql(connection);
});

afterEach(() => {
  connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const names = () => sql.values<[string]>('SELECT name FROM t ORDER BY id').map((r) => r[0]);

describe('Sql over better-sqlite3', () => {
  it('runs, reads rows as objects and as arrays, and answers changes and the new id', () => {
    expect(sql.run('INSERT INTO t (name, n) VALUES (?, ?)', ['a', 1])).toEqual({ changes: 1, lastId: 1 });
    expect(sql.run('INSERT INTO t (name, n) VALUES (?, ?)', ['b', null])).toEqual({ changes: 1, lastId: 2 });
    expect(sql.all<{ id: number; name: string; n: number | null }>('SELECT id, name, n FROM t ORDER BY id')).toEqual([
      { id: 1, name: 'a', n: 1 },
      { id: 2, name: 'b', n: null },
    ]);
    expect(sql.values<[string, number]>('SELECT name, id FROM t ORDER BY id DESC')).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(sql.get<{ name: string }>('SELECT name FROM t WHERE id = ?', [2])).toEqual({ name: 'b' });
    expect(sql.get('SELECT name FROM t WHERE id = ?', [9])).toBeUndefined();
    expect(sql.run('UPDATE t SET n = ? WHERE n IS NULL OR n < ?', [5, 3]).changes).toBe(2);
  });

  it('keeps one statement per SQL text, and the same text read as objects and as arrays does not mix', () => {
    sql.run('INSERT INTO t (name) VALUES (?)', ['a']);
    const text = 'SELECT id, name FROM t';
    expect(sql.values(text)).toEqual([[1, 'a']]);
    expect(sql.all(text)).toEqual([{ id: 1, name: 'a' }]);
    expect(sql.values(text)).toEqual([[1, 'a']]);
    expect(sql.get(text)).toEqual({ id: 1, name: 'a' });
  });

  it('runs a write given to send at once, throwing its failure there (the bridge sends it with the next statement)', () => {
    sql.tx(() => {
      sql.send('INSERT INTO t (name, n) VALUES (?, ?)', ['a', 1]);
      expect(names()).toEqual(['a']);
      expect(() => sql.send('INSERT INTO t (name) VALUES (?)', ['a'])).toThrow(/UNIQUE/);
    });
    sql.send('INSERT INTO t (name) VALUES (?)', ['b']);
    expect(names()).toEqual(['a', 'b']);
  });

  it('reads a read given to later at once, inside the transaction (the bridge sends it with the COMMIT)', () => {
    const rows = sql.tx(() => {
      sql.send('INSERT INTO t (name, n) VALUES (?, ?)', ['a', 1]);
      const read = sql.later<{ name: string }>('SELECT name FROM t');
      sql.send('INSERT INTO t (name) VALUES (?)', ['b']);
      return read;
    });
    expect(rows()).toEqual([{ name: 'a' }]);
  });

  it('commits a transaction and answers what its function answers', () => {
    const answer = sql.tx(() => {
      sql.run('INSERT INTO t (name) VALUES (?)', ['a']);
      sql.run('INSERT INTO t (name) VALUES (?)', ['b']);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(names()).toEqual(['a', 'b']);
    expect(connection.inTransaction).toBe(false);
  });

  it('rolls the whole transaction back when its function throws, and rethrows', () => {
    sql.run('INSERT INTO t (name) VALUES (?)', ['kept']);
    expect(() =>
      sql.tx(() => {
        sql.run('INSERT INTO t (name) VALUES (?)', ['gone']);
        sql.run('UPDATE t SET n = 7');
        sql.run('INSERT INTO t (name) VALUES (?)', ['kept']); // UNIQUE: throws
      }),
    ).toThrow(/UNIQUE/);
    expect(names()).toEqual(['kept']);
    expect(sql.get<{ n: number | null }>('SELECT n FROM t')).toEqual({ n: null });
    expect(connection.inTransaction).toBe(false);
  });

  it('makes a nested tx a savepoint: an inner throw caught outside undoes only the inner part', () => {
    sql.tx(() => {
      sql.run('INSERT INTO t (name) VALUES (?)', ['outer']);
      expect(() =>
        sql.tx(() => {
          sql.run('INSERT INTO t (name) VALUES (?)', ['inner']);
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
      sql.tx(() => sql.run('INSERT INTO t (name) VALUES (?)', ['inner ok']));
      sql.run('INSERT INTO t (name) VALUES (?)', ['outer again']);
    });
    expect(names()).toEqual(['outer', 'inner ok', 'outer again']);
  });

  it('rolls a committed savepoint back with its outer transaction', () => {
    expect(() =>
      sql.tx(() => {
        sql.tx(() => sql.run('INSERT INTO t (name) VALUES (?)', ['inner']));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(names()).toEqual([]);
  });

  it('takes the write lock at the start: a second connection cannot write until it ends', () => {
    const other = new Database(path.join(dir, 'seam.db'), { timeout: 0 });
    try {
      sql.tx(() => {
        expect(() => other.prepare('INSERT INTO t (name) VALUES (?)').run('other')).toThrow(/locked|busy/i);
      });
      other.prepare('INSERT INTO t (name) VALUES (?)').run('other');
      expect(names()).toEqual(['other']);
    } finally {
      other.close();
    }
  });

  it('reads on one snapshot: a write another connection commits meanwhile is seen only after it, and no writer waits', () => {
    sql.run('INSERT INTO t (name) VALUES (?)', ['before']);
    const other = new Database(path.join(dir, 'seam.db'), { timeout: 0 });
    try {
      const seen = sql.read(() => {
        const first = names();
        other.prepare('INSERT INTO t (name) VALUES (?)').run('meanwhile');
        return [first, names()];
      });
      expect(seen).toEqual([['before'], ['before']]);
      expect(names()).toEqual(['before', 'meanwhile']);
    } finally {
      other.close();
    }
  });

  it('refuses an asynchronous transaction function', () => {
    expect(() => sql.tx((async () => sql.run('INSERT INTO t (name) VALUES (?)', ['a'])) as () => unknown)).toThrow();
    expect(connection.inTransaction).toBe(false);
  });
});
