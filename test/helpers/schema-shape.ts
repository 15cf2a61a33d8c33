// The shape of a migrated workspace database, read back from the engine itself (not from the drizzle
// schemas), in one normalized form for SQLite and PostgreSQL, so test/integration/pg-schema-drift.test.ts
// can say exactly where the two differ.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export interface ColumnShape {
  type: string;
  notNull: boolean;
  /** Default after normalization (see normDefault), null when none. */
  default: string | null;
  /** An integer id the database numbers itself (SQLite AUTOINCREMENT, PostgreSQL identity). */
  generated: boolean;
}
export interface IndexShape {
  columns: string[];
  unique: boolean;
  /** A partial index's condition, normalized (see normExpr), null for a whole-table index. */
  where: string | null;
}
export interface ForeignKeyShape {
  columns: string[];
  table: string;
  to: string[];
  onDelete: string;
  onUpdate: string;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  foreignKeys: ForeignKeyShape[];
  indexes: Record<string, IndexShape>;
}
export type SchemaShape = Record<string, TableShape>;

/**
 * SQLite declared type → the PostgreSQL type drizzle/pg/schema.ts gives the same column (its header says
 * why each). A SQLite type missing here is reported as a difference, not guessed.
 */
export const TYPE_MAP: Record<string, string> = {
  integer: 'integer',
  real: 'double precision',
  text: 'text',
  blob: 'bytea',
};

// Type casts PostgreSQL writes into stored expressions ('x'::text), and the parentheses either engine adds.
function normExpr(e: string): string {
  let s = e.replace(/::[a-z ]+(\[\])?/gi, '').replace(/\s+/g, ' ').trim();
  while (/^\(.*\)$/.test(s) && balanced(s.slice(1, -1))) s = s.slice(1, -1).trim();
  return s;
}
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

// Defaults: booleans are 0/1 on both; "the time now as ISO text" is one token whatever function writes it.
function normDefault(d: string | null): string | null {
  if (d == null) return null;
  const s = normExpr(d);
  if (/strftime\('%Y-%m-%dT%H:%M:%fZ', ?'now'\)/.test(s) || /^to_char\(\(?now\(\) AT TIME ZONE 'UTC'\)?, 'YYYY-MM-DD"T"HH24:MI:SS\.MS"Z"'\)$/.test(s)) return 'NOW';
  if (s === 'false') return '0';
  if (s === 'true') return '1';
  return s;
}

const ACTIONS: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

export function sqliteShape(db: Database.Database, skip: (table: string) => boolean): SchemaShape {
  const shape: SchemaShape = {};
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of tables) {
    if (skip(name)) continue;
    const cols = db.prepare(`SELECT * FROM pragma_table_xinfo(?)`).all(name) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const autoincrement = /\bAUTOINCREMENT\b/i.test(sql);
    const columns: Record<string, ColumnShape> = {};
    for (const c of cols) {
      const lower = c.type.toLowerCase();
      columns[c.name] = {
        type: TYPE_MAP[lower] ?? `sqlite:${lower}`,
        notNull: c.notnull === 1 || c.pk > 0,
        default: normDefault(c.dflt_value),
        generated: autoincrement && c.pk > 0,
      };
    }
    const fkRows = db.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(name) as { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string }[];
    const byId = new Map<number, ForeignKeyShape>();
    for (const r of fkRows.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
      const fk = byId.get(r.id) ?? { columns: [], table: r.table, to: [], onDelete: r.on_delete.toLowerCase(), onUpdate: r.on_update.toLowerCase() };
      fk.columns.push(r.from);
      fk.to.push(r.to);
      byId.set(r.id, fk);
    }
    const indexes: Record<string, IndexShape> = {};
    const list = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(name) as { name: string; unique: number; origin: string; partial: number }[];
    for (const ix of list) {
      if (ix.origin === 'pk') continue;
      const columnsOf = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string }[]).map((r) => r.name);
      let where: string | null = null;
      if (ix.partial) {
        const ddl = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(ix.name) as { sql: string }).sql;
        where = normExpr(ddl.slice(ddl.search(/\bWHERE\b/i) + 5));
      }
      indexes[ix.name] = { columns: columnsOf, unique: ix.unique === 1, where };
    }
    shape[name] = { columns, primaryKey, foreignKeys: sortFks([...byId.values()]), indexes };
  }
  return shape;
}

