// A WBS file's predecessors column, checked against the file's own numbering before anything is
// written: each item must name a row of the file by its WBS code (1.2.3, as the tree gives it or as a
// WBS-code column writes it), which is how apply resolves it once the rows exist. What does not is a
// warning on its cell: the row is imported and the text kept, without a link.
import { columnName } from '../../../common/excel/model.js';
import { shown, type Problem } from '../../../common/excel/problems.js';
import type { ImportTable } from '../../excel/import/read-table.js';
import { formatLinks, formatLinksAs, parseLinks, PLAIN_NOTATION, type LinkNotation } from '../../../common/schedule/links-text.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import { SheetIndex } from '../../excel/import/sheet-index.js';
import { headerColumns } from '../../excel/import/header-rows.js';
import { parseWbsCode } from '../../excel/import/cell-values.js';

/** Each record's outline code as the tree numbers it (1, 1.1, 1.2 …), which apply resolves links by once the rows exist. */
function outlineCodes(table: ImportTable): string[] {
  const counts = new Map<number | null, number>();
  const code: string[] = [];
  table.records.forEach((rec, i) => {
    const parent = rec.parent ?? null;
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    code[i] = parent === null ? String(n) : `${code[parent]}.${n}`;
  });
  return code;
}

/**
 * Whether a code is one a predecessors text may use to name a record of the table: its outline code
 * (outlineCodes), found by walking the tree by the code's numbers (1.2.3: the first top-level record, its
 * second child, that one's third), or the code a WBS-code column writes for it. (Asked without writing out
 * and hashing every record's outline code: a 100,000-row plan made 100,000 codes to check its links.)
 */
export function fileCodeCheck(table: ImportTable): (code: string) => boolean {
  const roots: number[] = [];
  const children: number[][] = [];
  table.records.forEach((rec, i) => {
    const parent = rec.parent ?? null;
    if (parent === null) roots.push(i);
    else (children[parent] ??= []).push(i);
  });
  const written = new Set<string>();
  for (const rec of table.records) {
    const code = rec.values.wbsCode;
    if (typeof code === 'string' && code.trim() !== '') written.add(code.trim().replace(/\.$/, ''));
  }
  return (code) => {
    if (written.has(code)) return true;
    let siblings: number[] | undefined = roots;
    for (const part of code.split('.')) {
      // An outline code's numbers are written as String(n) writes them: 1, 2, 10 (never 01, +1 or 1.0).
      if (!siblings || !OUTLINE_NUMBER.test(part)) return false;
      const n = Number(part);
      if (n > siblings.length) return false;
      siblings = children[siblings[n - 1]!];
    }
    return true;
  };
}
const OUTLINE_NUMBER = /^[1-9][0-9]*$/;

/** A WBS code written with hyphens (1-1, 2-3-1), as some clients number their tasks. */
export const HYPHEN_CODE = /^\d+(?:-\d+)+$/;
const PLAIN_CODE = /^[0-9.]*$/;

/**
 * Items of a predecessors text naming tasks by the file's hyphen codes (1-1, 1-2FS+1: blind G1) as the
 * outline code of the row each names: parseLinks would read 1-1 as task 1 with a lag of -1 day. Only a
 * code some row of the file has is taken so (the longest such at the start of a run: 1-1-2 is 1-1 with a
 * lag of -2 unless a 1-1-2 exists); 4-1 where no row is 4-1 stays task 4, a day early.
 */
export function predecessorsByHyphenCode(table: ImportTable, model: WorkbookModel): void {
  const codeColumn = table.columns.find((m) => m.field === 'wbsCode');
  const sheet = model.sheets.find((x) => x.name === table.sheet);
  if (table.target !== 'wbs' || !codeColumn || !sheet) return;
  // The sheet is indexed only when some link is written with a hyphen (not on every plan with a code
  // column: a 100,000-row import would index its sheet for nothing).
  const hyphened = (rec: (typeof table.records)[number]) => typeof rec.values.predecessors === 'string' && rec.values.predecessors.includes('-');
  if (!table.records.some(hyphened)) return;
  const ix = new SheetIndex(sheet);
  const outline = outlineCodes(table);
  const dotted = new Map<string, string>();
  table.records.forEach((rec, i) => {
    const cell = ix.cell(rec.row - 1, codeColumn.c);
    const written = cell?.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '';
    if (HYPHEN_CODE.test(written)) dotted.set(written, outline[i]!);
  });
  if (dotted.size === 0) return;
  for (const rec of table.records) {
    if (!hyphened(rec)) continue;
    rec.values.predecessors = (rec.values.predecessors as string).normalize('NFKC').replace(/(?<![\d.])\d+(?:-\d+)+/g, (run) => {
      const parts = run.split('-');
      for (let k = parts.length; k >= 2; k--) {
        const code = dotted.get(parts.slice(0, k).join('-'));
        if (code !== undefined) return k < parts.length ? `${code}-${parts.slice(k).join('-')}` : code;
      }
      return run;
    });
  }
}

