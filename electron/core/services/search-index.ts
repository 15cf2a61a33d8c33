// The search index of Ctrl+K, written by the batch that writes the rows (batch.ts calls indexBatch
// before it commits), so edits, paste, import, undo/redo and restores are found at once; a batch of more
// than DEFER_INDEX_ROWS rows writes down what it touched instead, for an idle catch-up that any search
// runs to its end first (see indexBatch). Three tables
// (drizzle/migrations 0005, 0007):
//   search_text  one row of text per WBS task, risk, issue, change and meeting: ref (the ID; '' for WBS
//                tasks, whose code changes with every row moved above them: search.ts finds a task by
//                its code through the tree instead), title, body; id = row id * KEY_KINDS + the kind's number.
//   search_fts   FTS5 trigram index over search_text (its own triggers keep it in step): words of 3+
//                characters, Japanese without spaces (課題 in 未解決課題).
//   search_grams FTS5 index of every 2-character piece (bigram) of the same text, computed here: a
//                2-character word (課題, 山田) is one token lookup instead of a scan of search_text.
// Per-row triggers on the register tables did this before (0005); measured in npm run bench, they made
// a 10,000-row insert cost 2,010 ms against 130 ms without them, because each row's FTS work ran as its
// own statement inside the row's trigger. Here a batch writes the index once, in a few set statements,
// from the rows its audit records name (every register write is audited: undo depends on it): per table
// one INSERT … SELECT … RETURNING writes search_text, then one statement each deletes and inserts the
// pieces. What is left of the cost is FTS5's own work: of a 10,000-issue insert's index (CPU time, 2026-12),
// about a third is the trigram index, a quarter the pieces index and the rest their text and pieces.
import type { SearchKind } from '../../common/search.js';
import { REGISTER_LIST } from '../../common/registers/index.js';
import { code, date, extra, ref } from '../../common/registers/descriptor.js';
import type { SqlDb as Db } from '../db/sql.js';
import { getSetting, setSetting } from './settings.js';
import { deleteSetting } from '../db/queries/settings.js';
import { KEY_KINDS, deleteSearchRows, deleteSearchRowsGone, deleteSearchRowsOfGoneProject, replaceSearchGrams, upsertSearchRows, type SearchEntry } from '../db/queries/search.js';

interface Source {
  kind: SearchKind;
  table: string;
  /** The ID column; none for WBS tasks (their code is derived from the tree) and meetings. */
  ref: string | null;
  title: string;
  /** Text columns, in the order they are joined into the body. */
  text: string[];
  /** A JSON column whose every text value is searched too (the minutes' agenda, notes, decisions). */
  tree?: string;
  /** The kind's number in the keys (row id * KEY_KINDS + num): stored, so fixed for good. */
  num: number;
}

/**
 * Every searched table: the WBS and the minutes, and each register as its descriptor says (its kind's
 * number and text fields; by default the text fields of its columns but the title: not dates, codes or the ID).
 */
