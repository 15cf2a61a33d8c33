// A 10,000-task WBS like a large programme: 10 phases × 9 work packages × 10 activities × 10 tasks
// (depth 4), leaves with planned dates, effort, progress and status, summaries rolled up. Written
// through the WBS service, one batch per level, so the roll-ups are the service's own.
import type { Db } from '../../electron/core/db/open.js';
import type { WbsFields } from '../../electron/common/dto.js';
import { createTasks } from '../../electron/core/services/wbs.js';

export const FANOUT = [10, 9, 10, 10] as const;

const day = (base: number, offset: number) => new Date(Date.UTC(2025, 0, 1) + (base + offset) * 86_400_000).toISOString().slice(0, 10);

function leafValues(i: number): Partial<WbsFields> {
  const start = (i * 7) % 600;
  const done = i % 5 === 0;
  return {
    name: `タスク ${i + 1}`,
    assignee: ['山田', '佐藤', '鈴木', '高橋'][i % 4]!,
    plannedStart: day(start, 0),
    plannedFinish: day(start, 3 + (i % 10)),
    plannedEffort: 1 + (i % 8) * 0.5,
    actualStart: done || i % 3 === 0 ? day(start, 0) : null,
    actualFinish: done ? day(start, 4) : null,
    progress: done ? 100 : (i * 13) % 100,
    status: done ? 'done' : i % 3 === 0 ? 'in_progress' : 'not_started',
    deliverable: i % 7 === 0 ? '設計書' : '',
  };
}

/** Creates the tree in `projectId`; answers the leaf ids and all ids. */
export function buildWbs(db: Db, projectId: number): { leaves: number[]; all: number[] } {
  const actor = { user: 'bench' };
  let parents: (number | null)[] = [null];
  const all: number[] = [];
  let n = 0;
  FANOUT.forEach((fan, level) => {
    const leaf = level === FANOUT.length - 1;
    const tasks = parents.flatMap((parentId) =>
      Array.from({ length: fan }, (_, k) => ({ parentId, values: leaf ? leafValues(n++) : { name: `${['フェーズ', 'WP', 'アクティビティ'][level]} ${k + 1}` } })),
    );
    parents = createTasks(db, actor, projectId, tasks, 'bench.build');
    all.push(...parents.map(Number));
  });
  return { leaves: parents as number[], all };
}
