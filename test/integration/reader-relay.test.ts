// The reader's relay (capped-worker-relay.ts): in Electron the workspace thread asks main for a big file's
// process, and main starts it. Here main's side starts a Node child process (a utility process cannot
// run outside Electron; electron-main.test.ts runs main's own wiring against a stand-in for one): a
// read, a timeout and a heap cap cross the relay as they do without it, and each process ends.
import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplateInWorker, inflatedSize, IN_THREAD_MAX_BYTES, lastReaderProcess, readWorkbook, setReaderChildStarter } from '../../electron/core/excel/capped-worker.js';
import { ReaderProcess, type ReaderChild } from '../../electron/core/excel/capped-worker-process.js';
import { relayedReaderStarter, serveReaderRelay } from '../../electron/core/excel/capped-worker-relay.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { randomBytes } from '../fixtures/excel/hostile.js';
import { rawXlsx, sheetXml } from '../fixtures/excel/xlsx.js';

/** Heap caps main was asked for, in order. */
const asked: number[] = [];
let channel: MessageChannel;
let relayed: ReturnType<typeof relayedReaderStarter>;

beforeAll(async () => {
  const script = await buildReaderWorker();
  channel = new MessageChannel();
  serveReaderRelay(channel.port1, (heapMb) => {
    asked.push(heapMb);
    return new ReaderProcess(script, heapMb);
  });
  relayed = relayedReaderStarter(channel.port2);
  setReaderChildStarter(relayed);
}, 60_000);

afterAll(() => {
  setReaderChildStarter(undefined);
  channel.port1.close();
});

/** 100,000 rows of text: ~11 MB inflated, past IN_THREAD_MAX_BYTES. */
const big = rawXlsx({ sheet: sheetXml(Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>タスク${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('')) });

/** Big by a 9 MB picture the writer carries over untouched (cheap to write, past IN_THREAD_MAX_BYTES). */
const bigTemplate = rawXlsx({ sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>タスク名</t></is></c></row>'), extra: [{ name: 'xl/media/image1.png', data: randomBytes(9 * 1024 * 1024), method: 0 }] });

async function refusal(opts: Parameters<typeof readWorkbook>[2]): Promise<ExcelReadError> {
  const err = await readWorkbook(big, 'big.xlsx', opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExcelReadError);
  return err as ExcelReadError;
}

describe('a big file read through the relay to main', () => {
  it('is read in the process main starts; the process has ended once the file is answered', async () => {
    expect(inflatedSize(big)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
    const model = await readWorkbook(big, 'big.xlsx');
    expect(model.sheets[0]!.rows.length).toBe(100_000);
    expect(asked).toEqual([256]);
    const child = lastReaderProcess()!;
    expect(child.pid).toBeGreaterThan(0);
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
    expect(() => process.kill(child.pid!, 0)).toThrow(/ESRCH/);
  });

  it('writes into a big template in the process main starts: the written workbook crosses back whole', async () => {
    const template = bigTemplate;
    expect(inflatedSize(template)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
    const out = await fillTemplateInWorker(template, [{ sheet: 'WBS', firstRow: 2, lastRow: 2, columns: [0], rows: [[{ value: { t: 's' as const, v: '追加' } }]] }], { fileName: 'big.xlsx' });
    const pid = lastReaderProcess()!.pid;
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
    expect(inflatedSize(out)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
    const rows = (await readWorkbook(out, 'out.xlsx')).sheets[0]!.rows;
    expect(rows.find((r) => r.r === 1)!.cells[0]!.v).toBe('追加');
    expect(lastReaderProcess()!.pid).not.toBe(pid); // read back in a process of its own too
  });

  it('a written workbook that main gets as part of a larger buffer is copied across, not moved with the rest', async () => {
    // A stand-in for the process: it answers every job with bytes that share their buffer with other
    // data main holds, as a deserializer (or Node's Buffer pool) may hand them over.
    const shared = new Uint8Array(64).fill(0x2a);
    const part = shared.subarray(8, 30);
    part.set(Buffer.from('written workbook bytes'));
    const pool = new MessageChannel();
    serveReaderRelay(pool.port1, () => {
      const child = Object.assign(new EventEmitter(), {
        pid: 1,
        ended: false,
        postMessage: () => setImmediate(() => child.emit('message', { ok: true, bytes: part, report: { inserted: [], recalc: false } })),
        terminate: () => ((child.ended = true), Promise.resolve()),
      });
      return child as unknown as ReaderChild;
    });
    setReaderChildStarter(relayedReaderStarter(pool.port2));
    try {
      const out = await fillTemplateInWorker(bigTemplate, [], { fileName: 'big.xlsx' });
      expect(Buffer.from(out).toString()).toBe('written workbook bytes');
      // Main's buffer is still whole (moved, it would be detached: empty).
      expect(shared.length).toBe(64);
      expect(shared[0]).toBe(0x2a);
    } finally {
      setReaderChildStarter(relayed);
      pool.port1.close();
    }
  });

  it('a read past its time is stopped: main ends the process', async () => {
    expect(await refusal({ timeoutMs: 50 })).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/^big\.xlsx: reading took longer than 50 ms and was stopped/) });
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
  });

  it('a read past its heap cap ends as out of memory, naming the file', async () => {
    // The read packs its cells as it goes (model-pack.ts CellPacker): these 100,000 rows fit in ~13 MB of heap.
    expect(await refusal({ maxOldGenerationSizeMb: 8 })).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^big\.xlsx: needs more than 8 MB to read and was stopped/) });
    expect(asked.at(-1)).toBe(8);
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
  });

  it('an error main reports after the read was stopped is dropped, not thrown in the workspace thread', async () => {
    // A main that never answers the read, and reports an error (an out-of-memory end racing the
    // timeout) once asked to stop it.
    const late = new MessageChannel();
    late.port1.on('message', (m: { type: string; id: number }) => {
      if (m.type !== 'terminate') return;
      late.port1.postMessage({ type: 'error', id: m.id, message: 'the reader ran out of memory', code: 'ERR_WORKER_OUT_OF_MEMORY' });
      late.port1.postMessage({ type: 'ended', id: m.id });
    });
    setReaderChildStarter(relayedReaderStarter(late.port2));
    try {
      expect(await refusal({ timeoutMs: 50 })).toMatchObject({ code: 'TIMEOUT' });
      await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
    } finally {
      setReaderChildStarter(relayed);
      late.port1.close();
    }
  });
});
