// Comparing two plans: added, removed, moved, changed field by field (links as the predecessors column
// writes them), finish slips in working days; and the snapshot codec gives back the plan it was given.
import { describe, expect, it } from 'vitest';
import type { BaselineLink } from '../../electron/common/api/progress.js';
import { comparePlans } from '../../electron/core/progress/compare.js';
import { placeTasks, type Plan, type UnplacedTask } from '../../electron/core/progress/plan.js';
import { decodeColumns, decodePlan, encodePlan, encodePlanV1 } from '../../electron/core/progress/snapshot-codec.js';
import { columnsOf } from '../../electron/core/progress/columns.js';
import { DEFAULT_CALENDAR, workCalendar } from '../../electron/common/schedule/calendar.js';

const cal = workCalendar({ ...DEFAULT_CALENDAR, nationalHolidays: false, daysOff: [] }, {});

function task(id: number, parentId: number | null, position: number, v: Partial<UnplacedTask> = {}): UnplacedTask {
  return {
    id,
    parentId,
    position,
    name: `T${id}`,
    assignee: '',
    plannedStart: '2025-04-07',
    plannedFinish: '2025-04-11',
    actualStart: null,
    actualFinish: null,
    duration: 5,
    plannedEffort: 5,
    actualEffort: null,
    progress: 0,
    status: 'not_started',
    milestone: false,
    ...v,
  };
}
const link = (predecessorId: number, successorId: number, type: BaselineLink['type'] = 'FS', lagDays = 0): BaselineLink => ({
  predecessorId,
  successorId,
  type,
  lagDays,
});
const plan = (tasks: UnplacedTask[], links: BaselineLink[] = []): Plan => ({ tasks: placeTasks(tasks.map((t) => ({ ...t }))), placed: true, links, costRate: null });

// 1 Design (1: 2, 3)   2 Build (4: 5)   3 Test (6)
const BEFORE = plan(
  [task(1, null, 1), task(2, 1, 1), task(3, 1, 2), task(4, null, 2), task(5, 4, 1), task(6, null, 3)],
  [link(2, 3), link(3, 5, 'SS', 1)],
);

