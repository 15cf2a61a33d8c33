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

/**
 * Who made a change as the history and the live notice name them: the name the PMO Desk gave (the OS user,
 * or the page's), with the team database's PostgreSQL role that wrote it when that is another name.
 */
export function whoWrote(t: (key: string, params: Record<string, string>) => string, who: string, role: string | null | undefined): string {
  return role && role !== who ? t('history.whoRole', { who, role }) : who;
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

