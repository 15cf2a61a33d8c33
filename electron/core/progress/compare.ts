// Two plans side by side (a baseline and another baseline or the current plan): tasks added, removed,
// moved to another parent, and changed field by field, with the finish slip in working days. Links are
// compared as the set of a task's incoming links (predecessor, type, lag) and shown as the predecessors
// column writes them, with each side's own WBS codes, so renumbering alone is no change.
import type { BaselineLink, BaselineTask, CompareTask, FieldDiff } from '../../common/api/progress.js';
import { currentCodes, ensurePlaced, taskOf, type CurrentRows, type Plan, type TaskRow } from './plan.js';
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

// A baseline never changes: its link index is made once (kept with its links, for its tasks' codes).
const linkIndexes = new WeakMap<readonly unknown[], LinkIndex & { tasks: readonly unknown[] }>();

function linkIndex(links: readonly BaselineLink[], codeOf: (id: number) => string | undefined, tasks?: readonly unknown[]): LinkIndex {
  const hit = linkIndexes.get(links);
  if (hit && hit.tasks === tasks) return hit;
  const keys = new Map<number, string>();
  const text = new Map<number, string>();
  const out = { keys, text };
  if (tasks) linkIndexes.set(links, { ...out, tasks });
  const bySucc = new Map<number, { pred: number; type: string; lag: number }[]>();
  for (const l of links) {
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
          const code = codeOf(l.pred) ?? `#${l.pred}`;
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

/** The side compared with the baseline as rows, with its codes (made on demand for the current plan). */
interface After {
  rows: readonly TaskRow[];
  code: (k: number) => string;
  links: readonly BaselineLink[];
}

const rowOf = (t: BaselineTask): TaskRow => [
  t.id,
  t.parentId,
  t.position,
  t.name,
  t.assignee,
  t.plannedStart,
  t.plannedFinish,
  t.actualStart,
  t.actualFinish,
  t.duration,
  t.plannedEffort,
  t.actualEffort,
  t.progress,
  t.status,
  t.milestone ? 1 : 0,
];

function afterOf(p: Plan | CurrentRows): After {
  if ('tasks' in p) {
    const tasks = ensurePlaced(p).tasks;
    return { rows: tasks.map(rowOf), code: (k) => tasks[k]!.code, links: p.links };
  }
  return { rows: p.rows, code: currentCodes(p.rows), links: p.links };
}

/** Whether every compared field is the same: one straight test per field, the common case of a plan. */
function sameFields(b: BaselineTask, r: TaskRow): boolean {
  return (
    b.name === r[3] &&
    b.assignee === r[4] &&
    b.plannedStart === r[5] &&
    b.plannedFinish === r[6] &&
    b.actualStart === r[7] &&
    b.actualFinish === r[8] &&
    b.duration === r[9] &&
    b.plannedEffort === r[10] &&
    b.actualEffort === r[11] &&
    b.progress === r[12] &&
    b.status === r[13] &&
    b.milestone === (r[14] === 1)
  );
}

/**
 * The baseline `before` against another baseline or the current plan (its rows as read, so that the
 * tasks nothing happened to, nearly all of them, cost no object).
 */
export function comparePlans(before: Plan, afterPlan: Plan | CurrentRows, cal: WorkDays): PlanComparison {
  const after = afterOf(afterPlan);
  // The baseline's id index is kept with its columns (made once per baseline).
  const beforeIndex = columnsOf(ensurePlaced(before)).index;
  const seen = new Uint8Array(before.tasks.length);
  let afterIndex: Map<number, number> | null = null;
  const afterCode = (id: number) => {
    if (!afterIndex) {
      afterIndex = new Map();
      after.rows.forEach((r, k) => afterIndex!.set(r[0], k));
    }
    const k = afterIndex.get(id);
    return k === undefined ? undefined : after.code(k);
  };
  const lb = linkIndex(before.links, (id) => {
    const i = beforeIndex.get(id);
    return i === undefined ? undefined : before.tasks[i]!.code;
  }, before.tasks);
  const la = linkIndex(after.links, afterCode);
  const linked = lb.keys.size > 0 || la.keys.size > 0;
  const out: PlanComparison = { added: [], removed: [], moved: [], changed: [], unchanged: 0 };
  for (let k = 0; k < after.rows.length; k++) {
    const r = after.rows[k]!;
    const id = r[0];
    const i = beforeIndex.get(id);
    if (i === undefined) {
      out.added.push({ id, code: after.code(k), name: r[3], changes: [], finishSlip: null });
      continue;
    }
    seen[i] = 1;
    const b = before.tasks[i]!;
    const moved = b.parentId !== r[1];
    const linksSame = !linked || (lb.keys.get(id) ?? '') === (la.keys.get(id) ?? '');
    const fieldsSame = sameFields(b, r);
    if (!moved && linksSame && fieldsSame) {
      out.unchanged++;
      continue;
    }
    const changes: FieldDiff[] = [];
    if (!fieldsSame) {
      const a = taskOf(r);
      for (const f of COMPARED_FIELDS) if (b[f] !== a[f]) changes.push({ field: f, before: b[f], after: a[f] });
    }
    if (!linksSame) changes.push({ field: 'links', before: lb.text.get(id) ?? '', after: la.text.get(id) ?? '' });
    const finishSlip = b.plannedFinish !== null && r[6] !== null ? slipDays(cal, dayOf(b.plannedFinish), dayOf(r[6])) : null;
    const entry: CompareTask = { id, code: after.code(k), name: r[3], changes, finishSlip };
    if (moved) out.moved.push({ ...entry, parentBefore: b.parentId, parentAfter: r[1] });
    if (changes.length > 0) out.changed.push(entry);
  }
  before.tasks.forEach((b, i) => {
    if (!seen[i]) out.removed.push({ id: b.id, code: b.code, name: b.name, changes: [], finishSlip: null });
  });
  // In WBS order on every side (the current plan's rows come by parent, not in tree order).
  for (const list of [out.added, out.moved, out.changed]) list.sort((x, y) => byCode(x.code, y.code));
  return out;
}

const byCode = new Intl.Collator('en', { numeric: true }).compare;