describe('baseline compare', () => {
  it('finds nothing between a plan and itself', () => {
    expect(comparePlans(BEFORE, BEFORE, cal)).toEqual({ added: [], removed: [], moved: [], changed: [], unchanged: 6 });
  });

  it('reports adds, deletes, moves, field edits and link changes, with the finish slip in working days', () => {
    const after = plan(
      [
        task(1, null, 1),
        // 2 slipped from Fri 4/11 to Tue 4/15 (2 working days) and got 3 more 人日
        task(2, 1, 1, { plannedStart: '2025-04-09', plannedFinish: '2025-04-15', plannedEffort: 8 }),
        // 3 moved under Build
        task(3, 4, 0.5),
        task(4, null, 2),
        task(5, 4, 1, { progress: 40, status: 'in_progress', plannedFinish: '2025-04-08' }),
        // 6 deleted, 7 added
        task(7, null, 4, { name: 'Release' }),
      ],
      // 2 → 3 kept; 3 → 5 lag changed; 7 now follows 5
      [link(2, 3), link(3, 5, 'SS', 2), link(5, 7)],
    );
    const c = comparePlans(BEFORE, after, cal);
    expect(c.added.map((t) => [t.id, t.code, t.name])).toEqual([[7, '3', 'Release']]);
    expect(c.removed.map((t) => [t.id, t.code])).toEqual([[6, '3']]);
    expect(c.moved).toEqual([{ id: 3, code: '2.1', name: 'T3', parentBefore: 1, parentAfter: 4, changes: [], finishSlip: 0 }]);
    const changed = Object.fromEntries(c.changed.map((t) => [t.id, t]));
    expect(Object.keys(changed).map(Number)).toEqual([2, 5]);
    expect(changed[2]!.changes).toEqual([
      { field: 'plannedStart', before: '2025-04-07', after: '2025-04-09' },
      { field: 'plannedFinish', before: '2025-04-11', after: '2025-04-15' },
      { field: 'plannedEffort', before: 5, after: 8 },
    ]);
    expect(changed[2]!.finishSlip).toBe(2);
    // 5: earlier by 3 working days; its link from 3 changed lag (shown with each side's codes).
    expect(changed[5]!.finishSlip).toBe(-3);
    expect(changed[5]!.changes).toEqual([
      { field: 'plannedFinish', before: '2025-04-11', after: '2025-04-08' },
      { field: 'progress', before: 0, after: 40 },
      { field: 'status', before: 'not_started', after: 'in_progress' },
      { field: 'links', before: '1.2SS+1', after: '2.1SS+2' },
    ]);
    expect(c.unchanged).toBe(2); // 1 and 4
  });

  it('renumbering alone is no link change; a removed link is', () => {
    // A new first task shifts every code.
    const shifted = plan([task(9, null, 0), ...[1, 2, 3, 4, 5, 6].map((id) => BEFORE.tasks.find((t) => t.id === id)!)], BEFORE.links);
    const c = comparePlans(BEFORE, shifted, cal);
    expect(c.changed).toEqual([]);
    const unlinked = comparePlans(BEFORE, plan([...BEFORE.tasks], [link(3, 5, 'SS', 1)]), cal);
    expect(unlinked.changed.map((t) => [t.id, t.changes])).toEqual([[3, [{ field: 'links', before: '1.1', after: '' }]]]);
  });

  it('the codec gives back the plan, links and cost rate', () => {
    const p = structuredClone({ ...BEFORE, costRate: 50_000 });
    p.tasks[1]!.name = '設計レビュー "A", 改行\nあり';
    p.tasks[2]!.milestone = true;
    p.tasks[3]!.actualEffort = 1.25;
    Object.assign(p.tasks[4]!, { plannedEffort: null, duration: null, plannedStart: null, actualStart: '1969-12-31', actualFinish: '2099-12-31', status: 'on_hold', progress: 37.5, position: 1.5 });
    const text = encodePlan(p);
    expect(text.startsWith('2:')).toBe(true);
    expect(decodePlan(text)).toEqual(p);
  });

  it('a baseline taken in the first format still decodes; a plan the numbers cannot hold exactly is kept in it', () => {
    const p = structuredClone({ ...BEFORE, costRate: 40_000 });
    expect(decodePlan(encodePlanV1(p))).toEqual(p);
    // A date that is no real day (as an old import may have stored) would come back as another one.
    p.tasks[2]!.plannedFinish = '2025-02-30';
    const text = encodePlan(p);
    expect(text.startsWith('2:')).toBe(false);
    expect(decodePlan(text)).toEqual(p);
  });

  it("figures read a baseline's numbers alone, the same as its whole plan gives", () => {
    const p = structuredClone({ ...BEFORE, costRate: 45_000 });
    Object.assign(p.tasks[2]!, { plannedEffort: null, actualEffort: 2.5, progress: 40, status: 'cancelled', actualStart: '2025-04-08' });
    const text = encodePlan(p);
    const numbers = decodeColumns(text);
    const whole = columnsOf(decodePlan(text));
    expect(numbers.costRate).toBe(45_000);
    expect(numbers.assignee).toBeNull();
    const keys = ['parent', 'plannedEffort', 'plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'milestone', 'progress', 'actualEffort', 'state'] as const;
    // Each in its own order (the numbers as stored, the whole plan in tree order): compared task by task.
    for (const t of p.tasks) {
      const i = numbers.index.get(t.id)!;
      const k = whole.index.get(t.id)!;
      expect([t.id, ...keys.map((f) => numbers[f][i])]).toEqual([t.id, ...keys.map((f) => whole[f][k])]);
      expect(numbers.leaf[i]).toBe(whole.leaf[k]);
    }
  });
});
