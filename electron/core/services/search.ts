// Global search over search_text and its two indexes, which the batch writing the rows keeps in step
// (services/search-index.ts). Words of 3 characters or more go through the trigram index (search_fts),
// ranked by bm25; a word of 2 characters, which trigrams cannot answer, through the index of
// 2-character pieces (search_grams), newest first with the rows holding it in their ID or title ahead;
// shorter words filter what those found. A query of 1-character words alone is a prefix query of the
// pieces (every character starts one). Measured in npm run bench, 50,000 rows.
import { searchTerms, type SearchHit, type SearchKind } from '../../common/search.js';
import type { SqlDb as Db } from '../db/sql.js';
import { bigramQuery, catchUpIndex, charQuery } from './search-index.js';
import { taskAtCode, taskCode } from './wbs.js';
import { countTrigramMatches, matchNewestFirst, matchRanked, taskSearchRows, type SearchFilter, type SearchRow } from '../db/queries/search.js';
import { projectIds } from '../db/queries/projects.js';
import { matchAllWordsPg } from '../db/queries/search-pg.js';

export interface SearchOptions {
  limit?: number;
  projectId?: number;
}

/** A found row, of a kind the index was written with. */
type Row = SearchRow & { kind: SearchKind };
const rowsOf = (found: { kind: string }[]) => found as Row[];

/** Length in code points, so a surrogate pair counts once (as both indexes count it). */
const length = (w: string) => [...w].length;

/** An FTS5 string: the word as typed, never read as query syntax (AND, NEAR, *, column:). */
const ftsString = (w: string) => `"${w.replace(/"/g, '""')}"`;


/** A word written as a WBS code: 3, 1.2, 1.2.3 (codes number from 1). */
const WBS_CODE = /^[1-9]\d{0,4}(?:\.[1-9]\d{0,4}){0,9}$/;

/** Above this many matching rows a word's hits come newest first instead of by bm25 (see searchRows). */
export const RANKED_MAX = 1000;

export function searchRows(db: Db, text: string, options: SearchOptions = {}): SearchHit[] {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  // Rows a large batch left to the idle catch-up are indexed now: a search finds what is stored.
  catchUpIndex(db);
  const limit = options.limit ?? 20;
  const long = terms.filter((w) => length(w) >= 3);
  const pairs = terms.filter((w) => length(w) === 2);
  // Words the chosen index does not answer filter the rows it found.
  const filtered = long.length > 0 ? terms.filter((w) => length(w) < 3) : pairs.length > 0 ? terms.filter((w) => length(w) < 2) : [];
  const filter: SearchFilter = { words: filtered, projectId: options.projectId };
  let rows: Row[];
  if (db.sql.dialect.search === 'trgm') {
    // PostgreSQL: one statement, every word in the row, ranked by the first (queries/search-pg.ts).
    rows = rowsOf(matchAllWordsPg(db, terms, { projectId: options.projectId }, limit));
    return finish(db, terms, rows, options, limit);
  }
  // Two passes newest first, each stopping once it has enough rows: the rows holding `word` in their ID
  // or title (ID matches ahead), then the rest. `first` is `word` as an FTS5 query of the index `table`
  // (ID-and-title columns `named`, text column `body`), `others` the other words (` AND …`).
  const newestFirst = (table: 'search_fts' | 'search_grams', named: string, word: string, first: string, others: string) => {
    const pass = (match: string, n: number) => rowsOf(matchNewestFirst(db, table, match, filter, n));
    const lowered = word.toLowerCase();
    const inRef = (r: Row) => r.ref.toLowerCase().includes(lowered);
    const found = pass(`(${named}: ${first})${others}`, limit).sort((a, b) => Number(inRef(b)) - Number(inRef(a)));
    return found.length < limit ? found.concat(pass(`((body: ${first}) NOT (${named}: ${first}))${others}`, limit - found.length)) : found;
  };
  if (long.length > 0) {
    const match = long.map(ftsString).join(' ');
    // bm25 scores every row that matches: worth it for the few rows a precise word finds, not for a
    // word in thousands of rows (未解決 in 5,000 of 50,000: 33 ms of CPU), where newest first is as useful.
    const many = countTrigramMatches(db, match, RANKED_MAX) >= RANKED_MAX;
    if (many) {
      const [first, ...rest] = long.map(ftsString);
      rows = newestFirst('search_fts', '{ref title}', long[0]!, first!, rest.map((w) => ` AND ${w}`).join(''));
    } else
      // bm25 with the ID weighing most, then the title, then the rest of the text; an ID (or WBS code)
      // equal to the first word before all.
      rows = rowsOf(matchRanked(db, match, filter, long[0]!, limit));
  } else if (pairs.length > 0) {
    const [first, ...rest] = pairs.map(bigramQuery);
    rows = newestFirst('search_grams', 'named', pairs[0]!, first!, rest.map((g) => ` AND ${g}`).join(''));
  } else {
    // 1-character words: every piece of the index that starts with the first one (a prefix query).
    const [first, ...rest] = terms.map(charQuery);
    rows = newestFirst('search_grams', 'named', terms[0]!, first!, rest.map((g) => ` AND ${g}`).join(''));
  }
  return finish(db, terms, rows, options, limit);
}

/** The WBS code lookup, tasks' codes as their IDs, and the snippets: the same whichever index found the rows. */
function finish(db: Db, terms: string[], rows: Row[], options: SearchOptions, limit: number): SearchHit[] {
  // A word written as a WBS code finds the task with that code in each project first (the code is the
  // task's place in the tree, so it is looked up there rather than indexed: a row inserted above would
  // renumber thousands of entries).
  if (terms.length === 1 && WBS_CODE.test(terms[0]!)) {
    const projects = options.projectId !== undefined ? [options.projectId] : projectIds(db);
    const ids = projects.map((p) => taskAtCode(db, p, terms[0]!)).filter((id): id is number => id !== null);
    if (ids.length > 0) {
      const coded = rowsOf(taskSearchRows(db, ids));
      const seen = new Set(coded.map((r) => r.id));
      rows = [...coded, ...rows.filter((r) => r.kind !== 'wbs_task' || !seen.has(r.id))].slice(0, limit);
    }
  }
  // A task's ID is its code, as the grid shows it.
  for (const r of rows) if (r.kind === 'wbs_task') r.ref = taskCode(db, r.id);
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
