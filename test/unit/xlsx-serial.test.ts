// Dates written as Excel serial day numbers (xlsx-parts.ts serial): read digit by digit, they must
// answer what the yyyy-mm-dd pattern answered, for dates and for every near miss of one.
import { describe, expect, it } from 'vitest';
import { serial } from '../../electron/core/excel/xlsx-parts.js';

/** The pattern the writer used before: the definition of what serial reads. */
function bySerialPattern(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
}

describe('serial', () => {
  it('gives the day numbers Excel shows', () => {
    expect(serial('1900-03-01')).toBe(61);
    expect(serial('2025-01-01')).toBe(45658);
    expect(serial('2025-04-01')).toBe(45748);
    expect(serial('2024-02-29T09:00:00Z')).toBe(45351);
  });

  it('reads as the yyyy-mm-dd pattern did, on dates and their near misses', () => {
    const texts = ['', '2025', '2025-04', '2025-04-0', '2025/04/01', '2025-4-01', '2025-04-1 ', '２０２５-04-01', '2025-04-01', '2025-13-40', '0099-01-01', ' 2025-04-01', '2025-04-01x', 'abcd-ef-gh', '2025-0a-01', '2025-04-:1', '2025-04-/1'];
    // Every date of four years, and each of them with one character replaced by a neighbour of a digit.
    for (let d = 0; d < 4 * 366; d++) {
      const iso = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
      texts.push(iso);
      const k = d % 10;
      texts.push(iso.slice(0, k) + String.fromCharCode(d % 2 ? 47 : 58) + iso.slice(k + 1));
    }
    for (const t of texts) expect(serial(t), t).toBe(bySerialPattern(t));
  });
});
