// Workspaces on PostgreSQL for tests: one throw-away cluster per test file (pg-cluster.ts), a database
// migrated once as a template, and a fresh copy of it for each workspace (CREATE DATABASE … TEMPLATE:
// a file copy, far cheaper than migrating every time), opened as the app opens a team database.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';
import { MIGRATIONS, ROOT, tempDir } from './workspace.js';

export const PG_MIGRATIONS = path.join(ROOT, 'drizzle/pg/migrations');
const TEMPLATE = 'pmo_template';

let shared: Promise<PgCluster> | undefined;
let count = 0;

/** The file's cluster, started (and its template migrated) by the first caller; stopped when the process ends. */
export function sharedPgCluster(): Promise<PgCluster> {
  return (shared ??= (async () => {
    const cluster = await startPgCluster();
    const client = new pg.Client(await cluster.createDatabase(TEMPLATE));
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS });
    } finally {
      await client.end();
    }
    return cluster;
  })());
}

/** A new, migrated, empty database of the shared cluster, as the workspace names it. */
export async function tempPgDatabase(): Promise<TeamDatabase> {
  const cluster = await sharedPgCluster();
  const name = `pmo_${process.pid}_${++count}`;
  const admin = new pg.Client({ ...cluster.config, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return { host: '127.0.0.1', port: cluster.port, database: name, user: cluster.user };
}

/** A workspace on a fresh database, opened as the app opens one (in this thread). */
export async function tempPgWorkspace(opts: { osLocale?: string; now?: () => Date } = {}): Promise<Workspace> {
  const database = await tempPgDatabase();
  return openWorkspace(tempDir(), {
    migrationsFolder: MIGRATIONS,
    postgres: { database },
    context: { version: 'test', osLocale: opts.osLocale ?? 'ja-JP', shell: 'web', user: 'tester' },
    now: opts.now,
  });
}
