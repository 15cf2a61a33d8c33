// A baseline's plan in one text column: one JSON array per field (column-wise, so a field name is written
// once, not 10,000 times), deflated and base64-encoded. A 10,000-task plan is a few hundred KB; the
// audit trail keeps the same text, so undoing a baseline's deletion puts back exactly what was taken.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { BaselineLink } from '../../common/api/progress.js';
import type { WbsStatus } from '../../common/dto.js';
import { placeTasks, type Plan, type UnplacedTask } from './plan.js';

const VERSION = 1;

interface Columns {
  v: number;
  costRate: number | null;
  id: number[];
  parentId: (number | null)[];
  position: number[];
  name: string[];
  assignee: string[];
  plannedStart: (string | null)[];
  plannedFinish: (string | null)[];
  actualStart: (string | null)[];
  actualFinish: (string | null)[];
  duration: (number | null)[];
  plannedEffort: (number | null)[];
  actualEffort: (number | null)[];
  progress: number[];
  status: WbsStatus[];
  milestone: number[];
  /** predecessor, successor, type, lag — four entries per link. */
  links: (number | string)[];
}

const FIELDS = [
  'id',
  'parentId',
  'position',
  'name',
  'assignee',
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'duration',
  'plannedEffort',
  'actualEffort',
  'progress',
  'status',
] as const;

export function encodePlan(plan: Plan): string {
  const c = { v: VERSION, costRate: plan.costRate, milestone: [] as number[], links: [] as (number | string)[] } as unknown as Columns;
  for (const f of FIELDS) (c as unknown as Record<string, unknown[]>)[f] = [];
  const cols = c as unknown as Record<string, unknown[]>;
  for (const t of plan.tasks) {
    for (const f of FIELDS) cols[f]!.push(t[f]);
    c.milestone.push(t.milestone ? 1 : 0);
  }
  for (const l of plan.links) c.links.push(l.predecessorId, l.successorId, l.type, l.lagDays);
  return deflateRawSync(JSON.stringify(c), { level: 6 }).toString('base64');
}

export function decodePlan(text: string): Plan {
  const c = JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8')) as Columns;
  if (c.v !== VERSION) throw new Error(`baseline snapshot version ${c.v} is not known`);
  const rows: UnplacedTask[] = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++)
    rows[i] = {
      id: c.id[i]!,
      parentId: c.parentId[i]!,
      position: c.position[i]!,
      name: c.name[i]!,
      assignee: c.assignee[i]!,
      plannedStart: c.plannedStart[i]!,
      plannedFinish: c.plannedFinish[i]!,
      actualStart: c.actualStart[i]!,
      actualFinish: c.actualFinish[i]!,
      duration: c.duration[i]!,
      plannedEffort: c.plannedEffort[i]!,
      actualEffort: c.actualEffort[i]!,
      progress: c.progress[i]!,
      status: c.status[i]!,
      milestone: c.milestone[i] === 1,
    };
  const links: BaselineLink[] = [];
  for (let i = 0; i + 3 < c.links.length; i += 4)
    links.push({
      predecessorId: c.links[i] as number,
      successorId: c.links[i + 1] as number,
      type: c.links[i + 2] as BaselineLink['type'],
      lagDays: c.links[i + 3] as number,
    });
  return { tasks: placeTasks(rows), placed: true, links, costRate: c.costRate };
}
