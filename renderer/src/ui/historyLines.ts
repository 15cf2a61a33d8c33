// The lines of a row's history as the dialog shows them.
import type { HistoryEntry } from '../../../electron/common/dto.js';

export interface Line {
  key: string;
  entry: HistoryEntry;
  first: boolean;
  span: number;
  field: string;
  before: string;
  after: string;
}

/** The lines to show: fields people know (a column header), and only those whose shown value changed. */
export function historyLines(entries: HistoryEntry[], headerOf: (field: string) => string | null, format: (field: string, value: unknown) => string): Line[] {
  return entries.flatMap((entry, n) => {
    const changes = entry.changes
      .filter((c) => headerOf(c.field) !== null)
      .map((c) => ({ field: headerOf(c.field)!, before: format(c.field, c.before), after: format(c.field, c.after) }))
      .filter((c) => c.before !== c.after);
    const shown = changes.length > 0 ? changes : [{ field: '', before: '', after: '' }];
    return shown.map((c, i) => ({ key: `${n}-${i}`, entry, first: i === 0, span: shown.length, ...c }));
  });
}

