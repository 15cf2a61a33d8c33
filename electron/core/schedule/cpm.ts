// Critical path over typed arrays: one forward and one backward pass in topological order, in
// working-day indexes (see common/schedule/calendar.ts), so no date is touched inside the loops.
//
// Each task is two nodes: in(i) gathers the bounds its predecessors (and its parent's) put on it,
// out(i) is the task scheduled. A summary's in-node passes its bounds to its children's in-nodes and its
// out-node rolls up their out-nodes; so a link to a phase holds back every task in it, a link from a
// phase waits for all of it, and linking a task to its own ancestor is a cycle like any other. FF and SF
// links may not end at a summary (schedule.ts refuses them, as MS Project does); one that does because its
// task gained subtasks later holds back the finish of every task in the phase.
//   FS: ES(s) ≥ EF(p) + lag   SS: ES(s) ≥ ES(p) + lag   FF: EF(s) ≥ EF(p) + lag   SF: EF(s) ≥ ES(p) + lag
// EF is exclusive (ES + duration): a 1-day task starting on index 5 has EF 6.

export const FS = 0;
export const SS = 1;
export const FF = 2;
export const SF = 3;

export interface CpmInput {
  n: number;
  /** Parent's index or -1; parents come before their children (tree order). */
  parent: Int32Array;
  /** 1: dates as typed (start/finish below are kept); 0: scheduled. */
  manual: Uint8Array;
  /** Working days. */
  duration: Int32Array;
  /** Working-day index of the typed start, or NO_DATE. For a manual task, its start; for an auto task, used when nothing links it. */
  start: Int32Array;
  /** Exclusive working-day index of a manual task's finish (ignored for auto tasks). */
  finish: Int32Array;
  /** Where an unlinked auto task without a start begins. */
  projectStart: number;
  m: number;
  pred: Int32Array;
  succ: Int32Array;
  type: Uint8Array;
  lag: Int32Array;
}

export interface CpmResult {
  es: Int32Array;
  ef: Int32Array;
  ls: Int32Array;
  lf: Int32Array;
  /** 1: a manual task that starts or finishes earlier than a link into it (or its parent) allows. */
  violated: Uint8Array;
  summary: Uint8Array;
  /** Latest early finish: where the backward pass starts. */
  projectFinish: number;
}

export const NO_DATE = -2147483648;

/** Thrown with the task indexes of one cycle, in link order. */
export class CycleError extends Error {
  constructor(readonly tasks: number[]) {
    super('the links form a cycle');
  }
}

/** CSR lists: for key k, items[offset[k] .. offset[k+1]). */
function group(keys: Int32Array, count: number, n: number): { offset: Int32Array; items: Int32Array } {
  const offset = new Int32Array(n + 1);
  for (let j = 0; j < count; j++) if (keys[j]! >= 0) offset[keys[j]! + 1]!++;
  for (let k = 0; k < n; k++) offset[k + 1]! += offset[k]!;
  const fill = offset.slice(0, n);
  const items = new Int32Array(offset[n]!);
  for (let j = 0; j < count; j++) if (keys[j]! >= 0) items[fill[keys[j]!]!++] = j;
  return { offset, items };
}

