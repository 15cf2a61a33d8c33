// project.delete is one audited batch, so its caller can undo it: every row of the project in every
// table comes back exactly (updated_at included), the search index with it; redo deletes it again; and
// undo and redo take the caller's own newest step, never a colleague's (two callers of one workspace).
import fc from 'fast-check';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import type { Input, Method, Output } from '../../electron/common/api.js';
import type { Caller } from '../../electron/common/api/jobs.js';
import { PROJECT_TABLES, projectStore } from '../../electron/core/entities.js';
import { reindex } from '../../electron/core/services/search-index.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const ws = tempWorkspace();
afterAll(() => ws.close());
const sqlite = ws.db.sqlite;

/** A call as `user` (the caller the web host or a window names). */
function callAs(user: string) {
  const caller: Caller = { user, client: `${user}-window` };
  return async <M extends Method>(method: M, args: Input<M>): Promise<Output<M>> => {
    const env = await ws.handlers.invoke(method, args, caller);
    if (!env.ok) throw ApiError.from(env.error);
    return env.result as Output<M>;
  };
}
const tanaka = callAs('tanaka');
const suzuki = callAs('suzuki');

/** A small seeded generator (fast-check picks the seed), so a failing case replays. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const WORDS = ['要件定義', '設計', 'テスト', 'review', '課題', '移行', 'A-1', '山田', '佐藤', 'x', ''];

/**
 * Writes rows into every table a project owns (entities.ts PROJECT_TABLES), `counts[i]` into the i-th:
 * every column a value of its kind (nullable ones sometimes null), references to rows of the same
 * project (a task under another, an issue linked to a meeting, a link between two tasks), through each
 * table's store. A row a unique index refuses is left out.
 */
