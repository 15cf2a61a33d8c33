// The shell's side of 設定 → チームで使う (common/api/team.ts): both shells (Electron main, the web host)
// put this in front of their workspace. It answers team.* itself and forwards every other call. Connecting
// checks the login first (db/pg-login.ts), then closes the workspace, names the database in the folder's
// pmo-desk.team.json (never the password) and opens the workspace again on it; a workspace that does not
// open there puts the folder back as it was and reopens what was open before. Calls made meanwhile wait.
//
// The password is the shell's: a PasswordStore keeps it (Electron: the OS's protected storage through
// safeStorage, main/team-password.ts; the web host: this process's memory, so at its next start the
// password comes from where libpq looks — PGPASSWORD, ~/.pgpass — or is typed in the form again).
//
// A team database that does not open (at start, or again after a failed switch) never stops the shell:
// the switch then holds a stand-in that answers only what the page needs to show why (team-unavailable.ts),
// until 再接続 (team.connect) or この PC のファイルに戻す (team.disconnect).
import path from 'node:path';
import { teamApi, isTeamMethod, type PasswordKeeping, type TeamBackup, type TeamMethod, type TeamState } from '../common/api/team.js';
import type { TeamDatabase, WorkspaceStatus } from '../common/dto.js';
import { textError, type ApiError, type Envelope } from '../common/errors.js';
import type { Caller } from './call-scope.js';
import { readTeamDatabase, writeTeamDatabase } from './db/team-file.js';
import { checkTeamLogin } from './db/pg-login.js';
import { describeTeamDatabase } from './db/pg-connection.js';
import { dumpTeamDatabase, findPgDump, pgDumpMissing } from './pg-dump.js';
import { toApiError, type Handlers } from './envelope.js';
import { badTeamFile, unavailableWorkspace, whyTeamDidNotOpen, type ShellInfo } from './team-unavailable.js';

export interface PasswordStore {
  readonly keeping: PasswordKeeping;
  /** The password kept for this database (same host, port, database and role), if any. */
  get(db: TeamDatabase): string | undefined;
  /** Keeps it (undefined: forgets any). */
  set(db: TeamDatabase, password: string | undefined): void;
}

/** The web host's store: this process's memory only; nothing of it reaches the disk. */
export function memoryPasswordStore(): PasswordStore {
  let kept: { key: string; password: string } | null = null;
  return {
    keeping: 'memory',
    get: (db) => (kept?.key === describeTeamDatabase(db) ? kept.password : undefined),
    set: (db, password) => void (kept = password === undefined ? null : { key: describeTeamDatabase(db), password }),
  };
}

/** An open workspace as a shell holds it (the workspace thread, or an in-process one in tests). */
export interface OpenedWorkspace {
  readonly handlers: Handlers;
  close(): Promise<void> | void;
}

/** Opens the folder's workspace: on the team database its team file names (with this password), else its SQLite file. */
export type WorkspaceOpener = (teamPassword: string | undefined) => Promise<OpenedWorkspace>;

export interface TeamSwitchOptions {
  /** Where pg_dump is (null: not installed); default: looked for as pg-dump.ts findPgDump does. */
  pgDump?: () => string | null;
}

