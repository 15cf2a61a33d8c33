// What the import dialog decides without React: the mapping it sends back when the user corrects
// what detection found, the lines of the preview list per tab, and the options applyImport gets.
import type { TFunction } from 'i18next';
import { WBS_STRUCTURE_FIELDS, type ImportTarget } from '../../../../electron/common/excel/fields.js';
import { registerView } from './exportModel.js';
import { formatProblem, rowOfCell, type Problem } from '../../../../electron/common/excel/problems.js';
import {
  columnKey,
  type ApplyOptions,
  type ApplyResult,
  type ImportPreview,
  type MappingInput,
  type PreviewRow,
  type PreviewValue,
  type RowStatus,
} from '../../../../electron/common/excel/preview.js';

/** One correction of the mapping step. */
export type MappingChange =
  | { sheet: string }
  | { headerTop: number; headerBottom: number }
  /** A column's field; `rowOffset`: the column of a two-row record's second row (ColumnMapping.rowOffset). */
  | { column: string; field: string | null; rowOffset?: number }
  /** A click on the sheet: its header row, or its first row of data, in the table of that column. */
  | { pick: { sheet: string; row: number; column: string; what: 'header' | 'firstDataRow' } }
  /** How a client word of a list or rating column is read: a code, or null to add it to the list. */
  | { value: { field: string; word: string; code: string | null } }
  /** The year of dates written without one that nothing in the file decides. */
  | { year: number }
  /** One of the tables detection offered where it could not choose (1-based header rows, columns 'A:R'). */
  | { table: { sheet: string; headerTop: number; headerBottom: number; columns: string } };

/**
 * The mapping to preview again with after a change. Another sheet is detected afresh; other header
 * rows re-detect the columns under them; a column's field keeps every other column as it is, except
 * the one that had that field before (a field takes one column): it becomes an extra column.
 */
export function mappingAfter(p: Pick<ImportPreview, 'sheet' | 'header' | 'columns'>, change: MappingChange): MappingInput {
  if ('pick' in change) {
    const { sheet, row, column, what } = change.pick;
    return what === 'header' ? { sheet, headerTop: row, headerBottom: row, column } : { sheet, firstDataRow: row, column };
  }
  if ('value' in change) return { values: [change.value] };
  if ('year' in change) return { year: change.year };
  if ('table' in change) {
    // The table's first column says which table is meant where tables stand side by side.
    const { sheet, headerTop, headerBottom, columns } = change.table;
    return { sheet, headerTop, headerBottom, column: columns.split(':')[0]! };
  }
  if ('sheet' in change) return { sheet: change.sheet };
  if ('headerTop' in change) {
    const top = Math.max(1, Math.trunc(change.headerTop));
    const bottom = Math.max(top, Math.trunc(change.headerBottom));
    return { sheet: p.sheet, headerTop: top, headerBottom: bottom };
  }
  const changed = columnKey(change);
  // (A 予定/実績 plan's second-row twins follow their first row's field: sent, they would stay as they were.)
  const twins = p.columns.some((c) => c.blockLabels);
  const columns = p.columns.filter((c) => !(twins && c.rowOffset)).map((c) => ({
    column: c.column,
    ...(c.rowOffset ? { rowOffset: c.rowOffset } : {}),
    field: columnKey(c) === changed ? change.field : change.field !== null && c.field === change.field ? null : c.field,
  }));
  // The column is answered, whichever field it now has (kept as it was too): the others asked about are asked still.
  return { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom, columns, answered: [changed] };
}

/**
 * The preview as it will be once the change is previewed: what the mapping step shows while the core
 * reads the file again, and what a second change made meanwhile builds on (so quick changes — arrow
 * keys on a field list — are neither lost nor blocked). A field the user chose is sure.
 */
export function withChange(p: ImportPreview, change: MappingChange): ImportPreview {
  const m = mappingAfter(p, change);
  if ('pick' in change) return p;
  if ('value' in change)
    return { ...p, values: p.values.map((v) => (v.field === change.value.field && v.word === change.value.word ? { ...v, code: change.value.code, chosen: true } : v)) };
  if ('year' in change) return p.years ? { ...p, years: { ...p.years, year: change.year, chosen: true } } : p;
  if ('table' in change) return { ...p, sheet: change.table.sheet, header: { top: change.table.headerTop, bottom: change.table.headerBottom } };
  if ('sheet' in change) return { ...p, sheet: change.sheet };
  if ('headerTop' in change) return { ...p, header: { top: m.headerTop!, bottom: m.headerBottom! } };
  const fields = new Map(m.columns!.map((c) => [columnKey(c), c.field]));
  return {
    ...p,
    columns: p.columns.map((c) => {
      if (!fields.has(columnKey(c))) return c; // a plan's twin: the preview answers for it
      const field = fields.get(columnKey(c)) ?? null;
      return field === c.field ? c : { ...c, field, confidence: field === null ? 0 : 1 };
    }),
  };
}

/** The years offered for dates without one: a register is often kept for years, so five back and one ahead. */
export function yearChoices(year: number): number[] {
  return Array.from({ length: 7 }, (_, i) => year - 5 + i);
}

