// Which statements the PostgreSQL bridge names (pg-prepared.ts): a text from its second use on, the same
// name every time after, none past the session's cap, and the texts seen once forgotten past their own cap.
import { describe, expect, it } from 'vitest';
import { PreparedNames } from '../../electron/core/db/pg-prepared.js';

describe('named prepared statements of a PostgreSQL session', () => {
  it('names a text from its second use on, and keeps its name', () => {
    const names = new PreparedNames(10);
    expect(names.nameOf('SELECT 1 WHERE $1')).toBeUndefined();
    const name = names.nameOf('SELECT 1 WHERE $1');
    expect(name).toMatch(/^pmo_\d+$/);
    expect(names.nameOf('SELECT 1 WHERE $1')).toBe(name);
    expect(names.nameOf('SELECT 2 WHERE $1')).toBeUndefined();
    expect(names.nameOf('SELECT 2 WHERE $1')).not.toBe(name);
    expect(names.size).toBe(2);
  });

  it('names no more than its cap: later texts run unnamed, named ones keep their names', () => {
    const names = new PreparedNames(2);
    for (const t of ['a', 'b', 'c']) {
      names.nameOf(t);
      names.nameOf(t);
    }
    expect(names.size).toBe(2);
    expect(names.nameOf('c')).toBeUndefined();
    expect(names.nameOf('a')).toBe('pmo_1');
    expect(names.nameOf('b')).toBe('pmo_2');
    // A cap of 0: nothing is ever named.
    const none = new PreparedNames(0);
    expect([none.nameOf('a'), none.nameOf('a'), none.nameOf('a')]).toEqual([undefined, undefined, undefined]);
  });

  it('forgets the texts seen once all together past 2,000 (an IN list of each length): none is named on its first use after', () => {
    const names = new PreparedNames(10);
    names.nameOf('kept');
    for (let i = 0; i < 2_000; i++) names.nameOf(`IN (${i})`);
    // 'kept' was forgotten with the others when the 2,001st came: its next use is a first use again.
    expect(names.nameOf('kept')).toBeUndefined();
    expect(names.nameOf('kept')).toBe('pmo_1');
  });
});
