// Backups of the workspace file: consistent copies written with VACUUM INTO into a folder the user may
// change (a network share is fine: only copies go there, never the live file). A copy is written under
// a temporary name, flushed to disk and then renamed, so a kill or a full disk mid-way leaves no file
// that looks like a backup; the rotation runs only after the new copy is complete.
//
// A backup's name says everything the list needs, so a folder copied elsewhere still lists right:
//   pmo-desk-<workspace tag>-<UTC yyyymmddThhmmssmmmZ>-<reason>.sqlite
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../common/dto.js';
import { BACKUP_REASONS } from '../../common/dto.js';
import { keepByRotation } from './rotation.js';

const NAME = /^pmo-desk-([0-9a-f]{8})-(\d{8}T\d{9}Z)-([a-z-]+?)(?:-(\d+))?\.sqlite$/;
const PARTIAL = '.partial';

export interface BackupFile extends BackupInfo {
  file: string;
  /** The workspace that wrote it (first 8 hex digits of its id); rotation only touches its own. */
  tag: string;
}

export interface BackupTarget {
  folder: string;
  /** The workspace's tag (see BackupFile.tag). */
  tag: string;
}

/** Writes a consistent copy of the open database; answers it once it is complete on disk. */
export function writeBackup(sqlite: Database.Database, target: BackupTarget, reason: BackupReason, now: Date): BackupFile {
  fs.mkdirSync(target.folder, { recursive: true });
  const file = freeName(target, reason, now);
  const partial = file + PARTIAL;
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fsyncDir(target.folder);
  return describe(file)!;
}

function freeName({ folder, tag }: BackupTarget, reason: BackupReason, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let n = 0; ; n++) {
    const file = path.join(folder, `pmo-desk-${tag}-${stamp}-${reason}${n ? `-${n}` : ''}.sqlite`);
    if (!fs.existsSync(file) && !fs.existsSync(file + PARTIAL)) return file;
  }
}

/** The backup a file name describes, or null for any other file. */
export function describe(file: string): BackupFile | null {
  const m = NAME.exec(path.basename(file));
  if (!m) return null;
  const [, tag, stamp, reason] = m as unknown as [string, string, string, string];
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return null;
  const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  return { id: path.basename(file, '.sqlite'), takenAt, bytes, reason: reason as BackupReason, file, tag };
}

/** Every backup in the folder, newest first (backups of other workspaces in a shared folder too). */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((n) => describe(path.join(folder, n)))
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1));
}

/** The backup an API id names, only ever inside the folder (an id is a name, never a path). */
export function findBackup(folder: string, id: string): BackupFile | null {
  return listBackups(folder).find((b) => b.id === id) ?? null;
}

/** Deletes this workspace's backups the rotation does not keep; answers the deleted ones. */
export function rotateBackups(target: BackupTarget, now: Date): BackupFile[] {
  const own = listBackups(target.folder).filter((b) => b.tag === target.tag);
  const keep = keepByRotation(own, now);
  const gone = own.filter((b) => !keep.has(b.id));
  for (const b of gone) fs.rmSync(b.file, { force: true });
  return gone;
}

/** Removes copies of this workspace a kill left half-written (no other process writes them: we hold the lock). */
export function removePartials(target: BackupTarget): void {
  let names: string[];
  try {
    names = fs.readdirSync(target.folder);
  } catch {
    return;
  }
  for (const n of names)
    if (n.startsWith(`pmo-desk-${target.tag}-`) && n.endsWith(PARTIAL)) fs.rmSync(path.join(target.folder, n), { force: true });
}

/** What earlier versions left next to the database before each migration: `<db>.before-migration-<stamp>.sqlite`. */
const LEGACY = /^(.+)\.before-migration-(\d{8}T\d{6})\.sqlite$/;

/**
 * Earlier versions wrote migration backups next to the database, kept them forever, and a kill mid-way
 * left a partial one under the final name. Sound ones join the backup folder (and its rotation) as
 * migration backups; ones that fail their check are the partial copies, and go.
 */
export function adoptLegacyMigrationBackups(dbFile: string, target: BackupTarget): void {
  const dir = path.dirname(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = LEGACY.exec(n);
    if (!m || m[1] !== path.basename(dbFile)) continue;
    const from = path.join(dir, n);
    if (!checkBackup(from).ok) {
      fs.rmSync(from, { force: true });
      continue;
    }
    fs.mkdirSync(target.folder, { recursive: true });
    const to = path.join(target.folder, `pmo-desk-${target.tag}-${m[2]}000Z-migration.sqlite`);
    if (fs.existsSync(to)) continue;
    try {
      fs.renameSync(from, to);
    } catch {
      copyFileAtomic(from, to); // another disk (a share): copy, then remove
      fs.rmSync(from, { force: true });
    }
  }
}

export interface CheckResult {
  ok: boolean;
  /** SQLite's findings, for the log and the details of a message; empty when ok. */
  problems: string[];
}

const checked = new Map<string, CheckResult>();

/**
 * Whether a backup opens and passes integrity_check, read-only. Remembered per file, size and mtime,
 * so listing the newest good backup does not re-read every file each time.
 */
export function checkBackup(file: string): CheckResult {
  let key: string;
  try {
    const st = fs.statSync(file);
    key = `${file}|${st.size}|${st.mtimeMs}`;
  } catch (err) {
    return { ok: false, problems: [(err as Error).message] };
  }
  const known = checked.get(key);
  if (known) return known;
  let result: CheckResult;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((p) => p !== 'ok');
    const hasProjects = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='projects'").get();
    if (!hasProjects) problems.push('no projects table: not a PMO Desk workspace');
    result = { ok: problems.length === 0, problems };
  } catch (err) {
    result = { ok: false, problems: [(err as Error).message] };
  } finally {
    db?.close();
  }
  checked.set(key, result);
  return result;
}

/** Copies a file so that the target name holds either the old file or the whole new one. */
export function copyFileAtomic(from: string, to: string): void {
  const partial = to + PARTIAL;
  try {
    fs.copyFileSync(from, partial);
    fsyncFile(partial);
    fs.renameSync(partial, to);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(to));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a folder, and NTFS journals renames anyway. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some network file systems refuse fsync on a folder; the file itself is already flushed.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
