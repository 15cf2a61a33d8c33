// Moving tasks in the tree: up/down among siblings, indent (under the previous sibling) and outdent
// (after the parent). A task always moves with its subtree; a selection that holds a task and some
// of its descendants moves the task only. Each call is one batch; a refusal changes nothing.
import type { WbsChanges } from '../../common/dto.js';
import { textError } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import { inBatch, type Actor, type Batch } from '../batch.js';
import {
  placeTasks,
  wbsChangesOf,
  rowsOfOneProject,
  setPosition,
  settleRollUps,
  rescheduleIn,
  slotPositions,
  topmost,
  wbsStore,
  type TaskRow,
} from './wbs.js';
import { siblingPositions } from '../db/queries/wbs.js';

type Sib = { id: number; position: number };

function siblingsOf(db: Db, projectId: number, parentId: number | null): Sib[] {
  return siblingPositions(db, projectId, parentId);
}

/**
 * The selection's topmost tasks in tree order, with their codes for messages. Tree order compares the
 * (position, id) of each ancestor on the way down, so only the selected rows' ancestors are read, never
 * the whole WBS.
 */
function selection(db: Db, ids: number[], today: string): { projectId: number; tasks: TaskRow[]; code: (id: number) => string } {
  const rows = rowsOfOneProject(db, ids);
  const projectId = rows[0]!.projectId;
  const cache = new Map<number, TaskRow>();
  const path = (r: TaskRow): TaskRow[] => {
    const chain = [r];
    for (let p = r.parentId; p !== null; ) {
      const a = cache.get(p) ?? wbsStore.get(db, p)!;
      cache.set(p, a);
      chain.unshift(a);
      p = a.parentId;
    }
    return chain;
  };
  const keys = new Map(rows.map((r) => [r.id, path(r)]));
  const cmp = (a: TaskRow, b: TaskRow) => {
    const x = keys.get(a.id)!;
    const y = keys.get(b.id)!;
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i]!.id !== y[i]!.id) return x[i]!.position - y[i]!.position || x[i]!.id - y[i]!.id;
    return x.length - y.length;
  };
  const tasks = topmost(db, rows).sort(cmp);
  return { projectId, tasks, code: (id) => placeTasks(db, projectId, [id], today)[0]?.code ?? String(id) };
}

/**
 * Moves the selected tasks one place up or down among their siblings; a block of adjacent selected
 * siblings moves together. Refused when a selected task is already first (up) or last (down).
 */
export function moveTasks(db: Db, actor: Actor, ids: number[], direction: 'up' | 'down', today: string): WbsChanges {
  const { projectId, tasks, code } = selection(db, ids, today);
  return inBatch(db, actor, 'wbs.move', projectId, (batch) => {
    const byParent = new Map<number | null, Set<number>>();
    for (const t of tasks) (byParent.get(t.parentId) ?? byParent.set(t.parentId, new Set()).get(t.parentId)!).add(t.id);
    for (const [parentId, chosen] of byParent) {
      const sibs = siblingsOf(db, projectId, parentId);
      const order = [...sibs];
      const up = direction === 'up';
      const edge = order[up ? 0 : order.length - 1]!;
      if (chosen.has(edge.id))
        throw textError('CONFLICT', up ? 'wbs.firstCannotMoveUp' : 'wbs.lastCannotMoveDown', { code: code(edge.id) }, `Task ${code(edge.id)} is already the ${up ? 'first' : 'last'} of its siblings and cannot move ${direction}`, {
          field: 'ids',
          id: edge.id,
        });
      // Each selected task swaps with the unselected neighbour on its side; walking from that side
      // lets a block of selected siblings pass one neighbour together.
      const swap = (i: number, j: number) => ([order[i], order[j]] = [order[j]!, order[i]!]);
      if (up) for (let i = 1; i < order.length; i++) chosen.has(order[i]!.id) && !chosen.has(order[i - 1]!.id) && swap(i, i - 1);
      else for (let i = order.length - 2; i >= 0; i--) chosen.has(order[i]!.id) && !chosen.has(order[i + 1]!.id) && swap(i, i + 1);
      reposition(db, batch, parentId, sibs, order);
    }
    return wbsChangesOf(db, batch.id, projectId, today);
  });
}

/** Gives `order` the siblings' existing positions (sorted), so only the rows that moved change. */
function reposition(db: Db, batch: Batch, parentId: number | null, before: Sib[], order: Sib[]): void {
  const slots = before.map((s) => s.position);
  const distinct = slots.every((p, i) => i === 0 || p > slots[i - 1]!);
  order.forEach((s, i) => setPosition(db, batch, s, { parentId, position: distinct ? slots[i]! : i + 1 }));
}

/** Each selected task becomes the last child of its previous sibling. */
export function indentTasks(db: Db, actor: Actor, ids: number[], today: string): WbsChanges {
  const { projectId, tasks, code } = selection(db, ids, today);
  return inBatch(db, actor, 'wbs.indent', projectId, (batch) => {
    const touched = new Set<number | null>();
    // In tree order: after the first of a block is indented, the next one's previous sibling is the
    // same new parent, so a block of siblings lands under one parent in its order.
    for (const t of tasks) {
      const row = wbsStore.get(db, t.id)!;
      const sibs = siblingsOf(db, projectId, row.parentId);
      const i = sibs.findIndex((s) => s.id === row.id);
      if (i === 0)
        throw textError('CONFLICT', 'wbs.firstCannotIndent', { code: code(row.id) }, `Task ${code(row.id)} is the first of its siblings and cannot be indented`, { field: 'ids', id: row.id });
      const parent = sibs[i - 1]!.id;
      const position = slotPositions(db, batch, projectId, parent, 'last', 1)[0]!;
      setPosition(db, batch, row, { parentId: parent, position });
      touched.add(row.parentId).add(parent);
    }
    // The new parent may have been a leaf: it becomes a summary, its values now rolled up.
    settleRollUps(db, batch, projectId, touched);
    // A parent's links now hold back (or wait for) the task: automatic tasks may move.
    rescheduleIn(db, batch, projectId, today);
    return wbsChangesOf(db, batch.id, projectId, today);
  });
}

/** Each selected task becomes the next sibling of its parent (its subtree with it). */
export function outdentTasks(db: Db, actor: Actor, ids: number[], today: string): WbsChanges {
  const { projectId, tasks, code } = selection(db, ids, today);
  return inBatch(db, actor, 'wbs.outdent', projectId, (batch) => {
    const touched = new Set<number | null>();
    // Last first: each lands right after its old parent, so the block keeps its order.
    for (const t of [...tasks].reverse()) {
      const row = wbsStore.get(db, t.id)!;
      if (row.parentId === null)
        throw textError('CONFLICT', 'wbs.topCannotOutdent', { code: code(row.id) }, `Task ${code(row.id)} is already at the top level and cannot be outdented`, { field: 'ids', id: row.id });
      const parent = wbsStore.get(db, row.parentId)!;
      const position = slotPositions(db, batch, projectId, parent.parentId, { after: parent.id }, 1)[0]!;
      setPosition(db, batch, row, { parentId: parent.parentId, position });
      touched.add(parent.id).add(parent.parentId);
    }
    settleRollUps(db, batch, projectId, touched);
    rescheduleIn(db, batch, projectId, today);
    return wbsChangesOf(db, batch.id, projectId, today);
  });
}
