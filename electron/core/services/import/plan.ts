// What an import would do to the stored rows of a project: each record of the file matched to a
// stored row (by the client's key or by name) and compared cell by cell. The same plan is shown as the
// preview and computed again inside apply's transaction, so what is written always starts from what is
// stored at that moment.
import { WBS_ROLLED_UP_FIELDS } from '../../../common/dto.js';
import { KEY_FIELD, WBS_STRUCTURE_FIELDS } from '../../../common/excel/fields.js';
import { columnName, parseCellRef } from '../../../common/excel/model.js';
import { PREVIEW_ROWS_PER_STATUS, type CellChange, type MissingRow, type PreviewRow, type PreviewValue, type RowStatus } from '../../../common/excel/preview.js';
import type { ImportRecord, ImportTable } from '../../excel/import/read-table.js';
import type { RegisterName } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { REGISTER_SERVICES } from '../registers/index.js';
import type { RegisterRow } from '../registers/stores.js';
import { listTasks } from '../wbs.js';
import { taskNames } from '../../db/queries/wbs.js';
import { sameLinks } from './predecessors.js';

const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);
const STRUCTURE = new Set<string>(WBS_STRUCTURE_FIELDS);

type Values = Record<string, unknown>;

/** One record's part of the plan. `patch` holds fields and, when extra columns change, `extra`. */
export interface PlannedRow {
  record: number;
  status: 'new' | 'changed' | 'unchanged' | 'skipped';
  /** The stored row (changed, unchanged). */
  id?: number;
  patch: Values;
  /** WBS: the parent as a stored id, or as the record index of a row this import creates; null = top. */
  parent?: { id: number } | { record: number } | null;
  /** WBS: a matched row moves under another parent. */
  move?: boolean;
}

export interface ImportPlan {
  matchBy: 'ref' | 'code' | 'name';
  planned: PlannedRow[];
  /** Stored rows the file does not have. */
  missing: (MissingRow & { parentId?: number | null })[];
  /**
   * The preview's rows (empty when planning for apply, which needs only `planned`): the first
   * PREVIEW_ROWS_PER_STATUS of each status, in file order; `rowCount` is how many there are in all.
   */
  rows: PreviewRow[];
  rowCount: number;
}

/**
 * The preview's rows as the plan goes: every one counted, the first PREVIEW_ROWS_PER_STATUS of each
 * status made and kept. A 100,000-row import answered all its rows, 34 MB of JSON for the host to write
 * and the dialog to parse and lay out, though a person reads the first screens and the counts.
 */
function previewRows(forPreview: boolean) {
  const rows: PreviewRow[] = [];
  const made: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0 };
  let count = 0;
  const show = (status: RowStatus, row: () => PreviewRow) => {
    if (!forPreview) return;
    count++;
    if (made[status] >= PREVIEW_ROWS_PER_STATUS) return;
    made[status]++;
    rows.push(row());
  };
  return { rows, show, count: () => count };
}

/**
 * Rows (1-based) with a problem that makes them left out. A WBS row is still imported when its only
 * problems are where it sits in the tree (it is placed under the nearest row that fits, and the problem
 * says so) or in a summary's dates, effort or progress, which come from its subtasks anyway.
 */
function badRows(table: ImportTable): Set<number> {
  const summaries = new Set<number>();
  for (const rec of table.records) if (rec.parent !== undefined && rec.parent !== null) summaries.add(table.records[rec.parent]!.row);
  const out = new Set<number>();
  for (const p of table.problems) {
    const at = p.cell ? parseCellRef(p.cell) : null;
    if (!at || p.warning) continue;
    const row = at.r + 1;
    if (p.kind === 'hierarchy' || (summaries.has(row) && p.field !== undefined && ROLLED_UP.has(p.field))) continue;
    out.add(row);
  }
  return out;
}

