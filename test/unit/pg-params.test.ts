// `?` → `$n` for the PostgreSQL bridge: only a `?` that is a parameter is numbered.
import { describe, expect, it } from 'vitest';
import { toPgParams } from '../../electron/core/db/pg-params.js';

describe('toPgParams', () => {
  it('numbers the parameters in order', () => {
    expect(toPgParams('UPDATE t SET a = ?, b = ? WHERE id IN (?, ?)')).toEqual({ text: 'UPDATE t SET a = $1, b = $2 WHERE id IN ($3, $4)', count: 4, aliases: null });
    expect(toPgParams('SELECT 1')).toMatchObject({ text: 'SELECT 1', count: 0 });
  });

  it("leaves ? alone inside strings (with '' escapes), quoted identifiers, comments and dollar-quoted bodies", () => {
    const sql = `SELECT 'a?''?', "we?ird" FROM t -- why?\nWHERE x = ? /* and ? */ AND y = $$?$$ AND z = $f$ ? $f$ AND w = ?`;
    expect(toPgParams(sql)).toEqual({
      text: `SELECT 'a?''?', "we?ird" FROM t -- why?\nWHERE x = $1 /* and ? */ AND y = $$?$$ AND z = $f$ ? $f$ AND w = $2`,
      count: 2,
      aliases: null,
    });
  });

  it('reads a $ inside a word as part of the name, not a dollar quote', () => {
    expect(toPgParams('SELECT a$b$ FROM t WHERE c = ?')).toMatchObject({ text: 'SELECT a$b$ FROM t WHERE c = $1', count: 1 });
  });

  it('numbers a ? after an unterminated comment or string as nothing (the server reports the syntax)', () => {
    expect(toPgParams("SELECT '?").count).toBe(0);
    expect(toPgParams('SELECT 1 /* ?').count).toBe(0);
  });

  it('names the mixed-case aliases PostgreSQL folds to lower case, not type names nor aliases in strings or comments', () => {
    const sql = `SELECT parent_id AS parentId, id AS "quotedId", CAST(x AS INTEGER) AS n, 'a AS notMe' -- AS norMe\n, planned_start as plannedStart FROM t`;
    expect(toPgParams(sql).aliases).toEqual({ parentid: 'parentId', plannedstart: 'plannedStart' });
  });

  it("makes SQLite's CROSS JOIN … ON a JOIN (PostgreSQL refuses ON there), leaving a true CROSS JOIN and strings alone", () => {
    expect(toPgParams('SELECT t.id FROM json_each(?) j CROSS JOIN wbs_tasks t ON t.id = j.value WHERE t.project_id = ?').text).toBe(
      'SELECT t.id FROM json_each($1) j       JOIN wbs_tasks t ON t.id = j.value WHERE t.project_id = $2',
    );
    expect(toPgParams('SELECT 1 FROM parents CROSS JOIN wbs_tasks AS t ON t.parent_id = parents.p').text).toBe('SELECT 1 FROM parents       JOIN wbs_tasks AS t ON t.parent_id = parents.p');
    expect(toPgParams('SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.y').text).toBe('SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.y');
    expect(toPgParams("SELECT 'a CROSS JOIN b ON x' FROM t").text).toBe("SELECT 'a CROSS JOIN b ON x' FROM t");
  });
});
