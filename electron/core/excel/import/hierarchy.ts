// The WBS tree as client sheets write it → parent links. One way per table, the first that the sheet
// actually uses:
//   code     a WBS code column (1, 1.1, 1.1.2 — also １．１ and 1-1-2): the parent is the row above with
//            the code one level up;
//   level    a level / outline column (1, 2, 3 or Lv.2): a row is the child of the nearest row above
//            one level up;
//   parent   a parent column naming another row's ID (Redmine's 親チケット 1203, Backlog's 親課題キー
//            APP-40): the depth is the length of the chain of parents, wherever the rows stand;
//   columns  大分類 / 中分類 / 小分類 columns (a value per level; repeated on each row, written once,
//            or merged down), or a task name written one column further right per level under one
//            merged header: groups are made for the 大/中 values that have no row of their own;
//   indent   leading spaces or full-width spaces in the name, or the cell's indent;
//   outline  Excel's row grouping (Data → Group);
//   none     a flat list.
// A jump of more than one level, or a code whose parent is missing, is reported and the row is placed
// under the nearest row that fits.
import type { Problem } from '../../../common/excel/problems.js';
import type { HierarchyMethod } from '../../../common/excel/preview.js';


export interface TreeInput {
  /** 0-based sheet row (for problems). */
  r: number;
  code?: string | null;
  level?: number | null;
  /** 大/中/小 values, shallowest first ('' = empty). */
  categories?: string[];
  /** Offset of the name inside a merged name-column group. */
  columnOffset?: number;
  /** The row has a name of its own (with categories: else the row is the group it names). */
  hasName?: boolean;
  /** Indent amount of the name (cell indent, or leading space width). */
  indent?: number;
  outline?: number;
  /** The row's own ID, as the parent column of other rows names it (rowKey). */
  key?: string | null;
  /** The ID of the row's parent (parent column), null at the top. */
  parentKey?: string | null;
}

export interface TreeNode {
  /** Index of the input this node is; null for a group made from a 大/中 value. */
  input: number | null;
  /** Name of a made group. */
  name?: string;
  /** 0-based sheet row of the input (for a made group: the row that first named it). */
  r: number;
  level: number;
  /** Index into the node list, or null at the top. */
  parent: number | null;
}

export interface Tree {
  method: HierarchyMethod;
  nodes: TreeNode[];
  problems: Omit<Problem, 'sheet'>[];
}

const distinct = (xs: (number | undefined | null)[]) => new Set(xs.filter((x): x is number => x !== undefined && x !== null)).size;

export function chooseMethod(inputs: TreeInput[], has: { code: boolean; level: boolean; categories: boolean; span: boolean; levelComputed?: boolean; parent?: boolean; parentComputed?: boolean }): HierarchyMethod {
  if (has.code && inputs.some((i) => i.code?.includes('.'))) return 'code';
  // A level column of formulas (=getIndentLevel(E6)) is computed from the rows: the tree is read from
  // what it computes from (the indent, the outline) when they give one, as Excel would recompute it after
  // an edit; its cached values only when nothing else does.
  if (has.level && !has.levelComputed && distinct(inputs.map((i) => i.level)) >= 2) return 'level';
  // A parent column says each row's parent outright, whatever order the rows are in. (After a level
  // column the client types: a workbook keeping both — Lv beside 親タスク — keeps the tree its rows show.)
  // (A parent column of formulas is computed from the rows, as a level column of formulas is: last.)
  const byParent = has.parent && inputs.some((i) => i.parentKey) && inputs.some((i) => i.key);
  if (byParent && !has.parentComputed) return 'parent';
  if (has.categories && inputs.some((i) => i.categories?.some((c) => c !== ''))) return 'columns';
  if (has.span && distinct(inputs.map((i) => i.columnOffset)) >= 2) return 'columns';
  if (distinct(inputs.map((i) => i.indent ?? 0)) >= 2) return 'indent';
  if (distinct(inputs.map((i) => i.outline ?? 0)) >= 2) return 'outline';
  if (has.level && distinct(inputs.map((i) => i.level)) >= 2) return 'level';
  if (byParent) return 'parent';
  return 'none';
}

export function buildTree(inputs: TreeInput[], method: HierarchyMethod, cellOf: (r: number, what: 'code' | 'level' | 'parent') => string): Tree {
  switch (method) {
    case 'code':
      return byCode(inputs, cellOf);
    case 'level':
      return byDepth(inputs, 'level', (i) => i.level ?? null, cellOf);
    case 'parent':
      return byParent(inputs, (r) => cellOf(r, 'parent'));
    case 'phases':
      // (Phase rows at 0 and their tasks at 1, set by the table reader: phase-rows.ts.)
      return byDepth(inputs, 'phases', (i) => i.level ?? 1, cellOf);
    case 'columns':
      return inputs.some((i) => i.categories?.length) ? byColumns(inputs) : byDepth(inputs, 'columns', (i) => i.columnOffset ?? 0, cellOf);
    case 'indent':
      return byDepth(inputs, 'indent', rank(inputs.map((i) => i.indent ?? 0)), cellOf);
    case 'outline':
      return byDepth(inputs, 'outline', (i) => i.outline ?? 0, cellOf);
    case 'none':
      return { method, nodes: inputs.map((inp, i) => ({ input: i, r: inp.r, level: 0, parent: null })), problems: [] };
  }
}

