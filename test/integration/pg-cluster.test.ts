// The throw-away PostgreSQL cluster every PostgreSQL test stands on: it starts, answers over TCP and over
// the socket in its own folder, makes databases, and leaves nothing behind when stopped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PG_SKIP, startPgCluster, sweepOrphanClusters, type PgCluster } from '../helpers/pg-cluster.js';
import { ROOT } from '../helpers/workspace.js';

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

  it("is stopped and removed by the next run when its test process was killed, and a live process's cluster is left alone", async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./test/helpers/pg-cluster.ts').then(async (m) => { const c = await m.startPgCluster(); console.log(c.dir + ' ' + c.port); setInterval(() => {}, 1000); })"],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    const [dir, port] = line.split(' ');
    child.kill('SIGKILL'); // no exit handler runs: the server and the folder stay
    await new Promise((resolve) => child.once('exit', resolve));
    const answers = () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1');
        s.on('connect', () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      });
    expect(fs.existsSync(dir!)).toBe(true);
    expect(await answers()).toBe(true);

    sweepOrphanClusters();
    expect(fs.existsSync(dir!)).toBe(false);
    expect(await answers()).toBe(false);
    expect(fs.existsSync(cluster.dir)).toBe(true);
    const c = new pg.Client(cluster.config);
    await c.connect();
    await c.end();
  });
});
