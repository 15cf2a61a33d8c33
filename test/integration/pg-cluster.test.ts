// The throw-away PostgreSQL cluster every PostgreSQL test stands on: it starts, answers over TCP and over
// the socket in its own folder, makes databases, and leaves nothing behind when stopped.
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

describe.skipIf(PG_SKIP)('throw-away PostgreSQL cluster', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers over TCP on 127.0.0.1 and over the unix socket in its temp folder', async () => {
    const tcp = new pg.Client(cluster.config);
    await tcp.connect();
    const { rows } = await tcp.query<{ db: string; who: string; addr: string | null }>(
      'SELECT current_database() AS db, current_user AS who, inet_server_addr()::text AS addr',
    );
    await tcp.end();
    expect(rows[0]).toEqual({ db: cluster.database, who: cluster.user, addr: '127.0.0.1/32' });

    expect(fs.existsSync(`${cluster.dir}/.s.PGSQL.${cluster.port}`)).toBe(true);
    const sock = new pg.Client({ ...cluster.config, host: cluster.dir });
    await sock.connect();
    const r = await sock.query<{ addr: string | null }>('SELECT inet_server_addr()::text AS addr');
    await sock.end();
    expect(r.rows[0]!.addr).toBeNull(); // a unix-socket connection has no server address
  });

  it('makes separate empty databases', async () => {
    const other = await cluster.createDatabase('pmo_other');
    const c = new pg.Client(other);
    await c.connect();
    await c.query('CREATE TABLE t (x integer)');
    await c.end();
    const main = new pg.Client(cluster.config);
    await main.connect();
    const { rows } = await main.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'");
    await main.end();
    expect(rows[0].n).toBe(0);
  });

  it('is gone after stop: no server on its port, no folder', async () => {
    const c = await startPgCluster();
    const { dir, port } = c;
    await c.stop();
    expect(fs.existsSync(dir)).toBe(false);
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => (s.destroy(), resolve(false)));
      s.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
