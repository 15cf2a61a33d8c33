// MS Project-style predecessors given by an ID column that is not the outline's numbering (issue 13):
// "10", "20FS+2d", "10SS,30" refer to the rows whose ID cell holds that number, summaries included.
// The import turns them into links (dependency rows), not text with a warning per cell.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tasks');
  ws.addRow(['ID', 'WBS', 'Task Name', 'Duration', 'Start', 'Finish', 'Predecessors']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('predecessors by an ID column', () => {
  it('become links to the rows whose ID they name, with their types and lags', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      // IDs count every row (summaries too), so ID 3 is task 1.2, ID 5 is task 2.1: not the outline codes.
      const dataBase64 = await plan([
        [1, '1', 'Design', '10 days', d('2025-04-01'), d('2025-04-14'), null],
        [2, '1.1', 'Draft spec', '5 days', d('2025-04-01'), d('2025-04-07'), null],
        [3, '1.2', 'Review spec', '5 days', d('2025-04-08'), d('2025-04-14'), '2'],
        [4, '2', 'Build', '10 days', d('2025-04-17'), d('2025-04-30'), null],
        [5, '2.1', 'Code', '8 days', d('2025-04-17'), d('2025-04-28'), '3FS+2d'],
        [6, '2.2', 'Docs', '3 days', d('2025-04-15'), d('2025-04-17'), '3SS,5'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
      expect(preview.counts.new).toBe(6);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const byName = new Map(tasks.map((t: { id: number; name: string }) => [t.name, t.id]));
      const links = (await call('dependency.list', { projectId })).map((l: { predecessorId: number; successorId: number; type: string; lagDays: number }) => [
        tasks.find((t: { id: number }) => t.id === l.predecessorId)!.name,
        tasks.find((t: { id: number }) => t.id === l.successorId)!.name,
        l.type,
        l.lagDays,
      ]);
      expect(links.sort()).toEqual(
        [
          ['Draft spec', 'Review spec', 'FS', 0],
          ['Review spec', 'Code', 'FS', 2],
          ['Review spec', 'Docs', 'SS', 0],
          ['Code', 'Docs', 'FS', 0],
        ].sort(),
      );
      expect(byName.size).toBe(6);
      // The same file again is the same plan: nothing changed, the links as they are.
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 6 });
      // Exported back with no edit, the Predecessors keep the client's IDs ("3FS+2d", not our "1.2FS+2").
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const column = (b64: string) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.map((r) => r.cells.find((c) => c.c === 6)?.v ?? null);
      expect(column(out.dataBase64)).toEqual(column(dataBase64));
    } finally {
      ws.close();
    }
  });

  it('numbers that are not all IDs of the file are read as WBS codes, as before (a warning where one names no row)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        [1, '1', 'Design', '5 days', d('2025-04-01'), d('2025-04-07'), null],
        [2, '2', 'Build', '5 days', d('2025-04-08'), d('2025-04-14'), '1'],
        [3, '3', 'Test', '5 days', d('2025-04-15'), d('2025-04-21'), '9'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.problems.filter((p) => p.field === 'predecessors').map((p) => [p.cell, p.code])).toEqual([['G4', 'predecessorMissing']]);
      // …and the preview says so: the column was read as WBS codes, not by the ID column.
      expect(preview.predecessorsReading).toEqual({ by: 'code' });
    } finally {
      ws.close();
    }
  });
  it('are read as WBS numbers beside a running No. column: a Japanese WBS’s 先行 "2" is phase 2, not the second row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('WBS');
    sheet.addRow(['No.', 'WBS番号', 'タスク名', '開始日', '終了日', '先行タスク']);
    sheet.addRow([1, '1', '要件定義', d('2025-04-01'), d('2025-04-14'), null]);
    sheet.addRow([2, '1.1', 'ヒアリング', d('2025-04-01'), d('2025-04-07'), null]);
    sheet.addRow([3, '1.2', '要件定義書作成', d('2025-04-08'), d('2025-04-14'), null]);
    sheet.addRow([4, '2', '設計', d('2025-04-15'), d('2025-04-30'), '1']);
    sheet.addRow([5, '2.1', '基本設計', d('2025-04-15'), d('2025-04-30'), null]);
    sheet.addRow([6, '3', '開発', d('2025-05-01'), d('2025-05-31'), '2']);
    sheet.addRow([7, '3.1', '実装', d('2025-05-01'), d('2025-05-31'), null]);
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 });
      await call('excel.applyImport', { previewId: preview.previewId });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const name = (id: number) => tasks.find((t) => t.id === id)!.name;
      const links = (await call('dependency.list', { projectId })).map((l) => `${name(l.predecessorId)} → ${name(l.successorId)}`);
      expect(links.sort()).toEqual(['要件定義 → 設計', '設計 → 開発'].sort());
    } finally {
      ws.close();
    }
  });
});
