// 設定 → チームで使う → バックアップ (pg_dump): the team database dumped into a folder on this PC with the
// server's own tool, as the README's backup steps do by hand. pg_dump reads the whole database in one
// transaction on one snapshot, so the dump is consistent while colleagues keep writing; the custom format
// (-Fc) is what pg_restore takes back. The file is written under a temporary name and renamed only once
// pg_dump has finished and pg_restore --list has read it back, so a failed or cut-short dump leaves no file
// that looks like a backup.
//
// Run by the shell (team-switch.ts), which holds the password: it reaches pg_dump in a password file of
// this run only (PGPASSFILE, mode 0600, removed after), never on the command line or in the environment
// where other processes could read it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TeamDatabase } from '../common/dto.js';
import { textError } from '../common/errors.js';
import { describeTeamDatabase } from './db/pg-connection.js';

export interface PgDumpResult {
  /** The dump written (custom format). */
  file: string;
  bytes: number;
  /** How many tables' rows it holds (pg_restore --list). */
  tables: number;
  /** pg_dump --version, e.g. "pg_dump (PostgreSQL) 15.8". */
  tool: string;
}

export interface PgDumpPlaces {
  /** Folders searched first (path-delimited); default the fixed places a package puts pg_dump. */
  path?: string;
  /** Folders holding PostgreSQL versions' bin folders; default Debian's and the Windows installer's. */
  roots?: string[];
  platform?: NodeJS.Platform;
}

const exe = (platform: NodeJS.Platform) => (platform === 'win32' ? 'pg_dump.exe' : 'pg_dump');

// The fixed folders where a package manager puts pg_dump. PATH is not searched: the environment never
// chooses a program the app runs (env-reads.test.ts); Debian's /usr/bin/pg_dump picks the newest client.
const FIXED_BIN: Partial<Record<NodeJS.Platform, string[]>> = { linux: ['/usr/bin', '/usr/local/bin'], darwin: ['/usr/local/bin', '/opt/homebrew/bin'] };

/**
 * Where pg_dump is: in a fixed bin folder (FIXED_BIN), else in the newest version's bin under Debian's
 * /usr/lib/postgresql or the Windows installer's %ProgramFiles%\PostgreSQL (which puts nothing on
 * PATH); null when none is installed.
 */
export function findPgDump(places: PgDumpPlaces = {}): string | null {
  const platform = places.platform ?? process.platform;
  const name = exe(platform);
  for (const dir of places.path !== undefined ? places.path.split(path.delimiter) : (FIXED_BIN[platform] ?? [])) {
    if (dir && isFile(path.join(dir, name))) return path.join(dir, name);
  }
  const roots =
    places.roots ?? (platform === 'win32' ? [path.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'PostgreSQL')] : ['/usr/lib/postgresql']);
  for (const root of roots) {
    let versions: string[];
    try {
      versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
    } catch {
      continue;
    }
    versions.sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (isFile(path.join(root, v, 'bin', name))) return path.join(root, v, 'bin', name);
  }
  return null;
}

function isFile(f: string): boolean {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}

export function pgDumpMissing(): never {
  throw textError(
    'UNAVAILABLE',
    'team.noPgDump',
    {},
    "pg_dump is not installed on this PC: install PostgreSQL's client tools (Debian/Ubuntu: apt install postgresql-client; Windows: the PostgreSQL installer's Command Line Tools), or run pg_dump at the server (README: Team mode)",
  );
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A .pgpass line's fields escape ':' and '\'.
const passField = (s: string) => s.replace(/[\\:]/g, (c) => `\\${c}`);

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Dumps `db` into `folder` (made when missing) as <database>-<yyyymmdd-hhmmss>.dump. */
export async function dumpTeamDatabase(tool: string, db: TeamDatabase, password: string | undefined, folder: string, now = new Date()): Promise<PgDumpResult> {
  const where = describeTeamDatabase(db);
  const failed = (detail: string) =>
    textError('UNAVAILABLE', 'team.backupFailed', { database: where, detail }, `pg_dump could not back up ${where}: ${detail}`);
  const target = path.resolve(folder);
  try {
    fs.mkdirSync(target, { recursive: true });
  } catch (err) {
    throw textError('VALIDATION', 'team.backupFolder', { folder: target }, `The folder ${target} cannot be made: ${(err as Error).message}`);
  }
  const file = path.join(target, `${db.database.replace(/[^\w.-]/g, '_')}-${stamp(now)}.dump`);
  const partial = `${file}.partial`;
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-pgdump-'));
  // Only what pg_dump needs from the environment: the PG* variables of the user's shell would otherwise
  // steer it to another server or database than the one named here.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  env.PGCONNECT_TIMEOUT = '10';
  env.PGAPPNAME = 'PMO Desk backup';
  if (password !== undefined) {
    const passFile = path.join(secrets, 'pgpass');
    fs.writeFileSync(passFile, `${[db.host, String(db.port), db.database, db.user, password].map(passField).join(':')}\n`, { mode: 0o600 });
    env.PGPASSFILE = passFile;
  }
  // TLS as the app connects: the server's certificate checked against the CA file and its name against host.
  if (db.caFile) Object.assign(env, { PGSSLMODE: 'verify-full', PGSSLROOTCERT: db.caFile });
  else env.PGSSLMODE = 'disable';
  try {
    const version = await run(tool, ['--version'], env).catch((err: Error) => {
      throw failed(err.message);
    });
    const args = ['--format=custom', '--no-password', `--file=${partial}`, `--host=${db.host}`, `--port=${db.port}`, `--username=${db.user}`, `--dbname=${db.database}`];
    const dumped = await run(tool, args, env).catch((err: Error) => {
      throw failed(err.message);
    });
    if (dumped.code !== 0) throw failed(lastLines(dumped.stderr) || `exit code ${dumped.code}`);
    // Read back: a dump pg_restore cannot list is no backup.
    const restore = path.join(path.dirname(tool), path.basename(tool).replace('pg_dump', 'pg_restore'));
    let tables = 0;
    if (isFile(restore)) {
      const listed = await run(restore, ['--list', partial], env);
      if (listed.code !== 0) throw failed(`pg_restore cannot read the dump: ${lastLines(listed.stderr)}`);
      tables = listed.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
    }
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, tables, tool: version.stdout.trim() };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(secrets, { recursive: true, force: true });
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim();
}
