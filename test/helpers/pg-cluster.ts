// A throw-away PostgreSQL cluster for tests and the bench: initdb into a temp folder, pg_ctl start on a
// free port (TCP on 127.0.0.1 and the unix socket inside the same temp folder), a fresh database, stopped
// and removed at the end. No server outside the test is ever used or touched.
//
// The binaries come from `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin. Where there are
// none, `PG_SKIP` says why and the PostgreSQL tests skip with that sentence; under CI (`CI` or
// `PMO_REQUIRE_PG` set, as .ci/run does after installing Debian's postgresql) a missing binary is an error
// instead, so CI can never pass by skipping them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { makeCa, makeServerCert, type TestCa } from './tls-certs.js';
import type { TeamDatabase } from '../../electron/common/dto.js';

function findBinDir(): string | null {
  const hasServer = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dir && hasServer(dir)) return dir;
  } catch {
    // no pg_config on PATH (Debian ships it in libpq-dev, not with the server): look where Debian puts it
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (hasServer(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  return null;
}

export const PG_BIN = findBinDir();
const REQUIRED = Boolean(process.env.CI || process.env.PMO_REQUIRE_PG);
if (!PG_BIN && REQUIRED) {
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found, and CI requires the PostgreSQL tests: install Debian\'s postgresql (.ci/run does)');
}
/** Why the PostgreSQL tests skip here, or null when they run. For `describe.skipIf(PG_SKIP)`. */
export const PG_SKIP: string | null = PG_BIN
  ? null
  : 'PostgreSQL tests skipped: no initdb/pg_ctl (pg_config --bindir, /usr/lib/postgresql/*/bin); apt-get install postgresql to run them';
if (PG_SKIP) console.warn(PG_SKIP);

export interface PgCluster {
  /** Temp folder holding the data directory, the socket and the server log. */
  dir: string;
  port: number;
  /** The superuser the tests connect as (trust authentication, local connections only). */
  user: string;
  database: string;
  /** node-postgres settings for the test database over TCP on 127.0.0.1 (what a LAN client does). */
  config: pg.ClientConfig;
  /** With `tls`: the CA that signed the server's certificate (its certFile is a client's CA file). */
  ca?: TestCa;
  /** Another empty database in the same cluster. */
  createDatabase(name: string): Promise<pg.ClientConfig>;
  /** Stops the server as a crash or a power cut would, keeping its data (the server down, for clients). */
  halt(): void;
  /** Starts a halted server again on the same port, with its data. */
  restart(): void;
  stop(): Promise<void>;
}

// initdb and the postmaster refuse to run as root (a compromised server must not own the machine). CI runs
// as root, so there the server runs as an unprivileged account through `runuser` (util-linux): `postgres`,
// which Debian's package creates, else `nobody`. The temp folder is chowned to it; root, the client, can
// still reach the socket and the log.
function serverAccount(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status === 0 && g.status === 0) return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  throw new Error('running as root and neither a postgres nor a nobody account exists to run the test PostgreSQL server');
}