function shownValue(v: unknown): PreviewValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Stored and file values are the same: '' and null are both empty; numbers within rounding. */
export function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(a) && empty(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Two ISO dates on the same month and day, whatever their years. */
function sameMonthDay(a: unknown, b: unknown): boolean {
  const iso = /^\d{4}-(\d\d-\d\d)$/;
  return typeof a === 'string' && typeof b === 'string' && iso.exec(a)?.[1] !== undefined && iso.exec(a)?.[1] === iso.exec(b)?.[1];
}

/** The extra columns of the mapping: every one is compared (an emptied cell removes the key). */
function extraKeys(table: ImportTable): string[] {
  return table.columns.flatMap((m) => (m.field === null && m.extraKey ? [m.extraKey] : []));
}

/** Field and extra changes of a record against a stored row (fields not in the file are left alone). */
function diff(table: ImportTable, rec: ImportRecord, stored: Values, skip: (field: string) => boolean): { patch: Values; changes: CellChange[] } {
  const patch: Values = {};
  const out: CellChange[] = [];
  for (const [field, value] of Object.entries(rec.values)) {
    if (skip(field) || sameValue(stored[field], value)) continue;
    // Dates read from a row's paint (a week's column says the week): a stored date the paint covers is no change.
    const within = rec.datesWithin?.[field as 'plannedStart' | 'plannedFinish'];
    if (within && typeof stored[field] === 'string' && (within[0] === null || stored[field] >= within[0]) && (within[1] === null || stored[field] <= within[1])) continue;
    // A plan's links as the client writes them (1.1. with the code's dot, FS+2日) name the same tasks as
    // the stored text: no change (blind set 3, H6: every such row was "changed" on each re-import).
    if (table.target === 'wbs' && field === 'predecessors' && typeof stored[field] === 'string' && typeof value === 'string' && sameLinks(stored[field], value)) continue;
    // A date written without a year (7/18) says its month and day only: the stored date on that month
    // and day is what the cell says, whatever year the reading guessed (blind set 4, J3: a year written
    // into another cell of the column moved every untouched yearless cell's guessed year on re-import).
    if (rec.yearless?.includes(field) && sameMonthDay(stored[field], value)) continue;
    patch[field] = value;
    out.push({ field, before: shownValue(stored[field]), after: shownValue(value) });
  }
  const keys = extraKeys(table);
  if (keys.length > 0) {
    const current = (stored.extra ?? {}) as Values;
    const next: Values = { ...current };
    let changed = false;
    for (const key of keys) {
      const value = Object.prototype.hasOwnProperty.call(rec.extra, key) ? rec.extra[key] : undefined;
      if (sameValue(current[key], value)) continue;
      // The task ID a row's links are read by is the file's numbering (a new task's was given by the export): no change of the task.
      if (key === table.idExtraKey) continue;
      changed = true;
      if (value === undefined) delete next[key];
      else next[key] = value;
      out.push({ field: `extra:${key}`, before: shownValue(current[key]), after: shownValue(value) });
    }
    if (changed) patch.extra = next;
  }
  return { patch, changes: out };
}

/** Values a new row is created with: the file's fields and its extra columns. */
function newValues(rec: ImportRecord, skip: (field: string) => boolean): Values {
  const values: Values = {};
  // (Walked in place, as isFiller does: an entries array per record was most of planning a new plan.)
  for (const field in rec.values) if (Object.hasOwn(rec.values, field) && !skip(field)) values[field] = rec.values[field];
  for (const k in rec.extra)
    if (Object.hasOwn(rec.extra, k)) {
      values.extra = { ...rec.extra };
      break;
    }
  return values;
}

/**
 * A new task's values: the record's own values object when it has no field to leave out (a structure
 * field; a summary's rolled-up ones) and no extra column, else newValues' copy. Shared, not copied:
 * nothing writes to a plan's patch or to a read table's values (apply spreads a summary's roll-up into
 * a copy of its own), and a copy of every record's values was a fifth of planning a 100,000-row import.
 */
function newTaskValues(rec: ImportRecord, summary: boolean): Values {
  let copy = false;
  for (const k in rec.extra) if ((copy = Object.hasOwn(rec.extra, k))) break;
  if (!copy) for (const f in rec.values) if ((copy = Object.hasOwn(rec.values, f) && (STRUCTURE.has(f) || (summary && ROLLED_UP.has(f))))) break;
  return copy ? newValues(rec, (f) => STRUCTURE.has(f) || (summary && ROLLED_UP.has(f))) : rec.values;
}

function previewValues(values: Values): Record<string, PreviewValue> {
  const out: Record<string, PreviewValue> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field === 'extra') for (const [k, v] of Object.entries(value as Values)) out[`extra:${k}`] = shownValue(v);
    else out[field] = shownValue(value);
  }
  return out;
}

