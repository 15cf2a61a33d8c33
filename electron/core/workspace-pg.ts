// A workspace on a team's PostgreSQL database (team mode, issue 17): the same handlers over the same
// seam as a workspace in a SQLite file (workspace.ts), through the synchronous bridge (db/pg-sync.ts).
// What is about a file there has no meaning here and is not done: no lock on the data folder (several
// administrators work on the database at once; the bridge's write lock orders their transactions), no
// marker, checks of the file or WAL, and no file backups — the server's own pg_dump / pg_restore are
// the way (every backup.* call says so). The data folder only holds what stays on this machine.
//
// Opening migrates the database to this version's schema (drizzle/pg/migrations) and runs the same
// once-only repairs as a file does at open. A session that ended under the app (the server restarted,
// the network dropped, the bridge's thread timed out) is opened again at the next call.
import fs from 'node:fs';
import type { RestoreResult } from '../common/api/backup.js';
import type { BackupInfo, BackupSettings, IntegrityReport, TeamDatabase, WorkspaceStatus } from '../common/dto.js';
import { textError, type ApiError, type Envelope } from '../common/errors.js';
import type { Db } from './db/open.js';
import { openPgSql, type PgSql } from './db/pg-sync.js';
import { checkDatabaseLocale } from './db/pg-locale.js';
import { describeTeamDatabase as describe, pgClientConfig, pgMigrationsBeside } from './db/pg-connection.js';
import type { SqlDb } from './db/sql.js';
import { syncStoredStatusesOnce } from './services/wbs-status-sync.js';
import { reindexOnce } from './services/search-index.js';
import { createHandlers, type HostContext } from './handlers.js';
import { toApiError, type Handlers } from './envelope.js';
import type { Storage } from './handlers/backup.js';
import { runInScope, type CallScope } from './call-scope.js';
import { Jobs } from './jobs.js';
import type { Workspace, WorkspaceOptions } from './workspace.js';
import { callerContext } from './os-user.js';
import { BatchAnnouncements } from './pg-live.js';

export interface PgWorkspaceOptions {
  database: TeamDatabase;
  /** The user's password; absent: node-postgres looks where libpq does (PGPASSWORD, ~/.pgpass). */
  password?: string;
  /** drizzle/pg/migrations; default: beside the SQLite migrations folder (drizzle/migrations → drizzle/pg/migrations). */
  migrationsFolder?: string;
}

export function openPgWorkspace(dataDir: string, options: WorkspaceOptions & { postgres: PgWorkspaceOptions }): Workspace {
  fs.mkdirSync(dataDir, { recursive: true });
  return new PgWorkspace(dataDir, options, options.postgres).facade;
}

const notOnPostgres = () =>
  textError(
    'CONFLICT',
    'backup.postgres',
    {},
    'A workspace on PostgreSQL is not backed up or restored by PMO Desk: use the server\'s pg_dump / pg_restore',
  );

class PgWorkspace implements Storage {
  readonly facade: Workspace;
  private sql: PgSql;
  private handlers: Handlers;
  private readonly ctx: HostContext;
  private readonly seam: SqlDb;
  /** Every client's committed batches, as the server announces them (history.since waits on it). */
  private readonly announcements: BatchAnnouncements;
  private closed = false;
  /** The database sorts text otherwise than the SQLite file (db/pg-locale.ts); null when it sorts as the file. */
  private sortingWarning: ApiError | null = null;

  constructor(
    private readonly dir: string,
    options: WorkspaceOptions,
    private readonly pg: PgWorkspaceOptions,
  ) {
    this.ctx = callerContext({ ...options.context, migrations: { folder: options.migrationsFolder, ...(options.nativeBinding && { nativeBinding: options.nativeBinding }) } }, this);
    this.announcements = new BatchAnnouncements(pgClientConfig(pg.database, pg.password));
    this.ctx.nextBatch = (ms) => this.announcements.next(ms);
    this.sql = this.connect();
    // The seam's object stays the same across a reconnect: the handlers keep it, its `sql` is the live session.
    const self = this;
    this.seam = {
      get sql() {
        return self.live();
      },
    };
    try {
      // Not UTF8: refused before anything is created there; sorting otherwise than the file: said in status.
      this.sortingWarning = checkDatabaseLocale(this.sql, pg.database);
      try {
        this.sql.migrate(pg.migrationsFolder ?? pgMigrationsBeside(options.migrationsFolder));
      } catch (err) {
        throw new Error(`the team database ${describe(pg.database)} could not be brought to this version: ${(err as Error).message}`);
      }
      syncStoredStatusesOnce(this.seam);
      reindexOnce(this.seam);
    } catch (err) {
      this.sql.close();
      throw err;
    }
    this.handlers = createHandlers(this.seam, this.ctx);
    const run = (method: string, args: unknown, scope: CallScope) => runInScope(scope, () => this.invoke(method, args));
    this.facade = {
      dir,
      db: pgDb(this.seam, pg.database, () => this.close()),
      handlers: new Jobs(run),
      run,
      status: () => this.status(),
      close: () => this.close(),
    };
  }

  private connect(): PgSql {
    return openPgSql(pgClientConfig(this.pg.database, this.pg.password));
  }

  /** The session, opened again when the last one ended under the app. */
  private live(): PgSql {
    if (this.sql.closed && !this.closed) this.sql = this.connect();
    return this.sql;
  }

  private async invoke(method: string, args: unknown): Promise<Envelope<unknown>> {
    if (this.closed) return { ok: false, error: textError('INTERNAL', 'workspace.closing', {}, 'The workspace is closing').toJSON() };
    try {
      this.live();
    } catch (err) {
      return { ok: false, error: toApiError(err).toJSON() };
    }
    return this.handlers.invoke(method, args);
  }

  // ---- Storage: the workspace.* and backup.* API ---------------------------------------------------

  status(): WorkspaceStatus {
    return { condition: 'ok', folder: this.dir, database: this.pg.database, ...(this.sortingWarning && { databaseWarning: this.sortingWarning.toJSON() }) };
  }
  list(): BackupInfo[] {
    return [];
  }
  create(): BackupInfo {
    throw notOnPostgres();
  }
  restore(): RestoreResult {
    throw notOnPostgres();
  }
  projectsIn(): { id: number; name: string; code: string }[] {
    throw notOnPostgres();
  }
  settings(): BackupSettings {
    throw notOnPostgres();
  }
  setFolder(): BackupSettings {
    throw notOnPostgres();
  }
  check(): IntegrityReport {
    throw notOnPostgres();
  }
  openReadOnly(): WorkspaceStatus {
    throw notOnPostgres();
  }
  /** Nothing to copy before an import or a delete: its transaction is the safety, and pg_dump the backup. */
  beforeRisky(): void {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.announcements.close();
    this.sql.close();
  }
}

/**
 * The workspace's `db` on PostgreSQL: the seam only. What is about a SQLite file (the connection, drizzle
 * over it, its prepared statements) is not there and says so.
 */
function pgDb(seam: SqlDb, database: TeamDatabase, close: () => void): Db {
  const none = (what: string) => () => {
    throw new Error(`${what} is SQLite's; the workspace is on PostgreSQL (${describe(database)})`);
  };
  return Object.defineProperties({} as Db, {
    file: { value: describe(database), enumerable: true },
    sql: { get: () => seam.sql, enumerable: true },
    sqlite: { get: none('db.sqlite') },
    orm: { get: none('db.orm') },
    prepare: { value: none('db.prepare') },
    close: { value: close },
  });
}
