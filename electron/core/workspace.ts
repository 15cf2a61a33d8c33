// Opens a data folder as a workspace: the database plus the API handlers over it. Both shells
// (Electron main and the web host) and the tests start here, so they cannot drift apart.
//
// Nothing is ever lost, so opening is careful:
//  - one writer per folder (db/lock.ts); a stale lock means the last run did not close cleanly;
//  - a marker (db/marker.ts) says a workspace lives here: a missing, empty or table-less database is
//    then a lost workspace to recover, never a new one;
//  - after an unclean shutdown: a lost or damaged -wal is damage, and integrity_check runs before the
//    file is opened (it finds an index that lost rows; quick_check does not); otherwise quick_check on
//    files up to 64 MiB, nothing more on bigger ones, and integrity_check weekly: as a file up to 16 MiB
//    opens, after the start for a bigger one, in a thread of its own (db/integrity-check.ts: 10 s on a
//    1.4 GB file), whose findings put the workspace into recovery as damage seen while running does;
//  - a damaged or missing file opens in recovery: the API answers its condition and the backups, the
//    file is not written, and the UI offers the newest good backup or a read-only copy to export from;
//  - while running, before every call and every 2 s: the file under the name is still the one open
//    (db/live-file.ts) and its -wal is still there (db/wal.ts);
//  - the -wal is folded into the file between calls, after the answer (db/checkpoint.ts), not inside
//    a call's COMMIT.
// Backups: the first call of each day (of a file over 16 MiB, in a thread beside the workspace:
// db/file-work.ts), and before imports, project deletes and restores (handlers.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RestoreResult } from '../common/api/backup.js';
import type { BackupInfo, BackupReason, BackupSettings, FileWorkKind, IntegrityReport, WorkspaceProblem, WorkspaceStatus } from '../common/dto.js';
import { textError } from '../common/errors.js';
import {
  DatabaseDamagedError,
  DatabaseMissingError,
  integrityProblems,
  openDatabase,
  openReadOnly,
  restoreFile,
  type Db,
  type OpenOptions,
} from './db/open.js';
import { isDamageError } from './db/damage.js';
import {
  adoptLegacyMigrationBackups,
  checkBackup,
  findBackup,
  listBackups,
  removePartials,
  rotateBackups,
  writeBackup,
  type BackupFile,
  type BackupTarget,
} from './db/backup.js';
import { acquireLock, type WorkspaceLock } from './db/lock.js';
import { NetworkFolderError, networkFolder } from './db/local-folder.js';
import { backupFolder, defaultBackupFolder, newMarker, readMarker, workspaceTag, writeMarker, type Marker } from './db/marker.js';
import { restoreProjectFrom } from './db/project-restore.js';
import { LiveFile } from './db/live-file.js';
import { BACKGROUND_FILE_WORK_MIN_BYTES, backupInBackground, integrityInBackground, type FileWork } from './db/file-work.js';
import { walDamage, walFile, WalGuard } from './db/wal.js';
import { WalCheckpoints } from './db/checkpoint.js';
import { syncStoredStatusesOnce } from './services/wbs-status-sync.js';
import { catchUpSoon, reindexOnce } from './services/search-index.js';
import { createHandlers, createRecoveryHandlers, type HostContext } from './handlers.js';
import { toApiError, type Handlers } from './envelope.js';
import type { Storage } from './handlers/backup.js';
import { databaseFile } from './paths.js';
import { runInScope, type CallScope } from './call-scope.js';
import { Jobs } from './jobs.js';
import { callerContext, osUserName } from './os-user.js';
import { openPgWorkspace, type PgWorkspaceOptions } from './workspace-pg.js';
import { readTeamDatabase } from './db/team-file.js';

export { osUserName };
import type { Envelope } from '../common/errors.js';

/** A plain object (tests spread it); `db` is replaced when a restore reopens the file. */
export interface Workspace {
  /** The data folder. */
  readonly dir: string;
  /** The open database; any use throws DAMAGED while the workspace is in recovery (damaged or missing file). */
  readonly db: Db;
  /** Every call, with job.list / job.cancel answered beside them (jobs.ts). */
  readonly handlers: Handlers;
  /** One call in a scope made elsewhere: the workspace thread's worker, whose host keeps the jobs. */
  run(method: string, args: unknown, scope: CallScope): Promise<Envelope<unknown>>;
  status(): WorkspaceStatus;
  close(): void;
}

