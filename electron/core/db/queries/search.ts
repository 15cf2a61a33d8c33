// The search index's statements (search_text, its FTS5 indexes search_fts and search_grams; see
// services/search-index.ts for why a batch writes them) and the searches over it (services/search.ts).
import type { SqlDb } from '../sql.js';
import { upsertSearchRowsPg } from './search-pg.js';

/**
 * search_text.id = row id * KEY_KINDS + the kind's number (1 .. KEY_KINDS - 1): one key space for every
 * searched table. 32 leaves room for 31 registers; the key changes only with a reindex (search-index.ts
 * INDEX_VERSION), since keys are stored.
 */
export const KEY_KINDS = 32;

/** A searched table, as search-index.ts describes it, with its kind's number. */
export interface SearchSource {
  kind: string;
  table: string;
  /** The ID column; none for WBS tasks (their code is derived from the tree) and meetings. */
  ref: string | null;
  title: string;
  /** Text columns, in the order they are joined into the body. */
  text: string[];
  /** A JSON column whose every text value is searched too (the minutes' agenda, notes, decisions). */
  tree?: string;
  num: number;
}

/** A row as search_text holds its text (the key, the ID and title, the text). */
export interface SearchEntry {
  id: number;
  ref: string;
  title: string;
  body: string;
}

// The JSON is read only when it holds something: most rows' extra is '{}' (json_each per row measured
// a third of the index's cost of a 10,000-row import).
const jsonTexts = (col: string, types: string) =>
  `CASE WHEN s.${col} IN ('{}', '') THEN NULL ELSE (SELECT group_concat(value, char(10)) FROM json_${types === 'tree' ? 'tree' : 'each'}(CASE WHEN json_valid(s.${col}) THEN s.${col} ELSE '{}' END) WHERE ${
    types === 'tree' ? "type = 'text'" : "type IN ('text', 'integer', 'real')"
  }) END`;

/**
 * The one generator of each table's SQL: its rows as search_text holds them, for the rows `where`
 * picks. The body joins the text columns, the client's extra columns and, for minutes, every text in
 * the body JSON, one per line.
 */
function selectOf(s: SearchSource, where: string): string {
  const q = (c: string) => `s."${c}"`;
  const body = [...s.text.map((c) => `nullif(${q(c)}, '')`), jsonTexts('extra', 'each'), ...(s.tree ? [jsonTexts(s.tree, 'tree')] : [])];
  return `SELECT s.id * ${KEY_KINDS} + ${s.num} AS id, s.project_id AS projectId, s.id AS rowId, ${s.ref ? q(s.ref) : "''"} AS ref, ${q(s.title)} AS title,
    coalesce(concat_ws(char(10), ${body.join(', ')}), '') AS body FROM ${s.table} s WHERE ${where}`;
}

/** Which rows of a source to index: some by id, a project's, or all. */
export type SearchScope = { ids: readonly number[] } | { projectId: number } | 'all';

/**
 * One statement per table and batch: the rows of the scope, written into search_text as they read now
 * (new ones inserted, changed ones updated, unchanged ones left alone; search_fts follows by
 * search_text's triggers), answering the rows it wrote, whose pieces are then written. `answer` false:
 * the caller needs no answer (PostgreSQL has no pieces to write), and the statement is sent (Sql.send).
 */
export function upsertSearchRows(db: SqlDb, s: SearchSource, scope: SearchScope, answer = true): SearchEntry[] {
  if (db.sql.dialect.search === 'trgm') return upsertSearchRowsPg(db, s, scope, answer);
  const [where, args] =
    scope === 'all' ? ['true', []] : 'ids' in scope ? ['s.id IN (SELECT value FROM json_each(?))', [JSON.stringify(scope.ids)]] : ['s.project_id = ?', [scope.projectId]];
  return db.sql.all<SearchEntry>(
    `INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
     SELECT id, '${s.kind}', projectId, rowId, ref, title, body FROM (${selectOf(s, where)}) WHERE true
     ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body
     WHERE project_id IS NOT excluded.project_id OR ref IS NOT excluded.ref OR title IS NOT excluded.title OR body IS NOT excluded.body
     RETURNING id, ref, title, body`,
    args,
  );
}

/** Removes the entries of a project (of every project without one); answers their keys. */
export function deleteSearchRows(db: SqlDb, projectId?: number): number[] {
  const gone =
    projectId === undefined
      ? db.sql.values<[number]>('DELETE FROM search_text RETURNING id')
      : db.sql.values<[number]>('DELETE FROM search_text WHERE project_id = ? RETURNING id', [projectId]);
  return gone.map((r) => r[0]);
}

/** Removes the entries of a project that no longer exists (none if it does: its delete was undone since); answers their keys. */
export function deleteSearchRowsOfGoneProject(db: SqlDb, projectId: number): number[] {
  return db.sql
    .values<[number]>('DELETE FROM search_text WHERE project_id = ? AND NOT EXISTS (SELECT 1 FROM projects WHERE id = ?) RETURNING id', [projectId, projectId])
    .map((r) => r[0]);
}

