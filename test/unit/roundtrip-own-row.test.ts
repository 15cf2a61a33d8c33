// The round trip's check 5 (a formula of an untouched record keeps its cached result) holds only for
// formulas whose result cannot change while their row does not: those reading their own row alone,
// through other formulas too.
import { describe, expect, it } from 'vitest';
import { readsOwnRow } from '../roundtrip/harness.js';

// Columns are numbered as the sheet parser numbers them (A = 0).
const sheet = (cells: Record<string, string>) => new Map(Object.entries(cells).map(([k, text]) => [k, { text }]));

describe('readsOwnRow', () => {
  it('takes a product of two cells of its row', () => {
    expect(readsOwnRow(sheet({ '7:2': 'A7*B7' }), 7, 2)).toBe(true);
  });
  it('refuses a formula reading another row', () => {
    expect(readsOwnRow(sheet({ '7:2': 'A6*B7' }), 7, 2)).toBe(false);
  });
  it('refuses a formula whose own-row input is a formula reading another record (=X86*Y86, X86 =$F$83*W86)', () => {
    expect(readsOwnRow(sheet({ '86:25': 'X86*Y86', '86:23': '$F$83*W86' }), 86, 25)).toBe(false);
  });
  it('takes a chain of own-row formulas, a cell read twice included', () => {
    expect(readsOwnRow(sheet({ '5:3': 'A5+A5+B5', '5:0': 'C5*2', '5:1': 'C5' }), 5, 3)).toBe(true);
  });
  it('refuses a circular reference', () => {
    expect(readsOwnRow(sheet({ '5:0': 'B5', '5:1': 'A5' }), 5, 0)).toBe(false);
  });
});
