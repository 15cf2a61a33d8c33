// The reader's relay (reader-relay.ts): in Electron the workspace thread asks main for a big file's
// process, and main starts it. Here main's side starts a Node child process (a utility process cannot
// run outside Electron; electron-main.test.ts runs main's own wiring against a stand-in for one): a
// read, a timeout and a heap cap cross the relay as they do without it, and each process ends.
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflatedSize, IN_THREAD_MAX_BYTES, lastReaderProcess, readWorkbook, setReaderChildStarter } from '../../electron/core/excel/reader.js';
import { ReaderProcess } from '../../electron/core/excel/read-process.js';
import { relayedReaderStarter, serveReaderRelay } from '../../electron/core/excel/reader-relay.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
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

  it('a read past its time is stopped: main ends the process', async () => {
    expect(await refusal({ timeoutMs: 50 })).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/^big\.xlsx: reading took longer than 50 ms and was stopped/) });
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
  });

  it('a read past its heap cap ends as out of memory, naming the file', async () => {
    expect(await refusal({ maxOldGenerationSizeMb: 16 })).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^big\.xlsx: needs more than 16 MB to read and was stopped/) });
    expect(asked.at(-1)).toBe(16);
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
