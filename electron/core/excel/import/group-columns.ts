// A WBS column left of the task names whose texts are merged down over runs of consecutive tasks, or
// written once on the first task of each run and left blank below it, is a level of the tree above them: 工種 仮設工事 merged over its two tasks, Workstream "Data" over three, 区分
// 建築 over 工種 over tasks. A person reads the merge as the group, whatever the column's header word
// (工種, 区分, Stage, none), whatever stands before it (a flat No. column) or right of it (a week band):
// blind set 9, C1, where 工種 stayed an extra column and every task was stored at the top, while the same
// column headed 工程 (a word of a level) was read as the tree.
import type { ColumnMapping } from '../../../common/excel/preview.js';
import type { ImportTarget } from '../../../common/excel/fields.js';
import type { Cell, Merge } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';
import { columnLabel } from './header-rows.js';

/** The confidence of a level read from merges, not from a header word. */
const MERGED_GROUP = 0.8;
/** Rows under the header looked at (the merges of a group column show in its first groups). */
const LOOK_ROWS = 200;
/** The deepest level a WBS import reads (level1 … level4). */
const MAX_LEVELS = 4;

const LEVEL = /^level\d$/;

const filled = (cell: Cell | undefined) => cell !== undefined && !(cell.t === 's' && (cell.v as string).trim() === '');

/**
 * Whether a merge's rows are one record's block, not tasks: another column is merged over the very same
 * rows (the No., the dates) and its later rows hold nothing but the text under the name — more of the
 * record (対応策 under リスク事象, 回答内容 under 課題内容), where each task of a group fills its own cells.
 */
function recordBlock(ix: SheetIndex, m: Merge, col: ColumnMapping, name: ColumnMapping): boolean {
  const outside = (c1: number, c2: number, x: ColumnMapping) => c2 < x.c || c1 >= x.c + x.span;
  if (!ix.sheet.merges.some((o) => o !== m && o.r1 === m.r1 && o.r2 === m.r2 && outside(o.c1, o.c2, col) && outside(o.c1, o.c2, name))) return false;
  for (let r = m.r1 + 1; r <= m.r2; r++) if ((ix.row(r)?.cells ?? []).some((cell) => filled(cell) && outside(cell.c, cell.c, name))) return false;
  return true;
}

/**
 * Whether the column's merges below the header group tasks: two or more merged texts each over two or
 * more task names (the rows whose name cell is filled: a task of two rows names itself once), and no
 * more merges over one task than over several — a text merged over one task's own rows (a two-row
 * record's ID, or a cell merged as the record's other cells are) is that task's, not a group.
 */
function groupsTasks(ix: SheetIndex, col: ColumnMapping, name: ColumnMapping, bottom: number, last: number): boolean {
  const inColumn = ix.sheet.merges.filter((m) => m.c1 >= col.c && m.c2 <= col.c + col.span - 1 && m.r1 > bottom && m.r1 <= last && m.r2 > m.r1);
  let groups = 0;
  let single = 0;
  for (const m of inColumn) {
    const anchor = ix.cell(m.r1, m.c1);
    if (!anchor || anchor.t !== 's' || !/\p{L}/u.test(anchor.v as string)) return false;
    let tasks = 0;
    for (let r = m.r1; r <= m.r2 && tasks < 2; r++) if (Array.from({ length: name.span }, (_, k) => ix.cell(r, name.c + k)).some(filled)) tasks++;
    if (tasks >= 2 && !recordBlock(ix, m, col, name)) groups++;
    else single++;
  }
  return groups >= 2 && groups > single;
}

/**
 * Whether the column names each group once, on its first task, and leaves the tasks below it blank (工種
 * 仮設工事 on the first of its three tasks, as construction schedules write it: blind set 12, R2) — the
 * merge's group written without the merge. From the first task on, every text of the column stands on a
 * task and starts a run of two or more tasks at least twice, more runs of several tasks than of one,
 * each text once (a group is named once), short words (no sentence: a note column is no group).
 */