/**
 * Removes the entries of the source's rows among `ids` that no longer exist; answers their keys (`answer`
 * false: sent, answering none, as upsertSearchRows).
 */
export function deleteSearchRowsGone(db: SqlDb, s: SearchSource, ids: readonly number[], answer = true): number[] {
  // NOT EXISTS, not NOT IN: PostgreSQL cannot turn NOT IN (which NULL makes unknown) into an anti-join,
  // and hashed the whole table for it (7 ms of a text edit on 10,000 tasks); both engines seek the key.
  const sql = `DELETE FROM search_text WHERE id IN (SELECT j.value * ${KEY_KINDS} + ${s.num} FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM ${s.table} r WHERE r.id = j.value))`;
  if (!answer) {
    db.sql.send(sql, [JSON.stringify(ids)]);
    return [];
  }
  return db.sql.values<[number]>(`${sql} RETURNING id`, [JSON.stringify(ids)]).map((r) => r[0]);
}

/** The pieces index (search_grams): the keys' old pieces out, then `grams` ([key, ID-and-title pieces, text pieces]) in. */
export function replaceSearchGrams(db: SqlDb, keys: readonly number[], grams: readonly [number, string, string][]): void {
  if (keys.length === 0 || db.sql.dialect.search !== 'fts5') return;
  db.sql.run('DELETE FROM search_grams WHERE rowid IN (SELECT value FROM json_each(?))', [JSON.stringify(keys)]);
  if (grams.length === 0) return;
  db.sql.run('INSERT INTO search_grams (rowid, named, body) SELECT g.value->>0, g.value->>1, g.value->>2 FROM json_each(?) g', [JSON.stringify(grams)]);
}

// ---- searching --------------------------------------------------------------------------------------

/** A found row with its project's name. */
export interface SearchRow {
  kind: string;
  id: number;
  projectId: number;
  projectName: string;
  ref: string;
  title: string;
  body: string;
}

/** What every search also asks of a row: short words anywhere in its text, and its project. */
export interface SearchFilter {
  /** Words the chosen index does not answer (LIKE folds ASCII case, as the indexes do). */
  words: readonly string[];
  projectId?: number;
}

const SELECT = `SELECT s.kind, s.row_id AS id, s.project_id AS projectId, p.name AS projectName, s.ref, s.title, s.body`;
const SHORT = `(s.ref LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\' OR s.body LIKE ? ESCAPE '\\')`;
const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(f: SearchFilter): { and: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const w of f.words) {
    where.push(SHORT);
    const p = likePattern(w);
    params.push(p, p, p);
  }
  if (f.projectId !== undefined) {
    where.push('s.project_id = ?');
    params.push(f.projectId);
  }
  return { and: where.length ? `AND ${where.join(' AND ')}` : '', params };
}

/** Rows an FTS5 query of `index` matches, newest first. */
export function matchNewestFirst(db: SqlDb, index: 'search_fts' | 'search_grams', match: string, filter: SearchFilter, limit: number): SearchRow[] {
  const { and, params } = filterSql(filter);
  return db.sql.all<SearchRow>(
    `${SELECT} FROM ${index} g JOIN search_text s ON s.id = g.rowid JOIN projects p ON p.id = s.project_id
     WHERE ${index} MATCH ? ${and} ORDER BY g.rowid DESC LIMIT ?`,
    [match, ...params, limit],
  );
}

/** How many rows the trigram index matches, counting no further than `max`. */
export function countTrigramMatches(db: SqlDb, match: string, max: number): number {
  return db.sql.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)', [match, max])!.n;
}

/**
 * Rows the trigram index matches by bm25, the ID weighing most, then the title, then the rest of the
 * text; a row whose ID is `exactRef` before all.
 */
export function matchRanked(db: SqlDb, match: string, filter: SearchFilter, exactRef: string, limit: number): SearchRow[] {
  const { and, params } = filterSql(filter);
  return db.sql.all<SearchRow>(
    `${SELECT} FROM (SELECT rowid AS id, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH 'bm25(10.0, 4.0, 1.0)') f
     JOIN search_text s ON s.id = f.id JOIN projects p ON p.id = s.project_id WHERE true ${and}
     ORDER BY s.ref = ? DESC, f.rank LIMIT ?`,
    [match, ...params, exactRef, limit],
  );
}

/** The entries of these WBS tasks (kind number 1). */
export function taskSearchRows(db: SqlDb, taskIds: readonly number[]): SearchRow[] {
  return db.sql.all<SearchRow>(`${SELECT} FROM search_text s JOIN projects p ON p.id = s.project_id WHERE s.id IN (SELECT value * ${KEY_KINDS} + 1 FROM json_each(?))`, [
    JSON.stringify(taskIds),
  ]);
}