export const SEARCH_SOURCES: readonly Source[] = [
  { kind: 'wbs_task', num: 1, table: 'wbs_tasks', ref: null, title: 'name', text: ['assignee', 'deliverable', 'notes'] },
  { kind: 'meeting', num: 5, table: 'meetings', ref: null, title: 'title', text: ['series', 'place', 'facilitator', 'recorder', 'purpose'], tree: 'body' },
  ...REGISTER_LIST.map((d): Source => {
    const shape = d.fields.shape as Record<string, unknown>;
    const skip = new Set<unknown>([date, code, ref, extra]);
    const text = d.search.text ?? Object.keys(d.columns).filter((f) => f !== d.titleField && f in shape && !skip.has(shape[f]));
    return { kind: d.name, num: d.search.kind, table: d.table, ref: 'ref', title: snake(d.titleField), text: text.map(snake) };
  }),
];
// A key is row id * KEY_KINDS + the kind's number (queries/search.ts): each number once, below KEY_KINDS.
for (const s of SEARCH_SOURCES) {
  if (!Number.isInteger(s.num) || s.num < 1 || s.num >= KEY_KINDS) throw new Error(`search kind ${s.kind}: its number ${s.num} is not 1–${KEY_KINDS - 1} (widen KEY_KINDS and bump INDEX_VERSION)`);
  const other = SEARCH_SOURCES.find((o) => o !== s && o.num === s.num);
  if (other) throw new Error(`search kinds ${s.kind} and ${other.kind} have the same number ${s.num}`);
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** The fields (as the audit names them) whose change can change a row's entry. */
const searchedFields = (s: Source) => new Set(['projectId', 'extra', s.title, ...s.text, ...(s.ref ? [s.ref] : []), ...(s.tree ? [s.tree] : [])].map(camel));
/** A field's column (approvedBy → approved_by), as drizzle/schema.ts names them. */
function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const SOURCE_OF = new Map(SEARCH_SOURCES.map((s) => [s.kind, { ...s, fields: searchedFields(s) }]));
export const searchKey = (kind: SearchKind, rowId: number) => rowId * KEY_KINDS + SOURCE_OF.get(kind)!.num;

/** Set once the index holds the bigrams (0007); a workspace without it (or an older version) is indexed again at open. */
export const SEARCH_INDEX_KEY = 'search.indexVersion';
const INDEX_VERSION = 6; // 5: the registers after the first three (成果物一覧); 6: keys of 32 kinds

type Entry = SearchEntry;

/** Marks the end of a run of characters, so the last character before a space or the end of a text is the first of a piece too. */
const END = '\uf8ff';

/**
 * The 2-character pieces of a text as FTS5 tokens (the ascii tokenizer takes every non-ASCII character
 * as part of a word, and folds A–Z): lower-cased, each piece once, none across a space. ASCII signs and
 * spaces inside a piece (1. of 1.2, C- of C-001) are moved out of ASCII so the tokenizer keeps them.
 * With `ends`, the last character of each run also makes a piece with END: then every character of the
 * text starts a piece, and a 1-character word is a prefix query (charQuery).
 */
export function bigrams(text: string, ends = true): string {
  const t = text.toLowerCase();
  const seen = new Set<string>();
  // A plain loop over UTF-16 units (a regex per character cost ~4x: npm run bench, 10,000 rows).
  let prev = '';
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    let c: string;
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < t.length) {
      c = t.slice(i, i + 2); // a surrogate pair is one character
      i++;
    } else if (code < 0x80) {
      if (code <= 0x20) {
        if (prev && ends) seen.add(prev + END);
        prev = '';
        continue;
      }
      const alnum = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
      c = alnum ? t[i]! : String.fromCharCode(0xf700 + code);
    } else if (code === 0x3000 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x85 || code === 0xfeff) {
      if (prev && ends) seen.add(prev + END);
      prev = ''; // a space of another script: no word crosses it
      continue;
    } else c = t[i]!;
    if (prev) seen.add(prev + c);
    prev = c;
  }
  if (prev && ends) seen.add(prev + END);
  return [...seen].join(' ');
}

/** The token a 2-character word is indexed as, as an FTS5 string. */
export function bigramQuery(word: string): string {
  return `"${bigrams(word, false)}"`;
}

/** A 1-character word as an FTS5 prefix query: every piece it starts (its END piece included). */
export function charQuery(word: string): string {
  return `"${bigrams(word).slice(0, -END.length)}" *`;
}

function gramsOf(e: Entry): [number, string, string] {
  return [e.id, bigrams(`${e.ref} ${e.title}`), bigrams(e.body)];
}

/** The pieces (search_grams) of the rows written and of the keys gone: old ones out, the written rows' in. */
function writeGrams(db: Db, written: Entry[], gone: number[]): void {
  // PostgreSQL's trigram index needs no pieces (queries/search-pg.ts).
  if (written.length + gone.length === 0 || db.sql.dialect.search !== 'fts5') return;
  replaceSearchGrams(db, [...gone, ...written.map((e) => e.id)], written.map(gramsOf));
}

