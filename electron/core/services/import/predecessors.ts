// A WBS file's predecessors column, checked against the file's own numbering before anything is
// written: each item must name a row of the file by its WBS code (1.2.3, as the tree gives it or as a
// WBS-code column writes it), which is how apply resolves it once the rows exist. What does not is a
// warning on its cell: the row is imported and the text kept, without a link.
import { columnName } from '../../../common/excel/model.js';
import { shown, type Problem } from '../../../common/excel/problems.js';
import type { ImportTable } from '../../excel/import/read-table.js';
import { parseLinks } from '../../../common/schedule/links-text.js';

/** The codes a predecessors text may use to name each record of the table. */
export function fileCodes(table: ImportTable): Set<string> {
  const codes = new Set<string>();
  const counts = new Map<number | null, number>();
  const code: string[] = [];
  table.records.forEach((rec, i) => {
    const parent = rec.parent ?? null;
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    code[i] = parent === null ? String(n) : `${code[parent]}.${n}`;
    codes.add(code[i]!);
    const written = rec.values.wbsCode;
    if (typeof written === 'string' && written.trim() !== '') codes.add(written.trim().replace(/\.$/, ''));
  });
  return codes;
}

export function flagPredecessors(table: ImportTable): void {
  if (table.target !== 'wbs') return;
  const column = table.columns.find((m) => m.field === 'predecessors');
  if (!column) return;
  const codes = fileCodes(table);
  const summaries = new Set(table.records.map((r) => r.parent).filter((p) => p !== undefined && p !== null));
  table.records.forEach((rec, i) => {
    const text = rec.values.predecessors;
    if (typeof text !== 'string' || text.trim() === '') return;
    const parsed = parseLinks(text);
    const missing = parsed.ok ? parsed.links.find((l) => !codes.has(l.code)) : undefined;
    // An FF or SF link may not end at a summary (schedule.ts): apply would leave the text unlinked.
    const intoSummary = parsed.ok && summaries.has(i) ? parsed.links.find((l) => l.type === 'FF' || l.type === 'SF') : undefined;
    const what: Pick<Problem, 'code' | 'params' | 'reason'> | null = !parsed.ok
      ? { code: 'predecessorUnparsed', params: { value: shown(text) }, reason: parsed.message }
      : missing
        ? { code: 'predecessorMissing', params: { code: missing.code }, reason: `no row of the file is task ${missing.code}` }
        : intoSummary
          ? { code: 'predecessorIntoSummary', params: { code: `${intoSummary.code}${intoSummary.type}` }, reason: `an ${intoSummary.type} link cannot end at a summary task` }
          : null;
    if (what)
      table.problems.push({ sheet: table.sheet, cell: `${columnName(column.c)}${rec.row}`, kind: 'text', code: what.code, params: what.params, reason: `${what.reason}; kept as text, not linked`, field: 'predecessors', warning: true });
  });
}
