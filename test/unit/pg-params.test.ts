// `?` → `$n` for the PostgreSQL bridge: only a `?` that is a parameter is numbered.
import { describe, expect, it } from 'vitest';
import { toPgParams } from '../../electron/core/db/pg-params.js';

describe('toPgParams', () => {
  it('numbers the parameters in order', () => {
    expect(toPgParams('UPDATE t SET a = ?, b = ? WHERE id IN (?, ?)')).toEqual({ text: 'UPDATE t SET a = $1, b = $2 WHERE id IN ($3, $4)', count: 4 });
    expect(toPgParams('SELECT 1')).toEqual({ text: 'SELECT 1', count: 0 });
  });

  it("leaves ? alone inside strings (with '' escapes), quoted identifiers, comments and dollar-quoted bodies", () => {
    const sql = `SELECT 'a?''?', "we?ird" FROM t -- why?\nWHERE x = ? /* and ? */ AND y = $$?$$ AND z = $f$ ? $f$ AND w = ?`;
    expect(toPgParams(sql)).toEqual({
      text: `SELECT 'a?''?', "we?ird" FROM t -- why?\nWHERE x = $1 /* and ? */ AND y = $$?$$ AND z = $f$ ? $f$ AND w = $2`,
      count: 2,
    });
  });

  it('reads a $ inside a word as part of the name, not a dollar quote', () => {
    expect(toPgParams('SELECT a$b$ FROM t WHERE c = ?')).toEqual({ text: 'SELECT a$b$ FROM t WHERE c = $1', count: 1 });
  });

  it('numbers a ? after an unterminated comment or string as nothing (the server reports the syntax)', () => {
    expect(toPgParams("SELECT '?").count).toBe(0);
    expect(toPgParams('SELECT 1 /* ?').count).toBe(0);
  });
});
