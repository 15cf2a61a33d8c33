// When the write-ahead log is folded into the database file (a checkpoint): between calls, not inside
// one.
//
// SQLite's default folds the WAL inside the COMMIT that takes it past 1,000 pages. A reschedule of a
// 10,000-task project dirties ~400 wbs_tasks pages and ~130 pages of its audit row, so every second or
// third such edit paid a checkpoint of ~1,100 frames inside its own COMMIT (+4–5 ms CPU, and the
// checkpoint's two fsyncs on the wall clock): the tail of issue 13's "edit that reschedules 9,000
// tasks" figure. Here the workspace folds the WAL after the call's answer has gone, on an idle tick:
//  - right after a call that changed at least SOON_ROWS rows (the next tick of the event loop: the
//    answer is sent first, by IPC or HTTP, before a timer or immediate runs);
//  - after a smaller write, on the workspace's 2-second watch (many small edits, one checkpoint);
//  - SQLite's own checkpoint in the COMMIT stays as a backstop, at BACKSTOP_PAGES: reached only by
//    writes back to back with no idle moment between them (a script's loop) or by one huge batch.
// Durability is unchanged: a commit is durable once in the WAL (synchronous = FULL syncs it at every
// COMMIT), whether or not it has been folded; closing the connection folds everything, and a backup
// (VACUUM INTO) and the copies made of the file with its -wal read through the WAL. A checkpoint
// sooner than the old one (after each larger write) also leaves less in a -wal that could be lost.
import type Database from 'better-sqlite3';

/** SQLite's checkpoint inside a COMMIT, as a backstop only (~40 MB of WAL at 4 KiB pages). */
export const BACKSTOP_PAGES = 10_000;
/** Rows changed since the last checkpoint from which it runs right after the call, not on the 2-second watch. */
export const SOON_ROWS = 1_000;

export class WalCheckpoints {
  private readonly changes: Database.Statement;
  /** This connection's total_changes() when the WAL was last folded (or when opened). */
  private folded: number;

  constructor(private readonly sqlite: Database.Database) {
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
    this.folded = this.total();
  }

  private total(): number {
    return this.changes.get() as number;
  }

  /**
   * What the WAL needs now: 'soon' after at least SOON_ROWS changed rows since the last checkpoint,
   * 'idle' after fewer, null when nothing was written. One tiny statement (total_changes counts this
   * connection's inserts, updates and deletes, triggers' included; the workspace is the file's only writer).
   */
  due(): 'soon' | 'idle' | null {
    if (!this.sqlite.open || this.sqlite.inTransaction) return null;
    const written = this.total() - this.folded;
    return written <= 0 ? null : written >= SOON_ROWS ? 'soon' : 'idle';
  }

  /**
   * Folds the WAL into the file: PASSIVE, so it never waits for a lock nor blocks a reader or writer
   * (none other exists here). Never inside a transaction (the caller's writes could still roll back).
   */
  run(): void {
    if (!this.sqlite.open || this.sqlite.inTransaction) return;
    const total = this.total();
    this.sqlite.pragma('wal_checkpoint(PASSIVE)');
    this.folded = total;
  }
}
