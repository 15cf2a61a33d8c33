// Client profiles' statements (excel_profiles): a profile's row without its template, the template's
// bytes apart (a workbook of megabytes is read only by the export that writes into it).
import type { SqlDb } from '../sql.js';

/** A profile's row as stored; `mapping` is the layout's JSON text. */
export interface ProfileRow {
  id: number;
  name: string;
  register: string;
  header_signature: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, register, header_signature, mapping, created_at, updated_at';
// The app's own clock as ISO text (what SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now') wrote), passed as a
// parameter so the statement is the same on PostgreSQL.
const now = () => new Date().toISOString();

/** Every profile (of one register when given), by name. */
export function profileRows(db: SqlDb, register?: string): ProfileRow[] {
  return register === undefined
    ? db.sql.all(`SELECT ${COLUMNS} FROM excel_profiles ORDER BY name, id`)
    : db.sql.all(`SELECT ${COLUMNS} FROM excel_profiles WHERE register = ? ORDER BY name, id`, [register]);
}

/** The profiles of a register, the most recently changed first (finding one by its header). */
export function profileRowsNewestFirst(db: SqlDb, register: string): ProfileRow[] {
  return db.sql.all(`SELECT ${COLUMNS} FROM excel_profiles WHERE register = ? ORDER BY updated_at DESC, id DESC`, [register]);
}

export function profileRow(db: SqlDb, id: number): ProfileRow | undefined {
  return db.sql.get(`SELECT ${COLUMNS} FROM excel_profiles WHERE id = ?`, [id]);
}

/** The layout's JSON text alone. */
export function profileMapping(db: SqlDb, id: number): string | undefined {
  return db.sql.get<{ mapping: string }>('SELECT mapping FROM excel_profiles WHERE id = ?', [id])?.mapping;
}

/** The template workbook's bytes (null when the profile has none). */
export function profileTemplateBytes(db: SqlDb, id: number): Buffer | null {
  return db.sql.get<{ template: Buffer | null }>('SELECT template FROM excel_profiles WHERE id = ?', [id])?.template ?? null;
}

/** A new profile; answers its id. */
export function insertProfile(db: SqlDb, p: { name: string; register: string; headerSignature: string; template: Uint8Array; mapping: string }): number {
  return db.sql.run('INSERT INTO excel_profiles (name, register, header_signature, template, mapping) VALUES (?, ?, ?, ?, ?)', [
    p.name,
    p.register,
    p.headerSignature,
    Buffer.from(p.template),
    p.mapping,
  ]).lastId;
}

export function updateProfileLayout(db: SqlDb, id: number, p: { headerSignature: string; template: Uint8Array; mapping: string }): void {
  db.sql.run(`UPDATE excel_profiles SET header_signature = ?, template = ?, mapping = ?, updated_at = ? WHERE id = ?`, [p.headerSignature, Buffer.from(p.template), p.mapping, now(), id]);
}

export function updateProfileMapping(db: SqlDb, id: number, mapping: string): void {
  db.sql.run(`UPDATE excel_profiles SET mapping = ?, updated_at = ? WHERE id = ?`, [mapping, now(), id]);
}

export function renameProfileRow(db: SqlDb, id: number, name: string): void {
  db.sql.run(`UPDATE excel_profiles SET name = ?, updated_at = ? WHERE id = ?`, [name, now(), id]);
}

/** Deletes the profile; answers how many rows went (0 or 1). */
export function deleteProfileRow(db: SqlDb, id: number): number {
  return db.sql.run('DELETE FROM excel_profiles WHERE id = ?', [id]).changes;
}
