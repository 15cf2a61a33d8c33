// Column headers of the grids and of PMO Desk's own export layout, in Japanese and English. Each is a
// word the import recognizes for its field (test/unit/export-headers.test.ts checks it), so a file
// exported from PMO Desk comes back in with no mapping to fix.
import type { ImportTarget } from './fields.js';

export type Header = { ja: string; en: string };

const h = (ja: string, en: string): Header => ({ ja, en });

/**
 * The columns of each register as the grid shows them by default, in its order, with its headers: the
 * one source of the grid's headers (i18n `<register>.col`) and of the standard export's header row, so
 * the file says what the screen says. `derived` columns are computed (score, level, age): exported and
 * recognized on import, never read back as values.
 */
export const COLUMN_HEADERS: Record<ImportTarget, Record<string, Header>> = {
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
  },
  risk: {
    ref: h('ID', 'ID'),
    title: h('リスク', 'Risk'),
    category: h('分類', 'Category'),
    probability: h('発生確率', 'Probability'),
    impact: h('影響度', 'Impact'),
    score: h('スコア', 'Score'),
    level: h('レベル', 'Level'),
    strategy: h('対応方針', 'Strategy'),
    status: h('ステータス', 'Status'),
    owner: h('担当者', 'Owner'),
    due: h('期限', 'Due'),
    description: h('内容', 'Description'),
    trigger: h('トリガー', 'Trigger'),
    responsePlan: h('対応策', 'Response plan'),
    contingency: h('発生時の対応', 'Contingency'),
    raisedOn: h('起票日', 'Raised on'),
    raisedBy: h('起票者', 'Raised by'),
    closedOn: h('完了日', 'Closed on'),
  },
  issue: {
    ref: h('ID', 'ID'),
    kind: h('種別', 'Kind'),
    title: h('件名', 'Title'),
    priority: h('優先度', 'Priority'),
    status: h('ステータス', 'Status'),
    owner: h('担当者', 'Owner'),
    due: h('期限', 'Due'),
    ageDays: h('経過日数', 'Age (days)'),
    detail: h('詳細', 'Detail'),
    resolution: h('対応結果', 'Resolution'),
    raisedOn: h('起票日', 'Raised on'),
    raisedBy: h('起票者', 'Raised by'),
    closedOn: h('完了日', 'Closed on'),
  },
  change: {
    ref: h('ID', 'ID'),
    title: h('件名', 'Change'),
    requestedBy: h('依頼者', 'Requested by'),
    requestedOn: h('依頼日', 'Requested on'),
    description: h('変更内容', 'Description'),
    reason: h('理由', 'Reason'),
    impactScope: h('スコープへの影響', 'Impact on scope'),
    impactSchedule: h('スケジュールへの影響', 'Impact on schedule'),
    impactCost: h('コストへの影響', 'Impact on cost'),
    decision: h('判定', 'Decision'),
    decidedBy: h('判定者', 'Decided by'),
    decidedOn: h('判定日', 'Decided on'),
    implStatus: h('実施状況', 'Implementation status'),
  },
};

/** Computed columns: written by the export, known to the import, never stored from a file. */
export const DERIVED_FIELDS: Partial<Record<ImportTarget, readonly string[]>> = { risk: ['score', 'level'], issue: ['ageDays'] };

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
