// Review S4 (after 542af94, named prepared statements): a colleague's newer PMO Desk adds a column, and
// every named statement selecting `*` from that table fails as prepared (0A000). An edit reading with
// several of them failed once per statement, attempt after attempt (its transaction ends at the first
// failure, so only that one was forgotten): now the first failure makes every statement anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPgSql } from '../../electron/core/db/pg-sync.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

describe.skipIf(PG_SKIP)('named statements after a colleague adds a column', () => {
  let cluster: PgCluster;
  let admin: pg.Client;
  beforeAll(async () => {
    cluster = await startPgCluster();
    admin = new pg.Client(cluster.config);
    await admin.connect();
    await admin.query('CREATE TABLE t (id integer PRIMARY KEY, name text, n integer)');
    await admin.query("INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2)");
  });
  afterAll(async () => {
    await admin?.end();
    await cluster?.stop();
  });

  it('an edit reading three rows with SELECT * fails once after the column is added, not once per statement', async () => {
    const sql = openPgSql(cluster.config);
    const edit = () =>
      sql.tx(() => {
        sql.get('SELECT * FROM t WHERE id = ?', [1]);
        sql.all('SELECT t.*, 1 AS x FROM t WHERE n = ?', [2]);
        sql.all('SELECT * FROM t WHERE name = ?', ['a']);
        sql.run('UPDATE t SET n = n + 1 WHERE id = ?', [1]);
      });
    edit();
    edit(); // every statement now named and prepared
    await admin.query('ALTER TABLE t ADD COLUMN z integer'); // a colleague's newer version migrates
    const failures: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        edit();
        break;
      } catch (e) {
        failures.push((e as { code?: string }).code ?? String(e));
      }
    }
    expect(failures).toEqual(['0A000']);
    // Named again from their second use, as the new rows: the column added is read.
    for (let i = 0; i < 3; i++) edit();
    expect(sql.get('SELECT * FROM t WHERE id = ?', [1])).toMatchObject({ id: 1, n: 7, z: null });
    sql.close();
  });
});