/** What one batch changed, as its audit records say. */
export class SearchTouches {
  readonly rows = new Map<SearchKind, Set<number>>();
  readonly deletedProjects = new Set<number>();

  /** `after`: an update's new values; one that changes no searched field leaves the entry as it is (a reschedule's dates). */
  note(entity: string, id: number, action: string, after?: unknown): void {
    if (entity === 'project') {
      if (action === 'delete') this.deletedProjects.add(id);
      return;
    }
    const source = SOURCE_OF.get(entity as SearchKind);
    if (!source) return;
    if (action === 'update' && after && typeof after === 'object' && !Object.keys(after).some((f) => source.fields.has(f))) return;
    let set = this.rows.get(source.kind);
    if (!set) this.rows.set(source.kind, (set = new Set()));
    set.add(id);
  }

  /** How many rows it names. */
  get size(): number {
    let n = this.deletedProjects.size;
    for (const ids of this.rows.values()) n += ids.size;
    return n;
  }

  get empty(): boolean {
    return this.rows.size === 0 && this.deletedProjects.size === 0;
  }
}

/**
 * A batch that touched more rows than this leaves its index to a catch-up after it commits (an import
 * of 100,000 rows spent ~2.6 s of its apply on the index, issue 18): the rows it touched are written
 * down in the same transaction (PENDING_KEY), an idle job indexes them a chunk at a time, and a search
 * first indexes whatever is still written down, so it finds exactly what is stored. Smaller batches
 * (every edit, a paste) index inline, as before: their cost is theirs.
 */
export const DEFER_INDEX_ROWS = 5_000;
/** The rows still to index ({ kind: ids }, and deleted projects), in the settings table: survives a quit. */
export const PENDING_KEY = 'search.pending';
/** Rows indexed per transaction of the catch-up: a call waits at most one chunk behind it. */
const CATCH_UP_ROWS = 5_000;

interface Pending {
  rows: Partial<Record<SearchKind, number[]>>;
  projects: number[];
}

/**
 * Brings the index in line with the rows a batch touched (inside the batch's transaction), or, for a
 * large batch, writes them down for the catch-up. Either way the index ends up as the rows read when it
 * is written: it reads the rows as stored then, so indexing later, twice, or in another order than the
 * batches ran gives the same index.
 */
export function indexBatch(db: Db, t: SearchTouches): void {
  if (t.empty) return;
  // PostgreSQL (team mode) indexes inline: its index is one GIN over search_text (queries/search-pg.ts).
  if (t.size > DEFER_INDEX_ROWS && db.sql.dialect.search === 'fts5') {
    const p = pendingOf(db);
    for (const [kind, ids] of t.rows) {
      const before = p.rows[kind];
      // (A set already: merged only with what an earlier batch left.)
      p.rows[kind] = before ? [...new Set([...before, ...ids])] : [...ids];
    }
    p.projects = [...new Set([...p.projects, ...t.deletedProjects])];
    setSetting(db, PENDING_KEY, p);
    catchUpSoon(db);
    return;
  }
  writeIndex(db, t.rows, t.deletedProjects);
}

function writeIndex(db: Db, rows: ReadonlyMap<SearchKind, Iterable<number>>, deletedProjects: Iterable<number>): void {
  const gone: number[] = [];
  // Only a project that is still gone (its delete not undone since) loses its entries.
  for (const p of deletedProjects) gone.push(...deleteSearchRowsOfGoneProject(db, p));
  // What was written is read back for the pieces index alone: PostgreSQL has none, and there the statements
  // are sent (Sql.send), riding with the batch's COMMIT instead of a round trip each.
  const answer = db.sql.dialect.search === 'fts5';
  const written: Entry[] = [];
  for (const [kind, ids] of rows) {
    const source = SOURCE_OF.get(kind)!;
    const list = [...ids];
    written.push(...upsertSearchRows(db, source, { ids: list }, answer));
    // Keys of the rows touched that no longer exist.
    gone.push(...deleteSearchRowsGone(db, source, list, answer));
  }
  writeGrams(db, written, gone);
}