/**
 * Items of a predecessors text naming tasks by the file's dotted WBS codes where those are not the
 * tree's own numbering (a client's 1.2 and 1.3 left after its 1.1 was deleted, blind G18): each is the
 * outline code of the row whose code column says so, as a person reading the file takes it. The export
 * writes links back in the same codes. Nothing changes where every row's code is its place in the tree
 * (most plans), where the file numbers with hyphens (predecessorsByHyphenCode) or links by an ID column.
 */
export function predecessorsByWrittenCode(table: ImportTable, model: WorkbookModel, reading: PredecessorReading | null): void {
  const codeColumn = table.columns.find((m) => m.field === 'wbsCode');
  const sheet = model.sheets.find((x) => x.name === table.sheet);
  if (table.target !== 'wbs' || !codeColumn || !sheet || reading?.by === 'id') return;
  const linked = (rec: (typeof table.records)[number]) => typeof rec.values.predecessors === 'string' && rec.values.predecessors.trim() !== '';
  if (!table.records.some(linked)) return;
  const ix = new SheetIndex(sheet);
  const outline = outlineCodes(table);
  // Each record's code as written; the map from them is made only where some code is not the tree's
  // own (most plans number by the tree: a 100,000-entry map for nothing was most of this step).
  const written = new Array<string | null>(table.records.length).fill(null);
  let renumbered = false;
  for (let i = 0; i < table.records.length; i++) {
    const cell = ix.cell(table.records[i]!.row - 1, codeColumn.c);
    if (!cell) continue;
    // (A code of ASCII digits and dots is no hyphen code, normalized or not: no NFKC for most rows.)
    if (cell.t === 's' && !PLAIN_CODE.test(cell.v as string) && HYPHEN_CODE.test((cell.v as string).normalize('NFKC').trim())) return;
    const code = parseWbsCode(cell);
    written[i] = code;
    if (code !== null && code !== outline[i]) renumbered = true;
  }
  if (!renumbered) return;
  const byWritten = new Map<string, string>();
  const twice = new Set<string>();
  written.forEach((code, i) => {
    if (code === null) return;
    if (byWritten.has(code)) twice.add(code);
    byWritten.set(code, outline[i]!);
  });
  for (const code of twice) byWritten.delete(code);
  for (const rec of table.records) {
    if (!linked(rec)) continue;
    const p = parseLinks(rec.values.predecessors as string);
    if (!p.ok || !p.links.some((l) => byWritten.has(l.code) && byWritten.get(l.code) !== l.code)) continue;
    rec.values.predecessors = formatLinks(p.links.map((l) => ({ ...l, code: byWritten.get(l.code) ?? l.code })));
  }
}

/**
 * Headers of a task ID column as MS Project and its exports write it (ID, Unique ID, Task ID, #, タスクID).
 * Not a Japanese WBS's running No. / 番号 / 通番 / 連番: beside a WBS番号 column its 先行 names WBS
 * numbers (先行 "2" is phase 2, not the second row), and read as row numbers the links went to the
 * wrong tasks without a word (found in review).
 */
