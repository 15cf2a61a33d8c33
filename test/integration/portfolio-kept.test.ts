// portfolio.summary keeps each project's plan columns between calls and patches them with the tasks the
// batches since wrote (progress/kept-columns.ts). The property: after any sequence of edits through the
// API (cells, dates, moves, creates, deletes, undo, redo, the cost rate, a restore-like history change)
// with summaries in between, the kept columns equal a fresh read and every figure equals the one
// measured from scratch (measureProject, which reads the plan anew).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import { batchMarkByProject } from '../../electron/core/db/queries/progress.js';
import { readColumns, type TaskColumns } from '../../electron/core/progress/columns.js';
import { keptColumns, NO_BATCH } from '../../electron/core/progress/kept-columns.js';
import { portfolioFiguresOf } from '../../electron/core/services/portfolio.js';
import { measureProject } from '../../electron/core/services/progress.js';
import { seed, wbsWorkspace, type Spec } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const STATUS = '2025-06-13';

const PLAN: Spec[] = [
  {
    name: '設計',
    children: [
      { name: '基本設計', values: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualFinish: '2025-06-06', actualEffort: 6 } },
      { name: '詳細設計', values: { plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 10, progress: 20, actualEffort: 2 } },
      { name: '設計レビュー', values: { plannedStart: '2025-06-12', plannedFinish: '2025-06-12', milestone: true } },
    ],
  },
  {
    name: '製造',
    children: [
      { name: '画面', values: { plannedStart: '2025-06-10', plannedFinish: '2025-06-20', plannedEffort: 8, progress: 10, actualEffort: 1 } },
      { name: 'バッチ', values: { plannedStart: '2025-06-16', plannedFinish: '2025-06-27', plannedEffort: 12 } },
    ],
  },
  { name: 'リリース', values: { plannedStart: '2025-06-30', plannedFinish: '2025-06-30', milestone: true } },
];

const DATES = ['2025-06-02', '2025-06-05', '2025-06-09', '2025-06-12', '2025-06-13', '2025-06-16', '2025-06-24', '2025-07-01'];

/** One edit through the API; `pick` chooses among the project's tasks as they are when it runs. */
type Op =
  | { kind: 'cell'; project: number; pick: number; field: 'progress'; value: number }
  | { kind: 'cell'; project: number; pick: number; field: 'plannedStart' | 'plannedFinish' | 'actualFinish'; value: number }
  | { kind: 'cell'; project: number; pick: number; field: 'plannedEffort' | 'actualEffort'; value: number }
  | { kind: 'cell'; project: number; pick: number; field: 'milestone'; value: boolean }
  | { kind: 'notes' | 'create' | 'delete' | 'indent' | 'outdent' | 'undo' | 'redo' | 'costRate' | 'baseline'; project: number; pick: number }
  | { kind: 'summary' };

const project = fc.integer({ min: 0, max: 1 });
const pick = fc.nat(50);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), project, pick, field: fc.constant('progress' as const), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('cell' as const), project, pick, field: fc.constantFrom('plannedStart' as const, 'plannedFinish' as const, 'actualFinish' as const), value: fc.nat(DATES.length - 1) }),
  fc.record({ kind: fc.constant('cell' as const), project, pick, field: fc.constantFrom('plannedEffort' as const, 'actualEffort' as const), value: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('cell' as const), project, pick, field: fc.constant('milestone' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('notes' as const, 'create' as const, 'delete' as const, 'indent' as const, 'outdent' as const, 'undo' as const, 'redo' as const, 'costRate' as const, 'baseline' as const), project, pick }),
  fc.constant({ kind: 'summary' as const }),
);

async function setup() {
  const w = wbsWorkspace();
  const projects: number[] = [];
  for (const name of ['Alpha', 'Beta']) {
    const id = (await w.call('project.create', { name })).id;
    await seed(w.call, id, PLAN);
    projects.push(id);
  }
  // Alpha is measured against a baseline, Beta against its current plan.
  await w.call('baseline.create', { projectId: projects[0]!, name: '初版' });
  return { ...w, projects };
}
type W = Awaited<ReturnType<typeof setup>>;

