// The write-ahead log (`-wal`) holds every commit since the last checkpoint: losing it loses them, and
// SQLite says nothing — it opens the main file as it was. Two guards:
//  - at open after an unclean shutdown, a WAL whose committed frames fail their checksums is damage
//    (SQLite would silently drop those commits);
//  - while running, a WAL deleted from under us is noticed and the connection writes everything it
//    holds into the main file and starts a new WAL, so a kill afterwards loses nothing.
import fs from 'node:fs';
import type Database from 'better-sqlite3';

const HEADER = 32;
const FRAME_HEADER = 24;

export function walFile(dbFile: string): string {
  return `${dbFile}-wal`;
}

/**
 * Why a WAL file is damaged, or null when SQLite can use all of it. A header that does not check out
 * loses every frame; a frame of the current log (its salts match the header) whose checksum fails,
 * followed by a commit of the current log, loses committed transactions. A bad frame with no commit
 * after it is a transaction torn by a crash, which SQLite rightly rolls back.
 */
export function walDamage(file: string): string | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length < HEADER) return null; // created, never written
  const magic = buf.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return 'the -wal file does not start with a WAL header';
  const bigEndian = (magic & 1) === 1;
  const pageSize = buf.readUInt32BE(8) === 1 ? 65536 : buf.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `the -wal header names page size ${pageSize}`;
  let [s0, s1] = checksum(buf, 0, 24, 0, 0, bigEndian);
  if (s0 !== buf.readUInt32BE(24) || s1 !== buf.readUInt32BE(28)) return 'the -wal header checksum fails';
  const salt1 = buf.readUInt32BE(16);
  const salt2 = buf.readUInt32BE(20);
  const frameSize = FRAME_HEADER + pageSize;
  const current = (at: number) => buf.readUInt32BE(at + 8) === salt1 && buf.readUInt32BE(at + 12) === salt2;
  for (let at = HEADER; at + frameSize <= buf.length; at += frameSize) {
    if (!current(at)) return null; // the end of this log; older frames follow
    [s0, s1] = checksum(buf, at, 8, s0, s1, bigEndian);
    [s0, s1] = checksum(buf, at + FRAME_HEADER, pageSize, s0, s1, bigEndian);
    if (s0 === buf.readUInt32BE(at + 16) && s1 === buf.readUInt32BE(at + 20)) continue;
    for (let later = at + frameSize; later + frameSize <= buf.length; later += frameSize) {
      if (!current(later)) break;
      if (buf.readUInt32BE(later + 4) !== 0)
        return `frame ${(at - HEADER) / frameSize + 1} of the -wal file is damaged and commits follow it`;
    }
    return null;
  }
  return null;
}

/** SQLite's WAL checksum: pairs of 32-bit words in the log's byte order, summed with wrap-around. */
function checksum(buf: Buffer, start: number, length: number, s0: number, s1: number, bigEndian: boolean): [number, number] {
  for (let i = start; i < start + length; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Watches the open database's WAL; `check()` is cheap (one stat) and runs before every call. */
export class WalGuard {
  private seen: number | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly sqlite: Database.Database,
  ) {
    this.check();
  }

  /** True when the WAL had vanished (or been replaced) and the connection wrote its data back. */
  check(): boolean {
    let ino: number | null = null;
    try {
      ino = fs.statSync(walFile(this.dbFile)).ino;
    } catch {
      ino = null;
    }
    if (ino !== null && (this.seen === null || this.seen === ino)) {
      this.seen = ino;
      return false;
    }
    if (this.seen === null) return false; // no WAL yet: SQLite creates it with the first write
    this.heal();
    return true;
  }

  /**
   * The connection still reads the lost WAL through its open handle: a checkpoint copies every
   * committed page into the main file, and leaving WAL mode and entering it again starts a new -wal
   * under the right name.
   */
  private heal(): void {
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    this.sqlite.pragma('journal_mode = DELETE');
    this.sqlite.pragma('journal_mode = WAL');
    // A read opens (creates) the new -wal now, not at the next write: a kill in between must not look
    // like a lost WAL at the next start.
    this.sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    this.seen = null;
    this.check();
  }
}
