// The pure WBS rules: codes from the tree, summary roll-ups, late marks.
import { describe, expect, it } from 'vitest';
import { lateFlags } from '../../electron/common/wbs-late.js';
import { rollUp, rollUpAll, rollUpChanges, treeOrder, type RolledUp } from '../../electron/core/services/rollup.js';
import { localToday } from '../../electron/common/dates.js';
import { codeLookup } from '../../electron/common/wbs-tree.js';

const leaf = (v: Partial<RolledUp> = {}): RolledUp => ({
  plannedStart: null,
  plannedFinish: null,
  actualStart: null,
  actualFinish: null,
  plannedEffort: null,
  actualEffort: null,
  progress: 0,
  status: 'not_started',
  ...v,
});

describe('WBS codes', () => {
  const node = (id: number, parentId: number | null, position: number) => ({ id, parentId, position });

  it('numbers siblings by position (then id) and nests codes', () => {
    const rows = [node(1, null, 2), node(2, null, 1), node(3, 1, 5), node(4, 1, 0.5), node(5, 4, 1), node(6, null, 2)];
    expect(treeOrder(rows).map((p) => [p.row.id, p.code, p.level, p.summary])).toEqual([
      [2, '1', 0, false],
      [1, '2', 0, true],
      [4, '2.1', 1, true],
      [5, '2.1.1', 2, false],
      [3, '2.2', 1, false],
      [6, '3', 0, false],
    ]);
  });

  it('renumbers when a row moves', () => {
    const rows = [node(1, null, 1), node(2, null, 2), node(3, 2, 1)];
    expect(treeOrder(rows).map((p) => p.code)).toEqual(['1', '2', '2.1']);
    rows[1]!.position = 0;
    expect(treeOrder(rows).map((p) => `${p.row.id}:${p.code}`)).toEqual(['2:1', '3:1.1', '1:2']);
  });

  it('leaves out rows whose parent is missing, and survives very deep trees', () => {
    expect(treeOrder([node(1, null, 1), node(2, 99, 1)]).map((p) => p.row.id)).toEqual([1]);
    const deep = Array.from({ length: 20_000 }, (_, i) => node(i + 1, i === 0 ? null : i, 1));
    const placed = treeOrder(deep);
    expect(placed).toHaveLength(20_000);
    expect(placed[3]!.code).toBe('1.1.1.1');
    expect(placed[19_999]!.level).toBe(19_999);
  });

  it('finds a task by its code exactly as treeOrder numbers it, and nothing for a code it never gives', () => {
    // A random tree (positions with ties, rows out of order, an orphan): every placed code finds its row.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const rows = [node(1, null, 1)];
    for (let id = 2; id <= 3_000; id++) rows.push(node(id, rand(3) === 0 ? null : 1 + rand(id - 1), rand(50) / 2));
    rows.push(node(3_001, 99_999, 1));
    rows.reverse();
    const lookup = codeLookup(rows);
    const placed = treeOrder(rows);
    expect(placed.length).toBe(3_000);
    for (const p of placed) expect(lookup.get(p.code)).toBe(p.row.id);
    const codes = new Set(placed.map((p) => p.code));
    for (const code of ['', '0', '01', '1.01', '1..2', '1.', '.1', ' 1', '1 ', '1a', '-1', '1e3', '99999', `${placed[0]!.code}.99999`])
      if (!codes.has(code)) expect(lookup.get(code), code).toBeUndefined();
  });
});

