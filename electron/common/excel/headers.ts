// Column headers of PMO Desk's own export layout, in Japanese and English. Each is a word the import
// recognizes for its field (test/unit/export-headers.test.ts checks it), so a file exported from PMO
// Desk comes back in with no mapping to fix.
import type { ImportTarget } from './fields.js';

export type Header = { ja: string; en: string };

const h = (ja: string, en: string): Header => ({ ja, en });

export const EXPORT_HEADERS: Record<ImportTarget, Record<string, Header>> = {
  wbs: {
    wbsCode: h('WBS番号', 'WBS'),
    name: h('タスク名', 'Task name'),
    assignee: h('担当者', 'Assignee'),
    plannedStart: h('予定開始日', 'Planned start'),
    plannedFinish: h('予定終了日', 'Planned finish'),
    actualStart: h('実績開始日', 'Actual start'),
    actualFinish: h('実績終了日', 'Actual finish'),
    plannedEffort: h('予定工数(人日)', 'Planned effort'),
    actualEffort: h('実績工数(人日)', 'Actual effort'),
    progress: h('進捗率', 'Progress'),
    status: h('状態', 'Status'),
    milestone: h('マイルストーン', 'Milestone'),
    deliverable: h('成果物', 'Deliverable'),
    predecessors: h('先行タスク', 'Predecessors'),
    notes: h('備考', 'Notes'),
  },
  risk: {
    ref: h('管理番号', 'ID'),
    title: h('リスク', 'Risk'),
    description: h('リスク詳細', 'Description'),
    category: h('分類', 'Category'),
    probability: h('発生確率', 'Probability'),
    impact: h('影響度', 'Impact'),
    strategy: h('対応方針', 'Strategy'),
    owner: h('担当者', 'Owner'),
    trigger: h('トリガー', 'Trigger'),
    responsePlan: h('対応策', 'Response plan'),
    contingency: h('発生時の対応', 'Contingency plan'),
    status: h('ステータス', 'Status'),
    raisedOn: h('起票日', 'Date raised'),
    raisedBy: h('起票者', 'Raised by'),
    due: h('期限', 'Due date'),
    closedOn: h('完了日', 'Date closed'),
  },
  issue: {
    ref: h('管理番号', 'ID'),
    kind: h('種別', 'Type'),
    title: h('課題名', 'Issue'),
    detail: h('詳細', 'Details'),
    priority: h('優先度', 'Priority'),
    owner: h('担当者', 'Owner'),
    raisedOn: h('起票日', 'Date raised'),
    raisedBy: h('起票者', 'Raised by'),
    due: h('期限', 'Due date'),
    status: h('ステータス', 'Status'),
    resolution: h('対応内容', 'Resolution'),
    closedOn: h('完了日', 'Date closed'),
  },
  change: {
    ref: h('管理番号', 'ID'),
    title: h('件名', 'Title'),
    requestedBy: h('依頼者', 'Requested by'),
    requestedOn: h('依頼日', 'Date requested'),
    description: h('変更内容', 'Description'),
    reason: h('変更理由', 'Reason'),
    impactScope: h('影響範囲', 'Scope impact'),
    impactSchedule: h('スケジュール影響', 'Schedule impact'),
    impactCost: h('コスト影響', 'Cost impact'),
    decision: h('判定', 'Decision'),
    decidedBy: h('判定者', 'Decided by'),
    decidedOn: h('判定日', 'Date decided'),
    implStatus: h('対応状況', 'Implementation status'),
  },
};

/** WBS statuses as the export writes them (the WBS has no per-project list). */
export const WBS_STATUS_LABELS: Record<string, Header> = {
  not_started: h('未着手', 'Not started'),
  in_progress: h('対応中', 'In progress'),
  done: h('完了', 'Done'),
  on_hold: h('保留', 'On hold'),
  cancelled: h('中止', 'Cancelled'),
};
