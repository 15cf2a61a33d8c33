// The WBS tree's derived shape — tree order, codes (1.2.3), levels, summary marks — from parentId and
// position alone. Core derives it when listing; a screen keeping the whole list derives it again after
// patching in the rows a write changed (applyWbsChanges), since a move or delete renumbers rows the
// write never touched.
import type { WbsChanges, WbsMovedDates, WbsTask, WbsUpdateResult } from './dto.js';
import { lateFlags } from './wbs-late.js';

export interface TreeNode {
  id: number;
  parentId: number | null;
  position: number;
}

export interface Placed<R> {
  row: R;
  code: string;
  level: number;
  summary: boolean;
}

/**
 * Rows in tree order (parents before children, siblings by position then id) with their derived
 * code and level. Rows whose parent is missing are not reachable and are left out.
 */
export function treeOrder<R extends TreeNode>(rows: readonly R[]): Placed<R>[] {
  const children = new Map<number | null, R[]>();
  for (const r of rows) {
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: Placed<R>[] = [];
  // An explicit stack rather than recursion: a pathological import could nest thousands deep.
  const stack: { parentId: number | null; prefix: string; level: number; i: number }[] = [{ parentId: null, prefix: '', level: 0, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const list = children.get(top.parentId) ?? [];
    if (top.i >= list.length) {
      stack.pop();
      continue;
    }
    const r = list[top.i++]!;
    const code = top.prefix ? `${top.prefix}.${top.i}` : String(top.i);
    out.push({ row: r, code, level: top.level, summary: children.has(r.id) });
    stack.push({ parentId: r.id, prefix: code, level: top.level + 1, i: 0 });
  }
  return out;
}

/** A task's id by its derived WBS code (1.2.3), as treeOrder would number it. */
export interface CodeLookup {
  get(code: string): number | undefined;
}

/**
 * Ids by derived code, found by walking the code's numbers down the sorted siblings: no code is built
 * for the rows nobody names (an import's links name a few thousand codes of 100,000 tasks, and building
 * and hashing every code was a tenth of its apply). Only codes treeOrder gives are found: 1.02, 0 or
 * 1..2 name no task.
 */
export function codeLookup(rows: readonly TreeNode[]): CodeLookup {
  const children = new Map<number | null, TreeNode[]>();
  for (const r of rows) {
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  return {
    get(code) {
      let id: number | null = null;
      for (const part of code.split('.')) {
        if (!/^[1-9]\d*$/.test(part)) return undefined;
        const r: TreeNode | undefined = children.get(id)?.[Number(part) - 1];
        if (!r) return undefined;
        id = r.id;
      }
      return id ?? undefined;
    },
  };
}

/**
 * The list after a write: changed rows replace theirs (or are added), deleted ones and everything under
 * them go, and every row's code, level and summary mark is derived again. A row whose values and
 * derived fields are unchanged keeps its object, so a grid keyed by id redraws only what moved.
 */
export function applyWbsChanges(list: readonly WbsTask[], changes: WbsChanges): WbsTask[] {
  const same = sameTree(list, changes);
  // Values only (an edit, a paste, their undo): every row stays where it was, so the list is mapped in
  // place, not ordered again — at 50,000 tasks the tree order was most of an undo's time on screen.
  if (same) return list.map((t) => same.get(t.id) ?? t);
  const byId = new Map(list.map((t) => [t.id, t]));
  const fresh = new Set<number>();
  for (const t of changes.tasks) {
    byId.set(t.id, t);
    fresh.add(t.id);
  }
  for (const id of changes.deletedIds) byId.delete(id);
  return treeOrder([...byId.values()]).map(({ row, code, level, summary }) =>
    row.code === code && row.level === level && row.summary === summary ? row : fresh.has(row.id) ? Object.assign(row, { code, level, summary }) : { ...row, code, level, summary },
  );
}

/**
 * The list after a wbs.update: the rows it answered replace theirs, and the tasks its reschedule moved
 * get their new dates (applyMovedDates).
 */
export function applyWbsUpdate(list: readonly WbsTask[], { task, related, moved }: WbsUpdateResult, today: string): WbsTask[] {
  const fresh = new Map([task, ...related].map((t) => [t.id, t]));
  const merged = list.map((t) => fresh.get(t.id) ?? t);
  return moved ? applyMovedDates(merged, moved, today) : merged;
}

/**
 * The list with a reschedule's moved dates patched in: each moved row becomes a new object with its
 * dates, `updatedAt` and late marks (against `today`, as the core derives them); every other row keeps
 * its object.
 */
export function applyMovedDates(list: readonly WbsTask[], moved: WbsMovedDates, today: string): WbsTask[] {
  const at = new Map<number, number>();
  moved.ids.forEach((id, i) => at.set(id, i));
  return list.map((t) => {
    const i = at.get(t.id);
    if (i === undefined) return t;
    const next = { ...t, plannedStart: moved.plannedStart[i]!, plannedFinish: moved.plannedFinish[i]!, updatedAt: moved.updatedAt };
    return Object.assign(next, lateFlags(next, today));
  });
}

/**
 * The changed rows by id when the change leaves the tree as it was: nothing deleted, every row already
 * listed, under the same parent at the same position (their code, level and summary mark unchanged).
 * Null otherwise.
 */
function sameTree(list: readonly WbsTask[], changes: WbsChanges): Map<number, WbsTask> | null {
  if (changes.deletedIds.length > 0) return null;
  const fresh = new Map(changes.tasks.map((t) => [t.id, t]));
  let found = 0;
  for (const t of list) {
    const f = fresh.get(t.id);
    if (!f) continue;
    if (f.parentId !== t.parentId || f.position !== t.position || f.code !== t.code || f.level !== t.level || f.summary !== t.summary) return null;
    found++;
  }
  return found === fresh.size ? fresh : null;
}
