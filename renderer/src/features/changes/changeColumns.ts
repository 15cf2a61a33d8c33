import type { Change } from '../../../../electron/common/registers.js';
import { dateCol, longTextCol, textCol, vocabCol, type ColumnContext, type RegisterColDef } from '../registers/columns.js';

export function changeColumns(c: ColumnContext): RegisterColDef<Change>[] {
  return [
    { ...textCol<Change>(c, 'ref', 82), pinned: 'left' },
    { ...textCol<Change>(c, 'title', 240), pinned: 'left' },
    textCol<Change>(c, 'requestedBy', 110),
    dateCol<Change>(c, 'requestedOn'),
    longTextCol<Change>(c, 'description', 240),
    longTextCol<Change>(c, 'reason', 200),
    longTextCol<Change>(c, 'impactScope', 160),
    longTextCol<Change>(c, 'impactSchedule', 160),
    longTextCol<Change>(c, 'impactCost', 160),
    vocabCol<Change>(c, 'decision', 'change.decision', { width: 90, required: false }),
    textCol<Change>(c, 'decidedBy', 110),
    dateCol<Change>(c, 'decidedOn'),
    vocabCol<Change>(c, 'implStatus', 'change.implStatus', { width: 100, required: false }),
  ];
}
