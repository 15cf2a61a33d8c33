// A file read in a child process is garbage once the child answers, and the thread collects it once
// (release-memory.ts collectGarbageSoon) — after the call that read it has answered, never in the middle
// of it: a preview goes on with the model it read, and a full collection there marked all of it (a
// 100,000-row preview paid ~0.3 s of CPU for one collection of its live 1.5 M cells). Nor does it wait for
// every call to end: a live refresh always has one waiting (history.since). Collections that
// gc() forces are told apart from V8's own by their flag (perf_hooks' gc entries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { inflatedSize, IN_THREAD_MAX_BYTES, lastReaderProcess } from '../../electron/core/excel/capped-worker.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';
import type { Workspace } from '../../electron/core/workspace.js';

let ws: Workspace;
beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
}, 60_000);
afterAll(() => ws?.close());

/** The start times of the collections gc() forced while `fn` ran and `after` ms beyond. */
async function forcedCollections(fn: () => Promise<void>, after: number): Promise<number[]> {
  const forced: number[] = [];
  const seen = (entries: PerformanceEntry[]) => {
    for (const e of entries) if (((e as PerformanceEntry & { detail?: { flags?: number } }).detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced.push(e.startTime);
  };
  const observer = new PerformanceObserver((list) => seen(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    await fn();
    await sleep(after);
  } finally {
    seen(observer.takeRecords());
    observer.disconnect();
  }
  return forced;
}

const invoke = async <T>(method: string, args: unknown): Promise<T> => {
  const env = await ws.handlers.invoke(method, args);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.result as T;
};

describe('the collection after a big file is read', () => {
  it('comes after the preview that read it in a child process has answered, not during it, whatever other call still waits', async () => {
    const file = await japaneseWbs(15_000);
    expect(inflatedSize(file)).toBeGreaterThan(IN_THREAD_MAX_BYTES); // read in a child process
    const { id } = await invoke<{ id: number }>('project.create', { name: 'big' });
    const { seq } = await invoke<{ seq: number }>('history.since', {});
    const childBefore = lastReaderProcess();
    let started = 0;
    let answered = 0;
    let pollsEnded = 0;
    const forced = await forcedCollections(async () => {
      started = performance.now();
      // A live refresh's wait for changes, asked again as each answers (none come): a call is always pending.
      let polling = true;
      const polls = (async () => {
        while (polling) await invoke('history.since', { after: seq, wait: 500 });
        pollsEnded = performance.now();
      })();
      const preview = await invoke<{ previewId: string; rows: unknown[] }>('excel.previewImport', { projectId: id, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
      answered = performance.now();
      expect(preview.previewId).toBeTruthy();
      await sleep(300);
      polling = false;
      await polls;
    }, 0);
    expect(lastReaderProcess()).not.toBe(childBefore);
    const at = `forced collections at ${forced.map((t) => (t - started).toFixed(0)).join(', ')} ms; the preview answered at ${(answered - started).toFixed(0)} ms, the polls ended at ${(pollsEnded - started).toFixed(0)} ms`;
    expect(forced.filter((t) => t >= started && t < answered), at).toEqual([]);
    // Once answered, the file's garbage is still collected, once, while the live refresh goes on waiting.
    // (Its timer was set before the test's 300 ms sleep and is shorter, so it has fired by then, however
    // loaded the machine: no bound on when.)
    expect(forced.filter((t) => t >= answered), at).toHaveLength(1);
  }, 120_000);
});
