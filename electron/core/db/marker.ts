// The workspace marker: a small file next to the database that says a workspace lives in this folder.
// With it, a missing, empty or table-less database is a lost workspace to recover, never a new one to
// create. It also keeps what must be known before the database opens (it may be damaged): where
// backups go, and when the last full integrity check ran.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface Marker {
  /** The workspace's id; its first 8 hex digits tag its backups. */
  id: string;
  createdAt: string;
  /** The backup folder the user chose; absent: `<data folder>/backups`. */
  backupFolder?: string;
  /** When integrity_check last passed on the live file. */
  lastFullCheck?: string;
  /** Set when damage was seen while running: the next open checks in full. */
  needsCheck?: boolean;
}

export function markerFile(dataDir: string): string {
  return path.join(dataDir, 'pmo-desk.workspace.json');
}

export function readMarker(dataDir: string): Marker | null {
  try {
    const v = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as Partial<Marker>;
    if (typeof v.id !== 'string') return null;
    return { ...v, id: v.id, createdAt: String(v.createdAt ?? '') };
  } catch (err) {
    // A marker that exists but does not parse still says a workspace was here.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { id: randomUUID(), createdAt: '' };
  }
}

export function writeMarker(dataDir: string, marker: Marker): void {
  const file = markerFile(dataDir);
  const temp = `${file}.partial`;
  fs.writeFileSync(temp, JSON.stringify(marker, null, 2));
  fs.renameSync(temp, file);
}

export function newMarker(now: Date): Marker {
  return { id: randomUUID(), createdAt: now.toISOString() };
}

export function workspaceTag(marker: Marker): string {
  const hex = marker.id.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return (hex + '00000000').slice(0, 8);
}

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupFolder(dataDir: string, marker: Marker): string {
  return marker.backupFolder ?? defaultBackupFolder(dataDir);
}