function fillProject(projectId: number, counts: number[], seed: number): void {
  const r = random(seed);
  const idsOf = new Map<string, number[]>();
  PROJECT_TABLES.forEach(({ table, store }, i) => {
    const config = getTableConfig(table);
    const refs = new Map(config.foreignKeys.map((fk) => [fk.reference().columns[0]!.name, getTableConfig(fk.reference().foreignTable).name]));
    const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
    const ids: number[] = [];
    idsOf.set(store.table, ids);
    for (let k = 0; k < counts[i]!; k++) {
      const values: Record<string, unknown> = {};
      for (const [field, c] of columns) {
        if (field === 'id') continue;
        if (field === 'projectId') {
          values[field] = projectId;
          continue;
        }
        const parent = refs.get(c.name);
        const maybeNull = !c.notNull && r.int(4) === 0;
        if (parent) {
          const pool = idsOf.get(parent) ?? [];
          values[field] = pool.length === 0 || maybeNull ? (c.notNull ? undefined : null) : r.pick(pool);
          continue;
        }
        if (maybeNull) values[field] = null;
        else if (c.enumValues && c.enumValues.length > 0) values[field] = r.pick(c.enumValues);
        else if (c.columnType === 'SQLiteBoolean') values[field] = r.int(2) === 1;
        else if (c.columnType === 'SQLiteInteger') values[field] = r.int(100_000) - 100;
        else if (c.columnType === 'SQLiteReal') values[field] = Math.round(r.next() * 10_000) / 100;
        else if (c.columnType === 'SQLiteTextJson') values[field] = r.int(2) ? { [r.pick(WORDS) || 'k']: r.pick(WORDS), n: r.int(9) } : [r.pick(WORDS)];
        else values[field] = `${r.pick(WORDS)}${r.pick(WORDS)}#${k}`;
      }
      if (Object.values(values).some((v) => v === undefined)) continue; // a required parent with no row yet
      try {
        ids.push(store.insert(ws.db, values as never).id);
      } catch (err) {
        if (!String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE')) throw err;
      }
    }
  });
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every row of every table, as SQLite holds it: the history tables aside (a step writes its own
 * batch), and the FTS indexes' internal tables (search_text, which they index, is compared).
 */
function everyTable(): Record<string, unknown[]> {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (['batches', 'audit_log', 'sqlite_sequence', '__drizzle_migrations'].includes(name)) continue;
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    out[name] = sqlite.prepare(`SELECT * FROM ${q(name)} ORDER BY rowid`).raw().all();
  }
  return out;
}

const rowsOfProject = (projectId: number) =>
  PROJECT_TABLES.reduce((n, { table }) => n + (sqlite.prepare(`SELECT count(*) FROM ${q(getTableConfig(table).name)} WHERE project_id = ?`).pluck().get(projectId) as number), 0);

describe('project.delete is undone by its caller', () => {
  it('a random project: delete → undo gives back every table as it was, redo deletes it again, undo again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(6), { minLength: PROJECT_TABLES.length, maxLength: PROJECT_TABLES.length }), fc.integer(), async (counts, seed) => {
        const target = await tanaka('project.create', { name: '削除する案件' });
        const bystander = await tanaka('project.create', { name: '残る案件' });
        fillProject(target.id, counts, seed);
        fillProject(bystander.id, counts.map((c) => (c + 1) % 7), seed + 1);
        reindex(ws.db); // the search index as the app keeps it
        const before = everyTable();
        const batches = sqlite.prepare('SELECT count(*) FROM batches').pluck().get() as number;

        await tanaka('project.delete', { id: target.id });
        const deleted = everyTable();
        expect(rowsOfProject(target.id)).toBe(0);
        expect(projectStore.get(ws.db, target.id)).toBeUndefined();
        expect(sqlite.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(batches + 1); // one batch
        expect(await tanaka('history.state', { projectId: target.id })).toEqual({ canUndo: true, canRedo: false, undoLabel: 'project.delete' });

        const undone = await tanaka('history.undo', { projectId: target.id });
        expect(undone).toMatchObject({ applied: true, label: 'project.delete', state: { canRedo: true } });
        expect(everyTable()).toEqual(before);

        const redone = await tanaka('history.redo', { projectId: target.id });
        expect(redone).toMatchObject({ applied: true, label: 'project.delete', state: { canUndo: true, canRedo: false } });
        expect(everyTable()).toEqual(deleted);

        await tanaka('history.undo', { projectId: target.id });
        expect(everyTable()).toEqual(before);
        await tanaka('project.delete', { id: target.id });
        await tanaka('project.delete', { id: bystander.id });
      }),
      { numRuns: 8 },
    );
  });

  it('a colleague cannot undo it, and the caller undoes their own delete even after the colleague worked elsewhere', async () => {
    const p = await tanaka('project.create', { name: '案件' });
    const other = await suzuki('project.create', { name: '鈴木の案件' });
    await tanaka('wbs.create', { projectId: p.id, parentId: null, values: { name: '設計' } });
    await tanaka('project.delete', { id: p.id });
    await suzuki('wbs.create', { projectId: other.id, parentId: null, values: { name: '鈴木のタスク' } });
    // suzuki's newest step in p is none: the project is gone for them.
    await expect(suzuki('history.undo', { projectId: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tanaka('history.redo', { projectId: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await tanaka('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'project.delete' });
    expect((await tanaka('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t) => t.name)).toEqual(['設計']);
    // Back in the project, tanaka's own earlier step is on top of their stack again.
    expect(await tanaka('history.state', { projectId: p.id })).toMatchObject({ canUndo: true, undoLabel: 'wbs.create', canRedo: true, redoLabel: 'project.delete' });
  });
});

describe('undo and redo take the caller\'s own newest batch', () => {
  it('two callers in one project: each undoes and redoes only their own steps, whatever the other did since', async () => {
    const p = await tanaka('project.create', { name: '共有案件' });
    const t = await tanaka('wbs.create', { projectId: p.id, parentId: null, values: { name: '田中のタスク' } });
    const s = await suzuki('wbs.create', { projectId: p.id, parentId: null, values: { name: '鈴木のタスク' } });
    await tanaka('wbs.update', { id: t.id, patch: { assignee: '田中' } });
    await suzuki('wbs.update', { id: s.id, patch: { assignee: '鈴木' } });
    const names = async () => (await tanaka('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((x) => `${x.name}:${x.assignee}`);

    // tanaka's newest is the assignee of their task, though suzuki changed something since.
    expect(await tanaka('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect(await names()).toEqual(['田中のタスク:', '鈴木のタスク:鈴木']);
    // suzuki's stack is untouched by it: their newest is still their own update, and they have nothing to redo.
    expect(await suzuki('history.state', { projectId: p.id })).toMatchObject({ canUndo: true, undoLabel: 'wbs.update', canRedo: false });
    expect(await suzuki('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect(await names()).toEqual(['田中のタスク:', '鈴木のタスク:']);
    expect(await suzuki('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.create' });
    expect(await names()).toEqual(['田中のタスク:']);
    // tanaka redoes their own undo only, not suzuki's two.
    expect(await tanaka('history.redo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect(await names()).toEqual(['田中のタスク:田中']);
    expect(await tanaka('history.state', { projectId: p.id })).toMatchObject({ canRedo: false });
    expect(await suzuki('history.state', { projectId: p.id })).toMatchObject({ canRedo: true, redoLabel: 'wbs.create' });
    const who = sqlite.prepare('SELECT who, kind, label FROM batches WHERE project_id = ? ORDER BY rowid').raw().all(p.id);
    expect(who).toEqual([
      ['tanaka', 'edit', 'wbs.create'],
      ['suzuki', 'edit', 'wbs.create'],
      ['tanaka', 'edit', 'wbs.update'],
      ['suzuki', 'edit', 'wbs.update'],
      ['tanaka', 'undo', 'wbs.update'],
      ['suzuki', 'undo', 'wbs.update'],
      ['suzuki', 'undo', 'wbs.create'],
      ['tanaka', 'redo', 'wbs.update'],
    ]);
  });
});