export class TeamSwitch implements Handlers {
  private switching: Promise<unknown> = Promise.resolve();
  // Set by start before the switch is handed out.
  private current!: OpenedWorkspace;
  /** Why the team database the folder names is not open (the stand-in answers), else null. */
  private problem: ApiError | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly store: PasswordStore,
    private readonly open: WorkspaceOpener,
    private readonly info: ShellInfo,
    private readonly pgDump: () => string | null,
  ) {}

  /**
   * Opens the folder's workspace with the kept password of the database its team file names; when that
   * database does not open, starts anyway on the stand-in saying why. `info`: what app.info says then.
   */
  static async start(dataDir: string, store: PasswordStore, open: WorkspaceOpener, info: ShellInfo, options: TeamSwitchOptions = {}): Promise<TeamSwitch> {
    const sw = new TeamSwitch(dataDir, store, open, info, options.pgDump ?? (() => findPgDump()));
    let team: TeamDatabase | null;
    try {
      team = readTeamDatabase(dataDir);
    } catch (err) {
      // A team file that names no database (edited by hand, cut short): started on the stand-in saying so.
      sw.problem = badTeamFile(err);
      sw.current = unavailableWorkspace(dataDir, null, sw.problem, info);
      return sw;
    }
    await sw.openOrStandIn(team, team ? store.get(team) : undefined);
    return sw;
  }

  async invoke(method: string, args: unknown, caller?: Caller): Promise<Envelope<unknown>> {
    if (!isTeamMethod(method)) {
      await this.switching;
      return this.current.handlers.invoke(method, args, caller);
    }
    // One switch at a time, in the order asked; other calls wait for it.
    const run = this.switching.then(() => this.answer(method, args));
    this.switching = run.catch(() => undefined);
    try {
      return { ok: true, result: await run };
    } catch (err) {
      return { ok: false, error: toApiError(err).toJSON() };
    }
  }

  async close(): Promise<void> {
    await this.switching;
    await this.current.close();
  }

  private async state(): Promise<TeamState> {
    const database = this.named();
    let warning;
    if (database && !this.problem) {
      const status = await this.current.handlers.invoke('workspace.status', {});
      if (status.ok) warning = (status.result as WorkspaceStatus).databaseWarning;
    }
    return {
      database,
      keeping: this.store.keeping,
      ...(this.problem && { problem: this.problem.toJSON() }),
      ...(warning && { warning }),
      backupFolder: path.join(this.dataDir, 'backups'),
    };
  }

  /** pg_dump of the database the folder names, with the kept password (else where libpq looks). */
  private async backup(folder: string): Promise<TeamBackup> {
    const database = this.named();
    if (!database) throw textError('CONFLICT', 'team.backupNoDatabase', {}, 'The workspace is on this PC\'s file: back it up under 設定 → バックアップ');
    const tool = this.pgDump();
    if (!tool) pgDumpMissing();
    return dumpTeamDatabase(tool, database, this.store.get(database), folder);
  }

  /** The database the team file names; none when the file names none readable (the stand-in says why). */
  private named(): TeamDatabase | null {
    try {
      return readTeamDatabase(this.dataDir);
    } catch {
      return null;
    }
  }

  /**
   * Opens the folder's workspace (on `team`, the database its team file names, or its SQLite file). A team
   * database that does not open leaves the stand-in in its place, saying why; a SQLite file that does not
   * open throws, as it always has (the workspace's own recovery handles a damaged file).
   */
  private async openOrStandIn(team: TeamDatabase | null, password: string | undefined): Promise<void> {
    try {
      this.current = await this.open(password);
      this.problem = null;
    } catch (err) {
      if (!team) throw err;
      this.problem = await whyTeamDidNotOpen(team, password, err);
      this.current = unavailableWorkspace(this.dataDir, team, this.problem, this.info);
    }
  }

  private async answer(method: TeamMethod, args: unknown): Promise<TeamState | TeamBackup> {
    const parsed = teamApi[method].input.safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || '(input)';
      throw textError('VALIDATION', 'input.other', { field, method }, `${method}: ${field}: ${issue.message}`);
    }
    if (method === 'team.get') return this.state();
    if (method === 'team.backup') return this.backup((parsed.data as { folder: string }).folder);
    if (method === 'team.disconnect') {
      const was = this.named();
      await this.reopen(null, undefined);
      if (was) this.store.set(was, undefined);
      return this.state();
    }
    const input = parsed.data as { database: TeamDatabase & { caFile?: string }; password?: string };
    const { caFile, ...rest } = input.database;
    const database: TeamDatabase = { ...rest, ...(caFile && { caFile }) };
    // A blank password keeps the one kept for this same login (changing TLS or the port keeps it too).
    const password = input.password || this.store.get(database) || undefined;
    await checkTeamLogin(database, password);
    await this.reopen(database, password);
    this.store.set(database, password);
    return this.state();
  }

  /** Closes the workspace, names `database` in the folder (null: its SQLite file) and opens it; on failure, back as it was. */
  private async reopen(database: TeamDatabase | null, password: string | undefined): Promise<void> {
    const before = this.named();
    await this.current.close();
    writeTeamDatabase(this.dataDir, database);
    try {
      this.current = await this.open(password);
      this.problem = null;
    } catch (err) {
      writeTeamDatabase(this.dataDir, before);
      await this.openOrStandIn(before, before ? this.store.get(before) : undefined);
      const where = database ? describeTeamDatabase(database) : this.dataDir;
      throw textError('UNAVAILABLE', 'team.openFailed', { database: where }, `The workspace could not be opened on ${where}: ${(err as Error).message}`);
    }
  }
}
