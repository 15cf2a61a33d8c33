// Global search on PostgreSQL (team mode): the same search_text rows as on SQLite (queries/search.ts says
// what they hold; the batch writing the rows writes them, services/search-index.ts), found through one
// pg_trgm GIN index over each row's whole text (drizzle/pg/migrations 0004_team_workspace) instead of
// FTS5. Every word must be in the row (ILIKE '%word%', ASCII case folded as on SQLite); the index answers
// words of 3+ characters and the rest is checked on the rows it finds. Best first as on SQLite: the row
// whose ID is the first word, then rows holding it in their ID, then in their title, then newest.
import type { SqlDb } from '../sql.js';
import { KEY_KINDS, type SearchEntry, type SearchFilter, type SearchRow, type SearchScope, type SearchSource } from './search.js';

/** The indexed expression, written as the index is (the planner matches it by its text). */
const DOC = `(s.ref || ' ' || s.title || ' ' || s.body)`;

// Texts of a JSON column: the client's extra columns (an object of texts and numbers), or every text
// anywhere in the minutes' body. Read only when the column holds something, as on SQLite.
const jsonTexts = (col: string, tree: boolean) =>
  tree
    ? `CASE WHEN s.${col} IN ('{}', '') THEN NULL ELSE (SELECT string_agg(v #>> '{}', E'\\n') FROM jsonb_path_query(s.${col}::jsonb, 'strict $.**') v WHERE jsonb_typeof(v) = 'string') END`
    : `CASE WHEN s.${col} IN ('{}', '') OR jsonb_typeof(s.${col}::jsonb) <> 'object' THEN NULL ELSE (SELECT string_agg(e.value #>> '{}', E'\\n') FROM jsonb_each(s.${col}::jsonb) e WHERE jsonb_typeof(e.value) IN ('string', 'number')) END`;

function selectOf(s: SearchSource, where: string): string {
  const q = (c: string) => `s."${c}"`;
  const body = [...s.text.map((c) => `nullif(${q(c)}::text, '')`), jsonTexts('extra', false), ...(s.tree ? [jsonTexts(s.tree, true)] : [])];
  return `SELECT s.id * ${KEY_KINDS} + ${s.num} AS id, s.project_id AS project_id, s.id AS row_id, ${s.ref ? q(s.ref) : "''"} AS ref, ${q(s.title)} AS title,
    coalesce(concat_ws(E'\\n', ${body.join(', ')}), '') AS body FROM ${s.table} s WHERE ${where}`;
}

/** queries/search.ts upsertSearchRows on PostgreSQL (`answer` false: sent, answering nothing). */
export function upsertSearchRowsPg(db: SqlDb, s: SearchSource, scope: SearchScope, answer = true): SearchEntry[] {
  const [where, args] =
    scope === 'all' ? ['true', []] : 'ids' in scope ? ['s.id IN (SELECT value FROM json_each(?))', [JSON.stringify(scope.ids)]] : ['s.project_id = ?', [scope.projectId]];
  const sql = `INSERT INTO search_text (id, kind, project_id, row_id, ref, title, body)
     SELECT r.id, '${s.kind}', r.project_id, r.row_id, r.ref, r.title, r.body FROM (${selectOf(s, where)}) r
     ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, ref = excluded.ref, title = excluded.title, body = excluded.body
     WHERE search_text.project_id IS DISTINCT FROM excluded.project_id OR search_text.ref IS DISTINCT FROM excluded.ref
        OR search_text.title IS DISTINCT FROM excluded.title OR search_text.body IS DISTINCT FROM excluded.body`;
  if (!answer) {
    db.sql.send(sql, args);
    return [];
  }
  return db.sql.all<SearchEntry>(`${sql} RETURNING id, ref, title, body`, args);
}

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Rows holding every word of `words` (the first one ranks them), best first. */
export function matchAllWordsPg(db: SqlDb, words: readonly string[], filter: Pick<SearchFilter, 'projectId'>, limit: number): SearchRow[] {
  const where = words.map(() => `${DOC} ILIKE ? ESCAPE '\\'`);
  const params: unknown[] = words.map(likePattern);
  if (filter.projectId !== undefined) {
    where.push('s.project_id = ?');
    params.push(filter.projectId);
  }
  const first = words[0]!;
  return db.sql.all<SearchRow>(
    `SELECT s.kind, s.row_id AS id, s.project_id AS projectId, p.name AS projectName, s.ref, s.title, s.body
     FROM search_text s JOIN projects p ON p.id = s.project_id WHERE ${where.join(' AND ')}
     ORDER BY lower(s.ref) = lower(?) DESC, s.ref ILIKE ? ESCAPE '\\' DESC, s.title ILIKE ? ESCAPE '\\' DESC, s.id DESC LIMIT ?`,
    [...params, first, likePattern(first), likePattern(first), limit],
  );
}