export interface WorkspaceOptions extends OpenOptions {
  context: Omit<HostContext, 'user' | 'storage'> & { user?: string };
  /** The clock for backups and their rotation; tests move it over simulated days. */
  now?: () => Date;
  /** Team mode: open this PostgreSQL database instead of the SQLite file in the data folder (workspace-pg.ts). */
  postgres?: PgWorkspaceOptions;
  /** The password of the team database the folder names (db/team-file.ts), as the shell keeps it. */
  teamPassword?: string;
  /** Tests only: a shared flag that holds work beside the workspace (file-work.ts) before it starts while it is 1. */
  fileWorkHold?: Int32Array;
}

function teamOf(dataDir: string, password: string | undefined): PgWorkspaceOptions | null {
  const database = readTeamDatabase(dataDir);
  return database && { database, ...(password !== undefined && { password }) };
}

export function openWorkspace(dataDir: string, options: WorkspaceOptions): Workspace {
  // Team mode: the workspace is a PostgreSQL database (given, or named by the folder's team file); the
  // data folder keeps only this machine's things.
  const team = options.postgres ?? teamOf(dataDir, options.teamPassword);
  if (team) return openPgWorkspace(dataDir, { ...options, postgres: team });
  fs.mkdirSync(dataDir, { recursive: true });
  // Only backups may live on a share: SQLite's WAL does not work over a network file system.
  const network = networkFolder(dataDir);
  if (network) throw new NetworkFolderError(dataDir, network);
  return new LiveWorkspace(dataDir, options).facade;
}

/** Full integrity_check (after the start, db/integrity-check.ts) when the last one passed longer ago than this. */
const FULL_CHECK_EVERY_MS = 7 * 86_400_000;
/** quick_check at every open up to this size (~0.1 s); above it, only the unclean-shutdown and weekly checks. */
const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;
/** How often the file and its WAL are looked at between calls. */
const WAL_WATCH_MS = 2000;

type Condition =
  | { kind: 'ok'; db: Db; guard: WalGuard; live: LiveFile; checkpoints: WalCheckpoints }
  | { kind: 'damaged'; problem: WorkspaceProblem; detail: string; db?: Db }
  | { kind: 'missing'; problem: 'missing' | 'empty' | 'fileDeleted' | 'fileReplaced'; detail?: string }
  | { kind: 'readOnly'; problem: WorkspaceProblem; detail: string; db: Db; copyDir: string };

class LiveWorkspace implements Storage {
  readonly dir: string;
  readonly facade: Workspace;
  private readonly file: string;
  private readonly lock: WorkspaceLock;
  private marker: Marker;
  /** A workspace existed here (the marker says so): a file without tables is a lost one. */
  private hadMarker: boolean;
  /** This start created the workspace. */
  private readonly createdNow: boolean;
  private condition!: Condition;
  private current!: Handlers;
  private readonly ctx: HostContext;
  private readonly now: () => Date;
  private readonly timer: NodeJS.Timeout;
  private dailyChecked = '';
  private closed = false;
  /** Work on the file beside the workspace (beside()): what runs now, and the queue. */
  private besideWork: { kind: FileWorkKind; work: FileWork<unknown> } | null = null;
  private besideQueue: Promise<void> = Promise.resolve();
  /** A checkpoint is queued for the next tick (setImmediate), after the answer of the call that wrote. */
  private checkpointQueued = false;

  constructor(dir: string, private readonly options: WorkspaceOptions) {
    this.dir = dir;
    this.file = databaseFile(dir);
    this.now = options.now ?? (() => new Date());
    this.lock = acquireLock(dir, options.context.shell);
    const found = readMarker(dir);
    this.hadMarker = found !== null;
    this.createdNow = found === null && fileSize(this.file) <= 0;
    this.marker = found ?? newMarker(this.now());
    this.ctx = callerContext({ ...options.context, migrations: { folder: options.migrationsFolder, ...(options.nativeBinding && { nativeBinding: options.nativeBinding }) } }, this);
    const run = (method: string, args: unknown, scope: CallScope) => runInScope(scope, () => this.invoke(method, args));
    this.facade = {
      dir,
      db: NO_DB,
      handlers: new Jobs(run),
      run,
      status: () => this.status(),
      close: () => this.close(),
    };
    try {
      this.openLive(this.lock.previous !== null, this.lock.previous?.state === 'open');
    } catch (err) {
      this.lock.release();
      throw err;
    }
    this.timer = setInterval(() => this.watch(), WAL_WATCH_MS);
    this.timer.unref();
  }

