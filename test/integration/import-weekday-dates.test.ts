// Blind set 4, J2, through the API: a minutes workbook's ■ToDo table under the meeting's 日時, its 期日
// typed as text without a year but with the weekday (7/15(火)). Before, all six were stored in today's
// year (2026-07-15, a Wednesday) and the dialog asked for a year "nothing in the file decides"; now the
// weekday decides (2025), agreeing with the minutes' date, and nothing is asked.
import { describe, expect, it } from 'vitest';
import { workbook } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

describe("a minutes sheet's ToDo dates written with their weekday", () => {
  it('are stored in the year the weekdays fit, flagged, with no year asked', async () => {
    const due = ['7/15(火)', '7/11(金)', '7/18(金)', '7/22(火)', '8/1(金)', '7/9(水)'];
    const bytes = await workbook([
      {
        name: '議事録',
        rows: [
          ['定例会議 議事録'],
          [],
          ['会議名', '第12回 定例会'],
          ['日時', '2025年7月8日(火) 10:00～11:00'],
          ['場所', '会議室A'],
          ['出席者', '田中、佐藤、鈴木'],
          [],
          ['■議題'],
          ['1. 進捗確認'],
          ['2. 課題の確認'],
          [],
          ['■決定事項'],
          ['・結合テストは7/22開始'],
          [],
          [],
          [],
          ['■ToDo'],
          ['No.', 'ToDo内容', '担当', '期日', '状態'],
          ...due.map((d, k) => [k + 1, `確認事項${k + 1}の回答`, ['田中', '佐藤', '鈴木'][k % 3]!, d, k === 5 ? '完了' : '未着手']),
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'Minutes' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'minutes.xlsx', dataBase64: bytes.toString('base64') });
    expect([preview.sheet, preview.header.top]).toEqual(['議事録', 18]);
    expect(preview.years).toBeUndefined();
    expect(preview.problems.filter((p) => p.field === 'due').map((p) => [p.cell, p.code, p.params.from])).toEqual(due.map((_, k) => [`D${19 + k}`, 'yearAssumed', 'weekday']));
    await call('excel.applyImport', { previewId: preview.previewId });
    const issues = await call('issue.list', { projectId });
    expect(issues.map((i) => i.due)).toEqual(['2025-07-15', '2025-07-11', '2025-07-18', '2025-07-22', '2025-08-01', '2025-07-09']);
  });
});
