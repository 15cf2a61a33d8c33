// Column headers of the grids and of PMO Desk's own export layout, in Japanese and English. Each is a
// word the import recognizes for its field (test/unit/export-headers.test.ts checks it), so a file
// exported from PMO Desk comes back in with no mapping to fix.
import { h, type Header } from '../registers/descriptor.js';
import { REGISTER_LIST } from '../registers/index.js';
import type { ImportTarget } from './fields.js';

export type { Header };

/**
 * The columns of the WBS and of each register (from its descriptor) as the grid shows them by default, in its order, with its headers: the
 * one source of the grid's headers (i18n `<register>.col`) and of the standard export's header row, so
 * the file says what the screen says. `derived` columns are computed (score, level, age): exported and
 * recognized on import, never read back as values.
 */
export const COLUMN_HEADERS = {
  wbs: {
    code: h('WBS', 'WBS'),
    name: h('タスク名', 'Task'),
    assignee: h('担当者', 'Assignee'),
    plannedStart: h('予定開始日', 'Planned start'),
    plannedFinish: h('予定終了日', 'Planned finish'),
    actualStart: h('実績開始日', 'Actual start'),
    actualFinish: h('実績終了日', 'Actual finish'),
    plannedEffort: h('予定工数(人日)', 'Planned effort (pd)'),
    actualEffort: h('実績工数(人日)', 'Actual effort (pd)'),
    progress: h('進捗率(%)', 'Progress (%)'),
    status: h('ステータス', 'Status'),
    milestone: h('マイルストーン', 'Milestone'),
    deliverable: h('成果物', 'Deliverable'),
    duration: h('期間(日)', 'Duration (days)'),
    scheduling: h('スケジュール', 'Scheduling'),
    predecessors: h('先行タスク', 'Predecessors'),
    notes: h('備考', 'Notes'),
  } as Record<string, Header>,
  ...Object.fromEntries(REGISTER_LIST.map((d) => [d.name, Object.fromEntries(Object.entries(d.columns).map(([f, c]) => [f, h(c.ja, c.en)]))])),
} as Record<ImportTarget, Record<string, Header>>;

/** Computed columns: written by the export, known to the import, never stored from a file. */
export const DERIVED_FIELDS: Partial<Record<ImportTarget, readonly string[]>> = Object.fromEntries(REGISTER_LIST.map((d) => [d.name, Object.keys(d.derived ?? {})]));

/** A register's headers in one language, by grid field (for i18n). */
export function columnLabels(target: ImportTarget, language: 'ja' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(COLUMN_HEADERS[target]).map(([field, label]) => [field, label[language]]));
}

/**
 * The standard export's columns: the grid's, by import field (the WBS code column is the import's
 * `wbsCode`).
 */
export const EXPORT_HEADERS: Record<ImportTarget, Record<string, Header>> = Object.fromEntries(
  Object.entries(COLUMN_HEADERS).map(([target, cols]) => [
    target,
    Object.fromEntries(Object.entries(cols).map(([field, label]) => [target === 'wbs' && field === 'code' ? 'wbsCode' : field, label])),
  ]),
) as Record<ImportTarget, Record<string, Header>>;

/** A task's scheduling mode as the export writes it (the import reads MS Project's words too). */
export const WBS_SCHEDULING_LABELS: Record<string, Header> = {
  manual: h('手動', 'Manual'),
  auto: h('自動', 'Auto'),
};

/** WBS statuses as the export writes them (the WBS has no per-project list). */
export const WBS_STATUS_LABELS: Record<string, Header> = {
  not_started: h('未着手', 'Not started'),
  in_progress: h('対応中', 'In progress'),
  done: h('完了', 'Done'),
  on_hold: h('保留', 'On hold'),
  cancelled: h('中止', 'Cancelled'),
};
