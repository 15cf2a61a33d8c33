// The WBS tree read from codes (hierarchy.ts byCode) finds a row's parent among its code's prefixes by
// slicing at dots, not by splitting and joining per level (a 100,000-row import). The reading must stay
// what it was: the same parents, levels and problems as the split-and-join reading kept here as the
// reference, for codes with .0 phases, gaps, repeats, empty segments and rows without a code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree, phaseCodes, type TreeInput } from '../../electron/core/excel/import/hierarchy.js';

/** byCode as it read before (session 12), for comparison. */
function reference(inputs: TreeInput[]) {
  const nodes: { input: number; r: number; level: number; parent: number | null }[] = [];
  const problems: { code: string; params: unknown }[] = [];
  const byCodeKey = new Map<string, number>();
  const key = phaseCodes(inputs.map((inp) => inp.code ?? null));
  const depths = new Set(inputs.map((inp) => (inp.code ? key(inp.code).split('.').length : 0)));
  inputs.forEach((inp, i) => {
    const code = inp.code ? key(inp.code) : null;
    let parent: number | null;
    if (code === null) parent = nodes.length > 0 ? nodes[nodes.length - 1]!.parent : null;
    else {
      const segs = code.split('.');
      parent = null;
      for (let k = segs.length - 1; k >= 1 && parent === null; k--) parent = byCodeKey.get(segs.slice(0, k).join('.')) ?? null;
      if (segs.length > 1) {
        const want = segs.slice(0, -1).join('.');
        if (!byCodeKey.has(want) && depths.has(segs.length - 1)) problems.push({ code: 'codeWithoutParent', params: { code: inp.code!, parent: want } });
      }
      if (byCodeKey.has(code)) problems.push({ code: 'codeTwice', params: { code: inp.code! } });
      byCodeKey.set(code, nodes.length);
    }
    nodes.push({ input: i, r: inp.r, level: parent === null ? 0 : nodes[parent]!.level + 1, parent });
  });
  return { nodes, problems };
}

const segment = fc.constantFrom('0', '1', '2', '3', '10', '00', '');
const code = fc.oneof(fc.constant(null), fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('.')));

describe('the tree read from WBS codes', () => {
  it('gives the parents, levels and problems of the split-and-join reading', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), (codes) => {
        const inputs: TreeInput[] = codes.map((c, i) => ({ r: i + 1, code: c }));
        const tree = buildTree(inputs, 'code', (r) => `A${r + 1}`);
        const want = reference(inputs);
        expect(tree.nodes).toEqual(want.nodes);
        expect(tree.problems.map((p) => ({ code: p.code, params: p.params }))).toEqual(want.problems);
      }),
      { numRuns: 1000 },
    );
  });
});