function namesGroupsOnce(ix: SheetIndex, col: ColumnMapping, name: ColumnMapping, bottom: number, last: number, parentOf: (r: number) => string): boolean {
  const named = (r: number) => Array.from({ length: name.span }, (_, k) => ix.cell(r, name.c + k)).some(filled);
  const own = (r: number) => Array.from({ length: col.span }, (_, k) => ix.cell(r, col.c + k)).find(filled);
  const tasks: number[] = [];
  for (let r = bottom + 1; r <= last; r++) if (named(r)) tasks.push(r);
  if (tasks.length < 4) return false;
  // Only the task rows count: the rows after the last task (notes, a legend) are no part of the groups.
  const starts = tasks.filter((r) => own(r) !== undefined);
  if (starts.length < 2 || starts[0] !== tasks[0]) return false;
  // (A text merged down is the merge's group or a record's own cell of several rows: groupsTasks decides
  // that from the merges; a two-row record whose No, 区分 and dates are all merged over its rows is no group.)
  if (starts.some((r) => Array.from({ length: col.span }, (_, k) => ix.mergeAt(r, col.c + k)).some((m) => m !== undefined && m.r2 > m.r1))) return false;
  const texts = starts.map((r) => own(r)!);
  if (!texts.every((c) => c.t === 's' && /\p{L}/u.test(c.v as string) && (c.v as string).trim().length <= 30 && !/[。．]/u.test(c.v as string))) return false;
  // (Once under its parent group: 躯体 under A街区 and again under B街区 are two groups.)
  if (new Set(texts.map((c, k) => `${parentOf(starts[k]!)}\u0000${(c.v as string).trim()}`)).size !== texts.length) return false;
  // Any text in the column between tasks (a row with no task name) is no group's start: not this kind.
  for (let r = tasks[0]!; r <= tasks[tasks.length - 1]!; r++) if (!named(r) && own(r) !== undefined) return false;
  const runs = starts.map((r, k) => tasks.filter((t) => t >= r && (k + 1 >= starts.length || t < starts[k + 1]!)).length);
  const groups = runs.filter((n) => n >= 2).length;
  return groups >= 2 && groups > runs.length - groups;
}

/**
 * Whether the column repeats its group on every task (街区 A街区 on each of its five tasks, Trade
 * "Structure" on each of its three: unseen sets 12–14, where such plans came in flat): every task has a
 * short text there, each text (under its parent group) stands on one run of consecutive tasks only, and
 * two or more runs, more of several tasks than of one — a column naming each task's own thing (a code, an
 * owner who comes back later, a note) breaks into runs of one or comes back after another value.
 */
function repeatsGroups(ix: SheetIndex, col: ColumnMapping, name: ColumnMapping, bottom: number, last: number, parentOf: (r: number) => string): boolean {
  const named = (r: number) => Array.from({ length: name.span }, (_, k) => ix.cell(r, name.c + k)).some(filled);
  const own = (r: number) => Array.from({ length: col.span }, (_, k) => ix.cell(r, col.c + k)).find(filled);
  const tasks: number[] = [];
  for (let r = bottom + 1; r <= last; r++) if (named(r)) tasks.push(r);
  if (tasks.length < 4) return false;
  const keys: string[] = [];
  for (const r of tasks) {
    const c = own(r);
    if (!c || c.t !== 's') return false;
    const v = (c.v as string).trim();
    if (!/\p{L}/u.test(v) || v.length > 30 || /[。．]/u.test(v)) return false;
    keys.push(`${parentOf(r)}\u0000${v}`);
  }
  const runs: number[] = [];
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (i > 0 && keys[i - 1] === k) runs[runs.length - 1]!++;
    else {
      // (A group comes back after another one: not the column's groups.)
      if (seen.has(k)) runs.push(-Infinity);
      seen.add(k);
      runs.push(1);
    }
  });
  if (runs.some((n) => n === -Infinity)) return false;
  const groups = runs.filter((n) => n >= 2).length;
  return groups >= 2 && groups > runs.length - groups;
}

