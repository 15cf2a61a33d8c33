// Two plans side by side (a baseline and another baseline or the current plan): tasks added, removed,
// moved to another parent, and changed field by field, with the finish slip in working days. Links are
// compared as the set of a task's incoming links (predecessor, type, lag) and shown as the predecessors
// column writes them, with each side's own WBS codes, so renumbering alone is no change.
import type { BaselineTask, CompareTask, FieldDiff } from '../../common/api/progress.js';
import type { Plan } from './plan.js';
import { dayOf, slipDays, type WorkDays } from './work-days.js';

export const COMPARED_FIELDS = [
  'name',
  'assignee',
  'plannedStart',
  'plannedFinish',
  'duration',
  'plannedEffort',
  'actualStart',
  'actualFinish',
  'actualEffort',
  'progress',
  'status',
  'milestone',
] as const satisfies readonly (keyof BaselineTask)[];

interface LinkIndex {
  /** successor → sorted keys "pred:type:lag" */
  keys: Map<number, string>;
  /** successor → the links as text with this side's codes */
  text: Map<number, string>;
}

function linkIndex(plan: Plan): LinkIndex {
  const codeOf = new Map(plan.tasks.map((t) => [t.id, t.code]));
  const bySucc = new Map<number, { pred: number; type: string; lag: number }[]>();
  for (const l of plan.links) {
    const list = bySucc.get(l.successorId) ?? bySucc.set(l.successorId, []).get(l.successorId)!;
    list.push({ pred: l.predecessorId, type: l.type, lag: l.lagDays });
  }
  const keys = new Map<number, string>();
  const text = new Map<number, string>();
  for (const [succ, list] of bySucc) {
    list.sort((a, b) => a.pred - b.pred);
    keys.set(succ, list.map((l) => `${l.pred}:${l.type}:${l.lag}`).join(','));
    text.set(
      succ,
      list
        .map((l) => {
          const lag = l.lag === 0 ? '' : l.lag > 0 ? `+${l.lag}` : String(l.lag);
          const code = codeOf.get(l.pred) ?? `#${l.pred}`;
          return l.type === 'FS' && lag === '' ? code : `${code}${l.type}${lag}`;
        })
        .join(','),
    );
  }
  return { keys, text };
}

export interface PlanComparison {
  added: CompareTask[];
  removed: CompareTask[];
  moved: CompareTask[];
  changed: CompareTask[];
  unchanged: number;
}

export function comparePlans(before: Plan, after: Plan, cal: WorkDays): PlanComparison {
  const beforeById = new Map<number, BaselineTask>();
  for (const t of before.tasks) beforeById.set(t.id, t);
  const afterIds = new Set<number>();
  const lb = linkIndex(before);
  const la = linkIndex(after);
  const out: PlanComparison = { added: [], removed: [], moved: [], changed: [], unchanged: 0 };
  for (const a of after.tasks) {
    afterIds.add(a.id);
    const b = beforeById.get(a.id);
    if (!b) {
      out.added.push({ id: a.id, code: a.code, name: a.name, changes: [], finishSlip: null });
      continue;
    }
    const changes: FieldDiff[] = [];
    for (const f of COMPARED_FIELDS) if (!Object.is(b[f], a[f])) changes.push({ field: f, before: b[f], after: a[f] });
    if ((lb.keys.get(a.id) ?? '') !== (la.keys.get(a.id) ?? ''))
      changes.push({ field: 'links', before: lb.text.get(a.id) ?? '', after: la.text.get(a.id) ?? '' });
    const moved = b.parentId !== a.parentId;
    if (!moved && changes.length === 0) {
      out.unchanged++;
      continue;
    }
    const finishSlip = b.plannedFinish !== null && a.plannedFinish !== null ? slipDays(cal, dayOf(b.plannedFinish), dayOf(a.plannedFinish)) : null;
    const entry: CompareTask = { id: a.id, code: a.code, name: a.name, changes, finishSlip };
    if (moved) out.moved.push({ ...entry, parentBefore: b.parentId, parentAfter: a.parentId });
    if (changes.length > 0) out.changed.push(entry);
  }
  for (const b of before.tasks)
    if (!afterIds.has(b.id)) out.removed.push({ id: b.id, code: b.code, name: b.name, changes: [], finishSlip: null });
  return out;
}
