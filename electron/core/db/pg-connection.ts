// From a team database's description (common/dto.ts TeamDatabase: host, port, database, the user's own
// role, a CA file for TLS) to node-postgres's settings. The password comes apart from the description:
// the shell keeps it (Electron: safeStorage); without one, node-postgres looks where libpq does
// (PGPASSWORD, then the user's ~/.pgpass or PGPASSFILE).
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { TeamDatabase } from '../../common/dto.js';

export function pgClientConfig(db: TeamDatabase, password?: string): pg.ClientConfig {
  return {
    host: db.host,
    port: db.port,
    database: db.database,
    user: db.user,
    ...(password !== undefined && { password }),
    // TLS checks the server's certificate against the given CA and its name against `host`; a CA file
    // that cannot be read stops the open here, naming the file, before anything goes on the network.
    ...(db.caFile && { ssl: { ca: readCa(db.caFile), rejectUnauthorized: true } }),
  };
}

function readCa(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`the CA file ${file} cannot be read: ${(err as Error).message}`);
  }
}

/** How the database is named to the user: user@host:port/database. */
export function describeTeamDatabase(db: TeamDatabase): string {
  return `${db.user}@${db.host}:${db.port}/${db.database}`;
}

/** The PostgreSQL migrations beside the SQLite ones, as the project and dist lay them out. */
export function pgMigrationsBeside(sqliteMigrations: string): string {
  return path.join(path.dirname(sqliteMigrations), 'pg', 'migrations');
}
