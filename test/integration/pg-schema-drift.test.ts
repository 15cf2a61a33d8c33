// The SQLite and PostgreSQL schemas cannot drift: both migration chains are applied (SQLite as the app
// opens a workspace, PostgreSQL with drizzle's node-postgres migrator) and the engines' own catalogs are
// compared table by table: columns (type through TYPE_MAP in test/helpers/schema-shape.ts, nullability,
// default, self-numbered ids), primary keys, foreign keys (with their ON DELETE / ON UPDATE) and indexes
// (columns, uniqueness, a partial index's condition). A change to one schema only fails here, naming it.
// And each schema.ts is what its committed migrations build (drizzle-kit finds nothing to generate), so a
// schema edited without its migration fails too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';
import { PG_SKIP, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { diffShapes, pgShape, sqliteShape, type SchemaShape } from '../helpers/schema-shape.js';

export const PG_MIGRATIONS = path.join(ROOT, 'drizzle/pg/migrations');

// Tables that exist on SQLite only, each for a reason; any other table on one side alone is drift.
// - search_text, search_fts*, search_grams*: global search (custom migrations 0005/0007) is SQLite FTS5;
//   on PostgreSQL it will be pg_trgm over the same text (issue 17, not yet built).
// - __drizzle_migrations: drizzle's journal (on PostgreSQL it lives in the `drizzle` schema).
const SQLITE_ONLY = /^(search_text|search_fts(_.*)?|search_grams(_.*)?|__drizzle_migrations)$/;
// On PostgreSQL alone (custom migration 0004_team_workspace): search_text, indexed by pg_trgm instead of
// FTS5 (its own shape, compared by the search tests, not here); and batches.rowid with the stack's index
// ending in it, SQLite's implicit rowid made a column, which orders the undo stacks.
const PG_ONLY = /^search_text$/;
const PG_OWN = ['batches.rowid: only on PostgreSQL', 'batches index batches_stack_rowid: only on PostgreSQL'];
/** The differences but for those two, which must be there. */
function drift(a: SchemaShape, b: SchemaShape): string[] {
  const all = diffShapes(a, b);
  for (const own of PG_OWN) expect(all).toContain(own);
  return all.filter((d) => !PG_OWN.includes(d));
}

describe.skipIf(PG_SKIP)('SQLite and PostgreSQL schemas', () => {
  let cluster: PgCluster;
  let client: pg.Client;
  let db: Db;
  let sqlite: SchemaShape;

  beforeAll(async () => {
    cluster = await startPgCluster();
    client = new pg.Client(cluster.config);
    await client.connect();
    await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS });
    db = openDatabase(path.join(tempDir(), 'w.sqlite'), { migrationsFolder: MIGRATIONS });
    sqlite = sqliteShape(db.sqlite, (t) => SQLITE_ONLY.test(t));
  });
  afterAll(async () => {
    db?.close();
    await client?.end();
    await cluster?.stop();
  });

  const pgNow = () => pgShape(client, (t) => PG_ONLY.test(t));

  it('have the same tables, columns, keys and indexes after migrating', async () => {
    const shape = await pgNow();
    expect(Object.keys(shape).length).toBeGreaterThanOrEqual(18);
    expect(drift(sqlite, shape)).toEqual([]);
    // The comparison sees what it must: the partial index's condition and a self-referencing cascade.
    expect(shape.wbs_tasks!.indexes.wbs_tasks_auto).toEqual({ columns: ['project_id'], unique: false, where: "scheduling = 'auto'" });
    expect(shape.wbs_tasks!.foreignKeys).toContainEqual({ columns: ['parent_id'], table: 'wbs_tasks', to: ['id'], onDelete: 'cascade', onUpdate: 'no action' });
  });

  // Each change below is made to one engine only, inside a transaction rolled back afterwards (DDL is
  // transactional on both), and must be reported as exactly that difference.
  async function diffAfterPg(ddl: string): Promise<string[]> {
    await client.query('BEGIN');
    try {
      await client.query(ddl);
      return drift(sqlite, await pgNow());
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it.each([
    ['ALTER TABLE risks ALTER COLUMN owner DROP NOT NULL', ['risks.owner notNull: SQLite true ≠ PostgreSQL false']],
    ['ALTER TABLE wbs_tasks ALTER COLUMN position TYPE real', ['wbs_tasks.position type: SQLite "double precision" ≠ PostgreSQL "real"']],
    ["ALTER TABLE issues ALTER COLUMN status SET DEFAULT 'open'", ['issues.status default: SQLite "\'not_started\'" ≠ PostgreSQL "\'open\'"']],
    ['ALTER TABLE changes ADD COLUMN cost integer', ['changes.cost: only on PostgreSQL']],
    [
      "DROP INDEX wbs_tasks_auto; CREATE INDEX wbs_tasks_auto ON wbs_tasks (project_id) WHERE scheduling = 'manual'",
      [`wbs_tasks index wbs_tasks_auto: SQLite {"columns":["project_id"],"unique":false,"where":"scheduling = 'auto'"} ≠ PostgreSQL {"columns":["project_id"],"unique":false,"where":"scheduling = 'manual'"}`],
    ],
    [
      'ALTER TABLE issues DROP CONSTRAINT issues_meeting_id_meetings_id_fk; ALTER TABLE issues ADD FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE',
      [
        'issues foreign key only on SQLite: {"columns":["meeting_id"],"table":"meetings","to":["id"],"onDelete":"set null","onUpdate":"no action"}',
        'issues foreign key only on PostgreSQL: {"columns":["meeting_id"],"table":"meetings","to":["id"],"onDelete":"cascade","onUpdate":"no action"}',
      ],
    ],
    ['CREATE TABLE extra_table (id integer PRIMARY KEY)', ['table extra_table: only on PostgreSQL']],
  ])('reports a change made on PostgreSQL only: %s', async (ddl, expected) => {
    expect(await diffAfterPg(ddl)).toEqual(expected);
  });

  it('reports a change made on SQLite only', async () => {
    const s = db.sqlite;
    s.exec('BEGIN');
    try {
      s.exec('DROP INDEX risks_project; CREATE UNIQUE INDEX risks_project ON risks (project_id)');
      s.exec('ALTER TABLE settings ADD COLUMN note text');
      const changed = sqliteShape(s, (t) => SQLITE_ONLY.test(t));
      expect(drift(changed, await pgNow())).toEqual([
        'risks index risks_project: SQLite {"columns":["project_id"],"unique":true,"where":null} ≠ PostgreSQL {"columns":["project_id"],"unique":false,"where":null}',
        'settings.note: only on SQLite',
      ]);
    } finally {
      s.exec('ROLLBACK');
    }
  });
});

describe('each drizzle schema matches its committed migrations', () => {
  it.each([
    ['sqlite', 'drizzle/schema.ts', 'drizzle/migrations'],
    ['postgresql', 'drizzle/pg/schema.ts', 'drizzle/pg/migrations'],
  ])('%s: drizzle-kit generate finds no change', (dialect, schema, migrations) => {
    // drizzle-kit takes paths relative to the project; a copy under test-output keeps the real folder untouched.
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    const out = path.relative(ROOT, fs.mkdtempSync(path.join(ROOT, 'test-output', 'drift-')));
    try {
      fs.cpSync(path.join(ROOT, migrations), path.join(ROOT, out), { recursive: true });
      const before = fs.readdirSync(path.join(ROOT, out)).sort();
      const said = execFileSync(path.join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', `--dialect=${dialect}`, `--schema=./${schema}`, `--out=${out}`], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(fs.readdirSync(path.join(ROOT, out)).sort()).toEqual(before);
      expect(said).toMatch(/No schema changes/);
    } finally {
      fs.rmSync(path.join(ROOT, out), { recursive: true, force: true });
    }
  });
});