describe('roll-up of a summary row', () => {
  it('takes the earliest start and latest finish, ignoring empty dates', () => {
    const r = rollUp([
      leaf({ plannedStart: '2025-04-10', plannedFinish: '2025-04-20' }),
      leaf({ plannedStart: '2025-04-01', plannedFinish: null }),
      leaf({ plannedStart: null, plannedFinish: '2025-05-31' }),
    ]);
    expect(r).toMatchObject({ plannedStart: '2025-04-01', plannedFinish: '2025-05-31' });
    expect(rollUp([leaf(), leaf()])).toMatchObject({ plannedStart: null, plannedFinish: null });
  });

  it('has an actual finish only once every child has finished', () => {
    const done = leaf({ actualStart: '2025-04-02', actualFinish: '2025-04-08' });
    const open = leaf({ actualStart: '2025-04-01', actualFinish: null });
    expect(rollUp([done, open])).toMatchObject({ actualStart: '2025-04-01', actualFinish: null });
    expect(rollUp([done, leaf({ actualStart: '2025-04-01', actualFinish: '2025-04-09' })])).toMatchObject({ actualFinish: '2025-04-09' });
  });

  it('sums effort, empty when no child has any, without float noise', () => {
    expect(rollUp([leaf({ plannedEffort: 0.1, actualEffort: 2 }), leaf({ plannedEffort: 0.2 }), leaf()])).toMatchObject({
      plannedEffort: 0.3,
      actualEffort: 2,
    });
    expect(rollUp([leaf(), leaf()])).toMatchObject({ plannedEffort: null, actualEffort: null });
  });

  it('weights progress by planned effort', () => {
    // (100×3 + 0×1) / 4 = 75, not the plain average 50.
    expect(rollUp([leaf({ plannedEffort: 3, progress: 100 }), leaf({ plannedEffort: 1, progress: 0 })]).progress).toBe(75);
    // A child without effort weighs nothing while others have some.
    expect(rollUp([leaf({ plannedEffort: 2, progress: 40 }), leaf({ progress: 100 })]).progress).toBe(40);
    // Rounded to a whole percent: (10×1 + 15×2) / 3 = 13.33.
    expect(rollUp([leaf({ plannedEffort: 1, progress: 10 }), leaf({ plannedEffort: 2, progress: 15 })]).progress).toBe(13);
  });

  it('falls back to a plain average when no child has effort', () => {
    expect(rollUp([leaf({ progress: 100 }), leaf({ progress: 0 }), leaf({ progress: 50 })]).progress).toBe(50);
    expect(rollUp([leaf({ plannedEffort: 0, progress: 20 }), leaf({ plannedEffort: 0, progress: 30 })]).progress).toBe(25);
  });

  it('refuses to roll up nothing', () => {
    expect(() => rollUp([])).toThrow();
  });

  it('rolls up recursively from the leaves', () => {
    // 1 ─┬─ 2 ─┬─ 4 (3 pd, 100 %, 04-01…04-05)
    //    │     └─ 5 (1 pd,   0 %, 04-06…04-30)
    //    └─ 3      (4 pd,  50 %, 05-01…05-10)
    const t = (id: number, parentId: number | null, v: Partial<RolledUp> = {}) => ({ id, parentId, position: id, ...leaf(v) });
    const rows = [
      t(1, null, { plannedEffort: 999, progress: 1 }), // typed values of a summary are replaced
      t(2, 1),
      t(3, 1, { plannedEffort: 4, progress: 50, plannedStart: '2025-05-01', plannedFinish: '2025-05-10' }),
      t(4, 2, { plannedEffort: 3, progress: 100, plannedStart: '2025-04-01', plannedFinish: '2025-04-05' }),
      t(5, 2, { plannedEffort: 1, progress: 0, plannedStart: '2025-04-06', plannedFinish: '2025-04-30' }),
    ];
    const all = rollUpAll(rows);
    expect([...all.keys()].sort()).toEqual([1, 2]);
    expect(all.get(2)).toMatchObject({ plannedEffort: 4, progress: 75, plannedStart: '2025-04-01', plannedFinish: '2025-04-30' });
    // 1 weighs 2 (4 pd at 75 %) and 3 (4 pd at 50 %).
    expect(all.get(1)).toMatchObject({ plannedEffort: 8, progress: 63, plannedStart: '2025-04-01', plannedFinish: '2025-05-10' });
  });

  it('names only the fields that change', () => {
    expect(rollUpChanges(leaf({ progress: 10 }), leaf({ progress: 10 }))).toBeNull();
    expect(rollUpChanges(leaf({ progress: 10, plannedEffort: 1 }), leaf({ progress: 20, plannedEffort: 1 }))).toEqual({
      before: { progress: 10 },
      after: { progress: 20 },
    });
  });
});

