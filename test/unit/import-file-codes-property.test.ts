// The codes a WBS file's predecessors may name (fileCodeCheck): every record's outline code as the tree
// numbers it and every code a WBS-code column writes, nothing else — checked on generated trees against
// the set of those codes written out (1, 1.1, 1.2, 2 …), for each of them and for near misses (01, 1.,
// 1.0, one number past the last child).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileCodeCheck } from '../../electron/core/services/import/predecessors.js';
import type { ImportRecord, ImportTable } from '../../electron/core/excel/import/read-table.js';

/** A table of records whose parents come before them (as a tree reads), some with a written WBS code. */
function table(parents: (number | null)[], written: (string | null)[]): ImportTable {
  const records: ImportRecord[] = parents.map((parent, i) => ({ row: i + 4, values: written[i] === null ? {} : { wbsCode: written[i] }, extra: {}, level: 0, parent }));
  return { fileName: 'wbs.xlsx', target: 'wbs', sheet: 'WBS', header: { top: 3, bottom: 3 }, data: { first: 4, last: 3 + records.length, end: 'end of sheet' }, leftOut: [], columns: [], records, problems: [], unknownValues: [], valueMaps: {}, newItems: [] };
}

/** The outline codes written out, each record's from its parent's (the oracle). */
function outline(parents: (number | null)[]): string[] {
  const next = new Map<number | null, number>();
  const codes: string[] = [];
  parents.forEach((p, i) => {
    const n = (next.get(p) ?? 0) + 1;
    next.set(p, n);
    codes[i] = p === null ? `${n}` : `${codes[p]}.${n}`;
  });
  return codes;
}

const tree = fc
  .array(fc.tuple(fc.nat(), fc.boolean(), fc.option(fc.constantFrom('1.2', '3', ' 2.1. ', 'A-1', '1.0', '10.1'), { nil: null })), { minLength: 1, maxLength: 60 })
  .map((rows) => ({
    // Each record under one of those before it, or at the top.
    parents: rows.map(([k, top], i) => (top || i === 0 ? null : k % i)),
    written: rows.map(([, , w]) => w),
  }));

describe('fileCodeCheck', () => {
  it("answers exactly the tree's outline codes and the written WBS codes", () => {
    fc.assert(
      fc.property(tree, ({ parents, written }) => {
        const codes = outline(parents);
        const set = new Set([...codes, ...written.flatMap((w) => (w !== null && w.trim() !== '' ? [w.trim().replace(/\.$/, '')] : []))]);
        const named = fileCodeCheck(table(parents, written));
        const asked = [...codes, ...codes.flatMap((c) => [`0${c}`, `${c}.`, `${c}.0`, `${c}.1`, `${c}.9`, c.replace(/\d+$/, (n) => String(Number(n) + 1))]), '', '0', '1', '2', 'x', '1..1'];
        for (const code of asked) expect(named(code), code).toBe(set.has(code));
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });
});
