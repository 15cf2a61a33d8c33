// wbs.update and wbs.applyCells answer a reschedule's moved tasks as their dates only (`moved`). The oracle
// cannot be tuned to: the list a screen had before the edit, patched with the answer as the WBS page
// patches it (applyWbsUpdate; a paste's rows by applyWbsChanges, then applyMovedDates), must equal a fresh wbs.rows after it — over seeded random edits of an
// automatic network (durations, typed starts, links, progress, manual/auto). The workspace's today is
// fixed (TODAY): the screen derives the late marks against the same day.
import { afterEach, describe, expect, it } from 'vitest';
import { applyMovedDates, applyWbsChanges, applyWbsUpdate } from '../../electron/common/wbs-tree.js';
import { seed, TODAY, wbsWorkspace } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

function prng(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function network() {
  const ws = wbsWorkspace();
  close = () => ws.close();
  const { id: projectId } = await ws.call('project.create', { name: 'answer' });
  // Three phases of six automatic tasks each, chained FS through the phases (1.1 → 1.2 … → 3.6).
  const specs = [1, 2, 3].map((p) => ({
    name: `phase ${p}`,
    children: [1, 2, 3, 4, 5, 6].map((k) => ({ name: `t${p}.${k}`, values: { scheduling: 'auto' as const, duration: 1 + ((p + k) % 4), plannedStart: '2025-04-01' } })),
  }));
  const ids = await seed(ws.call, projectId, specs);
  const leaves = [...ids].filter(([name]) => name.startsWith('t')).map(([, id]) => id);
  const codes = new Map((await ws.call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.id, t.code]));
  for (let i = 1; i < leaves.length; i++) await ws.call('dependency.create', { projectId, predecessorId: leaves[i - 1]!, successorId: leaves[i]! });
  return { ws, projectId, leaves, codes };
}

describe('wbs.update answers the tasks its reschedule moved as their dates', () => {
  it('a duration edit at the head of the chain moves every task after it: answered as dates, not rows', async () => {
    const { ws, projectId, leaves } = await network();
    const before = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
    const answer = await ws.call('wbs.update', { id: leaves[0]!, patch: { duration: 6 } });
    const after = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
    const moved = (t: { id: number; plannedStart: string | null; plannedFinish: string | null }) => {
      const was = before.find((b) => b.id === t.id)!;
      return t.plannedStart !== was.plannedStart || t.plannedFinish !== was.plannedFinish;
    };
    const movedAfter = after.filter((t) => !t.summary && t.id !== leaves[0] && moved(t));
    expect(movedAfter.length).toBe(leaves.length - 1);
    // The task's ancestors come as rows; every other task or summary whose dates moved, as its dates.
    expect(answer.related.every((t) => t.summary)).toBe(true);
    const rows = new Set([leaves[0]!, ...answer.related.map((t) => t.id)]);
    expect(new Set(answer.moved!.ids)).toEqual(new Set(after.filter((t) => !rows.has(t.id) && moved(t)).map((t) => t.id)));
    expect(answer.moved!.ids.filter((id) => after.find((t) => t.id === id)!.summary).length).toBeGreaterThan(0);
    expect(applyWbsUpdate(before, answer, TODAY)).toEqual(after);
  });

  it('property: the list before, patched with each answer, equals wbs.rows after (seeded random edits)', async () => {
    const { ws, projectId, leaves, codes } = await network();
    const rnd = prng(20261205);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    let list = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
    let movedSeen = 0;
    for (let step = 0; step < 40; step++) {
      const id = pick(leaves);
      const i = leaves.indexOf(id);
      const patch = pick([
        () => ({ duration: 1 + Math.floor(rnd() * 5) }),
        () => ({ plannedStart: `2025-04-${String(1 + Math.floor(rnd() * 20)).padStart(2, '0')}` }),
        () => ({ scheduling: pick(['auto', 'manual'] as const) }),
        () => ({ progress: pick([0, 40, 100]) }),
        // Relink to an earlier task (never a cycle), with a lag, or drop its links.
        () => ({ predecessors: i === 0 ? '' : `${codes.get(leaves[Math.floor(rnd() * i)]!)}${pick(['', 'FS+1', 'SS', 'FF-1'])}` }),
        () => ({ predecessors: '' }),
      ])();
      const answer = await ws.call('wbs.update', { id, patch });
      movedSeen += answer.moved?.ids.length ?? 0;
      const fresh = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(applyWbsUpdate(list, answer, TODAY), `step ${step}: ${JSON.stringify(patch)} on ${codes.get(id)}`).toEqual(fresh);
      list = fresh;
    }
    // The script did reschedule (else the property held vacuously).
    expect(movedSeen).toBeGreaterThan(40);
  });

  it('property: a paste of durations, starts and predecessors, and of new rows, patched in as the page does, equals wbs.rows after', async () => {
    const { ws, projectId, leaves, codes } = await network();
    const rnd = prng(5121);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    let list = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
    let movedSeen = 0;
    for (let step = 0; step < 15; step++) {
      const rows = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(leaves)))];
      const updates = rows.map((id) => {
        const i = leaves.indexOf(id);
        const patch = pick([
          () => ({ duration: 1 + Math.floor(rnd() * 5) }),
          () => ({ plannedStart: `2025-04-${String(1 + Math.floor(rnd() * 20)).padStart(2, '0')}` }),
          () => ({ predecessors: i === 0 ? '' : String(codes.get(leaves[Math.floor(rnd() * i)]!)) }),
        ])();
        return { id, patch };
      });
      const creates = rnd() < 0.3 ? [{ values: { name: `new ${step}` } }] : [];
      const answer = await ws.call('wbs.applyCells', { projectId, updates, creates });
      movedSeen += answer.moved?.ids.length ?? 0;
      const fresh = await ws.call('wbs.rows', { projectId }).then(tasksOfTable);
      const patched = applyWbsChanges(list, { tasks: answer.tasks, deletedIds: [] });
      expect(answer.moved ? applyMovedDates(patched, answer.moved, TODAY) : patched, `step ${step}: ${JSON.stringify(updates)}`).toEqual(fresh);
      list = fresh;
    }
    expect(movedSeen).toBeGreaterThan(15);
  });
});
