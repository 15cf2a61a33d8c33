// How pages read and write through the API: a query (useQuery) keeps what a page shows and says which
// entities it reads; a write (mutate) answers as call() does, then reloads every mounted query that reads
// an entity the write touched, before it returns. So a page adds a row, deletes a project or undoes a
// step and each screen showing those entities is current, without the page knowing which others show
// them. What a write touched: the entities its answer names (history.undo/redo answer `entities`, as the
// audit names them), else those the caller says, else its method's domain ('risk.update' → risk) and the
// undo stack (history). The WBS grid keeps its own fine-grained patching of the
// rows a write answers (features/wbs) and reads through here only what it reloads whole.
// `read` is a one-off read whose answer the page does not keep (an export's bytes, a preview).
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Input, Method, Output } from '../../../electron/common/api.js';
import { call, type CallOptions } from './client.js';

/** An entity as the audit names it ('risk', 'wbs_task', 'meeting', 'project'…), or a page's own key ('profile', 'settings'). */
export type Entity = string;

/** A method's domain whose entity is named otherwise in the audit. */
const DOMAIN_ENTITY: Readonly<Record<string, Entity>> = { wbs: 'wbs_task', vocab: 'vocabulary', calendar: 'project_calendar', dependency: 'wbs_dependency' };

/** The undo stack's state (history.state): every write changes it. */
export const HISTORY: Entity = 'history';

/**
 * The entities a write touched: those its answer names, with those the caller says (`touches`, the undo
 * stack among them when the write is undoable), else its domain's and the undo stack.
 */
export function touchedBy(method: string, answer: unknown, touches?: readonly Entity[]): Entity[] {
  const named = answer !== null && typeof answer === 'object' && Array.isArray((answer as { entities?: unknown }).entities) ? ((answer as { entities: unknown[] }).entities as Entity[]) : [];
  const domain = method.slice(0, method.indexOf('.'));
  const own = touches ?? [DOMAIN_ENTITY[domain] ?? domain, HISTORY];
  return [...new Set([...own, ...named])];
}

// The mounted queries by the entities they read.
const readers = new Map<Entity, Set<() => Promise<void>>>();

/** `reload` runs after any write touching one of `reads` (useQuery does this; exported for readers outside React). Answers the unsubscribe. */
export function subscribe(reads: readonly Entity[], reload: () => Promise<void>): () => void {
  for (const e of reads) {
    const set = readers.get(e) ?? new Set();
    set.add(reload);
    readers.set(e, set);
  }
  return () => {
    for (const e of reads) readers.get(e)?.delete(reload);
  };
}

/** Reloads every mounted query reading any of `entities` (each once), and waits for them. */
export async function refresh(entities: readonly Entity[], except?: { reload(): Promise<void> }): Promise<void> {
  const due = new Set<() => Promise<void>>();
  for (const e of entities) for (const r of readers.get(e) ?? []) due.add(r);
  if (except) due.delete(except.reload);
  await Promise.all([...due].map((r) => r()));
}

export interface MutateOptions<A = unknown> extends CallOptions {
  /**
   * The entities the write touches, where its domain does not say it (a meeting's actions are issues; an
   * import writes a register and a profile). Name HISTORY among them when the write is undoable.
   */
  touches?: readonly Entity[];
  /** A query the caller brings up to date itself from the answer (a row patched in place): not reloaded. */
  patches?: { reload(): Promise<void> };
  /**
   * Runs as soon as the answer is in, before any query reloads: a patch made here cannot land after a
   * later write's (two quick edits of one row keep both), and a row about to be shown can be asked for.
   */
  onAnswer?(answer: A): void;
}

/** A write: call(), then the queries reading what it touched are reloaded before it answers. */
export async function mutate<M extends Method>(method: M, args: Input<M>, opts: MutateOptions<Output<M>> = {}): Promise<Output<M>> {
  const { touches, patches, onAnswer, ...callOpts } = opts;
  const answer = await call(method, args, callOpts);
  onAnswer?.(answer);
  await refresh(touchedBy(method, answer, touches), patches);
  return answer;
}

/**
 * A UI preference (a grid's columns, the Gantt shown, the language): written without an undo step, and
 * read again by nothing but the pages that read it themselves at mount. keepalive for a write made as
 * the page goes.
 */
export function remember(key: string, value: Input<'settings.set'>['value'], opts: CallOptions = {}): Promise<void> {
  return mutate('settings.set', { key, value }, { ...opts, touches: ['settings'] }).then(
    () => undefined,
    () => undefined,
  );
}

/** A read whose answer the page uses once and does not keep (an export's bytes, a preview, a jump). */
export function read<M extends Method>(method: M, args: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
  return call(method, args, opts);
}

export interface Query<T> {
  /** The last answer; undefined until the first arrives. */
  data: T | undefined;
  loading: boolean;
  /** Loads again (a failure goes to onError); resolves when done. */
  reload(): Promise<void>;
  /** Sets what is shown without a load (a write answered the row as stored). */
  setData(next: T | ((prev: T | undefined) => T)): void;
}

/**
 * What a page shows, loaded when `deps` change and again after any write touching `reads`. A failure
 * goes to `onError` (the page frame's error line) and keeps what was shown; an answer that arrives
 * after a newer load started is dropped. `first`: the answer to the first load, already asked for (at
 * the app's start, beside its other first calls), taken instead of loading.
 */
export function useQuery<T>(reads: readonly Entity[], load: () => Promise<T>, deps: DependencyList, onError?: (err: unknown) => void, first?: Promise<T>): Query<T> {
  const [data, setState] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef({ load, onError });
  latest.current = { load, onError };
  const early = useRef(first);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const n = ++seq.current;
    setLoading(true);
    const taken = early.current;
    early.current = undefined;
    try {
      const v = await (taken ?? latest.current.load());
      if (n === seq.current) setState(() => v);
    } catch (err) {
      if (n === seq.current) latest.current.onError?.(err);
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, []);
  // The page names what its load depends on (as for useEffect).
  useEffect(() => void reload(), deps);
  const key = reads.join('\u0000');
  useEffect(() => subscribe(key.split('\u0000'), reload), [key, reload]);
  const setData = useCallback((next: T | ((prev: T | undefined) => T)) => {
    seq.current++;
    setLoading(false);
    setState(next as T);
  }, []);
  return { data, loading, reload, setData };
}