  private setCondition(condition: Condition, handlers: Handlers): void {
    this.condition = condition;
    this.current = handlers;
    (this.facade as { db: Db }).db = condition.kind === 'ok' || condition.kind === 'readOnly' ? condition.db : NO_DB;
  }

  private get target(): BackupTarget {
    return { folder: backupFolder(this.dir, this.marker), tag: workspaceTag(this.marker) };
  }

  // ---- opening ------------------------------------------------------------------------------

  /** Opens the live file, or enters recovery; `unclean`: the last run did not close; `walExpected`: it had the file open. */
  private openLive(unclean: boolean, walExpected: boolean): void {
    const size = fileSize(this.file);
    if (this.hadMarker && size <= 0) return this.recover({ kind: 'missing', problem: size < 0 ? 'missing' : 'empty' });
    if (walExpected && size > 0) {
      if (!fs.existsSync(walFile(this.file)))
        return this.recover({ kind: 'damaged', problem: 'walLost', detail: 'the -wal file of a database that was open is missing' });
      const walProblem = walDamage(walFile(this.file));
      if (walProblem) return this.recover({ kind: 'damaged', problem: 'walDamaged', detail: walProblem });
    }
    const lastFull = this.marker.lastFullCheck ? Date.parse(this.marker.lastFullCheck) : NaN;
    const weekly = !(this.now().getTime() - lastFull < FULL_CHECK_EVERY_MS);
    // Damage suspected: checked in full before anything reads or writes the file. The weekly check of a
    // small file too (a few hundred ms at most); of a bigger one, after the start.
    const full = unclean || !!this.marker.needsCheck || (weekly && size < BACKGROUND_FILE_WORK_MIN_BYTES);
    const weeklyDue = weekly && !full;
    const check = full ? 'full' : size <= QUICK_CHECK_MAX_BYTES ? 'quick' : 'none';
    let db: Db;
    try {
      removePartials(this.target);
      db = openDatabase(this.file, {
        ...this.options,
        check,
        mustHaveTables: this.hadMarker,
        backups: this.target,
        now: this.now,
      });
    } catch (err) {
      if (err instanceof DatabaseMissingError) return this.recover({ kind: 'missing', problem: 'empty' });
      if (err instanceof DatabaseDamagedError)
        return this.recover({ kind: 'damaged', problem: err.notDatabase ? 'notDatabase' : 'corrupt', detail: err.problems.join('; ') });
      throw err;
    }
    this.marker = { ...this.marker, needsCheck: false, ...(full && { lastFullCheck: this.now().toISOString() }) };
    writeMarker(this.dir, this.marker);
    adoptLegacyMigrationBackups(this.file, this.target);
    // A workspace from before WBS statuses followed the data gets them recomputed, once.
    syncStoredStatusesOnce(db);
    // One from before the search index held WBS codes and 2-character pieces gets it written, once.
    reindexOnce(db);
    // Rows a large batch left for the search index's catch-up when the app last quit.
    catchUpSoon(db);
    this.hadMarker = true;
    this.lock.update('open');
    this.setCondition(
      { kind: 'ok', db, guard: new WalGuard(this.file, db.sqlite), live: new LiveFile(this.file), checkpoints: new WalCheckpoints(db.sqlite) },
      createHandlers(db, this.ctx),
    );
    if (weeklyDue) this.checkInBackground();
    try {
      this.dailyBackup();
    } catch (err) {
      // Reading every page for the copy met damage the open's check did not look for.
      if (!isDamageError(err)) throw err;
      this.markDamaged((err as Error).message);
    }
  }

  /**
   * Work on a big file beside the open workspace (db/file-work.ts), one piece at a time, in order; each
   * only while the workspace is still the one open when it was asked for (no restore or reopen since).
   * Damage it meets puts the workspace into recovery, as damage met while running does; work that did not
   * run or finish is done again by a later start (the marker and the backups say what was done).
   */
  private beside<T>(kind: FileWorkKind, start: () => FileWork<T>, then: (value: T) => void): void {
    const what = kind === 'backup' ? 'the daily backup' : 'the weekly integrity check';
    const opened = this.condition;
    this.besideQueue = this.besideQueue.then(async () => {
      if (this.closed || this.condition !== opened) return;
      let work: FileWork<T>;
      try {
        work = start();
      } catch (err) {
        console.error(`PMO Desk: ${what} did not start: ${(err as Error).message}`);
        return;
      }
      this.besideWork = { kind, work };
      try {
        const value = await work.done;
        if (!this.closed && this.condition === opened) then(value);
      } catch (err) {
        if (this.closed || this.condition !== opened) return;
        if (isDamageError(err)) this.markDamaged((err as Error).message);
        else console.error(`PMO Desk: ${what} did not finish: ${(err as Error).message}`);
      } finally {
        this.besideWork = null;
      }
    });
  }

