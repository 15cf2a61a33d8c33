import type { Issue } from '../../../../electron/common/registers.js';
import { computedCol, dateCol, longTextCol, textCol, vocabCol, type ColumnContext, type RegisterColDef } from '../registers/columns.js';

export function issueColumns(c: ColumnContext): RegisterColDef<Issue>[] {
  return [
    { ...textCol<Issue>(c, 'ref', 82), pinned: 'left' },
    vocabCol<Issue>(c, 'kind', 'issue.kind', { width: 100, required: true }),
    { ...textCol<Issue>(c, 'title', 240), pinned: 'left' },
    vocabCol<Issue>(c, 'priority', 'issue.priority', { width: 84, required: false }),
    vocabCol<Issue>(c, 'status', 'issue.status', { width: 96, required: true }),
    textCol<Issue>(c, 'owner', 110),
    { ...dateCol<Issue>(c, 'due'), cellClass: (p) => (p.data?.overdue ? 'overdue-due' : '') },
    computedCol<Issue>(c, 'ageDays', 80),
    longTextCol<Issue>(c, 'detail', 260),
    longTextCol<Issue>(c, 'resolution', 240),
    dateCol<Issue>(c, 'raisedOn'),
    textCol<Issue>(c, 'raisedBy', 110),
    dateCol<Issue>(c, 'closedOn'),
  ];
}
