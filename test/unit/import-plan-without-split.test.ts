// A schedule whose header never splits plan from actual has one pair of dates, and it is the plan:
// 完了日 / 着手日 / Finished are actuals only beside a planned date (予定・実績 headers). Blind set 7, M7:
// 開始日 | 完了日 read 完了日 as the actual finish.
import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TASKS = ['要件定義', 'ヒアリング', '要件書作成', '基本設計', '詳細設計'];
const fields = (t: ImportTable) => Object.fromEntries(t.columns.map((c) => [c.label, c.field]));

/** A plan of five tasks under `header` (task, owner, then one date column per remaining header word). */
function plan(header: ModelCell[], title = true): ModelCell[][] {
  const dates = header.length - 2;
  return [
    ...(title ? [['WBS（計画）'], []] : []),
    header,
    ...TASKS.map((t, i): ModelCell[] => [t, '佐藤', ...Array.from({ length: dates }, (_, k) => d(`2025-04-${String(1 + i + 7 * k).padStart(2, '0')}`))]),
  ];
}

describe('a date pair with no plan/actual split is the plan', () => {
  it.each([
    ['開始日', '完了日'],
    ['着手日', '完了日'],
    ['開始日付', '完了日'],
    ['Start', 'Finished'],
    ['着手', '最終日'],
  ])('%s | %s → planned start and finish', (start, finish) => {
    const t = readModel(plan(['タスク', '担当', start, finish]), 'wbs', [], 'Sheet1');
    expect(fields(t)[start]).toBe('plannedStart');
    expect(fields(t)[finish]).toBe('plannedFinish');
    expect(t.records[0]!.values).toMatchObject({ plannedStart: '2025-04-01', plannedFinish: '2025-04-08' });
    expect(t.records[0]!.values.actualFinish).toBeUndefined();
  });

  // Review U9: the split is per kind — 実績開始日 splits the starts and says nothing of the finish.
  it.each([
    [['開始日', '完了日', '実績開始日'], ['plannedStart', 'plannedFinish', 'actualStart']],
    [['開始日', '実績開始日', '完了日'], ['plannedStart', 'actualStart', 'plannedFinish']],
    [['Start', 'Finished', 'Actual Start'], ['plannedStart', 'plannedFinish', 'actualStart']],
  ])('a split of the starts only: %j', (dates, want) => {
    const t = readModel(plan(['タスク', '担当', ...dates]), 'wbs', [], 'Sheet1');
    expect(dates.map((w) => fields(t)[w])).toEqual(want);
  });

  it('under a group label that says neither (日程 over 開始日 | 完了日)', () => {
    const rows: ModelCell[][] = [['タスク', '担当', '日程', null], [null, null, '開始日', '完了日'], ...plan(['x', 'y', 'a', 'b'], false).slice(1)];
    const t = readModel(rows, 'wbs', ['A1:A2', 'B1:B2', 'C1:D1'], 'Sheet1');
    expect(t.columns.map((c) => c.field)).toEqual(['name', 'assignee', 'plannedStart', 'plannedFinish']);
  });
});

describe('where the header splits plan from actual, 完了日 stays the actual', () => {
  it.each([
    [['予定開始日', '予定終了日', '完了日'], ['plannedStart', 'plannedFinish', 'actualFinish']],
    [['開始日', '終了日', '完了日'], ['plannedStart', 'plannedFinish', 'actualFinish']],
    [['開始日', '実績開始日', '終了日', '完了日'], ['plannedStart', 'actualStart', 'plannedFinish', 'actualFinish']],
    [['開始日', '完了日', '実績完了日'], ['plannedStart', 'plannedFinish', 'actualFinish']],
    [['Planned Start', 'Planned Finish', 'Finished'], ['plannedStart', 'plannedFinish', 'actualFinish']],
  ])('%j', (dates, want) => {
    const t = readModel(plan(['タスク', '担当', ...dates]), 'wbs', [], 'Sheet1');
    expect(dates.map((w) => fields(t)[w])).toEqual(want);
  });

  it('予定 / 実績 over 開始日 | 完了日', () => {
    const rows: ModelCell[][] = [['タスク', '担当', '予定', null, '実績', null], [null, null, '開始日', '完了日', '開始日', '完了日'], ...plan(['x', 'y', 'a', 'b', 'c', 'e'], false).slice(1)];
    const t = readModel(rows, 'wbs', ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1'], 'Sheet1');
    expect(t.columns.map((c) => c.field)).toEqual(['name', 'assignee', 'plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });
});