  /**
   * The weekly integrity_check of a big file. Found sound: the marker says when. Found damaged: recovery
   * (the file is no longer written, and every later start checks in full).
   */
  private checkInBackground(): void {
    const started = this.now();
    this.beside('integrity', () => integrityInBackground(this.file, this.options.nativeBinding, this.options.fileWorkHold), (problems) => {
      if (problems.length > 0) this.markDamaged(`the database file is damaged: ${problems.slice(0, 3).join('; ')}`);
      else {
        this.marker = { ...this.marker, lastFullCheck: started.toISOString() };
        writeMarker(this.dir, this.marker);
      }
    });
  }

  private recover(condition: Exclude<Condition, { kind: 'ok' }>): void {
    this.setCondition(condition, createRecoveryHandlers(this.ctx));
  }

  // ---- every call -----------------------------------------------------------------------------

  private async invoke(method: string, args: unknown) {
    if (this.condition.kind === 'ok') {
      try {
        this.checkFiles();
        this.dailyBackup();
      } catch (err) {
        if (isDamageError(err)) this.markDamaged((err as Error).message);
        else return { ok: false as const, error: toApiError(err).toJSON() };
      }
    }
    const envelope = await this.current.invoke(method, args);
    // SQLite met damage while running: stop writing to the file and say so from now on.
    if (!envelope.ok && envelope.error.code === 'DAMAGED' && this.condition.kind === 'ok') this.markDamaged(envelope.error.message);
    else if (this.condition.kind === 'ok' && !this.checkpointQueued && this.condition.checkpoints.due() === 'soon') {
      // After the answer: the caller's await resumes (and IPC or HTTP sends the answer) before this runs.
      this.checkpointQueued = true;
      setImmediate(() => {
        this.checkpointQueued = false;
        this.checkpoint();
      });
    }
    return envelope;
  }

  private watch(): void {
    if (this.condition.kind !== 'ok') return;
    try {
      this.checkFiles();
    } catch (err) {
      if (isDamageError(err)) this.markDamaged((err as Error).message);
    }
    if (this.condition.kind === 'ok' && this.condition.checkpoints.due() !== null) this.checkpoint();
  }

  /** Folds the -wal into the file (db/checkpoint.ts); only into a file still open normally, never a damaged or lost one. */
  private checkpoint(): void {
    const c = this.condition;
    if (c.kind !== 'ok' || this.closed) return;
    try {
      c.checkpoints.run();
    } catch (err) {
      if (isDamageError(err)) this.markDamaged((err as Error).message);
      // Anything else (a full disk): the commits are safe in the -wal, and the next checkpoint tries again.
      else console.error(`PMO Desk: a checkpoint failed: ${(err as Error).message}`);
    }
  }

  /** The file under the name is still the one open (else it is lost), and its -wal is there (else it is written back). Two stats. */
  private checkFiles(): void {
    const c = this.condition;
    if (c.kind !== 'ok') return;
    const lost = c.live.lost();
    if (lost) return this.fileLost(lost);
    c.guard.check();
  }

  /**
   * The workspace file was deleted or replaced under the open connection, which still holds every
   * commit (through its handle on the old file and its WAL): those go into a backup, offered as the
   * newest good one, and the connection is closed, so nothing more is written anywhere — least of all
   * into a file that was put under the name.
   */
  private fileLost({ problem, detail }: NonNullable<ReturnType<LiveFile['lost']>>): void {
    const c = this.condition;
    if (c.kind !== 'ok') return;
    let kept: string;
    try {
      kept = `; everything saved until then is in backup ${writeBackup(c.db.sqlite, this.target, 'rescue', this.now()).id}`;
    } catch (err) {
      kept = `; keeping it as a backup failed (${(err as Error).message})`;
      console.error(`PMO Desk: ${detail}${kept}`);
    }
    // Closing checkpoints into the old file (through its handle, never by name) and removes the -wal
    // beside the name, which is that file's: a later open of whatever lies under the name cannot take it.
    c.db.close();
    this.recover({ kind: 'missing', problem, detail: detail + kept });
  }

