// One workspace for a whole test file: the reader worker built and a temp workspace opened before the
// file's tests, closed after. (Apart from helpers/workspace.ts, which the benches load without vitest.)
import { afterAll, beforeAll } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from './workspace.js';

/** `call` forwards to the file's workspace once beforeAll has opened it. */
export function fileWorkspace(): { call: Call } {
  let ws: ReturnType<typeof tempWorkspace> | undefined;
  let caller: Call | undefined;
  beforeAll(async () => {
    await buildReaderWorker();
    ws = tempWorkspace();
    caller = inProcessCaller(ws);
  });
  afterAll(() => ws?.close());
  const call: Call = (method, args) => caller!(method, args);
  return { call };
}