const ID_LABEL = /^(?:id|unique ?id|uid|task ?id|task ?no\.?|#|タスクid|タスク番号|id番号)$/i;
/**
 * A running No. / 番号 / 通番 / 連番: the tasks' numbers where the sheet has no WBS-code column, the only
 * numbering the client has, so its 先行 "2" names row No 2 (review R5: read as outline code 2, the link
 * went to the second phase without a word).
 */
const RUNNING_NO_LABEL = /^(?:no\.?|番号|通番|連番)$/i;

/** Whether a header (NFKC, trimmed) names a task-number column: an ID, or a running No where the sheet has no WBS-code column. */
export const taskNumberLabel = (label: string, noCodes: boolean) => ID_LABEL.test(label) || (noCodes && RUNNING_NO_LABEL.test(label));

/**
 * How a file's Predecessors column names tasks: by a task ID column of the sheet, by WBS codes, or by row
 * number (Smartsheet: 1 = the first row under the header, summary rows counted, no column showing it).
 */
export interface PredecessorReading {
  by: 'id' | 'code' | 'row';
  /** The sheet's task ID column (0-based) and each record's ID by its 0-based sheet row, when it has one. */
  idColumn: { c: number; ids: Map<number, string> } | null;
}

/**
 * The one place that reads a WBS sheet's task ID column (MS Project's ID beside its Predecessors
 * "3,5FS+2d": a row's number in the whole plan, summaries included, so ID 5 is task 1.3), for the import
 * and for the export alike. The column names tasks by ID when the sheet has such a column, its values
 * are unique whole numbers, and every item of the Predecessors column is one of them. Otherwise (no item
 * at all included: nothing says the client would write IDs there) it is read as WBS codes.
 * Null when the table has no Predecessors column.
 */
export function predecessorReading(table: ImportTable, model: WorkbookModel): PredecessorReading | null {
  if (table.target !== 'wbs' || !table.columns.some((m) => m.field === 'predecessors')) return null;
  const byCode: PredecessorReading = { by: 'code', idColumn: null };
  const sheet = model.sheets.find((x) => x.name === table.sheet);
  if (!sheet) return byCode;
  const ix = new SheetIndex(sheet);
  const taken = new Set(table.columns.filter((m) => m.field === 'predecessors' || m.field === 'name').flatMap((m) => Array.from({ length: m.span }, (_, k) => m.c + k)));
  const noCodes = !table.columns.some((m) => m.field === 'wbsCode');
  const column = headerColumns(ix, table.header.top - 1, table.header.bottom - 1).find((h) => h.span === 1 && !taken.has(h.c) && taskNumberLabel(h.parts[h.parts.length - 1]!.normalize('NFKC').trim(), noCodes));
  if (!column) return noCodes && byRowNumber(table) ? { by: 'row', idColumn: null } : byCode;
  const idOf = (row: number): string | null => {
    const cell = ix.cell(row - 1, column.c);
    const v = cell?.t === 'n' ? String(cell.v) : cell?.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '';
    return /^\d+$/.test(v) ? String(Number(v)) : null;
  };
  const ids = new Map<number, string>();
  const seen = new Set<string>();
  for (const rec of table.records) {
    const id = idOf(rec.row);
    if (id === null) continue;
    if (seen.has(id)) return byCode;
    seen.add(id);
    ids.set(rec.row - 1, id);
  }
  if (ids.size < 2) return byCode;
  const parsed = table.records.map((rec) => (typeof rec.values.predecessors === 'string' && rec.values.predecessors.trim() !== '' ? parseLinks(rec.values.predecessors) : null));
  const items = parsed.flatMap((p) => (p?.ok ? p.links : []));
  // Decided by the cells that read as links: one cell that does not (12FS+2edays) is named on its own
  // (flagPredecessors) and must not turn every other cell's IDs into outline codes (blind set 5, K1).
  if (items.length === 0 || !items.every((l) => /^\d+$/.test(l.code) && seen.has(String(Number(l.code))))) return byCode;
  return { by: 'id', idColumn: { c: column.c, ids } };
}

/** The record each row number names (1 = the sheet row under the header), by the records' sheet rows. */
function recordsByRowNumber(table: ImportTable): Map<string, number> {
  const out = new Map<string, number>();
  table.records.forEach((rec, i) => out.set(String(rec.row - table.header.bottom), i));
  return out;
}

/**
 * Predecessors naming rows by number where nothing on the sheet numbers them (Smartsheet's export, blind
 * set 6 L7: "2", "3FS +2d" over an indented tree): on a plan with a tree (a flat list's row numbers are its
 * outline codes, read the same either way), every item a whole number naming a record's row, and either
 * some item is no outline code of the tree or, read as rows, more links agree with the dates (a finish-to-
 * start predecessor finishing by its successor's start) than read as outline codes. Otherwise codes.
 */
function byRowNumber(table: ImportTable): boolean {
  if (!table.records.some((r) => r.parent !== undefined && r.parent !== null)) return false;
  const byRow = recordsByRowNumber(table);
  const outline = outlineCodes(table);
  const byOutline = new Map(outline.map((code, i) => [code, i]));
  const links: { to: number; code: string; type: string }[] = [];
  for (let i = 0; i < table.records.length; i++) {
    const text = table.records[i]!.values.predecessors;
    if (typeof text !== 'string' || text.trim() === '') continue;
    const p = parseLinks(text);
    if (!p.ok) continue;
    for (const l of p.links) {
      if (!/^\d+$/.test(l.code) || !byRow.has(String(Number(l.code)))) return false;
      links.push({ to: i, code: String(Number(l.code)), type: l.type ?? 'FS' });
    }
  }
  if (links.length === 0) return false;
  if (links.some((l) => !byOutline.has(l.code))) return true;
  const agree = (from: number | undefined, to: number, type: string) => {
    const a = from === undefined ? undefined : table.records[from]!.values;
    const b = table.records[to]!.values;
    const [af, as, bs] = [a?.plannedFinish, a?.plannedStart, b.plannedStart];
    if (type === 'SS') return typeof as === 'string' && typeof bs === 'string' && as <= bs;
    return type === 'FS' && typeof af === 'string' && typeof bs === 'string' && af <= bs;
  };
  const rows = links.filter((l) => agree(byRow.get(l.code), l.to, l.type)).length;
  const codes = links.filter((l) => agree(byOutline.get(l.code), l.to, l.type)).length;
  return rows > codes;
}

/**
 * The import's side of predecessorReading: items naming the client's IDs are rewritten as the outline
 * code of the row each names (type and lag kept: "3FS+2d" → "1.2FS+2"), which the rest of the import
 * resolves into links once the rows exist.
 */
export function predecessorsById(table: ImportTable, reading: PredecessorReading | null): void {
  if (!(reading?.by === 'id' && reading.idColumn) && reading?.by !== 'row') return;
  const code = outlineCodes(table);
  const recordOf = reading.by === 'row' ? recordsByRowNumber(table) : new Map<string, number>();
  if (reading.idColumn)
    table.records.forEach((rec, i) => {
      const id = reading.idColumn!.ids.get(rec.row - 1);
      if (id !== undefined) recordOf.set(id, i);
    });
  for (const rec of table.records) {
    const text = rec.values.predecessors;
    const p = typeof text === 'string' && text.trim() !== '' ? parseLinks(text) : null;
    if (p?.ok) rec.values.predecessors = formatLinks(p.links.map((l) => ({ ...l, code: code[recordOf.get(String(Number(l.code)))!]! })));
  }
}

/**
 * The export's side: a task's links (in our outline codes) as the client's IDs, through each code's ID
 * (idByCode). A code with no ID (a task the sheet has no row for) stays a code.
 */
export function linksInClientIds(text: string, idByCode: ReadonlyMap<string, string>, notation: LinkNotation = PLAIN_NOTATION): string {
  const p = parseLinks(text);
  if (!p.ok) return text;
  return formatLinksAs(p.links.map((l) => ({ ...l, code: idByCode.get(l.code) ?? l.code })), notation);
}

/** Two predecessors texts name the same links (in any order, "2d" or not): the client's cell can stay. */
export function sameLinks(a: string, b: string): boolean {
  const norm = (s: string) => {
    const p = parseLinks(s);
    return p.ok ? p.links.map((l) => formatLinks([{ ...l, code: /^\d+$/.test(l.code) ? String(Number(l.code)) : l.code }])).sort().join(',') : s.trim();
  };
  return norm(a) === norm(b);
}

export function flagPredecessors(table: ImportTable): void {
  if (table.target !== 'wbs') return;
  const column = table.columns.find((m) => m.field === 'predecessors');
  if (!column) return;
  // (Made when the first link is read: a plan without one asks neither of a 100,000-row table.)
  let named: ((code: string) => boolean) | undefined;
  let summaries: Set<number | null | undefined> | undefined;
  table.records.forEach((rec, i) => {
    const text = rec.values.predecessors;
    if (typeof text !== 'string' || text.trim() === '') return;
    named ??= fileCodeCheck(table);
    summaries ??= new Set(table.records.map((r) => r.parent).filter((p) => p !== undefined && p !== null));
    const parsed = parseLinks(text);
    const missing = parsed.ok ? parsed.links.find((l) => !named!(l.code)) : undefined;
    // An FF or SF link may not end at a summary (schedule.ts): apply would leave the text unlinked.
    const intoSummary = parsed.ok && summaries!.has(i) ? parsed.links.find((l) => l.type === 'FF' || l.type === 'SF') : undefined;
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