  private markDamaged(detail: string): void {
    if (this.condition.kind !== 'ok') return;
    // The connection stays open but unused: closing it would checkpoint into the damaged file.
    const db = this.condition.db;
    this.marker = { ...this.marker, needsCheck: true };
    writeMarker(this.dir, this.marker);
    this.recover({ kind: 'damaged', problem: 'corrupt', detail, db });
  }

  /** The first call of a calendar day backs the workspace up (the first start of the day, or the first call after midnight). */
  private dailyBackup(): void {
    const now = this.now();
    const day = now.toDateString();
    if (this.dailyChecked === day || this.condition.kind !== 'ok') return;
    // A workspace created by this start has nothing to back up yet; tomorrow's first call will.
    const fresh = this.dailyChecked === '' && this.createdNow;
    this.dailyChecked = day;
    if (fresh) return;
    const { tag, folder } = this.target;
    if (listBackups(folder).some((b) => b.tag === tag && b.reason === 'daily' && new Date(b.takenAt).toDateString() === day)) return;
    // A big file's copy takes seconds (8–11 s for 1.4 GB): beside the workspace, not before its first answer.
    if (fileSize(this.file) >= BACKGROUND_FILE_WORK_MIN_BYTES) {
      const target = this.target;
      this.beside('backup', () => backupInBackground(this.file, this.options.nativeBinding, { kind: 'backup', target, at: now.toISOString() }, this.options.fileWorkHold), () => rotateBackups(target, this.now()));
      return;
    }
    try {
      this.backupNow('daily');
    } catch (err) {
      if (isDamageError(err)) throw err;
      // An unreachable backup folder must not stop the day's work; 設定 → バックアップ shows the list.
      console.error(`PMO Desk: the daily backup failed: ${(err as Error).message}`);
    }
  }

  private backupNow(reason: BackupReason): BackupFile {
    if (this.condition.kind === 'readOnly') throw textError('READ_ONLY', 'workspace.readOnly', {}, 'The workspace is open read-only: nothing can be changed');
    if (this.condition.kind !== 'ok') throw textError('DAMAGED', 'workspace.unusable', {}, 'Only a workspace that opened normally can be backed up');
    const target = this.target;
    const b = writeBackup(this.condition.db.sqlite, target, reason, this.now());
    rotateBackups(target, this.now());
    return b;
  }