/** Each task row's groups in the given columns, a blank cell taking the group above (written once, or merged down). */
function carriedGroups(ix: SheetIndex, columns: ColumnMapping[], bottom: number, last: number): (r: number) => string {
  const at = new Map<number, string>();
  const current: string[] = columns.map(() => '');
  for (let r = bottom + 1; r <= last; r++) {
    columns.forEach((col, d) => {
      const merge = ix.mergeAt(r, col.c);
      const cell = Array.from({ length: col.span }, (_, k) => ix.cell(r, col.c + k)).find(filled) ?? (merge ? ix.cell(merge.r1, merge.c1) : undefined);
      if (!cell || !filled(cell)) return;
      current[d] = String(cell.v).trim();
      // (A new group starts its subgroups afresh.)
      for (let k = d + 1; k < columns.length; k++) current[k] = '';
    });
    at.set(r, current.join('\u0000'));
  }
  return (r) => at.get(r) ?? '';
}

/**
 * The columns with each merged group column left of the task names read as a level (level1 leftmost),
 * beside the level columns a header word found there. Unchanged when a level column stands right of the
 * names or the levels would be more than the import reads.
 */
export function mergedGroupLevels(target: ImportTarget, ix: SheetIndex, columns: ColumnMapping[], bottom: number): ColumnMapping[] {
  if (target !== 'wbs') return columns;
  const name = columns.find((m) => m.field === 'name');
  if (!name) return columns;
  const below = ix.rowsBelow(bottom, LOOK_ROWS);
  const last = below[below.length - 1]?.r ?? bottom;
  const left = (m: ColumnMapping) => m.c + m.span <= name.c;
  // A group column the client left without a header word is no column of the header: between the table's
  // first column (or right before it) and the names, a column no header word covers is looked at as well.
  const first = Math.min(...columns.map((m) => m.c));
  const unheaded: ColumnMapping[] = [];
  for (let c = Math.max(0, first - 1); c < name.c; c++)
    if (!columns.some((m) => m.c <= c && c < m.c + m.span)) unheaded.push({ c, span: 1, column: columnLabel(c, 1), label: '', field: null, confidence: 0 });
  const all = [...columns, ...unheaded].sort((a, b) => a.c - b.c);
  // Left to right: a column's groups are read under the groups of the columns found left of it.
  // A value repeated on every task gives groups only where nothing else gives the tree (a code, a level,
  // a parent column: a tracker's Issue Type beside its Epic Link is the task's type), and only in the
  // columns right before the names (Issue Type | Issue key | Summary: a type sorted into runs, no group).
  const structured = columns.some((m) => m.field !== null && /^(?:wbsCode|level|parent)$/.test(m.field));
  // (A column barred so is read again without it: the columns right of it were grouped under it.)
  const barred = new Set<ColumnMapping>();
  let found: ColumnMapping[] = [];
  for (;;) {
    found = [];
    const repeated: ColumnMapping[] = [];
    for (const m of all) {
      if (m.field !== null || m.period || m.numbering || m.blockLabels || !left(m)) continue;
      const parentOf = carriedGroups(ix, found, bottom, last);
      if (groupsTasks(ix, m, name, bottom, last) || namesGroupsOnce(ix, m, name, bottom, last, parentOf)) found.push(m);
      else if (!structured && !barred.has(m) && repeatsGroups(ix, m, name, bottom, last, parentOf)) {
        found.push(m);
        repeated.push(m);
      }
    }
    const apart = repeated.filter((m) => all.some((x) => x.c > m.c && x.c < name.c && !found.includes(x)));
    if (apart.length === 0) break;
    for (const m of apart) barred.add(m);
  }
  if (found.length === 0) return columns;
  const levels = all.filter((m) => found.includes(m) || (m.field !== null && LEVEL.test(m.field)));
  if (levels.length > MAX_LEVELS || levels.some((m) => !left(m))) return columns;
  const order = [...levels].sort((a, b) => a.c - b.c);
  return all.filter((m) => !unheaded.includes(m) || found.includes(m)).map((m) => {
    const at = order.indexOf(m);
    if (at < 0) return m;
    const { extraKey: _, ...rest } = m;
    return { ...rest, field: `level${at + 1}`, confidence: found.includes(m) ? MERGED_GROUP : m.confidence };
  });
}
