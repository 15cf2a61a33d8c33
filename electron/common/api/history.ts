// Undo / redo in the domain (on the audit batches, per project) and the history of one row.
import { z } from 'zod';
import type { HistoryEntry, HistoryState, LiveChanges, UndoResult } from '../dto.js';
import { id, text } from './schemas.js';

const project = z.strictObject({ projectId: id });

export const historyApi = {
  /**
   * The batches written after `after` (a seq this call answered before), oldest first, with who wrote
   * them and the entities they touched: a page on a team database asks every half second and reloads
   * what a colleague changed. Without `after`: the newest seq only.
   */
  /**
   * Batches written after `after` (none given: only the newest seq). `wait` (ms): with none written yet,
   * the answer waits for the next one (a team database announces each: LISTEN/NOTIFY), or that long.
   */
  'history.since': { input: z.strictObject({ after: z.number().int().min(0).optional(), wait: z.number().int().min(0).max(5000).optional() }), output: {} as LiveChanges },
  /** Reverts the project's latest change (a whole batch: a 500-row paste is one step). */
  'history.undo': { input: project, output: {} as UndoResult },
  /** Re-applies the latest undone change, unless a new change was made since. */
  'history.redo': { input: project, output: {} as UndoResult },
  'history.state': { input: project, output: {} as HistoryState },
  /** Changes of one row, newest first. `entity` as in the audit trail: 'wbs_task', 'risk', … */
  'history.row': {
    input: z.strictObject({ entity: text(50).min(1), id, limit: z.number().int().min(1).max(5000).optional() }),
    output: [] as HistoryEntry[],
  },
} as const;