/** How many planned rows have each status, counted in one pass (the preview's counts and apply's answer). */
export function statusCounts(planned: readonly PlannedRow[]): Record<PlannedRow['status'], number> {
  const out = { new: 0, changed: 0, unchanged: 0, skipped: 0 };
  for (const p of planned) out[p.status]++;
  return out;
}

/** A row of only a No / ID and nothing else: a template's numbered empty line, not a record. */
function isFiller(rec: ImportRecord): boolean {
  if (rec.group) return false;
  // (Walked in place: asked of every record, where a copy of each record's entries was a tenth of the plan.)
  for (const k in rec.extra) if (Object.hasOwn(rec.extra, k)) return false;
  for (const f in rec.values) {
    if (!Object.hasOwn(rec.values, f)) continue;
    const v = rec.values[f];
    if (f !== 'ref' && v !== null && v !== '') return false;
  }
  return true;
}

/**
 * An ID written twice in the file cannot match one stored row twice: the second row is a problem
 * (and left out). Run once on a freshly read table, before planning.
 */
export function flagDuplicateRefs(table: ImportTable): void {
  const column = table.columns.find((m) => m.field === 'ref');
  if (!column) return;
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const k = typeof rec.values.ref === 'string' ? rec.values.ref.trim() : '';
    if (k === '') continue;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, rec.row);
    else table.problems.push({ sheet: table.sheet, cell: `${columnName(column.c)}${rec.row}`, kind: 'text', code: 'refTwice', params: { value: k, first, second: rec.row }, reason: `${k} appears twice (rows ${first} and ${rec.row})`, field: 'ref' });
  }
}

/**
 * A WBS whose file has progress but no status column: the status follows the progress (100 % → done,
 * started → in progress), as the user would set it. Marked on the records so a stored 保留 / 中止 is
 * not overridden by it (see planWbs). Run once on a freshly read table.
 */
export function deriveWbsStatus(table: ImportTable): void {
  if (table.target !== 'wbs' || table.columns.some((m) => m.field === 'status') || !table.columns.some((m) => m.field === 'progress')) return;
  for (const rec of table.records) {
    const p = rec.values.progress;
    if (typeof p !== 'number' || p === 0) continue;
    rec.values.status = p >= 100 ? 'done' : 'in_progress';
    rec.statusFromProgress = true;
  }
}

/** The marks a Japanese WBS puts before a milestone's name (◆計画承認, ★サービスイン). */
const MILESTONE_MARK = /^[\s\u3000]*[◆◇★☆▲]/;

/**
 * A WBS whose file has no milestone column: a task named with a milestone's mark (◆設計完了), or of zero
 * duration (MS Project's `0 days`, its own mark of a milestone), that starts and finishes on one day (or
 * has one date only) is a milestone, as the person who drew it meant; the Gantt then draws ◆, not a
 * one-day bar. The name stays as written. Only a new task takes it (planWbs): a stored task keeps what
 * the user set, as the file says nothing of it. Run once on a freshly read table.
 */
export function deriveWbsMilestones(table: ImportTable): void {
  if (table.target !== 'wbs' || table.columns.some((m) => m.field === 'milestone')) return;
  for (const rec of table.records) {
    const { name, plannedStart: s, plannedFinish: f, duration } = rec.values;
    if (typeof name !== 'string' || (!MILESTONE_MARK.test(name) && duration !== 0)) continue;
    if ((s === undefined || s === null) && (f === undefined || f === null)) continue;
    if (s && f && s !== f) continue;
    rec.values.milestone = true;
    rec.milestoneDerived = true;
  }
}

/**
 * The project's stored titles of a register (a task's name, a risk's title), trimmed: what the import of
 * the client's own workbook through its profile knows a record by (ReadOptions.titles).
 */