function pendingOf(db: Db): Pending {
  const p = getSetting(db, PENDING_KEY) as Pending | null;
  return { rows: { ...p?.rows }, projects: [...(p?.projects ?? [])] };
}

/**
 * Indexes up to `max` of the rows written down (all of them by default) in one transaction; answers
 * whether any are left. A search calls it first (searchRows), the idle job a chunk at a time.
 */
export function catchUpIndex(db: Db, max = Infinity): boolean {
  // Read first, outside a transaction: a search with nothing written down takes no write lock.
  if (db.sql.dialect.search !== 'fts5' || getSetting(db, PENDING_KEY) === null) return false;
  return db.sql.tx(() => {
    const p = getSetting(db, PENDING_KEY) as Pending | null;
    if (!p) return false;
    const now = new Map<SearchKind, number[]>();
    let room = max;
    for (const kind of Object.keys(p.rows) as SearchKind[]) {
      if (room <= 0) break;
      const ids = p.rows[kind]!;
      const take = ids.splice(0, room);
      room -= take.length;
      now.set(kind, take);
      if (ids.length === 0) delete p.rows[kind];
    }
    // Projects go with the last chunk: their entries are deleted only if the project is still gone then.
    const left = Object.keys(p.rows).length > 0;
    writeIndex(db, now, left ? [] : p.projects);
    if (left) setSetting(db, PENDING_KEY, p);
    else deleteSetting(db, PENDING_KEY);
    return left;
  });
}

const scheduled = new WeakSet<Db>();

/**
 * The idle job: a chunk of the rows written down, then the next one after whatever calls came
 * meanwhile, until none are left. Started by a deferring batch and at open (a quit before it ended).
 */
export function catchUpSoon(db: Db): void {
  if (scheduled.has(db) || db.sql.dialect.search !== 'fts5') return;
  scheduled.add(db);
  const step = () => {
    let left = false;
    try {
      left = catchUpIndex(db, CATCH_UP_ROWS);
    } catch (err) {
      // The workspace was closed meanwhile: what is left stays written down for the next open. Anything
      // else is a fault to see, but not one to end the process with: a search still catches up itself.
      if (!/not open/i.test((err as Error).message)) console.error('search index catch-up:', err);
    }
    if (left) setTimeout(step, 0).unref?.();
    else scheduled.delete(db);
  };
  // After the calls that follow a large write (the screen reading the rows again) have had their turn.
  // Never the reason a process stays alive: an unfinished catch-up resumes at the next open.
  setTimeout(step, 100).unref?.();
}

/** Indexes every row of a project (or of the workspace) anew: after a project restore, and at open once. */
export function reindex(db: Db, projectId?: number): number {
  // Every key of the scope out first, so every row is written (and its pieces with it).
  const gone = deleteSearchRows(db, projectId);
  // The whole index written anew leaves nothing for the catch-up.
  if (projectId === undefined) deleteSetting(db, PENDING_KEY);
  const written: Entry[] = [];
  for (const source of SOURCE_OF.values()) written.push(...upsertSearchRows(db, source, projectId === undefined ? 'all' : { projectId }));
  writeGrams(db, written, gone);
  return written.length;
}

/** At open: the first time only (see SEARCH_INDEX_KEY), the whole index and the mark in one transaction. */
export function reindexOnce(db: Db): number {
  return db.sql.tx(() => {
    if (getSetting(db, SEARCH_INDEX_KEY) === INDEX_VERSION) return 0;
    const n = reindex(db);
    setSetting(db, SEARCH_INDEX_KEY, INDEX_VERSION);
    return n;
  });
}