  /** A backup before a risky call; none when `unlessNewerThanMs` is given and this workspace has a backup that recent. */
  beforeRisky(reason: BackupReason, unlessNewerThanMs?: number): void {
    if (unlessNewerThanMs !== undefined && this.condition.kind === 'ok') {
      const { tag, folder } = this.target;
      const now = this.now().getTime();
      // (One dated after now, from a clock set back, does not count.)
      if (listBackups(folder).some((b) => b.tag === tag && Date.parse(b.takenAt) >= now - unlessNewerThanMs && Date.parse(b.takenAt) <= now)) return;
    }
    try {
      this.backupNow(reason);
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'DAMAGED' || e.code === 'DISK_FULL' || e.code === 'READ_ONLY') throw e;
      throw textError('CONFLICT', 'backup.beforeFailed', {}, `Nothing was changed: the backup before this step failed (${(err as Error).message})`, { backup: 'failed', message: (err as Error).message });
    }
  }

  // ---- Storage (the backup.* and workspace.* API) ----------------------------------------------

  status(): WorkspaceStatus {
    const c = this.condition;
    const base: WorkspaceStatus = { condition: c.kind, folder: this.dir };
    if (c.kind === 'ok') return this.besideWork ? { ...base, fileWork: this.besideWork.kind } : base;
    return {
      ...base,
      problem: c.problem,
      ...('detail' in c && { detail: c.detail }),
      ...(c.kind !== 'readOnly' && { newestGoodBackup: this.newestGoodBackup() }),
    };
  }

  private newestGoodBackup(): BackupInfo | null {
    const all = listBackups(this.target.folder);
    const ordered = [...all.filter((b) => b.tag === this.target.tag), ...all.filter((b) => b.tag !== this.target.tag)];
    const good = ordered.find((b) => checkBackup(b.file).ok);
    return good ? info(good) : null;
  }

  list(): BackupInfo[] {
    return listBackups(this.target.folder).map(info);
  }

  create(reason: BackupReason): BackupInfo {
    return info(this.backupNow(reason));
  }

  settings(): BackupSettings {
    return { folder: this.target.folder, defaultFolder: defaultBackupFolder(this.dir) };
  }

  setFolder(folder: string | null): BackupSettings {
    if (folder !== null) {
      if (!path.isAbsolute(folder))
        throw textError('VALIDATION', 'backup.notFullPath', { folder }, `The backup folder must be a full path: ${folder}`, [{ field: 'folder', message: 'must be a full path' }]);
      const resolved = path.resolve(folder);
      if (resolved === path.resolve(this.dir))
        throw textError('VALIDATION', 'backup.workspaceFolder', {}, 'Choose a folder other than the workspace folder itself', [{ field: 'folder', message: 'is the workspace folder' }]);
      try {
        fs.mkdirSync(resolved, { recursive: true });
        const probe = path.join(resolved, `.pmo-desk-write-test-${process.pid}`);
        fs.writeFileSync(probe, 'ok');
        fs.rmSync(probe);
      } catch (err) {
        throw textError('CONFLICT', 'backup.cannotWrite', { folder: resolved, reason: (err as Error).message }, `PMO Desk cannot write to ${resolved}: ${(err as Error).message}`, { field: 'folder' });
      }
      folder = resolved;
    }
    const { backupFolder: _old, ...rest } = this.marker;
    this.marker = folder === null ? rest : { ...rest, backupFolder: folder };
    writeMarker(this.dir, this.marker);
    return this.settings();
  }

  check(): IntegrityReport {
    const c = this.condition;
    const checkedAt = this.now().toISOString();
    if (c.kind === 'damaged' || c.kind === 'missing') return { ok: false, problems: [c.detail ?? c.problem], checkedAt };
    let problems: string[];
    try {
      problems = integrityProblems(c.db.sqlite);
    } catch (err) {
      if (!isDamageError(err)) throw err;
      problems = [(err as Error).message];
    }
    if (c.kind === 'ok') {
      if (problems.length > 0) this.markDamaged(problems.slice(0, 3).join('; '));
      else {
        this.marker = { ...this.marker, lastFullCheck: checkedAt };
        writeMarker(this.dir, this.marker);
      }
    }
    return { ok: problems.length === 0, problems, checkedAt };
  }

  openReadOnly(): WorkspaceStatus {
    const c = this.condition;
    if (c.kind === 'readOnly') return this.status();
    if (c.kind !== 'damaged') throw c.kind === 'ok'
        ? textError('CONFLICT', 'workspace.openNormally', {}, 'The workspace is open normally')
        : textError('CONFLICT', 'workspace.noFile', {}, 'There is no file to open: restore a backup');
    // A copy, so not even SQLite's recovery of the WAL writes to the damaged file.
    const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-desk-readonly-'));
    const copy = path.join(copyDir, 'pmo-desk.sqlite');
    fs.copyFileSync(this.file, copy);
    if (fs.existsSync(walFile(this.file))) fs.copyFileSync(walFile(this.file), walFile(copy));
    let db: Db;
    try {
      db = openReadOnly(copy, this.options);
    } catch (err) {
      fs.rmSync(copyDir, { recursive: true, force: true });
      throw textError('DAMAGED', 'workspace.unreadable', {}, `The damaged file cannot be read at all: ${(err as Error).message}`);
    }
    this.setCondition({ kind: 'readOnly', problem: c.problem, detail: c.detail, db, copyDir }, createHandlers(db, this.ctx));
    return this.status();
  }

  restore(id: string, projectId?: number): RestoreResult {
    const backup = findBackup(this.target.folder, id);
    if (!backup) throw textError('NOT_FOUND', 'backup.gone', { id, folder: this.target.folder }, `Backup ${id} does not exist in ${this.target.folder}`, { field: 'id' });
    const verdict = checkBackup(backup.file);
    if (!verdict.ok)
      throw textError('CONFLICT', 'backup.damaged', { id }, `Backup ${id} is damaged and cannot be restored: ${verdict.problems.slice(0, 3).join('; ')}`, { field: 'id', problems: verdict.problems.slice(0, 3) });
    return projectId === undefined ? this.restoreWorkspace(backup) : this.restoreProject(backup, projectId);
  }

  projectsIn(id: string): { id: number; name: string; code: string }[] {
    const backup = findBackup(this.target.folder, id);
    if (!backup) throw textError('NOT_FOUND', 'backup.gone', { id, folder: this.target.folder }, `Backup ${id} does not exist in ${this.target.folder}`, { field: 'id' });
    let db: Database.Database | undefined;
    try {
      db = new Database(backup.file, { readonly: true, fileMustExist: true });
      return db.prepare('SELECT id, name, code FROM projects ORDER BY name, id').all() as { id: number; name: string; code: string }[];
    } catch (err) {
      throw textError('CONFLICT', 'backup.unreadable', { id }, `Backup ${id} cannot be read: ${(err as Error).message}`, { field: 'id', message: (err as Error).message });
    } finally {
      db?.close();
    }
  }

  private restoreWorkspace(backup: BackupFile): RestoreResult {
    const c = this.condition;
    const safety = c.kind === 'ok' ? info(this.backupNow('restore')) : null;
    this.shutDown();
    const setAside = c.kind === 'ok' ? undefined : this.setAside();
    restoreFile(backup.file, this.file);
    this.marker = { ...this.marker, needsCheck: false };
    // A backup passed integrity_check before it was offered; only its migrations may run now.
    try {
      this.openLive(false, false);
    } catch (err) {
      // A migration of the restored file failed (and put the file back as restored): say so, write nothing.
      this.recover({ kind: 'damaged', problem: 'corrupt', detail: (err as Error).message });
      throw textError('CONFLICT', 'backup.notOpened', {}, `The backup was put in place but could not be opened: ${(err as Error).message}`, { message: (err as Error).message });
    }
    return { restored: 'workspace', safetyBackup: safety, ...(setAside && { setAside }) };
  }

  private restoreProject(backup: BackupFile, projectId: number): RestoreResult {
    const c = this.condition;
    if (c.kind !== 'ok') throw textError('DAMAGED', 'restore.wholeOnly', {}, 'A single project can only be restored into a workspace that opened normally: restore the whole workspace');
    // The backup may predate a migration: bring a temporary copy to the live schema first.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-desk-restore-'));
    try {
      const copy = path.join(tmp, 'backup.sqlite');
      fs.copyFileSync(backup.file, copy);
      openDatabase(copy, { ...this.options, check: 'none', backups: { folder: path.join(tmp, 'backups'), tag: '00000000' } }).close();
      const safety = info(this.backupNow('restore'));
      restoreProjectFrom(c.db, copy, projectId, this.ctx, backup.id);
      return { restored: 'project', safetyBackup: safety };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** Moves a damaged live file (and its WAL) aside under a dated name; answers that name. */
  private setAside(): string | undefined {
    if (fileSize(this.file) <= 0) {
      fs.rmSync(this.file, { force: true });
      return undefined;
    }
    const stamp = this.now().toISOString().replace(/[-:.]/g, '');
    const aside = path.join(this.dir, `pmo-desk.damaged-${stamp}.sqlite`);
    fs.renameSync(this.file, aside);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(this.file + suffix)) fs.renameSync(this.file + suffix, aside + suffix);
    return path.basename(aside);
  }

  /** Closes whatever database is open, leaving the lock held. */
  private shutDown(): void {
    const c = this.condition;
    if (c.kind === 'ok') {
      this.lock.update('closing');
      c.db.close();
    } else if (c.kind === 'readOnly') {
      c.db.close();
      fs.rmSync(c.copyDir, { recursive: true, force: true });
    } else if (c.kind === 'damaged' && c.db?.sqlite.open) {
      c.db.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.besideWork?.work.stop();
    const c = this.condition;
    // A connection to a file found damaged while running stays as it is: closing would write to it.
    if (!(c.kind === 'damaged' && c.db)) this.shutDown();
    this.lock.release();
  }
}

/** The workspace's `db` while it is in recovery: any use says why there is none. */
const NO_DB = new Proxy({} as Db, {
  get() {
    throw textError('DAMAGED', 'workspace.unusable', {}, 'The workspace file cannot be used (damaged or missing): restore a backup');
  },
});

function info(b: BackupFile): BackupInfo {
  return { id: b.id, takenAt: b.takenAt, bytes: b.bytes, reason: b.reason };
}

/** The file's size, or -1 when it does not exist. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}
