// Damage a workspace file the way the durability audit found it, for the tests of the checks that find it.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Changes one batch id inside the root page of audit_log's index on batch_id (audit_batch, later
 * audit_batch_entity), so the index no longer matches its table: the damage the audit found.
 */
export function breakIndexEntry(file: string): void {
  const db = new Database(file);
  const { name: index, rootpage: root } = db
    .prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND name LIKE 'audit_batch%'")
    .get() as { name: string; rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const ids = db.prepare('SELECT id FROM batches').pluck().all() as string[];
  db.close();
  const buf = fs.readFileSync(file);
  const page = buf.subarray((root - 1) * pageSize, root * pageSize);
  for (const id of ids) {
    const at = page.indexOf(Buffer.from(id));
    if (at < 0) continue;
    // The last character of the id: the entry still sorts in place, but names no row's batch.
    const last = at + id.length - 1;
    page[last] = page[last] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(file, buf);
    return;
  }
  throw new Error(`no batch id found in the root page of ${index}`);
}
