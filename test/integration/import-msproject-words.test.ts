// An MS Project export (blind set 7, M5), in Japanese or English, in either of its wordings: the resource
// column (資源名, リソース名, Resource Names) is the task's owner, the work column (作業時間, Work) the work
// planned for it — what was done is 実績作業時間 / Actual Work — and 期間 ("5 日", "5d", "5 days") its duration.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TASKS: [string, string, string, string, string, string, number, number][] = [
  ['要件定義', '5 日', '2025-06-09', '2025-06-13', '山田', '40 時間', 24, 1],
  ['設計', '10 日', '2025-06-16', '2025-06-27', '佐藤', '80 時間', 16, 0.5],
  ['実装', '5d', '2025-06-30', '2025-07-04', '鈴木', '40h', 0, 0],
];

describe('an MS Project export', () => {
  it.each([
    ['Japanese', ['ID', 'タスク名', '期間', '開始日', '終了日', '資源名', '作業時間', '実績作業時間', '達成率']],
    ['Japanese, other wording', ['ID', 'タスク名', '期間', '開始', '終了', 'リソース名', '作業時間', '実働作業時間', '進捗率']],
    ['English', ['ID', 'Task Name', 'Duration', 'Start', 'Finish', 'Resource Names', 'Work', 'Actual Work', '% Complete']],
  ])('%s: resources are the owner, work the planned effort, the actual work the actual', async (_, header) => {
    const t = await readRows([header, ...TASKS.map(([n, dur, s, f, who, work, actual, pc], k) => [k + 1, n, dur, d(s), d(f), who, work, actual, pc])]);
    const field = (label: string) => t.columns.find((c) => c.label === label)?.field;
    expect([header[5], header[6], header[7], header[2]].map((l) => field(l!))).toEqual(['assignee', 'plannedEffort', 'actualEffort', 'duration']);
    expect(t.records.map((r) => [r.values.assignee, r.values.plannedEffort, r.values.duration])).toEqual([
      ['山田', 5, 5],
      ['佐藤', 10, 10],
      ['鈴木', 5, 5],
    ]);
  });
});
