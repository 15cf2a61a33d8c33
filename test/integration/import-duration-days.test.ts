// Blind set 4, J14, through the API: a plan's `Duration (d)` (working days, 0 for a milestone) was kept
// as an extra column — only `Duration (days)` was a duration word — so every task lost its duration. A
// duration word with a day unit in brackets, in any common spelling, is the working days.
import { describe, expect, it } from 'vitest';
import { workbook } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('a duration column headed with its day unit', () => {
  for (const header of ['Duration (d)', 'Dur. [days]', '工期(営業日)', '期間（日数）']) {
    it(`${header} is the tasks' working days`, async () => {
      const bytes = await workbook([
        {
          name: 'Plan',
          rows: [
            ['WBS', 'Task', 'Start', 'Finish', header, 'Owner'],
            ['1', 'Design', d('2025-06-02'), d('2025-06-06'), 5, 'Ann'],
            ['2', 'Build', d('2025-06-09'), d('2025-06-20'), 10, 'Bob'],
            ['3', 'Design signed off', d('2025-06-20'), d('2025-06-20'), 0, 'Ann'],
          ],
        },
      ]);
      const { id: projectId } = await call('project.create', { name: header });
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
      expect(preview.columns.find((c) => c.label === header)?.field).toBe('duration');
      expect(preview.problems.filter((p) => !p.warning)).toEqual([]);
      await call('excel.applyImport', { previewId: preview.previewId });
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as { name: string; duration: number | null; plannedStart: string | null; plannedFinish: string | null }[];
      expect(tasks.map((t) => [t.name, t.duration, t.plannedStart, t.plannedFinish])).toEqual([
        ['Design', 5, '2025-06-02', '2025-06-06'],
        ['Build', 10, '2025-06-09', '2025-06-20'],
        ['Design signed off', 0, '2025-06-20', '2025-06-20'],
      ]);
    });
  }
});
