// Global search over search_text / search_fts, which triggers keep in step with the rows
// (drizzle/migrations/0005_search_index.sql). Words of 3 characters or more go through the trigram
// index; a word of 1–2 characters cannot (a trigram index has no shorter terms), so it is a LIKE over
// search_text: with a long word as well, only over the rows the index found; alone, a scan of the
// table (measured in npm run bench, 50,000 rows).
import { searchTerms, type SearchHit, type SearchKind } from '../../common/search.js';
import type { Db } from '../db/open.js';

export interface SearchOptions {
  limit?: number;
  projectId?: number;
}

interface Row {
  kind: SearchKind;
  id: number;
  projectId: number;
  projectName: string;
  ref: string;
  title: string;
  body: string;
}

/** Trigram index terms are 3 characters (code points, so a surrogate pair counts once). */
const indexable = (w: string) => [...w].length >= 3;

/** An FTS5 string: the word as typed, never read as query syntax (AND, NEAR, *, column:). */
const ftsString = (w: string) => `"${w.replace(/"/g, '""')}"`;

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SELECT = `SELECT s.kind, s.row_id AS id, s.project_id AS projectId, p.name AS projectName, s.ref, s.title, s.body`;
/** A short word anywhere in the row's text (LIKE folds ASCII case, as the trigram index does). */
const SHORT = `(s.ref LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\' OR s.body LIKE ? ESCAPE '\\')`;

export function searchRows(db: Db, text: string, options: SearchOptions = {}): SearchHit[] {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const limit = options.limit ?? 20;
  const long = terms.filter(indexable);
  const short = terms.filter((w) => !indexable(w));
  const where: string[] = [];
  const params: unknown[] = [];
  for (const w of short) {
    where.push(SHORT);
    const p = likePattern(w);
    params.push(p, p, p);
  }
  if (options.projectId !== undefined) {
    where.push('s.project_id = ?');
    params.push(options.projectId);
  }
  let rows: Row[];
  if (long.length > 0) {
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // bm25 with the ID weighing most, then the title, then the rest of the text.
    rows = db
      .prepare(
        `${SELECT} FROM (SELECT rowid AS id, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH 'bm25(10.0, 4.0, 1.0)') f
         JOIN search_text s ON s.id = f.id JOIN projects p ON p.id = s.project_id ${filter}
         ORDER BY f.rank LIMIT ?`,
      )
      .all(long.map(ftsString).join(' '), ...params, limit) as Row[];
  } else {
    // No index helps: a scan, in two passes that each stop once they have enough rows (a common word
    // ends early; a rare one reads every row once). First the rows whose ID or title holds the first
    // word (ID matches ahead), then the rest of the matches; newest first within each.
    const first = likePattern(short[0]!);
    const named = `(s.ref LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\')`;
    const pass = (cond: string, n: number) =>
      db
        .prepare(`${SELECT} FROM search_text s JOIN projects p ON p.id = s.project_id WHERE ${cond} ${where.length ? `AND ${where.join(' AND ')}` : ''} ORDER BY s.id DESC LIMIT ?`)
        .all(first, first, ...params, n) as Row[];
    const lowered = short[0]!.toLowerCase();
    const inRef = (r: Row) => r.ref.toLowerCase().includes(lowered);
    rows = pass(named, limit).sort((a, b) => Number(inRef(b)) - Number(inRef(a)));
    if (rows.length < limit) rows = rows.concat(pass(`NOT ${named}`, limit - rows.length));
  }
  return rows.map((r) => ({ kind: r.kind, id: r.id, projectId: r.projectId, projectName: r.projectName, ref: r.ref, title: r.title, ...snippetOf(r, terms) }));
}

const BEFORE = 20;
const LENGTH = 80;

/** The piece of text around the first match (in the text, else the title), with every match marked. */
export function snippetOf(r: Pick<Row, 'title' | 'body'>, terms: readonly string[]): { snippet: string; marks: [number, number][] } {
  const lowered = terms.map((t) => t.toLowerCase());
  const firstIn = (s: string) => {
    const l = s.toLowerCase();
    const at = lowered.map((t) => l.indexOf(t)).filter((i) => i >= 0);
    return at.length ? Math.min(...at) : -1;
  };
  let source = r.body;
  let at = firstIn(source);
  if (at < 0 && firstIn(r.title) >= 0) [source, at] = [r.title, firstIn(r.title)];
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(source.length, start + LENGTH);
  const lead = start > 0 ? '…' : '';
  const snippet = lead + source.slice(start, end).replace(/[\r\n\t]/g, ' ') + (end < source.length ? '…' : '');
  const marks: [number, number][] = [];
  const l = snippet.toLowerCase();
  for (const t of lowered)
    for (let i = l.indexOf(t); i >= 0 && t.length > 0; i = l.indexOf(t, i + t.length)) marks.push([i, i + t.length]);
  marks.sort((a, b) => a[0] - b[0]);
  // Overlapping matches of two words (集計 and 計画 in 集計画面) become one mark.
  const merged: [number, number][] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return { snippet, marks: merged };
}
