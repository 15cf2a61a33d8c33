// A preview answers the first PREVIEW_ROWS_PER_STATUS rows of each status, not every row of the file
// (issue 18: a 100,000-row import answered 34 MB of rows for the dialog to parse and lay out): the
// counts and rowCount still tell the whole table, a changed row late in the file is still listed, and
// the apply writes every row, listed or not.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_ROWS_PER_STATUS } from '../../electron/common/excel/preview.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const ROWS = PREVIEW_ROWS_PER_STATUS + 500;

/** A flat WBS of ROWS tasks; `assignee(i)` names the person of task i. */
async function plan(assignee: (i: number) => string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS番号', 'タスク名', '担当者']);
  for (let i = 0; i < ROWS; i++) ws.addRow([`${i + 1}`, `タスク ${i + 1}`, assignee(i)]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a preview of more rows than it lists', () => {
  it('lists the first rows of each status, counts them all, and applies every one', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const first = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: await plan(() => '佐藤') });
      expect(first.rowCount).toBe(ROWS);
      expect(first.counts.new).toBe(ROWS);
      expect(first.rows).toHaveLength(PREVIEW_ROWS_PER_STATUS);
      // The first ones, in file order (the header is row 1).
      expect(first.rows.map((r) => r.row)).toEqual(Array.from({ length: PREVIEW_ROWS_PER_STATUS }, (_, i) => i + 2));
      expect(first.rows[0]).toMatchObject({ status: 'new', name: 'タスク 1', values: { assignee: '佐藤' } });
      const applied = await call('excel.applyImport', { previewId: first.previewId });
      expect(applied.created).toBe(ROWS);
      expect(ws.db.sqlite.prepare('SELECT count(*) FROM wbs_tasks WHERE project_id = ?').pluck().get(projectId)).toBe(ROWS);

      // Ten rows past the first PREVIEW_ROWS_PER_STATUS change: all ten are listed, beside the first unchanged rows.
      const late = (i: number) => i >= ROWS - 10;
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: await plan((i) => (late(i) ? '鈴木' : '佐藤')) });
      expect(again.rowCount).toBe(ROWS);
      expect(again.counts).toMatchObject({ changed: 10, unchanged: ROWS - 10 });
      const changed = again.rows.filter((r) => r.status === 'changed');
      expect(changed.map((r) => r.row)).toEqual(Array.from({ length: 10 }, (_, k) => ROWS - 10 + k + 2));
      expect(changed[0]!.changes).toEqual([{ field: 'assignee', before: '佐藤', after: '鈴木' }]);
      expect(again.rows.filter((r) => r.status === 'unchanged')).toHaveLength(PREVIEW_ROWS_PER_STATUS);
      expect((await call('excel.applyImport', { previewId: again.previewId })).updated).toBe(10);
      expect(ws.db.sqlite.prepare("SELECT count(*) FROM wbs_tasks WHERE project_id = ? AND assignee = '鈴木'").pluck().get(projectId)).toBe(10);
    } finally {
      ws.close();
    }
  }, 120_000);
});