/**
 * Header rows typed into the two boxes: whole numbers ≥ 1, the bottom never above the top (the box
 * just changed wins). Null when a box does not hold a number.
 */
export function headerRows(top: string, bottom: string, changed: 'top' | 'bottom'): { headerTop: number; headerBottom: number } | null {
  const t = Number(top.trim());
  const b = Number(bottom.trim());
  if (!Number.isInteger(t) || !Number.isInteger(b) || t < 1 || b < 1 || t > 1_048_576 || b > 1_048_576) return null;
  if (t <= b) return { headerTop: t, headerBottom: b };
  return changed === 'top' ? { headerTop: t, headerBottom: t } : { headerTop: b, headerBottom: b };
}

export type PreviewTab = 'all' | RowStatus | 'missing' | 'problems';
export const PREVIEW_TABS: readonly PreviewTab[] = ['all', 'new', 'changed', 'unchanged', 'missing', 'problems'];

/** How many a tab holds, as its label shows. */
export function tabCount(p: ImportPreview, tab: PreviewTab): number {
  if (tab === 'all') return p.rowCount;
  if (tab === 'problems') return p.counts.problems;
  return p.counts[tab];
}

/** The tab to open on: where something happens, else everything. */
export function firstTab(p: ImportPreview): PreviewTab {
  return p.counts.changed > 0 || p.counts.new > 0 ? 'all' : p.counts.problems > 0 ? 'problems' : 'all';
}

/** One line of the preview list: a row of the file, a stored row the file lacks, or a problem. */
export interface PreviewLine {
  id: string;
  status: RowStatus | 'missing' | 'problem';
  /** 1-based sheet row; null for stored rows the file lacks and problems of a sheet or the file. */
  row: number | null;
  key: string;
  name: string;
  level: number;
  /** What changes: `項目: before → after`, or a new row's values `項目: value`. */
  details: string[];
  /** The problems of the row (formatProblem text). */
  problems: string[];
  skipped: boolean;
}

export interface Labels {
  /** A field's label (its column header in the grid); `extra:<key>` is shown as its key. */
  field(field: string): string;
  /** A problem in the user's language (problemText); formatProblem's English when absent. */
  problem?(p: Problem): string;
  /** A value as the grid shows it (dates yyyy/mm/dd, list labels). */
  value(field: string, value: PreviewValue): string;
  /** How an empty value reads: (空) / (empty). */
  empty: string;
}


/** Problems by the sheet row they are in (for marking rows); problems of a sheet or file are left out. */
export function problemsByRow(problems: readonly Problem[], sheet: string): Map<number, Problem[]> {
  const out = new Map<number, Problem[]>();
  for (const p of problems) {
    if (p.sheet !== sheet) continue;
    const r = rowOfCell(p.cell);
    if (r === null) continue;
    const list = out.get(r);
    if (list) list.push(p);
    else out.set(r, [p]);
  }
  return out;
}

const isEmpty = (v: PreviewValue | undefined) => v === null || v === undefined || v === '';

/** The lines a row shows under "what changes". */
export function rowDetails(row: PreviewRow, labels: Labels, keyFields: readonly string[]): string[] {
  const shown = (field: string, v: PreviewValue) => (isEmpty(v) ? labels.empty : labels.value(field, v));
  if (row.changes) return row.changes.map((c) => `${labels.field(c.field)}: ${shown(c.field, c.before)} → ${shown(c.field, c.after)}`);
  if (row.values)
    return Object.entries(row.values)
      .filter(([field, v]) => !isEmpty(v) && !keyFields.includes(field))
      .map(([field, v]) => `${labels.field(field)}: ${labels.value(field, v)}`);
  return [];
}

/** Whether the preview answered only some of its problems: the Problems tab then pages through them (ImportPreview.problems). */
export const problemsPaged = (p: ImportPreview) => p.problems.length < p.counts.problems;

/**
 * Every line of a preview, computed once; tabs only filter them. The Problems tab lists `listed`: the
 * preview's problems, or the pages of them loaded so far where it answered only some (problemsPaged).
 */
export function previewLines(p: ImportPreview, labels: Labels, keyFields: readonly string[], listed: readonly Problem[] = p.problems): PreviewLine[] {
  const byRow = problemsByRow(p.problems, p.sheet);
  // A sheet row's problems go on its record: the last line of that row (groups made from its
  // 大/中 values come before it).
  const lastOfRow = new Map<number, number>();
  p.rows.forEach((r, i) => lastOfRow.set(r.row, i));
  const rows: PreviewLine[] = p.rows.map((r, i) => {
    const problems = lastOfRow.get(r.row) === i ? (byRow.get(r.row) ?? []).map(labels.problem ?? formatProblem) : [];
    return {
      // By position: WBS groups made from 大/中 values share the sheet row that named them.
      id: `r${i}`,
      status: r.status,
      row: r.row,
      key: r.key,
      name: r.name,
      level: r.level ?? 0,
      details: rowDetails(r, labels, keyFields),
      problems,
      skipped: !!r.skipped,
    };
  });
  const missing: PreviewLine[] = p.missing.map((m) => ({
    id: `m${m.id}`,
    status: 'missing',
    row: null,
    key: m.key,
    name: m.name,
    level: 0,
    details: [],
    problems: [],
    skipped: false,
  }));
  const problems: PreviewLine[] = listed.map((pr, i) => ({
    id: `p${i}`,
    status: 'problem',
    row: pr.sheet === p.sheet ? rowOfCell(pr.cell) : null,
    key: '',
    name: pr.field ? labels.field(pr.field) : '',
    level: 0,
    details: [],
    problems: [(labels.problem ?? formatProblem)(pr)],
    skipped: false,
  }));
  return [...rows, ...missing, ...problems];
}