export function computeCpm(x: CpmInput): CpmResult {
  const { n, m, parent, pred, succ, type, lag, duration } = x;
  const kids = group(parent, n, n); // items: child task indexes
  const ins = group(succ, m, n); // items: link indexes into a task
  const outs = group(pred, m, n); // items: link indexes out of a task
  const summary = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) summary[parent[i]!] = 1;

  // ---- topological order of the 2n nodes (in(i) = i, out(i) = n + i), Kahn's algorithm.
  const N = 2 * n;
  const indeg = new Int32Array(N);
  for (let i = 0; i < n; i++) {
    indeg[i] = (parent[i]! >= 0 ? 1 : 0) + (ins.offset[i + 1]! - ins.offset[i]!);
    indeg[n + i] = summary[i] ? kids.offset[i + 1]! - kids.offset[i]! : 1;
  }
  const order = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < N; v++) if (indeg[v] === 0) order[tail++] = v;
  const release = (v: number) => {
    if (--indeg[v]! === 0) order[tail++] = v;
  };
  while (head < tail) {
    const v = order[head++]!;
    if (v < n) {
      if (summary[v]) for (let k = kids.offset[v]!; k < kids.offset[v + 1]!; k++) release(kids.items[k]!);
      else release(n + v);
    } else {
      const i = v - n;
      if (parent[i]! >= 0) release(n + parent[i]!);
      for (let k = outs.offset[i]!; k < outs.offset[i + 1]!; k++) release(succ[outs.items[k]!]!);
    }
  }
  if (tail < N) throw new CycleError(findCycle(x, indeg, summary, kids, ins));

  // ---- forward pass
  const es = new Int32Array(n);
  const ef = new Int32Array(n);
  const lbS = new Int32Array(n).fill(NO_DATE); // lower bound on ES from links (own or ancestors')
  const lbF = new Int32Array(n).fill(NO_DATE); // lower bound on EF from links
  const violated = new Uint8Array(n);
  let projectFinish = NO_DATE;
  for (let o = 0; o < N; o++) {
    const v = order[o]!;
    if (v < n) {
      const p = parent[v]!;
      let s = p >= 0 ? lbS[p]! : NO_DATE;
      let f = p >= 0 ? lbF[p]! : NO_DATE;
      for (let k = ins.offset[v]!; k < ins.offset[v + 1]!; k++) {
        const l = ins.items[k]!;
        const q = pred[l]!;
        const t = type[l]!;
        const b = (t === FS || t === FF ? ef[q]! : es[q]!) + lag[l]!;
        if (t === FS || t === SS) s = b > s ? b : s;
        else f = b > f ? b : f;
      }
      lbS[v] = s;
      lbF[v] = f;
      continue;
    }
    const i = v - n;
    if (summary[i]) {
      let a = 2147483647;
      let b = NO_DATE;
      for (let k = kids.offset[i]!; k < kids.offset[i + 1]!; k++) {
        const c = kids.items[k]!;
        if (es[c]! < a) a = es[c]!;
        if (ef[c]! > b) b = ef[c]!;
      }
      es[i] = a;
      ef[i] = b;
    } else if (x.manual[i]) {
      es[i] = x.start[i]!;
      ef[i] = x.finish[i]!;
      if (es[i]! < lbS[i]! || ef[i]! < lbF[i]!) violated[i] = 1;
    } else {
      const d = duration[i]!;
      let s: number;
      if (lbS[i] === NO_DATE && lbF[i] === NO_DATE) s = x.start[i] !== NO_DATE ? x.start[i]! : x.projectStart;
      else {
        s = lbS[i]!;
        if (lbF[i] !== NO_DATE && lbF[i]! - d > s) s = lbF[i]! - d;
      }
      es[i] = s;
      ef[i] = s + d;
    }
    if (ef[i]! > projectFinish) projectFinish = ef[i]!;
  }

  // ---- backward pass
  const ls = new Int32Array(n);
  const lf = new Int32Array(n);
  const ubS = new Int32Array(n); // upper bound on LS from successor links (own or ancestors')
  const ubF = new Int32Array(n); // upper bound on LF
  const BIG = 2147483647;
  for (let o = N - 1; o >= 0; o--) {
    const v = order[o]!;
    if (v >= n) {
      const i = v - n;
      const p = parent[i]!;
      let s = p >= 0 ? ubS[p]! : BIG;
      let f = p >= 0 ? ubF[p]! : projectFinish;
      for (let k = outs.offset[i]!; k < outs.offset[i + 1]!; k++) {
        const l = outs.items[k]!;
        const q = succ[l]!;
        const t = type[l]!;
        const b = (t === FS || t === SS ? ls[q]! : lf[q]!) - lag[l]!;
        if (t === FS || t === FF) f = b < f ? b : f;
        else s = b < s ? b : s;
      }
      ubS[i] = s;
      ubF[i] = f;
      if (!summary[i]) {
        const d = ef[i]! - es[i]!;
        lf[i] = s !== BIG && s + d < f ? s + d : f;
        ls[i] = lf[i]! - d;
      }
    } else if (summary[v]) {
      let a = BIG;
      let b = NO_DATE;
      for (let k = kids.offset[v]!; k < kids.offset[v + 1]!; k++) {
        const c = kids.items[k]!;
        if (ls[c]! < a) a = ls[c]!;
        if (lf[c]! > b) b = lf[c]!;
      }
      ls[v] = a;
      lf[v] = b;
    }
  }
  return { es, ef, ls, lf, violated, summary, projectFinish };
}

/**
 * One cycle among the nodes Kahn's algorithm could not release: every such node has an unreleased
 * predecessor, so walking predecessors from one must come back to a node already seen.
 */
function findCycle(
  x: CpmInput,
  indeg: Int32Array,
  summary: Uint8Array,
  kids: { offset: Int32Array; items: Int32Array },
  ins: { offset: Int32Array; items: Int32Array },
): number[] {
  const n = x.n;
  const stuck = (v: number) => indeg[v]! > 0;
  const predecessorOf = (v: number): number => {
    if (v < n) {
      const p = x.parent[v]!;
      if (p >= 0 && stuck(p)) return p;
      for (let k = ins.offset[v]!; k < ins.offset[v + 1]!; k++) if (stuck(n + x.pred[ins.items[k]!]!)) return n + x.pred[ins.items[k]!]!;
    } else {
      const i = v - n;
      if (!summary[i]) return i;
      for (let k = kids.offset[i]!; k < kids.offset[i + 1]!; k++) if (stuck(n + kids.items[k]!)) return n + kids.items[k]!;
    }
    return -1;
  };
  let v = 0;
  while (v < 2 * n && !stuck(v)) v++;
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  while (v >= 0 && !seenAt.has(v)) {
    seenAt.set(v, path.length);
    path.push(v);
    v = predecessorOf(v);
  }
  const cycle = v < 0 ? path : path.slice(seenAt.get(v)!);
  // Walked backwards; answer the tasks in link order, each once.
  const tasks: number[] = [];
  for (const node of cycle.reverse()) {
    const t = node < n ? node : node - n;
    if (!tasks.includes(t)) tasks.push(t);
  }
  return tasks;
}