async function apply(w: W, o: Op): Promise<void> {
  if (o.kind === 'summary') {
    await w.call('portfolio.summary', { statusDate: STATUS });
    return;
  }
  const projectId = w.projects[o.project]!;
  const tasks = await w.call('wbs.rows', { projectId }).then(tasksOfTable);
  const task = tasks[o.pick % Math.max(1, tasks.length)];
  try {
    switch (o.kind) {
      case 'cell': {
        if (!task) return;
        const value = o.field === 'plannedStart' || o.field === 'plannedFinish' || o.field === 'actualFinish' ? DATES[o.value]! : o.value;
        await w.call('wbs.update', { id: task.id, patch: { [o.field]: value } });
        return;
      }
      case 'notes':
        if (task) await w.call('wbs.update', { id: task.id, patch: { notes: `メモ ${o.pick}` } });
        return;
      case 'create':
        await w.call('wbs.create', { projectId, afterId: task?.id ?? null, values: { name: `追加 ${o.pick}`, plannedStart: DATES[o.pick % DATES.length]!, plannedFinish: '2025-07-01', plannedEffort: 3 } });
        return;
      case 'delete':
        if (task) await w.call('wbs.delete', { id: task.id });
        return;
      case 'indent':
      case 'outdent':
        if (task) await w.call(o.kind === 'indent' ? 'wbs.indent' : 'wbs.outdent', { ids: [task.id] });
        return;
      case 'undo':
      case 'redo':
        await w.call(o.kind === 'undo' ? 'history.undo' : 'history.redo', { projectId });
        return;
      case 'costRate':
        await w.call('project.update', { id: projectId, patch: { costRate: o.pick % 3 === 0 ? null : 40_000 + o.pick * 1000 } });
        return;
      case 'baseline':
        await w.call('baseline.create', { projectId, name: `基準 ${o.pick}` });
        return;
    }
  } catch (err) {
    // A refused edit (nothing to undo, a first child that cannot be indented…) changes nothing.
    if (!(err instanceof ApiError)) throw err;
  }
}

const arrays = (c: TaskColumns) => ({
  id: [...c.id],
  parent: [...c.parent],
  plannedEffort: [...c.plannedEffort],
  plannedStart: [...c.plannedStart],
  plannedFinish: [...c.plannedFinish],
  actualStart: [...c.actualStart],
  actualFinish: [...c.actualFinish],
  milestone: [...c.milestone],
  progress: [...c.progress],
  actualEffort: [...c.actualEffort],
  state: [...c.state],
  leaf: [...c.leaf],
  costRate: c.costRate,
});

/** What the summary answers now equals what is measured from scratch, and its kept columns a fresh read. */
async function expectFromScratch(w: W): Promise<void> {
  const summary = await w.call('portfolio.summary', { statusDate: STATUS });
  const marks = batchMarkByProject(w.db);
  for (const row of summary.projects) {
    const fresh = measureProject(w.db, row.projectId, STATUS, row.baselineId ?? undefined);
    expect(row.figures).toEqual(portfolioFiguresOf(fresh.figures));
    // The summary just brought them to this mark: kept as they are.
    expect(arrays(keptColumns(w.db, row.projectId, marks.get(row.projectId) ?? NO_BATCH))).toEqual(arrays(readColumns(w.db, row.projectId)));
  }
}

describe('portfolio.summary: plan columns kept between calls', () => {
  it('equal a computation from scratch after any edits between summaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const w = await setup();
        try {
          await w.call('portfolio.summary', { statusDate: STATUS });
          for (const o of ops) await apply(w, o);
          await expectFromScratch(w);
        } finally {
          w.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('follows a task moved under another (a leaf becoming a summary) and back', async () => {
    const w = await setup();
    try {
      const beta = w.projects[1]!;
      const tasks = await w.call('wbs.rows', { projectId: beta }).then(tasksOfTable);
      await w.call('portfolio.summary', { statusDate: STATUS });
      // バッチ goes under 画面: 画面 is no leaf any more, its effort no longer counts.
      await w.call('wbs.indent', { ids: [tasks.find((t) => t.name === 'バッチ')!.id] });
      await expectFromScratch(w);
      await w.call('history.undo', { projectId: beta });
      await expectFromScratch(w);
    } finally {
      w.close();
    }
  });

  it('reads a project anew when its history was replaced (a batch removed and another written in its place)', async () => {
    const w = await setup();
    try {
      const alpha = w.projects[0]!;
      const tasks = await w.call('wbs.rows', { projectId: alpha }).then(tasksOfTable);
      const detail = tasks.find((t) => t.name === '詳細設計')!;
      await w.call('portfolio.summary', { statusDate: STATUS });
      // As a project's restore does (its history becomes the backup's): the newest batch is gone, and the
      // task changed outside the batches that are left; then another batch takes the same place.
      w.db.sqlite.transaction(() => {
        const newest = w.db.sqlite.prepare('SELECT id FROM batches WHERE project_id = ? ORDER BY rowid DESC LIMIT 1').pluck().get(alpha) as string;
        w.db.sqlite.prepare('DELETE FROM audit_log WHERE batch_id = ?').run(newest);
        w.db.sqlite.prepare('DELETE FROM batches WHERE id = ?').run(newest);
        w.db.sqlite.prepare('UPDATE wbs_tasks SET progress = 80 WHERE id = ?').run(detail.id);
      })();
      await w.call('wbs.update', { id: tasks[0]!.id, patch: { notes: '別の変更' } });
      await expectFromScratch(w);
    } finally {
      w.close();
    }
  });
});
