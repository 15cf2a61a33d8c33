// Global search (Ctrl+K): what a hit is, and the rules the core and the screen share about it.

import { REGISTER_NAMES, type RegisterName } from './registers/index.js';

/**
 * What a hit is a row of, named as in the audit trail (audit_log.entity): the WBS, the minutes and every
 * register of the descriptors' list (a register added there is searched without a change here).
 */
export type SearchKind = 'wbs_task' | 'meeting' | RegisterName;
export const SEARCH_KINDS: readonly SearchKind[] = ['wbs_task', ...REGISTER_NAMES, 'meeting'];

export interface SearchHit {
  kind: SearchKind;
  /** The row's id in its own table. */
  id: number;
  projectId: number;
  projectName: string;
  /** The user-facing ID, for a WBS task its code as the grid shows it (1.2.3); '' for meetings. */
  ref: string;
  title: string;
  /** A short piece of the row's text around the first match, on one line. */
  snippet: string;
  /** [start, end) of each match inside `snippet`, for the screen to mark. */
  marks: [number, number][];
}

/**
 * The words of a query: split at spaces (full-width too), each found anywhere in a row's text; a row
 * matches when it holds all of them. Duplicates and words inside a longer one add nothing.
 */
export function searchTerms(text: string): string[] {
  const words = [...new Set(text.split(/[\s\u3000]+/u).filter(Boolean))];
  return words.filter((w) => !words.some((o) => o !== w && o.toLowerCase().includes(w.toLowerCase()))).slice(0, 8);
}
