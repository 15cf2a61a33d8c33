// An import whose 先行 column closes a cycle (1.1 after 1.2, 1.2 after 1.1) is refused as a whole, the
// cycle named as the predecessors' problem, and nothing is written. Since the import's links are checked
// for cycles by the reschedule that ends the apply (linkImported no longer reads the whole network a
// second time for it), this pins that the refusal, its field and the rollback stayed — also with the
// option that deletes missing rows, where a missing row in the cycle would have taken its links along.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(rows: [string, string, string | null][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行']);
  for (const [code, name, pred] of rows) ws.addRow([code, name, d('2025-04-01'), d('2025-04-03'), pred]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const CYCLE: [string, string, string | null][] = [
  ['1', '設計', null],
  ['1.1', '基本設計', '1.2'],
  ['1.2', '詳細設計', '1.1'],
  ['2', '製造', '1'],
];

describe('an import whose predecessors close a cycle', () => {
  for (const missing of ['keep', 'delete'] as const)
    it(`is refused with the cycle named under predecessors, nothing written (missing rows: ${missing})`, async () => {
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      try {
        const { id: projectId } = await call('project.create', { name: 'P' });
        // With 'delete', a stored task the file does not list (it would be deleted as missing).
        if (missing === 'delete') await call('wbs.create', { projectId, values: { name: '旧タスク' } });
        const before = await call('wbs.rows', { projectId }).then(tasksOfTable);
        const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: await plan(CYCLE) });
        const err = await call('excel.applyImport', { previewId: preview.previewId, options: { missing } }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ApiError);
        const e = err as ApiError;
        expect(e.code).toBe('VALIDATION');
        expect(e.message).toMatch(/cycle: (1\.1 → 1\.2 → 1\.1|1\.2 → 1\.1 → 1\.2)/);
        expect((e.details as { field: string }[])[0]!.field).toBe('predecessors');
        expect(await call('wbs.rows', { projectId }).then(tasksOfTable)).toEqual(before);
        expect(await call('dependency.list', { projectId })).toEqual([]);
      } finally {
        ws.close();
      }
    }, 60_000);
});