export async function pgShape(client: pg.ClientBase, skip: (table: string) => boolean, schema = 'public'): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema])).rows;
  for (const { name } of tables) {
    if (skip(name)) continue;
    const rel = `${schema}.${name}`;
    const cols = (
      await client.query<{ name: string; type: string; not_null: boolean; def: string | null; identity: string }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS identity
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
        [rel],
      )
    ).rows;
    const columns: Record<string, ColumnShape> = {};
    for (const c of cols) columns[c.name] = { type: c.type, notNull: c.not_null, default: normDefault(c.def), generated: c.identity !== '' };
    const pk = (
      await client.query<{ cols: string[] }>(
        `SELECT array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols
           FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisprimary`,
        [rel],
      )
    ).rows;
    const fks = (
      await client.query<{ cols: string[]; ref: string; to: string[]; del: string; upd: string }>(
        `SELECT array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
                cl.relname AS ref,
                array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS to,
                c.confdeltype AS del, c.confupdtype AS upd
           FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.confrelid
          WHERE c.conrelid = $1::regclass AND c.contype = 'f'`,
        [rel],
      )
    ).rows;
    const ixs = (
      await client.query<{ name: string; cols: string[]; uniq: boolean; pred: string | null }>(
        `SELECT ic.relname AS name,
                array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
                i.indisunique AS uniq, pg_get_expr(i.indpred, i.indrelid) AS pred
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
          WHERE i.indrelid = $1::regclass AND NOT i.indisprimary`,
        [rel],
      )
    ).rows;
    const indexes: Record<string, IndexShape> = {};
    for (const ix of ixs) indexes[ix.name] = { columns: ix.cols, unique: ix.uniq, where: ix.pred == null ? null : normExpr(ix.pred) };
    shape[name] = {
      columns,
      primaryKey: pk[0]?.cols ?? [],
      foreignKeys: sortFks(fks.map((f) => ({ columns: f.cols, table: f.ref, to: f.to, onDelete: ACTIONS[f.del]!, onUpdate: ACTIONS[f.upd]! }))),
      indexes,
    };
  }
  return shape;
}

function sortFks(fks: ForeignKeyShape[]): ForeignKeyShape[] {
  return fks.sort((a, b) => (a.columns.join() + a.table).localeCompare(b.columns.join() + b.table));
}

/** Every difference between two shapes, one line each naming table, column or index; [] when equal. */
export function diffShapes(sqlite: SchemaShape, pgs: SchemaShape): string[] {
  const out: string[] = [];
  const j = (v: unknown) => JSON.stringify(v);
  for (const t of new Set([...Object.keys(sqlite), ...Object.keys(pgs)])) {
    const a = sqlite[t];
    const b = pgs[t];
    if (!a || !b) {
      out.push(`table ${t}: only on ${a ? 'SQLite' : 'PostgreSQL'}`);
      continue;
    }
    for (const c of new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])) {
      const x = a.columns[c];
      const y = b.columns[c];
      if (!x || !y) {
        out.push(`${t}.${c}: only on ${x ? 'SQLite' : 'PostgreSQL'}`);
        continue;
      }
      for (const k of ['type', 'notNull', 'default', 'generated'] as const) {
        if (x[k] !== y[k]) out.push(`${t}.${c} ${k}: SQLite ${j(x[k])} ≠ PostgreSQL ${j(y[k])}`);
      }
    }
    if (j(a.primaryKey) !== j(b.primaryKey)) out.push(`${t} primary key: SQLite ${j(a.primaryKey)} ≠ PostgreSQL ${j(b.primaryKey)}`);
    const fa = a.foreignKeys.map(j);
    const fb = b.foreignKeys.map(j);
    for (const f of fa) if (!fb.includes(f)) out.push(`${t} foreign key only on SQLite: ${f}`);
    for (const f of fb) if (!fa.includes(f)) out.push(`${t} foreign key only on PostgreSQL: ${f}`);
    for (const i of new Set([...Object.keys(a.indexes), ...Object.keys(b.indexes)])) {
      const x = a.indexes[i];
      const y = b.indexes[i];
      if (!x || !y) out.push(`${t} index ${i}: only on ${x ? 'SQLite' : 'PostgreSQL'}`);
      else if (j(x) !== j(y)) out.push(`${t} index ${i}: SQLite ${j(x)} ≠ PostgreSQL ${j(y)}`);
    }
  }
  return out;
}