export function storedTitles(db: Db, projectId: number, target: ImportTable['target']): Set<string> {
  // The names alone for a WBS: listTasks would build the whole tree with its roll-ups on every profile read.
  const titles = target === 'wbs' ? taskNames(db, projectId) : (REGISTER_SERVICES[target].rows(db, projectId) as RegisterRow[]).map((r) => String(r[KEY_FIELD[target]] ?? ''));
  return new Set(titles.map((t) => t.trim()).filter((t) => t !== ''));
}

export function planImport(db: Db, projectId: number, table: ImportTable, today: string, forPreview = true): ImportPlan {
  return table.target === 'wbs' ? planWbs(db, projectId, table, today, forPreview) : planRegister(db, projectId, table.target, table, forPreview);
}

// ---------------------------------------------------------------- risk, issue, change

function planRegister(db: Db, projectId: number, register: RegisterName, table: ImportTable, forPreview: boolean): ImportPlan {
  const stored = REGISTER_SERVICES[register].rows(db, projectId) as RegisterRow[];
  const key = KEY_FIELD[register];
  const bad = badRows(table);
  const byRef = !table.positionalRefs && table.columns.some((m) => m.field === 'ref') && table.records.some((r) => typeof r.values.ref === 'string' && r.values.ref !== '');
  const matchBy = byRef ? 'ref' : 'name';
  // Candidates by key, in stored order; each stored row matches one record at most. Rows with no key
  // (a record whose title cell the client left empty) pair up in order with stored rows that have none,
  // so reading the same file again changes nothing instead of adding them once more.
  const index = new Map<string, RegisterRow[]>();
  for (const row of stored) {
    const k = String(row[matchBy === 'ref' ? 'ref' : key] ?? '').trim();
    const list = index.get(k);
    if (list) list.push(row);
    else index.set(k, [row]);
  }
  const used = new Set<number>();
  const planned: PlannedRow[] = [];
  const { rows, show, count } = previewRows(forPreview);
  table.records.forEach((rec, i) => {
    if (isFiller(rec)) return;
    const name = String(rec.values[key] ?? '');
    const k = String((matchBy === 'ref' ? rec.values.ref : rec.values[key]) ?? '').trim();
    const base = { row: rec.row, key: k || name, name };
    const match = index.get(k)?.find((r) => !used.has(r.id));
    if (bad.has(rec.row)) {
      // Left out, but still the file's row: its stored row is not "missing from the file".
      if (match) used.add(match.id);
      planned.push({ record: i, status: 'skipped', patch: {}, ...(match ? { id: match.id } : {}) });
      show(match ? 'unchanged' : 'new', () => ({ ...base, status: match ? 'unchanged' : 'new', skipped: true, ...(match ? { id: match.id } : { values: previewValues(newValues(rec, () => false)) }) }));
      return;
    }
    if (!match) {
      const values = newValues(rec, () => false);
      planned.push({ record: i, status: 'new', patch: values });
      show('new', () => ({ ...base, status: 'new', values: previewValues(values) }));
      return;
    }
    used.add(match.id);
    // A running number by position is the row's, not the record's: a row that moved reads another one.
    const d = diff(table, rec, match, (field) => field === 'ref' && table.positionalRefs === true);
    const status = d.changes.length > 0 ? 'changed' : 'unchanged';
    planned.push({ record: i, status, id: match.id, patch: d.patch });
    show(status, () => ({ ...base, status, id: match.id, ...(status === 'changed' ? { changes: d.changes } : {}) }));
  });
  const missing = stored.filter((r) => !used.has(r.id)).map((r) => ({ id: r.id, key: String(r.ref ?? ''), name: String(r[key] ?? '') }));
  return { matchBy, planned, missing, rows, rowCount: count() };
}

// ---------------------------------------------------------------- WBS

interface StoredTask {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  summary: boolean;
  values: Values;
}

const NO_TASKS: readonly StoredTask[] = [];