function run(bin: string, args: string[], account: { name: string } | null): void {
  const file = path.join(PG_BIN!, bin);
  const [cmd, argv] = account ? ['runuser', ['-u', account.name, '--', file, ...args]] : [file, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set<() => void>();
// A test file that throws past its afterAll still leaves no server behind when its process exits.
process.once('exit', () => {
  for (const stop of running) stop();
});

export interface PgClusterOptions {
  /**
   * Keep fsync and synchronous commit as a production server has them (the bench). Tests run without
   * (fsync=off): nothing they check depends on surviving a power cut, and it spares the shared disk.
   */
  durable?: boolean;
  /**
   * TLS as an office server has it: ssl=on with a certificate for 127.0.0.1 signed by a CA made here
   * (tls-certs.ts), and TCP logins only over TLS with a password (scram-sha-256); the unix socket in
   * the temp folder stays trust, for the tests' own set-up. `config` then carries the CA and no password:
   * roles with passwords are made by the test.
   */
  tls?: boolean;
}

const OWNER_FILE = 'owner.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clusters whose test process is gone: a killed run (SIGKILL, a stopped vitest) runs no exit handler, and
 * its server (detached by pg_ctl) and folder stay — 1–1.5 GB each, enough to fill a disk over a day. The
 * first start in a process stops and removes them; a cluster whose owner still runs is never touched.
 */
export function sweepOrphanClusters(): void {
  const account = serverAccount();
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('pmo-pg-')) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // being made right now, or not ours to judge
    }
    if (!Number.isInteger(owner) || owner <= 0 || alive(owner)) continue;
    try {
      if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], account);
    } catch {
      // not running any more: only the folder is left
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
let swept = false;

export async function startPgCluster(opts: PgClusterOptions = {}): Promise<PgCluster> {
  if (!PG_BIN) throw new Error(PG_SKIP!);
  const account = serverAccount();
  if (!swept) {
    swept = true;
    sweepOrphanClusters();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-pg-'));
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (account) fs.chownSync(dir, account.uid, account.gid);
  const user = 'pmo_test';
  // C collation: text sorts by code point as SQLite's BINARY does, whatever locales the machine has.
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], account);
  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${dir}`,
    'max_connections=40',
    'shared_buffers=32MB',
    ...(opts.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  let ca: TestCa | undefined;
  if (opts.tls) {
    ca = makeCa(dir, 'pmo-test-ca');
    const server = makeServerCert(dir, ca);
    if (account) for (const f of [server.certFile, server.keyFile]) fs.chownSync(f, account.uid, account.gid);
    settings.push('ssl=on', `ssl_cert_file=${server.certFile}`, `ssl_key_file=${server.keyFile}`);
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n');
    if (account) fs.chownSync(path.join(data, 'pg_hba.conf'), account.uid, account.gid);
  }
  fs.appendFileSync(path.join(data, 'postgresql.conf'), settings.map((s) => s.replace('=', " = '") + "'").join('\n') + '\n');
  if (account) fs.chownSync(path.join(data, 'postgresql.conf'), account.uid, account.gid);

  let port = 0;
  const startServer = () => run('pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', '60', 'start'], account);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      startServer();
      break;
    } catch (e) {
      // Another process took the port between freePort and the start: take another one.
      if (attempt >= 2) throw new Error(`${(e as Error).message}\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
    }
  }
  let stopped = false;
  let halted = false;
  // immediate: nothing in a test cluster has to reach the disk.
  const halt = () => {
    if (halted) return;
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], account);
    halted = true;
  };
  const restart = () => {
    if (!halted) return;
    startServer();
    halted = false;
  };
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    running.delete(stopNow);
    try {
      halt();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  running.add(stopNow);

  const base: pg.ClientConfig = { host: '127.0.0.1', port, user, ...(ca && { ssl: { ca: fs.readFileSync(ca.certFile, 'utf8') } }) };
  const createDatabase = async (name: string): Promise<pg.ClientConfig> => {
    // Set-up over the socket (trust) when TCP takes TLS with passwords only.
    const admin = new pg.Client({ ...(opts.tls ? { host: dir, port, user } : base), database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    return { ...base, database: name };
  };
  const database = 'pmo';
  const config = await createDatabase(database);
  return { dir, port, user, database, config, ...(ca && { ca }), createDatabase, halt, restart, stop: async () => stopNow() };
}

/**
 * An administrator's own login role (yamada, with `password`) owning an empty database pmo_team, as a
 * PMO office's server holds it for 設定 → チームで使う: the first open creates the tables. Answers the
 * settings to connect with, over TLS with the cluster's CA when it has one.
 */
export async function teamLogin(cluster: PgCluster, password: string): Promise<TeamDatabase> {
  const admin = new pg.Client({ host: cluster.dir, port: cluster.port, user: cluster.user, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE ROLE yamada LOGIN PASSWORD '${password}'`);
  await admin.query(`CREATE DATABASE pmo_team OWNER yamada TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  return { host: '127.0.0.1', port: cluster.port, database: 'pmo_team', user: 'yamada', ...(cluster.ca && { caFile: cluster.ca.certFile }) };
}
