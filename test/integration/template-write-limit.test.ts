// The template writer's bound (capped-worker.ts fillTemplateInWorker): the cells a write asks for,
// checked before it starts, and the user's cancel, never a clock. A clock counted how busy the machine
// was as much as the job: at load 20–32 a big gantt's export was refused as "took longer than 20 s".
import { beforeAll, describe, expect, it } from 'vitest';
import { fillTemplateInWorker, readerWorkerKept, writeCells } from '../../electron/core/excel/capped-worker.js';
import { cancelFlag, runInScope } from '../../electron/core/call-scope.js';
import { MAX_WRITE_CELLS } from '../../electron/core/excel/limits.js';
import { TemplateError, type TableWrite } from '../../electron/core/excel/template/index.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const write = (n: number): TableWrite[] => [
  { sheet: 'WBS', firstRow: 4, lastRow: 4, columns: [0, 1, 2, 3, 4, 5], rows: Array.from({ length: n }, (_, i) => Array.from({ length: 6 }, (_, j) => ({ value: { t: 's' as const, v: `行${i}列${j}` } }))) },
];

describe('the template writer is bounded by its cells and the user, not by a clock', () => {
  it('a write runs to its end however long it takes: no time limit applies to it, even one asked for', async () => {
    const tpl = await japaneseWbs(3);
    // The reader stops a 1 ms job; a write taking longer (thousands of rows) is not stopped.
    const out = await fillTemplateInWorker(tpl, write(3_000), { fileName: 'wbs.xlsx', worker: { timeoutMs: 1 } as never });
    expect(out.length).toBeGreaterThan(tpl.length);
  });

  it('refuses, before starting, a write of more cells than one export writes, naming the file and the count', async () => {
    const tpl = await japaneseWbs(3);
    const row = Array.from({ length: 50 }, () => undefined);
    const rows = new Array<(typeof row)>(MAX_WRITE_CELLS / 50 + 1).fill(row);
    const big: TableWrite[] = [{ sheet: 'WBS', firstRow: 4, lastRow: 4, columns: Array.from({ length: 50 }, (_, j) => j), rows }];
    expect(writeCells(big)).toBe(MAX_WRITE_CELLS + 50);
    const err = await fillTemplateInWorker(tpl, big, { fileName: 'wbs.xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toMatchObject({ code: 'BAD_WRITE', message: expect.stringMatching(/^wbs\.xlsx: writing 5,000,050 cells into it is more than the 5,000,000/) });
  });

  it('counts moved and copied rows and single cells as written', () => {
    expect(writeCells([{ sheet: 'S', firstRow: 1, lastRow: 3, columns: [0, 1], rows: [[undefined, undefined]], order: [{ row: 1 }, { row: 2 }, { row: 3, clone: true }] }], 4)).toBe(3 * 2 + 4);
  });

  it("the user's cancel ends a write at once: the call answers CANCELLED and its worker is ended", async () => {
    const tpl = await japaneseWbs(3);
    const flag = cancelFlag();
    const job = runInScope({ cancel: flag }, () => fillTemplateInWorker(tpl, write(30_000), { fileName: 'wbs.xlsx' }));
    // The worker has the job once the call is made (started and posted to before it returns): cancelled
    // now, not after a guessed pause, it is ended at the first look at the flag, mid-write.
    Atomics.store(flag, 0, 1);
    const err = await job.catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect(readerWorkerKept()).toBe(false);
    // The next write starts a fresh worker and succeeds.
    expect((await fillTemplateInWorker(tpl, write(10), { fileName: 'wbs.xlsx' })).length).toBeGreaterThan(0);
  });
});
