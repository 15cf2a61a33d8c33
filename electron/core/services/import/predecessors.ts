// A WBS file's predecessors column, checked against the file's own numbering before anything is
// written: each item must name a row of the file by its WBS code (1.2.3, as the tree gives it or as a
// WBS-code column writes it), which is how apply resolves it once the rows exist. What does not is a
// warning on its cell: the row is imported and the text kept, without a link.
import { columnName } from '../../../common/excel/model.js';
import { shown, type Problem } from '../../../common/excel/problems.js';
import type { ImportTable } from '../../excel/import/read-table.js';
import { formatLinks, parseLinks } from '../../../common/schedule/links-text.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import { SheetIndex } from '../../excel/import/sheet-index.js';
import { headerColumns } from '../../excel/import/header-rows.js';

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

/**
 * Headers of a task ID column as MS Project and its exports write it (ID, Unique ID, Task ID, #, タスクID).
 * Not a Japanese WBS's running No. / 番号 / 通番 / 連番: beside a WBS番号 column its 先行 names WBS
 * numbers (先行 "2" is phase 2, not the second row), and read as row numbers the links went to the
 * wrong tasks without a word (found in review).
 */
const ID_LABEL = /^(?:id|unique ?id|uid|task ?id|task ?no\.?|#|タスクid|タスク番号|id番号)$/i;

/**
 * Predecessors written by a task ID column that is not the outline's numbering (MS Project's ID beside
 * its Predecessors "3,5FS+2d": a row's number in the whole plan, summaries included, so ID 5 is task 1.3):
 * when every item of the column is a whole number found in such an ID column, each is rewritten as the
 * WBS code of the row it names, which the rest of the import resolves into links. Where the numbers
 * are not all IDs of the file (or no ID column exists) the text is read as WBS codes, as before.
 */
export function predecessorsById(table: ImportTable, model: WorkbookModel): void {
  if (table.target !== 'wbs' || !table.columns.some((m) => m.field === 'predecessors')) return;
  const sheet = model.sheets.find((x) => x.name === table.sheet);
  if (!sheet) return;
  const ix = new SheetIndex(sheet);
  const taken = new Set(table.columns.filter((m) => m.field === 'predecessors' || m.field === 'name').flatMap((m) => Array.from({ length: m.span }, (_, k) => m.c + k)));
  const idColumn = headerColumns(ix, table.header.top - 1, table.header.bottom - 1).find((h) => h.span === 1 && !taken.has(h.c) && ID_LABEL.test(h.parts[h.parts.length - 1]!.normalize('NFKC').trim()));
  if (!idColumn) return;
  const idOf = (row: number): string | null => {
    const cell = ix.cell(row - 1, idColumn.c);
    const v = cell?.t === 'n' ? String(cell.v) : cell?.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '';
    return /^\d+$/.test(v) ? String(Number(v)) : null;
  };
  const ids = new Map<string, number>();
  table.records.forEach((rec, i) => {
    const id = idOf(rec.row);
    if (id !== null) ids.set(id, ids.has(id) ? -1 : i);
  });
  if (ids.size < 2 || [...ids.values()].includes(-1)) return;
  const parsed = table.records.map((rec) => (typeof rec.values.predecessors === 'string' && rec.values.predecessors.trim() !== '' ? parseLinks(rec.values.predecessors) : null));
  const items = parsed.flatMap((p) => (p?.ok ? p.links : []));
  if (items.length === 0 || parsed.some((p) => p && !p.ok) || !items.every((l) => /^\d+$/.test(l.code) && ids.has(String(Number(l.code))))) return;
  // The outline code of each record, as fileCodes numbers it (and apply resolves it once the rows exist).
  const code: string[] = [];
  const counts = new Map<number | null, number>();
  table.records.forEach((rec, i) => {
    const parent = rec.parent ?? null;
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    code[i] = parent === null ? String(n) : `${code[parent]}.${n}`;
  });
  table.records.forEach((rec, i) => {
    const p = parsed[i];
    if (p?.ok) rec.values.predecessors = formatLinks(p.links.map((l) => ({ ...l, code: code[ids.get(String(Number(l.code)))!]! })));
  });
}

/**
 * The predecessors of each record (by its 0-based sheet row) as the import reads them from a file's ID
 * column (predecessorsById), where that reading applies: what the export compares a stored task's links
 * with, so a task whose links did not change keeps the client's own cell ("2", not our "1.1").
 */
export function predecessorsReadById(table: ImportTable, model: WorkbookModel): Map<number, string> {
  const copy: ImportTable = { ...table, records: table.records.map((r) => ({ ...r, values: { ...r.values } })) };
  predecessorsById(copy, model);
  const out = new Map<number, string>();
  copy.records.forEach((r, i) => {
    const read = r.values.predecessors;
    if (typeof read === 'string' && read !== table.records[i]!.values.predecessors) out.set(r.row - 1, read);
  });
  return out;
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
