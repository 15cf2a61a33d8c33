// A task's late marks, derived from its dates and progress against today: one rule for the core, which
// answers them with every task, and the screen, which patches an edit's moved dates in itself.
import type { WbsFields } from './dto.js';

type LateInput = Pick<WbsFields, 'plannedStart' | 'plannedFinish' | 'actualStart' | 'actualFinish' | 'progress' | 'status'>;

/** `today` is yyyy-mm-dd; ISO dates compare as strings. Only unfinished work is late. */
export function lateFlags(t: LateInput, today: string): { late: boolean; lateStart: boolean } {
  const finished = t.status === 'done' || t.status === 'cancelled' || t.progress >= 100 || t.actualFinish !== null;
  return {
    late: !finished && t.plannedFinish !== null && t.plannedFinish < today,
    lateStart: !finished && t.plannedStart !== null && t.plannedStart < today && t.actualStart === null && t.status === 'not_started' && t.progress === 0,
  };
}