function planWbs(db: Db, projectId: number, table: ImportTable, today: string, forPreview: boolean): ImportPlan {
  const tasks = listTasks(db, projectId, today);
  const stored: StoredTask[] = tasks.map((t) => ({ id: t.id, parentId: t.parentId, code: t.code, name: t.name.trim(), summary: t.summary, values: t as unknown as Values }));
  const byId = new Map(stored.map((t) => [t.id, t]));
  const childrenOf = new Map<number | null, StoredTask[]>();
  const byCode = new Map<string, StoredTask>();
  for (const t of stored) {
    const list = childrenOf.get(t.parentId);
    if (list) list.push(t);
    else childrenOf.set(t.parentId, [t]);
    byCode.set(t.code, t);
  }
  const matchBy = table.hierarchy === 'code' ? 'code' : 'name';
  const bad = badRows(table);
  const records = table.records;

  // The tree without some records: a record's parent is its nearest ancestor not left out (so the
  // children of a left-out row are not lost), and its code is where it then sits (1.2.1).
  const tree = (out: boolean[]) => {
    const parents = records.map((_, i) => {
      let p = records[i]!.parent ?? null;
      while (p !== null && out[p]) p = records[p]!.parent ?? null;
      return p;
    });
    const codes = new Array<string>(records.length).fill('');
    const ordinal = new Map<number | null, number>();
    records.forEach((_, i) => {
      if (out[i]) return;
      const p = parents[i]!;
      const n = (ordinal.get(p) ?? 0) + 1;
      ordinal.set(p, n);
      codes[i] = p === null ? String(n) : `${codes[p]}.${n}`;
    });
    return { parents, codes };
  };
  const filler = records.map((rec) => isFiller(rec));
  // Rows with problems take part in matching: a row of the file is never "missing from the file".
  const { parents: fileParents, codes: fileCodes } = tree(filler);

  // Matching, in passes so that a sure match is never taken by a weaker one: (1) the same name under
  // the matched parent, in tree order; (2) the same name anywhere, when only one unused task has it
  // (a task moved to another parent); (3) in a WBS written with codes, the task of the same code (a
  // renamed task).
  const used = new Set<number>();
  const matched = new Array<number | null>(records.length).fill(null);
  const names = records.map((rec) => String(rec.values.name ?? '').trim());
  const take = (i: number, t: StoredTask | undefined) => {
    if (!t) return;
    used.add(t.id);
    matched[i] = t.id;
  };
  const open = (i: number) => !filler[i] && matched[i] === null;
  const byName = new Map<string, StoredTask[]>();
  for (const t of stored) {
    const list = byName.get(t.name);
    if (list) list.push(t);
    else byName.set(t.name, [t]);
  }
  // A file without a tree (hierarchy none) shows no task's parent: every row reads as top-level, so a task
  // indented in PMO Desk is not looked for at the top but among all tasks of its name, in tree order (the
  // order the export writes them). Else two tasks sharing a name (rows a client left nameless), the first
  // indented, pair up crosswise: each row's values read as changes of the other task (corpus round trip
  // seed 31, status-jp-takuito: two nameless 作業 rows swapped their dates and details).
  const treeless = table.hierarchy === undefined || table.hierarchy === 'none';
  /** Per name, how many of its tasks (in tree order) are surely used: the next free one is looked for from there. */
  const nextOfName = new Map<string, number>();
  records.forEach((_, i) => {
    if (!open(i)) return;
    if (treeless) {
      const list = byName.get(names[i]!) ?? NO_TASKS;
      let k = nextOfName.get(names[i]!) ?? 0;
      while (k < list.length && used.has(list[k]!.id)) k++;
      nextOfName.set(names[i]!, k);
      take(i, list[k]);
      return;
    }
    const p = fileParents[i]!;
    const parentId = p === null ? null : matched[p]!;
    if (p !== null && parentId === null) return;
    take(i, (childrenOf.get(parentId) ?? []).find((t) => !used.has(t.id) && t.name === names[i]));
  });
  records.forEach((_, i) => {
    if (!open(i)) return;
    // (Counted, not filtered into an array per record: the one unused task of the name, or none.)
    let free: StoredTask | undefined;
    let n = 0;
    for (const t of byName.get(names[i]!) ?? NO_TASKS) if (!used.has(t.id) && ++n === 1) free = t;
    if (n === 1) take(i, free);
  });
  if (matchBy === 'code')
    records.forEach((_, i) => {
      const same = open(i) ? byCode.get(fileCodes[i]!) : undefined;
      if (same && !used.has(same.id)) take(i, same);
    });

  // Left out: fillers, and rows with a problem that match no stored task. A row with a problem that
  // does match stays in the tree as it is stored (nothing of it is written), holding its children.
  const skipped = records.map((rec, i) => !rec.group && (filler[i]! || (bad.has(rec.row) && matched[i] === null)));
  /** Rows with a problem that match: kept in the tree as stored. */
  const kept = records.map((rec, i) => !rec.group && bad.has(rec.row) && matched[i] !== null);
  // (The tree of the file's rows again only where leaving these rows out moves some: most plans leave out the same.)
  const { parents, codes } = skipped.every((s, i) => s === filler[i]) ? { parents: fileParents, codes: fileCodes } : tree(skipped);
  const hasChildren = new Array<boolean>(records.length).fill(false);
  parents.forEach((p, i) => {
    if (p !== null && !skipped[i]) hasChildren[p] = true;
  });

  const planned: PlannedRow[] = [];
  const { rows, show, count } = previewRows(forPreview);
  // Structure fields only shape the tree; a summary's dates, effort and progress come from its subtasks.
  const skipOf = (i: number, field: string): boolean => STRUCTURE.has(field) || (hasChildren[i]! && ROLLED_UP.has(field));
  records.forEach((rec, i) => {
    const name = names[i]!;
    if (skipped[i]) {
      if (isFiller(rec)) return;
      planned.push({ record: i, status: 'skipped', patch: {} });
      show('new', () => ({ status: 'new', row: rec.row, key: name, name, level: rec.level ?? 0, skipped: true, values: previewValues(newValues(rec, () => false)) }));
      return;
    }
    const p = parents[i]!;
    const parentId = p === null ? null : matched[p]!;
    const match = matched[i] === null ? undefined : byId.get(matched[i]!);
    const key = matchBy === 'code' ? codes[i]! : name;
    if (kept[i]) {
      planned.push({ record: i, status: 'skipped', patch: {}, id: match!.id });
      show('unchanged', () => ({ status: 'unchanged', row: rec.row, key, name, level: rec.level ?? 0, id: match!.id, skipped: true }));
      return;
    }
    const parent: PlannedRow['parent'] = p === null ? null : parentId !== null ? { id: parentId } : { record: p };
    const base = { row: rec.row, key, name, level: rec.level ?? 0 };
    if (!match) {
      const values = newTaskValues(rec, hasChildren[i]!);
      planned.push({ record: i, status: 'new', patch: values, parent });
      show('new', () => ({ ...base, status: 'new', values: previewValues(values) }));
      return;
    }
    // A status that only follows the progress does not undo a task put on hold or cancelled.
    const onHold = !!rec.statusFromProgress && (match.values.status === 'on_hold' || match.values.status === 'cancelled');
    // Nor does a mark in the name make a stored task a milestone again: the user's setting stands.
    const d = diff(table, rec, match.values, (field) => skipOf(i, field) || (onHold && field === 'status') || (!!rec.milestoneDerived && field === 'milestone'));
    // Under a task this import creates, a stored task always moves.
    const move = !parent ? match.parentId !== null : 'id' in parent ? match.parentId !== parent.id : true;
    if (move) {
      const from = match.parentId === null ? '' : (byId.get(match.parentId)?.code ?? '');
      const to = p === null ? '' : codes[p]!;
      d.changes.unshift({ field: 'parent', before: from, after: to });
    }
    const status = d.changes.length > 0 ? 'changed' : 'unchanged';
    planned.push({ record: i, status, id: match.id, patch: d.patch, parent, move });
    show(status, () => ({ ...base, status, id: match.id, ...(status === 'changed' ? { changes: d.changes } : {}) }));
  });
  const missing = stored.filter((t) => !used.has(t.id)).map((t) => ({ id: t.id, key: t.code, name: t.name, parentId: t.parentId }));
  return { matchBy, planned, missing, rows, rowCount: count() };
}
