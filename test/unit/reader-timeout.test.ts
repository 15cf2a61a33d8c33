// The reader's time limit grows with what the file inflates to (capped-worker.ts readerTimeoutMs) and is
// counted at the share of a processor the machine gives (readerShare): a fixed 20 s of wall clock refused a
// 100,000-row WBS on a loaded machine, where its ~5 s of reading took over 45 s.
import { describe, expect, it } from 'vitest';
import { IN_THREAD_MAX_BYTES, readerShare, readerTimeoutMs } from '../../electron/core/excel/capped-worker.js';
import { MAX_READ_BYTES, WORKER_TIMEOUT_MS, WORKER_TIMEOUT_MS_PER_MB } from '../../electron/core/excel/limits.js';

const MiB = 1024 * 1024;

describe('the reader time limit', () => {
  it('is the base limit for a file read in the thread', () => {
    expect(readerTimeoutMs(0)).toBe(WORKER_TIMEOUT_MS);
    expect(readerTimeoutMs(IN_THREAD_MAX_BYTES)).toBe(WORKER_TIMEOUT_MS);
  });

  it('grows per inflated MB past that, so a 100,000-row WBS (58 MiB) gets 45 s', () => {
    expect(readerTimeoutMs(IN_THREAD_MAX_BYTES + 1)).toBe(WORKER_TIMEOUT_MS + WORKER_TIMEOUT_MS_PER_MB);
    expect(readerTimeoutMs(60_584_773)).toBe(45_000);
  });

  it('stops growing at what the reader ever inflates, so a file declaring 1 GB is still ended', () => {
    const most = WORKER_TIMEOUT_MS + ((MAX_READ_BYTES - IN_THREAD_MAX_BYTES) / MiB) * WORKER_TIMEOUT_MS_PER_MB;
    expect(readerTimeoutMs(MAX_READ_BYTES)).toBe(most);
    expect(readerTimeoutMs(1024 * MiB)).toBe(most);
    expect(most).toBe(96_000);
  });

  it('counts time at the share of a processor the reader gets: all of one on a machine with a core to spare', () => {
    expect(readerShare(0, 2)).toBe(1);
    expect(readerShare(1.5, 2)).toBe(1);
    expect(readerShare(2, 2)).toBe(1);
    // Seven sessions on two cores: a fourteenth.
    expect(readerShare(28, 2)).toBeCloseTo(1 / 14);
  });
});
