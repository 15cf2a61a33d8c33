// The PostgreSQL mirror's migrations (drizzle/pg/migrations), as migrations.test.ts does for SQLite: a
// database left at each migration, with rows in every table it has, migrated to the head keeps every
// row and every value it had, and still refuses a reference to a missing parent. Skips where
// PostgreSQL's server binaries are missing, as the other PostgreSQL tests do (helpers/pg-cluster.ts).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/workspace.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

const PG_MIGRATIONS = path.join(ROOT, 'drizzle/pg/migrations');
const JOURNAL: { entries: { idx: number; tag: string }[] } = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS, 'meta/_journal.json'), 'utf8'));

function migrationsUpTo(last: number): string {
  const dir = path.join(tempDir('pmo-pgmig-'), 'migrations');
  fs.cpSync(PG_MIGRATIONS, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...JOURNAL, entries: JOURNAL.entries.slice(0, last + 1) }));
  return dir;
}

interface Column {
  name: string;
  type: string;
  nullable: boolean;
  generated: boolean;
}
interface Reference {
  column: string;
  parent: string;
  parentColumn: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tables(c: pg.Client): Promise<string[]> {
  const r = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
  return r.rows.map((x) => x.table_name as string).filter((t) => !t.startsWith('__drizzle'));
}

async function columnsOf(c: pg.Client, table: string): Promise<Column[]> {
  const r = await c.query(
    `SELECT column_name, data_type, is_nullable, is_identity, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => ({
    name: x.column_name,
    type: x.data_type,
    nullable: x.is_nullable === 'YES',
    generated: x.is_identity === 'YES' || /^nextval\(/.test(x.column_default ?? ''),
  }));
}

async function referencesOf(c: pg.Client, table: string): Promise<Reference[]> {
  const r = await c.query(
    `SELECT kcu.column_name, ccu.table_name AS parent, ccu.column_name AS parent_column
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND tc.table_name = $1`,
    [table],
  );
  return r.rows.map((x) => ({ column: x.column_name, parent: x.parent, parentColumn: x.parent_column }));
}

/** Three rows in every table, parents first, each value naming its table, column and row. */
async function fill(c: pg.Client): Promise<void> {
  const all = await tables(c);
  const refs = new Map(await Promise.all(all.map(async (t) => [t, await referencesOf(c, t)] as const)));
  const order: string[] = [];
  const visit = (t: string) => {
    if (order.includes(t)) return;
    for (const r of refs.get(t)!) if (r.parent !== t) visit(r.parent);
    order.push(t);
  };
  all.forEach(visit);
  for (const table of order) {
    const columns = await columnsOf(c, table);
    for (let i = 0; i < 3; i++) {
      const names: string[] = [];
      const values: unknown[] = [];
      for (const col of columns) {
        if (col.generated) continue;
        const ref = refs.get(table)!.find((r) => r.column === col.name);
        let v: unknown;
        if (ref && ref.parent === table) v = i === 0 ? null : (await c.query(`SELECT ${q(ref.parentColumn)} AS v FROM ${q(table)} ORDER BY 1 LIMIT 1`)).rows[0]?.v;
        else if (ref) v = (await c.query(`SELECT ${q(ref.parentColumn)} AS v FROM ${q(ref.parent)} ORDER BY 1 OFFSET $1 LIMIT 1`, [i])).rows[0]?.v;
        else if (/int|numeric/.test(col.type)) v = i + 1;
        else if (/double|real/.test(col.type)) v = i + 0.5;
        else if (col.type === 'boolean') v = i % 2 === 0;
        else if (/json/.test(col.type)) v = JSON.stringify({ [`${table}.${col.name}`]: i });
        else if (/timestamp/.test(col.type)) v = new Date(Date.UTC(2025, 3, 1 + i)).toISOString();
        else if (col.type === 'date') v = `2025-04-0${i + 1}`;
        else v = `${table}.${col.name}#${i}`;
        if (v === null && !col.nullable) continue;
        names.push(q(col.name));
        values.push(v);
      }
      await c.query(`INSERT INTO ${q(table)} (${names.join(', ')}) VALUES (${names.map((_, k) => `$${k + 1}`).join(', ')})`, values);
    }
  }
}

async function snapshot(c: pg.Client): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const t of await tables(c)) out.set(t, (await c.query(`SELECT * FROM ${q(t)} ORDER BY 1`)).rows);
  return out;
}

describe.skipIf(PG_SKIP)('PostgreSQL migrations: a database at each one, with data, migrated to the head', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  for (const entry of JOURNAL.entries.slice(0, -1)) {
    it(`from ${entry.tag}: every row kept, references still refused when broken`, async () => {
      const c = new pg.Client(await cluster.createDatabase(`at_${entry.idx}`));
      await c.connect();
      try {
        await migrate(drizzle(c), { migrationsFolder: migrationsUpTo(entry.idx) });
        await fill(c);
        const before = await snapshot(c);
        await migrate(drizzle(c), { migrationsFolder: PG_MIGRATIONS });
        expect(Number((await c.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0].n)).toBe(JOURNAL.entries.length);
        const after = await snapshot(c);
        for (const [table, rows] of before) {
          const now = after.get(table);
          expect(now, `${table} is still there`).toBeDefined();
          expect(now!.length, table).toBe(rows.length);
          for (const [i, row] of rows.entries()) expect(now![i], `${table} row ${i}`).toMatchObject(row);
        }
        // A reference to a missing parent is refused on the migrated database (tried on a row of each
        // table that has one: those added since the old file's migration are empty).
        for (const table of await tables(c)) {
          if (Number((await c.query(`SELECT count(*) AS n FROM ${q(table)}`)).rows[0].n) === 0) continue;
          for (const ref of await referencesOf(c, table)) {
            if (ref.parent === table) continue;
            await c.query('BEGIN');
            await c.query('SET CONSTRAINTS ALL IMMEDIATE');
            await expect(c.query(`UPDATE ${q(table)} SET ${q(ref.column)} = 987654321 WHERE ctid = (SELECT ctid FROM ${q(table)} LIMIT 1)`), `${table}.${ref.column}`).rejects.toMatchObject({ code: '23503' });
            await c.query('ROLLBACK');
          }
        }
      } finally {
        await c.end();
      }
    }, 120_000);
  }
});
