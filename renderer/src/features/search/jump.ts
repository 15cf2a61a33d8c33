// Where a chosen search hit sends the user: its project's screen for the kind of row, and the row. The
// app holds the target; the project shell hands it down, and the page showing that kind selects the row.
import { createContext, useContext, useMemo } from 'react';
import type { SearchKind } from '../../../../electron/common/search.js';
import { REGISTER_LIST } from '../../../../electron/common/registers/index.js';

export interface JumpTarget {
  projectId: number;
  kind: SearchKind;
  id: number;
  /** A new number per jump, so choosing the same row again selects it again. */
  seq: number;
}

/** The screen (project tab, views.ts) that shows each kind of row. */
export const VIEW_OF_KIND = {
  wbs_task: 'wbs',
  meeting: 'minutes',
  ...Object.fromEntries(REGISTER_LIST.map((d) => [d.name, d.view])),
} as Record<SearchKind, string>;

/** The pending jump and how the page that carried it out says so (the jump is then forgotten). */
export interface PendingJump {
  target: JumpTarget;
  done(): void;
}

export const JumpContext = createContext<PendingJump | null>(null);

export interface JumpRequest {
  id: number;
  seq: number;
  /** Called once the row is shown: coming back to the page later does not jump again. */
  done(): void;
}

/** The row of `kind` the pending jump asks for in this project, or null. */
export function useJumpTo(kind: SearchKind): JumpRequest | null {
  const jump = useContext(JumpContext);
  return useMemo(() => (jump && jump.target.kind === kind ? { id: jump.target.id, seq: jump.target.seq, done: jump.done } : null), [jump, kind]);
}
