// After a big file, the threads that carried it hold tens of MB of garbage: the request body and its
// base64 text, the decoded bytes, the copy sent to the reader. V8 collects when it allocates, and an
// idle app allocates nothing, so that garbage stayed for good (the 200,000-row bench workbook left the
// web host 40 MB above idle 14 s later; one full collection took it below where it started). So after a
// big file the thread that carried it collects once, right after answering.
//
// V8's gc() is only exposed by a flag; set here for the moment it takes to fetch the function from a
// fresh context, then cleared (Node's documented way to turn a V8 flag on at run time).
import v8 from 'node:v8';
import { AsyncLocalStorage } from 'node:async_hooks';
import { runInNewContext } from 'node:vm';
import { rawJsonBytes } from './raw-json.js';

let collect: (() => void) | null | undefined;
let pending = false;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

/** Per API call (duringCall): whether a collection waits for its answer, and whether it has answered. */
interface CallMark {
  collect: boolean;
  ended: boolean;
}
const calls = new AsyncLocalStorage<CallMark>();

/**
 * Runs an API call (handlers.invoke), so that a collection asked for on its behalf (collectAfterThisCall)
 * waits for its answer. Why: a reader's file is garbage once the reader has answered, but the call goes
 * on with what it read. Collected at the next turn of the event loop, a 100,000-row preview paid a full
 * collection of its live model (1.5 M cells, ~170 MB kept of 235) in the middle of its reading; after its
 * answer, the model is garbage too and the collection has little left to mark. Only the call's own
 * answer is waited for: other calls (a live refresh's history.since waits up to 5 s, and another is
 * always pending) never hold a collection back.
 */
export async function duringCall<T>(call: () => Promise<T>): Promise<T> {
  const mark: CallMark = { collect: false, ended: false };
  try {
    return await calls.run(mark, call);
  } finally {
    mark.ended = true;
    if (mark.collect) collectGarbageSoon();
  }
}

/**
 * Asked where a piece of work starts (a read in another thread or process): what to call once what it
 * left is garbage — a collection once the running call has answered, or soon where no call runs (or the
 * call answered already). Taken at the start, not asked later: the reader's answer may arrive in an event
 * that does not carry the call's context (a port made before the call).
 */
export function collectAfterThisCall(): () => void {
  const mark = calls.getStore();
  if (!mark) return collectGarbageSoon;
  return () => {
    if (mark.ended) collectGarbageSoon();
    else mark.collect = true;
  };
}

/** Collects this thread's garbage once, at the next turn of the event loop (several calls: once). */
export function collectGarbageSoon(): void {
  if (pending) return;
  const gc = gcFunction();
  if (!gc) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    gc();
  }, 0).unref();
}

/**
 * Collects this thread's garbage now, where a long piece of work has let go of most of what it held and
 * has still to make something big (an export's plan, once its sheet is written, before the file's
 * bytes are encoded): what it held is not under what comes next.
 */
export function collectGarbageNow(): void {
  gcFunction()?.();
}

/**
 * A bound on how far a long piece of work lets this thread's heap grow: `check()` between its steps
 * collects once the heap has grown `budget` bytes past where it was after the last collection (or the
 * start). Why: V8 lets the old generation grow to up to ~4× what survived its last full collection
 * before it collects again. A 20-project weekly report promotes 5–10 MB of short-lived plans and rows a
 * project (each outlives a scavenge), ~60 MB survive, and the workspace thread grew to 227 MB of heap
 * before a collection came: 450–600 MB of RSS. A collection costs ~30–120 ms here, so one per budget,
 * not one per step (one per project cost 2.4 s of CPU in a 4 s report).
 */
export function heapBudget(budget: number): { check(): void } {
  return new HeapBudget(budget);
}

/** A class, not a closure per budget: an export's row loop calls check, and a new closure per export deoptimized it. */
class HeapBudget {
  private readonly gc = gcFunction();
  private base = v8.getHeapStatistics().used_heap_size;
  constructor(private readonly budget: number) {}
  check(): void {
    if (!this.gc) return;
    const used = v8.getHeapStatistics().used_heap_size;
    if (used < this.base) this.base = used; // V8 collected on its own
    else if (used - this.base > this.budget) {
      this.gc();
      this.base = v8.getHeapStatistics().used_heap_size;
    }
  }
}

/** Whether a call's arguments carried a file big enough to collect after (a workbook's base64 text). */
export function carriesBigFile(args: unknown): boolean {
  if ((rawJsonBytes(args)?.length ?? 0) > BIG_FILE_BASE64_CHARS) return true;
  const data = (args as { dataBase64?: unknown } | null | undefined)?.dataBase64;
  return typeof data === 'string' && data.length > BIG_FILE_BASE64_CHARS;
}

/**
 * Whether an answer's JSON is big enough to collect after: a file made for download (a report, an
 * export) as base64. Making it left its garbage (the plans and lists read, the XML written, the chart
 * pixmaps); collected, the next export starts where this one did, not ~100 MB above it.
 */
export function isBigAnswer(jsonBytes: number): boolean {
  return jsonBytes > BIG_FILE_BASE64_CHARS;
}

/** 2 MB of a file as base64. */
const BIG_FILE_BASE64_CHARS = Math.ceil((2 * 1024 * 1024 * 4) / 3);