/** Indent amounts → levels by rank (0, 2, 4 spaces → 0, 1, 2). */
function rank(amounts: number[]): (i: TreeInput) => number {
  const order = [...new Set(amounts)].sort((a, b) => a - b);
  return (i) => order.indexOf(i.indent ?? 0);
}

function byCode(inputs: TreeInput[], cellOf: (r: number, what: 'code') => string): Tree {
  const nodes: TreeNode[] = [];
  const problems: Tree['problems'] = [];
  const byCodeKey = new Map<string, number>();
  const key = phaseCodes(inputs.map((inp) => inp.code ?? null));
  // Each row's code in the tree, once (its parents are its prefixes up to a dot: no split and join per
  // level, which with the regex of phaseCodes twice per row was most of this at 100,000 rows).
  const codes = inputs.map((inp) => (inp.code ? key(inp.code) : null));
  const depthOf = (code: string) => {
    let n = 1;
    for (let at = code.indexOf('.'); at >= 0; at = code.indexOf('.', at + 1)) n++;
    return n;
  };
  // Depths some row's code has: a table of 1.1, 1.2, 1.1.1 … with no row "1" has an implicit root, and
  // a missing parent of a depth nobody uses is not worth a problem.
  const depths = new Set(codes.map((code) => (code !== null ? depthOf(code) : 0)));
  inputs.forEach((inp, i) => {
    const code = codes[i]!;
    let parent: number | null;
    if (code === null) {
      // A row without a code sits beside the row above it.
      parent = nodes.length > 0 ? nodes[nodes.length - 1]!.parent : null;
    } else {
      // The nearest prefix that is a row's code: 1.2.3 → 1.2, then 1. (The first prefix is the code's
      // own parent, sliced and looked up once: found, as it nearly always is, nothing is missing.)
      const last = code.lastIndexOf('.');
      const want = last >= 0 ? code.slice(0, last) : null;
      const own = want === null ? undefined : byCodeKey.get(want);
      parent = own ?? null;
      for (let at = last; at > 0 && parent === null; ) {
        at = code.lastIndexOf('.', at - 1);
        if (at >= 0) parent = byCodeKey.get(code.slice(0, at)) ?? null;
      }
      if (want !== null && own === undefined && depths.has(depthOf(code) - 1))
        problems.push({ cell: cellOf(inp.r, 'code'), kind: 'hierarchy', code: 'codeWithoutParent', params: { code: inp.code!, parent: want }, reason: `WBS code ${inp.code!} has no row ${want} above it` });
      if (byCodeKey.has(code)) problems.push({ cell: cellOf(inp.r, 'code'), kind: 'hierarchy', code: 'codeTwice', params: { code: inp.code! }, reason: `WBS code ${inp.code!} appears more than once` });
      byCodeKey.set(code, nodes.length);
    }
    nodes.push({ input: i, r: inp.r, level: parent === null ? 0 : nodes[parent]!.level + 1, parent });
  });
  return { method: 'code', nodes, problems };
}

/**
 * A code's place in the tree, for a table numbered the common x.0 way (1.0 要件定義, 1.1, 1.2, 2.0 設計):
 * a trailing .0 is its parent's own code, so 1.0 is phase 1 and 1.1 its child (read as written, 1.1 sat
 * beside 1.0 and the whole plan was flat: review R7). Only where no row is coded without the .0: beside a
 * row 1, a 1.0 is its first child (a client numbering from 0).
 */
export function phaseCodes(codes: (string | null)[]): (code: string) => string {
  // The codes written, made at the first x.0 code: a table with none (most) never needs them, and a set
  // of 100,000 codes was a fifth of building the tree of a 100,000-row WBS.
  let written: Set<string> | null = null;
  return (code) => {
    // (A code that does not end in 0 is its own: most of them, no regex asked.)
    if (code.charCodeAt(code.length - 1) !== 48) return code;
    let k = code;
    while (/\.0+$/.test(k) && !(written ??= new Set(codes.filter((c): c is string => c !== null))).has(k.replace(/\.0+$/, ''))) k = k.replace(/\.0+$/, '');
    return k;
  };
}

function byDepth(
  inputs: TreeInput[],
  method: HierarchyMethod,
  depthOf: (i: TreeInput) => number | null,
  cellOf: (r: number, what: 'level') => string,
): Tree {
  const nodes: TreeNode[] = [];
  const problems: Tree['problems'] = [];
  const raw = inputs.map(depthOf);
  const base = raw.reduce<number>((least, d) => (d !== null && d < least ? d : least), Infinity);
  const stack: number[] = [];
  inputs.forEach((inp, i) => {
    let d = raw[i] === null ? Math.max(0, stack.length - 1) : raw[i]! - (base === Infinity ? 0 : base);
    if (d > stack.length) {
      if (method === 'level')
        problems.push({ cell: cellOf(inp.r, 'level'), kind: 'hierarchy', code: 'levelSkips', params: { level: raw[i]!, after: stack.length - 1 + base }, reason: `level ${raw[i]} skips a level after ${stack.length - 1 + base}` });
      d = stack.length;
    }
    const parent = d > 0 ? stack[d - 1]! : null;
    stack.length = d;
    stack.push(nodes.length);
    nodes.push({ input: i, r: inp.r, level: d, parent });
  });
  return { method, nodes, problems };
}

