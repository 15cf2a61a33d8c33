// What each import target (the WBS and the three registers) can take from a workbook column, and how a
// cell of that column is read. Fields are those of dto.ts (WbsFields) and registers.ts; the WBS also has
// structure columns (WBS code, level, 大/中/小分類) that only shape the tree.
import { REGISTERS, type RegisterName, type VocabListName } from '../registers.js';
import { REGISTER_LIST, REGISTER_NAMES } from '../registers/index.js';

export type ImportTarget = 'wbs' | RegisterName;
export const IMPORT_TARGETS: readonly ImportTarget[] = ['wbs', ...REGISTER_NAMES];

export type FieldKind =
  | 'text'
  | 'date'
  | 'effort' // person-days
  | 'progress' // 0–100
  | 'wbsStatus'
  | 'yesNo'
  | 'rating' // 1–5
  | 'vocab' // a code of a project list
  | 'ref' // the register's ID — or a plain row number
  | 'wbsCode' // 1.2.3
  | 'level' // 1, 2, 3 / Lv.2
  | 'parent' // another row's ID (Redmine's 親チケット 1203, Backlog's 親課題キー APP-40): the tree by following parents
  | 'days' // a whole number of working days: 5, 5日, 5 days
  | 'scheduling' // 手動 / 自動, manual / auto
  | 'category' // 大分類 / 中分類 / 小分類: one level of the tree per column
  | 'derived'; // computed by the register (score, level, age): recognized, never read back

export interface FieldSpec {
  kind: FieldKind;
  /** For 'vocab'. */
  list?: VocabListName;
  /** For 'vocab': the register may leave it empty (a change's 対応状況 before the decision). */
  optional?: boolean;
  /** For 'category': 1 = 大分類, 2 = 中分類 … */
  depth?: number;
  /** For 'derived': what it computes is a number (an age in days, a score), not a word. */
  numeric?: boolean;
}

/** Structure fields of the WBS: they build the tree and are not stored as values. */
export const WBS_STRUCTURE_FIELDS = ['wbsCode', 'level', 'parent', 'level1', 'level2', 'level3', 'level4'] as const;

const WBS: Record<string, FieldSpec> = {
  name: { kind: 'text' },
  assignee: { kind: 'text' },
  plannedStart: { kind: 'date' },
  plannedFinish: { kind: 'date' },
  duration: { kind: 'days' },
  scheduling: { kind: 'scheduling' },
  actualStart: { kind: 'date' },
  actualFinish: { kind: 'date' },
  plannedEffort: { kind: 'effort' },
  actualEffort: { kind: 'effort' },
  progress: { kind: 'progress' },
  status: { kind: 'wbsStatus' },
  milestone: { kind: 'yesNo' },
  deliverable: { kind: 'text' },
  predecessors: { kind: 'text' },
  notes: { kind: 'text' },
  wbsCode: { kind: 'wbsCode' },
  level: { kind: 'level' },
  parent: { kind: 'parent' },
  level1: { kind: 'category', depth: 1 },
  level2: { kind: 'category', depth: 2 },
  level3: { kind: 'category', depth: 3 },
  level4: { kind: 'category', depth: 4 },
};

function registerFields(name: RegisterName): Record<string, FieldSpec> {
  const def = REGISTERS[name];
  const out: Record<string, FieldSpec> = {};
  for (const field of Object.keys(def.fields.shape)) {
    if (field === 'extra' || field === 'meetingId') continue;
    const vocab = def.vocab[field];
    if (vocab) out[field] = { kind: 'vocab', list: vocab.list, ...(!vocab.required && { optional: true }) };
    else if (field === 'ref') out[field] = { kind: 'ref' };
    else if (def.ratingFields?.includes(field)) out[field] = { kind: 'rating' };
    else if (/On$/.test(field) || field === 'due') out[field] = { kind: 'date' };
    else out[field] = { kind: 'text' };
  }
  for (const [field, value] of Object.entries(def.derived ?? {})) out[field] = { kind: 'derived', ...(value === 'number' && { numeric: true }) };
  return out;
}

export const TARGET_FIELDS = Object.fromEntries([['wbs', WBS], ...REGISTER_NAMES.map((n) => [n, registerFields(n)])]) as Record<ImportTarget, Record<string, FieldSpec>>;

/** The field a table of this target cannot do without: the task name, the title. */
export const KEY_FIELD = Object.fromEntries([['wbs', 'name'], ...REGISTER_LIST.map((d) => [d.name, d.keyField])]) as Record<ImportTarget, string>;

export function fieldSpec(target: ImportTarget, field: string): FieldSpec | undefined {
  return Object.prototype.hasOwnProperty.call(TARGET_FIELDS[target], field) ? TARGET_FIELDS[target][field] : undefined;
}