export function linesOfTab(lines: readonly PreviewLine[], tab: PreviewTab): PreviewLine[] {
  if (tab === 'all') return lines.filter((l) => l.status !== 'missing' && l.status !== 'problem');
  if (tab === 'problems') return lines.filter((l) => l.status === 'problem');
  return lines.filter((l) => l.status === tab);
}

/** A profile's name from the file's: the name without its extension (and without a date stamp's dashes trimmed). */
export function profileNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls|csv)$/i, '').trim();
  return (base || fileName).slice(0, 200);
}

export type ProfileChoice = 'none' | 'save' | 'update';

/**
 * What the profile options start at: a file no profile knows is saved as a new one (so the next
 * import finds it); a known one is updated only when the user corrected its mapping.
 */
export function defaultProfileChoice(found: { id: number } | null, mappingEdited: boolean): ProfileChoice {
  if (!found) return 'save';
  return mappingEdited ? 'update' : 'none';
}

export function applyOptions(o: {
  missing: 'keep' | 'close' | 'delete';
  profile: ProfileChoice;
  profileName: string;
  found: { id: number } | null;
}): ApplyOptions {
  const out: ApplyOptions = { missing: o.missing };
  const name = o.profileName.trim();
  if (o.profile === 'save' && name) out.saveProfileAs = name.slice(0, 200);
  if (o.profile === 'update' && o.found) out.updateProfileId = o.found.id;
  return out;
}

/** Confidence as the mapping table shows it. */
export function confidenceLevel(field: string | null, confidence: number): 'none' | 'low' | 'medium' | 'high' {
  if (field === null) return 'none';
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.7) return 'medium';
  return 'low';
}

/** A field's label for the import: the grid's column header; WBS structure columns and extra columns by name. */
export function importFieldLabel(t: TFunction, register: ImportTarget): (field: string) => string {
  const structure = new Set<string>(WBS_STRUCTURE_FIELDS);
  return (field) => {
    if (field.startsWith('extra:')) return field.slice('extra:'.length);
    if (register === 'wbs') return structure.has(field) ? t(`excel.wbsField.${field}`) : t(`wbs.col.${field}`, { defaultValue: field });
    return t(`${register}.col.${field}`, { defaultValue: field });
  };
}

/** The line the page shows once an import is written. */
export function importedMessage(t: TFunction, r: ApplyResult, fileName: string): string {
  return (
    t('excel.imported', { file: fileName, created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped }) +
    (r.closed ? t('excel.importedClosed', { count: r.closed }) : '') +
    (r.deleted ? t('excel.importedDeleted', { count: r.deleted }) : '') +
    (r.fileDates?.workingDays.length
      ? t('excel.importedWorkingDays', { days: r.fileDates.workingDays.map((d) => `${d.date.replaceAll('-', '/')}${d.name ? ` (${d.name})` : ''}`).join('、') })
      : '') +
    (r.fileDates?.manual.length
      ? t('excel.importedManual', { count: r.fileDates.manual.length, names: r.fileDates.manual.slice(0, 5).join('、') + (r.fileDates.manual.length > 5 ? '…' : '') })
      : '')
  );
}

// ---------------------------------------------------------------- problems in the user's language

/**
 * A problem as the user reads it: the place as Excel names it (課題一覧!C9), the field as the grid
 * heads it (期限), and the reason in the UI's language from the problem's code and the values it
 * quotes (excel.problem.<code>; every code has its ja and en text, a test holds it). A field the
 * reason names is the grid's heading; where a year was taken from, in words.
 */
export function problemText(p: Problem, t: TFunction, fieldLabel: (field: string) => string): string {
  const place = formatProblem({ ...p, reason: '' }).replace(/: $/, '');
  const field = p.field ? fieldLabel(p.field) : '';
  const params: Record<string, string | number> = { ...p.params, field };
  if (typeof p.params.from === 'string') params.from = t(`excel.problem.yearFrom.${p.params.from}`);
  // Another register is named as its tab is (品質チェックリスト), never by its key.
  if (typeof p.params.other === 'string') params.other = t(`views.${registerView(p.params.other)}`);
  // A value left empty with its row imported says so after the reason (4d 4h is not an effort: …).
  const text = t(`excel.problem.${p.code}`, params) + (p.params.kept ? t('excel.problem.keptSuffix') : '');
  const head = [place, field && `[${field}]`].filter(Boolean).join(' ');
  return head ? `${head}: ${text}` : text;
}