describe('late marks', () => {
  const today = '2025-06-10';
  const task = (v: Partial<{ plannedStart: string | null; plannedFinish: string | null; actualStart: string | null; status: string }>) =>
    ({ plannedStart: null, plannedFinish: null, actualStart: null, actualFinish: null, progress: 0, status: 'not_started', ...v }) as Parameters<typeof lateFlags>[0];

  it('marks a task late once its planned finish has passed and it is not done or cancelled', () => {
    expect(lateFlags(task({ plannedFinish: '2025-06-09', status: 'in_progress' }), today).late).toBe(true);
    expect(lateFlags(task({ plannedFinish: '2025-06-10', status: 'in_progress' }), today).late).toBe(false);
    expect(lateFlags(task({ plannedFinish: '2025-06-09', status: 'done' }), today).late).toBe(false);
    expect(lateFlags(task({ plannedFinish: '2025-06-09', status: 'cancelled' }), today).late).toBe(false);
    expect(lateFlags(task({ plannedFinish: '2025-06-09', status: 'on_hold' }), today).late).toBe(true);
    expect(lateFlags(task({}), today).late).toBe(false);
  });

  it('marks a late start when the planned start has passed and nothing started', () => {
    expect(lateFlags(task({ plannedStart: '2025-06-01' }), today).lateStart).toBe(true);
    expect(lateFlags(task({ plannedStart: '2025-06-10' }), today).lateStart).toBe(false);
    expect(lateFlags(task({ plannedStart: '2025-06-01', actualStart: '2025-06-02' }), today).lateStart).toBe(false);
    expect(lateFlags(task({ plannedStart: '2025-06-01', status: 'in_progress' }), today).lateStart).toBe(false);
  });

  it('takes today from the local calendar, not UTC', () => {
    expect(localToday(new Date(2025, 0, 31, 0, 30))).toBe('2025-01-31');
    expect(localToday(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});

describe('roll-up over random children', () => {
  // The rules as stated field by field (rollUp computes them in one pass): the reference it must equal.
  const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
  const min = (vs: (string | null)[]) => vs.filter((v): v is string => v !== null).sort()[0] ?? null;
  const max = (vs: (string | null)[]) => vs.filter((v): v is string => v !== null).sort().at(-1) ?? null;
  const sum = (vs: (number | null)[]) => (vs.every((v) => v === null) ? null : tidy(vs.reduce<number>((s, v) => (v === null ? s : s + v), 0)));
  function reference(children: RolledUp[]): RolledUp {
    const live = children.filter((c) => c.status !== 'cancelled');
    const weight = children.reduce((s, c) => s + (c.plannedEffort !== null && c.plannedEffort > 0 ? c.plannedEffort : 0), 0);
    const weighted = children.reduce((s, c) => s + c.progress * (c.plannedEffort !== null && c.plannedEffort > 0 ? c.plannedEffort : 0), 0);
    const plain = children.reduce((s, c) => s + c.progress, 0);
    return {
      status:
        live.length === 0
          ? 'cancelled'
          : live.every((c) => c.status === 'done')
            ? 'done'
            : live.every((c) => c.status === 'on_hold')
              ? 'on_hold'
              : live.some((c) => c.status === 'in_progress' || c.status === 'done' || c.progress > 0)
                ? 'in_progress'
                : 'not_started',
      plannedStart: min(children.map((c) => c.plannedStart)),
      plannedFinish: max(children.map((c) => c.plannedFinish)),
      actualStart: min(children.map((c) => c.actualStart)),
      actualFinish: children.every((c) => c.actualFinish !== null) ? max(children.map((c) => c.actualFinish)) : null,
      plannedEffort: sum(children.map((c) => c.plannedEffort)),
      actualEffort: sum(children.map((c) => c.actualEffort)),
      progress: Math.round(weight > 0 ? weighted / weight : plain / children.length),
    };
  }

  it('equals the rules stated field by field', () => {
    let seed = 18;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const date = () => (rand() < 0.3 ? null : `2025-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`);
    const effort = () => (rand() < 0.3 ? null : pick([0, 0.1, 0.2, 0.5, 1, 2.5, -1, 8]));
    const statuses = ['not_started', 'in_progress', 'done', 'on_hold', 'cancelled'] as const;
    for (let k = 0; k < 2000; k++) {
      const children = Array.from({ length: 1 + Math.floor(rand() * 6) }, () =>
        leaf({ plannedStart: date(), plannedFinish: date(), actualStart: date(), actualFinish: date(), plannedEffort: effort(), actualEffort: effort(), progress: pick([0, 0, 10, 50, 100]), status: pick(statuses) }),
      );
      expect(rollUp(children), JSON.stringify(children)).toEqual(reference(children));
    }
  });
});
