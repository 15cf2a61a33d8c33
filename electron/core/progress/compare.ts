// Two plans side by side (a baseline and another baseline or the current plan): tasks added, removed,
// moved to another parent, and changed field by field, with the finish slip in working days. Links are
// compared as the set of a task's incoming links (predecessor, type, lag) and shown as the predecessors
// column writes them, with each side's own WBS codes, so renumbering alone is no change.
import type { BaselineTask, CompareTask, FieldDiff } from '../../common/api/progress.js';
import type { Plan } from './plan.js';
import { columnsOf } from './columns.js';
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

// A baseline never changes: its link index is made once (keyed by its links array).
const linkIndexes = new WeakMap<readonly unknown[], LinkIndex>();

function linkIndex(plan: Plan): LinkIndex {
  const hit = linkIndexes.get(plan.links);
  if (hit) return hit;
  const keys = new Map<number, string>();
  const text = new Map<number, string>();
  const out = { keys, text };
  linkIndexes.set(plan.links, out);
  if (plan.links.length === 0) return out;
  const codeOf = new Map<number, string>();
  for (const t of plan.tasks) codeOf.set(t.id, t.code);
  const bySucc = new Map<number, { pred: number; type: string; lag: number }[]>();
  for (const l of plan.links) {
    const list = bySucc.get(l.successorId) ?? bySucc.set(l.successorId, []).get(l.successorId)!;
    list.push({ pred: l.predecessorId, type: l.type, lag: l.lagDays });
  }
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
  return out;
}

export interface PlanComparison {
  added: CompareTask[];
  removed: CompareTask[];
  moved: CompareTask[];
  changed: CompareTask[];
  unchanged: number;
}

/** Whether any compared field differs: one straight test per field, the common case of a plan. */
function sameFields(b: BaselineTask, a: BaselineTask): boolean {
  return (
    b.name === a.name &&
    b.assignee === a.assignee &&
    b.plannedStart === a.plannedStart &&
    b.plannedFinish === a.plannedFinish &&
    b.duration === a.duration &&
    b.plannedEffort === a.plannedEffort &&
    b.actualStart === a.actualStart &&
    b.actualFinish === a.actualFinish &&
    b.actualEffort === a.actualEffort &&
    b.progress === a.progress &&
    b.status === a.status &&
    b.milestone === a.milestone
  );
}

export function comparePlans(before: Plan, after: Plan, cal: WorkDays): PlanComparison {
  // The baseline's id index is kept with its columns (made once per baseline).
  const beforeIndex = columnsOf(before).index;
  const seen = new Uint8Array(before.tasks.length);
  const lb = linkIndex(before);
  const la = linkIndex(after);
  const linked = lb.keys.size > 0 || la.keys.size > 0;
  const out: PlanComparison = { added: [], removed: [], moved: [], changed: [], unchanged: 0 };
  for (const a of after.tasks) {
    const i = beforeIndex.get(a.id);
    if (i === undefined) {
      out.added.push({ id: a.id, code: a.code, name: a.name, changes: [], finishSlip: null });
      continue;
    }
    seen[i] = 1;
    const b = before.tasks[i]!;
    const moved = b.parentId !== a.parentId;
    const linksSame = !linked || (lb.keys.get(a.id) ?? '') === (la.keys.get(a.id) ?? '');
    const fieldsSame = sameFields(b, a);
    if (!moved && linksSame && fieldsSame) {
      out.unchanged++;
      continue;
    }
    const changes: FieldDiff[] = [];
    if (!fieldsSame) for (const f of COMPARED_FIELDS) if (b[f] !== a[f]) changes.push({ field: f, before: b[f], after: a[f] });
    if (!linksSame) changes.push({ field: 'links', before: lb.text.get(a.id) ?? '', after: la.text.get(a.id) ?? '' });
    const finishSlip = b.plannedFinish !== null && a.plannedFinish !== null ? slipDays(cal, dayOf(b.plannedFinish), dayOf(a.plannedFinish)) : null;
    const entry: CompareTask = { id: a.id, code: a.code, name: a.name, changes, finishSlip };
    if (moved) out.moved.push({ ...entry, parentBefore: b.parentId, parentAfter: a.parentId });
    if (changes.length > 0) out.changed.push(entry);
  }
  before.tasks.forEach((b, i) => {
    if (!seen[i]) out.removed.push({ id: b.id, code: b.code, name: b.name, changes: [], finishSlip: null });
  });
  return out;
}
