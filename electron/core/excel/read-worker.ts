// Entry of the reader worker (worker_threads): reads a file's bytes into the sheet model and posts
// it back as plain data (a JSON string), or posts the one error. Runs under reader.ts's resource limits; if the file
// makes it run out of memory or time, the worker dies and the app lives.
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { asReadError, readWorkbookBytes } from './read-workbook.js';

export interface ReaderRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type ReaderReply = (
  | { ok: true; model: import('../../common/excel/model.js').WorkbookModel }
  | { ok: false; error: { code: string; message: string } }
) & {
  /** The worker's V8 heap after the read (committed bytes): the reader ends a worker a big file grew. */
  heapBytes?: number;
};

// Requests come as messages, one file at a time: a worker is kept between files (see reader.ts).
function read({ bytes, fileName }: ReaderRequest): void {
  let reply: ReaderReply;
  try {
    reply = { ok: true, model: readWorkbookBytes(bytes, fileName) };
  } catch (err) {
    const e = asReadError(err, fileName);
    reply = { ok: false, error: { code: e.code, message: e.message } };
  }
  // As one JSON string: for a sheet model of 150,000 cells, stringify + parse measured ~90 ms against
  // ~120 ms for structured clone, and the copy across threads is one flat string.
  reply.heapBytes = v8.getHeapStatistics().total_heap_size;
  parentPort!.postMessage(JSON.stringify(reply));
}

parentPort!.on('message', (request: ReaderRequest) => read(request));