function byColumns(inputs: TreeInput[]): Tree {
  const nodes: TreeNode[] = [];
  const current: ({ name: string; node: number } | undefined)[] = [];
  inputs.forEach((inp, i) => {
    const cats = inp.categories ?? [];
    const deepestHere = cats.reduce((d, v, k) => (v !== '' ? k : d), -1);
    // Is this row itself a group: a new 大/中 value and no name of its own?
    let selfGroup = -1;
    for (let k = 0; k < cats.length; k++) {
      const v = cats[k]!;
      if (v === '') continue;
      const same = current[k]?.name === v;
      if (same) continue;
      current.length = k;
      const parent = k > 0 ? nearest(current, k) : null;
      if (k === deepestHere && !inp.hasName) {
        // The row names only this group: the row is the group.
        selfGroup = k;
        current[k] = { name: v, node: nodes.length };
        nodes.push({ input: i, r: inp.r, level: parent === null ? 0 : nodes[parent]!.level + 1, parent });
      } else {
        current[k] = { name: v, node: nodes.length };
        nodes.push({ input: null, name: v, r: inp.r, level: parent === null ? 0 : nodes[parent]!.level + 1, parent });
      }
    }
    if (selfGroup >= 0) return;
    const parent = nearest(current, current.length);
    nodes.push({ input: i, r: inp.r, level: parent === null ? 0 : nodes[parent]!.level + 1, parent });
  });
  return { method: 'columns', nodes, problems: [] };
}

/** The deepest group set above depth `k`. */
function nearest(current: ({ node: number } | undefined)[], k: number): number | null {
  for (let j = Math.min(k, current.length) - 1; j >= 0; j--) if (current[j]) return current[j]!.node;
  return null;
}

/**
 * The tree a parent column gives: each row under the row whose ID its parent cell names, the depth the
 * length of that chain. The rows come out parent first, each followed by its subtree, in the file's order
 * among siblings (a file listing a child above its parent — an export sorted by ID or by date — still
 * reads as a tree). A parent no row has, or a chain that comes back to the row (a cycle, a row its own
 * parent), is named on the row's parent cell and the row kept at the top, never dropped.
 */
function byParent(inputs: TreeInput[], cellOf: (r: number) => string): Tree {
  const problems: Tree['problems'] = [];
  const byKey = new Map<string, number>();
  inputs.forEach((inp, i) => {
    if (inp.key && !byKey.has(inp.key)) byKey.set(inp.key, i);
  });
  const parentOf: (number | null)[] = inputs.map((inp, i) => {
    const want = inp.parentKey;
    if (!want) return null;
    const p = byKey.get(want);
    if (p === undefined) {
      problems.push({ cell: cellOf(inp.r), kind: 'hierarchy', code: 'parentUnknown', params: { parent: want }, reason: `no row of the file is ${want}: the row is kept at the top level`, warning: true });
      return null;
    }
    return p;
  });
  // A chain that comes back to the row (a loop, or the row its own parent): the row is kept at the top,
  // named. A loop further up the chain is named on its own rows, which break it.
  inputs.forEach((inp, i) => {
    const seen = new Set<number>();
    for (let p = parentOf[i]; p !== null && p !== undefined && !seen.has(p); p = parentOf[p]!) {
      if (p === i) {
        problems.push({ cell: cellOf(inp.r), kind: 'hierarchy', code: 'parentCycle', params: { parent: inp.parentKey ?? '' }, reason: `following the parents from ${inp.parentKey ?? ''} comes back to this row: the row is kept at the top level`, warning: true });
        parentOf[i] = null;
        break;
      }
      seen.add(p);
    }
  });
  const children = inputs.map((): number[] => []);
  const roots: number[] = [];
  parentOf.forEach((p, i) => (p === null ? roots : children[p!]!).push(i));
  const nodes: TreeNode[] = [];
  // Depth first, without recursion (a deep chain of 10,000 rows would overflow the stack).
  const stack: { i: number; parent: number | null; level: number }[] = roots.reverse().map((i) => ({ i, parent: null, level: 0 }));
  while (stack.length > 0) {
    const { i, parent, level } = stack.pop()!;
    const at = nodes.length;
    nodes.push({ input: i, r: inputs[i]!.r, level, parent });
    for (let k = children[i]!.length - 1; k >= 0; k--) stack.push({ i: children[i]![k]!, parent: at, level: level + 1 });
  }
  return { method: 'parent', nodes, problems };
}
