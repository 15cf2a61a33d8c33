// Review S2 (after 104f883, the weekday decides a yearless date's year): a weekday written wrong (a
// copied row whose day was changed but not its weekday: 7/18(木), where 2025-07-18 is a Friday) fits the
// neighbouring year, 2024, and was stored there though the sheet's date or the row's own start says 2025
// (a finish a year before its start). A date of the file places the cell; the weekday decides only when
// nothing in the file dates it.
import { describe, expect, it } from 'vitest';
import { workbook } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

describe('a mistyped weekday beside a date without a year', () => {
  it('in minutes dated 2025年7月8日: the due date stays in 2025', async () => {
    const due = ['7/15(火)', '7/18(木)', '7/22(火)'];
    const bytes = await workbook([
      {
        name: '議事録',
        rows: [
          ['定例会議 議事録'],
          ['日時', '2025年7月8日(火) 10:00～11:00'],
          [],
          ['■ToDo'],
          ['No.', 'ToDo内容', '担当', '期日', '状態'],
          ...due.map((d, k) => [k + 1, `確認事項${k + 1}の回答`, '田中', d, '未着手']),
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'Minutes' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'minutes.xlsx', dataBase64: bytes.toString('base64') });
    await call('excel.applyImport', { previewId: preview.previewId });
    const issues = await call('issue.list', { projectId });
    expect(issues.map((i) => i.due)).toEqual(['2025-07-15', '2025-07-18', '2025-07-22']);
  });

  it('in a WBS row whose start is 2025/7/14: the finish 7/18(木) is not a year before its start', async () => {
    const bytes = await workbook([
      {
        name: 'WBS',
        rows: [
          ['WBS', 'タスク名', '開始日', '終了日'],
          ['1', '設計', '2025/7/14', '7/18(木)'],
          ['2', '実装', '2025/7/22', '8/1(金)'],
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'Plan' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    await call('excel.applyImport', { previewId: preview.previewId });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => [t.plannedStart, t.plannedFinish])).toEqual([
      ['2025-07-14', '2025-07-18'],
      ['2025-07-22', '2025-08-01'],
    ]);
  });
});
